//! `cargo run --bin build-dataset`: rebuilds static/dataset.json from the tables under data/.

use chiso::dataset_build::{build, to_json, SourceFiles};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let result = SourceFiles::read(&root.join("data")).and_then(|files| build(&files));
    match result {
        Ok(dataset) => {
            let out = root.join("static/dataset.json");
            if let Err(e) = std::fs::write(&out, to_json(&dataset)) {
                eprintln!("cannot write {}: {e}", out.display());
                return ExitCode::FAILURE;
            }
            let points: usize = dataset.series.iter().map(|s| s.points.len()).sum();
            println!("wrote {} ({} series, {} points, {} sources)", out.display(), dataset.series.len(), points, dataset.sources.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dataset build failed: {e}");
            ExitCode::FAILURE
        }
    }
}
