//! Colours: light and dark themes from a colour-blind-safe palette (Okabe–Ito), with text at
//! WCAG AA contrast against the background.

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// CSS hex form, e.g. "#0072b2".
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    fn channel_luminance(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        0.2126 * Self::channel_luminance(self.0) + 0.7152 * Self::channel_luminance(self.1) + 0.0722 * Self::channel_luminance(self.2)
    }

    /// WCAG contrast ratio between two colours (1–21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

/// The colours a chart is drawn in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub background: Rgb,
    pub text: Rgb,
    pub muted_text: Rgb,
    pub grid: Rgb,
    /// Behind a figure's tile, and a share's 0–100% track.
    pub tile: Rgb,
    pub bar: Rgb,
    /// The whole of which a part is shown (less prominent than `bar`; the layout sets a gap in
    /// the background's colour between them).
    pub whole: Rgb,
    /// The focused point.
    pub highlight: Rgb,
    /// A row to compare against (`RowStyle::Reference`).
    pub reference: Rgb,
    /// Inside the outline of a derived figure's bar.
    pub derived_fill: Rgb,
    /// Inside the outline, in the highlight colour, of a derived figure's bar when focused: it
    /// keeps its look, so that it does not look stated.
    pub derived_highlight_fill: Rgb,
}

/// Dark text and marks on white.
pub const LIGHT: Theme = Theme {
    background: Rgb(0xff, 0xff, 0xff),
    text: Rgb(0x1a, 0x1a, 0x1a),
    muted_text: Rgb(0x59, 0x59, 0x59),
    grid: Rgb(0xe3, 0xe3, 0xe3),
    tile: Rgb(0xf4, 0xf6, 0xf8),
    bar: Rgb(0x00, 0x72, 0xb2),
    whole: Rgb(0x4a, 0x98, 0xcb),
    highlight: Rgb(0xd5, 0x5e, 0x00),
    reference: Rgb(0x8c, 0x8c, 0x8c),
    derived_fill: Rgb(0xdd, 0xec, 0xf6),
    derived_highlight_fill: Rgb(0xf9, 0xea, 0xdd),
};

/// Light text and marks on near-black, for `prefers-color-scheme: dark`.
pub const DARK: Theme = Theme {
    background: Rgb(0x16, 0x18, 0x1c),
    text: Rgb(0xee, 0xee, 0xee),
    muted_text: Rgb(0xb0, 0xb4, 0xba),
    grid: Rgb(0x2c, 0x30, 0x36),
    tile: Rgb(0x22, 0x25, 0x2b),
    bar: Rgb(0x56, 0xb4, 0xe9),
    whole: Rgb(0x2c, 0x74, 0xa3),
    highlight: Rgb(0xe6, 0x9f, 0x00),
    reference: Rgb(0x8c, 0x8c, 0x8c),
    derived_fill: Rgb(0x1c, 0x33, 0x44),
    derived_highlight_fill: Rgb(0x3a, 0x2d, 0x12),
};

impl Theme {
    /// [`DARK`] when `dark`, else [`LIGHT`].
    pub fn for_dark(dark: bool) -> Theme {
        if dark {
            DARK
        } else {
            LIGHT
        }
    }
}

/// Whether a colour as `getComputedStyle` writes it, `rgb(r, g, b)`, is light by its red: 128 or
/// more (the widget reads its text colour, black or white, or a contrast theme's, to pick the
/// canvas's theme).
pub fn is_light_rgb(css: &str) -> bool {
    let (mut red, mut inside) = (0u32, false);
    for b in css.bytes() {
        match (inside, b) {
            (false, b'(') => inside = true,
            (true, b'0'..=b'9') => red = (red * 10 + u32::from(b - b'0')).min(1000),
            (true, _) => break,
            _ => {}
        }
    }
    red >= 128
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_css_colour_is_light_by_its_red() {
        for (css, light) in [
            ("rgb(255, 255, 255)", true),
            ("rgb(251, 251, 254)", true),
            ("rgb(255, 255, 0)", true),
            ("rgba(128, 0, 0, 0.5)", true),
            ("rgb(0, 0, 0)", false),
            ("rgb(26, 26, 26)", false),
            ("rgb(127, 255, 255)", false),
            ("", false),
            ("rgb(", false),
            ("rgb(99999999999999999999, 0, 0)", true),
        ] {
            assert_eq!(is_light_rgb(css), light, "{css}");
        }
    }

    /// Grid lines recede as far in the dark theme as in the light one (they competed with the
    /// bars at 1.6:1 against the light theme's 1.3:1).
    #[test]
    fn grid_lines_are_as_faint_in_both_themes() {
        let (light, dark) = (LIGHT.grid.contrast(LIGHT.background), DARK.grid.contrast(DARK.background));
        assert!((light - dark).abs() < 0.1, "light {light:.2}, dark {dark:.2}");
    }

    #[test]
    fn text_meets_wcag_aa_and_marks_stand_out_in_both_themes() {
        for theme in [LIGHT, DARK] {
            assert!(theme.text.contrast(theme.background) >= 7.0);
            assert!(theme.muted_text.contrast(theme.background) >= 4.5);
            assert!(theme.muted_text.contrast(theme.tile) >= 4.5);
            assert!(theme.text.contrast(theme.tile) >= 4.5);
            // Graphical objects need 3:1 (WCAG 1.4.11).
            for mark in [theme.bar, theme.whole, theme.highlight, theme.reference] {
                assert!(mark.contrast(theme.background) >= 3.0, "{mark:?}");
            }
        }
    }
}
