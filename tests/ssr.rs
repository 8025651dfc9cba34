//! Components rendered to HTML natively with yew's server renderer.
mod common;

use chiso::ui::components::load_error::{LoadError, LoadErrorProps, LoadFailure};
use chiso::ui::components::rankings_view::{RankingsView, RankingsViewProps};
use chiso::ui::components::SharedDataset;
use chiso::ui::i18n::Lang;
use chiso::data::model::Dataset;
use chiso::ui::state::Selection;
use std::rc::Rc;
use yew::{Callback, LocalServerRenderer};

fn render_view(dataset: Dataset, selection: impl FnOnce(&Dataset) -> Selection) -> String {
    let selection = selection(&dataset);
    let props = RankingsViewProps {
        data: SharedDataset(Rc::new(dataset)),
        selection,
        on_action: Callback::noop(),
    };
    futures::executor::block_on(
        LocalServerRenderer::<RankingsView>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

fn real() -> Dataset {
    common::bundled()
}

#[test]
fn full_year_renders_63_rows_and_a_bar_per_province() {
    let html = render_view(real(), |d| {
        Selection::from_query_string("index=pci&year=2016", d, Lang::Vi)
    });
    assert_eq!(html.matches("<tr data-code=").count(), 63);
    assert_eq!(chiso::render::chart::count_bars(&html), 63);
    assert!(html.contains("63/63 tỉnh có số liệu"));
    assert!(html.contains("aria-sort=\"ascending\""));
    // The chart is described in words, and the drawing points to that description.
    assert!(html.contains("aria-describedby=\"ranking-chart-desc\""));
    assert!(html.contains("class=\"chart-description\">Biểu đồ thanh ngang theo thứ tự xếp hạng: 63 tỉnh có số liệu. Cao nhất: Đà Nẵng (70,00)"));
}

#[test]
fn partial_year_says_who_is_missing_and_why() {
    let html = render_view(real(), |d| {
        Selection::from_query_string("index=papi&year=2023&lang=en", d, Lang::Vi)
    });
    assert!(
        html.contains("61/63 provinces have data"),
        "{}",
        &html[..2000.min(html.len())]
    );
    assert!(
        html.contains("no records because of technical problems")
            || html.contains("No records because of technical problems")
    );
    assert_eq!(html.matches("class=\"no-data\"").count(), 2);
    assert!(html.contains(">no data<"));
}

#[test]
fn search_leaves_matching_rows_only() {
    let html = render_view(real(), |d| {
        Selection::from_query_string("index=pci&year=2016&q=son%20la", d, Lang::Vi)
    });
    assert_eq!(html.matches("<tr data-code=").count(), 1);
    assert!(html.contains(">Sơn La<"));
}

#[test]
fn values_cite_their_source() {
    let html = render_view(real(), |d| {
        Selection::from_query_string("index=par&year=2023", d, Lang::Vi)
    });
    assert!(html.contains("href=\"#source-"));
    assert!(html.contains("id=\"source-"));
    assert!(
        html.contains("chỉ có thứ hạng"),
        "rank-only rows are labelled"
    );
    assert!(html.contains("Bình quân cả nước"));
}

#[test]
fn until_the_details_arrive_the_sources_say_they_are_loading() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let main = std::fs::read_to_string(root.join("static/dataset.json")).unwrap();
    // The first view (PAPI 2024): each value's first source number is known; its citation,
    // the list and the further sources are not yet.
    let html = render_view(Dataset::from_json(&main).unwrap(), |d| {
        Selection::from_query_string("index=papi&year=2024&lang=en", d, Lang::Vi)
    });
    assert!(html.contains("href=\"#source-"));
    assert!(html.contains("id=\"sources-loading\""));
    assert!(!html.contains("id=\"source-"));
    assert!(html.contains(": Loading the list of sources…\""));
    assert!(!html.contains("Also given by source"));
    // With them, Hà Nội's 91.43 names four sources.
    let html = render_view(real(), |d| {
        Selection::from_query_string("index=par&year=2023&lang=en", d, Lang::Vi)
    });
    let row = &html[html.find("<tr data-code=\"01\"").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert_eq!(row.matches("class=\"source-ref\"").count(), 4, "{row}");
    assert_eq!(row.matches("Also given by source [").count(), 3, "{row}");
}

#[test]
fn data_strings_are_escaped_everywhere() {
    let mut dataset = common::tiny();
    dataset.provinces[1].name_vi = "<img src=x onerror=alert(1)>".into();
    let html = render_view(dataset, |d| {
        Selection::from_query_string("year=2011", d, Lang::Vi)
    });
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn load_error_names_the_url_and_detail() {
    let props = LoadErrorProps {
        lang: Lang::En,
        failure: LoadFailure::Parse {
            url: "static/dataset.json".into(),
            detail: "line 3, column 5: expected value".into(),
        },
    };
    let html = futures::executor::block_on(
        LocalServerRenderer::<LoadError>::with_props(props)
            .hydratable(false)
            .render(),
    );
    assert!(html.contains("role=\"alert\""));
    assert!(html.contains("static/dataset.json"));
    assert!(html.contains("line 3, column 5"));
}

/// A unit's score of 2025 from a test file.
fn unit_score(
    unit_type: chiso::data::units::UnitType,
    unit: &str,
    value: f64,
) -> chiso::data::units::UnitScore {
    chiso::data::units::UnitScore {
        province: "P".into(),
        year: 2025,
        unit_type,
        unit: unit.into(),
        metric: "par_index".into(),
        value: Some(value),
        low: None,
        high: None,
        measure: None,
        note: None,
        note_vi: None,
        derived: false,
        source: "test-units.csv".into(),
    }
}

/// The units report of province "P", its tables searched for `search` and sorted by name.
fn render_units(scores: &Rc<Vec<chiso::data::units::UnitScore>>, search: &str, lang: Lang) -> String {
    use chiso::ui::components::units_report::{UnitsReport, UnitsReportProps};
    let props = UnitsReportProps {
        lang,
        province: "P".into(),
        scores: scores.clone(),
        source_label: Callback::from(|s: String| s),
        search: search.to_string().into(),
        sort: chiso::data::units::UnitSort::Name,
        descending: false,
        on_sort: Callback::noop(),
    };
    futures::executor::block_on(
        LocalServerRenderer::<UnitsReport>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

#[test]
fn unit_reports_escape_names_from_files() {
    use chiso::data::units::UnitType;
    let scores = Rc::new(vec![unit_score(UnitType::District, "<script>x</script>", 90.0)]);
    let html = render_units(&scores, "", Lang::Vi);
    assert!(!html.contains("<script>x"));
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"));
}

#[test]
fn communes_are_searched_and_sorted_and_districts_after_their_end_are_flagged_not_dropped() {
    use chiso::data::units::UnitType;
    let unit = unit_score;
    let scores = Rc::new(vec![
        unit(UnitType::Commune, "Xã Thử Nghiệm 001", 91.0),
        unit(UnitType::Commune, "Phường Thử Nghiệm 002", 93.0),
        unit(UnitType::Commune, "Đặc khu Thử Nghiệm 003", 88.0),
        unit(UnitType::District, "Huyện Thử Nghiệm", 80.0),
    ]);
    let render = |search: &str, lang: Lang| render_units(&scores, search, lang);
    let html = render("phuong", Lang::Vi);
    assert!(html.contains("data-kind=\"commune\""));
    assert!(html.contains("Xã, phường, đặc khu – Chỉ số CCHC 2025"));
    assert!(html.contains("3 đơn vị · 1 khớp với tìm kiếm"), "{html}");
    assert!(html.contains("Phường Thử Nghiệm 002") && !html.contains("Xã Thử Nghiệm 001"));
    // Its rank among all three stays.
    assert!(html.contains("<td class=\"num\">1</td><th scope=\"row\" lang=\"vi\">Phường"));
    assert!(html.contains("aria-sort=\"ascending\" data-column=\"name\""));
    assert!(html.contains("aria-sort=\"none\" data-column=\"score\""));
    // The 2025 district is shown, with the note.
    assert_eq!(html.matches("data-warning=\"districts-ended\"").count(), 1);
    let html = render("", Lang::En);
    assert!(html.contains("Huyện Thử Nghiệm"));
    assert!(html.contains("Communes, wards and special zones"));
    assert!(!html.contains("match the search"));
}

#[test]
fn every_disagreement_of_a_year_is_listed_and_marked_where_its_value_is() {
    let html = render_view(real(), |d| {
        Selection::from_query_string("index=par&year=2023&lang=en", d, Lang::Vi)
    });
    // A value (Hải Phòng), a rank (Long An) and how components add up (Hòa Bình): each its
    // own entry; the value and the rank marked in their cells.
    assert!(html.contains(
        "<strong>Hoa Binh (components)</strong>: value used <span lang=\"en\">57.04 + 8.19"
    ));
    for id in ["conflict-31", "conflict-80-rank", "conflict-17-components"] {
        assert_eq!(html.matches(&format!("id=\"{id}\"")).count(), 1, "{id}");
    }
    assert!(html.contains("href=\"#conflict-31\""));
    assert!(html.contains("href=\"#conflict-80-rank\" title=\"Another source gives: 7\""));
    assert!(html.contains("<strong>Long An (official rank)</strong>: value used 8 ("));
    // An entry about no single province, in the table's own (English) words.
    assert!(html
        .contains("<strong><span lang=\"en\">bottom of ranking</span> (official rank)</strong>"));

    let html = render_view(real(), |d| {
        Selection::from_query_string("index=par&year=2022", d, Lang::Vi)
    });
    // The average's figures do not add up: marked beside it, listed without another value.
    assert!(html.contains("href=\"#conflict-average\" title=\"Nguồn không thống nhất\""));
    assert!(html.contains(
        "<li id=\"conflict-average\"><strong>Bình quân cả nước</strong>: giá trị dùng 84,79 ("
    ));
    // Its note in Vietnamese, translated from the table's English.
    assert!(html.contains("<span lang=\"vi\">susta22 ghi giảm 1,78 so với 2021"));

    // A ministry's rank is not among what chiso shows.
    let html = render_view(real(), |d| {
        Selection::from_query_string("index=par&year=2016", d, Lang::Vi)
    });
    assert!(!html.contains("Bộ Khoa học"));
}
