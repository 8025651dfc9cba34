//! Charts rendered to SVG strings with plotters. Pure: testable natively.
//! plotters' SVG backend escapes every text it writes, so province names are safe to insert.

use crate::analysis::ranking::Row;
use crate::i18n::Lang;
use plotters::coord::combinators::WithKeyPoints;
use plotters::coord::types::RangedCoordu32;
use plotters::prelude::*;

pub const BAR_COLOUR: RGBColor = RGBColor(0x3b, 0x6e, 0xa8);
pub const MATCH_COLOUR: RGBColor = RGBColor(0xc4, 0x4e, 0x00);
const AVERAGE_COLOUR: RGBColor = RGBColor(0x33, 0x33, 0x33);
const BAR_HEIGHT: u32 = 18;

/// The part of the value axis a bar chart shows: starting below the lowest value, so that
/// differences are visible, but never outside the index's scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    pub from: f64,
    pub to: f64,
}

impl Axis {
    pub fn fit(values: &[f64], scale_min: f64, scale_max: f64) -> Axis {
        let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if !lo.is_finite() {
            return Axis {
                from: scale_min,
                to: scale_max,
            };
        }
        let span = (hi - lo).max(scale_max.abs().max(1.0) * 0.02);
        let step = if span > 5.0 { 1.0 } else { 0.1 };
        let from = (((lo - 0.15 * span) / step).floor() * step).max(scale_min);
        let to = (((hi + 0.02 * span) / step).ceil() * step)
            .min(scale_max)
            .max(hi);
        Axis {
            from,
            to: if to > from { to } else { from + step },
        }
    }
}

/// What the ranking bar chart needs besides the rows.
pub struct BarChartSpec<'a> {
    pub lang: Lang,
    pub axis: Axis,
    /// A published national average to draw as a reference line.
    pub average: Option<f64>,
    /// Highlight matches only while a search is active.
    pub highlight: bool,
    pub width: u32,
    pub rows: &'a [&'a Row],
}

/// Horizontal bars, one per row with a value, in the rows' order (top to bottom).
pub fn ranking_bars(spec: &BarChartSpec) -> String {
    let bars: Vec<Bar> = spec
        .rows
        .iter()
        .filter_map(|r| {
            let marked = spec.highlight && r.matched;
            r.value.map(|v| Bar {
                name: spec.lang.pick(&r.name_vi, &r.name_en),
                from: None,
                to: v,
                colour: if marked { MATCH_COLOUR } else { BAR_COLOUR },
                marked,
            })
        })
        .collect();
    horizontal_bars(
        spec.lang,
        spec.width,
        (spec.width / 4).clamp(90, 170),
        spec.axis,
        &bars,
        spec.average,
        false,
    )
}

/// One horizontal bar: from the axis start (or from `from`: a band's low end, or zero for a
/// part of a change) to `to`.
struct Bar<'a> {
    name: &'a str,
    from: Option<f64>,
    to: f64,
    colour: RGBColor,
    /// A search match: its name is marked too, not only its colour.
    marked: bool,
}

/// `n` rows from the bottom in half-row units (row `r` spans 2r..2r + 2), labelled at their
/// centres, the odd values. plotters' segmented axis has a slot more than its values (or none
/// for a single row), and its float axis takes no label positions of ours.
fn half_rows(n: u32) -> WithKeyPoints<RangedCoordu32> {
    (0..2 * n.max(1)).with_key_points((0..n).map(|r| 2 * r + 1).collect())
}

/// The row a label at `y` (half-row units) names, counted from the top.
fn row_from_top(y: u32, n: u32) -> Option<usize> {
    (y / 2 < n).then(|| (n - 1 - y / 2) as usize)
}

/// Height of the value axis' labels.
const AXIS_LABELS_HEIGHT: u32 = 24;

/// `top_axis`: the value axis labelled above the bars too, for a chart taller than a screen.
fn horizontal_bars(
    lang: Lang,
    width: u32,
    label_width: u32,
    axis: Axis,
    bars: &[Bar],
    average: Option<f64>,
    top_axis: bool,
) -> String {
    let top = if top_axis { AXIS_LABELS_HEIGHT } else { 0 };
    let height = 40 + top + BAR_HEIGHT * (bars.len() as u32).max(1);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        // Drawing into a String cannot fail, so errors are ignored rather than unwrapped.
        let _ = draw_bars(&root, lang, (label_width, top), axis, bars, average);
        let _ = root.present();
    }
    svg
}

fn draw_bars(
    root: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    lang: Lang,
    (label_width, top_labels): (u32, u32),
    axis: Axis,
    bars: &[Bar],
    average: Option<f64>,
) -> Result<(), Box<dyn std::error::Error>> {
    let n = bars.len() as u32;
    let mut chart = ChartBuilder::on(root)
        .margin_right(16)
        .margin_top(8)
        .x_label_area_size(AXIS_LABELS_HEIGHT)
        .top_x_label_area_size(top_labels)
        .y_label_area_size(label_width)
        .build_cartesian_2d(axis.from..axis.to, half_rows(n))?;
    // No tick marks beside the names (a row of bars needs none), so two no-break spaces keep
    // each name off the axis; and grid lines only at the labelled values. Fewer SVG elements
    // make every redraw cheaper: the chart is redrawn on each keystroke of a search.
    let name_at = |y: &u32| match row_from_top(*y, n) {
        Some(i) => {
            let bar = &bars[i];
            let mark = if bar.marked { "▶ " } else { "" };
            format!("{mark}{}\u{a0}\u{a0}", bar.name)
        }
        None => String::new(),
    };
    let decimals = if axis.to - axis.from > 5.0 { 0 } else { 1 };
    chart
        .configure_mesh()
        .disable_y_mesh()
        .set_tick_mark_size(LabelAreaPosition::Left, 0)
        .x_max_light_lines(0)
        .bold_line_style(RGBColor(0xd0, 0xd0, 0xd0))
        .y_label_formatter(&name_at)
        .x_labels(6)
        // A tick at zero may be computed a hair below it: never "-0".
        .x_label_formatter(&|v| lang.number(if v.abs() < 1e-9 { 0.0 } else { *v }, decimals))
        .label_style((FontFamily::SansSerif, 13))
        .draw()?;
    // The `i`-th bar's rectangle, top to bottom.
    let rectangle = |i: usize, b: &Bar, style: ShapeStyle| {
        let bottom = 2 * (n - 1 - i as u32);
        let from = b.from.map_or(axis.from, |f| f.max(axis.from));
        let mut rectangle =
            Rectangle::new([(from, bottom), (b.to.min(axis.to), bottom + 2)], style);
        rectangle.set_margin(2, 2, 0, 0);
        rectangle
    };
    chart.draw_series(
        bars.iter()
            .enumerate()
            .map(|(i, b)| rectangle(i, b, b.colour.filled())),
    )?;
    // A band's light fill is outlined in the bar colour, which stands out from the background.
    chart.draw_series(
        bars.iter()
            .enumerate()
            .filter(|(_, b)| b.colour == BAND_COLOUR)
            .map(|(i, b)| rectangle(i, b, BAR_COLOUR.stroke_width(1))),
    )?;
    if let Some(avg) = average.filter(|a| (axis.from..=axis.to).contains(a)) {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(avg, 0), (avg, 2 * n.max(1))],
            AVERAGE_COLOUR.stroke_width(2),
        )))?;
    }
    Ok(())
}

/// Counts the bars in an SVG made by `ranking_bars` (bars are the only rects in bar colours).
pub fn count_bars(svg: &str) -> usize {
    [BAR_COLOUR, MATCH_COLOUR]
        .iter()
        .map(|c| {
            svg.matches(&format!("fill=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2))
                .count()
        })
        .sum()
}

/// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), the orange
/// and sky blue darkened and the grey darker, so that each has at least 3:1 contrast with the
/// white background (WCAG 1.4.11).
pub const SERIES_COLOURS: [RGBColor; 8] = [
    RGBColor(0x00, 0x00, 0x00),
    RGBColor(0xA8, 0x74, 0x00),
    RGBColor(0x2B, 0x8C, 0xC4),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0x6E, 0x6E, 0x6E),
];

/// The shape of a series' dots: with its colour, so that colour is never the only thing that
/// tells two series apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
}

impl Marker {
    pub const ALL: [Marker; 4] = [
        Marker::Circle,
        Marker::Square,
        Marker::Triangle,
        Marker::Diamond,
    ];

    /// The shape as a text glyph, for a key written beside the chart.
    pub fn glyph(self) -> &'static str {
        match self {
            Marker::Circle => "●",
            Marker::Square => "■",
            Marker::Triangle => "▲",
            Marker::Diamond => "◆",
        }
    }

    /// The shape's corners around (0, 0) for a dot of radius `r` (the circle as a 12-gon),
    /// sized so that the shapes look alike in weight. Charts and legends draw the same corners.
    pub fn corners(self, r: f64) -> Vec<(f64, f64)> {
        // Unit corners as constants: computing them would bring sine and cosine into the wasm.
        const H: f64 = 0.866_025_403_784_438_6; // √3 / 2
        const CIRCLE: [(f64, f64); 12] = [
            (1.0, 0.0),
            (H, 0.5),
            (0.5, H),
            (0.0, 1.0),
            (-0.5, H),
            (-H, 0.5),
            (-1.0, 0.0),
            (-H, -0.5),
            (-0.5, -H),
            (0.0, -1.0),
            (0.5, -H),
            (H, -0.5),
        ];
        const SQUARE: [(f64, f64); 4] =
            [(0.85, 0.85), (-0.85, 0.85), (-0.85, -0.85), (0.85, -0.85)];
        const TRIANGLE: [(f64, f64); 3] = [(0.0, -1.35), (1.17, 0.675), (-1.17, 0.675)];
        const DIAMOND: [(f64, f64); 4] = [(0.0, -1.3), (1.3, 0.0), (0.0, 1.3), (-1.3, 0.0)];
        let unit: &[(f64, f64)] = match self {
            Marker::Circle => &CIRCLE,
            Marker::Square => &SQUARE,
            Marker::Triangle => &TRIANGLE,
            Marker::Diamond => &DIAMOND,
        };
        unit.iter().map(|(x, y)| (x * r, y * r)).collect()
    }
}

/// How one series is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeriesStyle {
    pub colour: RGBColor,
    pub marker: Marker,
}

/// The `i`-th series' colour and shape: 8 colours, 4 shapes, no two of the first 8 alike.
pub fn series_style(i: usize) -> SeriesStyle {
    SeriesStyle {
        colour: SERIES_COLOURS[i % SERIES_COLOURS.len()],
        marker: Marker::ALL[i % Marker::ALL.len()],
    }
}

/// A dot of `style` centred `shift` pixels right of the pixel `at`, `r` pixels in radius, as
/// one SVG `<polygon>`.
fn dot(at: (i32, i32), style: SeriesStyle, r: f64, shift: f64) -> Polygon<(i32, i32)> {
    let corners = style
        .marker
        .corners(r)
        .into_iter()
        .map(|(x, y)| (at.0 + (x + shift).round() as i32, at.1 + y.round() as i32))
        .collect::<Vec<_>>();
    Polygon::new(corners, style.colour.filled())
}

pub fn hex(colour: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2)
}

/// The stroke of a line chart's lines (thicker than axes and grid), and the colour of its
/// method breaks' markers.
pub const LINE_WIDTH: u32 = 2;
pub const BREAK_COLOUR: RGBColor = RGBColor(0x9a, 0x67, 0x00);

/// One line of a line chart: a value (or rank) per year, `None` where there is no data.
pub struct LineSeries {
    pub style: SeriesStyle,
    pub points: Vec<(u16, Option<f64>)>,
}

pub struct LineChartSpec<'a> {
    pub lang: Lang,
    pub width: u32,
    pub height: u32,
    /// Sparkline: no axes or labels.
    pub compact: bool,
    pub axis: Axis,
    /// Ranks: 1 at the top.
    pub inverted: bool,
    pub years: (u16, u16),
    /// Years from which the method changed: drawn as vertical markers, and no line crosses one.
    pub breaks: &'a [u16],
    pub series: &'a [LineSeries],
}

/// The pieces a line is drawn in: runs of consecutive calendar years with data, each ending
/// before a method break (`breaks`: the first years of a new method). A line never bridges a
/// missing year nor a change of method, whose values on either side do not compare; a value
/// alone in its piece is drawn as a dot only.
pub fn segments(points: &[(u16, Option<f64>)], breaks: &[u16]) -> Vec<Vec<(u16, f64)>> {
    let mut runs: Vec<Vec<(u16, f64)>> = Vec::new();
    let mut sorted: Vec<(u16, f64)> = points
        .iter()
        .filter_map(|(y, v)| v.map(|v| (*y, v)))
        .collect();
    crate::order::sort_by_key(&mut sorted, |p| p.0);
    for (year, value) in sorted {
        let joined = |run: &Vec<(u16, f64)>| {
            run.last().is_some_and(|(y, _)| *y + 1 == year) && !breaks.contains(&year)
        };
        match runs.last_mut() {
            Some(run) if joined(run) => run.push((year, value)),
            _ => runs.push(vec![(year, value)]),
        }
    }
    runs
}

/// A line chart over years: gaps stay gaps, every value is also a dot, method breaks are marked
/// and no line crosses one (see `segments`).
pub fn line_chart(spec: &LineChartSpec) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (spec.width, spec.height)).into_drawing_area();
        let _ = draw_lines(&root, spec);
        let _ = root.present();
    }
    svg
}

fn draw_lines(
    root: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    spec: &LineChartSpec,
) -> Result<(), Box<dyn std::error::Error>> {
    let x = (spec.years.0 as f64 - 0.5)..(spec.years.1 as f64 + 0.5);
    let y = if spec.inverted {
        spec.axis.to..spec.axis.from
    } else {
        spec.axis.from..spec.axis.to
    };
    let mut builder = ChartBuilder::on(root);
    if spec.compact {
        builder.margin(3);
    } else {
        builder
            .margin_right(16)
            .margin_top(10)
            .x_label_area_size(26)
            .y_label_area_size(46);
    }
    let mut chart = builder.build_cartesian_2d(x, y)?;
    if !spec.compact {
        let lang = spec.lang;
        let decimals = if spec.inverted || spec.axis.to - spec.axis.from > 5.0 {
            0
        } else {
            1
        };
        let span = (spec.years.1 - spec.years.0) as usize + 1;
        chart
            .configure_mesh()
            .x_labels(span.min(14))
            .x_label_formatter(&|v| {
                if v.fract().abs() < 1e-9 {
                    format!("{v:.0}")
                } else {
                    String::new()
                }
            })
            .y_labels(6)
            .y_label_formatter(&|v| lang.number(*v, decimals))
            .label_style((FontFamily::SansSerif, 12))
            .light_line_style(RGBColor(0xe8, 0xe8, 0xe8))
            .draw()?;
    }
    for &year in spec
        .breaks
        .iter()
        .filter(|b| (spec.years.0 + 1..=spec.years.1).contains(*b))
    {
        let at = year as f64 - 0.5;
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(at, spec.axis.from), (at, spec.axis.to)],
            BREAK_COLOUR.stroke_width(1),
        )))?;
        if !spec.compact {
            let top = if spec.inverted {
                spec.axis.from
            } else {
                spec.axis.to
            };
            chart.draw_series(std::iter::once(Text::new(
                format!("⚠ {year}"),
                (at, top),
                (FontFamily::SansSerif, 11).into_font().color(&BREAK_COLOUR),
            )))?;
        }
    }
    for s in spec.series {
        for run in segments(&s.points, spec.breaks) {
            let line: Vec<(f64, f64)> = run.iter().map(|(y, v)| (*y as f64, *v)).collect();
            if line.len() > 1 {
                chart.draw_series(std::iter::once(PathElement::new(
                    line.clone(),
                    s.style.colour.stroke_width(LINE_WIDTH),
                )))?;
            }
            let radius = if spec.compact { 2.0 } else { 3.5 };
            for p in line {
                root.draw(&dot(chart.backend_coord(&p), s.style, radius, 0.0))?;
            }
        }
    }
    Ok(())
}

/// One dot of a scatter plot, named in its SVG `<title>` (shown on hover).
pub struct Dot<'a> {
    pub name: &'a str,
    pub style: SeriesStyle,
    pub x: f64,
    pub y: f64,
}

pub struct ScatterSpec<'a> {
    pub lang: Lang,
    pub width: u32,
    pub height: u32,
    pub x_axis: Axis,
    pub y_axis: Axis,
    pub x_label: &'a str,
    pub y_label: &'a str,
    pub dots: &'a [Dot<'a>],
    /// y = slope·x + intercept, drawn across the x axis.
    pub line: Option<(f64, f64)>,
}

/// A scatter plot with an optional least-squares line; each dot carries its name as a title.
pub fn scatter_plot(spec: &ScatterSpec) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (spec.width, spec.height)).into_drawing_area();
        let _ = draw_scatter(&root, spec);
        let _ = root.present();
    }
    name_dots(&svg, spec.dots)
}

fn draw_scatter(
    root: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    spec: &ScatterSpec,
) -> Result<(), Box<dyn std::error::Error>> {
    let lang = spec.lang;
    let mut chart = ChartBuilder::on(root)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(52)
        .build_cartesian_2d(
            spec.x_axis.from..spec.x_axis.to,
            spec.y_axis.from..spec.y_axis.to,
        )?;
    chart
        .configure_mesh()
        .x_desc(spec.x_label)
        .y_desc(spec.y_label)
        .x_label_formatter(&|v| lang.number(*v, 1))
        .y_label_formatter(&|v| lang.number(*v, 1))
        .label_style((FontFamily::SansSerif, 12))
        .light_line_style(RGBColor(0xe8, 0xe8, 0xe8))
        .draw()?;
    if let Some((slope, intercept)) = spec.line {
        let (a, b) = (spec.x_axis.from, spec.x_axis.to);
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(a, slope * a + intercept), (b, slope * b + intercept)],
            RGBColor(0x55, 0x55, 0x55).stroke_width(2),
        )))?;
    }
    for d in spec.dots {
        root.draw(&dot(chart.backend_coord(&(d.x, d.y)), d.style, 5.0, 0.0))?;
    }
    Ok(())
}

/// plotters cannot attach titles, so each dot's `<polygon …/>` (drawn in order, and the only
/// polygons in the chart) becomes `<polygon …><title>name</title></polygon>`, the name escaped.
fn name_dots(svg: &str, dots: &[Dot]) -> String {
    let mut names = dots.iter().map(|d| d.name);
    let mut out = String::with_capacity(svg.len() + dots.len() * 32);
    for line in svg.lines() {
        match (
            line.trim_start().starts_with("<polygon") && line.trim_end().ends_with("/>"),
            names.clone().next(),
        ) {
            (true, Some(name)) => {
                names.next();
                let open = line.trim_end().trim_end_matches("/>");
                out.push_str(&format!(
                    "{open}><title>{}</title></polygon>",
                    crate::text::escape_xml(name)
                ));
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// Grouped horizontal bars: one group per category (top to bottom), one bar per series.
pub struct GroupedBarsSpec<'a> {
    pub lang: Lang,
    pub width: u32,
    pub axis: Axis,
    pub categories: &'a [String],
    /// Per series: its style and one value per category (`None`: no bar). Each bar ends in
    /// its series' marker, so that the bars differ by shape as well as colour.
    pub series: &'a [(SeriesStyle, Vec<Option<f64>>)],
}

pub fn grouped_bars(spec: &GroupedBarsSpec) -> String {
    let groups = spec.categories.len().max(1) as u32;
    let height = 40 + groups * (8 + 12 * spec.series.len().max(1) as u32);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (spec.width, height)).into_drawing_area();
        let _ = draw_grouped(&root, spec, groups);
        let _ = root.present();
    }
    svg
}

fn draw_grouped(
    root: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    spec: &GroupedBarsSpec,
    groups: u32,
) -> Result<(), Box<dyn std::error::Error>> {
    let label_width = (spec.width / 3).clamp(100, 240);
    // The same layout twice: half rows for the category labels, continuous rows for the bars.
    let layout = |root| {
        let mut b = ChartBuilder::on(root);
        b.margin_right(16)
            .margin_top(8)
            .x_label_area_size(24)
            .y_label_area_size(label_width);
        b
    };
    let n = groups;
    let lang = spec.lang;
    let name_at = |y: &u32| {
        row_from_top(*y, n)
            .and_then(|i| spec.categories.get(i).cloned())
            .unwrap_or_default()
    };
    layout(root)
        .build_cartesian_2d(spec.axis.from..spec.axis.to, half_rows(n))?
        .configure_mesh()
        .disable_y_mesh()
        .y_label_formatter(&name_at)
        .x_label_formatter(&|v| lang.number(*v, 1))
        .label_style((FontFamily::SansSerif, 12))
        .light_line_style(RGBColor(0xe8, 0xe8, 0xe8))
        .draw()?;
    let mut bars = layout(root).build_cartesian_2d(spec.axis.from..spec.axis.to, 0.0..n as f64)?;
    let k = spec.series.len().max(1) as f64;
    let band = 0.8 / k;
    for (j, (style, values)) in spec.series.iter().enumerate() {
        let bar_ends: Vec<(f64, f64)> = values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                let top = (n - i as u32) as f64 - 0.1 - j as f64 * band;
                Some(((*v)?, top))
            })
            .collect();
        bars.draw_series(bar_ends.iter().map(|&(v, top)| {
            Rectangle::new(
                [(spec.axis.from, top - band), (v, top)],
                style.colour.filled(),
            )
        }))?;
        // Just past the bar's end, where the shape shows whole.
        for &(v, top) in &bar_ends {
            root.draw(&dot(
                bars.backend_coord(&(v, top - band / 2.0)),
                *style,
                4.0,
                7.0,
            ))?;
        }
    }
    Ok(())
}

/// One unit on a range-bar chart: a value (`low == high`) or a published band.
pub struct RangeBar<'a> {
    pub name: &'a str,
    pub low: f64,
    pub high: f64,
    pub band: bool,
}

pub const BAND_COLOUR: RGBColor = RGBColor(0x9a, 0xb8, 0xd8);

/// From this many bars a range-bar chart is taller than a screen and labels its value axis above
/// the bars as well as below.
pub const TOP_AXIS_FROM: usize = 25;

/// Horizontal bars, top to bottom: a value is a bar from the axis start to the value; a band is
/// a lighter bar from its low to its high end, so it is never read as one number. Every unit
/// keeps its own named bar however many there are (a province has up to about 170 communes):
/// the chart grows 18 px a bar and the page shows it in a scroll box of its own, with the axis
/// at both ends, so that any unit can be found by name and read against the others.
pub fn range_bars(lang: Lang, width: u32, axis: Axis, bars: &[RangeBar]) -> String {
    let bars: Vec<Bar> = bars
        .iter()
        .map(|b| Bar {
            name: b.name,
            from: b.band.then_some(b.low),
            to: b.high,
            colour: if b.band { BAND_COLOUR } else { BAR_COLOUR },
            marked: false,
        })
        .collect();
    horizontal_bars(
        lang,
        width,
        (width * 2 / 5).clamp(100, 300),
        axis,
        &bars,
        None,
        bars.len() >= TOP_AXIS_FROM,
    )
}

/// Each part in the change of a total, top to bottom: a bar from zero, rightwards for a gain and
/// leftwards (in the second bar colour) for a loss, with the zero line drawn, so that the
/// direction tells a gain from a loss and not the colour alone.
pub fn change_bars(lang: Lang, width: u32, parts: &[(&str, f64)]) -> String {
    let lo = parts.iter().map(|p| p.1).fold(0.0, f64::min);
    let hi = parts.iter().map(|p| p.1).fold(0.0, f64::max);
    // Room past the longest bar on each side that has bars; an axis even when all are zero.
    let pad = ((hi - lo) * 0.08).max(0.05);
    let axis = Axis {
        from: if lo < 0.0 || hi == 0.0 { lo - pad } else { 0.0 },
        to: if hi > 0.0 || lo == 0.0 { hi + pad } else { 0.0 },
    };
    let bars: Vec<Bar> = parts
        .iter()
        .map(|&(name, v)| Bar {
            name,
            from: Some(v.min(0.0)),
            to: v.max(0.0),
            colour: if v < 0.0 { MATCH_COLOUR } else { BAR_COLOUR },
            marked: false,
        })
        .collect();
    horizontal_bars(
        lang,
        width,
        (width * 2 / 5).clamp(100, 260),
        axis,
        &bars,
        Some(0.0),
        false,
    )
}
