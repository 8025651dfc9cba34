mod common;

use chiso::ui::i18n::Lang;
use chiso::data::units::{block_history, figure_text, sort_units, to_rows, UnitScore, UnitType};

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
    let back = chiso::data::import::import("s", csv.as_bytes(), Default::default()).unwrap();
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
