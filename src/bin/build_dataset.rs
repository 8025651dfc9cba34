//! `cargo run --bin build-dataset`: rebuilds static/dataset.json and static/map.json from the
//! tables under data/.

use chiso::dataset_build::{build, build_map, map_to_json, to_json, SourceFiles};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let result = SourceFiles::read(&root.join("data")).and_then(|files| {
        let dataset = build(&files)?;
        let map = build_map(&files, &dataset)?;
        Ok((dataset, map))
    });
    match result {
        Ok((dataset, map)) => {
            for (name, json) in [
                ("static/dataset.json", to_json(&dataset)),
                ("static/map.json", map_to_json(&map)),
            ] {
                let out = root.join(name);
                if let Err(e) = std::fs::write(&out, json) {
                    eprintln!("cannot write {}: {e}", out.display());
                    return ExitCode::FAILURE;
                }
            }
            let out = root.join("static/dataset.json");
            let points: usize = dataset.series.iter().map(|s| s.points.len()).sum();
            println!(
                "wrote {} ({} series, {} points, {} sources)",
                out.display(),
                dataset.series.len(),
                points,
                dataset.sources.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dataset build failed: {e}");
            ExitCode::FAILURE
        }
    }
}
