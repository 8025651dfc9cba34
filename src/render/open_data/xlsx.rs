//! The open data as an Excel workbook (native only; its table sheets written as
//! `render::xlsx` writes every table sheet): the long table of values,
//! the components and the national averages, numbers as numbers, each header bold with its row frozen and a filter,
//! and a sheet of the citation, the publishers' terms, every source and every column.

use super::{
    component_rows, national_rows, value_rows, Cell, Column, COMPONENT_COLUMNS, NATIONAL_COLUMNS,
    PUBLISHERS, VALUE_COLUMNS,
};
use crate::data::model::Dataset;
use crate::i18n::Lang;
use crate::render::xlsx::{header_row, write_cell, CellValue};
use rust_xlsxwriter::{DocProperties, Format, Workbook, Worksheet, XlsxError};

/// The sheets' names.
pub const VALUES_SHEET: &str = "values";
pub const COMPONENTS_SHEET: &str = "components";
pub const NATIONAL_SHEET: &str = "national";
pub const SOURCES_SHEET: &str = "sources";

fn table(
    sheet: &mut Worksheet,
    bold: &Format,
    columns: &[Column],
    rows: &[Vec<Cell>],
) -> Result<(), XlsxError> {
    header_row(sheet, columns.iter().map(|c| c.name), bold)?;
    for (c, column) in columns.iter().enumerate() {
        let width = if column.kind == "string" { 16 } else { 10 };
        sheet.set_column_width(c as u16, width)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let value = match cell {
                Cell::Text(s) => CellValue::Text(s),
                Cell::Integer(i) => CellValue::Number(*i as f64),
                Cell::Number(v) => CellValue::Number(*v),
                Cell::Empty => CellValue::Empty,
            };
            write_cell(sheet, (r as u32 + 1, c as u16), value, None)?;
        }
    }
    sheet.autofilter(0, 0, rows.len() as u32, columns.len() as u16 - 1)?;
    Ok(())
}

/// The sheet of sources: how to cite (both languages), each publisher and its terms, each
/// source by its id (the `source` column of the values), and what each column holds.
fn sources(
    sheet: &mut Worksheet,
    bold: &Format,
    dataset: &Dataset,
    site: &str,
) -> Result<(), XlsxError> {
    sheet.set_column_width(0, 18)?;
    sheet.set_column_width(1, 60)?;
    sheet.set_column_width(2, 80)?;
    let mut r = 0;
    sheet.write_string_with_format(r, 0, "How to cite", bold)?;
    sheet.write_string(r, 1, Lang::En.citation(Some(site)))?;
    r += 1;
    sheet.write_string_with_format(r, 0, "Cách trích dẫn", bold)?;
    sheet.write_string(r, 1, Lang::Vi.citation(Some(site)))?;
    r += 2;
    for (c, head) in ["index", "publisher", "terms"].into_iter().enumerate() {
        sheet.write_string_with_format(r, c as u16, head, bold)?;
    }
    for p in &PUBLISHERS {
        r += 1;
        sheet.write_string(r, 0, p.index)?;
        sheet.write_string(r, 1, format!("{} ({})", p.title, p.path))?;
        sheet.write_string(r, 2, p.terms)?;
    }
    r += 2;
    sheet.write_string_with_format(r, 0, "source", bold)?;
    sheet.write_string_with_format(r, 1, "citation", bold)?;
    for s in &dataset.sources {
        r += 1;
        sheet.write_number(r, 0, s.id)?;
        sheet.write_string(r, 1, &s.citation)?;
    }
    r += 2;
    for (c, head) in ["column", "type", "what it holds"].into_iter().enumerate() {
        sheet.write_string_with_format(r, c as u16, head, bold)?;
    }
    let sheets = [
        (VALUES_SHEET, &VALUE_COLUMNS[..]),
        (COMPONENTS_SHEET, &COMPONENT_COLUMNS[..]),
        (NATIONAL_SHEET, &NATIONAL_COLUMNS[..]),
    ];
    for (name, columns) in sheets {
        for column in columns {
            r += 1;
            sheet.write_string(r, 0, format!("{name}.{}", column.name))?;
            sheet.write_string(r, 1, column.kind)?;
            sheet.write_string(r, 2, column.description)?;
        }
    }
    Ok(())
}

/// The workbook's bytes.
pub fn workbook(dataset: &Dataset, site: &str) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title("chiso: Vietnam's provincial governance indices")
            .set_author("chiso contributors")
            .set_comment(Lang::En.citation(Some(site))),
    );
    let bold = Format::new().set_bold();
    table(
        book.add_worksheet().set_name(VALUES_SHEET)?,
        &bold,
        &VALUE_COLUMNS,
        &value_rows(dataset),
    )?;
    table(
        book.add_worksheet().set_name(COMPONENTS_SHEET)?,
        &bold,
        &COMPONENT_COLUMNS,
        &component_rows(dataset),
    )?;
    table(
        book.add_worksheet().set_name(NATIONAL_SHEET)?,
        &bold,
        &NATIONAL_COLUMNS,
        &national_rows(dataset),
    )?;
    sources(
        book.add_worksheet().set_name(SOURCES_SHEET)?,
        &bold,
        dataset,
        site,
    )?;
    book.save_to_buffer()
}
