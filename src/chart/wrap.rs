//! Fitting text into a width: wrapping (at any CJK character, at spaces in Latin text) and
//! shortening with an ellipsis. Pure.

use super::geom::{Font, TextMeasure};

/// A mark that never begins a line in Chinese text (W3C clreq, GB/T 15834): a closing bracket or
/// quote, or punctuation after a word.
fn closes(c: char) -> bool {
    matches!(c, '，' | '。' | '、' | '）' | '：' | '；' | '！' | '？' | '”' | '》')
}

/// A mark that never ends a line: an opening bracket or quote.
fn opens(c: char) -> bool {
    matches!(c, '（' | '“' | '《')
}

/// The last character of `line`, where it may go down to the next line: a CJK character, not a
/// closing mark, nor one after an opening mark or a digit (not the 年 of 2023年).
fn movable(line: &str) -> Option<char> {
    let mut chars = line.chars();
    let (moved, before) = (chars.next_back()?, chars.next_back()?);
    (!moved.is_ascii() && !closes(moved) && !opens(before) && !before.is_ascii_digit()).then_some(moved)
}

/// Breakable pieces: each CJK character alone (a closing mark with the piece before it, an
/// opening one with the piece after it), Latin words with their trailing space; a number
/// keeps the CJK character after it (2023年, 19日, 7月: a date never splits before its 日), a
/// date is one piece (2023年7月19日, 2023年1—5月: no break after 年, 月 or — before a digit, as a
/// no-break space breaks nothing in 19 July 2023); a whole number in English keeps the word
/// after it (8 years).
/// (`str::get`, not indexing: the indices are char boundaries, and the wasm then ships no
/// slicing panic and the Debug formatting it pulls in.)
fn pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = i + c.len_utf8();
        let after = chars.peek().map(|&(_, n)| n);
        let glued = c == '\u{a0}'
            || after == Some('\u{a0}')
            || (matches!(c, '年' | '月' | '—') && after.is_some_and(|n| n.is_ascii_digit()))
            || after.is_some_and(closes)
            || opens(c)
            // A whole number keeps the word after it: for 8 years, not for 8 / years.
            || (c == ' ' && after.is_some_and(|n| n.is_ascii_alphabetic()) && text.get(start..i).is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())));
        let before_cjk = !c.is_ascii_digit() && after.is_some_and(|n| !n.is_ascii());
        if !glued && (!c.is_ascii() || c == ' ' || before_cjk) {
            if let Some(piece) = text.get(start..next) {
                out.push(piece);
            }
            start = next;
        }
    }
    if let Some(rest) = text.get(start..).filter(|rest| !rest.is_empty()) {
        out.push(rest);
    }
    out
}

/// `text` shortened with "…" until it fits `max_width_css_px`; unchanged if it fits.
pub fn truncate(text: &str, max_width_css_px: f64, font: Font, measure: &dyn TextMeasure) -> String {
    if measure.width_css_px(text, font) <= max_width_css_px {
        return text.to_string();
    }
    // Each shorter prefix in turn, ending where a character starts.
    for (end, _) in text.char_indices().rev() {
        let mut candidate = text.get(..end).unwrap_or_default().trim_end().to_string();
        candidate.push('…');
        if measure.width_css_px(&candidate, font) <= max_width_css_px {
            return candidate;
        }
    }
    String::new()
}

/// Lines of at most `max_width_css_px`, at most `max_lines` (the last shortened with "…").
pub fn wrap(text: &str, max_width_css_px: f64, font: Font, measure: &dyn TextMeasure, max_lines: usize) -> Vec<String> {
    // Most text fits on one line: one measurement, not one per piece. (Each is a `measureText`
    // call, which shapes the text; the title and source line of a chart have ~20 pieces.)
    let whole = text.trim_end();
    if !whole.trim_start().is_empty() && measure.width_css_px(whole, font) <= max_width_css_px {
        return vec![whole.to_string()];
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces(text) {
        let candidate = format!("{line}{piece}");
        if line.is_empty() || measure.width_css_px(candidate.trim_end(), font) <= max_width_css_px {
            line = candidate;
        } else {
            lines.push(line.trim_end().to_string());
            line = piece.trim_start().to_string();
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    // An aside in full-width brackets split over the last two lines, 新能源汽车产销同比增长（2023年
    // 上半 / 年）, goes onto the last line whole where it fits there: …增长 / （2023年上半年）. Not
    // where the lines are shortened below, nor where it would leave one character alone.
    // Likewise what follows a full-width colon outside brackets, …增加值增速：与前期 / 比较
    // (…增速： / 与前期比较), where what stays on the line before is at least as long as what
    // moves, in UTF-8 bytes (not 来源： alone).
    let shown = lines.len() <= max_lines.max(1);
    if let ([rest @ .., prev, last], true) = (lines.as_mut_slice(), shown) {
        // Where a bracket opens on the line before and is left open there; it closes
        // on the last line, as the texts' brackets are paired. Else where its last colon outside
        // brackets ends.
        let (mut open, mut colon) = (None, 0);
        for (i, c) in prev.char_indices() {
            match c {
                '（' => open = Some(i),
                '）' => open = None,
                '：' if open.is_none() => colon = i + c.len_utf8(),
                _ => {}
            }
        }
        let open = open.unwrap_or(if colon * 2 >= prev.len() { colon } else { 0 });
        // One CJK character before the aside, 国民经济大 / 类（2023年7月19日 / 发布）, would stay
        // alone on its line: it takes the one before it along from the line before, as on the
        // last line below (国民经济 / 大类 / （2023年7月19日发布）).
        let before = rest.last_mut();
        let head = prev.get(..open).unwrap_or_default();
        let mut chars = head.chars();
        let (first, second) = (chars.next(), chars.next());
        let borrowed = match (first, second, before.as_deref()) {
            (Some(alone), None, Some(line)) if !alone.is_ascii() => movable(line),
            _ => None,
        };
        if let (true, Some(aside)) = (second.is_some() || borrowed.is_some(), prev.get(open..)) {
            let mut joined = aside.to_string();
            // The lines broke at a space where both sides are ASCII (5G and / IoT): keep it.
            if aside.as_bytes().last().is_some_and(u8::is_ascii) && last.as_bytes().first().is_some_and(u8::is_ascii) {
                joined.push(' ');
            }
            joined.push_str(last);
            if measure.width_css_px(&joined, font) <= max_width_css_px {
                let mut kept = String::new();
                if let (Some(moved), Some(line)) = (borrowed, before) {
                    line.pop();
                    kept.push(moved);
                }
                kept.push_str(head);
                (*prev, *last) = (kept, joined);
            }
        }
    }
    // A CJK character alone on the last line (with the marks that close it), 国民经济大 / 类,
    // 全球第 / 一。, takes the one before it along (not the 年 of 2023年).
    if let [.., prev, last] = lines.as_mut_slice() {
        let mut alone = !last.is_ascii();
        for (i, c) in last.char_indices() {
            alone &= i == 0 || closes(c);
        }
        if let (true, Some(moved)) = (alone, movable(prev)) {
            let mut joined = String::from(moved);
            joined.push_str(last);
            if measure.width_css_px(&joined, font) <= max_width_css_px {
                prev.pop();
                *last = joined;
            }
        }
    }
    // Likewise a short word alone on the last line, cloud, / IoT), takes the word before it along,
    // where the line before keeps two words or more (not a long one: 10G PON ports /
    // (gigabit-capable) reads better than 10G PON / ports (gigabit-capable)).
    if let [.., prev, last] = lines.as_mut_slice() {
        // (Bytes, not `str::contains`, which would ship `char`'s Debug and its Unicode tables.)
        // ASCII and no-break spaces only (a date, 19 July 2023): between two such words the
        // line broke at a space, and no CJK run is moved.
        let spaced = |s: &str| s.bytes().any(|b| b == b' ');
        let latin = |s: &str| s.bytes().all(|b| b < 0x80 || b == 0xc2 || b == 0xa0);
        // The word is the line's last piece, so what `pieces` keeps together moves together
        // (market for / 8 years running.).
        let word = pieces(prev).last().copied().unwrap_or_default();
        // (Before it, the space it follows.)
        let split = prev.get(..prev.len().saturating_sub(word.len() + 1)).map(|head| (head, word));
        if let Some((head, word)) = split.filter(|(head, word)| latin(last) && latin(word) && !spaced(last) && spaced(head)) {
            let joined = format!("{word} {last}");
            if measure.width_css_px(last, font) < max_width_css_px / 3.0 && measure.width_css_px(&joined, font) <= max_width_css_px {
                (*prev, *last) = (head.to_string(), joined);
            }
        }
    }
    if lines.len() > max_lines.max(1) {
        let kept = max_lines.max(1) - 1;
        let mut rest = String::new();
        for (i, line) in lines.iter().enumerate().skip(kept) {
            if i > kept {
                rest.push(' ');
            }
            rest.push_str(line);
        }
        lines.truncate(kept);
        lines.push(truncate(&rest, max_width_css_px, font, measure));
    }
    let mut fitted = Vec::new();
    for line in lines {
        fitted.push(truncate(&line, max_width_css_px, font, measure));
    }
    fitted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::geom::EstimateMeasure;

    const FONT: Font = Font { size_css_px: 10.0, bold: false };

    #[test]
    fn wraps_chinese_anywhere_and_english_at_spaces() {
        assert_eq!(wrap("新能源汽车产量增速", 50.0, FONT, &EstimateMeasure, 3), ["新能源汽车", "产量增速"]);
        assert_eq!(wrap("NEV production growth", 70.0, FONT, &EstimateMeasure, 3), ["NEV", "production", "growth"]);
        assert_eq!(wrap("NEV production growth", 120.0, FONT, &EstimateMeasure, 3), ["NEV production", "growth"]);
    }

    /// [`EstimateMeasure`], counting its calls.
    struct Counting(std::cell::Cell<usize>);

    impl TextMeasure for Counting {
        fn width_css_px(&self, text: &str, font: Font) -> f64 {
            self.0.set(self.0.get() + 1);
            EstimateMeasure.width_css_px(text, font)
        }
    }

    #[test]
    fn text_that_fits_is_measured_once() {
        let counting = Counting(std::cell::Cell::new(0));
        assert_eq!(wrap("来源：工业和信息化部 / 国新办新闻发布会 ", 1000.0, FONT, &counting, 2), ["来源：工业和信息化部 / 国新办新闻发布会"]);
        assert_eq!(counting.0.get(), 1);
        assert_eq!(wrap("  ", 1000.0, FONT, &counting, 2), Vec::<String>::new());
        // Text that does not fit is still wrapped piece by piece.
        assert_eq!(wrap("新能源汽车产量增速", 50.0, FONT, &counting, 3), ["新能源汽车", "产量增速"]);
        assert!(counting.0.get() > 2);
    }

    #[test]
    fn pieces_are_cjk_characters_and_latin_words() {
        assert_eq!(pieces("5G基站 up 11.5%，ok"), ["5G", "基", "站", " ", "up ", "11.5%，", "ok"]);
        assert_eq!(pieces("截至2023年7月19日"), ["截", "至", "2023年7月19日"]);
        assert_eq!(pieces("2023年上半年"), ["2023年", "上", "半", "年"]);
        assert_eq!(pieces("2023年1—5月"), ["2023年1—5月"]);
        assert_eq!(pieces("conference, 19\u{a0}July\u{a0}2023"), ["conference, ", "19\u{a0}July\u{a0}2023"]);
        assert_eq!(pieces("六\u{a0}月底"), ["六\u{a0}月", "底"]);
        assert_eq!(pieces(""), Vec::<&str>::new());
    }

    #[test]
    fn no_chinese_character_is_left_alone_on_the_last_line() {
        assert_eq!(wrap("一二三四五六", 50.0, FONT, &EstimateMeasure, 3), ["一二三四", "五六"]);
        // Nor with the marks that close it: 全球第 / 一。 was a reader's.
        assert_eq!(wrap("一二三四五。", 50.0, FONT, &EstimateMeasure, 3), ["一二三", "四五。"]);
        assert_eq!(wrap("一二三四五）。", 50.0, FONT, &EstimateMeasure, 3), ["一二三", "四五）。"]);
        let note = "新能源汽车产销量连续8年保持全球第一。";
        for width in (60..200).map(f64::from) {
            if let [.., last] = wrap(note, width, FONT, &EstimateMeasure, 9).as_slice() {
                assert!(last.chars().count() > 2, "{width}: {last:?}");
            }
        }
        // Not at the price of a line that starts with a comma, or of a number split from its 年.
        assert_eq!(wrap("一二三四，五", 50.0, FONT, &EstimateMeasure, 3), ["一二三四，", "五"]);
        assert_eq!(wrap("一二2023年六", 60.0, FONT, &EstimateMeasure, 3), ["一二2023年", "六"]);
    }

    #[test]
    fn a_date_stays_on_one_line() {
        // 10 px a character, 5 px a digit: "2023年7月19日" is 70 px.
        let source = "来源：国新办新闻发布会（工业和信息化部），2023年7月19日";
        for width in (80..300).map(f64::from) {
            let lines = wrap(source, width, FONT, &EstimateMeasure, 9);
            assert!(lines.iter().any(|l| l.ends_with("2023年7月19日")), "{width}: {lines:?}");
        }
    }

    /// `text` wrapped at every width from 60 to 400 px: `check(width, prev, last)` of its last two
    /// lines where it has two or more; returns at how many widths the last line is `moved` whole.
    fn last_two_lines(text: &str, moved: &str, mut check: impl FnMut(f64, &str, &str)) -> usize {
        let mut whole = 0;
        for width in (60..400).map(f64::from) {
            if let [.., prev, last] = wrap(text, width, FONT, &EstimateMeasure, 9).as_slice() {
                check(width, prev, last);
                whole += usize::from(last == moved);
            }
        }
        whole
    }

    #[test]
    fn an_aside_in_brackets_is_not_split_over_the_last_two_lines() {
        let title = "新能源汽车产销同比增长（2023年上半年）";
        let moved = last_two_lines(title, "（2023年上半年）", |width, prev, last| {
            let split = prev.chars().any(|c| c == '（') && !last.starts_with('（');
            // Unless the aside is longer than a line.
            assert!(!split || EstimateMeasure.width_css_px("（2023年上半年）", FONT) > width, "{width}: {prev:?} / {last:?}");
        });
        assert!(moved > 20, "moved at {moved} widths");
        // Not an aside that closed on the line before.
        assert_eq!(wrap("甲乙（丙）丁戊己", 60.0, FONT, &EstimateMeasure, 3), ["甲乙（丙）丁", "戊己"]);
        // Not where it would leave one character alone on the line before, 甲 / （目标）; where
        // there is a line before that, the character takes the one before it along.
        assert_eq!(wrap("甲（目标）", 40.0, FONT, &EstimateMeasure, 9), ["甲（目", "标）"]);
        assert_eq!(wrap("甲甲甲甲甲（目标）", 40.0, FONT, &EstimateMeasure, 9), ["甲甲甲", "甲甲", "（目标）"]);
        // Not a digit's (2023年).
        assert_eq!(wrap("甲甲2年乙（目标）", 40.0, FONT, &EstimateMeasure, 9), ["甲甲2年", "乙（目", "标）"]);
        // The 5G tile's label between 350 and 358 px (whose aside, in brackets, fits a line).
        for width in (100..400).map(f64::from) {
            let lines = wrap("5G应用融入的国民经济大类（2023年7月19日发布）", width, FONT, &EstimateMeasure, 9);
            let aside = "（2023年7月19日发布）";
            if EstimateMeasure.width_css_px(aside, FONT) <= width {
                assert!(lines.iter().any(|l| l.ends_with(aside)), "{width}: {lines:?}");
                assert!(lines.iter().all(|l| l.chars().nth(1).is_some()), "{width}: {lines:?}");
            }
        }
        // Not where the lines are more than may be shown: the last one shown keeps what fits.
        assert_eq!(wrap(title, 90.0, FONT, &EstimateMeasure, 2), ["新能源汽车产销同比", "增长（2023年上…"]);
    }

    #[test]
    fn a_number_keeps_the_word_after_it() {
        let note = "China has been the world's largest NEV producer and market for 8 years running.";
        for width in (60..500).map(f64::from) {
            let lines = wrap(note, width, FONT, &EstimateMeasure, 9);
            assert!(lines.iter().all(|l| !l.ends_with(" 8") && l != "8"), "{width}: {lines:?}");
        }
        assert_eq!(pieces("for 8 years, 10G PON"), ["for ", "8 years, ", "10G ", "PON"]);
    }

    #[test]
    fn what_follows_a_colon_is_not_split_over_the_last_two_lines() {
        let title = "规模以上工业增加值增速：与前期比较";
        let moved = last_two_lines(title, "与前期比较", |width, prev, last| {
            let split = prev.chars().any(|c| c == '：') && !prev.ends_with('：');
            // Unless it is longer than a line, or the colon ends less than half the line's text in.
            let head = prev.split('：').next().unwrap_or_default().chars().count() + 1;
            assert!(!split || EstimateMeasure.width_css_px("与前期比较", FONT) > width || head * 2 < prev.chars().count(), "{width}: {prev:?} / {last:?}");
        });
        assert!(moved > 10, "moved at {moved} widths");
        assert_eq!(wrap(title, 150.0, FONT, &EstimateMeasure, 2), ["规模以上工业增加值增速：", "与前期比较"]);
        // Not where it would leave the colon's words alone: 来源： / 国新办…
        assert_eq!(wrap("来源：国新办新闻发布会", 100.0, FONT, &EstimateMeasure, 2), ["来源：国新办新闻发", "布会"]);
        // Not a colon inside brackets, whose aside would be split.
        assert_eq!(wrap("甲乙丙丁（注：戊己）庚辛壬", 100.0, FONT, &EstimateMeasure, 2), ["甲乙丙丁（注：戊己）", "庚辛壬"]);
        // A space the lines broke at stays between the words it parted.
        assert_eq!(wrap("规模以上工业增加值增速：5G and IoT", 80.0, FONT, &EstimateMeasure, 3), ["规模以上工业增加", "值增速：", "5G and IoT"]);
    }

    /// The last line has two words or more, or it is no short one, or the line before has two at
    /// most, or the last word of the line before would not fit beside it.
    fn spaced_or_two_words(prev: &str, last: &str, width: f64) -> bool {
        let moved = prev.rsplit(' ').next().map(|w| format!("{w} {last}")).unwrap_or_default();
        last.contains(' ')
            || EstimateMeasure.width_css_px(last, FONT) >= width / 3.0
            || prev.matches(' ').count() <= 1
            || EstimateMeasure.width_css_px(&moved, FONT) > width
    }

    #[test]
    fn no_english_word_is_left_alone_on_the_last_line() {
        let label = "Emerging-business revenue growth (data centres, big data, cloud, IoT)";
        let mut wrapped = 0;
        for width in (60..400).map(f64::from) {
            let lines = wrap(label, width, FONT, &EstimateMeasure, 3);
            if let [.., prev, last] = lines.as_slice() {
                wrapped += 1;
                // Unless the line before has two words only (moving one would leave one alone).
                assert!(spaced_or_two_words(prev, last, width), "{width}: {lines:?}");
            }
        }
        assert!(wrapped > 100, "wrapped at {wrapped} widths");
        // A date with no-break spaces is one word.
        let source = "Source: MIIT / State Council Information Office press conference, 19\u{a0}July\u{a0}2023";
        for width in (120..500).map(f64::from) {
            if let [.., prev, last] = wrap(source, width, FONT, &EstimateMeasure, 9).as_slice() {
                assert!(spaced_or_two_words(prev, last, width), "{width}: {prev:?} / {last:?}");
            }
        }
        // CJK text before an English word ("和APP") is no spaced word: the rule adds no space
        // there (each line is a piece of the text), and the lines keep every character.
        let mixed = "5G 10G PON端口和APP";
        for width in (40..200).map(f64::from) {
            let lines = wrap(mixed, width, FONT, &EstimateMeasure, 9);
            assert!(lines.concat().replace(' ', "") == mixed.replace(' ', "") && lines.iter().all(|l| mixed.contains(l.as_str())), "{width}: {lines:?}");
        }
        // A long word alone on the last line takes none down beside it: 10G PON ports /
        // (gigabit-capable), not 10G PON / ports (gigabit-capable).
        let width = EstimateMeasure.width_css_px("ports (gigabit-capable)", FONT) + 1.0;
        assert_eq!(wrap("10G PON ports (gigabit-capable)", width, FONT, &EstimateMeasure, 3), ["10G PON ports", "(gigabit-capable)"]);
        // Not when the line before would keep one word: NEV / production growth.
        assert_eq!(wrap("NEV production growth", 120.0, FONT, &EstimateMeasure, 3), ["NEV production", "growth"]);
    }

    #[test]
    fn too_many_lines_end_in_an_ellipsis_that_fits() {
        let lines = wrap("一二三四五六七八九十", 30.0, FONT, &EstimateMeasure, 2);
        assert_eq!(lines, ["一二三", "四五…"]);
        assert_eq!(truncate("Industrial value added", 60.0, FONT, &EstimateMeasure), "Industri…");
    }
}
