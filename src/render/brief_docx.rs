//! The brief as a Word document (.docx, written with the `docx-rs` crate): the title and
//! sections as real Word headings, the sentences with their footnote marks, the tables as
//! Word tables, the charts as PNG images, the sources at the end. Used by the brief worker only.

use crate::render::brief_doc::{BriefDoc, DocTable};
use docx_rs::{
    Docx, Paragraph, Pic, Run, Style, StyleType, Table, TableCell, TableRow, WidthType,
};

/// A chart drawn by the page as PNG: its title, the image, and its size in pixels.
pub struct ChartImage {
    pub title: String,
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Word's own heading styles, so that the document map and a table of contents find them.
fn heading_style(level: usize, size: usize) -> Style {
    Style::new(format!("Heading{level}"), StyleType::Paragraph)
        .name(format!("Heading {level}"))
        .size(size)
        .bold()
        .outline_lvl(level - 1)
}

fn heading(text: &str, level: usize) -> Paragraph {
    Paragraph::new()
        .style(&format!("Heading{level}"))
        .add_run(Run::new().add_text(text))
}

fn cell(text: &str, bold: bool) -> TableCell {
    let run = Run::new().add_text(text);
    TableCell::new().add_paragraph(Paragraph::new().add_run(if bold { run.bold() } else { run }))
}

fn table(t: &DocTable) -> Table {
    let head = TableRow::new(t.head.iter().map(|h| cell(h, true)).collect());
    let rows = t
        .rows
        .iter()
        .map(|r| TableRow::new(r.iter().enumerate().map(|(i, c)| cell(c, i == 0)).collect()));
    // The column grid, which readers (pandoc among them) need to place the cells: the text
    // width of an A4 page with 2 cm margins shared equally.
    let columns = t.head.len().max(1);
    Table::new(std::iter::once(head).chain(rows).collect())
        .set_grid(vec![TEXT_WIDTH_TWIPS / columns; columns])
        .width(TEXT_WIDTH_TWIPS, WidthType::Dxa)
}

/// A4's width less two 2 cm margins, in twentieths of a point.
const TEXT_WIDTH_TWIPS: usize = 9638;

/// Widest image on an A4 page with 2 cm margins, in pixels at 96 dpi.
const MAX_WIDTH_PX: u32 = 640;

/// Writes `doc` (and `charts` after the first section) as a .docx file.
pub fn to_docx(doc: &BriefDoc, charts: Vec<ChartImage>) -> Result<Vec<u8>, String> {
    let mut docx = Docx::new()
        .add_style(heading_style(1, 36))
        .add_style(heading_style(2, 28))
        .add_style(heading_style(3, 24))
        .add_paragraph(heading(&doc.title, 1))
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(&doc.meta).italic()));
    for (i, section) in doc.sections.iter().enumerate() {
        docx = docx.add_paragraph(heading(&section.title, 2));
        for p in &section.paragraphs {
            let mut paragraph = Paragraph::new().add_run(Run::new().add_text(&p.text));
            for n in &p.notes {
                paragraph = paragraph.add_run(Run::new().add_text(format!("[{n}]")).size(16));
            }
            docx = docx.add_paragraph(paragraph);
        }
        for t in &section.tables {
            docx = docx
                .add_paragraph(heading(&t.caption, 3))
                .add_table(table(t))
                .add_paragraph(Paragraph::new());
        }
        if i == 0 {
            for chart in &charts {
                let scale = (MAX_WIDTH_PX as f64 / chart.width.max(1) as f64).min(1.0);
                let (w, h) = (
                    (chart.width as f64 * scale) as u32,
                    (chart.height as f64 * scale) as u32,
                );
                docx = docx
                    .add_paragraph(heading(&chart.title, 3))
                    .add_paragraph(Paragraph::new().add_run(
                        Run::new().add_image(Pic::new_with_dimensions(chart.png.clone(), w, h)),
                    ));
            }
        }
    }
    if !doc.notes.is_empty() {
        docx = docx.add_paragraph(heading(&doc.notes_title, 2));
        for (i, n) in doc.notes.iter().enumerate() {
            docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(format!("[{}] {n}", i + 1))));
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}
