//! Parses data/sources/*.txt with data/catalogue.ini into the dataset the crate embeds, using the
//! same parser (src/data/) the native tests and the `indicators` command run. A changed text or a
//! catalogue entry that no longer matches fails the build with the file, line and entry at fault.

#[allow(dead_code)]
#[path = "src/data/mod.rs"]
mod data;
#[allow(dead_code)]
#[path = "src/chart/members.rs"]
mod members;
#[path = "src/css.rs"]
mod css;

use std::path::Path;

fn main() {
    let catalogue_path = "data/catalogue.ini";
    println!("cargo:rerun-if-changed={catalogue_path}");
    println!("cargo:rerun-if-changed=data/sources");
    println!("cargo:rerun-if-changed=src/data");
    println!("cargo:rerun-if-changed=src/chart/members.rs");
    let read = |path: &str| {
        std::fs::read_to_string(path).unwrap_or_else(|e| {
            eprintln!("error: cannot read {path}: {e}");
            std::process::exit(1)
        })
    };
    let catalogue = read(catalogue_path);
    let mut files: Vec<(String, String)> = Vec::new();
    let dir = std::fs::read_dir("data/sources").unwrap_or_else(|e| {
        eprintln!("error: cannot list data/sources: {e}");
        std::process::exit(1)
    });
    for entry in dir.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".txt") {
            println!("cargo:rerun-if-changed=data/sources/{name}");
            files.push((name.clone(), read(&format!("data/sources/{name}"))));
        }
    }
    let texts: Vec<data::extract::SourceText> =
        files.iter().map(|(file, text)| data::extract::SourceText { file, text }).collect();
    let dataset = data::extract::extract(catalogue_path, &catalogue, &texts).unwrap_or_else(|e| {
        eprintln!("error: the dataset cannot be built:\n{e}");
        std::process::exit(1)
    });
    // Native builds (tests, the `indicators` command) get every indicator; the wasm only those a
    // chart shows (members.rs), in the same order.
    let source = match std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() {
        Ok("wasm32") => data::codegen::dataset_to_rust(&members::shipped(&dataset)),
        _ => data::codegen::dataset_to_rust(&dataset),
    };
    write("dataset.rs", &source);

    // The widget's stylesheet, minified, in two parts around the font stack, which
    // zhibiao::widget_css (lib.rs) joins in from geom::FONT_FAMILY (the canvas's).
    let css_path = "src/web/widget.css";
    println!("cargo:rerun-if-changed={css_path}");
    println!("cargo:rerun-if-changed=src/css.rs");
    let css = css::minify(&read(css_path));
    match css.split("FONT_FAMILY").collect::<Vec<_>>()[..] {
        [head, tail] => write("widget_css.rs", &format!("const CSS_HEAD: &str = {head:?};\nconst CSS_TAIL: &str = {tail:?};\n")),
        _ => {
            eprintln!("error: {css_path} must name FONT_FAMILY once, where the font stack goes");
            std::process::exit(1)
        }
    }
}

/// Writes `name` into OUT_DIR, or fails the build.
fn write(name: &str, contents: &str) {
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let out = Path::new(&out_dir).join(name);
    if let Err(e) = std::fs::write(&out, contents) {
        eprintln!("error: cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
}
