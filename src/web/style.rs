//! The widget's stylesheet, adopted by every shadow root: a constructed `CSSStyleSheet`, so no
//! inline `<style>` or `style` attribute is needed under a strict Content-Security-Policy.

use wasm_bindgen::prelude::*;

use crate::chart::geom::FONT_FAMILY;

const CSS: &str = r#"
:host { display: block; position: relative; font-family: FONTS; color: #1a1a1a; background: #fff;
  line-height: 1.45; }
:host([hidden]) { display: none; }
canvas { display: block; touch-action: pan-y; border-radius: 4px; }
canvas:focus { outline: none; }
canvas:focus-visible { outline: 3px solid #0072b2; outline-offset: 2px; }
.tip { position: absolute; z-index: 1; box-sizing: border-box; max-width: min(340px, calc(100% - 8px));
  padding: 8px 10px; border-radius: 6px; background: #fff; color: #1a1a1a; border: 1px solid #8c8c8c;
  box-shadow: 0 2px 10px rgba(0,0,0,.18); font-size: 13px; pointer-events: none; }
.tip[hidden], .tip [hidden], .message[hidden], canvas[hidden] { display: none; }
.tip .label { font-weight: 600; }
.tip .value { font-size: 18px; font-weight: 700; }
.tip .meta, .tip .source { color: #595959; font-size: 12px; }
.tip .quote { margin: 6px 0 4px; padding-left: 8px; border-left: 3px solid #0072b2; font-size: 12px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.message { padding: 16px; border: 2px solid #d55e00; border-radius: 6px; font-size: 14px; }
@media (prefers-color-scheme: dark) {
  :host { color: #eee; background: #16181c; }
  .tip { background: #22252b; color: #eee; border-color: #5a5f66; }
  .tip .meta, .tip .source { color: #b0b4ba; }
  .tip .quote { border-left-color: #56b4e9; }
  canvas:focus-visible { outline-color: #56b4e9; }
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
    sheet.replace_sync(&CSS.replace("FONTS", FONT_FAMILY))?;
    let sheet: JsValue = sheet.into();
    SHEET.with(|s| *s.borrow_mut() = Some(sheet.clone()));
    Ok(sheet)
}
