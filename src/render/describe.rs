//! Text descriptions of the charts, for readers who cannot see them (screen readers) and for
//! anyone who wants the gist in words: what is drawn, how many provinces, and the extremes.
//! The full figures are always in the table beside or behind each chart.

use crate::analysis::stats::median;
use crate::i18n::{Lang, Text};

/// Values in descriptions: 2 decimals, as in the tables.
const DECIMALS: usize = 2;

/// "Highest: A (v); lowest: B (v); median: m." over named values; `None` when there are none.
pub fn extremes(lang: Lang, items: &[(&str, f64)]) -> Option<String> {
    let highest = items
        .iter()
        .copied()
        .reduce(|a, b| if b.1 > a.1 { b } else { a })?;
    let lowest = items
        .iter()
        .copied()
        .reduce(|a, b| if b.1 < a.1 { b } else { a })?;
    let values: Vec<f64> = items.iter().map(|i| i.1).collect();
    let middle = median(&values)
        .map(|m| lang.number(m, DECIMALS))
        .unwrap_or_default();
    let number = |v: f64| lang.number(v, DECIMALS);
    Some(lang.fill(
        Text::DescExtremes,
        &[
            highest.0,
            &number(highest.1),
            lowest.0,
            &number(lowest.1),
            &middle,
        ],
    ))
}

/// A province's rank in words: "Official rank: 12", or "Position: 50/61 (computed)" among the
/// `with_value` provinces with a value; empty with neither.
pub fn standing_rank(lang: Lang, row: &crate::analysis::ranking::Row, with_value: usize) -> String {
    match (row.official_rank, row.position) {
        (Some(r), _) => format!("{}: {r}", lang.t(Text::OfficialRank)),
        (None, Some(p)) => format!(
            "{}: {p}/{with_value} ({})",
            lang.t(Text::Position),
            lang.t(Text::ComputedRank)
        ),
        (None, None) => String::new(),
    }
}

/// The rankings bar chart: provinces drawn, extremes, and how many are left out for want of data.
pub fn ranking(lang: Lang, items: &[(&str, f64)], without_data: usize) -> String {
    let mut parts = vec![lang.fill(Text::DescBars, &[&items.len().to_string()])];
    parts.extend(extremes(lang, items));
    if without_data > 0 {
        parts.push(lang.fill(Text::DescNotDrawn, &[&without_data.to_string()]));
    }
    parts.join(" ")
}

/// The parts in a change: how many bars, which way they point, and the extremes.
pub fn changes(lang: Lang, items: &[(&str, f64)]) -> String {
    let mut parts = vec![lang.fill(Text::DescChanges, &[&items.len().to_string()])];
    parts.extend(extremes(lang, items));
    parts.join(" ")
}

/// A province's name and its (year, value) points, `None` where it has no value.
pub type NamedPoints<'a> = (&'a str, &'a [(u16, Option<f64>)]);

/// That the lines stop at a change of method and start again after it, naming the breaks
/// (first years of a new method) that cut a line: a line with a value before the break and one
/// from it on. `None` when no break cuts any of `lines`.
pub fn method_breaks(
    lang: Lang,
    breaks: &[u16],
    lines: &[&[(u16, Option<f64>)]],
) -> Option<String> {
    let cut = |b: u16| {
        lines.iter().any(|points| {
            let mut years = points.iter().filter(|p| p.1.is_some()).map(|p| p.0);
            years.clone().any(|y| y < b) && years.any(|y| y >= b)
        })
    };
    let years: Vec<String> = breaks
        .iter()
        .filter(|&&b| cut(b))
        .map(u16::to_string)
        .collect();
    (!years.is_empty()).then(|| lang.fill(Text::DescMethodBreaks, &[&years.join(", ")]))
}

/// The trend lines: for each province its first and last year with data, the gaps, and the
/// changes of method (`breaks`) no line is joined across.
pub fn trends(
    lang: Lang,
    years: (u16, u16),
    rank_mode: bool,
    breaks: &[u16],
    lines: &[NamedPoints],
) -> String {
    let shown = |v: f64| {
        if rank_mode {
            lang.fill(Text::DescRank, &[&format!("{v:.0}")])
        } else {
            lang.number(v, DECIMALS)
        }
    };
    let mut out = lang.fill(
        Text::DescLines,
        &[&years.0.to_string(), &years.1.to_string()],
    );
    let points: Vec<&[(u16, Option<f64>)]> = lines.iter().map(|l| l.1).collect();
    if let Some(sentence) = method_breaks(lang, breaks, &points) {
        out.push(' ');
        out.push_str(&sentence);
    }
    for (name, points) in lines {
        let present: Vec<(u16, f64)> = points
            .iter()
            .filter_map(|&(y, v)| v.map(|v| (y, v)))
            .collect();
        let sentence = match (present.first(), present.last()) {
            (Some(&(y0, v0)), Some(&(y1, v1))) => {
                let mut s = lang.fill(
                    Text::DescLine,
                    &[
                        name,
                        &shown(v0),
                        &y0.to_string(),
                        &shown(v1),
                        &y1.to_string(),
                    ],
                );
                let missing = points.len() - present.len();
                if missing > 0 {
                    s.push_str(&format!(
                        "; {}",
                        lang.fill(Text::DescYearsMissing, &[&missing.to_string()])
                    ));
                }
                s
            }
            _ => format!("{name}: {}", lang.t(Text::NoData)),
        };
        out.push(' ');
        out.push_str(&sentence);
        out.push('.');
    }
    out
}

/// The scatter plot: what the axes are, how many dots, and the correlations.
pub fn scatter(
    lang: Lang,
    dots: usize,
    x_label: &str,
    y_label: &str,
    pearson: Option<f64>,
    spearman: Option<f64>,
) -> String {
    let mut out = lang.fill(Text::DescScatter, &[&dots.to_string(), x_label, y_label]);
    if let (Some(r), Some(rho)) = (pearson, spearman) {
        out.push(' ');
        out.push_str(&lang.fill(
            Text::DescCorrelation,
            &[&lang.number(r, 3), &lang.number(rho, 3)],
        ));
    }
    out
}

/// The grouped bars: for each component, which of the chosen provinces is highest.
/// `values[p][c]` is province `p`'s value on component `c`.
pub fn compare(
    lang: Lang,
    components: &[&str],
    provinces: &[&str],
    values: &[Vec<Option<f64>>],
) -> String {
    let mut out = lang.fill(
        Text::DescGrouped,
        &[&components.len().to_string(), &provinces.len().to_string()],
    );
    let best: Vec<String> = components
        .iter()
        .enumerate()
        .filter_map(|(c, component)| {
            let (p, v) = values
                .iter()
                .enumerate()
                .filter_map(|(p, row)| row.get(c).copied().flatten().map(|v| (p, v)))
                .reduce(|a, b| if b.1 > a.1 { b } else { a })?;
            Some(format!(
                "{component}: {} ({})",
                provinces[p],
                lang.number(v, DECIMALS)
            ))
        })
        .collect();
    if !best.is_empty() {
        out.push_str(&format!(
            " {} {}.",
            lang.t(Text::DescHighestEach),
            best.join("; ")
        ));
    }
    out
}

/// The choropleth: its classes, coverage and extremes.
pub fn map(lang: Lang, classes: usize, items: &[(&str, f64)], without_data: usize) -> String {
    let mut out = lang.fill(
        Text::DescMap,
        &[
            &classes.to_string(),
            &items.len().to_string(),
            &without_data.to_string(),
        ],
    );
    if let Some(e) = extremes(lang, items) {
        out.push(' ');
        out.push_str(&e);
    }
    out
}

/// Units' scores as range bars, in the chart's order: how many, whether bands are drawn as
/// ranges, and the first and the last bar; a band is written as a band ("90–95").
pub fn ranges(lang: Lang, bars: &[(&str, f64, f64)]) -> String {
    let text = |low: f64, high: f64| {
        if low == high {
            lang.number(low, DECIMALS)
        } else {
            format!(
                "{}–{}",
                lang.number(low, DECIMALS),
                lang.number(high, DECIMALS)
            )
        }
    };
    let (Some(&(a, a_low, a_high)), Some(&(b, b_low, b_high))) = (bars.first(), bars.last()) else {
        return String::new();
    };
    let mut parts = vec![lang.fill(Text::DescRanges, &[&bars.len().to_string()])];
    if bars.iter().any(|&(_, low, high)| low != high) {
        parts.push(lang.t(Text::DescBands).to_string());
    }
    parts.push(if bars.len() == 1 {
        format!("{a} ({}).", text(a_low, a_high))
    } else {
        lang.fill(
            Text::DescTopBottom,
            &[a, &text(a_low, a_high), b, &text(b_low, b_high)],
        )
    });
    parts.join(" ")
}
