//! Builds the bundled dataset from the source tables under `data/` (native only).
//!
//! Every row is checked; the first problem stops the build with the file, line and reason.
//! Values are copied as published: nothing is computed, filled or rounded here.

use crate::data::model::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// The tables the build reads, relative to the data folder, in reading order.
pub const INPUT_FILES: [&str; 23] = [
    "geo/regions.csv",
    "geo/provinces.csv",
    "geo/provinces_2025.csv",
    "pci/pci.csv",
    "pci/pci_extra.csv",
    "papi/subdimensions.csv",
    "papi/papi.csv",
    "par/components.csv",
    "par/par_index.csv",
    "par/par_extra.csv",
    "par/sipas.csv",
    "par/sipas_extra.csv",
    "par/rank_only.csv",
    "par/conflicts.csv",
    "par/confirmations.csv",
    "coverage_notes.csv",
    "geo/tilegrid.csv",
    "geo/tilegrid_2025.csv",
    "geo/provinces.geojson",
    "geo/provinces_2025.geojson",
    "geo/islands.geojson",
    "seeds/meetings.csv",
    "seeds/facts.csv",
];

/// The contents of the input tables, keyed by their path in `INPUT_FILES`.
#[derive(Clone, Debug, Default)]
pub struct SourceFiles {
    pub files: HashMap<String, String>,
}

impl SourceFiles {
    pub fn read(dir: &Path) -> Result<SourceFiles, BuildError> {
        let mut files = HashMap::new();
        for name in INPUT_FILES {
            let text = std::fs::read_to_string(dir.join(name))
                .map_err(|e| BuildError::new(name, 0, format!("cannot read: {e}")))?;
            files.insert(name.to_string(), text);
        }
        Ok(SourceFiles { files })
    }

    fn get(&self, name: &str) -> Result<&str, BuildError> {
        self.files
            .get(name)
            .map(String::as_str)
            .ok_or_else(|| BuildError::new(name, 0, "file missing".to_string()))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct BuildError {
    pub file: String,
    /// 1-based line in the file (0 when the problem is not on one line).
    pub line: u64,
    pub reason: String,
}

impl BuildError {
    fn new(file: &str, line: u64, reason: String) -> BuildError {
        BuildError {
            file: file.to_string(),
            line,
            reason,
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "data/{}:{}: {}", self.file, self.line, self.reason)
    }
}

impl std::error::Error for BuildError {}

/// One CSV row with its file and line, and helpers that turn bad cells into `BuildError`s.
struct Row<'a> {
    file: &'a str,
    line: u64,
    cells: HashMap<&'a str, String>,
}

impl Row<'_> {
    fn err(&self, reason: impl Into<String>) -> BuildError {
        BuildError::new(self.file, self.line, reason.into())
    }

    fn text(&self, column: &str) -> &str {
        self.cells.get(column).map(|s| s.trim()).unwrap_or("")
    }

    fn required(&self, column: &str) -> Result<&str, BuildError> {
        let v = self.text(column);
        if v.is_empty() {
            Err(self.err(format!("missing {column}")))
        } else {
            Ok(v)
        }
    }

    fn number(&self, column: &str) -> Result<Option<f64>, BuildError> {
        let v = self.text(column);
        if v.is_empty() {
            return Ok(None);
        }
        match v.parse::<f64>() {
            Ok(n) if n.is_finite() => Ok(Some(n)),
            _ => Err(self.err(format!("{column} is not a number: {v:?}"))),
        }
    }

    fn year(&self) -> Result<u16, BuildError> {
        let v = self.required("year")?;
        v.parse::<u16>()
            .ok()
            .filter(|y| (1990..=2100).contains(y))
            .ok_or_else(|| self.err(format!("bad year {v:?}")))
    }

    fn rank(&self, column: &str) -> Result<Option<u32>, BuildError> {
        match self.number(column)? {
            None => Ok(None),
            Some(r) if r >= 1.0 && r.fract() == 0.0 && r <= 100.0 => Ok(Some(r as u32)),
            Some(r) => Err(self.err(format!("{column} is not a rank: {r}"))),
        }
    }
}

/// Reads a CSV table into rows, checking that the expected columns are present.
fn read_table<'a>(
    files: &'a SourceFiles,
    file: &'a str,
    columns: &[&'a str],
) -> Result<Vec<Row<'a>>, BuildError> {
    let text = files.get(file)?;
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| BuildError::new(file, 1, format!("bad header: {e}")))?
        .clone();
    for c in columns {
        if !headers.iter().any(|h| h == *c) {
            return Err(BuildError::new(file, 1, format!("missing column {c:?}")));
        }
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            BuildError::new(file, line, format!("malformed CSV: {e}"))
        })?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let mut cells = HashMap::new();
        for &c in columns {
            let i = headers.iter().position(|h| h == c).expect("checked above");
            cells.insert(c, record.get(i).unwrap_or("").nfc().collect());
        }
        rows.push(Row { file, line, cells });
    }
    Ok(rows)
}

/// Index-specific facts that the tables do not carry.
struct IndexSpec {
    key: &'static str,
    short_name: &'static str,
    name_vi: &'static str,
    name_en: &'static str,
    publisher: &'static str,
    method_breaks: &'static [u16],
    components_change_every_year: bool,
}

/// How the PAR INDEX tables name the average of the provinces (the national value).
const PROVINCES_AVERAGE: &str = "Bình quân các tỉnh, thành phố";

const INDEX_SPECS: [IndexSpec; 4] = [
    IndexSpec {
        key: "par",
        short_name: "PAR INDEX",
        name_vi: "Chỉ số cải cách hành chính",
        name_en: "Public Administration Reform Index",
        publisher: "Bộ Nội vụ / Ministry of Home Affairs",
        method_breaks: &[],
        components_change_every_year: true,
    },
    IndexSpec {
        key: "sipas",
        short_name: "SIPAS",
        name_vi: "Chỉ số hài lòng về sự phục vụ hành chính",
        name_en: "Satisfaction Index of Public Administrative Services",
        publisher: "Bộ Nội vụ / Ministry of Home Affairs",
        method_breaks: &[],
        components_change_every_year: false,
    },
    IndexSpec {
        key: "papi",
        short_name: "PAPI",
        name_vi: "Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh",
        name_en: "Provincial Governance and Public Administration Performance Index",
        publisher: "CECODES, VFF-CRT, RTA, UNDP",
        method_breaks: &[2018],
        components_change_every_year: false,
    },
    IndexSpec {
        key: "pci",
        short_name: "PCI",
        name_vi: "Chỉ số năng lực cạnh tranh cấp tỉnh",
        name_en: "Provincial Competitiveness Index",
        publisher: "VCCI",
        method_breaks: &[2006, 2009, 2013, 2022],
        components_change_every_year: false,
    },
];

/// PCI sub-index names (VCCI's Vietnamese headings), in VCCI's order. `policy_bias` was SOE bias
/// until 2008 and "equal competition" from 2013.
fn pci_component(key: &str, year: u16) -> Option<(&'static str, &'static str)> {
    Some(match key {
        "entry_costs" => ("Chi phí gia nhập thị trường", "Entry costs"),
        "land_access" => ("Tiếp cận đất đai", "Land access"),
        "transparency" => ("Tính minh bạch", "Transparency"),
        "time_costs" => ("Chi phí thời gian", "Time costs"),
        "informal_charges" => ("Chi phí không chính thức", "Informal charges"),
        "implementation_consistency" => (
            "Thực hiện chính sách của Trung ương",
            "Implementation and consistency",
        ),
        "policy_bias" if year < 2013 => ("Ưu đãi đối với DNNN", "State-owned enterprise bias"),
        "policy_bias" => ("Cạnh tranh bình đẳng", "Equal competition"),
        "proactivity" => ("Tính năng động", "Proactivity"),
        "business_support" => ("Dịch vụ hỗ trợ doanh nghiệp", "Business support services"),
        "labor_training" => ("Đào tạo lao động", "Labour training"),
        "legal_institutions" => ("Thiết chế pháp lý", "Legal institutions"),
        _ => return None,
    })
}

const PCI_ORDER: [&str; 11] = [
    "entry_costs",
    "land_access",
    "transparency",
    "time_costs",
    "informal_charges",
    "implementation_consistency",
    "policy_bias",
    "proactivity",
    "business_support",
    "labor_training",
    "legal_institutions",
];

type SeriesKey = (String, u16, String);

/// Accumulates everything while the tables are read.
struct Builder {
    regions: Vec<Region>,
    provinces: Vec<Province>,
    by_name: HashMap<String, usize>,
    sources: Vec<Source>,
    source_ids: HashMap<String, u32>,
    /// (index, year, component) → province position → point
    points: BTreeMap<SeriesKey, BTreeMap<usize, (Point, String)>>,
    /// Component names per index: key → (vi, en), in the index's order.
    component_names: HashMap<&'static str, Vec<(String, String, String)>>,
    /// PAR maxima per (component, year) from components.csv.
    par_maxima: HashMap<(String, u16), f64>,
    national: Vec<NationalValue>,
    /// Names of the ministries ranked in the PAR INDEX tables.
    ministries: HashSet<String>,
    conflicts: Vec<Conflict>,
    coverage_notes: Vec<CoverageNote>,
    meetings: Vec<Meeting>,
    unit_scores: Vec<crate::data::units::UnitScore>,
    /// Further sources of values and ranks held.
    confirmations: Vec<Confirmation>,
}

impl Builder {
    fn province_index(&self, row: &Row, column: &str) -> Result<usize, BuildError> {
        let name = row.required(column)?;
        self.by_name
            .get(name)
            .copied()
            .ok_or_else(|| row.err(format!("unknown province spelling {name:?}")))
    }

    fn source(&mut self, row: &Row, column: &str) -> Result<u32, BuildError> {
        let citation = row.required(column)?;
        if let Some(&id) = self.source_ids.get(citation) {
            return Ok(id);
        }
        let id = self.sources.len() as u32 + 1;
        self.sources.push(Source {
            id,
            citation: citation.to_string(),
        });
        self.source_ids.insert(citation.to_string(), id);
        Ok(id)
    }

    /// Adds a value (and rank); a second value for the same key in the same file is an error,
    /// and one from a later file (a second pass) is recorded as a conflict, the first kept.
    /// A source that gives again what is held (or the rank beside a value) is kept as a
    /// further source of it.
    fn add_value(
        &mut self,
        row: &Row,
        key: SeriesKey,
        province: usize,
        mut point: Point,
    ) -> Result<(), BuildError> {
        let series = self.points.entry(key.clone()).or_default();
        let Some((existing, file)) = series.get_mut(&province) else {
            series.insert(province, (point, row.file.to_string()));
            return Ok(());
        };
        // (what the new row gives: value, rank), once it is merged.
        let gives: (bool, bool) = if file.as_str() == row.file {
            if existing.value.is_none()
                && existing.rank.is_some()
                && point.value.is_some()
                && point.rank.is_none()
            {
                // PCI gives the rank as its own row beside the total; the value's source
                // comes first, the rank's stays as a further source.
                existing.value = point.value;
                std::mem::swap(&mut existing.source, &mut point.source);
                (false, true)
            } else if existing.value.is_some()
                && existing.rank.is_none()
                && point.value.is_none()
                && point.rank.is_some()
            {
                existing.rank = point.rank;
                (false, true)
            } else {
                return Err(row.err(format!(
                    "duplicate key {} {} {} {}",
                    key.0, key.1, key.2, self.provinces[province].name_vi
                )));
            }
        } else {
            let earlier = file.clone();
            let ranks_agree = || match (existing.rank, point.rank) {
                (Some(a), Some(b)) if a != b => {
                    Err(row.err(format!("rank {b} disagrees with rank {a} in {earlier}")))
                }
                _ => Ok(()),
            };
            match (existing.value, point.value) {
                (Some(kept), Some(other)) if kept != other => {
                    self.conflicts.push(Conflict {
                        index: key.0.clone(),
                        year: key.1,
                        province: Some(self.provinces[province].code.clone()),
                        subject: ConflictSubject::Province,
                        unit: self.provinces[province].name_vi.clone(),
                        field: key.2.clone(),
                        value_kept: kept.to_string(),
                        value_other: other.to_string(),
                        source_kept: Some(existing.source),
                        source_other: Some(point.source),
                        note: format!(
                            "{} (second pass) differs from {earlier}; the first value is kept",
                            row.file
                        ),
                        note_vi: format!(
                            "{} (lượt thứ hai) khác với {earlier}; giữ giá trị đầu tiên",
                            row.file
                        ),
                    });
                    return Ok(());
                }
                (None, Some(v)) => {
                    // A rank-only entry that a later pass gives a value to: the value's
                    // source comes first, the rank-only entry's stays as a further source.
                    if point.rank.is_some()
                        && existing.rank.is_some()
                        && point.rank != existing.rank
                    {
                        return Err(row.err("rank differs from the rank-only entry"));
                    }
                    existing.value = Some(v);
                    existing.rank = existing.rank.or(point.rank);
                    std::mem::swap(&mut existing.source, &mut point.source);
                    (false, true)
                }
                // A rank for a value held, or the same value again: ranks must agree.
                (_, given) => {
                    ranks_agree()?;
                    existing.rank = existing.rank.or(point.rank);
                    (given.is_some(), point.rank.is_some())
                }
            }
        };
        let first = existing.source;
        let code = self.provinces[province].code.clone();
        further_source(
            &mut self.confirmations,
            &key,
            Some(&code),
            first,
            point.source,
            gives.0,
            gives.1,
        );
        Ok(())
    }
}

fn check_scale(row: &Row, value: f64, min: f64, max: f64) -> Result<(), BuildError> {
    if value < min || value > max {
        Err(row.err(format!("value {value} outside the scale {min}–{max}")))
    } else {
        Ok(())
    }
}

fn papi_scale(component: &str, year: u16) -> (f64, f64) {
    if component == "total" {
        if year < 2018 {
            (6.0, 60.0)
        } else {
            (8.0, 80.0)
        }
    } else if component.contains('.') {
        (0.0, 10.0)
    } else {
        (1.0, 10.0)
    }
}

fn pci_scale(component: &str) -> (f64, f64) {
    if component == "total" {
        (0.0, 100.0)
    } else {
        (0.0, 10.0)
    }
}

/// Builds the dataset from the tables. Deterministic: the same input gives the same JSON.
pub fn build(files: &SourceFiles) -> Result<Dataset, BuildError> {
    let mut b = Builder {
        regions: Vec::new(),
        provinces: Vec::new(),
        by_name: HashMap::new(),
        sources: Vec::new(),
        source_ids: HashMap::new(),
        points: BTreeMap::new(),
        component_names: HashMap::new(),
        par_maxima: HashMap::new(),
        national: Vec::new(),
        ministries: HashSet::new(),
        conflicts: Vec::new(),
        coverage_notes: Vec::new(),
        meetings: Vec::new(),
        unit_scores: Vec::new(),
        confirmations: Vec::new(),
    };
    read_geo(files, &mut b)?;
    read_pci(files, &mut b)?;
    read_papi(files, &mut b)?;
    read_par(files, &mut b)?;
    read_conflicts(files, &mut b)?;
    read_confirmations(files, &mut b)?;
    read_coverage_notes(files, &mut b)?;
    read_seeds(files, &mut b)?;
    Ok(assemble(b))
}

fn read_geo(files: &SourceFiles, b: &mut Builder) -> Result<(), BuildError> {
    for row in read_table(files, "geo/regions.csv", &["key", "name_vi", "name_en"])? {
        b.regions.push(Region {
            key: row.required("key")?.to_string(),
            name_vi: row.required("name_vi")?.to_string(),
            name_en: row.required("name_en")?.to_string(),
        });
    }
    let columns = [
        "code",
        "name_vi",
        "name_ascii",
        "name_en",
        "region",
        "merged_2025_into",
    ];
    // The name of each former province's 2025 unit, checked against the units' member lists.
    let mut unit_names = Vec::new();
    for row in read_table(files, "geo/provinces.csv", &columns)? {
        let region = row.required("region")?;
        if !b.regions.iter().any(|r| r.key == region) {
            return Err(row.err(format!("unknown region {region:?}")));
        }
        let code = row.required("code")?.to_string();
        let name_vi = row.required("name_vi")?.to_string();
        if b.by_name.contains_key(&name_vi) || b.provinces.iter().any(|p| p.code == code) {
            return Err(row.err(format!("duplicate province {code} {name_vi}")));
        }
        unit_names.push((row.line, row.required("merged_2025_into")?.to_string()));
        b.by_name.insert(name_vi.clone(), b.provinces.len());
        b.provinces.push(Province {
            // Hà Tây (code 28) was merged into Hà Nội on 1 August 2008; the 63 are rated by
            // the editions to 2024, the 34 units of 1 July 2025 from the 2025 editions.
            last_year: Some(if code == "28" {
                2008
            } else {
                crate::data::geography::FIRST_YEAR_2025 - 1
            }),
            code,
            name_vi,
            name_ascii: row.required("name_ascii")?.to_string(),
            name_en: row.required("name_en")?.to_string(),
            region: Some(region.to_string()),
            first_year: None,
            members: Vec::new(),
            merged_2025_into: None,
            tile: None,
        });
    }
    read_units_2025(files, b, &unit_names)?;
    read_tiles(files, "geo/tilegrid.csv", b, |code| code.to_string())?;
    read_tiles(
        files,
        "geo/tilegrid_2025.csv",
        b,
        crate::data::geography::unit_id,
    )
}

/// The 34 units of 2025 (`geo/provinces_2025.csv`): every former province belongs to exactly
/// one, whose name is the one `geo/provinces.csv` gives it (`unit_names`: line and name, in the
/// order of the former provinces).
fn read_units_2025(
    files: &SourceFiles,
    b: &mut Builder,
    unit_names: &[(u64, String)],
) -> Result<(), BuildError> {
    let file = "geo/provinces_2025.csv";
    let columns = [
        "code",
        "name_vi",
        "name_ascii",
        "name_en",
        "members_pre2025",
    ];
    let former = b.provinces.len();
    for row in read_table(files, file, &columns)? {
        let id = crate::data::geography::unit_id(row.required("code")?);
        if b.provinces.iter().any(|p| p.code == id) {
            return Err(row.err(format!("duplicate unit {id}")));
        }
        let members: Vec<String> = row
            .required("members_pre2025")?
            .split(';')
            .map(|m| m.trim().to_string())
            .collect();
        let mut regions = Vec::new();
        for code in &members {
            let member = b.provinces[..former]
                .iter_mut()
                .find(|p| &p.code == code)
                .ok_or_else(|| row.err(format!("unknown former province {code:?}")))?;
            if member.merged_2025_into.is_some() {
                return Err(row.err(format!("province {code} is in two units")));
            }
            member.merged_2025_into = Some(id.clone());
            regions.extend(member.region.clone());
        }
        regions.sort();
        regions.dedup();
        b.provinces.push(Province {
            code: id,
            name_vi: row.required("name_vi")?.to_string(),
            name_ascii: row.required("name_ascii")?.to_string(),
            name_en: row.required("name_en")?.to_string(),
            // A unit has a region only when all its former provinces share it.
            region: (regions.len() == 1).then(|| regions.remove(0)),
            first_year: Some(crate::data::geography::FIRST_YEAR_2025),
            last_year: None,
            members,
            merged_2025_into: None,
            tile: None,
        });
    }
    // Hà Tây (28) is not among the members: it had joined Hà Nội in 2008.
    for (i, (line, name)) in unit_names.iter().enumerate() {
        let p = &b.provinces[i];
        let unit = match &p.merged_2025_into {
            Some(id) => b.provinces.iter().find(|u| &u.code == id),
            None if p.code == "28" => b.provinces[former..]
                .iter()
                .find(|u| u.members.iter().any(|m| m == "01")),
            None => None,
        };
        match unit {
            Some(u) if &u.name_vi == name => {
                let id = u.code.clone();
                b.provinces[i].merged_2025_into = Some(id);
            }
            _ => {
                return Err(BuildError::new(
                    "geo/provinces.csv",
                    *line,
                    format!("{} is not a member of the 2025 unit {name:?}", p.code),
                ))
            }
        }
    }
    Ok(())
}

/// Places provinces on a tile-grid cartogram: `id_of` turns the table's code into an id.
fn read_tiles(
    files: &SourceFiles,
    file: &str,
    b: &mut Builder,
    id_of: impl Fn(&str) -> String,
) -> Result<(), BuildError> {
    let mut used = HashSet::new();
    for row in read_table(files, file, &["code", "row", "col"])? {
        let code = id_of(row.required("code")?);
        let cell = |column: &str| {
            row.required(column)?
                .parse::<u8>()
                .map_err(|_| row.err(format!("bad {column}")))
        };
        let tile = (cell("row")?, cell("col")?);
        if !used.insert(tile) {
            return Err(row.err(format!("tile {tile:?} used twice")));
        }
        let province = b
            .provinces
            .iter_mut()
            .find(|p| p.code == code)
            .ok_or_else(|| row.err(format!("unknown province code {code:?}")))?;
        province.tile = Some(tile);
    }
    Ok(())
}

fn read_pci(files: &SourceFiles, b: &mut Builder) -> Result<(), BuildError> {
    let columns = ["year", "province", "subindex", "value", "source"];
    for file in ["pci/pci.csv", "pci/pci_extra.csv"] {
        for row in read_table(files, file, &columns)? {
            let year = row.year()?;
            let province = b.province_index(&row, "province")?;
            let source = b.source(&row, "source")?;
            let subindex = row.required("subindex")?;
            let value = row
                .number("value")?
                .ok_or_else(|| row.err("missing value"))?;
            let (component, point) = match subindex {
                "rank" => {
                    let rank = row.rank("value")?;
                    (
                        "total",
                        Point {
                            province: String::new(),
                            value: None,
                            rank,
                            source,
                            max_points: None,
                        },
                    )
                }
                other => {
                    let component = if other == "pci" { "total" } else { other };
                    if component != "total" && pci_component(component, year).is_none() {
                        return Err(row.err(format!("unknown PCI sub-index {other:?}")));
                    }
                    let (min, max) = pci_scale(component);
                    check_scale(&row, value, min, max)?;
                    (
                        component,
                        Point {
                            province: String::new(),
                            value: Some(value),
                            rank: None,
                            source,
                            max_points: None,
                        },
                    )
                }
            };
            b.add_value(
                &row,
                ("pci".into(), year, component.into()),
                province,
                point,
            )?;
        }
    }
    let names = PCI_ORDER
        .iter()
        .map(|k| (k.to_string(), String::new(), String::new()))
        .collect();
    b.component_names.insert("pci", names);
    Ok(())
}

fn read_papi(files: &SourceFiles, b: &mut Builder) -> Result<(), BuildError> {
    let mut names = Vec::new();
    for row in read_table(
        files,
        "papi/subdimensions.csv",
        &["dimension", "subdimension", "name_en", "name_vi"],
    )? {
        let dimension = row.required("dimension")?;
        let key = match row.text("subdimension") {
            "" => dimension.to_string(),
            sub => format!("{dimension}.{sub}"),
        };
        names.push((
            key,
            row.required("name_vi")?.to_string(),
            row.required("name_en")?.to_string(),
        ));
    }
    let columns = [
        "year",
        "province",
        "dimension",
        "subdimension",
        "value",
        "source",
    ];
    for row in read_table(files, "papi/papi.csv", &columns)? {
        let year = row.year()?;
        let province = b.province_index(&row, "province")?;
        let source = b.source(&row, "source")?;
        let dimension = row.required("dimension")?;
        let component = match row.text("subdimension") {
            "" => dimension.to_string(),
            sub => format!("{dimension}.{sub}"),
        };
        if component != "total" && !names.iter().any(|(k, _, _)| *k == component) {
            return Err(row.err(format!("unknown PAPI dimension {component:?}")));
        }
        let value = row
            .number("value")?
            .ok_or_else(|| row.err("missing value"))?;
        let (min, max) = papi_scale(&component, year);
        check_scale(&row, value, min, max)?;
        let point = Point {
            province: String::new(),
            value: Some(value),
            rank: None,
            source,
            max_points: None,
        };
        b.add_value(&row, ("papi".into(), year, component), province, point)?;
    }
    b.component_names.insert("papi", names);
    Ok(())
}

fn read_par(files: &SourceFiles, b: &mut Builder) -> Result<(), BuildError> {
    let mut names = Vec::new();
    for row in read_table(
        files,
        "par/components.csv",
        &["key", "name_vi", "name_en", "max_points"],
    )? {
        let key = row.required("key")?.to_string();
        for part in row
            .text("max_points")
            .split(';')
            .filter(|p| p.contains('='))
        {
            let (year, points) = part.split_once('=').expect("filtered on '='");
            let year = year
                .trim()
                .parse::<u16>()
                .map_err(|_| row.err(format!("bad year in max_points {part:?}")))?;
            let points = points
                .trim()
                .parse::<f64>()
                .map_err(|_| row.err(format!("bad max_points {part:?}")))?;
            b.par_maxima.insert((key.clone(), year), points);
        }
        names.push((
            key,
            row.required("name_vi")?.to_string(),
            row.required("name_en")?.to_string(),
        ));
    }
    b.component_names.insert("par", names);
    b.component_names.insert("sipas", Vec::new());

    let columns = [
        "year",
        "unit_type",
        "unit",
        "component",
        "value",
        "max_points",
        "rank",
        "source",
    ];
    for file in ["par/par_index.csv", "par/par_extra.csv"] {
        for row in read_table(files, file, &columns)? {
            let year = row.year()?;
            let component = row.required("component")?.to_string();
            if !b.component_names["par"]
                .iter()
                .any(|(k, _, _)| *k == component)
            {
                return Err(row.err(format!("unknown PAR component {component:?}")));
            }
            let value = row.number("value")?;
            if let Some(v) = value {
                check_scale(&row, v, 0.0, 100.0)?;
            }
            let source = b.source(&row, "source")?;
            match row.required("unit_type")? {
                "province" => {
                    let province = b.province_index(&row, "unit")?;
                    let value = value.ok_or_else(|| row.err("missing value"))?;
                    let point = Point {
                        province: String::new(),
                        value: Some(value),
                        rank: row.rank("rank")?,
                        source,
                        max_points: row.number("max_points")?,
                    };
                    b.add_value(&row, ("par".into(), year, component), province, point)?;
                }
                // Only the provinces' average: the ministries are not ranked with provinces.
                "national" if row.text("unit") == PROVINCES_AVERAGE => {
                    let value = value.ok_or_else(|| row.err("missing value"))?;
                    b.national.push(NationalValue {
                        index: "par".into(),
                        year,
                        component,
                        value,
                        source,
                    });
                }
                "ministry" => {
                    b.ministries.insert(row.required("unit")?.to_string());
                }
                "national" => {}
                other => return Err(row.err(format!("unknown unit_type {other:?}"))),
            }
        }
    }

    for file in ["par/sipas.csv", "par/sipas_extra.csv"] {
        for row in read_table(files, file, &["year", "unit", "value", "rank", "source"])? {
            let year = row.year()?;
            let value = row
                .number("value")?
                .ok_or_else(|| row.err("missing value"))?;
            check_scale(&row, value, 0.0, 100.0)?;
            let source = b.source(&row, "source")?;
            if row.text("unit") == "Cả nước" {
                b.national.push(NationalValue {
                    index: "sipas".into(),
                    year,
                    component: "total".into(),
                    value,
                    source,
                });
                continue;
            }
            let province = b.province_index(&row, "unit")?;
            let point = Point {
                province: String::new(),
                value: Some(value),
                rank: row.rank("rank")?,
                source,
                max_points: None,
            };
            b.add_value(
                &row,
                ("sipas".into(), year, "total".into()),
                province,
                point,
            )?;
        }
    }

    let columns = [
        "index",
        "year",
        "unit_type",
        "unit",
        "component",
        "rank",
        "source",
        "note",
    ];
    for row in read_table(files, "par/rank_only.csv", &columns)? {
        if row.required("unit_type")? != "province" {
            continue;
        }
        let index = row.required("index")?;
        if index != "par" && index != "sipas" {
            return Err(row.err(format!("unknown index {index:?}")));
        }
        let year = row.year()?;
        let province = b.province_index(&row, "unit")?;
        let source = b.source(&row, "source")?;
        let rank = row.rank("rank")?.ok_or_else(|| row.err("missing rank"))?;
        let component = row.required("component")?.to_string();
        let point = Point {
            province: String::new(),
            value: None,
            rank: Some(rank),
            source,
            max_points: None,
        };
        b.add_value(&row, (index.to_string(), year, component), province, point)?;
    }
    Ok(())
}

fn read_conflicts(files: &SourceFiles, b: &mut Builder) -> Result<(), BuildError> {
    let columns = [
        "index",
        "year",
        "unit",
        "field",
        "value_kept",
        "source_kept",
        "value_alternative",
        "source_alternative",
        "note",
        "note_vi",
    ];
    for row in read_table(files, "par/conflicts.csv", &columns)? {
        let unit = row.required("unit")?;
        let province = b.by_name.get(unit).map(|&i| b.provinces[i].code.clone());
        let subject = if province.is_some() {
            ConflictSubject::Province
        } else if unit == PROVINCES_AVERAGE {
            ConflictSubject::ProvincesAverage
        } else if b.ministries.contains(unit) {
            ConflictSubject::Ministry
        } else {
            ConflictSubject::Other
        };
        let source = |b: &mut Builder, column: &str| -> Result<Option<u32>, BuildError> {
            if row.text(column).is_empty() {
                Ok(None)
            } else {
                b.source(&row, column).map(Some)
            }
        };
        let source_kept = source(b, "source_kept")?;
        let source_other = source(b, "source_alternative")?;
        b.conflicts.push(Conflict {
            index: row.required("index")?.to_string(),
            year: row.year()?,
            province,
            subject,
            unit: unit.to_string(),
            field: row.required("field")?.to_string(),
            value_kept: row.required("value_kept")?.to_string(),
            value_other: row.text("value_alternative").to_string(),
            source_kept,
            source_other,
            note: row.text("note").to_string(),
            note_vi: row.text("note_vi").to_string(),
        });
    }
    Ok(())
}

/// Records `source` as a further source of a value held (`province` `None`: the national
/// value) unless it is the one the value was taken from (`first`); a source named twice for
/// one value is kept once, with all it gives.
fn further_source(
    confirmations: &mut Vec<Confirmation>,
    (index, year, component): &SeriesKey,
    province: Option<&str>,
    first: u32,
    source: u32,
    value: bool,
    rank: bool,
) {
    if source == first {
        return;
    }
    let same = |c: &&mut Confirmation| {
        c.source == source
            && c.index == *index
            && c.year == *year
            && c.component == *component
            && c.province.as_deref() == province
    };
    match confirmations.iter_mut().find(same) {
        Some(c) => {
            c.value |= value;
            c.rank |= rank;
        }
        None => confirmations.push(Confirmation {
            index: index.clone(),
            year: *year,
            component: component.clone(),
            province: province.map(str::to_string),
            value,
            rank,
            source,
        }),
    }
}

/// A confirmation's figure: a number, perhaps followed by a note in brackets; a note
/// "(rank N)" beside a value says the source gives rank N too.
fn confirmed_figure(row: &Row) -> Result<(f64, Option<u32>), BuildError> {
    let text = row.required("value")?;
    let (number, note) = match text.split_once(" (") {
        Some((number, rest)) => {
            let note = rest
                .strip_suffix(')')
                .ok_or_else(|| row.err(format!("unclosed bracket in value {text:?}")))?;
            (number, Some(note))
        }
        None => (text, None),
    };
    let number = number
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .ok_or_else(|| row.err(format!("value is not a number: {text:?}")))?;
    let rank = note
        .and_then(|n| n.strip_prefix("rank "))
        .map(|r| {
            r.parse::<u32>()
                .ok()
                .filter(|r| (1..=100).contains(r))
                .ok_or_else(|| row.err(format!("bad rank in value {text:?}")))
        })
        .transpose()?;
    Ok((number, rank))
}

/// `par/confirmations.csv`: further sources of PAR INDEX and SIPAS values and ranks. Each must
/// give exactly what the dataset holds (a different figure is a disagreement, which belongs in
/// `conflicts.csv`).
fn read_confirmations(files: &SourceFiles, b: &mut Builder) -> Result<(), BuildError> {
    let columns = ["index", "year", "unit", "field", "value", "source"];
    for row in read_table(files, "par/confirmations.csv", &columns)? {
        let index = row.required("index")?;
        if index != "par" && index != "sipas" {
            return Err(row.err(format!("unknown index {index:?}")));
        }
        let year = row.year()?;
        let field = row.required("field")?;
        let component_of_par = index == "par"
            && b.component_names["par"]
                .iter()
                .any(|(k, _, _)| k == field && k != "total");
        let (number, rank_beside) = confirmed_figure(&row)?;
        let (component, value, rank) = match field {
            "total" | "value" => ("total", Some(number), rank_beside),
            "rank"
                if number >= 1.0
                    && number.fract() == 0.0
                    && number <= 100.0
                    && rank_beside.is_none() =>
            {
                ("total", None, Some(number as u32))
            }
            "rank" => return Err(row.err(format!("not a rank: {:?}", row.text("value")))),
            _ if component_of_par && rank_beside.is_none() => (field, Some(number), None),
            _ => return Err(row.err(format!("unknown field {field:?}"))),
        };
        let source = b.source(&row, "source")?;
        let key: SeriesKey = (index.to_string(), year, component.to_string());
        let unit = row.required("unit")?;
        let national = (index == "par" && unit == PROVINCES_AVERAGE)
            || (index == "sipas" && unit == "Cả nước");
        if national {
            let held = b
                .national
                .iter()
                .find(|n| n.index == key.0 && n.year == year && n.component == key.2)
                .ok_or_else(|| {
                    row.err(format!(
                        "no national {index} {year} {component} value to confirm"
                    ))
                })?;
            if rank.is_some() || value != Some(held.value) {
                return Err(row.err(format!(
                    "gives {:?} where the national value is {}: a disagreement belongs in par/conflicts.csv",
                    row.text("value"),
                    held.value
                )));
            }
            let first = held.source;
            further_source(&mut b.confirmations, &key, None, first, source, true, false);
            continue;
        }
        let province = b.province_index(&row, "unit")?;
        let held = b
            .points
            .get(&key)
            .and_then(|series| series.get(&province))
            .map(|(point, _)| point.clone())
            .ok_or_else(|| {
                row.err(format!(
                    "no {index} {year} {component} value or rank of {unit} to confirm"
                ))
            })?;
        let differs = |given: Option<String>, held: Option<String>, what: &str| {
            row.err(format!(
                "gives {what} {} where the dataset holds {}: a disagreement belongs in par/conflicts.csv",
                given.unwrap_or_default(),
                held.unwrap_or_else(|| "none".into())
            ))
        };
        if value.is_some() && value != held.value {
            return Err(differs(
                value.map(|v| v.to_string()),
                held.value.map(|v| v.to_string()),
                "value",
            ));
        }
        if rank.is_some() && rank != held.rank {
            return Err(differs(
                rank.map(|r| r.to_string()),
                held.rank.map(|r| r.to_string()),
                "rank",
            ));
        }
        let code = b.provinces[province].code.clone();
        further_source(
            &mut b.confirmations,
            &key,
            Some(&code),
            held.source,
            source,
            value.is_some(),
            rank.is_some(),
        );
    }
    Ok(())
}

fn read_coverage_notes(files: &SourceFiles, b: &mut Builder) -> Result<(), BuildError> {
    let columns = ["index", "year", "province", "reason_vi", "reason_en"];
    for row in read_table(files, "coverage_notes.csv", &columns)? {
        let index = row.required("index")?;
        if !INDEX_SPECS.iter().any(|s| s.key == index) {
            return Err(row.err(format!("unknown index {index:?}")));
        }
        let year = if row.text("year").is_empty() {
            None
        } else {
            Some(row.year()?)
        };
        let province = if row.text("province").is_empty() {
            None
        } else {
            Some(
                b.provinces[b.province_index(&row, "province")?]
                    .code
                    .clone(),
            )
        };
        b.coverage_notes.push(CoverageNote {
            index: index.to_string(),
            year,
            province,
            reason_vi: row.required("reason_vi")?.to_string(),
            reason_en: row.required("reason_en")?.to_string(),
        });
    }
    Ok(())
}

/// The seed reports' meetings and the figures they give for provinces and their own units.
fn read_seeds(files: &SourceFiles, b: &mut Builder) -> Result<(), BuildError> {
    let columns = [
        "id",
        "date",
        "province",
        "kind",
        "chair",
        "chair_role",
        "topic",
        "topic_vi",
        "author",
        "source",
    ];
    for row in read_table(files, "seeds/meetings.csv", &columns)? {
        let province = b.provinces[b.province_index(&row, "province")?]
            .code
            .clone();
        let date = row.required("date")?;
        let valid_date = date.len() == 10
            && date
                .split('-')
                .map(|p| p.parse::<u16>().is_ok())
                .filter(|ok| *ok)
                .count()
                == 3;
        if !valid_date {
            return Err(row.err(format!("bad date {date:?}")));
        }
        let id = row.required("id")?.to_string();
        if b.meetings.iter().any(|m| m.id == id) {
            return Err(row.err(format!("duplicate meeting {id}")));
        }
        b.meetings.push(Meeting {
            id,
            date: date.to_string(),
            province,
            kind: row.required("kind")?.to_string(),
            chair: row.required("chair")?.to_string(),
            chair_role: row.required("chair_role")?.to_string(),
            topic: row.required("topic")?.to_string(),
            topic_vi: Some(row.text("topic_vi"))
                .filter(|t| !t.is_empty())
                .map(str::to_string),
            author: row.text("author").to_string(),
            source: row.required("source")?.to_string(),
        });
    }
    let columns = [
        "meeting",
        "province",
        "year",
        "unit_type",
        "unit",
        "metric",
        "value",
        "low",
        "high",
        "measure",
        "note",
        "note_vi",
    ];
    for row in read_table(files, "seeds/facts.csv", &columns)? {
        let meeting = row.required("meeting")?;
        if !b.meetings.iter().any(|m| m.id == meeting) {
            return Err(row.err(format!("unknown meeting {meeting:?}")));
        }
        let province = b.provinces[b.province_index(&row, "province")?]
            .name_vi
            .clone();
        let unit_type = crate::data::units::UnitType::from_key(row.required("unit_type")?)
            .ok_or_else(|| row.err("unknown unit_type"))?;
        let (value, low, high) = (
            row.number("value")?,
            row.number("low")?,
            row.number("high")?,
        );
        if value.is_none() && low.is_none() && high.is_none() {
            return Err(row.err("neither a value nor a band"));
        }
        if let (Some(lo), Some(hi)) = (low, high) {
            if lo > hi {
                return Err(row.err(format!("low {lo} > high {hi}")));
            }
        }
        let note = row.text("note");
        b.unit_scores.push(crate::data::units::UnitScore {
            province,
            year: row.year()?,
            unit_type,
            unit: row.required("unit")?.to_string(),
            metric: row.required("metric")?.to_string(),
            value,
            low,
            high,
            measure: Some(row.text("measure").to_string()).filter(|m| !m.is_empty()),
            note: Some(note.to_string()).filter(|n| !n.is_empty()),
            note_vi: Some(row.text("note_vi").to_string()).filter(|n| !n.is_empty()),
            derived: note.starts_with("derived:"),
            source: meeting.to_string(),
        });
    }
    Ok(())
}

fn component_meta(b: &Builder, index: &str, year: u16, key: &str) -> ComponentMeta {
    let named = |k: &str| {
        b.component_names[index]
            .iter()
            .find(|(n, _, _)| n == k)
            .map(|(_, vi, en)| (vi.clone(), en.clone()))
    };
    let (name_vi, name_en) = match (index, key) {
        ("pci", "total") => (
            "Chỉ số PCI (có trọng số)".into(),
            "PCI (weighted total)".into(),
        ),
        ("pci", k) => pci_component(k, year)
            .map(|(vi, en)| (vi.into(), en.into()))
            .unwrap_or_default(),
        ("papi", "total") => ("Chỉ số PAPI tổng hợp".into(), "PAPI total".into()),
        ("sipas", _) => ("Chỉ số SIPAS".into(), "SIPAS".into()),
        (_, k) => named(k).unwrap_or_default(),
    };
    let (unit, scale_min, scale_max, max_points) = match index {
        "pci" => {
            let (min, max) = pci_scale(key);
            (Unit::Points, min, max, None)
        }
        "papi" => {
            let (min, max) = papi_scale(key, year);
            (Unit::Points, min, max, None)
        }
        "par" if key != "total" && !key.ends_with("_pct") => {
            let max = b.par_maxima.get(&(key.to_string(), year)).copied();
            (Unit::Points, 0.0, max.unwrap_or(100.0), max)
        }
        _ => (Unit::Percent, 0.0, 100.0, None),
    };
    ComponentMeta {
        key: key.to_string(),
        name_vi,
        name_en,
        unit,
        scale_min,
        scale_max,
        max_points,
    }
}

fn assemble(b: Builder) -> Dataset {
    let mut indices = Vec::new();
    for spec in &INDEX_SPECS {
        let order: Vec<&str> = b.component_names[spec.key]
            .iter()
            .map(|(k, _, _)| k.as_str())
            .collect();
        let rank_of = |k: &str| {
            if k == "total" {
                0
            } else {
                1 + order.iter().position(|o| *o == k).unwrap_or(order.len())
            }
        };
        let mut by_year: BTreeMap<u16, Vec<&str>> = BTreeMap::new();
        for (index, year, component) in b.points.keys() {
            if index == spec.key {
                by_year.entry(*year).or_default().push(component);
            }
        }
        let years = by_year
            .into_iter()
            .map(|(year, mut components)| {
                components.sort_by_key(|c| rank_of(c));
                YearMeta {
                    year,
                    components: components
                        .iter()
                        .map(|c| component_meta(&b, spec.key, year, c))
                        .collect(),
                    components_file: None,
                }
            })
            .collect();
        indices.push(IndexMeta {
            key: spec.key.into(),
            short_name: spec.short_name.into(),
            name_vi: spec.name_vi.into(),
            name_en: spec.name_en.into(),
            publisher: spec.publisher.into(),
            higher_is_better: true,
            method_breaks: spec.method_breaks.to_vec(),
            components_change_every_year: spec.components_change_every_year,
            years,
            totals_file: None,
        });
    }
    let series = b
        .points
        .iter()
        .map(|((index, year, component), points)| Series {
            index: index.clone(),
            year: *year,
            component: component.clone(),
            points: points
                .iter()
                .map(|(&province, (point, _))| Point {
                    province: b.provinces[province].code.clone(),
                    ..point.clone()
                })
                .collect(),
        })
        .collect();
    // In report order, each once.
    let mut report_provinces: Vec<String> = Vec::new();
    for m in &b.meetings {
        if !report_provinces.contains(&m.province) {
            report_provinces.push(m.province.clone());
        }
    }
    let last_source_id = b.sources.iter().map(|s| s.id).max().unwrap_or(0);
    Dataset {
        schema_version: SCHEMA_VERSION,
        indices,
        regions: b.regions,
        provinces: b.provinces,
        sources: b.sources,
        series,
        national: b.national,
        coverage_notes: b.coverage_notes,
        conflicts: b.conflicts,
        meetings: b.meetings,
        unit_scores: b.unit_scores,
        reports_file: None,
        report_provinces,
        confirmations: b.confirmations,
        details_file: None,
        last_source_id,
        own_rows: Vec::new(),
    }
}

/// The main data file, relative to the app (and to the repository).
pub const DATASET_FILE: &str = "static/dataset.json";
/// The steering committees' reports (meetings, unit figures), split off the main file.
pub const REPORTS_FILE: &str = "static/reports.json";
/// The sources' citations, their disagreements and the further sources of values, which the first
/// view can be drawn without: a file of its own, read as soon as the first view is shown.
pub const DETAILS_FILE: &str = "static/details.json";
/// PAPI's sub-dimensions and PCI's sub-indices are three quarters of the data and the first views
/// need none of them: each index's go to one file a year (most views show one year), loaded when
/// first needed. So do PAR INDEX's components (2 KB gzip of the first visit).
const SEPARATE_COMPONENTS: [&str; 3] = ["papi", "pci", "par"];
/// The folder of the component files (one per index and year), copied whole into the app.
pub const COMPONENTS_DIR: &str = "static/components";
/// The first view ranks PAPI (the most complete recent index); the other indices' totals go to
/// files of their own, read ahead of need once that view is shown.
const SEPARATE_TOTALS: [&str; 3] = ["par", "sipas", "pci"];

/// Every data file as committed: (path, JSON), the main file first.
pub fn data_files(dataset: Dataset) -> Vec<(String, String)> {
    // Only the years that have components (`total` is always listed first).
    let components = SEPARATE_COMPONENTS
        .iter()
        .filter_map(|key| dataset.index(key))
        .flat_map(|i| {
            i.years
                .iter()
                .filter(|y| y.components.iter().any(|c| c.key != "total"))
                .map(|y| {
                    let file = format!("{COMPONENTS_DIR}/{}-{}.json", i.key, y.year);
                    (DataPart::Components(i.key.clone(), y.year), file)
                })
        })
        .collect();
    let (main, mut files) = dataset.split_series(components);
    let totals = SEPARATE_TOTALS
        .map(|key| {
            (
                DataPart::Totals(key.into()),
                format!("static/totals-{key}.json"),
            )
        })
        .to_vec();
    let (main, totals) = main.split_series(totals);
    // Only the view inside a province needs the reports.
    let (main, reports) = main.split_reports(REPORTS_FILE);
    let (main, details) = main.split_details(DETAILS_FILE);
    files.insert(0, (DATASET_FILE.to_string(), to_json(&main)));
    files.push(reports);
    files.extend(totals);
    files.push(details);
    files
}

/// The JSON of a whole dataset: compact, one trailing newline.
pub fn to_json(dataset: &Dataset) -> String {
    let mut json = serde_json::to_string(dataset).expect("the dataset always serialises");
    json.push('\n');
    json
}

#[derive(serde::Deserialize)]
struct FeatureCollection {
    features: Vec<Feature>,
}

#[derive(serde::Deserialize)]
struct Feature {
    properties: FeatureProperties,
    geometry: Geometry,
}

#[derive(serde::Deserialize)]
struct FeatureProperties {
    code: String,
}

#[derive(serde::Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum Geometry {
    Polygon(Vec<Vec<(f64, f64)>>),
    MultiPolygon(Vec<Vec<Vec<(f64, f64)>>>),
}

#[derive(serde::Deserialize)]
struct IslandCollection {
    features: Vec<IslandFeature>,
}

#[derive(serde::Deserialize)]
struct IslandFeature {
    properties: IslandProperties,
    geometry: Geometry,
}

#[derive(serde::Deserialize)]
struct IslandProperties {
    group: String,
    province_code_pre2025: String,
    province_code_2025: String,
}

/// The two archipelagos of `geo/islands.geojson`, each with its province in both geographies:
/// both must be there, each once, and its 2025 unit must hold its former province.
fn island_sources(
    files: &SourceFiles,
    dataset: &Dataset,
) -> Result<Vec<crate::data::map_geometry::IslandSource>, BuildError> {
    use crate::data::map_geometry::{IslandSource, ISLAND_GROUPS};
    let file = "geo/islands.geojson";
    let collection: IslandCollection = serde_json::from_str(files.get(file)?)
        .map_err(|e| BuildError::new(file, e.line() as u64, format!("bad GeoJSON: {e}")))?;
    let mut sources = Vec::new();
    for key in ISLAND_GROUPS {
        let mut found = collection
            .features
            .iter()
            .filter(|f| f.properties.group == key);
        let (Some(feature), None) = (found.next(), found.next()) else {
            return Err(BuildError::new(
                file,
                0,
                format!("the group {key:?} must be there once"),
            ));
        };
        let properties = &feature.properties;
        let unit = crate::data::geography::unit_id(&properties.province_code_2025);
        let holds = dataset
            .province(&unit)
            .is_some_and(|u| u.members.contains(&properties.province_code_pre2025));
        if dataset
            .province(&properties.province_code_pre2025)
            .is_none()
            || !holds
        {
            return Err(BuildError::new(
                file,
                0,
                format!(
                    "{key}: provinces {:?} (to 2024) and {:?} (2025) are not a province and its unit",
                    properties.province_code_pre2025, properties.province_code_2025
                ),
            ));
        }
        sources.push(IslandSource {
            group: key.to_string(),
            codes: vec![properties.province_code_pre2025.clone(), unit],
            rings: feature.geometry.rings(),
        });
    }
    if let Some(other) = collection
        .features
        .iter()
        .find(|f| !ISLAND_GROUPS.contains(&f.properties.group.as_str()))
    {
        return Err(BuildError::new(
            file,
            0,
            format!("unknown group {:?}", other.properties.group),
        ));
    }
    Ok(sources)
}

impl Geometry {
    /// Every ring, the parts of a multipolygon one after another.
    fn rings(&self) -> Vec<Vec<(f64, f64)>> {
        match self {
            Geometry::Polygon(rings) => rings.clone(),
            Geometry::MultiPolygon(polygons) => polygons.iter().flatten().cloned().collect(),
        }
    }
}

/// Projects the provinces' outlines into SVG paths, one shape per province id: the 63 from
/// `geo/provinces.geojson`, the 34 units of 2025 from `geo/provinces_2025.geojson` (their codes
/// made into unit ids). Every feature must be a known province. Quần đảo Hoàng Sa and Quần đảo
/// Trường Sa (`geo/islands.geojson`) go into the East Sea inset east of the mainland, with
/// their provinces in both geographies.
pub fn build_map(
    files: &SourceFiles,
    dataset: &Dataset,
) -> Result<crate::data::map_geometry::MapShapes, BuildError> {
    // Each file with how its features' codes become province ids.
    type Layer = (&'static str, fn(&str) -> String);
    let layers: [Layer; 2] = [
        ("geo/provinces.geojson", str::to_string),
        (
            "geo/provinces_2025.geojson",
            crate::data::geography::unit_id,
        ),
    ];
    let mut shapes = Vec::new();
    let (mut width, mut height) = (0f64, 0f64);
    for (file, id_of) in layers {
        let collection: FeatureCollection = serde_json::from_str(files.get(file)?)
            .map_err(|e| BuildError::new(file, e.line() as u64, format!("bad GeoJSON: {e}")))?;
        for feature in collection.features {
            let code = id_of(&feature.properties.code);
            if dataset.province(&code).is_none() {
                return Err(BuildError::new(
                    file,
                    0,
                    format!("unknown province code {:?}", feature.properties.code),
                ));
            }
            let rings = feature.geometry.rings();
            for (lon, lat) in rings.iter().flatten() {
                let (x, y) = crate::data::map_geometry::project(*lon, *lat);
                width = width.max(x);
                height = height.max(y);
            }
            shapes.push(crate::data::map_geometry::Shape {
                code,
                d: crate::data::map_geometry::path_data(&rings),
            });
        }
    }
    let inset = crate::data::map_geometry::Inset::lay_out(width, island_sources(files, dataset)?);
    let frame = inset.frame;
    Ok(crate::data::map_geometry::MapShapes {
        width: (frame.x + frame.width).ceil(),
        height: height.max(frame.y + frame.height).ceil(),
        shapes,
        inset,
    })
}

/// The map JSON as committed under `static/`.
pub fn map_to_json(map: &crate::data::map_geometry::MapShapes) -> String {
    let mut json = serde_json::to_string(map).expect("the map always serialises");
    json.push('\n');
    json
}
