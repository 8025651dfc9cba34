//! The brief worker (wasm in a `DedicatedWorkerGlobalScope`, started from `src/bin/brief.rs`):
//! loads the dataset with all its parts and builds the brief the page asks for
//! (`render::brief::doc`). Its code stays out of the page's own wasm (a smaller first visit),
//! and the .docx writer out of it: the docx worker writes the .docx of the document this one
//! hands the page as JSON, loaded only when one is asked for.
//!
//! The page numbers its requests, newest highest, and sends `["doc", number, lang, province,
//! year, today, the user's unit scores as JSON (or ""), their lines in their files as JSON]`,
//! answered with `["doc", number, html, plain text]` or `["error", number, why]`; then
//! `["docx", number]` for the brief of that number, answered with `["docx", number, the brief
//! as JSON]`, which the page hands the docx worker with the charts it drew (or `["error",
//! number, why]`); and `["xlsx", number, today, address, lang]` for its tables,
//! answered with `["xlsx", number, the book of tables as JSON]` (`render::brief::workbook`),
//! which the page has the xlsx worker write. Answers may come out of order (each waits for the
//! data): the page keeps only the newest, and so does the worker for the .docx and the tables.
//!
//! The edition view sends `["edition", number, lang, index, year, today, JSON of the user's
//! index tables (or "[]"), the page's address]`, answered with `["doc", number, html, plain text, JSON of the whole
//! table (render::table_export, for the xlsx worker)]` or `["error", number, why]`; the user's
//! tables are merged into the data as the import worker merges them
//! (`data::user_files::merge`), so that an edition of their own table is summarised too. A
//! `"docx"` request then hands the edition over as it does a brief.

use crate::data::model::Dataset;
use crate::data::units::UnitScore;
use crate::data::user_files::index_table::IndexTable;
use crate::data::user_files::merge::merge;
use crate::i18n::{Lang, Text};
use crate::render::brief::doc::{document, to_html, BriefDoc};
use crate::render::brief::workbook::tables_book;
use crate::render::edition::doc as edition;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_futures::JsFuture;

/// The same file the page loads first; the parts it names are fetched after it.
const DATASET_URL: &str = "static/dataset.json";

thread_local! {
    static DATASET: RefCell<Option<Rc<Dataset>>> = const { RefCell::new(None) };
    /// The newest brief built, with its number.
    static LAST: RefCell<Option<(u32, BriefDoc)>> = const { RefCell::new(None) };
    /// The data with the user's index tables merged, and the JSON of those tables.
    static MERGED: RefCell<Option<(String, Rc<Dataset>)>> = const { RefCell::new(None) };
}

/// The dataset with the user's index tables (their JSON, `SentTable::list`) merged in, kept for
/// the next request with the same tables.
async fn with_tables(tables: &str) -> Result<Rc<Dataset>, String> {
    let data = dataset().await?;
    let read: Vec<IndexTable> = miniserde::json::from_str(tables).unwrap_or_default();
    if read.is_empty() {
        return Ok(data);
    }
    if let Some(kept) = MERGED
        .with(|m| m.borrow().clone())
        .filter(|(t, _)| t == tables)
    {
        return Ok(kept.1);
    }
    let merged = Rc::new(merge(&data, &read).dataset);
    MERGED.with(|m| *m.borrow_mut() = Some((tables.to_string(), merged.clone())));
    Ok(merged)
}

/// Keeps `doc` for a .docx, unless a newer request was answered already.
fn keep(number: u32, doc: BriefDoc) {
    LAST.with(|l| {
        let mut last = l.borrow_mut();
        if last.as_ref().is_none_or(|(n, _)| *n <= number) {
            *last = Some((number, doc));
        }
    });
}

/// The dataset with every part loaded (fetched once per worker; the import worker's too).
pub async fn dataset() -> Result<Rc<Dataset>, String> {
    if let Some(d) = DATASET.with(|d| d.borrow().clone()) {
        return Ok(d);
    }
    let text = crate::ui::web::fetch_text(DATASET_URL).await?;
    let mut data = Dataset::from_json(&text).map_err(|e| format!("{DATASET_URL}: {e}"))?;
    // Every file fetched at once (one per index and year among them), then added in order.
    let files: Vec<_> = data
        .parts_to_load(data.all_parts())
        .into_iter()
        .map(|(part, file)| {
            let url = file.clone();
            let fetching = wasm_bindgen_futures::future_to_promise(async move {
                // Resolves either way, so that no failure after the first goes unhandled.
                let (ok, text) = match crate::ui::web::fetch_text(&url).await {
                    Ok(text) => (true, text),
                    Err(detail) => (false, detail),
                };
                Ok(js_sys::Array::of2(&ok.into(), &text.into()).into())
            });
            (part, file, fetching)
        })
        .collect();
    for (part, file, fetching) in files {
        let answer = js_sys::Array::from(&JsFuture::from(fetching).await.unwrap_or_default());
        let text = answer.get(1).as_string().unwrap_or_default();
        if !answer.get(0).is_truthy() {
            return Err(format!("{file}: {text}"));
        }
        data.add_part(&part, &text)
            .map_err(|e| format!("{file}: {e}"))?;
    }
    let data = Rc::new(data);
    DATASET.with(|d| *d.borrow_mut() = Some(data.clone()));
    Ok(data)
}

/// The brief built last, if it is brief `number` (the one on screen).
fn last(number: u32) -> Result<BriefDoc, String> {
    LAST.with(|l| l.borrow().clone())
        .filter(|(n, _)| *n == number)
        .map(|(_, doc)| doc)
        .ok_or_else(|| "the brief on screen is not the one built last".to_string())
}

fn reply(scope: &web_sys::DedicatedWorkerGlobalScope, kind: &str, number: u32, parts: &[&str]) {
    let message = js_sys::Array::of2(&kind.into(), &number.into());
    for part in parts {
        message.push(&(*part).into());
    }
    let _ = scope.post_message(&message);
}

async fn answer(scope: web_sys::DedicatedWorkerGlobalScope, message: js_sys::Array) {
    let text = |i: u32| message.get(i).as_string().unwrap_or_default();
    let number = message.get(1).as_f64().unwrap_or(0.0) as u32;
    match text(0).as_str() {
        "doc" => {
            let lang = Lang::from_code(&text(2)).unwrap_or(Lang::Vi);
            let year: u16 = text(4).parse().unwrap_or(0);
            let (scores, lines) = (text(6), text(7));
            let own: Vec<(UnitScore, u64)> = if scores.is_empty() {
                Vec::new()
            } else {
                let read = crate::data::model::read_json::<Vec<UnitScore>>(&scores)
                    .ok()
                    .zip(crate::data::model::read_json::<Vec<u64>>(&lines).ok())
                    .filter(|(s, l)| s.len() == l.len());
                match read {
                    Some((scores, lines)) => scores.into_iter().zip(lines).collect(),
                    None => {
                        return reply(
                            &scope,
                            "error",
                            number,
                            &["the units of your files could not be read"],
                        )
                    }
                }
            };
            match dataset().await {
                Ok(d) => {
                    let doc = document(&d, lang, &text(3), year, &text(5), &own);
                    reply(&scope, "doc", number, &[&to_html(&doc), &doc.plain]);
                    keep(number, doc);
                }
                Err(e) => reply(&scope, "error", number, &[&e]),
            }
        }
        "xlsx" => {
            let lang = Lang::from_code(&text(4)).unwrap_or(Lang::Vi);
            match last(number) {
                Ok(doc) => {
                    let book = tables_book(&doc, lang, (&text(2), &text(3)));
                    reply(&scope, "xlsx", number, &[&book.to_json()]);
                }
                Err(e) => reply(&scope, "error", number, &[&e]),
            }
        }
        "edition" => {
            let lang = Lang::from_code(&text(2)).unwrap_or(Lang::Vi);
            let year: u16 = text(4).parse().unwrap_or(0);
            match with_tables(&text(6)).await {
                Ok(d) => match edition::document(&d, lang, (&text(3), year), &text(5)) {
                    Some((doc, table)) => {
                        let table = table.downloaded(&text(5), &text(7)).to_json();
                        reply(&scope, "doc", number, &[&to_html(&doc), &doc.plain, &table]);
                        keep(number, doc);
                    }
                    None => reply(&scope, "error", number, &[lang.t(Text::EditionNone)]),
                },
                Err(e) => reply(&scope, "error", number, &[&e]),
            }
        }
        "docx" => match last(number) {
            // The document for the docx worker, which writes the .docx.
            Ok(doc) => reply(&scope, "docx", number, &[&doc.to_json()]),
            Err(e) => reply(&scope, "error", number, &[&e]),
        },
        _ => {}
    }
}

pub fn start() {
    crate::ui::worker::listen(|scope, message| {
        wasm_bindgen_futures::spawn_local(answer(scope.clone(), message));
    });
}
