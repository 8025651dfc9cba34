// Starts the docx worker: wasm-bindgen's glue (built by Trunk from src/bin/docx.rs), then its
// wasm; if the wasm cannot be loaded, the page is told (request number 0: every download).
importScripts('./docx.js');
wasm_bindgen({ module_or_path: './docx_bg.wasm' }).catch((e) => postMessage(['error', 0, String(e)]));
