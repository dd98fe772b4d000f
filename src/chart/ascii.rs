//! Splitting and replacing text at one ASCII byte (`-`, `.`, `#`, a space, a quote). The standard
//! library's `split_once(char)` and its kin search through a `char` pattern searcher and
//! `str::replace`, about 1.7 KB of the wasm between them; these look for the byte. An ASCII byte
//! never occurs inside a multi-byte UTF-8 sequence, so either side of it is a whole string.

/// `s` split around the first `byte`: "2023-H1" at `-` → ("2023", "H1").
pub fn split_once(s: &str, byte: u8) -> Option<(&str, &str)> {
    let at = s.bytes().position(|b| b == byte)?;
    Some((s.get(..at)?, s.get(at + 1..)?))
}

/// `s` split around the last `byte`: "2023-06-30" at `-` → ("2023-06", "30").
pub fn rsplit_once(s: &str, byte: u8) -> Option<(&str, &str)> {
    let at = s.bytes().rposition(|b| b == byte)?;
    Some((s.get(..at)?, s.get(at + 1..)?))
}

/// `s` up to its first `byte`, or all of it.
pub fn before(s: &str, byte: u8) -> &str {
    split_once(s, byte).map_or(s, |(head, _)| head)
}

/// The number of characters in `s`, counted by their first bytes (a UTF-8 continuation byte is
/// `10xxxxxx`): what `s.chars().count()` gives, without the standard library's word-at-a-time
/// counter, about 0.8 KB of the wasm.
pub fn n_chars(s: &str) -> usize {
    let mut n = 0;
    for b in s.bytes() {
        n += usize::from(b & 0xC0 != 0x80);
    }
    n
}

/// `s` with every `byte` replaced by `with`.
pub fn replace(s: &str, byte: u8, with: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some((head, tail)) = split_once(rest, byte) {
        out.push_str(head);
        out.push_str(with);
        rest = tail;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_the_first_or_last_byte_between_multibyte_text() {
        assert_eq!(split_once("截至-2023-06", b'-'), Some(("截至", "2023-06")));
        assert_eq!(rsplit_once("截至-2023-06", b'-'), Some(("截至-2023", "06")));
        assert_eq!(split_once("-", b'-'), Some(("", "")));
        assert_eq!(split_once("同比增长", b'-'), None);
        assert_eq!(rsplit_once("", b' '), None);
        assert_eq!(before("https://a.cn/页?x=1#nev/p", b'#'), "https://a.cn/页?x=1");
        assert_eq!(before("https://a.cn/", b'#'), "https://a.cn/");
    }

    #[test]
    fn counts_characters_of_one_to_four_bytes() {
        for s in ["", "a", "同比增长3.8%", "5G·“双千兆”—1–5月", "😀 emoji", "\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}"] {
            assert_eq!(n_chars(s), s.chars().count(), "{s:?}");
        }
        assert_eq!(n_chars("同比增长3.8%"), 8);
    }

    #[test]
    fn replaces_every_byte_and_only_it() {
        assert_eq!(replace("say \"增长\" \"\"", b'"', "\"\""), "say \"\"增长\"\" \"\"\"\"");
        assert_eq!(replace("more than", b' ', "_"), "more_than");
        assert_eq!(replace("无", b' ', "_"), "无");
        assert_eq!(replace("", b' ', "_"), "");
    }
}
