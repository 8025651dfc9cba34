//! A small hand-made dataset for tests, so expectations can be computed by hand.
#![allow(dead_code)]

use chiso::data::model::*;

pub fn province(code: &str, name: &str, region: &str) -> Province {
    Province {
        code: code.into(),
        name_vi: name.into(),
        name_ascii: name.into(),
        name_en: name.into(),
        region: Some(region.into()),
        first_year: None,
        last_year: None,
        members: Vec::new(),
        merged_2025_into: None,
        tile: None,
    }
}

pub fn point(code: &str, value: Option<f64>, rank: Option<u32>) -> Point {
    Point {
        province: code.into(),
        value,
        rank,
        source: 1,
        max_points: None,
    }
}

pub fn component(key: &str) -> ComponentMeta {
    ComponentMeta {
        key: key.into(),
        name_vi: key.into(),
        name_en: key.into(),
        unit: Unit::Points,
        scale_min: 0.0,
        scale_max: 100.0,
        max_points: None,
    }
}

/// Index "idx" with years 2010, 2011, 2013 (method break in 2013) and five provinces in two
/// regions. 2011 has a tie and a missing province; 2013 has official ranks and a rank-only row.
pub fn tiny() -> Dataset {
    let years = [2010, 2011, 2013]
        .into_iter()
        .map(|year| YearMeta {
            year,
            components: vec![component("total")],
            components_file: None,
        })
        .collect();
    let series = |year: u16, points: Vec<Point>| Series {
        index: "idx".into(),
        year,
        component: "total".into(),
        points,
    };
    Dataset {
        schema_version: SCHEMA_VERSION,
        indices: vec![IndexMeta {
            key: "idx".into(),
            short_name: "IDX".into(),
            name_vi: "Chỉ số".into(),
            name_en: "Index".into(),
            publisher: "test".into(),
            higher_is_better: true,
            method_breaks: vec![2013],
            components_change_every_year: false,
            years,
            totals_file: None,
        }],
        regions: vec![
            Region {
                key: "north".into(),
                name_vi: "Bắc".into(),
                name_en: "North".into(),
            },
            Region {
                key: "south".into(),
                name_vi: "Nam".into(),
                name_en: "South".into(),
            },
        ],
        provinces: vec![
            province("01", "Hà Nội", "north"),
            province("02", "Sơn La", "north"),
            province("03", "Lạng Sơn", "north"),
            province("04", "Cần Thơ", "south"),
            province("05", "Đắk Lắk", "south"),
        ],
        sources: vec![Source {
            id: 1,
            citation: "https://example.org/a | test table".into(),
        }],
        series: vec![
            series(
                2010,
                vec![
                    point("01", Some(50.0), None),
                    point("02", Some(60.0), None),
                    point("03", Some(40.0), None),
                    point("04", Some(55.0), None),
                ],
            ),
            series(
                2011,
                vec![
                    point("01", Some(52.0), None),
                    point("02", Some(58.0), None),
                    point("03", Some(58.0), None),
                    point("05", Some(45.0), None),
                ],
            ),
            series(
                2013,
                vec![
                    point("01", Some(70.0), Some(1)),
                    point("02", Some(65.0), Some(2)),
                    point("04", None, Some(3)),
                ],
            ),
        ],
        national: vec![NationalValue {
            index: "idx".into(),
            year: 2011,
            component: "total".into(),
            value: 53.25,
            source: 1,
        }],
        coverage_notes: vec![CoverageNote {
            index: "idx".into(),
            year: Some(2011),
            province: Some("04".into()),
            reason_vi: "Không khảo sát".into(),
            reason_en: "Not surveyed".into(),
        }],
        conflicts: Vec::new(),
        meetings: Vec::new(),
        unit_scores: Vec::new(),
        reports_file: None,
        report_provinces: Vec::new(),
        confirmations: Vec::new(),
        details_file: None,
        last_source_id: 1,
        own_rows: Vec::new(),
    }
}

/// The committed data files, with every part split off the main file loaded, as the app has
/// them once each file was fetched.
pub fn bundled() -> Dataset {
    chiso::ui::built_pages::pages::bundled(std::path::Path::new(env!("CARGO_MANIFEST_DIR")))
        .unwrap()
}

/// WCAG 2.x contrast ratio of two `#RRGGBB` colours.
pub fn contrast(a: &str, b: &str) -> f64 {
    let luminance = |hex: &str| {
        let channel = |i: usize| {
            let v =
                u8::from_str_radix(&hex[i..i + 2], 16).expect("a #RRGGBB colour") as f64 / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The ranking of `index`'s total in `year` over the whole country, unsearched, by position.
pub fn total_query(index: &str, year: u16) -> chiso::analysis::ranking::Query {
    chiso::analysis::ranking::Query {
        index: index.into(),
        year,
        component: "total".into(),
        region: None,
        search: String::new(),
        sort: chiso::analysis::ranking::SortColumn::Position,
        descending: false,
    }
}
