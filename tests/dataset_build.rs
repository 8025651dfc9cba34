use chiso::data::dataset_build::{
    build, build_map, data_files, map_to_json, to_json, BuildError, SourceFiles,
};
use chiso::data::model::{DataPart, Dataset, LoadError, SCHEMA_VERSION};
use std::path::Path;

fn sources() -> SourceFiles {
    SourceFiles::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"))
        .expect("data/ is readable")
}

/// The real tables with `row` appended to `file`.
fn with_row(file: &str, row: &str) -> SourceFiles {
    let mut files = sources();
    let text = files.files.get_mut(file).unwrap();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(row);
    text.push('\n');
    files
}

fn line_count(file: &str) -> u64 {
    sources().files[file].lines().count() as u64
}

fn error(files: SourceFiles) -> BuildError {
    build(&files).expect_err("the build should fail")
}

#[test]
fn committed_json_is_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (path, fresh) in data_files(build(&sources()).expect("the real data builds")) {
        let committed = std::fs::read_to_string(root.join(&path)).unwrap_or_default();
        assert!(
            fresh == committed,
            "{path} is stale: run `cargo run --bin build-dataset` and commit it"
        );
    }
    let files = sources();
    let map = map_to_json(&build_map(&files, &build(&files).unwrap()).unwrap());
    let committed =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("static/map.json"))
            .unwrap();
    assert!(
        map == committed,
        "static/map.json is stale: run `cargo run --bin build-dataset` and commit it"
    );
}

#[test]
fn tile_grid_and_geometry_are_checked() {
    let e = error(with_row("geo/tilegrid.csv", "99,1,1"));
    assert!(e.reason.contains("unknown province code"), "{e}");
    let e = error(with_row("geo/tilegrid.csv", "01,0,6"));
    assert!(e.reason.contains("used twice"), "{e}");
    let d = build(&sources()).unwrap();
    // 63 provinces and Hà Tây on one grid, the 34 units of 2025 on another.
    assert_eq!(d.provinces.iter().filter(|p| p.tile.is_some()).count(), 64 + 34);
}

#[test]
fn real_data_loads_back() {
    let json = to_json(&build(&sources()).unwrap());
    let dataset = Dataset::from_json(&json).expect("the built JSON loads");
    assert_eq!(dataset.provinces.len(), 64 + 34);
    assert_eq!(dataset.provinces_in(2024).count(), 63);
    let keys: Vec<&str> = dataset.indices.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys, ["par", "sipas", "papi", "pci"]);
    // Missing stays missing: no stored value is 0 and every point has a source.
    assert!(dataset
        .series
        .iter()
        .flat_map(|s| &s.points)
        .all(|p| p.value != Some(0.0)));
    // Hòa Bình 2023: the second pass disagrees with the first; the first is kept, the other recorded.
    let hb = dataset
        .series("par", 2023, "total")
        .unwrap()
        .points
        .iter()
        .find(|p| p.province == "17")
        .unwrap();
    assert_eq!(hb.value, Some(86.89));
    assert!(dataset
        .conflicts
        .iter()
        .any(|c| c.province.as_deref() == Some("17") && c.value_other == "86.76"));
    // Each disagreement knows what it is about, so that it is shown beside that value.
    let subject = |unit: &str| {
        dataset
            .conflicts
            .iter()
            .find(|c| c.unit == unit)
            .map(|c| c.subject)
    };
    use chiso::data::model::ConflictSubject;
    assert_eq!(subject("Long An"), Some(ConflictSubject::Province));
    assert_eq!(
        subject("Bình quân các tỉnh, thành phố"),
        Some(ConflictSubject::ProvincesAverage)
    );
    assert_eq!(
        subject("Bộ Khoa học và Công nghệ"),
        Some(ConflictSubject::Ministry)
    );
    assert_eq!(subject("ordering"), Some(ConflictSubject::Other));
}

#[test]
fn split_files_load_back_to_the_whole_dataset() {
    let whole = build(&sources()).unwrap();
    let files = data_files(whole.clone());
    let paths: Vec<&str> = files.iter().map(|(path, _)| path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "static/dataset.json",
            "static/components-papi.json",
            "static/components-pci.json",
            "static/reports.json",
            "static/totals-par.json",
            "static/totals-sipas.json",
            "static/totals-pci.json"
        ]
    );
    let mut loaded = Dataset::from_json(&files[0].1).unwrap();
    // The first file has the totals of the first view's index (PAPI) and PAR INDEX's
    // components, and says where the rest are.
    assert!(
        loaded.series("papi", 2020, "total").is_some()
            && loaded.series("par", 2022, "total").is_none()
    );
    assert!(loaded
        .series
        .iter()
        .all(|s| (s.is_total() && s.index == "papi") || (!s.is_total() && s.index == "par")));
    let totals = |key: &str| DataPart::Totals(key.into());
    assert_eq!(
        loaded.part_to_load([totals("papi"), totals("sipas")]),
        Some((totals("sipas"), "static/totals-sipas.json".into()))
    );
    for (path, json) in &files[4..] {
        let index = path
            .trim_start_matches("static/totals-")
            .trim_end_matches(".json");
        // A totals file is no components file.
        assert!(loaded.with_part(&DataPart::Components(index.into()), json).is_err());
        loaded = loaded.with_part(&totals(index), json).unwrap();
    }
    assert!(loaded.series("par", 2022, "total").is_some());
    assert_eq!(loaded.part_to_load(["par", "sipas", "papi", "pci"].map(totals)), None);
    let components = |key: &str| DataPart::Components(key.into());
    assert_eq!(
        loaded.part_to_load([components("par"), components("papi")]),
        Some((components("papi"), "static/components-papi.json".into()))
    );
    assert_eq!(
        loaded.part_to_load([components("par"), components("sipas")]),
        None
    );
    // The reports too; the main file says which provinces they are about (in report order).
    assert!(loaded.unit_scores.is_empty() && loaded.meetings.is_empty());
    assert_eq!(loaded.report_provinces, ["14", "10", "17"]);
    assert_eq!(whole.report_provinces, loaded.report_provinces);
    for (path, json) in &files[1..3] {
        let index = path
            .trim_start_matches("static/components-")
            .trim_end_matches(".json");
        loaded = loaded.with_part(&components(index), json).unwrap();
    }
    assert_eq!(
        loaded.part_to_load([components("papi"), components("pci")]),
        None
    );
    assert_eq!(
        loaded.part_to_load([DataPart::Reports]),
        Some((DataPart::Reports, "static/reports.json".into()))
    );
    loaded = loaded.with_part(&DataPart::Reports, &files[3].1).unwrap();
    assert_eq!(loaded.unit_scores, whole.unit_scores);
    assert_eq!(loaded.meetings, whole.meetings);
    assert_eq!(loaded.part_to_load([DataPart::Reports]), None);
    let key = |s: &chiso::data::model::Series| (s.index.clone(), s.year, s.component.clone());
    let mut expected = whole.series.clone();
    let mut got = loaded.series.clone();
    expected.sort_by_key(key);
    got.sort_by_key(key);
    assert!(
        expected == got,
        "the split files hold the same series, point for point"
    );
    // A components file for another index, or a broken one, is refused with a message.
    assert!(matches!(
        loaded.with_part(&components("pci"), &files[1].1),
        Err(LoadError::Inconsistent(_))
    ));
    assert!(matches!(
        loaded.with_part(&components("papi"), "{\"schema_version\":4,"),
        Err(LoadError::Parse { .. })
    ));
}

#[test]
fn unknown_province_spelling_names_file_and_line() {
    let e = error(with_row("pci/pci.csv", "2016,Ha Noi,pci,60,vietnamdata:x"));
    assert_eq!(e.file, "pci/pci.csv");
    assert_eq!(e.line, line_count("pci/pci.csv") + 1);
    assert!(
        e.reason.contains("unknown province spelling \"Ha Noi\""),
        "{e}"
    );
    assert!(e.to_string().starts_with("data/pci/pci.csv:"));
}

#[test]
fn duplicate_key_is_refused() {
    let e = error(with_row(
        "papi/papi.csv",
        "2011,Hà Nội,participation,,5.5,x",
    ));
    assert!(
        e.reason
            .contains("duplicate key papi 2011 participation Hà Nội"),
        "{e}"
    );
    assert_eq!(e.line, line_count("papi/papi.csv") + 1);
}

#[test]
fn value_outside_the_scale_is_refused() {
    let e = error(with_row("papi/papi.csv", "2030,Hà Nội,participation,,11,x"));
    assert!(e.reason.contains("outside the scale 1–10"), "{e}");
    let e = error(with_row("par/sipas.csv", "2030,Hà Nội,101,,x"));
    assert!(e.reason.contains("outside the scale"), "{e}");
}

#[test]
fn missing_source_is_refused() {
    let e = error(with_row("pci/pci.csv", "2030,Hà Nội,pci,60,"));
    assert_eq!(e.reason, "missing source");
}

#[test]
fn bad_numbers_ranks_and_columns_are_refused() {
    let e = error(with_row("pci/pci.csv", "2030,Hà Nội,pci,sixty,x"));
    assert!(e.reason.contains("not a number"), "{e}");
    let e = error(with_row("pci/pci.csv", "2030,Hà Nội,rank,1.5,x"));
    assert!(e.reason.contains("not a rank"), "{e}");
    let mut files = sources();
    files.files.insert(
        "par/sipas.csv".into(),
        "year,unit,score,rank,source\n".into(),
    );
    let e = error(files);
    assert_eq!((e.file.as_str(), e.line), ("par/sipas.csv", 1));
    assert!(e.reason.contains("missing column \"value\""), "{e}");
}

#[test]
fn malformed_csv_is_refused_with_its_line() {
    let e = error(with_row("par/sipas_extra.csv", "2030,\"Hà Nội,80,,x"));
    assert!(
        e.reason.contains("malformed CSV") || e.reason.contains("missing"),
        "{e}"
    );
    assert_eq!(e.file, "par/sipas_extra.csv");
}

#[test]
fn load_reports_parse_position_and_schema() {
    match Dataset::from_json("{\n  \"schema_version\": 1,\n  oops") {
        Err(LoadError::Parse { line, column, .. }) => assert_eq!((line, column), (3, 3)),
        other => panic!("{other:?}"),
    }
    let json = to_json(&build(&sources()).unwrap()).replacen(
        &format!("\"schema_version\":{SCHEMA_VERSION}"),
        "\"schema_version\":99",
        1,
    );
    assert_eq!(
        Dataset::from_json(&json),
        Err(LoadError::SchemaVersion {
            found: 99,
            expected: SCHEMA_VERSION
        })
    );
    let json = to_json(&build(&sources()).unwrap()).replacen(
        "\"provinces\":[0,",
        "\"provinces\":[999,",
        1,
    );
    match Dataset::from_json(&json) {
        Err(LoadError::Inconsistent(message)) => assert!(
            message.contains("unknown province position 999"),
            "{message}"
        ),
        other => panic!("{other:?}"),
    }
    // Sound JSON of the wrong layout, and an older file, are told apart.
    let json = to_json(&build(&sources()).unwrap()).replacen("\"code\":\"01\"", "\"code\":1", 1);
    match Dataset::from_json(&json) {
        Err(LoadError::Inconsistent(message)) => assert!(
            message.contains("a field is missing or has the wrong type"),
            "{message}"
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        Dataset::from_json("{\"schema_version\":3,\"indices\":[]}"),
        Err(LoadError::SchemaVersion {
            found: 3,
            expected: SCHEMA_VERSION
        })
    );
    let json = to_json(&build(&sources()).unwrap()).replacen(
        "\"sources\":[{\"id\":1,",
        "\"sources\":[{\"id\":100000,",
        1,
    );
    match Dataset::from_json(&json) {
        Err(LoadError::Inconsistent(msg)) => assert!(msg.contains("unknown source 1"), "{msg}"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        Dataset::from_json(""),
        Err(LoadError::Parse { .. })
    ));
}
