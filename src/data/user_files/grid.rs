//! A sheet as plain cells, whether it comes from a workbook (`workbook`) or from delimited text
//! (CSV, TSV, text pasted from a spreadsheet): row `i` is the line `i + 1` a spreadsheet shows,
//! with merged regions kept so that a merged header's text can be read over its span. The table
//! finder (`table_finder`) reads both alike.

use crate::data::user_files::import::{RowStarts, Separator};
use crate::text::nfc;

/// One cell: a workbook's number (a formula's cached value included) stays a number; text
/// (numbers stored as text, every cell of a CSV) goes through `cell_text`.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
}

impl Cell {
    /// A text cell, empty when it holds only white space.
    pub fn text(raw: &str) -> Cell {
        let text = cell_text(raw);
        if text.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(text)
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// The cell as text ("" when empty; a number as Rust writes it, "9.31").
    pub fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(v) => v.to_string(),
        }
    }
}

/// The one way every text cell of a user's sheet is read (workbook or CSV): trimmed and in
/// canonical composition (NFC). A legacy Vietnamese encoding's conversion belongs here.
pub fn cell_text(raw: &str) -> String {
    nfc(raw.trim())
}

/// A rectangle of merged cells, rows and columns from 0, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    pub top: usize,
    pub left: usize,
    pub bottom: usize,
    pub right: usize,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Grid {
    /// Row `i` is the spreadsheet's line `i + 1`; rows may be of different lengths.
    pub rows: Vec<Vec<Cell>>,
    pub merges: Vec<Merge>,
}

const EMPTY: Cell = Cell::Empty;

impl Grid {
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&EMPTY)
    }

    /// The number of columns (of the longest row).
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// Rows that hold at least one cell.
    pub fn filled_rows(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.iter().any(|c| !c.is_empty()))
            .count()
    }

    pub fn row_is_empty(&self, row: usize) -> bool {
        self.rows
            .get(row)
            .is_none_or(|r| r.iter().all(Cell::is_empty))
    }

    /// A cell's text with a merged region's text spread over its span (the region's top-left
    /// cell holds it).
    pub fn spread_text(&self, row: usize, col: usize) -> String {
        let own = self.cell(row, col);
        if !own.is_empty() {
            return own.shown();
        }
        self.merges
            .iter()
            .find(|m| (m.top..=m.bottom).contains(&row) && (m.left..=m.right).contains(&col))
            .map(|m| self.cell(m.top, m.left).shown())
            .unwrap_or_default()
    }

    /// Whether a merged region covers both cells.
    pub fn merged_together(&self, a: (usize, usize), b: (usize, usize)) -> bool {
        self.merges.iter().any(|m| {
            [a, b]
                .iter()
                .all(|&(r, c)| (m.top..=m.bottom).contains(&r) && (m.left..=m.right).contains(&c))
        })
    }

    /// Whether a region merges a cell of `row` with its neighbour in the row.
    pub fn merged_across(&self, row: usize) -> bool {
        self.merges
            .iter()
            .any(|m| (m.top..=m.bottom).contains(&row) && m.right > m.left)
    }

    /// Delimited text as a grid: the separator is the one most lines use (tab, then semicolon,
    /// else comma: a title line has none), each record at the line a spreadsheet shows for it.
    pub fn of_text(text: &str) -> (Grid, Separator) {
        let separator = separator_of(text);
        let bytes = text.as_bytes();
        let starts = RowStarts::of(bytes, separator.byte());
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(separator.byte())
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut grid = Grid::default();
        let mut record = csv::StringRecord::new();
        // A broken record (an unclosed quote runs to the end) ends what can be read.
        while let Ok(true) = reader.read_record(&mut record) {
            let at = record.position().map_or(0, |p| p.byte() as usize);
            let row = (starts.row(bytes, at) as usize).saturating_sub(1);
            if grid.rows.len() <= row {
                grid.rows.resize(row + 1, Vec::new());
            }
            grid.rows[row] = record.iter().map(Cell::text).collect();
        }
        (grid, separator)
    }
}

/// The separator of delimited text: tab or semicolon when at least half of its first non-empty
/// lines hold one (text does not), otherwise comma.
fn separator_of(text: &str) -> Separator {
    let lines: Vec<&str> = text
        .split(['\r', '\n'])
        .filter(|l| !l.trim().is_empty())
        .take(200)
        .collect();
    let share = |c: char| lines.iter().filter(|l| l.contains(c)).count() * 2 >= lines.len();
    if lines.is_empty() {
        Separator::Comma
    } else if share('\t') {
        Separator::Tab
    } else if share(';') {
        Separator::Semicolon
    } else {
        Separator::Comma
    }
}
