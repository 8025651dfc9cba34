//! An edition at a glance: its figures, checked by hand against the data files (PAR INDEX 2023
//! in data/par/, PAPI 2018 in data/papi/papi.csv, a change of method) and against a made-up
//! table of the 34 provinces of 2025 (tests/fixtures/TEST DATA PAR INDEX 2025 34 provinces.csv,
//! test data, not published figures); and its sentences in both languages.

mod common;

use chiso::analysis::edition::{edition, Edition, NoComparison};
use chiso::analysis::ranking::{RankKind, Row};
use chiso::data::model::Dataset;
use chiso::data::user_files::import::import;
use chiso::data::user_files::index_table::Reference;
use chiso::data::user_files::merge::merge;
use chiso::i18n::Lang;
use chiso::render::brief::text::{Section, Sentence};
use chiso::render::edition::text::sentences;
use std::sync::OnceLock;

fn bundled() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(common::bundled)
}

/// The bundled data with the made-up 2025 table merged in, as a user's file would be.
fn with_test_2025() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| {
        let name = "TEST DATA PAR INDEX 2025 34 provinces.csv";
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(path).unwrap();
        let read = import(name, &bytes, Reference::of(bundled())).unwrap();
        assert!(read.errors.is_empty(), "{:?}", read.errors);
        merge(bundled(), &[read.index.unwrap()]).dataset
    })
}

fn names(d: &Dataset, rows: &[Row]) -> Vec<String> {
    rows.iter()
        .map(|r| d.province(&r.code).unwrap().name_vi.clone())
        .collect()
}

fn name_of(d: &Dataset, code: &str) -> String {
    d.province(code).unwrap().name_vi.clone()
}

fn par_2023() -> Edition {
    edition(bundled(), "par", 2023).unwrap()
}

#[test]
fn par_index_2023_leaders_and_laggards_go_by_the_official_ranks_found() {
    let d = bundled();
    let e = par_2023();
    assert_eq!(e.ranked_by, RankKind::Official);
    // par_index.csv, ranks 1 to 5.
    assert_eq!(
        names(d, &e.leaders),
        [
            "Quảng Ninh",
            "Hải Phòng",
            "Hà Nội",
            "Bắc Giang",
            "Bà Rịa - Vũng Tàu"
        ]
    );
    assert_eq!(e.leaders[0].value, Some(92.18));
    assert!(e.leader_places_missing.is_empty());
    // Ranks 59 to 63: 63 An Giang, 62 Sóc Trăng, 61 Bình Thuận (par_index.csv), 59 Bạc Liêu
    // (rank only, rank_only.csv); no source gives rank 60.
    assert_eq!(
        names(d, &e.laggards),
        ["An Giang", "Sóc Trăng", "Bình Thuận", "Bạc Liêu"]
    );
    assert_eq!(e.laggards[3].value, None, "Bạc Liêu: rank only");
    assert_eq!(e.laggard_places_missing, [60]);
}

#[test]
fn par_index_2023_average_spread_and_coverage_by_hand() {
    let d = bundled();
    let e = par_2023();
    // "Bình quân các tỉnh, thành phố" 86.98 (par_index.csv).
    assert_eq!(e.national.map(|n| n.0), Some(86.98));
    // Above 86.98: Quảng Ninh, Hải Phòng, Hà Nội, Bắc Giang, BR-VT, Thái Nguyên 90.76, Lào Cai
    // 90.60, Phú Thọ 89.19, Ninh Bình 88.72, Đà Nẵng 88.68, TT Huế 88.38, Hà Tĩnh 88.35, Điện
    // Biên 88.02, Hải Dương 87.84, Nam Định 87.32, Đồng Nai 87.04: 16; Hồ Chí Minh's 86.97 is not.
    assert_eq!(e.above_average, Some(16));
    let s = e.spread.as_ref().unwrap();
    assert_eq!(name_of(d, &s.highest.0), "Quảng Ninh");
    assert_eq!(name_of(d, &s.lowest.0), "An Giang");
    assert!((s.range - 10.86).abs() < 1e-9, "{}", s.range);
    assert_eq!(s.n, e.coverage.with_value);
    assert!(s.q1 <= s.q3 && (s.iqr - (s.q3 - s.q1)).abs() < 1e-12);
    // A partial table, and the reason the dataset gives.
    assert!(e.coverage.is_partial());
    assert_eq!(e.coverage.expected, 63);
    assert!(e.coverage.notes[0].reason_en.contains("images"));
    // Each region's leader is its best official rank in the table: the Red River Delta's is
    // Quảng Ninh, the Mekong Delta's Tiền Giang (rank 50 is the best of the delta's ranks found).
    let leader = |region: &str| {
        e.region_leaders
            .iter()
            .find(|(k, _)| d.region(k).unwrap().name_en.contains(region))
            .map(|(_, r)| name_of(d, &r.code))
    };
    assert_eq!(leader("Red River").as_deref(), Some("Quảng Ninh"));
}

#[test]
fn par_index_2023_movers_against_2022_are_official_places_and_values_in_both() {
    let e = par_2023();
    assert_eq!(e.previous, Some(2022));
    let m = e.movers.as_ref().unwrap();
    assert_eq!(m.previous_year, 2022);
    assert_eq!(m.places_kind, RankKind::Official);
    // Every mover has a value (or rank) in 2022 itself, not an earlier year.
    for (r, d) in m.rises.iter().chain(&m.falls) {
        let c = r.change.as_ref().unwrap();
        assert_eq!(c.previous_year, 2022);
        assert_eq!(c.value, Some(*d));
    }
    assert!(m.rises.windows(2).all(|w| w[0].1 >= w[1].1));
    assert!(m.falls.windows(2).all(|w| w[0].1 <= w[1].1));
    assert!(m.climbs.iter().all(|(_, k)| *k > 0) && m.drops.iter().all(|(_, k)| *k < 0));
}

#[test]
fn papi_2018_ranks_by_computed_position_and_does_not_compare_across_its_change_of_method() {
    let d = bundled();
    let e = edition(d, "papi", 2018).unwrap();
    assert_eq!(e.ranked_by, RankKind::Computed);
    // papi.csv, the 61 totals of 2018 sorted by hand.
    assert_eq!(
        names(d, &e.leaders),
        ["Lạng Sơn", "Bến Tre", "Bắc Giang", "Nghệ An", "Quảng Bình"]
    );
    assert_eq!(
        names(d, &e.laggards),
        [
            "Bình Định",
            "Quảng Ngãi",
            "Bình Thuận",
            "Hậu Giang",
            "Tiền Giang"
        ]
    );
    assert!(e.leader_places_missing.is_empty() && e.laggard_places_missing.is_empty());
    assert_eq!(e.previous, Some(2017));
    assert_eq!(e.movers, Err(NoComparison::MethodBreak(2018)));
    let s = e.spread.unwrap();
    assert_eq!(s.n, 61);
    assert!((s.range - (47.05333 - 41.042347)).abs() < 1e-9);
    // Type 7 quartiles of the 61 values: the 16th and the 46th smallest.
    assert!((s.q1 - 43.0588).abs() < 1e-3, "{}", s.q1);
    assert!((s.q3 - 45.067).abs() < 1e-3, "{}", s.q3);
    assert_eq!((e.coverage.with_value, e.coverage.expected), (61, 63));
    // Quảng Ninh and Đồng Tháp had a total in 2017 and none in 2018.
    let mut missing: Vec<String> = e.missing_from_table.iter().map(|c| name_of(d, c)).collect();
    missing.sort();
    assert_eq!(missing, ["Quảng Ninh", "Đồng Tháp"]);
    assert!(e.former.is_none());
    // Why: the coverage notes of 2018 for these two provinces.
    let why: Vec<&str> = e
        .coverage
        .missing
        .iter()
        .map(|n| n.province.as_deref().unwrap())
        .collect();
    assert_eq!(why.len(), 2, "{why:?}");
}

#[test]
fn a_2025_edition_from_a_user_s_table_lists_each_new_province_s_former_provinces_apart() {
    let d = with_test_2025();
    let e = edition(d, "par", 2025).unwrap();
    assert_eq!(e.ranked_by, RankKind::Official);
    assert_eq!(
        names(d, &e.leaders),
        [
            "Hà Nội",
            "Thái Nguyên",
            "Ninh Bình",
            "Quảng Ngãi",
            "Tây Ninh"
        ]
    );
    // Ranks 30 to 34 of the test table: Cà Mau has no row, so place 34 is missing.
    assert_eq!(
        names(d, &e.laggards),
        ["Hồ Chí Minh", "Đà Nẵng", "Hưng Yên", "Lào Cai"]
    );
    assert_eq!(e.laggard_places_missing, [34]);
    assert_eq!(
        (e.coverage.with_value, e.coverage.expected),
        (33, 34),
        "Cà Mau stays missing"
    );
    assert!(e.coverage.is_partial());
    // 2024 rated the 63: nothing is compared across 1 July 2025.
    assert_eq!(e.movers, Err(NoComparison::Geography));
    assert!(e.new_to_table.is_empty() && e.missing_from_table.is_empty());
    let s = e.spread.as_ref().unwrap();
    assert!((s.range - (93.35 - 84.12)).abs() < 1e-9);
    // Each new province beside its former provinces in PAR INDEX 2024, each with its own figures.
    let f = e.former.as_ref().unwrap();
    assert_eq!(f.year, 2024);
    assert_eq!(f.units.len(), 34);
    let lao_cai = f.units.iter().find(|u| u.unit.code == "n15").unwrap();
    assert_eq!(lao_cai.unit.value, Some(84.99));
    assert_eq!(lao_cai.unit.official_rank, Some(30));
    assert_eq!(names(d, &lao_cai.members), ["Lào Cai", "Yên Bái"]);
    // par_index.csv: Lào Cai 89.03, rank 26 in 2024; Yên Bái has no 2024 figure.
    assert_eq!(lao_cai.members[0].value, Some(89.03));
    assert_eq!(lao_cai.members[0].official_rank, Some(26));
    assert!(!lao_cai.members[1].has_data());
    let ca_mau = f.units.iter().find(|u| u.unit.code == "n96").unwrap();
    assert!(!ca_mau.unit.has_data());
}

#[test]
fn an_unknown_index_or_year_has_no_edition() {
    assert!(edition(bundled(), "nope", 2023).is_none());
    assert!(edition(bundled(), "par", 1999).is_none());
}

fn texts(d: &Dataset, lang: Lang, e: &Edition) -> Vec<Sentence> {
    sentences(d, lang, e)
}

fn find<'a>(all: &'a [Sentence], start: &str) -> &'a Sentence {
    all.iter()
        .find(|s| s.text.contains(start))
        .unwrap_or_else(|| panic!("no sentence with {start:?} in {all:#?}"))
}

#[test]
fn par_index_2023_in_the_words_of_the_announcements_with_sources() {
    let d = bundled();
    let e = par_2023();
    let vi = texts(d, Lang::Vi, &e);
    let lead = find(&vi, "dẫn đầu");
    assert_eq!(
        lead.text,
        "Quảng Ninh dẫn đầu PAR INDEX 2023 với 92,18%, tiếp theo là Hải Phòng (91,87%), Hà Nội (91,43%), Bắc Giang (91,16%) và Bà Rịa - Vũng Tàu (91,03%)."
    );
    assert_eq!(lead.section, Section::EditionResults);
    assert!(!lead.sources.is_empty());
    let last = find(&vi, "Xếp cuối bảng");
    assert_eq!(
        last.text,
        "Xếp cuối bảng là An Giang (hạng 63, 81,32%), Sóc Trăng (hạng 62, 81,70%), Bình Thuận (hạng 61, 81,87%) và Bạc Liêu (hạng 59, chỉ có thứ hạng); không có nguồn nào trong bảng nêu tỉnh xếp thứ 60."
    );
    let avg = find(&vi, "Bình quân chung");
    assert!(
        avg.text
            .starts_with("Bình quân chung cả nước đạt 86,98%; trong "),
        "{}",
        avg.text
    );
    assert!(avg.text.contains(", 16 tỉnh đạt trên mức bình quân."));
    assert_eq!(avg.section, Section::EditionField);
    assert_eq!(avg.sources.len(), 1);
    let spread = find(&vi, "Chênh lệch");
    assert!(
        spread.text.contains("(Quảng Ninh, 92,18%)")
            && spread.text.contains("(An Giang, 81,32%) là 10,86 điểm"),
        "{}",
        spread.text
    );
    assert!(
        spread.text.contains("tính trên"),
        "partial: {}",
        spread.text
    );
    let moved = find(&vi, "So với năm 2022, trong ");
    assert!(
        moved.text.contains("tăng điểm nhiều nhất là"),
        "{}",
        moved.text
    );
    let coverage = find(&vi, "Bảng chưa đầy đủ");
    assert!(
        coverage.text.contains("/63 tỉnh, thành phố"),
        "{}",
        coverage.text
    );

    let en = texts(d, Lang::En, &e);
    assert_eq!(
        find(&en, "leads").text,
        "Quang Ninh leads PAR INDEX 2023 with 92.18%, followed by Hai Phong (91.87%), Hanoi (91.43%), Bac Giang (91.16%) and Ba Ria - Vung Tau (91.03%)."
    );
    assert_eq!(
        find(&en, "At the bottom").text,
        "At the bottom of the table are An Giang (rank 63, 81.32%), Soc Trang (rank 62, 81.70%), Binh Thuan (rank 61, 81.87%) and Bac Lieu (rank 59, rank only); no source in the table gives place 60."
    );
    assert!(find(&en, "The national average is 86.98%")
        .text
        .contains(", 16 are above it."));
    assert!(find(&en, "Against 2022, among the ")
        .text
        .contains("the largest rises in score are"));
    // Every language has the same sentences, with the same sources.
    assert_eq!(vi.len(), en.len());
    for (a, b) in vi.iter().zip(&en) {
        assert_eq!((a.section, &a.sources), (b.section, &b.sources));
    }
}

#[test]
fn papi_2018_says_its_positions_are_computed_and_that_it_does_not_compare_with_2017() {
    let d = bundled();
    let e = edition(d, "papi", 2018).unwrap();
    let vi = texts(d, Lang::Vi, &e);
    let lead = find(&vi, "không công bố xếp hạng");
    assert!(lead.text.starts_with("PAPI 2018 không công bố xếp hạng; theo điểm số, Lạng Sơn có điểm cao nhất với 47,05 điểm, tiếp theo là Bến Tre (47,05 điểm)"), "{}", lead.text);
    assert!(lead
        .text
        .contains("(thứ tự tính từ số liệu của 61 tỉnh có điểm, không phải xếp hạng chính thức)"));
    assert_eq!(
        find(&vi, "thay đổi phương pháp").text,
        "PAPI thay đổi phương pháp đánh giá từ năm 2018 nên điểm số và thứ hạng năm 2018 không so sánh với năm 2017."
    );
    assert!(!vi.iter().any(|s| s.text.contains("tăng điểm nhiều nhất")));
    let en = texts(d, Lang::En, &e);
    assert_eq!(
        find(&en, "changed its method").text,
        "PAPI changed its method in 2018, so scores and places in 2018 are not compared with 2017."
    );
    assert!(find(&en, "publishes no ranks")
        .text
        .contains("(positions computed among the 61 provinces with a score, not official ranks)"));
    assert!(find(&en, "With figures in 2017 and none in 2018")
        .text
        .contains("Quang Ninh"));
    let coverage = find(
        &en,
        "The table is partial: scores for 61 of the 63 provinces, nothing for 2 (",
    );
    assert!(
        coverage
            .text
            .contains("Quang Ninh: The official file has no transparency"),
        "{}",
        coverage.text
    );
}

#[test]
fn a_2025_edition_names_each_new_province_s_former_provinces_with_their_own_figures() {
    let d = with_test_2025();
    let e = edition(d, "par", 2025).unwrap();
    let vi = texts(d, Lang::Vi, &e);
    assert!(find(&vi, "Từ năm 2025, PAR INDEX đánh giá 34 tỉnh")
        .text
        .contains("không cộng gộp"));
    let lao_cai = find(&vi, "Lào Cai (hạng 30, 84,99%): ");
    assert_eq!(
        lao_cai.text,
        "Lào Cai (hạng 30, 84,99%): năm 2024, Lào Cai đạt 89,03%, xếp thứ 26/63; Yên Bái không có số liệu."
    );
    assert_eq!(lao_cai.section, Section::EditionFormer);
    // PAR INDEX 2024 ranks officially: a value without a rank has no computed place beside it.
    assert_eq!(
        find(&vi, "Điện Biên (hạng 16, 89,00%): ").text,
        "Điện Biên (hạng 16, 89,00%): năm 2024, Điện Biên đạt 88,23%."
    );
    // The test table's source and the 2024 figure's.
    assert_eq!(lao_cai.sources.len(), 2);
    assert!(find(&vi, "Cà Mau (không có số liệu): năm 2024")
        .text
        .contains("Cà Mau"));
    assert!(find(&vi, "Bảng chưa đầy đủ: có điểm của 33/34")
        .text
        .contains("1 tỉnh không có số liệu"));
    let en = texts(d, Lang::En, &e);
    assert_eq!(
        find(&en, "Lao Cai (rank 30, 84.99%): ").text,
        "Lao Cai (rank 30, 84.99%): in 2024, Lao Cai 89.03%, rank 26 of 63; Yen Bai no data."
    );
    assert!(find(&en, "never added or averaged")
        .text
        .starts_with("In 2024, the 63 former provinces"));
}

#[test]
fn the_slope_chart_joins_two_editions_only_without_a_change_of_method_between_them() {
    use chiso::render::chart::Axis;
    use chiso::render::edition::chart::{slope_chart, Slope, SlopeSpec};
    let slopes = [
        Slope {
            name: "A <&>",
            before: Some(50.0),
            after: Some(55.0),
        },
        Slope {
            name: "B",
            before: Some(60.0),
            after: Some(52.0),
        },
        Slope {
            name: "C",
            before: None,
            after: Some(58.0),
        },
    ];
    let draw = |method_break| {
        slope_chart(&SlopeSpec {
            lang: Lang::En,
            width: 640,
            axis: Axis {
                from: 40.0,
                to: 70.0,
            },
            years: (2017, 2018),
            method_break,
            slopes: &slopes,
            labelled: &["A <&>"],
        })
    };
    // The lines drawn in the rise and fall colours.
    let lines = |svg: &str| {
        svg.lines()
            .filter(|l| l.contains("<polyline") && (l.contains("#0072B2") || l.contains("#D55E00")))
            .count()
    };
    let joined = draw(None);
    assert_eq!(lines(&joined), 2, "A and B, not C");
    assert!(joined.contains("A &lt;&amp;&gt;") && !joined.contains("A <&>"));
    let broken = draw(Some(2018));
    assert_eq!(lines(&broken), 0, "each edition a column of dots");
    assert!(broken.contains("⚠ 2018"));
}

#[test]
fn the_document_has_its_sections_charts_and_whole_table() {
    use chiso::render::brief::doc::to_html;
    use chiso::render::edition::doc::document;
    let (doc, table) = document(bundled(), Lang::Vi, ("par", 2023), "2026-12-07").unwrap();
    assert_eq!(doc.title, "PAR INDEX 2023: tóm tắt kết quả công bố");
    let html = to_html(&doc);
    for id in [
        "edition-results",
        "edition-field",
        "edition-table",
        "edition-chart-slopes",
        "edition-chart-dots",
        "edition-whole",
        "edition-regions",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
    }
    assert!(!html.contains("edition-former"));
    assert!(doc
        .plain
        .starts_with("Quảng Ninh dẫn đầu PAR INDEX 2023 với 92,18%"));
    assert!(
        doc.plain.contains("[1] "),
        "the sources follow the sentences"
    );
    // Every province of 2023, with or without data.
    assert_eq!(table.rows.len(), 63);
    assert!(!table.sources.is_empty());
    // A 2025 edition of a user's table: the former provinces' section and no slope chart.
    let (doc, _) = document(with_test_2025(), Lang::En, ("par", 2025), "").unwrap();
    let html = to_html(&doc);
    assert!(html.contains("id=\"edition-former\"") && !html.contains("edition-chart-slopes"));
    assert!(html.contains("TEST DATA (made up; not a published figure)"));
}

#[test]
fn an_index_page_built_ahead_describes_its_latest_edition_in_the_announcement_s_words() {
    use chiso::ui::built_pages::pages::pages;
    let all = pages(bundled());
    let par = all.iter().find(|p| p.path == "chi-so/par/").unwrap();
    let lead = chiso::render::edition::text::summary(bundled(), Lang::Vi, "par", 2024).unwrap();
    assert!(lead.contains(" dẫn đầu PAR INDEX 2024 với "), "{lead}");
    assert_eq!(par.description, format!("Xếp hạng PAR INDEX 2024 – {lead}"));
}
