//! The mapping step of a file in a publisher's layout (a workbook, or a CSV that is not chiso's
//! long format): what chiso proposes (the sheets with their sizes and the likeliest chosen, the
//! table found, each column's role, the index, year and decimal mark guessed, the first rows as
//! they will be read with each problem, the rows set aside), and the user's confirmed choice
//! applied. Both are plain data, sent between the import worker and the page as JSON.

use crate::data::user_files::column_mapping::{self, guess, Mapping, Role};
use crate::data::user_files::grid::{Cell, Grid};
use crate::data::user_files::import::{
    decode, Bilingual, FileError, Import, Importer, Reply, Separator,
};
use crate::data::user_files::index_table::Reference;
use crate::data::user_files::legacy_encodings::{self, LegacyEncoding};
use crate::data::user_files::numbers::Decimal;
use crate::data::user_files::spelling::Resolver;
use crate::data::user_files::table_finder::{find, Aside, Table};
use crate::data::user_files::workbook::{self, Sheet};
use crate::i18n::{Lang, Text};
use std::collections::BTreeMap;

/// Rows shown in the preview.
pub const PREVIEW_ROWS: usize = 8;

#[derive(miniserde::Serialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct SheetSize {
    pub name: String,
    pub rows: u64,
    pub columns: u64,
}

#[derive(miniserde::Serialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct ProposedColumn {
    /// Its letter in the sheet ("C").
    pub letter: String,
    pub header: String,
    pub unit: Option<String>,
    /// `column_mapping::Role::key`.
    pub role: String,
}

#[derive(miniserde::Serialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct PreviewRow {
    pub line: u64,
    /// One per column, as in the sheet.
    pub cells: Vec<String>,
    /// What the checks say of the row, if anything.
    pub problem: Option<Bilingual>,
}

#[derive(miniserde::Serialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct AsideRow {
    pub line: u64,
    pub why: Bilingual,
    pub text: String,
}

/// What chiso proposes for a file.
#[derive(miniserde::Serialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Proposal {
    pub file: String,
    pub sheets: Vec<SheetSize>,
    /// The sheet read (the one with most province names unless chosen).
    pub sheet: u64,
    pub header_lines: Vec<u64>,
    pub columns: Vec<ProposedColumn>,
    pub index: Option<String>,
    pub year: Option<u16>,
    /// `numbers::Decimal::key`.
    pub decimal: String,
    pub decimal_words: Bilingual,
    pub preview: Vec<PreviewRow>,
    pub rows: u64,
    pub set_aside: Vec<AsideRow>,
    /// The headers' shape, to remember a confirmed mapping by.
    pub shape: String,
    /// Said when the file's text was converted from a legacy encoding (TCVN3, VNI, Windows-1258).
    pub note: Option<Bilingual>,
    /// Whether the roles are a choice confirmed before for a file of the same shape.
    pub remembered: bool,
    /// Each index's components as chiso knows them, for the roles a column can be given.
    pub components: Vec<NamedComponent>,
}

/// A component a column can be, by its key and names.
#[derive(miniserde::Serialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct NamedComponent {
    pub index: String,
    pub key: String,
    pub name: Bilingual,
}

/// The user's choice for a file (or a remembered one for a file of the same shape).
#[derive(miniserde::Serialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct Choice {
    pub sheet: u64,
    pub index: Option<String>,
    pub year: Option<u16>,
    pub decimal: String,
    pub roles: Vec<String>,
}

impl Choice {
    fn mapping(&self, columns: usize) -> Mapping {
        let mut roles: Vec<Role> = self
            .roles
            .iter()
            .map(|k| Role::from_key(k).unwrap_or(Role::Ignored))
            .collect();
        roles.resize(columns, Role::Ignored);
        Mapping {
            index: self.index.clone(),
            year: self.year,
            decimal: Decimal::from_key(&self.decimal).unwrap_or(Decimal::Point),
            roles,
        }
    }
}

/// A sheet's column letter: A … Z, AA …
pub fn letter(col: usize) -> String {
    let mut n = col + 1;
    let mut letters = Vec::new();
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// A file's sheets, and the decimal mark its numbers use where its cells do not tell (a
/// semicolon or tab text is Excel's in a Vietnamese locale).
/// A workbook typed in a TCVN3 or VNI font is converted to Unicode (one decision for all its
/// text cells, `legacy_encodings::decide`), as a legacy-encoded text is by `decode`; the
/// encoding converted from is the last part.
fn sheets_of(
    name: &str,
    bytes: &[u8],
) -> Result<(Vec<Sheet>, Decimal, Option<LegacyEncoding>), Bilingual> {
    if workbook::is_workbook(bytes) {
        let mut sheets = workbook::read(bytes).map_err(|e| Bilingual {
            vi: e.message(Lang::Vi),
            en: e.message(Lang::En),
        })?;
        let texts = sheets.iter().flat_map(|s| s.grid.rows.iter().flatten());
        let encoding = legacy_encodings::decide(texts.filter_map(|cell| match cell {
            Cell::Text(text) => Some(text.as_str()),
            _ => None,
        }));
        if let Some(encoding) = encoding {
            for cell in sheets
                .iter_mut()
                .flat_map(|s| s.grid.rows.iter_mut().flatten())
            {
                if let Cell::Text(text) = cell {
                    if let Some(converted) = legacy_encodings::convert(text, encoding) {
                        *text = converted;
                    }
                }
            }
        }
        return Ok((sheets, Decimal::Point, encoding));
    }
    let (text, encoding) = decode(bytes).map_err(|e| e.bilingual())?;
    let (grid, separator) = Grid::of_text(&text);
    let decimal = match separator {
        Separator::Comma => Decimal::Point,
        Separator::Semicolon | Separator::Tab => Decimal::Comma,
    };
    let sheet = Sheet {
        name: name.to_string(),
        grid,
    };
    Ok((vec![sheet], decimal, encoding))
}

fn aside_words(why: Aside) -> Bilingual {
    let (vi, en) = match why {
        Aside::Summary => (
            "dòng tổng hợp (bình quân, cả nước), không phải một tỉnh",
            "a summary row (average, national), not a province",
        ),
        Aside::Footnote => ("ghi chú dưới bảng", "a note below the table"),
        Aside::NoFigures => (
            "dòng không có số liệu (tiêu đề nhóm)",
            "a row without figures (a group's heading)",
        ),
    };
    Bilingual {
        vi: vi.into(),
        en: en.into(),
    }
}

/// Why no table was found: the sheets and the rows that looked most like a header.
fn no_table(sheets: &[Sheet], grid: &Grid) -> Bilingual {
    let headers = find(grid, &|_| false)
        .err()
        .map(|n| {
            n.likeliest_headers
                .iter()
                .map(|(line, text)| format!("{line}: «{text}»"))
                .collect::<Vec<_>>()
                .join("; ")
        })
        .unwrap_or_default();
    let list = sheets
        .iter()
        .map(|s| format!("{} ({}×{})", s.name, s.grid.filled_rows(), s.grid.width()))
        .collect::<Vec<_>>()
        .join(", ");
    Bilingual {
        vi: format!("Không tìm thấy bảng theo tỉnh: không cột nào có tên tỉnh, thành phố. Các trang: {list}. Các dòng giống dòng tiêu đề nhất: {headers}. Hãy kiểm tra tệp có một cột tên tỉnh, mỗi tỉnh một dòng."),
        en: format!("No province table found: no column holds province names. Sheets: {list}. Rows most like a header: {headers}. Check that the file has a column of province names, one row per province."),
    }
}

/// A file read for the mapping step.
struct Read {
    sheets: Vec<Sheet>,
    /// The sheet whose table is read.
    chosen: usize,
    table: Table,
    /// The decimal mark where the cells do not tell.
    otherwise: Decimal,
    /// The legacy encoding its text was converted from, if any.
    converted_from: Option<LegacyEncoding>,
}

/// The sheet, table and guesses of a file: `sheet` as chosen, or the one with most provinces.
fn read(
    name: &str,
    bytes: &[u8],
    reference: &Reference,
    sheet: Option<usize>,
) -> Result<Read, Bilingual> {
    let (sheets, otherwise, converted_from) = sheets_of(name, bytes)?;
    let resolver = Resolver::new(reference.places.clone());
    let is_place = |t: &str| resolver.knows(t);
    let found: Vec<Option<Table>> = sheets
        .iter()
        .map(|s| find(&s.grid, &is_place).ok())
        .collect();
    let chosen = sheet.filter(|&s| s < sheets.len()).unwrap_or_else(|| {
        (0..sheets.len())
            .max_by_key(|&i| {
                (
                    found[i].as_ref().map_or(0, |t| t.body.len()),
                    std::cmp::Reverse(i),
                )
            })
            .unwrap_or(0)
    });
    match found.into_iter().nth(chosen).flatten() {
        Some(table) => Ok(Read {
            sheets,
            chosen,
            table,
            otherwise,
            converted_from,
        }),
        None => Err(no_table(&sheets, &sheets[chosen].grid)),
    }
}

/// What chiso proposes for a file; a `remembered` choice (for a file of the same shape) takes
/// the place of the guesses.
pub fn propose(
    name: &str,
    bytes: &[u8],
    reference: &Reference,
    sheet: Option<usize>,
    remembered: Option<&Choice>,
) -> Result<Proposal, Bilingual> {
    let Read {
        sheets,
        chosen,
        table,
        otherwise,
        converted_from,
    } = read(name, bytes, reference, sheet)?;
    let grid = &sheets[chosen].grid;
    let mut texts: Vec<&str> = table.title.iter().map(String::as_str).collect();
    texts.push(&sheets[chosen].name);
    texts.push(name);
    let guessed = guess(grid, &table, &texts, reference, otherwise);
    let shape = column_mapping::shape(&table);
    let mapping = match remembered {
        Some(choice) => {
            let mut m = choice.mapping(table.columns.len());
            m.year = guessed.year.or(m.year);
            // The decimal mark is the file's, not its shape's.
            m.decimal = guessed.decimal;
            m
        }
        None => guessed,
    };
    let applied = column_mapping::apply(
        name,
        grid,
        &table,
        &mapping,
        reference.clone(),
        Some(PREVIEW_ROWS),
    );
    let preview = table
        .body
        .iter()
        .take(PREVIEW_ROWS)
        .map(|&r| {
            let line = r as u64 + 1;
            PreviewRow {
                line,
                cells: table
                    .columns
                    .iter()
                    .map(|c| grid.cell(r, c.col).shown())
                    .collect(),
                problem: applied
                    .errors
                    .iter()
                    .find(|e| e.line == line)
                    .map(|e| Bilingual {
                        vi: e.problem.message(Lang::Vi),
                        en: e.problem.message(Lang::En),
                    }),
            }
        })
        .collect();
    Ok(Proposal {
        file: name.to_string(),
        sheets: sheets
            .iter()
            .map(|s| SheetSize {
                name: s.name.clone(),
                rows: s.grid.filled_rows() as u64,
                columns: s.grid.width() as u64,
            })
            .collect(),
        sheet: chosen as u64,
        header_lines: table.header_lines.clone(),
        columns: table
            .columns
            .iter()
            .zip(&mapping.roles)
            .map(|(c, role)| ProposedColumn {
                letter: letter(c.col),
                header: c.header.clone(),
                unit: c.unit.clone(),
                role: role.key(),
            })
            .collect(),
        index: mapping.index.clone(),
        year: mapping.year,
        decimal: mapping.decimal.key().to_string(),
        decimal_words: Bilingual {
            vi: mapping.decimal.words(Lang::Vi).into(),
            en: mapping.decimal.words(Lang::En).into(),
        },
        preview,
        rows: table.body.len() as u64,
        set_aside: table
            .set_aside
            .iter()
            .map(|s| AsideRow {
                line: s.line,
                why: aside_words(s.why),
                text: s.text.clone(),
            })
            .collect(),
        shape,
        note: converted_from.map(|e| Bilingual {
            vi: e.note(Lang::Vi),
            en: e.note(Lang::En),
        }),
        remembered: remembered.is_some(),
        components: reference
            .components
            .iter()
            .map(|c| NamedComponent {
                index: c.index.clone(),
                key: c.key.clone(),
                name: Bilingual {
                    vi: c.name_vi.clone(),
                    en: c.name_en.clone(),
                },
            })
            .collect(),
    })
}

/// A confirmed choice applied to the whole file: the rows kept and the rows skipped, as an
/// index table in chiso's own format gives them.
pub fn confirm(
    name: &str,
    bytes: &[u8],
    reference: &Reference,
    choice: &Choice,
) -> Result<Import, Bilingual> {
    let Read {
        sheets,
        chosen,
        table,
        converted_from,
        ..
    } = read(name, bytes, reference, Some(choice.sheet as usize))?;
    let mapping = choice.mapping(table.columns.len());
    let applied = column_mapping::apply(
        name,
        &sheets[chosen].grid,
        &table,
        &mapping,
        reference.clone(),
        None,
    );
    Ok(Import {
        scores: Vec::new(),
        score_lines: Vec::new(),
        index: Some(applied.table),
        errors: applied.errors,
        converted_from,
    })
}

/// What the page asks of the import worker besides reading a file: the sheet chosen in the
/// mapping step, the choice confirmed there, and the choices remembered by shape (the JSON of
/// a map from `Proposal::shape` to `Choice`, as the page keeps it).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Asked {
    pub sheet: Option<usize>,
    pub choice: Option<String>,
    pub remembered: Option<String>,
}

/// The import worker's whole answer to a file (testable natively): a confirmed choice applied
/// (the rows, the choice to keep with the file and the remembered choices with it); a workbook,
/// or a text whose header is not chiso's own, proposed for the mapping step (with the choice
/// remembered for its shape, if any); chiso's own format read as `import::run` reads it.
pub fn run(
    name: &str,
    bytes: &[u8],
    reference: Reference,
    chunk: usize,
    asked: &Asked,
    mut send: impl FnMut(Reply),
) {
    let mut remembered: BTreeMap<String, Choice> = asked
        .remembered
        .as_deref()
        .and_then(|json| miniserde::json::from_str(json).ok())
        .unwrap_or_default();
    if let Some(json) = &asked.choice {
        let Ok(choice) = miniserde::json::from_str::<Choice>(json) else {
            return send(Reply::refused(Bilingual::of(Text::FileUnreadable, "")));
        };
        let shape = read(name, bytes, &reference, Some(choice.sheet as usize))
            .map(|r| column_mapping::shape(&r.table));
        return send(match confirm(name, bytes, &reference, &choice) {
            Ok(import) => {
                if let Ok(shape) = shape {
                    remembered.insert(shape, choice);
                }
                Reply {
                    choice: Some(json.clone()),
                    remembered: Some(miniserde::json::to_string(&remembered)),
                    ..Reply::of(import)
                }
            }
            Err(why) => Reply::refused(why),
        });
    }
    // A text whose header is none of chiso's own formats: why not, said beside why no province
    // table was found in it either.
    let not_own_format = match Importer::new(name, bytes, reference.clone()) {
        Err(error @ FileError::BadHeader { kind: None, .. }) => Some(error.bilingual()),
        _ => None,
    };
    if !workbook::is_workbook(bytes) && not_own_format.is_none() {
        return crate::data::user_files::import::run(name, bytes, reference, chunk, send);
    }
    if bytes.len() > crate::data::user_files::import::MAX_FILE_BYTES {
        return send(Reply::refused(
            FileError::TooLarge { bytes: bytes.len() }.bilingual(),
        ));
    }
    let proposal = propose(name, bytes, &reference, asked.sheet, None).map(|p| {
        let same_shape = remembered.get(&p.shape);
        same_shape
            .and_then(|c| propose(name, bytes, &reference, Some(p.sheet as usize), Some(c)).ok())
            .unwrap_or(p)
    });
    send(match proposal {
        Ok(p) => Reply {
            proposal: Some(miniserde::json::to_string(&p)),
            ..Reply::default()
        },
        Err(why) => Reply::refused(match not_own_format {
            Some(own) => Bilingual {
                vi: format!("{} {}", why.vi, own.vi),
                en: format!("{} {}", why.en, own.en),
            },
            None => why,
        }),
    })
}
