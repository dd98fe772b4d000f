//! zhibiao (指标): embeddable charts of China's H1 2023 industry and ICT indicators, with every
//! figure parsed from the two source texts and traceable to its sentence.
//!
//! - [`data`]: the dataset's types and the parser that builds it (pure, host-tested).
//! - [`dataset`]: the dataset compiled in by build.rs.
//! - [`chart`]: which figures each chart shows, layout, hit-testing, words and drawing through
//!   plotters (pure, host-tested).
//! - `web` (wasm32 only): the one module that touches the browser.
//! - `heap` (wasm32 only): the allocator.

pub mod chart;
/// Compiled into build.rs, which minifies the widget's stylesheet; here for its tests.
#[cfg(test)]
mod css;
pub mod data;
pub mod dataset;

// CSS_HEAD and CSS_TAIL: src/web/widget.css up to and after its FONT_FAMILY, minified by build.rs.
include!(concat!(env!("OUT_DIR"), "/widget_css.rs"));

/// The widget's stylesheet with the canvas's font stack (`chart::geom::FONT_FAMILY`) joined in:
/// every widget's shadow root adopts it, and the no-wasm fallback ships it (written by the
/// `fallback` command).
pub fn widget_css() -> String {
    // Pushed, not `concat`ed or substituted: `[&str]::concat` would be one more copy of the
    // slice-joining code in the wasm, and `str::replace` would ship a substring search and its panic path.
    let mut css = String::with_capacity(CSS_HEAD.len() + chart::geom::FONT_FAMILY.len() + CSS_TAIL.len());
    for part in [CSS_HEAD, chart::geom::FONT_FAMILY, CSS_TAIL] {
        css.push_str(part);
    }
    css
}

/// The dataset compiled in: every indicator natively, only those a chart shows (or derives from) in the wasm.
pub use dataset::DATASET;

#[cfg(target_arch = "wasm32")]
mod web;

/// Defines `<zhibiao-chart>` (runs by itself when the module starts; browser tests call it).
#[cfg(target_arch = "wasm32")]
pub use web::start;
/// The measurer the widget lays out with, for browser tests that recompute a layout.
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub use web::CanvasMeasure;

/// The allocator (wasm only): talc, with the memory the module starts with used first.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod heap;
