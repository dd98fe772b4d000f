#![cfg(not(target_arch = "wasm32"))]
//! Bounded fuzzing of everything that reads strings from outside: the number parser, the scanner,
//! the catalogue parser, the extractor, and the attribute parsers of the element (`chart`, `lang`).
//! The corpus in tests/fuzz/corpus/ is replayed first; then proptest builds random inputs from it
//! (a bounded number of cases, so the run fits in the test command).

use proptest::prelude::*;
use zhibiao::chart::{ChartId, Lang};
use zhibiao::data::catalogue::parse_catalogue;
use zhibiao::data::extract::{extract, SourceText};
use zhibiao::data::number::parse_figure;
use zhibiao::data::scan::scan;

/// Everything that takes an outside string, none of which may panic.
fn exercise(input: &str) {
    let _ = parse_figure(input);
    if let Ok(found) = scan(input) {
        for f in found {
            assert_eq!(input.get(f.offset..f.offset + f.text.len()), Some(f.text.as_str()));
        }
    }
    let _ = parse_catalogue(input);
    let _ = ChartId::parse(Some(input)).map_err(|e| e.message(None, Lang::Zh));
    let _ = Lang::parse(input).map_err(|e| e.message(None, Lang::En));
    let _ = extract("fuzz.ini", input, &[SourceText { file: "a.txt", text: input }]);
}

fn corpus() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/corpus");
    let mut inputs: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir:?}: {e}"))
        .flatten()
        .map(|entry| String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap_or_default()).into_owned())
        .collect();
    inputs.sort();
    inputs
}

#[test]
fn the_corpus_replays_without_a_panic() {
    let inputs = corpus();
    assert!(inputs.len() >= 15, "the corpus is kept in the repo");
    for input in &inputs {
        exercise(input);
    }
}

/// Pieces to splice: the corpus, lines of a source text, and lines of the catalogue.
fn pieces() -> Vec<String> {
    let texts = [include_str!("../data/sources/000_fbae4528c08ed477.txt"), include_str!("../data/catalogue.ini")];
    let mut pieces = corpus();
    for text in texts {
        pieces.extend(text.lines().take(80).map(String::from));
    }
    pieces
}

/// Cuts `piece` at its `at`-th character boundary (modulo its length), keeping the head or the tail.
fn cut(piece: &str, at: usize, head: bool) -> &str {
    let boundaries: Vec<usize> = piece.char_indices().map(|(i, _)| i).chain([piece.len()]).collect();
    let i = boundaries[at % boundaries.len()];
    if head {
        &piece[..i]
    } else {
        &piece[i..]
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Random splices of the corpus and the texts, with arbitrary characters between.
    #[test]
    fn random_splices_never_panic(parts in proptest::collection::vec((any::<usize>(), any::<usize>(), any::<bool>(), any::<char>()), 1..5)) {
        let pieces = pieces();
        let mut input = String::new();
        for (which, at, head, extra) in parts {
            input.push_str(cut(&pieces[which % pieces.len()], at, head));
            input.push(extra);
        }
        exercise(&input);
    }

    /// Arbitrary strings, too.
    #[test]
    fn arbitrary_strings_never_panic(input in any::<String>()) {
        exercise(&input);
    }
}
