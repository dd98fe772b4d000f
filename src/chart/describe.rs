//! The words around the chart: a point's tooltip, what the live region announces, and the names
//! of derived and target figures. Pure.

use crate::data::model::{Indicator, Kind};
use crate::DATASET;

use super::spec::{Chart, Panel};
use super::format::lowercase_first;
use super::{ascii, format, period, Lang};

/// What a tooltip shows for one point.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Tooltip {
    pub label: String,
    pub value: String,
    pub period: String,
    /// "推算" / "Derived" or "目标" / "Target", with how it was derived; none for stated figures.
    pub kind: Option<String>,
    /// The sentence the figure comes from, verbatim.
    pub quote: Option<Quote>,
    /// Who published the quoted text.
    pub source: String,
}

/// A sentence quoted verbatim, in “”, and where in it (bytes, from, to) the figure it is quoted
/// for stands, which a card and the table mark (and keep on one line: 超5万个, not 超5 / 万个);
/// an empty range where the sentence is another figure's (a derived one quotes its input's).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub text: String,
    pub figure_utf8_bytes: (usize, usize),
}

impl Quote {
    /// The text before the figure, the figure, and the text after it; none marked where the range
    /// does not fall between characters (all the text before it, or after it).
    pub fn parts(&self) -> (&str, &str, &str) {
        let (from, to) = self.figure_utf8_bytes;
        let (before, rest) = self.text.split_at_checked(from).unwrap_or((&self.text, ""));
        let (figure, after) = rest.split_at_checked(to.saturating_sub(from)).unwrap_or(("", rest));
        (before, figure, after)
    }
}

/// As its three parts, `{before, figure, after}`, for pages that mark the figure without the wasm.
impl serde::Serialize for Quote {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (before, figure, after) = self.parts();
        let mut s = serializer.serialize_struct("Quote", 3)?;
        s.serialize_field("before", before)?;
        s.serialize_field("figure", figure)?;
        s.serialize_field("after", after)?;
        s.end()
    }
}

impl Tooltip {
    /// The card's line under the figure: the period, and what kind of figure it is, if not stated.
    pub fn meta(&self) -> String {
        match &self.kind {
            Some(kind) => format!("{} · {kind}", self.period),
            None => self.period.clone(),
        }
    }
}

/// "3.8% − 0.4个百分点" for a derived indicator's formula.
fn formula_in_words(ind: &Indicator, lang: Lang) -> String {
    let Some(derivation) = &ind.derivation else { return String::new() };
    let mut words = String::new();
    for token in derivation.formula.split_whitespace() {
        match token {
            "-" => words.push_str(" − "),
            "+" => words.push_str(" + "),
            id => words.push_str(&DATASET.indicator(id).map_or_else(|| id.to_string(), |input| format::value(input, lang))),
        }
    }
    words
}

/// The tooltip for `ind` in `lang`, quoting the longest sentence that gives the figure.
pub fn tooltip(ind: &Indicator, lang: Lang) -> Tooltip {
    let kind = match ind.kind {
        Kind::Stated => None,
        Kind::Derived => Some(match lang {
            Lang::Zh => format!("推算值：{}，原文未直接给出", formula_in_words(ind, lang)),
            Lang::En => format!("Derived: {}, not stated in the texts", formula_in_words(ind, lang)),
        }),
        Kind::Target => Some(lang.pick("目标", "Target").to_string()),
    };
    // The longest quote gives the most context (a body sentence rather than its headline). A
    // derived figure quotes the sentence of its last input (3.8% − 0.4: the 0.4 and the 3.8%).
    let quoted = ind.derivation.as_ref().and_then(|d| d.inputs.last()).and_then(|id| DATASET.indicator(id)).unwrap_or(ind);
    let provenance = quoted.sources.iter().max_by_key(|p| ascii::n_chars(&p.quote));
    let source = match provenance.and_then(|p| DATASET.source(&p.file)) {
        Some(s) => {
            let date = period::date(&s.date, lang).unwrap_or_else(|| s.date.to_string());
            format!("{}{}{}{date}", lang.pick("来源：", "Source (quoted in Chinese): "), lang.pick(&s.publisher, &s.publisher_en), lang.pick("，", ", "))
        }
        None => lang.pick("由原文数据推算", "Computed from figures in the texts").to_string(),
    };
    Tooltip {
        label: lang.pick(&ind.label.zh, &ind.label.en).to_string(),
        value: format::value(ind, lang),
        period: period::period(&ind.period, lang),
        kind,
        quote: provenance.map(|p| {
            // Split where the dataset says the figure stands (no search in the wasm); a derived
            // figure's sentence has none of its own to mark.
            let at = '“'.len_utf8().saturating_add(p.offset_in_quote as usize);
            Quote { text: format!("“{}”", p.quote), figure_utf8_bytes: (at, at.saturating_add(if ind.derivation.is_none() { ind.text.len() } else { 0 })) }
        }),
        source,
    }
}

/// How growth rate `a` compares with growth rate `b`, in words: 远高于 / much faster than in
/// when more than twice a positive `b`. (A rate against a rate: "above H1 2022" would read as
/// value added above its level then.)
fn compared(a: f64, b: f64, lang: Lang) -> &'static str {
    match (b > 0.0 && a > 2.0 * b, a > b, a == b) {
        (true, _, _) => lang.pick("远高于", "much faster than in"),
        (_, true, _) => lang.pick("高于", "faster than in"),
        (_, _, true) => lang.pick("持平于", "as fast as in"),
        _ => lang.pick("低于", "slower than in"),
    }
}

/// "faster than in H1 2022 (derived: 3.4%) and Q1 2023 (derived: 3.0%)": `value` against each baseline in
/// turn, one comparison word for both when they agree.
fn against_baselines(value: f64, baselines: [(&Indicator, &str); 2], lang: Lang) -> String {
    let [(a, a_name), (b, b_name)] = baselines;
    let derived = |ind: &Indicator| match lang {
        Lang::Zh => format!("（推算{}）", format::value(ind, lang)),
        Lang::En => format!(" (derived: {})", format::value(ind, lang)),
    };
    let (a_word, b_word) = (compared(value, a.value, lang), compared(value, b.value, lang));
    let joiner = lang.pick("和", " and ");
    if a_word == b_word {
        format!("{a_word}{}{a_name}{}{joiner}{b_name}{}", lang.pick("", " "), derived(a), derived(b))
    } else {
        let sep = lang.pick("，", " and ");
        format!("{a_word}{}{a_name}{}{sep}{b_word}{}{b_name}{}", lang.pick("", " "), derived(a), lang.pick("", " "), derived(b))
    }
}

/// A sentence or two that says what the chart shows, written from the data in the chart's language.
pub fn summary(chart: &Chart) -> String {
    let lang = chart.lang;
    let v = |ind: &Indicator| format::value(ind, lang);
    let label = |ind: &Indicator| lang.pick(&ind.label.zh, &ind.label.en).to_string();
    let panel_points = |i: usize| -> Vec<&'static Indicator> {
        let mut points = Vec::new();
        for r in chart.panels.get(i).map_or(&[][..], |p| &p.rows) {
            points.push(r.indicator);
        }
        points
    };
    let mut said = match chart.id {
        super::ChartId::Nev => {
            let p = panel_points(0);
            let [production, sales, industry] = p.as_slice() else { return String::new() };
            // Side by side, not compared in words: volumes of vehicles and the value added of all
            // industry are different measures, and the texts do not set one against the other.
            let when = period::period(&production.period, lang);
            match lang {
                Lang::Zh => format!("{when}，新能源汽车产销同比分别增长{}和{}；同期规模以上工业增加值同比增长{}。", v(production), v(sales), v(industry)),
                Lang::En => format!(
                    "In {when}, new energy vehicle (NEV) production and sales grew {} and {} year on year respectively; \
                     over the same period, the value added of industrial firms above designated size grew {} year on year.",
                    v(production), v(sales), v(industry)
                ),
            }
        }
        super::ChartId::Growth => {
            let ranked = panel_points(0);
            let (Some(top), Some(bottom)) = (ranked.first(), ranked.last()) else { return String::new() };
            let baselines = panel_points(1);
            let [h1_2022, q1, h1] = baselines.as_slice() else { return String::new() };
            let when = |ind: &Indicator| period::period(&ind.period, lang);
            let against = against_baselines(h1.value, [(h1_2022, &when(h1_2022)), (q1, &when(q1))], lang);
            // Highest and lowest of the indicators (the lower panel holds one of them at earlier
            // periods, which are not others to rank).
            let mut said = match lang {
                Lang::Zh => format!("{}，在所列各项指标中，{}最高，为{}；{}最低，为{}", when(top), label(top), v(top), label(bottom), v(bottom)),
                Lang::En => format!(
                    "In {}, among the indicators charted, {} was highest at {} and {} lowest at {}",
                    when(top), lowercase_first(&label(top)), v(top), lowercase_first(&label(bottom)), v(bottom)
                ),
            };
            // Industry's growth against its earlier periods: said of the lowest where it is that,
            // not named and stated a second time.
            if bottom.id == h1.id {
                said.push_str(lang.pick("，", ", "));
            } else {
                said.push_str(&match lang {
                    Lang::Zh => format!("。规模以上工业增加值同比增长{}，增速", v(h1)),
                    Lang::En => format!(". The value added of industrial firms above designated size grew {} year on year, ", v(h1)),
                });
            }
            said.push_str(&against);
            said.push_str(lang.pick("。", "."));
            said
        }
        super::ChartId::FiveG => {
            // The 5G figures are stocks at one date: the first's says it for all. A figure of
            // another date (one the texts give undated, reported at the press conference) says its own.
            let first_period = chart.points().first().map(|ind| &ind.period);
            let mut parts: Vec<String> = Vec::new();
            for (i, ind) in chart.points().iter().enumerate() {
                let name = if i == 0 { label(ind) } else { lowercase_first(&label(ind)) };
                // "using 5G: 60", not "using 5G 60", read aloud.
                let mut part = format!("{name}{}{}", lang.pick("", ": "), v(ind));
                if Some(&ind.period) != first_period {
                    part.push_str(lang.pick("（", " ("));
                    part.push_str(&period::period(&ind.period, lang));
                    part.push_str(lang.pick("）", ")"));
                }
                parts.push(part);
            }
            let mut when = first_period.map(|p| period::period(p, lang)).unwrap_or_default();
            if let Some(first) = when.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            // Joined by hand: `[String]::join` alone is 1 KB of the wasm.
            let mut said = when;
            // A dash in English: the parts have their colons.
            said.push_str(lang.pick("：", " – "));
            for (i, part) in parts.iter().enumerate() {
                if i > 0 {
                    said.push_str(lang.pick("；", "; "));
                }
                said.push_str(part);
            }
            said.push_str(lang.pick("。", "."));
            said
        }
    };
    // A note that states a figure (the NEV chart's) is read out too; the canvas draws it.
    if let (Some(_), Some(note)) = (chart.noted, &chart.note) {
        said.push_str(lang.pick("", " "));
        said.push_str(note);
    }
    said
}

/// Point `point_idx`'s tooltip, named as the drawing names it (`Row::said_label`: a part's "of
/// which", a reference row's "for reference"), as its card and the live region say it, and the
/// panel showing it; None past the last point.
pub fn said_tooltip(chart: &Chart, point_idx: usize) -> Option<(Tooltip, &Panel)> {
    let (&ind, (panel, row, part)) = (chart.points().get(point_idx)?, chart.row_of(point_idx)?);
    let mut t = tooltip(ind, chart.lang);
    t.label = row.said_label(part, chart.lang, t.label);
    Some((t, panel))
}

/// What the live region says when a point is focused: label, value, period, position, and the
/// panel of a figure the chart shows twice.
pub fn announcement(chart: &Chart, point_idx: usize) -> String {
    let points = chart.points();
    let (Some(&ind), Some((t, shown_in))) = (points.get(point_idx), said_tooltip(chart, point_idx)) else { return String::new() };
    let label = &t.label;
    let (n, total) = (point_idx + 1, points.len());
    let kind = t.kind.map(|k| format!("{}{k}", chart.lang.pick("。", ". "))).unwrap_or_default();
    // A figure the chart shows twice (the growth chart's H1 2023 rate, in both panels) would be
    // said alike but for its position: its panel tells the two apart.
    let mut panel = String::new();
    let mut n_shown = 0;
    for p in points {
        n_shown += usize::from(p.id == ind.id);
    }
    if n_shown > 1 {
        panel.push_str(chart.lang.pick("（", " ("));
        panel.push_str(&shown_in.title);
        panel.push_str(chart.lang.pick("）", ")"));
    }
    match chart.lang {
        Lang::Zh => format!("{label}：{}，{}{kind}。第{n}项，共{total}项{panel}。", t.value, t.period),
        Lang::En => format!("{label}: {}, {}{kind}. Point {n} of {total}{panel}.", t.value, t.period),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::ChartId;

    fn ind(id: &str) -> &'static Indicator {
        DATASET.indicator(id).unwrap_or_else(|| panic!("{id}"))
    }

    #[test]
    fn a_tooltip_carries_value_period_and_the_quoted_sentence() {
        let t = tooltip(ind("nev_sales_growth"), Lang::Zh);
        assert_eq!((t.label.as_str(), t.value.as_str(), t.period.as_str()), ("新能源汽车销量增速", "44.1%", "2023年上半年"));
        assert_eq!(t.kind, None);
        assert!(t.quote.as_ref().is_some_and(|q| q.text.contains("新能源汽车产销同比分别增长42.4%和44.1%")));
        // The figure quoted for, marked: here the second of the sentence's two.
        let q = t.quote.unwrap_or_else(|| panic!("a quote"));
        let (before, figure, after) = q.parts();
        assert_eq!((figure, before.starts_with('“'), before.ends_with("同比分别增长42.4%和"), after), ("44.1%", true, true, ",绿色产品供给能力显著增强。”"));
        // A range off the characters' boundaries marks nothing and loses nothing.
        let off = Quote { text: "“超5万个”".into(), figure_utf8_bytes: (2, 5) };
        assert_eq!(off.parts(), ("“超5万个”", "", ""));
        let en = tooltip(ind("users_mobile_iot"), Lang::En);
        assert_eq!((en.value.as_str(), en.period.as_str()), ("more than 2.12 billion", "at the end of June\u{a0}2023"));
        assert_eq!(en.source, "Source (quoted in Chinese): Cailian Press, 19\u{a0}July\u{a0}2023");
        assert_eq!(tooltip(ind("users_mobile_iot"), Lang::Zh).source, "来源：财联社，2023年7月19日");
    }

    #[test]
    fn derived_and_target_figures_say_so() {
        let t = tooltip(ind("industry_value_added_growth_2022_h1"), Lang::Zh);
        assert_eq!(t.kind.as_deref(), Some("推算值：3.8% − 0.4个百分点，原文未直接给出"));
        // It quotes the sentence its inputs come from, and names that source.
        assert!(t.quote.as_ref().is_some_and(|q| q.text.contains("同比增长3.8%") && q.text.contains("加快0.4个和0.8个百分点") && q.parts().1.is_empty()), "{:?}", t.quote);
        assert!(t.source.starts_with("来源：") && t.source.ends_with("2023年7月19日"), "{}", t.source);
        let t = tooltip(ind("factories_5g_target"), Lang::En);
        assert_eq!((t.kind.as_deref(), t.value.as_str()), (Some("Target"), "at least 3,000"));
    }

    #[test]
    fn summaries_are_written_from_the_data() {
        let nev = Chart::build(ChartId::Nev, Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
        // The note's figure is read out too: the canvas draws it, and a screen reader has only this.
        assert_eq!(summary(&nev), "2023年上半年，新能源汽车产销同比分别增长42.4%和44.1%；同期规模以上工业增加值同比增长3.8%。新能源汽车产销量连续8年保持全球第一。");
        let nev = Chart::build(ChartId::Nev, Lang::En).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            summary(&nev),
            "In H1\u{a0}2023, new energy vehicle (NEV) production and sales grew 42.4% and 44.1% year on year respectively; \
             over the same period, the value added of industrial firms above designated size grew 3.8% year on year. \
             China has been the world's largest NEV producer and market for 8 years running."
        );
        let growth = Chart::build(ChartId::Growth, Lang::En).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            summary(&growth),
            "In H1\u{a0}2023, among the indicators charted, NEV sales growth was highest at 44.1% and industrial value added growth (firms above designated size) \
             lowest at 3.8%, faster than in H1\u{a0}2022 (derived: 3.4%) and Q1\u{a0}2023 (derived: 3.0%)."
        );
        // Highest and lowest of the indicators the chart ranks, not of every indicator, nor of the
        // earlier periods below them; the lowest, industry's, against those periods at once.
        let growth = Chart::build(ChartId::Growth, Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            summary(&growth),
            "2023年上半年，在所列各项指标中，新能源汽车销量增速最高，为44.1%；规模以上工业增加值增速最低，为3.8%，高于2022年上半年（推算3.4%）和2023年一季度（推算3.0%）。"
        );
        // Where another indicator is lowest, industry's growth is said on its own.
        let mut dataset = DATASET.clone();
        for ind in dataset.indicators.to_mut().iter_mut() {
            if ind.id == "industry_value_added_growth" {
                ind.value = 50.0;
            }
        }
        let dataset: &'static crate::data::model::Dataset = Box::leak(Box::new(dataset));
        let growth = Chart::build_in(dataset, ChartId::Growth, Lang::En).unwrap_or_else(|e| panic!("{e}"));
        let said = summary(&growth);
        assert!(said.starts_with("In H1\u{a0}2023, among the indicators charted, industrial value added growth (firms above designated size) was highest at 50.0% \
             and telecom business revenue growth lowest at 6.2%. The value added of industrial firms above designated size grew 50.0% year on year, much faster than in H1\u{a0}2022"), "{said}");
        let five_g = Chart::build(ChartId::FiveG, Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
        assert!(summary(&five_g).starts_with("截至2023年6月底：5G基站293.7万个；5G共建共享基站超173万个；"));
        let five_g = Chart::build(ChartId::FiveG, Lang::En).unwrap_or_else(|e| panic!("{e}"));
        let five_g = summary(&five_g);
        assert!(five_g.starts_with("At the end of June\u{a0}2023 – 5G base stations: 2.937 million; co-built and shared 5G base stations: more than"), "{five_g}");
        // A figure the texts give undated says the day it was reported, the press conference's.
        assert!(five_g.contains("major industry categories using 5G: 60 (reported 19\u{a0}July\u{a0}2023);"), "{five_g}");
        assert!(five_g.contains("; mobile IoT connections: more than 2.12 billion;"), "{five_g}");
    }

    #[test]
    fn each_baseline_gets_its_own_comparison_when_they_differ() {
        let (h1_2022, q1) = (ind("industry_value_added_growth_2022_h1"), ind("industry_value_added_growth_2023_q1"));
        let baselines = [(h1_2022, "H1 2022"), (q1, "Q1 2023")];
        // 3.2% lies between the derived 3.4% (H1 2022) and 3.0% (Q1 2023).
        assert_eq!(against_baselines(3.2, baselines, Lang::En), "slower than in H1 2022 (derived: 3.4%) and faster than in Q1 2023 (derived: 3.0%)");
        assert_eq!(against_baselines(2.0, baselines, Lang::En), "slower than in H1 2022 (derived: 3.4%) and Q1 2023 (derived: 3.0%)");
        let zh = [(h1_2022, "去年上半年"), (q1, "今年一季度")];
        assert_eq!(against_baselines(3.2, zh, Lang::Zh), "低于去年上半年（推算3.4%），高于今年一季度（推算3.0%）");
        assert_eq!(against_baselines(3.8, zh, Lang::Zh), "高于去年上半年（推算3.4%）和今年一季度（推算3.0%）");
    }

    #[test]
    fn much_faster_only_against_a_positive_rate() {
        assert_eq!(compared(7.0, 3.0, Lang::En), "much faster than in");
        // −0.5% is more than twice −1% as a number, but not "much faster"; nor is 1% after −1%.
        assert_eq!(compared(-0.5, -1.0, Lang::En), "faster than in");
        assert_eq!(compared(1.0, -1.0, Lang::Zh), "高于");
        assert_eq!(compared(1.0, 0.0, Lang::En), "faster than in");
        assert_eq!(compared(2.0, 2.0, Lang::En), "as fast as in");
    }

    #[test]
    fn a_derived_point_names_its_period_once() {
        let chart = Chart::build(ChartId::Growth, Lang::En).unwrap_or_else(|e| panic!("{e}"));
        let idx = chart.points().iter().position(|i| i.id == "industry_value_added_growth_2022_h1").unwrap_or_else(|| panic!("no H1 2022"));
        let said = announcement(&chart, idx);
        assert!(said.starts_with("Industrial value added growth (firms above designated size): 3.4%, H1\u{a0}2022. Derived: "), "{said}");
        assert_eq!(said.matches("H1\u{a0}2022").count(), 1, "{said}");
    }

    #[test]
    fn the_live_region_names_the_point_and_its_position() {
        let chart = Chart::build(ChartId::Nev, Lang::En).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(announcement(&chart, 1), "NEV sales growth: 44.1%, H1\u{a0}2023. Point 2 of 3.");
        let chart = Chart::build(ChartId::Nev, Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(announcement(&chart, 0), "新能源汽车产量增速：42.4%，2023年上半年。第1项，共3项。");
        assert_eq!(announcement(&chart, 9), "");
    }

    /// The growth chart shows industry's H1 2023 rate in both panels: a screen reader once heard
    /// the two said alike but for their positions. Each now names its panel; a point the chart
    /// shows once does not.
    #[test]
    fn a_figure_shown_twice_is_said_with_its_panel() {
        let chart = Chart::build(ChartId::Growth, Lang::En).unwrap_or_else(|e| panic!("{e}"));
        let twice: Vec<usize> = (0..chart.points().len()).filter(|&i| chart.points()[i].id == "industry_value_added_growth").collect();
        let said: Vec<String> = twice.iter().map(|&i| announcement(&chart, i)).collect();
        assert_eq!(said, [
            "Industrial value added growth (firms above designated size): 3.8%, H1\u{a0}2023. Point 6 of 9 (By indicator).",
            "Industrial value added growth (firms above designated size): 3.8%, H1\u{a0}2023. Point 9 of 9 (Industrial value added growth against earlier periods).",
        ]);
        assert_eq!(announcement(&chart, 0), "NEV sales growth: 44.1%, H1\u{a0}2023. Point 1 of 9.");
        let chart = Chart::build(ChartId::Growth, Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(announcement(&chart, 8), "规模以上工业增加值增速：3.8%，2023年上半年。第9项，共9项（规模以上工业增加值增速：与前期比较）。");
    }

    /// What the drawing says around a label is said too: the NEV chart's grey reference row is
    /// "for reference", not a third NEV figure; the co-built 5G base stations are part of the
    /// bar before them.
    #[test]
    fn a_reference_row_and_a_part_are_said_as_drawn() {
        let nev = Chart::build(ChartId::Nev, Lang::En).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(announcement(&nev, 2), "Industrial value added growth (firms above designated size), for reference: 3.8%, H1\u{a0}2023. Point 3 of 3.");
        let five_g = Chart::build(ChartId::FiveG, Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
        assert!(announcement(&five_g, 1).starts_with("其中5G共建共享基站：超173万个，"), "{}", announcement(&five_g, 1));
        let five_g = Chart::build(ChartId::FiveG, Lang::En).unwrap_or_else(|e| panic!("{e}"));
        assert!(announcement(&five_g, 1).starts_with("of which co-built and shared 5G base stations: more than 1.73 million, "), "{}", announcement(&five_g, 1));
        assert!(announcement(&five_g, 0).starts_with("5G base stations: 2.937 million, "), "{}", announcement(&five_g, 0));
    }
}
