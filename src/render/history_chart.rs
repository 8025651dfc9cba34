//! A province's line over the years of one index, with (for a 2025 province) one line per
//! former province and 1 July 2025 as a break: the profile's sparklines and the pages' preview
//! images draw the same chart at two sizes.

use crate::analysis::borders::breaks_with_2025;
use crate::analysis::profile::history;
use crate::data::model::{Dataset, IndexMeta, Province};
use crate::i18n::Lang;
use crate::render::chart::{line_chart, series_style, Axis, LineChartSpec, LineSeries};

/// The style of a province's own line, and of its former provinces' lines.
const OWN_STYLE: usize = 4;
fn former_style(i: usize) -> usize {
    if i >= OWN_STYLE {
        i + 1
    } else {
        i
    }
}

/// The province's own line (`own`, its history on `index`) first, then one per former province.
pub fn history_lines(
    dataset: &Dataset,
    index: &IndexMeta,
    own: &[(u16, Option<f64>)],
    former: &[&Province],
) -> Vec<LineSeries> {
    std::iter::once(LineSeries {
        style: series_style(OWN_STYLE),
        points: own.to_vec(),
    })
    .chain(former.iter().enumerate().map(|(i, p)| LineSeries {
        style: series_style(former_style(i)),
        points: history(dataset, index, &p.code),
    }))
    .collect()
}

/// The lines over all the index's years, `width`×`height` (axes and labels unless `compact`);
/// `None` with fewer than two values to draw. `crosses_2025`: the lines span 1 July 2025.
pub fn history_chart(
    lang: Lang,
    index: &IndexMeta,
    lines: &[LineSeries],
    crosses_2025: bool,
    (width, height): (u32, u32),
    compact: bool,
) -> Option<String> {
    let values: Vec<f64> = lines
        .iter()
        .flat_map(|l| l.points.iter().filter_map(|p| p.1))
        .collect();
    if values.len() < 2 {
        return None;
    }
    let first = index.years.first().map(|y| y.year).unwrap_or(0);
    let last = index.years.last().map(|y| y.year).unwrap_or(0);
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    Some(line_chart(&LineChartSpec {
        lang,
        width,
        height,
        compact,
        axis: Axis {
            from: lo - (hi - lo).max(0.5) * 0.1,
            to: hi + (hi - lo).max(0.5) * 0.1,
        },
        inverted: false,
        years: (first, last),
        breaks: &breaks_with_2025(&index.method_breaks, crosses_2025),
        series: lines,
    }))
}
