//! The xlsx worker (wasm in a `DedicatedWorkerGlobalScope`, started from `src/bin/xlsx.rs`):
//! writes the tables the page sends as Excel workbooks (`render::xlsx`) and the brief's and the
//! edition's documents as .docx (`render::brief::docx`), so that the writers stay out of the
//! page's own wasm and of the brief worker's. It is loaded on the first download of either.
//!
//! The page sends `["xlsx", number, a table or a book of tables as JSON (render::table_export)]`,
//! answered with `["xlsx", number, the workbook's bytes]`, or `["docx", number, a document as
//! JSON (render::brief::doc, from the brief worker), [[chart id, png bytes, width, height], …]]`,
//! answered with `["docx", number, the file's bytes]`; or `["error", number, why]`. The loader
//! answers `["error", 0, why]` if the worker's wasm could not be loaded.

use crate::render::brief::doc::BriefDoc;
use crate::render::brief::docx::{to_docx, ChartImage};
use crate::render::table_export::TableBook;
use crate::render::xlsx::to_xlsx;

/// The charts of a .docx as the page sends them.
fn charts(sent: &wasm_bindgen::JsValue) -> Vec<ChartImage> {
    js_sys::Array::from(sent)
        .iter()
        .map(|c| {
            let c = js_sys::Array::from(&c);
            ChartImage {
                id: c.get(0).as_string().unwrap_or_default(),
                png: js_sys::Uint8Array::new(&c.get(1)).to_vec(),
                width: c.get(2).as_f64().unwrap_or(0.0) as u32,
                height: c.get(3).as_f64().unwrap_or(0.0) as u32,
            }
        })
        .collect()
}

pub fn start() {
    crate::ui::worker::listen(|scope, message| {
        let (kind, number) = (
            message.get(0).as_string().unwrap_or_default(),
            message.get(1),
        );
        let json = message.get(2).as_string().unwrap_or_default();
        let (kind, written) = match kind.as_str() {
            "docx" => (
                "docx",
                BriefDoc::from_json(&json).and_then(|d| to_docx(&d, charts(&message.get(3)))),
            ),
            _ => (
                "xlsx",
                TableBook::from_json(&json).and_then(|t| to_xlsx(&t)),
            ),
        };
        let reply = match written {
            Ok(bytes) => js_sys::Array::of3(
                &kind.into(),
                &number,
                &js_sys::Uint8Array::from(bytes.as_slice()).into(),
            ),
            Err(why) => js_sys::Array::of3(&"error".into(), &number, &why.into()),
        };
        let _ = scope.post_message(&reply);
    });
}
