//! Scores of a province's own units (departments, districts, communes and their blocks), from the
//! steering committees' reports or from a user's file. A band stays a band: `low`/`high` without
//! a value. The district level was abolished on 1 July 2025; from then a province scores its
//! departments and its communes (xã, phường, đặc khu).

use serde::Serialize;
use std::cmp::Ordering;

#[derive(
    Serialize,
    miniserde::Serialize,
    miniserde::Deserialize,
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
)]
pub enum UnitType {
    #[serde(rename = "province")]
    Province,
    #[serde(rename = "department_block")]
    DepartmentBlock,
    #[serde(rename = "district_block")]
    DistrictBlock,
    /// The block of communes, wards and special zones (khối xã, phường, đặc khu), from 2025.
    #[serde(rename = "commune_block")]
    CommuneBlock,
    #[serde(rename = "department")]
    Department,
    #[serde(rename = "district")]
    District,
    /// A commune-level unit: xã, phường or đặc khu.
    #[serde(rename = "commune")]
    Commune,
}

/// The first year without districts: the district level was abolished on 1 July 2025.
pub const FIRST_YEAR_WITHOUT_DISTRICTS: u16 = 2025;

/// Other names a file may give a unit type (compared folded: any case, with or without
/// diacritics, spaces or hyphens for `_`): the commune level's three kinds, in Vietnamese and
/// English, and the block in Vietnamese.
pub const UNIT_TYPE_ALIASES: [(&str, UnitType); 9] = [
    ("xa", UnitType::Commune),
    ("phuong", UnitType::Commune),
    ("dac_khu", UnitType::Commune),
    ("xa_phuong", UnitType::Commune),
    ("xa_phuong_dac_khu", UnitType::Commune),
    ("ward", UnitType::Commune),
    ("special_zone", UnitType::Commune),
    ("khoi_xa", UnitType::CommuneBlock),
    ("khoi_xa_phuong_dac_khu", UnitType::CommuneBlock),
];

impl UnitType {
    pub const ALL: [UnitType; 7] = [
        UnitType::Province,
        UnitType::DepartmentBlock,
        UnitType::DistrictBlock,
        UnitType::CommuneBlock,
        UnitType::Department,
        UnitType::District,
        UnitType::Commune,
    ];

    pub fn key(self) -> &'static str {
        match self {
            UnitType::Province => "province",
            UnitType::DepartmentBlock => "department_block",
            UnitType::DistrictBlock => "district_block",
            UnitType::CommuneBlock => "commune_block",
            UnitType::Department => "department",
            UnitType::District => "district",
            UnitType::Commune => "commune",
        }
    }

    /// A key or an alias (`UNIT_TYPE_ALIASES`) as people type it: "commune", "Xã", "PHƯỜNG",
    /// "đặc khu", "dac-khu" and "Department" are all read.
    pub fn from_key(key: &str) -> Option<UnitType> {
        // ASCII (every key, and most files) folds without the Unicode work.
        let lower = if key.is_ascii() {
            key.to_ascii_lowercase()
        } else {
            crate::text::fold(key)
        };
        let folded = lower
            .split(|c: char| c.is_whitespace() || matches!(c, '-' | '_' | ','))
            .filter(|word| !word.is_empty())
            .collect::<Vec<_>>()
            .join("_");
        UnitType::ALL
            .into_iter()
            .find(|t| t.key() == folded)
            .or_else(|| {
                UNIT_TYPE_ALIASES
                    .iter()
                    .find(|(alias, _)| *alias == folded)
                    .map(|(_, t)| *t)
            })
    }

    /// The block a unit belongs to (departments → department block), if any.
    pub fn block(self) -> Option<UnitType> {
        match self {
            UnitType::Department => Some(UnitType::DepartmentBlock),
            UnitType::District => Some(UnitType::DistrictBlock),
            UnitType::Commune => Some(UnitType::CommuneBlock),
            _ => None,
        }
    }

    /// A district or the district block in a year after the district level was abolished:
    /// shown as it is, with a note that the file may mean communes.
    pub fn after_its_level_ended(self, year: u16) -> bool {
        matches!(self, UnitType::District | UnitType::DistrictBlock)
            && year >= FIRST_YEAR_WITHOUT_DISTRICTS
    }
}

#[derive(Serialize, miniserde::Serialize, miniserde::Deserialize, Debug, Clone, PartialEq)]
pub struct UnitScore {
    /// Province name as written (bundled data: the canonical name).
    pub province: String,
    pub year: u16,
    pub unit_type: UnitType,
    pub unit: String,
    /// e.g. `par_index`, `sipas`, `par_index_average`, `sipas_units_at_least_90`.
    pub metric: String,
    pub value: Option<f64>,
    /// A band or bound: the published lower and upper limits (either may be open).
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// `percent`, `points_of_100`, `count`, `billion_vnd`, where known.
    pub measure: Option<String>,
    /// What the report says about the figure, in English; `note_vi` is its translation.
    pub note: Option<String>,
    pub note_vi: Option<String>,
    /// Computed by the source from a stated change (e.g. 95.83 "up 1.25" gives 94.58).
    pub derived: bool,
    /// Where the figure comes from: a meeting id (bundled) or the uploaded file's name.
    pub source: String,
}

impl UnitScore {
    /// The figure as a closed range: [v, v] for a value; an open end of a band takes the other end.
    pub fn range(&self) -> Option<(f64, f64)> {
        match (self.value, self.low, self.high) {
            (Some(v), _, _) => Some((v, v)),
            (None, Some(lo), Some(hi)) => Some((lo, hi)),
            (None, Some(lo), None) => Some((lo, lo)),
            (None, None, Some(hi)) => Some((hi, hi)),
            (None, None, None) => None,
        }
    }

    pub fn is_band(&self) -> bool {
        self.value.is_none() && (self.low.is_some() || self.high.is_some())
    }
}

/// Best first: by the middle of the range (a value is its own middle), then by the upper end,
/// then by name; entries without a figure last.
pub fn sort_units(units: &mut Vec<&UnitScore>) {
    // Keys computed once per unit, not once per comparison (files can hold 100,000 units).
    let mut keyed: Vec<(Option<(f64, f64)>, &UnitScore)> = units
        .iter()
        .map(|u| (u.range().map(|(lo, hi)| ((lo + hi) / 2.0, hi)), *u))
        .collect();
    crate::order::sort_by(&mut keyed, |(ka, a), (kb, b)| match (ka, kb) {
        (Some((ma, ha)), Some((mb, hb))) => mb
            .total_cmp(ma)
            .then(hb.total_cmp(ha))
            .then_with(|| a.unit.cmp(&b.unit)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.unit.cmp(&b.unit),
    });
    *units = keyed.into_iter().map(|(_, u)| u).collect();
}

/// The aliases grouped by the key they stand for, for the file format's note:
/// "xa, phuong, … → commune; khoi_xa, … → commune_block".
pub fn aliases_note() -> String {
    let mut groups: Vec<(UnitType, Vec<&str>)> = Vec::new();
    for (alias, unit_type) in UNIT_TYPE_ALIASES {
        match groups.iter_mut().find(|(t, _)| *t == unit_type) {
            Some((_, aliases)) => aliases.push(alias),
            None => groups.push((unit_type, vec![alias])),
        }
    }
    groups
        .iter()
        .map(|(t, aliases)| format!("{} → {}", aliases.join(", "), t.key()))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The column a unit table is sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitSort {
    /// The score (a band by its middle), as `sort_units` ranks.
    Score,
    /// The unit's name, ignoring case and diacritics.
    Name,
}

impl UnitSort {
    pub const ALL: [UnitSort; 2] = [UnitSort::Score, UnitSort::Name];

    pub fn key(self) -> &'static str {
        match self {
            UnitSort::Score => "score",
            UnitSort::Name => "name",
        }
    }

    pub fn from_key(key: &str) -> Option<UnitSort> {
        UnitSort::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The direction a first click sorts in: best first for scores, A to Z for names.
    pub fn natural_descending(self) -> bool {
        self == UnitSort::Score
    }
}

/// A unit table's rows from units ranked by `sort_units`: each with its rank among them all (1
/// is the best; a search does not renumber), those whose name contains `query_folded` (see
/// `text::fold`), in the chosen order. Units without a figure stay last in either direction.
pub fn unit_rows<'a>(
    ranked: &[&'a UnitScore],
    query_folded: &str,
    sort: UnitSort,
    descending: bool,
) -> Vec<(usize, &'a UnitScore)> {
    let mut rows: Vec<(usize, &UnitScore)> = ranked
        .iter()
        .enumerate()
        .filter(|(_, u)| crate::text::matches(query_folded, &[&u.unit]))
        .map(|(i, u)| (i + 1, *u))
        .collect();
    match (sort, descending) {
        (UnitSort::Score, true) => {}
        (UnitSort::Score, false) => {
            let figured = rows.iter().take_while(|(_, u)| u.range().is_some()).count();
            rows[..figured].reverse();
        }
        (UnitSort::Name, _) => {
            let mut keyed: Vec<(String, (usize, &UnitScore))> = rows
                .into_iter()
                .map(|row| (crate::text::fold_name(&row.1.unit), row))
                .collect();
            crate::order::sort_by(&mut keyed, |(ka, a), (kb, b)| {
                let order = ka.cmp(kb).then_with(|| a.1.unit.cmp(&b.1.unit));
                if descending {
                    order.reverse()
                } else {
                    order
                }
            });
            rows = keyed.into_iter().map(|(_, row)| row).collect();
        }
    }
    rows
}

/// A block's average for one metric over the years, with the change against the previous year
/// that has one.
#[derive(Clone, Debug, PartialEq)]
pub struct BlockYear {
    pub year: u16,
    pub value: f64,
    pub change: Option<(u16, f64)>,
    pub derived: bool,
}

pub fn block_history(
    scores: &[UnitScore],
    province: &str,
    block: UnitType,
    metric: &str,
) -> Vec<BlockYear> {
    let mut points: Vec<&UnitScore> = scores
        .iter()
        .filter(|s| {
            s.province == province
                && s.unit_type == block
                && s.metric == metric
                && s.value.is_some()
        })
        .collect();
    crate::order::sort_by_key(&mut points, |s| s.year);
    let mut out: Vec<BlockYear> = Vec::new();
    for s in points {
        let value = s.value.expect("filtered on value");
        let change = out.last().map(|p| (p.year, value - p.value));
        out.push(BlockYear {
            year: s.year,
            value,
            change,
            derived: s.derived,
        });
    }
    out
}

/// The distinct (year, metric) pairs with unit-level figures of one kind, newest first.
pub fn unit_tables(
    scores: &[UnitScore],
    province: &str,
    unit_type: UnitType,
) -> Vec<(u16, String)> {
    let distinct: std::collections::HashSet<(u16, &str)> = scores
        .iter()
        .filter(|s| s.province == province && s.unit_type == unit_type)
        .map(|s| (s.year, s.metric.as_str()))
        .collect();
    let mut pairs: Vec<(u16, String)> = distinct
        .into_iter()
        .map(|(y, m)| (y, m.to_string()))
        .collect();
    crate::order::sort_by(&mut pairs, |a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    pairs
}

/// The provinces that have unit-level figures, in first-seen order.
pub fn provinces_with_units(scores: &[UnitScore]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in scores {
        if out.last() != Some(&s.province) && !out.contains(&s.province) {
            out.push(s.province.clone());
        }
    }
    out
}

/// A readable name for the metrics the seed reports use; other keys are shown as written.
pub fn metric_name(key: &str, lang: crate::i18n::Lang) -> String {
    let (vi, en) = match key {
        "par_index" => ("Chỉ số CCHC", "PAR index"),
        "par_index_average" => ("Chỉ số CCHC bình quân", "Average PAR index"),
        "par_index_units_above_average" => {
            ("Số đơn vị trên mức bình quân", "Units above the average")
        }
        "par_index_units_at_least_90" => ("Số đơn vị đạt từ 90 điểm", "Units scoring 90 or more"),
        "sipas" => ("Chỉ số hài lòng SIPAS", "SIPAS satisfaction"),
        "sipas_units_at_least_90" => ("Số đơn vị SIPAS từ 90%", "Units with SIPAS of 90% or more"),
        "tthc_on_time_rate" => (
            "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn",
            "Procedures settled on time",
        ),
        "tthc_catalog_published" => ("Tỷ lệ TTHC được công bố, công khai", "Procedures published"),
        "budget_revenue_vs_annual_estimate" => (
            "Thu ngân sách so với dự toán năm",
            "Budget revenue against the annual estimate",
        ),
        "budget_revenue_vs_same_period_prior_year" => (
            "Thu ngân sách so với cùng kỳ",
            "Budget revenue against the same period a year before",
        ),
        "new_investment_projects" => ("Dự án đầu tư cấp mới", "New investment projects"),
        "new_investment_capital" => ("Vốn đầu tư cấp mới", "New investment capital"),
        "public_investment_disbursed_vs_assigned_plan" => (
            "Giải ngân vốn đầu tư công so với kế hoạch giao",
            "Public investment disbursed against the assigned plan",
        ),
        "public_investment_disbursed_vs_allocated_plan" => (
            "Giải ngân so với kế hoạch đã phân bổ chi tiết",
            "Disbursed against the plan allocated in detail",
        ),
        "par_awards_collectives" => (
            "Tập thể được khen thưởng CCHC",
            "Collectives awarded for PAR",
        ),
        "par_awards_individuals" => (
            "Cá nhân được khen thưởng CCHC",
            "Individuals awarded for PAR",
        ),
        "par_emulation_flags_collectives" => (
            "Tập thể nhận cờ thi đua CCHC",
            "Collectives given PAR emulation flags",
        ),
        "new_par_solutions" => ("Giải pháp CCHC mới", "New PAR solutions"),
        _ => return key.to_string(),
    };
    lang.pick(vi, en).to_string()
}

/// The unit a measure is written with ("%", "tỷ đồng").
pub fn measure_suffix(measure: Option<&str>, lang: crate::i18n::Lang) -> &'static str {
    match measure {
        Some("percent") => "%",
        Some("points_of_100") => lang.pick("/100 điểm", "/100 points"),
        Some("billion_vnd") => lang.pick(" tỷ đồng", " billion VND"),
        _ => "",
    }
}

/// The figure as text: "96,79", a band "85–90", or a bound "≥ 99,97".
pub fn figure_text(score: &UnitScore, lang: crate::i18n::Lang) -> String {
    let n = |v: f64| {
        if v.fract() == 0.0 {
            lang.number(v, 0)
        } else {
            lang.number(v, 2)
        }
    };
    let body = match (score.value, score.low, score.high) {
        (Some(v), _, _) => n(v),
        (None, Some(lo), Some(hi)) => format!("{}–{}", n(lo), n(hi)),
        (None, Some(lo), None) => format!("≥ {}", n(lo)),
        (None, None, Some(hi)) => format!("≤ {}", n(hi)),
        (None, None, None) => String::new(),
    };
    format!("{body}{}", measure_suffix(score.measure.as_deref(), lang))
}

/// Scores as rows in the import template's columns (how the user's data is kept in the browser).
pub fn to_rows(scores: &[UnitScore]) -> Vec<Vec<String>> {
    let opt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    let mut rows = vec![crate::data::user_files::import::REQUIRED_COLUMNS
        .iter()
        .chain(crate::data::user_files::import::OPTIONAL_COLUMNS.iter())
        .map(|c| c.to_string())
        .collect()];
    rows.extend(scores.iter().map(|s| {
        vec![
            s.province.clone(),
            s.year.to_string(),
            s.unit_type.key().to_string(),
            s.unit.clone(),
            s.metric.clone(),
            opt(s.value),
            opt(s.low),
            opt(s.high),
        ]
    }));
    rows
}
