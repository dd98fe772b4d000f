//! Browser tests (`wasm-pack test --headless --chrome` / `--firefox`): the real element on a real
//! page, real canvas pixels, real pointer and key events.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, Document, HtmlCanvasElement, HtmlElement};

use zhibiao::chart::geom::{PointCss, RectCss};
use zhibiao::chart::layout::layout;
use zhibiao::chart::scene::Scene;
use zhibiao::chart::spec::Chart;
use zhibiao::chart::theme::LIGHT;
use zhibiao::chart::{ChartId, Lang};
use zhibiao::CanvasMeasure;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "common/fit.rs"]
mod fit;

fn document() -> Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

/// Resolves when `el` dispatches `chart-ready`, or fails after 10 s.
async fn ready(el: &HtmlElement) -> Result<JsValue, JsValue> {
    let el = el.clone();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_ready = Closure::once_into_js(move |e: web_sys::CustomEvent| {
            let _ = resolve.call1(&JsValue::NULL, &e.detail());
        });
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        let _ = el.add_event_listener_with_callback_and_add_event_listener_options("chart-ready", on_ready.unchecked_ref(), &options);
        let fail = Closure::once_into_js(move || {
            let _ = reject.call1(&JsValue::NULL, &"no chart-ready within 10 s".into());
        });
        let _ = web_sys::window().map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(fail.unchecked_ref(), 10_000));
    });
    JsFuture::from(promise).await
}

/// Resolves after the next animation frame, when scheduled renders have run.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().map(|w| w.request_animation_frame(&resolve));
    });
    let _ = JsFuture::from(promise).await;
}

/// Resolves after the next frame is painted (an animation frame, then a task): when the view has
/// taken over from the canvas and the description and table are written.
async fn after_paint() {
    next_frame().await;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().map(|w| w.set_timeout_with_callback(&resolve));
    });
    let _ = JsFuture::from(promise).await;
}

/// A container of `width` CSS px holding `<zhibiao-chart chart=… lang=…>`, not yet ready.
fn mount(chart: &str, lang: Option<&str>, width_css_px: u32) -> HtmlElement {
    mount_styled(chart, lang, &format!("width: {width_css_px}px"))
}

/// `mount`, with the container's style `style`, set before the chart is connected.
fn mount_styled(chart: &str, lang: Option<&str>, style: &str) -> HtmlElement {
    zhibiao::start();
    let doc = document();
    let container = doc.create_element("div").expect("div");
    container.set_attribute("style", style).expect("style");
    let el: HtmlElement = doc.create_element("zhibiao-chart").and_then(|e| e.dyn_into().map_err(JsValue::from)).expect("element");
    el.set_attribute("chart", chart).expect("attr");
    if let Some(lang) = lang {
        el.set_attribute("lang", lang).expect("attr");
    }
    container.append_child(&el).expect("append");
    // At the top of the page: charts far below the viewport wait until scrolled to.
    let body = doc.body().expect("body");
    body.insert_before(&container, body.first_child().as_ref()).expect("insert");
    el
}

fn shadow_query(el: &HtmlElement, selector: &str) -> HtmlElement {
    let root = el.shadow_root().expect("an open shadow root");
    root.query_selector(selector).ok().flatten().and_then(|e| e.dyn_into().ok()).unwrap_or_else(|| panic!("no {selector}"))
}

fn canvas(el: &HtmlElement) -> (HtmlCanvasElement, CanvasRenderingContext2d) {
    let canvas: HtmlCanvasElement = shadow_query(el, "canvas").dyn_into().expect("canvas");
    let ctx = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into().ok()).expect("2d");
    (canvas, ctx)
}

/// The layout the widget drew, recomputed with the same measurer.
fn scene_of(el: &HtmlElement, id: ChartId, lang: Lang, focused: Option<usize>) -> Scene {
    let (canvas, ctx) = canvas(el);
    let width = canvas.get_bounding_client_rect().width();
    let chart = Chart::build(id, lang).expect("chart");
    layout(&chart, width, &CanvasMeasure(&ctx), &LIGHT, focused)
}

/// The canvas the reader sees: the view (see `web::canvas::View`) once it has taken over, else the
/// drawn canvas.
fn shown(el: &HtmlElement) -> HtmlCanvasElement {
    let root = el.shadow_root().expect("an open shadow root");
    let view = root.query_selector("canvas.view:not([hidden])").ok().flatten().and_then(|e| e.dyn_into().ok());
    view.unwrap_or_else(|| canvas(el).0)
}

/// A pixel of what the reader sees, copied to a scratch canvas (a `bitmaprenderer` canvas cannot
/// be read directly).
fn pixel(el: &HtmlElement, p: PointCss) -> [u8; 3] {
    let shown = shown(el);
    let scratch: HtmlCanvasElement = document().create_element("canvas").ok().and_then(|c| c.dyn_into().ok()).expect("canvas");
    scratch.set_width(shown.width());
    scratch.set_height(shown.height());
    let ctx: CanvasRenderingContext2d = scratch.get_context("2d").ok().flatten().and_then(|c| c.dyn_into().ok()).expect("2d");
    ctx.draw_image_with_html_canvas_element(&shown, 0.0, 0.0).expect("draw");
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let data = ctx.get_image_data((p.x_css_px * dpr).round(), (p.y_css_px * dpr).round(), 1.0, 1.0).expect("pixels").data();
    [data[0], data[1], data[2]]
}

fn client_point(el: &HtmlElement, p: PointCss) -> (i32, i32) {
    let rect = canvas(el).0.get_bounding_client_rect();
    ((rect.left() + p.x_css_px).round() as i32, (rect.top() + p.y_css_px).round() as i32)
}

fn pointer(el: &HtmlElement, kind: &str, pointer_type: &str, p: PointCss) {
    let (x, y) = client_point(el, p);
    let init = web_sys::PointerEventInit::new();
    init.set_pointer_type(pointer_type);
    init.set_client_x(x);
    init.set_client_y(y);
    init.set_bubbles(true);
    init.set_composed(true);
    let event = web_sys::PointerEvent::new_with_event_init_dict(kind, &init).expect("event");
    canvas(el).0.dispatch_event(&event).expect("dispatch");
}

/// A tap: the touch down and lifted at `p`, then the click the browser sends for a tap (none
/// follows a touch that only stops a scrolling page).
fn tap(el: &HtmlElement, p: PointCss) {
    pointer(el, "pointerdown", "touch", p);
    pointer(el, "pointerup", "touch", p);
    // (A PointerEvent, as Chromium's and Firefox's clicks are.)
    pointer(el, "click", "touch", p);
}

fn key(el: &HtmlElement, name: &str) {
    key_with(el, name, false);
}

/// Presses `name` (with Alt when `alt`) on the chart; whether the chart took it (`preventDefault`).
fn key_with(el: &HtmlElement, name: &str, alt: bool) -> bool {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(name);
    init.set_alt_key(alt);
    init.set_bubbles(true);
    init.set_cancelable(true);
    // Out of the shadow root to the window, as a key the reader presses goes (Escape is taken there).
    init.set_composed(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    canvas(el).0.dispatch_event(&event).expect("dispatch");
    event.default_prevented()
}

/// The box of the card on show, in CSS px from the canvas's top-left corner.
fn card_shown(el: &HtmlElement) -> RectCss {
    let (tip, at) = (shadow_query(el, ".tip.shown").get_bounding_client_rect(), canvas(el).0.get_bounding_client_rect());
    RectCss::new(tip.left() - at.left(), tip.top() - at.top(), tip.width(), tip.height())
}

fn text(el: &HtmlElement, selector: &str) -> String {
    shadow_query(el, selector).text_content().unwrap_or_default()
}

fn visible(el: &HtmlElement, selector: &str) -> bool {
    !shadow_query(el, selector).hidden()
}

/// The tooltip card on show, if any.
fn tip_shown(el: &HtmlElement) -> bool {
    let root = el.shadow_root().expect("an open shadow root");
    let shown = root.query_selector_all(".tip.shown").expect("query").length();
    assert!(shown <= 1, "at most one tooltip card shows");
    shown == 1
}

/// The centre of a bar: halfway along it, on its row.
fn bar_centre(scene: &Scene, point_idx: usize) -> PointCss {
    let t = scene.target(point_idx).expect("target");
    let bar_start = t.anchor.x_css_px - (t.anchor.x_css_px - t.hit.x_css_px) * 0.25;
    PointCss { x_css_px: bar_start, y_css_px: t.hit.center().y_css_px }
}

#[wasm_bindgen_test]
async fn the_canvas_backing_store_is_css_size_times_dpr() {
    let el = mount("growth", None, 640);
    let detail = ready(&el).await.expect("chart-ready");
    assert_eq!(js_sys::Reflect::get(&detail, &"chart".into()).ok().and_then(|v| v.as_string()).as_deref(), Some("growth"));
    let (canvas, _) = canvas(&el);
    let rect = canvas.get_bounding_client_rect();
    // The headless browsers that wasm-pack drives run at DPR 1, where this cannot tell a widget
    // that ignores the ratio: the e2e tests (page.test.mjs, at DPR 2, 3 and 4/3) do.
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    assert_eq!(rect.width(), 640.0);
    assert!(rect.height() > 200.0);
    // Drawn, the canvas shows itself; once painted, the view takes over where there is one.
    assert_eq!(shown(&el), canvas, "the drawn canvas shows until it is painted");
    assert_eq!(f64::from(canvas.width()), (rect.width() * dpr).round());
    let first_bar = bar_centre(&scene_of(&el, ChartId::Growth, Lang::Zh, None), 0);
    assert_eq!(pixel(&el, first_bar), [0x00, 0x72, 0xb2], "the first bar is drawn");
    after_paint().await;
    let seen = shown(&el);
    assert_eq!(seen.get_bounding_client_rect().width(), rect.width(), "what shows covers the canvas that takes events");
    assert_eq!(seen.get_bounding_client_rect().height(), rect.height());
    assert_eq!(f64::from(seen.width()), (rect.width() * dpr).round());
    assert_eq!(f64::from(seen.height()), (rect.height() * dpr).round());
    // Chrome and Firefox, which these tests run in, have what the view needs (OffscreenCanvas,
    // bitmaprenderer): there the view must take over.
    let has_view = js_sys::Reflect::has(&js_sys::global(), &"OffscreenCanvas".into()).unwrap_or(false);
    assert!(has_view, "this browser has OffscreenCanvas");
    assert!(seen != canvas, "the view has taken over");
    assert_eq!((canvas.width(), canvas.height()), (0, 0), "the view holds the pixels; the drawn canvas keeps no second copy");
    // What shows is what was drawn: the background, and the first bar in the bar colour.
    let scene = scene_of(&el, ChartId::Growth, Lang::Zh, None);
    assert_eq!(pixel(&el, PointCss { x_css_px: 2.0, y_css_px: 2.0 }), [0xff, 0xff, 0xff]);
    assert_eq!(pixel(&el, bar_centre(&scene, 0)), [0x00, 0x72, 0xb2], "the first bar shows");

    // A message, then the chart again: drawn afresh, and the view takes over again.
    el.set_attribute("chart", "nope").expect("attr");
    next_frame().await;
    assert!(visible(&el, ".message") && !visible(&el, "canvas.view"), "the message shows, the chart does not");
    el.set_attribute("chart", "growth").expect("attr");
    next_frame().await;
    after_paint().await;
    assert!(!visible(&el, ".message"));
    assert!(shown(&el) != canvas, "the view has taken over again");
    assert_eq!(pixel(&el, bar_centre(&scene, 0)), [0x00, 0x72, 0xb2], "the first bar shows again");
}

#[wasm_bindgen_test]
async fn hover_highlights_the_sales_bar_and_shows_its_value_and_quote() {
    let el = mount("nev", None, 600);
    ready(&el).await.expect("chart-ready");
    let scene = scene_of(&el, ChartId::Nev, Lang::Zh, None);
    let sales = bar_centre(&scene, 1);
    assert_eq!(pixel(&el, sales), [0x00, 0x72, 0xb2], "the sales bar is drawn in the bar colour");
    assert!(!tip_shown(&el));

    pointer(&el, "pointermove", "mouse", sales);
    assert!(tip_shown(&el));
    assert_eq!(text(&el, ".tip.shown .value"), "44.1%");
    assert_eq!(text(&el, "[role=status]"), "", "a hover shows the card and says nothing");
    assert_eq!(text(&el, ".tip.shown .label"), "新能源汽车销量增速");
    assert!(text(&el, ".tip.shown .quote").contains("新能源汽车产销同比分别增长42.4%和44.1%"));
    let quote = el.shadow_root().and_then(|r| r.query_selector(".tip.shown .quote").ok().flatten()).expect("quote");
    assert_eq!(quote.get_attribute("lang").as_deref(), Some("zh"), "the quoted sentence is marked as Chinese");
    // The highlight is a marker over the bar; the canvas is not repainted.
    assert_eq!(pixel(&el, sales), [0x00, 0x72, 0xb2], "the canvas is not repainted: it keeps the bar colour");
    let root = el.shadow_root().expect("shadow");
    let markers = root.query_selector_all(".marker:not([hidden])").expect("query");
    assert_eq!(markers.length(), 1, "one marker: the sales bar");
    let marker: web_sys::Element = markers.get(0).and_then(|m| m.dyn_into().ok()).expect("marker");
    let (x, y) = client_point(&el, sales);
    let at = marker.get_bounding_client_rect();
    assert!(at.left() <= f64::from(x) && f64::from(x) <= at.right() && at.top() <= f64::from(y) && f64::from(y) <= at.bottom(), "the marker covers the bar");
    let style = web_sys::window().and_then(|w| w.get_computed_style(&marker).ok().flatten()).expect("style");
    assert_eq!(style.get_property_value("background-color").ok().as_deref(), Some("rgb(213, 94, 0)"), "in the highlight colour");

    // The tooltip stays inside the widget.
    let tip = shadow_query(&el, ".tip.shown").get_bounding_client_rect();
    let host = el.get_bounding_client_rect();
    assert!(tip.left() >= host.left() && tip.right() <= host.right() + 0.5);

    // Moving between points builds each point's card once, then only shows and hides it.
    pointer(&el, "pointermove", "mouse", bar_centre(&scene, 0));
    assert_eq!(text(&el, ".tip.shown .value"), "42.4%");
    pointer(&el, "pointermove", "mouse", sales);
    assert_eq!(text(&el, ".tip.shown .value"), "44.1%");
    let cards = el.shadow_root().expect("shadow").query_selector_all(".tip").expect("query").length();
    assert_eq!(cards, 2, "one card per point shown, reused");

    let gap = PointCss { x_css_px: sales.x_css_px, y_css_px: scene.target(1).map_or(0.0, |t| t.hit.bottom_css_px() + 3.0) };
    pointer(&el, "pointermove", "mouse", gap);
    assert!(!tip_shown(&el), "a gap between bars shows nothing");
}

/// WCAG 1.4.1: the page's point at rest (`focus-point`, a shared link's), shown with no card, is
/// ringed as well as coloured (in grey, or the dark theme's colours, its colour alone hardly
/// differs from the other bars'); a hovered point, with its card, is coloured only.
#[wasm_bindgen_test]
async fn the_pages_point_at_rest_is_ringed_as_well_as_coloured() {
    let el = mount("nev", None, 600);
    ready(&el).await.expect("chart-ready");
    el.set_attribute("focus-point", "nev_sales_growth").expect("attr");
    next_frame().await;
    let ring = |el: &HtmlElement| {
        let marker = shadow_query(el, ".marker:not([hidden])");
        let style = web_sys::window().and_then(|w| w.get_computed_style(&marker).ok().flatten()).expect("style");
        style.get_property_value("box-shadow").unwrap_or_default()
    };
    assert!(!tip_shown(&el), "no card at rest");
    assert_ne!(ring(&el), "none", "the page's point is ringed");
    let scene = scene_of(&el, ChartId::Nev, Lang::Zh, None);
    pointer(&el, "pointermove", "mouse", bar_centre(&scene, 0));
    assert!(tip_shown(&el));
    assert_eq!(ring(&el), "none", "a hovered point has its card");
    // The page's point itself, hovered: its card, and no ring; the mouse gone, the ring again.
    pointer(&el, "pointermove", "mouse", bar_centre(&scene, 1));
    assert_eq!(text(&el, ".tip.shown .value"), "44.1%");
    assert_eq!(ring(&el), "none", "the page's point, hovered, has its card");
    pointer(&el, "pointerleave", "mouse", bar_centre(&scene, 1));
    assert!(!tip_shown(&el));
    assert_ne!(ring(&el), "none", "the page's point at rest again");
}

/// WCAG 1.4.13: Escape, wherever the focus is, hides a card the mouse shows, without moving the
/// pointer; a clicked card stays with the mouse over it, also where it lies over another bar.
#[wasm_bindgen_test]
async fn escape_anywhere_hides_a_hovered_card_and_a_clicked_card_can_be_hovered() {
    let el = mount("nev", None, 600);
    ready(&el).await.expect("chart-ready");
    let scene = scene_of(&el, ChartId::Nev, Lang::Zh, None);
    let (production, sales) = (bar_centre(&scene, 0), bar_centre(&scene, 1));
    pointer(&el, "pointermove", "mouse", production);
    assert_eq!(text(&el, ".tip.shown .value"), "42.4%");
    let escape = web_sys::KeyboardEventInit::new();
    escape.set_key("Escape");
    escape.set_bubbles(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &escape).expect("event");
    document().body().expect("body").dispatch_event(&event).expect("dispatch");
    assert!(!tip_shown(&el), "Escape on the page hides the hovered card");
    pointer(&el, "pointermove", "mouse", PointCss { x_css_px: production.x_css_px + 5.0, ..production });
    assert!(!tip_shown(&el), "and it stays hidden while the mouse stays on its bar");
    pointer(&el, "pointerleave", "mouse", production);
    pointer(&el, "pointermove", "mouse", production);
    assert_eq!(text(&el, ".tip.shown .value"), "42.4%", "and shows again when the mouse comes back");
    pointer(&el, "pointermove", "mouse", sales);
    assert_eq!(text(&el, ".tip.shown .value"), "44.1%", "another bar shows its card");

    pointer(&el, "pointerup", "mouse", sales);
    let card = card_shown(&el);
    assert!(card.contains(production), "at 600 px the sales card lies over the production bar: {card:?}");
    pointer(&el, "pointermove", "mouse", production);
    assert_eq!(text(&el, ".tip.shown .value"), "44.1%", "the clicked card stays with the mouse over it");
    // Also after the chart moved in the window (the page scrolled under the mouse), which places
    // the cards not on show afresh: the card on show stays where it is, under the mouse.
    el.style().set_property("margin-top", "13px").expect("style");
    pointer(&el, "pointermove", "mouse", production);
    assert_eq!(text(&el, ".tip.shown .value"), "44.1%", "the clicked card stays with the mouse over it, the chart moved");
    el.style().remove_property("margin-top").expect("style");
    // A click there is the card's, not the bar's hidden under it.
    pointer(&el, "pointerup", "mouse", production);
    assert_eq!(text(&el, ".tip.shown .value"), "44.1%", "a click on the card pins no hidden bar");

    // With the focus on the chart (a click gives it), Escape does the same for a hovered card,
    // and the clicked point comes back once the mouse is over no point.
    canvas(&el).0.focus().expect("focus");
    // A place on another row (its label or bar) that the card leaves clear.
    let mut away = None;
    for t in scene.targets.iter().filter(|t| t.point_idx != 1) {
        for step in 0..20 {
            let p = PointCss { x_css_px: t.hit.x_css_px + t.hit.width_css_px * (f64::from(step) + 0.5) / 20.0, y_css_px: t.hit.center().y_css_px };
            if away.is_none() && !card.contains(p) && scene.hit(p) == Some(t.point_idx) {
                away = Some(p);
            }
        }
    }
    let away = away.expect("a row clear of the card");
    pointer(&el, "pointermove", "mouse", away);
    assert!(tip_shown(&el) && text(&el, ".tip.shown .value") != "44.1%", "the hovered bar's card");
    key(&el, "Escape");
    assert!(!tip_shown(&el), "Escape on the chart hides the hovered card");
    pointer(&el, "pointermove", "mouse", PointCss { x_css_px: away.x_css_px + 3.0, ..away });
    assert!(!tip_shown(&el), "and it stays hidden while the mouse stays on its bar");
    assert!(!key_with(&el, "Escape", false), "with no card to close, Escape is the page's (a dialog's)");
    let gap = PointCss { x_css_px: sales.x_css_px, y_css_px: scene.target(1).map_or(0.0, |t| t.hit.bottom_css_px() + 3.0) };
    pointer(&el, "pointermove", "mouse", gap);
    assert_eq!(text(&el, ".tip.shown .value"), "44.1%", "the clicked point is still pinned");
}

#[wasm_bindgen_test]
async fn arrow_keys_move_between_points_and_the_live_region_says_so_and_go_on_after_escape() {
    let el = mount("nev", Some("en"), 600);
    ready(&el).await.expect("chart-ready");
    let (canvas, _) = canvas(&el);
    assert_eq!(canvas.tab_index(), 0, "the chart is one tab stop");
    canvas.focus().expect("focus");
    key(&el, "ArrowRight");
    key(&el, "ArrowRight");
    assert_eq!(text(&el, ".tip.shown .value"), "44.1%");
    assert_eq!(text(&el, "[role=status]"), "NEV sales growth: 44.1%, H1\u{a0}2023. Point 2 of 3.");
    key(&el, "End");
    assert!(text(&el, "[role=status]").starts_with("Industrial value added growth (firms above designated size), for reference: 3.8%"));
    key(&el, "Home");
    assert!(text(&el, "[role=status]").starts_with("NEV production growth: 42.4%"));
    assert!(!key_with(&el, "ArrowRight", true), "Alt+arrow is the browser's (Back, Forward)");
    assert!(text(&el, "[role=status]").starts_with("NEV production growth: 42.4%"), "and does not move");
    assert!(key_with(&el, "Escape", false), "Escape closes the card");
    assert!(!tip_shown(&el));
    assert!(!key_with(&el, "Escape", false), "with no card to close, Escape is the page's (a dialog closes on it)");
    key(&el, "ArrowRight");
    assert!(text(&el, "[role=status]").starts_with("NEV sales growth: 44.1%"), "after Escape the keys go on from the point they reached");
    // Focus gone, the live region holds no point: a screen reader's browse mode would read it
    // after the table, of a point no longer shown.
    canvas.blur().expect("blur");
    assert_eq!(text(&el, "[role=status]"), "");
    // Nor once the page's point replaces the reader's.
    canvas.focus().expect("focus");
    key(&el, "ArrowRight");
    assert!(!text(&el, "[role=status]").is_empty());
    el.set_attribute("focus-point", "nev_production_growth").expect("attr");
    assert_eq!(text(&el, "[role=status]"), "");
}

#[wasm_bindgen_test]
async fn a_card_names_its_figure_as_the_drawing_and_the_live_region_do() {
    // The 5G chart's shared stations, a part of its first row; the NEV chart's grey row.
    for (chart, keys, label) in [("5g", ["Home", "ArrowDown"], "其中5G共建共享基站"), ("nev", ["End", "End"], "规模以上工业增加值增速（参照）")] {
        let el = mount(chart, None, 600);
        ready(&el).await.expect("chart-ready");
        canvas(&el).0.focus().expect("focus");
        for name in keys {
            key(&el, name);
        }
        assert_eq!(text(&el, ".tip.shown .label"), label, "{chart}");
        assert!(text(&el, "[role=status]").starts_with(&format!("{label}：")), "{chart}: {}", text(&el, "[role=status]"));
        el.remove();
    }
}

#[wasm_bindgen_test]
async fn a_tap_shows_the_tooltip_and_a_second_tap_hides_it() {
    let el = mount("5g", None, 375);
    ready(&el).await.expect("chart-ready");
    let scene = scene_of(&el, ChartId::FiveG, Lang::Zh, None);
    let stations = bar_centre(&scene, 0);
    tap(&el, stations);
    assert!(tip_shown(&el));
    assert_eq!(text(&el, ".tip.shown .value"), "293.7万个");
    assert_eq!(text(&el, "[role=status]"), "", "a tap shows the card and says nothing");
    tap(&el, stations);
    assert!(!tip_shown(&el));
}

/// A touch that only stops a scrolling page, or a second finger, lifts with no click after it:
/// it shows no card (a reader who stopped the page saw a card pop up); the tap after it does.
#[wasm_bindgen_test]
async fn a_touch_with_no_click_after_it_shows_no_card() {
    let el = mount("5g", None, 375);
    ready(&el).await.expect("chart-ready");
    let stations = bar_centre(&scene_of(&el, ChartId::FiveG, Lang::Zh, None), 0);
    pointer(&el, "pointerdown", "touch", stations);
    pointer(&el, "pointerup", "touch", stations);
    assert!(!tip_shown(&el), "no card for a touch with no click");
    tap(&el, stations);
    assert_eq!(text(&el, ".tip.shown .value"), "293.7万个", "a tap after it");
}

/// A tap on a card that lies over another bar hides the card: it does not show the card of the bar
/// hidden under it, which the reader could not see to aim at.
#[wasm_bindgen_test]
async fn a_tap_on_a_card_hides_it_rather_than_pick_the_bar_under_it() {
    let el = mount("nev", None, 600);
    ready(&el).await.expect("chart-ready");
    let scene = scene_of(&el, ChartId::Nev, Lang::Zh, None);
    let (production, sales) = (bar_centre(&scene, 0), bar_centre(&scene, 1));
    tap(&el, sales);
    assert_eq!(text(&el, ".tip.shown .value"), "44.1%");
    let card = card_shown(&el);
    assert!(card.contains(production), "at 600 px the sales card lies over the production bar: {card:?}");
    tap(&el, production);
    assert!(!tip_shown(&el), "the tap on the card hid it");
    tap(&el, production);
    assert_eq!(text(&el, ".tip.shown .value"), "42.4%", "with no card over it, a tap on the production bar shows its card");
}

/// A tap outside the window (on the article around an iframe embed, which the frame cannot see,
/// or in another frame) hides a tapped card, as a tap outside the chart does: the window loses
/// focus to it.
#[wasm_bindgen_test]
async fn the_window_losing_focus_hides_a_tapped_card() {
    let el = mount("nev", None, 600);
    ready(&el).await.expect("chart-ready");
    let scene = scene_of(&el, ChartId::Nev, Lang::Zh, None);
    tap(&el, bar_centre(&scene, 1));
    assert_eq!(text(&el, ".tip.shown .value"), "44.1%");
    let blur = web_sys::Event::new("blur").expect("event");
    web_sys::window().expect("window").dispatch_event(&blur).expect("dispatch");
    assert!(!tip_shown(&el), "the window's blur hid the tapped card");
}

#[wasm_bindgen_test]
async fn a_bad_attribute_shows_a_message_and_other_charts_keep_working() {
    let bad = mount("pie", None, 500);
    let good = mount("growth", Some("en"), 500);
    ready(&good).await.expect("the other chart still draws");
    // A chart its attributes do not name is shown at the next frame (a page may name it in the
    // task that connected it).
    next_frame().await;
    let message = text(&bad, ".message");
    assert!(message.contains("chart=\"pie\"") && message.contains("growth、5g、nev"), "{message}");
    assert!(visible(&bad, ".message") && !visible(&bad, "canvas"));
    assert!(!unnamed_region(&bad), "no table, so no region for it");

    let bad_lang = mount("nev", Some("fr"), 500);
    next_frame().await;
    let message = text(&bad_lang, ".message");
    assert!(message.contains("lang=\"fr\"") && message.contains("zh、en"), "{message}");
    assert!(text(&bad_lang, "table").contains("44.1%"), "the data table comes with the message");

    // Both bad: both named at once, in the language around the element.
    let both = mount("pie", Some("fr"), 500);
    next_frame().await;
    let message = text(&both, ".message");
    assert!(message.contains("chart=\"pie\"") && message.contains("lang=\"fr\"") && message.contains("zh、en"), "{message}");

    // Fixing the attribute at run time re-renders (once the chart is on screen: the three
    // mounted after it, above it, may have pushed it below the fold).
    bad.scroll_into_view();
    bad.set_attribute("chart", "nev").expect("attr");
    ready(&bad).await.expect("chart-ready after the fix");
    assert!(!visible(&bad, ".message") && visible(&bad, "canvas"));

    // Broken and fixed again: the chart is drawn afresh, and says so again.
    bad.set_attribute("chart", "pie").expect("attr");
    next_frame().await;
    assert!(visible(&bad, ".message"));
    bad.set_attribute("chart", "nev").expect("attr");
    ready(&bad).await.expect("chart-ready after the second fix");
    assert!(!visible(&bad, ".message") && visible(&bad, "canvas"));

    // No `chart` at all: said to be missing, not to be `chart=""`, which the page never wrote.
    bad.remove_attribute("chart").expect("attr");
    next_frame().await;
    assert_eq!(text(&bad, ".message"), "无法显示图表：属性 chart 缺失，可用的值为 growth、5g、nev。");
    assert!(!unnamed_region(&bad), "nor once the chart it had is gone");
}

/// Whether `el`'s shadow root holds a region with no name (ARIA asks a name of every region).
fn unnamed_region(el: &HtmlElement) -> bool {
    let root = el.shadow_root().expect("shadow");
    root.query_selector("[role=region]:not([aria-labelledby]):not([aria-label])").expect("selector").is_some()
}

#[wasm_bindgen_test]
async fn changing_lang_redraws_in_the_new_language() {
    let el = mount("nev", Some("zh"), 500);
    ready(&el).await.expect("chart-ready");
    el.set_attribute("lang", "en").expect("attr");
    ready(&el).await.expect("chart-ready in English");
    assert_eq!(canvas(&el).0.get_attribute("aria-label").as_deref(), Some("New energy vehicle (NEV) production and sales growth, H1\u{a0}2023"));
}

/// An `<article lang="…">` 500 px wide at the top of the page, and an unconnected NEV chart to
/// put in it.
fn article_and_chart(lang: &str) -> (web_sys::Element, HtmlElement) {
    zhibiao::start();
    let doc = document();
    let article = doc.create_element("article").expect("article");
    article.set_attribute("lang", lang).expect("attr");
    article.set_attribute("style", "width: 500px").expect("style");
    let body = doc.body().expect("body");
    body.insert_before(&article, body.first_child().as_ref()).expect("insert");
    let el: HtmlElement = doc.create_element("zhibiao-chart").and_then(|e| e.dyn_into().map_err(JsValue::from)).expect("element");
    el.set_attribute("chart", "nev").expect("attr");
    (article, el)
}

#[wasm_bindgen_test]
async fn without_its_own_lang_or_with_a_bad_one_a_chart_speaks_its_nearest_ancestors_language() {
    let (article, el) = article_and_chart("en-GB");
    // Inside another component's shadow root: the language is inherited through its host.
    let card = document().create_element("div").expect("div");
    let card_root = card.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).expect("shadow");
    el.set_attribute("lang", "").expect("attr");
    card_root.append_child(&el).expect("append");
    article.append_child(&card).expect("append");
    ready(&el).await.expect("chart-ready");
    assert_eq!(canvas(&el).0.get_attribute("aria-label").as_deref(), Some("New energy vehicle (NEV) production and sales growth, H1\u{a0}2023"));
    el.set_attribute("lang", "zh").expect("attr");
    ready(&el).await.expect("chart-ready in Chinese");
    assert_eq!(canvas(&el).0.get_attribute("aria-label").as_deref(), Some("新能源汽车产销同比增长（2023年上半年）"), "its own lang wins");
    // A lang of its own the chart does not speak: the message naming it, and the table that comes
    // with it, are in the language around it (here English), not in Chinese.
    el.set_attribute("lang", "fr").expect("attr");
    next_frame().await;
    let message = text(&el, ".message");
    assert!(message.starts_with("Cannot show the chart") && message.contains("lang=\"fr\"") && message.contains("zh, en"), "{message}");
    let table = text(&el, "table");
    assert!(table.contains("NEV sales growth") && table.contains("44.1%"), "{table}");
    // Each in the language it is written in, not the element's: a screen reader would read them
    // with a French voice.
    for selector in [".message", "caption"] {
        let part = shadow_query(&el, selector);
        let is = |lang: &str| part.matches(&format!(":lang({lang})")).expect("matches");
        assert!(is("en") && !is("fr"), "{selector}");
    }
    // Said once, as an alert: a redraw that finds the message standing (the width changed) does
    // not write it again, which would say it again.
    let said = shadow_query(&el, ".message").first_child().expect("the message's text");
    article.set_attribute("style", "width: 400px").expect("style");
    next_frame().await;
    next_frame().await;
    let still = shadow_query(&el, ".message").first_child().expect("the message's text");
    assert!(said.is_same_node(Some(&still)), "the message was written again");
}

#[wasm_bindgen_test]
async fn on_a_page_in_a_language_the_chart_does_not_speak_its_parts_say_they_are_chinese() {
    let (article, el) = article_and_chart("fr");
    article.append_child(&el).expect("append");
    ready(&el).await.expect("chart-ready");
    after_paint().await;
    // Drawn in Chinese, the page's French not being one it speaks: a screen reader reads its
    // name, buttons and table in a Chinese voice, not a French one.
    for selector in ["canvas", ".toolbar button", "caption", "[role=status]"] {
        let part = shadow_query(&el, selector);
        let is = |lang: &str| part.matches(&format!(":lang({lang})")).expect("matches");
        assert!(is("zh") && !is("fr"), "{selector}");
    }
}

/// The native test of overlaps measures with an estimate; this one with the browser's own fonts
/// (the canvas's `measureText`), as the widget lays out (tests/common/fit.rs).
#[wasm_bindgen_test]
async fn with_the_browsers_fonts_no_text_overlaps_or_leaves_the_canvas_from_230_to_1200_px() {
    let el = mount("growth", None, 800);
    ready(&el).await.expect("chart-ready");
    let (_, ctx) = canvas(&el);
    fit::assert_no_text_overlaps_or_leaves_the_canvas(&CanvasMeasure(&ctx));
}

#[wasm_bindgen_test]
async fn in_a_box_narrower_than_200_px_the_chart_overflows_at_200_px_rather_than_being_squeezed() {
    let el = mount("nev", None, 160);
    ready(&el).await.expect("chart-ready");
    let (canvas, _) = canvas(&el);
    let box_width_css_px = canvas.get_bounding_client_rect().width();
    assert_eq!(box_width_css_px, 200.0, "laid out and shown at 200 px");
    let dpr = web_sys::window().expect("window").device_pixel_ratio();
    assert_eq!(f64::from(shown(&el).width()), (200.0 * dpr).round(), "drawn at the width it is shown");
}

#[wasm_bindgen_test]
async fn the_description_and_table_come_after_the_first_frame_or_at_once_when_asked_for() {
    let el = mount("nev", Some("en"), 600);
    ready(&el).await.expect("chart-ready");
    // Not on the way to the first frame: laying out their text would delay the chart.
    assert_eq!(text(&el, "#desc"), "", "not written before the first frame");
    assert_eq!(text(&el, "#table"), "", "nor the table");
    let other = mount("growth", Some("en"), 600);
    ready(&other).await.expect("chart-ready");
    // Asked for at once: the table button writes them first.
    let table_button = shadow_query(&other, "button[aria-controls=table]");
    table_button.click();
    assert!(text(&other, "table").contains("Industrial value added growth"), "the table is there when opened");
    assert_eq!(table_button.get_attribute("aria-pressed").as_deref(), Some("true"));
    // Otherwise, once the first frame is painted (an animation frame, then a task: a browser may
    // run another frame first).
    for _ in 0..60 {
        if !text(&el, "#desc").is_empty() {
            break;
        }
        next_frame().await;
    }
    assert!(text(&el, "#desc").contains("44.1%"), "{}", text(&el, "#desc"));
    assert!(text(&el, "#desc").ends_with(". Source: State Council Information Office press conference (MIIT), 19\u{a0}July\u{a0}2023."), "with the source line: {}", text(&el, "#desc"));
    assert_eq!(text(&el, "#keys"), "Use the arrow keys to go through the figures.", "then the keys");
    assert!(text(&el, "table").contains("44.1%"));

    // The point the page highlights (a shared link's) is said there too: a screen reader's browse
    // mode passes over the canvas without focusing it, where the keys would say it.
    el.set_attribute("focus-point", "nev_sales_growth").expect("attr");
    assert!(text(&el, "#desc").ends_with("19\u{a0}July\u{a0}2023. Highlighted: NEV sales growth: 44.1%, H1\u{a0}2023. Point 2 of 3."), "{}", text(&el, "#desc"));
    el.set_attribute("focus-point", "industry_value_added_growth").expect("attr");
    assert!(text(&el, "#desc").contains(". Highlighted: Industrial value added growth (firms above designated size), for reference: 3.8%"), "{}", text(&el, "#desc"));
    el.remove_attribute("focus-point").expect("attr");
    assert!(!text(&el, "#desc").contains("Highlighted"), "{}", text(&el, "#desc"));
    // Set before the first frame, it is in the description written after it.
    let shared = mount("nev", Some("zh"), 600);
    shared.set_attribute("focus-point", "nev_production_growth").expect("attr");
    ready(&shared).await.expect("chart-ready");
    for _ in 0..60 {
        if !text(&shared, "#desc").is_empty() {
            break;
        }
        next_frame().await;
    }
    assert!(text(&shared, "#desc").ends_with("图中突出显示：新能源汽车产量增速：42.4%，2023年上半年。第1项，共3项。"), "{}", text(&shared, "#desc"));
    assert_eq!(text(&shared, "#keys"), "用方向键逐项查看。");
}


#[wasm_bindgen_test]
async fn the_canvas_takes_the_colour_scheme_its_place_in_the_page_gives_it() {
    const DARK_BACKGROUND: [u8; 3] = [0x16, 0x18, 0x1c];
    const LIGHT_BACKGROUND: [u8; 3] = [0xff, 0xff, 0xff];
    let corner = PointCss { x_css_px: 1.0, y_css_px: 1.0 };
    // Drawn in the scheme its container gives it from the first frame.
    let dark = mount_styled("nev", Some("en"), "width: 400px; color-scheme: dark");
    ready(&dark).await.expect("chart-ready");
    let light = mount_styled("nev", Some("en"), "width: 400px; color-scheme: light");
    ready(&light).await.expect("chart-ready");
    assert_eq!(pixel(&dark, corner), DARK_BACKGROUND, "dark where the page makes it dark");
    assert_eq!(pixel(&light, corner), LIGHT_BACKGROUND, "light where the page makes it light");
    // The page switches: the canvas follows within a few frames.
    let container: HtmlElement = light.parent_element().and_then(|p| p.dyn_into().ok()).expect("container");
    container.style().set_property("color-scheme", "dark").expect("style");
    for _ in 0..60 {
        if pixel(&light, corner) == DARK_BACKGROUND {
            break;
        }
        next_frame().await;
    }
    assert_eq!(pixel(&light, corner), DARK_BACKGROUND, "redrawn when its page's scheme changed");
}
