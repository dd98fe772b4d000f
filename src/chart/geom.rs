//! Coordinate spaces and text measurement. Layout works in CSS pixels (`*_css_px`); only `web`
//! multiplies by the device pixel ratio to size the canvas backing store (device pixels).

/// A point in CSS pixels, origin at the chart's top-left corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PointCss {
    pub x_css_px: f64,
    pub y_css_px: f64,
}

/// A rectangle in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RectCss {
    pub x_css_px: f64,
    pub y_css_px: f64,
    pub width_css_px: f64,
    pub height_css_px: f64,
}

impl RectCss {
    /// A rectangle with its top-left corner at (`x_css_px`, `y_css_px`); a negative width or height
    /// becomes 0.
    pub fn new(x_css_px: f64, y_css_px: f64, width_css_px: f64, height_css_px: f64) -> RectCss {
        RectCss { x_css_px, y_css_px, width_css_px: width_css_px.max(0.0), height_css_px: height_css_px.max(0.0) }
    }

    /// The x of the right edge.
    pub fn right_css_px(&self) -> f64 {
        self.x_css_px + self.width_css_px
    }

    /// The y of the bottom edge.
    pub fn bottom_css_px(&self) -> f64 {
        self.y_css_px + self.height_css_px
    }

    /// True when `p` is inside: on the top or left edge counts, on the right or bottom edge does not.
    pub fn contains(&self, p: PointCss) -> bool {
        p.x_css_px >= self.x_css_px
            && p.x_css_px < self.right_css_px()
            && p.y_css_px >= self.y_css_px
            && p.y_css_px < self.bottom_css_px()
    }

    /// The centre point.
    pub fn center(&self) -> PointCss {
        PointCss { x_css_px: self.x_css_px + self.width_css_px / 2.0, y_css_px: self.y_css_px + self.height_css_px / 2.0 }
    }

    /// True when the two rectangles share any area.
    pub fn overlaps(&self, other: &RectCss) -> bool {
        self.x_css_px < other.right_css_px()
            && other.x_css_px < self.right_css_px()
            && self.y_css_px < other.bottom_css_px()
            && other.y_css_px < self.bottom_css_px()
    }

    /// True when `other` lies wholly inside (edges may touch).
    pub fn holds(&self, other: &RectCss) -> bool {
        self.x_css_px <= other.x_css_px && other.right_css_px() <= self.right_css_px() && self.y_css_px <= other.y_css_px && other.bottom_css_px() <= self.bottom_css_px()
    }

    /// True when it overlaps `line` (a line of text's box) with its top or bottom edge running
    /// through it: the letters' tops or feet show beyond it.
    pub fn cuts_through(&self, line: &RectCss) -> bool {
        self.overlaps(line) && (self.y_css_px > line.y_css_px || line.bottom_css_px() > self.bottom_css_px())
    }

    /// The area in square CSS pixels.
    pub fn area_css_px2(&self) -> f64 {
        self.width_css_px * self.height_css_px
    }
}

/// Device pixels per CSS pixel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DevicePixelRatio(pub f64);

impl DevicePixelRatio {
    /// The canvas backing store for a CSS size: CSS × ratio, rounded, at least 1 × 1.
    pub fn backing_size_device_px(self, width_css_px: f64, height_css_px: f64) -> (u32, u32) {
        let ratio = self.or_one();
        let to_device = |css: f64| (css.max(1.0) * ratio).round().min(32_767.0) as u32;
        (to_device(width_css_px), to_device(height_css_px))
    }

    /// The CSS length, in thousandths of a px, that shows `device_px` device pixels whole: a
    /// canvas 242 px tall at 1.25 has 303 rows, which its height rounded to a whole CSS px (302.5
    /// device px) would show scaled, blurred.
    pub fn milli_css_px_showing(self, device_px: u32) -> i64 {
        (f64::from(device_px) * 1000.0 / self.or_one()).round() as i64
    }

    /// The ratio, or 1 where it is none (not finite, or not above 0).
    fn or_one(self) -> f64 {
        if self.0.is_finite() && self.0 > 0.0 { self.0 } else { 1.0 }
    }
}

/// A font of the chart's family.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Font {
    pub size_css_px: f64,
    pub bold: bool,
}

impl Font {
    /// The CSS `font` shorthand the canvas is given, e.g. `bold 18px "PingFang SC", …`.
    pub fn css(self) -> String {
        let size = super::format::plain(self.size_css_px, 2);
        format!("{} {size}px {}", if self.bold { "bold" } else { "normal" }, FONT_FAMILY)
    }
}

/// The system CJK font stack, family names quoted for the canvas `font` property: the
/// simplified-Chinese system font of macOS/iOS, Windows and Linux/Android/ChromeOS, then the
/// system UI font. CJK fonts first, because their Latin letters and digits are good and
/// `system-ui` has no Chinese: with it first, the browser falls back for every Chinese character
/// (about 7 ms less to resolve a chart's six fonts on the bench machine). Short on purpose: the
/// browser looks up every family it has to pass over, for every size and weight.
pub const FONT_FAMILY: &str = "\"PingFang SC\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", system-ui, sans-serif";

/// Measures text as it will be drawn. The browser's is the canvas's `measureText`.
pub trait TextMeasure {
    fn width_css_px(&self, text: &str, font: Font) -> f64;
}

/// A host-side estimate for native tests and the static fallback: every non-ASCII character (CJK,
/// and also a dash or a no-break space) is one em, ASCII a little over half (capitals, m and w
/// wider). Deliberately generous so layouts tested with it leave room.
pub struct EstimateMeasure;

impl TextMeasure for EstimateMeasure {
    fn width_css_px(&self, text: &str, font: Font) -> f64 {
        let ems: f64 = text
            .chars()
            .map(|c| match c {
                c if c.is_ascii_uppercase() || c == 'm' || c == 'w' => 0.72,
                c if c.is_ascii() => 0.6,
                _ => 1.0,
            })
            .sum();
        ems * font.size_css_px * if font.bold { 1.05 } else { 1.0 }
    }
}

#[cfg(test)]
mod tests {
    use super::{DevicePixelRatio, FONT_FAMILY};

    /// element.js draws the charts again when the page loads a font of the stack: it names them all.
    #[test]
    fn element_js_names_every_named_font_of_the_stack() {
        let js = include_str!("../web/element.js");
        let families = js.lines().find(|l| l.starts_with("const FAMILIES = ")).expect("FAMILIES in element.js");
        let named: Vec<&str> = FONT_FAMILY.split(", ").filter_map(|f| f.strip_prefix('"')?.strip_suffix('"')).collect();
        assert_eq!(named.len(), 3);
        for family in named {
            assert!(families.contains(&format!("/{family}|")) || families.contains(&format!("|{family}|")) || families.contains(&format!("|{family}/")), "{family}: {families}");
        }
    }

    #[test]
    fn a_canvas_css_height_shows_its_device_rows_whole() {
        for (ratio, css_px, device_px, shown) in [(1.25, 242.0, 303, 242_400), (2.0, 633.0, 1266, 633_000), (1.0, 294.0, 294, 294_000), (0.9, 511.0, 460, 511_111)] {
            let dpr = DevicePixelRatio(ratio);
            assert_eq!(dpr.backing_size_device_px(680.0, css_px).1, device_px);
            assert_eq!(dpr.milli_css_px_showing(device_px), shown);
        }
        // A ratio that is no ratio is 1.
        assert_eq!(DevicePixelRatio(f64::NAN).milli_css_px_showing(294), 294_000);
    }
}
