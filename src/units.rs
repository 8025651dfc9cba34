//! Scores of a province's own units (departments, districts and their blocks), from the steering
//! committees' reports or from a user's file. A band stays a band: `low`/`high` without a value.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum UnitType {
    Province,
    DepartmentBlock,
    DistrictBlock,
    Department,
    District,
}

impl UnitType {
    pub const ALL: [UnitType; 5] = [UnitType::Province, UnitType::DepartmentBlock, UnitType::DistrictBlock, UnitType::Department, UnitType::District];

    pub fn key(self) -> &'static str {
        match self {
            UnitType::Province => "province",
            UnitType::DepartmentBlock => "department_block",
            UnitType::DistrictBlock => "district_block",
            UnitType::Department => "department",
            UnitType::District => "district",
        }
    }

    pub fn from_key(key: &str) -> Option<UnitType> {
        UnitType::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The block a unit belongs to (departments → department block), if any.
    pub fn block(self) -> Option<UnitType> {
        match self {
            UnitType::Department => Some(UnitType::DepartmentBlock),
            UnitType::District => Some(UnitType::DistrictBlock),
            _ => None,
        }
    }
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct UnitScore {
    /// Province name as written (bundled data: the canonical name).
    pub province: String,
    pub year: u16,
    pub unit_type: UnitType,
    pub unit: String,
    /// e.g. `par_index`, `sipas`, `par_index_average`, `sipas_units_at_least_90`.
    pub metric: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// A band or bound: the published lower and upper limits (either may be open).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// `percent`, `points_of_100`, `count`, `billion_vnd`, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Computed by the source from a stated change (e.g. 95.83 "up 1.25" gives 94.58).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub derived: bool,
    /// Where the figure comes from: a meeting id (bundled) or the uploaded file's name.
    pub source: String,
}

impl UnitScore {
    /// The figure as a closed range: [v, v] for a value; an open end of a band takes the other end.
    pub fn range(&self) -> Option<(f64, f64)> {
        match (self.value, self.low, self.high) {
            (Some(v), _, _) => Some((v, v)),
            (None, Some(lo), Some(hi)) => Some((lo, hi)),
            (None, Some(lo), None) => Some((lo, lo)),
            (None, None, Some(hi)) => Some((hi, hi)),
            (None, None, None) => None,
        }
    }

    pub fn is_band(&self) -> bool {
        self.value.is_none() && (self.low.is_some() || self.high.is_some())
    }
}

/// Best first: by the middle of the range (a value is its own middle), then by the upper end,
/// then by name; entries without a figure last.
pub fn sort_units(units: &mut [&UnitScore]) {
    let key = |u: &UnitScore| u.range().map(|(lo, hi)| ((lo + hi) / 2.0, hi));
    units.sort_by(|a, b| match (key(a), key(b)) {
        (Some((ma, ha)), Some((mb, hb))) => mb.total_cmp(&ma).then(hb.total_cmp(&ha)).then_with(|| a.unit.cmp(&b.unit)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.unit.cmp(&b.unit),
    });
}

/// A block's average for one metric over the years, with the change against the previous year
/// that has one.
#[derive(Clone, Debug, PartialEq)]
pub struct BlockYear {
    pub year: u16,
    pub value: f64,
    pub change: Option<(u16, f64)>,
    pub derived: bool,
}

pub fn block_history(scores: &[UnitScore], province: &str, block: UnitType, metric: &str) -> Vec<BlockYear> {
    let mut points: Vec<&UnitScore> = scores
        .iter()
        .filter(|s| s.province == province && s.unit_type == block && s.metric == metric && s.value.is_some())
        .collect();
    points.sort_by_key(|s| s.year);
    let mut out: Vec<BlockYear> = Vec::new();
    for s in points {
        let value = s.value.expect("filtered on value");
        let change = out.last().map(|p| (p.year, value - p.value));
        out.push(BlockYear { year: s.year, value, change, derived: s.derived });
    }
    out
}

/// The distinct (year, metric) pairs with unit-level figures of one kind, newest first.
pub fn unit_tables(scores: &[UnitScore], province: &str, unit_type: UnitType) -> Vec<(u16, String)> {
    let mut pairs: Vec<(u16, String)> = scores
        .iter()
        .filter(|s| s.province == province && s.unit_type == unit_type)
        .map(|s| (s.year, s.metric.clone()))
        .collect();
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    pairs.dedup();
    pairs
}

/// The provinces that have unit-level figures, in first-seen order.
pub fn provinces_with_units(scores: &[UnitScore]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in scores {
        if !out.contains(&s.province) {
            out.push(s.province.clone());
        }
    }
    out
}
