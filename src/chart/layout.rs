//! Lays a chart out at a width in CSS pixels: a [`Scene`] of marks to draw and the targets that
//! hit-testing and the keyboard use. Text is measured with the caller's measurer and fitted
//! (wrapped or shortened) so that nothing overlaps or leaves the canvas. Pure.

use super::format;
use super::geom::{Font, PointCss, RectCss, TextMeasure};
use super::scene::{Align, Baseline, Mark, Scene, Target};
use super::spec::{Chart, Panel, PanelKind, RowStyle};
use super::theme::{Rgb, Theme};
use super::wrap::{truncate, wrap};

const fn font(size_css_px: f64, bold: bool) -> Font {
    Font { size_css_px, bold }
}
const LABEL: Font = font(13.0, false);
const VALUE: Font = font(13.0, true);
const PANEL_TITLE: Font = font(14.0, true);
const TICK: Font = font(11.0, false);
const NOTE: Font = font(13.0, false);
const SOURCE: Font = font(11.0, false);
const BAR_HEIGHT_CSS_PX: f64 = 20.0;
/// Touch targets are at least 24 px tall (WCAG 2.5.8).
const TARGET_HEIGHT_CSS_PX: f64 = 24.0;
/// Below this inner width, labels go above their bars instead of beside them (as they do at
/// any width where a label column would leave the bars too little room).
const NARROW_INNER_WIDTH_CSS_PX: f64 = 440.0;
/// Between the label column and the bars.
const LABEL_GAP_CSS_PX: f64 = 10.0;
/// The widest a label column gets where every label fits it in two lines: on a wide chart a long
/// label takes its second line rather than keep every short label far from its bar.
const LABEL_COLUMN_MAX_CSS_PX: f64 = 320.0;
/// The least room kept after a bar for its figure, besides the figure's width.
const FIGURE_GAP_CSS_PX: f64 = 8.0;

/// The distance between the baselines of wrapped lines in `font`.
fn line_height_css_px(font: Font) -> f64 {
    (font.size_css_px * 1.4).round()
}

/// A panel's figures as written, row by row. (Loops here and elsewhere in the chart code rather than
/// `map(…).collect()`: each chain is its own copy of the iterator code in the wasm.)
fn figures(panel: &Panel, lang: super::Lang) -> Vec<String> {
    let mut values = Vec::new();
    for r in &panel.rows {
        values.push(format::value(r.indicator, lang));
    }
    values
}

/// A step of 1, 2 or 5 × 10^k giving about `n_ticks` ticks up to `max`.
fn nice_step(max: f64, n_ticks: usize) -> f64 {
    let raw = (max / n_ticks.max(1) as f64).max(f64::MIN_POSITIVE);
    // The power of ten at or below `raw`, by steps: powf and log10 would add 2.7 KB to the wasm.
    let magnitude = if raw >= 1.0 {
        let mut m = 1.0;
        while m * 10.0 <= raw && (m * 10.0).is_finite() {
            m *= 10.0;
        }
        m
    } else {
        let mut inverse = 1.0;
        while 1.0 / inverse > raw {
            inverse *= 10.0;
        }
        1.0 / inverse
    };
    [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * magnitude).find(|s| *s >= raw && s.is_finite()).unwrap_or(magnitude)
}

struct Builder<'a> {
    chart: &'a Chart,
    measure: &'a dyn TextMeasure,
    theme: &'a Theme,
    focused: Option<usize>,
    width_css_px: f64,
    pad_css_px: f64,
    /// The width of the column of bar labels beside the bars, one for all the chart's panels so
    /// that their bars start at one place; `None` where labels go above their bars.
    label_column_css_px: Option<f64>,
    /// The plots' common width, so that every bar panel's axis ends at one place: the narrowest
    /// any panel's figures leave (`None` while that is being found).
    plot_w_cap_css_px: Option<f64>,
    y_css_px: f64,
    next_point: usize,
    marks: Vec<Mark>,
    targets: Vec<Target>,
}

impl Builder<'_> {
    fn inner_width_css_px(&self) -> f64 {
        self.width_css_px - 2.0 * self.pad_css_px
    }

    fn text(&mut self, x_css_px: f64, y_css_px: f64, text: String, font: Font, color: Rgb, align: Align, baseline: Baseline) {
        let x_css_px = if align == Align::Left { flush_x_css_px(&text, x_css_px, font) } else { x_css_px };
        let at = PointCss { x_css_px, y_css_px };
        self.marks.push(Mark::Text { at, text, font, color, align, baseline });
    }

    /// Left-aligned text in a plot, over its grid: where a grid line (at `grid_xs_css_px`) would
    /// run through the text right of `open_from_x_css_px` (left of it, a share's track already
    /// hides the grid), the background is laid behind the text first, so that the line stops short
    /// of the text and goes on after it. A line at the text's left edge (the zero line under a
    /// label above its bar) stays. Returns the box the text covers.
    #[allow(clippy::too_many_arguments)]
    fn text_over_grid(&mut self, grid_xs_css_px: &[f64], open_from_x_css_px: f64, x_css_px: f64, y_css_px: f64, text: String, font: Font, baseline: Baseline) -> RectCss {
        const HALO_CSS_PX: f64 = 3.0;
        let width_css_px = self.measure.width_css_px(&text, font);
        let height_css_px = font.size_css_px * 1.2;
        // Where `text` will draw it (a line starting with （ begins half a character left).
        let left_css_px = flush_x_css_px(&text, x_css_px, font);
        let (from_x_css_px, to_x_css_px) = ((left_css_px + 0.5).max(open_from_x_css_px - 0.5), left_css_px + width_css_px + HALO_CSS_PX);
        let top_css_px = if baseline == Baseline::Top { y_css_px } else { y_css_px - height_css_px / 2.0 };
        if grid_xs_css_px.iter().any(|gx| *gx > from_x_css_px && *gx < to_x_css_px) {
            let halo = RectCss::new(from_x_css_px, top_css_px, to_x_css_px - from_x_css_px, height_css_px);
            self.marks.push(Mark::Rect { rect: halo, fill: self.theme.background });
        }
        self.text(x_css_px, y_css_px, text, font, self.theme.text, Align::Left, baseline);
        RectCss::new(left_css_px, top_css_px, width_css_px, height_css_px)
    }

    /// Wrapped lines starting at the cursor, which moves below them.
    fn paragraph(&mut self, text: &str, font: Font, color: Rgb, max_lines: usize) {
        for line in wrap(text, self.inner_width_css_px(), font, self.measure, max_lines) {
            self.text(self.pad_css_px, self.y_css_px, line, font, color, Align::Left, Baseline::Top);
            self.y_css_px += line_height_css_px(font);
        }
    }

    fn take_point(&mut self) -> (usize, bool) {
        let idx = self.next_point;
        self.next_point += 1;
        (idx, self.focused == Some(idx))
    }

    /// An axis for `panel`'s bars and the plot's width: the most ticks (up to 7) that leave
    /// 50 px or more between them and room for their labels; closer ticks, if their labels fit,
    /// where that would make the axis half again as long as the longest bar. The width depends
    /// on where the axis ends: the plot runs as far right as each bar's figure after it allows
    /// (the longest bar is seldom the axis's full length: 2.12 billion on a 0–3 billion axis),
    /// with the last tick's label centred on its line, and is never narrower than
    /// `least_plot_w_css_px`. So a finer step, which ends the axis sooner, can leave less room between
    /// ticks than a coarser one: on a phone a 0–3 billion axis for 2.12 billion, not 0–2.5 with
    /// cramped ticks, nor 0–4. Once the chart's common width is known, the plot is that wide,
    /// and only an axis whose figures leave it that much will do.
    fn axis(&self, panel: &Panel, values: &[String], max_value: f64, bar_x0_css_px: f64, least_plot_w_css_px: f64) -> (f64, Vec<(f64, String)>, f64) {
        let lang = self.chart.lang;
        let right_css_px = self.pad_css_px + self.inner_width_css_px();
        let mut n_ticks = 6;
        // The first axis whose labels fit, if its ticks are less than 50 px apart.
        let mut spacing_tight = None;
        loop {
            // A share's axis is cut in quarters, halves or not at all (never in thirds: 33.333%).
            let step = if panel.kind == PanelKind::Share { [100.0, 100.0, 50.0, 50.0, 25.0][n_ticks.min(4)] } else { nice_step(max_value, n_ticks) };
            let domain_max = (max_value / step).ceil().max(1.0) * step;
            let mut ticks: Vec<(f64, String)> = Vec::new();
            // At most 16: a bound whatever the data, where an infinite maximum would never end.
            for i in 0..16 {
                let v = f64::from(i) * step;
                if v > domain_max + step * 1e-9 {
                    break;
                }
                ticks.push((v, format::tick(v, domain_max, panel.unit, lang)));
            }
            let mut widest: f64 = 0.0;
            for (_, t) in &ticks {
                widest = widest.max(self.measure.width_css_px(t, TICK));
            }
            let mut plot_w_css_px = right_css_px - bar_x0_css_px - ticks.last().map_or(0.0, |(_, t)| self.measure.width_css_px(t, TICK) / 2.0);
            for (row, value) in panel.rows.iter().zip(values) {
                if row.indicator.value > 0.0 {
                    let room_css_px = right_css_px - FIGURE_GAP_CSS_PX - self.measure.width_css_px(value, VALUE) - bar_x0_css_px;
                    plot_w_css_px = plot_w_css_px.min(room_css_px * domain_max / row.indicator.value.min(domain_max));
                }
            }
            let plot_w_css_px = plot_w_css_px.max(least_plot_w_css_px);
            // With ticks this far apart the plot reaches the common width (the first ticks to
            // fit at it may end the axis too soon for the figures to fit).
            let reaches = self.plot_w_cap_css_px.is_none_or(|cap| plot_w_css_px >= cap - 0.01);
            let plot_w_css_px = self.plot_w_cap_css_px.map_or(plot_w_css_px, |cap| plot_w_css_px.min(cap));
            let spacing_css_px = plot_w_css_px * step / domain_max;
            let labels_fit = reaches && spacing_css_px >= widest + 8.0;
            // The last resort, one step, may leave the plot short of the common width (not met
            // by these charts from 320 to 1200 px with narrower and wider fonts: tested).
            if (labels_fit && spacing_css_px >= 50.0) || n_ticks <= 1 {
                // Closer ticks rather than an axis half again as long as the longest bar.
                return match spacing_tight {
                    Some(tight) if max_value < domain_max * 2.0 / 3.0 => tight,
                    _ => (domain_max, ticks, plot_w_css_px),
                };
            }
            if labels_fit && spacing_tight.is_none() {
                spacing_tight = Some((domain_max, ticks, plot_w_css_px));
            }
            n_ticks -= 1;
        }
    }

    /// The width of the widest of `texts` in `font`.
    fn widest(&self, texts: &[String], font: Font) -> f64 {
        let mut widest: f64 = 0.0;
        for text in texts {
            widest = widest.max(self.measure.width_css_px(text, font));
        }
        widest
    }

    /// A bar panel's figures, where its bars start, and its axis: where it ends, its ticks and
    /// the plot's width.
    fn panel_axis(&self, panel: &Panel) -> (Vec<String>, f64, f64, Vec<(f64, String)>, f64) {
        let inner_css_px = self.inner_width_css_px();
        let values = figures(panel, self.chart.lang);
        let value_w_css_px = self.widest(&values, VALUE) + FIGURE_GAP_CSS_PX;
        let bar_x0_css_px = self.label_column_css_px.map_or(self.pad_css_px, |w| self.pad_css_px + w + LABEL_GAP_CSS_PX);
        // Room for the widest figure after a bar the axis's full length: the least the plot gets.
        let least_plot_w_css_px = (self.pad_css_px + inner_css_px - value_w_css_px - bar_x0_css_px).max(20.0);
        let max_value = match panel.kind {
            PanelKind::Share => 100.0,
            _ => panel.rows.iter().map(|r| r.indicator.value).fold(0.0, f64::max),
        };
        let (domain_max, ticks, plot_w_css_px) = self.axis(panel, &values, max_value, bar_x0_css_px, least_plot_w_css_px);
        (values, bar_x0_css_px, domain_max, ticks, plot_w_css_px)
    }

    fn bars(&mut self, panel: &Panel) {
        let lang = self.chart.lang;
        let inner_css_px = self.inner_width_css_px();
        let narrow = self.label_column_css_px.is_none();
        let label_w_css_px = self.label_column_css_px.unwrap_or(inner_css_px);
        let (values, bar_x0_css_px, domain_max, ticks, plot_w_css_px) = self.panel_axis(panel);
        let x_of = |v: f64| bar_x0_css_px + plot_w_css_px * (v / domain_max).clamp(0.0, 1.0);
        let mut grid_xs: Vec<f64> = Vec::new();
        for (v, _) in &ticks {
            grid_xs.push(x_of(*v));
        }

        let grid_at = self.marks.len();
        let rows_top = self.y_css_px;
        for (row, value) in panel.rows.iter().zip(values) {
            let (idx, focused) = self.take_point();
            // Wrapped onto up to three lines before anything is shortened: "(firms above designated size)"
            // and "(data centres, …)" are part of what the figure measures.
            let lines = wrap(&row.label, label_w_css_px, LABEL, self.measure, 3);
            let line_h = line_height_css_px(LABEL);
            let n_lines = lines.len().max(1) as f64;
            // Above the bar (narrow), or beside it, the row as tall as the label's lines.
            let (label_h, row_h) = if narrow { (n_lines * line_h, TARGET_HEIGHT_CSS_PX) } else { (0.0, TARGET_HEIGHT_CSS_PX.max(n_lines * line_h)) };
            let row_top = self.y_css_px;
            let bar_y = row_top + label_h + (row_h - BAR_HEIGHT_CSS_PX) / 2.0;
            let center_y = bar_y + BAR_HEIGHT_CSS_PX / 2.0;
            for (line_idx, line) in lines.into_iter().enumerate() {
                let y = if narrow { row_top } else { center_y - (n_lines - 1.0) * line_h / 2.0 } + line_idx as f64 * line_h;
                if narrow {
                    self.text_over_grid(&grid_xs, f64::MIN, self.pad_css_px, y, line, LABEL, Baseline::Top);
                } else {
                    self.text(self.pad_css_px, y, line, LABEL, self.theme.text, Align::Left, Baseline::Middle);
                }
            }
            let end_x = x_of(row.indicator.value);
            let bar = RectCss::new(bar_x0_css_px, bar_y, end_x - bar_x0_css_px, BAR_HEIGHT_CSS_PX);
            if panel.kind == PanelKind::Share {
                self.marks.push(Mark::Rect { rect: RectCss::new(bar_x0_css_px, bar_y, plot_w_css_px, BAR_HEIGHT_CSS_PX), fill: self.theme.tile });
            }
            let fill = match (focused, row.style, row.part.is_some()) {
                (true, RowStyle::Derived, _) => self.theme.derived_highlight_fill,
                (true, _, _) => self.theme.highlight,
                (_, RowStyle::Reference, _) => self.theme.reference,
                (_, RowStyle::Derived, _) => self.theme.derived_fill,
                (_, _, true) => self.theme.whole,
                _ => self.theme.bar,
            };
            self.marks.push(Mark::Rect { rect: bar, fill });
            if row.style == RowStyle::Derived {
                let color = if focused { self.theme.highlight } else { self.theme.bar };
                self.marks.push(Mark::Outline { rect: bar, color, width_css_px: 1.5 });
            }
            let open_from_x = if panel.kind == PanelKind::Share { bar_x0_css_px + plot_w_css_px } else { f64::MIN };
            let figure = self.text_over_grid(&grid_xs, open_from_x, end_x + 6.0, center_y, value, VALUE, Baseline::Middle);
            let band = RectCss::new(self.pad_css_px, row_top, inner_css_px, label_h + row_h);
            let anchor = PointCss { x_css_px: end_x, y_css_px: bar_y };
            self.targets.push(Target { point_idx: idx, hit: band, anchor, figure });
            self.y_css_px = row_top + label_h + row_h + 6.0;

            if let Some(part) = row.part {
                let (part_idx, part_focused) = self.take_point();
                let part_end = x_of(part.value);
                let part_bar = RectCss::new(bar_x0_css_px, bar_y, part_end - bar_x0_css_px, BAR_HEIGHT_CSS_PX);
                let part_fill = if part_focused { self.theme.highlight } else { self.theme.bar };
                // With the whole focused, the part inside it is highlighted too: the highlight then
                // runs the whole bar's length, the figure the card shows, not only past the part.
                let part_bar_fill = if focused { self.theme.highlight } else { part_fill };
                self.marks.push(Mark::Rect { rect: part_bar, fill: part_bar_fill });
                // A gap in the background's colour where the part ends: the two blues differ by
                // less than 3:1, the gap and each blue by more (WCAG 1.4.11).
                self.marks.push(Mark::Rect { rect: RectCss::new(part_end, bar_y, 2.0, BAR_HEIGHT_CSS_PX), fill: self.theme.background });
                let anchor = PointCss { x_css_px: part_end, y_css_px: bar_y };
                // A legend line under the bar names the part; it is a target for the part too.
                let legend_top = self.y_css_px - 4.0;
                let swatch = RectCss::new(bar_x0_css_px, legend_top + 7.0, 10.0, 10.0);
                self.marks.push(Mark::Rect { rect: swatch, fill: part_fill });
                let part_label = lang.pick(&part.label.zh, &part.label.en);
                let mut legend = super::spec::of_which(part_label, lang);
                legend.push_str(lang.pick("：", ":"));
                let legend_w = self.pad_css_px + inner_css_px - bar_x0_css_px - 16.0;
                // Wrapped, not shortened: the line carries the part's figure, which no bar label
                // shows. The figure is read as one: after the words on their last line where it
                // fits there, else on a line of its own (not "more than" / "1.73 million").
                let mut lines = wrap(&legend, legend_w, LABEL, self.measure, 3);
                let value = format::value(part, lang);
                let mut joined = lines.last().cloned().unwrap_or_default();
                joined.push_str(lang.pick("", " "));
                joined.push_str(&value);
                match lines.last_mut() {
                    Some(last) if self.measure.width_css_px(&joined, LABEL) <= legend_w => *last = joined,
                    _ => {
                        for line in wrap(&value, legend_w, LABEL, self.measure, 2) {
                            lines.push(line);
                        }
                    }
                }
                let line_height_css_px = line_height_css_px(LABEL);
                // The part's figure ends the legend: the box of its lines.
                let mut figure: Option<RectCss> = None;
                for (line_idx, line) in lines.iter().enumerate() {
                    let y = legend_top + 12.0 + line_height_css_px * line_idx as f64;
                    let b = self.text_over_grid(&grid_xs, f64::MIN, bar_x0_css_px + 16.0, y, line.clone(), LABEL, Baseline::Middle);
                    figure = Some(figure.map_or(b, |f| RectCss::new(f.x_css_px, f.y_css_px, f.width_css_px.max(b.width_css_px), b.bottom_css_px() - f.y_css_px)));
                }
                let figure = figure.unwrap_or(RectCss::new(part_end, bar_y, 0.0, BAR_HEIGHT_CSS_PX));
                let part_hit = RectCss::new(bar_x0_css_px, row_top + label_h, part_bar.width_css_px, row_h);
                self.targets.push(Target { point_idx: part_idx, hit: part_hit, anchor, figure });
                let legend_height_css_px = TARGET_HEIGHT_CSS_PX + line_height_css_px * lines.len().saturating_sub(1) as f64;
                let hit = RectCss::new(bar_x0_css_px, legend_top, legend_w + 16.0, legend_height_css_px);
                self.targets.push(Target { point_idx: part_idx, hit, anchor, figure });
                self.y_css_px = legend_top + legend_height_css_px + 6.0;
            }
        }
        let rows_bottom = self.y_css_px - 4.0;
        let mut grid = Vec::new();
        let last_tick = ticks.len().saturating_sub(1);
        for (i, (v, label)) in ticks.into_iter().enumerate() {
            let x = x_of(v);
            let from = PointCss { x_css_px: x, y_css_px: rows_top };
            let to = PointCss { x_css_px: x, y_css_px: rows_bottom };
            grid.push(Mark::Line { from, to, color: self.theme.grid });
            let align = match i {
                0 => Align::Left,
                i if i == last_tick && x + self.measure.width_css_px(&label, TICK) / 2.0 > self.width_css_px - 2.0 => Align::Right,
                _ => Align::Center,
            };
            let at = PointCss { x_css_px: x, y_css_px: rows_bottom + 4.0 };
            self.marks.push(Mark::Text { at, text: label, font: TICK, color: self.theme.muted_text, align, baseline: Baseline::Top });
        }
        self.marks.splice(grid_at..grid_at, grid);
        self.y_css_px = rows_bottom + 4.0 + TICK.size_css_px * 1.4;
    }

    fn stats(&mut self, panel: &Panel) {
        let lang = self.chart.lang;
        let inner_css_px = self.inner_width_css_px();
        let gap_css_px = 10.0;
        let n = panel.rows.len().max(1);
        // Tiles at least wide enough for every figure in the smallest font: a figure is never shortened.
        let smallest = font(14.0, true);
        let values = figures(panel, lang);
        let widest_value_css_px = self.widest(&values, smallest);
        let min_tile_width_css_px = (widest_value_css_px + 20.0).max(150.0);
        let cols = (((inner_css_px + gap_css_px) / (min_tile_width_css_px + gap_css_px)).floor() as usize).min(n).max(1);
        // As few columns as fill the same number of rows: two by two rather than three and one.
        // Rounded up by hand, each divisor at least one: `div_ceil` keeps a panic path for zero
        // in the wasm, as `%` below would for a `cols` not known to be one or more.
        let rows = ((n + cols - 1) / cols).max(1);
        let cols = ((n + rows - 1) / rows).max(1);
        let tile_width_css_px = (inner_css_px - gap_css_px * (cols - 1) as f64) / cols as f64;
        // Labels on up to four lines (a figure the texts give undated adds the day it was reported,
        // at the press conference, in English a long line at a phone's width); every tile as tall as
        // the one with the most in its row (in one column, on a phone, each its own height).
        let label_font = font(12.0, false);
        let mut labels: Vec<Vec<String>> = Vec::new();
        // Each row's height: as much room below the last line as above the figure (10 px).
        let mut heights_css_px: Vec<f64> = Vec::new();
        for (i, r) in panel.rows.iter().enumerate() {
            let label = wrap(&r.label, tile_width_css_px - 20.0, label_font, self.measure, 4);
            let height_css_px = 48.0 + 15.0 * label.len().max(1) as f64;
            match heights_css_px.last_mut() {
                Some(h) if i % cols != 0 => *h = h.max(height_css_px),
                _ => heights_css_px.push(height_css_px),
            }
            labels.push(label);
        }
        // One size for every tile's figure, the largest at which all of them fit: a figure in a
        // smaller type than its neighbours reads as a lesser one.
        let big = [font(20.0, true), font(16.0, true)]
            .into_iter()
            .find(|f| values.iter().all(|v| self.measure.width_css_px(v, *f) <= tile_width_css_px - 20.0))
            .unwrap_or(smallest);
        let (mut y, mut tile_height_css_px) = (self.y_css_px - gap_css_px, 0.0);
        for (i, (label, value)) in labels.into_iter().zip(values).enumerate() {
            let (idx, focused) = self.take_point();
            if i % cols == 0 {
                y += tile_height_css_px + gap_css_px;
                tile_height_css_px = heights_css_px.get(i / cols).copied().unwrap_or_default();
            }
            let x = self.pad_css_px + (i % cols) as f64 * (tile_width_css_px + gap_css_px);
            let tile = RectCss::new(x, y, tile_width_css_px, tile_height_css_px);
            self.marks.push(Mark::Rect { rect: tile, fill: self.theme.tile });
            if focused {
                self.marks.push(Mark::Outline { rect: tile, color: self.theme.highlight, width_css_px: 2.0 });
            }
            let color = if focused { self.theme.highlight } else { self.theme.text };
            let value = truncate(&value, tile_width_css_px - 20.0, big, self.measure);
            let figure = RectCss::new(x + 10.0, y + 10.0, self.measure.width_css_px(&value, big), big.size_css_px * 1.2);
            self.text(x + 10.0, y + 10.0, value, big, color, Align::Left, Baseline::Top);
            for (line_idx, line) in label.into_iter().enumerate() {
                let line_y = y + 38.0 + line_idx as f64 * 15.0;
                self.text(x + 10.0, line_y, line, label_font, self.theme.muted_text, Align::Left, Baseline::Top);
            }
            let anchor = PointCss { x_css_px: x + tile_width_css_px / 2.0, y_css_px: y };
            self.targets.push(Target { point_idx: idx, hit: tile, anchor, figure });
        }
        self.y_css_px = y + tile_height_css_px + gap_css_px;
    }
}

/// Where left-aligned `text` starts at `x_css_px`: a line that starts with a full-width opening
/// bracket half a character left, flush with the lines around it. The bracket's glyph is the right
/// half of its em, which canvas text keeps blank (HTML trims it, CSS `text-spacing-trim`), so
/// that …增长 / （2023年上半年） looked indented.
fn flush_x_css_px(text: &str, x_css_px: f64, font: Font) -> f64 {
    if text.as_bytes().starts_with("（".as_bytes()) { x_css_px - font.size_css_px / 2.0 } else { x_css_px }
}

/// The chart's padding at `width_css_px`: less on a phone. The widget's toolbar starts where
/// this puts the chart's text (src/web/widget.css).
pub fn padding_css_px(width_css_px: f64) -> f64 {
    if width_css_px < 480.0 { 12.0 } else { 16.0 }
}

/// Whether every bar label of `chart` takes at most two lines in a column `width_css_px` wide.
fn labels_fit(chart: &Chart, width_css_px: f64, measure: &dyn TextMeasure) -> bool {
    for panel in &chart.panels {
        if panel.kind == PanelKind::Stats {
            continue;
        }
        for r in &panel.rows {
            if wrap(&r.label, width_css_px, LABEL, measure, 3).len() > 2 {
                return false;
            }
        }
    }
    true
}

/// Lays out `chart` at `width_css_px`; `focused` is the highlighted point, if any.
pub fn layout(chart: &Chart, width_css_px: f64, measure: &dyn TextMeasure, theme: &Theme, focused: Option<usize>) -> Scene {
    let width_css_px = width_css_px.max(200.0);
    let pad_css_px = padding_css_px(width_css_px);
    let (mut widest_label_css_px, mut widest_value_css_px) = (0.0, 0.0);
    for panel in &chart.panels {
        if panel.kind == PanelKind::Stats {
            continue;
        }
        for row in &panel.rows {
            widest_label_css_px = measure.width_css_px(&row.label, LABEL).max(widest_label_css_px);
            widest_value_css_px = measure.width_css_px(&format::value(row.indicator, chart.lang), VALUE).max(widest_value_css_px);
        }
    }
    // Labels beside their bars where that leaves the bars a third of the width besides the widest
    // figure after them and no label takes more than two lines; above them otherwise.
    let inner_css_px = width_css_px - 2.0 * pad_css_px;
    let mut label_w_css_px = widest_label_css_px.min(inner_css_px * 0.4).max(60.0);
    // On a wide chart, a column no wider than LABEL_COLUMN_MAX_CSS_PX where the labels fit it.
    let capped = label_w_css_px > LABEL_COLUMN_MAX_CSS_PX && labels_fit(chart, LABEL_COLUMN_MAX_CSS_PX, measure);
    if capped {
        label_w_css_px = LABEL_COLUMN_MAX_CSS_PX;
    }
    let beside = inner_css_px >= NARROW_INNER_WIDTH_CSS_PX
        && inner_css_px - label_w_css_px - LABEL_GAP_CSS_PX - FIGURE_GAP_CSS_PX - widest_value_css_px >= inner_css_px / 3.0
        && (capped || labels_fit(chart, label_w_css_px, measure));
    let label_column_css_px = beside.then_some(label_w_css_px);
    let mut b = Builder {
        chart,
        measure,
        theme,
        focused,
        width_css_px,
        pad_css_px,
        label_column_css_px,
        plot_w_cap_css_px: None,
        y_css_px: pad_css_px,
        next_point: 0,
        marks: Vec::new(),
        targets: Vec::new(),
    };
    // Each panel's axis chosen without a cap, then the narrowest plot is every panel's.
    let mut cap: Option<f64> = None;
    for panel in &chart.panels {
        if panel.kind != PanelKind::Stats {
            let plot_w_css_px = b.panel_axis(panel).4;
            cap = Some(cap.map_or(plot_w_css_px, |c| c.min(plot_w_css_px)));
        }
    }
    b.plot_w_cap_css_px = cap;
    let title_font = font(if width_css_px < 480.0 { 16.0 } else { 18.0 }, true);
    b.paragraph(&chart.title, title_font, theme.text, 4);
    for panel in &chart.panels {
        b.y_css_px += 10.0;
        b.paragraph(&panel.title, PANEL_TITLE, theme.text, 2);
        b.y_css_px += 4.0;
        match panel.kind {
            PanelKind::Bars | PanelKind::Share => b.bars(panel),
            PanelKind::Stats => b.stats(panel),
        }
    }
    if let Some(note) = &chart.note {
        b.y_css_px += 6.0;
        b.paragraph(note, NOTE, theme.text, 4);
    }
    b.y_css_px += 6.0;
    b.paragraph(&chart.source_line, SOURCE, theme.muted_text, 4);
    let height_css_px = (b.y_css_px + pad_css_px).ceil();
    Scene { width_css_px, height_css_px, marks: b.marks, targets: b.targets }
}

#[cfg(test)]
mod tests {
    use super::nice_step;

    #[test]
    fn axis_steps_are_1_2_or_5_times_a_power_of_ten() {
        assert_eq!(nice_step(44.1, 5), 10.0);
        assert_eq!(nice_step(3.8, 4), 1.0);
        assert_eq!(nice_step(2.937e6, 3), 1e6);
        assert_eq!(nice_step(2.12e9, 2), 2e9);
        assert_eq!(nice_step(100.0, 4), 50.0);
        assert_eq!(nice_step(0.3, 3), 0.1);
        assert_eq!(nice_step(0.012, 1), 0.02);
        assert_eq!(nice_step(10.0, 1), 10.0);
        assert!(nice_step(0.0, 4) > 0.0, "an all-zero panel still gets a step");
        for huge in [f64::MAX, f64::INFINITY] {
            let step = nice_step(huge, 4);
            assert!(step.is_finite() && step > 0.0, "{huge}: a finite step, not {step}");
        }
    }
}
