mod common;

use chiso::analysis::ranking::{rank, Query, SortColumn};
use chiso::i18n::Lang;
use chiso::render::export::{rankings_rows, to_csv};

#[test]
fn csv_has_a_bom_crlf_and_quotes_where_needed() {
    let rows = vec![
        vec!["a".to_string(), "b,c".to_string()],
        vec!["say \"hi\"".to_string(), "line\nbreak".to_string()],
        vec!["Sơn La".to_string(), String::new()],
    ];
    assert_eq!(
        to_csv(&rows),
        "\u{FEFF}a,\"b,c\"\r\n\"say \"\"hi\"\"\",\"line\nbreak\"\r\nSơn La,\r\n"
    );
}

#[test]
fn rankings_rows_follow_the_table_with_exact_values_and_sources() {
    let d = common::tiny();
    let q = Query {
        index: "idx".into(),
        year: 2011,
        component: "total".into(),
        region: None,
        search: "son".into(),
        sort: SortColumn::Position,
        descending: false,
    };
    let ranking = rank(&d, &q);
    let rows = rankings_rows(&d, Lang::En, &q, &ranking);
    assert_eq!(rows.len(), 1 + ranking.visible().count());
    assert_eq!(rows[0][0], "Position");
    // Lạng Sơn then Sơn La (tied first), exact values, empty official rank, source citation.
    assert_eq!(rows[1][..5], ["1", "Lạng Sơn", "North", "58", ""]);
    assert_eq!(rows[2][1], "Sơn La");
    assert_eq!(rows[2][5..8], ["2010", "-2", "0"]);
    assert_eq!(rows[2][8], "https://example.org/a | test table");
    // Missing stays empty, never 0.
    let all = Query {
        search: String::new(),
        ..q
    };
    let rows = rankings_rows(&d, Lang::Vi, &all, &rank(&d, &all));
    let can_tho = rows.iter().find(|r| r[1] == "Cần Thơ").unwrap();
    assert!(can_tho[3].is_empty() && can_tho[0].is_empty());
}

#[test]
fn under_the_borders_of_2025_the_csv_is_grouped_with_a_column_for_the_2025_province() {
    use chiso::render::export::rankings_rows_2025;
    let d = common::bundled();
    let q = Query {
        index: "papi".into(),
        year: 2023,
        component: "total".into(),
        region: None,
        search: String::new(),
        sort: SortColumn::Position,
        descending: false,
    };
    let ranking = rank(&d, &q);
    let rows = rankings_rows_2025(&d, Lang::En, &q, &ranking);
    assert_eq!(rows[0][0], "Province from 2025");
    assert_eq!(
        rows[0][1..],
        rankings_rows(&d, Lang::En, &q, &ranking)[0][..]
    );
    assert_eq!(
        rows.len(),
        1 + ranking.visible().count(),
        "a row per former province, none per group"
    );
    // Each former province with its own exact value, next to the name of its 2025 province.
    let yen_bai = rows.iter().find(|r| r[2] == "Yen Bai").unwrap();
    assert_eq!(yen_bai[0], d.province("n15").unwrap().name_en);
    assert_eq!(
        yen_bai[4],
        d.value("papi", 2023, "total", "15").unwrap().to_string()
    );
    // The groups follow each other in the order of the 2025 codes.
    let mut units: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    units.dedup();
    assert_eq!(units.len(), 34);
}
