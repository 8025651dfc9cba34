mod common;

use chiso::analysis::ranking::{rank, Query, Row, SortColumn};
use chiso::i18n::Lang;
use chiso::render::chart::{count_bars, ranking_bars, Axis, BarChartSpec};

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
    // Not by colour alone: the match's name is marked.
    assert_eq!(svg.matches("▶ ").count(), 1);
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
    use chiso::render::chart::{grouped_bars, series_style, GroupedBarsSpec};
    for n in [1usize, 3] {
        let categories: Vec<String> = (0..n).map(|i| format!("cat <{i}>")).collect();
        let series = vec![
            (
                series_style(1),
                (0..n).map(|i| Some(i as f64 + 1.0)).collect::<Vec<_>>(),
            ),
            (
                series_style(2),
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
        // Each bar in its series' colour, ending in its series' shape.
        assert_eq!(svg.matches("fill=\"#A87400\"").count(), 2 * n);
        assert_eq!(svg.matches("fill=\"#2B8CC4\"").count(), 2 * (n - 1));
        // The first group's bars start at the top of the plot (8 px down): no empty row above.
        let top_bar = svg
            .lines()
            .filter(|l| l.starts_with("<rect") && l.contains("fill=\"#A87400\""))
            .map(|l| attribute(l, "y"))
            .fold(f64::MAX, f64::min);
        assert!(top_bar <= 16.0, "n = {n}: the first bar at {top_bar}");
    }
}

#[test]
fn every_chart_colour_stands_out_from_the_white_background() {
    use chiso::render::chart::{hex, BAR_COLOUR, MATCH_COLOUR, SERIES_COLOURS};
    // WCAG 1.4.11: graphical objects need 3:1 against what surrounds them.
    for c in SERIES_COLOURS.iter().chain([&BAR_COLOUR, &MATCH_COLOUR]) {
        let ratio = common::contrast(&hex(*c), "#FFFFFF");
        assert!(ratio >= 3.0, "{c:?}: {ratio:.2}");
    }
}

#[test]
fn no_two_of_the_first_eight_series_look_alike() {
    use chiso::render::chart::{series_style, Marker};
    let styles: Vec<_> = (0..8).map(series_style).collect();
    for (i, a) in styles.iter().enumerate() {
        for b in &styles[i + 1..] {
            assert_ne!(a.colour, b.colour);
        }
    }
    // Neighbours (series 1 and 2, …) never share a shape, and every shape is used.
    for pair in styles.windows(2) {
        assert_ne!(pair[0].marker, pair[1].marker);
    }
    for m in Marker::ALL {
        assert!(styles.iter().any(|s| s.marker == m));
    }
}

/// The `y` of an SVG element's attribute `name` (plotters writes one element per line).
fn attribute(element: &str, name: &str) -> f64 {
    let start = element.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
    let end = start + element[start..].find('"').unwrap();
    element[start..end].parse().unwrap()
}

#[test]
fn each_name_sits_beside_its_own_bar_with_no_empty_row() {
    use chiso::render::chart::{range_bars, RangeBar};
    for n in [1usize, 2, 5] {
        let names: Vec<String> = (0..n).map(|i| format!("unit {i}")).collect();
        let bars: Vec<RangeBar> = names
            .iter()
            .enumerate()
            .map(|(i, name)| RangeBar {
                name,
                low: 10.0 * (i + 1) as f64,
                high: 10.0 * (i + 1) as f64,
                band: false,
            })
            .collect();
        let svg = range_bars(
            Lang::En,
            500,
            Axis {
                from: 0.0,
                to: 100.0,
            },
            &bars,
        );
        let rects: Vec<&str> = svg
            .lines()
            .filter(|l| l.contains("<rect") && l.contains("fill=\"#3B6EA8\""))
            .collect();
        assert_eq!(rects.len(), n);
        for (i, name) in names.iter().enumerate() {
            // plotters writes a label's text on the line after its element.
            let lines: Vec<&str> = svg.lines().collect();
            let at = lines
                .iter()
                .position(|l| l.starts_with(name.as_str()))
                .expect("labelled");
            let label = lines[at - 1];
            let (top, height) = (attribute(rects[i], "y"), attribute(rects[i], "height"));
            let y = attribute(label, "y");
            assert!(
                y >= top && y <= top + height,
                "n = {n}: {name} at {y}, its bar {top}..{}",
                top + height
            );
        }
        // The first bar starts at the top of the plot: no empty row above it.
        assert!(attribute(rects[0], "y") <= 12.0, "n = {n}: {}", rects[0]);
    }
}

#[test]
fn three_hundred_units_each_get_a_named_bar_with_the_axis_above_and_below() {
    use chiso::render::chart::{range_bars, RangeBar, TOP_AXIS_FROM};
    let names: Vec<String> = (1..=300)
        .map(|i| format!("Xã Thử Nghiệm {i:03} <b>&\"'"))
        .collect();
    let bars: Vec<RangeBar> = names
        .iter()
        .enumerate()
        .map(|(i, name)| RangeBar {
            name,
            low: 60.0 + (i % 40) as f64,
            high: 60.0 + (i % 40) as f64 + if i % 3 == 0 { 5.0 } else { 0.0 },
            band: i % 3 == 0,
        })
        .collect();
    let axis = Axis {
        from: 50.0,
        to: 100.0,
    };
    let svg = range_bars(Lang::Vi, 720, axis, &bars);
    assert_eq!(svg.matches("fill=\"#3B6EA8\"").count(), 200);
    assert_eq!(svg.matches("fill=\"#9AB8D8\"").count(), 100);
    assert!(!svg.contains("<b>"));
    assert_eq!(svg.matches("&lt;b&gt;&amp;").count(), 300);
    for i in [1, 150, 300] {
        assert!(svg.contains(&format!("Xã Thử Nghiệm {i:03} ")), "{i} named");
    }
    // Each axis label ("60") is written twice: above the bars and below them.
    let labels = |svg: &str| svg.lines().filter(|l| l.trim() == "60").count();
    assert_eq!(labels(&svg), 2);
    let few = range_bars(Lang::Vi, 720, axis, &bars[..TOP_AXIS_FROM - 1]);
    assert_eq!(labels(&few), 1);
    let height = |svg: &str| attribute(svg.lines().next().unwrap(), "height");
    assert!(height(&svg) >= 18.0 * 300.0, "18 px a bar");
}

#[test]
fn a_change_is_drawn_from_zero_gains_right_losses_left_names_escaped() {
    use chiso::render::chart::change_bars;
    let svg = change_bars(
        Lang::Vi,
        640,
        &[("Gain <b>", 2.0), ("Loss & co", -0.5), ("Same", 0.0)],
    );
    assert_eq!(count_bars(&svg), 3);
    assert!(
        svg.contains("Gain &lt;b&gt;") && svg.contains("Loss &amp; co"),
        "{svg}"
    );
    assert!(!svg.contains("<b>"));
    let rect = |colour: &str| {
        let line = svg
            .lines()
            .find(|l| l.contains("<rect") && l.contains(colour))
            .expect(colour);
        (
            attribute(line, "x"),
            attribute(line, "x") + attribute(line, "width"),
        )
    };
    let (gain, loss) = (rect("fill=\"#3B6EA8\""), rect("fill=\"#C44E00\""));
    // The loss ends where the gain starts: at zero, which the zero line marks.
    assert!((loss.1 - gain.0).abs() <= 1.0, "{loss:?} {gain:?}");
    assert!(
        gain.1 - gain.0 > 3.0 * (loss.1 - loss.0),
        "{gain:?} is four times {loss:?}"
    );
    assert!(svg.contains("stroke=\"#333333\""), "the zero line");
    let labels: Vec<&str> = svg
        .lines()
        .filter(|l| l.starts_with('-') || l.starts_with('0'))
        .collect();
    assert!(
        labels.contains(&"0,0") && !labels.iter().any(|l| l.starts_with("-0,0")),
        "{labels:?}"
    );
}
