#![allow(dead_code)] // each test crate uses a different part
//! The source texts and catalogue, and the extractor over (possibly changed) copies of them, for
//! the native dataset tests.

use zhibiao::data::extract::{extract, ExtractError, SourceText};
use zhibiao::data::model::Dataset;

pub const CATALOGUE: &str = include_str!("../../data/catalogue.ini");
pub const CLS: &str = "000_fbae4528c08ed477.txt";
pub const QA: &str = "004_c299f12b6387bd31.txt";
pub const CLS_TEXT: &str = include_str!("../../data/sources/000_fbae4528c08ed477.txt");
pub const QA_TEXT: &str = include_str!("../../data/sources/004_c299f12b6387bd31.txt");

/// The dataset parsed from these two texts with the real catalogue.
pub fn extract_with(cls: &str, qa: &str) -> Result<Dataset, ExtractError> {
    extract("data/catalogue.ini", CATALOGUE, &[SourceText { file: CLS, text: cls }, SourceText { file: QA, text: qa }])
}

/// The text of a source file by name.
pub fn file_text(file: &str) -> &'static str {
    match file {
        CLS => CLS_TEXT,
        QA => QA_TEXT,
        other => panic!("unknown source file {other}"),
    }
}
