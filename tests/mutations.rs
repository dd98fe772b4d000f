#![cfg(not(target_arch = "wasm32"))]
//! The extractor on mutated copies of the texts: every change is either parsed as the new value or
//! reported precisely (file, line, catalogue entry). Never a silent drop.

mod common;

use common::{extract_with as run, CLS, CLS_TEXT, QA_TEXT};
use zhibiao::data::extract::ExtractError;
use zhibiao::data::model::Unit;
use zhibiao::DATASET;

/// Replaces the byte range with `with`.
fn splice(text: &str, at: usize, len: usize, with: &str) -> String {
    format!("{}{with}{}", &text[..at], &text[at + len..])
}

#[test]
fn changing_a_digit_of_any_figure_is_parsed_or_reported_precisely() {
    let mut parsed = 0;
    let mut reported = 0;
    for ind in DATASET.indicators.iter() {
        for p in ind.sources.iter() {
            let original = if p.file == CLS { CLS_TEXT } else { QA_TEXT };
            let at = p.offset as usize;
            // The last ASCII digit of the figure, changed to another digit.
            let Some((digit_at, digit)) = ind.text.char_indices().filter(|(_, c)| c.is_ascii_digit()).next_back() else { continue };
            let new_digit = if digit == '9' { "1" } else { "9" };
            let mutated = splice(original, at + digit_at, 1, new_digit);
            let (cls, qa) = if p.file == CLS { (mutated.as_str(), QA_TEXT) } else { (CLS_TEXT, mutated.as_str()) };
            match run(cls, qa) {
                Ok(ds) => {
                    // The value the new digit makes, by the figure's numeral alone (read here with
                    // `str::parse`, not the extractor): its multiplier (万, 亿) stays.
                    let numeral = |text: &str| -> f64 {
                        let start = text.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
                        let len = text[start..].find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(text.len() - start);
                        text[start..start + len].parse().unwrap_or_else(|e| panic!("{}: {text}: {e}", ind.id))
                    };
                    let mutated_text = splice(&ind.text, digit_at, 1, new_digit);
                    let expected = ind.value * numeral(&mutated_text) / numeral(&ind.text);
                    let new = ds.indicator(&ind.id).map(|i| i.value);
                    assert!(
                        new.is_some_and(|v| (v - expected).abs() <= expected.abs() * 1e-9),
                        "{}: {} made {mutated_text}: parsed {new:?}, wants {expected}",
                        ind.id,
                        ind.text
                    );
                    parsed += 1;
                }
                Err(ExtractError::Disagree { at, first, second }) => {
                    assert_eq!(at.entry, ind.id.as_ref());
                    // One side is the changed place, by file and line; the other is another place.
                    let here = format!(" at {}:{}", p.file, original[..p.offset as usize].matches('\n').count() + 1);
                    assert!(first.ends_with(&here) != second.ends_with(&here), "{}: {first} / {second}, wants one{here}", ind.id);
                    reported += 1;
                }
                Err(e) => panic!("{}: unexpected {e}", ind.id),
            }
        }
    }
    assert!(parsed > 30 && reported > 20, "parsed {parsed}, reported {reported}");
}

#[test]
fn removing_each_sentence_that_holds_a_figure_is_reported_with_its_entry() {
    let mut checked = 0;
    for ind in DATASET.indicators.iter().filter(|i| !i.sources.is_empty()) {
        let p = &ind.sources[0];
        let original = if p.file == CLS { CLS_TEXT } else { QA_TEXT };
        // The sentence around the figure's own place (the same sentence may stand elsewhere too).
        let at = p.offset as usize;
        let quote_at = original
            .match_indices(p.quote.as_ref())
            .map(|(i, _)| i)
            .find(|&i| i <= at && at < i + p.quote.len())
            .unwrap_or_else(|| panic!("{}: no quote {:?} around {}:{at}", ind.id, p.quote, p.file));
        checked += 1;
        let mutated = splice(original, quote_at, p.quote.len(), "");
        let (cls, qa) = if p.file == CLS { (mutated.as_str(), QA_TEXT) } else { (CLS_TEXT, mutated.as_str()) };
        // The entries that read a figure in the removed sentence: the one named must be one of them.
        let reads_the_sentence = |entry: &str| {
            entry.starts_with("[ignored]")
                || DATASET.indicators.iter().any(|i| i.id == entry && i.sources.iter().any(|q| q.file == p.file && q.quote == p.quote))
        };
        match &run(cls, qa) {
            // Reported with the catalogue's place and the text's file. A Disagree: the entry's
            // anchor now finds another sentence, whose figure differs from the other text's.
            Err(
                e @ (ExtractError::AnchorNotFound { at, .. } | ExtractError::NoFigureAfterAnchor { at, .. } | ExtractError::Disagree { at, .. }),
            ) => {
                let message = e.to_string();
                assert!(message.starts_with("data/catalogue.ini:") && message.contains(&*p.file), "{message}");
                assert!(reads_the_sentence(&at.entry), "{}: {message}", ind.id);
            }
            // The figure is stated elsewhere too: the same value, one place fewer.
            Ok(ds) => {
                let now = ds.indicator(&ind.id).unwrap_or_else(|| panic!("{} vanished", ind.id));
                assert_eq!(now.value, ind.value);
                assert_eq!(now.sources.len(), ind.sources.len() - 1, "{}", ind.id);
            }
            Err(other) => panic!("{}: removing {:?} gave {other}", ind.id, p.quote),
        }
    }
    // Every figure stated in the texts (70 of the 72 indicators; two are derived).
    assert!(checked >= 70, "checked {checked}");
}

#[test]
fn a_swapped_unit_is_parsed_as_the_new_unit() {
    let ds = run(CLS_TEXT, &QA_TEXT.replace("单站能耗较商用初期下降20%以上", "单站能耗较商用初期下降20个百分点以上")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ds.indicator("bs_5g_energy_reduction").map(|i| i.unit), Some(Unit::PercentagePoint));
    // A share (`measure = share`) in anything but percent is reported, naming its catalogue entry.
    let err = run(CLS_TEXT, &QA_TEXT.replace("5G流量占比达42.9%", "5G流量占比达42.9个百分点")).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("[traffic_share_5g]: measure = share, but the figure is in PercentagePoint"), "{err}");
    let ds = run(CLS_TEXT, &QA_TEXT.replace("11.5万吨", "11.5万个")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ds.indicator("batteries_recycled").map(|i| (i.unit, i.counter.as_deref())), Some((Unit::Count, Some("个"))));
    // A unit swapped in only one of two texts that state a figure is a disagreement.
    let err = run(&CLS_TEXT.replace("6.76亿户", "6.76亿个"), QA_TEXT).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("[users_5g_mobile]") && err.contains("6.76亿个"), "{err}");
}
