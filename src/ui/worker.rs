//! The import worker (wasm in a `DedicatedWorkerGlobalScope`, started from `src/bin/importer.rs`):
//! reads the files the page sends and answers with `import::Reply` messages as JSON (rows of
//! unit scores or of an index table). Reading users' files here keeps the importer out of the
//! page's own wasm (a smaller first visit) and its work off the page's thread.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Rows read between two progress messages.
const CHUNK: usize = 5_000;

pub fn start() {
    listen(|scope, message| {
        // The page sends [file name, file bytes, reference], the reference being the JSON of
        // `index_table::Reference::of(dataset)`: the provinces and scales an index table is
        // checked against (without it every province of an index table is unknown).
        let name = message.get(0).as_string().unwrap_or_default();
        let bytes = js_sys::Uint8Array::new(&message.get(1)).to_vec();
        let reference = message
            .get(2)
            .as_string()
            .and_then(|json| miniserde::json::from_str(&json).ok())
            .unwrap_or_default();
        crate::data::import::run(&name, &bytes, reference, CHUNK, |reply| {
            let _ = scope.post_message(&miniserde::json::to_string(&reply).into());
        });
    });
}

/// A worker's side of the talk with the page (the import and the brief workers): `handle` gets
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
    let _ = scope.post_message(&crate::data::import::WORKER_READY.into());
}
