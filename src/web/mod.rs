//! The browser boundary, and the only module that uses wasm-bindgen, web-sys and js-sys.
//! It defines `<zhibiao-chart>`, keeps one `Widget` per connected element, and turns DOM events
//! into calls on it. Listeners and observers are removed when an element disconnects.

mod accessory;
mod canvas;
mod events;
mod frames;
mod style;
mod widget;

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::WasmClosure;
use web_sys::{Event, EventTarget, HtmlElement};

pub use canvas::CanvasMeasure;
use events::{
    on_after_print, on_before_print, on_blur, on_click, on_context_menu, on_focus, on_key, on_leave, on_outside, on_page_key, on_pointer_cancel, on_pointer_down, on_pointer_move, on_said_faded, on_pointer_up, on_scheme_change,
    on_toolbar_click,
};
use frames::{near_viewport, render_mounted, render_now, request_render, schedule_render, watch_dpr};
use widget::Widget;

#[wasm_bindgen(module = "/src/web/element.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineElement)]
    fn define_element(name: &str, hooks: &JsValue) -> bool;
    /// Wraps a callback so that an exception inside it takes the failure path of element.js.
    fn guard(f: &JsValue) -> js_sys::Function;
    /// A new heading for the chart's title, at the level the page's outline gives it, if any.
    #[wasm_bindgen(js_name = titleHeading)]
    fn title_heading(el: &HtmlElement) -> Option<HtmlElement>;
    /// Scrolls as little as shows all of `el` and `point` (one scroll), or `point` alone where the
    /// two do not fit in the window together.
    fn reveal(el: &HtmlElement, point: Option<&HtmlElement>);
    /// Shows "The chart could not be drawn." in the chart `el`, in its language.
    #[wasm_bindgen(js_name = mountFailed)]
    fn mount_failed(el: &HtmlElement);
    /// Saves a canvas as PNG (encoded outside this task) or a CSV's text as the file `name`.
    fn save(root: &web_sys::ShadowRoot, data: &JsValue, name: &str);
    /// The top of the part of the window in which `el` can be seen, with the pointer
    /// `pointer_client_px` down the window: less what the boxes around it clip (a scrolling box, a
    /// dialog's body). [`shown_foot_client_px`] gives its foot.
    #[wasm_bindgen(js_name = shownTop)]
    fn shown_top_client_px(el: &HtmlElement, pointer_client_px: f64) -> f64;
    /// The foot of the part [`shown_top_client_px`] last found.
    #[wasm_bindgen(js_name = shownFoot)]
    fn shown_foot_client_px() -> f64;
}

type Listener = Closure<dyn FnMut(Event)>;

/// The guarded function the page calls, of a Rust closure that the browser's garbage collector
/// frees once nothing holds the function (wasm-bindgen's FinalizationRegistry), not the widget
/// when it is unmounted: a page's listener wrapper whose `removeEventListener` misses (a
/// monitoring script's) still calls it then, and it finds no widget and does nothing, where a
/// closure freed at unmount threw, at every click, and every chart on the page failed.
fn callback<C: ?Sized + WasmClosure>(closure: Closure<C>) -> js_sys::Function {
    guard(&closure.into_js_value())
}

/// An event listener added to the page, with what removing it must name again.
struct Added {
    target: EventTarget,
    kind: &'static str,
    capture: bool,
    callback: js_sys::Function,
}

/// Event listeners added to the page. Dropping them removes them, also when a mount fails
/// halfway.
struct Listeners(Vec<Added>);

impl Drop for Listeners {
    fn drop(&mut self) {
        for added in &self.0 {
            let _ = added.target.remove_event_listener_with_callback_and_bool(added.kind, &added.callback, added.capture);
        }
    }
}

/// A widget with everything it registered in the page, so that all of it can be removed.
struct Mounted {
    id: u32,
    widget: Widget,
    /// Held for its drop, which removes them.
    _listeners: Listeners,
    resize_observer: web_sys::ResizeObserver,
    /// Tells when the element comes near the viewport; off-screen charts are not drawn.
    intersection_observer: web_sys::IntersectionObserver,
    frame: Option<i32>,
    /// The view is to take over and the description and table are to be written after the next
    /// frame is painted (`after_paint`).
    fill_scheduled: bool,
    /// Redraws when the device pixel ratio changes; replaced after each change.
    dpr_query: Option<(web_sys::MediaQueryList, js_sys::Function)>,
    /// The chart's width on screen while it is laid out for paper (`beforeprint` to `afterprint`).
    screen_width_css_px: Option<f64>,
}

thread_local! {
    static MOUNTED: RefCell<Vec<(u32, Mounted)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

const ID_KEY: &str = "__zhibiaoId";
/// The width every chart is laid out at for paper, and a chart narrower than this on screen (a
/// phone's) for a PNG: about a portrait A4 or Letter page's printable width. A phone's layout,
/// scaled up to the paper's width, would print twice the size, split across pages; a desktop's,
/// scaled down, would set its text small. (On paper a canvas never grows past its layout's width,
/// and shrinks to its place: src/web/widget.css.)
const PAGE_WIDTH_CSS_PX: f64 = 680.0;

/// Charts this close to the viewport are drawn, so that scrolling finds them ready.
const NEAR_VIEWPORT_CSS_PX: f64 = 400.0;

/// The page's window. Not `web_sys::window()`, which checks `instanceof Window`: MooTools (on
/// many older news sites) replaces the global `Window`, and every chart failed to mount, or one
/// drawn before it loaded stopped answering. Where this module runs, the global is a window.
fn window() -> web_sys::Window {
    js_sys::global().unchecked_into()
}

fn report(context: &str, error: &JsValue) {
    web_sys::console::error_2(&JsValue::from_str(&format!("zhibiao: {context}:")), error);
}

fn widget_id(host: &HtmlElement) -> Option<u32> {
    js_sys::Reflect::get(host, &ID_KEY.into()).ok()?.as_f64().map(|v| v as u32)
}

/// Runs `f` on a mounted widget, unless it is gone or already borrowed (re-entrant events).
fn with_mounted<R>(id: u32, f: impl FnOnce(&mut Mounted) -> R) -> Option<R> {
    let (mut f, mut out) = (Some(f), None);
    visit_mounted(id, &mut |mounted| out = f.take().map(|f| f(mounted)));
    out
}

/// [`with_mounted`]'s lookup, not generic: one copy for its dozen callers.
fn visit_mounted(id: u32, f: &mut dyn FnMut(&mut Mounted)) {
    MOUNTED.with(|m| {
        let Ok(mut list) = m.try_borrow_mut() else { return };
        for (i, mounted) in list.iter_mut() {
            if *i == id {
                f(mounted);
                return;
            }
        }
    });
}

/// What a listener runs on its widget: a plain `fn`, not a closure, with one signature for every
/// event, so that one wasm-bindgen closure shim serves them all, which keeps the wasm smaller (a
/// handler for a pointer or key event checks the event's type itself).
type Handler = fn(&mut Mounted, &Event, &web_sys::Window) -> Result<(), JsValue>;

/// Adds a listener that runs `f` on the mounted widget `id`.
fn listen(id: u32, target: &EventTarget, kind: &'static str, f: Handler) -> Result<Added, JsValue> {
    listen_in(id, target, kind, f, false)
}

/// [`listen`], in the capture phase where `capture` is true: before the listeners of the
/// elements the event goes through (a script's dialog or lightbox around the chart).
fn listen_in(id: u32, target: &EventTarget, kind: &'static str, f: Handler, capture: bool) -> Result<Added, JsValue> {
    let listener: Listener = Closure::new(move |event: Event| {
        let window = window();
        if let Some(Err(e)) = with_mounted(id, |m| f(m, &event, &window)) {
            report(kind, &e);
        }
    });
    let listener = callback(listener);
    // (Not `passive`: none of these events scrolls the page; the key listeners cancel the arrows'
    // scrolling.)
    target.add_event_listener_with_callback_and_bool(kind, &listener, capture)?;
    Ok(Added { target: target.clone(), kind, capture, callback: listener })
}

fn mount(host: HtmlElement) -> Result<(), JsValue> {
    // Already mounted by this instance (ids of an earlier, failed instance may be reused).
    if widget_id(&host).is_some_and(|id| with_mounted(id, |m| m.widget.host == host) == Some(true)) {
        return Ok(());
    }
    let window = window();
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    js_sys::Reflect::set(&host, &ID_KEY.into(), &JsValue::from(id))?;
    // Sized and placed while the shadow root holds only an empty block, so the layout this forces
    // is the page's alone. The block's width and place, not the host's: without a page's padding on
    // the element, and there at all where the page makes it inline or `display: contents`. Drawn now
    // if on screen (or near it); otherwise when the IntersectionObserver says so.
    let shadow = widget::empty_shadow(&host)?;
    let document = host.owner_document().ok_or("no document")?;
    let probe = document.create_element("div")?;
    shadow.append_child(&probe)?;
    // As the resize observer will report it, in whole px, down: `clientWidth` rounds, and in a
    // 419.6 px column (a percentage of the page) read 420, so the observer's first report, 419,
    // drew the chart a second time.
    let width_css_px = window
        .get_computed_style(&probe)
        .ok()
        .flatten()
        .and_then(|style| style.get_property_value("width").ok())
        .and_then(|width| whole_css_px(&width))
        .unwrap_or_else(|| f64::from(probe.client_width()));
    let on_screen = near_viewport(&probe, &window);
    shadow.remove_child(&probe)?;
    let mut widget = Widget::new(host.clone(), shadow)?;
    widget.apply_focus_attribute();
    widget.width_css_px = width_css_px;
    widget.on_screen = on_screen;
    let canvas: &EventTarget = widget.canvas.as_ref();
    // On an early return below, `listeners` is dropped and removes what was added.
    let mut listeners = Listeners(Vec::with_capacity(16));
    listeners.0.push(listen(id, canvas, "pointermove", on_pointer_move)?);
    listeners.0.push(listen(id, canvas, "pointerdown", on_pointer_down)?);
    listeners.0.push(listen(id, canvas, "pointercancel", on_pointer_cancel)?);
    listeners.0.push(listen(id, canvas, "pointerup", on_pointer_up)?);
    listeners.0.push(listen(id, canvas, "click", on_click)?);
    listeners.0.push(listen(id, host.as_ref(), "click", on_click)?);
    listeners.0.push(listen(id, canvas, "pointerleave", on_leave)?);
    listeners.0.push(listen(id, canvas, "keydown", on_key)?);
    listeners.0.push(listen(id, canvas, "focus", on_focus)?);
    listeners.0.push(listen(id, canvas, "blur", on_blur)?);
    listeners.0.push(listen(id, canvas, "contextmenu", on_context_menu)?);
    // In the capture phase: a page's menu button that stops its `pointerdown` does not keep a
    // tapped card on show.
    listeners.0.push(listen_in(id, window.as_ref(), "pointerdown", on_outside, true)?);
    // A tap or click outside the window is outside the chart too: on the article around an
    // iframe embed (which the frame cannot see), or in another frame of the page; the window
    // loses focus to it.
    listeners.0.push(listen(id, window.as_ref(), "blur", on_outside)?);
    // Before a page's own listeners (a script's dialog or lightbox closes on an Escape it gets;
    // the chart's own listener on the canvas comes after too).
    listeners.0.push(listen_in(id, window.as_ref(), "keydown", on_page_key, true)?);
    listeners.0.push(listen(id, window.as_ref(), "beforeprint", on_before_print)?);
    listeners.0.push(listen(id, window.as_ref(), "afterprint", on_after_print)?);
    listeners.0.push(listen(id, widget.extras.toolbar.as_ref(), "click", on_toolbar_click)?);
    listeners.0.push(listen(id, widget.extras.said.as_ref(), "animationend", on_said_faded)?);
    // The description's colour changes with the colour scheme the chart is shown in: the reader's
    // preference or the page's `color-scheme` (widget.css). The preference's media query too, for
    // a browser that starts no transition there (WebKit's is not tested here); one redraw either way.
    listeners.0.push(listen(id, widget.extras.desc.as_ref(), "transitionrun", on_scheme_change)?);
    if let Ok(Some(query)) = window.match_media("(prefers-color-scheme: dark)") {
        listeners.0.push(listen(id, query.as_ref(), "change", on_scheme_change)?);
    }
    // The width is the plot's, a block inside the shadow root: the host's content width, without
    // a page's padding on the element, and a width at all where a page makes the element inline
    // or `display: contents` (which give the host itself none).
    let observed_plot: web_sys::Element = widget.plot.clone().into();
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // The plot's entry gives the width. The page's root element is observed too: a CSS `zoom`
        // around the chart may have changed (which leaves its width in CSS px as it was).
        let width = entries
            .iter()
            .filter_map(|e| e.dyn_into::<web_sys::ResizeObserverEntry>().ok())
            .find(|e| e.target() == observed_plot)
            // Whole px, down: the canvas is as wide in CSS px (a fraction more, which `max-width`
            // took back, or less, as `round` gave), and so its backing store as many device px
            // as it shows (at DPR 2 a 419.4 px column had 839 in a 419 px box, resampled soft).
            .map(|e| e.content_rect().width().floor());
        let changed = with_mounted(id, |m| {
            let rezoomed = widget::css_zoom(&m.widget.canvas) != m.widget.drawn_zoom;
            let Some(width) = width else { return rezoomed };
            // Any change: an ease-out transition's last steps are fractions of a px, and a chart
            // drawn at 419 px and not again at 420 was stretched one px, its text soft. (Renders
            // are one per frame at most.)
            let changed = m.widget.width_css_px != width;
            // Shown after `display: none` (a dialog opened, a tab chosen): the intersection
            // observer said hidden, and says otherwise only after this frame is painted; read
            // now, the chart is drawn for the next frame, not the one after.
            if m.widget.width_css_px < 1.0 && width >= 1.0 {
                m.widget.on_screen = near_viewport(&m.widget.plot, &self::window());
            }
            m.widget.width_css_px = width;
            changed || rezoomed
        });
        if changed == Some(true) {
            schedule_render(id);
        }
    });
    let resize_observer = web_sys::ResizeObserver::new(&callback(on_resize))?;
    let on_intersect = callback(Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let Some(entry) = entries.get(entries.length().saturating_sub(1)).dyn_into::<web_sys::IntersectionObserverEntry>().ok() else {
            return;
        };
        let visible = entry.is_intersecting();
        let changed = with_mounted(id, |m| std::mem::replace(&mut m.widget.on_screen, visible) != visible);
        if changed == Some(true) && visible {
            schedule_render(id);
        }
    }));
    let options = web_sys::IntersectionObserverInit::new();
    let margin = format!("{}px", NEAR_VIEWPORT_CSS_PX as i64);
    options.set_root_margin(&margin);
    // The look-ahead in a scrolling box (an app's main column) too: a root margin grows only
    // the window. (web-sys has no setter for it yet; browsers without it ignore it.)
    let _ = js_sys::Reflect::set(&options, &"scrollMargin".into(), &margin.into());
    let intersection_observer = web_sys::IntersectionObserver::new_with_options(&on_intersect, &options)?;
    // Observing starts only now that nothing can fail: an observer outlives a failed mount.
    resize_observer.observe(&widget.plot);
    if let Some(root) = host.owner_document().and_then(|d| d.document_element()) {
        resize_observer.observe(&root);
    }
    intersection_observer.observe(&widget.plot);
    let mounted = Mounted {
        id,
        widget,
        _listeners: listeners,
        resize_observer,
        intersection_observer,
        frame: None,
        fill_scheduled: false,
        dpr_query: None,
        screen_width_css_px: None,
    };
    MOUNTED.with(|m| m.borrow_mut().push((id, mounted)));
    watch_dpr(id);
    // The first frame is drawn now, not one animation frame later; a chart its attributes do not
    // name yet, on the next one: a page that creates the element, connects it and only then sets
    // its attributes (jQuery's `.appendTo().attr()`) sets them within this task, and sees no error.
    if with_mounted(id, |m| m.widget.chart.is_ok()) == Some(true) {
        render_now(id);
    } else {
        schedule_render(id);
    }
    Ok(())
}

/// The whole px, down, of a computed length (`419.594px`: 419); 0 where it starts with no digit
/// (`auto`, where nothing is laid out); none in an exponent's notation (`1.23457e+06px`, a million
/// px or more). (Under 10 000 px the browser writes the fraction, which never rounds up: layout
/// keeps 64ths of a px; above, six digits, rounded, and the observer may draw the chart again.)
fn whole_css_px(length: &str) -> Option<f64> {
    let (mut px, mut whole) = (0u32, true);
    for b in length.bytes() {
        match b {
            b'e' => return None,
            b'0'..=b'9' if whole => px = px.wrapping_mul(10).wrapping_add(u32::from(b - b'0')),
            _ => whole = false,
        }
    }
    Some(f64::from(px))
}

/// Removes everything the widget registered; the shadow DOM stays for a re-attach.
fn unmount(host: &HtmlElement) {
    let Some(id) = widget_id(host) else { return };
    let removed = MOUNTED.with(|m| {
        let mut m = m.try_borrow_mut().ok()?;
        let at = m.iter().position(|(i, _)| *i == id)?;
        Some(m.swap_remove(at).1)
    });
    // Its listeners are removed when it is dropped, at the end of this function.
    let Some(mounted) = removed else { return };
    mounted.resize_observer.disconnect();
    mounted.intersection_observer.disconnect();
    if let Some(handle) = mounted.frame {
        let _ = window().cancel_animation_frame(handle);
    }
    if let Some((list, listener)) = &mounted.dpr_query {
        let _ = list.remove_event_listener_with_callback_and_bool("change", listener, false);
    }
}

/// `chart`, `lang` or `focus-point` changed, or the chart moved (by `moveBefore`: element.js says
/// `lang`, the one it inherits, may have changed; put back in the task that took it out:
/// `moved`, the same, and no `pointerleave` reaches it, so a card the mouse showed goes as the
/// pointer leaving would take it). Drawn again only where `read_attributes` finds another chart or
/// language (an attribute changed while the chart was out of the page was read there, where it
/// inherits none, and is read again). `fonts`: a font of the stack has loaded (element.js), and
/// the chart is measured and drawn again.
fn attribute_changed(host: &HtmlElement, attribute: &str) {
    let Some(id) = widget_id(host) else { return };
    let changed = with_mounted(id, |m| {
        if attribute == "fonts" {
            m.widget.fonts_loaded();
            return true;
        }
        if attribute == "moved" {
            if let Err(error) = m.widget.pointer_left() {
                report("a moved chart kept its card", &error);
            }
        }
        if attribute != "focus-point" && !m.widget.read_attributes() {
            return false;
        }
        m.widget.apply_focus_attribute();
        true
    });
    if changed == Some(true) {
        schedule_render(id);
    }
}

/// TypeScript for the npm package (`pkg/zhibiao.d.ts`): the element's tag and its `chart-ready`
/// event, so that `document.querySelector('zhibiao-chart')` is a `ZhibiaoChartElement` (an
/// `HTMLElement` with its two properties) and the event's `detail` is typed. wasm-bindgen writes it into the `.d.ts`; none of it reaches the wasm.
#[wasm_bindgen(typescript_custom_section)]
const ELEMENT_TYPES: &'static str = r#"
/** A chart's `chart` attribute, as `chart-ready` gives it (the attribute itself may differ in case and spaces). */
export type ZhibiaoChartId = "growth" | "5g" | "nev";

/** The `detail` of `chart-ready`, which a chart dispatches (bubbling, composed) once drawn: again for every other chart or language it draws, each time it is connected afresh, and after an error message gives way to it (count views by something else). */
export interface ZhibiaoChartReadyDetail {
    readonly chart: ZhibiaoChartId;
    /** The chart's title, in its language. */
    readonly title: string;
}

/** The element: its attributes, or these properties, which set them (null or undefined removes one; `lang` is HTML's). */
export interface ZhibiaoChartElement extends HTMLElement {
    /** The `chart` attribute: "growth", "5g" or "nev", in any case. */
    get chart(): string | null;
    set chart(value: string | null | undefined);
    /** The `focus-point` attribute: the id of the indicator to highlight, `@2` for its second showing. */
    get focusPoint(): string | null;
    set focusPoint(value: string | null | undefined);
}

declare global {
    /** `<zhibiao-chart chart="growth|5g|nev" lang="zh|en" focus-point="…">`, defined once `init()` has run. */
    interface HTMLElementTagNameMap {
        "zhibiao-chart": ZhibiaoChartElement;
    }
    interface GlobalEventHandlersEventMap {
        "chart-ready": CustomEvent<ZhibiaoChartReadyDetail>;
    }
}
"#;

/// Defines `<zhibiao-chart>` when the module starts. Safe to call again.
#[wasm_bindgen(start)]
pub fn start() {
    // A panic traps the instance; say why before element.js takes the failure path.
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("zhibiao: panic: {info}").into());
    }));
    let hooks = js_sys::Object::new();
    let connected = Closure::<dyn FnMut(HtmlElement)>::new(|host: HtmlElement| {
        if let Err(e) = mount(host.clone()) {
            report("cannot mount <zhibiao-chart>", &e);
            mount_failed(&host);
        }
    });
    let disconnected = Closure::<dyn FnMut(HtmlElement)>::new(|host: HtmlElement| unmount(&host));
    let changed = Closure::<dyn FnMut(HtmlElement, String)>::new(|host: HtmlElement, attr: String| attribute_changed(&host, &attr));
    let set = |name: &str, f: &JsValue| js_sys::Reflect::set(&hooks, &name.into(), f).is_ok();
    let ok = set("connected", connected.as_ref()) && set("disconnected", disconnected.as_ref()) && set("changed", changed.as_ref());
    if !ok {
        report("cannot define <zhibiao-chart>", &JsValue::NULL);
        return;
    }
    // The hooks live as long as the page: the element class keeps calling them.
    connected.forget();
    disconnected.forget();
    changed.forget();
    define_element("zhibiao-chart", &hooks);
}
