// Starts the import worker: wasm-bindgen's glue (built by Trunk from src/bin/importer.rs), then its wasm.
importScripts('./importer.js');
wasm_bindgen({ module_or_path: './importer_bg.wasm' });
