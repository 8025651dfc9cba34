mod common;

use chiso::analysis::scatter::scatter;
use chiso::analysis::stats::pearson;
use chiso::i18n::Lang;
use chiso::render::chart::{scatter_plot, series_style, Axis, Dot, ScatterSpec};

#[test]
fn only_provinces_with_both_values_and_their_correlation() {
    let d = common::tiny();
    // 2010 against 2011 is not possible (one year), so compare the index with itself: r = 1.
    let s = scatter(&d, ("idx", "total"), ("idx", "total"), 2011);
    assert_eq!(s.points.len(), 4);
    assert!((s.pearson.unwrap() - 1.0).abs() < 1e-12);
    assert!((s.spearman.unwrap() - 1.0).abs() < 1e-12);
    let (slope, intercept) = s.line.unwrap();
    assert!((slope - 1.0).abs() < 1e-12 && intercept.abs() < 1e-9);
    let none = scatter(&d, ("idx", "total"), ("nope", "total"), 2011);
    assert!(none.points.is_empty() && none.pearson.is_none());
}

#[test]
fn real_pci_against_papi_2016() {
    let d = common::bundled();
    let s = scatter(&d, ("pci", "total"), ("papi", "total"), 2016);
    assert_eq!(s.points.len(), 63);
    let xs: Vec<f64> = s.points.iter().map(|p| p.x).collect();
    let ys: Vec<f64> = s.points.iter().map(|p| p.y).collect();
    assert_eq!(s.pearson, pearson(&xs, &ys));
}

#[test]
fn every_dot_is_named_and_names_are_escaped() {
    let dots = [
        Dot {
            name: "<b>A&B</b>",
            style: series_style(1),
            x: 1.0,
            y: 2.0,
        },
        Dot {
            name: "Sơn La",
            style: series_style(2),
            x: 2.0,
            y: 3.0,
        },
        Dot {
            name: "C",
            style: series_style(3),
            x: 3.0,
            y: 3.5,
        },
    ];
    let svg = scatter_plot(&ScatterSpec {
        lang: Lang::En,
        width: 400,
        height: 300,
        x_axis: Axis { from: 0.0, to: 4.0 },
        y_axis: Axis { from: 0.0, to: 4.0 },
        x_label: "x <1>",
        y_label: "y",
        dots: &dots,
        line: Some((0.5, 1.0)),
    });
    assert_eq!(svg.matches("<polygon").count(), 3);
    assert_eq!(svg.matches("<title>").count(), 3);
    assert!(svg.contains("<title>&lt;b&gt;A&amp;B&lt;/b&gt;</title>"));
    assert!(svg.contains("<title>Sơn La</title>"));
    assert!(!svg.contains("<b>"));
    assert!(svg.contains("x &lt;1&gt;"));
}
