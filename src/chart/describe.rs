//! The words around the chart: a point's tooltip, what the live region announces, and the names
//! of derived and target figures. Pure.

use crate::data::model::{Indicator, Kind};
use crate::DATASET;

use super::spec::Chart;
use super::{format, Lang};

/// What a tooltip shows for one point.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Tooltip {
    pub label: String,
    pub value: String,
    pub period: String,
    /// "推算" / "Derived" or "目标" / "Target", with how it was derived; none for stated figures.
    pub kind: Option<String>,
    /// The sentence the figure comes from, verbatim.
    pub quote: Option<String>,
    /// Who published the quoted text.
    pub source: String,
}

/// "3.8% − 0.4个百分点" for a derived indicator's formula.
fn formula_in_words(ind: &Indicator, lang: Lang) -> String {
    let Some(derivation) = &ind.derivation else { return String::new() };
    derivation
        .formula
        .split_whitespace()
        .map(|token| match token {
            "-" => " − ".to_string(),
            "+" => " + ".to_string(),
            id => DATASET.indicator(id).map_or_else(|| id.to_string(), |input| format::value(input, lang)),
        })
        .collect()
}

pub fn tooltip(ind: &Indicator, lang: Lang) -> Tooltip {
    let kind = match ind.kind {
        Kind::Stated => None,
        Kind::Derived => Some(match lang {
            Lang::Zh => format!("推算值：{}，原文未直接给出", formula_in_words(ind, lang)),
            Lang::En => format!("Derived: {}, not stated in the text", formula_in_words(ind, lang)),
        }),
        Kind::Target => Some(lang.pick("目标", "Target").to_string()),
    };
    // The longest quote gives the most context (a body sentence rather than its headline).
    let provenance = ind.sources.iter().max_by_key(|p| p.quote.chars().count());
    let source = match provenance.and_then(|p| DATASET.source(&p.file)) {
        Some(s) => format!("{}{}{}", lang.pick("来源：", "Source: "), s.publisher, lang.pick("，", ", ")) + &s.date,
        None => lang.pick("由原文数据推算", "Computed from figures in the texts").to_string(),
    };
    Tooltip {
        label: lang.pick(&ind.label.zh, &ind.label.en).to_string(),
        value: format::value(ind, lang),
        period: format::period(&ind.period, lang),
        kind,
        quote: provenance.map(|p| p.quote.to_string()),
        source,
    }
}

/// What the live region says when a point is focused: label, value, period, position.
pub fn announcement(chart: &Chart, point_idx: usize) -> String {
    let points = chart.points();
    let Some(ind) = points.get(point_idx) else { return String::new() };
    let t = tooltip(ind, chart.lang);
    let (n, total) = (point_idx + 1, points.len());
    let kind = t.kind.map(|k| format!("{}{k}", chart.lang.pick("。", ". "))).unwrap_or_default();
    match chart.lang {
        Lang::Zh => format!("{}：{}，{}{kind}。第{n}项，共{total}项。", t.label, t.value, t.period),
        Lang::En => format!("{}: {}, {}{kind}. Point {n} of {total}.", t.label, t.value, t.period),
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
        assert!(t.quote.as_deref().is_some_and(|q| q.contains("新能源汽车产销同比分别增长42.4%和44.1%")));
        let en = tooltip(ind("users_mobile_iot"), Lang::En);
        assert_eq!((en.value.as_str(), en.period.as_str()), ("more than 2.12 billion", "as of 30 June 2023"));
        assert_eq!(en.source, "Source: 财联社, 2023-07-19");
    }

    #[test]
    fn derived_and_target_figures_say_so() {
        let t = tooltip(ind("industry_value_added_growth_2022_h1"), Lang::Zh);
        assert_eq!(t.kind.as_deref(), Some("推算值：3.8% − 0.4个百分点，原文未直接给出"));
        assert_eq!(t.quote, None);
        let t = tooltip(ind("factories_5g_target"), Lang::En);
        assert_eq!((t.kind.as_deref(), t.value.as_str()), (Some("Target"), "at least 3,000"));
    }

    #[test]
    fn the_live_region_names_the_point_and_its_position() {
        let chart = Chart::build(ChartId::Nev, Lang::En).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(announcement(&chart, 1), "NEV sales growth: 44.1%, H1 2023. Point 2 of 3.");
        let chart = Chart::build(ChartId::Nev, Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(announcement(&chart, 0), "新能源汽车产量增速：42.4%，2023年上半年。第1项，共3项。");
        assert_eq!(announcement(&chart, 9), "");
    }
}
