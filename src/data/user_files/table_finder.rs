//! Finding the table in a sheet as publishers lay it out: a title block above ("PHỤ LỤC I",
//! "KẾT QUẢ CHỈ SỐ … NĂM 2025"), a header row (or two, merged cells read as one: "Cải cách thể
//! chế – Điểm"), perhaps a units row ("Tối đa 10", "Điểm", "%") or a row of column numbers, then
//! one row per province, with summary rows ("Bình quân", "Cả nước", "Tổng") and footnotes set
//! aside and said so. The same finder reads a workbook's sheet and a CSV (`grid::Grid`).
//!
//! The body is where province names are: the column holding most of them is the province
//! column, its first and last names bound the table, and the header is the nearest row above
//! that is neither empty, a units row nor a summary row.

use crate::data::user_files::grid::{Cell, Grid};
use crate::data::user_files::numbers::{read, Decimal, Reading};
use crate::data::user_files::spelling::folded_words;
use crate::text::fold;

/// A column of the table: where it is in the sheet and its header as read.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The sheet's column, from 0 (A).
    pub col: usize,
    /// The header, two header rows joined ("Cải cách thể chế – Điểm"); empty if none.
    pub header: String,
    /// What the units row says of it ("Tối đa 10"), if there is one.
    pub unit: Option<String>,
}

/// Why a row of the table's span is not read as a province's row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Aside {
    /// "Bình quân", "Trung bình", "Cả nước", "Tổng", "Toàn quốc" (or in English).
    Summary,
    /// Below the table: notes, sources, signatures.
    Footnote,
    /// Inside the table, without a figure (a region's heading, say).
    NoFigures,
}

impl Aside {
    pub fn key(self) -> &'static str {
        match self {
            Aside::Summary => "summary",
            Aside::Footnote => "footnote",
            Aside::NoFigures => "no_figures",
        }
    }
}

/// A row set aside, with its line and its text (its cells joined).
#[derive(Clone, Debug, PartialEq)]
pub struct SetAside {
    pub line: u64,
    pub why: Aside,
    pub text: String,
}

/// A table found in a sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The lines of the header (one, or two read as one), as a spreadsheet numbers them.
    pub header_lines: Vec<u64>,
    pub units_line: Option<u64>,
    /// The text above the header, line by line (where the index and year are often said).
    pub title: Vec<String>,
    /// Its columns, blank separator columns left out.
    pub columns: Vec<Column>,
    /// The sheet column holding most province names.
    pub province_col: usize,
    /// The sheet rows (from 0) read as rows of the table.
    pub body: Vec<usize>,
    pub set_aside: Vec<SetAside>,
}

/// No table: the rows that looked most like a header, with their lines, to say what was found.
#[derive(Clone, Debug, PartialEq)]
pub struct NotFound {
    pub likeliest_headers: Vec<(u64, String)>,
}

/// The text of a row, its non-empty cells joined by " | " and cut short.
pub fn row_text(grid: &Grid, row: usize) -> String {
    let cells: Vec<String> = (0..grid.width())
        .map(|c| grid.cell(row, c).shown())
        .filter(|t| !t.is_empty())
        .collect();
    let joined = cells.join(" | ");
    if joined.chars().count() > 160 {
        format!("{}…", joined.chars().take(160).collect::<String>())
    } else {
        joined
    }
}

/// Whether a cell holds a figure: a number, or text read as one with either decimal mark.
fn is_figure(cell: &Cell) -> bool {
    match cell {
        Cell::Number(_) => true,
        Cell::Text(t) => [Decimal::Comma, Decimal::Point]
            .into_iter()
            .any(|d| matches!(read(t, d), Reading::Number(_))),
        Cell::Empty => false,
    }
}

/// Words that open a summary row.
const SUMMARY: [&str; 12] = [
    "binh quan",
    "trung binh",
    "ca nuoc",
    "toan quoc",
    "tong",
    "tong cong",
    "trung vi",
    "average",
    "national",
    "mean",
    "median",
    "total",
];

/// Whether a row sums up the others: one of its first text cells starts with a summary word.
pub fn is_summary(grid: &Grid, row: usize) -> bool {
    (0..grid.width())
        .map(|c| grid.cell(row, c))
        .filter_map(|c| match c {
            Cell::Text(t) => Some(folded_words(t)),
            _ => None,
        })
        .take(3)
        .any(|text| {
            let words: Vec<&str> = text.split_whitespace().collect();
            SUMMARY.iter().any(|s| {
                let summary: Vec<&str> = s.split(' ').collect();
                words.starts_with(&summary)
            })
        })
}

/// A cell of a units row: "Tối đa 10", "Điểm", "%", "(1)", a column's number or letter.
fn is_unit(text: &str) -> bool {
    let f = fold(text);
    let starts = ["toi da", "diem toi da", "thang diem", "max", "(toi da"];
    let whole = [
        "diem", "%", "(%)", "points", "point", "score", "diem so", "ty le", "ty le %", "(diem)",
    ];
    let number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let parenthesised = f
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .is_some_and(|s| number(s) || s.len() == 1);
    starts.iter().any(|s| f.starts_with(s))
        || whole.contains(&f.as_str())
        || number(&f)
        || parenthesised
        || (f.len() == 1 && f.bytes().all(|b| b.is_ascii_lowercase()))
}

/// A group's number: "1", "I", "IV", "A", "a.".
fn is_numbering(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', ')']);
    !t.is_empty()
        && t.len() <= 5
        && (t.bytes().all(|b| b.is_ascii_digit())
            || t.bytes().all(|b| b"IVXLC".contains(&b))
            || (t.len() == 1 && t.bytes().all(|b| b.is_ascii_alphabetic())))
}

/// Finds the table: `is_place` says whether a text names a province (of any year).
pub fn find(grid: &Grid, is_place: &dyn Fn(&str) -> bool) -> Result<Table, NotFound> {
    let width = grid.width();
    let place_at = |r: usize, c: usize| match grid.cell(r, c) {
        Cell::Text(t) => is_place(t),
        _ => false,
    };
    // The province column: most province names, the leftmost on a tie.
    let counts: Vec<usize> = (0..width)
        .map(|c| (0..grid.rows.len()).filter(|&r| place_at(r, c)).count())
        .collect();
    let best = counts
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)));
    let Some((province_col, _)) = best.filter(|(_, &n)| n >= 2) else {
        return Err(not_found(grid));
    };
    let place_rows: Vec<usize> = (0..grid.rows.len())
        .filter(|&r| place_at(r, province_col))
        .collect();
    let (first, last) = (place_rows[0], place_rows[place_rows.len() - 1]);
    let mut set_aside = Vec::new();

    // Upwards from the first province: summary rows, a units row, empty rows; then the header.
    let mut units_line = None;
    let mut header = None;
    let mut r = first;
    while r > 0 {
        r -= 1;
        if grid.row_is_empty(r) {
            continue;
        }
        if is_summary(grid, r) {
            set_aside.push(SetAside {
                line: r as u64 + 1,
                why: Aside::Summary,
                text: row_text(grid, r),
            });
            continue;
        }
        let filled: Vec<String> = (0..width)
            .map(|c| grid.cell(r, c).shown())
            .filter(|t| !t.is_empty())
            .collect();
        if units_line.is_none() && filled.iter().all(|t| is_unit(t)) && r > 0 {
            units_line = Some(r);
            continue;
        }
        // A region's or a block's heading ("I. Khối sở, ban, ngành") between the header and
        // the first row.
        let wider_above = (0..r).any(|above| {
            (0..width)
                .filter(|&c| !grid.cell(above, c).is_empty())
                .count()
                >= 2
        });
        let labels = filled.iter().filter(|t| !is_numbering(t)).count();
        if labels <= 1 && wider_above {
            set_aside.push(SetAside {
                line: r as u64 + 1,
                why: Aside::NoFigures,
                text: row_text(grid, r),
            });
            continue;
        }
        header = Some(r);
        break;
    }
    // A units row with nothing above it was the header after all.
    if header.is_none() {
        header = units_line.take();
    }
    let body_has = |c: usize| place_rows.iter().any(|&r| !grid.cell(r, c).is_empty());
    let upper = header.and_then(|h| {
        let u = h.checked_sub(1)?;
        upper_header(grid, u, h, width).then_some(u)
    });
    let title_end = upper.or(header).unwrap_or(first);
    let title: Vec<String> = (0..title_end)
        .filter(|&r| !grid.row_is_empty(r))
        .map(|r| row_text(grid, r))
        .collect();

    // The columns' headers: the upper row's text spread over its group where the sheet (a CSV)
    // lost the merge: an empty upper cell above a named lower one belongs to the group on its
    // left.
    let mut columns = Vec::new();
    let mut group: Option<String> = None;
    for c in 0..width {
        let lower = header.map(|h| grid.spread_text(h, c)).unwrap_or_default();
        let upper_text = match upper {
            Some(u) => {
                let own = grid.spread_text(u, c);
                if !own.is_empty() {
                    group = (!lower.is_empty()).then(|| own.clone());
                    own
                } else if !lower.is_empty() {
                    group.clone().unwrap_or_default()
                } else {
                    group = None;
                    String::new()
                }
            }
            None => String::new(),
        };
        let joined = match (upper_text.is_empty(), lower.is_empty()) {
            (true, _) => lower,
            (false, true) => upper_text,
            (false, false) if fold(&upper_text) == fold(&lower) => lower,
            (false, false) => format!("{upper_text} – {lower}"),
        };
        let unit = units_line
            .map(|u| grid.spread_text(u, c))
            .filter(|t| !t.is_empty());
        if joined.is_empty() && !body_has(c) {
            continue;
        }
        columns.push(Column {
            col: c,
            header: joined,
            unit,
        });
    }

    // The body: rows from the first province to the last, and below it rows with figures in two
    // columns or more (a province misspelt); summary rows, rows without figures and what
    // follows the table are set aside.
    let figures = |r: usize| {
        columns
            .iter()
            .filter(|col| col.col != province_col && is_figure(grid.cell(r, col.col)))
            .count()
    };
    let mut body = Vec::new();
    let mut below = false;
    for r in first..grid.rows.len() {
        if grid.row_is_empty(r) {
            continue;
        }
        let why = if r > last && below {
            Some(Aside::Footnote)
        } else if place_at(r, province_col) {
            None
        } else if is_summary(grid, r) {
            Some(Aside::Summary)
        } else if r > last && figures(r) < 2 {
            below = true;
            Some(Aside::Footnote)
        } else if figures(r) == 0 {
            Some(Aside::NoFigures)
        } else {
            None
        };
        match why {
            None => body.push(r),
            Some(why) => set_aside.push(SetAside {
                line: r as u64 + 1,
                why,
                text: row_text(grid, r),
            }),
        }
    }
    set_aside.sort_by_key(|s| s.line);
    Ok(Table {
        header_lines: upper
            .into_iter()
            .chain(header)
            .map(|r| r as u64 + 1)
            .collect(),
        units_line: units_line.map(|r| r as u64 + 1),
        title,
        columns,
        province_col,
        body,
        set_aside,
    })
}

/// Whether row `u` is the upper row of a two-row header whose lower row is `h`: it names at
/// least two different things (a title names one) and either a region merges it with the row
/// below or across, or one of its names stands over a column the lower row leaves empty or
/// over a group of the lower row's columns (a CSV of merged cells).
fn upper_header(grid: &Grid, u: usize, h: usize, width: usize) -> bool {
    let texts: Vec<String> = (0..width).map(|c| grid.spread_text(u, c)).collect();
    let mut distinct: Vec<String> = texts
        .iter()
        .filter(|t| !t.is_empty())
        .map(|t| fold(t))
        .collect();
    distinct.sort();
    distinct.dedup();
    if distinct.len() < 2 {
        return false;
    }
    let lower = |c: usize| grid.spread_text(h, c);
    let merged = (0..width).any(|c| grid.merged_together((u, c), (h, c))) || grid.merged_across(u);
    let over_gap = (0..width).any(|c| !texts[c].is_empty() && lower(c).is_empty());
    let grouped = (1..width).any(|c| {
        texts[c].is_empty()
            && !lower(c).is_empty()
            && !lower(c - 1).is_empty()
            && !texts[c - 1].is_empty()
    });
    merged || over_gap || grouped
}

/// The rows that look most like a header (most cells of text other than figures), at most
/// three, in line order.
fn not_found(grid: &Grid) -> NotFound {
    let mut rows: Vec<(usize, usize)> = grid
        .rows
        .iter()
        .enumerate()
        .map(|(r, cells)| {
            let texts = cells
                .iter()
                .filter(|c| matches!(c, Cell::Text(_)) && !is_figure(c))
                .count();
            (r, texts)
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    rows.truncate(3);
    rows.sort();
    NotFound {
        likeliest_headers: rows
            .into_iter()
            .map(|(r, _)| (r as u64 + 1, row_text(grid, r)))
            .collect(),
    }
}
