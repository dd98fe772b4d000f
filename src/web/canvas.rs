//! The canvas side of drawing: text measured by the canvas's own `measureText` (no DOM probes in
//! the host page), and a plotters backend that uses it. Rectangles, lines and text are drawn here
//! directly (CSS colours as hex, the font stack quoted); plotters-canvas supplies the rest.
//! `draw_scene` is the one place a drawing is scaled to device pixels (screen and PNG).

use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsValue;

/// plotters-canvas does not export its error type; this names it.
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::chart::geom::{DevicePixelRatio, Font, TextMeasure};
use crate::chart::scene::Scene;
use crate::chart::theme::Theme;

/// Measures with the 2D context the chart is drawn on.
pub struct CanvasMeasure<'a>(pub &'a CanvasRenderingContext2d);

impl TextMeasure for CanvasMeasure<'_> {
    fn width_css_px(&self, text: &str, font: Font) -> f64 {
        self.0.set_font(&font.css());
        self.0.measure_text(text).map(|m| m.width()).unwrap_or_else(|_| crate::chart::ascii::n_chars(text) as f64 * font.size_css_px)
    }
}

/// Widths already measured, so that re-layouts on hover and resize skip `measureText`.
#[derive(Default)]
pub struct MeasureCache(std::cell::RefCell<Vec<(String, u32, bool, f64)>>);

/// [`CanvasMeasure`] through a [`MeasureCache`].
pub struct CachedMeasure<'a> {
    pub context: &'a CanvasRenderingContext2d,
    pub cache: &'a MeasureCache,
}

impl TextMeasure for CachedMeasure<'_> {
    fn width_css_px(&self, text: &str, font: Font) -> f64 {
        let size_key = (font.size_css_px * 16.0).round() as u32;
        // Never borrowed already (measuring calls nothing back); `try_`: no panic path in the wasm.
        let Ok(mut cache) = self.cache.0.try_borrow_mut() else { return CanvasMeasure(self.context).width_css_px(text, font) };
        if let Some((_, _, _, w)) = cache.iter().find(|(t, s, b, _)| *s == size_key && *b == font.bold && t == text) {
            return *w;
        }
        let w = CanvasMeasure(self.context).width_css_px(text, font);
        if cache.len() >= 1024 {
            cache.clear();
        }
        cache.push((text.to_string(), size_key, font.bold, w));
        w
    }
}

/// A CSS colour for a backend colour, written without float formatting when opaque.
fn css_color(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    if c.alpha >= 1.0 {
        format!("#{r:02x}{g:02x}{b:02x}")
    } else {
        format!("rgba({r},{g},{b},{})", crate::chart::format::plain(c.alpha, 3))
    }
}

/// A canvas call that failed.
struct TextError(String);

impl std::fmt::Display for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The message as it is: a derived `Debug` would ship string escaping (about 2 KB of wasm) for
/// an error that only ever reaches the console.
impl std::fmt::Debug for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TextError {}

/// plotters-canvas with text sizes from `measureText` instead of plotters' DOM `<span>` probe.
pub struct MeasuredCanvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
}

impl MeasuredCanvas {
    /// A backend for `canvas` that draws and measures through `context`, its 2D context; `None` when
    /// plotters-canvas cannot get a 2D context of `canvas`.
    pub fn new(canvas: HtmlCanvasElement, context: CanvasRenderingContext2d) -> Option<MeasuredCanvas> {
        Some(MeasuredCanvas { inner: CanvasBackend::with_canvas_object(canvas)?, context })
    }
}

/// Draws `scene` on `canvas` at `ratio` device pixels per CSS pixel: the backing store sized to
/// the scene's CSS size × ratio (resized only when it differs), the context scaled so that the
/// scene's CSS pixels fill it. The one place a drawing is scaled, for the screen and the PNG.
pub fn draw_scene(
    canvas: &HtmlCanvasElement,
    context: &CanvasRenderingContext2d,
    scene: &Scene,
    theme: &Theme,
    ratio: DevicePixelRatio,
) -> Result<(), JsValue> {
    let (width_device_px, height_device_px) = ratio.backing_size_device_px(scene.width_css_px, scene.height_css_px);
    if canvas.width() != width_device_px || canvas.height() != height_device_px {
        canvas.set_width(width_device_px);
        canvas.set_height(height_device_px);
    }
    let (scale_x, scale_y) = (f64::from(width_device_px) / scene.width_css_px, f64::from(height_device_px) / scene.height_css_px);
    context.set_transform(scale_x, 0.0, 0.0, scale_y, 0.0, 0.0)?;
    let backend = MeasuredCanvas::new(canvas.clone(), context.clone()).ok_or("no canvas backend")?;
    let root = backend.into_drawing_area();
    let area = root.shrink((0, 0), (scene.width_css_px.ceil() as u32, scene.height_css_px.ceil() as u32));
    crate::chart::draw::draw(&area, scene, theme).map_err(|e| JsValue::from_str(&e.to_string()))
}

impl DrawingBackend for MeasuredCanvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.draw_path([from, to], style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let (w, h) = (f64::from(bottom_right.0 - upper_left.0), f64::from(bottom_right.1 - upper_left.1));
        if fill {
            self.context.set_fill_style_str(&css_color(color));
            self.context.fill_rect(x, y, w, h);
        } else {
            self.context.set_stroke_style_str(&css_color(color));
            self.context.set_line_width(f64::from(style.stroke_width()));
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let width = f64::from(style.stroke_width().max(1));
        // Odd-width lines sit on half pixels, or they blur across two.
        let offset = if style.stroke_width() % 2 == 1 { 0.5 } else { 0.0 };
        self.context.begin_path();
        for (i, (x, y)) in path.into_iter().enumerate() {
            let (x, y) = (f64::from(x) + offset, f64::from(y) + offset);
            if i == 0 {
                self.context.move_to(x, y);
            } else {
                self.context.line_to(x, y);
            }
        }
        self.context.set_stroke_style_str(&css_color(color));
        self.context.set_line_width(width);
        self.context.stroke();
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.fill_polygon(vert, style)
    }
    /// Draws text with the chart's quoted font stack (plotters-canvas writes the family unquoted).
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result<(), DrawingErrorKind<CanvasError>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let font = Font { size_css_px: style.size(), bold: matches!(style.style(), FontStyle::Bold) };
        let anchor = style.anchor();
        self.context.set_text_baseline(match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        // left/right, not start/end: those turn round with the canvas's direction, which a page's
        // rules can make rtl.
        self.context.set_text_align(match anchor.h_pos {
            HPos::Left => "left",
            HPos::Right => "right",
            HPos::Center => "center",
        });
        self.context.set_fill_style_str(&css_color(color));
        self.context.set_font(&font.css());
        self.context.fill_text(text, f64::from(pos.0), f64::from(pos.1)).map_err(|e| {
            DrawingErrorKind::FontError(Box::new(TextError(e.as_string().unwrap_or_else(|| "fillText failed".into()))))
        })
    }
    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        let font = Font { size_css_px: style.size(), bold: matches!(style.style(), FontStyle::Bold) };
        let width = CanvasMeasure(&self.context).width_css_px(text, font);
        Ok((width.ceil() as u32, style.size().ceil() as u32))
    }
}

/// What the reader sees of the chart: a `bitmaprenderer` canvas showing a copy of the drawn 2D
/// canvas, which stays in place (transparent) to take pointer, keyboard and focus. Chromium copies
/// every 2D canvas on the page into every frame it composites in software, changed or not; an
/// image bitmap it does not, so pointer moves that only move markers and cards cost less.
/// `None` where the browser lacks `OffscreenCanvas` or `bitmaprenderer`: the 2D canvas shows.
pub struct View {
    pub canvas: HtmlCanvasElement,
    context: web_sys::ImageBitmapRenderingContext,
    copy: web_sys::OffscreenCanvas,
    copy_context: web_sys::OffscreenCanvasRenderingContext2d,
}

impl View {
    /// A view made in `document`, not yet attached; `None` where the browser lacks `OffscreenCanvas`
    /// or `bitmaprenderer`.
    pub fn new(document: &web_sys::Document) -> Option<View> {
        use wasm_bindgen::JsCast;
        let canvas: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
        let context = canvas.get_context("bitmaprenderer").ok()??.unchecked_into();
        let copy = web_sys::OffscreenCanvas::new(1, 1).ok()?;
        let copy_context = copy.get_context("2d").ok()??.unchecked_into();
        Some(View { canvas, context, copy, copy_context })
    }

    /// Shows what `source` holds now.
    pub fn show(&self, source: &HtmlCanvasElement) -> Result<(), wasm_bindgen::JsValue> {
        let (width_device_px, height_device_px) = (source.width(), source.height());
        if self.copy.width() != width_device_px || self.copy.height() != height_device_px {
            self.copy.set_width(width_device_px);
            self.copy.set_height(height_device_px);
            self.canvas.set_width(width_device_px);
            self.canvas.set_height(height_device_px);
        }
        self.copy_context.draw_image_with_html_canvas_element(source, 0.0, 0.0)?;
        self.context.transfer_from_image_bitmap(&self.copy.transfer_to_image_bitmap()?);
        Ok(())
    }
}
