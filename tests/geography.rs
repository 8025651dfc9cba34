//! The two geographies: the 63 provinces (64 with Hà Tây) and the 34 units of 1 July 2025.

use chiso::data::dataset_build::{build, build_map, SourceFiles};
use chiso::data::geography::{is_unit_id, unit_id, Geography};
use chiso::data::model::Dataset;
use std::collections::{HashMap, HashSet};
use std::path::Path;

fn sources() -> SourceFiles {
    SourceFiles::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data")).unwrap()
}

fn dataset() -> Dataset {
    build(&sources()).unwrap()
}

#[test]
fn each_year_rates_one_geography() {
    let d = dataset();
    assert_eq!(d.provinces_in(2007).count(), 64);
    assert_eq!(d.provinces_in(2024).count(), 63);
    assert_eq!(d.provinces_in(2025).count(), 34);
    assert_eq!(d.provinces_in(2026).count(), 34);
    assert!(d.provinces_in(2024).all(|p| !is_unit_id(&p.code)));
    assert!(d.provinces_in(2025).all(|p| is_unit_id(&p.code)));
    assert_eq!(Geography::of_year(2024), Geography::Provinces63);
    assert_eq!(Geography::of_year(2025), Geography::Units2025);
}

#[test]
fn no_id_names_a_province_of_both_sets() {
    let d = dataset();
    let ids: HashSet<&str> = d.provinces.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(ids.len(), d.provinces.len(), "ids are unique");
    // Code 08 is the old Tuyên Quang; the new Tuyên Quang (Hà Giang + Tuyên Quang) is n08.
    let old = d.province("08").unwrap();
    let new = d.province(&unit_id("08")).unwrap();
    assert_eq!(
        (old.name_vi.as_str(), new.name_vi.as_str()),
        ("Tuyên Quang", "Tuyên Quang")
    );
    assert_eq!(new.members, ["02", "08"]);
    assert!(old.last_year == Some(2024) && new.first_year == Some(2025));
    // The new Lào Cai (Lào Cai 10 + Yên Bái 15) has code 15: its seat is in the former Yên Bái.
    assert_eq!(d.successor("10").unwrap().code, "n15");
    assert_eq!(d.successor("15").unwrap().code, "n15");
}

#[test]
fn every_former_province_is_in_exactly_one_unit() {
    let d = dataset();
    let groups = d.unit_groups();
    assert_eq!(groups.len(), 34);
    let mut seen = HashMap::new();
    for g in &groups {
        assert!(!g.members.is_empty());
        for m in &g.members {
            assert_eq!(
                seen.insert(m.code.clone(), g.unit.code.clone()),
                None,
                "{} twice",
                m.code
            );
            assert_eq!(m.merged_2025_into.as_deref(), Some(g.unit.code.as_str()));
        }
    }
    assert_eq!(seen.len(), 63);
    // 11 units are unchanged provinces; Hà Tây had joined Hà Nội in 2008.
    assert_eq!(groups.iter().filter(|g| g.members.len() == 1).count(), 11);
    assert_eq!(d.successor("28").unwrap().code, "n01");
    assert_eq!(d.across_2025("n92").len(), 3);
    assert_eq!(d.across_2025("93")[0].name_vi, "Cần Thơ");
}

#[test]
fn a_unit_has_a_region_only_when_its_former_provinces_share_one() {
    let d = dataset();
    // Lào Cai + Yên Bái: both in the Northern Midlands and Mountain Areas.
    assert_eq!(
        d.province("n15").unwrap().region.as_deref(),
        Some("trung_du_mien_nui_phia_bac")
    );
    // Bắc Ninh + Bắc Giang: Red River Delta and Northern Midlands.
    assert_eq!(d.province("n24").unwrap().region, None);
}

#[test]
fn the_2025_tile_grid_has_34_distinct_cells() {
    let d = dataset();
    let cells: HashSet<(u8, u8)> = d.provinces_in(2025).filter_map(|p| p.tile).collect();
    assert_eq!(cells.len(), 34);
}

/// Twice the signed area of a ring (shoelace), in square degrees.
fn ring_area(ring: &[(f64, f64)]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (x0, y0) = ring[i];
            let (x1, y1) = ring[(i + 1) % n];
            x0 * y1 - x1 * y0
        })
        .sum::<f64>()
        / 2.0
}

/// Every feature's rings (lon, lat) by code, read from a GeoJSON file of `data/geo/`.
fn rings_by_code(file: &str) -> HashMap<String, Vec<Vec<(f64, f64)>>> {
    let text = &sources().files[file];
    let json: serde_json::Value = serde_json::from_str(text).unwrap();
    let mut out = HashMap::new();
    for f in json["features"].as_array().unwrap() {
        let code = f["properties"]["code"].as_str().unwrap().to_string();
        let coords = &f["geometry"]["coordinates"];
        let polygons: Vec<&serde_json::Value> = match f["geometry"]["type"].as_str().unwrap() {
            "Polygon" => vec![coords],
            _ => coords.as_array().unwrap().iter().collect(),
        };
        let rings = polygons
            .iter()
            .flat_map(|p| p.as_array().unwrap())
            .map(|ring| {
                ring.as_array()
                    .unwrap()
                    .iter()
                    .map(|pt| (pt[0].as_f64().unwrap(), pt[1].as_f64().unwrap()))
                    .collect()
            })
            .collect();
        out.insert(code, rings);
    }
    out
}

#[test]
fn outlines_of_the_34_are_the_union_of_their_former_provinces() {
    let d = dataset();
    let former = rings_by_code("geo/provinces.geojson");
    let units = rings_by_code("geo/provinces_2025.geojson");
    assert_eq!(units.len(), 34);
    for g in d.unit_groups() {
        let code = g.unit.code.trim_start_matches('n');
        let outline = &units[code];
        let member_rings: Vec<&Vec<(f64, f64)>> =
            g.members.iter().flat_map(|m| &former[&m.code]).collect();
        // Same area: the members tile the unit (they share edges, never overlap).
        let area: f64 = outline.iter().map(|r| ring_area(r)).sum();
        let members: f64 = member_rings.iter().map(|r| ring_area(r)).sum();
        assert!((area - members).abs() < 1e-6, "{code}: {area} vs {members}");
        // And no new corner: every vertex of the outline is a vertex of a former province.
        let vertices: HashSet<(i64, i64)> = member_rings
            .iter()
            .flat_map(|r| r.iter())
            .map(|(x, y)| ((x * 1e4).round() as i64, (y * 1e4).round() as i64))
            .collect();
        for (x, y) in outline.iter().flatten() {
            let key = ((x * 1e4).round() as i64, (y * 1e4).round() as i64);
            assert!(
                vertices.contains(&key),
                "{code}: vertex {x},{y} is no member's"
            );
        }
    }
}

#[test]
fn the_map_has_a_shape_for_every_province_of_both_sets() {
    let files = sources();
    let d = build(&files).unwrap();
    let map = build_map(&files, &d).unwrap();
    let shapes: HashSet<&str> = map.shapes.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(shapes.len(), 63 + 34);
    assert!(d
        .provinces_in(2025)
        .all(|p| shapes.contains(p.code.as_str())));
    assert!(d
        .provinces_in(2024)
        .all(|p| shapes.contains(p.code.as_str())));
}

#[test]
fn search_finds_a_province_by_its_old_or_new_name() {
    use chiso::i18n::Lang;
    use chiso::text::fold;
    let d = dataset();
    let found: Vec<&str> = d
        .find_provinces(&fold("yen bai"))
        .iter()
        .map(|p| p.code.as_str())
        .collect();
    assert_eq!(found, ["15", "n15"]);
    let found: Vec<&str> = d
        .find_provinces(&fold("LÀO CAI"))
        .iter()
        .map(|p| p.code.as_str())
        .collect();
    assert_eq!(found, ["10", "n15"]);
    let unit = d.province("n15").unwrap();
    assert_eq!(
        d.province_label(unit, Lang::En),
        "Lao Cai (since 2025: Lao Cai, Yen Bai)"
    );
    assert_eq!(
        d.province_label(d.province("15").unwrap(), Lang::Vi),
        "Yên Bái (đến 2024)"
    );
}
