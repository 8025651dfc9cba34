//! The province profile: where a province stands on each index, and which components cost it
//! points, against the national and regional medians and the best province.

use crate::analysis::ranking::{rank, Query, Row, SortColumn};
use crate::analysis::stats::median;
use crate::data::geography::{is_unit_id, FIRST_YEAR_2025};
use crate::data::model::{Dataset, IndexMeta};

/// A province's latest standing on one index.
#[derive(Clone, Debug, PartialEq)]
pub struct IndexStanding {
    pub index: String,
    /// The latest year with a value or rank for this province, and its ranking row.
    pub latest: Option<(u16, Row)>,
    /// Provinces with a value that year.
    pub with_value: usize,
    /// (year, value) for every year of the index; `None` where the province has no value.
    pub history: Vec<(u16, Option<f64>)>,
}

/// The whole country's ranking of one series, by position.
pub(crate) fn query(index: &str, year: u16, component: &str) -> Query {
    Query {
        index: index.into(),
        year,
        component: component.into(),
        region: None,
        search: String::new(),
        sort: SortColumn::Position,
        descending: false,
    }
}

/// A province's overall value in every year of `index`; `None` where it has none (a former
/// province from 2025 on, a 2025 province before).
pub fn history(dataset: &Dataset, index: &IndexMeta, code: &str) -> Vec<(u16, Option<f64>)> {
    index
        .years
        .iter()
        .map(|y| (y.year, dataset.value(&index.key, y.year, "total", code)))
        .collect()
}

/// The overall standing on every index, in the dataset's index order.
pub fn standings(dataset: &Dataset, code: &str) -> Vec<IndexStanding> {
    dataset
        .indices
        .iter()
        .map(|index| {
            let history = history(dataset, index, code);
            let latest = index.years.iter().rev().find_map(|y| {
                let ranking = rank(dataset, &query(&index.key, y.year, "total"));
                let row = ranking
                    .rows
                    .into_iter()
                    .find(|r| r.code == code && r.has_data())?;
                Some((y.year, row, ranking.with_value))
            });
            let with_value = latest.as_ref().map(|l| l.2).unwrap_or(0);
            IndexStanding {
                index: index.key.clone(),
                latest: latest.map(|(y, r, _)| (y, r)),
                with_value,
                history,
            }
        })
        .collect()
}

/// One component of an index in one year, seen from one province.
#[derive(Clone, Debug, PartialEq)]
pub struct ComponentGap {
    pub component: String,
    pub value: Option<f64>,
    /// The source of the province's value.
    pub source: Option<u32>,
    pub national_median: Option<f64>,
    pub region_median: Option<f64>,
    /// The best province (code) and its value; the first by name when tied.
    pub best: Option<(String, f64)>,
    /// The component's maximum points that year, where published.
    pub max_points: Option<f64>,
    /// max − value, where the maximum is published.
    pub points_lost: Option<f64>,
    /// How far behind the best province, as a share of the component's scale (0 = best).
    pub gap_share: Option<f64>,
}

/// Every component (not the total) of `index` in `year` for `code`, largest gap first; the
/// components where the province has no value are listed last.
pub fn breakdown(dataset: &Dataset, index: &str, year: u16, code: &str) -> Vec<ComponentGap> {
    let Some(year_meta) = dataset.index(index).and_then(|i| i.year(year)) else {
        return Vec::new();
    };
    // A 2025 unit spanning several regions has no regional median.
    let region = dataset.province(code).and_then(|p| p.region.clone());
    let mut gaps: Vec<ComponentGap> = year_meta
        .components
        .iter()
        .filter(|c| c.key != "total")
        .map(|c| {
            let points: Vec<(&str, f64)> = dataset
                .series(index, year, &c.key)
                .map(|s| {
                    s.points
                        .iter()
                        .filter_map(|p| p.value.map(|v| (p.province.as_str(), v)))
                        .collect()
                })
                .unwrap_or_default();
            let all: Vec<f64> = points.iter().map(|p| p.1).collect();
            let in_region: Vec<f64> = points
                .iter()
                .filter(|(p, _)| {
                    dataset
                        .province(p)
                        .is_some_and(|x| region.is_some() && x.region == region)
                })
                .map(|p| p.1)
                .collect();
            let best = points
                .iter()
                .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(p, v)| (p.to_string(), *v));
            let value = points.iter().find(|p| p.0 == code).map(|p| p.1);
            let own = dataset
                .series(index, year, &c.key)
                .and_then(|s| s.points.iter().find(|p| p.province == code));
            let point_max = own.and_then(|p| p.max_points);
            let max_points = point_max.or(c.max_points);
            let span = (c.scale_max - c.scale_min).max(f64::EPSILON);
            ComponentGap {
                component: c.key.clone(),
                value,
                source: own.filter(|p| p.value.is_some()).map(|p| p.source),
                national_median: median(&all),
                region_median: median(&in_region),
                points_lost: max_points.zip(value).map(|(m, v)| m - v),
                gap_share: best.as_ref().zip(value).map(|((_, b), v)| (b - v) / span),
                best,
                max_points,
            }
        })
        .collect();
    // Points lost where the maximum is published (PAR INDEX) come first, largest first; then the
    // gap to the best province as a share of the scale; components without a value last.
    let key = |g: &ComponentGap| match (g.points_lost, g.gap_share) {
        (Some(lost), _) => (2, lost),
        (None, Some(share)) => (1, share),
        (None, None) => (0, 0.0),
    };
    crate::order::sort_by(&mut gaps, |a, b| {
        let (ta, va) = key(a);
        let (tb, vb) = key(b);
        tb.cmp(&ta).then(vb.total_cmp(&va))
    });
    gaps
}

/// One component of a year before 2025, seen from a 2025 province: each former province's own
/// gap, side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct FormerComponent {
    pub component: String,
    /// One per former province, in `FormerBreakdown::provinces`' order.
    pub gaps: Vec<ComponentGap>,
}

/// A 2025 province's "where points were lost" for a year its former provinces were rated in.
#[derive(Clone, Debug, PartialEq)]
pub struct FormerBreakdown {
    /// The former provinces' codes, in code order.
    pub provinces: Vec<String>,
    /// Every component of the year, in the index's order.
    pub rows: Vec<FormerComponent>,
}

/// For a 2025 province (`code`) and a year before 2025, each component with each former
/// province's own value and gap (`breakdown`'s), side by side: no publisher rates a 2025
/// province before 2025, and nothing here adds, averages or otherwise combines its former
/// provinces' values. `None` for any other province or year, or when no former province has a
/// component value that year.
pub fn former_breakdown(
    dataset: &Dataset,
    index: &str,
    year: u16,
    code: &str,
) -> Option<FormerBreakdown> {
    if !is_unit_id(code) || year >= FIRST_YEAR_2025 {
        return None;
    }
    let year_meta = dataset.index(index)?.year(year)?;
    let former = dataset.members_of(code);
    let each: Vec<Vec<ComponentGap>> = former
        .iter()
        .map(|p| breakdown(dataset, index, year, &p.code))
        .collect();
    if !each.iter().flatten().any(|g| g.value.is_some()) {
        return None;
    }
    let rows = year_meta
        .components
        .iter()
        .filter(|c| c.key != "total")
        .map(|c| FormerComponent {
            component: c.key.clone(),
            gaps: each
                .iter()
                .filter_map(|gaps| gaps.iter().find(|g| g.component == c.key).cloned())
                .collect(),
        })
        .collect();
    Some(FormerBreakdown {
        provinces: former.iter().map(|p| p.code.clone()).collect(),
        rows,
    })
}

/// The latest year in which `code` has an overall value on `index`.
pub fn latest_year_with_value(dataset: &Dataset, index: &str, code: &str) -> Option<u16> {
    let meta = dataset.index(index)?;
    meta.years
        .iter()
        .rev()
        .map(|y| y.year)
        .find(|&y| dataset.value(index, y, "total", code).is_some())
}
