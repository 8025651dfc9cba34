//! Provinces over time on one index and component, by value or by rank.

use crate::analysis::ranking::{rank, Query, SortColumn};
use crate::data::model::{ComponentMeta, Dataset};
use std::collections::HashMap;

/// A province's values (or ranks) per year of the index; `None` where it has none.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendLine {
    pub code: String,
    pub points: Vec<(u16, Option<f64>)>,
}

/// The components an index has in any year, `total` first, named as in their latest year.
pub fn components_over_years<'a>(dataset: &'a Dataset, index: &str) -> Vec<&'a ComponentMeta> {
    let mut out: Vec<&ComponentMeta> = Vec::new();
    if let Some(meta) = dataset.index(index) {
        for year in meta.years.iter().rev() {
            for c in &year.components {
                if !out.iter().any(|o| o.key == c.key) {
                    out.push(c);
                }
            }
        }
        crate::order::sort_by_key(&mut out, |c| c.key != "total");
    }
    out
}

/// In rank mode a year uses the official ranks where that year publishes them, otherwise the
/// positions computed among the provinces with data; `computed` lists the latter years.
pub struct Trends {
    pub lines: Vec<TrendLine>,
    pub computed: Vec<u16>,
}

pub fn trends(
    dataset: &Dataset,
    index: &str,
    component: &str,
    codes: &[String],
    rank_mode: bool,
) -> Trends {
    let Some(meta) = dataset.index(index) else {
        return Trends {
            lines: Vec::new(),
            computed: Vec::new(),
        };
    };
    let mut computed = Vec::new();
    let mut per_year: Vec<(u16, HashMap<String, f64>)> = Vec::new();
    for y in &meta.years {
        let values = if rank_mode {
            // Ranks need the whole year ranked (official ranks, else computed positions).
            let query = Query {
                index: index.into(),
                year: y.year,
                component: component.into(),
                region: None,
                search: String::new(),
                sort: SortColumn::Position,
                descending: false,
            };
            let ranking = rank(dataset, &query);
            if !ranking.has_official_ranks && ranking.with_value > 0 {
                computed.push(y.year);
            }
            ranking
                .rows
                .into_iter()
                .filter_map(|r| {
                    r.official_rank
                        .or(r.position)
                        .map(|v| (r.code, f64::from(v)))
                })
                .collect()
        } else {
            // Values are read straight from the series: ranking every year is not needed.
            dataset
                .series(index, y.year, component)
                .map(|s| {
                    s.points
                        .iter()
                        .filter_map(|p| p.value.map(|v| (p.province.clone(), v)))
                        .collect()
                })
                .unwrap_or_default()
        };
        per_year.push((y.year, values));
    }
    let lines = codes
        .iter()
        .map(|code| TrendLine {
            code: code.clone(),
            points: per_year
                .iter()
                .map(|(year, values)| (*year, values.get(code).copied()))
                .collect(),
        })
        .collect();
    Trends { lines, computed }
}
