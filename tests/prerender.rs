//! The first view rendered at build time (static/prerender.html): what it shows, and that its
//! data strings are escaped. Its freshness is checked with the data files (tests/dataset_build.rs).

use chiso::data::model::Dataset;
use chiso::ui::built_pages::prerender::prerender;
use std::path::Path;

/// The dataset as a first visit has it: the main data file alone.
fn first() -> Dataset {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    Dataset::from_json(&std::fs::read_to_string(root.join("static/dataset.json")).unwrap()).unwrap()
}

#[test]
fn shows_the_latest_papi_ranking_with_its_coverage() {
    let html = prerender(first());
    assert_eq!(html.matches("<tr data-code=").count(), 63);
    assert_eq!(html.matches("id=\"rankings-table\"").count(), 1);
    assert!(html.contains("<h1>chiso</h1>"));
    assert!(html.contains("<caption>Xếp hạng"));
    assert!(html.contains("aria-current=\"page\">Xếp hạng<"));
    assert!(html.contains("<option value=\"papi\" selected=\"selected\">PAPI</option>"));
    assert!(html.contains("61/63 tỉnh có số liệu"), "coverage line");
    assert!(html.contains(">Sơn La<"));
    assert_eq!(chiso::render::chart::count_bars(&html), 61);
    // A fragment for index.html: no script of its own, nothing to hydrate.
    assert!(!html.contains("<script"));
    assert!(!html.contains("<!--"));
}

#[test]
fn data_strings_are_escaped() {
    let mut data = first();
    let name = "Sơn La <b>&amp;</b>";
    data.provinces
        .iter_mut()
        .find(|p| p.name_vi == "Sơn La")
        .unwrap()
        .name_vi = name.into();
    let html = prerender(data);
    assert!(!html.contains(name));
    assert!(html.contains("Sơn La &lt;b&gt;&amp;amp;&lt;/b&gt;"));
}
