#![cfg(not(target_arch = "wasm32"))]
//! Layout, hit-testing and drawing of every chart, natively, at the widths readers use.

use zhibiao::chart::draw::to_svg;
use zhibiao::chart::geom::{EstimateMeasure, Font, PointCss, RectCss, TextMeasure};
use zhibiao::chart::layout::{layout, padding_css_px};
use zhibiao::chart::describe::said_tooltip;
use zhibiao::chart::scene::{CardPlace, Mark, Scene, Target, CARD_PADDING_CSS_PX, WHOLE_CHART};
use zhibiao::chart::wrap::wrap;
use zhibiao::chart::spec::{Chart, PanelKind};
use zhibiao::chart::theme::{DARK, LIGHT};
use zhibiao::chart::{ChartId, Lang};

#[path = "common/fit.rs"]
mod fit;

fn chart(id: ChartId, lang: Lang) -> Chart {
    Chart::build(id, lang).unwrap_or_else(|e| panic!("{e}"))
}

fn scene(id: ChartId, lang: Lang, width: f64, focused: Option<usize>) -> Scene {
    layout(&chart(id, lang), width, &EstimateMeasure, &LIGHT, focused)
}

/// With the host's estimate; tests/web.rs runs the same check with the browser's fonts.
#[test]
fn no_label_overlaps_or_leaves_the_canvas_from_230_to_1200_px() {
    fit::assert_no_text_overlaps_or_leaves_the_canvas(&EstimateMeasure);
}

/// Labels may be shortened (the tooltip has them in full), figures never: every point's value is
/// on the canvas whole, on one line or wrapped over several, at every width and font width.
#[test]
fn every_figure_is_drawn_in_full_at_every_width() {
    each_layout((230..=1200).step_by(10), |c, id, lang, width, _, s| {
        // Not the small text (axis ticks and the source line): a tick such as "40%"
        // must not stand in for a figure. (A 5G part's figure ends its legend line,
        // in the labels' font; the other figures are bold.)
        let texts: Vec<&str> = s
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { text, font, .. } if font.size_css_px >= 12.0 => Some(text.as_str()),
                _ => None,
            })
            .collect();
        // Lines wrap at spaces in English and anywhere in Chinese. Each point's figure is
        // drawn once: two points of one value (3.8% in two panels) need it twice.
        let drawn = texts.join(lang.pick("", " "));
        let values: Vec<String> = c.points().iter().map(|ind| zhibiao::chart::format::value(ind, lang)).collect();
        for value in &values {
            let wanted = values.iter().filter(|v| *v == value).count();
            let whole = drawn.matches(value.as_str()).count();
            assert!(whole >= wanted, "{id:?} {lang:?} {width}: {value:?} drawn whole {whole} times, not {wanted}, in {texts:?}");
        }
    });
}

/// A figure is read as one: its qualifier, number and unit word stay on one line (not "more
/// than" / "1.73 million", 超 / 173万个), wherever a line breaks around it.
#[test]
fn every_figure_stands_on_one_line() {
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let c = chart(id, lang);
            for width in (320..=1200).step_by(10) {
                for measure in [&EstimateMeasure as &dyn TextMeasure, &Scaled(0.8), &Scaled(1.2)] {
                    let s = layout(&c, f64::from(width), measure, &LIGHT, None);
                    let lines: Vec<String> = s
                        .marks
                        .iter()
                        .filter_map(|m| match m {
                            Mark::Text { text, font, .. } if font.size_css_px >= 12.0 => Some(text.replace('\u{a0}', " ")),
                            _ => None,
                        })
                        .collect();
                    for ind in c.points() {
                        let value = zhibiao::chart::format::value(ind, lang).replace('\u{a0}', " ");
                        assert!(lines.iter().any(|l| l.contains(value.as_str())), "{id:?} {lang:?} {width}: {value:?} not on one line in {lines:?}");
                    }
                }
            }
        }
    }
}

/// Every chart's layout, in both languages, at `widths` in three font widths:
/// `check(chart, id, lang, width, measure, scene)`.
fn each_layout(widths: impl Iterator<Item = u32> + Clone, mut check: impl FnMut(&Chart, ChartId, Lang, u32, &dyn TextMeasure, &Scene)) {
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let c = chart(id, lang);
            for width in widths.clone() {
                for measure in [&EstimateMeasure as &dyn TextMeasure, &Scaled(0.8), &Scaled(1.2)] {
                    check(&c, id, lang, width, measure, &layout(&c, f64::from(width), measure, &LIGHT, None));
                }
            }
        }
    }
}

/// Every text mark of every chart, as [`each_layout`] lays them out:
/// `check(chart, id, lang, width, text)`.
fn each_text_mark(widths: impl Iterator<Item = u32> + Clone, mut check: impl FnMut(&Chart, ChartId, Lang, u32, &str)) {
    each_layout(widths, |c, id, lang, width, _, s| {
        for m in &s.marks {
            if let Mark::Text { text, .. } = m {
                check(c, id, lang, width, text);
            }
        }
    });
}

/// Chinese line breaking (W3C clreq, GB/T 15834): no line of the canvas's text starts with a
/// closing mark or ends with an opening one; 5G应用融入的国民经济大类（截至2023年7月19日） had its
/// ）alone on a tile's last line at 390 px.
#[test]
fn no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one() {
    const CLOSING: &[char] = &['）', '，', '。', '、', '：', '；', '！', '？', '”', '》', ')', ',', '.', ':', ';'];
    const OPENING: &[char] = &['（', '“', '《', '('];
    each_text_mark((230..=1200).step_by(5), |_, id, lang, width, text| {
        let (first, last) = (text.chars().next(), text.chars().last());
        assert!(!first.is_some_and(|ch| CLOSING.contains(&ch)), "{id:?} {lang:?} {width}: {text:?} starts with a closing mark");
        assert!(!last.is_some_and(|ch| OPENING.contains(&ch)), "{id:?} {lang:?} {width}: {text:?} ends with an opening mark");
        // Nor "as" from "of" in "as of 19 July 2023" (a tile's label at 600 px).
        assert!(!text.ends_with(" as") && text != "as", "{id:?} {lang:?} {width}: {text:?} ends with as");
    });
}

/// A wrapped line that starts with a full-width opening bracket is set half a character left of
/// the line above it, where the bracket's glyph begins (its em's left half is blank): the NEV
/// title's （2023年上半年） looked indented under 新能源汽车产销同比增长.
#[test]
fn a_line_that_starts_with_an_opening_bracket_is_flush_with_the_line_above() {
    let mut checked = 0;
    for id in ChartId::ALL {
        let c = chart(id, Lang::Zh);
        for width in (230..=1200).step_by(10) {
            let s = layout(&c, f64::from(width), &EstimateMeasure, &LIGHT, None);
            let texts: Vec<(f64, f64, &str, Font)> = s
                .marks
                .iter()
                .filter_map(|m| match m {
                    Mark::Text { at, text, font, align: zhibiao::chart::scene::Align::Left, .. } => Some((at.x_css_px, at.y_css_px, text.as_str(), *font)),
                    _ => None,
                })
                .collect();
            for pair in texts.windows(2) {
                let ((x0, y0, _, f0), (x1, y1, text, f1)) = (pair[0], pair[1]);
                // The next line of the same text: the same font, one line lower.
                if text.starts_with('（') && f0 == f1 && y1 > y0 && y1 - y0 < f1.size_css_px * 2.0 {
                    assert!((x0 - f1.size_css_px / 2.0 - x1).abs() < 0.01, "{id:?} {width}: {text:?} at {x1}, the line above at {x0}");
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 20, "checked {checked} lines");
}

/// The title and the source line say what and whose the figures are, with the period and the
/// date: never shortened, from 250 px (four lines at most, where labels take three).
#[test]
fn title_and_source_line_are_drawn_whole() {
    each_layout((250..=1200).step_by(10), |c, id, lang, width, _, s| {
        // Their lines, joined, hold each whole: none shortened, none dropped.
        let drawn = s.marks.iter().filter_map(|m| match m { Mark::Text { text, .. } => Some(text.as_str()), _ => None }).collect::<Vec<_>>().join(lang.pick("", " "));
        for whole in [&c.title, &c.source_line] {
            assert!(drawn.contains(whole.as_str()), "{id:?} {lang:?} {width}: {whole:?} not drawn whole in {drawn:?}");
        }
    });
}

/// [`EstimateMeasure`] scaled: fonts narrower than the estimate, as the browser's often are.
struct Scaled(f64);

impl TextMeasure for Scaled {
    fn width_css_px(&self, text: &str, font: Font) -> f64 {
        self.0 * EstimateMeasure.width_css_px(text, font)
    }
}

/// At an article's width a bar's label is wrapped, not shortened:
/// "(firms above designated size)" and "(data centres, big data, …)" say what the figure measures.
#[test]
fn bar_labels_are_drawn_whole_from_600_px() {
    for id in [ChartId::Growth, ChartId::Nev] {
        for lang in [Lang::Zh, Lang::En] {
            let c = chart(id, lang);
            for width in (600..=1200).step_by(20) {
                let s = layout(&c, f64::from(width), &EstimateMeasure, &LIGHT, None);
                // Labels' font (13 px, regular), which only the note shares: not a title, tick or figure.
                let texts: Vec<&str> = s
                    .marks
                    .iter()
                    .filter_map(|m| match m {
                        Mark::Text { text, font, .. } if !font.bold && font.size_css_px == 13.0 => Some(text.as_str()),
                        _ => None,
                    })
                    .collect();
                assert!(!texts.iter().any(|t| t.contains('…')), "{id:?} {lang:?} {width}: shortened: {texts:?}");
                let drawn = texts.join(lang.pick("", " "));
                // Each row's own label (the second growth panel's are periods, not indicator names).
                for row in c.panels.iter().flat_map(|p| &p.rows) {
                    assert!(drawn.contains(row.label.as_str()), "{id:?} {lang:?} {width}: {:?} not drawn whole in {texts:?}", row.label);
                }
            }
        }
    }
}

#[test]
fn axis_ticks_are_round_at_every_width_and_font_width() {
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let chart = chart(id, lang);
            for scale in [0.5, 0.7, 0.85, 1.0] {
                for width in (200..=1200).step_by(5) {
                    let s = layout(&chart, f64::from(width), &Scaled(scale), &LIGHT, None);
                    // Tick labels are the small text that starts with a digit (the source line is as small).
                    let ticks: Vec<(&String, f64)> = s
                        .marks
                        .iter()
                        .filter_map(|m| match m {
                            Mark::Text { text, font, at, .. } if font.size_css_px < 12.0 && text.starts_with(|c: char| c.is_ascii_digit()) => Some((text, at.y_css_px)),
                            _ => None,
                        })
                        .collect();
                    // One large-number word per axis (the ticks of an axis share a line): never "500,000" beside "1 million".
                    for (text, y) in &ticks {
                        let word = |t: &str| t.trim_start_matches(|c: char| c.is_ascii_digit() || ".,".contains(c)).to_string();
                        let others = ticks.iter().filter(|(t, ty)| ty == y && t.as_str() != "0");
                        assert!(text.as_str() == "0" || others.clone().all(|(t, _)| word(t) == word(text)), "{id:?} {lang:?} {width}: {ticks:?}");
                    }
                    let mut count = 0;
                    for (text, _) in ticks {
                        count += 1;
                        // A step of 1, 2 or 5 × 10^k, or a quarter of a share, has at most two decimals; 33.333% has three.
                        let decimals = text.split('.').nth(1).map_or(0, |rest| rest.chars().take_while(char::is_ascii_digit).count());
                        assert!(decimals <= 2, "{id:?} {lang:?} {width} px ×{scale}: tick {text:?}");
                    }
                    assert!(count >= 2, "{id:?} {lang:?} {width} px ×{scale}: no axis ticks found");
                }
            }
        }
    }
}

/// `items` grouped by their first value (a y in CSS px), in the order each is first seen.
fn group_by_y<T>(items: impl IntoIterator<Item = (f64, T)>) -> Vec<(f64, Vec<T>)> {
    let mut groups: Vec<(f64, Vec<T>)> = Vec::new();
    for (y, item) in items {
        match groups.iter_mut().find(|(gy, _)| *gy == y) {
            Some((_, group)) => group.push(item),
            None => groups.push((y, vec![item])),
        }
    }
    groups
}

/// Each bar panel's axis, top to bottom: its tick labels' boxes (the small text that starts with
/// a digit and shares a line with more: a line of the source may start with a date), and the
/// boxes of the bold figures above it and below the axis before it.
fn axes_and_figures(s: &Scene, measure: &dyn TextMeasure) -> Vec<(Vec<RectCss>, Vec<RectCss>)> {
    let texts: Vec<(&Mark, RectCss)> =
        s.marks.iter().filter(|m| matches!(m, Mark::Text { .. })).zip(s.text_boxes(measure).into_iter().map(|(_, b)| b)).collect();
    let axes = group_by_y(texts.iter().filter_map(|(m, b)| match m {
        Mark::Text { text, font, at, .. } if font.size_css_px < 12.0 && text.starts_with(|c: char| c.is_ascii_digit()) => Some((at.y_css_px, *b)),
        _ => None,
    }));
    let mut above = f64::MIN;
    axes.into_iter()
        .filter(|(_, ticks)| ticks.len() >= 2)
        .map(|(y, ticks)| {
            let figures = texts
                .iter()
                .filter(|(m, b)| matches!(m, Mark::Text { font, .. } if font.bold && font.size_css_px == 13.0) && b.y_css_px > above && b.y_css_px < y)
                .map(|(_, b)| *b)
                .collect();
            above = y;
            (ticks, figures)
        })
        .collect()
}

/// The README: each axis has at most six steps, at least 50 px apart, closer only where a coarser
/// step would make the axis half again as long as the bar (the closer axis then ends before
/// that), at every width and font width.
#[test]
fn each_axis_has_at_most_six_steps_50_px_apart_or_closer_only_for_a_shorter_axis() {
    let (mut axes_seen, mut closer) = (0, 0);
    each_layout((320..=1200).step_by(10), |c, id, lang, width, measure, s| {
        let axes = axes_and_figures(s, measure);
        let panels: Vec<PanelKind> = c.panels.iter().map(|p| p.kind).filter(|k| *k != PanelKind::Stats).collect();
        assert_eq!(axes.len(), panels.len(), "{id:?} {lang:?} {width}: an axis for every bar panel");
        // (A share's axis is the whole, 0 to 100%, whatever its bar.)
        for ((ticks, figures), _) in axes.into_iter().zip(panels).filter(|(_, kind)| *kind != PanelKind::Share) {
            axes_seen += 1;
            let centre = |b: &RectCss| b.x_css_px + b.width_css_px / 2.0;
            assert!(ticks.len() <= 7, "{id:?} {lang:?} {width}: {} ticks", ticks.len());
            let zero_css_px = centre(&ticks[0]);
            let axis_css_px = centre(&ticks[ticks.len() - 1]) - zero_css_px;
            let spacing_css_px = axis_css_px / (ticks.len() - 1) as f64;
            if spacing_css_px < 50.0 - 0.01 {
                closer += 1;
                // The longest bar ends before its figure.
                let bar_end_css_px = figures.iter().map(|f| f.x_css_px).fold(f64::MIN, f64::max);
                assert!(axis_css_px < 1.5 * (bar_end_css_px - zero_css_px), "{id:?} {lang:?} {width}: steps {spacing_css_px} px apart on an axis of {axis_css_px} px, the longest bar under {} px", bar_end_css_px - zero_css_px);
            }
        }
    });
    assert!(axes_seen > 1000 && closer < axes_seen / 2, "{axes_seen} axes, {closer} with closer steps");
}

/// Each bar panel's grid, top to bottom: the top and bottom of its lines and their xs.
fn grids(s: &Scene) -> Vec<(f64, f64, Vec<f64>)> {
    let lines = group_by_y(s.marks.iter().filter_map(|m| match m {
        Mark::Line { from, to, color } if *color == LIGHT.grid && from.x_css_px == to.x_css_px => Some((from.y_css_px, (to.y_css_px, from.x_css_px))),
        _ => None,
    }));
    lines.into_iter().map(|(top, lines)| (top, lines[0].0, lines.iter().map(|(_, x)| *x).collect())).collect()
}

/// The axis ends close past the longest bar: in every panel of bars on a scale of their own (not
/// a share of 100%), the longest bar is at least two thirds of the axis, at every width and font
/// width. A finer step ends an axis sooner, but at a phone's width a panel used to get 0–4
/// billion or 0–5 billion for 2.12 billion, its ticks chosen for the room left after the widest
/// figure.
#[test]
fn the_longest_bar_is_most_of_its_axis() {
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let c = chart(id, lang);
            let kinds: Vec<PanelKind> = c.panels.iter().map(|p| p.kind).filter(|k| *k != PanelKind::Stats).collect();
            for width in (320..=1200).step_by(10) {
                for measure in [&EstimateMeasure as &dyn TextMeasure, &Scaled(0.8), &Scaled(1.2)] {
                    let s = layout(&c, f64::from(width), measure, &LIGHT, None);
                    let grids = grids(&s);
                    assert_eq!(grids.len(), kinds.len(), "{id:?} {lang:?} {width}: one grid per panel of bars");
                    for ((top, bottom, xs), kind) in grids.iter().zip(&kinds) {
                        let (zero, end) = (xs[0], xs[xs.len() - 1]);
                        let longest = s.targets.iter().filter(|t| t.anchor.y_css_px > *top && t.anchor.y_css_px < *bottom).map(|t| t.anchor.x_css_px).fold(f64::MIN, f64::max);
                        let share = (longest - zero) / (end - zero);
                        assert!(*kind == PanelKind::Share || share >= 2.0 / 3.0, "{id:?} {lang:?} {width}: the longest bar is {share:.2} of its axis");
                    }
                }
            }
        }
    }
}

/// One label column: every bar panel of a chart starts its bars, and its axis, at the same place.
#[test]
fn a_charts_bar_panels_share_one_zero_line() {
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            for width in (320..=1200).step_by(20) {
                let s = scene(id, lang, f64::from(width), None);
                let zeros: Vec<f64> = axes_and_figures(&s, &EstimateMeasure).iter().map(|(ticks, _)| ticks[0].x_css_px).collect();
                assert!(!zeros.is_empty(), "{id:?} {lang:?} {width}: no axis found");
                assert!(zeros.iter().all(|x| (x - zeros[0]).abs() < 0.01), "{id:?} {lang:?} {width}: zero lines at {zeros:?}");
            }
        }
    }
}

/// Labels go beside the bars only where that leaves the bars a third of the width besides the
/// widest figure after them, and no label on more than two lines; above them otherwise (the
/// English 5G chart at 480 px, whose "more than 2.12 billion" left its bars 81 px beside a label
/// column; the English growth chart at 480 px, with labels on three lines).
#[test]
fn labels_beside_the_bars_leave_them_room() {
    let mut beside = 0;
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let c = chart(id, lang);
            let bar_rows = c.panels.iter().filter(|p| p.kind != PanelKind::Stats).flat_map(|p| &p.rows);
            let widest_figure = bar_rows.map(|r| EstimateMeasure.width_css_px(&zhibiao::chart::format::value(r.indicator, lang), Font { size_css_px: 13.0, bold: true })).fold(0.0, f64::max);
            for width in (320..=1200).step_by(10) {
                let s = scene(id, lang, f64::from(width), None);
                let pad = padding_css_px(f64::from(width));
                let inner = s.width_css_px - 2.0 * pad;
                let axes = axes_and_figures(&s, &EstimateMeasure);
                let Some((ticks, _)) = axes.first() else { panic!("{id:?} {lang:?} {width}: no axis found") };
                let zero = ticks[0].x_css_px;
                if zero > pad + 1.0 {
                    beside += 1;
                    assert!(s.width_css_px - pad - zero >= inner / 3.0 + widest_figure, "{id:?} {lang:?} {width}: bars from {zero}");
                    // A label's lines beside its bar: regular 13 px text at the padding, in the row.
                    assert!(!s.targets.is_empty(), "{id:?} {lang:?} {width}: no targets");
                    for t in &s.targets {
                        let lines = s.marks.iter().filter(|m| matches!(m, Mark::Text { at, font, .. } if !font.bold && font.size_css_px == 13.0 && at.x_css_px == pad && at.y_css_px > t.hit.y_css_px && at.y_css_px < t.hit.bottom_css_px())).count();
                        assert!(lines <= 2, "{id:?} {lang:?} {width}: a label beside its bar on {lines} lines");
                    }
                }
            }
        }
    }
    assert!(beside > 0, "labels never beside the bars");
}

/// The bars use the width they have, and a chart's panels line up: every bar panel's axis ends at
/// one place, and there the panel with the least room, by a figure after its bar or its axis's
/// last label, reaches the right padding (the longest bar is seldom the axis's full length).
#[test]
fn a_charts_bar_panels_end_at_one_place_where_one_reaches_the_right_padding() {
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let c = chart(id, lang);
            for width in (320..=1200).step_by(20) {
                for (measure, scale) in [(&EstimateMeasure as &dyn TextMeasure, 1.0), (&Scaled(0.8), 0.8), (&Scaled(1.2), 1.2)] {
                    let s = layout(&c, f64::from(width), measure, &LIGHT, None);
                    let context = format!("{id:?} {lang:?} {width} ×{scale}");
                    let ends: Vec<f64> = grids(&s).iter().map(|(_, _, xs)| xs[xs.len() - 1]).collect();
                    assert!(ends.iter().all(|x| (x - ends[0]).abs() < 0.01), "{context}: axes end at {ends:?}");
                    let right_css_px = s.width_css_px - padding_css_px(f64::from(width));
                    let mut reach = f64::MIN;
                    for (i, (ticks, figures)) in axes_and_figures(&s, measure).iter().enumerate() {
                        assert!(!figures.is_empty(), "{context}: no figures above axis {i}");
                        reach = ticks.iter().chain(figures).map(RectCss::right_css_px).fold(reach, f64::max);
                    }
                    assert!(reach >= right_css_px - 2.5 && reach <= right_css_px + 1e-6, "{context}: the panels reach {reach}, the padding is at {right_css_px}");
                }
            }
        }
    }
}

#[test]
fn every_point_has_a_target_at_least_24_px_tall_that_hits_it() {
    for id in ChartId::ALL {
        for width in [320.0, 375.0, 800.0, 1200.0] {
            let s = scene(id, Lang::Zh, width, None);
            let n_points = chart(id, Lang::Zh).points().len();
            for idx in 0..n_points {
                let t = s.target(idx).unwrap_or_else(|| panic!("{id:?} point {idx} has no target"));
                assert!(t.hit.height_css_px >= 24.0, "{id:?} {idx}");
                // Just inside the end of the bar (or the middle of a tile).
                let probe = PointCss { x_css_px: t.anchor.x_css_px - 1.0, y_css_px: t.hit.center().y_css_px };
                assert_eq!(s.hit(probe), Some(idx), "{id:?} {width} point {idx}");
            }
        }
    }
}

#[test]
fn hit_testing_maps_bars_to_their_indicators_and_gaps_to_none() {
    let c = chart(ChartId::Nev, Lang::En);
    let s = layout(&c, 800.0, &EstimateMeasure, &LIGHT, None);
    let points = c.points();
    // (point, indicator) for the centre of each bar; the gap between rows maps to nothing.
    let table = [(0, "nev_production_growth"), (1, "nev_sales_growth"), (2, "industry_value_added_growth")];
    for (idx, id) in table {
        let t = s.target(idx).unwrap_or_else(|| panic!("no target {idx}"));
        let bar_centre = PointCss { x_css_px: (t.hit.x_css_px + t.anchor.x_css_px) / 2.0, y_css_px: t.hit.center().y_css_px };
        assert_eq!(s.hit(bar_centre).map(|i| points[i].id.as_ref()), Some(id));
    }
    let (a, b) = (s.targets[0].hit, s.targets[1].hit);
    let gap = PointCss { x_css_px: a.center().x_css_px, y_css_px: (a.bottom_css_px() + b.y_css_px) / 2.0 };
    assert!(b.y_css_px > a.bottom_css_px());
    assert_eq!(s.hit(gap), None);
    assert_eq!(s.hit(PointCss { x_css_px: 5.0, y_css_px: 5.0 }), None, "the title is not a point");
}

#[test]
fn the_shared_part_of_5g_base_stations_is_its_own_point_inside_the_whole() {
    let c = chart(ChartId::FiveG, Lang::Zh);
    let s = layout(&c, 800.0, &EstimateMeasure, &LIGHT, None);
    let ids: Vec<&str> = c.points().iter().map(|i| i.id.as_ref()).collect();
    assert_eq!(&ids[..2], ["bs_5g_total", "bs_5g_shared"]);
    let part = s.target(1).unwrap_or_else(|| panic!("no part target"));
    let whole = s.target(0).unwrap_or_else(|| panic!("no whole target"));
    // Near the end of the whole bar, past the part, is the whole; inside the part is the part.
    let past_part = PointCss { x_css_px: whole.anchor.x_css_px - 2.0, y_css_px: part.hit.center().y_css_px };
    assert_eq!(s.hit(past_part), Some(0));
    assert_eq!(s.hit(part.hit.center()), Some(1));
    assert!(part.anchor.x_css_px < whole.anchor.x_css_px * 0.7 + part.hit.x_css_px * 0.3 + 1.0);
}

#[test]
fn the_svg_has_title_values_source_and_highlight() {
    let s = scene(ChartId::Nev, Lang::Zh, 600.0, Some(1));
    let svg = to_svg(&s, &LIGHT).unwrap_or_else(|e| panic!("{e}"));
    for needle in ["新能源汽车产销同比增长", "44.1%", "42.4%", "3.8%", "来源：国新办新闻发布会（工业和信息化部）", "2023年7月19日", "连续8年"] {
        assert!(svg.contains(needle), "{needle} missing");
    }
    assert!(svg.contains("#D55E00") || svg.contains("#d55e00"), "the focused bar is highlighted");
    let dark = to_svg(&s, &DARK).unwrap_or_else(|e| panic!("{e}"));
    assert!(dark.contains("#16181C") || dark.contains("#16181c"), "dark background");
}

/// The SVG sets its text at the sizes the layout gave it, as the canvas does: plotters' SVG
/// backend writes a font's size divided by 1.24, and the no-script pictures' labels came out at
/// 10.5 px for 13, their ticks at 8.9 px for 11.
#[test]
fn the_svg_sets_text_at_the_layouts_sizes() {
    let s = scene(ChartId::Growth, Lang::Zh, 800.0, None);
    let svg = to_svg(&s, &LIGHT).unwrap_or_else(|e| panic!("{e}"));
    // To the hundredth of a pixel (13 × 1.24 ÷ 1.24 is 13.000000000000002).
    let hundredths = |px: f64| (px * 100.0).round() as i64;
    let mut laid_out: Vec<i64> = s.marks.iter().filter_map(|m| match m { Mark::Text { font, .. } => Some(hundredths(font.size_css_px)), _ => None }).collect();
    let mut written: Vec<i64> = svg.split("font-size=\"").skip(1).map(|rest| hundredths(rest.split('"').next().and_then(|v| v.parse().ok()).unwrap_or(f64::NAN))).collect();
    laid_out.sort();
    written.sort();
    assert!(laid_out.len() > 20, "{} texts", laid_out.len());
    assert_eq!(written, laid_out);
}

/// Checks that no grid line runs through text in `s`: where one would, something painted between
/// the line and the text (the ground behind a label or figure, or a share's track) covers it there,
/// and no line is drawn over text. Returns how many times a line met text.
fn assert_no_line_through_text(s: &Scene, context: &str) -> usize {
    let boxes = s.text_boxes(&EstimateMeasure);
    let mut texts = boxes.iter();
    let text_at: Vec<Option<&(String, zhibiao::chart::geom::RectCss)>> =
        s.marks.iter().map(|m| if let Mark::Text { .. } = m { texts.next() } else { None }).collect();
    let mut met = 0;
    for (li, line) in s.marks.iter().enumerate() {
        let Mark::Line { from, to, .. } = line else { continue };
        let x = from.x_css_px;
        let (top, bottom) = (from.y_css_px.min(to.y_css_px), from.y_css_px.max(to.y_css_px));
        for (ti, text) in text_at.iter().enumerate() {
            let Some((text, b)) = text else { continue };
            let crosses = x > b.x_css_px + 1.0 && x < b.right_css_px() - 1.0 && top < b.bottom_css_px() - 1.0 && bottom > b.y_css_px + 1.0;
            if !crosses {
                continue;
            }
            assert!(ti > li, "{context}: the grid line at x {x:.1} is drawn over {text:?}");
            let covered = s.marks[li + 1..ti].iter().any(|m| match m {
                Mark::Rect { rect: r, .. } => {
                    r.x_css_px <= x && r.right_css_px() >= x && r.y_css_px <= b.y_css_px.max(top) + 0.5 && r.bottom_css_px() >= b.bottom_css_px().min(bottom) - 0.5
                }
                _ => false,
            });
            assert!(covered, "{context}: the grid line at x {x:.1} runs through {text:?}");
            met += 1;
        }
    }
    met
}

#[test]
fn no_grid_line_runs_through_text() {
    let mut met = 0;
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            for width in (320..=1200).step_by(20) {
                met += assert_no_line_through_text(&scene(id, lang, f64::from(width), None), &format!("{id:?} {lang:?} {width}"));
            }
        }
    }
    assert!(met > 100, "the check saw lines meet text only {met} times");
}

/// A share's figure near 100% runs off its track across the 100% line: the line stops short of it,
/// and nothing is painted over the track.
#[test]
fn a_share_near_the_whole_keeps_its_track_and_its_figure_clear() {
    let mut dataset = zhibiao::DATASET.clone();
    let share = dataset.indicators.to_mut().iter_mut().find(|i| i.id == "traffic_share_5g");
    share.unwrap_or_else(|| panic!("no traffic_share_5g")).value = 97.0;
    let dataset: &'static _ = Box::leak(Box::new(dataset));
    let mut met = 0;
    for lang in [Lang::Zh, Lang::En] {
        let c = Chart::build_in(dataset, ChartId::FiveG, lang).unwrap_or_else(|e| panic!("{e}"));
        for width in (320..=1200).step_by(20) {
            let s = layout(&c, f64::from(width), &EstimateMeasure, &LIGHT, None);
            let context = format!("{lang:?} {width}");
            // The track: the one rectangle in the tile colour that is a bar's height.
            let tracks: Vec<_> = s
                .marks
                .iter()
                .filter_map(|m| match m {
                    Mark::Rect { rect, fill } if *fill == LIGHT.tile && rect.height_css_px < 30.0 => Some(*rect),
                    _ => None,
                })
                .collect();
            assert_eq!(tracks.len(), 1, "{context}");
            let (track, figure) = (tracks[0], zhibiao::chart::format::value(c.points().iter().find(|i| i.id == "traffic_share_5g").copied().unwrap_or_else(|| panic!()), lang));
            let (_, figure_box) = s.text_boxes(&EstimateMeasure).into_iter().find(|(t, _)| *t == figure).unwrap_or_else(|| panic!("{context}: {figure} not drawn"));
            assert!(figure_box.right_css_px() > track.right_css_px(), "{context}: the figure runs off the track, as this test needs");
            for m in &s.marks {
                if let Mark::Rect { rect, fill } = m {
                    let inside = rect.x_css_px + 1.0 < track.right_css_px() && rect.right_css_px() > track.x_css_px && rect.y_css_px < track.bottom_css_px() && rect.bottom_css_px() > track.y_css_px;
                    assert!(*fill != LIGHT.background || !inside, "{context}: the ground at {rect:?} covers the track {track:?}");
                }
            }
            met += assert_no_line_through_text(&s, &context);
        }
    }
    assert!(met > 0, "the figure never met the 100% line");
}

/// Tiles fill their rows evenly: two by two, not three and one.
#[test]
fn tiles_fill_their_rows_evenly() {
    let mut rows_seen = 0;
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            for width in (320..=1200).step_by(10) {
                let s = scene(id, lang, f64::from(width), None);
                let rows = group_by_y(s.marks.iter().filter_map(|m| match m {
                    Mark::Rect { rect, fill } if *fill == LIGHT.tile && rect.height_css_px > 30.0 => Some((rect.y_css_px, ())),
                    _ => None,
                }));
                let counts: Vec<usize> = rows.iter().map(|(_, tiles)| tiles.len()).collect();
                rows_seen += counts.len();
                let (most, least) = (counts.iter().max(), counts.iter().min());
                assert!(most.zip(least).is_none_or(|(a, b)| a - b <= 1), "{id:?} {lang:?} {width}: tiles per row {counts:?}");
            }
        }
    }
    assert!(rows_seen > 0, "no tiles found");
}

/// The figures of a panel of tiles share one type size at every width, in both languages, and
/// their labels are whole.
#[test]
fn tile_figures_share_one_size() {
    let mut seen = 0;
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let c = chart(id, lang);
            for panel in c.panels.iter().filter(|p| p.kind == PanelKind::Stats) {
                let values: Vec<String> = panel.rows.iter().map(|r| zhibiao::chart::format::value(r.indicator, lang)).collect();
                for width in (320..=1200).step_by(20) {
                    let s = layout(&c, f64::from(width), &EstimateMeasure, &LIGHT, None);
                    let sizes: Vec<f64> = s
                        .marks
                        .iter()
                        .filter_map(|m| match m {
                            Mark::Text { text, font, .. } if values.contains(text) => Some(font.size_css_px),
                            _ => None,
                        })
                        .collect();
                    assert_eq!(sizes.len(), values.len(), "{id:?} {lang:?} {width}: {values:?}");
                    assert!(sizes.iter().all(|x| *x == sizes[0]), "{id:?} {lang:?} {width}: {values:?} in {sizes:?}");
                    // Tile labels (12 px) wrap onto up to four lines; none of these is cut short.
                    let cut: Vec<&String> = s.marks.iter().filter_map(|m| match m {
                        Mark::Text { text, font, .. } if font.size_css_px == 12.0 && text.contains('…') => Some(text),
                        _ => None,
                    }).collect();
                    assert!(cut.is_empty(), "{id:?} {lang:?} {width}: {cut:?}");
                    seen += 1;
                }
            }
        }
    }
    assert!(seen > 0, "no chart has tiles");
}

/// Where the plot is narrow a label goes above its bar, which then starts at the padding and
/// has the plot's whole width; at an article's width it stands beside its bar, level with it.
#[test]
fn labels_go_above_their_bars_on_narrow_charts_and_beside_them_on_wide_ones() {
    for lang in [Lang::Zh, Lang::En] {
        for (width, above) in [(320.0, true), (1000.0, false)] {
            let s = scene(ChartId::Growth, lang, width, None);
            let pad = padding_css_px(width);
            let mut rows = 0;
            for t in &s.targets {
                let inside = |r: &RectCss| r.y_css_px >= t.hit.y_css_px && r.bottom_css_px() <= t.hit.bottom_css_px();
                let Some(bar) = s.marks.iter().find_map(|m| match m {
                    Mark::Rect { rect, fill } if *fill != LIGHT.background && inside(rect) => Some(*rect),
                    _ => None,
                }) else { panic!("{lang:?} {width}: no bar in {:?}", t.hit) };
                // The label's lines: regular 13 px text at the padding, in the bar's row.
                let lines: Vec<RectCss> = s.marks.iter().filter(|m| matches!(m, Mark::Text { at, font, .. } if !font.bold && font.size_css_px == 13.0 && at.x_css_px == pad)).filter_map(|m| m.text_box(&EstimateMeasure)).filter(|b| inside(b)).collect();
                assert!(!lines.is_empty(), "{lang:?} {width}: no label in {:?}", t.hit);
                for line in &lines {
                    if above {
                        assert!(line.bottom_css_px() <= bar.y_css_px && bar.x_css_px == pad, "{lang:?} {width}: {line:?} not above {bar:?}");
                    } else {
                        assert!(line.right_css_px() < bar.x_css_px && line.bottom_css_px() > bar.y_css_px && line.y_css_px < bar.bottom_css_px(), "{lang:?} {width}: {line:?} not beside {bar:?}");
                    }
                }
                rows += 1;
            }
            assert_eq!(rows, 9, "{lang:?} {width}: the growth chart's nine bars");
        }
    }
}

/// The highlight is laid over the chart drawn without one, so focusing never repaints the canvas:
/// what it adds must be the focused point's shapes only, in the highlight colour.
#[test]
fn focusing_a_point_marks_that_point_only() {
    use zhibiao::chart::scene::{highlight_marks, Mark};
    for id in ChartId::ALL {
        for width in [320.0, 800.0] {
            let base = scene(id, Lang::Zh, width, None);
            for idx in 0..chart(id, Lang::Zh).points().len() {
                let focused = scene(id, Lang::Zh, width, Some(idx));
                let marks = highlight_marks(&base, &focused);
                assert!(!marks.is_empty(), "{id:?} {width} point {idx}: nothing marks it");
                let shape = |m: &Mark| m.shape().unwrap_or_else(|| panic!("{id:?} point {idx}: only shapes are marked, not {m:?}"));
                let shapes: Vec<_> = marks.iter().map(shape).collect();
                let own: Vec<_> = focused.targets.iter().filter(|t| t.point_idx == idx).collect();
                for (i, (rect, color)) in shapes.iter().enumerate() {
                    assert!(own.iter().any(|t| t.hit.contains(rect.center())), "{id:?} {width} point {idx}: {rect:?} is outside the point");
                    // Not in the highlight colour: drawn over a shape that is (a part over its whole),
                    // or a derived figure's fill under its outline, which is.
                    let over_highlight = shapes[..i].iter().any(|(r, c)| *c == LIGHT.highlight && r.overlaps(rect));
                    let under_outline = *color == LIGHT.derived_highlight_fill && shapes[i + 1..].contains(&(*rect, LIGHT.highlight));
                    assert!(*color == LIGHT.highlight || over_highlight || under_outline, "{id:?} {width} point {idx}: {rect:?} in {color:?}");
                }
                assert!(shapes.iter().any(|(_, c)| *c == LIGHT.highlight), "{id:?} point {idx}: no highlight");
            }
        }
    }
    let wider = scene(ChartId::Growth, Lang::Zh, 900.0, Some(0));
    assert_eq!(highlight_marks(&scene(ChartId::Growth, Lang::Zh, 800.0, None), &wider), Vec::new(), "no marks for another size");
}

/// A derived figure keeps its look focused, outlined in the highlight colour and filled with its
/// tint, as it is outlined in the bars' colour and filled with theirs at rest: filled in the
/// highlight colour, it looked stated.
#[test]
fn a_focused_derived_figure_stays_outlined() {
    use zhibiao::chart::scene::highlight_marks;
    use zhibiao::data::model::Kind;
    let c = chart(ChartId::Growth, Lang::Zh);
    let derived: Vec<usize> = (0..c.points().len()).filter(|&i| c.points()[i].kind == Kind::Derived).collect();
    assert_eq!(derived.len(), 2, "the two derived baselines");
    for width in [320.0, 800.0] {
        for &idx in &derived {
            let marks = highlight_marks(&scene(ChartId::Growth, Lang::Zh, width, None), &scene(ChartId::Growth, Lang::Zh, width, Some(idx)));
            let fill = marks.iter().find_map(|m| match m { Mark::Rect { rect, fill } => Some((*rect, *fill)), _ => None });
            let outline = marks.iter().find_map(|m| match m { Mark::Outline { rect, color, .. } => Some((*rect, *color)), _ => None });
            let (Some((fill_rect, fill)), Some((outline_rect, outline))) = (fill, outline) else { panic!("{width} point {idx}: {marks:?}") };
            assert_eq!((fill_rect, fill, outline), (outline_rect, LIGHT.derived_highlight_fill, LIGHT.highlight), "{width} point {idx}");
        }
    }
}

/// The co-built part of the 5G base stations ends in a gap of the background's colour: the two
/// blues differ by less than WCAG's 3:1 for graphics, the gap and each blue by more.
#[test]
fn a_gap_marks_where_the_part_ends_inside_its_whole() {
    for theme in [LIGHT, zhibiao::chart::theme::DARK] {
        assert!(theme.bar.contrast(theme.whole) < 3.0 && theme.background.contrast(theme.whole) >= 3.0 && theme.background.contrast(theme.bar) >= 3.0);
    }
    for width in [320.0, 800.0] {
        let s = scene(ChartId::FiveG, Lang::En, width, None);
        let part = s.target(1).unwrap_or_else(|| panic!("no part"));
        let bar_y = part.hit.center().y_css_px;
        let gap = s.marks.iter().find_map(|m| match m {
            Mark::Rect { rect, fill } if *fill == LIGHT.background && rect.contains(PointCss { x_css_px: part.anchor.x_css_px + 1.0, y_css_px: bar_y }) => Some(*rect),
            _ => None,
        });
        assert!(gap.is_some_and(|g| g.width_css_px >= 1.5), "{width}: no gap at the part's end {:?}", part.anchor);
    }
}

/// Focusing all 5G base stations highlights their bar's full length, the co-built part inside it
/// included: a highlight that started past the part would point at the wrong figure.
#[test]
fn focusing_a_whole_highlights_it_to_its_end_part_included() {
    use zhibiao::chart::scene::highlight_marks;
    for width in [320.0, 800.0] {
        let focused = scene(ChartId::FiveG, Lang::En, width, Some(0));
        let marks = highlight_marks(&scene(ChartId::FiveG, Lang::En, width, None), &focused);
        let shapes: Vec<_> = marks.iter().filter_map(Mark::shape).collect();
        // In the highlight's colour, but for the gap where the part ends (see the next test).
        assert!(shapes.iter().all(|(r, color)| *color == LIGHT.highlight || (*color == LIGHT.background && r.width_css_px <= 2.0)), "{width}: {shapes:?}");
        let whole = focused.target(0).unwrap_or_else(|| panic!("no whole"));
        let part = focused.target(1).unwrap_or_else(|| panic!("no part"));
        let starts_at_zero = |r: &zhibiao::chart::geom::RectCss| (r.x_css_px - part.hit.x_css_px).abs() < 0.5;
        assert!(shapes.iter().any(|(r, _)| starts_at_zero(r) && (r.right_css_px() - whole.anchor.x_css_px).abs() < 0.5), "{width}: the whole bar");
        assert!(shapes.iter().any(|(r, _)| starts_at_zero(r) && (r.right_css_px() - part.anchor.x_css_px).abs() < 0.5), "{width}: the part over it");
    }
}

/// What a card at `card` covers in `s`, for the point of `t`: its own bar's end or figure, and how
/// many other figures it cuts through (part in view) or hides wholly.
fn card_covers(s: &Scene, t: &Target, card: RectCss) -> (bool, usize, usize) {
    let end = PointCss { x_css_px: t.anchor.x_css_px - 1.0, y_css_px: t.anchor.y_css_px + 10.0 };
    let own = card.contains(end) || card.overlaps(&t.figure);
    let (mut cut, mut hidden) = (0, 0);
    for other in s.targets.iter().filter(|o| o.point_idx != t.point_idx && card.overlaps(&o.figure)) {
        if card.holds(&other.figure) {
            hidden += 1;
        } else {
            cut += 1;
        }
    }
    (own, cut, hidden)
}

/// On a desktop a card leaves its bar's end and figure in view and never cuts through another
/// point's figure: over the end of "42.4%", "2.4%" would show. Most cards hide no figure either.
#[test]
fn a_tooltip_card_leaves_its_bar_and_the_figures_in_view() {
    let (mut clear_cards, mut cards) = (0, 0);
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            // Narrower, a short chart may have no room for a card beside or around a bar.
            for width in [800.0, 1000.0, 1200.0, 1280.0] {
                let s = scene(id, lang, width, None);
                for t in &s.targets {
                    // A large card (the 340 px maximum width, and a long quote) and a short one.
                    for (card_w, card_h) in [(340.0, 195.0), (240.0, 110.0)] {
                        let at = s.card_position(t, card_w, card_h, WHOLE_CHART, &EstimateMeasure).at;
                        let card = RectCss::new(at.x_css_px, at.y_css_px, card_w, card_h);
                        let case = format!("{id:?} {lang:?} {width} point {} card {card_w}×{card_h}: {card:?}", t.point_idx);
                        assert!(card.x_css_px >= 12.0 && card.right_css_px() <= s.width_css_px - 12.0, "{case}");
                        assert!(card.y_css_px >= 4.0 && card.bottom_css_px() <= s.height_css_px - 4.0, "{case}");
                        let (own, cut, hidden) = card_covers(&s, t, card);
                        assert!(!own, "{case}: covers its bar's end or figure");
                        assert_eq!(cut, 0, "{case}: cuts through a figure");
                        clear_cards += usize::from(hidden == 0);
                        cards += 1;
                    }
                }
            }
        }
    }
    // Most cards find a place that hides no figure at all.
    assert!(clear_cards * 2 > cards, "only {clear_cards} of {cards} cards hide no figure");
}

/// The size of a point's brief card (label as the widget says it, figure, period) as widget.css lays it out at most
/// `max_width_css_px` wide: 10 px padding and a 1 px border each side, 8 px padding above and
/// below, the label in bold 13 px and the period in 12 px wrapped to the width, the figure in
/// 18 px, each line 1.45 times its font's size (Noto Sans CJK's normal line height).
fn brief_card_css_px(c: &Chart, point_idx: usize, max_width_css_px: f64) -> (f64, f64) {
    let (t, _) = said_tooltip(c, point_idx).expect("a point");
    let meta = t.meta();
    let inner = max_width_css_px - 22.0;
    let (label, period) = (Font { size_css_px: 13.0, bold: true }, Font { size_css_px: 12.0, bold: false });
    let lines = |text: &str, font: Font| wrap(text, inner, font, &EstimateMeasure, 10).len() as f64;
    let height = 2.0 * f64::from(CARD_PADDING_CSS_PX) + 1.45 * (lines(&t.label, label) * 13.0 + 18.0 + lines(&meta, period) * 12.0);
    (max_width_css_px, height)
}

/// Where a whole card has no place that leaves its own bar's end and figure in view (a short
/// chart, a phone), the widget tries the card brief: label, figure and period. A brief card
/// always has such a place, from a phone's 320 px up, that cuts through no other figure (on a
/// phone it may hide one wholly).
#[test]
fn a_brief_card_leaves_its_bar_and_figure_in_view_at_every_width() {
    let (mut briefer, mut tallest) = (0, 0.0_f64);
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let c = chart(id, lang);
            for width in [320.0, 390.0, 600.0, 700.0, 800.0, 1000.0] {
                let s = scene(id, lang, width, None);
                for t in &s.targets {
                    let (card_w, card_h) = brief_card_css_px(&c, t.point_idx, f64::min(340.0, width - 24.0));
                    tallest = tallest.max(card_h);
                    let whole = s.card_position(t, card_w, 195.0, WHOLE_CHART, &EstimateMeasure);
                    let place = s.card_position(t, card_w, card_h, WHOLE_CHART, &EstimateMeasure);
                    let card = RectCss::new(place.at.x_css_px, place.at.y_css_px, card_w, card_h);
                    let case = format!("{id:?} {lang:?} {width} point {}: {card:?}", t.point_idx);
                    let (own, cut, hidden) = card_covers(&s, t, card);
                    assert!(!own, "{case}: covers its bar's end or figure");
                    assert_eq!(cut, 0, "{case}: cuts through a figure");
                    assert_eq!((place.figures_cut as usize, place.figures_hidden as usize), (cut, hidden), "{case}: what it covers");
                    briefer += usize::from(whole.figures_cut >= 100);
                }
            }
        }
    }
    // Some whole cards do cover their own bar or figure at these widths: the brief card is needed.
    assert!(briefer > 0, "every whole card had a place clear of its own bar and figure");
    // Some labels and periods wrap: not every brief card is one line of each (80 px).
    assert!(tallest > 95.0, "the tallest brief card is {tallest} px");
}

/// A chart partly scrolled out of the window: a card's text goes inside the part in view wherever
/// one of its places fits there (at 1280 px every card has one when 300 px of the chart are in
/// view, scrolled off at the top or at the bottom; at most its padding and border may lie out,
/// where that keeps it off its own bar's end and figure), and otherwise where as little of it as
/// can be is out, which the place says: the widget then tries the card brief (`calls_for_brief`),
/// as where the chart peeks into view by 60 px.
#[test]
fn a_card_stays_inside_the_part_of_the_chart_in_the_window() {
    let mut moved = 0;
    let padding_css_px = f64::from(CARD_PADDING_CSS_PX);
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let s = scene(id, lang, 1280.0, None);
            for t in &s.targets {
                let whole = s.card_position(t, 340.0, 195.0, WHOLE_CHART, &EstimateMeasure);
                assert_eq!(whole.cut_off_css_px, 0, "{id:?} {lang:?} point {}: the whole chart is in view", t.point_idx);
                // The 300 px around the target's row, the rest of the chart out of the window;
                // then the 60 px of a chart peeking into view.
                let row = t.hit.center().y_css_px;
                for visible in [(row - 40.0, row + 260.0), (row - 260.0, row + 40.0), (row - 30.0, row + 30.0)] {
                    let place = s.card_position(t, 340.0, 195.0, visible, &EstimateMeasure);
                    let at = place.at;
                    let case = format!("{id:?} {lang:?} point {} in {visible:?}: card at {at:?}", t.point_idx);
                    let (top, bottom) = (visible.0.max(4.0), visible.1.min(s.height_css_px - 4.0));
                    let outside = (visible.0 - at.y_css_px).max(0.0) + (at.y_css_px + 195.0 - visible.1).max(0.0);
                    assert_eq!(place.cut_off_css_px, (outside.ceil() as u32).saturating_sub(CARD_PADDING_CSS_PX), "{case}");
                    if bottom - top >= 195.0 {
                        let text_in_view = at.y_css_px >= top - padding_css_px - 1e-9 && at.y_css_px + 195.0 <= bottom + padding_css_px + 1e-9;
                        assert!(text_in_view && place.cut_off_css_px == 0, "{case}");
                    }
                    if visible.1 - visible.0 < 100.0 {
                        assert!(place.cut_off_css_px > 0 && place.calls_for_brief(), "{case}: peeking into view, tried brief");
                    }
                    moved += usize::from(at != whole.at);
                }
            }
        }
    }
    assert!(moved > 0, "no card had to move into the part in view: the case is not tested");
}

/// A tile's card stays by its tile: the 5G chart's last tile's card once went to the far left,
/// 450 px from the tile at 1024 px, over the other panels' labels and the traffic bar, to hide no
/// figure. Near the tile, it cuts none, and a brief card hides one wholly at most (the usual cost
/// of a tooltip).
#[test]
fn a_card_stays_across_by_a_target_narrower_than_the_chart() {
    let mut narrow = 0;
    for lang in [Lang::Zh, Lang::En] {
        for width in [680.0, 800.0, 1024.0, 1280.0] {
            let s = scene(ChartId::FiveG, lang, width, None);
            for t in s.targets.iter().filter(|t| t.hit.width_css_px < width / 2.0) {
                for (card_w, card_h) in [(340.0, 195.0), (240.0, 80.0)] {
                    let at = s.card_position(t, card_w, card_h, WHOLE_CHART, &EstimateMeasure).at;
                    let card = RectCss::new(at.x_css_px, at.y_css_px, card_w, card_h);
                    let case = format!("{lang:?} {width} point {} at {:?}: card {card:?}", t.point_idx, t.hit);
                    let gap_css_px = (t.hit.x_css_px - card.right_css_px()).max(card.x_css_px - t.hit.right_css_px());
                    assert!(gap_css_px <= 60.0, "{case}: {gap_css_px} px across from it");
                    let (own, cut, hidden) = card_covers(&s, t, card);
                    assert!(!own && cut == 0, "{case}: covers its own figure, or cuts {cut}");
                    // A whole card that hides two goes brief in the widget (`calls_for_brief`).
                    assert!(hidden <= 1 || card_h > 80.0, "{case}: hides {hidden}");
                    narrow += 1;
                }
            }
        }
    }
    // The four tiles and the base stations' part, at each width and language, two card sizes.
    assert!(narrow >= 80, "only {narrow} cards of narrow targets placed");
}

/// A brief card goes where the whole card would do worse: less of its text out of view, then
/// fewer figures cut (its own bar's end and figure first), then fewer hidden wholly.
#[test]
fn card_places_compare_by_text_in_view_then_figures_cut_then_hidden() {
    let at = PointCss { x_css_px: 0.0, y_css_px: 0.0 };
    let place = |cut_off_css_px, figures_cut, figures_hidden| CardPlace { at, cut_off_css_px, figures_cut, figures_hidden };
    assert!(place(0, 0, 1).better_than(&place(0, 1, 0)), "hiding one whole is less than cutting one");
    assert!(place(0, 1, 0).better_than(&place(0, 100, 0)), "cutting another is less than covering its own");
    assert!(place(0, 0, 1).better_than(&place(0, 0, 2)));
    assert!(!place(0, 1, 0).better_than(&place(0, 1, 0)));
    assert!(place(0, 100, 0).better_than(&place(1, 0, 0)), "a card's text all in view before one cut off by the view's edge");
    assert!(place(20, 0, 0).better_than(&place(85, 0, 0)));
    // One figure hidden wholly is a tooltip's usual cost; part of one, or two, is too much, and so
    // is any of the text out of view.
    assert!(!place(0, 0, 0).calls_for_brief() && !place(0, 0, 1).calls_for_brief());
    assert!(place(0, 1, 0).calls_for_brief() && place(0, 0, 2).calls_for_brief() && place(0, 100, 0).calls_for_brief());
    assert!(place(1, 0, 0).calls_for_brief());
}

/// The card's padding and border that may lie out of view (`CARD_PADDING_CSS_PX`) are
/// widget.css's, above and below a card's text.
#[test]
fn the_card_padding_out_of_view_is_the_stylesheets() {
    let css = include_str!("../src/web/widget.css");
    let rule = css.split(".tip {").nth(1).and_then(|r| r.split('}').next()).expect("a .tip rule");
    let px = |property: &str| -> u32 {
        let value = rule.split(property).nth(1).unwrap_or_else(|| panic!("{property} in .tip"));
        value.trim_start().split("px").next().and_then(|v| v.parse().ok()).unwrap_or_else(|| panic!("{property} in px: {value}"))
    };
    // `padding: 8px 10px` (above and below first), `border: 1px solid …`.
    assert_eq!(px("padding:") + px("border:"), CARD_PADDING_CSS_PX);
}

/// A shared link to the NEV sales growth at desktop widths: the card once sat over the end of
/// the production bar's "42.4%". It now leaves that figure readable, or hides it wholly.
#[test]
fn the_nev_sales_card_leaves_the_production_figure_readable() {
    for lang in [Lang::Zh, Lang::En] {
        for width in [800.0, 1000.0, 1280.0] {
            let c = chart(ChartId::Nev, lang);
            let s = scene(ChartId::Nev, lang, width, None);
            let sales = c.point_named("nev_sales_growth").expect("the sales growth point");
            let production = c.point_named("nev_production_growth").expect("the production growth point");
            let t = s.target(sales).expect("its target");
            let figure = s.target(production).expect("its target").figure;
            let at = s.card_position(t, 340.0, 195.0, WHOLE_CHART, &EstimateMeasure).at;
            let card = RectCss::new(at.x_css_px, at.y_css_px, 340.0, 195.0);
            let cut = card.overlaps(&figure) && !(card.x_css_px <= figure.x_css_px && figure.right_css_px() <= card.right_css_px());
            assert!(!cut, "{lang:?} {width}: {card:?} cuts through {figure:?}");
        }
    }
}

/// A target knows the box of its figure: the value drawn after a bar's end or in a tile.
#[test]
fn a_target_knows_where_its_figure_is() {
    let mut checked = 0;
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let c = chart(id, lang);
            for width in [320.0, 800.0] {
                let s = scene(id, lang, width, None);
                let boxes = s.text_boxes(&EstimateMeasure);
                for t in &s.targets {
                    let value = zhibiao::chart::format::value(c.points()[t.point_idx], lang);
                    let near = |a: f64, b: f64| (a - b).abs() < 0.01;
                    let drawn = boxes.iter().find(|(_, b)| near(b.x_css_px, t.figure.x_css_px) && near(b.y_css_px, t.figure.y_css_px) && near(b.right_css_px(), t.figure.right_css_px()));
                    // A part's legend ends with its figure, on its last line.
                    let legend_end = boxes.iter().find(|(_, b)| near(b.x_css_px, t.figure.x_css_px) && near(b.bottom_css_px(), t.figure.bottom_css_px()));
                    match (drawn, legend_end) {
                        (Some((text, _)), _) if *text == value => checked += 1,
                        (_, Some((text, _))) if text.ends_with(value.as_str()) || value.ends_with(text.as_str()) => checked += 1,
                        _ => panic!("{id:?} {lang:?} {width} point {}: no figure {value:?} at {:?}", t.point_idx, t.figure),
                    }
                }
            }
        }
    }
    assert!(checked > 40, "only {checked} figures checked");
}

/// On a phone a tall card may have no place beside or around its row and goes over the chart, its
/// bar's end or a figure; it stays inside the chart, where the chart is tall enough.
#[test]
fn a_card_with_no_place_by_its_row_stays_inside_the_chart() {
    let (mut covered, mut inside) = (0, 0);
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            for width in [320.0, 390.0, 600.0, 800.0] {
                let s = scene(id, lang, width, None);
                for t in &s.targets {
                    let (card_w, card_h) = (width - 40.0, 330.0);
                    let at = s.card_position(t, card_w, card_h, WHOLE_CHART, &EstimateMeasure).at;
                    let card = RectCss::new(at.x_css_px, at.y_css_px, card_w, card_h);
                    let (own, cut, hidden) = card_covers(&s, t, card);
                    assert!(card.x_css_px >= 12.0 && card.right_css_px() <= s.width_css_px - 12.0, "{id:?} {lang:?} {width}: {card:?}");
                    if card_h <= s.height_css_px - 8.0 {
                        assert!(card.y_css_px >= 4.0 && card.bottom_css_px() <= s.height_css_px - 4.0, "{id:?} {lang:?} {width}: {card:?}");
                        inside += 1;
                    }
                    covered += usize::from(own || cut + hidden > 0);
                }
            }
        }
    }
    assert!(covered > 0, "no card had to cover its bar or a figure: the case is not tested");
    assert!(inside > 0, "no chart was taller than the card: the bounds are not tested");
}

/// On a wide chart a short label stays near its bar: the label column stops at 320 px where every
/// label fits it in two lines (a long label takes its second line), and otherwise keeps the
/// width that fits them; either way the labels stay beside their bars.
#[test]
fn the_label_column_stays_narrow_on_wide_charts() {
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let c = chart(id, lang);
            // The browser's fonts are narrower than the estimate; with the estimate's, the long
            // English label needs three lines at 320 px.
            for (measure, narrow) in [(&Scaled(0.8) as &dyn TextMeasure, true), (&EstimateMeasure, false)] {
                for width in (920..=1700).step_by(20) {
                    let s = layout(&c, f64::from(width), measure, &LIGHT, None);
                    let pad = padding_css_px(f64::from(width));
                    // Where the bars start (bars are 20 px tall).
                    let bars_x = s
                        .marks
                        .iter()
                        .filter_map(|m| match m {
                            Mark::Rect { rect, .. } if rect.height_css_px == 20.0 => Some(rect.x_css_px),
                            _ => None,
                        })
                        .fold(f64::MAX, f64::min);
                    assert!(bars_x < f64::from(width), "{id:?} {lang:?} {width}: no bar found");
                    let column = bars_x - pad - 10.0;
                    assert!(column > 60.0, "{id:?} {lang:?} {width}: labels beside their bars");
                    if narrow {
                        assert!(column <= 320.0 + 0.01, "{id:?} {lang:?} {width}: a label column of {column} px");
                    }
                }
            }
        }
    }
}

/// A tile has as much room below its label's last line as above its figure (10 px), in both
/// languages at every width: not a cramped two-line English label, nor an empty band under a
/// one-line Chinese one.
#[test]
fn tiles_leave_even_room_above_and_below_their_text() {
    for lang in [Lang::Zh, Lang::En] {
        let mut tiles = 0;
        for width in (320..=1200).step_by(20) {
            let s = scene(ChartId::FiveG, lang, f64::from(width), None);
            let boxes = s.text_boxes(&EstimateMeasure);
            // The least room below the text in each row of tiles (by the tiles' tops).
            let mut least_below: Vec<(f64, f64)> = Vec::new();
            for m in &s.marks {
                let Mark::Rect { rect, fill } = m else { continue };
                // Tiles, not the share's 100 % track in the same colour.
                if *fill != LIGHT.tile || rect.height_css_px < 40.0 {
                    continue;
                }
                let inside: Vec<&RectCss> = boxes.iter().map(|(_, b)| b).filter(|b| rect.contains(b.center())).collect();
                let top = inside.iter().map(|b| b.y_css_px).fold(f64::MAX, f64::min) - rect.y_css_px;
                let bottom = rect.bottom_css_px() - inside.iter().map(|b| b.bottom_css_px()).fold(f64::MIN, f64::max);
                assert!(top > 9.0 && bottom > 9.0, "{lang:?} {width}: {top} px above, {bottom} px below");
                match least_below.iter_mut().find(|(y, _)| *y == rect.y_css_px) {
                    Some((_, least)) => *least = least.min(bottom),
                    None => least_below.push((rect.y_css_px, bottom)),
                }
                tiles += 1;
            }
            // Every tile is as tall as the one with the most lines in its row, which has the 10 px
            // (in one column, on a phone, a one-line tile had 25 px more below its text).
            for (y, least) in &least_below {
                assert!(*least < 12.0, "{lang:?} {width}: at least {least} px below the text of every tile in the row at {y}");
            }
        }
        assert!(tiles > 100, "{lang:?}: {tiles} tiles");
    }
}


/// A card covers a line of text whole or leaves it clear where it has such a place: cut through,
/// only the tops or the feet of its letters would show (a phone's title under a tapped card, a
/// panel's heading). Counted over every brief card at a phone's and an article's widths: 40 of
/// 264 cut through a line when written, where keeping off figures and covering no more text
/// leaves no other place (101 before such places were tried).
#[test]
fn a_card_cuts_through_no_line_of_text_where_it_can_cover_it_or_clear_it() {
    let (mut cutting, mut cards) = (Vec::new(), 0);
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let c = chart(id, lang);
            for width in [320.0, 360.0, 390.0, 480.0, 600.0, 700.0] {
                let s = scene(id, lang, width, None);
                let texts = s.text_boxes(&EstimateMeasure);
                for t in &s.targets {
                    let (card_w, card_h) = brief_card_css_px(&c, t.point_idx, f64::min(340.0, width - 24.0));
                    let at = s.card_position(t, card_w, card_h, WHOLE_CHART, &EstimateMeasure).at;
                    let card = RectCss::new(at.x_css_px, at.y_css_px, card_w, card_h);
                    // Its top or bottom edge through a line (a card over the end of a line, its
                    // side edge across it, reads as the line going under it).
                    let cut: Vec<&str> = texts.iter().filter(|(_, b)| card.cuts_through(b)).map(|(text, _)| text.as_str()).collect();
                    if !cut.is_empty() {
                        cutting.push(format!("{id:?} {lang:?} {width} point {}: {cut:?}", t.point_idx));
                    }
                    cards += 1;
                }
            }
        }
    }
    assert!(cutting.len() <= 44 && cards == 264, "{} of {cards} cards cut through a line of text: {cutting:#?}", cutting.len());
}
