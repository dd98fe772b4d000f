//! Writes what readers without JavaScript (or without wasm) get, from the same Rust drawing code:
//! `cargo run --quiet --bin fallback -- DIR` writes DIR/fallback/{chart}-{lang}.svg and
//! DIR/fallback.json (title, description, table and SVG path of every chart in both languages).

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
    use zhibiao::chart::spec::Chart;
    use zhibiao::chart::table::table;
    use zhibiao::chart::theme::LIGHT;
    use zhibiao::chart::{ChartId, Lang};

    let dir = PathBuf::from(std::env::args().nth(1).ok_or("usage: fallback OUT_DIR")?);
    std::fs::create_dir_all(dir.join("fallback"))?;
    let mut all = serde_json::Map::new();
    for id in ChartId::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let chart = Chart::build(id, lang)?;
            let scene = layout(&chart, 800.0, &EstimateMeasure, &LIGHT, None);
            let svg_path = format!("fallback/{}-{}.svg", id.key(), lang.key());
            std::fs::write(dir.join(&svg_path), to_svg(&scene, &LIGHT)?)?;
            let entry = serde_json::json!({
                "chart": id.key(),
                "lang": lang.key(),
                "title": chart.title,
                "summary": summary(&chart),
                "source": chart.source_line,
                "svg": svg_path,
                "width": scene.width_css_px,
                "height": scene.height_css_px,
                "table": table(&chart),
            });
            all.insert(format!("{}-{}", id.key(), lang.key()), entry);
        }
    }
    std::fs::write(dir.join("fallback.json"), serde_json::to_string(&all)?)?;
    Ok(())
}
