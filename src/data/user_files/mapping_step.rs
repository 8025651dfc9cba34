//! The mapping step of a file in a publisher's layout (a workbook, or a CSV that is not chiso's
//! long format): what chiso proposes (the sheets with their sizes and the likeliest chosen, the
//! table found, each column's role, the index, year and decimal mark guessed, the first rows as
//! they will be read with each problem, the rows set aside), and the user's confirmed choice
//! applied. Both are plain data, sent between the import worker and the page as JSON.

use crate::data::units::UnitType;
use crate::data::user_files::column_mapping::{self, guess, guess_for, Mapping, Role};
use crate::data::user_files::grid::{Cell, Grid};
use crate::data::user_files::import::{
    decode, Bilingual, FileError, Import, Importer, Reply, Separator,
};
use crate::data::user_files::index_table::Reference;
use crate::data::user_files::legacy_encodings::{self, LegacyEncoding};
use crate::data::user_files::numbers::Decimal;
use crate::data::user_files::spelling::Resolver;
use crate::data::user_files::table_finder::{find, Aside, Table};
use crate::data::user_files::unit_mapping::{
    apply_units, find_units, guess_units, metric_of, unit_type_in, UnitMapping,
};
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
    /// `column_mapping::Role::key` in an index table; in a table of units, "unit", "ignored" or
    /// "metric:" and the metric's key.
    pub role: String,
    /// In a table of units: the metric its header names (`unit_mapping::metric_of`).
    pub criterion: Option<String>,
}

#[derive(miniserde::Serialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct PreviewRow {
    pub line: u64,
    /// One per column, as in the sheet.
    pub cells: Vec<String>,
    /// What the checks say of the row, if anything.
    pub problem: Option<Bilingual>,
    /// In a table of units: the unit's type (`UnitType::key`), from its name or the block chosen.
    pub block: Option<String>,
}

/// What a file's table holds: the provinces' values of an index, or a province's own units'
/// scores (departments, districts, communes) in its wide layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Index,
    Units,
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Kind::Index => "index",
            Kind::Units => "units",
        }
    }

    /// The kind a choice is for (a choice kept before tables of units had a step is an index
    /// table's).
    pub fn of(choice: &Choice) -> Kind {
        match choice.kind.as_deref() {
            Some("units") => Kind::Units,
            _ => Kind::Index,
        }
    }
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
    /// `Kind::key`.
    pub kind: String,
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
    /// The indices a table can be of, by key and name ("PAPI – Chỉ số hiệu quả …").
    pub indices: Vec<NamedComponent>,
    /// In a table of units: the province its units are of (from the title or chosen), the
    /// provinces' names to choose from, and the block (`UnitType::key`) of the units whose
    /// names do not tell it.
    pub province: Option<String>,
    pub provinces: Vec<String>,
    pub block: Option<String>,
}

impl Proposal {
    /// The choice it makes, as the step starts.
    pub fn choice(&self) -> Choice {
        Choice {
            sheet: self.sheet,
            index: self.index.clone(),
            year: self.year,
            decimal: self.decimal.clone(),
            roles: self.columns.iter().map(|c| c.role.clone()).collect(),
            kind: Some(self.kind.clone()),
            province: self.province.clone(),
            block: self.block.clone(),
        }
    }
}

/// A component a column can be (or an index a table can be of, its `index` and `key` the
/// same), by its key and names.
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
    /// `Kind::key`; missing in a choice kept before tables of units had a step (an index table).
    pub kind: Option<String>,
    /// A table of units' province and the block of its units whose names do not tell it.
    pub province: Option<String>,
    pub block: Option<String>,
}

impl Choice {
    /// A table of units' choice as what `unit_mapping::apply_units` applies.
    fn unit_mapping(&self, columns: usize) -> UnitMapping {
        let role = |i: usize| self.roles.get(i).map_or("ignored", String::as_str);
        UnitMapping {
            province: self.province.clone().filter(|p| !p.trim().is_empty()),
            year: self.year,
            decimal: Decimal::from_key(&self.decimal).unwrap_or(Decimal::Point),
            unit: (0..columns).find(|&i| role(i) == "unit"),
            block: self.block.as_deref().and_then(UnitType::from_key),
            metrics: (0..columns)
                .map(|i| {
                    role(i)
                        .strip_prefix("metric:")
                        .filter(|m| !m.is_empty())
                        .map(str::to_string)
                })
                .collect(),
        }
    }

    /// The choice a table of units' mapping makes.
    fn of_units(sheet: usize, mapping: &UnitMapping, columns: usize) -> Choice {
        Choice {
            sheet: sheet as u64,
            index: None,
            year: mapping.year,
            decimal: mapping.decimal.key().to_string(),
            roles: (0..columns)
                .map(|i| match mapping.metrics.get(i).cloned().flatten() {
                    _ if mapping.unit == Some(i) => "unit".to_string(),
                    Some(metric) => format!("metric:{metric}"),
                    None => "ignored".to_string(),
                })
                .collect(),
            kind: Some(Kind::Units.key().to_string()),
            province: mapping.province.clone(),
            block: mapping.block.map(|b| b.key().to_string()),
        }
    }

    /// The choice an index table's mapping makes.
    fn of_index(sheet: usize, mapping: &Mapping) -> Choice {
        Choice {
            sheet: sheet as u64,
            index: mapping.index.clone(),
            year: mapping.year,
            decimal: mapping.decimal.key().to_string(),
            roles: mapping.roles.iter().map(Role::key).collect(),
            kind: None,
            province: None,
            block: None,
        }
    }

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
        vi: format!("Không tìm thấy bảng theo tỉnh hoặc theo đơn vị: không cột nào có tên tỉnh, thành phố hoặc tên cơ quan, đơn vị (Sở…, UBND huyện…, Xã…, Phường…). Các trang: {list}. Các dòng giống dòng tiêu đề nhất: {headers}. Hãy kiểm tra tệp có một cột tên tỉnh (hoặc tên đơn vị), mỗi tỉnh (đơn vị) một dòng."),
        en: format!("No table of provinces or of units found: no column holds province names or units' names (Sở…, UBND huyện…, Xã…, Phường…). Sheets: {list}. Rows most like a header: {headers}. Check that the file has a column of province (or unit) names, one row each."),
    }
}

/// A file read for the mapping step.
struct Read {
    sheets: Vec<Sheet>,
    /// The sheet whose table is read.
    chosen: usize,
    kind: Kind,
    table: Table,
    /// The decimal mark where the cells do not tell.
    otherwise: Decimal,
    /// The legacy encoding its text was converted from, if any.
    converted_from: Option<LegacyEncoding>,
}

/// The sheet, table and kind of a file: `sheet` as chosen, or the one with the longest table;
/// in a sheet, the table of provinces, or of units where those rows are more (`kind`, if
/// given, as confirmed).
fn read(
    name: &str,
    bytes: &[u8],
    reference: &Reference,
    sheet: Option<usize>,
    kind: Option<Kind>,
) -> Result<Read, Bilingual> {
    let (sheets, otherwise, converted_from) = sheets_of(name, bytes)?;
    let resolver = Resolver::new(reference.places.clone());
    let is_place = |t: &str| resolver.knows(t);
    let found: Vec<Option<(Kind, Table)>> = sheets
        .iter()
        .map(|s| {
            let provinces = (kind != Some(Kind::Units))
                .then(|| find(&s.grid, &is_place).ok())
                .flatten();
            let units = (kind != Some(Kind::Index))
                .then(|| find_units(&s.grid).ok())
                .flatten();
            match (provinces, units) {
                (Some(p), Some(u)) if u.body.len() > p.body.len() => Some((Kind::Units, u)),
                (Some(p), _) => Some((Kind::Index, p)),
                (None, u) => u.map(|u| (Kind::Units, u)),
            }
        })
        .collect();
    let chosen = sheet.filter(|&s| s < sheets.len()).unwrap_or_else(|| {
        (0..sheets.len())
            .max_by_key(|&i| {
                (
                    found[i].as_ref().map_or(0, |(_, t)| t.body.len()),
                    std::cmp::Reverse(i),
                )
            })
            .unwrap_or(0)
    });
    match found.into_iter().nth(chosen).flatten() {
        Some((kind, table)) => Ok(Read {
            sheets,
            chosen,
            kind,
            table,
            otherwise,
            converted_from,
        }),
        None => Err(no_table(&sheets, &sheets[chosen].grid)),
    }
}

/// The provinces' names a table of units can be of (both geographies), in alphabetical order.
fn province_names(reference: &Reference) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for place in &reference.places {
        if !names.contains(&place.name_vi) {
            names.push(place.name_vi.clone());
        }
    }
    crate::order::sort_by_key(&mut names, |n| crate::text::fold(n));
    names
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
    let read = read(name, bytes, reference, sheet, None)?;
    Ok(proposal_of(name, &read, reference, remembered, None))
}

/// What chiso proposes for a file read: the guesses, or a `remembered` choice of the same kind
/// of table with the file's own year, province and decimal mark where it tells them; for an
/// index table whose index was changed in the step (`draft`), the columns guessed afresh for
/// that index, with the year chosen.
fn proposal_of(
    name: &str,
    read: &Read,
    reference: &Reference,
    remembered: Option<&Choice>,
    draft: Option<&Choice>,
) -> Proposal {
    let Read {
        sheets,
        chosen,
        kind,
        table,
        otherwise,
        converted_from,
    } = read;
    let (grid, kind, chosen) = (&sheets[*chosen].grid, *kind, *chosen);
    let remembered = remembered.filter(|c| Kind::of(c) == kind);
    let mut texts: Vec<&str> = table.title.iter().map(String::as_str).collect();
    texts.push(&sheets[chosen].name);
    texts.push(name);
    let columns = table.columns.len();
    // The choice proposed, the checks' errors in the preview's rows, and each row's block.
    let (choice, errors, blocks) = match kind {
        Kind::Index => {
            let guessed = match draft {
                Some(draft) => {
                    let index = draft.index.clone();
                    let mut m = guess_for(grid, table, &texts, reference, *otherwise, index);
                    m.year = draft.year.or(m.year);
                    m
                }
                None => guess(grid, table, &texts, reference, *otherwise),
            };
            let mapping = match remembered.filter(|_| draft.is_none()) {
                Some(choice) => {
                    let mut m = choice.mapping(columns);
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
                table,
                &mapping,
                reference.clone(),
                Some(PREVIEW_ROWS),
            );
            let choice = Choice::of_index(chosen, &mapping);
            (choice, applied.errors, vec![None; PREVIEW_ROWS])
        }
        Kind::Units => {
            let guessed = guess_units(grid, table, &texts, &reference.places, *otherwise);
            let mapping = match remembered {
                Some(choice) => {
                    let mut m = choice.unit_mapping(columns);
                    m.year = guessed.year.or(m.year);
                    m.province = guessed.province.clone().or(m.province);
                    m.decimal = guessed.decimal;
                    m
                }
                None => guessed,
            };
            let (_, _, errors) = apply_units(name, grid, table, &mapping, Some(PREVIEW_ROWS));
            let unit_col = mapping.unit.and_then(|i| table.columns.get(i));
            let blocks = table
                .body
                .iter()
                .take(PREVIEW_ROWS)
                .map(|&r| {
                    let unit = grid.cell(r, unit_col?.col).shown();
                    unit_type_in(&unit, &mapping).map(|t| t.key().to_string())
                })
                .collect();
            (Choice::of_units(chosen, &mapping, columns), errors, blocks)
        }
    };
    let decimal = Decimal::from_key(&choice.decimal).unwrap_or(Decimal::Point);
    let preview = table
        .body
        .iter()
        .take(PREVIEW_ROWS)
        .zip(blocks)
        .map(|(&r, block)| {
            let line = r as u64 + 1;
            PreviewRow {
                line,
                cells: table
                    .columns
                    .iter()
                    .map(|c| grid.cell(r, c.col).shown())
                    .collect(),
                problem: errors.iter().find(|e| e.line == line).map(|e| Bilingual {
                    vi: e.problem.message(Lang::Vi),
                    en: e.problem.message(Lang::En),
                }),
                block,
            }
        })
        .collect();
    let units = kind == Kind::Units;
    Proposal {
        file: name.to_string(),
        kind: kind.key().to_string(),
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
            .zip(&choice.roles)
            .map(|(c, role)| ProposedColumn {
                letter: letter(c.col),
                header: c.header.clone(),
                unit: c.unit.clone(),
                role: role.clone(),
                criterion: units.then(|| metric_of(&c.header)),
            })
            .collect(),
        index: choice.index.clone(),
        year: choice.year,
        decimal: choice.decimal.clone(),
        decimal_words: Bilingual {
            vi: decimal.words(Lang::Vi).into(),
            en: decimal.words(Lang::En).into(),
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
        shape: column_mapping::shape(table),
        note: converted_from.map(|e| Bilingual {
            vi: e.note(Lang::Vi),
            en: e.note(Lang::En),
        }),
        remembered: remembered.is_some() && draft.is_none(),
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
        indices: reference
            .indices
            .iter()
            .map(|i| NamedComponent {
                index: i.key.clone(),
                key: i.key.clone(),
                name: Bilingual {
                    vi: format!("{} – {}", i.short, i.name_vi),
                    en: format!("{} – {}", i.short, i.name_en),
                },
            })
            .collect(),
        province: choice.province.clone(),
        provinces: if units {
            province_names(reference)
        } else {
            Vec::new()
        },
        block: choice.block.clone(),
    }
}

/// A confirmed choice applied to the whole file: the rows kept and the rows skipped, as a file
/// in chiso's own format gives them (an index table, or unit scores), and the shape of the
/// file's headers to remember the choice by.
pub fn confirm(
    name: &str,
    bytes: &[u8],
    reference: &Reference,
    choice: &Choice,
) -> Result<(Import, String), Bilingual> {
    let kind = Kind::of(choice);
    let Read {
        sheets,
        chosen,
        table,
        converted_from,
        ..
    } = read(
        name,
        bytes,
        reference,
        Some(choice.sheet as usize),
        Some(kind),
    )?;
    let grid = &sheets[chosen].grid;
    let import = match kind {
        Kind::Index => {
            let mapping = choice.mapping(table.columns.len());
            let applied =
                column_mapping::apply(name, grid, &table, &mapping, reference.clone(), None);
            Import {
                scores: Vec::new(),
                score_lines: Vec::new(),
                index: Some(applied.table),
                errors: applied.errors,
                converted_from,
            }
        }
        Kind::Units => {
            let mapping = choice.unit_mapping(table.columns.len());
            let (scores, score_lines, errors) = apply_units(name, grid, &table, &mapping, None);
            Import {
                scores,
                score_lines,
                index: None,
                errors,
                converted_from,
            }
        }
    };
    Ok((import, column_mapping::shape(&table)))
}

/// What the page asks of the import worker besides reading a file: the sheet chosen in the
/// mapping step, the choice confirmed there, the choices remembered by shape (the JSON of a map
/// from `Proposal::shape` to `Choice`, as the page keeps it), and the step's choice so far when
/// its index was changed (JSON of `Choice`: the columns are proposed afresh for that index).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Asked {
    pub sheet: Option<usize>,
    pub choice: Option<String>,
    pub remembered: Option<String>,
    pub draft: Option<String>,
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
        return send(match confirm(name, bytes, &reference, &choice) {
            Ok((import, shape)) => {
                remembered.insert(shape, choice);
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
    // Read once; proposed with the choice remembered for its shape, if any, or for the index
    // chosen in the step.
    let draft: Option<Choice> = asked
        .draft
        .as_deref()
        .and_then(|json| miniserde::json::from_str(json).ok());
    let sheet = draft.as_ref().map(|d| d.sheet as usize).or(asked.sheet);
    let proposal = read(name, bytes, &reference, sheet, None).map(|read| {
        let same_shape = remembered.get(&column_mapping::shape(&read.table));
        proposal_of(name, &read, &reference, same_shape, draft.as_ref())
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
