//! Charts of the dataset: which figures each chart shows, number formatting, layout in CSS pixels,
//! hit-testing, the words of tooltips and the live region, and drawing through plotters.
//! Pure and host-testable: it never touches the browser; `web` hands it a text measurer and a
//! plotters backend.

pub mod ascii;
pub mod describe;
pub mod draw;
pub mod format;
pub mod geom;
pub mod layout;
pub mod members;
pub mod period;
pub mod scene;
pub mod spec;
pub mod table;
pub mod theme;
pub mod wrap;

use std::fmt;

/// The charts a `<zhibiao-chart chart="…">` can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartId {
    Growth,
    FiveG,
    Nev,
}

impl ChartId {
    /// Every chart.
    pub const ALL: [ChartId; 3] = [ChartId::Growth, ChartId::FiveG, ChartId::Nev];

    /// The attribute value that names this chart.
    pub fn key(self) -> &'static str {
        match self {
            ChartId::Growth => "growth",
            ChartId::FiveG => "5g",
            ChartId::Nev => "nev",
        }
    }

    /// The chart a `chart` attribute value names (surrounding whitespace and case ignored: "5G" as
    /// the product writes it); an error listing the allowed values otherwise, also where the
    /// attribute is missing (`None`).
    pub fn parse(value: Option<&str>) -> Result<ChartId, AttributeError> {
        ChartId::ALL.into_iter().find(|c| value.is_some_and(|v| c.key().eq_ignore_ascii_case(v.trim()))).ok_or_else(|| AttributeError {
            attribute: "chart",
            value: value.map(str::to_string),
            allowed: &["growth", "5g", "nev"],
        })
    }
}

/// The reader's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The language's code: "zh" or "en".
    pub fn key(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Accepts "zh", "en" and region forms such as "zh-CN" or "en-GB".
    pub fn parse(value: &str) -> Result<Lang, AttributeError> {
        let primary = ascii::before(ascii::before(value.trim(), b'-'), b'_').to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Ok(Lang::Zh),
            "en" => Ok(Lang::En),
            _ => Err(AttributeError { attribute: "lang", value: Some(value.to_string()), allowed: &["zh", "en"] }),
        }
    }

    /// Picks the string for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// An attribute value the widget cannot show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttributeError {
    pub attribute: &'static str,
    /// As the page wrote it; `None` where the attribute is missing.
    pub value: Option<String>,
    pub allowed: &'static [&'static str],
}

impl AttributeError {
    /// The message shown in the element's box, in the reader's language; `also`, a second bad
    /// attribute (`lang` after `chart`), is named in it too, so that one fix shows the chart.
    pub fn message(&self, also: Option<&AttributeError>, lang: Lang) -> String {
        let mut text = String::new();
        let mut next = Some(self);
        while let Some(e) = next {
            let first = text.is_empty();
            text.push_str(match (lang, first) {
                (Lang::Zh, true) => "无法显示图表：属性 ",
                (Lang::Zh, false) => "；属性 ",
                (Lang::En, true) => "Cannot show the chart: attribute ",
                (Lang::En, false) => " Attribute ",
            });
            text.push_str(e.attribute);
            match &e.value {
                Some(value) => {
                    text.push_str("=\"");
                    text.push_str(value);
                    text.push_str(lang.pick("\" 无效", "\" is not valid"));
                }
                None => text.push_str(lang.pick(" 缺失", " is missing")),
            }
            text.push_str(lang.pick("，可用的值为 ", "; allowed values are "));
            // Not `[&str]::join`: the wasm already has the one for `[String]`, and each is 1 KB.
            for (i, value) in e.allowed.iter().enumerate() {
                if i > 0 {
                    text.push_str(lang.pick("、", ", "));
                }
                text.push_str(value);
            }
            text.push_str(lang.pick("", "."));
            next = if first { also } else { None };
        }
        text.push_str(lang.pick("。", ""));
        text
    }
}

impl fmt::Display for AttributeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(None, Lang::En))
    }
}

impl std::error::Error for AttributeError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_values_are_read_as_a_page_writes_them() {
        for (value, id) in [("5g", ChartId::FiveG), ("5G", ChartId::FiveG), (" NEV ", ChartId::Nev), ("Growth", ChartId::Growth)] {
            assert_eq!(ChartId::parse(Some(value)), Ok(id), "{value:?}");
        }
        for value in ["", "5gg", "ｎｅｖ", "growth rates"] {
            let e = ChartId::parse(Some(value)).err().unwrap_or_else(|| panic!("{value:?} accepted"));
            assert_eq!(e.message(None, Lang::En), format!("Cannot show the chart: attribute chart=\"{value}\" is not valid; allowed values are growth, 5g, nev."));
        }
        // Missing, not empty: the page wrote no `chart="…"` to look for.
        let missing = ChartId::parse(None).unwrap_err();
        assert_eq!(missing.message(None, Lang::En), "Cannot show the chart: attribute chart is missing; allowed values are growth, 5g, nev.");
        assert_eq!(missing.message(None, Lang::Zh), "无法显示图表：属性 chart 缺失，可用的值为 growth、5g、nev。");
        let (chart, lang) = (ChartId::parse(Some("pie")).unwrap_err(), Lang::parse("fr").unwrap_err());
        assert_eq!(lang.message(None, Lang::Zh), "无法显示图表：属性 lang=\"fr\" 无效，可用的值为 zh、en。");
        // Both bad: both named, so that the page's developer fixes them at once.
        assert_eq!(
            chart.message(Some(&lang), Lang::En),
            "Cannot show the chart: attribute chart=\"pie\" is not valid; allowed values are growth, 5g, nev. \
             Attribute lang=\"fr\" is not valid; allowed values are zh, en."
        );
        assert_eq!(
            chart.message(Some(&lang), Lang::Zh),
            "无法显示图表：属性 chart=\"pie\" 无效，可用的值为 growth、5g、nev；属性 lang=\"fr\" 无效，可用的值为 zh、en。"
        );
        for (value, lang) in [("en", Lang::En), ("EN-us", Lang::En), ("zh-Hans-CN", Lang::Zh), ("zh_TW", Lang::Zh)] {
            assert_eq!(Lang::parse(value), Ok(lang), "{value:?}");
        }
        assert!(Lang::parse("fr").is_err());
    }
}
