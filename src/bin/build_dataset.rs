//! `cargo run --bin build-dataset`: rebuilds static/dataset.json, the files split off it
//! (static/components/ and beside it) and static/map.json from the tables under data/, and the
//! first view rendered from them
//! (static/prerender.html, see chiso::ui::built_pages::prerender).

use chiso::data::dataset_build::{build, build_map, map_to_json, SourceFiles};
use chiso::ui::built_pages::prerender::committed_files;
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
            let points: usize = dataset.series.iter().map(|s| s.points.len()).sum();
            let summary = format!(
                "{} series, {} points, {} sources",
                dataset.series.len(),
                points,
                dataset.sources.len()
            );
            let mut files = committed_files(dataset);
            files.push(("static/map.json".into(), map_to_json(&map)));
            for (name, json) in &files {
                let out = root.join(name);
                let folder = out.parent().map(std::fs::create_dir_all).transpose();
                if let Err(e) = folder.and_then(|_| std::fs::write(&out, json)) {
                    eprintln!("cannot write {}: {e}", out.display());
                    return ExitCode::FAILURE;
                }
            }
            let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
            println!("wrote {} ({summary})", names.join(", "));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dataset build failed: {e}");
            ExitCode::FAILURE
        }
    }
}
