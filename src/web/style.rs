//! The widget's stylesheet, adopted by every shadow root: a constructed `CSSStyleSheet`, so no
//! inline `<style>` or `style` attribute is needed under a strict Content-Security-Policy (except
//! where the browser cannot construct one: see `adopt`).

use wasm_bindgen::prelude::*;

thread_local! {
    static SHEET: std::cell::RefCell<Option<JsValue>> = const { std::cell::RefCell::new(None) };
}

/// The shared stylesheet, built on first use; `None` in a browser that cannot construct one
/// (Safari before 16.4, Firefox before 101).
fn sheet() -> Option<JsValue> {
    // `try_` borrows (never refused: nothing here calls back), so the wasm keeps no panic path.
    if let Some(sheet) = SHEET.with(|s| s.try_borrow().ok().and_then(|s| s.clone())) {
        return Some(sheet);
    }
    let sheet = web_sys::CssStyleSheet::new().ok()?;
    sheet.replace_sync(&crate::widget_css()).ok()?;
    let sheet: JsValue = sheet.into();
    SHEET.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            *s = Some(sheet.clone());
        }
    });
    Some(sheet)
}

/// Gives `shadow` the widget's stylesheet: the shared one, adopted; where the browser cannot
/// construct one, a `<style>` of its own, which a strict Content-Security-Policy's `style-src`
/// blocks (the chart then shows unstyled).
pub fn adopt(shadow: &web_sys::ShadowRoot) -> Result<(), JsValue> {
    if let Some(sheet) = sheet() {
        js_sys::Reflect::set(shadow, &"adoptedStyleSheets".into(), &js_sys::Array::of1(&sheet))?;
        return Ok(());
    }
    let style = shadow.owner_document().ok_or("no document")?.create_element("style")?;
    style.set_text_content(Some(&crate::widget_css()));
    shadow.append_child(&style)?;
    Ok(())
}
