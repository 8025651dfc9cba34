//! The import worker (wasm in a `DedicatedWorkerGlobalScope`, started from `src/bin/importer.rs`):
//! reads the files the page sends and answers with `import::Reply` messages as JSON (rows of
//! unit scores or of an index table), and merges the user's index tables into the bundled data
//! for the page (`data::user_files::merge`). Reading users' files and merging them here keeps that code out
//! of the page's own wasm (a smaller first visit) and its work off the page's thread.
//!
//! The page sends `[READ, file name, file bytes, sheet chosen, JSON of the choice confirmed, JSON
//! of the choices remembered, JSON of the step's choice with another index]` (the last four may
//! be missing; `mapping_step::Asked`), answered
//! with `Reply`s (a proposal for the mapping step, or rows), or `[MERGE, JSON of
//! the index tables]`, answered with `[MERGE, JSON of merge::Additions]` or `["error",
//! why]`. Index tables are checked against, and merged into, the bundled dataset with every
//! part loaded, which the worker fetches itself (as the brief worker does).

use crate::data::user_files::import::Bilingual;
use crate::data::user_files::index_table::{IndexTable, Reference};
use crate::data::user_files::mapping_step::{self, Asked};
use crate::data::user_files::merge::{merge, Additions};
use crate::i18n::Text;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Rows read between two progress messages.
const CHUNK: usize = 5_000;
/// The kinds of message the page sends.
pub const READ: &str = "read";
pub const MERGE: &str = "merge";

async fn answer(scope: web_sys::DedicatedWorkerGlobalScope, message: js_sys::Array) {
    let dataset = crate::ui::brief_worker::dataset().await;
    if message.get(0).as_string().as_deref() == Some(MERGE) {
        let tables: Vec<IndexTable> = message
            .get(1)
            .as_string()
            .and_then(|json| miniserde::json::from_str(&json).ok())
            .unwrap_or_default();
        let answer = match dataset {
            Ok(data) => {
                let merged = merge(&data, &tables).dataset;
                let additions = Additions::between(&data, &merged);
                let json = serde_json::to_string(&additions).unwrap_or_default();
                js_sys::Array::of2(&MERGE.into(), &json.into())
            }
            Err(why) => js_sys::Array::of2(&"error".into(), &why.into()),
        };
        let _ = scope.post_message(&answer);
        return;
    }
    let name = message.get(1).as_string().unwrap_or_default();
    let bytes = js_sys::Uint8Array::new(&message.get(2)).to_vec();
    let send = |reply| {
        let _ = scope.post_message(&miniserde::json::to_string(&reply).into());
    };
    match dataset {
        // The provinces and scales an index table is checked against.
        Ok(data) => {
            let asked = Asked {
                sheet: message.get(3).as_f64().map(|s| s as usize),
                choice: message.get(4).as_string(),
                remembered: message.get(5).as_string(),
                draft: message.get(6).as_string(),
            };
            mapping_step::run(&name, &bytes, Reference::of(&data), CHUNK, &asked, send)
        }
        Err(why) => send(crate::data::user_files::import::Reply::refused(
            Bilingual::of(Text::FileUnreadable, &format!(": {why}")),
        )),
    }
}

pub fn start() {
    listen(|scope, message| {
        wasm_bindgen_futures::spawn_local(answer(scope.clone(), message));
    });
}

/// A worker's side of the talk with the page (the import, brief, xlsx and docx workers): `handle` gets
/// the worker's scope and each message (an array); the page is told once it listens.
pub fn listen(handle: impl Fn(&web_sys::DedicatedWorkerGlobalScope, js_sys::Array) + 'static) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            handle(&reply_to, js_sys::Array::from(&event.data()));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Lives as long as the worker.
    on_message.forget();
    // Messages sent before the wasm had loaded found no handler: the page waits for this.
    let _ = scope.post_message(&crate::data::user_files::import::WORKER_READY.into());
}

/// A writer worker's answer to request `number` (the xlsx and docx workers): `[kind, number,
/// the file's bytes]`, or `["error", number, why]`.
pub fn send_file(
    scope: &web_sys::DedicatedWorkerGlobalScope,
    kind: &str,
    number: &wasm_bindgen::JsValue,
    written: Result<Vec<u8>, String>,
) {
    let reply = match written {
        Ok(bytes) => js_sys::Array::of3(
            &kind.into(),
            number,
            &js_sys::Uint8Array::from(bytes.as_slice()).into(),
        ),
        Err(why) => js_sys::Array::of3(&"error".into(), number, &why.into()),
    };
    let _ = scope.post_message(&reply);
}
