// Starts the brief worker: wasm-bindgen's glue (built by Trunk from src/bin/brief.rs), then its wasm.
importScripts('./brief.js');
wasm_bindgen({ module_or_path: './brief_bg.wasm' });
