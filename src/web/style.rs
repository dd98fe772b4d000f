//! The widget's stylesheet, adopted by every shadow root: a constructed `CSSStyleSheet`, so no
//! inline `<style>` or `style` attribute is needed under a strict Content-Security-Policy.

use wasm_bindgen::prelude::*;

use crate::chart::geom::FONT_FAMILY;

/// The stylesheet up to the font stack, which is the canvas's (`FONT_FAMILY`); the rest follows.
/// Joined, not substituted: a `str::replace` would ship a substring search and its panic path.
const CSS_HEAD: &str = "\n:host { display: block; position: relative; font-family: ";
const CSS: &str = r#"; color: #1a1a1a; background: #fff;
  line-height: 1.45; }
:host([hidden]) { display: none; }
canvas { display: block; touch-action: pan-y; border-radius: 4px; }
canvas:focus { outline: none; }
.plot { position: relative; }
/* The drawn canvas stays, transparent, under the view that shows it (web::canvas::View). */
canvas.drawn { opacity: 0; }
.view { position: absolute; left: 0; top: 0; pointer-events: none; }
/* The focused point's shapes, laid over the view (Widget::place_markers). */
/* forced-color-adjust: in forced colours (Windows High Contrast) a box would take the page's background and hide its bar. */
.marker { position: absolute; left: 0; top: 0; box-sizing: border-box; pointer-events: none; forced-color-adjust: none; }
.marker[hidden] { display: none; }
canvas:focus-visible, .drawn:focus-visible + .view { outline: 3px solid #0072b2; outline-offset: 2px; }
.tips { position: absolute; inset: 0; z-index: 1; pointer-events: none; }
.tip { position: absolute; left: 0; top: 0; visibility: hidden; will-change: transform; box-sizing: border-box; max-width: min(340px, calc(100% - 8px));
  padding: 8px 10px; border-radius: 6px; background: #fff; color: #1a1a1a; border: 1px solid #8c8c8c;
  box-shadow: 0 2px 10px rgba(0,0,0,.18); font-size: 13px; }
.tip.shown { visibility: visible; }
.message[hidden], canvas[hidden] { display: none; }
.tip .label { font-weight: 600; }
.tip .value { font-size: 18px; font-weight: 700; }
.tip .meta, .tip .source { color: #595959; font-size: 12px; }
.tip .quote { margin: 6px 0 4px; padding-left: 8px; border-left: 3px solid #0072b2; font-size: 12px; }
.message { padding: 16px; border: 2px solid #d55e00; border-radius: 6px; font-size: 14px; }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 4px; padding: 0 12px 4px; }
.toolbar[hidden] { display: none; }
.toolbar button { font: inherit; font-size: 13px; min-height: 32px; padding: 4px 12px; border: 1px solid #767676;
  border-radius: 6px; background: transparent; color: inherit; cursor: pointer; }
.toolbar button:focus-visible { outline: 3px solid #0072b2; outline-offset: 2px; }
.toolbar button[aria-expanded="true"] { background: #e6f0f7; }
.table { margin-top: 8px; overflow-x: auto; }
table { border-collapse: collapse; font-size: 13px; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border-bottom: 1px solid #d0d0d0; padding: 4px 8px; text-align: left; vertical-align: top; font-weight: normal; }
thead th { font-weight: 600; }
td:nth-child(2) { white-space: nowrap; }
/* Visually hidden, still read by screen readers; last so that it wins. */
.sr, .table.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media print { .toolbar, .tips { display: none !important; } }
@media (prefers-color-scheme: dark) {
  :host { color: #eee; background: #16181c; }
  .tip { background: #22252b; color: #eee; border-color: #5a5f66; }
  .tip .meta, .tip .source { color: #b0b4ba; }
  .tip .quote { border-left-color: #56b4e9; }
  canvas:focus-visible, .drawn:focus-visible + .view, .toolbar button:focus-visible { outline-color: #56b4e9; }
  .toolbar button[aria-expanded="true"] { background: #1f4e6e; }
  th, td { border-bottom-color: #3a3e45; }
}
"#;

thread_local! {
    static SHEET: std::cell::RefCell<Option<JsValue>> = const { std::cell::RefCell::new(None) };
}

/// The shared stylesheet, built on first use.
pub fn sheet() -> Result<JsValue, JsValue> {
    if let Some(sheet) = SHEET.with(|s| s.borrow().clone()) {
        return Ok(sheet);
    }
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(&[CSS_HEAD, FONT_FAMILY, CSS].concat())?;
    let sheet: JsValue = sheet.into();
    SHEET.with(|s| *s.borrow_mut() = Some(sheet.clone()));
    Ok(sheet)
}
