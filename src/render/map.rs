//! The colour classes of a choropleth (its geometry is the data layer's: `data::map_geometry`).

/// A colour-blind-safe sequential palette (viridis, 5 steps), low to high.
pub const CLASS_COLOURS: [&str; 5] = ["#440154", "#3B528B", "#21918C", "#5EC962", "#FDE725"];

/// Quantile class boundaries: `CLASS_COLOURS.len() - 1` inner breaks of the values.
pub fn quantile_breaks(values: &[f64]) -> Vec<f64> {
    let n = CLASS_COLOURS.len();
    (1..n)
        .filter_map(|i| crate::analysis::stats::quantile(values, i as f64 / n as f64))
        .collect()
}

/// The class (0 = lowest) of a value given the inner breaks.
pub fn class_of(value: f64, breaks: &[f64]) -> usize {
    breaks.iter().take_while(|b| value > **b).count()
}

/// The colour of text on a class colour (white on the two darkest classes, black on the
/// others, and black on the light "no data" pattern: `None`), each at least 4.5:1 (WCAG AA).
pub fn text_colour(class: Option<usize>) -> &'static str {
    match class {
        Some(class) if class < 2 => "#FFFFFF",
        _ => "#000000",
    }
}

/// The East Sea inset's ground, and the colour of its frame, outlines and labels (at least
/// 4.5:1 on the ground: its labels are text).
pub const INSET_GROUND: &str = "#FFFFFF";
pub const INSET_INK: &str = "#1B1F27";
