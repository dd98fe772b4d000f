//! The chart's data as a reader's table and as CSV with provenance: the same points the canvas
//! draws, in the same order. Pure.

use crate::data::model::{Indicator, Kind, Qualifier, Unit};
use crate::DATASET;

use super::describe::{tooltip, Quote};
use super::spec::{Chart, Row};
use super::{ascii, format, ChartId, Lang};

/// A table with a caption and one row per data point, grouped as the chart's panels are.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<String>,
    pub groups: Vec<RowGroup>,
}

/// The rows of one panel. The title is there when the chart has more than one panel: a figure
/// shown in two panels (industrial value added growth, ranked and against its baselines) then
/// reads as two rows of two groups, not as a repeated row.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RowGroup {
    /// The panel's title, as a heading row; none for a chart of one panel.
    pub title: Option<String>,
    pub rows: Vec<TableRow>,
}

/// One point's row.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct TableRow {
    /// Indicator, value, qualifier, period, kind, source.
    pub cells: Vec<String>,
    /// The sentence the figure is quoted from, in “”, which opens the source cell. It is Chinese
    /// whatever the table's language: the cell marks it `lang="zh"`, so that a screen reader
    /// reads it with a Chinese voice (WCAG 3.1.2).
    pub quote: Option<Quote>,
}

/// The qualifier word of a stated figure, "" where the texts attach none to it (such a figure may
/// be rounded as published, so a reader's table does not call it exact; the CSV's `exact` names
/// the same case for programs). A derived one has none of its own (it is computed from rounded
/// figures).
fn qualifier_words(ind: &Indicator, lang: Lang) -> &'static str {
    if ind.kind == Kind::Derived {
        return "";
    }
    match ind.qualifier {
        Qualifier::Exact => "",
        Qualifier::MoreThan => lang.pick("超过", "more than"),
        Qualifier::AtLeast => lang.pick("不少于", "at least"),
        Qualifier::About => lang.pick("约", "about"),
        Qualifier::Nearly => lang.pick("接近", "nearly"),
    }
}

fn kind_words(k: Kind, lang: Lang) -> &'static str {
    match k {
        Kind::Stated => lang.pick("原文", "stated"),
        Kind::Derived => lang.pick("推算", "derived"),
        Kind::Target => lang.pick("目标", "target"),
    }
}

/// The table a reader sees (and a screen reader reads) for a chart.
pub fn table(chart: &Chart) -> Table {
    let lang = chart.lang;
    let headers = match lang {
        Lang::Zh => ["指标", "数值", "限定词", "时期", "类型", "出处"],
        Lang::En => ["Indicator", "Value", "Qualifier", "Period", "Kind", "Source"],
    };
    let row = |ind: &Indicator, said: Option<(&Row, bool)>| {
        let t = tooltip(ind, lang);
        let (quote, source) = match (t.quote, t.kind) {
            (Some(quote), _) => (Some(quote), t.source),
            (None, Some(kind)) => (None, kind),
            (None, None) => (None, t.source),
        };
        let cells = vec![
            match said {
                // A row its panel names otherwise than by its figure (the growth chart's earlier
                // periods, by their period, under a title naming the figure) is named as the canvas
                // names it: by the figure, its rows would share one header, which a screen reader
                // says again at each of their cells.
                Some((r, false)) if !r.label.as_bytes().starts_with(t.label.as_bytes()) => r.label.clone(),
                Some((r, part)) => r.said_label(part, lang, t.label),
                None => t.label,
            },
            t.value,
            match qualifier_words(ind, lang) {
                "" => "—".to_string(),
                words => words.to_string(),
            },
            t.period,
            kind_words(ind.kind, lang).to_string(),
            source,
        ];
        TableRow { cells, quote }
    };
    // The same points in the same order as `Chart::points`: each row, then its part; then the
    // figure the note states, in a group of its own.
    let titled = chart.panels.len() > 1 || chart.noted.is_some();
    let mut groups: Vec<RowGroup> = Vec::new();
    for panel in &chart.panels {
        let mut rows = Vec::new();
        for r in &panel.rows {
            rows.push(row(r.indicator, Some((r, false))));
            if let Some(part) = r.part {
                rows.push(row(part, Some((r, true))));
            }
        }
        groups.push(RowGroup { title: titled.then(|| panel.title.clone()), rows });
    }
    if let Some(ind) = chart.noted {
        groups.push(RowGroup { title: Some(note_title(lang).into()), rows: vec![row(ind, None)] });
    }
    let caption = match lang {
        Lang::Zh => format!("数据表：{}", chart.title),
        Lang::En => format!("{} (data table)", chart.title),
    };
    let mut header_cells = Vec::new();
    for header in headers {
        header_cells.push(header.to_string());
    }
    Table { caption, headers: header_cells, groups }
}

/// The heading of the note's figure, in the table and the CSV's panel column.
fn note_title(lang: Lang) -> &'static str {
    lang.pick("注", "Note")
}

fn unit_key(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "percent",
        Unit::PercentagePoint => "percentage_point",
        Unit::Count => "count",
        Unit::Yuan => "yuan",
        Unit::Tonne => "tonne",
        Unit::TonnePerDay => "tonne_per_day",
        Unit::Kiloampere => "kiloampere",
        Unit::Year => "year",
    }
}

/// RFC 4180 quoting.
fn csv_field(s: &str) -> String {
    if s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        format!("\"{}\"", ascii::replace(s, b'"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A derived figure's inputs with their values, "industry_value_added_growth=3.8;
/// industry_growth_gain_vs_2022_h1=0.4", so that its formula can be checked from the file alone.
fn formula_inputs(ind: &Indicator) -> String {
    let Some(d) = &ind.derivation else { return String::new() };
    let mut inputs = String::new();
    for (i, id) in d.inputs.iter().enumerate() {
        if i > 0 {
            inputs.push_str("; ");
        }
        match DATASET.indicator(id) {
            Some(input) => inputs.push_str(&format!("{id}={}", format::plain(input.value, 6))),
            None => inputs.push_str(id),
        }
    }
    inputs
}

fn csv_rows(ind: &Indicator, lang: Lang, panel: &str) -> Vec<Vec<String>> {
    let base = vec![
        panel.to_string(),
        ind.id.to_string(),
        lang.pick(&ind.label.zh, &ind.label.en).to_string(),
        format::plain(ind.value, 6),
        unit_key(ind.unit).to_string(),
        ind.counter.as_deref().unwrap_or("").to_string(),
        match (qualifier_words(ind, Lang::En), ind.kind) {
            ("", Kind::Derived) => String::new(),
            ("", _) => "exact".to_string(),
            (words, _) => ascii::replace(words, b' ', "_"),
        },
        kind_words(ind.kind, Lang::En).to_string(),
        ind.period.to_string(),
        format::value(ind, lang),
    ];
    if ind.sources.is_empty() {
        let formula = ind.derivation.as_ref().map(|d| d.formula.to_string()).unwrap_or_default();
        let mut row = base;
        for field in [String::new(), String::new(), String::new(), formula, formula_inputs(ind)] {
            row.push(field);
        }
        return vec![row];
    }
    let mut rows = Vec::new();
    for p in ind.sources.iter() {
        let mut row = base.clone();
        for field in [p.file.to_string(), p.offset.to_string(), p.quote.to_string(), String::new(), String::new()] {
            row.push(field);
        }
        rows.push(row);
    }
    rows
}

/// The chart's data as CSV, one line per (point, place in a text), with provenance columns, in
/// the order of `Chart::points`; the first column names the point's panel (a figure shown in two
/// panels is in both). Starts with a UTF-8 byte-order mark so spreadsheet programs read the
/// Chinese correctly.
pub fn csv(chart: &Chart) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str("panel,id,label,value,unit,counter,qualifier,kind,period,shown_as,file,offset_utf8_bytes,quote,formula,formula_inputs\r\n");
    let mut listed: Vec<(&str, &Indicator)> = Vec::new();
    for panel in &chart.panels {
        for r in &panel.rows {
            listed.push((&panel.title, r.indicator));
            if let Some(part) = r.part {
                listed.push((&panel.title, part));
            }
        }
    }
    if let Some(ind) = chart.noted {
        listed.push((note_title(chart.lang), ind));
    }
    for (panel, ind) in listed {
        for row in csv_rows(ind, chart.lang, panel) {
            for (i, field) in row.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&csv_field(field));
            }
            out.push_str("\r\n");
        }
    }
    out
}

/// A file name that says what is in it, e.g. "zhibiao-china-nev-growth-2023-h1-en": the period
/// is the title's, the first figure's as the data give it ("2023-H1", "2023-06-30"), in lower
/// case with anything but letters and digits as a hyphen.
pub fn file_stem(chart: &Chart) -> String {
    let what = match chart.id {
        ChartId::Growth => "yoy-growth",
        ChartId::FiveG => "5g",
        ChartId::Nev => "nev-growth",
    };
    let mut stem = format!("zhibiao-china-{what}");
    if let Some(first) = chart.points().first() {
        let mut gap = true;
        for b in first.period.bytes() {
            if b.is_ascii_alphanumeric() {
                if gap {
                    stem.push('-');
                }
                gap = false;
                stem.push(b.to_ascii_lowercase() as char);
            } else {
                gap = true;
            }
        }
    }
    stem.push('-');
    stem.push_str(chart.lang.key());
    stem
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(id: ChartId, lang: Lang) -> Chart {
        Chart::build(id, lang).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_table_has_the_same_points_as_the_chart() {
        for id in ChartId::ALL {
            for lang in [Lang::Zh, Lang::En] {
                let c = chart(id, lang);
                let t = table(&c);
                let labels: Vec<&str> = t.groups.iter().flat_map(|g| &g.rows).map(|r| r.cells[0].as_str()).collect();
                // Each point named as the cards name it, or as the canvas labels its row where
                // that label does not begin with the figure's own name; then the figure the note
                // states, if any.
                let own = |i: &Indicator| lang.pick(&i.label.zh, &i.label.en).to_string();
                let mut points = Vec::new();
                for (idx, ind) in c.points().iter().enumerate() {
                    let (_, row, part) = c.row_of(idx).unwrap_or_else(|| panic!("{id:?} {lang:?}: point {idx} has no row"));
                    points.push(match row.label.starts_with(&own(ind)) || part {
                        true => row.said_label(part, lang, own(ind)),
                        false => row.label.clone(),
                    });
                }
                points.extend(c.noted.map(own));
                assert_eq!(labels, points, "{id:?} {lang:?}");
                // No two rows share a header: a screen reader says a row's header at each of its
                // cells, and the row after it would sound the same.
                for (i, label) in labels.iter().enumerate() {
                    assert!(!labels[..i].contains(label), "{id:?} {lang:?}: two rows named {label:?}");
                }
            }
        }
        // With what the drawing says around a label: a part's "of which", a reference row's
        // "for reference" (in grey on the canvas).
        let first_labels = |id, lang| table(&chart(id, lang)).groups[0].rows.iter().map(|r| r.cells[0].clone()).collect::<Vec<_>>();
        assert_eq!(first_labels(ChartId::FiveG, Lang::Zh)[1], "其中5G共建共享基站");
        assert_eq!(first_labels(ChartId::FiveG, Lang::En)[1], "of which co-built and shared 5G base stations");
        assert_eq!(first_labels(ChartId::Nev, Lang::Zh)[2], "规模以上工业增加值增速（参照）");
        assert_eq!(first_labels(ChartId::Nev, Lang::En)[2], "Industrial value added growth (firms above designated size), for reference");
        let t = table(&chart(ChartId::Nev, Lang::Zh));
        assert_eq!((t.caption.as_str(), t.headers[1].as_str()), ("数据表：新能源汽车产销同比增长（2023年上半年）", "数值"));
        assert_eq!(t.groups[0].rows[1].cells[..5], ["新能源汽车销量增速", "44.1%", "—", "2023年上半年", "原文"]);
        // The note's figure, with its sentence, under a heading of its own (so the panel's too).
        let titles: Vec<Option<&str>> = t.groups.iter().map(|g| g.title.as_deref()).collect();
        assert_eq!(titles, [Some("各项指标"), Some("注")]);
        assert_eq!(t.groups[1].rows[0].cells[..2], ["新能源汽车产销量连续保持全球第一", "8年"]);
        assert!(t.groups[1].rows[0].quote.as_ref().is_some_and(|q| q.text.contains("新能源汽车产销量连续8年保持全球第一")));
        assert_eq!(table(&chart(ChartId::FiveG, Lang::Zh)).groups.len(), 4, "no note, no group for it");
        assert!(t.groups[0].rows[1].quote.as_ref().map(|q| &q.text).is_some_and(|q| q.starts_with('“') && q.ends_with('”') && q.contains("42.4%和44.1%")));
    }

    /// In an English table the quotes are the only Chinese: the source cell's own words are English,
    /// and every row has its sentence (a derived figure, its input's), which the cell marks as Chinese.
    #[test]
    fn an_english_tables_chinese_is_all_in_its_quotes() {
        let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for id in ChartId::ALL {
            let t = table(&chart(id, Lang::En));
            for r in t.groups.iter().flat_map(|g| &g.rows) {
                assert!(r.cells.iter().all(|c| !han(c)), "{:?}", r.cells);
                assert!(r.quote.as_ref().is_some_and(|q| han(&q.text)), "{:?} has its sentence", r.cells[0]);
            }
        }
    }

    #[test]
    fn a_figure_in_two_panels_is_in_two_titled_groups_and_a_derived_one_has_no_qualifier() {
        let t = table(&chart(ChartId::Growth, Lang::En));
        let titles: Vec<Option<&str>> = t.groups.iter().map(|g| g.title.as_deref()).collect();
        assert_eq!(titles, [Some("By indicator"), Some("Industrial value added growth against earlier periods")]);
        let in_group = |g: &RowGroup, name: &str| g.rows.iter().any(|r| r.cells[1] == "3.8%" && r.cells[0] == name);
        assert!(in_group(&t.groups[0], "Industrial value added growth (firms above designated size)"), "3.8% in the first group, by its name");
        // In the second, whose title names the figure, each row by its period, as the canvas labels it.
        assert!(in_group(&t.groups[1], "H1\u{a0}2023"), "{:?}", t.groups[1]);
        let names = |lang| table(&chart(ChartId::Growth, lang)).groups[1].rows.iter().map(|r| r.cells[0].clone()).collect::<Vec<_>>();
        assert_eq!(names(Lang::En), ["H1\u{a0}2022 (derived)", "Q1\u{a0}2023 (derived)", "H1\u{a0}2023"]);
        assert_eq!(names(Lang::Zh), ["2022年上半年（推算）", "2023年一季度（推算）", "2023年上半年"]);
        let derived: Vec<&Vec<String>> = t.groups[1].rows.iter().map(|r| &r.cells).filter(|r| r[4] == "derived").collect();
        assert_eq!(derived.len(), 2);
        assert!(derived.iter().all(|r| r[2] == "—"), "{derived:?}");
    }

    #[test]
    fn csv_has_provenance_columns_and_quotes_fields() {
        let five_g = chart(ChartId::FiveG, Lang::En);
        let text = csv(&five_g);
        let mut lines = text.lines();
        let header = "\u{feff}panel,id,label,value,unit,counter,qualifier,kind,period,shown_as,file,offset_utf8_bytes,quote,formula,formula_inputs";
        assert_eq!(lines.next(), Some(header));
        // Fields split as RFC 4180 reads them: a comma inside quotes is part of its field.
        let fields = |line: &str| line.chars().fold((1, false), |(n, quoted), c| match c {
            '"' => (n, !quoted),
            ',' if !quoted => (n + 1, quoted),
            _ => (n, quoted),
        });
        let columns = header.split(',').count();
        for id in ChartId::ALL {
            for line in csv(&chart(id, Lang::Zh)).lines().chain(csv(&chart(id, Lang::En)).lines()).skip(1) {
                assert_eq!(fields(line), (columns, false), "{id:?}: {line}");
            }
        }
        assert!(lines.next().is_some());
        let panel = csv_field(&five_g.panels[0].title);
        let bs: Vec<&str> = text.lines().filter(|l| l.contains(",bs_5g_total,")).collect();
        assert_eq!(bs.len(), 4, "one line per place the figure is stated");
        let expected = format!("{panel},bs_5g_total,5G base stations,2937000,count,个,exact,stated,2023-06-30,2.937 million,004_c299f12b6387bd31.txt,");
        assert!(bs[0].starts_with(&expected), "{}", bs[0]);
        assert!(bs[0].ends_with(",,"), "no formula, no inputs: {}", bs[0]);
        assert_eq!(csv_field("a,\"b\""), "\"a,\"\"b\"\"\"");
    }

    #[test]
    fn csv_gives_a_derived_figure_its_formula_with_the_values_it_uses_and_each_row_its_panel() {
        let growth = chart(ChartId::Growth, Lang::En);
        let text = csv(&growth);
        let line = text.lines().find(|l| l.contains(",2022-H1,")).unwrap_or_else(|| panic!("{text}"));
        let gain = DATASET.indicator("industry_growth_gain_vs_2022_h1").map(|i| format::plain(i.value, 6)).unwrap_or_default();
        let stated = DATASET.indicator("industry_value_added_growth").map(|i| format::plain(i.value, 6)).unwrap_or_default();
        assert_eq!((stated.as_str(), gain.as_str()), ("3.8", "0.4"), "the texts' figures");
        let tail = format!(",3.4,percent,,,derived,2022-H1,3.4%,,,,industry_value_added_growth - industry_growth_gain_vs_2022_h1,industry_value_added_growth={stated}; industry_growth_gain_vs_2022_h1={gain}");
        assert!(line.ends_with(&tail), "{line}");
        // 3.8% is in both panels; each line says which.
        let panels: Vec<&str> = text.lines().filter(|l| l.contains(",industry_value_added_growth,")).map(|l| l.split(',').next().unwrap_or("")).collect();
        let titles: Vec<&str> = growth.panels.iter().map(|p| p.title.as_str()).collect();
        assert!(titles.iter().all(|t| panels.contains(t)), "{panels:?} {titles:?}");
        // The same points, in the same order, as the chart.
        let ids: Vec<&str> = text.lines().skip(1).map(|l| l.split(',').nth(1).unwrap_or("")).collect();
        let mut points: Vec<&str> = growth.points().iter().map(|i| &*i.id).collect();
        let mut deduped = ids.clone();
        deduped.dedup();
        points.dedup();
        assert_eq!(deduped, points);
    }

    #[test]
    fn csv_lists_the_figure_the_note_states_with_its_source() {
        let text = csv(&chart(ChartId::Nev, Lang::En));
        let last = text.lines().last().unwrap_or_default();
        assert!(last.starts_with("Note,nev_world_first_years,") && last.contains(",8,year,") && last.contains(",004_c299f12b6387bd31.txt,"), "{last}");
    }

    #[test]
    fn file_names_say_what_is_in_them() {
        assert_eq!(file_stem(&chart(ChartId::Nev, Lang::En)), "zhibiao-china-nev-growth-2023-h1-en");
        assert_eq!(file_stem(&chart(ChartId::FiveG, Lang::Zh)), "zhibiao-china-5g-2023-06-30-zh");
    }
}
