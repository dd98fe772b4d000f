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
    // An offset inside a character counts as that character's start.
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::Qualifier;

    fn texts(text: &str) -> Vec<String> {
        // An error fails the test: an empty list must mean "no figures", not "could not scan".
        scan(text).unwrap_or_else(|e| panic!("{text}: {e:?}")).into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn dates_periods_years_and_names_are_not_figures() {
        let line = "财联社7月19日讯，2023年1—5月，前6个月，截至6月底，5G和6G、5G/6G、10G PON、R18、IPv6、6GHz，_1_ 工信部";
        assert_eq!(texts(line), Vec::<String>::new());
    }

    #[test]
    fn figures_keep_their_qualifier_words() {
        let line = "累计装机量突破了430万套,共建成员单位超980家,已建成1万余个网点,采用400KA以上的电解槽,建设百余条干线光缆";
        assert_eq!(texts(line), ["突破了430万套", "超980家", "1万余个", "400KA以上", "百余条"]);
    }

    #[test]
    fn a_percentage_point_pair_shares_its_unit() {
        let found = scan("增速分别较去年上半年加快0.4个和0.8个百分点。").unwrap_or_default();
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|f| f.figure.unit == Unit::PercentagePoint && f.figure.counter.is_none()));
        assert_eq!(found[0].text, "0.4个");
    }

    #[test]
    fn chinese_numerals_count_only_with_a_measure_word() {
        assert_eq!(texts("十个重点行业、千万吨级炼油、百万吨级乙烯、千方百计、双千兆、十四五、二十大、百项"), ["十个", "百项"]);
        let found = scan("百余条").unwrap_or_default();
        assert_eq!(found[0].figure.qualifier, Qualifier::MoreThan);
    }

    #[test]
    fn a_malformed_number_is_reported_with_its_offset() {
        let err = scan("增长3..8%").err();
        assert_eq!(err.map(|e| e.offset), Some("增长".len()));
    }

    #[test]
    fn sentences_are_cut_at_full_stops_and_heading_marks() {
        let text = "第一句。**工信部：基站293.7万个**\n赵志国:上半年增长3.8%,很好。下一句";
        let at = text.find("293").unwrap_or(0);
        let (s, e) = sentence_around(text, at);
        assert_eq!(&text[s..e], "工信部：基站293.7万个");
        let at = text.find("3.8").unwrap_or(0);
        let (s, e) = sentence_around(text, at);
        assert_eq!(&text[s..e], "赵志国:上半年增长3.8%,很好。");
        assert_eq!(line_of(text, at), 2);
    }

    /// A small deterministic generator, so the property test needs no dependency and replays exactly.
    struct XorShift(u64);
    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    #[test]
    fn never_panics_and_offsets_point_at_the_text_on_any_input() {
        let alphabet: Vec<char> = "0123456789０１２３４５６７８９..．%％万亿余个家户款吨元年月日—-_KAG超过了近不少于以上左右十百千级和，。\n a🦀"
            .chars()
            .collect();
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let len = (rng.next() % 16) as usize;
            let s: String = (0..len)
                .map(|_| {
                    let r = rng.next();
                    if r % 10 == 0 {
                        char::from_u32((r >> 8) as u32 % 0x3_0000).unwrap_or('?')
                    } else {
                        alphabet[(r >> 8) as usize % alphabet.len()]
                    }
                })
                .collect();
            let _ = crate::data::number::parse_figure(&s);
            let _ = crate::data::number::read_figure(&s);
            if let Ok(found) = scan(&s) {
                for f in found {
                    assert_eq!(s.get(f.offset..f.offset + f.text.len()), Some(f.text.as_str()), "{s:?}");
                }
            }
            // Every offset, also inside a character or past the end.
            for offset in 0..=s.len() + 2 {
                let (a, b) = sentence_around(&s, offset);
                assert!(a <= b && s.get(a..b).is_some(), "{s:?} {offset}");
            }
        }
    }
}
