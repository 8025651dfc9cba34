//! The crate's layers import only downwards: `text`, `i18n` and `order` at the bottom, then
//! `data`, `analysis`, `render` and `ui` (src/lib.rs). Read from the source, so that a new
//! upward import fails here rather than in a review.

use std::fs;
use std::path::Path;

/// The layers from the bottom up, each with the modules (files or folders under src/) in it.
const LAYERS: [&[&str]; 5] = [
    &["text", "i18n", "order"],
    &["data"],
    &["analysis"],
    &["render"],
    &["ui"],
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_module_imports_a_layer_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut upward = Vec::new();
    for (level, modules) in LAYERS.iter().enumerate() {
        for module in *modules {
            let mut files = Vec::new();
            let folder = src.join(module);
            if folder.is_dir() {
                rust_files(&folder, &mut files);
            } else {
                files.push(src.join(format!("{module}.rs")));
            }
            for file in files {
                let text = fs::read_to_string(&file).unwrap();
                for (n, line) in text.lines().enumerate() {
                    for higher in LAYERS[level + 1..].iter().flat_map(|l| l.iter()) {
                        if line.contains(&format!("crate::{higher}::"))
                            || line.contains(&format!("crate::{higher};"))
                        {
                            upward.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                        }
                    }
                }
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports up the layers:\n{}",
        upward.join("\n")
    );
}
