mod common;

use chiso::render::export::{rankings_rows, to_csv};
use chiso::ui::i18n::Lang;
use chiso::analysis::ranking::{rank, Query, SortColumn};

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
