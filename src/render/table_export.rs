//! A table as chiso downloads it: its title, its columns (text, a number with the decimals its
//! values are published with, a whole number), its rows as the CSV writes them (exact values,
//! dot decimals, empty where data is missing), the sources its values come from, and lines
//! saying what it shows (index, year, filters, date of download, address). The CSV
//! (`TableExport::csv`) and the Excel workbook (`render::xlsx`, in the xlsx worker, which gets
//! this as JSON) are both written from it, so the two cannot differ.

use super::export::to_csv;
use crate::i18n::{Lang, Text};

/// What a column holds; a cell of a number column that does not read as a number (a band such
/// as "85 to under 90") stays text.
#[derive(miniserde::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Number,
    Integer,
}

#[derive(miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Column {
    pub name: String,
    pub kind: Kind,
}

/// A line of what the table shows: "Năm" – "2024".
#[derive(miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Line {
    pub label: String,
    pub value: String,
}

#[derive(miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct TableExport {
    /// The language of its headers and lines (`vi` or `en`), which the workbook's own labels
    /// follow.
    pub lang: String,
    pub title: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    /// Every source cited by a value in the table, each once, in order of first citation.
    pub sources: Vec<String>,
    pub about: Vec<Line>,
}

/// Decimals shown at most, as in chiso's tables.
const DECIMALS_MAX: usize = 2;

/// The most decimals any of `cells` is written with, at most `DECIMALS_MAX`; cells that are
/// not numbers are skipped.
fn decimals_of<'a>(cells: impl Iterator<Item = &'a str>) -> u8 {
    cells
        .filter(|c| crate::text::parse_decimal(c).is_some())
        .map(|c| {
            c.split_once('.')
                .map_or(0, |(_, f)| f.len().min(DECIMALS_MAX) as u8)
        })
        .max()
        .unwrap_or(0)
}

impl TableExport {
    /// A table with `columns` (name and kind) and `rows` (as many cells as columns).
    pub fn new(
        lang: Lang,
        title: String,
        columns: Vec<(String, Kind)>,
        rows: Vec<Vec<String>>,
    ) -> Self {
        let columns = columns
            .into_iter()
            .map(|(name, kind)| Column { name, kind })
            .collect();
        TableExport {
            lang: lang.code().to_string(),
            title,
            columns,
            rows,
            sources: Vec::new(),
            about: Vec::new(),
        }
    }

    /// For a number column, the most decimals any of its values is written with, at most the
    /// two chiso's tables show: the workbook's number format (each cell keeps the exact value).
    /// Reckoned in the xlsx worker, not in the page.
    pub fn decimals(&self, column: usize) -> u8 {
        match self.columns.get(column).map(|c| c.kind) {
            Some(Kind::Number) => decimals_of(
                self.rows
                    .iter()
                    .filter_map(|r| r.get(column).map(String::as_str)),
            ),
            _ => 0,
        }
    }

    pub fn lang(&self) -> Lang {
        Lang::from_code(&self.lang).unwrap_or(Lang::Vi)
    }

    /// Adds a line of what the table shows (nothing when `value` is empty).
    pub fn shows(mut self, label: Text, value: impl Into<String>) -> Self {
        let value = value.into();
        if !value.is_empty() {
            self.about.push(Line {
                label: self.lang().t(label).to_string(),
                value,
            });
        }
        self
    }

    /// Cites a source (once, whatever the number of values taken from it).
    pub fn cite(&mut self, citation: &str) {
        if !citation.is_empty() && !self.sources.iter().any(|s| s == citation) {
            self.sources.push(citation.to_string());
        }
    }

    /// The date of the download (ISO) and the address of the view it was downloaded from.
    pub fn downloaded(self, date: &str, address: &str) -> Self {
        self.shows(Text::DownloadedOn, date)
            .shows(Text::DownloadedFrom, address)
    }

    /// The header and rows as CSV (UTF-8 with BOM, CRLF).
    pub fn csv(&self) -> String {
        let header = self.columns.iter().map(|c| c.name.clone()).collect();
        let rows: Vec<Vec<String>> = std::iter::once(header)
            .chain(self.rows.iter().cloned())
            .collect();
        to_csv(&rows)
    }

    /// The table as JSON, as `from_json` reads it. Written by hand: a serialiser would add
    /// kilobytes to the page's wasm, which sends the table to the xlsx worker.
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\"lang\":");
        json_string(&mut out, &self.lang);
        out.push_str(",\"title\":");
        json_string(&mut out, &self.title);
        out.push_str(",\"columns\":[");
        for (i, c) in self.columns.iter().enumerate() {
            out.push_str(if i == 0 { "{\"name\":" } else { ",{\"name\":" });
            json_string(&mut out, &c.name);
            let kind = match c.kind {
                Kind::Text => "Text",
                Kind::Number => "Number",
                Kind::Integer => "Integer",
            };
            out.push_str(",\"kind\":\"");
            out.push_str(kind);
            out.push_str("\"}");
        }
        out.push_str("],\"rows\":[");
        for (i, row) in self.rows.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            json_strings(&mut out, row);
        }
        out.push(']');
        json_sources_and_lines(&mut out, &self.sources, &self.about);
        out
    }

    pub fn from_json(json: &str) -> Result<TableExport, String> {
        miniserde::json::from_str(json).map_err(|_| "the table sent is not a table".to_string())
    }
}

/// Several tables in one workbook, a sheet each, and one sheet saying what they show and
/// listing their sources: the brief's tables. A single table is a book of its own.
#[derive(miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct TableBook {
    pub lang: String,
    pub title: String,
    pub tables: Vec<TableExport>,
    pub sources: Vec<String>,
    pub about: Vec<Line>,
}

impl TableBook {
    /// `tables` under the title, the lines of what they show and the sources of `cover` (a
    /// table whose own columns and rows are not written).
    pub fn new(cover: TableExport, tables: Vec<TableExport>) -> Self {
        TableBook {
            lang: cover.lang,
            title: cover.title,
            tables,
            sources: cover.sources,
            about: cover.about,
        }
    }

    /// One table as a book: its sheet, and its own title, lines and sources.
    pub fn of(table: TableExport) -> Self {
        Self::new(table.clone(), vec![table])
    }

    pub fn lang(&self) -> Lang {
        Lang::from_code(&self.lang).unwrap_or(Lang::Vi)
    }

    /// The book as JSON, as `from_json` reads it (each table as `TableExport::to_json`).
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\"lang\":");
        json_string(&mut out, &self.lang);
        out.push_str(",\"title\":");
        json_string(&mut out, &self.title);
        out.push_str(",\"tables\":[");
        for (i, table) in self.tables.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&table.to_json());
        }
        out.push(']');
        json_sources_and_lines(&mut out, &self.sources, &self.about);
        out
    }

    /// A book as `to_json` writes it, or a single table as `TableExport::to_json` does.
    pub fn from_json(json: &str) -> Result<TableBook, String> {
        miniserde::json::from_str(json).or_else(|_| TableExport::from_json(json).map(Self::of))
    }
}

/// A JSON string: quotes, backslashes and control characters escaped.
fn json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The end of a table's or book's JSON: its sources and its lines.
fn json_sources_and_lines(out: &mut String, sources: &[String], lines: &[Line]) {
    out.push_str(",\"sources\":");
    json_strings(out, sources);
    out.push_str(",\"about\":[");
    for (i, line) in lines.iter().enumerate() {
        out.push_str(if i == 0 {
            "{\"label\":"
        } else {
            ",{\"label\":"
        });
        json_string(out, &line.label);
        out.push_str(",\"value\":");
        json_string(out, &line.value);
        out.push('}');
    }
    out.push_str("]}");
}

fn json_strings(out: &mut String, texts: &[String]) {
    out.push('[');
    for (i, t) in texts.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json_string(out, t);
    }
    out.push(']');
}
