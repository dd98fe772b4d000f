//! What surrounds the canvas: the generated description, the data table and its toggle, and the
//! PNG, CSV and copy-link buttons. Text goes in with `textContent` only, never as HTML.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlCanvasElement, HtmlElement, ShadowRoot};

use crate::chart::describe::{announcement, summary, Quote};
use crate::chart::geom::DevicePixelRatio;
use crate::chart::layout::layout;
use crate::chart::spec::Chart;
use crate::chart::table::{csv, file_stem, table};
use crate::chart::Lang;

use super::canvas::{draw_scene, CanvasMeasure};

#[wasm_bindgen]
extern "C" {
    /// A promise whose `then` takes functions, so that both can be guarded like every other
    /// callback (js-sys's `Promise::then2` takes closures).
    type Thenable;
    #[wasm_bindgen(method)]
    fn then(this: &Thenable, on_ok: &js_sys::Function, on_err: &js_sys::Function);
}

/// Which button was pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    ToggleTable,
    Png,
    Csv,
    CopyLink,
}

/// Every button, in toolbar order, in the two pairs that wrap as one.
pub const ACTIONS: [[Action; 2]; 2] = [[Action::ToggleTable, Action::Png], [Action::Csv, Action::CopyLink]];

/// The description for screen readers before the canvas (`id=desc`, and the keys, `id=keys`), and
/// the elements after it: the toolbar and its buttons, the data table (visually hidden until shown).
pub struct Accessories {
    pub toolbar: HtmlElement,
    pub buttons: Vec<(Action, HtmlElement)>,
    pub table_wrap: HtmlElement,
    pub desc: HtmlElement,
    /// The chart's keys: the canvas's description (`aria-describedby`), which a screen reader
    /// says as the focus reaches it.
    pub keys: HtmlElement,
    /// What copy link did, on screen after the buttons (screen readers hear it from the widget's
    /// status region).
    pub said: HtmlElement,
}

/// A new `tag` element of class `class` (none when empty).
pub fn element(document: &Document, tag: &str, class: &str) -> Result<HtmlElement, JsValue> {
    let el: HtmlElement = document.create_element(tag)?.dyn_into()?;
    if !class.is_empty() {
        el.set_class_name(class);
    }
    Ok(el)
}

/// A `tag` element holding a quoted sentence, marked Chinese (read in a Chinese voice, set in a
/// Chinese font, in an English card or table too), with the figure it is quoted for in a `<b>`,
/// which the stylesheet keeps on one line.
pub fn quote_element(document: &Document, tag: &str, class: &str, quote: &Quote) -> Result<HtmlElement, JsValue> {
    let el = element(document, tag, class)?;
    el.set_attribute("lang", "zh")?;
    let (before, figure_text, after) = quote.parts();
    el.set_text_content(Some(before));
    if !figure_text.is_empty() {
        let figure = element(document, "b", "")?;
        figure.set_text_content(Some(figure_text));
        el.append_child(&figure)?;
    }
    el.append_child(&document.create_text_node(after))?;
    Ok(el)
}

fn label(action: Action, lang: Lang) -> &'static str {
    match action {
        Action::ToggleTable => lang.pick("表格", "Table"),
        Action::Png => lang.pick("下载 PNG", "Download PNG"),
        Action::Csv => lang.pick("下载 CSV", "Download CSV"),
        Action::CopyLink => lang.pick("复制链接", "Copy link"),
    }
}

impl Accessories {
    /// Builds the toolbar with unlabelled buttons, an empty table and an empty description, attached
    /// to nothing yet.
    pub fn new(document: &Document) -> Result<Accessories, JsValue> {
        let toolbar = element(document, "div", "toolbar")?;
        let mut buttons = Vec::new();
        // The buttons in pairs, each pair wrapping as one: the four in one row or in two rows of
        // two, never one alone on a row ("Copy link" under three on a phone).
        for actions in ACTIONS {
            let pair = element(document, "div", "")?;
            for action in actions {
                let button = element(document, "button", "")?;
                button.set_attribute("type", "button")?;
                if action == Action::ToggleTable {
                    // A toggle of the table's showing on screen, not a disclosure: screen readers
                    // have the table either way, and "collapsed" would tell them it is not there.
                    button.set_attribute("aria-pressed", "false")?;
                    button.set_attribute("aria-controls", "table")?;
                }
                pair.append_child(&button)?;
                buttons.push((action, button));
            }
            toolbar.append_child(&pair)?;
        }
        let said = element(document, "span", "said")?;
        toolbar.append_child(&said)?;
        let table_wrap = element(document, "div", "table sr")?;
        table_wrap.set_id("table");
        // Shown, it is a Tab stop (keys scroll it where it is wider than its place): a region
        // named by its caption, while there is a table (`fill`).
        // Text read in the flow, not a description: screen readers' browse modes (NVDA's, JAWS's
        // arrows and quick keys) read no `aria-describedby` of an element they pass over
        // (nvaccess/nvda#16669), and pass over the canvas without focusing it.
        let desc = element(document, "p", "sr")?;
        desc.set_id("desc");
        let keys = element(document, "p", "sr")?;
        keys.set_id("keys");
        // Read as the canvas's description, as the focus reaches it, where the keys matter: not
        // also as text before it (VoiceOver, TalkBack and JAWS read a description on the way).
        keys.set_attribute("aria-hidden", "true")?;
        Ok(Accessories { toolbar, buttons, table_wrap, desc, keys, said })
    }

    /// Appends the description and the keys (hidden, the canvas's description) to `shadow`, for
    /// the canvas to follow.
    pub fn append_intro(&self, shadow: &ShadowRoot) -> Result<(), JsValue> {
        shadow.append_child(&self.desc)?;
        shadow.append_child(&self.keys)?;
        Ok(())
    }

    /// Appends the toolbar and the table to `shadow`, in that order.
    pub fn append_to(&self, shadow: &ShadowRoot) -> Result<(), JsValue> {
        for node in [&self.toolbar, &self.table_wrap] {
            shadow.append_child(node)?;
        }
        Ok(())
    }

    /// Labels the buttons for a chart (or hides them).
    pub fn label_buttons(&self, chart: Option<&Chart>) {
        self.toolbar.set_hidden(chart.is_none());
        // What copy link said was said of the chart before.
        self.said.set_text_content(None);
        if let Some(chart) = chart {
            for (action, button) in &self.buttons {
                let label = label(*action, chart.lang);
                button.set_text_content(Some(label));
                // Named with the chart's title too, after the words on it: a page of several
                // charts has several of each button, and a screen reader's list of buttons shows
                // their names alone (Highcharts names its menu button so).
                let mut name = String::from(label);
                name.push_str(chart.lang.pick("，", ", "));
                name.push_str(&chart.title);
                let _ = button.set_attribute("aria-label", &name);
            }
        }
    }

    /// The description, read before the canvas: the summary, its source line, which the canvas
    /// alone shows, and the point the page highlights (`focus-point`, a shared link's; a screen
    /// reader's browse mode passes over the canvas without focusing it, where the keys would say
    /// it); then the chart's keys, as its role (application) says nothing of them: the canvas's
    /// description too, said when the focus reaches it, where the live region says the point.
    pub fn describe(&self, chart: &Chart, highlighted: Option<usize>) {
        let lang = chart.lang;
        let mut description = summary(chart);
        description.push_str(lang.pick("", " "));
        description.push_str(&chart.source_line);
        description.push_str(lang.pick("。", "."));
        if let Some(idx) = highlighted {
            description.push_str(lang.pick("图中突出显示：", " Highlighted: "));
            description.push_str(&announcement(chart, idx));
        }
        self.desc.set_text_content(Some(&description));
        self.keys.set_text_content(Some(lang.pick("用方向键逐项查看。", "Use the arrow keys to go through the figures.")));
    }

    /// Writes the description (with the point `highlighted`), the table and the button labels for
    /// a chart (or hides them).
    pub fn fill(&self, document: &Document, chart: Option<&Chart>, highlighted: Option<usize>) -> Result<(), JsValue> {
        self.label_buttons(chart);
        // A region once its caption is there, to name it: Chromium takes a region it finds
        // unnamed for a plain box, with a screen reader already on, until the attribute naming it
        // changes; and without a chart (a bad attribute) there is no table to name.
        self.table_wrap.remove_attribute("role")?;
        self.table_wrap.remove_attribute("aria-labelledby")?;
        while let Some(child) = self.table_wrap.first_child() {
            self.table_wrap.remove_child(&child)?;
        }
        let Some(chart) = chart else {
            self.desc.set_text_content(None);
            self.keys.set_text_content(None);
            return Ok(());
        };
        self.describe(chart, highlighted);
        let data = table(chart);
        let table_el = document.create_element("table")?;
        let caption = document.create_element("caption")?;
        caption.set_id("caption");
        caption.set_text_content(Some(&data.caption));
        table_el.append_child(&caption)?;
        let head_row = document.create_element("tr")?;
        for h in &data.headers {
            let th = document.create_element("th")?;
            th.set_attribute("scope", "col")?;
            th.set_text_content(Some(h));
            head_row.append_child(&th)?;
        }
        let thead = document.create_element("thead")?;
        thead.append_child(&head_row)?;
        table_el.append_child(&thead)?;
        for group in &data.groups {
            let tbody = document.create_element("tbody")?;
            if let Some(title) = &group.title {
                let tr = document.create_element("tr")?;
                let th = document.create_element("th")?;
                th.set_attribute("scope", "rowgroup")?;
                // Written by the formatter the wasm already has (an integer's `to_string` adds its own code).
                th.set_attribute("colspan", &crate::chart::format::plain(data.headers.len() as f64, 0))?;
                th.set_text_content(Some(title));
                tr.append_child(&th)?;
                tbody.append_child(&tr)?;
            }
            for row in &group.rows {
                let tr = document.create_element("tr")?;
                let last = row.cells.len().saturating_sub(1);
                for (i, cell) in row.cells.iter().enumerate() {
                    let td = document.create_element(if i == 0 { "th" } else { "td" })?;
                    if i == 0 {
                        td.set_attribute("scope", "row")?;
                    }
                    // The source cell opens with the quoted sentence, in Chinese whatever the table's language.
                    match (i == last, &row.quote) {
                        (true, Some(quote)) => {
                            let q = quote_element(&document, "span", "", quote)?;
                            td.append_child(&q)?;
                            td.append_child(&document.create_text_node(&format!(" {cell}")))?;
                        }
                        _ => td.set_text_content(Some(cell)),
                    }
                    tr.append_child(&td)?;
                }
                tbody.append_child(&tr)?;
            }
            table_el.append_child(&tbody)?;
        }
        self.table_wrap.append_child(&table_el)?;
        self.table_wrap.set_attribute("role", "region")?;
        self.table_wrap.set_attribute("aria-labelledby", "caption")
    }

    /// Shows the table without the toolbar (the fallback under an error message), or undoes that.
    pub fn show_table_only(&self, only: bool) -> Result<(), JsValue> {
        if only {
            self.toolbar.set_hidden(true);
        }
        self.show_table(only, false)
    }

    /// Shows the data table if it is visually hidden, hides it otherwise.
    pub fn toggle_table(&self) -> Result<(), JsValue> {
        let hidden = self.table_wrap.class_list().contains("sr");
        self.show_table(hidden, hidden)
    }

    /// Shows the table on screen or only to screen readers, and sets the table button's
    /// `aria-pressed` to `pressed`. On screen it is a Tab stop, so that keys scroll it on a phone
    /// in every browser (Chromium makes a scroller one by itself, Safari does not).
    fn show_table(&self, shown: bool, pressed: bool) -> Result<(), JsValue> {
        self.table_wrap.class_list().toggle_with_force("sr", !shown)?;
        self.table_wrap.set_tab_index(if shown { 0 } else { -1 });
        if let Some((_, button)) = self.buttons.iter().find(|(a, _)| *a == Action::ToggleTable) {
            button.set_attribute("aria-pressed", if pressed { "true" } else { "false" })?;
        }
        Ok(())
    }
}

/// Draws the chart at twice its CSS size (laid out at least a page's width wide) on a fresh
/// canvas and downloads it as PNG: in the light theme whatever the reader's screen shows, as a
/// graphic for print or another page is expected.
pub fn download_png(shadow: &ShadowRoot, document: &Document, chart: &Chart, width_css_px: f64) -> Result<(), JsValue> {
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    let context: web_sys::CanvasRenderingContext2d = canvas.get_context("2d")?.ok_or("no 2d context")?.dyn_into()?;
    let theme = crate::chart::theme::LIGHT;
    // A graphic for print or another page: at least a page's width, not a phone's.
    let scene = layout(chart, width_css_px.max(super::PAGE_WIDTH_CSS_PX), &CanvasMeasure(&context), &theme, None);
    draw_scene(&canvas, &context, &scene, &theme, DevicePixelRatio(2.0))?;
    super::save(shadow, &canvas, &format!("{}.png", file_stem(chart)));
    Ok(())
}

/// Downloads the chart's data, with provenance, as CSV.
pub fn download_csv(shadow: &ShadowRoot, chart: &Chart) {
    super::save(shadow, &JsValue::from_str(&csv(chart)), &format!("{}.csv", file_stem(chart)));
}

/// The link to this chart with a point focused: the page's URL with `#chart/point_name`.
pub fn link(window: &web_sys::Window, chart: &Chart, point_idx: Option<usize>) -> String {
    let href = window.location().href().unwrap_or_default();
    let base = crate::chart::ascii::before(&href, b'#');
    let point = point_idx.and_then(|i| chart.point_name(i)).map(|name| format!("/{name}")).unwrap_or_default();
    format!("{base}#{}{point}", chart.id.key())
}

/// Copies `url` to the clipboard and says whether it did: in `status` (a live region), and on
/// screen in `said`, "Link copied" for a moment. Where it could not, both give the link instead:
/// `said` in a read-only field that takes the focus with the link selected, for the reader to copy.
pub fn copy_link(window: &web_sys::Window, status: &HtmlElement, said: &HtmlElement, url: String, lang: Lang) {
    // `navigator.clipboard` is undefined outside a secure context (a page on plain http): calling
    // it there would throw.
    let clipboard = window.navigator().clipboard();
    if clipboard.is_undefined() {
        tell(status, said, &url, lang, false);
        return;
    }
    let promise: Thenable = clipboard.write_text(&url).unchecked_into();
    let (ok_status, err_status, ok_said, err_said, ok_url) = (status.clone(), status.clone(), said.clone(), said.clone(), url.clone());
    // Boxed: one shim for both closures.
    let on_ok: Closure<dyn FnMut(JsValue)> = Closure::once(Box::new(move |_: JsValue| tell(&ok_status, &ok_said, &ok_url, lang, true)) as Box<dyn FnOnce(JsValue)>);
    let on_err: Closure<dyn FnMut(JsValue)> = Closure::once(Box::new(move |_: JsValue| tell(&err_status, &err_said, &url, lang, false)) as Box<dyn FnOnce(JsValue)>);
    // Given to the browser's collector (`into_js_value`; `forget` kept each one's slot for good,
    // and `frames::once`'s `once_into_js` keeps a function never called in a cycle with its own
    // closure): both are freed with the promise, the one never called too, which held the chart
    // and its page once the chart was removed.
    promise.then(&super::guard(&on_ok.into_js_value()), &super::guard(&on_err.into_js_value()));
}

/// Says what copy link did with `url`. On screen, in a new element each time, so that the fade of
/// "Link copied" starts again (hidden from screen readers, which hear `status`: the words, not a
/// link spelt out). A failure shows the link in a field labelled by the message, focused and
/// selected: one keystroke copies it; focused, the field says it all, and the status nothing.
fn tell(status: &HtmlElement, said: &HtmlElement, url: &str, lang: Lang, copied: bool) {
    let words = match copied {
        true => lang.pick("已复制链接", "Link copied"),
        false => lang.pick("无法访问剪贴板，链接为：", "Could not copy; the link is: "),
    };
    status.set_text_content(if copied { Some(words) } else { None });
    let Some(document) = said.owner_document() else { return };
    let (tag, class) = if copied { ("span", "copied") } else { ("label", "") };
    let Ok(line) = element(&document, tag, class) else { return };
    line.set_text_content(Some(words));
    said.set_text_content(None);
    let _ = said.append_child(&line);
    if copied {
        let _ = line.set_attribute("aria-hidden", "true");
        return;
    }
    let Ok(field) = document.create_element("input").map(|f| f.unchecked_into::<web_sys::HtmlInputElement>()) else { return };
    field.set_read_only(true);
    field.set_value(url);
    let _ = line.append_child(&field);
    let _ = field.focus();
    field.select();
}
