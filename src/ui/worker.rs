//! The import worker (wasm in a `DedicatedWorkerGlobalScope`, started from `src/bin/importer.rs`):
//! reads the files the page sends and answers with `import::Reply` messages as JSON. Reading
//! users' files here keeps the importer out of the page's own wasm (a smaller first visit) and
//! its work off the page's thread.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Rows read between two progress messages.
const CHUNK: usize = 5_000;

pub fn start() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            // The page sends [file name, file bytes].
            let message = js_sys::Array::from(&event.data());
            let name = message.get(0).as_string().unwrap_or_default();
            let bytes = js_sys::Uint8Array::new(&message.get(1)).to_vec();
            crate::data::import::run(&name, &bytes, CHUNK, |reply| {
                let _ = reply_to.post_message(&miniserde::json::to_string(&reply).into());
            });
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Lives as long as the worker.
    on_message.forget();
    // Messages sent before the wasm had loaded found no handler: the page waits for this.
    let _ = scope.post_message(&crate::data::import::WORKER_READY.into());
}
