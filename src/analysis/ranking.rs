//! The rankings query: one index, year and component, filtered by region and name, sorted.
//!
//! Positions are computed among the provinces that have a value, over the whole country (a
//! region filter does not renumber them). They are labelled as computed in the UI; the
//! official rank is shown beside them only where it was published.

use crate::data::model::{Dataset, IndexMeta, Point};
use crate::text::{fold, fold_name, matches};
use std::cell::OnceCell;
use std::cmp::Ordering;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortColumn {
    Position,
    Province,
    Region,
    Value,
    OfficialRank,
    ValueChange,
    RankChange,
}

impl SortColumn {
    pub const ALL: [SortColumn; 7] = [
        SortColumn::Position,
        SortColumn::Province,
        SortColumn::Region,
        SortColumn::Value,
        SortColumn::OfficialRank,
        SortColumn::ValueChange,
        SortColumn::RankChange,
    ];

    pub fn key(self) -> &'static str {
        match self {
            SortColumn::Position => "position",
            SortColumn::Province => "province",
            SortColumn::Region => "region",
            SortColumn::Value => "value",
            SortColumn::OfficialRank => "official_rank",
            SortColumn::ValueChange => "value_change",
            SortColumn::RankChange => "rank_change",
        }
    }

    pub fn from_key(key: &str) -> Option<SortColumn> {
        SortColumn::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The direction a first click sorts in: best first for values and changes.
    pub fn natural_descending(self) -> bool {
        matches!(
            self,
            SortColumn::Value | SortColumn::ValueChange | SortColumn::RankChange
        )
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Query {
    pub index: String,
    pub year: u16,
    pub component: String,
    /// Region key, or `None` for the whole country.
    pub region: Option<String>,
    pub search: String,
    pub sort: SortColumn,
    pub descending: bool,
}

/// How the rank change was measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RankKind {
    Official,
    Computed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The previous year in which this province had data for the same index and component.
    pub previous_year: u16,
    /// `None` when a method change makes the values incomparable.
    pub value: Option<f64>,
    /// Positive = moved up (better).
    pub rank: Option<i64>,
    pub rank_kind: RankKind,
    /// The year a method change took effect, when one lies between the two years.
    pub method_break: Option<u16>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    pub region: Option<String>,
    pub value: Option<f64>,
    pub official_rank: Option<u32>,
    /// Position among the provinces with a value (competition ranking: ties share a place).
    pub position: Option<u32>,
    pub source: Option<u32>,
    pub max_points: Option<f64>,
    pub change: Option<Change>,
    /// Whether the search matches this row (the chart highlights matches).
    pub matched: bool,
}

impl Row {
    pub fn has_data(&self) -> bool {
        self.value.is_some() || self.official_rank.is_some()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ranking {
    /// Rows of the region, sorted; "no data" rows last. Includes rows that do not match the search.
    pub rows: Vec<Row>,
    /// Provinces (country-wide) with a value this year.
    pub with_value: usize,
    /// Provinces (country-wide) with only an official rank.
    pub rank_only: usize,
    /// Provinces that existed that year.
    pub expected: usize,
    /// Whether the index published official ranks for this series.
    pub has_official_ranks: bool,
}

impl Ranking {
    /// The rows the table shows: those matching the search.
    pub fn visible(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|r| r.matched)
    }
}

/// Competition ranking (1, 2, 2, 4) of the values, best first.
fn positions(points: &[&Point], higher_is_better: bool) -> HashMap<String, u32> {
    let mut valued: Vec<(&str, f64)> = points
        .iter()
        .filter_map(|p| p.value.map(|v| (p.province.as_str(), v)))
        .collect();
    crate::order::sort_by(&mut valued, |a, b| {
        let o = a.1.partial_cmp(&b.1).unwrap_or(Ordering::Equal);
        if higher_is_better {
            o.reverse()
        } else {
            o
        }
    });
    let mut out = HashMap::new();
    let mut previous: Option<(f64, u32)> = None;
    for (i, (code, v)) in valued.into_iter().enumerate() {
        let place = match previous {
            Some((pv, place)) if pv == v => place,
            _ => i as u32 + 1,
        };
        previous = Some((v, place));
        out.insert(code.to_string(), place);
    }
    out
}

fn series_points<'a>(
    dataset: &'a Dataset,
    index: &str,
    year: u16,
    component: &str,
) -> Vec<&'a Point> {
    dataset
        .series(index, year, component)
        .map(|s| s.points.iter().collect())
        .unwrap_or_default()
}

/// One earlier year of the same series, for one query: its lookups are made the first time a
/// row needs them, so that the years no row reaches back to cost nothing (most rows compare
/// with the year before).
struct EarlierYear<'a> {
    year: u16,
    series: Vec<&'a Point>,
    points: OnceCell<HashMap<&'a str, &'a Point>>,
    positions: OnceCell<HashMap<String, u32>>,
    has_official: bool,
}

impl<'a> EarlierYear<'a> {
    fn point(&self, code: &str) -> Option<&'a Point> {
        let points = self.points.get_or_init(|| {
            self.series
                .iter()
                .map(|p| (p.province.as_str(), *p))
                .collect()
        });
        points.get(code).copied()
    }

    fn position(&self, code: &str, higher_is_better: bool) -> Option<u32> {
        let positions = self
            .positions
            .get_or_init(|| positions(&self.series, higher_is_better));
        positions.get(code).copied()
    }
}

fn earlier_years<'a>(
    dataset: &'a Dataset,
    meta: &IndexMeta,
    query: &Query,
) -> Vec<EarlierYear<'a>> {
    meta.years
        .iter()
        .rev()
        .filter(|y| y.year < query.year)
        .map(|y| {
            let series = series_points(dataset, &meta.key, y.year, &query.component);
            EarlierYear {
                year: y.year,
                has_official: series.iter().any(|p| p.rank.is_some()),
                series,
                points: OnceCell::new(),
                positions: OnceCell::new(),
            }
        })
        .collect()
}

/// The change against the latest earlier year in which this province has a value.
fn change_for(
    meta: &IndexMeta,
    query: &Query,
    earlier: &[EarlierYear],
    current_has_official: bool,
    now: (&str, Option<f64>, Option<u32>, Option<u32>),
) -> Option<Change> {
    let (code, value, rank, position) = now;
    let (then, point) = earlier
        .iter()
        .find_map(|e| e.point(code).filter(|p| p.value.is_some()).map(|p| (e, p)))?;
    let method_break = if meta.components_change_every_year && query.component != "total" {
        Some(query.year)
    } else {
        meta.break_between(then.year, query.year)
    };
    let value_change = match (value, point.value, method_break) {
        (Some(now), Some(before), None) => Some(now - before),
        _ => None,
    };
    // Official ranks when both years publish them; computed positions only when neither year
    // publishes ranks (PAPI), since positions among different partial subsets mean nothing.
    let (rank, rank_kind) = match (rank, point.rank) {
        (Some(now), Some(before)) => (Some(before as i64 - now as i64), RankKind::Official),
        _ if !current_has_official && !then.has_official => {
            let before = then.position(code, meta.higher_is_better);
            (
                position
                    .zip(before)
                    .map(|(now, before)| before as i64 - now as i64),
                RankKind::Computed,
            )
        }
        _ => (None, RankKind::Official),
    };
    Some(Change {
        previous_year: then.year,
        value: value_change,
        rank,
        rank_kind,
        method_break,
    })
}

fn compare_options<T: PartialOrd>(a: Option<T>, b: Option<T>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => {
            let o = x.partial_cmp(&y).unwrap_or(Ordering::Equal);
            if descending {
                o.reverse()
            } else {
                o
            }
        }
        // Missing values sort last whichever way the column is sorted.
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Runs the query. Unknown index/year/component give an empty ranking, never a panic.
pub fn rank(dataset: &Dataset, query: &Query) -> Ranking {
    let Some(meta) = dataset.index(&query.index) else {
        return Ranking {
            rows: Vec::new(),
            with_value: 0,
            rank_only: 0,
            expected: 0,
            has_official_ranks: false,
        };
    };
    let points = series_points(dataset, &query.index, query.year, &query.component);
    let by_code: HashMap<&str, &Point> = points.iter().map(|p| (p.province.as_str(), *p)).collect();
    let places = positions(&points, meta.higher_is_better);
    let earlier = earlier_years(dataset, meta, query);
    let has_official_ranks = points.iter().any(|p| p.rank.is_some());
    let search = fold(&query.search);
    let mut rows: Vec<Row> = dataset
        .provinces_in(query.year)
        .filter(|p| {
            query
                .region
                .as_deref()
                .is_none_or(|r| p.region.as_deref() == Some(r))
        })
        .map(|p| {
            let point = by_code.get(p.code.as_str());
            let value = point.and_then(|pt| pt.value);
            let official_rank = point.and_then(|pt| pt.rank);
            let position = places.get(&p.code).copied();
            let has_data = value.is_some() || official_rank.is_some();
            Row {
                code: p.code.clone(),
                name_vi: p.name_vi.clone(),
                name_en: p.name_en.clone(),
                region: p.region.clone(),
                value,
                official_rank,
                position,
                source: point.map(|pt| pt.source),
                max_points: point.and_then(|pt| pt.max_points),
                change: if has_data {
                    change_for(
                        meta,
                        query,
                        &earlier,
                        has_official_ranks,
                        (&p.code, value, official_rank, position),
                    )
                } else {
                    None
                },
                matched: matches(&search, &[&p.name_vi, &p.name_en, &p.code]),
            }
        })
        .collect();
    // Names are folded (`fold_name`, remembered) only where the order needs them: sorted by
    // name or region, or a tie. Folding every name up front was a fifth of the first view's
    // ranking in the browser, where a fold calls into JavaScript.
    let name = |r: &Row| fold_name(&r.name_vi);
    let region_name = |key: &str| {
        dataset
            .region(key)
            .map_or_else(String::new, |r| fold_name(&r.name_vi))
    };
    let d = query.descending;
    crate::order::sort_by(&mut rows, |a, b| {
        let by_column = match query.sort {
            SortColumn::Position => compare_options(a.position, b.position, d),
            SortColumn::Province => compare_options(Some(name(a)), Some(name(b)), d),
            SortColumn::Region => compare_options(
                a.region.as_deref().map(region_name),
                b.region.as_deref().map(region_name),
                d,
            ),
            SortColumn::Value => compare_options(a.value, b.value, d),
            SortColumn::OfficialRank => compare_options(a.official_rank, b.official_rank, d),
            SortColumn::ValueChange => compare_options(
                a.change.as_ref().and_then(|c| c.value),
                b.change.as_ref().and_then(|c| c.value),
                d,
            ),
            SortColumn::RankChange => compare_options(
                a.change.as_ref().and_then(|c| c.rank),
                b.change.as_ref().and_then(|c| c.rank),
                d,
            ),
        };
        // Rows without any data go last; then ties fall back to position, then name.
        b.has_data()
            .cmp(&a.has_data())
            .then(by_column)
            .then(compare_options(a.position, b.position, false))
            .then(compare_options(a.official_rank, b.official_rank, false))
            .then_with(|| name(a).cmp(&name(b)))
    });
    Ranking {
        rows,
        with_value: points.iter().filter(|p| p.value.is_some()).count(),
        rank_only: points
            .iter()
            .filter(|p| p.value.is_none() && p.rank.is_some())
            .count(),
        expected: dataset.provinces_in(query.year).count(),
        has_official_ranks,
    }
}
