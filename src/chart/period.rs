//! Periods and dates as a reader reads them: "2023-H1" → 2023年上半年 / H1 2023, "2023-07-19" →
//! 2023年7月19日 / 19 July 2023, "reported 2023-07-19" → 2023年7月19日发布 / reported 19 July 2023.
//! Pure; a shape it does not know is shown as written (the dataset's are all known: tested).

use super::{ascii, Lang};

/// Month numbers as ISO dates write them, and their English names. (Matched as strings: no number
/// parsing or integer formatting code for a handful of dates.)
const MONTHS: [(&str, &str); 12] = [
    ("01", "January"), ("02", "February"), ("03", "March"), ("04", "April"), ("05", "May"), ("06", "June"),
    ("07", "July"), ("08", "August"), ("09", "September"), ("10", "October"), ("11", "November"), ("12", "December"),
];

/// "07" → "7", "19" → "19".
fn unpadded(two_digits: &str) -> &str {
    two_digits.strip_prefix('0').unwrap_or(two_digits)
}

/// "2023-07" → ("2023", ("07", "July")), for a month that exists.
fn year_month(s: &str) -> Option<(&str, (&'static str, &'static str))> {
    let (year, month) = ascii::split_once(s, b'-')?;
    let month = MONTHS.iter().find(|(number, _)| *number == month)?;
    (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit())).then_some((year, *month))
}

/// The last day of `month` ("06") in `year` ("2023"), two digits ("30"; leap years by the
/// four-year rule, right from 1901 to 2099).
fn last_day(year: &str, month: &str) -> &'static str {
    let leap = year.as_bytes().get(2..4).is_some_and(|yy| (yy[0].wrapping_sub(b'0') * 10 + yy[1].wrapping_sub(b'0')) % 4 == 0);
    match month {
        "02" if leap => "29",
        "02" => "28",
        "04" | "06" | "09" | "11" => "30",
        _ => "31",
    }
}

/// "2023-07-19" → 2023年7月19日 / 19 July 2023 (with no-break spaces); `None` if `iso` is not such
/// a date.
pub fn date(iso: &str, lang: Lang) -> Option<String> {
    let (year_month_part, day) = ascii::rsplit_once(iso, b'-')?;
    let (year, (month, month_name)) = year_month(year_month_part)?;
    // Two digits, "01" to the month's last (compared as strings, which for two digits orders as
    // numbers): 2023-02-30 is no date.
    let is_day = day.len() == 2 && day.bytes().all(|b| b.is_ascii_digit()) && ("01"..=last_day(year, month)).contains(&day);
    let (month, day) = (unpadded(month), unpadded(day));
    is_day.then(|| match lang {
        Lang::Zh => format!("{year}年{month}月{day}日"),
        // No-break spaces: a wrapped line never ends in "19" with "July 2023" on the next.
        Lang::En => format!("{day}\u{a0}{month_name}\u{a0}{year}"),
    })
}

/// A period as a reader reads it: "2023-H1" → 2023年上半年 / H1 2023, "2023-01/2023-05" → 2023年1—5月
/// / January–May 2023, "2023-06-29" → 截至2023年6月29日 / as of 29 June 2023, a month's last day as
/// the texts write it: "2023-06-30" → 截至2023年6月底 / at the end of June 2023, and the day an
/// undated figure was reported: "reported 2023-07-19" → 2023年7月19日发布 / reported 19 July 2023
/// (not "as of", which would date the measurement). A period of another shape is shown as written.
/// In English a period's words are joined to its year by no-break spaces, as a date's are: a wrap
/// never leaves "H1" or "June" at the end of a line without its year.
pub fn period(period: &str, lang: Lang) -> String {
    const QUARTERS: [(&str, &str); 4] = [("Q1", "一季度"), ("Q2", "二季度"), ("Q3", "三季度"), ("Q4", "四季度")];
    let zh = matches!(lang, Lang::Zh);
    if let Some(on_day) = period.strip_prefix("reported ").and_then(|day| date(day, lang)) {
        return format!("{}{on_day}{}", lang.pick("", "reported "), lang.pick("发布", ""));
    }
    if let Some((year, part)) = ascii::split_once(period, b'-') {
        let zh_part = match part {
            "H1" => Some("上半年"),
            "H2" => Some("下半年"),
            _ => QUARTERS.iter().find(|(key, _)| *key == part).map(|(_, words)| *words),
        };
        if let Some(zh_part) = zh_part {
            return if zh { format!("{year}年{zh_part}") } else { format!("{part}\u{a0}{year}") };
        }
    }
    if period.ends_with("/..") {
        return lang.pick("今后", "going forward").to_string();
    }
    if let Some((from, to)) = ascii::split_once(period, b'/') {
        return match (year_month(from), year_month(to)) {
            (Some((year, (first, first_name))), Some((to_year, (last, last_name)))) if year == to_year && first < last => {
                if zh {
                    format!("{}年{}—{}月", year, unpadded(first), unpadded(last))
                } else {
                    format!("{first_name}–{last_name}\u{a0}{year}")
                }
            }
            _ => period.to_string(),
        };
    }
    if let Some(on_day) = date(period, lang) {
        // The last day of a month as the texts say it: 截至6月底, at the end of June.
        let month_end = ascii::rsplit_once(period, b'-').and_then(|(year_month_part, day)| {
            year_month(year_month_part).filter(|(year, (month, _))| last_day(year, month) == day)
        });
        return match month_end {
            Some((year, (month, _))) if zh => format!("截至{year}年{}月底", unpadded(month)),
            Some((year, (_, month_name))) => format!("at the end of {month_name}\u{a0}{year}"),
            None => format!("{}{on_day}", lang.pick("截至", "as\u{a0}of ")),
        };
    }
    if zh && period.len() == 4 && period.bytes().all(|b| b.is_ascii_digit()) {
        return format!("{period}年");
    }
    period.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every period the dataset gives is a shape this module reads: none is shown as written, in
    /// Chinese with its letters or ISO digits (as a typo in the catalogue, `reported 2023-7-19`,
    /// would be).
    #[test]
    fn every_period_in_the_dataset_is_read() {
        for ind in crate::DATASET.indicators.iter() {
            let zh = period(&ind.period, Lang::Zh);
            assert!(!zh.bytes().any(|b| b.is_ascii_alphabetic()) && zh != *ind.period, "{}: {:?} is shown as {zh:?}", ind.id, ind.period);
        }
    }

    #[test]
    fn periods_and_dates_in_both_languages() {
        assert_eq!(period("2023-H1", Lang::Zh), "2023年上半年");
        // English periods keep their year with a no-break space, as dates do: a wrap (the canvas's or
        // the browser's, in the table's caption on a phone) never leaves "H1" at a line's end.
        assert_eq!(period("2023-H1", Lang::En), "H1\u{a0}2023");
        assert_eq!(period("2023-06-30", Lang::En), "at the end of June\u{a0}2023");
        assert_eq!(period("2023-06-30", Lang::Zh), "截至2023年6月底");
        assert_eq!((period("2023-06-29", Lang::Zh).as_str(), period("2023-06-29", Lang::En).as_str()), ("截至2023年6月29日", "as\u{a0}of 29\u{a0}June\u{a0}2023"));
        let ends = ["2023-01-31", "2023-02-28", "2024-02-29", "2023-04-30", "2023-12-31"];
        assert!(ends.iter().all(|d| period(d, Lang::En).starts_with("at the end of")), "{ends:?}");
        let not_ends = ["2024-02-28", "2023-03-30", "2023-07-19"];
        assert!(not_ends.iter().all(|d| period(d, Lang::En).starts_with("as\u{a0}of ")), "{not_ends:?}");
        assert_eq!(period("reported 2023-07-19", Lang::Zh), "2023年7月19日发布");
        assert_eq!(period("reported 2023-07-19", Lang::En), "reported 19\u{a0}July\u{a0}2023");
        // A month's last day reported is the day, not the month's end; and no day is as written.
        assert_eq!(period("reported 2023-06-30", Lang::En), "reported 30\u{a0}June\u{a0}2023");
        assert_eq!(period("reported 2023-07-32", Lang::En), "reported 2023-07-32");
        assert_eq!(period("2023-01/2023-05", Lang::En), "January–May\u{a0}2023");
        assert_eq!(period("2023-01/2023-05", Lang::Zh), "2023年1—5月");
        // Any month range, not only the one the texts have.
        assert_eq!((period("2024-01/2024-06", Lang::Zh).as_str(), period("2024-01/2024-06", Lang::En).as_str()), ("2024年1—6月", "January–June\u{a0}2024"));
        assert_eq!((period("2023-Q3", Lang::Zh).as_str(), period("2023-Q3", Lang::En).as_str()), ("2023年三季度", "Q3\u{a0}2023"));
        assert_eq!((period("2023", Lang::Zh).as_str(), period("2023-07-19/..", Lang::En).as_str()), ("2023年", "going forward"));
        for odd in ["2023-13-01", "2023-05/2023-01", "2023-Q5", "soon", "2023-06-31x", "2023-02-30", "2023-04-31", "2023-02-29", ""] {
            assert_eq!(period(odd, Lang::En), odd, "shown as written");
        }
        assert_eq!((date("2023-07-19", Lang::Zh), date("2023-07-19", Lang::En)), (Some("2023年7月19日".into()), Some("19\u{a0}July\u{a0}2023".into())));
        assert_eq!(date("2023-7", Lang::Zh), None);
    }
}
