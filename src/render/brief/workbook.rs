//! The brief's tables as one workbook (a `table_export::TableBook`, which the xlsx worker
//! writes): a sheet per table with its figures as numbers (the values the brief shows, kept
//! beside their text, not read back from it), where a cell's text says more than its figure
//! (a rank out of a count, the year compared with) that text in a column beside, each row's
//! sources in a last column; and the sheet of what the tables show and every source.

use crate::i18n::{Lang, Text};
use crate::render::brief::doc::{BriefDoc, DocTable};
use crate::render::table_export::{Kind, TableBook, TableExport};

/// A figure as the workbook's cells hold it: exact, dot decimals, without a float's noise.
fn exact(value: f64) -> String {
    ((value * 1e6).round() / 1e6).to_string()
}

/// One table of the brief, titled by its caption and its section's title.
fn sheet(lang: Lang, section: &str, table: &DocTable) -> TableExport {
    let mut columns = Vec::new();
    // For each column of the brief's table: whether its text goes beside its figures (where a
    // cell's text says more).
    let mut shown = Vec::new();
    for (i, head) in table.head.iter().enumerate() {
        let cells = || table.rows.iter().filter_map(move |r| r.get(i));
        let kind = if cells().any(|c| c.value.is_some()) {
            Kind::Number
        } else {
            Kind::Text
        };
        columns.push((head.clone(), kind));
        let qualified = cells().any(|c| c.qualified);
        if qualified {
            columns.push((lang.fill(Text::BriefAsShown, &[head]), Kind::Text));
        }
        shown.push(qualified);
    }
    let cited = table.sources.iter().any(|s| !s.is_empty());
    if cited {
        columns.push((lang.t(Text::SourceLabel).to_string(), Kind::Text));
    }
    let rows = table
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let mut out = Vec::new();
            for (cell, &shown) in row.iter().zip(&shown) {
                out.push(match cell.value {
                    Some(v) => exact(v),
                    // A missing figure is an empty cell.
                    None if cell.text == "–" => String::new(),
                    None => cell.text.clone(),
                });
                if shown {
                    out.push(if cell.qualified {
                        cell.text.clone()
                    } else {
                        String::new()
                    });
                }
            }
            if cited {
                out.push(
                    table
                        .sources
                        .get(r)
                        .map(|s| s.join("; "))
                        .unwrap_or_default(),
                );
            }
            out
        })
        .collect();
    TableExport::new(
        lang,
        format!("{} – {section}", table.caption),
        columns,
        rows,
    )
}

/// The brief's tables as a book, saying whose brief and which year, the date (ISO) and the
/// address of the download, and citing every source of the tables' values, then the brief's
/// own.
pub fn tables_book(doc: &BriefDoc, lang: Lang, (date, address): (&str, &str)) -> TableBook {
    let tables = doc
        .sections
        .iter()
        .flat_map(|s| s.tables.iter().map(|t| sheet(lang, &s.title, t)))
        .collect();
    let mut cover = TableExport::new(lang, doc.title.clone(), Vec::new(), Vec::new())
        .shows(Text::Province, doc.province.clone())
        .shows(Text::Year, doc.year.to_string())
        .downloaded(date, address);
    let sources = doc
        .sections
        .iter()
        .flat_map(|s| &s.tables)
        .flat_map(|t| &t.sources);
    for citation in sources.flatten().chain(&doc.notes) {
        cover.cite(citation);
    }
    TableBook::new(cover, tables)
}
