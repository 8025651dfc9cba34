//! No line crosses a change of method: every function that draws lines over years (the line
//! chart itself; a province's history, drawn by the profile's cards and the pages' preview
//! images; the brief's "over the years"; the trends view), given values on both sides of a
//! break, draws no segment from one side to the other, for values and ranks alike. The SVG's
//! own coordinates are read: each break's marker gives its x, each line's points its segments.
mod common;

use chiso::data::model::Dataset;
use chiso::i18n::Lang;
use chiso::render::brief::doc::document;
use chiso::render::chart::{
    hex, line_chart, series_style, Axis, LineChartSpec, LineSeries, BREAK_COLOUR, LINE_WIDTH,
};
use chiso::render::history_chart::{history_chart, history_lines};
use chiso::ui::built_pages::pages::pages;
use chiso::ui::components::trends_view::{trends_view, TrendsViewProps};
use chiso::ui::components::SharedDataset;
use chiso::ui::state::Selection;
use std::rc::Rc;
use yew::{Callback, Html, LocalServerRenderer, Properties};

const SON_LA: &str = "14";

/// The value of attribute `name` in one SVG element's text.
fn attribute<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let start = element.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = element[start..].find('"')? + start;
    Some(&element[start..end])
}

/// A `<polyline>` of an SVG: its stroke, width and points.
struct Polyline {
    stroke: String,
    width: String,
    points: Vec<(f64, f64)>,
}

/// Each `<polyline>` of an SVG (or of a page holding SVGs).
fn polylines(svg: &str) -> Vec<Polyline> {
    svg.split("<polyline")
        .skip(1)
        .map(|rest| {
            let element = &rest[..rest.find("/>").unwrap_or(rest.len())];
            let points = attribute(element, "points")
                .unwrap_or_default()
                .split_whitespace()
                .map(|p| {
                    let (x, y) = p.split_once(',').expect("x,y");
                    (x.parse().expect("x"), y.parse().expect("y"))
                })
                .collect();
            Polyline {
                stroke: attribute(element, "stroke").unwrap_or_default().to_string(),
                width: attribute(element, "stroke-width")
                    .unwrap_or_default()
                    .to_string(),
                points,
            }
        })
        .collect()
}

/// Checks one drawing: it marks at least one break, draws lines, and no segment of a line has
/// a break's x strictly between its ends. Returns how many line segments it checked.
fn no_segment_crosses_a_break(svg: &str, what: &str) -> usize {
    let all = polylines(svg);
    let breaks: Vec<f64> = all
        .iter()
        .filter(|l| l.stroke == hex(BREAK_COLOUR))
        .map(|l| l.points[0].0)
        .collect();
    assert!(!breaks.is_empty(), "{what}: no break is marked");
    let mut checked = 0;
    for line in all.iter().filter(|l| l.width == LINE_WIDTH.to_string()) {
        for pair in line.points.windows(2) {
            let (a, b) = (pair[0].0.min(pair[1].0), pair[0].0.max(pair[1].0));
            for x in &breaks {
                assert!(
                    !(a < *x && *x < b),
                    "{what}: a segment from x={a} to x={b} crosses the break at x={x}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 0, "{what}: no line drawn");
    checked
}

/// Values on both sides of a break, as PAPI's of 2016–2019 (the break of 2018).
fn across_2018() -> Vec<(u16, Option<f64>)> {
    vec![
        (2016, Some(35.1)),
        (2017, Some(36.4)),
        (2018, Some(43.0)),
        (2019, Some(44.2)),
    ]
}

#[test]
fn the_line_chart_stops_at_each_break_for_values_and_ranks() {
    let series = [
        LineSeries {
            style: series_style(0),
            points: across_2018(),
        },
        LineSeries {
            style: series_style(1),
            points: vec![
                (2016, Some(40.0)),
                (2017, None),
                (2018, Some(41.0)),
                (2019, Some(42.0)),
            ],
        },
    ];
    for (inverted, compact) in [(false, false), (true, false), (false, true)] {
        let svg = line_chart(&LineChartSpec {
            lang: Lang::Vi,
            width: 400,
            height: 200,
            compact,
            axis: Axis {
                from: 30.0,
                to: 50.0,
            },
            inverted,
            years: (2016, 2019),
            breaks: &[2018],
            series: &series,
        });
        let what = format!("line_chart, ranks: {inverted}, compact: {compact}");
        // 2016–2017 and 2018–2019 of the first line, 2018–2019 of the second.
        assert_eq!(no_segment_crosses_a_break(&svg, &what), 3, "{what}");
    }
}

#[test]
fn a_province_history_stops_at_each_break_on_the_profile_and_the_preview() {
    let d = common::bundled();
    let papi = d.index("papi").unwrap();
    let own = chiso::analysis::profile::history(&d, papi, SON_LA);
    assert!(
        own.iter().any(|p| p.0 == 2017 && p.1.is_some())
            && own.iter().any(|p| p.0 == 2018 && p.1.is_some()),
        "Sơn La has PAPI on both sides of 2018"
    );
    let lines = history_lines(&d, papi, &own, &[]);
    for (size, compact) in [((220, 56), true), ((720, 156), false)] {
        let svg = history_chart(Lang::Vi, papi, &lines, false, size, compact).unwrap();
        no_segment_crosses_a_break(&svg, &format!("history_chart {size:?}"));
    }
    // A 2025 province's chart: its former provinces' lines, over PCI's four breaks.
    let pci = d.index("pci").unwrap();
    let unit = d.province("n15").unwrap();
    let former = d.members_of(&unit.code);
    let own = chiso::analysis::profile::history(&d, pci, &unit.code);
    let lines = history_lines(&d, pci, &own, &former);
    let svg = history_chart(Lang::En, pci, &lines, true, (720, 156), false).unwrap();
    no_segment_crosses_a_break(&svg, "history_chart of n15");
}

#[test]
fn every_preview_image_stops_its_lines_at_each_break() {
    let d = common::bundled();
    // A province's page previews its history (an index's page, its ranking as bars).
    let charts: Vec<_> = pages(&d)
        .into_iter()
        .filter(|p| p.path.contains("tinh/"))
        .filter_map(|p| Some((p.path, p.preview.chart?.svg)))
        .collect();
    assert!(
        charts.len() > 180,
        "{} charts in both languages",
        charts.len()
    );
    for (path, svg) in &charts {
        no_segment_crosses_a_break(svg, path);
    }
}

#[test]
fn the_brief_over_the_years_stops_at_each_break() {
    let d = common::bundled();
    let doc = document(&d, Lang::Vi, SON_LA, 2022, "", &[]);
    let charts: Vec<_> = doc
        .sections
        .iter()
        .flat_map(|s| &s.tables)
        .filter_map(|t| t.chart.as_ref())
        .filter(|c| c.id.starts_with("brief-chart-years-"))
        .collect();
    let papi = charts
        .iter()
        .find(|c| c.id == "brief-chart-years-papi")
        .expect("PAPI over the years");
    assert!(
        papi.description
            .contains("Đường không nối qua năm thay đổi phương pháp (2018)"),
        "{}",
        papi.description
    );
    for chart in charts
        .iter()
        .filter(|c| c.id.ends_with("papi") || c.id.ends_with("pci"))
    {
        no_segment_crosses_a_break(&chart.svg, &chart.id);
    }
}

#[derive(Properties, PartialEq)]
struct TrendsProps {
    query: String,
}

#[yew::component]
fn Trends(props: &TrendsProps) -> Html {
    let dataset: Dataset = common::bundled();
    let selection = Selection::from_query_string(&props.query, &dataset, Lang::Vi);
    trends_view(&TrendsViewProps {
        data: SharedDataset(Rc::new(dataset)),
        selection,
        on_action: Callback::noop(),
    })
}

#[test]
fn the_trends_view_stops_its_lines_at_each_break_by_value_and_by_rank() {
    for mode in ["", "&mode=rank"] {
        let query = format!("view=trends&index=papi&provinces={SON_LA},01,48{mode}&lang=en");
        let html = futures::executor::block_on(
            LocalServerRenderer::<Trends>::with_props(TrendsProps {
                query: query.clone(),
            })
            .hydratable(false)
            .render(),
        );
        no_segment_crosses_a_break(&html, &query);
        assert!(
            html.contains("No line is joined across a change of method (2018)"),
            "{query}"
        );
    }
}
