//! The dataset as open data (chiso::render::open_data): the long table, its CSV, the workbook
//! and the data package describing them.
mod common;

use chiso::data::model::{Dataset, Source};
use chiso::render::open_data::xlsx::{
    workbook, COMPONENTS_SHEET, NATIONAL_SHEET, SOURCES_SHEET, VALUES_SHEET,
};
use chiso::render::open_data::{
    component_rows, datapackage, national_rows, to_csv, value_rows, Cell, COMPONENT_COLUMNS,
    NATIONAL_COLUMNS, VALUE_COLUMNS,
};
use chiso::ui::built_pages::pages::{bundled, DEFAULT_SITE_URL};
use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

const SITE: &str = "https://example.org/chiso/";

fn dataset() -> Dataset {
    bundled(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn column(name: &str) -> usize {
    VALUE_COLUMNS.iter().position(|c| c.name == name).unwrap()
}

fn parse(csv: &str) -> Vec<csv::StringRecord> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn one_row_per_point_of_the_bundled_dataset() {
    let dataset = dataset();
    let points: usize = dataset.series.iter().map(|s| s.points.len()).sum();
    let rows = value_rows(&dataset);
    assert_eq!(rows.len(), points);
    assert!(rows.iter().all(|r| r.len() == VALUE_COLUMNS.len()));
    // One row per index, year, component and province (the package's primary key).
    let key = |r: &Vec<Cell>| {
        ["index", "year", "component", "province_code"].map(|c| r[column(c)].as_csv())
    };
    let keys: HashSet<_> = rows.iter().map(key).collect();
    assert_eq!(keys.len(), rows.len());
    // Every row names its source, with its citation.
    assert!(rows
        .iter()
        .all(|r| matches!(r[column("source_citation")], Cell::Text(ref s) if !s.is_empty())));
}

#[test]
fn a_value_is_traced_back_to_its_source() {
    // data/papi/papi.csv: 2011,Sơn La,participation,,6.642126,vietnamdata:data-raw/PAPI/PAPI_2011-2016.xlsx#2011_PAPI
    let dataset = dataset();
    let rows = value_rows(&dataset);
    let row = rows
        .iter()
        .find(|r| {
            r[column("index")] == Cell::Text("papi".into())
                && r[column("year")] == Cell::Integer(2011)
                && r[column("province")] == Cell::Text("Sơn La".into())
                && r[column("component")] == Cell::Text("participation".into())
        })
        .unwrap();
    assert_eq!(row[column("value")], Cell::Number(6.642126));
    assert_eq!(row[column("province_code")], Cell::Text("14".into()));
    assert_eq!(row[column("geography")], Cell::Text("provinces_63".into()));
    assert_eq!(row[column("unit")], Cell::Text("points".into()));
    assert_eq!(
        row[column("source_citation")],
        Cell::Text("vietnamdata:data-raw/PAPI/PAPI_2011-2016.xlsx#2011_PAPI".into())
    );
}

#[test]
fn missing_stays_missing() {
    // tiny(): 2013 has a rank-only row (province 04: rank 3, no value).
    let dataset = common::tiny();
    let csv = to_csv(&VALUE_COLUMNS, &value_rows(&dataset));
    let records = parse(&csv);
    let rank_only: Vec<_> = records
        .iter()
        .filter(|r| r[column("value")].is_empty() && !r[column("rank")].is_empty())
        .collect();
    assert!(!rank_only.is_empty());
    let points: usize = dataset.series.iter().map(|s| s.points.len()).sum();
    assert_eq!(records.len(), points + 1);
    assert!(!csv.contains("NaN") && !csv.contains(",0,"));
}

#[test]
fn the_csv_quotes_what_it_must_and_has_no_byte_order_mark() {
    let mut dataset = common::tiny();
    dataset.provinces[0].name_vi = "Thừa Thiên \"Huế\", cũ".into();
    dataset.sources = vec![Source {
        id: 1,
        citation: "https://a.example/x?y=1,2 | file\nline".into(),
    }];
    let csv = to_csv(&VALUE_COLUMNS, &value_rows(&dataset));
    assert!(csv.starts_with("index,year,geography,province_code,province,"));
    assert!(csv.ends_with("\r\n"));
    assert!(csv.contains("\"Thừa Thiên \"\"Huế\"\", cũ\""));
    let records = parse(&csv);
    let header: Vec<&str> = records[0].iter().collect();
    assert_eq!(header, VALUE_COLUMNS.map(|c| c.name));
    let row = records
        .iter()
        .find(|r| &r[column("province_code")] == dataset.provinces[0].code.as_str())
        .unwrap();
    assert_eq!(&row[column("province")], "Thừa Thiên \"Huế\", cũ");
    assert_eq!(
        &row[column("source_citation")],
        "https://a.example/x?y=1,2 | file\nline"
    );
}

#[test]
fn the_package_describes_the_csv_columns_sources_and_method_breaks() {
    let dataset = dataset();
    let package: serde_json::Value = serde_json::from_str(&datapackage(&dataset, SITE)).unwrap();
    let resources = package["resources"].as_array().unwrap();
    let fields = |name: &str| -> Vec<String> {
        let r = resources.iter().find(|r| r["name"] == name).unwrap();
        r["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap().to_string())
            .collect()
    };
    let header = |csv: &str| -> Vec<String> { parse(csv)[0].iter().map(String::from).collect() };
    let values = to_csv(&VALUE_COLUMNS, &value_rows(&dataset));
    let components = to_csv(&COMPONENT_COLUMNS, &component_rows(&dataset));
    assert_eq!(fields("values"), header(&values));
    assert_eq!(fields("components"), header(&components));
    let national = to_csv(&NATIONAL_COLUMNS, &national_rows(&dataset));
    assert_eq!(fields("national"), header(&national));
    assert_eq!(parse(&national).len(), dataset.national.len() + 1);
    let pci = package["indices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["key"] == "pci")
        .unwrap();
    assert_eq!(
        pci["method_breaks"],
        serde_json::json!([2006, 2009, 2013, 2022])
    );
    assert!(package["citation"]
        .as_str()
        .unwrap()
        .contains("chiso contributors"));
    assert!(package["citation"].as_str().unwrap().contains(SITE));
    let sources = package["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 4);
    assert!(sources
        .iter()
        .all(|s| s["terms"].is_string() && s["citation"].is_string()));
    // Every component a value names is described, with its unit and scale.
    let described: HashSet<(String, String, String)> = component_rows(&dataset)
        .iter()
        .map(|r| (r[0].as_csv(), r[1].as_csv(), r[2].as_csv()))
        .collect();
    assert!(value_rows(&dataset).iter().all(|r| described.contains(&(
        r[column("index")].as_csv(),
        r[column("year")].as_csv(),
        r[column("component")].as_csv()
    ))));
}

/// The text of a part of an .xlsx (a zip).
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_workbook_has_the_tables_as_numbers_and_a_sheet_of_sources() {
    let dataset = common::tiny();
    let bytes = workbook(&dataset, SITE).unwrap();
    let book = part(&bytes, "xl/workbook.xml");
    for sheet in [
        VALUES_SHEET,
        COMPONENTS_SHEET,
        NATIONAL_SHEET,
        SOURCES_SHEET,
    ] {
        assert!(book.contains(&format!("name=\"{sheet}\"")), "{sheet}");
    }
    let values = part(&bytes, "xl/worksheets/sheet1.xml");
    // The header row frozen, a value a number cell (no type attribute: a number).
    assert!(values.contains("state=\"frozen\""));
    let value = dataset.series[0].points[0].value.unwrap();
    assert!(values.contains(&format!("<v>{value}</v>")));
    let strings = part(&bytes, "xl/sharedStrings.xml");
    assert!(strings.contains("chiso contributors"));
}

#[test]
fn citation_cff_names_the_version_and_site_the_citation_gives() {
    let cff = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("CITATION.cff"))
        .unwrap();
    assert!(cff.starts_with('#') && cff.contains("\ncff-version: 1.2.0\n"));
    assert!(cff.contains(&format!("\nversion: {}\n", env!("CARGO_PKG_VERSION"))));
    assert!(cff.contains(&format!("\nurl: \"{DEFAULT_SITE_URL}\"\n")));
    assert!(cff.contains("  - name: chiso contributors\n"));
    let cited = chiso::i18n::Lang::En.citation(Some(DEFAULT_SITE_URL));
    assert!(cited.starts_with("chiso contributors, chiso: "));
    assert!(cited.contains(env!("CARGO_PKG_VERSION")));
}
