//! Components rendered to HTML natively with yew's server renderer.
mod common;

use chiso::data::model::Dataset;
use chiso::i18n::Lang;
use chiso::ui::components::load_error::{load_error, LoadFailure};
use chiso::ui::components::rankings_view::{RankingsView, RankingsViewProps};
use chiso::ui::components::SharedDataset;
use chiso::ui::state::Selection;
use std::rc::Rc;
use yew::{Callback, Html, LocalServerRenderer, Properties};

/// A component rendered to HTML with the given props.
fn render<C: yew::BaseComponent>(props: C::Properties) -> String {
    futures::executor::block_on(
        LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

#[derive(Properties, PartialEq)]
struct ShownProps {
    html: Html,
}

/// What a plain function of the components returns, shown by a component of the test's own.
#[yew::component]
fn Shown(props: &ShownProps) -> Html {
    props.html.clone()
}

fn render_html(html: Html) -> String {
    render::<Shown>(ShownProps { html })
}

fn render_view(dataset: Dataset, selection: impl FnOnce(&Dataset) -> Selection) -> String {
    let selection = selection(&dataset);
    let props = RankingsViewProps {
        data: SharedDataset(Rc::new(dataset)),
        selection,
        on_action: Callback::noop(),
    };
    render::<RankingsView>(props)
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
    let failure = LoadFailure::Parse {
        url: "static/dataset.json".into(),
        detail: "line 3, column 5: expected value".into(),
    };
    let html = render_html(load_error(Lang::En, &failure));
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
fn render_units(
    scores: &Rc<Vec<chiso::data::units::UnitScore>>,
    search: &str,
    lang: Lang,
) -> String {
    use chiso::ui::components::units_report::{units_report, UnitsReportProps};
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
    render_html(units_report(&props))
}

#[test]
fn unit_reports_escape_names_from_files() {
    use chiso::data::units::UnitType;
    let scores = Rc::new(vec![unit_score(
        UnitType::District,
        "<script>x</script>",
        90.0,
    )]);
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

#[test]
fn under_the_borders_of_2025_a_2023_ranking_is_34_groups_of_former_provinces_without_a_group_score()
{
    let html = render_view(real(), |d| {
        Selection::from_query_string("index=papi&year=2023&lang=en&borders=2025", d, Lang::Vi)
    });
    assert!(html.contains("id=\"borders-2025\"") && html.contains("checked"));
    assert_eq!(html.matches("class=\"group-2025\"").count(), 34);
    assert_eq!(
        html.matches("<tr data-code=").count(),
        63,
        "each former province its own row"
    );
    // A group's head names the 2025 province and how it was formed: one cell, no score.
    let head = html.split("data-unit=\"n15\"").nth(1).unwrap();
    let head = &head[..head.find("</tr>").unwrap()];
    assert!(head.contains("formed from 2 provinces"), "{head}");
    assert_eq!(head.matches("<th").count(), 1);
    assert!(!head.contains("<td"));
    assert!(html.contains("Groups ordered by their 2025 province codes"));
    // The switch in Vietnamese.
    let html = render_view(real(), |d| {
        Selection::from_query_string("index=papi&year=2023&borders=2025", d, Lang::Vi)
    });
    assert!(html.contains("Theo địa giới 2025"));
}

fn render_profile(query: &str) -> String {
    use chiso::ui::components::profile_view::{profile_view, ProfileViewProps};
    let dataset = real();
    let selection = Selection::from_query_string(query, &dataset, Lang::Vi);
    let props = ProfileViewProps {
        data: SharedDataset(Rc::new(dataset)),
        selection,
        on_action: Callback::noop(),
    };
    render_html(profile_view(&props))
}

#[test]
fn a_2025_province_profile_draws_its_former_provinces_and_a_former_one_links_to_it() {
    let html = render_profile("view=profile&province=n15&lang=en");
    // No 2025 result is bundled: each card says so and names the former provinces.
    assert!(
        html.contains("No result from 2025 yet. Former provinces: Lao Cai, Yen Bai"),
        "{html}"
    );
    // Each card's chart keys its lines by name: the province's own and one per former province.
    assert!(html.matches("class=\"spark-key\"").count() >= 3);
    let key = html.split("class=\"spark-key\"").nth(1).unwrap();
    let key = &key[..key.find("</ul>").unwrap()];
    assert!(key.contains("Yen Bai") && key.contains("Lao Cai"), "{key}");
    assert!(html.contains("id=\"former-provinces\""));
    assert!(html.contains("data-code=\"10\"") && html.contains("data-code=\"15\""));
    let html = render_profile("view=profile&province=15&lang=en");
    assert!(
        html.contains("id=\"open-unit\" data-code=\"n15\""),
        "{html}"
    );
    assert!(
        !html.contains("spark-key"),
        "a former province draws its own line only"
    );
    // A 2025 province spanning several regions has no table of its region's provinces.
    let d = real();
    let spanning = d.provinces.iter().find(|p| p.region.is_none()).unwrap();
    let html = render_profile(&format!("view=profile&province={}&lang=en", spanning.code));
    assert!(html.contains("id=\"no-region-peers\"") && !html.contains("id=\"peers-table\""));
}

#[test]
fn a_2025_province_profile_before_2025_shows_its_former_provinces_components_side_by_side() {
    let html = render_profile("view=profile&province=n15&index=papi&year=2024&lang=en");
    let note = "Lao Cai was formed on 1 July 2025; in 2024 its former provinces (Lao Cai, Yen Bai) were rated separately.";
    assert!(html.contains(note), "{html}");
    let table = html
        .split("id=\"former-breakdown-table\"")
        .nth(1)
        .expect("the table");
    let table = &table[..table.find("</table>").unwrap()];
    assert!(
        table.contains("<th scope=\"col\">Lao Cai</th>")
            && table.contains("<th scope=\"col\">Yen Bai</th>")
    );
    // A value for each former province in every component's row: none says "no data".
    let rows = table.matches("<tr data-component=").count();
    assert!(rows >= 8, "{rows} components");
    assert_eq!(table.matches("data-code=\"10\"").count(), rows);
    assert_eq!(table.matches("data-code=\"15\"").count(), rows);
    assert!(!table.contains("no data"), "{table}");
    assert!(
        !html.contains("id=\"breakdown-table\""),
        "not the empty table of the 2025 province"
    );
    // Its values cite their sources like the province's own.
    assert!(table.contains("href=\"#source-"), "{table}");
    // In Vietnamese too; and a former province keeps its own table.
    let vi = render_profile("view=profile&province=n15&index=papi&year=2024");
    assert!(
        vi.contains("Dưới đây là số liệu thành phần của chính từng tỉnh cũ"),
        "{vi}"
    );
    let own = render_profile("view=profile&province=15&index=papi&year=2024");
    assert!(own.contains("id=\"breakdown-table\"") && !own.contains("former-breakdown-table"));
}

#[test]
fn the_province_picker_shows_the_chosen_province() {
    // The search box's `<input …>` element.
    let input = |html: &str| {
        let at = html.find("id=\"profile-search\"").expect("the picker");
        let start = html[..at].rfind("<input").unwrap();
        html[start..at + html[at..].find('>').unwrap()].to_string()
    };
    let html = render_profile("view=profile&province=n15&index=papi&year=2024");
    let picker = input(&html);
    assert!(picker.contains("value=\"Lào Cai (từ 2025)\""), "{picker}");
    let picker = input(&render_profile("view=profile"));
    assert!(!picker.contains("value=\"L"), "{picker}");
}
