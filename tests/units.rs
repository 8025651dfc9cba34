mod common;

use chiso::data::units::{
    aliases_note, block_history, figure_text, sort_units, to_rows, unit_rows, UnitScore, UnitSort,
    UnitType,
};
use chiso::i18n::Lang;

fn score(unit: &str, value: Option<f64>, low: Option<f64>, high: Option<f64>) -> UnitScore {
    UnitScore {
        province: "P".into(),
        year: 2021,
        unit_type: UnitType::Department,
        unit: unit.into(),
        metric: "par_index".into(),
        value,
        low,
        high,
        measure: Some("points_of_100".into()),
        note: None,
        note_vi: None,
        derived: false,
        source: "s".into(),
    }
}

#[test]
fn bands_sort_by_their_middle_beside_values_and_never_become_points() {
    let a = score("a", Some(92.0), None, None);
    let b = score("b", None, Some(90.0), Some(100.0));
    let c = score("c", None, Some(85.0), Some(90.0));
    let d = score("d", None, Some(0.0), Some(85.0));
    let e = score("e", Some(88.0), None, None);
    let mut units = vec![&d, &c, &e, &a, &b];
    sort_units(&mut units);
    assert_eq!(
        units.iter().map(|u| u.unit.as_str()).collect::<Vec<_>>(),
        ["b", "a", "e", "c", "d"]
    );
    assert!(b.is_band() && !a.is_band());
    assert_eq!(b.range(), Some((90.0, 100.0)));
    assert_eq!(figure_text(&b, Lang::Vi), "90–100/100 điểm");
    assert_eq!(figure_text(&a, Lang::En), "92/100 points");
    let bound = UnitScore {
        measure: Some("percent".into()),
        ..score("f", None, Some(99.97), None)
    };
    assert_eq!(figure_text(&bound, Lang::Vi), "≥ 99,97%");
}

#[test]
fn block_history_with_change_and_derived_marks() {
    let mut y2021 = score("Sở/ban/ngành", Some(94.58), None, None);
    y2021.unit_type = UnitType::DepartmentBlock;
    y2021.derived = true;
    let mut y2022 = y2021.clone();
    y2022.year = 2022;
    y2022.value = Some(95.83);
    y2022.derived = false;
    let h = block_history(&[y2022, y2021], "P", UnitType::DepartmentBlock, "par_index");
    assert_eq!(h.len(), 2);
    assert!(h[0].derived && h[0].change.is_none());
    let (year, change) = h[1].change.unwrap();
    assert_eq!(year, 2021);
    assert!((change - 1.25).abs() < 1e-9);
}

#[test]
fn kept_rows_round_trip_through_the_importer() {
    let scores = vec![
        score("Sở A", Some(91.5), None, None),
        score("Sở B", None, Some(85.0), Some(90.0)),
    ];
    let csv = chiso::render::export::to_csv(&to_rows(&scores));
    let back =
        chiso::data::user_files::import::import("s", csv.as_bytes(), Default::default()).unwrap();
    assert!(back.errors.is_empty());
    assert_eq!(
        back.scores
            .iter()
            .map(|s| (s.unit.clone(), s.value, s.low, s.high))
            .collect::<Vec<_>>(),
        scores
            .iter()
            .map(|s| (s.unit.clone(), s.value, s.low, s.high))
            .collect::<Vec<_>>()
    );
}

#[test]
fn the_bundled_reports_are_in_the_dataset() {
    let d = common::bundled();
    assert_eq!(d.meetings.len(), 5);
    // Each with the report's own headline beside the English summary.
    assert!(d
        .meetings
        .iter()
        .all(|m| m.topic_vi.is_some() && !m.topic.is_empty()));
    let bands = d
        .unit_scores
        .iter()
        .filter(|s| s.province == "Lào Cai" && s.is_band())
        .count();
    assert_eq!(bands, 28, "19 departments and 9 districts given as bands");
    assert!(d
        .unit_scores
        .iter()
        .any(|s| s.derived && s.value == Some(94.58)));
}

#[test]
fn commune_units_are_read_by_key_and_by_the_names_people_type() {
    for text in [
        "commune",
        "Commune",
        "xa",
        "Xã",
        "XÃ",
        "phuong",
        "Phường",
        "PHƯỜNG",
        "dac_khu",
        "đặc khu",
        "Đặc Khu",
        "dac-khu",
        "  dac   khu ",
        "xã, phường",
        "xa_phuong_dac_khu",
        "ward",
        "special_zone",
    ] {
        assert_eq!(
            UnitType::from_key(text),
            Some(UnitType::Commune),
            "{text:?}"
        );
    }
    for text in ["commune_block", "khối xã", "Khối xã, phường, đặc khu"] {
        assert_eq!(
            UnitType::from_key(text),
            Some(UnitType::CommuneBlock),
            "{text:?}"
        );
    }
    // The other keys still read as before, in any case.
    for t in UnitType::ALL {
        assert_eq!(UnitType::from_key(t.key()), Some(t));
        assert_eq!(UnitType::from_key(&t.key().to_uppercase()), Some(t));
    }
    for text in ["", "xaa", "thôn", "huyen_xa", "ward x"] {
        assert_eq!(UnitType::from_key(text), None, "{text:?}");
    }
    assert_eq!(UnitType::Commune.block(), Some(UnitType::CommuneBlock));
    assert_eq!(
        aliases_note(),
        "xa, phuong, dac_khu, xa_phuong, xa_phuong_dac_khu, ward, special_zone → commune; \
         khoi_xa, khoi_xa_phuong_dac_khu → commune_block"
    );
}

#[test]
fn a_file_of_communes_imports_with_aliases_and_districts_after_2025_are_kept() {
    let csv = "province,year,unit_type,unit,metric,value,low,high\n\
        Tỉnh Thử,2025,Xã,Xã Thử Nghiệm 001,par_index,88.5,,\n\
        Tỉnh Thử,2025,phường,Phường Thử Nghiệm 002,par_index,,85,90\n\
        Tỉnh Thử,2025,dac_khu,Đặc khu Thử Nghiệm,par_index,91,,\n\
        Tỉnh Thử,2025,khối xã,Khối xã,par_index,89.1,,\n\
        Tỉnh Thử,2025,district,Huyện Thử,par_index,80,,\n\
        Tỉnh Thử,2025,thôn,Thôn Thử,par_index,80,,\n";
    let got = chiso::data::user_files::import::import(
        "test-communes.csv",
        csv.as_bytes(),
        Default::default(),
    )
    .unwrap();
    let types: Vec<UnitType> = got.scores.iter().map(|s| s.unit_type).collect();
    assert_eq!(
        types,
        [
            UnitType::Commune,
            UnitType::Commune,
            UnitType::Commune,
            UnitType::CommuneBlock,
            UnitType::District
        ]
    );
    // A district in 2025 is kept (and flagged on the page), never dropped.
    assert!(got.scores[4]
        .unit_type
        .after_its_level_ended(got.scores[4].year));
    assert!(!UnitType::District.after_its_level_ended(2024));
    assert!(!UnitType::Commune.after_its_level_ended(2025));
    // An unknown type is a row error that names the commune key among the choices.
    assert_eq!(got.errors.len(), 1);
    assert_eq!(got.errors[0].line, 7);
    let message = got.errors[0].problem.message(Lang::En);
    assert!(
        message.contains("commune") && message.contains("thôn"),
        "{message}"
    );
}

#[test]
fn the_commune_block_has_a_history_with_changes_like_the_district_block() {
    let block = |year: u16, value: f64| UnitScore {
        year,
        unit_type: UnitType::CommuneBlock,
        ..score("Khối xã, phường", Some(value), None, None)
    };
    let h = block_history(
        &[block(2026, 90.5), block(2025, 88.0)],
        "P",
        UnitType::CommuneBlock,
        "par_index",
    );
    assert_eq!(h.iter().map(|b| b.year).collect::<Vec<_>>(), [2025, 2026]);
    let (year, change) = h[1].change.unwrap();
    assert_eq!(year, 2025);
    assert!((change - 2.5).abs() < 1e-9);
    assert!(block_history(
        &[block(2025, 88.0)],
        "P",
        UnitType::DistrictBlock,
        "par_index"
    )
    .is_empty());
}

fn names<'a>(rows: &[(usize, &'a UnitScore)]) -> Vec<(usize, &'a str)> {
    rows.iter()
        .map(|(rank, u)| (*rank, u.unit.as_str()))
        .collect()
}

#[test]
fn unit_tables_search_without_diacritics_and_sort_by_name_or_score() {
    let all = [
        score("Phường Đông Thành", Some(91.0), None, None),
        score("Xã Bình An", Some(95.0), None, None),
        score("Xã Ân Thi", None, Some(85.0), Some(90.0)),
        score("phường Hòa Bình", Some(80.0), None, None),
        score("Xã Không Điểm", None, None, None),
    ];
    let mut ranked: Vec<&UnitScore> = all.iter().collect();
    sort_units(&mut ranked);
    let by_score = unit_rows(&ranked, "", UnitSort::Score, true);
    assert_eq!(
        names(&by_score),
        [
            (1, "Xã Bình An"),
            (2, "Phường Đông Thành"),
            (3, "Xã Ân Thi"),
            (4, "phường Hòa Bình"),
            (5, "Xã Không Điểm")
        ]
    );
    // Lowest first, a unit without a figure still last.
    let lowest_first = unit_rows(&ranked, "", UnitSort::Score, false);
    assert_eq!(
        lowest_first.iter().map(|r| r.0).collect::<Vec<_>>(),
        [4, 3, 2, 1, 5]
    );
    // By name, ignoring case and diacritics ("Ân" with the a's, "Đông" with the d's).
    let by_name = unit_rows(&ranked, "", UnitSort::Name, false);
    assert_eq!(
        by_name
            .iter()
            .map(|r| r.1.unit.as_str())
            .collect::<Vec<_>>(),
        [
            "Phường Đông Thành",
            "phường Hòa Bình",
            "Xã Ân Thi",
            "Xã Bình An",
            "Xã Không Điểm"
        ]
    );
    let reversed = unit_rows(&ranked, "", UnitSort::Name, true);
    assert_eq!(
        reversed
            .iter()
            .map(|r| r.1.unit.as_str())
            .rev()
            .collect::<Vec<_>>(),
        by_name
            .iter()
            .map(|r| r.1.unit.as_str())
            .collect::<Vec<_>>()
    );
    // A search keeps each unit's rank among them all.
    let q = chiso::text::fold("PHUONG");
    assert_eq!(
        names(&unit_rows(&ranked, &q, UnitSort::Score, true)),
        [(2, "Phường Đông Thành"), (4, "phường Hòa Bình")]
    );
    let q = chiso::text::fold("binh");
    assert_eq!(
        names(&unit_rows(&ranked, &q, UnitSort::Name, false)),
        [(4, "phường Hòa Bình"), (1, "Xã Bình An")]
    );
    assert!(unit_rows(&ranked, "zzz", UnitSort::Score, true).is_empty());
    assert_eq!(UnitSort::from_key("name"), Some(UnitSort::Name));
    assert_eq!(UnitSort::from_key("nope"), None);
}
