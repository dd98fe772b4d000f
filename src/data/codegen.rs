//! Writes a dataset as Rust source, so that build.rs can compile the parsed dataset into the
//! crate without shipping the parser. Pure.

use std::fmt::Write;

use super::model::{Dataset, Indicator, Provenance, Text};

fn text(s: &Text) -> String {
    format!("Cow::Borrowed({:?})", s.as_ref())
}

fn provenance(p: &Provenance) -> String {
    format!("Provenance {{ file: {}, offset: {}, quote: {}, offset_in_quote: {} }}", text(&p.file), p.offset, text(&p.quote), p.offset_in_quote)
}

fn indicator(i: &Indicator) -> String {
    let counter = i.counter.as_ref().map_or("None".to_string(), |c| format!("Some({})", text(c)));
    let sources: Vec<String> = i.sources.iter().map(provenance).collect();
    let derivation = i.derivation.as_ref().map_or("None".to_string(), |d| {
        let inputs: Vec<String> = d.inputs.iter().map(text).collect();
        format!(
            "Some(Derivation {{ formula: {}, inputs: Cow::Borrowed(&[{}]) }})",
            text(&d.formula),
            inputs.join(", ")
        )
    });
    format!(
        "Indicator {{ id: {}, topic: {}, label: Label {{ zh: {}, en: {} }}, value: {:?}, unit: Unit::{:?}, \
         measure: Measure::{:?}, counter: {counter}, qualifier: Qualifier::{:?}, kind: Kind::{:?}, period: {}, significant_digits: {}, \
         decimals: {}, text: {}, sources: Cow::Borrowed(&[{}]), derivation: {derivation} }}",
        text(&i.id),
        text(&i.topic),
        text(&i.label.zh),
        text(&i.label.en),
        i.value,
        i.unit,
        i.measure,
        i.qualifier,
        i.kind,
        text(&i.period),
        i.significant_digits,
        i.decimals,
        text(&i.text),
        sources.join(", "),
    )
}

/// Rust source defining `pub static DATASET: Dataset`, for a module that imports `std::borrow::Cow`
/// and the model types.
pub fn dataset_to_rust(dataset: &Dataset) -> String {
    let mut out = String::from("pub static DATASET: Dataset = Dataset {\n    sources: Cow::Borrowed(&[\n");
    for s in dataset.sources.iter() {
        let _ = writeln!(
            out,
            "        Source {{ file: {}, title: {}, publisher: {}, publisher_en: {}, date: {} }},",
            text(&s.file),
            text(&s.title),
            text(&s.publisher),
            text(&s.publisher_en),
            text(&s.date)
        );
    }
    out.push_str("    ]),\n    indicators: Cow::Borrowed(&[\n");
    for i in dataset.indicators.iter() {
        let _ = writeln!(out, "        {},", indicator(i));
    }
    out.push_str("    ]),\n};\n");
    out
}
