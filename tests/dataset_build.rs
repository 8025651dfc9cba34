use chiso::data::dataset_build::{
    build, build_map, data_files, map_to_json, to_json, BuildError, SourceFiles,
};
use chiso::data::model::{DataPart, Dataset, LoadError, SCHEMA_VERSION};
use chiso::ui::built_pages::prerender::committed_files;
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
    let mut built = Vec::new();
    for (path, fresh) in committed_files(build(&sources()).expect("the real data builds")) {
        if path.starts_with("static/components/") {
            built.push(path.clone());
        }
        let committed = std::fs::read_to_string(root.join(&path)).unwrap_or_default();
        assert!(
            fresh == committed,
            "{path} is stale: run `cargo run --bin build-dataset` and commit it"
        );
    }
    // No file is left in static/components/ that the build no longer writes.
    let mut present: Vec<String> = std::fs::read_dir(root.join("static/components"))
        .unwrap()
        .map(|entry| {
            format!(
                "static/components/{}",
                entry.unwrap().file_name().to_string_lossy()
            )
        })
        .collect();
    present.sort();
    built.sort();
    assert_eq!(
        present, built,
        "run `cargo run --bin build-dataset`, then add or remove files"
    );
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
    assert_eq!(
        d.provinces.iter().filter(|p| p.tile.is_some()).count(),
        64 + 34
    );
}

#[test]
fn the_archipelagos_are_checked_and_mapped_for_both_geographies() {
    let d = build(&sources()).unwrap();
    let map = build_map(&sources(), &d).unwrap();
    let groups: Vec<(&str, Vec<&str>)> = map
        .inset
        .groups
        .iter()
        .map(|g| {
            (
                g.group.as_str(),
                g.codes.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            ("hoang_sa", vec!["48", "n48"]),
            ("truong_sa", vec!["56", "n56"])
        ]
    );
    // Each islet of the source is drawn: 18 in Hoàng Sa, 21 in Trường Sa.
    let islets: Vec<usize> = map
        .inset
        .groups
        .iter()
        .map(|g| g.d.matches('Z').count())
        .collect();
    assert_eq!(islets, [18, 21]);
    let changed = |from: &str, to: &str| {
        let mut files = sources();
        let text = files.files.get_mut("geo/islands.geojson").unwrap();
        assert!(text.contains(from));
        *text = text.replacen(from, to, 1);
        build_map(&files, &d).expect_err("the map build should fail")
    };
    // Hoàng Sa given to the Khánh Hòa of 2025, whose former provinces do not hold Đà Nẵng.
    let e = changed(
        "\"province_code_2025\":\"48\"",
        "\"province_code_2025\":\"56\"",
    );
    assert!(
        e.reason.contains("hoang_sa") && e.reason.contains("its unit"),
        "{e}"
    );
    let e = changed(
        "\"province_code_pre2025\":\"56\"",
        "\"province_code_pre2025\":\"99\"",
    );
    assert!(e.reason.contains("truong_sa"), "{e}");
    let e = changed("\"group\":\"truong_sa\"", "\"group\":\"hoang_sa\"");
    assert!(e.reason.contains("\"hoang_sa\" must be there once"), "{e}");
    let e = changed("\"group\":\"truong_sa\"", "\"group\":\"spratly\"");
    assert!(e.reason.contains("\"truong_sa\" must be there once"), "{e}");
    let e = changed(
        "\n{\"type\":\"Feature\"",
        "\n{\"type\":\"Feature\",\"properties\":{\"group\":\"other\",\"province_code_pre2025\":\"48\",\"province_code_2025\":\"48\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[]}},\n{\"type\":\"Feature\"",
    );
    assert!(e.reason.contains("unknown group \"other\""), "{e}");
    let e = changed("{\"type\":\"FeatureCollection\"", "{\"type\":");
    assert!(e.reason.contains("bad GeoJSON"), "{e}");
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
    let file = |path: &str| -> &str {
        &files
            .iter()
            .find(|(p, _)| p == path)
            .unwrap_or_else(|| panic!("no {path}"))
            .1
    };
    // One components file per index and year that has components, and no other.
    let years = |key: &str| -> Vec<u16> {
        let index = whole.index(key).unwrap();
        index
            .years
            .iter()
            .filter(|y| y.components.len() > 1)
            .map(|y| y.year)
            .collect()
    };
    let components_files: Vec<String> = ["papi", "pci", "par"]
        .iter()
        .flat_map(|key| {
            years(key)
                .into_iter()
                .map(move |y| format!("static/components/{key}-{y}.json"))
        })
        .collect();
    assert!(years("papi").contains(&2024) && years("pci").contains(&2005));
    assert_eq!(paths[0], "static/dataset.json");
    assert_eq!(paths[1..=components_files.len()], components_files);
    assert_eq!(
        paths[components_files.len() + 1..],
        [
            "static/reports.json",
            "static/totals-par.json",
            "static/totals-sipas.json",
            "static/totals-pci.json",
            "static/details.json"
        ]
    );
    let mut loaded = Dataset::from_json(&files[0].1).unwrap();
    // Users' own rows are numbered after every bundled source, loaded or not.
    assert_eq!(loaded.next_source_id(), whole.sources.len() as u32 + 1);
    // The first file has the totals of the first view's index (PAPI), and says where the rest
    // are.
    assert!(
        loaded.series("papi", 2020, "total").is_some()
            && loaded.series("par", 2022, "total").is_none()
    );
    assert!(loaded
        .series
        .iter()
        .all(|s| s.is_total() && s.index == "papi"));
    let totals = |key: &str| DataPart::Totals(key.into());
    assert_eq!(
        loaded.part_to_load([totals("papi"), totals("sipas")]),
        Some((totals("sipas"), "static/totals-sipas.json".into()))
    );
    for index in ["par", "sipas", "pci"] {
        let json = file(&format!("static/totals-{index}.json"));
        // A totals file is no components file.
        assert!(with_part(&loaded, &DataPart::Components(index.into(), 2020), json).is_err());
        loaded = with_part(&loaded, &totals(index), json).unwrap();
    }
    assert!(loaded.series("par", 2022, "total").is_some());
    assert_eq!(
        loaded.part_to_load(["par", "sipas", "papi", "pci"].map(totals)),
        None
    );
    let components = |key: &str, year: u16| DataPart::Components(key.into(), year);
    assert_eq!(
        loaded.part_to_load([components("sipas", 2024), components("papi", 2024)]),
        Some((
            components("papi", 2024),
            "static/components/papi-2024.json".into()
        ))
    );
    assert_eq!(loaded.part_to_load([components("sipas", 2024)]), None);
    // Every part still to be loaded, each once, in the order asked.
    let pci = components("pci", 2016);
    assert_eq!(
        loaded.parts_to_load([
            totals("papi"),
            pci.clone(),
            components("sipas", 2024),
            components("papi", 2024),
            pci.clone(),
        ]),
        vec![
            (pci, "static/components/pci-2016.json".into()),
            (
                components("papi", 2024),
                "static/components/papi-2024.json".into()
            ),
        ]
    );
    // A year's file adds that year's components only.
    let one_year = with_part(
        &loaded,
        &components("papi", 2024),
        file("static/components/papi-2024.json"),
    )
    .unwrap();
    let added: Vec<_> = one_year.series.iter().filter(|s| !s.is_total()).collect();
    assert!(
        !added.is_empty()
            && added
                .iter()
                .all(|s| (s.index.as_str(), s.year) == ("papi", 2024))
    );
    assert_eq!(one_year.part_to_load([components("papi", 2024)]), None);
    assert_eq!(
        one_year.part_to_load(one_year.components_parts("papi")),
        Some((
            components("papi", 2023),
            "static/components/papi-2023.json".into()
        ))
    );
    // Another year's file, or another index's, is refused with a message naming what was
    // expected.
    match with_part(
        &loaded,
        &components("papi", 2023),
        file("static/components/papi-2024.json"),
    ) {
        Err(LoadError::Inconsistent(why)) => {
            assert_eq!(
                why,
                "the file does not hold papi's component series of 2023"
            )
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        with_part(
            &loaded,
            &components("pci", 2024),
            file("static/components/papi-2024.json")
        ),
        Err(LoadError::Inconsistent(_))
    ));
    // Added in place, an index's file that is refused (here: a component the year does not
    // have) leaves the dataset as it was.
    let unknown = file("static/components/papi-2024.json").replacen(
        "\"component\":\"administrative_procedures\"",
        "\"component\":\"no_such_component\"",
        1,
    );
    let mut refused = loaded.clone();
    match refused.add_part(&components("papi", 2024), &unknown) {
        Err(LoadError::Inconsistent(why)) => assert!(why.contains("no_such_component"), "{why}"),
        other => panic!("{other:?}"),
    }
    assert!(refused == loaded);
    // The reports too; the main file says which provinces they are about (in report order).
    assert!(loaded.unit_scores.is_empty() && loaded.meetings.is_empty());
    assert_eq!(loaded.report_provinces, ["14", "10", "17"]);
    assert_eq!(whole.report_provinces, loaded.report_provinces);
    for (path, json) in &files[1..=components_files.len()] {
        let (index, year) = path
            .trim_start_matches("static/components/")
            .trim_end_matches(".json")
            .split_once('-')
            .unwrap();
        loaded = with_part(&loaded, &components(index, year.parse().unwrap()), json).unwrap();
    }
    let every_year: Vec<DataPart> = ["papi", "pci", "par"]
        .iter()
        .flat_map(|key| loaded.components_parts(key))
        .collect();
    assert_eq!(loaded.part_to_load(every_year), None);
    assert_eq!(
        loaded.part_to_load([DataPart::Reports]),
        Some((DataPart::Reports, "static/reports.json".into()))
    );
    loaded = with_part(&loaded, &DataPart::Reports, file("static/reports.json")).unwrap();
    assert_eq!(loaded.unit_scores, whole.unit_scores);
    assert_eq!(loaded.meetings, whole.meetings);
    assert_eq!(loaded.part_to_load([DataPart::Reports]), None);
    // The sources, their disagreements and the further sources of values: the first view is
    // drawn without them (its values know their source ids).
    assert!(
        loaded.sources.is_empty() && loaded.conflicts.is_empty() && loaded.confirmations.is_empty()
    );
    assert_eq!(
        loaded.part_to_load([DataPart::Details]),
        Some((DataPart::Details, "static/details.json".into()))
    );
    let details = file("static/details.json");
    loaded = with_part(&loaded, &DataPart::Details, details).unwrap();
    assert_eq!(loaded.sources, whole.sources);
    assert_eq!(loaded.conflicts, whole.conflicts);
    assert_eq!(loaded.confirmations, whole.confirmations);
    assert_eq!(loaded.part_to_load([DataPart::Details]), None);
    // Every part loaded: nothing is left to load, and the index entries are the whole
    // dataset's.
    assert_eq!(loaded.part_to_load(loaded.all_parts()), None);
    assert_eq!(loaded.indices, whole.indices);
    // A details file whose further source is of an unknown province is refused.
    let (head, tail) = details.split_at(details.find("\"confirmations\":").unwrap());
    let broken = format!(
        "{head}{}",
        tail.replacen("\"province\":\"", "\"province\":\"x", 1)
    );
    assert!(matches!(
        with_part(
            &Dataset::from_json(&files[0].1).unwrap(),
            &DataPart::Details,
            &broken
        ),
        Err(LoadError::Inconsistent(_))
    ));
    let key = |s: &chiso::data::model::Series| (s.index.clone(), s.year, s.component.clone());
    let mut expected = whole.series.clone();
    let mut got = loaded.series.clone();
    expected.sort_by_key(key);
    got.sort_by_key(key);
    assert!(
        expected == got,
        "the split files hold the same series, point for point"
    );
    // A broken file, or one of another schema, is refused with a message.
    assert!(matches!(
        with_part(&loaded, &components("papi", 2024), "{\"schema_version\":7,"),
        Err(LoadError::Parse { .. })
    ));
    let older = file("static/components/papi-2024.json").replacen(
        &format!("\"schema_version\":{SCHEMA_VERSION}"),
        "\"schema_version\":6",
        1,
    );
    assert!(matches!(
        with_part(
            &Dataset::from_json(&files[0].1).unwrap(),
            &components("papi", 2024),
            &older
        ),
        Err(LoadError::SchemaVersion { found: 6, .. })
    ));
}

/// A province's point in a series of the whole dataset.
fn point(
    dataset: &Dataset,
    index: &str,
    year: u16,
    code: &str,
) -> Option<chiso::data::model::Point> {
    dataset
        .series(index, year, "total")?
        .points
        .iter()
        .find(|p| p.province == code)
        .cloned()
}

#[test]
fn third_pass_tables_are_read() {
    let d = build(&sources()).unwrap();
    let value_rank = |index: &str, year: u16, code: &str| {
        point(&d, index, year, code).map(|p| (p.value, p.rank))
    };
    // par_extra.csv: Lai Châu's first PAR INDEX values.
    assert_eq!(value_rank("par", 2012, "12"), Some((Some(66.46), Some(59))));
    // sipas_extra.csv.
    assert_eq!(
        value_rank("sipas", 2024, "19"),
        Some((Some(90.23), Some(2)))
    );
    // sipas.csv's corrections: Bình Dương 2019 is 88.02 (rank 13); Hải Phòng 2023 keeps its
    // rank 5 without a value.
    assert_eq!(
        value_rank("sipas", 2019, "74"),
        Some((Some(88.02), Some(13)))
    );
    assert_eq!(value_rank("sipas", 2023, "31"), Some((None, Some(5))));
    // rank_only.csv: a rank without a value.
    assert_eq!(value_rank("par", 2015, "25"), Some((None, Some(7))));
    // pci_extra.csv: PCI 2017–2024, partial; 2022 changed the weights (a method break).
    assert_eq!(value_rank("pci", 2022, "22"), Some((Some(72.95), Some(1))));
    assert_eq!(value_rank("pci", 2024, "31"), Some((Some(74.84), Some(1))));
    assert_eq!(d.series("pci", 2019, "total").unwrap().points.len(), 31);
    assert!(d
        .series("pci", 2019, "entry_costs")
        .unwrap()
        .points
        .iter()
        .any(|p| p.province == "31" && p.value == Some(7.14)));
    let pci = d.index("pci").unwrap();
    assert_eq!(pci.years.last().unwrap().year, 2024);
    assert_eq!(pci.break_between(2021, 2022), Some(2022));
    // Each partial PCI year says why in both languages; 2022 names the new weights, 2023 the
    // top 30.
    let note = |year: u16| {
        d.coverage_notes
            .iter()
            .find(|n| n.index == "pci" && n.year == Some(year) && n.province.is_none())
            .map(|n| (n.reason_vi.clone(), n.reason_en.clone()))
    };
    for year in [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024] {
        assert!(note(year).is_some(), "PCI {year} has a coverage note");
    }
    assert!(note(2022).unwrap().1.contains("changed the weights"));
    assert!(note(2022).unwrap().0.contains("trọng số"));
    assert!(note(2023).unwrap().1.contains("top 30"));
    assert!(note(2023).unwrap().0.contains("30 tỉnh"));
}

#[test]
fn every_disagreement_has_a_vietnamese_note() {
    let d = build(&sources()).unwrap();
    assert!(d.conflicts.len() >= 19, "{}", d.conflicts.len());
    for c in &d.conflicts {
        assert!(
            !c.note.is_empty() && !c.note_vi.is_empty(),
            "{} {} {}",
            c.index,
            c.year,
            c.unit
        );
    }
    // The five of the third pass.
    for (index, year, unit, field) in [
        ("sipas", 2023, "Hải Phòng", "total"),
        ("sipas", 2019, "Bình Dương", "total"),
        ("par", 2023, "Đà Nẵng", "total"),
        ("par", 2018, "Hà Nội", "total"),
        ("par", 2023, "Ninh Bình", "leadership_direction_pct rank"),
    ] {
        assert!(
            d.conflicts
                .iter()
                .any(|c| c.index == index && c.year == year && c.unit == unit && c.field == field),
            "{index} {year} {unit} {field}"
        );
    }
    // Ninh Bình's is about the rank of a component: shown at that component's rank.
    let ninh_binh = d.conflicts.iter().find(|c| c.unit == "Ninh Bình").unwrap();
    assert!(ninh_binh.is_rank_of("leadership_direction_pct") && !ninh_binh.is_rank_of("total"));
    assert_eq!(ninh_binh.anchor().as_deref(), Some("conflict-37-rank"));
}

#[test]
fn every_source_of_a_value_is_kept() {
    let d = build(&sources()).unwrap();
    let citation = |id: u32| d.source(id).unwrap().citation.clone();
    // Hà Nội, PAR INDEX 2023: 91.43, rank 3, from its own source and three more.
    let first = point(&d, "par", 2023, "01").unwrap().source;
    let all = d.sources_of("par", 2023, "total", Some("01"), first);
    assert_eq!(all.len(), 4, "{all:?}");
    assert_eq!(all[0], first);
    let cited: Vec<String> = all.iter().map(|&id| citation(id)).collect();
    for page in ["baomoi.com", "nhadautu.vn", "baodantoc.vn"] {
        assert!(cited.iter().any(|c| c.contains(page)), "{page}: {cited:?}");
    }
    assert!(d
        .confirmations_of("par", 2023, "total", Some("01"))
        .all(|c| c.value && c.rank));
    // A source that gives only the rank says so: Thái Nguyên, PAR INDEX 2021, rank 6.
    let rank_only: Vec<_> = d
        .confirmations_of("par", 2021, "total", Some("19"))
        .collect();
    assert_eq!(rank_only.len(), 1);
    assert!(rank_only[0].rank && !rank_only[0].value);
    // The national value too: the provinces' average of 2024.
    let national = d.national_value("par", 2024, "total").unwrap();
    assert_eq!(national.value, 88.37);
    assert_eq!(
        d.sources_of("par", 2024, "total", None, national.source)
            .len(),
        2
    );
    // A rank-only entry that a later table gives a value to keeps its source (PCI 2017,
    // Hồ Chí Minh: the value's source first, the rank's after it).
    assert_eq!(
        d.confirmations_of("pci", 2017, "total", Some("79")).count(),
        1
    );
    // A row naming the value's own source adds nothing (Thái Nguyên, PAR INDEX 2023).
    assert_eq!(
        d.confirmations_of("par", 2023, "total", Some("19")).count(),
        0
    );
    // No source is named twice for one value.
    for c in &d.confirmations {
        let same = d.confirmations.iter().filter(|o| {
            (&o.index, o.year, &o.component, &o.province, o.source)
                == (&c.index, c.year, &c.component, &c.province, c.source)
        });
        assert_eq!(same.count(), 1);
    }
}

#[test]
fn bad_third_pass_rows_are_refused_with_file_and_line() {
    let file = "par/confirmations.csv";
    let next_line = line_count(file) + 1;
    let refused = |row: &str| {
        let e = error(with_row(file, row));
        assert_eq!((e.file.as_str(), e.line), (file, next_line), "{e}");
        e.reason
    };
    // Another figure than the one held is a disagreement, not a confirmation.
    let reason = refused("par,2023,Hà Nội,total,91.4,https://example.org/a");
    assert!(
        reason.contains("gives value 91.4 where the dataset holds 91.43"),
        "{reason}"
    );
    assert!(reason.contains("conflicts.csv"), "{reason}");
    let reason = refused("par,2023,Hà Nội,total,91.43 (rank 4),https://example.org/a");
    assert!(
        reason.contains("gives rank 4 where the dataset holds 3"),
        "{reason}"
    );
    let reason = refused("par,2030,Hà Nội,total,80,https://example.org/a");
    assert!(
        reason.contains("no par 2030 total value or rank of Hà Nội"),
        "{reason}"
    );
    let reason = refused("par,2023,Ha Noi,total,91.43,https://example.org/a");
    assert!(reason.contains("unknown province spelling"), "{reason}");
    let reason = refused("par,2023,Hà Nội,score,91.43,https://example.org/a");
    assert!(reason.contains("unknown field \"score\""), "{reason}");
    let reason = refused("par,2023,Hà Nội,total,about 91,https://example.org/a");
    assert!(reason.contains("not a number"), "{reason}");
    let reason = refused("par,2023,Hà Nội,rank,3.5,https://example.org/a");
    assert!(reason.contains("not a rank"), "{reason}");
    let reason =
        refused("par,2024,\"Bình quân các tỉnh, thành phố\",total,88.3,https://example.org/a");
    assert!(
        reason.contains("gives \"88.3\" where the national value is 88.37"),
        "{reason}"
    );
    let reason = refused("par,2023,Hà Nội,total,91.43,");
    assert_eq!(reason, "missing source");
    // A later table may give a value again, but not with another rank.
    let e = error(with_row(
        "par/sipas_extra.csv",
        "2019,Bình Dương,88.02,12,https://example.org/a",
    ));
    assert_eq!(e.line, line_count("par/sipas_extra.csv") + 1);
    assert!(
        e.reason
            .contains("rank 12 disagrees with rank 13 in par/sipas.csv"),
        "{e}"
    );
    // pci_extra.csv is checked as pci.csv is.
    let e = error(with_row(
        "pci/pci_extra.csv",
        "2019,Hải Phòng,entry_costs,11,https://example.org/a",
    ));
    assert_eq!(
        (e.file.as_str(), e.line),
        ("pci/pci_extra.csv", line_count("pci/pci_extra.csv") + 1)
    );
    assert!(e.reason.contains("outside the scale"), "{e}");
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

/// `data` with `part` added from `text`, leaving `data` as it was.
fn with_part(data: &Dataset, part: &DataPart, text: &str) -> Result<Dataset, LoadError> {
    let mut data = data.clone();
    data.add_part(part, text)?;
    Ok(data)
}
