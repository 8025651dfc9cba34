//! Reading a user's own file, entirely in the browser: unit-level scores, or a province-level
//! index table (`data::user_files::index_table`), told apart by their columns; CSV, TSV or JSON.
//! Bad rows are reported with their line and reason and skipped; good rows are kept. The parse
//! runs in steps (`Importer::step`) so that a large file does not freeze the page.

use crate::data::units::{UnitScore, UnitType};
use crate::data::user_files::index_table::{self, IndexTable, Reference, Validator};
use crate::data::user_files::legacy_encodings::{self, LegacyEncoding};
use crate::i18n::{Lang, Text};
use crate::text::nfc;
use std::collections::HashSet;

/// Files above this size are refused (about 200,000 rows of typical width).
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;
pub const REQUIRED_COLUMNS: [&str; 6] =
    ["province", "year", "unit_type", "unit", "metric", "value"];
pub const OPTIONAL_COLUMNS: [&str; 2] = ["low", "high"];

/// A downloadable template: the columns and two example rows (a value and a band).
pub const TEMPLATE: &str = "province,year,unit_type,unit,metric,value,low,high\r\n\
Sơn La,2022,department,Sở Giao thông Vận tải,par_index,96.79,,\r\n\
Lào Cai,2021,district,Bảo Thắng,par_index,,90,100\r\n";

/// Why a whole file was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum FileError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    /// Not UTF-8 (nor UTF-16 with a byte-order mark), and no Vietnamese read in any legacy
    /// encoding (`legacy_encodings::decode`).
    NotUtf8,
    /// The header lacks required columns: which, the header as read and the separator found
    /// in it (`None` for JSON, whose first object's keys are the header).
    BadHeader {
        /// The kind the columns point to, if any.
        kind: Option<FileKind>,
        missing: Vec<String>,
        header: String,
        separator: Option<Separator>,
    },
    HeaderOnly,
    /// JSON that does not parse: where and why.
    BadJson(String),
    /// Sound JSON, but not an array of objects.
    NotRecords,
    /// An index table, read without the provinces to check it against (the page did not send
    /// `index_table::Reference`).
    NoProvinces,
}

/// Why one row was skipped.
#[derive(Clone, Debug, PartialEq)]
pub enum RowProblem {
    /// The CSV reader could not read the row (e.g. an unclosed quote).
    Malformed(String),
    FieldCount {
        expected: usize,
        found: usize,
    },
    Missing(&'static str),
    NotANumber {
        column: &'static str,
        text: String,
    },
    BadYear(String),
    UnknownUnitType(String),
    NoFigure,
    LowAboveHigh {
        low: f64,
        high: f64,
    },
    Duplicate,
    /// In a province's wide table of its units: a unit whose name does not tell its block, with
    /// no block chosen for such units.
    NoBlock(String),
    /// In a wide table: a choice of the mapping step (the province, the year, the units'
    /// column) left unset, named as the step names it.
    NotSet(Text),
    /// What is wrong with a row of an index table, or with a cell of a wide table (its column
    /// named by its header).
    Index(index_table::Problem),
}

#[derive(Clone, Debug, PartialEq)]
pub struct RowError {
    /// The row a spreadsheet shows for it (header = 1; see `RowStarts`), or the item number
    /// (from 1) in a JSON array.
    pub line: u64,
    pub problem: RowProblem,
}

impl FileError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (FileError::Empty, Lang::Vi) => "Tệp rỗng.".into(),
            (FileError::Empty, Lang::En) => "The file is empty.".into(),
            (FileError::TooLarge { bytes }, Lang::Vi) => format!("Tệp {} MB, vượt giới hạn {} MB.", bytes / 1_048_576, MAX_FILE_BYTES / 1_048_576),
            (FileError::TooLarge { bytes }, Lang::En) => format!("The file is {} MB, above the {} MB limit.", bytes / 1_048_576, MAX_FILE_BYTES / 1_048_576),
            (FileError::NotUtf8, Lang::Vi) => "Tệp không ở mã UTF-8, và đọc theo các bảng mã Windows-1258, TCVN3 (ABC) hay VNI-Windows đều không ra tiếng Việt. Trong Excel, hãy lưu bằng \"CSV UTF-8\".".into(),
            (FileError::NotUtf8, Lang::En) => "The file is not UTF-8, and read as Windows-1258, TCVN3 (ABC) or VNI-Windows it holds no Vietnamese. In Excel, save it as \"CSV UTF-8\".".into(),
            (FileError::BadHeader { kind, missing, header, separator }, _) => {
                let read = format!("«{}» ({})", shortened(header), separator_words(*separator, lang));
                let needs = match kind {
                    Some(kind) => kind.needs(lang),
                    None => format!("{}; {}", FileKind::UnitScores.needs(lang), FileKind::IndexTable.needs(lang)),
                };
                match (kind, lang) {
                    (Some(_), Lang::Vi) => format!("Thiếu cột {}. Dòng tiêu đề đọc được: {read}; {needs}.", missing.join(", ")),
                    (Some(_), Lang::En) => format!("Missing column(s) {}. The header read: {read}; {needs}.", missing.join(", ")),
                    (None, Lang::Vi) => format!("Không nhận ra dòng tiêu đề. Dòng tiêu đề đọc được: {read}; {needs}."),
                    (None, Lang::En) => format!("No usable header. The header read: {read}; {needs}."),
                }
            }
            (FileError::HeaderOnly, Lang::Vi) => "Tệp chỉ có dòng tiêu đề, không có dữ liệu.".into(),
            (FileError::HeaderOnly, Lang::En) => "The file has a header but no rows.".into(),
            (FileError::BadJson(e), Lang::Vi) => format!("JSON không hợp lệ (cần một mảng các đối tượng): {e}"),
            (FileError::BadJson(e), Lang::En) => format!("Invalid JSON (an array of objects is expected): {e}"),
            (FileError::NotRecords, Lang::Vi) => "JSON hợp lệ nhưng không phải một mảng các đối tượng (mỗi dòng một đối tượng).".into(),
            (FileError::NotRecords, Lang::En) => "The JSON is valid but not an array of objects (one object per row).".into(),
            (FileError::NoProvinces, Lang::Vi) => "Bảng chỉ số cần danh sách tỉnh của ứng dụng, nhưng bộ đọc tệp không nhận được danh sách đó.".into(),
            (FileError::NoProvinces, Lang::En) => "An index table needs the app's list of provinces, which did not reach the file reader.".into(),
        }
    }
}

impl RowProblem {
    pub fn message(&self, lang: Lang) -> String {
        let types: Vec<&str> = UnitType::ALL.iter().map(|t| t.key()).collect();
        match (self, lang) {
            (RowProblem::Malformed(e), Lang::Vi) => format!("dòng CSV hỏng: {e}"),
            (RowProblem::Malformed(e), Lang::En) => format!("malformed CSV: {e}"),
            (RowProblem::FieldCount { expected, found }, Lang::Vi) => {
                format!("có {found} cột, cần {expected}")
            }
            (RowProblem::FieldCount { expected, found }, Lang::En) => {
                format!("{found} fields, {expected} expected")
            }
            (RowProblem::Missing(c), Lang::Vi) => format!("thiếu {c}"),
            (RowProblem::Missing(c), Lang::En) => format!("missing {c}"),
            (RowProblem::NotANumber { column, text }, Lang::Vi) => {
                format!("{column} không phải là số: {text:?}")
            }
            (RowProblem::NotANumber { column, text }, Lang::En) => {
                format!("{column} is not a number: {text:?}")
            }
            (RowProblem::BadYear(t), Lang::Vi) => format!("năm không hợp lệ: {t:?}"),
            (RowProblem::BadYear(t), Lang::En) => format!("not a year: {t:?}"),
            (RowProblem::UnknownUnitType(t), Lang::Vi) => {
                format!("unit_type không rõ {t:?} (dùng: {})", types.join(", "))
            }
            (RowProblem::UnknownUnitType(t), Lang::En) => {
                format!("unknown unit_type {t:?} (use: {})", types.join(", "))
            }
            (RowProblem::NoFigure, Lang::Vi) => "không có value, low hay high".into(),
            (RowProblem::NoFigure, Lang::En) => "no value, low or high".into(),
            (RowProblem::LowAboveHigh { low, high }, Lang::Vi) => {
                format!("low {low} lớn hơn high {high}")
            }
            (RowProblem::LowAboveHigh { low, high }, Lang::En) => {
                format!("low {low} is above high {high}")
            }
            (RowProblem::Duplicate, Lang::Vi) => {
                "trùng khóa (tỉnh, năm, loại, đơn vị, chỉ tiêu) với một dòng trước".into()
            }
            (RowProblem::Duplicate, Lang::En) => {
                "duplicate key (province, year, unit type, unit, metric) of an earlier row".into()
            }
            (RowProblem::NoBlock(unit), _) => {
                let blocks = [Text::Departments, Text::Districts, Text::Communes]
                    .map(|t| lang.t(t).to_lowercase())
                    .join(" / ");
                let step = lang.t(Text::MappingBlock);
                match lang {
                    Lang::Vi => format!("tên {unit:?} không cho biết khối ({blocks}); hãy chọn ở mục «{step}»"),
                    Lang::En => format!("the name {unit:?} does not tell the unit's block ({blocks}); choose it under «{step}»"),
                }
            }
            (RowProblem::NotSet(what), _) => {
                format!(
                    "«{}»: {}",
                    lang.t(*what),
                    lang.t(Text::MappingNone).to_lowercase()
                )
            }
            (RowProblem::Index(problem), _) => problem.message(lang),
        }
    }
}

/// What separates the fields of a line of text, found in its header line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    Comma,
    /// As Excel writes "CSV" in a Vietnamese locale; numbers then have decimal commas.
    Semicolon,
    /// Excel's "Unicode Text", and text copied from a spreadsheet; numbers as the locale shows
    /// them, so decimal commas are read too.
    Tab,
}

impl Separator {
    /// The separator of a header line: the most frequent of tab, semicolon and comma (a tie
    /// goes to the first of these; none at all is a one-column comma file).
    pub fn detect(header_line: &str) -> Separator {
        let count = |c: char| header_line.matches(c).count();
        let (tabs, semicolons, commas) = (count('\t'), count(';'), count(','));
        if tabs > 0 && tabs >= semicolons && tabs >= commas {
            Separator::Tab
        } else if semicolons > commas {
            Separator::Semicolon
        } else {
            Separator::Comma
        }
    }

    pub fn byte(self) -> u8 {
        match self {
            Separator::Comma => b',',
            Separator::Semicolon => b';',
            Separator::Tab => b'\t',
        }
    }

    /// Whether `89,28` is a number: with semicolons or tabs between fields a comma cannot
    /// separate them, and Excel writes the locale's decimal comma.
    fn comma_decimal(self) -> bool {
        self != Separator::Comma
    }
}

/// The separator in words ("separator: tab"), or that the file was read as JSON.
fn separator_words(separator: Option<Separator>, lang: Lang) -> &'static str {
    match (separator, lang) {
        (Some(Separator::Comma), Lang::Vi) => "dấu phân cách: dấu phẩy",
        (Some(Separator::Comma), Lang::En) => "separator: comma",
        (Some(Separator::Semicolon), Lang::Vi) => "dấu phân cách: dấu chấm phẩy",
        (Some(Separator::Semicolon), Lang::En) => "separator: semicolon",
        (Some(Separator::Tab), Lang::Vi) => "dấu phân cách: tab",
        (Some(Separator::Tab), Lang::En) => "separator: tab",
        (None, Lang::Vi) => "khóa của đối tượng JSON đầu tiên",
        (None, Lang::En) => "keys of the first JSON object",
    }
}

/// A header as read, cut short if long (a file that is not a table at all has a long first line).
fn shortened(header: &str) -> String {
    const MAX_CHARS: usize = 120;
    if header.chars().count() <= MAX_CHARS {
        header.to_string()
    } else {
        format!("{}…", header.chars().take(MAX_CHARS).collect::<String>())
    }
}

/// Where each row of a delimited text starts, to number rows as a spreadsheet does: the header
/// is row 1, and every line ending outside quotes (CRLF, LF or CR alone) starts the next row,
/// so an empty line is a row of its own and a quoted field holding line breaks stays in its
/// row. (The CSV reader's own line count counts LF only, skips empty lines and counts line
/// breaks inside quotes, which is none of these.)
pub(crate) struct RowStarts(Vec<usize>);

impl RowStarts {
    /// Quotes are read as the CSV reader reads them: one opens a quoted field only at the start
    /// of a field, and two in a quoted field are one quote.
    pub(crate) fn of(text: &[u8], separator: u8) -> RowStarts {
        #[derive(Clone, Copy, PartialEq)]
        enum State {
            FieldStart,
            Field,
            Quoted,
            QuoteInQuoted,
        }
        let mut starts = vec![0];
        let mut state = State::FieldStart;
        let mut i = 0;
        while i < text.len() {
            let b = text[i];
            state = match state {
                State::Quoted if b == b'"' => State::QuoteInQuoted,
                State::Quoted => State::Quoted,
                _ if b == b'\r' || b == b'\n' => {
                    if b == b'\r' && text.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                    State::FieldStart
                }
                State::QuoteInQuoted if b == b'"' => State::Quoted,
                _ if b == separator => State::FieldStart,
                State::FieldStart if b == b'"' => State::Quoted,
                _ => State::Field,
            };
            i += 1;
        }
        RowStarts(starts)
    }

    /// The row (from 1) of a record the CSV reader says starts at byte `at`. The reader's
    /// position may be that of empty lines skipped before the record, or of the LF of a CRLF:
    /// the record itself starts at the first byte after them.
    pub(crate) fn row(&self, text: &[u8], at: usize) -> u64 {
        let start = text
            .get(at..)
            .and_then(|rest| rest.iter().position(|b| *b != b'\r' && *b != b'\n'))
            .map_or(text.len(), |skipped| at + skipped);
        self.0.partition_point(|&s| s <= start) as u64
    }
}

/// Text from bytes, and the legacy encoding it was converted from, if any: UTF-8 (a BOM is
/// dropped) or UTF-16 with a BOM, whose text may still be typed in a TCVN3 or VNI font
/// (`legacy_encodings::convert_text`); other bytes in the legacy encoding that reads as
/// Vietnamese; anything else is refused.
pub fn decode(bytes: &[u8]) -> Result<(String, Option<LegacyEncoding>), FileError> {
    const BOMS: [&[u8]; 3] = [&[0xEF, 0xBB, 0xBF], &[0xFF, 0xFE], &[0xFE, 0xFF]];
    match unicode(bytes) {
        Ok(text) => Ok(match legacy_encodings::convert_text(&text) {
            Some((converted, encoding)) => (converted, Some(encoding)),
            None => (text, None),
        }),
        // A byte-order mark says Unicode: broken Unicode is not read as something else.
        Err(error) if BOMS.iter().any(|bom| bytes.starts_with(bom)) => Err(error),
        Err(error) => legacy_encodings::decode(bytes)
            .map(|(text, encoding)| (text, Some(encoding)))
            .ok_or(error),
    }
}

/// Text from bytes in UTF-8 (a BOM is dropped) or UTF-16 with a BOM.
fn unicode(bytes: &[u8]) -> Result<String, FileError> {
    let utf16 = |bytes: &[u8], le: bool| {
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| FileError::NotUtf8)
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => std::str::from_utf8(rest)
            .map(str::to_string)
            .map_err(|_| FileError::NotUtf8),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
        _ => std::str::from_utf8(bytes)
            .map(str::to_string)
            .map_err(|_| FileError::NotUtf8),
    }
}

/// The two kinds of file, told apart by their columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Departments' and districts' scores (`province,year,unit_type,unit,metric,value`).
    UnitScores,
    /// A province-level index table (`index,year,province,value`; see `data::user_files::index_table`).
    IndexTable,
}

impl FileKind {
    /// An `index` column without `unit_type` makes an index table; any column of unit scores
    /// makes unit scores; neither is `None`.
    fn of(columns: &[String]) -> Option<FileKind> {
        let has = |c: &str| columns.iter().any(|h| h == c);
        if has("index") && !has("unit_type") {
            Some(FileKind::IndexTable)
        } else if ["unit_type", "unit", "metric"].iter().any(|c| has(c)) {
            Some(FileKind::UnitScores)
        } else {
            None
        }
    }

    fn required(self) -> &'static [&'static str] {
        match self {
            FileKind::UnitScores => &REQUIRED_COLUMNS,
            FileKind::IndexTable => &index_table::REQUIRED_COLUMNS,
        }
    }

    /// The columns it needs, in words.
    fn needs(self, lang: Lang) -> String {
        match (self, lang) {
            (FileKind::UnitScores, Lang::Vi) => format!(
                "tệp điểm của các đơn vị cần các cột {} (tùy chọn: {})",
                REQUIRED_COLUMNS.join(","),
                OPTIONAL_COLUMNS.join(",")
            ),
            (FileKind::UnitScores, Lang::En) => format!(
                "a file of unit scores needs the columns {} (optional: {})",
                REQUIRED_COLUMNS.join(","),
                OPTIONAL_COLUMNS.join(",")
            ),
            (FileKind::IndexTable, Lang::Vi) => format!(
                "bảng chỉ số theo tỉnh cần các cột {} (tùy chọn: {})",
                index_table::REQUIRED_COLUMNS.join(","),
                index_table::OPTIONAL_COLUMNS.join(",")
            ),
            (FileKind::IndexTable, Lang::En) => format!(
                "an index table needs the columns {} (optional: {})",
                index_table::REQUIRED_COLUMNS.join(","),
                index_table::OPTIONAL_COLUMNS.join(",")
            ),
        }
    }

    /// The kind of a header, or why it is not usable.
    fn check(
        columns: &[String],
        header: String,
        separator: Option<Separator>,
    ) -> Result<FileKind, FileError> {
        let kind = FileKind::of(columns);
        let missing: Vec<String> = kind
            .map(FileKind::required)
            .unwrap_or_default()
            .iter()
            .filter(|c| !columns.iter().any(|h| h == *c))
            .map(|c| c.to_string())
            .collect();
        match kind {
            Some(kind) if missing.is_empty() => Ok(kind),
            _ => Err(FileError::BadHeader {
                kind,
                missing,
                header,
                separator,
            }),
        }
    }
}

/// The outcome of an import: the good rows of one kind, and the bad rows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Import {
    /// The rows of a file of unit scores (empty for an index table) …
    pub scores: Vec<UnitScore>,
    /// … and the line of each (as a spreadsheet shows it; a JSON file's item number).
    pub score_lines: Vec<u64>,
    /// The rows of an index table (`None` for unit scores).
    pub index: Option<IndexTable>,
    pub errors: Vec<RowError>,
    /// The legacy encoding the file's Vietnamese was converted from, if any.
    pub converted_from: Option<LegacyEncoding>,
}

/// Looks a cell up by column name.
type CellLookup<'a> = Box<dyn Fn(&str) -> Option<String> + 'a>;

/// One row's cells by column name, before validation.
pub(crate) struct Cells<'a> {
    get: CellLookup<'a>,
}

impl<'a> Cells<'a> {
    pub(crate) fn of(get: impl Fn(&str) -> Option<String> + 'a) -> Cells<'a> {
        Cells { get: Box::new(get) }
    }

    pub(crate) fn text(&self, column: &str) -> String {
        (self.get)(column)
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    }

    /// A cell that must not be empty.
    pub(crate) fn required(&self, column: &'static str) -> Result<String, RowProblem> {
        let text = self.text(column);
        if text.is_empty() {
            Err(RowProblem::Missing(column))
        } else {
            Ok(text)
        }
    }
}

/// Reads a number as written in a file: a dot decimal, or a comma decimal in a file whose
/// fields are separated by semicolons or tabs (as Excel writes them in a Vietnamese locale).
pub(crate) fn number(
    text: &str,
    comma_decimal: bool,
    column: &'static str,
) -> Result<Option<f64>, RowProblem> {
    if text.is_empty() {
        return Ok(None);
    }
    let normalised = if comma_decimal {
        text.replace(',', ".")
    } else {
        text.to_string()
    };
    match crate::text::parse_decimal(&normalised) {
        Some(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(RowProblem::NotANumber {
            column,
            text: text.to_string(),
        }),
    }
}

/// A year cell: a whole year from 1990 to 2100.
pub(crate) fn year(text: &str) -> Result<u16, RowProblem> {
    text.parse::<u16>()
        .ok()
        .filter(|y| (1990..=2100).contains(y))
        .ok_or_else(|| RowProblem::BadYear(text.to_string()))
}

pub(crate) fn validate(
    cells: &Cells,
    comma_decimal: bool,
    source: &str,
) -> Result<UnitScore, RowProblem> {
    let province = nfc(&cells.required("province")?);
    let year = year(&cells.required("year")?)?;
    let type_text = cells.required("unit_type")?;
    let unit_type = UnitType::from_key(&type_text.to_ascii_lowercase())
        .ok_or(RowProblem::UnknownUnitType(type_text))?;
    let unit = nfc(&cells.required("unit")?);
    let metric = cells.required("metric")?;
    let value = number(&cells.text("value"), comma_decimal, "value")?;
    let low = number(&cells.text("low"), comma_decimal, "low")?;
    let high = number(&cells.text("high"), comma_decimal, "high")?;
    if value.is_none() && low.is_none() && high.is_none() {
        return Err(RowProblem::NoFigure);
    }
    if let (Some(low), Some(high)) = (low, high) {
        if low > high {
            return Err(RowProblem::LowAboveHigh { low, high });
        }
    }
    Ok(UnitScore {
        province,
        year,
        unit_type,
        unit,
        metric,
        value,
        low,
        high,
        measure: None,
        note: None,
        note_vi: None,
        derived: false,
        source: source.to_string(),
    })
}

enum Rows {
    Csv {
        reader: csv::Reader<std::io::Cursor<Vec<u8>>>,
        headers: Vec<String>,
        separator: Separator,
        rows: RowStarts,
    },
    Json {
        items: std::vec::IntoIter<miniserde::json::Object>,
        next: u64,
    },
}

/// The good rows so far, by kind of file.
enum Kept {
    UnitScores {
        seen: HashSet<(String, u16, UnitType, String, String)>,
        scores: Vec<UnitScore>,
        lines: Vec<u64>,
    },
    IndexTable(Validator),
}

impl Kept {
    /// Checks a row and keeps it if it is good.
    fn accept(
        &mut self,
        cells: &Cells,
        comma_decimal: bool,
        file: &str,
        line: u64,
    ) -> Result<(), RowProblem> {
        match self {
            Kept::UnitScores {
                seen,
                scores,
                lines,
            } => {
                let score = validate(cells, comma_decimal, file)?;
                let key = (
                    score.province.clone(),
                    score.year,
                    score.unit_type,
                    score.unit.clone(),
                    score.metric.clone(),
                );
                if !seen.insert(key) {
                    return Err(RowProblem::Duplicate);
                }
                scores.push(score);
                lines.push(line);
                Ok(())
            }
            Kept::IndexTable(validator) => validator.row(cells, comma_decimal, line),
        }
    }
}

/// An import in progress: `step` reads a bounded number of rows at a time.
pub struct Importer {
    name: String,
    rows: Rows,
    total_bytes: usize,
    kept: Kept,
    done_rows: u64,
    errors: Vec<RowError>,
    converted_from: Option<LegacyEncoding>,
}

impl Importer {
    /// Checks the file as a whole (size, encoding, header and so its kind) and prepares to read
    /// its rows. `reference` (the provinces and the bundled indices' scales) checks the rows of
    /// an index table; a file of unit scores does without.
    pub fn new(name: &str, bytes: &[u8], reference: Reference) -> Result<Importer, FileError> {
        if bytes.len() > MAX_FILE_BYTES {
            return Err(FileError::TooLarge { bytes: bytes.len() });
        }
        let (text, converted_from) = decode(bytes)?;
        let trimmed = text.trim_start();
        if trimmed.is_empty() {
            return Err(FileError::Empty);
        }
        let (kind, rows) = if trimmed.starts_with('[') || trimmed.starts_with('{') {
            let items: Vec<miniserde::json::Object> = miniserde::json::from_str(trimmed).map_err(
                |_| match crate::data::model::broken_at(trimmed) {
                    Some(e) => FileError::BadJson(e.to_string()),
                    None => FileError::NotRecords,
                },
            )?;
            let Some(first) = items.first() else {
                return Err(FileError::HeaderOnly);
            };
            let mut keys: Vec<String> = first.keys().cloned().collect();
            keys.sort_unstable();
            let kind = FileKind::check(&keys, keys.join(","), None)?;
            let rows = Rows::Json {
                items: items.into_iter(),
                next: 1,
            };
            (kind, rows)
        } else {
            // A file with CR alone at line ends is one line to `str::lines`.
            let header_line = trimmed.split(['\r', '\n']).next().unwrap_or("").to_string();
            let separator = Separator::detect(&header_line);
            let rows = RowStarts::of(text.as_bytes(), separator.byte());
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(separator.byte())
                .flexible(true)
                .from_reader(std::io::Cursor::new(text.into_bytes()));
            let headers: Vec<String> = match reader.headers() {
                Ok(headers) => headers
                    .iter()
                    .map(|h| h.trim().trim_start_matches('\u{FEFF}').to_ascii_lowercase())
                    .collect(),
                Err(_) => Vec::new(),
            };
            let kind = FileKind::check(&headers, header_line, Some(separator))?;
            let rows = Rows::Csv {
                reader,
                headers,
                separator,
                rows,
            };
            (kind, rows)
        };
        let kept = match kind {
            FileKind::UnitScores => Kept::UnitScores {
                seen: HashSet::new(),
                scores: Vec::new(),
                lines: Vec::new(),
            },
            FileKind::IndexTable if reference.places.is_empty() => {
                return Err(FileError::NoProvinces)
            }
            FileKind::IndexTable => Kept::IndexTable(Validator::new(name, reference)),
        };
        let mut importer = Importer {
            name: name.to_string(),
            rows,
            total_bytes: bytes.len(),
            kept,
            done_rows: 0,
            errors: Vec::new(),
            converted_from,
        };
        if importer.is_header_only() {
            return Err(FileError::HeaderOnly);
        }
        Ok(importer)
    }

    fn is_header_only(&mut self) -> bool {
        match &mut self.rows {
            Rows::Csv { reader, .. } => {
                let position = reader.position().clone();
                let mut record = csv::StringRecord::new();
                let empty = !matches!(reader.read_record(&mut record), Ok(true));
                let _ = reader.seek(position);
                empty
            }
            Rows::Json { .. } => false,
        }
    }

    /// Reads up to `max_rows` rows; returns true when the file is finished.
    pub fn step(&mut self, max_rows: usize) -> bool {
        let Importer {
            name, rows, kept, ..
        } = self;
        for _ in 0..max_rows {
            let (line, outcome) = match rows {
                Rows::Csv {
                    reader,
                    headers,
                    separator,
                    rows,
                } => {
                    let mut record = csv::StringRecord::new();
                    let read = reader.read_record(&mut record);
                    let text = reader.get_ref().get_ref();
                    let row_at = |position: Option<&csv::Position>| {
                        position.map_or(0, |p| rows.row(text, p.byte() as usize))
                    };
                    match read {
                        Ok(false) => return true,
                        Err(e) => (
                            row_at(e.position()),
                            Err(RowProblem::Malformed(e.to_string())),
                        ),
                        Ok(true) => {
                            let line = row_at(record.position());
                            if record.iter().all(|f| f.trim().is_empty()) {
                                continue;
                            }
                            if record.len() != headers.len() {
                                (
                                    line,
                                    Err(RowProblem::FieldCount {
                                        expected: headers.len(),
                                        found: record.len(),
                                    }),
                                )
                            } else {
                                let cells = Cells {
                                    get: Box::new(|c: &str| {
                                        headers
                                            .iter()
                                            .position(|h| h == c)
                                            .and_then(|i| record.get(i))
                                            .map(str::to_string)
                                    }),
                                };
                                let comma_decimal = separator.comma_decimal();
                                (line, kept.accept(&cells, comma_decimal, name, line))
                            }
                        }
                    }
                }
                Rows::Json { items, next } => {
                    let Some(item) = items.next() else {
                        return true;
                    };
                    let line = *next;
                    *next += 1;
                    let cells = Cells {
                        get: Box::new(move |c: &str| {
                            item.get(c).and_then(|v| match v {
                                miniserde::json::Value::String(s) => Some(s.clone()),
                                miniserde::json::Value::Number(n) => Some(n.to_string()),
                                miniserde::json::Value::Null => None,
                                other => Some(miniserde::json::to_string(other)),
                            })
                        }),
                    };
                    (line, kept.accept(&cells, false, name, line))
                }
            };
            self.done_rows += 1;
            if let Err(problem) = outcome {
                self.errors.push(RowError { line, problem });
            }
        }
        false
    }

    /// The share of the file read so far (0–1).
    pub fn progress(&self) -> f64 {
        match &self.rows {
            Rows::Csv { reader, .. } => {
                reader.position().byte() as f64 / self.total_bytes.max(1) as f64
            }
            Rows::Json { items, next } => {
                let total = items.len() as f64 + *next as f64 - 1.0;
                (*next as f64 - 1.0) / total.max(1.0)
            }
        }
    }

    pub fn rows_read(&self) -> u64 {
        self.done_rows
    }

    pub fn finish(self) -> Import {
        let (errors, converted_from) = (self.errors, self.converted_from);
        match self.kept {
            Kept::UnitScores { scores, lines, .. } => Import {
                scores,
                score_lines: lines,
                index: None,
                errors,
                converted_from,
            },
            Kept::IndexTable(validator) => Import {
                scores: Vec::new(),
                score_lines: Vec::new(),
                index: Some(validator.finish()),
                errors,
                converted_from,
            },
        }
    }
}

/// A message in both languages: the import runs in a web worker, and the page may switch
/// language after the worker is gone.
#[derive(miniserde::Serialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Bilingual {
    pub vi: String,
    pub en: String,
}

impl Bilingual {
    /// The same text in both languages, from the translation table, with a detail after it.
    pub fn of(text: crate::i18n::Text, detail: &str) -> Bilingual {
        let with = |lang: Lang| format!("{}{detail}", lang.t(text));
        Bilingual {
            vi: with(Lang::Vi),
            en: with(Lang::En),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.vi, &self.en)
    }
}

impl FileError {
    pub fn bilingual(&self) -> Bilingual {
        Bilingual {
            vi: self.message(Lang::Vi),
            en: self.message(Lang::En),
        }
    }
}

/// A skipped row: its line (or item number) and why, in both languages.
#[derive(miniserde::Serialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct RowMessage {
    pub line: u64,
    pub why: Bilingual,
}

/// The import worker's first message: it is listening (what the page sends before that is lost).
pub const WORKER_READY: &str = "ready";

/// What the import worker tells the page, one JSON message at a time: progress while it reads,
/// then either why the file was refused, or the rows kept and the rows skipped.
#[derive(miniserde::Serialize, miniserde::Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Reply {
    /// Share of the file read (0–1) and rows read so far.
    pub progress: Option<f64>,
    pub rows: Option<u64>,
    pub refused: Option<Bilingual>,
    /// The rows kept of a file of unit scores, with their lines …
    pub scores: Option<Vec<UnitScore>>,
    pub score_lines: Option<Vec<u64>>,
    /// … or of an index table.
    pub index: Option<SentTable>,
    pub errors: Option<Vec<RowMessage>>,
    /// With the rows: what was done to the file's text to read it (converted from a legacy
    /// encoding).
    pub note: Option<Bilingual>,
    /// Instead of rows, for a file in a publisher's layout: the JSON of the mapping step's
    /// `mapping_step::Proposal` (read by the page's mapping step only, as the tables are).
    pub proposal: Option<String>,
    /// With the rows of a confirmed mapping: the JSON of its `mapping_step::Choice`, kept with
    /// the file, and of the choices remembered by shape, this one added (`mapping_step::run`).
    pub choice: Option<String>,
    pub remembered: Option<String>,
}

/// An index table as the worker sends it: the page only counts its rows and hands the table
/// back to the worker that merges the user's tables (`ui::worker`), so it keeps the JSON the
/// worker wrote instead of reading it (less code in the page's wasm).
#[derive(miniserde::Serialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct SentTable {
    pub rows: u64,
    /// The JSON of the `IndexTable`.
    pub json: String,
}

impl SentTable {
    pub fn of(table: &IndexTable) -> SentTable {
        SentTable {
            rows: table.rows.len() as u64,
            json: miniserde::json::to_string(table),
        }
    }

    /// The JSON of a list of tables, in order.
    pub fn list(tables: &[std::rc::Rc<SentTable>]) -> String {
        let items: Vec<&str> = tables.iter().map(|t| t.json.as_str()).collect();
        format!("[{}]", items.join(","))
    }
}

impl Reply {
    pub fn is_final(&self) -> bool {
        self.refused.is_some()
            || self.scores.is_some()
            || self.index.is_some()
            || self.proposal.is_some()
    }

    /// The reply refusing a file, and why.
    pub fn refused(why: Bilingual) -> Reply {
        Reply {
            refused: Some(why),
            ..Reply::default()
        }
    }

    /// The last reply of a file read: its rows and the rows skipped, each with its line.
    pub fn of(result: Import) -> Reply {
        let errors = result
            .errors
            .iter()
            .map(|e| RowMessage {
                line: e.line,
                why: Bilingual {
                    vi: e.problem.message(Lang::Vi),
                    en: e.problem.message(Lang::En),
                },
            })
            .collect();
        let (scores, score_lines, index) = match result.index {
            Some(table) => (None, None, Some(SentTable::of(&table))),
            None => (Some(result.scores), Some(result.score_lines), None),
        };
        let note = result.converted_from.map(|encoding| Bilingual {
            vi: encoding.note(Lang::Vi),
            en: encoding.note(Lang::En),
        });
        Reply {
            scores,
            score_lines,
            index,
            errors: Some(errors),
            note,
            ..Reply::default()
        }
    }
}

/// Imports a file `chunk` rows at a time, telling `send` the progress after each step and
/// the outcome at the end: the whole work of the import worker, testable natively.
pub fn run(
    name: &str,
    bytes: &[u8],
    reference: Reference,
    chunk: usize,
    mut send: impl FnMut(Reply),
) {
    let mut importer = match Importer::new(name, bytes, reference) {
        Ok(importer) => importer,
        Err(error) => return send(Reply::refused(error.bilingual())),
    };
    while !importer.step(chunk) {
        send(Reply {
            progress: Some(importer.progress()),
            rows: Some(importer.rows_read()),
            ..Reply::default()
        });
    }
    send(Reply::of(importer.finish()));
}

/// Reads a whole file at once (tests, small files).
pub fn import(name: &str, bytes: &[u8], reference: Reference) -> Result<Import, FileError> {
    let mut importer = Importer::new(name, bytes, reference)?;
    while !importer.step(10_000) {}
    Ok(importer.finish())
}
