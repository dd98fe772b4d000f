//! One `<zhibiao-chart>`: its shadow DOM, its state, rendering to the canvas, and what pointer,
//! touch and keys do. Layout, hit-testing and words come from `chart`; this file only moves
//! them in and out of the browser.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement, ShadowRoot};

use crate::chart::describe::{announcement, tooltip};
use crate::chart::geom::{DevicePixelRatio, PointCss};
use crate::chart::layout::{highlight_marks, layout, Mark, Scene};
use crate::chart::spec::Chart;
use crate::chart::theme::Theme;
use crate::chart::{AttributeError, ChartId, Lang};
use plotters::prelude::*;

use super::accessory::{copy_link, download_csv, download_png, element, link, Accessories, Action};
use super::canvas::{CachedMeasure, MeasureCache, MeasuredCanvas, View};

thread_local! {
    static DARK_QUERY: std::cell::OnceCell<Option<web_sys::MediaQueryList>> = const { std::cell::OnceCell::new() };
}

/// The page's `(prefers-color-scheme: dark)` query, made once: its `matches` stays current and it
/// tells of changes (see `web::mount`).
pub fn dark_query(window: &web_sys::Window) -> Option<web_sys::MediaQueryList> {
    DARK_QUERY.with(|q| q.get_or_init(|| window.match_media("(prefers-color-scheme: dark)").ok().flatten()).clone())
}

fn prefers_dark(window: &web_sys::Window) -> bool {
    dark_query(window).is_some_and(|q| q.matches())
}

/// Sets `hidden` only when it changes: even an unchanged value makes the browser restyle.
fn set_hidden(element: &HtmlElement, hidden: bool) {
    if element.hidden() != hidden {
        element.set_hidden(hidden);
    }
}

/// Why the widget shows a message instead of a chart.
pub enum Problem {
    Attribute(AttributeError),
    Internal(String),
}

/// How the tooltip came to be shown: hover shows it while the pointer is on the point; tap and
/// keyboard pin it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Pin {
    Hover,
    /// The page's `focus-point`: the chart's resting state. Hover, taps and keys show other points
    /// instead, and it comes back when they let go (the pointer leaves, focus leaves, a tap lands
    /// outside), unless the reader dismissed it (Escape, or a tap that hid the tooltip).
    Page,
    Tap,
    Keyboard,
}

/// One `<zhibiao-chart>` element: its shadow DOM, the chart it shows, the last layout and the focused
/// point.
pub struct Widget {
    pub host: HtmlElement,
    shadow: ShadowRoot,
    pub extras: Accessories,
    pub canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    /// What shows the drawn canvas once it is painted, where the browser has what it takes (see
    /// [`View`]).
    view: Option<View>,
    /// The canvas was drawn and shows itself; the view takes over after the frame is painted
    /// ([`Widget::show_view`]).
    pub view_stale: bool,
    /// Holds the canvas, the view and, over them, the markers of the focused point.
    plot: HtmlElement,
    /// Elements laid over the canvas that show the focused point (its bar in the highlight colour,
    /// or a frame around its tile), so that focusing never repaints the canvas; reused.
    markers: Vec<HtmlElement>,
    /// Holds one tooltip card (`role=tooltip`) per point shown so far; `id=tip`, so the canvas's
    /// description is the card on show (hidden cards are not read).
    tips: HtmlElement,
    /// The cards, by point: built on a point's first showing, then only made visible or hidden,
    /// so moving between points costs no layout. Forgotten when the words or the width change.
    cards: Vec<Option<Card>>,
    /// The card on show.
    shown: Option<usize>,
    status: HtmlElement,
    message: HtmlElement,
    /// The chart the attributes name, or why there is none.
    pub chart: Result<Chart, Problem>,
    /// The element's width, as last measured.
    pub width_css_px: f64,
    /// Near the viewport; off-screen charts wait until they are scrolled to.
    pub on_screen: bool,
    scene: Option<Scene>,
    /// Each point's highlight for the drawn scene and theme, by point: laid out on the point's
    /// first focus, then reused (a pointer sweeping the chart refocuses the same few points).
    highlights: Vec<Option<Vec<Mark>>>,
    /// The theme the canvas was last drawn in (true = dark).
    drawn_dark: Option<bool>,
    measure_cache: MeasureCache,
    /// The highlighted point (an index into `Chart::points()`) and what pinned it.
    pub focused: Option<(usize, Pin)>,
    /// The reader hid the tooltip (Escape, or a tap): the page's point stays away until the reader
    /// shows a point or the page sets `focus-point` again.
    dismissed: bool,
    /// The point the reader last chose by key or tap, which a copied link names: by the time the
    /// copy button is pressed, focus or the pointer has left the chart and the point is no longer
    /// focused. `None` once the reader dismisses it.
    chosen: Option<usize>,
    /// The description and the data table are not yet written for the current chart: they are
    /// written after the first frame (see `fill_extras`), so that laying out their text does not
    /// delay the chart.
    pub extras_stale: bool,
    /// The chart key and language last announced with `chart-ready`.
    pub ready_for: Option<(ChartId, Lang)>,
}

/// One point's tooltip, laid out once.
struct Card {
    element: HtmlElement,
    width_css_px: f64,
    height_css_px: f64,
}

fn js_err(e: impl std::fmt::Display) -> JsValue {
    JsValue::from_str(&e.to_string())
}

/// The language: the element's `lang` attribute, else the one it inherits, else Chinese.
fn resolve_lang(host: &HtmlElement) -> Result<Lang, AttributeError> {
    match host.get_attribute("lang") {
        // lang="" is taken as no attribute: the chart speaks the language around it.
        Some(value) if !value.trim().is_empty() => Lang::parse(&value),
        // A language neither zh nor en around it means the default, not an error.
        _ => Ok(inherited_lang(host).and_then(|l| Lang::parse(&l).ok()).unwrap_or_default()),
    }
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
pub fn empty_shadow(host: &HtmlElement, sheet: &JsValue) -> Result<ShadowRoot, JsValue> {
    let shadow: ShadowRoot = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    while let Some(child) = shadow.first_child() {
        shadow.remove_child(&child)?;
    }
    js_sys::Reflect::set(&shadow, &"adoptedStyleSheets".into(), &js_sys::Array::of1(sheet))?;
    Ok(shadow)
}

impl Widget {
    /// Builds the shadow DOM in `shadow` (from [`empty_shadow`]).
    pub fn new(host: HtmlElement, shadow: ShadowRoot) -> Result<Widget, JsValue> {
        let document = host.owner_document().ok_or("no document")?;
        let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
        canvas.set_tab_index(0);
        canvas.set_attribute("role", "application")?;
        // Markers are placed in the canvas's own coordinates, whatever the page does to the host.
        let plot = element(&document, "div", "plot")?;
        plot.append_child(&canvas)?;
        let view = View::new(&document);
        if let Some(view) = &view {
            view.canvas.set_class_name("view");
            view.canvas.set_attribute("aria-hidden", "true")?;
            view.canvas.set_hidden(true);
            plot.append_child(&view.canvas)?;
        }
        let tips = element(&document, "div", "tips")?;
        tips.set_id("tip");
        let status = element(&document, "div", "sr")?;
        status.set_attribute("role", "status")?;
        let message = element(&document, "div", "message")?;
        message.set_hidden(true);
        let extras = Accessories::new(&document)?;
        shadow.append_child(&message)?;
        shadow.append_child(&plot)?;
        extras.append_to(&shadow)?;
        for node in [&tips, &status] {
            shadow.append_child(node)?;
        }
        let context = canvas.get_context("2d")?.ok_or("no 2d context")?.dyn_into::<CanvasRenderingContext2d>()?;
        let mut widget = Widget {
            host,
            shadow,
            extras,
            canvas,
            context,
            view,
            view_stale: false,
            plot,
            markers: Vec::new(),
            tips,
            cards: Vec::new(),
            shown: None,
            status,
            message,
            chart: Err(Problem::Internal(String::new())),
            width_css_px: 0.0,
            on_screen: true,
            scene: None,
            highlights: Vec::new(),
            drawn_dark: None,
            measure_cache: MeasureCache::default(),
            focused: None,
            dismissed: false,
            chosen: None,
            extras_stale: false,
            ready_for: None,
        };
        widget.read_attributes();
        Ok(widget)
    }

    /// Re-reads `chart` and `lang`; the next render shows the result.
    pub fn read_attributes(&mut self) {
        let document = self.host.owner_document();
        let lang = resolve_lang(&self.host);
        let chart_attr = self.host.get_attribute("chart").unwrap_or_default();
        self.chart = match (ChartId::parse(&chart_attr), lang) {
            (Ok(id), Ok(lang)) => Chart::build(id, lang).map_err(|e| Problem::Internal(e.to_string())),
            (Err(e), _) | (_, Err(e)) => {
                web_sys::console::error_1(&format!("<zhibiao-chart>: {e}").into());
                Err(Problem::Attribute(e))
            }
        };
        self.focused = None;
        self.chosen = None;
        // Laid out for the chart and language before; nothing is hit until the next render.
        self.scene = None;
        self.reset_tip();
        if let Ok(chart) = &self.chart {
            let _ = self.canvas.set_attribute("aria-label", &chart.title);
            let _ = self.canvas.set_attribute("aria-roledescription", chart.lang.pick("图表", "chart"));
            let _ = self.canvas.set_attribute("aria-describedby", "desc tip");
        }
        // With a bad `lang` but a good `chart`, the message comes with the chart's table in Chinese.
        let table_only = match (&self.chart, ChartId::parse(&chart_attr)) {
            (Err(Problem::Attribute(e)), Ok(id)) if e.attribute == "lang" => Chart::build(id, Lang::Zh).ok(),
            _ => None,
        };
        let filled = match (&document, &self.chart) {
            // A chart: its buttons now, its description and table after the first frame.
            (Some(_), Ok(chart)) => {
                self.extras_stale = true;
                self.extras.label_buttons(Some(chart));
                self.extras.show_table_only(false)
            }
            // A message, maybe with the table: all of it now.
            (Some(document), Err(_)) => {
                self.extras_stale = false;
                self.extras.fill(document, table_only.as_ref()).and_then(|()| self.extras.show_table_only(table_only.is_some()))
            }
            (None, _) => Ok(()),
        };
        if let Err(e) = filled {
            super::report("cannot build the data table", &e);
        }
    }

    /// Writes the description and the data table, if they are not current.
    pub fn fill_extras(&mut self) {
        if !std::mem::replace(&mut self.extras_stale, false) {
            return;
        }
        let filled = match (self.host.owner_document(), &self.chart) {
            (Some(document), Ok(chart)) => self.extras.fill(&document, Some(chart)),
            _ => Ok(()),
        };
        if let Err(e) = filled {
            super::report("cannot build the data table", &e);
        }
    }

    /// Runs a toolbar button's action.
    pub fn act(&mut self, action: Action, window: &web_sys::Window) -> Result<(), JsValue> {
        self.fill_extras();
        let Ok(chart) = &self.chart else { return Ok(()) };
        let document = self.host.owner_document().ok_or("no document")?;
        match action {
            Action::ToggleTable => self.extras.toggle_table(),
            Action::Png => {
                let dark = prefers_dark(window);
                download_png(&self.shadow, &document, chart, self.width_css_px, dark)
            }
            Action::Csv => download_csv(&self.shadow, &document, chart),
            Action::CopyLink => {
                // The reader's point (shown now, else the last one chosen), else the page's.
                let point = match self.focused {
                    Some((idx, pin)) if pin != Pin::Page => Some(idx),
                    page => self.chosen.or(page.map(|(idx, _)| idx)),
                };
                copy_link(window, &self.status, link(window, chart, point), chart.lang);
                Ok(())
            }
        }
    }

    /// The point the `focus-point` attribute names (an indicator id), if this chart has it.
    pub fn page_point(&self) -> Option<usize> {
        let id = self.host.get_attribute("focus-point")?;
        self.chart.as_ref().ok()?.points().iter().position(|p| p.id == id)
    }

    /// Focuses the point `focus-point` names, in place of any point the reader focused (the page
    /// asked for it). When it names none (removed, or not in this chart) and its point is still
    /// the one shown, lets go of it and hides its card; the next render moves the markers.
    pub fn apply_focus_attribute(&mut self) {
        let point = self.page_point();
        // A point the chart does not have focuses nothing; the console says what it does have.
        if let (None, Some(id), Ok(chart)) = (point, self.host.get_attribute("focus-point"), &self.chart) {
            let mut message = format!("<zhibiao-chart>: focus-point=\"{id}\" is not a point of chart=\"{}\"; its points are ", chart.id.key());
            for (i, p) in chart.points().iter().enumerate() {
                message.push_str(if i == 0 { "" } else { ", " });
                message.push_str(&p.id);
            }
            web_sys::console::warn_1(&message.into());
        }
        match point {
            Some(idx) => {
                self.focused = Some((idx, Pin::Page));
                self.dismissed = false;
                // The page's point replaces the reader's, in a copied link too.
                self.chosen = None;
            }
            None if matches!(self.focused, Some((_, Pin::Page))) => {
                self.focused = None;
                self.hide_tip();
            }
            None => {}
        }
    }

    /// Back to the resting state when the reader lets go: the page's point, or none. After the
    /// reader dismissed the tooltip nothing shows (and nothing is focused) until a point is shown.
    pub fn rest(&mut self) -> Result<(), JsValue> {
        if self.dismissed {
            return Ok(());
        }
        self.focus(self.page_point(), Pin::Page)
    }

    fn show_message(&mut self, text: &str) -> Result<(), JsValue> {
        set_hidden(&self.canvas, true);
        if let Some(view) = &self.view {
            set_hidden(&view.canvas, true);
        }
        // Whatever comes back is drawn afresh.
        self.scene = None;
        self.view_stale = false;
        self.place_markers(&[])?;
        self.hide_tip();
        self.message.set_text_content(Some(text));
        set_hidden(&self.message, false);
        self.message.set_attribute("role", "alert")
    }

    /// Draws the current state. Returns the chart drawn, or `None` when nothing was drawn
    /// (an error message is shown, or the element has no width).
    pub fn render(&mut self, window: &web_sys::Window) -> Result<Option<(ChartId, Lang)>, JsValue> {
        let message = match &self.chart {
            Ok(_) => None,
            Err(Problem::Attribute(e)) => {
                let lang = resolve_lang(&self.host).unwrap_or_default();
                Some(e.message(lang))
            }
            Err(Problem::Internal(e)) => Some(e.clone()),
        };
        if let Some(text) = message {
            self.show_message(&text)?;
            return Ok(None);
        }
        let Ok(chart) = &self.chart else { return Ok(None) };
        if self.width_css_px < 1.0 || !self.on_screen {
            return Ok(None);
        }
        set_hidden(&self.message, true);
        set_hidden(&self.canvas, false);
        let dark = prefers_dark(window);
        let theme = Theme::for_dark(dark);
        let measure = CachedMeasure { context: &self.context, cache: &self.measure_cache };
        let scene = layout(chart, self.width_css_px, &measure, &theme, None);
        let drawn = (chart.id, chart.lang);
        let dpr = DevicePixelRatio(window.device_pixel_ratio());
        let (width_device_px, height_device_px) = dpr.backing_size_device_px(scene.width_css_px, scene.height_css_px);
        let style = self.canvas.style();
        let shown = match (&self.view, self.view_stale) {
            (Some(view), false) => &view.canvas,
            _ => &self.canvas,
        };
        let resized = shown.width() != width_device_px || shown.height() != height_device_px;
        if resized {
            let (width, height) = (format!("{}px", scene.width_css_px.round() as i64), format!("{}px", scene.height_css_px.round() as i64));
            // The view covers exactly the canvas (which may be wider than the element).
            for style in std::iter::once(style).chain(self.view.as_ref().map(|v| v.canvas.style())) {
                style.set_property("width", &width)?;
                style.set_property("height", &height)?;
            }
        }
        // Cards are laid out for one width and placed for one layout.
        if resized || self.scene.as_ref().map(|s| s.width_css_px) != Some(scene.width_css_px) {
            self.reset_tip();
        }
        // The canvas shows no highlight (markers do), so only a new layout or theme redraws it.
        let new_look = self.drawn_dark != Some(dark) || self.scene.as_ref() != Some(&scene);
        if new_look {
            self.highlights.clear();
        }
        if resized || new_look {
            if self.canvas.width() != width_device_px || self.canvas.height() != height_device_px {
                self.canvas.set_width(width_device_px);
                self.canvas.set_height(height_device_px);
            }
            let scale_x = f64::from(width_device_px) / scene.width_css_px;
            let scale_y = f64::from(height_device_px) / scene.height_css_px;
            self.context.set_transform(scale_x, 0.0, 0.0, scale_y, 0.0, 0.0)?;
            let backend = MeasuredCanvas::new(self.canvas.clone(), self.context.clone()).ok_or("no canvas backend")?;
            let root = backend.into_drawing_area();
            let area = root.shrink((0, 0), (scene.width_css_px.ceil() as u32, scene.height_css_px.ceil() as u32));
            crate::chart::draw::draw(&area, &scene, &theme).map_err(js_err)?;
            // The canvas shows itself until it is painted: copying it to the view now would make
            // the browser rasterize it before the chart can be announced as drawn.
            if let Some(view) = &self.view {
                self.canvas.set_class_name("");
                set_hidden(&view.canvas, true);
                self.view_stale = true;
            }
        }
        self.drawn_dark = Some(dark);
        self.scene = Some(scene);
        self.mark_focused()?;
        if let Some((idx, pin)) = self.focused {
            if pin != Pin::Hover {
                self.show_tip(idx)?;
            }
        }
        Ok(Some(drawn))
    }

    /// Hands what the canvas shows to the view, once it is painted (see [`View`]): the canvas turns
    /// transparent and gives up its backing store until the next draw, so the chart's pixels are
    /// not held twice. (Its CSS size stays.) Where the copy fails, the canvas goes on showing
    /// itself, and the next paint tries again.
    pub fn show_view(&mut self) -> Result<(), JsValue> {
        let Some(view) = &self.view else { return Ok(()) };
        if !self.view_stale || self.canvas.hidden() {
            return Ok(());
        }
        view.show(&self.canvas)?;
        self.view_stale = false;
        set_hidden(&view.canvas, false);
        self.canvas.set_class_name("drawn");
        self.canvas.set_width(0);
        self.canvas.set_height(0);
        Ok(())
    }

    /// Shows the focused point with markers over the canvas (see [`highlight_marks`]).
    fn mark_focused(&mut self) -> Result<(), JsValue> {
        let marks = match (&self.chart, &self.scene, self.drawn_dark, self.focused) {
            (Ok(chart), Some(base), Some(dark), Some((idx, _))) => {
                if self.highlights.len() <= idx {
                    self.highlights.resize(idx + 1, None);
                }
                let measure = CachedMeasure { context: &self.context, cache: &self.measure_cache };
                self.highlights[idx]
                    .get_or_insert_with(|| {
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
    fn place_markers(&mut self, marks: &[Mark]) -> Result<(), JsValue> {
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
            let marker = &self.markers[placed];
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

    /// Forgets the tooltip cards, e.g. after a language or width change.
    fn reset_tip(&mut self) {
        self.hide_tip();
        for card in self.cards.drain(..).flatten() {
            card.element.remove();
        }
    }

    /// Builds a point's card and measures it: the one layout a point's tooltip costs.
    fn card(&self, chart: &Chart, point_idx: usize) -> Result<Option<Card>, JsValue> {
        let Some(ind) = chart.points().get(point_idx).copied() else { return Ok(None) };
        let document = self.host.owner_document().ok_or("no document")?;
        let t = tooltip(ind, chart.lang);
        let meta = match &t.kind {
            Some(kind) => format!("{} · {kind}", t.period),
            None => t.period.clone(),
        };
        let quote = t.quote.map(|q| format!("“{q}”")).unwrap_or_default();
        let card = element(&document, "div", "tip shown")?;
        card.set_attribute("role", "tooltip")?;
        for ((tag, class), text) in [("div", "label"), ("div", "value"), ("div", "meta"), ("blockquote", "quote"), ("div", "source")]
            .into_iter()
            .zip([t.label, t.value, meta, quote, t.source])
        {
            if !text.is_empty() {
                let part = element(&document, tag, class)?;
                part.set_text_content(Some(&text));
                card.append_child(&part)?;
            }
        }
        self.tips.append_child(&card)?;
        let (width_css_px, height_css_px) = (f64::from(card.offset_width()), f64::from(card.offset_height()));
        Ok(Some(Card { element: card, width_css_px, height_css_px }))
    }

    /// Shows a point's card beside the point (at the bar's end), inside the widget.
    fn show_tip(&mut self, point_idx: usize) -> Result<(), JsValue> {
        let (Ok(chart), Some(scene)) = (&self.chart, &self.scene) else { return Ok(()) };
        let Some(target) = scene.target(point_idx).copied() else { return Ok(()) };
        let (n_points, width_css_px, height_css_px) = (chart.points().len(), scene.width_css_px, scene.height_css_px);
        if self.shown == Some(point_idx) || point_idx >= n_points {
            return Ok(());
        }
        self.cards.resize_with(n_points, || None);
        self.hide_tip();
        let Ok(chart) = &self.chart else { return Ok(()) };
        let card = match self.cards[point_idx].take() {
            Some(card) => {
                card.element.class_list().add_1("shown")?;
                card
            }
            None => match self.card(chart, point_idx)? {
                Some(card) => card,
                None => return Ok(()),
            },
        };
        let (card_width_css_px, card_height_css_px) = (card.width_css_px, card.height_css_px);
        let at = target.card_position(width_css_px, height_css_px, card_width_css_px, card_height_css_px);
        let position = format!("translate({}px, {}px)", at.x_css_px.round() as i64, at.y_css_px.round() as i64);
        let placed = card.element.style().set_property("transform", &position);
        self.cards[point_idx] = Some(card);
        self.shown = Some(point_idx);
        placed
    }

    /// Highlights a point (or none) and shows its tooltip; moves the markers only when the point changes,
    /// and does nothing while the pointer stays on the same point.
    pub fn focus(&mut self, point: Option<usize>, pin: Pin) -> Result<(), JsValue> {
        let changed = self.focused.map(|(idx, _)| idx) != point;
        self.focused = point.map(|idx| (idx, pin));
        // Hiding by key or tap is the reader's choice, which lasts until a point shows; hiding by
        // hover (over no point) is not.
        if point.is_some() {
            self.dismissed = false;
        } else if matches!(pin, Pin::Tap | Pin::Keyboard) {
            self.dismissed = true;
        }
        if matches!(pin, Pin::Tap | Pin::Keyboard) {
            self.chosen = point;
        }
        if changed {
            self.mark_focused()?;
        }
        match point {
            Some(idx) => {
                self.show_tip(idx)?;
                if pin == Pin::Keyboard {
                    if let Ok(chart) = &self.chart {
                        self.status.set_text_content(Some(&announcement(chart, idx)));
                    }
                }
            }
            None => self.hide_tip(),
        }
        Ok(())
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
