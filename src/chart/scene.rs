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

    /// The box a text mark covers, as measured by `measure`; `None` for shapes and lines.
    pub fn text_box(&self, measure: &dyn TextMeasure) -> Option<RectCss> {
        let Mark::Text { at, text, font, align, baseline, .. } = self else { return None };
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
        Some(RectCss::new(x, y, w, h))
    }
}

/// Where a tooltip card goes (its top-left corner), and what it covers there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CardPlace {
    pub at: PointCss,
    /// CSS px of its text out of view (`Scene::card_position`'s `visible_css_px`): of it out of
    /// view beyond its padding and border (`CARD_PADDING_CSS_PX`), whole px up; `u32::MAX` where
    /// the chart has no place for it at all.
    pub cut_off_css_px: u32,
    /// Figures it covers part of: its own bar's end and its own figure count 100 each, any other
    /// point's figure 1.
    pub figures_cut: u32,
    /// Other points' figures it hides wholly.
    pub figures_hidden: u32,
}

impl CardPlace {
    /// Whether the whole card does badly enough there for the widget to try it brief: its text
    /// cut off by the window's or a scrolling box's edge (a chart that only peeks into view has
    /// no room for a whole card), or it hides too much of the chart: part of a figure (a cut
    /// "42.4%" may read "2.4%"), its own bar's end, or more than one figure wholly. One figure
    /// hidden wholly while the reader looks at the card is the usual cost of a tooltip.
    pub fn calls_for_brief(&self) -> bool {
        self.cut_off_css_px > 0 || self.figures_cut > 0 || self.figures_hidden > 1
    }

    /// Whether it does better than `other`: less of its text out of view, then fewer figures cut
    /// (its own first), then fewer hidden, the order `Scene::card_position` ranks places in
    /// (where it also puts a place all in view before one whose padding is partly out, and one
    /// near its target before one far across that hides one figure fewer, but no more than one).
    pub fn better_than(&self, other: &CardPlace) -> bool {
        (self.cut_off_css_px, self.figures_cut, self.figures_hidden) < (other.cut_off_css_px, other.figures_cut, other.figures_hidden)
    }
}

/// A card's padding and border above and below its text (src/web/widget.css, `.tip`): as much of
/// it out of view cuts off none of the text.
pub const CARD_PADDING_CSS_PX: u32 = 9;

/// An area that stands for a data point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Target {
    /// Index into `Chart::points()`.
    pub point_idx: usize,
    /// Where the pointer hits the point.
    pub hit: RectCss,
    /// Where a tooltip for the point attaches (the end of its bar).
    pub anchor: PointCss,
    /// The box of the text that gives the point's figure: after the bar's end, in the tile, or
    /// the part's legend line. A tooltip card leaves it in view, and tries to leave every other
    /// point's in view too.
    pub figure: RectCss,
}

/// A bar's height: the end of a bar a tooltip card leaves in view runs this far down from the
/// anchor.
const BAR_END_HEIGHT_CSS_PX: f64 = 20.0;

/// A chart laid out at one width: its size in CSS pixels, the marks in drawing order, and the
/// targets of its points.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub width_css_px: f64,
    pub height_css_px: f64,
    pub marks: Vec<Mark>,
    pub targets: Vec<Target>,
}

/// The whole chart as the part of it in view (`Scene::card_position`'s `visible_css_px`),
/// from its top to its foot: where a card the page scrolls to show is placed.
pub const WHOLE_CHART: (f64, f64) = (f64::NEG_INFINITY, f64::INFINITY);

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

    /// Where a tooltip card of `card_width_css_px` × `card_height_css_px` goes for `target`. The
    /// card stays by the point's row: below it, else above it, else beside the bar's end (after
    /// it, else before it), else elsewhere near the row, at the first place that covers least:
    /// its own bar's end and figure first, then figures cut through (over the end of "42.4%",
    /// "2.4%" would show), then more than one figure hidden wholly, then far across from the
    /// point's target (a tile, a part's bar; a bar's row spans the chart), then figures hidden
    /// wholly, then other texts covered (labels, title), then lines of text cut through by its
    /// top or bottom edge (a title's second line, a panel's heading, their letters' tops or feet
    /// in view; places that cover a line whole or keep clear of it are tried): a card on the far side, away from the tile the
    /// reader looks at, covers the other panels and loses its link to the tile, where one by the
    /// tile hides a figure, the usual cost of a tooltip. Keeps
    /// 12 px from the sides (a phone's chart padding, the least) and 4 px from the top and bottom.
    /// Before all of that, it stays inside `visible_css_px` (from, to: the part of the chart in
    /// view, in the window and any scrolling box around it) as far as it can, so that a chart
    /// partly scrolled out of view shows a card the mouse shows whole.
    pub fn card_position(&self, target: &Target, card_width_css_px: f64, card_height_css_px: f64, visible_css_px: (f64, f64), measure: &dyn TextMeasure) -> CardPlace {
        const EDGE_CSS_PX: f64 = 4.0;
        const SIDE_CSS_PX: f64 = 12.0;
        const GAP_CSS_PX: f64 = 4.0;
        let (w, h, row) = (card_width_css_px, card_height_css_px, target.hit);
        let (max_x, max_y) = (self.width_css_px - w - SIDE_CSS_PX, self.height_css_px - h - EDGE_CSS_PX);
        let end = RectCss::new(target.anchor.x_css_px - 2.0, target.anchor.y_css_px, 2.0, BAR_END_HEIGHT_CSS_PX);
        let x_near = (target.anchor.x_css_px + 12.0).min(max_x).max(SIDE_CSS_PX);
        let (below, above) = (row.bottom_css_px() + 4.0, row.y_css_px - h - 4.0);
        let (after, before) = (end.right_css_px().max(target.figure.right_css_px()) + 12.0, end.x_css_px - 12.0 - w);
        // Across: near the bar's end, after or before it, against a side, or by a figure.
        // Down: below or above the row, level with it, against the top or bottom, or beside a
        // figure; never more than `NEAR_CSS_PX` from the row.
        const NEAR_CSS_PX: f64 = 60.0;
        let mut xs = vec![x_near, after, before, SIDE_CSS_PX, max_x];
        let mut ys = vec![below, above, row.center().y_css_px - h / 2.0, row.y_css_px, row.bottom_css_px() - h, EDGE_CSS_PX, max_y];
        for t in &self.targets {
            // Clear of the figure on either side, or over all of it from either end.
            let (left, right) = (t.figure.x_css_px - GAP_CSS_PX, t.figure.right_css_px() + GAP_CSS_PX);
            xs.extend([left - w, right, left, right - w]);
            ys.push(t.figure.y_css_px - GAP_CSS_PX - h);
            ys.push(t.figure.bottom_css_px() + GAP_CSS_PX);
        }
        let mut texts: Vec<RectCss> = Vec::new();
        for mark in &self.marks {
            if let Some(b) = mark.text_box(measure) {
                // Clear of a line of text above or below it, or over all of it from either
                // end, to its box's edge, where the next line's box begins (a title's second
                // line, a panel's heading), where it would otherwise cut through the line's
                // letters. Only lines a card near the row can reach or keep clear of: a place
                // far from the row is passed over below.
                // (A line's places once: an axis's ticks share one line.)
                if b.y_css_px < row.bottom_css_px() + NEAR_CSS_PX + h + GAP_CSS_PX && b.bottom_css_px() > row.y_css_px - NEAR_CSS_PX - h - GAP_CSS_PX {
                    if texts.last().is_none_or(|l| (l.y_css_px, l.bottom_css_px()) != (b.y_css_px, b.bottom_css_px())) {
                        ys.extend([b.y_css_px - GAP_CSS_PX - h, b.bottom_css_px() + GAP_CSS_PX, b.y_css_px, b.bottom_css_px() - h]);
                    }
                    texts.push(b);
                }
            }
        }
        // (px of its text out of view; its own end or figure, or figures cut through; more than
        // one figure hidden; px out of view; far across from its target; figures hidden wholly;
        // texts covered; texts cut through), the least first.
        let mut best: Option<((u32, u32, u32, u32, u32, u32, u32, u32), CardPlace)> = None;
        for y in ys {
            let far = y > row.bottom_css_px() + NEAR_CSS_PX || y + h < row.y_css_px - NEAR_CSS_PX;
            if far || y < EDGE_CSS_PX || y > max_y {
                continue;
            }
            for x in &xs {
                let x = *x;
                if x < SIDE_CSS_PX || x > max_x {
                    continue;
                }
                let card = RectCss::new(x, y, w, h);
                let (mut cut, mut hidden, mut texts_cut, mut texts_covered) = (0, 0, 0, 0);
                for own in [end, target.figure] {
                    cut += u32::from(card.overlaps(&own)) * 100;
                }
                for t in &self.targets {
                    let f = t.figure;
                    if t.point_idx != target.point_idx && card.overlaps(&f) {
                        *(if card.holds(&f) { &mut hidden } else { &mut cut }) += 1;
                    }
                }
                for b in &texts {
                    texts_covered += u32::from(card.overlaps(b));
                    texts_cut += u32::from(card.cuts_through(b));
                }
                let outside = ((visible_css_px.0 - y).max(0.0) + (y + h - visible_css_px.1).max(0.0)).ceil() as u32;
                let cut_off = outside.saturating_sub(CARD_PADDING_CSS_PX);
                let far_across = x + w < row.x_css_px - NEAR_CSS_PX || x > row.right_css_px() + NEAR_CSS_PX;
                let cost = (cut_off, cut, u32::from(hidden > 1), outside, u32::from(far_across), hidden, texts_covered, texts_cut);
                if best.is_none_or(|(least, _)| cost < least) {
                    best = Some((cost, CardPlace { at: PointCss { x_css_px: x, y_css_px: y }, cut_off_css_px: cut_off, figures_cut: cut, figures_hidden: hidden }));
                }
            }
        }
        match best {
            Some((_, place)) => place,
            // Taller or wider than the chart: over the chart from below the row, as far as it
            // goes, and over its own bar's end and figure.
            // Counted as all out of view, so that a brief card that has a place goes there.
            None => CardPlace { at: PointCss { x_css_px: x_near, y_css_px: below.min(max_y).max(EDGE_CSS_PX) }, cut_off_css_px: u32::MAX, figures_cut: 200, figures_hidden: 0 },
        }
    }

    /// The box every text mark covers, as measured by `measure`.
    pub fn text_boxes(&self, measure: &dyn TextMeasure) -> Vec<(String, RectCss)> {
        let mut boxes = Vec::new();
        for mark in &self.marks {
            if let (Mark::Text { text, .. }, Some(b)) = (mark, mark.text_box(measure)) {
                boxes.push((text.clone(), b));
            }
        }
        boxes
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
