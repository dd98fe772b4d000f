#![cfg(not(target_arch = "wasm32"))]
//! The embedded dataset against the source texts: every figure parsed, traceable and complete.

mod common;

use common::{extract_with, file_text, CATALOGUE, CLS, CLS_TEXT, QA, QA_TEXT};
use zhibiao::data::extract::{extract, ExtractError, SourceText};
use zhibiao::data::model::{Kind, Measure, Qualifier, Unit};
use zhibiao::DATASET;

/// What build.rs writes into the crate (`DATASET`) is the parser's reading of the texts, whole:
/// the generated code loses nothing and is not stale. Whether the parser reads each figure right
/// is the tests below, against the values the texts state.
#[test]
fn the_embedded_dataset_is_the_parsers_reading_as_the_build_wrote_it() {
    let fresh = extract_with(CLS_TEXT, QA_TEXT).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(fresh, DATASET);
}

#[test]
fn the_source_texts_are_verbatim_copies() {
    for file in [CLS, QA] {
        let shared = std::path::Path::new("../shared/sources").join(file);
        match std::fs::read(&shared) {
            Ok(bytes) => assert_eq!(bytes, file_text(file).as_bytes(), "data/sources/{file} differs from {shared:?}"),
            // CI always has ../shared beside the clone: there, a missing file is a failure.
            Err(e) if std::env::var_os("CI").is_some() => panic!("{shared:?}: {e}"),
            Err(_) => eprintln!("note: {shared:?} not found; comparing against it skipped"),
        }
    }
}

#[test]
fn every_provenance_points_at_the_figure_and_its_sentence() {
    let mut checked = 0;
    for ind in DATASET.indicators.iter() {
        match ind.kind {
            Kind::Derived => {
                assert!(ind.sources.is_empty(), "{}", ind.id);
                let d = ind.derivation.as_ref().unwrap_or_else(|| panic!("{} has no derivation", ind.id));
                for input in d.inputs.iter() {
                    assert!(DATASET.indicator(input).is_some(), "{} names unknown input {input}", ind.id);
                }
            }
            Kind::Stated | Kind::Target => assert!(!ind.sources.is_empty(), "{} has no source", ind.id),
        }
        for p in ind.sources.iter() {
            let text = file_text(&p.file);
            let at = p.offset as usize;
            assert_eq!(text.get(at..at + ind.text.len()), Some(ind.text.as_ref()), "{} in {}", ind.id, p.file);
            let in_quote = p.offset_in_quote as usize;
            assert_eq!(p.quote.get(in_quote..in_quote + ind.text.len()), Some(ind.text.as_ref()), "{} in its quote", ind.id);
            // The place of the quote that holds this figure (a sentence may occur twice in a text).
            let quote_at = text
                .match_indices(p.quote.as_ref())
                .map(|(i, _)| i)
                .find(|&i| i <= at && at + ind.text.len() <= i + p.quote.len())
                .unwrap_or_else(|| panic!("no place of the quote of {} in {} holds its figure", ind.id, p.file));
            // A whole sentence: it starts a line or follows a sentence's end, and ends one (or a
            // heading, inside the texts' Markdown emphasis `**…**`).
            let before = text[..quote_at].chars().next_back();
            let after = text[quote_at + p.quote.len()..].chars().next();
            assert!(matches!(before, None | Some('\n' | '。' | '！' | '？' | ' ' | '*')), "{}: the quote starts mid-sentence after {before:?}: {}", ind.id, p.quote);
            assert!(
                p.quote.ends_with(['。', '！', '？', '；']) || matches!(after, None | Some('\n' | '\r' | '*')),
                "{}: the quote stops mid-sentence before {after:?}: {}", ind.id, p.quote
            );
            checked += 1;
        }
    }
    assert!(checked > 90, "only {checked} provenances");
}

#[test]
fn figures_have_the_value_unit_qualifier_and_kind_the_texts_state() {
    // (id, value, unit, counter, qualifier, kind, number of places it is stated)
    let expected: &[(&str, f64, Unit, Option<&str>, Qualifier, Kind, usize)] = &[
        ("industry_value_added_growth", 3.8, Unit::Percent, None, Qualifier::Exact, Kind::Stated, 2),
        ("industry_growth_gain_vs_2022_h1", 0.4, Unit::PercentagePoint, None, Qualifier::Exact, Kind::Stated, 2),
        ("industry_growth_gain_vs_2023_q1", 0.8, Unit::PercentagePoint, None, Qualifier::Exact, Kind::Stated, 2),
        ("industry_value_added_growth_2022_h1", 3.4, Unit::Percent, None, Qualifier::Exact, Kind::Derived, 0),
        ("industry_value_added_growth_2023_q1", 3.0, Unit::Percent, None, Qualifier::Exact, Kind::Derived, 0),
        ("bs_5g_total", 2_937_000.0, Unit::Count, Some("个"), Qualifier::Exact, Kind::Stated, 4),
        ("bs_5g_shared", 1_730_000.0, Unit::Count, Some("个"), Qualifier::MoreThan, Kind::Stated, 1),
        ("users_5g_mobile", 676_000_000.0, Unit::Count, Some("户"), Qualifier::Exact, Kind::Stated, 2),
        ("users_mobile_iot", 2_120_000_000.0, Unit::Count, None, Qualifier::MoreThan, Kind::Stated, 1),
        ("pon_10g_ports", 20_290_000.0, Unit::Count, Some("个"), Qualifier::Exact, Kind::Stated, 1),
        ("internet_business_revenue", 531e9, Unit::Yuan, None, Qualifier::Exact, Kind::Stated, 1),
        ("clusters_output_value", 20e12, Unit::Yuan, None, Qualifier::Exact, Kind::Stated, 1),
        ("module_price_5g", 400.0, Unit::Yuan, None, Qualifier::Exact, Kind::Stated, 1),
        ("batteries_recycled", 115_000.0, Unit::Tonne, None, Qualifier::Exact, Kind::Stated, 1),
        ("traffic_share_5g", 42.9, Unit::Percent, None, Qualifier::Exact, Kind::Stated, 1),
        ("compute_midwest_share", 39.0, Unit::Percent, None, Qualifier::Exact, Kind::Stated, 1),
        ("compute_annual_growth", 30.0, Unit::Percent, None, Qualifier::About, Kind::Stated, 1),
        ("nev_world_first_years", 8.0, Unit::Year, None, Qualifier::Exact, Kind::Stated, 1),
        ("nev_production_growth", 42.4, Unit::Percent, None, Qualifier::Exact, Kind::Stated, 1),
        ("nev_sales_growth", 44.1, Unit::Percent, None, Qualifier::Exact, Kind::Stated, 1),
        ("factories_5g_target", 3000.0, Unit::Count, Some("家"), Qualifier::AtLeast, Kind::Target, 3),
        ("green_factories_target", 1000.0, Unit::Count, Some("家"), Qualifier::Exact, Kind::Target, 2),
        ("smart_factories", 8000.0, Unit::Count, Some("个"), Qualifier::Nearly, Kind::Stated, 3),
        ("smart_factories_maturity_2", 2500.0, Unit::Count, Some("个"), Qualifier::MoreThan, Kind::Stated, 2),
        ("battery_recycling_points", 10_000.0, Unit::Count, Some("个"), Qualifier::MoreThan, Kind::Stated, 1),
        ("bs_5g_energy_reduction", 20.0, Unit::Percent, None, Qualifier::AtLeast, Kind::Stated, 1),
        ("cement_line_capacity", 3605.0, Unit::TonnePerDay, None, Qualifier::AtLeast, Kind::Stated, 1),
        ("sites_apps_age_friendly", 1735.0, Unit::Count, Some("家"), Qualifier::Exact, Kind::Stated, 2),
        ("terminals_5g_licensed", 1274.0, Unit::Count, Some("款"), Qualifier::Exact, Kind::Stated, 1),
        ("app_cases_5g", 50_000.0, Unit::Count, Some("个"), Qualifier::MoreThan, Kind::Stated, 2),
        ("compute_trunk_cables", 100.0, Unit::Count, Some("条"), Qualifier::MoreThan, Kind::Stated, 1),
        ("key_industries_growth_plans", 10.0, Unit::Count, Some("个"), Qualifier::Exact, Kind::Target, 6),
    ];
    for &(id, value, unit, counter, qualifier, kind, n_places) in expected {
        let ind = DATASET.indicator(id).unwrap_or_else(|| panic!("no indicator {id}"));
        assert_eq!(ind.value, value, "{id}");
        assert_eq!((ind.unit, ind.counter.as_deref(), ind.qualifier, ind.kind), (unit, counter, qualifier, kind), "{id}");
        assert_eq!(ind.sources.len(), n_places, "{id}");
    }
    assert!(DATASET.indicators.len() >= 65, "{} indicators", DATASET.indicators.len());
}

#[test]
fn a_figure_in_both_texts_is_one_indicator_with_both_provenances() {
    let ind = DATASET.indicator("users_5g_mobile").unwrap_or_else(|| panic!("missing"));
    let files: Vec<&str> = ind.sources.iter().map(|p| p.file.as_ref()).collect();
    assert_eq!(files, [QA, CLS]);
    let ids: Vec<&str> = DATASET.indicators.iter().map(|i| i.id.as_ref()).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "duplicate ids");
}

#[test]
fn a_new_figure_in_a_text_fails_until_it_is_claimed_or_ignored() {
    let changed = QA_TEXT.replace("记者:7月17日", "记者:7月17日,新增12个项目");
    match extract_with(CLS_TEXT, &changed) {
        Err(ExtractError::Unclaimed(list)) => {
            assert_eq!(list.len(), 1);
            assert_eq!((list[0].file.as_str(), list[0].line, list[0].text.as_str()), (QA, 3, "12个"));
        }
        other => panic!("expected an unclaimed figure, got {other:?}"),
    }
}

#[test]
fn a_changed_digit_is_parsed_as_the_new_value() {
    let changed = QA_TEXT.replace("5G流量占比达42.9%", "5G流量占比达43.9%");
    let ds = extract_with(CLS_TEXT, &changed).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ds.indicator("traffic_share_5g").map(|i| i.value), Some(43.9));
}

#[test]
fn each_figure_states_an_amount_a_change_or_a_share() {
    let measure = |id: &str| DATASET.indicator(id).map(|i| i.measure).unwrap_or_else(|| panic!("no indicator {id}"));
    // The percentages the catalogue marks as shares of a whole.
    for id in ["traffic_share_5g", "pv_global_share", "intl_working_groups_share", "compute_midwest_share"] {
        assert_eq!(measure(id), Measure::Share, "{id}");
    }
    // Growth rates, gains and cuts (by their unit), derived ones too; counts and money are amounts.
    for id in ["industry_value_added_growth", "industry_growth_gain_vs_2022_h1", "industry_value_added_growth_2022_h1", "compute_annual_growth", "demo_defect_rate_cut"] {
        assert_eq!(measure(id), Measure::Change, "{id}");
    }
    for id in ["bs_5g_total", "internet_business_revenue", "nev_world_first_years"] {
        assert_eq!(measure(id), Measure::Amount, "{id}");
    }
    // Every other percentage is a change: a share left unmarked would be drawn as a growth rate.
    let shares: Vec<&str> = DATASET.indicators.iter().filter(|i| i.measure == Measure::Share).map(|i| i.id.as_ref()).collect();
    assert_eq!(shares.len(), 4, "{shares:?}");
    assert!(DATASET.indicators.iter().all(|i| i.measure != Measure::Share || i.label.zh.contains("占") || i.label.zh.contains("比例")));
    assert!(DATASET.indicators.iter().filter(|i| i.unit == Unit::Percent && i.measure == Measure::Change).all(|i| !i.label.zh.contains("占")));
}

#[test]
fn a_share_must_be_a_percentage_and_a_measure_one_of_three() {
    let texts = [SourceText { file: CLS, text: CLS_TEXT }, SourceText { file: QA, text: QA_TEXT }];
    let count_as_share = CATALOGUE.replacen("en = 5G base stations\n", "en = 5G base stations\nmeasure = share\n", 1);
    assert_ne!(count_as_share, CATALOGUE);
    let err = extract("data/catalogue.ini", &count_as_share, &texts).err().map(|e| e.to_string()).unwrap_or_default();
    let line = CATALOGUE.lines().position(|l| l == "[indicator bs_5g_total]").map_or(0, |i| i + 1);
    assert_eq!(err, format!("data/catalogue.ini:{line} [bs_5g_total]: measure = share, but the figure is in Count: a share is a percentage"));

    let unknown = CATALOGUE.replacen("\nmeasure = share\n", "\nmeasure = ratio\n", 1);
    let line = unknown.lines().position(|l| l == "measure = ratio").map_or(0, |i| i + 1);
    let err = extract("data/catalogue.ini", &unknown, &texts).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.starts_with(&format!("data/catalogue.ini:line {line} [indicator traffic_share_5g]: unknown measure \"ratio\"; allowed: amount, change, share")), "{err}");
}

#[test]
fn texts_that_disagree_name_both_places() {
    let changed = CLS_TEXT.replace("同比增长3.8%", "同比增长3.9%");
    let err = extract_with(&changed, QA_TEXT).err().map(|e| e.to_string()).unwrap_or_default();
    // Each place as file:line, where the unchanged text still says 3.8%.
    let place = |file: &str, text: &str, figure: &str| {
        let at = text.find(&format!("同比增长{figure}")).unwrap_or_else(|| panic!("{file} has no {figure}"));
        format!("\"{figure}\" at {file}:{}", text[..at].matches('\n').count() + 1)
    };
    let (cls, qa) = (place(CLS, &changed, "3.9%"), place(QA, QA_TEXT, "3.8%"));
    assert!(err.contains("[industry_value_added_growth]") && err.contains(&cls) && err.contains(&qa), "{err}\nwants {cls} and {qa}");
}

#[test]
fn a_removed_sentence_names_the_catalogue_line_and_entry() {
    let changed = QA_TEXT.replace("5G模组价格下探至400元。", "");
    let err = extract_with(CLS_TEXT, &changed).err().map(|e| e.to_string()).unwrap_or_default();
    let line = CATALOGUE.lines().position(|l| l.contains("5G模组价格下探至")).map_or(0, |i| i + 1);
    assert!(err.starts_with(&format!("data/catalogue.ini:{line} [module_price_5g]")), "{err}");
    assert!(err.contains("not found in 004_c299f12b6387bd31.txt"), "{err}");
}

#[test]
fn a_malformed_number_in_a_text_names_the_file_the_line_and_the_entry() {
    let changed = QA_TEXT.replace("42.9%", "42..9%");
    let err = extract_with(CLS_TEXT, &changed).err().map(|e| e.to_string()).unwrap_or_default();
    let line = QA_TEXT.lines().position(|l| l.contains("42.9%")).map_or(0, |i| i + 1);
    assert!(err.starts_with(&format!("{QA}:{line}: a decimal point")), "{err}");
    assert!(err.contains("; in the sentence data/catalogue.ini:") && err.contains(" [traffic_share_5g] reads"), "{err}");
}

#[test]
fn catalogue_mistakes_name_the_line_and_entry() {
    let bad_topic = CATALOGUE.replacen("topic = nev", "topic = cars", 1);
    let line = bad_topic.lines().position(|l| l == "topic = cars").map_or(0, |i| i + 1);
    let texts = [SourceText { file: CLS, text: CLS_TEXT }, SourceText { file: QA, text: QA_TEXT }];
    let err = extract("data/catalogue.ini", &bad_topic, &texts).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.starts_with(&format!("data/catalogue.ini:line {line} [indicator nev_production_growth]: unknown topic")), "{err}");

    let bad_source = CATALOGUE.replacen("at = qa: 5G流量占比达", "at = xx: 5G流量占比达", 1);
    let err = extract("data/catalogue.ini", &bad_source, &texts).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("[traffic_share_5g]: unknown source key \"xx\""), "{err}");

    let bad_formula = CATALOGUE.replacen("formula = industry_value_added_growth - ", "formula = industry_value_added_growth * ", 1);
    let err = extract("data/catalogue.ini", &bad_formula, &texts).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("formula operator \"*\""), "{err}");
}

#[test]
fn the_dump_command_prints_the_dataset_as_json() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_indicators")).output().unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json["sources"][0]["file"], CLS);
    assert_eq!(json["sources"][1]["date"], "2023-07-19");
    let bs = json["indicators"].as_array().and_then(|a| a.iter().find(|i| i["id"] == "bs_5g_total")).cloned();
    let bs = bs.unwrap_or_default();
    assert_eq!((bs["value"].as_f64(), bs["unit"].as_str(), bs["counter"].as_str()), (Some(2_937_000.0), Some("count"), Some("个")));
    assert_eq!((bs["qualifier"].as_str(), bs["kind"].as_str(), bs["text"].as_str()), (Some("exact"), Some("stated"), Some("293.7万个")));
    assert_eq!(bs["measure"], "amount");
    assert_eq!(bs["label"]["en"], "5G base stations");
    let p = &bs["sources"][0];
    assert!(p["offset"].as_u64().is_some() && p["quote"].as_str().is_some_and(|q| q.contains("293.7万个")));
    let derived = json["indicators"].as_array().and_then(|a| a.iter().find(|i| i["kind"] == "derived")).cloned().unwrap_or_default();
    assert!(derived["formula"].is_string() && derived["inputs"].is_array());
}

#[test]
fn a_figure_of_firms_above_designated_size_says_so_in_english() {
    // 规模以上 is a statistical threshold (annual revenue of 20 million yuan for industry), not
    // "major" or "large": an English label that drops it describes other firms.
    let scoped: Vec<_> = DATASET.indicators.iter().filter(|i| i.label.zh.contains("规模以上")).collect();
    assert!(scoped.len() >= 2, "{} labels with 规模以上", scoped.len());
    for i in scoped {
        assert!(i.label.en.contains("above designated size"), "{}: {}", i.id, i.label.en);
    }
}

/// An English label that lists in brackets what its Chinese sentence lists before 等 ("and
/// others") says the list is one of examples: (e.g. data centres, cloud, IoT), not a closed one.
#[test]
fn a_label_listing_what_the_text_lists_with_deng_says_e_g() {
    let mut lists = 0;
    for ind in DATASET.indicators.iter() {
        let en: &str = ind.label.en.as_ref();
        // The bracket that holds a list.
        let Some(list) = en.split('(').skip(1).filter_map(|s| s.split_once(')').map(|(inside, _)| inside)).find(|inside| inside.contains(", ")) else {
            continue;
        };
        lists += 1;
        // A clause of the sentence listing with 、 and closing the list with 等.
        let deng = |quote: &str| quote.split(['，', ',', '。', '；']).any(|clause| clause.split_once('、').is_some_and(|(_, rest)| rest.contains('等')));
        if ind.sources.iter().any(|p| deng(&p.quote)) {
            assert!(list.starts_with("e.g. "), "{}: {en:?}", ind.id);
        }
    }
    assert!(lists > 0, "no label lists anything: the test checks nothing");
}
