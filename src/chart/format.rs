//! Formats typed quantities for a reader: 293.7万个 / 2.937 million, 超21.2亿 / more than 2.12 billion.
//! Exact: never fewer digits than the text states. Pure.
//!
//! This is Rust rather than the browser's `Intl.NumberFormat` because the same strings must come out
//! of the native build (tests, the static SVG fallback) and of every browser engine alike; `Intl`'s
//! compact notation differs between engines and versions and does not exist natively.

use crate::data::model::{Indicator, Qualifier, Unit};

use super::Lang;

/// The shortest decimal string of `value` with at most `max_decimals` places that is off by at most a
/// millionth of its last place (relative 1e-6 for large values), so binary noise such as 0.1 + 0.2
/// never shows.
pub fn plain(value: f64, max_decimals: usize) -> String {
    plain_from(value, 0, max_decimals)
}

/// `n` / 10^`decimals` written out, from integers only (no float formatting code is shipped).
fn fixed(n: i64, decimals: usize) -> String {
    // Zero-padded to more digits than decimals ("5" with two decimals: "005", then "0.05").
    let unpadded = n.unsigned_abs().to_string();
    let mut digits = String::new();
    for _ in unpadded.len()..=decimals {
        digits.push('0');
    }
    digits.push_str(&unpadded);
    // ASCII digits, so every index is a char boundary; `split_at_checked` keeps the panic path
    // (and the Debug formatting it pulls in) out of the wasm.
    let (int, frac) = digits.split_at_checked(digits.len() - decimals).unwrap_or((&digits, ""));
    let sign = if n < 0 { "-" } else { "" };
    if decimals == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

/// Like [`plain`], with at least `min_decimals` places ("3.0" stays "3.0").
fn plain_from(value: f64, min_decimals: usize, max_decimals: usize) -> String {
    let max_decimals = max_decimals.max(min_decimals).min(9);
    for decimals in min_decimals..=max_decimals {
        let scaled = value * 10f64.powi(decimals as i32);
        let rounded = scaled.round();
        if (rounded - scaled).abs() <= 1e-6 * scaled.abs().max(1.0) && rounded.abs() < 9e15 {
            return fixed(rounded as i64, decimals);
        }
    }
    fixed((value * 10f64.powi(max_decimals as i32)).round() as i64, max_decimals)
}

/// Inserts thousands separators into the integer part of a plain decimal string.
fn group_thousands(s: &str) -> String {
    let (int, frac) = super::ascii::split_once(s, b'.').map_or((s, None), |(i, f)| (i, Some(f)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// A bare number in the language's large-number words: 293.7万 / 2.937 million. Below 10 000 (zh)
/// or 1 000 000 (en) the number is written out in full.
pub fn number(value: f64, lang: Lang) -> String {
    number_with_decimals(value, 0, lang)
}

/// [`number`] keeping at least `min_decimals` places when no large-number word applies.
fn number_with_decimals(value: f64, min_decimals: usize, lang: Lang) -> String {
    let magnitude = value.abs();
    match lang {
        Lang::Zh => {
            for (size, word) in [(1e12, "万亿"), (1e8, "亿"), (1e4, "万")] {
                if magnitude >= size {
                    return format!("{}{word}", plain(value / size, 6));
                }
            }
            plain_from(value, min_decimals, 6)
        }
        Lang::En => {
            for (size, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
                if magnitude >= size {
                    return format!("{} {word}", plain(value / size, 6));
                }
            }
            group_thousands(&plain_from(value, min_decimals, 6))
        }
    }
}

/// The number with its unit, without the qualifier: "293.7万个", "2.937 million", "3.8%".
/// `min_decimals` keeps the places the figure was stated with (3.0%).
pub fn with_unit(value: f64, min_decimals: u8, unit: Unit, counter: Option<&str>, lang: Lang) -> String {
    let n = number_with_decimals(value, usize::from(min_decimals), lang);
    match (lang, unit) {
        (_, Unit::Percent) => format!("{n}%"),
        (Lang::Zh, Unit::PercentagePoint) => format!("{n}个百分点"),
        (Lang::En, Unit::PercentagePoint) if value == 1.0 => format!("{n} percentage point"),
        (Lang::En, Unit::PercentagePoint) => format!("{n} percentage points"),
        (Lang::Zh, Unit::Count) => format!("{n}{}", counter.unwrap_or("")),
        (Lang::En, Unit::Count) => n,
        (Lang::Zh, Unit::Yuan) => format!("{n}元"),
        (Lang::En, Unit::Yuan) => format!("{n} yuan"),
        (Lang::Zh, Unit::Tonne) => format!("{n}吨"),
        (Lang::En, Unit::Tonne) => format!("{n} tonnes"),
        (Lang::Zh, Unit::TonnePerDay) => format!("{n}吨/日"),
        (Lang::En, Unit::TonnePerDay) => format!("{n} tonnes/day"),
        (_, Unit::Kiloampere) => format!("{n} kA"),
        (Lang::Zh, Unit::Year) => format!("{n}年"),
        (Lang::En, Unit::Year) if value == 1.0 => format!("{n} year"),
        (Lang::En, Unit::Year) => format!("{n} years"),
    }
}

/// Wraps a formatted figure in its qualifier: 超21.2亿 / more than 2.12 billion.
pub fn qualified(formatted: &str, qualifier: Qualifier, lang: Lang) -> String {
    match (lang, qualifier) {
        (_, Qualifier::Exact) => formatted.to_string(),
        (Lang::Zh, Qualifier::MoreThan) => format!("超{formatted}"),
        (Lang::Zh, Qualifier::AtLeast) => format!("{formatted}以上"),
        (Lang::Zh, Qualifier::About) => format!("约{formatted}"),
        (Lang::Zh, Qualifier::Nearly) => format!("近{formatted}"),
        (Lang::En, Qualifier::Nearly) => format!("nearly {formatted}"),
        (Lang::En, Qualifier::MoreThan) => format!("more than {formatted}"),
        (Lang::En, Qualifier::AtLeast) => format!("at least {formatted}"),
        (Lang::En, Qualifier::About) => format!("about {formatted}"),
    }
}

/// "Industrial value added growth" → "industrial value added growth", for the middle of a sentence;
/// an acronym keeps its capitals ("NEV sales growth", "IoT").
pub fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.clone().next()) {
        (Some(first), Some(second)) if !second.is_ascii_uppercase() => first.to_ascii_lowercase().to_string() + chars.as_str(),
        _ => s.to_string(),
    }
}

/// An indicator's value as a reader sees it, unit and qualifier included.
pub fn value(ind: &Indicator, lang: Lang) -> String {
    let formatted = with_unit(ind.value, ind.decimals, ind.unit, ind.counter.as_deref(), lang);
    qualified(&formatted, ind.qualifier, lang)
}

/// A tick label on an axis of `unit` that ends at `axis_max`: "20%", "2亿", "2bn". Every tick of
/// an axis is written in the same large-number word as its end ("0.5m", not "500,000", beside
/// "1m"); zero is "0" on an axis of counts or money ("0%" on one of percentages). English ticks
/// of counts and money abbreviate the word as the financial press does (m, bn, tn), so that a
/// phone's axis has room for more ticks; figures keep it whole.
pub fn tick(value: f64, axis_max: f64, unit: Unit, lang: Lang) -> String {
    let words: &[(f64, &str)] = match (lang, unit) {
        (Lang::Zh, _) => &[(1e12, "万亿"), (1e8, "亿"), (1e4, "万")],
        // Not on an axis of tonnes or amperes, where 2m would read as metres and 0.5m as milli-.
        (Lang::En, Unit::Count | Unit::Yuan) => &[(1e12, "tn"), (1e9, "bn"), (1e6, "m")],
        (Lang::En, _) => &[(1e12, " trillion"), (1e9, " billion"), (1e6, " million")],
    };
    match unit {
        Unit::Percent => format!("{}%", plain(value, 3)),
        Unit::PercentagePoint => plain(value, 3),
        _ if value == 0.0 => "0".to_string(),
        _ => match words.iter().find(|(size, _)| axis_max.abs() >= *size) {
            Some((size, word)) => format!("{}{word}", plain(value / size, 3)),
            None => number(value, lang),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DATASET;

    fn shown(id: &str, lang: Lang) -> String {
        DATASET.indicator(id).map(|i| value(i, lang)).unwrap_or_default()
    }

    #[test]
    fn figures_read_as_the_issue_writes_them() {
        let cases = [
            ("bs_5g_total", "293.7万个", "2.937 million"),
            ("users_5g_mobile", "6.76亿户", "676 million"),
            ("users_mobile_iot", "超21.2亿", "more than 2.12 billion"),
            ("industry_value_added_growth", "3.8%", "3.8%"),
            ("industry_growth_gain_vs_2022_h1", "0.4个百分点", "0.4 percentage points"),
            ("pon_10g_ports", "2029万个", "20.29 million"),
            ("internet_business_revenue", "5310亿元", "531 billion yuan"),
            ("clusters_output_value", "20万亿元", "20 trillion yuan"),
            ("batteries_recycled", "11.5万吨", "115,000 tonnes"),
            ("cement_line_capacity", "3605吨/日以上", "at least 3,605 tonnes/day"),
            ("smart_factories", "近8000个", "nearly 8,000"),
            ("app_cases_5g", "超5万个", "more than 50,000"),
            ("nev_world_first_years", "8年", "8 years"),
            ("industry_value_added_growth_2023_q1", "3.0%", "3.0%"),
            ("module_price_5g", "400元", "400 yuan"),
        ];
        for (id, zh, en) in cases {
            assert_eq!((shown(id, Lang::Zh).as_str(), shown(id, Lang::En).as_str()), (zh, en), "{id}");
        }
    }

    /// Every figure in Chinese, written from its parsed value, is the texts' own writing of it,
    /// but for the figures whose words the widget writes one way: 超 for 超过, 突破了 and 余; 约 for
    /// 左右; 以上 for 不少于; digits for Chinese numerals; kA; and 个百分点 where the text leaves
    /// 百分点 to the figure before it.
    #[test]
    fn chinese_figures_are_the_texts_own_but_where_the_widget_writes_a_word_one_way() {
        let rewritten = [
            ("aluminium_cell_current", "400 kA以上"),
            ("battery_recycling_points", "超1万个"),
            ("compute_annual_growth", "约30%"),
            ("compute_trunk_cables", "超100条"),
            ("consumer_products_promoted", "100项"),
            ("euler_os_installations", "超430万套"),
            ("factories_5g_target", "3000家以上"),
            ("industrial_internet_platforms", "超240家"),
            ("industry_growth_gain_vs_2022_h1", "0.4个百分点"),
            ("intl_standards_total", "超50项"),
            ("key_industries_growth_plans", "10个"),
            ("platform_rules_signatories", "超70家"),
            ("pv_global_share", "超70%"),
            ("smart_factories_maturity_2", "超2500个"),
            ("users_mobile_iot", "超21.2亿"),
        ];
        let mut as_written = 0;
        for ind in DATASET.indicators.iter() {
            let want = match rewritten.iter().find(|(id, _)| *id == ind.id.as_ref()) {
                Some((_, want)) => *want,
                None => {
                    as_written += 1;
                    ind.text.as_ref()
                }
            };
            assert_eq!(value(ind, Lang::Zh), want, "{}: the text writes {:?}", ind.id, ind.text);
        }
        assert_eq!(as_written + rewritten.len(), DATASET.indicators.len(), "every rewritten id is in the dataset");
        assert!(as_written >= 50, "{as_written} figures as the texts write them");
    }

    #[test]
    fn sentence_case_keeps_acronyms() {
        assert_eq!(lowercase_first("Mobile IoT connections"), "mobile IoT connections");
        assert_eq!(lowercase_first("Co-built and shared 5G base stations"), "co-built and shared 5G base stations");
        assert_eq!(lowercase_first("NEV sales growth"), "NEV sales growth");
        assert_eq!(lowercase_first("5G base stations"), "5G base stations");
        assert_eq!(lowercase_first("新能源汽车"), "新能源汽车");
        assert_eq!(lowercase_first("A"), "A");
    }

    #[test]
    fn never_shows_fewer_digits_than_the_text() {
        for ind in DATASET.indicators.iter() {
            let zh = value(ind, Lang::Zh);
            let digits = zh.chars().filter(|c| c.is_ascii_digit()).collect::<String>();
            let significant = digits.trim_start_matches('0').trim_end_matches('0').len();
            let text_digits: String = ind.text.chars().filter(|c| c.is_ascii_digit()).collect();
            let text_significant = text_digits.trim_start_matches('0').trim_end_matches('0').len();
            assert!(significant >= text_significant, "{}: {zh} vs {}", ind.id, ind.text);
        }
    }

    #[test]
    fn plain_numbers_are_exact_and_short() {
        assert_eq!(plain(293.7, 6), "293.7");
        assert_eq!(plain(2937000.0 / 1e4, 6), "293.7");
        assert_eq!(plain(0.4, 6), "0.4");
        assert_eq!(plain(-3.25, 6), "-3.25");
        assert_eq!(plain(20.0, 6), "20");
        assert_eq!(plain_from(3.0, 1, 6), "3.0");
        assert_eq!(plain(0.05, 6), "0.05");
    }

    #[test]
    fn ticks_use_one_word_per_axis() {
        assert_eq!(tick(20.0, 50.0, Unit::Percent, Lang::En), "20%");
        assert_eq!(tick(2e8, 8e8, Unit::Count, Lang::Zh), "2亿");
        assert_eq!(tick(1.5e9, 2e9, Unit::Count, Lang::En), "1.5bn");
        assert_eq!(tick(3e12, 4e12, Unit::Yuan, Lang::En), "3tn");
        assert_eq!(tick(2e6, 3e6, Unit::Tonne, Lang::En), "2 million");
        // One word per axis, from its end.
        let axis = |max: f64, lang| [0.0, 0.5, 1.0, 1.5].map(|f| tick(f * max / 1.5, max, Unit::Count, lang));
        assert_eq!(axis(1.5e6, Lang::En), ["0", "0.5m", "1m", "1.5m"]);
        assert_eq!(axis(1.5e8, Lang::Zh), ["0", "0.5亿", "1亿", "1.5亿"]);
        assert_eq!(axis(1.5e6, Lang::Zh), ["0", "50万", "100万", "150万"]);
        assert_eq!(axis(1500.0, Lang::En), ["0", "500", "1,000", "1,500"]);
    }
}
