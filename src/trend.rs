//! Provinces over time on one index and component, by value or by rank.

use crate::model::{ComponentMeta, Dataset};
use crate::ranking::{rank, Query, SortColumn};
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
        if rank_mode && !ranking.has_official_ranks && ranking.with_value > 0 {
            computed.push(y.year);
        }
        let values = ranking
            .rows
            .into_iter()
            .filter_map(|r| {
                let v = if rank_mode {
                    r.official_rank.or(r.position).map(f64::from)
                } else {
                    r.value
                };
                v.map(|v| (r.code, v))
            })
            .collect();
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
