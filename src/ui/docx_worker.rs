//! The docx worker (wasm in a `DedicatedWorkerGlobalScope`, started from `src/bin/docx.rs`):
//! writes the brief's and the edition's documents as .docx (`render::brief::docx`), so that the
//! writer stays out of the page's own wasm and out of the brief worker's, which every brief
//! waits for. It is loaded on the first .docx download.
//!
//! The page sends `["docx", number, a document as JSON (render::brief::doc, which the brief
//! worker hands over), [[chart id, png bytes, width, height], …]]`, answered with `["docx",
//! number, the file's bytes]` or `["error", number, why]`; the loader answers `["error", 0, why]`
//! if the worker's wasm could not be loaded.

use crate::render::brief::doc::BriefDoc;
use crate::render::brief::docx::{to_docx, ChartImage};

/// The charts as the page sends them.
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
        let json = message.get(2).as_string().unwrap_or_default();
        let written = BriefDoc::from_json(&json).and_then(|d| to_docx(&d, charts(&message.get(3))));
        crate::ui::worker::send_file(scope, "docx", &message.get(1), written);
    });
}
