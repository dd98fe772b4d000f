//! Which figures each chart shows and how they are grouped. Ids name the figures; every value comes
//! from the embedded dataset. Quantities of different units never share an axis: each panel has one.

use std::fmt;

use crate::data::model::{Dataset, Indicator, Kind, Unit};
use crate::DATASET;

use super::members::{self, is_growth_rate};
use super::{format, period, ChartId, Lang};

/// How a panel shows its rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanelKind {
    /// Horizontal bars on one linear axis starting at zero.
    Bars,
    /// A share of a whole: a 0–100% track per row.
    Share,
    /// Figures that do not compare with each other, shown as numbers.
    Stats,
}

/// How a row is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowStyle {
    Main,
    /// Implied by the text, not stated: outlined.
    Derived,
    /// A reference to compare against: neutral colour.
    Reference,
}

/// One bar or tile of a panel: a figure, its label and how it is drawn.
#[derive(Clone, Debug)]
pub struct Row {
    pub indicator: &'static Indicator,
    /// The row's label; the indicator's label unless the panel needs another.
    pub label: String,
    /// A part of the row's whole (co-built 5G base stations inside all 5G base stations).
    pub part: Option<&'static Indicator>,
    pub style: RowStyle,
}

/// A part named as a part of the bar it is drawn in: 其中…, of which ….
pub fn of_which(label: &str, lang: Lang) -> String {
    lang.pick("其中", "of which ").to_string() + &format::lowercase_first(label)
}

impl Row {
    /// A figure of the row as the table, the live region and the cards name it, with what the
    /// drawing says around its own label (`own`): a part's "of which", a reference row's "for
    /// reference".
    pub fn said_label(&self, part: bool, lang: Lang, own: String) -> String {
        match (part, self.style) {
            (true, _) => of_which(&own, lang),
            (false, RowStyle::Reference) => self.label.clone(),
            _ => own,
        }
    }
}

/// A titled group of rows. Bars and shares share one axis in `unit`; a stats panel has no axis.
#[derive(Clone, Debug)]
pub struct Panel {
    pub title: String,
    pub kind: PanelKind,
    pub unit: Unit,
    pub rows: Vec<Row>,
}

/// A chart resolved against the dataset, in one language.
#[derive(Clone, Debug)]
pub struct Chart {
    pub id: ChartId,
    pub lang: Lang,
    pub title: String,
    pub panels: Vec<Panel>,
    /// A sentence under the panels: the growth chart's, that its two panels have different
    /// scales; the NEV chart's, on its ranking in the world.
    pub note: Option<String>,
    /// The figure the note states, if any: the table and the CSV list it, with its source, as
    /// they do every figure drawn.
    pub noted: Option<&'static Indicator>,
    /// The credit line at the foot of the chart.
    pub source_line: String,
    /// Derived from `panels` once, at build: the hover and keyboard paths read it on every event.
    points: Vec<&'static Indicator>,
}

/// A chart names a figure the dataset does not have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingIndicator(pub &'static str);

impl fmt::Display for MissingIndicator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the dataset has no indicator `{}`", self.0)
    }
}

impl std::error::Error for MissingIndicator {}

fn get(dataset: &'static Dataset, id: &'static str) -> Result<&'static Indicator, MissingIndicator> {
    dataset.indicator(id).ok_or(MissingIndicator(id))
}

/// The rows of the indicators `ids`, in the main style. (A loop: two `collect`s into a `Result`,
/// one per array length, shipped two copies of the iterator code.)
fn main_rows(dataset: &'static Dataset, ids: &[&'static str], lang: Lang) -> Result<Vec<Row>, MissingIndicator> {
    let mut rows = Vec::new();
    for id in ids {
        rows.push(row(get(dataset, id)?, lang, RowStyle::Main));
    }
    Ok(rows)
}

/// A row labelled with its indicator's label, derived figures marked.
fn row(indicator: &'static Indicator, lang: Lang, style: RowStyle) -> Row {
    let label = lang.pick(&indicator.label.zh, &indicator.label.en).to_string();
    Row { indicator, label, part: None, style }
}

fn derived_mark(lang: Lang) -> &'static str {
    lang.pick("（推算）", " (derived)")
}

fn growth(dataset: &'static Dataset, lang: Lang) -> Result<Vec<Panel>, MissingIndicator> {
    // Every year-on-year growth rate the texts state for H1 2023, largest first.
    let mut rates: Vec<&'static Indicator> = Vec::new();
    for i in dataset.indicators.iter() {
        if is_growth_rate(i) {
            rates.push(i);
        }
    }
    // A handful of rows: an insertion sort, stable, and far smaller in the wasm than slice::sort.
    for i in 1..rates.len() {
        let mut j = i;
        while let Some([a, b]) = rates.get_mut(j.wrapping_sub(1)..=j) {
            if a.value < b.value {
                std::mem::swap(a, b);
                j -= 1;
            } else {
                break;
            }
        }
    }
    // Not "year-on-year growth" again under a title that says so.
    let ranked = Panel {
        title: lang.pick("各项指标", "By indicator").into(),
        kind: PanelKind::Bars,
        unit: Unit::Percent,
        rows: {
            let mut rows = Vec::new();
            for i in rates {
                rows.push(row(i, lang, RowStyle::Main));
            }
            rows
        },
    };
    let mut baselines = Vec::new();
    for id in members::GROWTH_BASELINES {
        let ind = get(dataset, id)?;
        let (style, mark) = match ind.kind {
            Kind::Derived => (RowStyle::Derived, derived_mark(lang)),
            _ => (RowStyle::Main, ""),
        };
        let label = format!("{}{mark}", period::period(&ind.period, lang));
        baselines.push(Row { indicator: ind, label, part: None, style });
    }
    let over_time = Panel {
        title: lang.pick("规模以上工业增加值增速：与前期比较", "Industrial value added growth against earlier periods").into(),
        kind: PanelKind::Bars,
        unit: Unit::Percent,
        rows: baselines,
    };
    Ok(vec![ranked, over_time])
}

fn five_g(dataset: &'static Dataset, lang: Lang) -> Result<Vec<Panel>, MissingIndicator> {
    let mut stations = row(get(dataset, members::FIVE_G_STATIONS)?, lang, RowStyle::Main);
    stations.part = Some(get(dataset, members::FIVE_G_STATIONS_SHARED)?);
    // A figure of another date than the title's (one the texts give undated, reported at the press
    // conference) says its own: the traffic share in its panel's title, a row or a tile in its label.
    let title_period = &stations.indicator.period;
    let dated = |text: &mut String, ind: &Indicator| {
        if ind.period != *title_period {
            text.push_str(lang.pick("（", ", "));
            text.push_str(&period::period(&ind.period, lang));
            text.push_str(lang.pick("）", ""));
        }
    };
    let share = get(dataset, members::FIVE_G_TRAFFIC_SHARE)?;
    let mut traffic_title = lang.pick("流量", "Traffic").to_string();
    dated(&mut traffic_title, share);
    let mut users = main_rows(dataset, &members::FIVE_G_USERS, lang)?;
    let mut stats = main_rows(dataset, &members::FIVE_G_STATS, lang)?;
    for r in users.iter_mut().chain(&mut stats) {
        dated(&mut r.label, r.indicator);
    }
    Ok(vec![
        Panel { title: lang.pick("5G基站", "5G base stations").into(), kind: PanelKind::Bars, unit: Unit::Count, rows: vec![stations] },
        Panel { title: lang.pick("用户", "Subscribers and connections").into(), kind: PanelKind::Bars, unit: Unit::Count, rows: users },
        Panel { title: traffic_title, kind: PanelKind::Share, unit: Unit::Percent, rows: vec![row(share, lang, RowStyle::Main)] },
        Panel { title: lang.pick("千兆网络、5G应用与终端", "Gigabit networks, 5G applications and devices").into(), kind: PanelKind::Stats, unit: Unit::Count, rows: stats },
    ])
}

fn nev(dataset: &'static Dataset, lang: Lang) -> Result<(Vec<Panel>, Note), MissingIndicator> {
    let [production, sales, reference] = members::NEV_ROWS;
    // The reference row, in grey, says what it is there for.
    let mut reference = row(get(dataset, reference)?, lang, RowStyle::Reference);
    reference.label.push_str(lang.pick("（参照）", ", for reference"));
    let rows = vec![row(get(dataset, production)?, lang, RowStyle::Main), row(get(dataset, sales)?, lang, RowStyle::Main), reference];
    let years = get(dataset, members::NEV_WORLD_FIRST_YEARS)?;
    let n_years = format::value(years, lang);
    let note = match lang {
        Lang::Zh => format!("新能源汽车产销量连续{n_years}保持全球第一。"),
        Lang::En => format!("China has been the world's largest NEV producer and market for {n_years} running."),
    };
    let panel = Panel { title: lang.pick("各项指标", "By indicator").into(), kind: PanelKind::Bars, unit: Unit::Percent, rows };
    Ok((vec![panel], Note { text: note, figure: Some(years) }))
}

/// A chart's note and the figure it states.
struct Note {
    text: String,
    figure: Option<&'static Indicator>,
}

impl Chart {
    /// Resolves a chart against the embedded dataset.
    pub fn build(id: ChartId, lang: Lang) -> Result<Chart, MissingIndicator> {
        Chart::build_in(&DATASET, id, lang)
    }

    /// Resolves a chart against `dataset`.
    pub fn build_in(dataset: &'static Dataset, id: ChartId, lang: Lang) -> Result<Chart, MissingIndicator> {
        let (panels, note) = match id {
            // Both panels are of percentages, drawn to fit their own bars: a reader comparing
            // lengths across them would read 3.4% as longer than 19.2%. And what the rows
            // marked derived are: an embedded chart has no page around it to say so.
            ChartId::Growth => {
                let text = lang.pick(
                    "注：上下两组条形图的刻度不同；“推算”值由原文数字算出。",
                    "Note: the two panels are drawn to different scales; derived figures are calculated from figures in the texts.",
                );
                (growth(dataset, lang)?, Some(Note { text: text.into(), figure: None }))
            }
            ChartId::FiveG => (five_g(dataset, lang)?, None),
            ChartId::Nev => nev(dataset, lang).map(|(panels, note)| (panels, Some(note)))?,
        };
        let noted = note.as_ref().and_then(|n| n.figure);
        let note = note.map(|n| n.text);
        // The period in the title is the first figure's (every figure of the first panel has it).
        let when = panels.first().and_then(|p| p.rows.first()).map(|r| period::period(&r.indicator.period, lang)).unwrap_or_default();
        let (before, after) = match (id, lang) {
            (ChartId::Growth, Lang::Zh) => ("", "主要指标同比增长"),
            (ChartId::Growth, Lang::En) => ("Year-on-year growth of key indicators, ", ""),
            (ChartId::FiveG, Lang::Zh) => ("5G与网络发展（", "）"),
            (ChartId::FiveG, Lang::En) => ("5G and network development in China ", ""),
            (ChartId::Nev, Lang::Zh) => ("新能源汽车产销同比增长（", "）"),
            (ChartId::Nev, Lang::En) => ("New energy vehicle (NEV) production and sales growth, ", ""),
        };
        let title = format!("{before}{when}{after}");
        // The press conference that both texts report, on its day: each is dated the day of it
        // (data/catalogue.ini), the line by the first. The words are ours, as the titles are.
        let date = dataset.sources.first().map(|s| period::date(&s.date, lang).unwrap_or_else(|| s.date.to_string())).unwrap_or_default();
        let source_line = match lang {
            Lang::Zh => format!("来源：国新办新闻发布会（工业和信息化部），{date}"),
            Lang::En => format!("Source: State Council Information Office press conference (MIIT), {date}"),
        };
        // Pushed in a loop, not collected from a chain: each chain into `collect` ships its own
        // copy of the iterator code (layout.rs, `figures`).
        let mut points = Vec::new();
        for row in panels.iter().flat_map(|panel| &panel.rows) {
            points.push(row.indicator);
            if let Some(part) = row.part {
                points.push(part);
            }
        }
        Ok(Chart { id, lang, title, panels, note, noted, source_line, points })
    }

    /// Every data point in reading (and keyboard) order: each row, then its part.
    pub fn points(&self) -> &[&'static Indicator] {
        &self.points
    }

    /// The panel and row that show point `point_idx`, and whether it is the row's part; None
    /// past the last point.
    pub fn row_of(&self, point_idx: usize) -> Option<(&Panel, &Row, bool)> {
        let mut n_points = 0;
        for panel in &self.panels {
            for row in &panel.rows {
                for part in [false, true] {
                    if part && row.part.is_none() {
                        continue;
                    }
                    if point_idx == n_points {
                        return Some((panel, row, part));
                    }
                    n_points += 1;
                }
            }
        }
        None
    }

    /// The name of point `point_idx` in a link (`#chart/name`) and in `focus-point`: its
    /// indicator's id, or, where an earlier point already shows that indicator, the id, `@` and
    /// which time the chart shows it (the growth chart shows H1 2023 in both panels; the second
    /// bar is `industry_value_added_growth@2`). None past the last point.
    pub fn point_name(&self, point_idx: usize) -> Option<String> {
        let id = &self.points.get(point_idx)?.id;
        let mut name = id.to_string();
        let shown_before = self.points[..point_idx].iter().filter(|p| p.id == *id).count();
        if shown_before > 0 {
            name.push('@');
            name.push_str(&(shown_before + 1).to_string());
        }
        Some(name)
    }

    /// The point [`Chart::point_name`] calls `name`, if any.
    pub fn point_named(&self, name: &str) -> Option<usize> {
        (0..self.points.len()).find(|&i| self.point_name(i).as_deref() == Some(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::describe;

    /// `row_of` numbers the points as `points` lists them: each row, then its part.
    #[test]
    fn each_point_is_shown_by_the_row_row_of_names() {
        for id in ChartId::ALL {
            for lang in [Lang::Zh, Lang::En] {
                let c = Chart::build(id, lang).unwrap_or_else(|e| panic!("{e}"));
                for (idx, ind) in c.points().iter().enumerate() {
                    let (_, row, part) = c.row_of(idx).unwrap_or_else(|| panic!("{id:?} {lang:?}: point {idx}"));
                    let shown = if part { row.part } else { Some(row.indicator) };
                    assert_eq!(shown.map(|i| &i.id), Some(&ind.id), "{id:?} {lang:?}: point {idx}");
                }
                assert!(c.row_of(c.points().len()).is_none(), "{id:?} {lang:?}: none past the last");
            }
        }
    }

    /// No panel title says again what the chart's title says: no three characters in a row of it
    /// in Chinese (同比增速 under …同比增长), no two words in a row in English.
    #[test]
    fn no_panel_title_repeats_the_charts_title() {
        for id in ChartId::ALL {
            for lang in [Lang::Zh, Lang::En] {
                let c = Chart::build(id, lang).unwrap_or_else(|e| panic!("{e}"));
                for p in &c.panels {
                    // A panel's title naming its figures' own date, another than the title's (the
                    // 5G chart's traffic panel), repeats no word of it.
                    let mut own = p.title.clone();
                    for r in p.rows.iter().filter(|r| r.indicator.period != c.points()[0].period) {
                        own = own.replace(&period::period(&r.indicator.period, lang), "");
                    }
                    let runs: Vec<String> = match lang {
                        Lang::Zh => {
                            let chars: Vec<char> = own.chars().collect();
                            chars.windows(3).map(|w| w.iter().collect()).collect()
                        }
                        Lang::En => {
                            let words: Vec<&str> = own.split(' ').collect();
                            words.windows(2).map(|w| w.join(" ")).collect()
                        }
                    };
                    // A year is no repeated word.
                    let year = |r: &String| r.chars().all(|ch| ch.is_ascii_digit() || ch == '年');
                    let repeated: Vec<&String> = runs.iter().filter(|r| c.title.contains(r.as_str()) && !year(r)).collect();
                    assert!(repeated.is_empty(), "{id:?} {lang:?}: {:?} under {:?} repeats {repeated:?}", p.title, c.title);
                }
            }
        }
    }

    #[test]
    fn every_chart_resolves_in_both_languages() {
        for id in ChartId::ALL {
            for lang in [Lang::Zh, Lang::En] {
                let chart = Chart::build(id, lang).unwrap_or_else(|e| panic!("{e}"));
                let n_points = match id {
                    ChartId::Growth => 9,
                    ChartId::FiveG => 9,
                    ChartId::Nev => 3,
                };
                assert_eq!(chart.points().len(), n_points, "{id:?}");
                // Every word of the chart in its language: Chinese has Han characters, English none.
                let words = chart.panels.iter().flat_map(|p| std::iter::once(&p.title).chain(p.rows.iter().map(|r| &r.label)));
                for text in words.chain([&chart.title, &chart.source_line]) {
                    let han = text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                    assert_eq!(han, lang == Lang::Zh, "{id:?} {lang:?}: {text:?}");
                }
            }
        }
    }

    #[test]
    fn growth_shows_the_six_stated_h1_rates_sorted_and_the_derived_baselines() {
        let chart = Chart::build(ChartId::Growth, Lang::En).unwrap_or_else(|e| panic!("{e}"));
        let ranked: Vec<&str> = chart.panels[0].rows.iter().map(|r| r.indicator.id.as_ref()).collect();
        assert_eq!(
            ranked,
            [
                "nev_sales_growth",
                "nev_production_growth",
                "emerging_business_revenue_growth",
                "telecom_business_volume_growth",
                "telecom_revenue_growth",
                "industry_value_added_growth"
            ]
        );
        let styles: Vec<RowStyle> = chart.panels[1].rows.iter().map(|r| r.style).collect();
        assert_eq!(styles, [RowStyle::Derived, RowStyle::Derived, RowStyle::Main]);
        assert_eq!(chart.panels[1].rows[0].label, "H1\u{a0}2022 (derived)");
    }

    /// Every chart with a row marked derived says in its note what that means (an embedded
    /// chart has no page around it to say so).
    #[test]
    fn a_chart_with_derived_rows_says_what_derived_means() {
        let mut derived = 0;
        for id in ChartId::ALL {
            for lang in [Lang::Zh, Lang::En] {
                let chart = Chart::build(id, lang).unwrap_or_else(|e| panic!("{e}"));
                let marked = chart.panels.iter().flat_map(|p| &p.rows).any(|r| r.style == RowStyle::Derived);
                if marked {
                    derived += 1;
                    let word = lang.pick("“推算”值由原文数字算出", "derived figures are calculated from figures in the texts");
                    assert!(chart.note.as_deref().is_some_and(|n| n.contains(word)), "{id:?} {lang:?}: {:?}", chart.note);
                }
            }
        }
        assert_eq!(derived, 2);
    }

    #[test]
    fn panels_never_mix_units() {
        for id in ChartId::ALL {
            let chart = Chart::build(id, Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
            for panel in chart.panels.iter().filter(|p| p.kind != PanelKind::Stats) {
                for row in &panel.rows {
                    assert_eq!(row.indicator.unit, panel.unit, "{} in {}", row.indicator.id, panel.title);
                }
            }
        }
    }

    #[test]
    fn the_wasm_embeds_every_indicator_a_chart_shows_or_derives_from() {
        // build.rs embeds `members::shipped` in the wasm; natively DATASET has every indicator.
        let shipped: &'static Dataset = Box::leak(Box::new(members::shipped(&DATASET)));
        assert!(shipped.indicators.len() < DATASET.indicators.len(), "indicators no chart shows are left out");
        for id in ChartId::ALL {
            for lang in [Lang::Zh, Lang::En] {
                let full = Chart::build(id, lang).unwrap_or_else(|e| panic!("{e}"));
                let chart = Chart::build_in(shipped, id, lang).unwrap_or_else(|e| panic!("{}: {e}", id.key()));
                let ids = |c: &Chart| c.points().iter().map(|p| p.id.to_string()).collect::<Vec<_>>();
                assert_eq!(ids(&chart), ids(&full), "{} shows the same points", id.key());
                assert_eq!((&chart.title, &chart.note, &chart.source_line), (&full.title, &full.note, &full.source_line));
                // And everything a reader gets of it: the drawing, the description, the table
                // and the CSV, each point's card.
                let svg = |c: &Chart| {
                    let scene = crate::chart::layout::layout(c, 800.0, &crate::chart::geom::EstimateMeasure, &crate::chart::theme::LIGHT, None);
                    crate::chart::draw::to_svg(&scene, &crate::chart::theme::LIGHT).unwrap_or_else(|e| panic!("{e}"))
                };
                assert_eq!(svg(&chart), svg(&full), "{} draws the same", id.key());
                assert_eq!(describe::summary(&chart), describe::summary(&full));
                assert_eq!(crate::chart::table::csv(&chart), crate::chart::table::csv(&full));
                assert_eq!(format!("{:?}", crate::chart::table::table(&chart)), format!("{:?}", crate::chart::table::table(&full)));
                for (a, b) in chart.points().iter().zip(full.points()) {
                    assert_eq!(format!("{:?}", describe::tooltip(a, lang)), format!("{:?}", describe::tooltip(b, lang)));
                }
                for point in chart.points() {
                    for input in point.derivation.iter().flat_map(|d| d.inputs.iter()) {
                        assert!(shipped.indicator(input).is_some(), "{input}, an input of {}, is not embedded", point.id);
                    }
                }
            }
        }
    }

    /// A link or `focus-point` names one point: no two points of a chart share a name, and each
    /// name finds its own point (the growth chart's H1 2023 in its second panel, not the first).
    #[test]
    fn every_point_has_a_name_of_its_own() {
        for id in ChartId::ALL {
            let chart = Chart::build(id, Lang::En).unwrap_or_else(|e| panic!("{e}"));
            let names: Vec<String> = (0..chart.points().len()).map(|i| chart.point_name(i).unwrap_or_else(|| panic!("{i}"))).collect();
            for (i, name) in names.iter().enumerate() {
                assert_eq!(chart.point_named(name), Some(i), "{} names point {i}", name);
                assert!(!name.contains('/') && !name.contains('#'), "{name} fits in a link's hash");
            }
            assert_eq!(chart.point_name(names.len()), None);
        }
        let growth = Chart::build(ChartId::Growth, Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
        let shown_twice: Vec<usize> = (0..growth.points().len()).filter(|&i| growth.points()[i].id == "industry_value_added_growth").collect();
        assert_eq!(shown_twice.len(), 2, "H1 2023 in both panels");
        let names: Vec<Option<String>> = shown_twice.iter().map(|&i| growth.point_name(i)).collect();
        assert_eq!(names, [Some("industry_value_added_growth".to_string()), Some("industry_value_added_growth@2".to_string())]);
        assert_eq!(growth.point_named("industry_value_added_growth@1"), None, "only a repeat is numbered");
    }

    #[test]
    fn the_nev_note_is_written_from_the_data() {
        let chart = Chart::build(ChartId::Nev, Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(chart.note.as_deref(), Some("新能源汽车产销量连续8年保持全球第一。"));
        let mut dataset = DATASET.clone();
        let years = dataset.indicators.to_mut().iter_mut().find(|i| i.id == members::NEV_WORLD_FIRST_YEARS);
        years.unwrap_or_else(|| panic!("no {}", members::NEV_WORLD_FIRST_YEARS)).value = 9.0;
        let chart = Chart::build_in(Box::leak(Box::new(dataset)), ChartId::Nev, Lang::En).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(chart.note.as_deref(), Some("China has been the world's largest NEV producer and market for 9 years running."));
    }

    /// Every figure of a chart's first panel has one period, which its title names; the 5G
    /// summary names its date, the growth summary its figures' period.
    #[test]
    fn titles_and_summaries_name_the_period_of_their_figures() {
        for id in ChartId::ALL {
            let chart = Chart::build(id, Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
            let first = &chart.panels[0];
            let periods: Vec<&str> = first.rows.iter().flat_map(|r| std::iter::once(r.indicator).chain(r.part)).map(|i| i.period.as_ref()).collect();
            assert!(periods.windows(2).all(|w| w[0] == w[1]), "{}: {periods:?}", id.key());
        }
        // The 5G summary names one date for its stocks (describe::summary); the figures the texts
        // give undated (reported at the press conference, in the catalogue) say their own in their
        // panel's title, under their tile's label and in their part of the summary.
        let five_g = Chart::build(ChartId::FiveG, Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
        let other: Vec<&str> = five_g.points().iter().filter(|i| i.period != five_g.points()[0].period).map(|i| i.id.as_ref()).collect();
        assert_eq!(other, [members::FIVE_G_TRAFFIC_SHARE, members::FIVE_G_STATS[1], members::FIVE_G_STATS[2]]);
        assert_eq!(five_g.panels[2].title, "流量（2023年7月19日发布）");
        let tiles: Vec<&str> = five_g.panels[3].rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(tiles, ["10G PON端口", "5G应用融入的国民经济大类（2023年7月19日发布）", "累计5G应用案例（2023年7月19日发布）", "获得进网许可的5G终端产品"]);
        assert!(describe::summary(&five_g).contains("5G流量占比42.9%（2023年7月19日发布）；"), "{}", describe::summary(&five_g));
        let five_g = Chart::build(ChartId::FiveG, Lang::En).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(five_g.panels[2].title, "Traffic, reported 19\u{a0}July\u{a0}2023");
        assert_eq!(five_g.panels[3].rows[2].label, "Cumulative 5G application cases, reported 19\u{a0}July\u{a0}2023");
        // A quarter later, in the NEV chart's figures (its industry reference too) and the 5G
        // stocks: the titles and summaries follow. (The growth chart shows the rates stated for
        // H1 2023, by its rule in members.rs: its title and summary say so, from the data.)
        let mut dataset = DATASET.clone();
        for ind in dataset.indicators.to_mut().iter_mut() {
            ind.period = match ind.period.as_ref() {
                "2023-H1" if members::NEV_ROWS.contains(&ind.id.as_ref()) => "2023-Q3",
                "2023-06-30" => "2023-09-30",
                _ => continue,
            }
            .into();
        }
        let dataset: &'static Dataset = Box::leak(Box::new(dataset));
        let build = |id, lang| Chart::build_in(dataset, id, lang).unwrap_or_else(|e| panic!("{e}"));
        let expected = [
            (ChartId::Growth, Lang::Zh, "2023年上半年主要指标同比增长", Some("2023年上半年，")),
            (ChartId::Growth, Lang::En, "Year-on-year growth of key indicators, H1\u{a0}2023", Some("In H1\u{a0}2023, ")),
            (ChartId::FiveG, Lang::Zh, "5G与网络发展（截至2023年9月底）", Some("截至2023年9月底：")),
            (ChartId::FiveG, Lang::En, "5G and network development in China at the end of September\u{a0}2023", Some("At the end of September\u{a0}2023 – ")),
            (ChartId::Nev, Lang::Zh, "新能源汽车产销同比增长（2023年三季度）", Some("2023年三季度，")),
            (ChartId::Nev, Lang::En, "New energy vehicle (NEV) production and sales growth, Q3\u{a0}2023", Some("In Q3\u{a0}2023, ")),
        ];
        for (id, lang, title, summary_start) in expected {
            let chart = build(id, lang);
            assert_eq!(chart.title, title);
            // The downloads' file names too.
            let stem = crate::chart::table::file_stem(&chart);
            let period = if id == ChartId::Growth { "-2023-h1-" } else if id == ChartId::Nev { "-2023-q3-" } else { "-2023-09-30-" };
            assert!(stem.contains(period), "{stem}");
            let summary = describe::summary(&chart);
            assert!(summary_start.is_none_or(|start| summary.starts_with(start)), "{summary}");
        }
    }
}
