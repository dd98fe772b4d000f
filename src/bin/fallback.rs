//! Writes what readers without JavaScript (or without wasm) get, from the same Rust drawing code:
//! `cargo run --quiet --bin fallback -- DIR` writes DIR/fallback/{chart}-{lang}.svg (and
//! {chart}-{lang}-phone.svg, laid out for a phone) and
//! DIR/fallback.json (title, description, table and SVG path of every chart in both languages), and
//! DIR/fonts.json: the canvas fonts each chart uses, for the entry to resolve while the wasm loads;
//! and DIR/widget.css: the widget's stylesheet, which the no-wasm fallback's tables use too.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::process::ExitCode;
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run() -> Result<(), Box<dyn std::error::Error>> {
    use std::path::PathBuf;
    use zhibiao::chart::describe::summary;
    use zhibiao::chart::draw::to_svg;
    use zhibiao::chart::geom::EstimateMeasure;
    use zhibiao::chart::layout::layout;
    use zhibiao::chart::scene::Mark;
    use zhibiao::chart::spec::Chart;
    use zhibiao::chart::table::table;
    use zhibiao::chart::theme::LIGHT;
    use zhibiao::chart::{ChartId, Lang};

    /// The phone picture's width: about a 390 px phone's column inside the page's padding (358 px).
    const PHONE_WIDTH_CSS_PX: f64 = 360.0;
    let dir = PathBuf::from(std::env::args().nth(1).ok_or("usage: fallback OUT_DIR")?);
    std::fs::create_dir_all(dir.join("fallback"))?;
    let mut all = serde_json::Map::new();
    let mut fonts: std::collections::BTreeMap<&str, std::collections::BTreeSet<String>> = Default::default();
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let chart = Chart::build(id, lang)?;
            // The fallback's own layout, and a narrow one: they use different title sizes.
            let scene = layout(&chart, 800.0, &EstimateMeasure, &LIGHT, None);
            let narrow = layout(&chart, 320.0, &EstimateMeasure, &LIGHT, None);
            for mark in scene.marks.iter().chain(&narrow.marks) {
                if let Mark::Text { font, .. } = mark {
                    fonts.entry(id.key()).or_default().insert(font.css());
                }
            }
            let svg_path = format!("fallback/{}-{}.svg", id.key(), lang.key());
            std::fs::write(dir.join(&svg_path), to_svg(&scene, &LIGHT)?)?;
            // A phone's picture, laid out for its width: the 800 px one shrunk to a phone's
            // column would set its text at 6 px.
            let phone = layout(&chart, PHONE_WIDTH_CSS_PX, &EstimateMeasure, &LIGHT, None);
            let phone_svg_path = format!("fallback/{}-{}-phone.svg", id.key(), lang.key());
            std::fs::write(dir.join(&phone_svg_path), to_svg(&phone, &LIGHT)?)?;
            let entry = serde_json::json!({
                "chart": id.key(),
                "lang": lang.key(),
                "title": chart.title,
                "summary": summary(&chart),
                "source": chart.source_line,
                "svg": svg_path,
                "width": scene.width_css_px,
                "height": scene.height_css_px,
                "phone_svg": phone_svg_path,
                "phone_width": phone.width_css_px,
                "phone_height": phone.height_css_px,
                "table": table(&chart),
            });
            all.insert(format!("{}-{}", id.key(), lang.key()), entry);
        }
    }
    std::fs::write(dir.join("fallback.json"), serde_json::to_string(&all)?)?;
    std::fs::write(dir.join("fonts.json"), serde_json::to_string(&fonts)?)?;
    std::fs::write(dir.join("widget.css"), zhibiao::widget_css())?;
    Ok(())
}
