//! The preview image of a page built ahead (native only): what a link shared on Zalo, Facebook
//! or X shows, 1200×630 as Open Graph asks. A title, a few lines of standing in words and one
//! of the app's own charts (plotters SVG), composed as SVG and drawn to PNG with resvg, in the
//! DejaVu fonts that Debian's `fonts-dejavu-core` installs.

use crate::render::chart::{hex, BAR_COLOUR};
use crate::text::escape_xml;
use resvg::{tiny_skia, usvg};
use std::sync::Arc;

/// The image's size (Open Graph's and Twitter's large card).
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
/// Where Debian's `fonts-dejavu-core` puts its fonts (scripts/setup.sh installs it).
pub const FONTS_DIR: &str = "/usr/share/fonts/truetype/dejavu";
const FAMILY: &str = "DejaVu Sans";
/// The colour of the name "chiso" and of the captions.
pub const GREY: &str = "#555555";
const MARGIN: u32 = 56;
/// Where the chart's box starts (below the title and at most four lines).
const CHART_TOP: u32 = 370;

/// What a preview shows.
#[derive(Clone)]
pub struct Card {
    /// The province's name, or the index and year.
    pub title: String,
    /// Its standing in words, one line each (the first four are drawn).
    pub lines: Vec<String>,
    /// A chart (from `render::chart`), fitted into the lower part, with its caption above.
    pub chart: Option<CardChart>,
}

/// A card's chart: its SVG, and a caption of parts each in its colour (a key to the lines).
#[derive(Clone)]
pub struct CardChart {
    pub caption: Vec<(String, String)>,
    pub svg: String,
}

/// The card as an SVG document of `WIDTH`×`HEIGHT`; every text escaped.
pub fn card_svg(card: &Card) -> String {
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"{FAMILY}\">\
         <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#ffffff\"/>\
         <rect width=\"{WIDTH}\" height=\"14\" fill=\"{accent}\"/>\
         <text x=\"{MARGIN}\" y=\"72\" font-size=\"28\" fill=\"{GREY}\">chiso</text>\
         <text x=\"{MARGIN}\" y=\"148\" font-size=\"60\" font-weight=\"bold\" fill=\"#1a1a1a\">{title}</text>",
        accent = hex(BAR_COLOUR),
        title = escape_xml(&card.title),
    );
    for (i, line) in card.lines.iter().take(4).enumerate() {
        svg.push_str(&format!(
            "<text x=\"{MARGIN}\" y=\"{}\" font-size=\"28\" fill=\"#1a1a1a\">{}</text>",
            202 + 42 * i,
            escape_xml(line)
        ));
    }
    if let Some(chart) = &card.chart {
        let parts: String = chart
            .caption
            .iter()
            .map(|(text, colour)| {
                format!(
                    "<tspan fill=\"{}\">{}</tspan>",
                    escape_xml(colour),
                    escape_xml(text)
                )
            })
            .collect();
        svg.push_str(&format!(
            "<text x=\"{MARGIN}\" y=\"{}\" font-size=\"22\" fill=\"{GREY}\">{parts}</text>",
            CHART_TOP - 8,
        ));
        let (x, y) = (MARGIN, CHART_TOP);
        svg.push_str(&fitted(
            &chart.svg,
            (x, y),
            (WIDTH - 2 * MARGIN, HEIGHT - y - 24),
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// A standalone SVG (`<svg … viewBox=…>…</svg>`) placed at `at`, scaled to fit `size`.
fn fitted(svg: &str, (x, y): (u32, u32), (w, h): (u32, u32)) -> String {
    let Some(start) = svg.find("<svg") else {
        return String::new();
    };
    let Some(end) = svg[start..].find('>').map(|e| start + e) else {
        return String::new();
    };
    let open = &svg[start..end];
    let view_box = open
        .split("viewBox=\"")
        .nth(1)
        .and_then(|v| v.split('"').next())
        .unwrap_or("0 0 100 100");
    format!(
        "<svg x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" viewBox=\"{view_box}\" preserveAspectRatio=\"xMinYMin meet\">{}",
        &svg[end + 1..]
    )
}

/// The fonts the previews are drawn with: every font in `dir`, DejaVu Sans as sans-serif (the
/// family plotters writes).
pub fn fonts(dir: &std::path::Path) -> Result<Arc<usvg::fontdb::Database>, String> {
    let mut db = usvg::fontdb::Database::new();
    let files = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for file in files.flatten().map(|f| f.path()) {
        if file.extension().is_some_and(|e| e == "ttf") {
            let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            db.load_font_data(bytes);
        }
    }
    if db.faces().next().is_none() {
        return Err(format!(
            "no font in {} (install fonts-dejavu-core: scripts/setup.sh)",
            dir.display()
        ));
    }
    db.set_sans_serif_family(FAMILY);
    Ok(Arc::new(db))
}

/// An SVG document drawn to PNG at its own size.
pub fn to_png(svg: &str, fonts: &Arc<usvg::fontdb::Database>) -> Result<Vec<u8>, String> {
    let options = usvg::Options {
        font_family: FAMILY.into(),
        fontdb: fonts.clone(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| format!("preview SVG: {e}"))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| "preview: empty size".to_string())?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    // Opaque (the card has a white ground): RGB, a quarter smaller than RGBA.
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, size.width(), size.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Best);
    encoder.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
    let error = |e: png::EncodingError| format!("preview PNG: {e}");
    let mut writer = encoder.write_header().map_err(error)?;
    writer.write_image_data(&rgb).map_err(error)?;
    writer.finish().map_err(error)?;
    Ok(bytes)
}
