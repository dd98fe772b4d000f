//! The dataset's types. The same types hold a freshly parsed dataset (owned strings) and the one
//! compiled into the wasm (`'static` borrows), hence `Cow` everywhere.

use std::borrow::Cow;

use serde::Serialize;

/// Text that is either borrowed from the embedded dataset or owned by a fresh parse.
pub type Text = Cow<'static, str>;

/// One of the source texts in data/sources/.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    pub file: Text,
    pub title: Text,
    pub publisher: Text,
    /// The publisher in English, for English tooltips and tables.
    pub publisher_en: Text,
    /// ISO date of publication.
    pub date: Text,
}

/// Where a figure was read: `file[offset..offset + text.len()] == text`, and
/// `quote[offset_in_quote..offset_in_quote + text.len()] == text`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Provenance {
    pub file: Text,
    /// Byte offset of the figure's text in the file.
    pub offset: u32,
    /// The whole sentence (or heading) that contains the figure, verbatim.
    pub quote: Text,
    /// Byte offset of the figure's text in `quote` (`quote[offset_in_quote..]` starts with it), so
    /// that a card can mark the figure without searching for it.
    pub offset_in_quote: u32,
}

/// What a figure's value counts or measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Percent,
    PercentagePoint,
    Count,
    Yuan,
    Tonne,
    TonnePerDay,
    Kiloampere,
    Year,
}

/// What a figure states: an amount (a count, a sum, a stock), a change (a growth rate, a gain or a
/// cut, in percent or percentage points) or a share of a whole (in percent).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Amount,
    Change,
    Share,
}

impl Measure {
    /// What a figure in `unit` states unless the catalogue says otherwise: percentages and
    /// percentage points are changes, everything else amounts.
    pub fn default_for(unit: Unit) -> Measure {
        match unit {
            Unit::Percent | Unit::PercentagePoint => Measure::Change,
            _ => Measure::Amount,
        }
    }
}

/// How the text bounds a figure: exactly, more than, at least or about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    /// 超, 超过, 突破, 余
    MoreThan,
    /// 以上, 不少于
    AtLeast,
    /// 左右 (and a derived figure from qualified inputs)
    About,
    /// 近: just under
    Nearly,
}

/// Whether a figure is stated, derived from others, or a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A figure the text states as a fact.
    Stated,
    /// A figure implied by others, with its formula.
    Derived,
    /// A goal the text announces.
    Target,
}

/// An indicator's name in Chinese and in English.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Label {
    pub zh: Text,
    pub en: Text,
}

/// How a derived indicator follows from others.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Derivation {
    /// e.g. "industry_value_added_growth - industry_growth_gain_vs_2022_h1"
    pub formula: Text,
    pub inputs: Cow<'static, [Text]>,
}

/// One figure of the dataset: its value and unit, its names, and where the texts give it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Indicator {
    /// Stable snake_case id.
    pub id: Text,
    /// One of `catalogue::TOPICS`.
    pub topic: Text,
    pub label: Label,
    /// In base units: 万 and 亿 expanded, 3.8 for 3.8%.
    pub value: f64,
    pub unit: Unit,
    pub measure: Measure,
    /// The measure word (个 家 户 …) the text writes after the number, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counter: Option<Text>,
    pub qualifier: Qualifier,
    pub kind: Kind,
    /// The period or day the figure is for, e.g. "2023-H1" or "2023-06-30".
    pub period: Text,
    /// Digits the text wrote, without leading zeros ("293.7" has 4, "0.4" has 1): for the dataset's
    /// readers (the `indicators` JSON). The charts show them all by `decimals`.
    pub significant_digits: u8,
    /// Decimal places of `value` needed to show it exactly (1 for 3.8%, 0 for 293.7万).
    pub decimals: u8,
    /// The figure exactly as written, qualifier words included; for derived figures, as we write it.
    pub text: Text,
    /// Every place the texts give the figure; none for a derived one.
    pub sources: Cow<'static, [Provenance]>,
    #[serde(skip_serializing_if = "Option::is_none", flatten)]
    pub derivation: Option<Derivation>,
}

/// The source texts and the indicators read from them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dataset {
    pub sources: Cow<'static, [Source]>,
    pub indicators: Cow<'static, [Indicator]>,
}

impl Dataset {
    /// The indicator with this id, if any.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The source with this file name, if any.
    pub fn source(&self, file: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.file == file)
    }
}
