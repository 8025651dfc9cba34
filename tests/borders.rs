//! A year before 2025 under the borders of 2025: the grouping of the rankings, the series a
//! chart draws for a 2025 province, and the break at 1 July 2025.

mod common;

use chiso::analysis::borders::{
    breaks_with_2025, crosses_2025, group_by_2025, with_former_provinces,
};
use chiso::analysis::profile::history;
use chiso::analysis::ranking::{rank, Query, SortColumn};
use chiso::analysis::trend::trends;
use chiso::data::geography::{is_unit_id, FIRST_YEAR_2025};
use chiso::data::model::{Dataset, Province, YearMeta};
use chiso::i18n::Lang;
use chiso::render::chart::{line_chart, segments, series_style, Axis, LineChartSpec, LineSeries};
use chiso::ui::state::{Action, Selection};

fn query(index: &str, year: u16, sort: SortColumn, descending: bool) -> Query {
    Query {
        index: index.into(),
        year,
        component: "total".into(),
        region: None,
        search: String::new(),
        sort,
        descending,
    }
}

/// Test data: `common::tiny` with two 2025 provinces, n01 (former 01 and 02, both north) and
/// n03 (former 03, 04, 05, north and south: no region), and made-up 2025 values for them.
fn test_dataset_with_2025() -> Dataset {
    let mut d = common::tiny();
    let unit = |code: &str, name: &str, region: Option<&str>, members: &[&str]| Province {
        region: region.map(str::to_string),
        first_year: Some(FIRST_YEAR_2025),
        members: members.iter().map(|m| m.to_string()).collect(),
        ..common::province(code, name, "")
    };
    for p in &mut d.provinces {
        p.last_year = Some(FIRST_YEAR_2025 - 1);
        p.merged_2025_into = Some(
            if ["01", "02"].contains(&p.code.as_str()) {
                "n01"
            } else {
                "n03"
            }
            .into(),
        );
    }
    d.provinces
        .push(unit("n01", "Hà Nội mới", Some("north"), &["01", "02"]));
    d.provinces
        .push(unit("n03", "Cần Thơ mới", None, &["03", "04", "05"]));
    d.indices[0].years.push(YearMeta {
        year: FIRST_YEAR_2025,
        components: vec![common::component("total")],
        components_file: None,
    });
    let mut series = d.series[0].clone();
    series.year = FIRST_YEAR_2025;
    series.points = vec![
        common::point("n01", Some(61.0), None),
        common::point("n03", Some(57.0), None),
    ];
    d.series.push(series);
    d
}

#[test]
fn a_2023_ranking_groups_under_the_34_in_their_code_order_each_former_province_with_its_own_row() {
    let d = common::bundled();
    let ranking = rank(&d, &query("papi", 2023, SortColumn::Position, false));
    let groups = group_by_2025(&d, ranking.visible());
    assert_eq!(groups.len(), 34);
    let codes: Vec<&str> = groups
        .iter()
        .map(|g| g.unit.unwrap().code.as_str())
        .collect();
    let official: Vec<&str> = d
        .unit_groups()
        .iter()
        .map(|g| g.unit.code.as_str())
        .collect();
    assert_eq!(codes, official, "groups in the order of the 2025 codes");
    assert_eq!(
        groups.iter().map(|g| g.rows.len()).sum::<usize>(),
        ranking.visible().count(),
        "every row once"
    );
    for g in &groups {
        let unit = g.unit.unwrap();
        assert_eq!(g.rows.len(), unit.members.len(), "{}", unit.code);
        for row in &g.rows {
            assert_eq!(d.successor(&row.code).map(|u| &u.code), Some(&unit.code));
            // Each former province keeps its own published value.
            assert_eq!(row.value, d.value("papi", 2023, "total", &row.code));
        }
        // Inside a group the table's order: by position here.
        let positions: Vec<u32> = g.rows.iter().filter_map(|r| r.position).collect();
        assert!(positions.windows(2).all(|w| w[0] <= w[1]), "{positions:?}");
    }
    let lao_cai = groups
        .iter()
        .find(|g| g.unit.unwrap().code == "n15")
        .unwrap();
    let former: Vec<&str> = lao_cai.rows.iter().map(|r| r.code.as_str()).collect();
    assert!(
        former.contains(&"10") && former.contains(&"15"),
        "{former:?}"
    );
}

#[test]
fn inside_each_group_the_rows_follow_the_chosen_column() {
    let d = common::bundled();
    let ranking = rank(&d, &query("papi", 2023, SortColumn::Value, true));
    for g in group_by_2025(&d, ranking.visible()) {
        let values: Vec<f64> = g.rows.iter().filter_map(|r| r.value).collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
    }
}

#[test]
fn a_region_or_a_search_leaves_out_the_groups_without_a_row() {
    let d = common::bundled();
    let mut q = query("papi", 2023, SortColumn::Position, false);
    q.search = "yen bai".into();
    let ranking = rank(&d, &q);
    let groups = group_by_2025(&d, ranking.visible());
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].unit.unwrap().code, "n15");
    assert_eq!(groups[0].rows.len(), 1, "only the matching former province");
}

#[test]
fn ha_tay_is_grouped_with_the_ha_noi_of_2025() {
    let d = common::bundled();
    // PCI 2007 rates the 64 provinces of the time, Hà Tây among them.
    let ranking = rank(&d, &query("pci", 2007, SortColumn::Position, false));
    assert!(ranking.rows.iter().any(|r| r.code == "28"));
    let groups = group_by_2025(&d, ranking.visible());
    assert_eq!(groups.len(), 34);
    let ha_noi = groups
        .iter()
        .find(|g| g.unit.is_some_and(|u| u.code == "n01"))
        .unwrap();
    assert!(ha_noi.rows.iter().any(|r| r.code == "28"));
    assert!(
        groups.iter().all(|g| g.unit.is_some()),
        "every province of 2007 has a 2025 successor"
    );
}

#[test]
fn a_2025_province_is_drawn_with_its_former_provinces_and_never_joined_to_them() {
    let d = test_dataset_with_2025();
    let chosen = vec!["n03".to_string(), "04".to_string()];
    let codes = with_former_provinces(&d, &chosen);
    assert_eq!(
        codes,
        ["n03", "03", "04", "05"],
        "one line each, none twice"
    );
    assert!(crosses_2025(&d, &codes));
    assert!(!crosses_2025(&d, &["01".to_string(), "03".to_string()]));
    let t = trends(&d, "idx", "total", &codes, false);
    for line in &t.lines {
        for run in segments(&line.points, &[]) {
            let (first, last) = (run[0].0, run[run.len() - 1].0);
            if is_unit_id(&line.code) {
                assert!(first >= FIRST_YEAR_2025, "{}: {run:?}", line.code);
            } else {
                assert!(last < FIRST_YEAR_2025, "{}: {run:?}", line.code);
            }
        }
    }
    assert_eq!(
        t.lines[0].points.last(),
        Some(&(FIRST_YEAR_2025, Some(57.0)))
    );
    assert_eq!(t.lines[1].points.last(), Some(&(FIRST_YEAR_2025, None)));
    // The unit's own series holds its own 2025 value and nothing made from its members'.
    let unit = history(&d, &d.indices[0], "n03");
    assert_eq!(
        unit,
        [(2010, None), (2011, None), (2013, None), (2025, Some(57.0))]
    );
}

#[test]
fn the_break_of_1_july_2025_is_marked_like_a_method_change() {
    assert_eq!(breaks_with_2025(&[2013], true), [2013, 2025]);
    assert_eq!(breaks_with_2025(&[2013], false), [2013]);
    assert_eq!(breaks_with_2025(&[2013, 2025], true), [2013, 2025]);
    assert_eq!(breaks_with_2025(&[2026], true), [2025, 2026]);
    let d = test_dataset_with_2025();
    let codes = with_former_provinces(&d, &["n01".to_string()]);
    let series: Vec<LineSeries> = trends(&d, "idx", "total", &codes, false)
        .lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| LineSeries {
            style: series_style(i),
            points: l.points,
        })
        .collect();
    let svg = line_chart(&LineChartSpec {
        lang: Lang::En,
        width: 400,
        height: 200,
        compact: false,
        axis: Axis {
            from: 0.0,
            to: 100.0,
        },
        inverted: false,
        years: (2010, FIRST_YEAR_2025),
        breaks: &breaks_with_2025(&d.indices[0].method_breaks, crosses_2025(&d, &codes)),
        series: &series,
    });
    assert!(svg.contains("⚠ 2013") && svg.contains("⚠ 2025"));
}

#[test]
fn the_switch_groups_only_years_that_rate_the_63() {
    let d = test_dataset_with_2025();
    let s = Selection::initial(&d, Lang::Vi).apply(&d, Action::SetBorders2025(true));
    assert_eq!(s.year, FIRST_YEAR_2025);
    assert!(s.borders_2025, "kept for the years before");
    assert!(!s.grouped_2025(), "2025 rates the 34 already");
    assert!(s.apply(&d, Action::SetYear(2013)).grouped_2025());
    // A 2025 ranking lists the 34 themselves, never their former provinces.
    let ranking = rank(
        &d,
        &query("idx", FIRST_YEAR_2025, SortColumn::Position, false),
    );
    let codes: Vec<&str> = ranking.rows.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["n01", "n03"]);
}
