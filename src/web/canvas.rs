//! The canvas side of drawing: text measured by the canvas's own `measureText` (no DOM probes in
//! the host page), and a plotters backend that uses it.

use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use plotters_canvas::CanvasBackend;

/// plotters-canvas does not export its error type; this names it.
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::chart::geom::{Font, TextMeasure, FONT_FAMILY};

/// The CSS `font` shorthand for a chart font.
pub fn css_font(font: Font) -> String {
    format!("{} {}px {}", if font.bold { "bold" } else { "normal" }, font.size_css_px, FONT_FAMILY)
}

/// Measures with the 2D context the chart is drawn on.
pub struct CanvasMeasure<'a>(pub &'a CanvasRenderingContext2d);

impl TextMeasure for CanvasMeasure<'_> {
    fn width_css_px(&self, text: &str, font: Font) -> f64 {
        self.0.set_font(&css_font(font));
        self.0.measure_text(text).map(|m| m.width()).unwrap_or_else(|_| text.chars().count() as f64 * font.size_css_px)
    }
}

/// plotters-canvas with text sizes from `measureText` instead of plotters' DOM `<span>` probe.
pub struct MeasuredCanvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
}

impl MeasuredCanvas {
    pub fn new(canvas: HtmlCanvasElement, context: CanvasRenderingContext2d) -> Option<MeasuredCanvas> {
        Some(MeasuredCanvas { inner: CanvasBackend::with_canvas_object(canvas)?, context })
    }
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
        self.inner.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_path(path, style)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.fill_polygon(vert, style)
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_text(text, style, pos)
    }
    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        let font = Font { size_css_px: style.size(), bold: matches!(style.style(), FontStyle::Bold) };
        let width = CanvasMeasure(&self.context).width_css_px(text, font);
        Ok((width.ceil() as u32, style.size().ceil() as u32))
    }
}
