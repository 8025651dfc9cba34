//! What each column of a found table is (`table_finder::Table`): the province, the year, the
//! index's total or one of its components, a rank, a source, or nothing chiso reads. Guessed
//! from the headers in Vietnamese or English, with or without diacritics (the components' names
//! as the bundled dataset gives them; "D1"…"D8" as PAPI numbers its dimensions), and from the
//! cells (whole numbers 1…N are ranks, years are years); the index and year from the title
//! block, the sheet's and the file's names ("NĂM 2025", "PAPI 2024", "PCI_2023").
//!
//! A confirmed mapping turns each province's row into one row per component for the index
//! table's checks (`index_table::Validator`), each with the line a spreadsheet shows for it;
//! missing marks ("-", "x", empty) give no row rather than a zero.

use crate::data::user_files::grid::{Cell, Grid};
use crate::data::user_files::import::{Cells, RowError, RowProblem};
use crate::data::user_files::index_table::{
    index_key, ComponentName, IndexTable, Problem, Reference, Validator, BUNDLED,
};
use crate::data::user_files::numbers::{self, Decimal, Reading};
use crate::data::user_files::spelling::folded_words;
use crate::data::user_files::table_finder::Table;
use crate::text::fold;

/// What a column is taken for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    Ignored,
    Province,
    Year,
    /// A component's value (`total` for the index itself).
    Value(String),
    /// A component's rank (`total` for the index's rank).
    Rank(String),
    Source,
}

impl Role {
    /// As kept in a remembered mapping and sent to the page: "value:total", "rank:total".
    pub fn key(&self) -> String {
        match self {
            Role::Ignored => "ignored".into(),
            Role::Province => "province".into(),
            Role::Year => "year".into(),
            Role::Value(c) => format!("value:{c}"),
            Role::Rank(c) => format!("rank:{c}"),
            Role::Source => "source".into(),
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        match key {
            "ignored" => Some(Role::Ignored),
            "province" => Some(Role::Province),
            "year" => Some(Role::Year),
            "source" => Some(Role::Source),
            _ => match key.split_once(':') {
                Some(("value", c)) if !c.is_empty() => Some(Role::Value(c.into())),
                Some(("rank", c)) if !c.is_empty() => Some(Role::Rank(c.into())),
                _ => None,
            },
        }
    }
}

/// A table's mapping: the index, the year where no column gives it, the decimal mark, and a
/// role per column of the table (in the table's order).
#[derive(Clone, Debug, PartialEq)]
pub struct Mapping {
    pub index: Option<String>,
    pub year: Option<u16>,
    pub decimal: Decimal,
    pub roles: Vec<Role>,
}

/// What a mapping lacks before it can be applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lack {
    Index,
    Year,
    Province,
    Figures,
}

impl Mapping {
    /// What must still be said, in this order: the index, the year (or a year column), a
    /// province column, a column of values or ranks.
    pub fn lacks(&self) -> Vec<Lack> {
        let has = |f: &dyn Fn(&Role) -> bool| self.roles.iter().any(f);
        let mut lacks = Vec::new();
        if !self.index.as_deref().is_some_and(|i| BUNDLED.contains(&i)) {
            lacks.push(Lack::Index);
        }
        if self.year.is_none() && !has(&|r| *r == Role::Year) {
            lacks.push(Lack::Year);
        }
        if !has(&|r| *r == Role::Province) {
            lacks.push(Lack::Province);
        }
        if !has(&|r| matches!(r, Role::Value(_) | Role::Rank(_))) {
            lacks.push(Lack::Figures);
        }
        lacks
    }
}

/// A table's shape: its headers, folded, years left out, so that next year's annex of the same
/// layout has the same shape.
pub fn shape(table: &Table) -> String {
    table
        .columns
        .iter()
        .map(|c| {
            folded_words(&c.header)
                .split_whitespace()
                .filter(|w| !is_year_word(w))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("|")
}

fn is_year_word(word: &str) -> bool {
    word.len() == 4
        && word
            .parse::<u16>()
            .is_ok_and(|y| (1990..=2100).contains(&y))
}

/// The bundled index texts name: "PAPI 2024", "Chỉ số CCHC", "PCI_2023", "năng lực cạnh
/// tranh"; the first text naming one wins.
pub fn guess_index(texts: &[&str]) -> Option<String> {
    const NAMES: [(&str, &[&str]); 4] = [
        ("papi", &["papi", "hieu qua quan tri va hanh chinh cong"]),
        ("pci", &["pci", "nang luc canh tranh"]),
        ("sipas", &["sipas", "hai long"]),
        (
            "par",
            &[
                "par index",
                "parindex",
                "par",
                "cai cach hanh chinh",
                "cchc",
            ],
        ),
    ];
    texts.iter().find_map(|text| {
        let words = format!(
            " {} ",
            folded_words(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        );
        NAMES
            .iter()
            .find(|(_, names)| names.iter().any(|n| words.contains(&format!(" {n} "))))
            .map(|(key, _)| key.to_string())
    })
}

/// The year texts name: the first text with a year in it, the year after "năm"/"year" in it if
/// any ("Quyết định … 2026 … NĂM 2025" is 2025), otherwise its first.
pub fn guess_year(texts: &[&str]) -> Option<u16> {
    texts.iter().find_map(|text| {
        let folded = folded_words(text);
        let words: Vec<&str> = folded
            .split(|c: char| c.is_whitespace() || c == '/')
            .filter(|w| !w.is_empty())
            .collect();
        let year_at = |i: usize| {
            words
                .get(i)
                .filter(|w| is_year_word(w))
                .and_then(|w| w.parse().ok())
        };
        let after_word = (1..words.len())
            .filter(|&i| matches!(words[i - 1], "nam" | "year" | "ky"))
            .find_map(year_at);
        after_word.or_else(|| (0..words.len()).find_map(year_at))
    })
}

/// Words that say nothing about which component a header names.
const FILLER: [&str; 14] = [
    "va", "cua", "cac", "trong", "voi", "doi", "the", "of", "and", "in", "to", "for", "diem", "chi",
];

/// A name's telling words: folded, parenthesised parts ("(điểm)", "(% điểm tối đa)") left out.
fn telling_words(text: &str) -> Vec<String> {
    let mut kept = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    folded_words(&kept)
        .split_whitespace()
        .flat_map(|w| {
            ABBREVIATIONS
                .iter()
                .find(|(short, _)| *short == w)
                .map_or(w, |(_, long)| long)
                .split(' ')
        })
        .filter(|w| !FILLER.contains(w))
        .map(str::to_string)
        .collect()
}

/// Abbreviations of official reports, and the words they stand for.
const ABBREVIATIONS: [(&str, &str); 8] = [
    ("cchc", "cai cach hanh chinh"),
    ("tthc", "thu tuc hanh chinh"),
    ("qppl", "quy pham phap luat"),
    ("vbqppl", "van ban quy pham phap luat"),
    ("cbccvc", "can bo cong chuc vien chuc"),
    ("ktxh", "kinh te xa hoi"),
    ("hcnn", "hanh chinh nha nuoc"),
    ("cntt", "cong nghe thong tin"),
];

/// How alike two names are: the share of their telling words in common (Dice).
fn likeness(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.iter().filter(|w| b.contains(w)).count();
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

const RANK_WORDS: [&str; 7] = [
    "xep hang", "hang", "rank", "thu hang", "vi tri", "ranking", "thu bac",
];
const TOTAL_WORDS: [&str; 12] = [
    "tong",
    "tong hop",
    "tong diem",
    "total",
    "diem",
    "diem so",
    "chi so",
    "ket qua",
    "score",
    "overall",
    "index",
    "gia tri",
];
const NUMBER_WORDS: [&str; 6] = ["stt", "tt", "so tt", "no", "thu tu", "#"];

/// The component a header's part names, by its number ("D3", "CSTP 3", the index's third) or
/// by its name (the closest of the index's components, if close enough).
fn component_named(part: &str, components: &[&ComponentName]) -> Option<String> {
    let words = telling_words(part);
    let joined = words.join("");
    let number = ["d", "cstp", "tc", "linhvuc", "noidung"]
        .iter()
        .find_map(|p| joined.strip_prefix(p))
        .and_then(|n| n.parse::<usize>().ok());
    let ordered: Vec<&&ComponentName> = components.iter().filter(|c| c.key != "total").collect();
    if let Some(n) = number.filter(|n| (1..=ordered.len()).contains(n)) {
        return Some(ordered[n - 1].key.clone());
    }
    // Where a component is given in points and in percent of its maximum (PAR INDEX), the
    // header's "%" tells which.
    let percent = part.contains('%') || fold(part).contains("ty le");
    components
        .iter()
        .filter(|c| c.key != "total")
        .map(|c| {
            let names = [c.name_vi.as_str(), c.name_en.as_str()];
            let key = c.key.replace('_', " ");
            let best = names
                .iter()
                .flat_map(|n| n.split(" / "))
                .chain([key.as_str()])
                .map(|name| likeness(&words, &telling_words(name)))
                .fold(0.0, f64::max);
            let fits = c.key.ends_with("_pct") == percent;
            (best + if fits { 0.01 } else { 0.0 }, c)
        })
        .filter(|(l, _)| *l >= 0.6)
        // The first of equals, in the index's order.
        .fold(None::<(f64, &&ComponentName)>, |best, next| match best {
            Some(b) if b.0 >= next.0 => Some(b),
            _ => Some(next),
        })
        .map(|(_, c)| c.key.clone())
}

/// The role a header names, if it names one.
fn role_of_header(header: &str, components: &[&ComponentName]) -> Option<Role> {
    let folded = folded_words(header)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if folded.is_empty() {
        return None;
    }
    if NUMBER_WORDS.contains(&folded.as_str()) || header.trim() == "#" {
        return Some(Role::Ignored);
    }
    if matches!(
        folded.as_str(),
        "nam" | "year" | "nam danh gia" | "ky danh gia"
    ) {
        return Some(Role::Year);
    }
    if matches!(folded.as_str(), "nguon" | "source" | "nguon so lieu") {
        return Some(Role::Source);
    }
    if matches!(folded.as_str(), "ghi chu" | "note" | "notes") {
        return Some(Role::Ignored);
    }
    let parts: Vec<&str> = header.split(" – ").collect();
    let is_rank = |p: &str| {
        let f = folded_words(p)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        RANK_WORDS
            .iter()
            .any(|w| f == *w || f.starts_with(&format!("{w} ")))
    };
    let rank = parts.iter().any(|p| is_rank(p));
    // A header naming the index itself ("Chỉ số CCHC", "PAPI", "Tổng hợp") is its total, though
    // its words may resemble a component's.
    let spaced = format!(" {folded} ");
    let names_index = (spaced.contains(" chi so ") && !spaced.contains(" thanh phan "))
        || [
            " tong hop ",
            " tong diem ",
            " total ",
            " overall ",
            " par index ",
        ]
        .iter()
        .any(|w| spaced.contains(w))
        || BUNDLED.iter().any(|b| spaced.contains(&format!(" {b} ")));
    let component = parts
        .iter()
        .filter(|p| !is_rank(p) && !names_index)
        .find_map(|p| component_named(p, components));
    let total = || names_index || TOTAL_WORDS.iter().any(|w| folded.contains(w));
    match (component, rank) {
        (Some(c), true) => Some(Role::Rank(c)),
        (Some(c), false) => Some(Role::Value(c)),
        (None, true) => Some(Role::Rank("total".into())),
        (None, false) if total() => Some(Role::Value("total".into())),
        (None, false) => None,
    }
}

/// The guesses for a table: `texts` are the title block's lines, the sheet's name and the
/// file's name, in that order; `otherwise` the decimal mark where the cells do not tell.
pub fn guess(
    grid: &Grid,
    table: &Table,
    texts: &[&str],
    reference: &Reference,
    otherwise: Decimal,
) -> Mapping {
    let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
    let index = guess_index(texts).or_else(|| guess_index(&headers));
    guess_for(grid, table, texts, reference, otherwise, index)
}

/// The guesses for a table of a given index (the one chosen in the mapping step): its
/// components' columns are guessed afresh.
pub fn guess_for(
    grid: &Grid,
    table: &Table,
    texts: &[&str],
    reference: &Reference,
    otherwise: Decimal,
    index: Option<String>,
) -> Mapping {
    let year = guess_year(texts);
    let components: Vec<&ComponentName> = reference
        .components
        .iter()
        .filter(|c| Some(&c.index) == index.as_ref())
        .collect();
    let cell_texts: Vec<String> = table
        .body
        .iter()
        .flat_map(|&r| table.columns.iter().map(move |c| (r, c.col)))
        .filter(|&(_, c)| c != table.province_col)
        .filter_map(|(r, c)| match grid.cell(r, c) {
            Cell::Text(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    let decimal = numbers::detect(cell_texts.iter().map(String::as_str), otherwise);
    let mut roles: Vec<Role> = Vec::new();
    for column in &table.columns {
        let role = if column.col == table.province_col {
            Role::Province
        } else {
            role_of_header(&column.header, &components)
                .or_else(|| role_of_cells(grid, table, column.col, decimal))
                .unwrap_or(Role::Ignored)
        };
        // A role is taken once: the first column keeps it.
        let taken = role != Role::Ignored && roles.contains(&role);
        roles.push(if taken { Role::Ignored } else { role });
    }
    Mapping {
        index,
        year,
        decimal,
        roles,
    }
}

/// A column's role from its cells: years, or distinct whole numbers from 1 to the number of
/// rows (ranks).
fn role_of_cells(grid: &Grid, table: &Table, col: usize, decimal: Decimal) -> Option<Role> {
    let values: Vec<f64> = table
        .body
        .iter()
        .filter_map(|&r| number_of(grid.cell(r, col), decimal).ok().flatten())
        .collect();
    if values.len() < 2 || values.len() * 2 < table.body.len() {
        return None;
    }
    let whole = values.iter().all(|v| v.fract() == 0.0);
    if whole && values.iter().all(|v| (1990.0..=2100.0).contains(v)) {
        return Some(Role::Year);
    }
    let mut distinct: Vec<i64> = values.iter().map(|v| *v as i64).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let ranks = whole
        && values
            .iter()
            .all(|v| *v >= 1.0 && *v <= table.body.len().max(64) as f64)
        && distinct.len() * 10 >= values.len() * 8;
    ranks.then(|| Role::Rank("total".into()))
}

/// A cell's number: `Ok(None)` when it says missing; `Err` with the text when it is not a
/// number.
pub(crate) fn number_of(cell: &Cell, decimal: Decimal) -> Result<Option<f64>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(v) => Ok(Some(*v)),
        Cell::Text(t) => match numbers::read(t, decimal) {
            Reading::Missing => Ok(None),
            Reading::Number(v) => Ok(Some(v)),
            Reading::NotANumber => Err(t.clone()),
        },
    }
}

/// A year cell as text ("2025" from a workbook's number 2025).
fn year_text(cell: &Cell) -> String {
    match cell {
        Cell::Number(v) if v.fract() == 0.0 => format!("{v}"),
        other => other.shown(),
    }
}

/// The outcome of a mapping applied: the good rows, the bad ones with their lines, and how
/// many cells said "missing".
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Applied {
    pub table: IndexTable,
    pub errors: Vec<RowError>,
    pub missing: usize,
}

/// Applies a mapping to the table's rows (all of them, or the first `limit`), checking each
/// component's row as an index table's row is checked.
pub fn apply(
    file: &str,
    grid: &Grid,
    table: &Table,
    mapping: &Mapping,
    reference: Reference,
    limit: Option<usize>,
) -> Applied {
    let index = mapping
        .index
        .clone()
        .map(|i| index_key(&i))
        .unwrap_or_default();
    let fractions = fraction_columns(grid, table, mapping, &reference, &index);
    let mut validator = Validator::new(file, reference);
    let mut applied = Applied::default();
    let column_of = |wanted: &dyn Fn(&Role) -> bool| {
        mapping
            .roles
            .iter()
            .zip(&table.columns)
            .find(|(r, _)| wanted(r))
            .map(|(_, c)| c)
    };
    let province = column_of(&|r| *r == Role::Province);
    let year_column = column_of(&|r| *r == Role::Year);
    let source = column_of(&|r| *r == Role::Source);
    // The components in the order of their first column.
    let mut components: Vec<&str> = Vec::new();
    for role in &mapping.roles {
        if let Role::Value(c) | Role::Rank(c) = role {
            if !components.contains(&c.as_str()) {
                components.push(c);
            }
        }
    }
    for &r in table.body.iter().take(limit.unwrap_or(usize::MAX)) {
        let line = r as u64 + 1;
        let province_text = province
            .map(|c| grid.cell(r, c.col).shown())
            .unwrap_or_default();
        let year = match year_column {
            Some(c) => year_text(grid.cell(r, c.col)),
            None => mapping.year.map(|y| y.to_string()).unwrap_or_default(),
        };
        let source_text = source
            .map(|c| grid.cell(r, c.col).shown())
            .unwrap_or_default();
        for component in &components {
            let figure = |rank: bool| -> Result<Option<String>, RowProblem> {
                let Some(column) = column_of(&|role| match role {
                    Role::Rank(c) if rank => c == component,
                    Role::Value(c) if !rank => c == component,
                    _ => false,
                }) else {
                    return Ok(None);
                };
                let value =
                    number_of(grid.cell(r, column.col), mapping.decimal).map_err(|text| {
                        RowProblem::Index(Problem::CellNotANumber {
                            column: column.header.clone(),
                            text,
                        })
                    })?;
                match value {
                    Some(value) if fractions.contains(&column.col) => {
                        Err(RowProblem::Index(Problem::Fraction {
                            column: column.header.clone(),
                            value,
                        }))
                    }
                    value => Ok(value.map(|v| v.to_string())),
                }
            };
            let outcome = figure(false).and_then(|value| Ok((value, figure(true)?)));
            let (value, rank) = match outcome {
                Ok((None, None)) => {
                    applied.missing += 1;
                    continue;
                }
                Ok(figures) => figures,
                Err(problem) => {
                    applied.errors.push(RowError { line, problem });
                    continue;
                }
            };
            let cells = Cells::of(|name: &str| match name {
                "index" => Some(index.clone()),
                "year" => Some(year.clone()),
                "province" => Some(province_text.clone()),
                "component" => Some(component.to_string()),
                "value" => value.clone(),
                "rank" => rank.clone(),
                "source" => Some(source_text.clone()),
                _ => None,
            });
            if let Err(problem) = validator.row(&cells, false, line) {
                applied.errors.push(RowError { line, problem });
            }
        }
    }
    applied.table = validator.finish();
    applied
}

/// The value columns whose figures all lie between 0 and 1 (three or more) where the index's
/// scale for them reaches 10 or more: a workbook's cells formatted as percent hold 0.9277 for
/// 92.77%, which must not be read as 0.93.
fn fraction_columns(
    grid: &Grid,
    table: &Table,
    mapping: &Mapping,
    reference: &Reference,
    index: &str,
) -> Vec<usize> {
    mapping
        .roles
        .iter()
        .zip(&table.columns)
        .filter_map(|(role, column)| match role {
            Role::Value(component) => Some((component, column.col)),
            _ => None,
        })
        .filter(|(component, _)| {
            reference
                .scales
                .iter()
                .filter(|s| s.index == index && &s.component == *component)
                .any(|s| s.max >= 10.0)
        })
        .filter(|&(_, col)| {
            let values: Vec<f64> = table
                .body
                .iter()
                .filter_map(|&r| number_of(grid.cell(r, col), mapping.decimal).ok().flatten())
                .collect();
            values.len() >= 3 && values.iter().all(|v| (0.0..=1.0).contains(v))
        })
        .map(|(_, col)| col)
        .collect()
}
