//! One check of the text's fit, for two measurers: an estimate natively (tests/chart_layout.rs)
//! and the browser's fonts (tests/web.rs, the canvas's `measureText`).

use zhibiao::chart::geom::TextMeasure;
use zhibiao::chart::layout::layout;
use zhibiao::chart::spec::Chart;
use zhibiao::chart::theme::LIGHT;
use zhibiao::chart::{ChartId, Lang};

/// Every chart in both languages, from 230 to 1200 px, its first point focused: no piece of text
/// overlaps another or leaves the canvas, as `measure` measures them. (From 230 px: narrower
/// still, the English 5G chart's traffic axis has no room for its ticks, README.)
pub fn assert_no_text_overlaps_or_leaves_the_canvas(measure: &dyn TextMeasure) {
    let mut checked = 0;
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let chart = Chart::build(id, lang).unwrap_or_else(|e| panic!("{e}"));
            for width in (230..=1200).step_by(10) {
                let s = layout(&chart, f64::from(width), measure, &LIGHT, Some(0));
                let boxes = s.text_boxes(measure);
                assert!(boxes.len() > 10, "{id:?} {lang:?} {width}: {} pieces of text", boxes.len());
                for (i, (ta, a)) in boxes.iter().enumerate() {
                    assert!(a.x_css_px >= 0.0 && a.right_css_px() <= s.width_css_px, "{id:?} {lang:?} {width}: {ta:?} runs off");
                    assert!(a.y_css_px >= 0.0 && a.bottom_css_px() <= s.height_css_px, "{id:?} {lang:?} {width}: {ta:?} below");
                    for (tb, b) in &boxes[i + 1..] {
                        assert!(!a.overlaps(b), "{id:?} {lang:?} {width}: {ta:?} overlaps {tb:?}");
                    }
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 6 * 98);
}
