//! Builds the dataset: resolves each catalogue entry against the source texts, reads its figure,
//! records where it stands, and checks that every figure in the texts is claimed by an indicator
//! or deliberately ignored. Pure (the caller reads the files); never panics.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use super::catalogue::{parse_catalogue, CatalogueError, Entry, Locator};
use super::model::{Dataset, Derivation, Indicator, Kind, Label, Measure, Provenance, Qualifier, Source, Unit};
use super::number::{Decimal, NumberError};
use super::scan::{line_of, scan, sentence_around, Found};

/// A source text handed in by the caller.
#[derive(Clone, Copy, Debug)]
pub struct SourceText<'a> {
    pub file: &'a str,
    pub text: &'a str,
}

/// A place in the catalogue: its file name, line and entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueAt {
    pub file: String,
    pub line: usize,
    pub entry: String,
}

impl fmt::Display for CatalogueAt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{} [{}]", self.file, self.line, self.entry)
    }
}

/// A figure in a source text that no catalogue entry claims.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unclaimed {
    pub file: String,
    pub line: usize,
    /// The figure as written.
    pub text: String,
    /// The sentence around it.
    pub quote: String,
}

/// Why the dataset cannot be built; each names the catalogue or source line to look at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExtractError {
    Catalogue { file: String, error: CatalogueError },
    /// A malformed number in a source text, and the catalogue entries whose anchors are in its
    /// sentence (those it would have been read for).
    Number { file: String, line: usize, error: NumberError, entries: Vec<CatalogueAt> },
    UnknownSourceKey { at: CatalogueAt, key: String },
    MissingSourceFile { at: CatalogueAt, file: String },
    AnchorNotFound { at: CatalogueAt, file: String, anchor: String },
    NoFigureAfterAnchor { at: CatalogueAt, file: String, line: usize, anchor: String, nth: usize },
    /// Two places give different figures for one indicator.
    Disagree { at: CatalogueAt, first: String, second: String },
    /// One figure of a source text is claimed by two catalogue entries (or an entry and `[ignored]`).
    ClaimedTwice { file: String, line: usize, text: String, first: String, second: String },
    Unclaimed(Vec<Unclaimed>),
    /// A derived entry's formula cannot be computed: an unknown input or operator, units that do not
    /// combine, or an overflow.
    Formula { at: CatalogueAt, message: String },
    /// A `measure` the figure cannot be: a share that is no percentage.
    Measure { at: CatalogueAt, message: String },
}

impl fmt::Display for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExtractError::Catalogue { file, error } => write!(f, "{file}:{error}"),
            ExtractError::Number { file, line, error, entries } => {
                write!(f, "{file}:{line}: {error}")?;
                for at in entries {
                    write!(f, "; in the sentence {at} reads")?;
                }
                Ok(())
            }
            ExtractError::UnknownSourceKey { at, key } => write!(f, "{at}: unknown source key {key:?}"),
            ExtractError::MissingSourceFile { at, file } => write!(f, "{at}: source file {file} not found"),
            ExtractError::AnchorNotFound { at, file, anchor } => {
                write!(f, "{at}: anchor {anchor:?} not found in {file} (was the text changed?)")
            }
            ExtractError::NoFigureAfterAnchor { at, file, line, anchor, nth } => write!(
                f,
                "{at}: no figure #{nth} after {anchor:?} in its sentence at {file}:{line} (was the text changed?)"
            ),
            ExtractError::Disagree { at, first, second } => {
                write!(f, "{at}: the texts disagree: {first} but {second}")
            }
            ExtractError::ClaimedTwice { file, line, text, first, second } => {
                write!(f, "{file}:{line}: figure {text:?} is claimed by both {first} and {second}")
            }
            ExtractError::Unclaimed(list) => {
                writeln!(f, "{} figure(s) neither claimed by an indicator nor ignored in the catalogue:", list.len())?;
                for u in list {
                    writeln!(f, "  {}:{}: {:?} in {:?}", u.file, u.line, u.text, u.quote)?;
                }
                Ok(())
            }
            ExtractError::Formula { at, message } | ExtractError::Measure { at, message } => write!(f, "{at}: {message}"),
        }
    }
}

impl std::error::Error for ExtractError {}

/// One source text with the figures found in it.
struct Scanned<'a> {
    file: &'a str,
    text: &'a str,
    found: Vec<Found>,
}

/// The same figure, in the sense that matters to a reader.
fn same_figure(a: &Found, b: &Found) -> bool {
    a.figure.amount.to_f64() == b.figure.amount.to_f64()
        && a.figure.unit == b.figure.unit
        && a.figure.qualifier == b.figure.qualifier
        && a.figure.counter == b.figure.counter
}

/// Indices into `scanned.found` of the figures a locator points at: one for each place its anchor occurs.
fn locate(scanned: &Scanned, locator: &Locator, at: &CatalogueAt) -> Result<Vec<usize>, ExtractError> {
    let mut hits = Vec::new();
    for (anchor_at, _) in scanned.text.match_indices(locator.anchor.as_str()) {
        let anchor_end = anchor_at + locator.anchor.len();
        let (_, sentence_end) = sentence_around(scanned.text, anchor_end);
        let nth = scanned
            .found
            .iter()
            .enumerate()
            .filter(|(_, f)| f.offset >= anchor_end && f.offset < sentence_end)
            .nth(locator.nth - 1);
        match nth {
            Some((idx, _)) => hits.push(idx),
            None => {
                return Err(ExtractError::NoFigureAfterAnchor {
                    at: at.clone(),
                    file: scanned.file.to_string(),
                    line: line_of(scanned.text, anchor_at),
                    anchor: locator.anchor.clone(),
                    nth: locator.nth,
                })
            }
        }
    }
    if hits.is_empty() {
        return Err(ExtractError::AnchorNotFound {
            at: at.clone(),
            file: scanned.file.to_string(),
            anchor: locator.anchor.clone(),
        });
    }
    Ok(hits)
}

/// Decimal places needed to show a decimal exactly.
fn decimals_of(amount: Decimal) -> u8 {
    u8::try_from((-amount.scale).max(0)).unwrap_or(u8::MAX)
}

struct Builder<'a> {
    catalogue_file: &'a str,
    scanned: BTreeMap<String, Scanned<'a>>,
    /// (source key, figure index) → who claims it.
    claims: BTreeMap<(String, usize), String>,
}

impl<'a> Builder<'a> {
    fn at(&self, line: usize, entry: &str) -> CatalogueAt {
        CatalogueAt { file: self.catalogue_file.to_string(), line, entry: entry.to_string() }
    }

    /// What the entry's figure, in `unit`, states: the catalogue's `measure`, else the unit's default;
    /// a share must be a percentage.
    fn measure(&self, entry: &Entry, unit: Unit) -> Result<Measure, ExtractError> {
        let measure = entry.measure.unwrap_or(Measure::default_for(unit));
        if measure == Measure::Share && unit != Unit::Percent {
            let message = format!("measure = share, but the figure is in {unit:?}: a share is a percentage");
            return Err(ExtractError::Measure { at: self.at(entry.line, &entry.id), message });
        }
        Ok(measure)
    }

    /// Resolves a locator and records who claims the figures it finds.
    fn claim(&mut self, locator: &Locator, claimant: &str) -> Result<Vec<(String, usize)>, ExtractError> {
        let at = self.at(locator.line, claimant);
        let scanned = self
            .scanned
            .get(&locator.source_key)
            .ok_or_else(|| ExtractError::UnknownSourceKey { at: at.clone(), key: locator.source_key.clone() })?;
        let hits = locate(scanned, locator, &at)?;
        let mut keys = Vec::new();
        for idx in hits {
            let key = (locator.source_key.clone(), idx);
            if let Some(first) = self.claims.get(&key).filter(|first| first.as_str() != claimant) {
                let found = &scanned.found[idx];
                return Err(ExtractError::ClaimedTwice {
                    file: scanned.file.to_string(),
                    line: line_of(scanned.text, found.offset),
                    text: found.text.clone(),
                    first: first.clone(),
                    second: claimant.to_string(),
                });
            }
            self.claims.insert(key.clone(), claimant.to_string());
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        Ok(keys)
    }

    fn stated(&mut self, entry: &Entry) -> Result<(Indicator, Decimal), ExtractError> {
        let mut places = Vec::new();
        for locator in &entry.locators {
            for key in self.claim(locator, &entry.id)? {
                if !places.contains(&key) {
                    places.push(key);
                }
            }
        }
        let describe = |scanned: &Scanned, f: &Found| format!("{:?} at {}:{}", f.text, scanned.file, line_of(scanned.text, f.offset));
        let (first_key, first_idx) = places[0].clone();
        let first_scanned = &self.scanned[&first_key];
        let first = &first_scanned.found[first_idx];
        let mut sources = Vec::new();
        for (key, idx) in &places {
            let scanned = &self.scanned[key];
            let found = &scanned.found[*idx];
            if !same_figure(first, found) {
                return Err(ExtractError::Disagree {
                    at: self.at(entry.line, &entry.id),
                    first: describe(first_scanned, first),
                    second: describe(scanned, found),
                });
            }
            let (start, end) = sentence_around(scanned.text, found.offset);
            sources.push(Provenance {
                file: scanned.file.to_string().into(),
                offset: u32::try_from(found.offset).unwrap_or(u32::MAX),
                quote: scanned.text[start..end].to_string().into(),
                offset_in_quote: u32::try_from(found.offset.saturating_sub(start)).unwrap_or(u32::MAX),
            });
        }
        let figure = &first.figure;
        let measure = self.measure(entry, figure.unit)?;
        let indicator = Indicator {
            id: entry.id.clone().into(),
            topic: entry.topic.clone().into(),
            label: Label { zh: entry.zh.clone().into(), en: entry.en.clone().into() },
            value: figure.amount.to_f64(),
            unit: figure.unit,
            measure,
            counter: figure.counter.map(|c| c.to_string().into()),
            qualifier: figure.qualifier,
            kind: entry.kind,
            period: entry.period.clone().into(),
            significant_digits: figure.amount.significant_digits,
            decimals: decimals_of(figure.amount),
            text: first.text.clone().into(),
            sources: Cow::Owned(sources),
            derivation: None,
        };
        Ok((indicator, figure.amount))
    }

    fn derived(&self, entry: &Entry, built: &[(Indicator, Decimal)]) -> Result<Indicator, ExtractError> {
        let (formula, line) = entry.formula.clone().unwrap_or_default();
        let at = self.at(line, &entry.id);
        let err = |message: String| ExtractError::Formula { at: at.clone(), message };
        let mut tokens = formula.split_whitespace();
        let mut inputs: Vec<String> = Vec::new();
        let mut lookup = |id: Option<&str>| -> Result<(&Indicator, Decimal), ExtractError> {
            let id = id.ok_or_else(|| err(format!("formula {formula:?} ends where an indicator id should be")))?;
            let (ind, amount) = built
                .iter()
                .find(|(i, _)| i.id == id)
                .ok_or_else(|| err(format!("formula input `{id}` is not a stated or target indicator defined above")))?;
            inputs.push(id.to_string());
            Ok((ind, *amount))
        };
        let (first, mut amount) = lookup(tokens.next())?;
        let (unit, mut qualifier) = (first.unit, first.qualifier);
        while let Some(op) = tokens.next() {
            let sign = match op {
                "+" => 1,
                "-" | "−" => -1,
                _ => return Err(err(format!("formula operator {op:?}: allowed are + and -"))),
            };
            let (ind, operand) = lookup(tokens.next())?;
            let compatible = ind.unit == unit || (unit == Unit::Percent && ind.unit == Unit::PercentagePoint);
            if !compatible {
                return Err(err(format!("cannot combine {:?} with {:?} in {formula:?}", unit, ind.unit)));
            }
            if ind.qualifier != Qualifier::Exact {
                qualifier = Qualifier::About;
            }
            amount = amount.add_signed(operand, sign).ok_or_else(|| err("formula overflows".into()))?;
        }
        let decimals = decimals_of(amount);
        let suffix = match unit {
            Unit::Percent => "%",
            Unit::PercentagePoint => "个百分点",
            _ => "",
        };
        Ok(Indicator {
            id: entry.id.clone().into(),
            topic: entry.topic.clone().into(),
            label: Label { zh: entry.zh.clone().into(), en: entry.en.clone().into() },
            value: amount.to_f64(),
            unit,
            measure: self.measure(entry, unit)?,
            counter: None,
            qualifier,
            kind: Kind::Derived,
            period: entry.period.clone().into(),
            significant_digits: amount.significant_digits,
            decimals,
            text: format!("{:.*}{suffix}", usize::from(decimals), amount.to_f64()).into(),
            sources: Cow::Owned(Vec::new()),
            derivation: Some(Derivation {
                formula: formula.clone().into(),
                inputs: Cow::Owned(inputs.into_iter().map(Cow::Owned).collect()),
            }),
        })
    }
}

/// Builds the dataset from the catalogue text (named `catalogue_file` in errors) and the source texts.
pub fn extract(catalogue_file: &str, catalogue_text: &str, texts: &[SourceText]) -> Result<Dataset, ExtractError> {
    let catalogue = parse_catalogue(catalogue_text)
        .map_err(|error| ExtractError::Catalogue { file: catalogue_file.to_string(), error })?;
    let mut builder = Builder { catalogue_file, scanned: BTreeMap::new(), claims: BTreeMap::new() };
    let mut sources = Vec::new();
    for entry in &catalogue.sources {
        let at = builder.at(entry.line, &format!("source {}", entry.key));
        let source = texts
            .iter()
            .find(|t| t.file == entry.file)
            .ok_or_else(|| ExtractError::MissingSourceFile { at, file: entry.file.clone() })?;
        let found = scan(source.text).map_err(|e| {
            // The entries (and ignored figures) whose anchors are in the malformed number's sentence.
            let (start, end) = sentence_around(source.text, e.offset);
            let sentence = &source.text[start..end];
            let reads = |l: &Locator| l.source_key == entry.key && sentence.contains(l.anchor.as_str());
            let entries = catalogue.entries.iter().flat_map(|c| c.locators.iter().filter(|l| reads(l)).map(|l| builder.at(l.line, &c.id)));
            let ignored = catalogue.ignored.iter().filter(|i| reads(&i.locator)).map(|i| builder.at(i.locator.line, "ignored"));
            ExtractError::Number { file: source.file.to_string(), line: line_of(source.text, e.offset), error: e.error, entries: entries.chain(ignored).collect() }
        })?;
        builder.scanned.insert(entry.key.clone(), Scanned { file: source.file, text: source.text, found });
        sources.push(Source {
            file: entry.file.clone().into(),
            title: entry.title.clone().into(),
            publisher: entry.publisher.clone().into(),
            publisher_en: entry.publisher_en.clone().into(),
            date: entry.date.clone().into(),
        });
    }

    let mut built: Vec<(Indicator, Decimal)> = Vec::new();
    let mut indicators = Vec::new();
    for entry in &catalogue.entries {
        if entry.kind == Kind::Derived {
            indicators.push(builder.derived(entry, &built)?);
        } else {
            let (indicator, amount) = builder.stated(entry)?;
            built.push((indicator.clone(), amount));
            indicators.push(indicator);
        }
    }
    for ignored in &catalogue.ignored {
        builder.claim(&ignored.locator, &format!("[ignored] ({})", ignored.reason))?;
    }

    let mut unclaimed = Vec::new();
    for (key, scanned) in &builder.scanned {
        for (idx, found) in scanned.found.iter().enumerate() {
            if !builder.claims.contains_key(&(key.clone(), idx)) {
                let (start, end) = sentence_around(scanned.text, found.offset);
                unclaimed.push(Unclaimed {
                    file: scanned.file.to_string(),
                    line: line_of(scanned.text, found.offset),
                    text: found.text.clone(),
                    quote: scanned.text[start..end].to_string(),
                });
            }
        }
    }
    if !unclaimed.is_empty() {
        return Err(ExtractError::Unclaimed(unclaimed));
    }
    Ok(Dataset { sources: Cow::Owned(sources), indicators: Cow::Owned(indicators) })
}
