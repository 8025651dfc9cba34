//! Map geometry: an equirectangular projection of the provinces' GeoJSON into SVG path data,
//! done once by the dataset build, and the projected shapes the map file holds.

use serde::Serialize;

/// SVG units per projected degree.
const SCALE: f64 = 60.0;
/// The projection's reference: west and north edges, and the latitude whose cosine scales x.
const WEST: f64 = 102.1;
const NORTH: f64 = 23.4;
const MID_LATITUDE: f64 = 16.0;

/// Projects (longitude, latitude) to SVG coordinates (x east, y south), in SVG units.
pub fn project(lon: f64, lat: f64) -> (f64, f64) {
    (
        (lon - WEST) * MID_LATITUDE.to_radians().cos() * SCALE,
        (NORTH - lat) * SCALE,
    )
}

/// Path data for polygons given as rings of (lon, lat): one `M … Z` per ring, 1 decimal.
pub fn path_data(rings: &[Vec<(f64, f64)>]) -> String {
    let mut d = String::new();
    for ring in rings.iter().filter(|r| r.len() >= 3) {
        for (i, (lon, lat)) in ring.iter().enumerate() {
            let (x, y) = project(*lon, *lat);
            d.push_str(if i == 0 { "M" } else { "L" });
            d.push_str(&format!("{x:.1} {y:.1}"));
        }
        d.push('Z');
    }
    d
}

#[derive(Serialize, miniserde::Deserialize, Debug, Clone, PartialEq)]
pub struct Shape {
    pub code: String,
    pub d: String,
}

#[derive(Serialize, miniserde::Deserialize, Debug, Clone, PartialEq)]
pub struct MapShapes {
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<Shape>,
}

impl MapShapes {
    pub fn from_json(text: &str) -> Result<MapShapes, String> {
        crate::data::model::read_json(text).map_err(|broken| {
            broken
                .map(|e| e.to_string())
                .unwrap_or_else(|| "not a map file".into())
        })
    }
}
