//! A year before 2025 seen under the borders of 2025: each of the 34 provinces formed on
//! 1 July 2025 with its former provinces, each former province keeping its own value and rank.
//!
//! Nothing here adds, averages or otherwise combines the former provinces' values: no publisher
//! defines a score for a 2025 province from them (PAPI's own file for the 34 only groups the 63
//! columns). The groups come in one stated order, the official order of the 34 (their 2025
//! codes, north to south); inside a group the rows keep the order they were given in, so the
//! table's sort column sorts inside each group.

use crate::analysis::ranking::Row;
use crate::data::geography::{is_unit_id, FIRST_YEAR_2025};
use crate::data::model::{Dataset, Province};

/// One 2025 province and the rows of its former provinces.
#[derive(Debug, PartialEq)]
pub struct BorderGroup<'a> {
    /// The 2025 province; `None` only for former provinces the dataset names no successor for.
    pub unit: Option<&'a Province>,
    /// The former provinces' own rows, in the order given.
    pub rows: Vec<&'a Row>,
}

/// Groups ranking rows of a year before 2025 under the 34 provinces of 2025, in the order of
/// their 2025 codes; groups without a row (filtered out by region or search) are left out, and
/// rows without a successor come last in a group of their own.
pub fn group_by_2025<'a>(
    dataset: &'a Dataset,
    rows: impl IntoIterator<Item = &'a Row>,
) -> Vec<BorderGroup<'a>> {
    let mut groups: Vec<BorderGroup> = dataset
        .unit_groups()
        .into_iter()
        .map(|g| BorderGroup {
            unit: Some(g.unit),
            rows: Vec::new(),
        })
        .collect();
    let mut without = Vec::new();
    for row in rows {
        let group = dataset.successor(&row.code).and_then(|unit| {
            groups
                .iter_mut()
                .find(|g| g.unit.is_some_and(|u| u.code == unit.code))
        });
        match group {
            Some(group) => group.rows.push(row),
            None => without.push(row),
        }
    }
    groups.retain(|g| !g.rows.is_empty());
    if !without.is_empty() {
        groups.push(BorderGroup {
            unit: None,
            rows: without,
        });
    }
    groups
}

/// The provinces whose series a chart draws for the chosen ones: each chosen province, and
/// after a 2025 province its former provinces (one line each), none twice.
pub fn with_former_provinces(dataset: &Dataset, codes: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for code in codes {
        let former = if is_unit_id(code) {
            dataset.members_of(code)
        } else {
            Vec::new()
        };
        let more = std::iter::once(code.clone()).chain(former.into_iter().map(|p| p.code.clone()));
        for c in more {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

/// The breaks a chart over years marks: the index's method changes, and 1 July 2025 when the
/// chart spans both geographies (`crosses`), in year order (`method_breaks` is in year order).
pub fn breaks_with_2025(method_breaks: &[u16], crosses: bool) -> Vec<u16> {
    let mut out = method_breaks.to_vec();
    if crosses && !out.contains(&FIRST_YEAR_2025) {
        let at = out
            .iter()
            .position(|&y| y > FIRST_YEAR_2025)
            .unwrap_or(out.len());
        out.insert(at, FIRST_YEAR_2025);
    }
    out
}

/// Whether a chart of these provinces spans 1 July 2025: a 2025 province drawn with its former
/// provinces, or a former province with its 2025 province.
pub fn crosses_2025(dataset: &Dataset, codes: &[String]) -> bool {
    codes.iter().any(|c| {
        dataset
            .across_2025(c)
            .iter()
            .any(|other| codes.contains(&other.code))
    })
}
