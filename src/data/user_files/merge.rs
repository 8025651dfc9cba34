//! Users' index tables merged into the bundled dataset, so that every view shows their values
//! like the bundled ones. Each value the user adds cites a source of its own, listed in
//! `Dataset::own_rows` with the file and the line a spreadsheet shows (`Dataset::own_row` of a
//! point's source is how a view tells the user's values apart).
//! Where the dataset already has a value (bundled, or from a file merged earlier), that value
//! stays the one shown and the user's other figure becomes a `Conflict` beside it, with both
//! sources, as disagreements between published sources are shown. Nothing is combined: a
//! figure is added only where there was none.
//!
//! The import worker merges the user's tables into the dataset with every part loaded whenever
//! the user's files change, so that they meet every bundled value they may disagree with, and
//! sends the page what they add (`Additions`); the page adds that to the parts it has loaded,
//! again each time a part arrives. The merge stays out of the page's wasm.

use crate::data::model::{
    ComponentMeta, Conflict, ConflictSubject, Dataset, IndexMeta, OwnRow, Point, Series, Source,
    Unit, YearMeta,
};
use crate::data::user_files::index_table::{DeclaredIndex, IndexRow, IndexTable, OwnUnit};

/// The dataset with the user's tables, and what became of their rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub dataset: Dataset,
    /// Values (or ranks) where the dataset had none.
    pub added: usize,
    /// Rows that give the figures the dataset already has (to the coarser one's decimals).
    pub agreeing: usize,
    /// Rows with a figure other than the dataset's: each such figure is a `Conflict`.
    pub disagreeing: usize,
    /// Rows naming a province, index or component this dataset does not have: none when the
    /// table was checked against `Reference::of` this dataset.
    pub unplaced: usize,
}

/// The number of decimals `value` is written with (its shortest form), at most 9.
fn decimals(value: f64) -> i32 {
    let text = value.to_string();
    text.split_once('.')
        .map_or(0, |(_, fraction)| fraction.len().min(9) as i32)
}

/// The same figure, rounded to the coarser of the two: 89.28 and 89.2812 agree; 89.28 and
/// 89.29 do not.
fn same_figure(a: f64, b: f64) -> bool {
    let scale = 10f64.powi(decimals(a).min(decimals(b)));
    (a * scale).round() == (b * scale).round()
}

/// A figure as the conflict list writes it; empty where there is none.
fn written<T: ToString>(figure: Option<T>) -> String {
    figure.map(|f| f.to_string()).unwrap_or_default()
}

/// The metadata of a component in `year`: as in the nearest year of the index that has it (the
/// latest before, or else the earliest after), without that year's maximum points; for a
/// declared index, from its declaration.
fn component_meta(
    index: &IndexMeta,
    declared: Option<&DeclaredIndex>,
    key: &str,
    year: u16,
) -> Option<ComponentMeta> {
    if let Some(d) = declared {
        let (name_vi, name_en) = if key == "total" {
            (d.name_vi.clone(), d.name_en.clone())
        } else {
            (key.to_string(), key.to_string())
        };
        return Some(ComponentMeta {
            key: key.to_string(),
            name_vi,
            name_en,
            unit: match d.unit {
                OwnUnit::Points => Unit::Points,
                OwnUnit::Percent => Unit::Percent,
            },
            scale_min: d.scale_min,
            scale_max: d.scale_max,
            max_points: None,
        });
    }
    let mut having: Vec<(u16, &ComponentMeta)> = index
        .years
        .iter()
        .filter_map(|y| y.component(key).map(|c| (y.year, c)))
        .collect();
    having.sort_by_key(|(y, _)| *y);
    let nearest = having
        .iter()
        .rev()
        .find(|(y, _)| *y <= year)
        .or(having.first())?;
    Some(ComponentMeta {
        max_points: None,
        ..nearest.1.clone()
    })
}

/// Makes sure `index` lists `component` in `year` (total first); false when the dataset has
/// no such index, or no such component in any year.
fn ensure_component(
    dataset: &mut Dataset,
    declared: Option<&DeclaredIndex>,
    index: &str,
    component: &str,
    year: u16,
) -> bool {
    let Some(meta) = dataset.indices.iter_mut().find(|i| i.key == index) else {
        return false;
    };
    if meta
        .year(year)
        .is_some_and(|y| y.component(component).is_some())
    {
        return true;
    }
    let Some(component_meta) = component_meta(meta, declared, component, year) else {
        return false;
    };
    let position = match meta.years.iter().position(|y| y.year == year) {
        Some(p) => p,
        None => {
            let at = meta.years.partition_point(|y| y.year < year);
            meta.years.insert(
                at,
                YearMeta {
                    year,
                    components: Vec::new(),
                    components_file: None,
                },
            );
            at
        }
    };
    let components = &mut meta.years[position].components;
    if component == "total" {
        components.insert(0, component_meta);
    } else {
        components.push(component_meta);
    }
    true
}

fn declared_meta(d: &DeclaredIndex, file: &str) -> IndexMeta {
    IndexMeta {
        key: d.key.clone(),
        short_name: d.key.to_uppercase(),
        name_vi: d.name_vi.clone(),
        name_en: d.name_en.clone(),
        publisher: file.to_string(),
        higher_is_better: d.higher_is_better,
        method_breaks: Vec::new(),
        components_change_every_year: false,
        years: Vec::new(),
        totals_file: None,
    }
}

/// A disagreement between the figure shown and a row of a user's file.
fn disagreement(
    dataset: &Dataset,
    row: &IndexRow,
    field: &str,
    (kept, kept_source): (String, u32),
    (other, other_source): (String, u32),
    file: &str,
) -> Conflict {
    let shown_from = match dataset.own_row(kept_source) {
        Some(own) => (
            format!("tệp của bạn {} (dòng {})", own.file, own.line),
            format!("your file {} (line {})", own.file, own.line),
        ),
        None => (
            "nguồn đã công bố có sẵn trong chiso".to_string(),
            "the published source bundled with chiso".to_string(),
        ),
    };
    let unit = dataset
        .province(&row.province)
        .map_or(row.province.clone(), |p| p.name_vi.clone());
    Conflict {
        index: row.index.clone(),
        year: row.year,
        province: Some(row.province.clone()),
        subject: ConflictSubject::Province,
        unit,
        field: field.to_string(),
        value_kept: kept,
        value_other: other,
        source_kept: Some(kept_source),
        source_other: Some(other_source),
        note: format!(
            "Your file {file} (line {}) gives another figure; the one shown is from {}.",
            row.line, shown_from.1
        ),
        note_vi: format!(
            "Tệp của bạn {file} (dòng {}) ghi số khác; số đang hiển thị lấy từ {}.",
            row.line, shown_from.0
        ),
    }
}

/// Adds `point` to its series (index, year, component), the series to the dataset if it has none.
fn add_point(dataset: &mut Dataset, (index, year, component): (&str, u16, &str), point: Point) {
    match dataset
        .series
        .iter_mut()
        .find(|s| s.index == index && s.year == year && s.component == component)
    {
        Some(series) => series.points.push(point),
        None => dataset.series.push(Series {
            index: index.to_string(),
            year,
            component: component.to_string(),
            points: vec![point],
        }),
    }
}

/// The dataset with `tables` merged in, in order (an earlier file's figure is the one shown
/// where a later file disagrees with it).
pub fn merge(base: &Dataset, tables: &[IndexTable]) -> Merged {
    let mut dataset = base.clone();
    let (mut added, mut agreeing, mut disagreeing, mut unplaced) = (0, 0, 0, 0);
    let mut next_source = dataset.next_source_id();
    for table in tables {
        for d in &table.declared {
            if dataset.index(&d.key).is_none() {
                dataset.indices.push(declared_meta(d, &table.file));
            }
        }
        for row in &table.rows {
            let declared = table.declared.iter().find(|d| d.key == row.index);
            if dataset.province(&row.province).is_none()
                || !ensure_component(&mut dataset, declared, &row.index, &row.component, row.year)
            {
                unplaced += 1;
                continue;
            }
            let own_source = Source {
                id: next_source,
                citation: match &row.source {
                    Some(cited) => format!("{} | {cited}", table.file),
                    None => table.file.clone(),
                },
            };
            let own_row = OwnRow {
                source: next_source,
                file: table.file.clone(),
                line: row.line,
            };
            let existing = dataset
                .series(&row.index, row.year, &row.component)
                .and_then(|s| s.points.iter().find(|p| p.province == row.province))
                .cloned();
            let Some(existing) = existing else {
                let point = Point {
                    province: row.province.clone(),
                    value: row.value,
                    rank: row.rank,
                    source: own_source.id,
                    max_points: None,
                };
                add_point(&mut dataset, (&row.index, row.year, &row.component), point);
                dataset.sources.push(own_source);
                dataset.own_rows.push(own_row);
                next_source += 1;
                added += 1;
                continue;
            };
            // The user's silence on a figure is no disagreement.
            let value_differs = row
                .value
                .is_some_and(|v| !existing.value.is_some_and(|e| same_figure(e, v)));
            let rank_differs = row.rank.is_some() && row.rank != existing.rank;
            if !value_differs && !rank_differs {
                agreeing += 1;
                continue;
            }
            let mut conflicts = Vec::new();
            if value_differs {
                conflicts.push(disagreement(
                    &dataset,
                    row,
                    &row.component,
                    (written(existing.value), existing.source),
                    (written(row.value), own_source.id),
                    &table.file,
                ));
            }
            if rank_differs {
                conflicts.push(disagreement(
                    &dataset,
                    row,
                    "rank",
                    (written(existing.rank), existing.source),
                    (written(row.rank), own_source.id),
                    &table.file,
                ));
            }
            dataset.conflicts.extend(conflicts);
            dataset.sources.push(own_source);
            dataset.own_rows.push(own_row);
            next_source += 1;
            disagreeing += 1;
        }
    }
    Merged {
        dataset,
        added,
        agreeing,
        disagreeing,
        unplaced,
    }
}

/// A value a user's table adds, with the series it belongs to.
#[derive(serde::Serialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct AddedPoint {
    pub index: String,
    pub year: u16,
    pub component: String,
    pub province: String,
    pub value: Option<f64>,
    pub rank: Option<u32>,
    pub source: u32,
}

/// What merging the user's tables adds to the bundled dataset: the import worker merges them
/// into the dataset with every part loaded (`merge`) and sends the page this, as JSON, which
/// the page adds to the parts it has loaded (`Additions::onto`). The merge itself stays out of
/// the page's wasm.
#[derive(serde::Serialize, miniserde::Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Additions {
    /// The indices the tables declared or gave a year or component more, whole.
    pub indices: Vec<IndexMeta>,
    pub points: Vec<AddedPoint>,
    pub sources: Vec<Source>,
    pub own_rows: Vec<OwnRow>,
    pub conflicts: Vec<Conflict>,
}

impl Additions {
    /// What `merged` (the result of `merge` on `base`) has beyond `base`: the merge only adds
    /// (points at the end of their series, series, sources and conflicts at the end).
    pub fn between(base: &Dataset, merged: &Dataset) -> Additions {
        let indices = merged
            .indices
            .iter()
            .filter(|i| base.index(&i.key) != Some(*i))
            .cloned()
            .collect();
        let points = merged
            .series
            .iter()
            .flat_map(|s| {
                let known = base
                    .series(&s.index, s.year, &s.component)
                    .map_or(0, |b| b.points.len());
                s.points[known..].iter().map(move |p| AddedPoint {
                    index: s.index.clone(),
                    year: s.year,
                    component: s.component.clone(),
                    province: p.province.clone(),
                    value: p.value,
                    rank: p.rank,
                    source: p.source,
                })
            })
            .collect();
        Additions {
            indices,
            points,
            sources: merged.sources[base.sources.len()..].to_vec(),
            own_rows: merged.own_rows[base.own_rows.len()..].to_vec(),
            conflicts: merged.conflicts[base.conflicts.len()..].to_vec(),
        }
    }

    /// `data` (with the parts loaded so far) with these added: an index's years are replaced
    /// by the merged ones (which the parts do not change), each keeping where its component
    /// series are while `data` has not loaded them; the rest is added.
    pub fn onto(&self, data: &Dataset) -> Dataset {
        let mut dataset = data.clone();
        for meta in &self.indices {
            match dataset.indices.iter_mut().find(|i| i.key == meta.key) {
                Some(index) => {
                    let mut years = meta.years.clone();
                    for y in &mut years {
                        y.components_file = index
                            .year(y.year)
                            .and_then(|kept| kept.components_file.clone());
                    }
                    index.years = years;
                }
                None => dataset.indices.push(meta.clone()),
            }
        }
        for p in &self.points {
            let point = Point {
                province: p.province.clone(),
                value: p.value,
                rank: p.rank,
                source: p.source,
                max_points: None,
            };
            add_point(&mut dataset, (&p.index, p.year, &p.component), point);
        }
        dataset.sources.extend(self.sources.iter().cloned());
        dataset.own_rows.extend(self.own_rows.iter().cloned());
        dataset.conflicts.extend(self.conflicts.iter().cloned());
        dataset
    }
}
