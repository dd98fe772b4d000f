//! The widget's stylesheet, adopted by every shadow root: a constructed `CSSStyleSheet`, so no
//! inline `<style>` or `style` attribute is needed under a strict Content-Security-Policy.

use wasm_bindgen::prelude::*;

thread_local! {
    static SHEET: std::cell::RefCell<Option<JsValue>> = const { std::cell::RefCell::new(None) };
}

/// The shared stylesheet, built on first use.
pub fn sheet() -> Result<JsValue, JsValue> {
    if let Some(sheet) = SHEET.with(|s| s.borrow().clone()) {
        return Ok(sheet);
    }
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(&crate::widget_css())?;
    let sheet: JsValue = sheet.into();
    SHEET.with(|s| *s.borrow_mut() = Some(sheet.clone()));
    Ok(sheet)
}
