//! The xlsx worker (wasm in a `DedicatedWorkerGlobalScope`, started from `src/bin/xlsx.rs`):
//! writes the tables the page sends as Excel workbooks (`render::xlsx`), so that the writer
//! stays out of the page's own wasm. It is loaded on the first Excel download.
//!
//! The page sends `["xlsx", number, a table or a book of tables as JSON (render::table_export)]`,
//! answered with `["xlsx", number, the workbook's bytes]` or `["error", number, why]`; the
//! loader answers `["error", 0, why]` if the worker's wasm could not be loaded.

use crate::render::table_export::TableBook;
use crate::render::xlsx::to_xlsx;

pub fn start() {
    crate::ui::worker::listen(|scope, message| {
        let json = message.get(2).as_string().unwrap_or_default();
        let written = TableBook::from_json(&json).and_then(|t| to_xlsx(&t));
        crate::ui::worker::send_file(scope, "xlsx", &message.get(1), written);
    });
}
