//! A downloadable table (`table_export::TableExport`) as an Excel workbook (rust_xlsxwriter; in
//! the xlsx worker only, so that the page's wasm does not carry the writer). The first sheet is
//! the table: a bold header row that stays in view (frozen panes), numbers stored as numbers
//! with their column's decimals as the number format, columns as wide as their text. The second,
//! "Nguồn" or "Sources" in the table's language, says what the table shows and lists its sources.

use super::table_export::{Kind, TableExport};
use crate::i18n::Text;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// Excel's limit on a sheet's name, in characters.
const SHEET_NAME_MAX: usize = 31;
/// Column widths (in characters) are those of their longest text, within these bounds.
const WIDTH_MIN: usize = 6;
const WIDTH_MAX: usize = 60;

/// A sheet name Excel accepts: without `[]:*?/\`, at most 31 characters, not empty.
fn sheet_name(title: &str) -> String {
    let name: String = title
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .take(SHEET_NAME_MAX)
        .collect();
    let name = name.trim().trim_matches('\'').trim();
    if name.is_empty() {
        "chiso".to_string()
    } else {
        name.to_string()
    }
}

/// The number format of a column: "0" for whole numbers, "0.00" for two decimals.
fn number_format(decimals: u8) -> String {
    match decimals {
        0 => "0".to_string(),
        d => format!("0.{}", "0".repeat(d as usize)),
    }
}

fn width(texts: impl Iterator<Item = usize>) -> f64 {
    texts.max().unwrap_or(0).clamp(WIDTH_MIN, WIDTH_MAX) as f64 + 2.0
}

/// The workbook's bytes (.xlsx), or why it could not be written.
pub fn to_xlsx(table: &TableExport) -> Result<Vec<u8>, String> {
    write(table).map_err(|e| e.to_string())
}

fn write(table: &TableExport) -> Result<Vec<u8>, XlsxError> {
    let lang = table.lang();
    let bold = Format::new().set_bold();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(&table.title))?;
    for (c, column) in table.columns.iter().enumerate() {
        let c = c as u16;
        sheet.write_string_with_format(0, c, &column.name, &bold)?;
        let format = Format::new().set_num_format(number_format(table.decimals(c as usize)));
        for (r, row) in table.rows.iter().enumerate() {
            let (r, cell) = (r as u32 + 1, row.get(c as usize).map_or("", String::as_str));
            let number = (column.kind != Kind::Text)
                .then(|| crate::text::parse_decimal(cell))
                .flatten();
            match number {
                Some(n) => sheet.write_number_with_format(r, c, n, &format)?,
                // Missing data stays an empty cell.
                None if cell.is_empty() => sheet,
                None => sheet.write_string(r, c, cell)?,
            };
        }
        let lengths = table
            .rows
            .iter()
            .filter_map(|row| row.get(c as usize))
            .map(|cell| cell.chars().count());
        sheet.set_column_width(c, width(lengths.chain([column.name.chars().count()])))?;
    }
    sheet.set_freeze_panes(1, 0)?;

    let about = book.add_worksheet();
    about.set_name(lang.t(Text::Sources))?;
    about.write_string_with_format(0, 0, &table.title, &bold)?;
    about.write_string_with_format(2, 0, lang.t(Text::TableShows), &bold)?;
    let mut r = 3;
    for line in &table.about {
        about.write_string(r, 0, &line.label)?;
        about.write_string(r, 1, &line.value)?;
        r += 1;
    }
    about.write_string_with_format(r + 1, 0, lang.t(Text::Sources), &bold)?;
    for (i, source) in table.sources.iter().enumerate() {
        about.write_number(r + 2 + i as u32, 0, i as f64 + 1.0)?;
        about.write_string(r + 2 + i as u32, 1, source)?;
    }
    let labels = table.about.iter().map(|l| l.label.chars().count());
    about.set_column_width(
        0,
        width(labels.chain([lang.t(Text::TableShows).chars().count()])),
    )?;
    let values = table
        .about
        .iter()
        .map(|l| l.value.chars().count())
        .chain(table.sources.iter().map(|s| s.chars().count()));
    about.set_column_width(1, width(values))?;
    book.save_to_buffer()
}
