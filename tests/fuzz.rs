#![cfg(not(target_arch = "wasm32"))]
//! Bounded fuzzing of everything that reads strings from outside: the number parser, the scanner,
//! the catalogue parser, the extractor, and the attribute parsers of the element (`chart`, `lang`).
//! The corpus in tests/fuzz/corpus/ is replayed first; then random inputs built from it.

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
    let _ = ChartId::parse(input).map_err(|e| e.message(Lang::Zh));
    let _ = Lang::parse(input).map_err(|e| e.message(Lang::En));
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

#[test]
fn random_splices_of_the_corpus_and_the_texts_never_panic() {
    let texts = [include_str!("../data/sources/000_fbae4528c08ed477.txt"), include_str!("../data/catalogue.ini")];
    let mut pieces: Vec<String> = corpus();
    for text in texts {
        pieces.extend(text.lines().take(80).map(String::from));
    }
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3_000 {
        let mut input = String::new();
        for _ in 0..(next() % 4 + 1) {
            let piece = &pieces[(next() % pieces.len() as u64) as usize];
            // Cut each piece at a random character boundary.
            let cut = piece.char_indices().map(|(i, _)| i).nth((next() % (piece.chars().count() as u64 + 1)) as usize).unwrap_or(piece.len());
            input.push_str(if next() % 2 == 0 { &piece[..cut] } else { &piece[cut..] });
            if next() % 3 == 0 {
                input.push(char::from_u32((next() % 0x2_FFFF) as u32).unwrap_or('?'));
            }
        }
        exercise(&input);
    }
}
