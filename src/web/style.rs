//! The widget's stylesheet, adopted by every shadow root: a constructed `CSSStyleSheet`, so no
//! inline `<style>` or `style` attribute is needed under a strict Content-Security-Policy.

use wasm_bindgen::prelude::*;

use crate::chart::geom::FONT_FAMILY;

// CSS_HEAD and CSS_TAIL: src/web/widget.css up to and after its FONT_FAMILY, minified by build.rs.
include!(concat!(env!("OUT_DIR"), "/widget_css.rs"));

thread_local! {
    static SHEET: std::cell::RefCell<Option<JsValue>> = const { std::cell::RefCell::new(None) };
}

/// The shared stylesheet, built on first use.
pub fn sheet() -> Result<JsValue, JsValue> {
    if let Some(sheet) = SHEET.with(|s| s.borrow().clone()) {
        return Ok(sheet);
    }
    let sheet = web_sys::CssStyleSheet::new()?;
    // Pushed, not `concat`ed or substituted: `[&str]::concat` would be one more copy of the
    // slice-joining code, and `str::replace` would ship a substring search and its panic path.
    let mut css = String::with_capacity(CSS_HEAD.len() + FONT_FAMILY.len() + CSS_TAIL.len());
    for part in [CSS_HEAD, FONT_FAMILY, CSS_TAIL] {
        css.push_str(part);
    }
    sheet.replace_sync(&css)?;
    let sheet: JsValue = sheet.into();
    SHEET.with(|s| *s.borrow_mut() = Some(sheet.clone()));
    Ok(sheet)
}
