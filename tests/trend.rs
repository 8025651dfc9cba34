mod common;

use chiso::analysis::trend::{components_over_years, trends};
use chiso::i18n::Lang;
use chiso::render::chart::{line_chart, segments, series_style, Axis, LineChartSpec, LineSeries};

#[test]
fn lines_never_bridge_a_missing_year() {
    let points = vec![
        (2010, Some(1.0)),
        (2011, Some(2.0)),
        (2013, Some(3.0)),
        (2014, None),
        (2015, Some(4.0)),
        (2016, Some(5.0)),
    ];
    assert_eq!(
        segments(&points, &[]),
        vec![
            vec![(2010, 1.0), (2011, 2.0)],
            vec![(2013, 3.0)],
            vec![(2015, 4.0), (2016, 5.0)]
        ]
    );
    // Nor a change of method: the line stops before the break's first year.
    assert_eq!(
        segments(&points, &[2011, 2016]),
        vec![
            vec![(2010, 1.0)],
            vec![(2011, 2.0)],
            vec![(2013, 3.0)],
            vec![(2015, 4.0)],
            vec![(2016, 5.0)]
        ]
    );
    let series = [LineSeries {
        style: series_style(1),
        points,
    }];
    let svg = line_chart(&LineChartSpec {
        lang: Lang::Vi,
        width: 400,
        height: 200,
        compact: false,
        axis: Axis { from: 0.0, to: 6.0 },
        inverted: false,
        years: (2010, 2016),
        breaks: &[2013],
        series: &series,
    });
    // One polyline per run of consecutive years (a lone value is a dot only), one dot per
    // value, a break marker labelled.
    let lines = svg
        .lines()
        .filter(|l| l.contains("<polyline") && l.contains("stroke=\"#A87400\""))
        .count();
    assert_eq!(lines, 2);
    assert_eq!(
        svg.lines()
            .filter(|l| l.contains("<polygon") && l.contains("#A87400"))
            .count(),
        5
    );
    assert!(svg.contains("⚠ 2013"));
}

#[test]
fn values_and_ranks_per_year() {
    let d = common::tiny();
    let codes = vec!["01".to_string(), "04".to_string()];
    let t = trends(&d, "idx", "total", &codes, false);
    assert_eq!(
        t.lines[0].points,
        vec![(2010, Some(50.0)), (2011, Some(52.0)), (2013, Some(70.0))]
    );
    assert_eq!(
        t.lines[1].points,
        vec![(2010, Some(55.0)), (2011, None), (2013, None)]
    );
    let r = trends(&d, "idx", "total", &codes, true);
    // 2010 and 2011 publish no ranks: computed positions; 2013 has official ranks (rank-only too).
    assert_eq!(
        r.lines[0].points,
        vec![(2010, Some(3.0)), (2011, Some(3.0)), (2013, Some(1.0))]
    );
    assert_eq!(
        r.lines[1].points,
        vec![(2010, Some(2.0)), (2011, None), (2013, Some(3.0))]
    );
    assert_eq!(r.computed, vec![2010, 2011]);
}

#[test]
fn components_of_every_year_total_first() {
    let d = common::bundled();
    let keys: Vec<&str> = components_over_years(&d, "pci")
        .iter()
        .map(|c| c.key.as_str())
        .collect();
    assert_eq!(keys[0], "total");
    assert!(
        keys.contains(&"implementation_consistency"),
        "a 2005-only sub-index is still offered"
    );
    assert!(keys.contains(&"policy_bias"));
}
