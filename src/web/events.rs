//! What each listener does on its widget: pointer, keyboard, focus, colour scheme,
//! toolbar clicks and printing. `mount` in the parent module registers them; each is a plain
//! `fn` (see `Handler`), run through `guard` with the widget borrowed.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, KeyboardEvent, MouseEvent, PointerEvent};

use crate::chart::geom::PointCss;

use super::widget::Pin;
use super::{near_viewport, render_mounted, request_render, shown_foot_client_px, shown_top_client_px, Mounted, PAGE_WIDTH_CSS_PX};

thread_local! {
    /// Between `beforeprint` and `afterprint`: no animation frame comes before the page is
    /// printed, so a render asked for then (a page's own `beforeprint` handler changing an
    /// attribute) is done at once.
    pub(super) static PRINTING: Cell<bool> = const { Cell::new(false) };
}

/// Printing shows every chart, drawn afresh for paper: one that never came near the viewport has
/// waited to be drawn (see `NEAR_VIEWPORT_CSS_PX`), one may wait for a frame to redraw, and no
/// animation frame comes before the page is printed. Every chart is laid out at a portrait page's
/// width, and in the light theme (paper is light). Each is drawn now,
/// so that the canvas, not the view's copy of it, is what prints: Chromium prints a canvas drawn
/// in `beforeprint` as shapes, sharp at any resolution, and the view as a bitmap of the screen's.
pub(super) fn on_before_print(m: &mut Mounted, _: &Event, window: &web_sys::Window) -> Result<(), JsValue> {
    PRINTING.with(|p| p.set(true));
    // (A second `beforeprint` before `afterprint` keeps the first's.)
    m.screen_width_css_px.get_or_insert(m.widget.width_css_px);
    // A chart with no width (hidden on paper too) stays undrawn; its width is read now where the
    // resize observer has not reported one yet (a chart the page has just shown for print, a
    // hidden tab's), as nothing else runs before the page prints. The others are laid out for a
    // page, whatever their width on screen: a phone's layout scaled up would split across pages,
    // and a desktop's 1200 px scaled down to the paper set its text at 8 px.
    if m.widget.width_css_px >= 1.0 || m.widget.plot.client_width() > 0 {
        m.widget.width_css_px = PAGE_WIDTH_CSS_PX;
    }
    m.widget.on_screen = true;
    if let Some(handle) = m.frame.take() {
        window.cancel_animation_frame(handle)?;
    }
    m.widget.draw_afresh();
    // Its table too, if opened (`render_mounted` while printing).
    render_mounted(m, window);
    Ok(())
}

/// After printing, each chart goes back to its width and colour scheme on screen at once, one far
/// off screen too (left at paper's width, it showed squeezed into its column where a link jumped
/// to it, until its next frame); then renders wait for frames again, a chart far off screen for
/// its turn.
pub(super) fn on_after_print(m: &mut Mounted, _: &Event, window: &web_sys::Window) -> Result<(), JsValue> {
    PRINTING.with(|p| p.set(false));
    if let Some(width) = m.screen_width_css_px.take() {
        m.widget.width_css_px = width;
    }
    m.widget.on_screen = true;
    render_mounted(m, window);
    m.widget.on_screen = near_viewport(&m.widget.plot, window);
    Ok(())
}


/// The pointer in the canvas's CSS pixels, with the canvas's top on screen (client px) and its
/// scale down, for [`read_view`]. The canvas's place on screen is read at every event: a
/// carousel's `element.animate()` or a transform set by script moves it with no event to say so.
/// Pointer moves come at the start of a frame, after the last one's layout, so the read usually
/// forces none (a page's own listener that changed the page before ours would). Its size on
/// screen, against the layout it shows, gives the scale of any transform or zoom around it.
fn pointer_css(m: &Mounted, event: &MouseEvent) -> (PointCss, (f64, f64)) {
    let rect = m.widget.canvas.get_bounding_client_rect();
    let (width_css_px, height_css_px) = m.widget.drawn_size_css_px().unwrap_or((0.0, 0.0));
    let scale = |on_screen: f64, laid_out_css_px: f64| if laid_out_css_px > 0.0 && on_screen > 0.0 { on_screen / laid_out_css_px } else { 1.0 };
    let (left, top) = (rect.left(), rect.top());
    let (scale_x, scale_y) = (scale(rect.width(), width_css_px), scale(rect.height(), height_css_px));
    (PointCss { x_css_px: (f64::from(event.client_x()) - left) / scale_x, y_css_px: (f64::from(event.client_y()) - top) / scale_y }, (top, scale_y))
}

/// For the mouse over `hit`, the part of the chart in view (the window's, less what boxes around
/// it clip), where the cards it shows go (`Widget::show_in`; a tap's go in the whole chart): in a
/// scrolling box, a card placed in the window's part had its label and figure cut off by the
/// box's edge. Read only where the mouse is over another point than the card on show's, or off
/// it, and no clicked or keyed card stays: no card is placed while it stays on that point or
/// while such a card stays (a walk up the page at every move saved). A click comes where the
/// move before it read the part in view.
fn read_view(m: &mut Mounted, event: &PointerEvent, hit: Option<usize>, (canvas_top_client_px, scale_y): (f64, f64)) {
    if hit != m.widget.card_shown() {
        let from_client_px = shown_top_client_px(&m.widget.host, f64::from(event.client_y()));
        m.widget.show_in(((from_client_px - canvas_top_client_px) / scale_y, (shown_foot_client_px() - canvas_top_client_px) / scale_y));
    }
}

pub(super) fn on_pointer_move(m: &mut Mounted, event: &Event, _: &web_sys::Window) -> Result<(), JsValue> {
    // (A page's synthetic `new Event("pointermove")` is no pointer event, and is ignored.)
    let Some(event) = event.dyn_ref::<PointerEvent>() else { return Ok(()) };
    if event.pointer_type() != "mouse" {
        return Ok(());
    }
    let (p, canvas) = pointer_css(m, event);
    let hit = m.widget.hit(p);
    // A point the keys reached, or one tapped or clicked, stays while the pointer crosses gaps,
    // goes over its card (also where that lies over other points: a magnifier's reader reads it
    // there), or leaves the chart (on its way to Copy link); another point under the mouse shows
    // while the mouse is over it, and then the pinned point comes back (`Widget::rest`).
    let stays = matches!(m.widget.focused, Some((idx, Pin::Tap | Pin::Keyboard)) if hit.is_none_or(|h| h == idx) || m.widget.over_card(p));
    if !stays {
        read_view(m, event, hit, canvas);
    }
    // A card Escape hid stays hidden while the mouse stays over its point.
    if hit.is_some() && m.widget.escaped == hit {
        return Ok(());
    }
    m.widget.escaped = None;
    if stays {
        return Ok(());
    }
    m.widget.hover(hit)
}

/// A touch or a pen comes down on the canvas: the click that follows, if it is a tap, acts. (Not
/// its `pointerup`, which a carousel that captures the pointer takes.)
pub(super) fn on_pointer_down(m: &mut Mounted, event: &Event, _: &web_sys::Window) -> Result<(), JsValue> {
    m.widget.tap = event.dyn_ref::<PointerEvent>().is_some_and(|e| e.pointer_type() != "mouse");
    Ok(())
}

/// A touch the browser took for a scroll or a long press leaves no tap behind.
pub(super) fn on_pointer_cancel(m: &mut Mounted, _: &Event, _: &web_sys::Window) -> Result<(), JsValue> {
    m.widget.tap = false;
    Ok(())
}

pub(super) fn on_pointer_up(m: &mut Mounted, event: &Event, _: &web_sys::Window) -> Result<(), JsValue> {
    let Some(event) = event.dyn_ref::<PointerEvent>() else { return Ok(()) };
    if event.pointer_type() == "mouse" {
        let (p, _) = pointer_css(m, event);
        let hit = m.widget.hit(p);
        // A right-click (for the context menu) or a middle click neither pins a point nor lets go.
        if event.button() != 0 {
            return Ok(());
        }
        // A click on the card on show, where it lies over another bar (a clicked card stays with
        // the mouse over it), is the card's, not that hidden bar's.
        if hit != m.widget.card_shown() && m.widget.over_card(p) {
            return Ok(());
        }
        // A click pins the point under the mouse (hover already shows its card), so that the
        // card stays, and Copy link names the point, when the pointer leaves; a second click
        // lets go of it, as does a click on no point.
        return match (hit, m.widget.focused) {
            (Some(h), Some((idx, Pin::Tap))) if h == idx => m.widget.let_go(hit),
            (None, _) => m.widget.let_go(None),
            _ => m.widget.focus(hit, Pin::Tap),
        };
    }
    // A touch acts at the click that makes it a tap: one that only stops a scrolling page (the
    // browser sends no click) or a second finger shows nothing.
    Ok(())
}

/// The click of a tap, where the click lands: on the canvas, or on the element (heard there too):
/// a page's FastClick (older news sites; on iPhones) cancels the browser's click after a touch
/// and sends its own to the touch's target, which outside the shadow root is the element. Each
/// listener takes the clicks sent to its own node only: not one inside the toolbar or the table
/// (a download's link), nor the canvas's once more at the element. Nor one below the canvas.
pub(super) fn on_click(m: &mut Mounted, event: &Event, _: &web_sys::Window) -> Result<(), JsValue> {
    // (Sent to this listener's node: there the event's target is the node it was sent to.)
    if event.composed_path().get(0) != event.target().map_or(JsValue::NULL, JsValue::from) || !std::mem::take(&mut m.widget.tap) {
        return Ok(());
    }
    let (p, _) = pointer_css(m, event.unchecked_ref());
    let (width_css_px, height_css_px) = m.widget.drawn_size_css_px().unwrap_or_default();
    if !(p.x_css_px >= 0.0 && p.y_css_px >= 0.0 && p.x_css_px <= width_css_px && p.y_css_px <= height_css_px) {
        return Ok(());
    }
    let hit = m.widget.hit(p);
    // A tap on the point whose card shows, on the card itself (where it lies over another bar,
    // that bar, hidden, is not what the reader touched), or on empty space, hides the card. (A
    // tap on the page's point, highlighted without its card, see `show_tip`, shows the card.)
    let same = hit.is_some() && m.widget.card_shown() == hit || m.widget.over_card(p);
    let next = if same { None } else { hit };
    m.widget.focus_revealed(next, Pin::Tap)
}

pub(super) fn on_key(m: &mut Mounted, event: &Event, _: &web_sys::Window) -> Result<(), JsValue> {
    let Some(event) = event.dyn_ref::<KeyboardEvent>() else { return Ok(()) };
    let n = m.widget.n_points();
    // Alt+Left is the browser's Back, Ctrl/Cmd+Home the page's top: those keys are not the chart's.
    if n == 0 || event.alt_key() || event.ctrl_key() || event.meta_key() {
        return Ok(());
    }
    // A card the mouse shows: Escape hid it before this, as with the focus elsewhere
    // (`on_page_key`, in the capture phase), and keeps a clicked point to come back to. With the
    // card hidden, Escape is the page's.
    if matches!(m.widget.focused, Some((_, Pin::Hover))) && event.key() == "Escape" {
        return Ok(());
    }
    // The arrows go on from the point last reached by keys, a tap or a click (`Widget::keyed`),
    // not from one the mouse only hovers meanwhile or the page's point at rest.
    let current = m.widget.focused.map(|(i, _)| i);
    let from = m.widget.keyed.or(current);
    let next = match event.key().as_str() {
        "ArrowRight" | "ArrowDown" => Some(from.map_or(0, |i| (i + 1).min(n - 1))),
        "ArrowLeft" | "ArrowUp" => Some(from.map_or(0, |i| i.saturating_sub(1))),
        "Home" => Some(0),
        "End" => Some(n - 1),
        // Escape is the chart's only when it has a card to close; otherwise it is the page's
        // (a dialog holding the chart closes on it).
        "Escape" if current.is_some() => None,
        _ => return Ok(()),
    };
    take(event);
    // (Escape keeps the point it closed as the one the arrows go on from.)
    m.widget.keyed = next.or(from);
    m.widget.focus_by_keys(next)
}


/// A click in the toolbar runs the action of the button clicked (one listener for all of them).
pub(super) fn on_toolbar_click(m: &mut Mounted, event: &Event, window: &web_sys::Window) -> Result<(), JsValue> {
    let Some(clicked) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return Ok(()) };
    let Some(button) = clicked.closest("button")? else { return Ok(()) };
    let action = m.widget.extras.buttons.iter().find(|(_, b)| AsRef::<web_sys::Element>::as_ref(b) == &button).map(|(a, _)| *a);
    match action {
        Some(action) => m.widget.act(action, window),
        None => Ok(()),
    }
}

/// The browser's context menu on the chart ("Save image as", "Copy image", also from the keyboard's
/// menu key) takes the canvas under it, the drawn one, which gave up its picture to the view:
/// it is drawn again first (`Widget::fill_canvas`).
pub(super) fn on_context_menu(m: &mut Mounted, _: &Event, window: &web_sys::Window) -> Result<(), JsValue> {
    m.widget.fill_canvas(window)
}

pub(super) fn on_leave(m: &mut Mounted, _: &Event, _: &web_sys::Window) -> Result<(), JsValue> {
    m.widget.pointer_left()
}

/// Reached by keys (Tab), the chart shows its resting point's card (the page's point, a shared
/// link's, highlighted without a card) and says it, as the arrow keys would: it is where a
/// keyboard or screen-reader user starts. Focus by a mouse press shows nothing more.
pub(super) fn on_focus(m: &mut Mounted, _: &Event, _: &web_sys::Window) -> Result<(), JsValue> {
    match m.widget.focused {
        Some((idx, Pin::Page)) if m.widget.canvas.matches(":focus-visible").unwrap_or(false) => m.widget.focus_by_keys(Some(idx)),
        _ => Ok(()),
    }
}

pub(super) fn on_blur(m: &mut Mounted, _: &Event, _: &web_sys::Window) -> Result<(), JsValue> {
    m.widget.let_go_of_keys()
}

/// The colour scheme the chart is shown in changed (the reader's preference, or the page's
/// `color-scheme`): the canvas is redrawn in the other theme (the rest of the widget follows its
/// stylesheet).
pub(super) fn on_scheme_change(m: &mut Mounted, _: &Event, window: &web_sys::Window) -> Result<(), JsValue> {
    request_render(m, window)
}

/// Escape anywhere in the page, the chart too, hides a card the mouse shows (in the window's
/// capture phase, before any element's listener). It is then the chart's where the chart is
/// what it would close: with the focus in the chart, or in a dialog or popover that holds the
/// chart, which closes at the next Escape, not at this one. Elsewhere it is the page's too: a
/// menu the focus is in closes at it, with the card the mouse happened to rest on.
pub(super) fn on_page_key(m: &mut Mounted, event: &Event, _: &web_sys::Window) -> Result<(), JsValue> {
    if event.dyn_ref::<KeyboardEvent>().is_some_and(|e| e.key() == "Escape") && m.widget.escape_hover() {
        // (The host matches `:focus-within` with the focus in its shadow root; `$=`: a dialog or
        // an alertdialog. Not a dialog in another component's shadow root, which `*` does not
        // reach.)
        let its = ":focus-within,dialog:focus-within *,[popover]:focus-within *,[role$=dialog]:focus-within *";
        if m.widget.host.matches(its).unwrap_or(false) {
            take(event);
        }
    }
    Ok(())
}

/// "Link copied" has faded out (`Widget::said_faded`).
pub(super) fn on_said_faded(m: &mut Mounted, _: &Event, _: &web_sys::Window) -> Result<(), JsValue> {
    m.widget.said_faded();
    Ok(())
}

/// A key the chart acted on is the chart's alone: the browser does nothing more with it (the
/// arrows do not scroll; a `<dialog>` does not close), nor do the page's listeners, which often
/// do not ask whether it was (a carousel turning at the arrows, a script's dialog closing at Escape).
fn take(event: &Event) {
    event.prevent_default();
    event.stop_propagation();
}

/// A pointer pressed anywhere outside the element, or the window losing focus (to a tap or click
/// outside it), lets go of a tapped point.
pub(super) fn on_outside(m: &mut Mounted, event: &Event, _: &web_sys::Window) -> Result<(), JsValue> {
    let inside = event.composed_path().includes(&m.widget.host, 0);
    match (inside, m.widget.focused) {
        (false, Some((_, Pin::Tap))) => m.widget.let_go(None),
        _ => Ok(()),
    }
}
