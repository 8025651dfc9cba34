//! Users' workbooks (.xlsx, .xls, .ods) read with calamine into sheets of plain cells
//! (`grid::Grid`): formulas' cached values, numbers stored as text kept as text (the number
//! reader takes them), dates as ISO dates, merged regions kept. Runs in the import worker only.
//!
//! The size limit of users' files (16 MB) applies to the workbook as stored: .xlsx and .ods are
//! zipped, so that a workbook of 16 MB may hold several times as much text once unzipped; a
//! province-level annex is a few dozen KB.

use crate::data::user_files::grid::{Cell, Grid, Merge};
use crate::i18n::Lang;
use calamine::{open_workbook_from_rs, Data, Dimensions, Ods, Range, Reader, Xls, Xlsx};
use std::io::Cursor;

/// One sheet of a workbook, named.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub grid: Grid,
}

/// Why a workbook could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkbookError {
    /// Encrypted with a password: Excel saves it so.
    Password,
    /// Not a workbook calamine can read: what it said.
    Corrupt(String),
    /// Sheets, but no cell in any of them.
    Empty { sheets: Vec<String> },
}

impl WorkbookError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (WorkbookError::Password, Lang::Vi) => "Sổ tính được bảo vệ bằng mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại và chọn lại tệp.".into(),
            (WorkbookError::Password, Lang::En) => "The workbook is protected by a password. Open it in Excel, remove the password (File › Info › Protect Workbook), save it and choose it again.".into(),
            (WorkbookError::Corrupt(why), Lang::Vi) => format!("Không đọc được sổ tính (tệp hỏng hoặc không phải .xlsx, .xls, .ods): {why}. Hãy mở bằng Excel hoặc LibreOffice và lưu lại."),
            (WorkbookError::Corrupt(why), Lang::En) => format!("The workbook cannot be read (damaged, or not .xlsx, .xls or .ods): {why}. Open it in Excel or LibreOffice and save it again."),
            (WorkbookError::Empty { sheets }, Lang::Vi) => format!("Sổ tính không có ô nào có dữ liệu (các trang: {}).", sheets.join(", ")),
            (WorkbookError::Empty { sheets }, Lang::En) => format!("The workbook has no filled cell (sheets: {}).", sheets.join(", ")),
        }
    }
}

const ZIP: &[u8] = b"PK\x03\x04";
/// Compound File Binary: .xls, and an .xlsx encrypted with a password.
const CFB: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether bytes are a workbook's (a zip or a compound file) rather than text.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(ZIP) || bytes.starts_with(CFB)
}

/// Every sheet of a workbook, in the workbook's order.
pub fn read(bytes: &[u8]) -> Result<Vec<Sheet>, WorkbookError> {
    let sheets = if bytes.starts_with(CFB) {
        if encrypted(bytes) {
            return Err(WorkbookError::Password);
        }
        let mut book: Xls<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(xls_error)?;
        let mut sheets = Vec::new();
        for name in book.sheet_names() {
            let range = book.worksheet_range(&name).map_err(xls_error)?;
            let merges = book.worksheet_merge_cells(&name).unwrap_or_default();
            sheets.push(sheet(name, &range, &merges));
        }
        sheets
    } else if let Ok(mut book) = open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes)) {
        let mut sheets = Vec::new();
        for name in book.sheet_names() {
            let range = book
                .worksheet_range(&name)
                .map_err(|e| WorkbookError::Corrupt(e.to_string()))?;
            let merges = match book.worksheet_merge_cells(&name) {
                Some(Ok(merges)) => merges,
                _ => Vec::new(),
            };
            sheets.push(sheet(name, &range, &merges));
        }
        sheets
    } else {
        let mut book: Ods<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| match e {
            calamine::OdsError::Password => WorkbookError::Password,
            e => WorkbookError::Corrupt(e.to_string()),
        })?;
        let mut sheets = Vec::new();
        for name in book.sheet_names() {
            let range = book
                .worksheet_range(&name)
                .map_err(|e| WorkbookError::Corrupt(e.to_string()))?;
            sheets.push(sheet(name, &range, &[]));
        }
        sheets
    };
    if sheets.iter().all(|s| s.grid.filled_rows() == 0) {
        return Err(WorkbookError::Empty {
            sheets: sheets.into_iter().map(|s| s.name).collect(),
        });
    }
    Ok(sheets)
}

fn xls_error(e: calamine::XlsError) -> WorkbookError {
    match e {
        calamine::XlsError::Password => WorkbookError::Password,
        e => WorkbookError::Corrupt(e.to_string()),
    }
}

/// An encrypted OOXML package: a compound file holding a stream named "EncryptedPackage"
/// (names are UTF-16).
fn encrypted(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}

fn sheet(name: String, range: &Range<Data>, merges: &[Dimensions]) -> Sheet {
    let (top, left) = range.start().unwrap_or((0, 0));
    let (top, left) = (top as usize, left as usize);
    let mut grid = Grid::default();
    for (i, row) in range.rows().enumerate() {
        let mut cells: Vec<Cell> = std::iter::repeat_n(Cell::Empty, left)
            .chain(row.iter().map(cell))
            .collect();
        while cells.last().is_some_and(Cell::is_empty) {
            cells.pop();
        }
        if !cells.is_empty() {
            if grid.rows.len() <= top + i {
                grid.rows.resize(top + i + 1, Vec::new());
            }
            grid.rows[top + i] = cells;
        }
    }
    grid.merges = merges
        .iter()
        .map(|d| Merge {
            top: d.start.0 as usize,
            left: d.start.1 as usize,
            bottom: d.end.0 as usize,
            right: d.end.1 as usize,
        })
        .collect();
    Sheet { name, grid }
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::text(s),
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.into()),
        Data::DateTime(d) if d.is_datetime() => Cell::Text(iso_date(d.as_f64())),
        Data::DateTime(d) => Cell::Number(d.as_f64()),
        Data::Error(e) => Cell::Text(e.to_string()),
    }
}

/// A spreadsheet's date serial (days since 30 December 1899) as an ISO date.
fn iso_date(serial: f64) -> String {
    // Days from 1970-01-01, then the civil calendar (H. Hinnant's algorithm).
    let days = serial.floor() as i64 - 25_569;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}
