//! The seam to plotters: draws a laid-out scene on any plotters backend, so the same marks go to
//! the browser's canvas and to SVG natively. Coordinates are CSS pixels; the caller scales the
//! backend to device pixels.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::geom::{Font, FONT_FAMILY};
use super::scene::{Align, Baseline, Mark, Scene};
use super::theme::{Rgb, Theme};

/// Drawing failed in the backend.
#[derive(Debug)]
pub struct DrawError(pub String);

impl std::fmt::Display for DrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "drawing failed: {}", self.0)
    }
}

impl std::error::Error for DrawError {}

fn color(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

fn text_style(font: Font, size_scale: f64, c: Rgb, align: Align, baseline: Baseline) -> TextStyle<'static> {
    let style = if font.bold { FontStyle::Bold } else { FontStyle::Normal };
    let h = match align {
        Align::Left => HPos::Left,
        Align::Center => HPos::Center,
        Align::Right => HPos::Right,
    };
    let v = match baseline {
        Baseline::Top => VPos::Top,
        Baseline::Middle => VPos::Center,
    };
    // FontFamily::Name keeps the stack as written (From<&str> would lowercase it, and ship the code to).
    let font = FontDesc::new(FontFamily::Name(FONT_FAMILY), font.size_css_px * size_scale, style);
    TextStyle { font, color: color(c).to_backend_color(), pos: Pos::new(h, v) }
}

/// Paints the background and every mark of `scene` onto `area`, on a backend that sets text at
/// the size it is given (plotters-canvas's).
pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, scene: &Scene, theme: &Theme) -> Result<(), DrawError> {
    draw_scaled(area, scene, theme, 1.0)
}

/// plotters' SVG backend writes a font's size divided by 1.24 (plotters-svg's `draw_text`), where
/// its canvas backend writes the size itself: text given 1.24 times its size comes out at it.
const SVG_FONT_SIZE_SCALE: f64 = 1.24;

/// [`draw`], with each font's size times `size_scale`.
fn draw_scaled<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, scene: &Scene, theme: &Theme, size_scale: f64) -> Result<(), DrawError> {
    area.fill(&color(theme.background)).map_err(|e| DrawError(e.to_string()))?;
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| DrawError(e.to_string());
    for mark in &scene.marks {
        match mark {
            Mark::Rect { rect, fill } => {
                let corners = [(px(rect.x_css_px), px(rect.y_css_px)), (px(rect.right_css_px()), px(rect.bottom_css_px()))];
                area.draw(&Rectangle::new(corners, color(*fill).filled())).map_err(err)?;
            }
            Mark::Outline { rect, color: c, width_css_px } => {
                let corners = [(px(rect.x_css_px), px(rect.y_css_px)), (px(rect.right_css_px()), px(rect.bottom_css_px()))];
                let style = color(*c).stroke_width(width_css_px.round().max(1.0) as u32);
                area.draw(&Rectangle::new(corners, style)).map_err(err)?;
            }
            Mark::Line { from, to, color: c } => {
                let points = vec![(px(from.x_css_px), px(from.y_css_px)), (px(to.x_css_px), px(to.y_css_px))];
                area.draw(&PathElement::new(points, color(*c))).map_err(err)?;
            }
            Mark::Text { at, text, font, color: c, align, baseline } => {
                let style = text_style(*font, size_scale, *c, *align, *baseline);
                area.draw_text(text, &style, (px(at.x_css_px), px(at.y_css_px))).map_err(err)?;
            }
        }
    }
    area.present().map_err(err)
}

/// The chart as a standalone SVG document (native fallback and tests).
pub fn to_svg(scene: &Scene, theme: &Theme) -> Result<String, DrawError> {
    let mut svg = String::new();
    {
        let size = (scene.width_css_px.ceil() as u32, scene.height_css_px.ceil() as u32);
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw_scaled(&area, scene, theme, SVG_FONT_SIZE_SCALE)?;
    }
    Ok(svg)
}
