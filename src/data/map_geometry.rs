//! Map geometry: an equirectangular projection of the provinces' GeoJSON into SVG path data,
//! done once by the dataset build, the East Sea inset that holds Quần đảo Hoàng Sa and Quần
//! đảo Trường Sa beside the mainland, and the projected shapes the map file holds.

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
    path_data_placed(rings, |x, y| (x, y))
}

/// Path data as `path_data`'s, each projected point then moved by `place`.
fn path_data_placed(rings: &[Vec<(f64, f64)>], place: impl Fn(f64, f64) -> (f64, f64)) -> String {
    let mut d = String::new();
    for ring in rings.iter().filter(|r| r.len() >= 3) {
        for (i, (lon, lat)) in ring.iter().enumerate() {
            let (px, py) = project(*lon, *lat);
            let (x, y) = place(px, py);
            d.push_str(if i == 0 { "M" } else { "L" });
            d.push_str(&format!("{x:.1} {y:.1}"));
        }
        d.push('Z');
    }
    d
}

/// `v` to one decimal, as path data is written.
fn tenth(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The two archipelagos, by the key `data/geo/islands.geojson` gives them, north first.
pub const ISLAND_GROUPS: [&str; 2] = ["hoang_sa", "truong_sa"];
/// Space between the mainland's east edge and the inset box, in SVG units.
const INSET_GAP: f64 = 12.0;
/// The inset box's width: its labels (two lines of up to 19 characters) decide it.
const INSET_WIDTH: f64 = 190.0;
/// Space inside the box's edge, and around each group inside its outline.
const INSET_PADDING: f64 = 10.0;
const GROUP_MARGIN: f64 = 6.0;
/// The size of the labels in the inset, and the distance between their lines.
pub const INSET_LABEL_SIZE: f64 = 14.0;
pub const INSET_LINE: f64 = 16.0;

/// One archipelago as the build reads it: its key, the province it belongs to in each
/// geography (ids), and its islets as rings of (lon, lat).
pub struct IslandSource {
    pub group: String,
    pub codes: Vec<String>,
    pub rings: Vec<Vec<(f64, f64)>>,
}

/// A rectangle in SVG units.
#[derive(Serialize, miniserde::Deserialize, Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// An archipelago in the inset.
#[derive(Serialize, miniserde::Deserialize, Debug, Clone, PartialEq)]
pub struct IslandGroup {
    /// One of `ISLAND_GROUPS`.
    pub group: String,
    /// The province it is part of, in each geography ("48" to 2024, "n48" from 2025).
    pub codes: Vec<String>,
    /// Its islets, at the inset's scale.
    pub d: String,
    /// The outline drawn around it: at the map's scale an islet is a pixel or less.
    pub outline: Frame,
    /// Where its label starts: the left end of the first line's baseline.
    pub label_x: f64,
    pub label_y: f64,
}

/// The East Sea inset: a box east of the mainland with both archipelagos at one smaller
/// scale, where they lie relative to each other kept (drawn in place, they would almost
/// double the map's width), the box centred on their latitudes.
#[derive(Serialize, miniserde::Deserialize, Debug, Clone, PartialEq)]
pub struct Inset {
    pub frame: Frame,
    pub groups: Vec<IslandGroup>,
}

impl Inset {
    /// Lays out `sources` in a box east of a mainland `mainland_width` wide.
    pub fn lay_out(mainland_width: f64, sources: Vec<IslandSource>) -> Inset {
        let projected = |s: &IslandSource| -> Vec<(f64, f64)> {
            s.rings
                .iter()
                .flatten()
                .map(|(lon, lat)| project(*lon, *lat))
                .collect()
        };
        let bounds = |points: &[(f64, f64)]| {
            points.iter().fold(
                (
                    f64::INFINITY,
                    f64::INFINITY,
                    f64::NEG_INFINITY,
                    f64::NEG_INFINITY,
                ),
                |(x0, y0, x1, y1), (x, y)| (x0.min(*x), y0.min(*y), x1.max(*x), y1.max(*y)),
            )
        };
        let all: Vec<(f64, f64)> = sources.iter().flat_map(projected).collect();
        let (west, north, east, south) = bounds(&all);
        let edge = INSET_PADDING + GROUP_MARGIN;
        let scale = (INSET_WIDTH - 2.0 * edge) / (east - west);
        let height = (south - north) * scale + 2.0 * edge;
        let frame = Frame {
            x: (mainland_width + INSET_GAP).ceil(),
            y: ((north + south) / 2.0 - height / 2.0).round(),
            width: INSET_WIDTH,
            height: height.ceil(),
        };
        let place = |x: f64, y: f64| {
            (
                frame.x + edge + (x - west) * scale,
                frame.y + edge + (y - north) * scale,
            )
        };
        let groups = sources
            .iter()
            .enumerate()
            .map(|(i, source)| {
                let (x0, y0, x1, y1) = bounds(&projected(source));
                let ((left, top), (right, bottom)) = (place(x0, y0), place(x1, y1));
                let outline = Frame {
                    x: tenth(left - GROUP_MARGIN),
                    y: tenth(top - GROUP_MARGIN),
                    width: tenth(right - left + 2.0 * GROUP_MARGIN),
                    height: tenth(bottom - top + 2.0 * GROUP_MARGIN),
                };
                // The labels face the box's open middle: below the northern group, above
                // the others.
                let label_y = if i == 0 {
                    outline.y + outline.height + INSET_LINE
                } else {
                    outline.y - INSET_LINE - 4.0
                };
                IslandGroup {
                    group: source.group.clone(),
                    codes: source.codes.clone(),
                    d: path_data_placed(&source.rings, place),
                    outline,
                    label_x: frame.x + INSET_PADDING,
                    label_y: tenth(label_y),
                }
            })
            .collect();
        Inset { frame, groups }
    }
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
    pub inset: Inset,
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
