//! Frames: when a widget is drawn (now, on the next animation frame, or at once while printing),
//! what waits until the drawn frame is painted (the view, the description and table), the
//! `chart-ready` event, and redrawing when the device pixel ratio changes.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use web_sys::{Event, HtmlElement};

use super::events::PRINTING;
use super::widget::Widget;
use super::{callback, guard, report, window, with_mounted, Mounted, NEAR_VIEWPORT_CSS_PX};

/// Draws the widget now and announces `chart-ready` the first time a chart/lang is drawn.
pub(super) fn render_now(id: u32) {
    let window = window();
    with_mounted(id, |m| render_mounted(m, &window));
}

/// [`render_now`] on a widget already borrowed.
pub(super) fn render_mounted(m: &mut Mounted, window: &web_sys::Window) {
    m.frame = None;
    let rendered = m.widget.render(window);
    // The view waits for a drawn frame. The description and table do not: a chart far off screen
    // is drawn only once scrolled near, and a screen reader reads its table meanwhile.
    let drawn = matches!(rendered, Ok(Some(_)));
    if PRINTING.with(Cell::get) {
        // No paint comes before the page prints: an opened table is written now, also for a
        // chart the page changes in its own `beforeprint` listener, and the view does not take
        // over (`finish_after_paint` would hand it the picture): paper gets the canvas just
        // drawn, which Chromium prints as shapes, not a bitmap of the screen's.
        m.widget.fill_extras();
    } else if ((m.widget.view_stale && drawn) || (m.widget.extras_stale && m.widget.width_css_px >= 1.0)) && !m.fill_scheduled {
        m.fill_scheduled = after_paint(window, m.id);
        if !m.fill_scheduled {
            finish_after_paint(&mut m.widget);
        }
    }
    match rendered {
        Ok(Some(key)) if m.widget.ready_for != Some(key) => {
            m.widget.ready_for = Some(key);
            // Dispatched in a microtask, outside the borrow (listeners may change attributes,
            // which re-enters) and after the script that inserted the element has added its listeners.
            let (host, chart) = (m.widget.host.clone(), key.0.key());
            let title = m.widget.chart.as_ref().map(|c| c.title.clone()).unwrap_or_default();
            window.queue_microtask(&once(Box::new(move || announce_ready(&host, chart, &title))));
        }
        Ok(_) => {}
        Err(e) => {
            report("render failed", &e);
            m.widget.show_render_failure();
        }
    }
}

/// Whether `el` (a block in the chart's shadow root: the host has no box where a page makes it
/// `display: contents`, and its empty rect, at the viewport's top left, read as on screen) is on screen or
/// within `NEAR_VIEWPORT_CSS_PX` of it (a forced layout: at mount, when shown again, and after
/// printing, not on any frequent path).
pub(super) fn near_viewport(el: &web_sys::Element, window: &web_sys::Window) -> bool {
    let rect = el.get_bounding_client_rect();
    let viewport_height_css_px = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(f64::MAX);
    rect.bottom() >= -NEAR_VIEWPORT_CSS_PX && rect.top() <= viewport_height_css_px + NEAR_VIEWPORT_CSS_PX
}

/// What waits until a drawn frame is painted: the view takes over from the canvas, and the
/// description and data table are written.
pub(super) fn finish_after_paint(widget: &mut Widget) {
    if let Err(e) = widget.show_view() {
        report("cannot show the view", &e);
    }
    widget.fill_extras();
}

/// Runs [`finish_after_paint`] once the frame is painted: the next animation frame's callback
/// runs before that frame is painted, so it waits one task more. False when no frame can be
/// requested (the caller runs it at once).
fn after_paint(window: &web_sys::Window, id: u32) -> bool {
    // Guarded like every callback: a failure inside leaves `MOUNTED` borrowed, so unguarded it
    // would leave every chart on the page silently dead; guarded, it takes element.js's failure
    // path (an error state, then a fresh instance).
    let fill = once(Box::new(move || {
        with_mounted(id, |m| {
            m.fill_scheduled = false;
            finish_after_paint(&mut m.widget);
        });
    }));
    let after_frame = once(Box::new(move || {
        let _ = self::window().set_timeout_with_callback(&fill);
    }));
    window.request_animation_frame(&after_frame).is_ok()
}

/// A guarded function that runs `f` once. (Boxed, so that every one-shot callback shares one
/// wasm-bindgen shim rather than shipping one per closure type.)
fn once(f: Box<dyn FnOnce()>) -> js_sys::Function {
    guard(&Closure::once_into_js(f))
}

/// Dispatches `chart-ready` (bubbles, composed, `detail: {chart, title}`) on the element.
fn announce_ready(host: &HtmlElement, chart: &str, title: &str) {
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"chart".into(), &chart.into());
    let _ = js_sys::Reflect::set(&detail, &"title".into(), &title.into());
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("chart-ready", &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// Schedules one render on the next animation frame; more requests before it are merged.
pub(super) fn schedule_render(id: u32) {
    let window = window();
    if let Some(Err(e)) = with_mounted(id, |m| request_render(m, &window)) {
        report("requestAnimationFrame failed", &e);
    }
}

/// [`schedule_render`] for a widget already borrowed (inside a listener).
pub(super) fn request_render(m: &mut Mounted, window: &web_sys::Window) -> Result<(), JsValue> {
    if PRINTING.with(Cell::get) {
        render_mounted(m, window);
        return Ok(());
    }
    if m.frame.is_none() {
        let id = m.id;
        m.frame = Some(window.request_animation_frame(&callback(Closure::<dyn FnMut()>::new(move || render_now(id))))?);
    }
    Ok(())
}

/// Watches the current device pixel ratio; when it changes, redraw and watch the new one.
pub(super) fn watch_dpr(id: u32) {
    let window = window();
    // A range, not `(resolution: Xdppx)`: a ratio such as 4/3 written in four decimals would never
    // equal the browser's, and that query would never match, nor ever change.
    let (dpr, plain) = (window.device_pixel_ratio(), crate::chart::format::plain);
    let query = format!("(min-resolution: {}dppx) and (max-resolution: {}dppx)", plain((dpr - 0.001).max(0.0), 4), plain(dpr + 0.001, 4));
    let Ok(Some(list)) = window.match_media(&query) else { return };
    let listener = callback(Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        // The list watched now only: a page's listener wrapper whose `removeEventListener` misses
        // keeps the old lists' listeners (and a removed chart's), and each would watch one more,
        // doubling them at every change.
        let current = with_mounted(id, |m| m.dpr_query.as_ref().is_some_and(|(list, _)| event.target().as_ref() == Some(list.as_ref())));
        if current == Some(true) {
            watch_dpr(id);
            schedule_render(id);
        }
    }));
    if list.add_event_listener_with_callback_and_bool("change", &listener, false).is_err() {
        return;
    }
    with_mounted(id, |m| {
        if let Some((old, old_listener)) = m.dpr_query.replace((list, listener)) {
            let _ = old.remove_event_listener_with_callback_and_bool("change", &old_listener, false);
        }
    });
}
