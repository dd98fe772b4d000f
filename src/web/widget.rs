//! One `<zhibiao-chart>`: its shadow DOM, its state, its attributes, its toolbar's actions and
//! rendering to the canvas; the focused point's markers and tooltip are in `focus`, what it reads
//! from around it (language, colour scheme) in `host`. Layout, hit-testing and words come from
//! `chart`; this module only moves them in and out of the browser.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement, ShadowRoot};

use crate::chart::geom::DevicePixelRatio;
use crate::chart::layout::layout;
use crate::chart::scene::{Mark, Scene, WHOLE_CHART};
use crate::chart::spec::Chart;
use crate::chart::theme::Theme;
use crate::chart::{AttributeError, ChartId, Lang};

use super::accessory::{copy_link, download_csv, download_png, element, link, Accessories, Action};
use super::canvas::{draw_scene, CachedMeasure, MeasureCache, View};

mod focus;
mod host;

use focus::Card;
pub use focus::Pin;
use host::{resolve_lang, surrounding_lang, uses_dark};
pub use host::{css_zoom, empty_shadow};

/// Sets `hidden` only when it changes: even an unchanged value makes the browser restyle.
fn set_hidden(element: &HtmlElement, hidden: bool) {
    if element.hidden() != hidden {
        element.set_hidden(hidden);
    }
}

/// Why the widget shows a message instead of a chart.
pub enum Problem {
    /// A bad attribute, and a second one (`lang` after `chart`).
    Attribute(AttributeError, Option<AttributeError>),
    Internal(String),
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
    pub plot: HtmlElement,
    /// Elements laid over the canvas that show the focused point (its bar in the highlight colour,
    /// or a frame around its tile), so that focusing never repaints the canvas; reused.
    markers: Vec<HtmlElement>,
    /// Holds one tooltip card (`role=tooltip`) per point shown so far. Not in the canvas's
    /// description: the live region says the point the keys reach, and a description flattens
    /// the card's Chinese quote into the chart's language, for the wrong voice to read.
    tips: HtmlElement,
    /// The cards, by point: built on a point's first showing, then only made visible or hidden,
    /// so moving between points costs no layout. Forgotten when the words, the width or the fonts change.
    cards: Vec<Option<Card>>,
    /// The card on show.
    shown: Option<usize>,
    status: HtmlElement,
    /// The chart's title as a heading (visually hidden: the canvas shows it), if the page has an
    /// outline for it to take a place in.
    heading: Option<HtmlElement>,
    message: HtmlElement,
    /// The chart the attributes name, or why there is none.
    pub chart: Result<Chart, Problem>,
    /// The element's width, as last measured.
    pub width_css_px: f64,
    /// Near the viewport; off-screen charts wait until they are scrolled to.
    pub on_screen: bool,
    /// The part of the chart in view, in CSS px from its top (`Widget::show_in`).
    visible_css_px: (f64, f64),
    scene: Option<Scene>,
    /// Each point's highlight for the drawn scene and theme, by point: laid out on the point's
    /// first focus, then reused (a pointer sweeping the chart refocuses the same few points).
    highlights: Vec<Option<Vec<Mark>>>,
    /// The theme the canvas was last drawn in (true = dark).
    drawn_dark: Option<bool>,
    /// The CSS `zoom` the canvas was last sized for (1 before the first draw).
    pub drawn_zoom: f64,
    measure_cache: MeasureCache,
    /// A font of the stack has loaded since the last render (`fonts_loaded`): the cards, measured
    /// in the font that stood in for it, are built again, and the mouse's too.
    fonts_new: bool,
    /// The highlighted point (an index into `Chart::points()`) and what pinned it.
    pub focused: Option<(usize, Pin)>,
    /// The reader hid the tooltip (Escape, or a tap): the page's point stays away until the reader
    /// shows a point or the page sets `focus-point` again.
    dismissed: bool,
    /// `focus-point` changed since the last render, which says if it names no point of the chart:
    /// by then a page (a framework) that sets `chart` and `focus-point` one after the other has
    /// set both.
    pub(super) focus_point_unchecked: bool,
    /// The point the reader last chose by key or tap, which a copied link names: by the time the
    /// copy button is pressed, focus or the pointer has left the chart and the point is no longer
    /// focused. `None` once the reader dismisses it.
    chosen: Option<usize>,
    /// The point a click, a tap or the keys pinned, and which of them: the mouse crossing other
    /// points (on its way to the toolbar, or a keyboard reader's mouse) shows them, and the pinned
    /// point comes back once it is over none or leaves. `None` once the reader lets go (a click,
    /// a press outside; focus leaving lets go of the keys' point).
    pinned: Option<(usize, Pin)>,
    /// The point the keys, a tap or a click (Tab: the page's point) last reached: the next arrow
    /// goes on from there, also after Escape closed its card or a tap hid it, and while the mouse
    /// shows another point. Kept by `focus`; forgotten with its chart.
    pub keyed: Option<usize>,
    /// The point whose card Escape hid while the mouse showed it: hidden while the mouse stays
    /// over it. Forgotten once the mouse is over another point or none, or leaves the chart.
    pub escaped: Option<usize>,
    /// A touch (or pen) came down on the canvas, for the click that follows a tap
    /// (`events::on_click`): a touch that only stops a scrolling page, or a second finger, ends
    /// with no click.
    pub tap: bool,
    /// The description and the data table are not yet written for the current chart: they are
    /// written after the first frame (see `fill_extras`), so that laying out their text does not
    /// delay the chart.
    pub extras_stale: bool,
    /// The chart key and language last announced with `chart-ready`.
    pub ready_for: Option<(ChartId, Lang)>,
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
        let status = element(&document, "div", "sr")?;
        status.set_attribute("role", "status")?;
        let message = element(&document, "div", "message")?;
        message.set_hidden(true);
        let extras = Accessories::new(&document)?;
        shadow.append_child(&message)?;
        // The title as a heading, for screen readers that move from heading to heading: at the
        // level the page's outline gives the chart, and none on a page without headings.
        let heading = super::title_heading(&host);
        if let Some(heading) = &heading {
            shadow.append_child(heading)?;
        }
        extras.append_intro(&shadow)?;
        // The cards too are placed in the canvas's coordinates: in the host's, a page's padding
        // on the element would move them off their bars.
        plot.append_child(&tips)?;
        shadow.append_child(&plot)?;
        extras.append_to(&shadow)?;
        shadow.append_child(&status)?;
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
            heading,
            message,
            chart: Err(Problem::Internal(String::new())),
            width_css_px: 0.0,
            on_screen: true,
            visible_css_px: WHOLE_CHART,
            scene: None,
            highlights: Vec::new(),
            drawn_dark: None,
            drawn_zoom: 1.0,
            measure_cache: MeasureCache::default(),
            fonts_new: false,
            focused: None,
            dismissed: false,
            focus_point_unchecked: false,
            chosen: None,
            pinned: None,
            keyed: None,
            escaped: None,
            tap: false,
            extras_stale: false,
            ready_for: None,
        };
        let _ = widget.read_attributes();
        Ok(widget)
    }

    /// Re-reads `chart` and `lang`; the next render shows the result. Whether anything changed:
    /// where they name the chart and language shown (written otherwise, `5G` or `zh-CN`; a chart
    /// moved within one language), it is left as it is, with what the reader opened.
    pub fn read_attributes(&mut self) -> bool {
        let document = self.host.owner_document();
        let lang = resolve_lang(&self.host);
        // Each part says the language it is written in: the chart's, or the one around a bad
        // `lang` (its message and table). Inherited, it could be a bad `lang`'s, or another the
        // chart does not speak, or none (a page that declares none): a screen reader would read
        // it in another language's voice, and the browser pick its fonts by that.
        let written = lang.as_ref().map_or_else(|_| surrounding_lang(&self.host), |l| *l);
        let mut part = self.shadow.first_child();
        while let Some(node) = part {
            let _ = node.unchecked_ref::<web_sys::Element>().set_attribute("lang", written.key());
            part = node.next_sibling();
        }
        let chart_attr = self.host.get_attribute("chart");
        let id = ChartId::parse(chart_attr.as_deref());
        let good_id = id.as_ref().ok().copied();
        if let (Ok(shown), Ok(id), Ok(lang)) = (&self.chart, &id, &lang) {
            if shown.id == *id && shown.lang == *lang {
                return false;
            }
        }
        self.chart = match (id, lang) {
            (Ok(id), Ok(lang)) => Chart::build(id, lang).map_err(|e| Problem::Internal(e.to_string())),
            // Logged when the message is shown: by then a page that sets the attributes just
            // after connecting the element has set them.
            (Err(e), lang) => Err(Problem::Attribute(e, lang.err())),
            (_, Err(e)) => Err(Problem::Attribute(e, None)),
        };
        self.focused = None;
        self.chosen = None;
        self.pinned = None;
        self.keyed = None;
        self.escaped = None;
        // What the live region last said was of the chart before, maybe in another language.
        self.status.set_text_content(None);
        // Laid out for the chart and language before; nothing is hit until the next render.
        self.scene = None;
        self.reset_tip();
        if let Some(heading) = &self.heading {
            // No heading while a message stands in for the chart.
            set_hidden(heading, self.chart.is_err());
        }
        if let Ok(chart) = &self.chart {
            if let Some(heading) = &self.heading {
                heading.set_text_content(Some(&chart.title));
            }
            let _ = self.canvas.set_attribute("aria-label", &chart.title);
            let _ = self.canvas.set_attribute("aria-roledescription", chart.lang.pick("图表", "chart"));
            let _ = self.canvas.set_attribute("aria-describedby", "keys");
        }
        // With a bad `lang` but a good `chart`, the message comes with the chart's table, in the
        // language around the element.
        let table_only = match (&self.chart, good_id) {
            (Err(Problem::Attribute(e, _)), Some(id)) if e.attribute == "lang" => Chart::build(id, written).ok(),
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
                self.extras.fill(document, table_only.as_ref(), None).and_then(|()| self.extras.show_table_only(table_only.is_some()))
            }
            (None, _) => Ok(()),
        };
        if let Err(e) = filled {
            super::report("cannot build the data table", &e);
        }
        true
    }

    /// "Link copied" has faded (its animation ended): it goes from the toolbar, whose line an
    /// iframe embed's height kept, and from the live region, where a screen reader reading on
    /// would find it stale, unless a point the keys reached since is said there. (A failure's
    /// field is not animated, and stays.)
    pub fn said_faded(&mut self) {
        if self.status.text_content() == self.extras.said.text_content() {
            self.status.set_text_content(None);
        }
        self.extras.said.set_text_content(None);
    }

    /// Writes the description and the data table, if they are not current.
    pub fn fill_extras(&mut self) {
        if !std::mem::replace(&mut self.extras_stale, false) {
            return;
        }
        let filled = match (self.host.owner_document(), &self.chart) {
            (Some(document), Ok(chart)) => self.extras.fill(&document, Some(chart), self.page_point()),
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
            Action::Png => download_png(&self.shadow, &document, chart, self.width_css_px),
            Action::Csv => {
                download_csv(&self.shadow, chart);
                Ok(())
            }
            Action::CopyLink => {
                // The reader's point (shown now, else the last one chosen), else the page's, also
                // where the reader dismissed it (the page's URL still names it). A point the mouse
                // only hovers is none (the keys may press the button meanwhile).
                let point = match self.focused {
                    Some((idx, Pin::Tap | Pin::Keyboard)) => Some(idx),
                    _ => self.chosen.or(self.page_point()),
                };
                copy_link(window, &self.status, &self.extras.said, link(window, chart, point), chart.lang);
                Ok(())
            }
        }
    }

    /// After a failed render: a message in the chart's language instead of a blank or stale
    /// canvas. The next render (a resize, an attribute change) tries again.
    pub fn show_render_failure(&mut self) {
        let lang = self.chart.as_ref().map_or(Lang::Zh, |c| c.lang);
        if let Err(e) = self.show_message(lang.pick("图表无法绘制。", "The chart could not be drawn.")) {
            super::report("cannot show a message", &e);
        }
    }

    /// Shows `text` as an alert: said once, not again at each redraw (a resize, a rotation) that
    /// finds it standing. Whether it was not standing.
    fn show_message(&mut self, text: &str) -> Result<bool, JsValue> {
        set_hidden(&self.canvas, true);
        if let Some(view) = &self.view {
            set_hidden(&view.canvas, true);
        }
        // Whatever comes back is drawn afresh, and announced with `chart-ready` again.
        self.scene = None;
        self.ready_for = None;
        self.view_stale = false;
        self.place_markers(&[])?;
        self.hide_tip();
        let new = self.message.hidden() || self.message.text_content().as_deref() != Some(text);
        if new {
            self.message.set_text_content(Some(text));
            set_hidden(&self.message, false);
            self.message.set_attribute("role", "alert")?;
        }
        Ok(new)
    }

    /// Draws the current state. Returns the chart drawn, or `None` when nothing was drawn
    /// (an error message is shown, or the element has no width).
    pub fn render(&mut self, window: &web_sys::Window) -> Result<Option<(ChartId, Lang)>, JsValue> {
        let message = match &self.chart {
            Ok(_) => None,
            Err(Problem::Attribute(e, also)) => {
                let lang = resolve_lang(&self.host).unwrap_or_else(|_| surrounding_lang(&self.host));
                Some(e.message(also.as_ref(), lang))
            }
            Err(Problem::Internal(e)) => Some(e.clone()),
        };
        if let Some(text) = message {
            // Logged when shown, with the element: on a page of many charts, the console shows which.
            if let (true, Err(Problem::Attribute(e, also))) = (self.show_message(&text)?, &self.chart) {
                let logged = format!("<zhibiao-chart>: {}", e.message(also.as_ref(), Lang::En));
                web_sys::console::error_2(&logged.into(), &self.host);
            }
            return Ok(None);
        }
        let Ok(chart) = &self.chart else { return Ok(None) };
        if std::mem::take(&mut self.focus_point_unchecked) {
            self.warn_of_focus_point();
        }
        if self.width_css_px < 1.0 || !self.on_screen {
            return Ok(None);
        }
        set_hidden(&self.message, true);
        set_hidden(&self.canvas, false);
        // Paper is light: a chart drawn for print is, whatever the screen shows.
        let printing = super::events::PRINTING.with(std::cell::Cell::get);
        let dark = !printing && uses_dark(window, &self.extras.desc);
        let theme = Theme::for_dark(dark);
        let measure = CachedMeasure { context: &self.context, cache: &self.measure_cache };
        let scene = layout(chart, self.width_css_px, &measure, &theme, None);
        let drawn = (chart.id, chart.lang);
        // Device pixels per CSS pixel of the canvas: the screen's, times any CSS `zoom` around it.
        self.drawn_zoom = css_zoom(&self.canvas);
        let dpr = DevicePixelRatio(window.device_pixel_ratio() * self.drawn_zoom);
        let (width_device_px, height_device_px) = dpr.backing_size_device_px(scene.width_css_px, scene.height_css_px);
        let style = self.canvas.style();
        let shown = match (&self.view, self.view_stale) {
            (Some(view), false) => &view.canvas,
            _ => &self.canvas,
        };
        let resized = shown.width() != width_device_px || shown.height() != height_device_px;
        if resized {
            // The height to a thousandth of a px, so that the rows show whole at any ratio (written
            // with an exponent, which CSS numbers take, from an integer). The width stays the
            // element's in whole px (wider by a fraction, `max-width: 100%` would take it back):
            // at a fractional ratio, where the element's width times it is no whole number of
            // device pixels, the columns may still be resampled (known).
            let (width, height) = (format!("{}px", scene.width_css_px.round() as i64), format!("{}e-3px", dpr.milli_css_px_showing(height_device_px)));
            // The view covers exactly the canvas (which may be wider than the element).
            for style in std::iter::once(style).chain(self.view.as_ref().map(|v| v.canvas.style())) {
                style.set_property("width", &width)?;
                style.set_property("height", &height)?;
            }
        }
        // Cards are laid out for one width and font, and placed for one layout.
        let fonts_new = std::mem::take(&mut self.fonts_new);
        if resized || fonts_new || self.scene.as_ref().map(|s| s.width_css_px) != Some(scene.width_css_px) {
            self.reset_tip();
        }
        // The canvas shows no highlight (markers do), so only a new layout or theme redraws it.
        let new_look = self.drawn_dark != Some(dark) || self.scene.as_ref() != Some(&scene);
        if new_look {
            self.highlights.clear();
            self.forget_card_places(None);
        }
        if resized || new_look {
            draw_scene(&self.canvas, &self.context, &scene, &theme, dpr)?;
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
        // Paper shows no highlight and no card. The print styles hide them too, but a PDF made
        // with the screen's styles (as an archive may make one) showed the markers placed for the
        // canvas as laid out, over the canvas scaled to the page. The render after printing puts
        // them back.
        if printing {
            self.hide_tip();
            self.place_markers(&[])?;
            return Ok(Some(drawn));
        }
        self.mark_focused()?;
        if let Some((idx, pin)) = self.focused {
            // The mouse's card goes with a new width (its bar moved: the next move shows the one
            // under the mouse), not with new fonts alone (a font's part for a quote's characters
            // may load as it is shown), unless Escape hid it.
            if pin != Pin::Hover || (fonts_new && !resized && self.escaped != Some(idx)) {
                self.show_tip(idx, pin)?;
                // Laid out afresh (a phone turned sideways), it may lie outside the window.
                // (Only a pinned card comes here with a new size.)
                if resized {
                    self.reveal_card();
                }
            }
        }
        Ok(Some(drawn))
    }

    /// Draws the canvas again where it gave its picture to the view (`show_view`), so that the
    /// browser's context menu, which saves or copies the canvas under the pointer (the view lets
    /// events through to it), saves the chart, not an empty image. It keeps the picture until
    /// the next draw hands that one to the view.
    pub fn fill_canvas(&mut self, window: &web_sys::Window) -> Result<(), JsValue> {
        let (Some(scene), Some(dark)) = (&self.scene, self.drawn_dark) else { return Ok(()) };
        if self.canvas.width() > 0 || self.view_stale {
            return Ok(());
        }
        draw_scene(&self.canvas, &self.context, scene, &Theme::for_dark(dark), DevicePixelRatio(window.device_pixel_ratio() * self.drawn_zoom))
    }

    /// The next render draws the canvas again, even where neither layout nor theme changed.
    pub fn draw_afresh(&mut self) {
        self.drawn_dark = None;
    }

    /// A font of the stack has loaded (a page's own `@font-face` under one of its names, which the
    /// canvas's first text starts loading): at the next render the text measured in the font that
    /// stood in for it is measured again, the cards with it, and the canvas drawn afresh in it.
    pub fn fonts_loaded(&mut self) {
        self.measure_cache = MeasureCache::default();
        self.fonts_new = true;
        self.draw_afresh();
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
}
