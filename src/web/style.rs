//! The widget's stylesheet, adopted by every shadow root: a constructed `CSSStyleSheet`, so no
//! inline `<style>` or `style` attribute is needed under a strict Content-Security-Policy (except
//! where the browser cannot construct one: see `sheet`).

use wasm_bindgen::prelude::*;

thread_local! {
    static SHEET: std::cell::RefCell<Option<JsValue>> = const { std::cell::RefCell::new(None) };
}

/// The shared stylesheet, built on first use; `None` in a browser that cannot construct one
/// (Safari before 16.4, Firefox before 101), where each shadow root gets a `<style>` of its own (`empty_shadow`).
pub fn sheet() -> Option<JsValue> {
    if let Some(sheet) = SHEET.with(|s| s.borrow().clone()) {
        return Some(sheet);
    }
    let sheet = web_sys::CssStyleSheet::new().ok()?;
    sheet.replace_sync(&crate::widget_css()).ok()?;
    let sheet: JsValue = sheet.into();
    SHEET.with(|s| *s.borrow_mut() = Some(sheet.clone()));
    Some(sheet)
}
