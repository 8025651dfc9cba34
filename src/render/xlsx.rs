//! chiso's one Excel writer (rust_xlsxwriter): a downloadable table or book of tables
//! (`table_export`) as a workbook, in the xlsx worker only so that the page's wasm does not
//! carry the writer; and the table sheets' common parts (`header_row`, `write_cell`), which the
//! open data's workbook (`open_data::xlsx`, native only) writes with too.
//!
//! A downloaded workbook has a sheet per table: a bold header row that stays in view (frozen
//! panes), numbers stored as numbers with their column's decimals as the number format, columns
//! as wide as their text. The last sheet, "Nguồn" or "Sources" in the book's language, says what
//! the tables show and lists their sources.

use super::table_export::{Kind, TableBook, TableExport};
use crate::i18n::Text;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

/// Excel's limit on a sheet's name, in characters.
const SHEET_NAME_MAX: usize = 31;
/// Column widths (in characters) are those of their longest text, within these bounds.
const WIDTH_MIN: usize = 6;
const WIDTH_MAX: usize = 60;

/// What a cell of a table sheet holds; missing data is an empty cell.
pub enum CellValue<'a> {
    Text(&'a str),
    Number(f64),
    Empty,
}

/// A table sheet's header: `names` in bold in the first row, which stays in view as the sheet
/// scrolls (frozen panes).
pub fn header_row<'a>(
    sheet: &mut Worksheet,
    names: impl IntoIterator<Item = &'a str>,
    bold: &Format,
) -> Result<(), XlsxError> {
    for (c, name) in names.into_iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, name, bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Writes a cell: a number (with `format`, if any, as its number format), a text, or nothing.
pub fn write_cell(
    sheet: &mut Worksheet,
    (row, column): (u32, u16),
    value: CellValue,
    format: Option<&Format>,
) -> Result<(), XlsxError> {
    match (value, format) {
        (CellValue::Number(n), Some(format)) => {
            sheet.write_number_with_format(row, column, n, format)?;
        }
        (CellValue::Number(n), None) => {
            sheet.write_number(row, column, n)?;
        }
        (CellValue::Text(text), _) => {
            sheet.write_string(row, column, text)?;
        }
        (CellValue::Empty, _) => {}
    }
    Ok(())
}

/// A sheet name Excel accepts: without `[]:*?/\`, at most 31 characters, not empty, and none of
/// `taken` (compared as Excel does, ignoring case).
fn sheet_name(title: &str, taken: &[String]) -> String {
    let name: String = title
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .take(SHEET_NAME_MAX)
        .collect();
    let name = name.trim().trim_matches('\'').trim();
    let name = if name.is_empty() { "chiso" } else { name };
    let free = |n: &str| !taken.iter().any(|t| t.to_lowercase() == n.to_lowercase());
    (1..)
        .map(|i| match i {
            1 => name.to_string(),
            i => {
                let suffix = format!(" ({i})");
                let keep = SHEET_NAME_MAX - suffix.chars().count();
                let stem: String = name.chars().take(keep).collect();
                format!("{}{suffix}", stem.trim_end())
            }
        })
        .find(|n| free(n))
        .unwrap_or_default()
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

/// A book's workbook (.xlsx): a sheet per table, then the sheet of sources; or why it could not
/// be written.
pub fn to_xlsx(book: &TableBook) -> Result<Vec<u8>, String> {
    write(book).map_err(|e| e.to_string())
}

fn table_sheet(sheet: &mut Worksheet, table: &TableExport, bold: &Format) -> Result<(), XlsxError> {
    header_row(sheet, table.columns.iter().map(|c| c.name.as_str()), bold)?;
    for (c, column) in table.columns.iter().enumerate() {
        let c = c as u16;
        let format = Format::new().set_num_format(number_format(table.decimals(c as usize)));
        for (r, row) in table.rows.iter().enumerate() {
            let cell = row.get(c as usize).map_or("", String::as_str);
            let number = (column.kind != Kind::Text)
                .then(|| crate::text::parse_decimal(cell))
                .flatten();
            let value = match number {
                Some(n) => CellValue::Number(n),
                None if cell.is_empty() => CellValue::Empty,
                None => CellValue::Text(cell),
            };
            write_cell(sheet, (r as u32 + 1, c), value, Some(&format))?;
        }
        let lengths = table
            .rows
            .iter()
            .filter_map(|row| row.get(c as usize))
            .map(|cell| cell.chars().count());
        sheet.set_column_width(c, width(lengths.chain([column.name.chars().count()])))?;
    }
    Ok(())
}

fn write(book: &TableBook) -> Result<Vec<u8>, XlsxError> {
    let lang = book.lang();
    let bold = Format::new().set_bold();
    let mut workbook = Workbook::new();
    let sources_name = lang.t(Text::Sources).to_string();
    let mut taken = vec![sources_name.clone()];
    for table in &book.tables {
        let name = sheet_name(&table.title, &taken);
        table_sheet(workbook.add_worksheet().set_name(&name)?, table, &bold)?;
        taken.push(name);
    }

    let about = workbook.add_worksheet();
    about.set_name(sources_name)?;
    about.write_string_with_format(0, 0, &book.title, &bold)?;
    about.write_string_with_format(2, 0, lang.t(Text::TableShows), &bold)?;
    let mut r = 3;
    for line in &book.about {
        about.write_string(r, 0, &line.label)?;
        about.write_string(r, 1, &line.value)?;
        r += 1;
    }
    about.write_string_with_format(r + 1, 0, lang.t(Text::Sources), &bold)?;
    for (i, source) in book.sources.iter().enumerate() {
        about.write_number(r + 2 + i as u32, 0, i as f64 + 1.0)?;
        about.write_string(r + 2 + i as u32, 1, source)?;
    }
    let labels = book.about.iter().map(|l| l.label.chars().count());
    about.set_column_width(
        0,
        width(labels.chain([lang.t(Text::TableShows).chars().count()])),
    )?;
    let values = book
        .about
        .iter()
        .map(|l| l.value.chars().count())
        .chain(book.sources.iter().map(|s| s.chars().count()));
    about.set_column_width(1, width(values))?;
    workbook.save_to_buffer()
}
