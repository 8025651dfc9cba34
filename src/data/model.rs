//! The bundled dataset: its schema (versioned) and how it is loaded and checked in the browser.
//!
//! Missing data is absent: a province without a published value has no `Point`, or a `Point`
//! with `value: None` when only its official rank was published. Nothing is ever stored as 0.

use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Bumped whenever the JSON layout changes incompatibly.
/// 2: series are stored column-wise (see `SeriesWire`); 3: steering-committee meetings and unit scores;
/// 4: the component series of some indices are in files of their own (one per index);
/// 5: the 34 provinces of 2025 beside the 63 (`Province::first_year`, `members`; region optional);
/// 6: a value's further sources (`confirmations`), and the sources, disagreements and
/// confirmations in a file of their own (`details_file`); 7: an index's component series in one
/// file per year (`YearMeta::components_file`, and `year` in the file).
pub const SCHEMA_VERSION: u32 = 7;

#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(into = "DatasetWire")]
pub struct Dataset {
    pub schema_version: u32,
    pub indices: Vec<IndexMeta>,
    pub regions: Vec<Region>,
    pub provinces: Vec<Province>,
    pub sources: Vec<Source>,
    pub series: Vec<Series>,
    /// Published national averages (reference lines, never used to fill a province).
    pub national: Vec<NationalValue>,
    /// Why provinces or years have no data, per index (and year, and province where known).
    pub coverage_notes: Vec<CoverageNote>,
    /// Values on which sources disagree: the kept value is in `series`, the other one here.
    pub conflicts: Vec<Conflict>,
    /// Provincial steering-committee meetings reported in the seed reports.
    pub meetings: Vec<Meeting>,
    /// Figures those reports give for the provinces' own departments and districts.
    pub unit_scores: Vec<crate::data::units::UnitScore>,
    /// Where `meetings` and `unit_scores` are while they are still to be loaded (a file of
    /// their own, which only the view inside a province needs).
    pub reports_file: Option<String>,
    /// Codes of the provinces the reports are about, known before the reports are loaded.
    pub report_provinces: Vec<String>,
    /// Sources that give a value (or rank) again which was taken from another source.
    pub confirmations: Vec<Confirmation>,
    /// Where `sources`, `conflicts` and `confirmations` are while they are still to be loaded
    /// (a file of their own: the first view can be drawn without them). Source ids on values
    /// are known before it is loaded.
    pub details_file: Option<String>,
    /// The highest id of the bundled sources, known before they are loaded: users' own rows
    /// are numbered after it.
    pub last_source_id: u32,
    /// The sources that are rows of users' own files (see `data::user_files::merge`): empty in the
    /// bundled data, and never written to its files.
    pub own_rows: Vec<OwnRow>,
}

#[derive(Serialize, miniserde::Deserialize, Debug, Clone, PartialEq)]
pub struct Meeting {
    pub id: String,
    /// ISO date, e.g. 2022-07-18.
    pub date: String,
    /// Province code.
    pub province: String,
    /// quarterly_review | semiannual_review | index_announcement | conclusion_followup
    pub kind: String,
    pub chair: String,
    pub chair_role: String,
    /// What the meeting was about, summarised in English.
    pub topic: String,
    /// The report's own headline (Vietnamese); absent in datasets built before it was added.
    pub topic_vi: Option<String>,
    pub author: String,
    /// The report's file name.
    pub source: String,
}

#[derive(Serialize, miniserde::Deserialize, Debug, Clone, PartialEq)]
pub struct IndexMeta {
    /// `par`, `sipas`, `papi` or `pci`.
    pub key: String,
    pub short_name: String,
    pub name_vi: String,
    pub name_en: String,
    pub publisher: String,
    pub higher_is_better: bool,
    /// Years from which the method changed so that values are not comparable with earlier years.
    pub method_breaks: Vec<u16>,
    /// True when components (not the total) change their maxima every year (PAR INDEX).
    pub components_change_every_year: bool,
    pub years: Vec<YearMeta>,
    /// Where this index's totals are while they are not loaded: the first view needs one
    /// index's only.
    pub totals_file: Option<String>,
}

#[derive(Serialize, miniserde::Deserialize, Debug, Clone, PartialEq)]
pub struct YearMeta {
    pub year: u16,
    /// `total` first, then the components present in that year, in the index's own order.
    pub components: Vec<ComponentMeta>,
    /// Where the component series of this year are while they are not loaded (relative to the
    /// app): they are most of the data, the first views need only the totals, and most views
    /// only one year's.
    pub components_file: Option<String>,
}

#[derive(Serialize, miniserde::Deserialize, Debug, Clone, PartialEq)]
pub struct ComponentMeta {
    /// `total`, a component key, or `dimension.subdimension` for PAPI sub-dimensions.
    pub key: String,
    pub name_vi: String,
    pub name_en: String,
    pub unit: Unit,
    pub scale_min: f64,
    pub scale_max: f64,
    /// Maximum points of the component that year, where a source states it.
    pub max_points: Option<f64>,
}

#[derive(Serialize, miniserde::Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    #[serde(rename = "percent")]
    Percent,
    #[serde(rename = "points")]
    Points,
}

#[derive(Serialize, miniserde::Deserialize, Debug, Clone, PartialEq)]
pub struct Region {
    pub key: String,
    pub name_vi: String,
    pub name_en: String,
}

#[derive(Serialize, miniserde::Deserialize, Debug, Clone, PartialEq)]
pub struct Province {
    /// The id. The 63 provinces of 2008 to mid-2025 (and Hà Tây) keep their GSO code with its
    /// leading zero ("14"); the 34 units formed on 1 July 2025 have their 2025 code after an "n"
    /// ("n15"), since a two-digit code does not mean the same area before and after 2025
    /// (see `data::geography`).
    pub code: String,
    pub name_vi: String,
    pub name_ascii: String,
    pub name_en: String,
    /// The socio-economic region; `None` for a 2025 unit whose former provinces lie in
    /// different regions.
    pub region: Option<String>,
    /// First year rated as a unit (2025 for the 34); `None` for the 63 and Hà Tây.
    pub first_year: Option<u16>,
    /// Last year rated as a unit (2024 for the 63, 2008 for Hà Tây); `None` for the 34.
    pub last_year: Option<u16>,
    /// A 2025 unit's former provinces (their codes); empty for the others.
    pub members: Vec<String>,
    /// A former province's 2025 unit (its id); `None` for the 34 themselves.
    pub merged_2025_into: Option<String>,
    /// (row, column) on the tile-grid cartogram of its geography; row 0 is the north.
    pub tile: Option<(u8, u8)>,
}

#[derive(Serialize, miniserde::Deserialize, Debug, Clone, PartialEq)]
pub struct Source {
    pub id: u32,
    /// URL(s) joined by " | ", or a file reference such as `vietnamdata:data-raw/PCI/PCI_2005.xls`.
    pub citation: String,
}

/// Where a user's own value comes from: the source it cites, their file and the line a
/// spreadsheet shows for it.
#[derive(Serialize, miniserde::Deserialize, Debug, Clone, PartialEq)]
pub struct OwnRow {
    pub source: u32,
    pub file: String,
    pub line: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub index: String,
    pub year: u16,
    pub component: String,
    pub points: Vec<Point>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Province code.
    pub province: String,
    pub value: Option<f64>,
    /// Official rank as published (1 = best).
    pub rank: Option<u32>,
    pub source: u32,
    /// Maximum points printed beside the value by its source ("58.51/60.50").
    pub max_points: Option<f64>,
}

/// The dataset as stored in JSON: like `Dataset`, but series column-wise, which halves the file.
#[derive(Serialize, miniserde::Deserialize)]
struct DatasetWire {
    schema_version: u32,
    indices: Vec<IndexMeta>,
    regions: Vec<Region>,
    provinces: Vec<Province>,
    sources: Vec<Source>,
    series: Vec<SeriesWire>,
    national: Vec<NationalValue>,
    coverage_notes: Vec<CoverageNote>,
    conflicts: Vec<Conflict>,
    meetings: Vec<Meeting>,
    unit_scores: Vec<crate::data::units::UnitScore>,
    reports_file: Option<String>,
    report_provinces: Vec<String>,
    confirmations: Vec<Confirmation>,
    details_file: Option<String>,
    last_source_id: u32,
}

/// One series column-wise: point i is (`provinces[i]`, `values[i]`, `ranks[i]`, …).
#[derive(Serialize, miniserde::Deserialize)]
struct SeriesWire {
    index: String,
    year: u16,
    component: String,
    /// The source of every point, unless `other_sources` names another for a point.
    source: u32,
    /// Positions in the dataset's `provinces`.
    provinces: Vec<usize>,
    /// `null` where only a rank was published.
    values: Vec<Option<f64>>,
    ranks: Option<Vec<Option<u32>>>,
    max_points: Option<Vec<Option<f64>>>,
    /// Point position → source id.
    other_sources: std::collections::BTreeMap<usize, u32>,
}

impl SeriesWire {
    /// Point by point, with province positions resolved against `provinces`.
    fn into_series(self, provinces: &[Province]) -> Result<Series, String> {
        let n = self.provinces.len();
        let lengths_match = self.values.len() == n
            && self.ranks.as_ref().is_none_or(|r| r.len() == n)
            && self.max_points.as_ref().is_none_or(|m| m.len() == n);
        if !lengths_match {
            return Err(format!(
                "series {} {} {}: columns of different lengths",
                self.index, self.year, self.component
            ));
        }
        let mut points = Vec::with_capacity(n);
        for (i, &p) in self.provinces.iter().enumerate() {
            let province = provinces.get(p).ok_or_else(|| {
                format!(
                    "series {} {} {}: unknown province position {p}",
                    self.index, self.year, self.component
                )
            })?;
            points.push(Point {
                province: province.code.clone(),
                value: self.values[i],
                rank: self.ranks.as_ref().and_then(|r| r[i]),
                source: self.other_sources.get(&i).copied().unwrap_or(self.source),
                max_points: self.max_points.as_ref().and_then(|m| m[i]),
            });
        }
        Ok(Series {
            index: self.index,
            year: self.year,
            component: self.component,
            points,
        })
    }

    fn from_series(s: &Series, position: &HashMap<&str, usize>) -> SeriesWire {
        // The most used source becomes the series' default.
        let mut counts: HashMap<u32, usize> = HashMap::new();
        for p in &s.points {
            *counts.entry(p.source).or_default() += 1;
        }
        let source = counts
            .iter()
            .max_by_key(|(id, n)| (**n, std::cmp::Reverse(**id)))
            .map(|(id, _)| *id)
            .unwrap_or(0);
        SeriesWire {
            index: s.index.clone(),
            year: s.year,
            component: s.component.clone(),
            source,
            provinces: s
                .points
                .iter()
                .map(|p| {
                    position
                        .get(p.province.as_str())
                        .copied()
                        .unwrap_or(usize::MAX)
                })
                .collect(),
            values: s.points.iter().map(|p| p.value).collect(),
            ranks: s
                .points
                .iter()
                .any(|p| p.rank.is_some())
                .then(|| s.points.iter().map(|p| p.rank).collect()),
            max_points: s
                .points
                .iter()
                .any(|p| p.max_points.is_some())
                .then(|| s.points.iter().map(|p| p.max_points).collect()),
            other_sources: s
                .points
                .iter()
                .enumerate()
                .filter(|(_, p)| p.source != source)
                .map(|(i, p)| (i, p.source))
                .collect(),
        }
    }
}

/// The file of the steering committees' reports (meetings and unit figures), split off the
/// main dataset file.
#[derive(Serialize, miniserde::Deserialize)]
struct ReportsWire {
    schema_version: u32,
    meetings: Vec<Meeting>,
    unit_scores: Vec<crate::data::units::UnitScore>,
}

/// Data split off the main dataset file, fetched the first time a view needs it.
#[derive(Clone, Debug, PartialEq)]
pub enum DataPart {
    /// An index's totals (by index key).
    Totals(String),
    /// An index's component series of one year (by index key and year).
    Components(String, u16),
    /// The steering committees' reports: meetings and the figures for departments and districts.
    Reports,
    /// The sources' citations, their disagreements and the further sources of values.
    Details,
}

impl DataPart {
    /// The index and year (`None` for the totals) of a part of series; `None` for another part.
    fn series_of(&self) -> Option<(&str, Option<u16>)> {
        match self {
            DataPart::Totals(index) => Some((index, None)),
            DataPart::Components(index, year) => Some((index, Some(*year))),
            DataPart::Reports | DataPart::Details => None,
        }
    }
}

/// Whether a series (index, year, component) belongs to the part of `index`'s totals (`year`
/// `None`) or of its components of `year`.
fn holds(
    (index, year): (&str, Option<u16>),
    (s_index, s_year, component): (&str, u16, &str),
) -> bool {
    s_index == index
        && match year {
            None => component == "total",
            Some(year) => component != "total" && s_year == year,
        }
}

/// The file of the sources, their disagreements and the further sources of values, split off
/// the main dataset file.
#[derive(Serialize, miniserde::Deserialize)]
struct DetailsWire {
    schema_version: u32,
    sources: Vec<Source>,
    conflicts: Vec<Conflict>,
    confirmations: Vec<Confirmation>,
}

/// A file of one index's totals, or of its component series of one year, split off the main
/// dataset file.
#[derive(Serialize, miniserde::Deserialize)]
struct IndexSeriesWire {
    schema_version: u32,
    index: String,
    /// The year of a file of component series; `None` for totals.
    year: Option<u16>,
    /// Province positions refer to the main dataset's `provinces`.
    series: Vec<SeriesWire>,
}

fn province_positions(provinces: &[Province]) -> HashMap<&str, usize> {
    provinces
        .iter()
        .enumerate()
        .map(|(i, p)| (p.code.as_str(), i))
        .collect()
}

impl TryFrom<DatasetWire> for Dataset {
    type Error = String;

    fn try_from(w: DatasetWire) -> Result<Dataset, String> {
        let series = w
            .series
            .into_iter()
            .map(|s| s.into_series(&w.provinces))
            .collect::<Result<_, _>>()?;
        Ok(Dataset {
            schema_version: w.schema_version,
            indices: w.indices,
            regions: w.regions,
            provinces: w.provinces,
            sources: w.sources,
            series,
            national: w.national,
            coverage_notes: w.coverage_notes,
            conflicts: w.conflicts,
            meetings: w.meetings,
            unit_scores: w.unit_scores,
            reports_file: w.reports_file,
            report_provinces: w.report_provinces,
            confirmations: w.confirmations,
            details_file: w.details_file,
            last_source_id: w.last_source_id,
            own_rows: Vec::new(),
        })
    }
}

impl From<Dataset> for DatasetWire {
    fn from(d: Dataset) -> DatasetWire {
        let position = province_positions(&d.provinces);
        let series = d
            .series
            .iter()
            .map(|s| SeriesWire::from_series(s, &position))
            .collect();
        DatasetWire {
            schema_version: d.schema_version,
            indices: d.indices,
            regions: d.regions,
            provinces: d.provinces,
            sources: d.sources,
            series,
            national: d.national,
            coverage_notes: d.coverage_notes,
            conflicts: d.conflicts,
            meetings: d.meetings,
            unit_scores: d.unit_scores,
            reports_file: d.reports_file,
            report_provinces: d.report_provinces,
            confirmations: d.confirmations,
            details_file: d.details_file,
            last_source_id: d.last_source_id,
        }
    }
}

#[derive(Serialize, miniserde::Deserialize, Debug, Clone, PartialEq)]
pub struct NationalValue {
    pub index: String,
    pub year: u16,
    pub component: String,
    pub value: f64,
    pub source: u32,
}

#[derive(Serialize, miniserde::Deserialize, Debug, Clone, PartialEq)]
pub struct CoverageNote {
    pub index: String,
    pub year: Option<u16>,
    /// Province code, or `None` when the note covers the whole year (or index).
    pub province: Option<String>,
    pub reason_vi: String,
    pub reason_en: String,
}

#[derive(Serialize, miniserde::Deserialize, Debug, Clone, PartialEq)]
pub struct Conflict {
    pub index: String,
    pub year: u16,
    /// Province code when the disagreement is about one province.
    pub province: Option<String>,
    pub subject: ConflictSubject,
    /// The unit as the conflict table names it (a province, an average, "ordering", …).
    pub unit: String,
    pub field: String,
    /// As written in the conflict table (a number, or a short text such as "(withheld)").
    pub value_kept: String,
    pub value_other: String,
    pub source_kept: Option<u32>,
    pub source_other: Option<u32>,
    /// Why one value was kept, in English; `note_vi` is its translation (empty if none).
    pub note: String,
    pub note_vi: String,
}

impl Conflict {
    /// The id of its entry in the list of disagreements, where a mark beside the value links
    /// to; `None` for those no single value on screen stands for.
    pub fn anchor(&self) -> Option<String> {
        match (self.subject, &self.province) {
            // Not about the value itself: its rank, or how its components add up.
            (ConflictSubject::Province, Some(code)) if self.is_about_rank() => {
                Some(format!("conflict-{code}-rank"))
            }
            (ConflictSubject::Province, Some(code)) if self.field == "components" => {
                Some(format!("conflict-{code}-components"))
            }
            (ConflictSubject::Province, Some(code)) => Some(format!("conflict-{code}")),
            (ConflictSubject::ProvincesAverage, _) => Some("conflict-average".into()),
            _ => None,
        }
    }

    /// Whether it is about an official rank: `rank` (of the index) or `<component> rank`.
    pub fn is_about_rank(&self) -> bool {
        self.field == "rank" || self.field.ends_with(" rank")
    }

    /// Whether it is about the official rank of `component` (`total`: the index's rank).
    pub fn is_rank_of(&self, component: &str) -> bool {
        match self.field.strip_suffix(" rank") {
            Some(of) => of == component,
            None => self.field == "rank" && component == "total",
        }
    }
}

/// A source that gives again a value, an official rank or both, which the dataset took from
/// another source (`par/confirmations.csv`, or a later table repeating an earlier one).
#[derive(Serialize, miniserde::Deserialize, Debug, Clone, PartialEq)]
pub struct Confirmation {
    pub index: String,
    pub year: u16,
    pub component: String,
    /// Province code; `None` for the national value.
    pub province: Option<String>,
    /// Whether it gives the value, and whether the official rank.
    pub value: bool,
    pub rank: bool,
    pub source: u32,
}

impl Confirmation {
    /// What it gives, in words: the value, the rank, or both.
    pub fn gives(&self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::Text;
        lang.t(match (self.value, self.rank) {
            (true, true) => Text::GivesValueAndRank,
            (false, true) => Text::GivesRank,
            _ => Text::GivesValue,
        })
    }
}

/// What a disagreement between sources is about, so that each is shown where its value is.
#[derive(Serialize, miniserde::Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictSubject {
    /// One province (its code is `Conflict::province`).
    #[serde(rename = "province")]
    Province,
    /// The average of the provinces (the national value).
    #[serde(rename = "average")]
    ProvincesAverage,
    /// A ministry: ranked apart from the provinces, not shown by chiso.
    #[serde(rename = "ministry")]
    Ministry,
    /// Anything else the table describes in words (in English), such as an ordering of ranks.
    #[serde(rename = "other")]
    Other,
}

/// Why a dataset could not be used. Shown to the user as is.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The JSON did not parse (with its line and column).
    Parse {
        line: usize,
        column: usize,
        message: String,
    },
    SchemaVersion {
        found: u32,
        expected: u32,
    },
    /// The JSON parsed but refers to things it does not define.
    Inconsistent(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Parse {
                line,
                column,
                message,
            } => {
                write!(f, "line {line}, column {column}: {message}")
            }
            LoadError::SchemaVersion { found, expected } => {
                write!(f, "schema version {found}, expected {expected}")
            }
            LoadError::Inconsistent(msg) => f.write_str(msg),
        }
    }
}

/// Just the version of a data file, to tell an old file from a broken one.
#[derive(miniserde::Deserialize)]
struct SchemaOnly {
    schema_version: u32,
}

/// Reads JSON with miniserde, whose reading code is a fraction of serde's in the wasm. As it
/// says nothing about what went wrong, on failure `where_broken` finds where the JSON is
/// broken: `Some(LoadError::Parse)`, or `None` when the JSON is sound but not laid out as `T`.
pub(crate) fn read_json<T: miniserde::Deserialize>(text: &str) -> Result<T, Option<LoadError>> {
    miniserde::json::from_str(text).map_err(|_| where_broken(text))
}

/// Where JSON is broken, found by serde_json (without types, so with little code).
pub(crate) fn broken_at(text: &str) -> Option<LoadError> {
    serde_json::from_str::<serde::de::IgnoredAny>(text)
        .err()
        .map(|e| LoadError::Parse {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })
}

#[cfg(not(target_arch = "wasm32"))]
fn where_broken(text: &str) -> Option<LoadError> {
    broken_at(text)
}

/// Why the browser's `JSON.parse` refuses `text`, and where (in UTF-16 code units from 0, as
/// its message says "position N"; 0 if it does not say); `None` if it parses.
#[cfg(target_arch = "wasm32")]
fn json_syntax_error(text: &str) -> Option<(String, usize)> {
    let error = js_sys::JSON::parse(text).err()?;
    let message: String = wasm_bindgen::JsCast::dyn_ref::<js_sys::Error>(&error)
        .map(|e| e.message().into())
        .unwrap_or_default();
    let position = message
        .split_once("position ")
        .map(|(_, after)| {
            after
                .bytes()
                .take_while(u8::is_ascii_digit)
                .fold(0, |n, d| n * 10 + usize::from(d - b'0'))
        })
        .unwrap_or(0);
    Some((message, position))
}

/// In the page, the browser's `JSON.parse` says where (its message gives the position), which
/// keeps serde_json out of the page's wasm.
#[cfg(target_arch = "wasm32")]
fn where_broken(text: &str) -> Option<LoadError> {
    let (message, position) = json_syntax_error(text)?;
    // The position counts UTF-16 code units from 0; lines and columns count from 1.
    let (mut line, mut column, mut units) = (1, 1, 0);
    for c in text.chars().take_while(|c| {
        units += c.len_utf16();
        units <= position
    }) {
        (line, column) = if c == '\n' {
            (line + 1, 1)
        } else {
            (line, column + 1)
        };
    }
    Some(LoadError::Parse {
        line,
        column,
        message,
    })
}

/// The JSON of a data file split off the main one: compact, one trailing newline.
fn file_json(wire: &impl Serialize) -> String {
    let mut json = serde_json::to_string(wire).expect("data files always serialise");
    json.push('\n');
    json
}

/// Reads a data file: a broken one gets its position, an older one its version.
fn read_data_file<T: miniserde::Deserialize>(text: &str) -> Result<T, LoadError> {
    read_json(text).map_err(|broken| {
        broken.unwrap_or_else(|| match read_json::<SchemaOnly>(text) {
            Ok(SchemaOnly { schema_version }) if schema_version != SCHEMA_VERSION => LoadError::SchemaVersion {
                found: schema_version,
                expected: SCHEMA_VERSION,
            },
            _ => LoadError::Inconsistent("the JSON is sound but not laid out as expected: a field is missing or has the wrong type".into()),
        })
    })
}

fn check_schema(found: u32) -> Result<(), LoadError> {
    if found == SCHEMA_VERSION {
        Ok(())
    } else {
        Err(LoadError::SchemaVersion {
            found,
            expected: SCHEMA_VERSION,
        })
    }
}

impl Dataset {
    /// Parses and checks the bundled JSON.
    pub fn from_json(text: &str) -> Result<Dataset, LoadError> {
        let wire: DatasetWire = read_data_file(text)?;
        check_schema(wire.schema_version)?;
        let dataset = Dataset::try_from(wire).map_err(LoadError::Inconsistent)?;
        dataset
            .check_references()
            .map_err(LoadError::Inconsistent)?;
        Ok(dataset)
    }

    /// Moves the series of each of `parts` (an index's totals, or its components of a year) out
    /// into a file of its own at the path given with it: returns the dataset that names them and
    /// each file's (path, JSON). Other parts are not series and are left alone.
    pub fn split_series(
        mut self,
        parts: Vec<(DataPart, String)>,
    ) -> (Dataset, Vec<(String, String)>) {
        let position = province_positions(&self.provinces);
        let mut files = Vec::new();
        for (part, file) in &parts {
            let Some((index, year)) = part.series_of() else {
                continue;
            };
            let (moved, kept): (Vec<Series>, Vec<Series>) = std::mem::take(&mut self.series)
                .into_iter()
                .partition(|s| holds((index, year), (&s.index, s.year, &s.component)));
            self.series = kept;
            let wire = IndexSeriesWire {
                schema_version: self.schema_version,
                index: index.to_string(),
                year,
                series: moved
                    .iter()
                    .map(|s| SeriesWire::from_series(s, &position))
                    .collect(),
            };
            files.push((file.clone(), file_json(&wire)));
        }
        for (part, file) in parts {
            if let Some(slot) = self.part_file_mut(&part) {
                *slot = Some(file);
            }
        }
        (self, files)
    }

    /// Moves the reports (meetings and unit figures) out into a file of their own at `path`
    /// (`report_provinces` stays): returns the dataset that names the file and the file's
    /// (path, JSON).
    pub fn split_reports(mut self, path: &str) -> (Dataset, (String, String)) {
        let wire = ReportsWire {
            schema_version: self.schema_version,
            meetings: std::mem::take(&mut self.meetings),
            unit_scores: std::mem::take(&mut self.unit_scores),
        };
        self.reports_file = Some(path.to_string());
        (self, (path.to_string(), file_json(&wire)))
    }

    /// Every part a dataset can be split into: each index's totals and its components of each
    /// year, the reports, the sources and disagreements.
    pub fn all_parts(&self) -> Vec<DataPart> {
        self.indices
            .iter()
            .flat_map(|i| {
                std::iter::once(DataPart::Totals(i.key.clone()))
                    .chain(self.components_parts(&i.key))
            })
            .chain([DataPart::Reports, DataPart::Details])
            .collect()
    }

    /// The component series of `index`, one part a year (latest first: the year a view opens on).
    pub fn components_parts(&self, index: &str) -> Vec<DataPart> {
        self.index(index)
            .map(|i| {
                i.years
                    .iter()
                    .rev()
                    .map(|y| DataPart::Components(i.key.clone(), y.year))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The first of `parts` that is still to be loaded, and from where.
    pub fn part_to_load(
        &self,
        parts: impl IntoIterator<Item = DataPart>,
    ) -> Option<(DataPart, String)> {
        parts.into_iter().find_map(|part| {
            let file = match &part {
                DataPart::Totals(key) => self.index(key)?.totals_file.clone()?,
                DataPart::Components(key, year) => {
                    self.index(key)?.year(*year)?.components_file.clone()?
                }
                DataPart::Reports => self.reports_file.clone()?,
                DataPart::Details => self.details_file.clone()?,
            };
            Some((part, file))
        })
    }

    /// Those of `parts` still to be loaded, each once, in their order, with their files.
    pub fn parts_to_load(
        &self,
        parts: impl IntoIterator<Item = DataPart>,
    ) -> Vec<(DataPart, String)> {
        let mut to_load: Vec<(DataPart, String)> = Vec::new();
        for part in parts {
            if let Some(file) = self.part_to_load([part]).filter(|f| !to_load.contains(f)) {
                to_load.push(file);
            }
        }
        to_load
    }

    /// Adds `part` from `text`, the JSON of its file, if its references hold. In place, not
    /// on a copy: the app and the brief worker add a few dozen files one after the other, and
    /// a copy of the whole dataset for each, checked whole, was most of a phone's time reading
    /// them. An index's series are checked before they are added; a refused report or details
    /// file may leave part of it in the dataset, so a caller that goes on with the dataset
    /// after an error adds to a copy.
    pub fn add_part(&mut self, part: &DataPart, text: &str) -> Result<(), LoadError> {
        match part {
            DataPart::Totals(_) | DataPart::Components(..) => {
                return self.add_index_series(part, text)
            }
            DataPart::Reports => {
                let wire: ReportsWire = read_data_file(text)?;
                check_schema(wire.schema_version)?;
                self.meetings = wire.meetings;
                self.unit_scores = wire.unit_scores;
                self.reports_file = None;
            }
            DataPart::Details => {
                let wire: DetailsWire = read_data_file(text)?;
                check_schema(wire.schema_version)?;
                self.sources = wire.sources;
                self.conflicts = wire.conflicts;
                self.confirmations = wire.confirmations;
                self.details_file = None;
            }
        }
        self.check_references().map_err(LoadError::Inconsistent)
    }

    /// Moves the sources, their disagreements and the confirmations out into a file of their
    /// own at `path`: returns the dataset that names the file and the file's (path, JSON).
    pub fn split_details(mut self, path: &str) -> (Dataset, (String, String)) {
        let wire = DetailsWire {
            schema_version: self.schema_version,
            sources: std::mem::take(&mut self.sources),
            conflicts: std::mem::take(&mut self.conflicts),
            confirmations: std::mem::take(&mut self.confirmations),
        };
        self.details_file = Some(path.to_string());
        (self, (path.to_string(), file_json(&wire)))
    }

    /// Adds the series of `part` (an index's totals, or its components of a year) from `text`,
    /// the JSON of their file, once they are checked (those already there were).
    fn add_index_series(&mut self, part: &DataPart, text: &str) -> Result<(), LoadError> {
        let wire: IndexSeriesWire = read_data_file(text)?;
        check_schema(wire.schema_version)?;
        let Some((index, year)) = part.series_of() else {
            return Err(LoadError::Inconsistent("this part holds no series".into()));
        };
        if wire.index != index
            || wire.year != year
            || !wire
                .series
                .iter()
                .all(|s| holds((index, year), (&s.index, s.year, &s.component)))
        {
            let what = match year {
                None => format!("{index}'s totals"),
                Some(year) => format!("{index}'s component series of {year}"),
            };
            return Err(LoadError::Inconsistent(format!(
                "the file does not hold {what}"
            )));
        }
        let mut added = Vec::with_capacity(wire.series.len());
        for s in wire.series {
            added.push(
                s.into_series(&self.provinces)
                    .map_err(LoadError::Inconsistent)?,
            );
        }
        let provinces = self.provinces.iter().map(|p| p.code.as_str()).collect();
        let sources = self.sources.iter().map(|s| s.id).collect();
        self.check_series(&added, &provinces, &sources)
            .map_err(LoadError::Inconsistent)?;
        self.series.extend(added);
        if let Some(slot) = self.part_file_mut(part) {
            *slot = None;
        }
        Ok(())
    }

    /// Where the series of `part` are kept while not loaded; `None` for another part, or an
    /// index or year the dataset does not have.
    fn part_file_mut(&mut self, part: &DataPart) -> Option<&mut Option<String>> {
        let (index, year) = part.series_of()?;
        let meta = self.indices.iter_mut().find(|i| i.key == index)?;
        match year {
            None => Some(&mut meta.totals_file),
            Some(year) => meta
                .years
                .iter_mut()
                .find(|y| y.year == year)
                .map(|y| &mut y.components_file),
        }
    }

    /// Every code, key and source id a series refers to must be defined.
    pub fn check_references(&self) -> Result<(), String> {
        let provinces: HashSet<&str> = self.provinces.iter().map(|p| p.code.as_str()).collect();
        let sources: HashSet<u32> = self.sources.iter().map(|s| s.id).collect();
        let regions: HashSet<&str> = self.regions.iter().map(|r| r.key.as_str()).collect();
        for p in &self.provinces {
            if let Some(region) = p.region.as_deref().filter(|r| !regions.contains(r)) {
                return Err(format!("province {} has unknown region {region}", p.code));
            }
            let unknown = p
                .members
                .iter()
                .chain(&p.merged_2025_into)
                .find(|code| !provinces.contains(code.as_str()));
            if let Some(code) = unknown {
                return Err(format!("province {} refers to unknown {code}", p.code));
            }
        }
        self.check_series(&self.series, &provinces, &sources)?;
        self.check_confirmations(&provinces, &sources)?;
        for code in &self.report_provinces {
            if !provinces.contains(code.as_str()) {
                return Err(format!("reports about unknown province {code}"));
            }
        }
        // A report's figure names its province (as written in Vietnamese) and its meeting.
        for u in &self.unit_scores {
            if !self.provinces.iter().any(|p| p.name_vi == u.province) {
                return Err(format!("unit figure of unknown province {}", u.province));
            }
            if !self.meetings.iter().any(|m| m.id == u.source) {
                return Err(format!("unit figure from unknown meeting {}", u.source));
            }
        }
        Ok(())
    }

    /// `series` refer to components the dataset defines, `provinces` and (once the details
    /// are read) `sources`, and each point has a value or a rank.
    fn check_series(
        &self,
        series: &[Series],
        provinces: &HashSet<&str>,
        sources: &HashSet<u32>,
    ) -> Result<(), String> {
        let mut components: HashMap<(&str, u16), HashSet<&str>> = HashMap::new();
        for index in &self.indices {
            for y in &index.years {
                components.insert(
                    (index.key.as_str(), y.year),
                    y.components.iter().map(|c| c.key.as_str()).collect(),
                );
            }
        }
        for s in series {
            let known = components
                .get(&(s.index.as_str(), s.year))
                .ok_or_else(|| format!("series {} {} has no index/year entry", s.index, s.year))?;
            if !known.contains(s.component.as_str()) {
                return Err(format!(
                    "series {} {} has unknown component {}",
                    s.index, s.year, s.component
                ));
            }
            for p in &s.points {
                if !provinces.contains(p.province.as_str()) {
                    return Err(format!(
                        "series {} {} {}: unknown province {}",
                        s.index, s.year, s.component, p.province
                    ));
                }
                if self.details_file.is_none() && !sources.contains(&p.source) {
                    return Err(format!(
                        "series {} {} {}: unknown source {}",
                        s.index, s.year, s.component, p.source
                    ));
                }
                if p.value.is_none() && p.rank.is_none() {
                    return Err(format!(
                        "series {} {} {}: province {} has neither value nor rank",
                        s.index, s.year, s.component, p.province
                    ));
                }
            }
        }
        Ok(())
    }

    pub fn index(&self, key: &str) -> Option<&IndexMeta> {
        self.indices.iter().find(|i| i.key == key)
    }

    pub fn province(&self, code: &str) -> Option<&Province> {
        self.provinces.iter().find(|p| p.code == code)
    }

    /// The name of a province's region, or "several regions" for a 2025 unit without one.
    pub fn region_name(&self, key: Option<&str>, lang: crate::i18n::Lang) -> &str {
        match key {
            Some(key) => self.region(key).map_or("", |r| r.name(lang)),
            None => lang.t(crate::i18n::Text::SeveralRegions),
        }
    }

    pub fn region(&self, key: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.key == key)
    }

    pub fn source(&self, id: u32) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The user's file and line behind a source, if it is one of theirs.
    pub fn own_row(&self, source: u32) -> Option<&OwnRow> {
        self.own_rows.iter().find(|o| o.source == source)
    }

    pub fn series(&self, index: &str, year: u16, component: &str) -> Option<&Series> {
        self.series
            .iter()
            .find(|s| s.index == index && s.year == year && s.component == component)
    }

    /// A province's published value, if any.
    pub fn value(&self, index: &str, year: u16, component: &str, code: &str) -> Option<f64> {
        self.series(index, year, component)
            .and_then(|s| s.points.iter().find(|p| p.province == code))
            .and_then(|p| p.value)
    }

    /// The provinces rated in `year`: the 63 to 2024 (and Hà Tây to 2008), the 34 from 2025.
    pub fn provinces_in(&self, year: u16) -> impl Iterator<Item = &Province> {
        self.provinces.iter().filter(move |p| p.rated_in(year))
    }

    /// The disagreements about the values of `index` in `year` shown for `component`.
    pub fn conflicts_about<'a>(
        &'a self,
        index: &'a str,
        year: u16,
        component: &'a str,
    ) -> impl Iterator<Item = &'a Conflict> + 'a {
        self.conflicts.iter().filter(move |c| {
            c.index == index
                && c.year == year
                && c.subject != ConflictSubject::Ministry
                && (c.field == component || c.field == "components" || c.is_rank_of(component))
        })
    }

    pub fn national_value(
        &self,
        index: &str,
        year: u16,
        component: &str,
    ) -> Option<&NationalValue> {
        self.national
            .iter()
            .find(|n| n.index == index && n.year == year && n.component == component)
    }
}

impl Dataset {
    /// Each confirmation names a known province (or none, for the national value) and source.
    fn check_confirmations(
        &self,
        provinces: &HashSet<&str>,
        sources: &HashSet<u32>,
    ) -> Result<(), String> {
        for c in &self.confirmations {
            if c.province
                .as_deref()
                .is_some_and(|p| !provinces.contains(p))
            {
                return Err(format!(
                    "confirmation {} {} {}: unknown province {:?}",
                    c.index, c.year, c.component, c.province
                ));
            }
            if !sources.contains(&c.source) {
                return Err(format!(
                    "confirmation {} {} {}: unknown source {}",
                    c.index, c.year, c.component, c.source
                ));
            }
        }
        Ok(())
    }

    /// The sources that give a province's value (or rank) again, besides the one it was taken
    /// from; `province` `None` for the national value. Empty until the details are loaded.
    pub fn confirmations_of<'a>(
        &'a self,
        index: &'a str,
        year: u16,
        component: &'a str,
        province: Option<&'a str>,
    ) -> impl Iterator<Item = &'a Confirmation> + 'a {
        self.confirmations.iter().filter(move |c| {
            c.index == index
                && c.year == year
                && c.component == component
                && c.province.as_deref() == province
        })
    }

    /// The id a new source (a row of a user's file) gets: after every bundled one, loaded or not.
    pub fn next_source_id(&self) -> u32 {
        let loaded = self.sources.iter().map(|s| s.id).max().unwrap_or(0);
        loaded.max(self.last_source_id) + 1
    }

    /// Every source of a value, the one it was taken from (`first`) first.
    pub fn sources_of(
        &self,
        index: &str,
        year: u16,
        component: &str,
        province: Option<&str>,
        first: u32,
    ) -> Vec<u32> {
        std::iter::once(first)
            .chain(
                self.confirmations_of(index, year, component, province)
                    .map(|c| c.source),
            )
            .collect()
    }
}

impl Series {
    pub fn is_total(&self) -> bool {
        self.component == "total"
    }
}

impl IndexMeta {
    pub fn year(&self, year: u16) -> Option<&YearMeta> {
        self.years.iter().find(|y| y.year == year)
    }

    pub fn name(&self, lang: crate::i18n::Lang) -> &str {
        lang.pick(&self.name_vi, &self.name_en)
    }

    /// True when a method change lies in (`earlier`, `later`].
    pub fn break_between(&self, earlier: u16, later: u16) -> Option<u16> {
        self.method_breaks
            .iter()
            .copied()
            .find(|&b| earlier < b && b <= later)
    }
}

impl YearMeta {
    pub fn component(&self, key: &str) -> Option<&ComponentMeta> {
        self.components.iter().find(|c| c.key == key)
    }
}

impl ComponentMeta {
    pub fn name(&self, lang: crate::i18n::Lang) -> &str {
        lang.pick(&self.name_vi, &self.name_en)
    }
}

impl Province {
    pub fn name(&self, lang: crate::i18n::Lang) -> &str {
        lang.pick(&self.name_vi, &self.name_en)
    }

    /// Whether the index editions of `year` rate this province.
    pub fn rated_in(&self, year: u16) -> bool {
        self.first_year.is_none_or(|first| first <= year)
            && self.last_year.is_none_or(|last| year <= last)
    }
}

impl Region {
    pub fn name(&self, lang: crate::i18n::Lang) -> &str {
        lang.pick(&self.name_vi, &self.name_en)
    }
}

impl CoverageNote {
    pub fn reason(&self, lang: crate::i18n::Lang) -> &str {
        lang.pick(&self.reason_vi, &self.reason_en)
    }
}
