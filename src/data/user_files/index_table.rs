//! Users' own province-level index tables: official tables they have (PAR INDEX, SIPAS, PAPI,
//! PCI of a year chiso does not bundle yet, say) or an index of their own, read by the importer
//! (`data::user_files::import`, which tells these files from unit scores by their columns) and checked row
//! by row here against the provinces of each row's year and the scale of its index.
//!
//! Columns: `index,year,province,value` and optional `component` (default `total`), `rank`,
//! `source`. An index other than the four bundled ones is declared on (at least) its first row
//! by `index_name_vi`, `index_name_en`, `unit`, `scale_min`, `scale_max`, `higher_is_better`.

use crate::data::model::Dataset;
use crate::data::user_files::import::{number, year, Cells, RowProblem};
use crate::data::user_files::spelling::{folded_words, Place, Resolution, Resolver, Since};
use crate::i18n::Lang;
use crate::text::{fold, nfc};
use std::collections::HashMap;

/// The indices chiso bundles; any other index must be declared in the file.
pub const BUNDLED: [&str; 4] = ["par", "sipas", "papi", "pci"];
pub const REQUIRED_COLUMNS: [&str; 4] = ["index", "year", "province", "value"];
pub const OPTIONAL_COLUMNS: [&str; 3] = ["component", "rank", "source"];
/// Filled on (at least) the first row of an index of the user's own.
pub const DECLARATION_COLUMNS: [&str; 6] = [
    "index_name_vi",
    "index_name_en",
    "unit",
    "scale_min",
    "scale_max",
    "higher_is_better",
];

/// A downloadable template: the columns and two example rows, figures taken from the bundled
/// data with the sources it cites for them (PAR INDEX 2024 of Sơn La, SIPAS 2024 of Lào Cai).
pub const TEMPLATE: &str = "index,year,province,component,value,rank,source\r\n\
par,2024,Sơn La,total,90.02,12,Ví dụ / Example: https://vhttdl.sonla.gov.vn/tong-hop-cchc/ket-qua-chi-so-cai-cach-hanh-chinh-tinh-son-la-nam-2024-922815\r\n\
sipas,2024,Lào Cai,total,84.92,19,Ví dụ / Example: https://baolaocai.vn/lao-cai-xep-thu-26-ve-chi-so-cai-cach-hanh-chinh-par-index-nam-2024-post399806.html\r\n";

/// A component's scale from a year on, as the bundled dataset states it.
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    pub index: String,
    pub component: String,
    pub from_year: u16,
    pub min: f64,
    pub max: f64,
}

/// A component's names, as the bundled dataset gives them (to read a wide table's headers).
#[derive(Clone, Debug, PartialEq)]
pub struct ComponentName {
    pub index: String,
    pub key: String,
    pub name_vi: String,
    pub name_en: String,
}

/// An index's names, as the bundled dataset gives them (for the mapping step's choice).
#[derive(Clone, Debug, PartialEq)]
pub struct IndexName {
    pub key: String,
    /// "PAR INDEX", "PAPI".
    pub short: String,
    pub name_vi: String,
    pub name_en: String,
}

/// What the import worker needs of the bundled dataset to check an index table: the provinces
/// of both geographies and the bundled indices' scales (`ui::worker` makes it of the dataset).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Reference {
    /// The bundled indices, in the dataset's order.
    pub indices: Vec<IndexName>,
    pub places: Vec<Place>,
    /// Per index and component, one entry per change of scale, in year order.
    pub scales: Vec<Scale>,
    /// Each index's components (its sub-dimensions left out), those of its latest year first
    /// in the index's own order (PAPI's D1…D8), then earlier years' others.
    pub components: Vec<ComponentName>,
}

impl Reference {
    pub fn of(dataset: &Dataset) -> Reference {
        let mut scales: Vec<Scale> = Vec::new();
        for index in &dataset.indices {
            let mut years: Vec<_> = index.years.iter().collect();
            years.sort_by_key(|y| y.year);
            for y in years {
                for c in &y.components {
                    let same = scales
                        .iter()
                        .rev()
                        .find(|s| s.index == index.key && s.component == c.key)
                        .is_some_and(|s| s.min == c.scale_min && s.max == c.scale_max);
                    if !same {
                        scales.push(Scale {
                            index: index.key.clone(),
                            component: c.key.clone(),
                            from_year: y.year,
                            min: c.scale_min,
                            max: c.scale_max,
                        });
                    }
                }
            }
        }
        let mut components: Vec<ComponentName> = Vec::new();
        for index in &dataset.indices {
            let mut years: Vec<_> = index.years.iter().collect();
            years.sort_by_key(|y| std::cmp::Reverse(y.year));
            for c in years.iter().flat_map(|y| &y.components) {
                let known = components
                    .iter()
                    .any(|k| k.index == index.key && k.key == c.key);
                if !known && !c.key.contains('.') {
                    components.push(ComponentName {
                        index: index.key.clone(),
                        key: c.key.clone(),
                        name_vi: c.name_vi.clone(),
                        name_en: c.name_en.clone(),
                    });
                }
            }
        }
        Reference {
            indices: dataset
                .indices
                .iter()
                .map(|i| IndexName {
                    key: i.key.clone(),
                    short: i.short_name.clone(),
                    name_vi: i.name_vi.clone(),
                    name_en: i.name_en.clone(),
                })
                .collect(),
            places: dataset.provinces.iter().map(Place::from).collect(),
            scales,
            components,
        }
    }
}

/// An index of the user's own, as declared in their file.
#[derive(miniserde::Serialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct DeclaredIndex {
    pub key: String,
    pub name_vi: String,
    pub name_en: String,
    pub unit: OwnUnit,
    pub scale_min: f64,
    pub scale_max: f64,
    pub higher_is_better: bool,
    /// The line that declares it.
    pub line: u64,
}

#[derive(miniserde::Serialize, miniserde::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnUnit {
    #[serde(rename = "points")]
    Points,
    #[serde(rename = "percent")]
    Percent,
}

/// One good row.
#[derive(miniserde::Serialize, miniserde::Deserialize, Clone, Debug, PartialEq)]
pub struct IndexRow {
    pub index: String,
    pub year: u16,
    /// The province's id in the year's geography ("14", or "n15" from 2025).
    pub province: String,
    pub component: String,
    pub value: Option<f64>,
    pub rank: Option<u32>,
    /// The row's own `source` cell, if any.
    pub source: Option<String>,
    /// The line a spreadsheet shows (header = 1), or the item number in a JSON array.
    pub line: u64,
}

/// The good rows of a file and the indices it declares.
#[derive(miniserde::Serialize, miniserde::Deserialize, Clone, Debug, PartialEq, Default)]
pub struct IndexTable {
    pub file: String,
    pub rows: Vec<IndexRow>,
    pub declared: Vec<DeclaredIndex>,
}

/// A province name as the year's geography knows it, in both languages (for messages).
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    pub vi: String,
    pub en: String,
}

impl Named {
    fn of(place: &Place) -> Named {
        Named {
            vi: place.name_vi.clone(),
            en: place.name_en.clone(),
        }
    }

    fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.vi, &self.en)
    }
}

/// What is wrong with a declaration of the user's own index.
#[derive(Clone, Debug, PartialEq)]
pub enum DeclarationFault {
    /// The key is not made of a–z, 0–9, `_` and `-` (it goes into addresses).
    Key,
    Names,
    /// `scale_min` and `scale_max` missing, or not a range.
    Scale,
    Unit(String),
    Direction(String),
}

/// Why a row of an index table was skipped (beside the problems of any row: see `RowProblem`).
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Not bundled, and not declared on this or an earlier row.
    UnknownIndex(String),
    BadDeclaration {
        index: String,
        fault: DeclarationFault,
    },
    UnknownComponent {
        index: String,
        component: String,
    },
    UnknownProvince {
        written: String,
        closest: Option<Named>,
    },
    /// A province not rated in the row's year, and what it is part of by then.
    Former {
        named: Named,
        year: u16,
        now: Option<(Named, Since)>,
    },
    /// A 2025 unit named in a year before 2025.
    NotYet {
        named: Named,
        year: u16,
    },
    OutOfScale {
        value: f64,
        min: f64,
        max: f64,
    },
    BadRank {
        text: String,
        provinces: usize,
        year: u16,
    },
    NoValueOrRank,
    /// A cell of a wide table's column that is not a number in the file's usage.
    CellNotANumber {
        column: String,
        text: String,
    },
    /// A column of fractions (0.9277) where the scale is in percent or points: a workbook's
    /// percent format.
    Fraction {
        column: String,
        value: f64,
    },
    Duplicate {
        first_line: u64,
    },
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        let bundled = BUNDLED.join(", ");
        let declaration = DECLARATION_COLUMNS.join(", ");
        match (self, lang) {
            (Problem::UnknownIndex(i), Lang::Vi) => format!("chỉ số {i:?} không phải {bundled} và chưa được khai báo ở dòng đầu tiên của nó ({declaration})"),
            (Problem::UnknownIndex(i), Lang::En) => format!("index {i:?} is not {bundled} and is not declared on its first row ({declaration})"),
            (Problem::BadDeclaration { index, fault }, _) => {
                let why = match (fault, lang) {
                    (DeclarationFault::Key, Lang::Vi) => "mã chỉ số chỉ gồm chữ a–z, số, _ và -".to_string(),
                    (DeclarationFault::Key, Lang::En) => "an index key is made of letters a–z, digits, _ and -".to_string(),
                    (DeclarationFault::Names, Lang::Vi) => "cần index_name_vi hoặc index_name_en".to_string(),
                    (DeclarationFault::Names, Lang::En) => "index_name_vi or index_name_en is needed".to_string(),
                    (DeclarationFault::Scale, Lang::Vi) => "cần scale_min nhỏ hơn scale_max".to_string(),
                    (DeclarationFault::Scale, Lang::En) => "scale_min below scale_max is needed".to_string(),
                    (DeclarationFault::Unit(t), Lang::Vi) => format!("unit {t:?} không rõ (dùng points hoặc percent)"),
                    (DeclarationFault::Unit(t), Lang::En) => format!("unknown unit {t:?} (use points or percent)"),
                    (DeclarationFault::Direction(t), Lang::Vi) => format!("higher_is_better {t:?} không rõ (dùng true hoặc false)"),
                    (DeclarationFault::Direction(t), Lang::En) => format!("unknown higher_is_better {t:?} (use true or false)"),
                };
                match lang {
                    Lang::Vi => format!("khai báo chỉ số {index:?} chưa đúng: {why}"),
                    Lang::En => format!("the declaration of index {index:?} is wrong: {why}"),
                }
            }
            (Problem::UnknownComponent { index, component }, Lang::Vi) => format!("chỉ số {index} không có thành phần {component:?}"),
            (Problem::UnknownComponent { index, component }, Lang::En) => format!("index {index} has no component {component:?}"),
            (Problem::UnknownProvince { written, closest }, _) => {
                let hint = closest.as_ref().map(|c| match lang {
                    Lang::Vi => format!(" (gần nhất: {})", c.vi),
                    Lang::En => format!(" (closest: {})", c.en),
                });
                match lang {
                    Lang::Vi => format!("không rõ tỉnh {written:?}{}", hint.unwrap_or_default()),
                    Lang::En => format!("unknown province {written:?}{}", hint.unwrap_or_default()),
                }
            }
            (Problem::Former { named, year, now: Some((now, since)) }, _) => {
                let since = since.words(lang);
                match lang {
                    Lang::Vi => format!("{} thuộc {} từ {since}, không có trong danh sách tỉnh năm {year}", named.vi, now.vi),
                    Lang::En => format!("{} is part of {} since {since}, not a province of {year}", named.en, now.en),
                }
            }
            (Problem::Former { named, year, now: None }, Lang::Vi) => format!("{} không có trong danh sách tỉnh năm {year}", named.vi),
            (Problem::Former { named, year, now: None }, Lang::En) => format!("{} is not a province of {year}", named.en),
            (Problem::NotYet { named, year }, _) => {
                let since = Since::July2025.words(lang);
                match lang {
                    Lang::Vi => format!("{} chỉ có từ {since}, không có trong danh sách tỉnh năm {year}", named.get(lang)),
                    Lang::En => format!("{} exists only since {since}, not a province of {year}", named.get(lang)),
                }
            }
            (Problem::OutOfScale { value, min, max }, Lang::Vi) => format!("giá trị {value} ngoài thang đo {min}–{max}"),
            (Problem::OutOfScale { value, min, max }, Lang::En) => format!("value {value} is outside the scale {min}–{max}"),
            (Problem::BadRank { text, provinces, year }, Lang::Vi) => format!("hạng {text:?} không phải số nguyên từ 1 đến {provinces} (số tỉnh năm {year})"),
            (Problem::BadRank { text, provinces, year }, Lang::En) => format!("rank {text:?} is not a whole number from 1 to {provinces} (the provinces of {year})"),
            (Problem::NoValueOrRank, Lang::Vi) => "không có value hay rank".into(),
            (Problem::NoValueOrRank, Lang::En) => "no value or rank".into(),
            (Problem::CellNotANumber { column, text }, Lang::Vi) => format!("cột «{column}»: {text:?} không phải là số"),
            (Problem::CellNotANumber { column, text }, Lang::En) => format!("column «{column}»: {text:?} is not a number"),
            (Problem::Fraction { column, value }, Lang::Vi) => format!("cột «{column}» chỉ có giá trị từ 0 đến 1 ({value}): có thể ô được định dạng phần trăm (0,9277 là 92,77%); hãy đổi định dạng ô thành số hoặc lưu dưới dạng CSV"),
            (Problem::Fraction { column, value }, Lang::En) => format!("column «{column}» holds only values from 0 to 1 ({value}): its cells may be formatted as percent (0.9277 is 92.77%); format them as numbers, or save as CSV"),
            (Problem::Duplicate { first_line }, Lang::Vi) => format!("trùng khóa (chỉ số, năm, tỉnh, thành phần) với dòng {first_line}"),
            (Problem::Duplicate { first_line }, Lang::En) => format!("duplicate key (index, year, province, component) of line {first_line}"),
        }
    }
}

/// The index a row's `index` cell names: a bundled one however written ("PAR INDEX", "Pci"),
/// otherwise the cell in lower case.
pub fn index_key(written: &str) -> String {
    let squashed: String = folded_words(written).split_whitespace().collect();
    match squashed.as_str() {
        "parindex" => "par".into(),
        b if BUNDLED.contains(&b) => b.to_string(),
        _ => written.trim().to_ascii_lowercase(),
    }
}

/// A yes/no cell: true, false, 1, 0, yes, no, có, không (any case); empty is `None`.
fn yes_no(text: &str) -> Option<Option<bool>> {
    match fold(text).as_str() {
        "" => Some(None),
        "true" | "1" | "yes" | "co" => Some(Some(true)),
        "false" | "0" | "no" | "khong" => Some(Some(false)),
        _ => None,
    }
}

/// Checks an index table's rows one at a time, keeping the good ones.
pub struct Validator {
    resolver: Resolver,
    scales: Vec<Scale>,
    table: IndexTable,
    /// (index, year, province id, component) → the line that first gave it.
    seen: HashMap<(String, u16, String, String), u64>,
}

impl Validator {
    pub(crate) fn new(file: &str, reference: Reference) -> Validator {
        Validator {
            resolver: Resolver::new(reference.places),
            scales: reference.scales,
            table: IndexTable {
                file: file.to_string(),
                ..IndexTable::default()
            },
            seen: HashMap::new(),
        }
    }

    /// A bundled index's scale for a component in a year: the one in force then, or the
    /// earliest for a year before the index's first.
    fn bundled_scale(&self, index: &str, component: &str, year: u16) -> Option<(f64, f64)> {
        let mut of_component = self
            .scales
            .iter()
            .filter(|s| s.index == index && s.component == component);
        let earliest = of_component.next()?;
        let in_force = of_component
            .rfind(|s| s.from_year <= year)
            .unwrap_or(earliest);
        Some((in_force.min, in_force.max))
    }

    /// The declaration of the user's index `key` on this row.
    fn declare(
        key: &str,
        cells: &Cells,
        comma_decimal: bool,
        line: u64,
    ) -> Result<DeclaredIndex, RowProblem> {
        let fault = |fault| {
            RowProblem::Index(Problem::BadDeclaration {
                index: key.to_string(),
                fault,
            })
        };
        if DECLARATION_COLUMNS.iter().all(|c| cells.text(c).is_empty()) {
            return Err(RowProblem::Index(Problem::UnknownIndex(key.to_string())));
        }
        let valid_key = key.len() <= 40
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
        if !valid_key {
            return Err(fault(DeclarationFault::Key));
        }
        let (vi, en) = (
            nfc(&cells.text("index_name_vi")),
            cells.text("index_name_en"),
        );
        if vi.is_empty() && en.is_empty() {
            return Err(fault(DeclarationFault::Names));
        }
        let min = number(&cells.text("scale_min"), comma_decimal, "scale_min")?;
        let max = number(&cells.text("scale_max"), comma_decimal, "scale_max")?;
        let (Some(scale_min), Some(scale_max)) = (min, max) else {
            return Err(fault(DeclarationFault::Scale));
        };
        if scale_min >= scale_max {
            return Err(fault(DeclarationFault::Scale));
        }
        let unit_text = cells.text("unit");
        let unit = match fold(&unit_text).as_str() {
            "" | "points" | "point" | "diem" => OwnUnit::Points,
            "percent" | "%" | "phan tram" => OwnUnit::Percent,
            _ => return Err(fault(DeclarationFault::Unit(unit_text))),
        };
        let direction = cells.text("higher_is_better");
        let higher_is_better = yes_no(&direction)
            .ok_or_else(|| fault(DeclarationFault::Direction(direction.clone())))?
            .unwrap_or(true);
        Ok(DeclaredIndex {
            key: key.to_string(),
            name_vi: if vi.is_empty() {
                en.clone()
            } else {
                vi.clone()
            },
            name_en: if en.is_empty() { vi } else { en },
            unit,
            scale_min,
            scale_max,
            higher_is_better,
            line,
        })
    }

    /// Checks one row (`line` as a spreadsheet shows it) and keeps it if it is good.
    pub(crate) fn row(
        &mut self,
        cells: &Cells,
        comma_decimal: bool,
        line: u64,
    ) -> Result<(), RowProblem> {
        let index = index_key(&cells.required("index")?);
        let year = year(&cells.required("year")?)?;
        let written = nfc(&cells.required("province")?);
        let component = match cells.text("component").to_ascii_lowercase() {
            c if c.is_empty() => "total".to_string(),
            c => c,
        };
        // The scale, declaring the user's index on its first row (whatever else is wrong with
        // the row, the declaration stands).
        let (min, max) = if BUNDLED.contains(&index.as_str()) {
            self.bundled_scale(&index, &component, year)
                .ok_or_else(|| {
                    RowProblem::Index(Problem::UnknownComponent {
                        index: index.clone(),
                        component: component.clone(),
                    })
                })?
        } else {
            match self.table.declared.iter().find(|d| d.key == index) {
                Some(d) => (d.scale_min, d.scale_max),
                None => {
                    let d = Self::declare(&index, cells, comma_decimal, line)?;
                    let scale = (d.scale_min, d.scale_max);
                    self.table.declared.push(d);
                    scale
                }
            }
        };
        let place = match self.resolver.resolve(&written, year) {
            Resolution::Found(place) => place,
            Resolution::Former { named, now } => {
                return Err(RowProblem::Index(Problem::Former {
                    named: Named::of(named),
                    year,
                    now: now.map(|now| (Named::of(now), Since::of(named))),
                }))
            }
            Resolution::NotYet(named) => {
                return Err(RowProblem::Index(Problem::NotYet {
                    named: Named::of(named),
                    year,
                }))
            }
            Resolution::Unknown { closest } => {
                return Err(RowProblem::Index(Problem::UnknownProvince {
                    written,
                    closest: closest.map(Named::of),
                }))
            }
        };
        let value = number(&cells.text("value"), comma_decimal, "value")?;
        let rank_text = cells.text("rank");
        let provinces = self.resolver.count_in(year);
        let rank = match number(&rank_text, false, "rank") {
            Ok(None) => None,
            Ok(Some(r)) if r.fract() == 0.0 && r >= 1.0 && r <= provinces as f64 => Some(r as u32),
            _ => {
                return Err(RowProblem::Index(Problem::BadRank {
                    text: rank_text,
                    provinces,
                    year,
                }))
            }
        };
        if value.is_none() && rank.is_none() {
            return Err(RowProblem::Index(Problem::NoValueOrRank));
        }
        if let Some(value) = value.filter(|v| !(min..=max).contains(v)) {
            return Err(RowProblem::Index(Problem::OutOfScale { value, min, max }));
        }
        let key = (index, year, place.id.clone(), component);
        if let Some(&first_line) = self.seen.get(&key) {
            return Err(RowProblem::Index(Problem::Duplicate { first_line }));
        }
        self.seen.insert(key.clone(), line);
        let (index, year, province, component) = key;
        let source = Some(cells.text("source")).filter(|s| !s.is_empty());
        self.table.rows.push(IndexRow {
            index,
            year,
            province,
            component,
            value,
            rank,
            source,
            line,
        });
        Ok(())
    }

    pub(crate) fn finish(self) -> IndexTable {
        self.table
    }
}
