//! An index's edition at a glance: the figures a publisher's announcement and the press report
//! every year (who leads and who trails, who rose and fell most, each region's leader, how many
//! are above the national average, the spread, who is new to the table or missing from it, how
//! complete the table is), and for an edition of 2025 how each new province's former provinces
//! stood in the last edition of the 63. Figures only; `render::edition` words them.
//!
//! Leaders and laggards go by the official rank where the edition publishes ranks, by the
//! position computed among the provinces with a value where it does not, and say which. Changes
//! are measured against the previous edition with data and never across a change of method or
//! of geography (1 July 2025): there the edition says why it does not compare. Nothing is
//! combined: a 2025 province's former provinces each keep their own value and rank.

use crate::analysis::ranking::{rank, Query, RankKind, Ranking, Row};
use crate::analysis::stats::quantile;
use crate::data::geography::Geography;
use crate::data::model::{CoverageNote, Dataset};

/// How many provinces the leaders and the laggards each name (as the press does: "5 tỉnh
/// dẫn đầu", "5 tỉnh cuối bảng"), and the movers each list.
pub const TOP: u32 = 5;
pub const MOVERS: usize = 3;

#[derive(Clone, Debug, PartialEq)]
pub struct Edition {
    pub index: String,
    pub year: u16,
    /// Every province of the year's geography, best first, those without data last.
    pub ranking: Ranking,
    /// Official ranks where the edition publishes any, else computed positions.
    pub ranked_by: RankKind,
    /// The first places (official ranks 1 to `TOP`, or the first `TOP` positions), best first.
    pub leaders: Vec<Row>,
    /// The last places (the official ranks above the year's number of provinces less `TOP`, or
    /// the last `TOP` positions), last first.
    pub laggards: Vec<Row>,
    /// Official places among the first and the last `TOP` that no source in the table gives.
    pub leader_places_missing: Vec<u32>,
    pub laggard_places_missing: Vec<u32>,
    /// The previous edition with data and how this one compares with it.
    pub previous: Option<u16>,
    pub movers: Result<Movers, NoComparison>,
    /// Each region's best province in the table, in the dataset's order of regions.
    pub region_leaders: Vec<(String, Row)>,
    /// Provinces of the table in no single region (2025 provinces formed across regions).
    pub without_region: usize,
    /// The published national average (value, source) and how many provinces are above it.
    pub national: Option<(f64, u32)>,
    pub above_average: Option<usize>,
    pub spread: Option<Spread>,
    /// Provinces with data now and none in the previous edition, and the reverse (same
    /// geography only).
    pub new_to_table: Vec<Row>,
    pub missing_from_table: Vec<String>,
    pub coverage: Coverage,
    /// For an edition of 2025: each new province and its former provinces in the last
    /// edition of the 63, each with its own figures.
    pub former: Option<FormerEdition>,
}

/// Why the edition is not compared with the previous one.
#[derive(Clone, Debug, PartialEq)]
pub enum NoComparison {
    /// No earlier edition has data.
    NoPrevious,
    /// The method changed in this year (the year it took effect).
    MethodBreak(u16),
    /// The previous edition rated the 63 provinces, this one the 34 of 1 July 2025.
    Geography,
}

/// The largest changes against the previous edition, among the provinces with data in both.
#[derive(Clone, Debug, PartialEq)]
pub struct Movers {
    pub previous_year: u16,
    /// Provinces with a value change (a value in both editions).
    pub compared: usize,
    /// Largest rises and falls in value, largest first.
    pub rises: Vec<(Row, f64)>,
    pub falls: Vec<(Row, f64)>,
    /// Largest rises and falls in places (official ranks when both editions publish them,
    /// computed positions when neither does; none otherwise), largest first.
    pub places_kind: RankKind,
    pub climbs: Vec<(Row, i64)>,
    pub drops: Vec<(Row, i64)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Spread {
    /// Provinces with a value.
    pub n: usize,
    pub highest: (String, f64),
    pub lowest: (String, f64),
    pub range: f64,
    /// Quartiles (type 7, as `stats::quantile`) and the interquartile range.
    pub q1: f64,
    pub q3: f64,
    pub iqr: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    pub with_value: usize,
    pub rank_only: usize,
    pub expected: usize,
    /// Why a province has no data this year, where the dataset says.
    pub missing: Vec<CoverageNote>,
    /// The dataset's notes on the index's coverage, for this year and for every year (as the
    /// rankings' coverage line lists them).
    pub notes: Vec<CoverageNote>,
}

impl Coverage {
    pub fn is_partial(&self) -> bool {
        self.with_value + self.rank_only < self.expected
    }
}

/// A 2025 edition's provinces beside their former provinces in `year`.
#[derive(Clone, Debug, PartialEq)]
pub struct FormerEdition {
    pub year: u16,
    pub ranked_by: RankKind,
    pub expected: usize,
    pub with_value: usize,
    pub units: Vec<FormerUnit>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FormerUnit {
    /// The 2025 province's row in this edition.
    pub unit: Row,
    /// Its former provinces' rows in the earlier edition, in code order.
    pub members: Vec<Row>,
}

fn total(index: &str, year: u16) -> Query {
    crate::analysis::profile::query(index, year, "total")
}

/// A row's place: its official rank where the edition ranks officially, else its position.
fn place(row: &Row, kind: RankKind) -> Option<u32> {
    match kind {
        RankKind::Official => row.official_rank,
        RankKind::Computed => row.position.filter(|_| row.value.is_some()),
    }
}

/// The latest edition of `index` before `year` in which a province has a value or a rank.
pub fn previous_edition(dataset: &Dataset, index: &str, year: u16) -> Option<u16> {
    let meta = dataset.index(index)?;
    meta.years
        .iter()
        .rev()
        .map(|y| y.year)
        .filter(|&y| y < year)
        .find(|&y| {
            dataset.series(index, y, "total").is_some_and(|s| {
                s.points
                    .iter()
                    .any(|p| p.value.is_some() || p.rank.is_some())
            })
        })
}

fn kind_of(ranking: &Ranking) -> RankKind {
    if ranking.has_official_ranks {
        RankKind::Official
    } else {
        RankKind::Computed
    }
}

/// The first and last `TOP` places, and the official places among them not in the table.
fn ends(ranking: &Ranking, kind: RankKind) -> (Vec<Row>, Vec<Row>, Vec<u32>, Vec<u32>) {
    let mut placed: Vec<(u32, &Row)> = ranking
        .rows
        .iter()
        .filter_map(|r| place(r, kind).map(|p| (p, r)))
        .collect();
    crate::order::sort_by_key(&mut placed, |(p, _)| *p);
    let last_place = match kind {
        RankKind::Official => ranking.expected as u32,
        RankKind::Computed => placed.last().map_or(0, |(p, _)| *p),
    };
    let leaders: Vec<Row> = match kind {
        RankKind::Official => placed
            .iter()
            .filter(|(p, _)| *p <= TOP)
            .map(|(_, r)| (*r).clone())
            .collect(),
        RankKind::Computed => placed
            .iter()
            .take(TOP as usize)
            .map(|(_, r)| (*r).clone())
            .collect(),
    };
    let laggards: Vec<Row> = match kind {
        RankKind::Official => placed
            .iter()
            .rev()
            .filter(|(p, _)| *p + TOP > last_place)
            .map(|(_, r)| (*r).clone())
            .collect(),
        // The last positions, not overlapping the leaders.
        RankKind::Computed => placed
            .iter()
            .rev()
            .take(TOP as usize)
            .filter(|(p, _)| *p > TOP)
            .map(|(_, r)| (*r).clone())
            .collect(),
    };
    let (mut lead_missing, mut lag_missing) = (Vec::new(), Vec::new());
    if kind == RankKind::Official {
        let has = |k: u32| placed.iter().any(|(p, _)| *p == k);
        lead_missing = (1..=TOP.min(last_place)).filter(|&k| !has(k)).collect();
        lag_missing = (last_place.saturating_sub(TOP) + 1..=last_place)
            .rev()
            .filter(|&k| k > TOP && !has(k))
            .collect();
    }
    (leaders, laggards, lead_missing, lag_missing)
}

fn movers(ranking: &Ranking, previous: u16) -> Movers {
    let compared: Vec<&Row> = ranking
        .rows
        .iter()
        .filter(|r| {
            r.change
                .as_ref()
                .is_some_and(|c| c.previous_year == previous)
        })
        .collect();
    let value = |r: &Row| r.change.as_ref().and_then(|c| c.value);
    let places = |r: &Row| r.change.as_ref().and_then(|c| c.rank);
    let mut by_value: Vec<(Row, f64)> = compared
        .iter()
        .filter_map(|r| value(r).map(|v| ((*r).clone(), v)))
        .collect();
    crate::order::sort_by(&mut by_value, |a, b| b.1.total_cmp(&a.1));
    let mut by_places: Vec<(Row, i64)> = compared
        .iter()
        .filter_map(|r| places(r).map(|k| ((*r).clone(), k)))
        .collect();
    crate::order::sort_by(&mut by_places, |a, b| b.1.cmp(&a.1));
    let places_kind = compared
        .iter()
        .find_map(|r| r.change.as_ref().filter(|c| c.rank.is_some()))
        .map_or(RankKind::Official, |c| c.rank_kind);
    let take_rises = |v: &[(Row, f64)]| {
        v.iter()
            .filter(|(_, d)| *d > 0.0)
            .take(MOVERS)
            .cloned()
            .collect()
    };
    let falls: Vec<(Row, f64)> = by_value
        .iter()
        .rev()
        .filter(|(_, d)| *d < 0.0)
        .take(MOVERS)
        .cloned()
        .collect();
    Movers {
        previous_year: previous,
        compared: by_value.len(),
        rises: take_rises(&by_value),
        falls,
        places_kind,
        climbs: by_places
            .iter()
            .filter(|(_, k)| *k > 0)
            .take(MOVERS)
            .cloned()
            .collect(),
        drops: by_places
            .iter()
            .rev()
            .filter(|(_, k)| *k < 0)
            .take(MOVERS)
            .cloned()
            .collect(),
    }
}

fn spread(ranking: &Ranking) -> Option<Spread> {
    let valued: Vec<(&str, f64)> = ranking
        .rows
        .iter()
        .filter_map(|r| r.value.map(|v| (r.code.as_str(), v)))
        .collect();
    if valued.len() < 2 {
        return None;
    }
    let values: Vec<f64> = valued.iter().map(|(_, v)| *v).collect();
    let pick = |better: fn(f64, f64) -> bool| {
        valued
            .iter()
            .fold(None::<(&str, f64)>, |best, &(c, v)| match best {
                Some((_, b)) if !better(v, b) => best,
                _ => Some((c, v)),
            })
            .map(|(c, v)| (c.to_string(), v))
    };
    let highest = pick(|v, b| v > b)?;
    let lowest = pick(|v, b| v < b)?;
    let (q1, q3) = (quantile(&values, 0.25)?, quantile(&values, 0.75)?);
    Some(Spread {
        n: valued.len(),
        range: highest.1 - lowest.1,
        highest,
        lowest,
        q1,
        q3,
        iqr: q3 - q1,
    })
}

/// The coverage notes of `index` in `year`: those about a province without data (`missing`)
/// and the general ones.
fn coverage_notes(
    dataset: &Dataset,
    (index, year): (&str, u16),
    ranking: &Ranking,
) -> (Vec<CoverageNote>, Vec<CoverageNote>) {
    let notes = dataset.coverage_notes.iter().filter(|n| n.index == index);
    let without_data = |code: &str| ranking.rows.iter().any(|r| r.code == code && !r.has_data());
    let missing = notes
        .clone()
        .filter(|n| n.year == Some(year) && n.province.as_deref().is_some_and(without_data))
        .cloned()
        .collect();
    let general = notes
        .filter(|n| n.province.is_none() && n.year.is_none_or(|y| y == year))
        .cloned()
        .collect();
    (missing, general)
}

/// The edition of 2025 beside the last edition of the 63 before it.
fn former(dataset: &Dataset, index: &str, year: u16, now: &Ranking) -> Option<FormerEdition> {
    if Geography::of_year(year) != Geography::Units2025 {
        return None;
    }
    let before = previous_edition(dataset, index, crate::data::geography::FIRST_YEAR_2025)?;
    let then = rank(dataset, &total(index, before));
    let row = |ranking: &Ranking, code: &str| ranking.rows.iter().find(|r| r.code == code).cloned();
    let units = dataset
        .unit_groups()
        .into_iter()
        .filter_map(|g| {
            Some(FormerUnit {
                unit: row(now, &g.unit.code)?,
                members: g
                    .members
                    .iter()
                    .filter_map(|m| row(&then, &m.code))
                    .collect(),
            })
        })
        .collect();
    Some(FormerEdition {
        year: before,
        ranked_by: kind_of(&then),
        expected: then.expected,
        with_value: then.with_value,
        units,
    })
}

/// The edition of `index`'s total in `year`; `None` for an index or year the dataset lacks.
pub fn edition(dataset: &Dataset, index: &str, year: u16) -> Option<Edition> {
    let meta = dataset.index(index)?;
    meta.year(year)?;
    let ranking = rank(dataset, &total(index, year));
    let kind = kind_of(&ranking);
    let (leaders, laggards, leader_places_missing, laggard_places_missing) = ends(&ranking, kind);
    let previous = previous_edition(dataset, index, year);
    let movers = match previous {
        None => Err(NoComparison::NoPrevious),
        Some(p) if Geography::of_year(p) != Geography::of_year(year) => {
            Err(NoComparison::Geography)
        }
        Some(p) => match meta.break_between(p, year) {
            Some(b) => Err(NoComparison::MethodBreak(b)),
            None => Ok(movers(&ranking, p)),
        },
    };
    let with_data = |r: &&Row| r.has_data() && place(r, kind).is_some();
    let region_leaders = dataset
        .regions
        .iter()
        .filter_map(|region| {
            ranking
                .rows
                .iter()
                .filter(with_data)
                .filter(|r| r.region.as_deref() == Some(region.key.as_str()))
                .min_by_key(|r| place(r, kind))
                .map(|r| (region.key.clone(), r.clone()))
        })
        .collect();
    let without_region = ranking
        .rows
        .iter()
        .filter(|r| r.has_data() && r.region.is_none())
        .count();
    let national = dataset
        .national_value(index, year, "total")
        .map(|n| (n.value, n.source));
    let above_average = national.map(|(avg, _)| {
        let better = |v: f64| {
            if meta.higher_is_better {
                v > avg
            } else {
                v < avg
            }
        };
        ranking
            .rows
            .iter()
            .filter(|r| r.value.is_some_and(better))
            .count()
    });
    let (new_to_table, missing_from_table) = match (previous, &movers) {
        (Some(p), Ok(_) | Err(NoComparison::MethodBreak(_))) => {
            let then = dataset.series(index, p, "total");
            let had = |code: &str| {
                then.is_some_and(|s| {
                    s.points
                        .iter()
                        .any(|pt| pt.province == code && (pt.value.is_some() || pt.rank.is_some()))
                })
            };
            let new = ranking
                .rows
                .iter()
                .filter(|r| r.has_data() && !had(&r.code))
                .cloned()
                .collect();
            let now_has = |code: &str| ranking.rows.iter().any(|r| r.code == code && r.has_data());
            let missing = dataset
                .provinces_in(year)
                .filter(|pr| had(&pr.code) && !now_has(&pr.code))
                .map(|pr| pr.code.clone())
                .collect();
            (new, missing)
        }
        _ => (Vec::new(), Vec::new()),
    };
    let (missing, notes) = coverage_notes(dataset, (index, year), &ranking);
    let coverage = Coverage {
        with_value: ranking.with_value,
        rank_only: ranking.rank_only,
        expected: ranking.expected,
        missing,
        notes,
    };
    Some(Edition {
        index: index.to_string(),
        year,
        ranked_by: kind,
        leaders,
        laggards,
        leader_places_missing,
        laggard_places_missing,
        previous,
        movers,
        region_leaders,
        without_region,
        national,
        above_average,
        spread: spread(&ranking),
        new_to_table,
        missing_from_table,
        coverage,
        former: former(dataset, index, year, &ranking),
        ranking,
    })
}
