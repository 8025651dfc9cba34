mod common;

use chiso::chart::{count_bars, ranking_bars, Axis, BarChartSpec};
use chiso::i18n::Lang;
use chiso::ranking::{rank, Query, Row, SortColumn};

fn rows(search: &str) -> Vec<Row> {
    let q = Query {
        index: "idx".into(),
        year: 2011,
        component: "total".into(),
        region: None,
        search: search.into(),
        sort: SortColumn::Position,
        descending: false,
    };
    rank(&common::tiny(), &q).rows
}

fn svg(rows: &[Row], highlight: bool) -> String {
    let refs: Vec<&Row> = rows.iter().collect();
    let values: Vec<f64> = rows.iter().filter_map(|r| r.value).collect();
    ranking_bars(&BarChartSpec {
        lang: Lang::Vi,
        axis: Axis::fit(&values, 0.0, 100.0),
        average: Some(53.25),
        highlight,
        width: 520,
        rows: &refs,
    })
}

#[test]
fn one_bar_per_row_with_a_value() {
    let rows = rows("");
    let with_value = rows.iter().filter(|r| r.value.is_some()).count();
    assert_eq!(with_value, 4);
    assert_eq!(count_bars(&svg(&rows, false)), with_value);
}

#[test]
fn search_matches_are_highlighted() {
    let svg = svg(&rows("son la"), true);
    assert_eq!(count_bars(&svg), 4);
    assert_eq!(svg.matches("fill=\"#C44E00\"").count(), 1);
}

#[test]
fn names_are_escaped() {
    let mut rows = rows("");
    rows[0].name_vi = "<script>alert(1)</script> & \"x\"".into();
    let svg = svg(&rows, false);
    assert!(!svg.contains("<script>"));
    assert!(svg.contains("&lt;script&gt;"));
    assert!(svg.contains("&amp;"));
}

#[test]
fn axis_starts_below_the_lowest_value_within_the_scale() {
    let a = Axis::fit(&[80.0, 90.0], 0.0, 100.0);
    assert!(a.from < 80.0 && a.from >= 0.0 && a.to >= 90.0 && a.to <= 100.0);
    let a = Axis::fit(&[1.5, 1.6], 1.0, 10.0);
    assert!(a.from >= 1.0 && a.from < 1.5);
    let empty = Axis::fit(&[], 0.0, 10.0);
    assert_eq!((empty.from, empty.to), (0.0, 10.0));
    let single = Axis::fit(&[100.0], 0.0, 100.0);
    assert!(single.to > single.from);
}

#[test]
fn grouped_bars_label_every_group_and_skip_missing_values() {
    use chiso::chart::{grouped_bars, GroupedBarsSpec, SERIES_COLOURS};
    for n in [1usize, 3] {
        let categories: Vec<String> = (0..n).map(|i| format!("cat <{i}>")).collect();
        let series = vec![
            (
                SERIES_COLOURS[1],
                (0..n).map(|i| Some(i as f64 + 1.0)).collect::<Vec<_>>(),
            ),
            (
                SERIES_COLOURS[2],
                (0..n).map(|i| (i > 0).then_some(2.0)).collect(),
            ),
        ];
        let svg = grouped_bars(&GroupedBarsSpec {
            lang: Lang::En,
            width: 500,
            axis: Axis { from: 0.0, to: 5.0 },
            categories: &categories,
            series: &series,
        });
        for c in &categories {
            assert!(svg.contains(&chiso::text::escape_xml(c)), "{c} labelled");
        }
        assert_eq!(svg.matches("fill=\"#E69F00\"").count(), n);
        assert_eq!(svg.matches("fill=\"#56B4E9\"").count(), n - 1);
    }
}
