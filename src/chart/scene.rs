//! What a layout produces: marks in drawing order, and the targets of a chart's points, with
//! hit-testing, where a point's tooltip card goes, and the marks that show a focused point. Pure.

use super::geom::{Font, PointCss, RectCss, TextMeasure};
use super::theme::Rgb;

/// Which point of a text mark its `at` is, across: the start of the text, its centre or its end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Which point of a text mark its `at` is, down: the top of the text or its middle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Baseline {
    Top,
    Middle,
}

/// Something to draw, in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    Rect { rect: RectCss, fill: Rgb },
    /// A frame of `width_css_px` (at least 1 px) centred on the rectangle's edge.
    Outline { rect: RectCss, color: Rgb, width_css_px: f64 },
    Line { from: PointCss, to: PointCss, color: Rgb },
    Text { at: PointCss, text: String, font: Font, color: Rgb, align: Align, baseline: Baseline },
}

impl Mark {
    /// The rectangle and colour of a filled box or a frame; `None` for lines and text.
    pub fn shape(&self) -> Option<(RectCss, Rgb)> {
        match self {
            Mark::Rect { rect, fill } => Some((*rect, *fill)),
            Mark::Outline { rect, color, .. } => Some((*rect, *color)),
            Mark::Line { .. } | Mark::Text { .. } => None,
        }
    }
}

/// An area that stands for a data point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Target {
    /// Index into `Chart::points()`.
    pub point_idx: usize,
    /// Where the pointer hits the point.
    pub hit: RectCss,
    /// Where a tooltip for the point attaches (the end of its bar).
    pub anchor: PointCss,
    /// The right edge of the figure drawn after the bar's end; the anchor's x where there is none.
    pub figure_right_css_px: f64,
}

impl Target {
    /// Where a tooltip card of `card_width_css_px` × `card_height_css_px` goes in a scene of
    /// `scene_width_css_px` × `scene_height_css_px`: below the point's row, else above it, else
    /// beside the bar's end (after it, else before it), so that the card leaves the end of the
    /// highlighted bar and its value in view. Only where none of these fits does it cover them:
    /// the second value is false then. Keeps 12 px from the sides (a phone's chart padding, the
    /// least) and 4 px from the top and bottom.
    pub fn card_position(&self, scene_width_css_px: f64, scene_height_css_px: f64, card_width_css_px: f64, card_height_css_px: f64) -> (PointCss, bool) {
        const EDGE_CSS_PX: f64 = 4.0;
        const SIDE_CSS_PX: f64 = 12.0;
        let x_near = (self.anchor.x_css_px + 12.0).min(scene_width_css_px - card_width_css_px - SIDE_CSS_PX).max(SIDE_CSS_PX);
        let fits_y = |y: f64| y >= EDGE_CSS_PX && y + card_height_css_px <= scene_height_css_px - EDGE_CSS_PX;
        let (below, above) = (self.hit.bottom_css_px() + 4.0, self.hit.y_css_px - card_height_css_px - 4.0);
        let centred = (self.hit.center().y_css_px - card_height_css_px / 2.0)
            .min(scene_height_css_px - card_height_css_px - EDGE_CSS_PX)
            .max(EDGE_CSS_PX);
        let (after, before) = (self.figure_right_css_px + 12.0, self.anchor.x_css_px - 12.0 - card_width_css_px);
        let (x, y, clear) = if fits_y(below) {
            (x_near, below, true)
        } else if fits_y(above) {
            (x_near, above, true)
        } else if after + card_width_css_px <= scene_width_css_px - SIDE_CSS_PX {
            (after, centred, true)
        } else if before >= SIDE_CSS_PX {
            (before, centred, true)
        } else {
            (x_near, below.min(scene_height_css_px - card_height_css_px - EDGE_CSS_PX).max(EDGE_CSS_PX), false)
        };
        (PointCss { x_css_px: x, y_css_px: y }, clear)
    }
}

/// A chart laid out at one width: its size in CSS pixels, the marks in drawing order, and the
/// targets of its points.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub width_css_px: f64,
    pub height_css_px: f64,
    pub marks: Vec<Mark>,
    pub targets: Vec<Target>,
}

impl Scene {
    /// The point under `p`: the smallest target that contains it; `None` over gaps and text.
    pub fn hit(&self, p: PointCss) -> Option<usize> {
        // The first of the smallest, as `min_by` would.
        let mut smallest: Option<&Target> = None;
        for t in &self.targets {
            if t.hit.contains(p) && smallest.is_none_or(|s| t.hit.area_css_px2() < s.hit.area_css_px2()) {
                smallest = Some(t);
            }
        }
        smallest.map(|t| t.point_idx)
    }

    /// The first target of a point.
    pub fn target(&self, point_idx: usize) -> Option<&Target> {
        self.targets.iter().find(|t| t.point_idx == point_idx)
    }

    /// The box every text mark covers, as measured by `measure`.
    pub fn text_boxes(&self, measure: &dyn TextMeasure) -> Vec<(String, RectCss)> {
        self.marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { at, text, font, align, baseline, .. } => {
                    let w = measure.width_css_px(text, *font);
                    let h = font.size_css_px * 1.2;
                    let x = match align {
                        Align::Left => at.x_css_px,
                        Align::Center => at.x_css_px - w / 2.0,
                        Align::Right => at.x_css_px - w,
                    };
                    let y = match baseline {
                        Baseline::Top => at.y_css_px,
                        Baseline::Middle => at.y_css_px - h / 2.0,
                    };
                    Some((text.clone(), RectCss::new(x, y, w, h)))
                }
                _ => None,
            })
            .collect()
    }
}

/// The shapes that show a focused point over the chart drawn with nothing focused: each filled
/// rectangle or outline of `focused` that `base` draws otherwise, and the shapes drawn over those
/// (a part's bar over its whole), so they stay on top. The colour of a focused tile's value is not
/// among them: the tooltip card shows the value. Empty when the scenes differ in size.
pub fn highlight_marks(base: &Scene, focused: &Scene) -> Vec<Mark> {
    let mut marks: Vec<Mark> = Vec::new();
    if base.width_css_px != focused.width_css_px || base.height_css_px != focused.height_css_px {
        return marks;
    }
    for mark in &focused.marks {
        let Some((rect, _)) = mark.shape() else { continue };
        let mut covers_marked = false;
        for marked in &marks {
            covers_marked |= marked.shape().is_some_and(|(r, _)| r.overlaps(&rect));
        }
        if covers_marked || !base.marks.contains(mark) {
            marks.push(mark.clone());
        }
    }
    marks
}
