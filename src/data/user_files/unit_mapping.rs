//! A province's own scores of its departments, districts and communes in its wide layout: one
//! row per unit ("Sở Tài chính", "UBND huyện Mộc Châu", "Xã Chiềng Sơn", "Phường Tô Hiệu"),
//! one column per criterion or index. The same finder reads it (`table_finder`), anchored on
//! the column of unit names instead of province names; each unit's type is read from its name,
//! the province and year from the title block and the file's names, each column's metric from
//! its header ("Chỉ số CCHC" is `par_index`, "SIPAS" is `sipas`). Rows go through the checks of
//! unit scores in chiso's long format (`import`), each with its spreadsheet line.

use crate::data::units::{UnitScore, UnitType};
use crate::data::user_files::column_mapping::{guess_year, number_of};
use crate::data::user_files::grid::{Cell, Grid};
use crate::data::user_files::import::{validate, Cells, RowError, RowProblem};
use crate::data::user_files::index_table::Problem;
use crate::data::user_files::numbers::{self, Decimal};
use crate::data::user_files::spelling::{folded_words, Place};
use crate::data::user_files::table_finder::{find, NotFound, Table};
use crate::i18n::Text;

/// A unit's type from its name: departments ("Sở", "Ban", "Văn phòng", "Thanh tra tỉnh"),
/// district-level units ("UBND huyện", "Thị xã", "Thành phố"), communes ("Xã", "Phường",
/// "Thị trấn", "Đặc khu").
pub fn unit_type_of(name: &str) -> Option<UnitType> {
    let words = folded_words(name);
    let words: Vec<&str> = words.split_whitespace().collect();
    let bare = match words.as_slice() {
        ["ubnd", rest @ ..] | ["uy", "ban", "nhan", "dan", rest @ ..] => rest,
        all => all,
    };
    let starts = |prefix: &[&str]| bare.len() > prefix.len() && bare.starts_with(prefix);
    if [&["thi", "xa"][..], &["huyen"], &["thanh", "pho"], &["quan"]]
        .iter()
        .any(|p| starts(p))
    {
        Some(UnitType::District)
    } else if [&["xa"][..], &["phuong"], &["thi", "tran"], &["dac", "khu"]]
        .iter()
        .any(|p| starts(p))
    {
        Some(UnitType::Commune)
    } else if [&["so"][..], &["ban"], &["van", "phong"], &["thanh", "tra"]]
        .iter()
        .any(|p| starts(p))
        && words.first() != Some(&"ubnd")
    {
        Some(UnitType::Department)
    } else {
        None
    }
}

/// The table of units in a sheet.
pub fn find_units(grid: &Grid) -> Result<Table, NotFound> {
    find(grid, &|t| unit_type_of(t).is_some())
}

/// The metric a header names: the PAR INDEX (`par_index`) or SIPAS (`sipas`) as the bundled
/// reports key them, otherwise the header as written (its spaces collapsed), which the views
/// show as the criterion's name.
pub fn metric_of(header: &str) -> String {
    let words = folded_words(header);
    let spaced = format!(
        " {} ",
        words.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    if [" sipas ", " hai long "].iter().any(|w| spaced.contains(w)) {
        "sipas".into()
    } else if [" cchc ", " par ", " cai cach hanh chinh "]
        .iter()
        .any(|w| spaced.contains(w))
    {
        "par_index".into()
    } else {
        header.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// What a unit table is: its province and year, its decimal mark, the column of the units'
/// names (its place in `Table::columns`), the block of the units whose names do not tell it,
/// and per column of the table the metric it gives (`None`: not read).
#[derive(Clone, Debug, PartialEq)]
pub struct UnitMapping {
    pub province: Option<String>,
    pub year: Option<u16>,
    pub decimal: Decimal,
    pub unit: Option<usize>,
    pub block: Option<UnitType>,
    pub metrics: Vec<Option<String>>,
}

/// The guesses for a unit table: the province the title block or a name names (its longest
/// name found), the year, and a metric for each column holding figures.
pub fn guess_units(
    grid: &Grid,
    table: &Table,
    texts: &[&str],
    places: &[Place],
    otherwise: Decimal,
) -> UnitMapping {
    let province = texts.iter().find_map(|text| {
        let spaced = format!(
            " {} ",
            folded_words(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        );
        places
            .iter()
            .filter(|p| spaced.contains(&format!(" {} ", folded_words(&p.name_vi))))
            .max_by_key(|p| p.name_vi.len())
            .map(|p| p.name_vi.clone())
    });
    let texts_of_cells: Vec<&str> = table
        .body
        .iter()
        .flat_map(|&r| table.columns.iter().map(move |c| grid.cell(r, c.col)))
        .filter_map(|c| match c {
            Cell::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    let decimal = numbers::detect(texts_of_cells, otherwise);
    let metrics = table
        .columns
        .iter()
        .map(|c| {
            let figures = table
                .body
                .iter()
                .filter(|&&r| number_of(grid.cell(r, c.col), decimal).is_ok_and(|v| v.is_some()))
                .count();
            let numbered = ["stt", "tt", "so tt"].contains(&folded_words(&c.header).trim());
            (c.col != table.province_col
                && !numbered
                && figures * 2 >= table.body.len()
                && figures > 0)
                .then(|| metric_of(&c.header))
        })
        .collect();
    UnitMapping {
        province,
        year: guess_year(texts),
        decimal,
        unit: table
            .columns
            .iter()
            .position(|c| c.col == table.province_col),
        block: None,
        metrics,
    }
}

/// A unit's type: from its name, else the block chosen for units whose names do not tell it.
pub fn unit_type_in(name: &str, mapping: &UnitMapping) -> Option<UnitType> {
    unit_type_of(name).or(mapping.block)
}

/// A unit table's rows (all of them, or the first `limit`) as unit scores, with their lines,
/// and the rows skipped with theirs.
pub fn apply_units(
    file: &str,
    grid: &Grid,
    table: &Table,
    mapping: &UnitMapping,
    limit: Option<usize>,
) -> (Vec<UnitScore>, Vec<u64>, Vec<RowError>) {
    let (mut scores, mut lines, mut errors) = (Vec::new(), Vec::new(), Vec::new());
    let mut seen = std::collections::HashSet::new();
    let province = mapping.province.clone().unwrap_or_default();
    let year = mapping.year.map(|y| y.to_string()).unwrap_or_default();
    let unit_col = mapping
        .unit
        .and_then(|i| table.columns.get(i))
        .map(|c| c.col);
    for &r in table.body.iter().take(limit.unwrap_or(usize::MAX)) {
        let line = r as u64 + 1;
        let Some(unit_col) = unit_col else {
            errors.push(RowError {
                line,
                problem: RowProblem::NotSet(Text::RoleUnit),
            });
            continue;
        };
        let unit = grid.cell(r, unit_col).shown();
        let unit_type =
            unit_type_in(&unit, mapping).map_or_else(|| unit.clone(), |t| t.key().to_string());
        for (column, metric) in table.columns.iter().zip(&mapping.metrics) {
            let Some(metric) = metric else { continue };
            let value = match number_of(grid.cell(r, column.col), mapping.decimal) {
                Ok(None) => continue,
                Ok(Some(v)) => v.to_string(),
                Err(text) => {
                    errors.push(RowError {
                        line,
                        problem: RowProblem::Index(Problem::CellNotANumber {
                            column: column.header.clone(),
                            text,
                        }),
                    });
                    continue;
                }
            };
            let cells = Cells::of(|name: &str| match name {
                "province" => Some(province.clone()),
                "year" => Some(year.clone()),
                "unit_type" => Some(unit_type.clone()),
                "unit" => Some(unit.clone()),
                "metric" => Some(metric.clone()),
                "value" => Some(value.clone()),
                _ => None,
            });
            match validate(&cells, false, file) {
                Ok(score)
                    if !seen.insert((
                        score.unit_type,
                        score.unit.clone(),
                        score.metric.clone(),
                    )) =>
                {
                    errors.push(RowError {
                        line,
                        problem: RowProblem::Duplicate,
                    })
                }
                Ok(score) => {
                    scores.push(score);
                    lines.push(line);
                }
                Err(problem) => errors.push(RowError {
                    line,
                    problem: in_words(problem),
                }),
            }
        }
    }
    (scores, lines, errors)
}

/// A row's problem in the words of the mapping step: what the long format names by its column
/// (`unit_type`, `province`, `year`) is here the block, or a choice of the step.
fn in_words(problem: RowProblem) -> RowProblem {
    match problem {
        RowProblem::UnknownUnitType(unit) => RowProblem::NoBlock(unit),
        RowProblem::Missing("province") => RowProblem::NotSet(Text::RoleProvince),
        RowProblem::Missing("year") => RowProblem::NotSet(Text::RoleYear),
        other => other,
    }
}
