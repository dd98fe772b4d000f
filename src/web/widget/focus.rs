//! Focus: which point of a widget is highlighted and why, the markers over the canvas that show
//! it, and its tooltip card. The canvas is never repainted here: a point's shapes are `<div>`s laid
//! over it, and each card is built once, then placed once per layout and only shown or hidden.

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::chart::describe::{announcement, said_tooltip};
use crate::chart::geom::{PointCss, RectCss};
use crate::chart::layout::layout;
use crate::chart::scene::{highlight_marks, Mark, Target, WHOLE_CHART};
use crate::chart::spec::Chart;
use crate::chart::theme::Theme;

use super::super::accessory::{element, quote_element};
use super::super::canvas::CachedMeasure;
use super::{set_hidden, Widget};

/// How a point came to be focused: hover shows its tooltip while the pointer is on the point; a
/// tap, a mouse click and the keyboard pin it; the page's point is only highlighted (see
/// `show_tip`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Pin {
    Hover,
    /// The page's `focus-point`: the chart's resting state. Hover, taps and keys show other points
    /// instead, and it comes back when they let go (the pointer leaves, focus leaves, a tap lands
    /// outside), unless the reader dismissed it (Escape, or a tap that hid the tooltip).
    Page,
    /// A tap, or a click: the card stays when the pointer leaves, until a tap or a press outside
    /// the element, a second click on the point or a click on no point lets go. The mouse over
    /// another point shows that one while it is there, then the clicked point comes back.
    Tap,
    /// The keys: as a click, until focus leaves the chart or Escape closes the card.
    Keyboard,
}

/// The class of the focused point's first marker: the keys' point, and the page's at rest (which
/// shows no card), have a ring as well as a colour; a point the mouse or a tap shows has its card.
fn ring_class(focused: Option<(usize, Pin)>) -> &'static str {
    match focused {
        Some((_, Pin::Keyboard)) => "marker key",
        Some((_, Pin::Page)) => "marker page",
        _ => "marker",
    }
}

/// One point's tooltip, built and measured whole once, and placed (whole or brief) once for each
/// layout of the chart.
pub(super) struct Card {
    element: HtmlElement,
    width_css_px: f64,
    height_css_px: f64,
    /// Where it goes in the drawn scene, whole or brief (`Scene::card_position`, which tries a
    /// thousand places on the growth chart), once it has been placed there.
    at: Option<RectCss>,
}

impl Widget {
    /// The point the `focus-point` attribute names (see `Chart::point_name`), if this chart has it.
    pub fn page_point(&self) -> Option<usize> {
        let name = self.host.get_attribute("focus-point")?;
        self.chart.as_ref().ok()?.point_named(&name)
    }

    /// Focuses the point `focus-point` names, in place of any point the reader focused (the page
    /// asked for it). When it names none (removed, or not in this chart) and its point is still
    /// the one shown, lets go of it and hides its card; the next render moves the markers.
    pub fn apply_focus_attribute(&mut self) {
        let point = self.page_point();
        // A point the chart does not have focuses nothing; the next render says so.
        self.focus_point_unchecked = true;
        match point {
            Some(idx) => {
                self.focused = Some((idx, Pin::Page));
                self.dismissed = false;
                // The page's point replaces the reader's, in a copied link too, and in the live
                // region, which no longer holds the reader's.
                self.chosen = None;
                self.pinned = None;
                self.status.set_text_content(None);
            }
            None if matches!(self.focused, Some((_, Pin::Page))) => {
                self.focused = None;
                self.hide_tip();
            }
            None => {}
        }
        // The description says the page's point: written afresh where it was written already
        // (otherwise it is, with it, after the next frame).
        if let (Ok(chart), false) = (&self.chart, self.extras_stale) {
            self.extras.describe(chart, point);
        }
    }

    /// Says in the console, where `focus-point` names no point of the chart, what points it has,
    /// with the element, so that on a page of many charts the browser's console shows which. An
    /// empty one (or spaces), as an empty `lang`, is none.
    pub(super) fn warn_of_focus_point(&self) {
        let Some(id) = self.host.get_attribute("focus-point").filter(|id| !id.trim().is_empty()) else { return };
        let (Ok(chart), None) = (&self.chart, self.page_point()) else { return };
        let mut message = format!("<zhibiao-chart>: focus-point=\"{id}\" is not a point of chart=\"{}\"; its points are ", chart.id.key());
        for (i, name) in (0..chart.points().len()).filter_map(|i| chart.point_name(i)).enumerate() {
            message.push_str(if i == 0 { "" } else { ", " });
            message.push_str(&name);
        }
        web_sys::console::warn_2(&message.into(), &self.host);
    }

    /// The pointer left the chart (or the chart was taken out from under it and put back, which
    /// sends no `pointerleave`): a card the mouse showed goes, and one Escape hid shows again when
    /// the mouse comes back.
    pub fn pointer_left(&mut self) -> Result<(), JsValue> {
        self.escaped = None;
        match self.focused {
            // (None: a mouse over no point, or a point dismissed, which `rest` keeps dismissed; a
            // finger leaves after every tap, also after one that hid the tooltip.)
            Some((_, Pin::Hover)) | None => self.rest(),
            _ => Ok(()),
        }
    }

    /// Back to the resting state when the reader lets go: the point a click or the keys pinned,
    /// else the page's point, or none. After the reader dismissed the tooltip nothing shows (and
    /// nothing is focused) until a point is shown.
    pub fn rest(&mut self) -> Result<(), JsValue> {
        if self.dismissed {
            return Ok(());
        }
        match self.pinned {
            Some((idx, pin)) => self.focus(Some(idx), pin),
            None => self.focus(self.page_point(), Pin::Page),
        }
    }

    /// Shows the focused point with markers over the canvas (see [`highlight_marks`]).
    pub(super) fn mark_focused(&mut self) -> Result<(), JsValue> {
        let marks = match (&self.chart, &self.scene, self.drawn_dark, self.focused) {
            (Ok(chart), Some(base), Some(dark), Some((idx, _))) => {
                if self.highlights.len() <= idx {
                    self.highlights.resize(idx + 1, None);
                }
                let measure = CachedMeasure { context: &self.context, cache: &self.measure_cache };
                let Some(slot) = self.highlights.get_mut(idx) else { return Ok(()) };
                slot.get_or_insert_with(|| {
                    // At the drawn width: the element's may have changed since (the next frame redraws).
                    let focused = layout(chart, base.width_css_px, &measure, &Theme::for_dark(dark), Some(idx));
                    highlight_marks(base, &focused)
                })
                .clone()
            }
            _ => Vec::new(),
        };
        self.place_markers(&marks)
    }

    /// Lays one marker element over each shape of `marks`, in order, and hides the markers left
    /// over: a box filled with the shape's colour, or a frame around it (a stroke centred on the
    /// shape's edge, as the canvas draws it). Every property is set, so a box may become a frame.
    /// The first, the point's own shape, is of class `key` where the keys reached the point: the
    /// stylesheet rings it while the canvas has the focus (not the shapes it overlaps, as a 5G
    /// bar's part, nor a point the mouse shows), and, shown, it rings the chart too (Firefox
    /// keeps `:focus-visible` off for keys used after a click); of class `page` for the page's
    /// point at rest, ringed always ([`ring_class`]). A hidden marker keeps its class.
    pub(super) fn place_markers(&mut self, marks: &[Mark]) -> Result<(), JsValue> {
        let ring = ring_class(self.focused);
        let mut placed = 0;
        for (mark, (rect, color)) in marks.iter().filter_map(|m| Some((m, m.shape()?))) {
            let stroke_css_px = match mark {
                Mark::Outline { width_css_px, .. } => width_css_px.round().max(1.0),
                _ => 0.0,
            };
            if self.markers.len() <= placed {
                let document = self.host.owner_document().ok_or("no document")?;
                let marker = element(&document, "div", "marker")?;
                self.plot.append_child(&marker)?;
                self.markers.push(marker);
            }
            let Some(marker) = self.markers.get(placed) else { break };
            marker.set_class_name(if placed == 0 { ring } else { "marker" });
            placed += 1;
            let half = stroke_css_px / 2.0;
            let (x, y) = ((rect.x_css_px - half).round(), (rect.y_css_px - half).round());
            let (w, h) = ((rect.right_css_px() + half).round() - x, (rect.bottom_css_px() + half).round() - y);
            let (background, border) = match stroke_css_px > 0.0 {
                true => ("none".to_string(), format!("{}px solid {}", stroke_css_px as i64, color.hex())),
                false => (color.hex(), "none".to_string()),
            };
            // One declaration block, parsed once, not five properties each set (and parsed) alone.
            // (CSSOM, so a Content-Security-Policy without 'unsafe-inline' allows it.)
            marker.style().set_css_text(&format!(
                "width:{}px;height:{}px;transform:translate({}px,{}px);background:{background};border:{border}",
                w as i64, h as i64, x as i64, y as i64
            ));
            set_hidden(marker, false);
        }
        for marker in self.markers.iter().skip(placed) {
            set_hidden(marker, true);
        }
        Ok(())
    }

    /// Hides the shown tooltip card, if any; the card is kept for its point's next showing.
    pub fn hide_tip(&mut self) {
        if let Some(card) = self.shown.take().and_then(|idx| self.cards.get(idx)).and_then(Option::as_ref) {
            let _ = card.element.class_list().remove_1("shown");
        }
    }

    /// The part of the chart in view (CSS px from its top, from and to: the window's, less what
    /// boxes around it clip), read at mouse events, or the whole chart ([`WHOLE_CHART`]) for a
    /// card the page scrolls to show (a tap's, the keys'): where it changed, cards are placed
    /// afresh inside it as far as they can be (`Scene::card_position`) when next shown. The card
    /// on show stays where it is: the mouse may be over it (a clicked card, with the page
    /// scrolling under the mouse).
    pub fn show_in(&mut self, visible_css_px: (f64, f64)) {
        if self.visible_css_px != visible_css_px {
            self.visible_css_px = visible_css_px;
            self.forget_card_places(self.shown);
        }
    }

    /// Forgets where the cards go but `keep`'s: after a new layout of the chart, all of them.
    pub(super) fn forget_card_places(&mut self, keep: Option<usize>) {
        for (idx, card) in self.cards.iter_mut().enumerate() {
            if let (Some(card), false) = (card, keep == Some(idx)) {
                card.at = None;
            }
        }
    }

    /// Forgets the tooltip cards, e.g. after a language or width change.
    pub(super) fn reset_tip(&mut self) {
        self.hide_tip();
        for card in self.cards.drain(..).flatten() {
            card.element.remove();
        }
    }

    /// Builds a point's card and measures it: the one layout a point's tooltip costs, but for a
    /// second where the card has to go brief (see [`Widget::place`]).
    pub(super) fn card(&self, chart: &Chart, point_idx: usize) -> Result<Option<Card>, JsValue> {
        // Named as the drawing, table and live region name it: a part's "of which", the
        // reference row's "for reference".
        let Some((t, _)) = said_tooltip(chart, point_idx) else { return Ok(None) };
        let document = self.host.owner_document().ok_or("no document")?;
        let meta = t.meta();
        let card = element(&document, "div", "tip shown")?;
        card.set_attribute("role", "tooltip")?;
        // Label, figure and meta line; the quote (in Chinese, its figure marked), if any; the source.
        let line = |class: &str, text: &str| -> Result<(), JsValue> {
            if !text.is_empty() {
                let part = element(&document, "div", class)?;
                part.set_text_content(Some(text));
                card.append_child(&part)?;
            }
            Ok(())
        };
        line("label", &t.label)?;
        line("value", &t.value)?;
        line("meta", &meta)?;
        if let Some(quote) = &t.quote {
            let part = quote_element(&document, "blockquote", "quote", quote)?;
            card.append_child(&part)?;
        }
        line("source", &t.source)?;
        self.tips.append_child(&card)?;
        let (width_css_px, height_css_px) = (f64::from(card.offset_width()), f64::from(card.offset_height()));
        Ok(Some(Card { element: card, width_css_px, height_css_px, at: None }))
    }

    /// Shows a point's card by its row, inside the widget (see [`Widget::place`]). The page's
    /// point shows no card: a card as large as its quote makes it would hide part of the chart a
    /// shared link opens, its title, labels or bars, so the point is only highlighted until the
    /// reader hovers, taps or keys to it.
    pub(super) fn show_tip(&mut self, point_idx: usize, pin: Pin) -> Result<(), JsValue> {
        if pin == Pin::Page {
            self.hide_tip();
            return Ok(());
        }
        let (Ok(chart), Some(scene)) = (&self.chart, &self.scene) else { return Ok(()) };
        let Some(target) = scene.target(point_idx).copied() else { return Ok(()) };
        let n_points = chart.points().len();
        if point_idx >= n_points {
            return Ok(());
        }
        // A shown card stays as it is.
        if self.shown == Some(point_idx) {
            return Ok(());
        }
        self.cards.resize_with(n_points, || None);
        self.hide_tip();
        let Ok(chart) = &self.chart else { return Ok(()) };
        let Some(slot) = self.cards.get_mut(point_idx) else { return Ok(()) };
        let mut card = match slot.take() {
            Some(card) => {
                card.element.class_list().add_1("shown")?;
                card
            }
            None => match self.card(chart, point_idx)? {
                Some(card) => card,
                None => return Ok(()),
            },
        };
        // The scene above: nothing since has laid the chart out again. A card placed for it
        // keeps its place (its `transform`) while hidden.
        let placed = match card.at {
            Some(_) => Ok(()),
            None => self.place(&mut card, &target),
        };
        if let Some(slot) = self.cards.get_mut(point_idx) {
            *slot = Some(card);
        }
        self.shown = Some(point_idx);
        placed
    }

    /// Places a card for the drawn scene. Where the whole card would cover too much
    /// (`CardPlace::calls_for_brief`: its own bar's end or figure, part of another figure, or
    /// more than one whole; a short chart, a phone) or have its text partly out of view (a chart
    /// that only peeks into the window or a scrolling box), the card goes brief if that does
    /// better (`CardPlace::better_than`): its label, figure and period, without the quote and
    /// source, which the table shows. Trying it costs a second layout of the card.
    fn place(&self, card: &mut Card, target: &Target) -> Result<(), JsValue> {
        let Some(scene) = &self.scene else { return Ok(()) };
        let measure = CachedMeasure { context: &self.context, cache: &self.measure_cache };
        let classes = card.element.class_list();
        classes.remove_1("brief")?;
        let mut size = (card.width_css_px, card.height_css_px);
        let mut place = scene.card_position(target, size.0, size.1, self.visible_css_px, &measure);
        if place.calls_for_brief() {
            classes.add_1("brief")?;
            let brief_size = (f64::from(card.element.offset_width()), f64::from(card.element.offset_height()));
            let brief = scene.card_position(target, brief_size.0, brief_size.1, self.visible_css_px, &measure);
            if brief.better_than(&place) {
                place = brief;
                size = brief_size;
            } else {
                classes.remove_1("brief")?;
            }
        }
        let at = place.at;
        card.at = Some(RectCss::new(at.x_css_px, at.y_css_px, size.0, size.1));
        let position = format!("translate({}px, {}px)", at.x_css_px.round() as i64, at.y_css_px.round() as i64);
        card.element.style().set_property("transform", &position)
    }

    /// The mouse over `point`, or over no point: there, the chart's resting state (the pinned
    /// point, else the page's), unless the reader dismissed it. Back over the pinned point, the
    /// mouse finds it still pinned, so that a second click there lets go of it.
    pub fn hover(&mut self, point: Option<usize>) -> Result<(), JsValue> {
        match (point, self.pinned) {
            (None, _) if !self.dismissed => self.rest(),
            (Some(idx), Some((pinned, pin))) if idx == pinned => self.focus(point, pin),
            _ => self.focus(point, Pin::Hover),
        }
    }

    /// The reader lets go of a clicked point (a second click on it, a click on no point, a press
    /// outside): the mouse hovers what it is over, and a copied link no longer names the point.
    pub fn let_go(&mut self, hovered: Option<usize>) -> Result<(), JsValue> {
        self.chosen = None;
        self.pinned = None;
        self.hover(hovered)
    }

    /// Focus left the chart: it lets go of the point the keys pinned (a copied link still names
    /// it), a card the keys showed goes, and the live region no longer holds the point it said
    /// (a screen reader's browse mode would read it after the table, of a point no longer shown).
    pub fn let_go_of_keys(&mut self) -> Result<(), JsValue> {
        self.status.set_text_content(None);
        if matches!(self.pinned, Some((_, Pin::Keyboard))) {
            self.pinned = None;
        }
        match self.focused {
            Some((_, Pin::Keyboard)) => self.rest(),
            _ => Ok(()),
        }
    }

    /// Focuses a point (or none: Escape) by the keys, says it in the live region (after Escape,
    /// nothing: it no longer says a point no longer shown), and scrolls the page as little as
    /// shows its card: the keys move no pointer to where the card is, and on a window smaller
    /// than the chart (a page zoomed in) it may lie outside (`reveal_card`).
    pub fn focus_by_keys(&mut self, point: Option<usize>) -> Result<(), JsValue> {
        self.focus_revealed(point, Pin::Keyboard)?;
        let said = match (&self.chart, self.focused) {
            (Ok(chart), Some((idx, _))) => announcement(chart, idx),
            _ => String::new(),
        };
        self.status.set_text_content(Some(&said));
        Ok(())
    }

    /// Focuses a point (or none) whose card the page scrolls to show (a tap's, the keys'): placed
    /// in the whole chart, not the part in view when the mouse last moved, so that the same
    /// tap or key gets the same card, whole or brief, wherever the chart is (`reveal_card`).
    pub fn focus_revealed(&mut self, point: Option<usize>, pin: Pin) -> Result<(), JsValue> {
        self.show_in(WHOLE_CHART);
        self.focus(point, pin)?;
        self.reveal_card();
        Ok(())
    }

    /// Scrolls the page as little as shows the card on show and its point, where the reader
    /// cannot move to them: the keys, or a tap near the window's edge (a phone held sideways),
    /// whose card, placed by its row in the chart, may lie outside the window. Where the two do
    /// not fit in the window together (a laptop zoomed to 200 %), the point alone.
    pub fn reveal_card(&self) {
        if let Some(card) = self.shown.and_then(|shown| self.cards.get(shown)).and_then(Option::as_ref) {
            super::super::reveal(&card.element, self.markers.iter().find(|m| !m.hidden()));
        }
    }

    /// Highlights a point (or none) and shows its tooltip; moves the markers only when the point
    /// changes (or its ring), and does nothing while the pointer stays on the same point.
    pub fn focus(&mut self, point: Option<usize>, pin: Pin) -> Result<(), JsValue> {
        // Also when the same point is now reached otherwise: the keys' and the page's have a ring
        // the mouse's and a tap's have not (`place_markers`).
        let now = point.map(|idx| (idx, pin));
        let changed = self.focused.map(|(idx, _)| idx) != point || ring_class(self.focused) != ring_class(now);
        self.focused = now;
        // Hiding by key or tap is the reader's choice, which lasts until a point shows; hiding by
        // hover (over no point) is not.
        if point.is_some() {
            self.dismissed = false;
        } else if matches!(pin, Pin::Tap | Pin::Keyboard) {
            self.dismissed = true;
        }
        if matches!(pin, Pin::Tap | Pin::Keyboard) {
            self.chosen = point;
            self.pinned = point.map(|idx| (idx, pin));
            // A tap that hides the card keeps it.
            self.keyed = point.or(self.keyed);
        }
        if changed {
            self.mark_focused()?;
        }
        match point {
            Some(idx) => self.show_tip(idx, pin)?,
            None => self.hide_tip(),
        }
        Ok(())
    }

    /// The point whose tooltip card is on show.
    pub fn card_shown(&self) -> Option<usize> {
        self.shown
    }

    /// Whether `p` (CSS pixels from the canvas's top-left corner) is on the card on show.
    pub fn over_card(&self, p: PointCss) -> bool {
        let card = self.shown.and_then(|idx| self.cards.get(idx)).and_then(Option::as_ref).and_then(|c| c.at);
        card.is_some_and(|card| card.contains(p))
    }

    /// Escape hides the card the mouse shows (WCAG 1.4.13: dismissed without moving the pointer),
    /// wherever the focus is; it stays hidden while the mouse stays over its point. Whether there
    /// was such a card to hide.
    pub fn escape_hover(&mut self) -> bool {
        match (self.focused, self.shown) {
            (Some((idx, Pin::Hover)), Some(shown)) if idx == shown => {
                self.hide_tip();
                self.escaped = Some(idx);
                true
            }
            _ => false,
        }
    }

    /// The size, in CSS px, of the layout the canvas shows (its own CSS size is that rounded, or
    /// to a thousandth of a px); `None` until one is drawn.
    pub fn drawn_size_css_px(&self) -> Option<(f64, f64)> {
        self.scene.as_ref().map(|s| (s.width_css_px, s.height_css_px))
    }

    /// The point under `p` (CSS pixels from the canvas's top-left corner); `None` over no point,
    /// and until the current chart is laid out.
    pub fn hit(&self, p: PointCss) -> Option<usize> {
        self.scene.as_ref().and_then(|s| s.hit(p))
    }

    /// How many points the chart has; 0 while a message shows instead.
    pub fn n_points(&self) -> usize {
        self.chart.as_ref().map_or(0, |c| c.points().len())
    }
}
