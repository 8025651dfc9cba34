//! Scores of a province's own units (departments, districts and their blocks), from the steering
//! committees' reports or from a user's file. A band stays a band: `low`/`high` without a value.

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
    #[serde(rename = "department")]
    Department,
    #[serde(rename = "district")]
    District,
}

impl UnitType {
    pub const ALL: [UnitType; 5] = [
        UnitType::Province,
        UnitType::DepartmentBlock,
        UnitType::DistrictBlock,
        UnitType::Department,
        UnitType::District,
    ];

    pub fn key(self) -> &'static str {
        match self {
            UnitType::Province => "province",
            UnitType::DepartmentBlock => "department_block",
            UnitType::DistrictBlock => "district_block",
            UnitType::Department => "department",
            UnitType::District => "district",
        }
    }

    pub fn from_key(key: &str) -> Option<UnitType> {
        UnitType::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The block a unit belongs to (departments → department block), if any.
    pub fn block(self) -> Option<UnitType> {
        match self {
            UnitType::Department => Some(UnitType::DepartmentBlock),
            UnitType::District => Some(UnitType::DistrictBlock),
            _ => None,
        }
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
pub fn metric_name(key: &str, lang: crate::ui::i18n::Lang) -> String {
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
pub fn measure_suffix(measure: Option<&str>, lang: crate::ui::i18n::Lang) -> &'static str {
    match measure {
        Some("percent") => "%",
        Some("points_of_100") => lang.pick("/100 điểm", "/100 points"),
        Some("billion_vnd") => lang.pick(" tỷ đồng", " billion VND"),
        _ => "",
    }
}

/// The figure as text: "96,79", a band "85–90", or a bound "≥ 99,97".
pub fn figure_text(score: &UnitScore, lang: crate::ui::i18n::Lang) -> String {
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
    let mut rows = vec![crate::data::import::REQUIRED_COLUMNS
        .iter()
        .chain(crate::data::import::OPTIONAL_COLUMNS.iter())
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
