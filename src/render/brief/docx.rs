//! The brief as a Word document (.docx, written with the `docx-rs` crate): the title and
//! sections as real Word headings, each sentence with a Word footnote naming its sources, the
//! tables as Word tables whose header row repeats on each page, the charts as PNG images (drawn
//! by the page) with their titles and descriptions, the sources at the end. Used by the brief
//! worker only.
//!
//! docx-rs 0.4.22 writes neither a table row's `w:tblHeader` nor a footnote's own number mark
//! (`w:footnoteRef`): both are added to the XML it builds, at marks only this module writes
//! (`finish`).

use crate::render::brief::doc::{BriefDoc, DocChart, DocTable, KeyEntry};
use docx_rs::{
    Docx, Footnote, Paragraph, Pic, Run, RunProperty, Style, StyleType, Table, TableCell, TableRow,
    VertAlignType, WidthType,
};

/// A chart of the brief (`DocChart::id`) drawn by the page as PNG, and its size in CSS pixels
/// (the PNG itself may be drawn at a higher resolution).
pub struct ChartImage {
    pub id: String,
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

/// Word's footnote styles: the mark raised, the note's text smaller.
fn footnote_styles() -> [Style; 2] {
    let mut reference =
        Style::new("FootnoteReference", StyleType::Character).name("footnote reference");
    reference.run_property = RunProperty::new().vert_align(VertAlignType::SuperScript);
    let text = Style::new("FootnoteText", StyleType::Paragraph)
        .name("footnote text")
        .size(18);
    [reference, text]
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

/// The header row's properties as docx-rs writes them: `cant_split` is set on header rows only,
/// so `finish` finds them by it and adds `w:tblHeader`.
const HEADER_ROW: &str = "<w:trPr><w:cantSplit /></w:trPr>";
const REPEATED_HEADER_ROW: &str = "<w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>";

fn table(t: &DocTable) -> Table {
    let head = TableRow::new(t.head.iter().map(|h| cell(h, true)).collect()).cant_split();
    let rows = t.rows.iter().map(|r| {
        TableRow::new(
            r.iter()
                .enumerate()
                .map(|(i, c)| cell(&c.text, i == 0))
                .collect(),
        )
    });
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

/// The chart's title, its image, its key and its description, when the page drew it.
fn chart(mut docx: Docx, c: &DocChart, image: &ChartImage) -> Docx {
    let scale = (MAX_WIDTH_PX as f64 / image.width.max(1) as f64).min(1.0);
    let (w, h) = (
        (image.width as f64 * scale) as u32,
        (image.height as f64 * scale) as u32,
    );
    docx = docx.add_paragraph(heading(&c.title, 3)).add_paragraph(
        Paragraph::new().add_run(Run::new().add_image(Pic::new_with_dimensions(
            image.png.clone(),
            w,
            h,
        ))),
    );
    if !c.key.is_empty() {
        // Each line's marker in its colour, then its name.
        let mut key = Paragraph::new();
        for KeyEntry {
            glyph,
            colour,
            name,
        } in &c.key
        {
            key = key
                .add_run(
                    Run::new()
                        .add_text(glyph)
                        .color(colour.trim_start_matches('#'))
                        .size(18),
                )
                .add_run(Run::new().add_text(format!(" {name}    ")).size(18));
        }
        docx = docx.add_paragraph(key);
    }
    docx.add_paragraph(
        Paragraph::new().add_run(Run::new().add_text(&c.description).italic().size(18)),
    )
}

/// The paragraph that starts every footnote, marked for `finish`.
const FOOTNOTE_START: &str = "<w:pPr><w:rPr /><w:pStyle w:val=\"FootnoteText\" /></w:pPr>";
const FOOTNOTE_REF: &str = "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\" /></w:rPr><w:footnoteRef /></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>";

/// Writes `doc` as a .docx file, with `charts` (drawn by the page) where their tables are.
pub fn to_docx(doc: &BriefDoc, charts: Vec<ChartImage>) -> Result<Vec<u8>, String> {
    let [reference, note_text] = footnote_styles();
    let mut docx = Docx::new()
        .add_style(heading_style(1, 36))
        .add_style(heading_style(2, 28))
        .add_style(heading_style(3, 24))
        .add_style(reference)
        .add_style(note_text)
        .add_paragraph(heading(&doc.title, 1))
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(&doc.meta).italic()));
    for section in &doc.sections {
        docx = docx.add_paragraph(heading(&section.title, 2));
        for p in &section.paragraphs {
            let mut paragraph = Paragraph::new().add_run(Run::new().add_text(&p.text));
            // One Word footnote per sentence, naming all its sources.
            let sources: Vec<&str> = p
                .notes
                .iter()
                .filter_map(|n| doc.notes.get((*n as usize).checked_sub(1)?))
                .map(String::as_str)
                .collect();
            if !sources.is_empty() {
                let note = Footnote::new().add_content(
                    Paragraph::new()
                        .style("FootnoteText")
                        .add_run(Run::new().add_text(sources.join("; "))),
                );
                paragraph = paragraph.add_run(Run::new().add_footnote_reference(note));
            }
            docx = docx.add_paragraph(paragraph);
        }
        for t in &section.tables {
            if let Some(c) = &t.chart {
                if let Some(image) = charts.iter().find(|i| i.id == c.id) {
                    docx = chart(docx, c, image);
                }
            }
            docx = docx
                .add_paragraph(heading(&t.caption, 3))
                .add_table(table(t))
                .add_paragraph(Paragraph::new());
        }
    }
    if !doc.notes.is_empty() {
        docx = docx.add_paragraph(heading(&doc.notes_title, 2));
        for n in &doc.notes {
            docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(n)));
        }
    }
    let mut xml = docx.build();
    finish(&mut xml);
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

/// What docx-rs 0.4.22 cannot write: header rows repeated on each page (`w:tblHeader`), and
/// each footnote's own number at its start (`w:footnoteRef`, without which Word shows the note
/// unnumbered).
fn finish(xml: &mut docx_rs::XMLDocx) {
    let replace = |bytes: &mut Vec<u8>, from: &str, to: &str| {
        let text = String::from_utf8_lossy(bytes).replace(from, to);
        *bytes = text.into_bytes();
    };
    replace(&mut xml.document, HEADER_ROW, REPEATED_HEADER_ROW);
    replace(
        &mut xml.footnotes,
        FOOTNOTE_START,
        &format!("{FOOTNOTE_START}{FOOTNOTE_REF}"),
    );
}
