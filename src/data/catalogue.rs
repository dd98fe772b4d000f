//! Reads the indicator catalogue (data/catalogue.ini): what we curate by hand — ids, labels,
//! topics, periods, and where in which text each figure stands. It holds no values: those are
//! read from the texts. Pure; every error names the catalogue line and entry.
//!
//! The format is sections of `key = value` lines; `#` starts a comment line:
//! ```text
//! [source cls]                      # a source text, with a short key for locators
//! file = 000_fbae4528c08ed477.txt    # also title, publisher, publisher_en, date: all required
//! [indicator bs_5g_total]           # an indicator: topic, zh, en, period, kind, measure, at / formula
//! measure = share                   # optional: amount, change or share (else by unit: a percentage
//!                                   # is a change, a count an amount)
//! at = qa: 我国5G基站累计达到        # the first figure after this anchor, in every place it occurs
//! at = qa: 加快 #2                  # the second figure after the anchor
//! [ignored]                         # figures that are deliberately not indicators
//! skip = qa: 市值前 | a rank, not a quantity
//! ```

use std::fmt;

use super::model::{Kind, Measure};

/// Where a figure stands: the `nth` figure after every occurrence of `anchor` in a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locator {
    pub source_key: String,
    pub anchor: String,
    /// 1-based.
    pub nth: usize,
    /// Line of the catalogue that states it.
    pub line: usize,
}

/// A `[source key]` section: a source text and the key its locators name it by.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SourceEntry {
    pub key: String,
    pub file: String,
    pub title: String,
    pub publisher: String,
    /// The publisher in English, for the English tooltip and table.
    pub publisher_en: String,
    pub date: String,
    /// Line of the section's header.
    pub line: usize,
}

/// An `[indicator id]` section: what is curated for one indicator (its value is read from the texts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    /// Line of the section's header.
    pub line: usize,
    pub topic: String,
    pub zh: String,
    pub en: String,
    pub period: String,
    pub kind: Kind,
    /// `measure = …`, where the unit's default (`Measure::default_for`) is not what the figure states.
    pub measure: Option<Measure>,
    pub locators: Vec<Locator>,
    /// For derived entries: the formula and its line.
    pub formula: Option<(String, usize)>,
}

/// A `skip` line of `[ignored]`: a figure that is deliberately not an indicator, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    pub locator: Locator,
    pub reason: String,
}

/// The parsed catalogue, each list in file order.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Catalogue {
    pub sources: Vec<SourceEntry>,
    pub entries: Vec<Entry>,
    pub ignored: Vec<Ignored>,
}

/// Topics a chart can group by.
pub const TOPICS: [&str; 10] = [
    "industry", "telecom", "5g", "nev", "green", "smart_manufacturing", "compute", "services", "internet", "consumer",
];

/// A catalogue line that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueError {
    pub line: usize,
    /// The section the line belongs to, e.g. "indicator bs_5g_total".
    pub entry: String,
    pub message: String,
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {} [{}]: {}", self.line, self.entry, self.message)
    }
}

impl std::error::Error for CatalogueError {}

enum Section {
    None,
    Source(SourceEntry),
    Indicator(Entry),
    Ignored,
}

impl Section {
    fn name(&self) -> String {
        match self {
            Section::None => "(before any section)".into(),
            Section::Source(s) => format!("source {}", s.key),
            Section::Indicator(e) => format!("indicator {}", e.id),
            Section::Ignored => "ignored".into(),
        }
    }
}

fn is_snake_case(id: &str) -> bool {
    !id.is_empty()
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && id.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
}

/// Parses `qa: anchor #2` into a locator.
fn parse_locator(value: &str, line: usize) -> Result<Locator, String> {
    let (key, rest) = value.split_once(':').ok_or("a locator is `SOURCE: ANCHOR` or `SOURCE: ANCHOR #N`")?;
    let (anchor, nth) = match rest.rsplit_once(" #") {
        Some((anchor, n)) => {
            let nth = n.trim().parse::<usize>().ok().filter(|&n| n >= 1).ok_or("`#N` needs N ≥ 1")?;
            (anchor, nth)
        }
        None => (rest, 1),
    };
    let anchor = anchor.trim();
    if anchor.is_empty() {
        return Err("the anchor is empty".into());
    }
    Ok(Locator { source_key: key.trim().to_string(), anchor: anchor.to_string(), nth, line })
}

fn finish(section: Section, catalogue: &mut Catalogue) -> Result<(), CatalogueError> {
    let name = section.name();
    match section {
        Section::Source(s) => {
            for (field, value) in [("file", &s.file), ("title", &s.title), ("publisher", &s.publisher), ("publisher_en", &s.publisher_en), ("date", &s.date)] {
                if value.is_empty() {
                    return Err(CatalogueError { line: s.line, entry: name, message: format!("missing `{field}`") });
                }
            }
            catalogue.sources.push(s);
        }
        Section::Indicator(e) => {
            let err = |message: String| CatalogueError { line: e.line, entry: name.clone(), message };
            for (field, value) in [("topic", &e.topic), ("zh", &e.zh), ("en", &e.en), ("period", &e.period)] {
                if value.is_empty() {
                    return Err(err(format!("missing `{field}`")));
                }
            }
            match (e.kind, e.locators.is_empty(), e.formula.is_some()) {
                (Kind::Derived, true, true) => {}
                (Kind::Derived, _, _) => return Err(err("a derived entry has a `formula` and no `at`".into())),
                (_, false, false) => {}
                (_, _, _) => return Err(err("a stated or target entry has `at` lines and no `formula`".into())),
            }
            catalogue.entries.push(e);
        }
        Section::None | Section::Ignored => {}
    }
    Ok(())
}

/// Parses the catalogue text.
pub fn parse_catalogue(text: &str) -> Result<Catalogue, CatalogueError> {
    let mut catalogue = Catalogue::default();
    let mut section = Section::None;
    for (idx, raw) in text.lines().enumerate() {
        let line = idx + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let err = |section: &Section, message: String| CatalogueError { line, entry: section.name(), message };
        if let Some(header) = trimmed.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
            let previous = std::mem::replace(&mut section, Section::None);
            finish(previous, &mut catalogue)?;
            let (kind, name) = header.split_once(' ').map_or((header, ""), |(k, n)| (k, n.trim()));
            section = match kind {
                "source" if is_snake_case(name) => {
                    Section::Source(SourceEntry { key: name.into(), line, ..SourceEntry::default() })
                }
                "indicator" if is_snake_case(name) => {
                    if catalogue.entries.iter().any(|e| e.id == name) {
                        return Err(err(&section, format!("indicator `{name}` is defined twice")));
                    }
                    Section::Indicator(Entry {
                        id: name.into(),
                        line,
                        topic: String::new(),
                        zh: String::new(),
                        en: String::new(),
                        period: String::new(),
                        kind: Kind::Stated,
                        measure: None,
                        locators: Vec::new(),
                        formula: None,
                    })
                }
                "ignored" => Section::Ignored,
                _ => {
                    return Err(err(
                        &section,
                        format!("unknown section [{header}]: use [source key], [indicator snake_case_id] or [ignored]"),
                    ))
                }
            };
            continue;
        }
        let Some((key, value)) = trimmed.split_once('=') else {
            return Err(err(&section, format!("expected `key = value`, found {trimmed:?}")));
        };
        let (key, value) = (key.trim(), value.trim().to_string());
        let name = section.name();
        let fail = |message: String| CatalogueError { line, entry: name.clone(), message };
        match (&mut section, key) {
            (Section::Source(s), "file") => s.file = value,
            (Section::Source(s), "title") => s.title = value,
            (Section::Source(s), "publisher") => s.publisher = value,
            (Section::Source(s), "publisher_en") => s.publisher_en = value,
            (Section::Source(s), "date") => s.date = value,
            (Section::Indicator(e), "topic") => {
                if !TOPICS.contains(&value.as_str()) {
                    let message = format!("unknown topic {value:?}; allowed: {}", TOPICS.join(", "));
                    return Err(fail(message));
                }
                e.topic = value;
            }
            (Section::Indicator(e), "zh") => e.zh = value,
            (Section::Indicator(e), "en") => e.en = value,
            (Section::Indicator(e), "period") => e.period = value,
            (Section::Indicator(e), "kind") => {
                e.kind = match value.as_str() {
                    "stated" => Kind::Stated,
                    "derived" => Kind::Derived,
                    "target" => Kind::Target,
                    _ => return Err(fail(format!("unknown kind {value:?}; allowed: stated, derived, target"))),
                }
            }
            (Section::Indicator(e), "measure") => {
                e.measure = Some(match value.as_str() {
                    "amount" => Measure::Amount,
                    "change" => Measure::Change,
                    "share" => Measure::Share,
                    _ => return Err(fail(format!("unknown measure {value:?}; allowed: amount, change, share"))),
                })
            }
            (Section::Indicator(e), "at") => {
                let locator = parse_locator(&value, line).map_err(fail)?;
                e.locators.push(locator);
            }
            (Section::Indicator(e), "formula") => e.formula = Some((value, line)),
            (Section::Ignored, "skip") => {
                let (at, reason) = value.split_once('|').ok_or_else(|| {
                    fail("a skip line is `SOURCE: ANCHOR [#N] | reason`".into())
                })?;
                let locator = parse_locator(at, line).map_err(fail)?;
                catalogue.ignored.push(Ignored { locator, reason: reason.trim().to_string() });
            }
            _ => return Err(fail(format!("unexpected key `{key}` here"))),
        }
    }
    finish(section, &mut catalogue)?;
    Ok(catalogue)
}
