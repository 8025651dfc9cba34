//! The bundled dataset as open data (`bin/build_pages.rs` writes it into the built folder's
//! `data/`, and the app's footer links to it): every published value as one row of a long table (`chiso.csv`), the
//! components with their units and scales (`components.csv`), the published national averages
//! (`national.csv`), all three as a workbook
//! (`chiso.xlsx`, see `xlsx`), and a Frictionless Data Package (`datapackage.json`) describing
//! them: each column's type, the sources and their terms, each index's method breaks, the
//! citation. A value or rank that was not published is an empty cell, never a number.

#[cfg(not(target_arch = "wasm32"))]
pub mod xlsx;

use crate::data::geography::Geography;
use crate::data::model::{Dataset, Unit};
use crate::i18n::Lang;
use serde_json::{json, Value};

/// The folder of the files, in the built app.
pub const FOLDER: &str = "data";
pub const VALUES_FILE: &str = "chiso.csv";
pub const COMPONENTS_FILE: &str = "components.csv";
pub const NATIONAL_FILE: &str = "national.csv";
pub const WORKBOOK_FILE: &str = "chiso.xlsx";
pub const PACKAGE_FILE: &str = "datapackage.json";

/// A cell of the tables: written as text in the CSV and as a number or text in the workbook.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Integer(i64),
    Number(f64),
    /// Not published: an empty field.
    Empty,
}

impl Cell {
    fn text(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    fn number(v: Option<f64>) -> Cell {
        v.map_or(Cell::Empty, Cell::Number)
    }

    fn integer(v: Option<impl Into<i64>>) -> Cell {
        v.map_or(Cell::Empty, |v| Cell::Integer(v.into()))
    }

    /// As the CSV writes it: numbers in their shortest exact form with a dot (58.51, 60).
    pub fn as_csv(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Integer(i) => i.to_string(),
            Cell::Number(v) => v.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// A column of a table: its name, its Frictionless type and what it holds.
pub struct Column {
    pub name: &'static str,
    /// `string`, `integer` or `number`.
    pub kind: &'static str,
    pub description: &'static str,
}

const fn column(name: &'static str, kind: &'static str, description: &'static str) -> Column {
    Column {
        name,
        kind,
        description,
    }
}

/// The long table: one row per published value (or rank) of a province.
pub const VALUE_COLUMNS: [Column; 13] = [
    column("index", "string", "The index: par (PAR INDEX), sipas (SIPAS), papi (PAPI) or pci (PCI)."),
    column("year", "integer", "The edition's year (the year assessed, as the publisher names the edition)."),
    column("geography", "string", "The set of provinces the edition rates: provinces_63 (the 63 provinces to 2024, and Hà Tây to 2008) or provinces_34 (the 34 provinces formed on 1 July 2025, from the 2025 editions)."),
    column("province_code", "string", "chiso's id of the province: the GSO code for the 63 (and Hà Tây), with its leading zero; 'n' and the 2025 code for the 34 (a code does not mean the same area before and after 2025)."),
    column("province", "string", "The province's name in Vietnamese."),
    column("province_en", "string", "The province's name in English."),
    column("component", "string", "total, or the key of a component (a sub-index or dimension; dimension.subdimension for PAPI's sub-dimensions): see components.csv for its names, unit and scale."),
    column("value", "number", "The published value, exactly as the source gives it; empty where only a rank was published."),
    column("rank", "integer", "The official rank as published (1 = best); empty where none was published (never computed here)."),
    column("max_points", "number", "The maximum points the source prints beside the value, where it does."),
    column("unit", "string", "percent or points."),
    column("source", "integer", "chiso's id of the source the value was taken from."),
    column("source_citation", "string", "The source: URL(s) joined by ' | ', or a file in a public repository such as vietnamdata:data-raw/PCI/PCI_2005.xls (the repository mdtrinh/vietnamdata)."),
];

/// One row per component of an index in a year, with its names, unit and scale.
pub const COMPONENT_COLUMNS: [Column; 9] = [
    column("index", "string", "The index (as in chiso.csv)."),
    column("year", "integer", "The edition's year."),
    column(
        "component",
        "string",
        "total or the component's key (as in chiso.csv).",
    ),
    column("name_vi", "string", "The component's name in Vietnamese."),
    column("name_en", "string", "The component's name in English."),
    column("unit", "string", "percent or points."),
    column("scale_min", "number", "The lowest value the scale allows."),
    column("scale_max", "number", "The highest value the scale allows."),
    column(
        "max_points",
        "number",
        "The component's maximum points that year, where a source states it.",
    ),
];

/// One row per published national average (a reference, never used to fill a province).
pub const NATIONAL_COLUMNS: [Column; 6] = [
    column("index", "string", "The index (as in chiso.csv)."),
    column("year", "integer", "The edition's year."),
    column(
        "component",
        "string",
        "total or the component's key (as in chiso.csv).",
    ),
    column(
        "value",
        "number",
        "The national average as the source publishes it.",
    ),
    column("source", "integer", "chiso's id of the source."),
    column("source_citation", "string", "The source (as in chiso.csv)."),
];

/// The columns a component is keyed by, in every table.
const KEY: [&str; 3] = ["index", "year", "component"];

fn unit_key(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "percent",
        Unit::Points => "points",
    }
}

fn geography_key(year: u16) -> &'static str {
    match Geography::of_year(year) {
        Geography::Provinces63 => "provinces_63",
        Geography::Units2025 => "provinces_34",
    }
}

/// Every point of every series, in the order of the indices, years, components (each year's
/// own order) and provinces of the dataset. `dataset` must have all its parts loaded.
pub fn value_rows(dataset: &Dataset) -> Vec<Vec<Cell>> {
    let position = |code: &str| dataset.provinces.iter().position(|p| p.code == code);
    let mut rows = Vec::new();
    for index in &dataset.indices {
        for year in &index.years {
            for component in &year.components {
                let Some(series) = dataset.series(&index.key, year.year, &component.key) else {
                    continue;
                };
                let mut points: Vec<_> = series.points.iter().collect();
                points.sort_by_key(|p| position(&p.province));
                for p in points {
                    let province = dataset.province(&p.province);
                    let name = |pick: fn(&crate::data::model::Province) -> &str| {
                        Cell::text(province.map_or("", pick))
                    };
                    rows.push(vec![
                        Cell::text(&index.key),
                        Cell::Integer(year.year.into()),
                        Cell::text(geography_key(year.year)),
                        Cell::text(&p.province),
                        name(|p| &p.name_vi),
                        name(|p| &p.name_en),
                        Cell::text(&component.key),
                        Cell::number(p.value),
                        Cell::integer(p.rank),
                        Cell::number(p.max_points),
                        Cell::text(unit_key(component.unit)),
                        Cell::Integer(p.source.into()),
                        Cell::text(dataset.source(p.source).map_or("", |s| &s.citation)),
                    ]);
                }
            }
        }
    }
    rows
}

/// Every published national average, in the dataset's order.
pub fn national_rows(dataset: &Dataset) -> Vec<Vec<Cell>> {
    dataset
        .national
        .iter()
        .map(|n| {
            vec![
                Cell::text(&n.index),
                Cell::Integer(n.year.into()),
                Cell::text(&n.component),
                Cell::Number(n.value),
                Cell::Integer(n.source.into()),
                Cell::text(dataset.source(n.source).map_or("", |s| &s.citation)),
            ]
        })
        .collect()
}

/// Every component of every index and year, `total` first.
pub fn component_rows(dataset: &Dataset) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for index in &dataset.indices {
        for year in &index.years {
            for c in &year.components {
                rows.push(vec![
                    Cell::text(&index.key),
                    Cell::Integer(year.year.into()),
                    Cell::text(&c.key),
                    Cell::text(&c.name_vi),
                    Cell::text(&c.name_en),
                    Cell::text(unit_key(c.unit)),
                    Cell::Number(c.scale_min),
                    Cell::Number(c.scale_max),
                    Cell::number(c.max_points),
                ]);
            }
        }
    }
    rows
}

/// A table as CSV for scripts: UTF-8 without a byte-order mark (R, pandas and Stata read it as
/// is), CRLF line ends, the header first, fields quoted where they must be.
pub fn to_csv(columns: &[Column], rows: &[Vec<Cell>]) -> String {
    let lines: Vec<Vec<String>> = std::iter::once(columns.iter().map(|c| c.name.into()).collect())
        .chain(rows.iter().map(|r| r.iter().map(Cell::as_csv).collect()))
        .collect();
    crate::render::export::csv_lines(&lines)
}

/// Who publishes each index, where, on what terms its figures are reused (the terms of
/// `data/README.md`) and how to cite it.
pub struct Publisher {
    pub index: &'static str,
    pub title: &'static str,
    pub path: &'static str,
    pub terms: &'static str,
    pub citation: &'static str,
}

pub const PUBLISHERS: [Publisher; 4] = [
    Publisher {
        index: "par",
        title: "PAR INDEX: Ministry of Home Affairs (Bộ Nội vụ)",
        path: "https://moha.gov.vn",
        terms: "Public figures as reported by the pages cited per row (the official 63-province tables are published as images).",
        citation: "Ministry of Home Affairs of Viet Nam, PAR INDEX (Chỉ số cải cách hành chính), yearly editions.",
    },
    Publisher {
        index: "sipas",
        title: "SIPAS: Ministry of Home Affairs (Bộ Nội vụ)",
        path: "https://moha.gov.vn",
        terms: "Public figures as reported by the pages cited per row.",
        citation: "Ministry of Home Affairs of Viet Nam, SIPAS (Chỉ số hài lòng về sự phục vụ hành chính), yearly editions.",
    },
    Publisher {
        index: "papi",
        title: "PAPI: CECODES, VFF-CRT, RTA, UNDP",
        path: "https://papi.org.vn",
        terms: "© the PAPI partners (CECODES, VFF-CRT, RTA, UNDP); published figures, cited per row.",
        citation: "CECODES, VFF-CRT, RTA and UNDP, The Viet Nam Provincial Governance and Public Administration Performance Index (PAPI), yearly reports.",
    },
    Publisher {
        index: "pci",
        title: "PCI: VCCI",
        path: "https://pcivietnam.vn",
        terms: "© VCCI; published figures, cited per row.",
        citation: "VCCI, The Viet Nam Provincial Competitiveness Index (PCI), yearly reports.",
    },
];

fn schema(columns: &[Column], primary_key: &[&str]) -> Value {
    json!({
        "fields": columns.iter().map(|c| json!({
            "name": c.name,
            "type": c.kind,
            "description": c.description,
        })).collect::<Vec<_>>(),
        "missingValues": [""],
        "primaryKey": primary_key,
    })
}

fn resource(name: &str, path: &str, title: &str, schema: Value) -> Value {
    json!({
        "name": name,
        "path": path,
        "title": title,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": true, "header": true},
        "schema": schema,
    })
}

/// The Frictionless Data Package (`datapackage.json`) of the three tables, with each publisher's
/// terms and citation (no licence is claimed over the figures: they are the publishers'), each index's names, publisher and method breaks, and the citation. Pretty-printed.
pub fn datapackage(dataset: &Dataset, site: &str) -> String {
    let mut values_schema = schema(
        &VALUE_COLUMNS,
        &["index", "year", "component", "province_code"],
    );
    let components_key = json!([{
        "fields": KEY,
        "reference": {"resource": "components", "fields": KEY},
    }]);
    values_schema["foreignKeys"] = components_key.clone();
    let mut national_schema = schema(&NATIONAL_COLUMNS, &KEY);
    national_schema["foreignKeys"] = components_key;
    let indices: Vec<Value> = dataset
        .indices
        .iter()
        .map(|i| {
            let publisher = PUBLISHERS.iter().find(|p| p.index == i.key);
            json!({
                "key": i.key,
                "short_name": i.short_name,
                "name_vi": i.name_vi,
                "name_en": i.name_en,
                "publisher": i.publisher,
                "terms": publisher.map(|p| p.terms),
                "higher_is_better": i.higher_is_better,
                "years": i.years.iter().map(|y| y.year).collect::<Vec<_>>(),
                "method_breaks": i.method_breaks,
                "method_breaks_note": "From each year listed, the method changed: values are not comparable with earlier years.",
                "units_and_scales": "Per component and year in components.csv (unit, scale_min, scale_max, max_points).",
            })
        })
        .collect();
    let package = json!({
        "profile": "tabular-data-package",
        "name": "chiso",
        "title": "chiso: Vietnam's provincial governance indices (PAR INDEX, SIPAS, PAPI, PCI)",
        "description": "Every value and official rank of the four indices that chiso bundles, one row per province, index, year and component, each with the source it was taken from. Nothing is estimated or filled in: a value or rank that was not published is an empty cell. Coverage differs by index and year (PAPI near complete; PCI complete to 2016, partial since; PAR INDEX and SIPAS scattered).",
        "version": env!("CARGO_PKG_VERSION"),
        "homepage": site,
        "citation": Lang::En.citation(Some(site)),
        "citation_vi": Lang::Vi.citation(Some(site)),
        "sources": PUBLISHERS.iter().map(|p| json!({
            "title": p.title,
            "path": p.path,
            "terms": p.terms,
            "citation": p.citation,
        })).collect::<Vec<_>>(),
        "indices": indices,
        "resources": [
            resource("values", VALUES_FILE, "Every published value and official rank", values_schema),
            resource("components", COMPONENTS_FILE, "Each index's components per year: names, unit and scale", schema(&COMPONENT_COLUMNS, &KEY)),
            resource("national", NATIONAL_FILE, "Published national averages", national_schema),
        ],
    });
    let mut text = serde_json::to_string_pretty(&package).expect("a JSON value always serialises");
    text.push('\n');
    text
}
