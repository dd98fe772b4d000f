//! Which indicators the charts show, by id or by rule. `spec` builds the panels from these, and
//! build.rs reads them too (it includes this file by path): the wasm embeds only the indicators
//! a chart shows or derives a shown figure from, since every byte of it goes to every reader.
//! Pure; refers to the model as `crate::data::model`, which resolves in build.rs as well.

use crate::data::model::{Dataset, Indicator, Kind, Measure, Unit};

/// Growth chart, first panel: every growth rate the texts state for H1 2023 (the percentages that
/// state a change; 5G's share of traffic, also a percentage, is a share).
pub fn is_growth_rate(i: &Indicator) -> bool {
    i.unit == Unit::Percent && i.measure == Measure::Change && i.period == "2023-H1" && i.kind == Kind::Stated
}

/// Growth chart, second panel: industrial growth in earlier periods and now.
pub const GROWTH_BASELINES: [&str; 3] =
    ["industry_value_added_growth_2022_h1", "industry_value_added_growth_2023_q1", "industry_value_added_growth"];

/// 5G chart: all base stations, and the co-built ones among them.
pub const FIVE_G_STATIONS: &str = "bs_5g_total";
/// 5G chart: the co-built and shared base stations, drawn inside the bar of [`FIVE_G_STATIONS`].
pub const FIVE_G_STATIONS_SHARED: &str = "bs_5g_shared";
/// 5G chart, second panel: 5G mobile subscribers and mobile IoT connections.
pub const FIVE_G_USERS: [&str; 2] = ["users_5g_mobile", "users_mobile_iot"];
/// 5G chart, third panel: 5G's share of mobile data traffic.
pub const FIVE_G_TRAFFIC_SHARE: &str = "traffic_share_5g";
/// 5G chart, last panel: figures of the gigabit network and of 5G applications, shown as tiles.
pub const FIVE_G_STATS: [&str; 4] = ["pon_10g_ports", "app_categories_5g", "app_cases_5g", "terminals_5g_licensed"];

/// NEV chart: production and sales growth, against industrial growth.
pub const NEV_ROWS: [&str; 3] = ["nev_production_growth", "nev_sales_growth", "industry_value_added_growth"];
/// The years running that the NEV chart's note counts.
pub const NEV_WORLD_FIRST_YEARS: &str = "nev_world_first_years";

/// Every indicator id a chart shows, named or by rule, then the inputs each derived one is
/// computed from (the tooltip and the CSV give its formula with their values). Each id once, so
/// a derivation that names itself cannot loop.
pub fn shown(dataset: &Dataset) -> Vec<&str> {
    let growth_rates = dataset.indicators.iter().filter(|i| is_growth_rate(i)).map(|i| i.id.as_ref());
    let named = [FIVE_G_STATIONS, FIVE_G_STATIONS_SHARED, FIVE_G_TRAFFIC_SHARE, NEV_WORLD_FIRST_YEARS];
    let mut ids: Vec<&str> = Vec::new();
    for id in growth_rates.chain(GROWTH_BASELINES).chain(named).chain(FIVE_G_USERS).chain(FIVE_G_STATS).chain(NEV_ROWS) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    let mut at = 0;
    while at < ids.len() {
        for input in dataset.indicator(ids[at]).and_then(|i| i.derivation.as_ref()).into_iter().flat_map(|d| d.inputs.iter()) {
            if !ids.contains(&input.as_ref()) {
                ids.push(input);
            }
        }
        at += 1;
    }
    ids
}

/// The dataset the wasm embeds: `dataset` with only the indicators [`shown`] names, in order.
pub fn shipped(dataset: &Dataset) -> Dataset {
    let shown = shown(dataset);
    Dataset {
        sources: dataset.sources.clone(),
        indicators: dataset.indicators.iter().filter(|i| shown.contains(&i.id.as_ref())).cloned().collect(),
    }
}
