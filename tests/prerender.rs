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

#[test]
fn keeps_the_data_view_for_an_address_that_asks_for_it() {
    use chiso::ui::built_pages::prerender::BUILT_DATA_ID;
    let html = prerender(first());
    let (ranking, template) = html
        .split_once(&format!("<template id=\"{BUILT_DATA_ID}\">"))
        .expect("the data view's template");
    assert!(template.trim_end().ends_with("</template>"));
    assert!(!template.contains("<template"));
    // The ranking is the page's view; the data view, whole frame, waits in the template.
    assert!(ranking.contains("<main id=\"rankings\""));
    assert!(!ranking.contains("<main id=\"data\""));
    assert!(template.contains("<main id=\"data\" class=\"view\">"));
    assert!(template.contains("aria-current=\"page\">Dữ liệu của bạn<"));
    assert!(!template.contains("<table"));
    // The files kept in the browser are not read yet, and the controls wait for the app.
    assert!(template.contains("Đang đọc các tệp đã lưu…"));
    assert!(!template.contains("Chưa có tệp nào."));
    for id in ["own-file", "paste-area", "paste-read"] {
        let at = template.find(&format!("id=\"{id}\"")).unwrap();
        let tag = &template[at..at + template[at..].find('>').unwrap()];
        assert!(tag.contains("disabled"), "{id}: {tag}");
    }
    // index.html's script shows it for `?view=data`.
    let index = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html"));
    let index = index.unwrap();
    assert!(index.contains(&format!("getElementById('{BUILT_DATA_ID}')")));
    assert!(index.contains("get('view') === 'data'"));
}
