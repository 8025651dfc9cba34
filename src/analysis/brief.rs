//! The committee's brief: a province's standing in one year on every index with data, why it
//! moved against the previous year with data, where it loses points, where one more point would
//! count most, and its own units' figures. Figures only; `render::brief::text` words them.

use crate::analysis::profile::{breakdown, ComponentGap};
use crate::analysis::ranking::{rank, Query, RankKind, Row};
use crate::data::model::Dataset;
use crate::data::units::{block_history, sort_units, UnitScore, UnitType};

/// One index in the brief's year, for one province.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    pub index: String,
    /// The province's ranking row: value, official rank, position among the provinces with a
    /// value, source, and the change against the previous year with data.
    pub row: Row,
    /// Provinces with a value that year, and provinces that existed.
    pub with_value: usize,
    pub expected: usize,
    /// The published national average (value, source).
    pub national: Option<(f64, u32)>,
    /// Why the total moved (section 2), or why that cannot be told.
    pub change: Result<Decomposition, NoDecomposition>,
    /// The provinces it passed and that passed it, when its rank changed.
    pub passes: Option<Passes>,
    /// Where it loses points (section 3), as in the profile.
    pub gaps: Vec<ComponentGap>,
    /// One more point in each component (section 4), best first; empty when the total is not a
    /// known sum of its parts that year.
    pub scenarios: Vec<Scenario>,
}

/// Why a change of the total is not broken down into its components.
#[derive(Clone, Debug, PartialEq)]
pub enum NoDecomposition {
    /// No earlier year with a value.
    NoPreviousYear,
    /// A method change lies between the two years (the year it took effect).
    MethodBreak(u16),
    /// The index has no component figures for the province in this year (or both years).
    NoComponents(Vec<u16>),
}

/// The change of the total between two years, component by component.
#[derive(Clone, Debug, PartialEq)]
pub struct Decomposition {
    pub previous_year: u16,
    pub total_change: f64,
    /// Components in both years, largest part in the change first; then those missing in a year.
    pub components: Vec<ComponentChange>,
    /// Whether the parts are weighted into the total (PCI) or add up as they are.
    pub weighted: bool,
    /// Whether the total is a known sum of the components in both years (else the parts are
    /// the components' own changes, which need not add up to the total's).
    pub sums_to_total: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ComponentChange {
    pub component: String,
    pub before: Option<f64>,
    pub now: Option<f64>,
    /// Its part in the change of the total: weight × (now − before); `None` when a year is missing.
    pub part: Option<f64>,
    /// Change of the share of the year's maximum, in percentage points, where both maxima are
    /// published (PAR INDEX, whose maxima change).
    pub share_change: Option<f64>,
}

/// Who overtook whom between the previous year and this one.
#[derive(Clone, Debug, PartialEq)]
pub struct Passes {
    pub kind: RankKind,
    /// Provinces behind it then and ahead of it now (codes).
    pub passed_by: Vec<String>,
    /// Provinces ahead of it then and behind it now (codes).
    pub passed: Vec<String>,
}

/// A scenario, never a forecast: one more point in one component, all else unchanged.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub component: String,
    /// Points added to the component: one, or what is left to its maximum if less.
    pub added: f64,
    /// What that adds to the total (the component's weight × `added`).
    pub total_added: f64,
    /// Position among the provinces with a value, now and in the scenario.
    pub position_now: u32,
    pub position_then: u32,
    pub with_value: usize,
}

/// Weights of a component in the total (total = Σ weight × component), where the index defines
/// its total as a sum of its parts. PCI: the README's round weights, in %, on sub-indices of
/// 0–10 for a total of 0–100 (data/pci/README.md, check 7).
fn weights(index: &str, year: u16) -> Vec<(&'static str, f64)> {
    const PCI_KEYS: [&str; 10] = [
        "entry_costs",
        "land_access",
        "transparency",
        "time_costs",
        "informal_charges",
        "policy_bias",
        "proactivity",
        "business_support",
        "labor_training",
        "legal_institutions",
    ];
    let pci = |percents: &[f64]| {
        PCI_KEYS
            .iter()
            .filter(|k| percents.len() == 10 || **k != "policy_bias")
            .zip(percents)
            .map(|(k, w)| (*k, w / 10.0))
            .collect()
    };
    match (index, year) {
        ("pci", 2006..=2008) => pci(&[5., 5., 15., 10., 5., 5., 15., 15., 15., 10.]),
        ("pci", 2009..=2012) => pci(&[10., 5., 20., 15., 10., 10., 5., 20., 5.]),
        ("pci", 2013..) => pci(&[5., 5., 20., 5., 10., 5., 5., 20., 20., 5.]),
        ("par", _) => [
            "appraisal_score",
            "sipas_score",
            "leader_survey_score",
            "socioeconomic_impact_score",
        ]
        .map(|k| (k, 1.0))
        .to_vec(),
        _ => Vec::new(),
    }
}

/// The parts of `index`'s total in `year` with their weights, when the total is a known sum of
/// them: every province with all parts has a total within rounding of the weighted sum (each
/// printed part may be off by half a unit in its second decimal). PAPI's dimensions add up as
/// they are.
pub fn sum_parts(dataset: &Dataset, index: &str, year: u16) -> Option<Vec<(String, f64)>> {
    let meta = dataset.index(index)?.year(year)?;
    let parts: Vec<(String, f64)> = if index == "papi" {
        meta.components
            .iter()
            .filter(|c| c.key != "total" && !c.key.contains('.'))
            .map(|c| (c.key.clone(), 1.0))
            .collect()
    } else {
        weights(index, year)
            .into_iter()
            .map(|(k, w)| (k.to_string(), w))
            .collect()
    };
    if parts.is_empty() || parts.iter().any(|(k, _)| meta.component(k).is_none()) {
        return None;
    }
    let totals = dataset.series(index, year, "total")?;
    let tolerance = 0.005 * (parts.len() + 1) as f64 + 1e-9;
    let mut checked = 0;
    for p in &totals.points {
        let Some(total) = p.value else { continue };
        let sum: Option<f64> = parts
            .iter()
            .map(|(k, w)| dataset.value(index, year, k, &p.province).map(|v| v * w))
            .sum();
        if let Some(sum) = sum {
            if (sum - total).abs() > tolerance {
                return None;
            }
            checked += 1;
        }
    }
    (checked > 0).then_some(parts)
}

fn total_query(index: &str, year: u16) -> Query {
    crate::analysis::profile::query(index, year, "total")
}

/// The components of `index` in `year` (not the total, not sub-dimensions).
fn component_keys(dataset: &Dataset, index: &str, year: u16) -> Vec<String> {
    dataset
        .index(index)
        .and_then(|i| i.year(year))
        .map(|y| {
            y.components
                .iter()
                .filter(|c| c.key != "total" && !c.key.contains('.'))
                .map(|c| c.key.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// A component's maximum that year for the province: printed beside its value, or the year's.
fn max_points(
    dataset: &Dataset,
    index: &str,
    year: u16,
    component: &str,
    code: &str,
) -> Option<f64> {
    let own = dataset
        .series(index, year, component)
        .and_then(|s| s.points.iter().find(|p| p.province == code))
        .and_then(|p| p.max_points);
    own.or_else(|| {
        dataset
            .index(index)?
            .year(year)?
            .component(component)?
            .max_points
    })
}

/// The change of `code`'s total on `index` from `before` to `year`, component by component.
pub fn decompose(
    dataset: &Dataset,
    index: &str,
    (before, year): (u16, u16),
    total_change: f64,
    code: &str,
) -> Result<Decomposition, NoDecomposition> {
    let value = |y: u16, k: &str| dataset.value(index, y, k, code);
    let mut keys = component_keys(dataset, index, year);
    for k in component_keys(dataset, index, before) {
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    let without: Vec<u16> = [before, year]
        .into_iter()
        .filter(|&y| keys.iter().all(|k| value(y, k).is_none()))
        .collect();
    if !without.is_empty() {
        return Err(NoDecomposition::NoComponents(without));
    }
    let now_parts = sum_parts(dataset, index, year);
    let then_parts = sum_parts(dataset, index, before);
    let weight = |k: &str| {
        now_parts
            .as_ref()
            .and_then(|p| p.iter().find(|(key, _)| key == k))
            .map(|p| p.1)
    };
    let sums_to_total = now_parts.is_some() && now_parts == then_parts;
    let share = |y: u16, v: Option<f64>, k: &str| {
        v.zip(max_points(dataset, index, y, k, code))
            .filter(|(_, m)| *m > 0.0)
            .map(|(v, m)| v / m * 100.0)
    };
    let mut components: Vec<ComponentChange> = keys
        .iter()
        .map(|k| {
            let (b, n) = (value(before, k), value(year, k));
            let w = if sums_to_total {
                weight(k).unwrap_or(1.0)
            } else {
                1.0
            };
            ComponentChange {
                component: k.clone(),
                before: b,
                now: n,
                part: n.zip(b).map(|(n, b)| w * (n - b)),
                share_change: share(year, n, k)
                    .zip(share(before, b, k))
                    .map(|(n, b)| n - b),
            }
        })
        .collect();
    crate::order::sort_by(&mut components, |a, b| match (a.part, b.part) {
        (Some(x), Some(y)) => y.abs().total_cmp(&x.abs()),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    Ok(Decomposition {
        previous_year: before,
        total_change,
        components,
        weighted: sums_to_total && now_parts.iter().flatten().any(|(_, w)| *w != 1.0),
        sums_to_total,
    })
}

/// The rank used to compare two years: official when both years publish it, else positions.
fn place(row: &Row, kind: RankKind) -> Option<u32> {
    match kind {
        RankKind::Official => row.official_rank,
        RankKind::Computed => row.position,
    }
}

/// Who passed whom between `before` and `now` (rankings of the same index's totals).
pub fn passes(code: &str, before: &[Row], now: &[Row], kind: RankKind) -> Passes {
    let find = |rows: &[Row], c: &str| {
        rows.iter()
            .find(|r| r.code == c)
            .and_then(|r| place(r, kind))
    };
    let (Some(own_then), Some(own_now)) = (find(before, code), find(now, code)) else {
        return Passes {
            kind,
            passed_by: Vec::new(),
            passed: Vec::new(),
        };
    };
    let mut passed_by = Vec::new();
    let mut passed = Vec::new();
    for r in now.iter().filter(|r| r.code != code) {
        let (Some(then), Some(other_now)) = (find(before, &r.code), place(r, kind)) else {
            continue;
        };
        if then > own_then && other_now < own_now {
            passed_by.push(r.code.clone());
        } else if then < own_then && other_now > own_now {
            passed.push(r.code.clone());
        }
    }
    Passes {
        kind,
        passed_by,
        passed,
    }
}

/// One more point in each part of the total (capped at the part's maximum, or at its scale),
/// the others' totals unchanged: the position the province would reach. Best first.
pub fn scenarios(
    dataset: &Dataset,
    index: &str,
    year: u16,
    code: &str,
    rows: &[Row],
) -> Vec<Scenario> {
    let Some(parts) = sum_parts(dataset, index, year) else {
        return Vec::new();
    };
    let Some(own) = rows.iter().find(|r| r.code == code) else {
        return Vec::new();
    };
    let (Some(total), Some(position_now)) = (own.value, own.position) else {
        return Vec::new();
    };
    let higher_is_better = dataset.index(index).is_none_or(|i| i.higher_is_better);
    let others: Vec<f64> = rows
        .iter()
        .filter(|r| r.code != code)
        .filter_map(|r| r.value)
        .collect();
    let year_meta = dataset.index(index).and_then(|i| i.year(year));
    let mut out: Vec<Scenario> = parts
        .iter()
        .filter_map(|(k, w)| {
            let v = dataset.value(index, year, k, code)?;
            let ceiling = max_points(dataset, index, year, k, code)
                .or_else(|| year_meta?.component(k).map(|c| c.scale_max))?;
            let added = (ceiling - v).clamp(0.0, 1.0);
            if added <= 0.0 {
                return None;
            }
            let new_total = total + w * added;
            let ahead = others
                .iter()
                .filter(|&&o| {
                    if higher_is_better {
                        o > new_total
                    } else {
                        o < new_total
                    }
                })
                .count();
            Some(Scenario {
                component: k.clone(),
                added,
                total_added: w * added,
                position_now,
                position_then: ahead as u32 + 1,
                with_value: others.len() + 1,
            })
        })
        .collect();
    crate::order::sort_by(&mut out, |a, b| {
        a.position_then
            .cmp(&b.position_then)
            .then(b.total_added.total_cmp(&a.total_added))
    });
    out
}

/// The province's standing on every index with data in `year`, in the dataset's index order.
pub fn standings(dataset: &Dataset, code: &str, year: u16) -> Vec<Standing> {
    dataset
        .indices
        .iter()
        .filter(|i| i.year(year).is_some())
        .filter_map(|index| {
            let ranking = rank(dataset, &total_query(&index.key, year));
            let row = ranking
                .rows
                .iter()
                .find(|r| r.code == code && r.has_data())?
                .clone();
            let change = match &row.change {
                None => Err(NoDecomposition::NoPreviousYear),
                Some(c) => match (c.value, c.method_break) {
                    (Some(d), _) => {
                        decompose(dataset, &index.key, (c.previous_year, year), d, code)
                    }
                    (None, Some(b)) => Err(NoDecomposition::MethodBreak(b)),
                    (None, None) => Err(NoDecomposition::NoPreviousYear),
                },
            };
            let passes = row
                .change
                .as_ref()
                .filter(|c| c.rank.is_some_and(|r| r != 0))
                .map(|c| {
                    let before = rank(dataset, &total_query(&index.key, c.previous_year));
                    passes(code, &before.rows, &ranking.rows, c.rank_kind)
                });
            Some(Standing {
                index: index.key.clone(),
                with_value: ranking.with_value,
                expected: ranking.expected,
                national: dataset
                    .national_value(&index.key, year, "total")
                    .map(|n| (n.value, n.source)),
                change,
                passes,
                gaps: breakdown(dataset, &index.key, year, code),
                scenarios: scenarios(dataset, &index.key, year, code, &ranking.rows),
                row,
            })
        })
        .collect()
}

/// The indices without a figure for the province in the standings' year (whether the index
/// has no such year or the province no figure in it).
pub fn missing_indices(dataset: &Dataset, standings: &[Standing]) -> Vec<String> {
    dataset
        .indices
        .iter()
        .filter(|i| !standings.iter().any(|s| s.index == i.key))
        .map(|i| i.key.clone())
        .collect()
}

/// A block's figure in one year with what the reports say around it.
#[derive(Clone, Debug, PartialEq)]
pub struct BlockSummary {
    pub block: UnitType,
    /// `par_index_average` or `sipas`.
    pub metric: String,
    pub value: f64,
    /// (previous year, change) against the previous year with a figure.
    pub change: Option<(u16, f64)>,
    /// Whether this year's or the previous year's figure was derived by the source from a
    /// stated change (so the pair is only as exact as the statement).
    pub derived: bool,
    pub source: String,
    /// Units above the block's average, and units at 90 or more, as counted by the report.
    pub above_average: Option<UnitScore>,
    pub at_least_90: Option<UnitScore>,
    /// The best unit(s) among those with a figure (ties together).
    pub top: Vec<UnitScore>,
}

/// The block metrics a brief reports: (block metric, the units' metric, units above the
/// average, units at 90 or more).
const BLOCK_METRICS: [(&str, &str, Option<&str>, &str); 2] = [
    (
        "par_index_average",
        "par_index",
        Some("par_index_units_above_average"),
        "par_index_units_at_least_90",
    ),
    ("sipas", "sipas", None, "sipas_units_at_least_90"),
];

/// Each block's average in `year` with its change, the counts the report gives and the top
/// unit, from the reports' figures (bundled, or a user's file) for the province named `province`.
pub fn units_summary(scores: &[UnitScore], province: &str, year: u16) -> Vec<BlockSummary> {
    let mut out = Vec::new();
    for block in [UnitType::DepartmentBlock, UnitType::DistrictBlock] {
        for (metric, unit_metric, above, at90) in BLOCK_METRICS {
            let history = block_history(scores, province, block, metric);
            let Some(i) = history.iter().position(|h| h.year == year) else {
                continue;
            };
            let h = &history[i];
            let find = |m: &str, t: UnitType| {
                scores
                    .iter()
                    .find(|s| {
                        s.province == province
                            && s.year == year
                            && s.unit_type == t
                            && s.metric == m
                    })
                    .cloned()
            };
            let source = find(metric, block).map(|s| s.source).unwrap_or_default();
            let mut units: Vec<&UnitScore> = scores
                .iter()
                .filter(|s| {
                    s.province == province
                        && s.year == year
                        && Some(block) == s.unit_type.block()
                        && s.metric == unit_metric
                        && s.range().is_some()
                })
                .collect();
            sort_units(&mut units);
            let best = units.first().and_then(|u| u.range());
            out.push(BlockSummary {
                block,
                metric: metric.to_string(),
                value: h.value,
                change: h.change,
                derived: h.derived || (i > 0 && history[i - 1].derived && h.change.is_some()),
                source,
                above_average: above.and_then(|m| find(m, block)),
                at_least_90: find(at90, block),
                top: units
                    .iter()
                    .take_while(|u| u.range() == best)
                    .map(|u| (*u).clone())
                    .collect(),
            });
        }
    }
    out
}
