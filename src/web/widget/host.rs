//! What a widget reads from around it: its language (its own `lang`, else the one it inherits,
//! through shadow roots), the colour scheme and CSS zoom it is shown in, and its emptied shadow
//! root.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRoot};

use crate::chart::{AttributeError, Lang};

/// Whether the chart is dark where it stands: the theme that the page's `color-scheme` (and the
/// reader's preference, where the page allows both) gives it, read from the description `desc`,
/// which the stylesheet colours black in light and white in dark (widget.css): light text, a red
/// of 128 or more in `rgb(…)`, is dark. (Forced colours give it the contrast theme's text colour,
/// so the canvas takes the theme's side too.)
pub fn uses_dark(window: &web_sys::Window, desc: &web_sys::Element) -> bool {
    let color = window.get_computed_style(desc).ok().flatten().and_then(|s| s.get_property_value("color").ok());
    color.is_some_and(|c| crate::chart::theme::is_light_rgb(&c))
}

/// The CSS `zoom` that `el` is shown at (its own times its ancestors', `currentCSSZoom`; 1 in a
/// browser without it): each of its CSS pixels covers that many more device pixels, so the
/// canvas needs that many more to stay sharp.
pub fn css_zoom(el: &web_sys::Element) -> f64 {
    el.unchecked_ref::<Zoomed>().current_css_zoom().filter(|z| z.is_finite() && *z > 0.0).unwrap_or(1.0)
}

#[wasm_bindgen]
extern "C" {
    /// An element, for its `currentCSSZoom` (not in web-sys yet; `undefined` where the browser
    /// has none).
    type Zoomed;
    #[wasm_bindgen(method, getter = currentCSSZoom)]
    fn current_css_zoom(this: &Zoomed) -> Option<f64>;
}

/// The language: the element's `lang` attribute, else the one it inherits, else Chinese.
pub fn resolve_lang(host: &HtmlElement) -> Result<Lang, AttributeError> {
    match host.get_attribute("lang") {
        // lang="" is taken as no attribute: the chart speaks the language around it.
        Some(value) if !value.trim().is_empty() => Lang::parse(&value),
        _ => Ok(surrounding_lang(host)),
    }
}

/// The language around the element: the one it inherits, else Chinese (a language neither zh nor
/// en around it means the default, not an error). A message about a bad `lang` of the element's
/// own, and the table that comes with it, are written in it: on an English page, in English.
pub fn surrounding_lang(host: &HtmlElement) -> Lang {
    inherited_lang(host).and_then(|l| Lang::parse(&l).ok()).unwrap_or_default()
}

/// The `lang` the element inherits, as HTML has it: the nearest ancestor's (an article's
/// `lang="en"`, the page's `<html lang>`), through the host of any shadow root it sits in.
fn inherited_lang(host: &HtmlElement) -> Option<String> {
    let mut from = host.parent_element();
    let mut node: web_sys::Node = host.clone().into();
    loop {
        if let Some(found) = from.and_then(|e| e.closest("[lang]").ok().flatten()) {
            return found.get_attribute("lang");
        }
        // None in this tree: go on from the host of the shadow root it is in.
        let shadow_host = node.get_root_node().dyn_into::<ShadowRoot>().ok()?.host();
        from = Some(shadow_host.clone());
        node = shadow_host.into();
    }
}

/// The element's empty shadow root with the widget's stylesheet (reusing the root of a re-attached
/// element): enough to give the element its size before anything is built inside it.
pub fn empty_shadow(host: &HtmlElement) -> Result<ShadowRoot, JsValue> {
    let shadow: ShadowRoot = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    while let Some(child) = shadow.first_child() {
        shadow.remove_child(&child)?;
    }
    super::super::style::adopt(&shadow)?;
    Ok(shadow)
}
