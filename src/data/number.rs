//! Reads one figure as the texts write it ("超5万个", "3.8%", "0.4个百分点", "2500余个", "３.８％")
//! into a typed quantity: exact decimal amount, unit, measure word and qualifier. Pure; never panics.

use std::fmt;

use super::model::{Qualifier, Unit};

/// An exact decimal as written: value = `mantissa` × 10^`scale`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimal {
    pub mantissa: i64,
    pub scale: i32,
    /// Digits the text wrote, without leading zeros ("293.7" has 4, "0.4" has 1).
    pub significant_digits: u8,
}

impl Decimal {
    /// The nearest `f64`; exact for every figure of the texts (few digits, small powers of ten).
    pub fn to_f64(self) -> f64 {
        let power = 10f64.powi(self.scale.abs());
        if self.scale >= 0 {
            self.mantissa as f64 * power
        } else {
            self.mantissa as f64 / power
        }
    }

    /// Both operands brought to the smaller scale, or `None` on overflow.
    fn aligned(self, other: Decimal) -> Option<(i64, i64, i32)> {
        let scale = self.scale.min(other.scale);
        let lift = |d: Decimal| -> Option<i64> {
            let shift = u32::try_from(d.scale - scale).ok()?;
            d.mantissa.checked_mul(10i64.checked_pow(shift)?)
        };
        Some((lift(self)?, lift(other)?, scale))
    }

    /// `self + sign × other`, exactly; `None` on overflow.
    pub fn add_signed(self, other: Decimal, sign: i64) -> Option<Decimal> {
        let (a, b, scale) = self.aligned(other)?;
        let mantissa = a.checked_add(b.checked_mul(sign)?)?;
        let significant_digits = digit_count(mantissa.unsigned_abs()).max(1);
        Some(Decimal { mantissa, scale, significant_digits })
    }
}

fn digit_count(mut n: u64) -> u8 {
    let mut count = 0;
    while n > 0 {
        n /= 10;
        count += 1;
    }
    count
}

/// A figure read from text.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub amount: Decimal,
    pub unit: Unit,
    /// The measure word (个 家 户 …) when the text has one.
    pub counter: Option<char>,
    pub qualifier: Qualifier,
}

/// Why a string is not a figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    /// No digit where the number should start.
    NoDigits { found: String },
    /// A decimal point without a digit after it ("3..8%", "3.%").
    MissingFraction { at_char: usize },
    /// A multiplier written twice ("3万万").
    RepeatedMultiplier { at_char: usize },
    /// More digits than an exact 64-bit amount holds.
    TooManyDigits,
    /// Text left over after the figure.
    Trailing { rest: String },
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumberError::Empty => write!(f, "empty figure"),
            NumberError::NoDigits { found } => write!(f, "expected a number, found {found:?}"),
            NumberError::MissingFraction { at_char } => {
                write!(f, "a decimal point must be followed by a digit (character {at_char})")
            }
            NumberError::RepeatedMultiplier { at_char } => {
                write!(f, "multiplier 万/亿 repeated (character {at_char})")
            }
            NumberError::TooManyDigits => write!(f, "too many digits for an exact amount"),
            NumberError::Trailing { rest } => write!(f, "unexpected text after the figure: {rest:?}"),
        }
    }
}

impl std::error::Error for NumberError {}

/// Words before a number that qualify it, longest first so 超过了 wins over 超.
pub const QUALIFIER_PREFIXES: [(&str, Qualifier); 7] = [
    ("超过了", Qualifier::MoreThan),
    ("突破了", Qualifier::MoreThan),
    ("不少于", Qualifier::AtLeast),
    ("超过", Qualifier::MoreThan),
    ("突破", Qualifier::MoreThan),
    ("超", Qualifier::MoreThan),
    ("近", Qualifier::Nearly),
];

/// Measure words that make a figure a count.
pub const COUNTERS: [char; 11] = ['个', '家', '户', '款', '部', '套', '项', '条', '次', '台', '名'];

/// The ASCII digit a character stands for, accepting full-width digits.
pub fn digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => u8::try_from(c as u32 - '０' as u32).ok(),
        _ => None,
    }
}

/// 十 百 千 written alone as a number ("十个重点行业", "百余条").
pub fn chinese_numeral_value(c: char) -> Option<i64> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

fn is_decimal_point(c: char) -> bool {
    c == '.' || c == '．'
}

/// Parses a whole string as one figure, qualifier words included.
pub fn parse_figure(text: &str) -> Result<Figure, NumberError> {
    if text.trim().is_empty() {
        return Err(NumberError::Empty);
    }
    let (prefix_qualifier, rest) = QUALIFIER_PREFIXES
        .iter()
        .find_map(|(word, q)| text.strip_prefix(word).map(|rest| (Some(*q), rest)))
        .unwrap_or((None, text));
    let (mut figure, len) = read_figure(rest)?;
    if let Some(q) = prefix_qualifier {
        figure.qualifier = q;
    }
    match &rest[len..] {
        "" => Ok(figure),
        trailing => Err(NumberError::Trailing { rest: trailing.to_string() }),
    }
}

/// Reads the number that starts `text` and the multiplier, 余, unit and qualifier that follow it.
/// Returns the figure and the byte length it covers. Qualifier words before the number are the
/// caller's: they are not part of `text`.
pub fn read_figure(text: &str) -> Result<(Figure, usize), NumberError> {
    let mut chars = text.char_indices().peekable();
    let Some(&(_, first)) = chars.peek() else {
        return Err(NumberError::Empty);
    };
    let mut mantissa: i64 = 0;
    let mut scale: i32 = 0;
    let mut significant_digits: u8 = 0;
    if let Some(value) = chinese_numeral_value(first) {
        chars.next();
        mantissa = value;
        significant_digits = 1;
    } else if digit_value(first).is_none() {
        return Err(NumberError::NoDigits { found: text.chars().take(8).collect() });
    } else {
        let mut in_fraction = false;
        let mut char_idx = 0;
        while let Some(&(_, c)) = chars.peek() {
            if let Some(d) = digit_value(c) {
                mantissa = mantissa
                    .checked_mul(10)
                    .and_then(|m| m.checked_add(i64::from(d)))
                    .ok_or(NumberError::TooManyDigits)?;
                if mantissa != 0 {
                    significant_digits = significant_digits.saturating_add(1);
                }
                if in_fraction {
                    scale -= 1;
                }
            } else if is_decimal_point(c) && !in_fraction {
                let next_is_digit = text[..].chars().nth(char_idx + 1).and_then(digit_value).is_some();
                if !next_is_digit {
                    return Err(NumberError::MissingFraction { at_char: char_idx });
                }
                in_fraction = true;
            } else {
                break;
            }
            chars.next();
            char_idx += 1;
        }
    }

    let mut qualifier = Qualifier::Exact;
    let mut multiplied = false;
    loop {
        let Some(&(at, c)) = chars.peek() else { break };
        let exponent = match c {
            '万' => 4,
            '亿' => 8,
            _ => break,
        };
        // 万亿 is one multiplier (10^12); 万万 and 亿亿 are typos.
        let combined_wan_yi = multiplied && c == '亿' && text[..at].ends_with('万');
        if multiplied && !combined_wan_yi {
            return Err(NumberError::RepeatedMultiplier { at_char: text[..at].chars().count() });
        }
        scale += exponent;
        multiplied = true;
        chars.next();
    }
    if chars.peek().map(|&(_, c)| c) == Some('余') {
        qualifier = Qualifier::MoreThan;
        chars.next();
    }

    let mut end = chars.peek().map_or(text.len(), |&(at, _)| at);
    let rest = &text[end..];
    let (unit, counter, unit_len) = read_unit(rest);
    end += unit_len;
    let rest = &text[end..];
    for (word, q) in [("以上", Qualifier::AtLeast), ("左右", Qualifier::About)] {
        if rest.starts_with(word) {
            qualifier = q;
            end += word.len();
        }
    }
    let amount = Decimal { mantissa, scale, significant_digits: significant_digits.max(1) };
    Ok((Figure { amount, unit, counter, qualifier }, end))
}

/// The unit at the start of `rest`: (unit, measure word, bytes covered).
fn read_unit(rest: &str) -> (Unit, Option<char>, usize) {
    const WORDS: [(&str, Unit); 7] = [
        ("个百分点", Unit::PercentagePoint),
        ("吨/日", Unit::TonnePerDay),
        ("%", Unit::Percent),
        ("％", Unit::Percent),
        ("KA", Unit::Kiloampere),
        ("吨", Unit::Tonne),
        ("元", Unit::Yuan),
    ];
    if let Some((word, unit)) = WORDS.iter().find(|(w, _)| rest.starts_with(w)) {
        return (*unit, None, word.len());
    }
    match rest.chars().next() {
        Some('年') => (Unit::Year, None, '年'.len_utf8()),
        Some(c) if COUNTERS.contains(&c) => (Unit::Count, Some(c), c.len_utf8()),
        _ => (Unit::Count, None, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(text: &str) -> Figure {
        match parse_figure(text) {
            Ok(f) => f,
            Err(e) => panic!("{text:?} should parse: {e}"),
        }
    }

    #[test]
    fn reads_the_figures_the_texts_write() {
        let cases: [(&str, f64, Unit, Option<char>, Qualifier, u8); 16] = [
            ("3.8%", 3.8, Unit::Percent, None, Qualifier::Exact, 2),
            ("0.4个百分点", 0.4, Unit::PercentagePoint, None, Qualifier::Exact, 1),
            ("293.7万个", 2_937_000.0, Unit::Count, Some('个'), Qualifier::Exact, 4),
            ("6.76亿户", 676_000_000.0, Unit::Count, Some('户'), Qualifier::Exact, 3),
            ("超过21.2亿", 2_120_000_000.0, Unit::Count, None, Qualifier::MoreThan, 3),
            ("超5万个", 50_000.0, Unit::Count, Some('个'), Qualifier::MoreThan, 1),
            ("2500余个", 2500.0, Unit::Count, Some('个'), Qualifier::MoreThan, 4),
            ("1万余个", 10_000.0, Unit::Count, Some('个'), Qualifier::MoreThan, 1),
            ("近8000个", 8000.0, Unit::Count, Some('个'), Qualifier::Nearly, 4),
            ("不少于3000家", 3000.0, Unit::Count, Some('家'), Qualifier::AtLeast, 4),
            ("20万亿元", 20e12, Unit::Yuan, None, Qualifier::Exact, 2),
            ("5310亿元", 531e9, Unit::Yuan, None, Qualifier::Exact, 4),
            ("11.5万吨", 115_000.0, Unit::Tonne, None, Qualifier::Exact, 3),
            ("3605吨/日以上", 3605.0, Unit::TonnePerDay, None, Qualifier::AtLeast, 4),
            ("30%左右", 30.0, Unit::Percent, None, Qualifier::About, 2),
            ("百余条", 100.0, Unit::Count, Some('条'), Qualifier::MoreThan, 1),
        ];
        for (text, value, unit, counter, qualifier, digits) in cases {
            let f = fig(text);
            assert_eq!(f.amount.to_f64(), value, "{text}");
            assert_eq!((f.unit, f.counter, f.qualifier), (unit, counter, qualifier), "{text}");
            assert_eq!(f.amount.significant_digits, digits, "{text}");
        }
    }

    #[test]
    fn accepts_full_width_digits() {
        let f = fig("３.８％");
        assert_eq!((f.amount.to_f64(), f.unit), (3.8, Unit::Percent));
        assert_eq!(fig("２９３．７万个").amount.to_f64(), 2_937_000.0);
    }

    #[test]
    fn rejects_malformed_numbers_with_a_reason() {
        assert_eq!(parse_figure(""), Err(NumberError::Empty));
        assert_eq!(parse_figure("   "), Err(NumberError::Empty));
        assert_eq!(parse_figure("3..8%"), Err(NumberError::MissingFraction { at_char: 1 }));
        assert_eq!(parse_figure("3.%"), Err(NumberError::MissingFraction { at_char: 1 }));
        assert!(matches!(parse_figure("万万"), Err(NumberError::NoDigits { .. })));
        assert_eq!(parse_figure("3万万个"), Err(NumberError::RepeatedMultiplier { at_char: 2 }));
        assert_eq!(parse_figure("3亿亿"), Err(NumberError::RepeatedMultiplier { at_char: 2 }));
        assert!(matches!(parse_figure("3.8%x"), Err(NumberError::Trailing { .. })));
        assert_eq!(parse_figure("99999999999999999999"), Err(NumberError::TooManyDigits));
        assert!(matches!(parse_figure("%"), Err(NumberError::NoDigits { .. })));
    }

    #[test]
    fn decimal_arithmetic_is_exact() {
        let a = fig("3.8%").amount;
        let b = fig("0.8个百分点").amount;
        let diff = a.add_signed(b, -1).map(Decimal::to_f64);
        assert_eq!(diff, Some(3.0));
        assert_eq!(a.add_signed(fig("0.4个百分点").amount, -1).map(Decimal::to_f64), Some(3.4));
    }
}
