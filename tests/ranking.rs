mod common;

use chiso::analysis::ranking::{rank, Query, RankKind, SortColumn};

fn query(year: u16) -> Query {
    Query {
        index: "idx".into(),
        year,
        component: "total".into(),
        region: None,
        search: String::new(),
        sort: SortColumn::Position,
        descending: false,
    }
}

fn codes(q: &Query) -> Vec<String> {
    rank(&common::tiny(), q)
        .visible()
        .map(|r| r.code.clone())
        .collect()
}

#[test]
fn ties_share_a_position_and_missing_rows_come_last() {
    let r = rank(&common::tiny(), &query(2011));
    let got: Vec<(&str, Option<u32>)> = r
        .rows
        .iter()
        .map(|r| (r.code.as_str(), r.position))
        .collect();
    // 58, 58, 52, 45 → 1, 1, 3, 4; the tie is broken by name (Lạng Sơn before Sơn La); Cần Thơ has no data.
    assert_eq!(
        got,
        vec![
            ("03", Some(1)),
            ("02", Some(1)),
            ("01", Some(3)),
            ("05", Some(4)),
            ("04", None)
        ]
    );
    assert_eq!((r.with_value, r.rank_only, r.expected), (4, 0, 5));
    assert!(!r.rows[4].has_data());
}

#[test]
fn change_against_the_previous_year_with_data() {
    let r = rank(&common::tiny(), &query(2011));
    let row = |code: &str| r.rows.iter().find(|r| r.code == code).unwrap();
    let hanoi = row("01").change.as_ref().unwrap();
    assert_eq!(hanoi.previous_year, 2010);
    assert_eq!(hanoi.value, Some(2.0));
    // No official ranks in either year: computed positions, 3rd → 3rd.
    assert_eq!((hanoi.rank, hanoi.rank_kind), (Some(0), RankKind::Computed));
    // Lạng Sơn: 4th of 4 in 2010, 1st (tied) in 2011.
    assert_eq!(row("03").change.as_ref().unwrap().rank, Some(3));
    // Đắk Lắk has no earlier year; Cần Thơ has no data this year.
    assert!(row("05").change.is_none());
    assert!(row("04").change.is_none());
}

#[test]
fn a_method_break_suppresses_the_value_change_and_skips_missing_years() {
    let r = rank(&common::tiny(), &query(2013));
    let hanoi = r
        .rows
        .iter()
        .find(|r| r.code == "01")
        .unwrap()
        .change
        .clone()
        .unwrap();
    assert_eq!(hanoi.previous_year, 2011);
    assert_eq!(hanoi.method_break, Some(2013));
    assert_eq!(hanoi.value, None);
    // 2013 publishes official ranks, 2011 did not: no rank change is claimed.
    assert_eq!(hanoi.rank, None);
}

#[test]
fn rank_only_rows_keep_their_official_rank_but_get_no_position() {
    let r = rank(&common::tiny(), &query(2013));
    let can_tho = r.rows.iter().find(|r| r.code == "04").unwrap();
    assert_eq!(
        (can_tho.value, can_tho.official_rank, can_tho.position),
        (None, Some(3), None)
    );
    assert!(can_tho.has_data());
    assert_eq!((r.with_value, r.rank_only), (2, 1));
    assert!(r.has_official_ranks);
    // Rows with no data at all are at the end.
    let last: Vec<&str> = r.rows[3..].iter().map(|r| r.code.as_str()).collect();
    assert_eq!(last, vec!["05", "03"]);
}

#[test]
fn search_ignores_case_and_diacritics() {
    for text in ["son la", "SƠN LA", "Sơn La", "  sơn   LA "] {
        let q = Query {
            search: text.into(),
            ..query(2011)
        };
        assert_eq!(codes(&q), vec!["02"], "search {text:?}");
    }
    let q = Query {
        search: "son".into(),
        ..query(2011)
    };
    assert_eq!(codes(&q), vec!["03", "02"]);
    let q = Query {
        search: "dak".into(),
        ..query(2011)
    };
    assert_eq!(codes(&q), vec!["05"]);
}

#[test]
fn region_filter_keeps_national_positions() {
    let q = Query {
        region: Some("south".into()),
        ..query(2011)
    };
    let r = rank(&common::tiny(), &q);
    let got: Vec<(&str, Option<u32>)> = r
        .rows
        .iter()
        .map(|r| (r.code.as_str(), r.position))
        .collect();
    assert_eq!(got, vec![("05", Some(4)), ("04", None)]);
}

#[test]
fn every_column_sorts_both_ways_with_no_data_last() {
    let q = Query {
        sort: SortColumn::Value,
        descending: true,
        ..query(2011)
    };
    assert_eq!(codes(&q), vec!["03", "02", "01", "05", "04"]);
    let q = Query {
        sort: SortColumn::Value,
        descending: false,
        ..query(2011)
    };
    assert_eq!(codes(&q), vec!["05", "01", "03", "02", "04"]);
    let q = Query {
        sort: SortColumn::Province,
        descending: false,
        ..query(2011)
    };
    assert_eq!(codes(&q), vec!["05", "01", "03", "02", "04"]);
    let q = Query {
        sort: SortColumn::RankChange,
        descending: true,
        ..query(2011)
    };
    assert_eq!(codes(&q)[0], "03");
    for column in SortColumn::ALL {
        for descending in [false, true] {
            let q = Query {
                sort: column,
                descending,
                ..query(2011)
            };
            assert_eq!(
                codes(&q).last().map(String::as_str),
                Some("04"),
                "{column:?} {descending}"
            );
        }
    }
}

#[test]
fn unknown_selection_gives_an_empty_ranking() {
    let q = Query {
        index: "nope".into(),
        ..query(2011)
    };
    assert!(rank(&common::tiny(), &q).rows.is_empty());
    let r = rank(&common::tiny(), &query(1999));
    assert_eq!(r.with_value, 0);
    assert!(r.rows.iter().all(|row| !row.has_data()));
}

#[test]
fn real_dataset_full_and_partial_years() {
    let dataset = common::bundled();
    let pci = Query {
        index: "pci".into(),
        year: 2016,
        ..query(2016)
    };
    let r = rank(&dataset, &pci);
    assert_eq!((r.rows.len(), r.with_value), (63, 63));
    assert!(r
        .rows
        .iter()
        .all(|row| row.official_rank.is_some() && row.position == row.official_rank));
    // Hà Tây existed until 2008.
    let pci_2007 = Query {
        index: "pci".into(),
        year: 2007,
        ..query(2007)
    };
    assert_eq!(rank(&dataset, &pci_2007).rows.len(), 64);
    let papi = Query {
        index: "papi".into(),
        year: 2024,
        ..query(2024)
    };
    let r = rank(&dataset, &papi);
    assert_eq!((r.rows.len(), r.with_value), (63, 61));
    let missing: Vec<&str> = r
        .rows
        .iter()
        .filter(|x| !x.has_data())
        .map(|x| x.name_vi.as_str())
        .collect();
    assert_eq!(missing, vec!["Tiền Giang", "Vĩnh Phúc"]);
    // PAPI 2018 changed its method: no value change from 2017.
    let papi_2018 = Query {
        index: "papi".into(),
        year: 2018,
        ..query(2018)
    };
    let r = rank(&dataset, &papi_2018);
    assert!(r
        .rows
        .iter()
        .filter_map(|x| x.change.as_ref())
        .all(|c| c.value.is_none() && c.method_break == Some(2018)));
}
