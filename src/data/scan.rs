//! Finds every figure a text states, with its byte offset, and tells figures from the numbers that
//! are not figures (dates, periods, years, list markers, names such as 5G, R18, IPv6, 6GHz).
//! Pure; never panics on any input.

use super::model::Unit;
use super::number::{chinese_numeral_value, digit_value, read_figure, Figure, NumberError, QUALIFIER_PREFIXES};

/// A figure found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Byte offset of `text`, qualifier words included.
    pub offset: usize,
    /// The figure as written ("超5万个").
    pub text: String,
    pub figure: Figure,
}

/// A number in the text that looks like a figure but cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScanError {
    pub offset: usize,
    pub error: NumberError,
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn is_numeral_char(c: char) -> bool {
    "零一二两三四五六七八九十百千万亿".contains(c)
}

/// Length in bytes of the run of digits and decimal points at the start of `s`.
fn digit_run_len(s: &str) -> usize {
    s.char_indices()
        .find(|&(_, c)| digit_value(c).is_none() && c != '.' && c != '．')
        .map_or(s.len(), |(i, _)| i)
}

/// Why the number at `start` (a digit run of `len` bytes) is not a figure, if it is not one.
fn not_a_figure(text: &str, start: usize, len: usize) -> Option<&'static str> {
    let before = prev_char(text, start);
    let after = &text[start + len..];
    let next = after.chars().next();
    let n_digits = text[start..start + len].chars().filter(|&c| digit_value(c).is_some()).count();
    if before.is_some_and(|c| c.is_ascii_alphanumeric()) {
        return Some("part of a name (R18, IPv6)");
    }
    if next.is_some_and(|c| c.is_ascii_alphabetic()) && !after.starts_with("KA") {
        return Some("part of a name (5G, 10G PON, 6GHz)");
    }
    if before == Some('_') && next == Some('_') {
        return Some("a list marker");
    }
    if matches!(next, Some('月' | '日')) || after.starts_with("个月") {
        return Some("a date or period");
    }
    if next.is_some_and(|c| matches!(c, '—' | '–' | '-' | '~'))
        && after.chars().nth(1).and_then(digit_value).is_some()
    {
        return Some("the start of a period (1—5月)");
    }
    if next == Some('年') && n_digits == 4 {
        return Some("a year");
    }
    None
}

/// The qualifier words written just before `start`, as (offset, qualifier), if any.
fn prefix_before(text: &str, start: usize) -> Option<(usize, super::model::Qualifier)> {
    QUALIFIER_PREFIXES
        .iter()
        .find(|(word, _)| text[..start].ends_with(word))
        .map(|(word, q)| (start - word.len(), *q))
}

/// Every figure in `text`, in order. Fails on a number that looks like a figure but is malformed.
pub fn scan(text: &str) -> Result<Vec<Found>, ScanError> {
    let mut found: Vec<Found> = Vec::new();
    let mut pos = 0;
    while let Some(c) = text[pos..].chars().next() {
        let is_digit = digit_value(c).is_some();
        let is_cn = chinese_numeral_value(c).is_some()
            && !prev_char(text, pos).is_some_and(is_numeral_char);
        if !is_digit && !is_cn {
            pos += c.len_utf8();
            continue;
        }
        if is_digit {
            let run = digit_run_len(&text[pos..]);
            if not_a_figure(text, pos, run).is_some() {
                pos += run.max(1);
                continue;
            }
        }
        let read = read_figure(&text[pos..]);
        let (mut figure, len) = match read {
            Ok(ok) => ok,
            Err(error) if is_digit => return Err(ScanError { offset: pos, error }),
            Err(_) => {
                pos += c.len_utf8();
                continue;
            }
        };
        // 十 百 千 alone count only as 十个, 百余条: a measure word, and not a class name (千万吨级).
        let after = &text[pos + len..];
        if is_cn && (figure.counter.is_none() || after.starts_with('级')) {
            pos += c.len_utf8();
            continue;
        }
        let mut offset = pos;
        if let Some((start, q)) = prefix_before(text, pos) {
            offset = start;
            figure.qualifier = q;
        }
        // "加快0.4个和0.8个百分点": the first figure borrows the unit of the second.
        if let Some(prev) = found.last_mut() {
            let joined = text[..offset].ends_with(&format!("{}和", prev.text));
            if joined && prev.figure.counter == Some('个') && figure.unit == Unit::PercentagePoint {
                prev.figure.unit = Unit::PercentagePoint;
                prev.figure.counter = None;
            }
        }
        found.push(Found { offset, text: text[offset..pos + len].to_string(), figure });
        pos += len.max(c.len_utf8());
    }
    Ok(found)
}

/// 1-based line number of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// The sentence (or heading line) around `offset`, verbatim, as (start, end) byte offsets:
/// from after the previous 。！？ or line break to the next 。！？ inclusive or the line's end,
/// without the Markdown marks and spaces around a heading.
pub fn sentence_around(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let is_stop = |c: char| matches!(c, '。' | '！' | '？' | '!' | '?' | '\n');
    let start = text[..offset].char_indices().rev().find(|&(_, c)| is_stop(c)).map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[offset..]
        .char_indices()
        .find(|&(_, c)| is_stop(c))
        .map_or(text.len(), |(i, c)| if c == '\n' { offset + i } else { offset + i + c.len_utf8() });
    let is_mark = |c: char| matches!(c, '#' | '*' | ' ' | '\t' | '\r');
    let trimmed_start = text[start..end].char_indices().find(|&(_, c)| !is_mark(c)).map_or(end, |(i, _)| start + i);
    let trimmed_end = text[trimmed_start..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_mark(c))
        .map_or(trimmed_start, |(i, c)| trimmed_start + i + c.len_utf8());
    (trimmed_start, trimmed_end)
}
