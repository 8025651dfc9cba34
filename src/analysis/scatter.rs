//! Two index/component pairs in one year: one point per province with both values.

use crate::analysis::stats::{least_squares, pearson, spearman};
use crate::data::model::Dataset;

#[derive(Clone, Debug, PartialEq)]
pub struct ScatterPoint {
    pub code: String,
    pub region: Option<String>,
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scatter {
    pub points: Vec<ScatterPoint>,
    pub pearson: Option<f64>,
    pub spearman: Option<f64>,
    /// Least-squares line y = slope·x + intercept.
    pub line: Option<(f64, f64)>,
}

/// (index, component) on one axis.
pub type Axis<'a> = (&'a str, &'a str);

/// Provinces with a value on both axes in `year`, in province order, with their correlations.
pub fn scatter(dataset: &Dataset, x: Axis, y: Axis, year: u16) -> Scatter {
    let value = |(index, component): Axis, code: &str| dataset.value(index, year, component, code);
    let points: Vec<ScatterPoint> = dataset
        .provinces_in(year)
        .filter_map(|p| {
            Some(ScatterPoint {
                code: p.code.clone(),
                region: p.region.clone(),
                x: value(x, &p.code)?,
                y: value(y, &p.code)?,
            })
        })
        .collect();
    let xs: Vec<f64> = points.iter().map(|p| p.x).collect();
    let ys: Vec<f64> = points.iter().map(|p| p.y).collect();
    Scatter {
        pearson: pearson(&xs, &ys),
        spearman: spearman(&xs, &ys),
        line: least_squares(&xs, &ys),
        points,
    }
}
