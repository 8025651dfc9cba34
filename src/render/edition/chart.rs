//! An edition's two charts, SVG drawn by plotters (whose SVG backend escapes every text it
//! writes): a slope chart from the previous edition to this one, a line per province with a
//! value in both, never across a change of method (the rule of `render::chart::segments`: a
//! break leaves each edition's values as dots); and a dot plot of every province with a value,
//! best first, with the published national average as a line.

use crate::i18n::Lang;
use crate::render::chart::{segments, Axis, BAR_COLOUR, BREAK_COLOUR, LINE_WIDTH};
use plotters::prelude::*;

const LABEL_FONT: u32 = 12;
const ROW_HEIGHT: u32 = 13;
const AVERAGE_COLOUR: RGBColor = RGBColor(0x33, 0x33, 0x33);
/// Lines that rise and fall: a colour and a shape each, so colour alone tells nothing apart.
const RISE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
const FALL: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// A value in one edition only (or on either side of a break): compared with nothing.
const ALONE: RGBColor = RGBColor(0x6E, 0x6E, 0x6E);
/// Least distance between two names at the right end, in pixels.
const LABEL_GAP: i32 = 13;

/// One province on the slope chart: its name, and its value in each edition.
pub struct Slope<'a> {
    pub name: &'a str,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

pub struct SlopeSpec<'a> {
    pub lang: Lang,
    pub width: u32,
    pub axis: Axis,
    pub years: (u16, u16),
    /// The year a change of method took effect, between the two editions.
    pub method_break: Option<u16>,
    pub slopes: &'a [Slope<'a>],
    /// Names written at the right end of their line (the leaders and the movers the text
    /// names); the others are in the table.
    pub labelled: &'a [&'a str],
}

/// The slope chart: the previous edition on the left, this one on the right.
pub fn slope_chart(spec: &SlopeSpec) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (spec.width, 380)).into_drawing_area();
        let _ = draw_slopes(&root, spec);
        let _ = root.present();
    }
    svg
}

fn draw_slopes(
    root: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    spec: &SlopeSpec,
) -> Result<(), Box<dyn std::error::Error>> {
    let lang = spec.lang;
    let label_space = (spec.width / 3).clamp(90, 200);
    let mut chart = ChartBuilder::on(root)
        .margin_top(14)
        .margin_right(label_space)
        .x_label_area_size(26)
        .y_label_area_size(46)
        .build_cartesian_2d(-0.15f64..1.15f64, spec.axis.from..spec.axis.to)?;
    let years = spec.years;
    let decimals = if spec.axis.to - spec.axis.from > 5.0 {
        0
    } else {
        1
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(2)
        .x_label_formatter(&|x| match x.round() as i32 {
            0 if x.abs() < 1e-9 => years.0.to_string(),
            1 if (x - 1.0).abs() < 1e-9 => years.1.to_string(),
            _ => String::new(),
        })
        .y_labels(6)
        .y_label_formatter(&|v| lang.number(*v, decimals))
        .label_style((FontFamily::SansSerif, LABEL_FONT))
        .light_line_style(RGBColor(0xe8, 0xe8, 0xe8))
        .draw()?;
    // The editions as pseudo-years 0 and 1, the break (if any) at 1: `segments` decides.
    let breaks: &[u16] = if spec.method_break.is_some() {
        &[1]
    } else {
        &[]
    };
    if let Some(year) = spec.method_break {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(0.5, spec.axis.from), (0.5, spec.axis.to)],
            BREAK_COLOUR.stroke_width(1),
        )))?;
        chart.draw_series(std::iter::once(Text::new(
            format!("⚠ {year}"),
            (0.45, spec.axis.to),
            (FontFamily::SansSerif, 11).into_font().color(&BREAK_COLOUR),
        )))?;
    }
    let mut labels: Vec<(i32, i32, &str)> = Vec::new();
    for s in spec.slopes {
        let points = [(0u16, s.before), (1u16, s.after)];
        let rising = matches!((s.before, s.after), (Some(a), Some(b)) if b >= a);
        for run in segments(&points, breaks) {
            let colour = match (run.len(), rising) {
                (1, _) => ALONE,
                (_, true) => RISE,
                (_, false) => FALL,
            };
            let line: Vec<(f64, f64)> = run.iter().map(|(x, v)| (*x as f64, *v)).collect();
            if line.len() > 1 {
                chart.draw_series(std::iter::once(PathElement::new(
                    line.clone(),
                    colour.stroke_width(LINE_WIDTH),
                )))?;
            }
            for p in line {
                let at = chart.backend_coord(&p);
                if colour == FALL {
                    root.draw(&TriangleMarker::new(at, 4, colour.filled()))?;
                } else {
                    root.draw(&Circle::new(at, 3, colour.filled()))?;
                }
            }
        }
        if let (Some(v), true) = (s.after, spec.labelled.contains(&s.name)) {
            let at = chart.backend_coord(&(1.0, v));
            labels.push((at.0 + 8, at.1, s.name));
        }
    }
    // Names top to bottom, each at least a line below the one above.
    labels.sort_by_key(|l| l.1);
    let mut below = i32::MIN;
    for (x, y, name) in labels {
        let y = y.max(below.saturating_add(LABEL_GAP));
        below = y;
        root.draw(&Text::new(
            name.to_string(),
            (x, y - 6),
            (FontFamily::SansSerif, LABEL_FONT).into_font(),
        ))?;
    }
    Ok(())
}

/// The dot plot: a row per province with a value, best first, its name on the left.
pub fn dot_plot(
    lang: Lang,
    width: u32,
    axis: Axis,
    dots: &[(&str, f64)],
    average: Option<f64>,
) -> String {
    let height = 50 + ROW_HEIGHT * (dots.len() as u32).max(1);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let _ = draw_dots(&root, lang, axis, dots, average);
        let _ = root.present();
    }
    svg
}

fn draw_dots(
    root: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    lang: Lang,
    axis: Axis,
    dots: &[(&str, f64)],
    average: Option<f64>,
) -> Result<(), Box<dyn std::error::Error>> {
    let n = dots.len() as i32;
    let width = root.dim_in_pixel().0;
    let mut chart = ChartBuilder::on(root)
        .margin_right(16)
        .margin_top(8)
        .x_label_area_size(26)
        .y_label_area_size((width / 4).clamp(90, 170))
        .build_cartesian_2d(axis.from..axis.to, -1..n.max(1))?;
    // Row `i` from the top is drawn at `n - 1 - i`.
    let name_at = |y: &i32| {
        usize::try_from(n - 1 - y)
            .ok()
            .and_then(|i| dots.get(i))
            .map(|d| format!("{}\u{a0}\u{a0}", d.0))
            .unwrap_or_default()
    };
    let decimals = if axis.to - axis.from > 5.0 { 0 } else { 1 };
    chart
        .configure_mesh()
        .y_labels(dots.len().max(1) + 2)
        .y_label_formatter(&name_at)
        .set_tick_mark_size(LabelAreaPosition::Left, 0)
        .disable_y_mesh()
        .x_labels(6)
        .x_label_formatter(&|v| lang.number(*v, decimals))
        .label_style((FontFamily::SansSerif, LABEL_FONT))
        .light_line_style(RGBColor(0xe8, 0xe8, 0xe8))
        .draw()?;
    if let Some(avg) = average.filter(|a| (axis.from..=axis.to).contains(a)) {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(avg, -1), (avg, n)],
            AVERAGE_COLOUR.stroke_width(2),
        )))?;
    }
    chart.draw_series(
        dots.iter()
            .enumerate()
            .map(|(i, (_, v))| Circle::new((*v, n - 1 - i as i32), 4, BAR_COLOUR.filled())),
    )?;
    Ok(())
}
