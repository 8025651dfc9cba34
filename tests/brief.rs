//! The committee's brief: its figures (standing, change decomposition, rank passes, one more
//! point) and its sentences, against the bundled data and against hand-computed test data.

mod common;

use chiso::analysis::brief::{decompose, standings, units_summary, NoDecomposition};
use chiso::analysis::ranking::RankKind;
use chiso::data::model::*;
use chiso::data::units::{UnitScore, UnitType};
use chiso::i18n::Lang;
use chiso::render::brief::text::{footnotes, plain_text, sentences, Section, SourceRef};

const SON_LA: &str = "14";

fn son_la_units(lang: Lang) -> Vec<String> {
    let d = common::bundled();
    let units = units_summary(&d.unit_scores, "Sơn La", 2022);
    sentences(&d, lang, SON_LA, 2022, &[], &units)
        .into_iter()
        .filter(|s| s.section == Section::Units)
        .map(|s| s.text)
        .collect()
}

#[test]
fn son_la_2022_departments_in_the_reports_words() {
    let vi = son_la_units(Lang::Vi);
    let departments = &vi[0];
    assert!(
        departments.starts_with("Tổng điểm trung bình Chỉ số CCHC năm 2022 của các sở, ban, ngành đạt 91,19/100 điểm, giảm 1,76 điểm so với năm 2021"),
        "{departments}"
    );
    assert!(
        departments.contains("có 11 đơn vị đạt kết quả trên mức trung bình"),
        "{departments}"
    );
    assert!(
        departments.contains("Sở Giao thông Vận tải đứng đầu với 96,79 điểm"),
        "{departments}"
    );
    // The 2021 average is derived by the source from the stated change: the sentence says so.
    assert!(departments.contains("suy ra"), "{departments}");
    let en = son_la_units(Lang::En);
    assert!(
        en[0].contains("91.19/100 points, down 1.76 points on 2021"),
        "{}",
        en[0]
    );
    assert!(
        en[0].contains("Sở Giao thông Vận tải came first with 96.79 points"),
        "{}",
        en[0]
    );
    // SIPAS: two departments tied at the top are named together.
    assert!(
        vi[1]
            .contains("Ban Dân tộc và Ban Quản lý các khu công nghiệp tỉnh cùng đứng đầu với 100%"),
        "{}",
        vi[1]
    );
    // Districts too.
    assert!(vi
        .iter()
        .any(|s| s.contains("các huyện, thành phố đạt 87,94/100 điểm, tăng 0,37 điểm")));
}

#[test]
fn son_la_2022_standing_is_footnoted_and_names_what_is_missing() {
    let d = common::bundled();
    let st = standings(&d, SON_LA, 2022);
    let keys: Vec<&str> = st.iter().map(|s| s.index.as_str()).collect();
    assert_eq!(keys, ["par", "sipas", "papi"]);
    let text = sentences(&d, Lang::Vi, SON_LA, 2022, &st, &[]);
    let par = &text[0];
    assert!(
        par.text
            .contains("PAR INDEX của Sơn La đạt 86,78%, xếp thứ 13/63"),
        "{}",
        par.text
    );
    assert!(par.text.contains("tăng 2 bậc"), "{}", par.text);
    assert!(!par.sources.is_empty());
    // PAPI publishes no ranks: the position says it is computed.
    let papi = text
        .iter()
        .find(|s| s.text.contains("PAPI của Sơn La"))
        .unwrap();
    assert!(
        papi.text.contains("không phải xếp hạng chính thức"),
        "{}",
        papi.text
    );
    assert!(text
        .iter()
        .any(|s| s.text == "Năm 2022 không có số liệu PCI của Sơn La."));
    // PAR INDEX has no component figures for Sơn La in 2021 and 2022: said, not left empty.
    assert!(text.iter().any(|s| s.section == Section::Why
        && s.text
            .starts_with("PAR INDEX: không có số liệu các chỉ số thành phần năm 2021, 2022")));
    // Footnotes number the sources in order of first use.
    let notes = footnotes(&text);
    let plain = plain_text(&text, &notes);
    assert!(
        plain.lines().next().unwrap().ends_with("[1]")
            || plain.lines().next().unwrap().contains("[1]")
    );
    assert_eq!(plain.lines().count(), text.len());
}

#[test]
fn pci_change_is_decomposed_with_the_weights_that_reproduce_the_totals() {
    let d = common::bundled();
    let v = |y: u16, k: &str| d.value("pci", y, k, SON_LA).unwrap();
    let change = v(2016, "total") - v(2015, "total");
    let dec = decompose(&d, "pci", (2015, 2016), change, SON_LA).unwrap();
    assert!(dec.weighted && dec.sums_to_total);
    // Business support weighs 20%: on a 0-10 sub-index for a 0-100 total, 2 points per point.
    let first = &dec.components[0];
    assert_eq!(first.component, "business_support");
    let by_hand = 2.0 * (v(2016, "business_support") - v(2015, "business_support"));
    assert!((first.part.unwrap() - by_hand).abs() < 1e-9);
    let sum: f64 = dec.components.iter().filter_map(|c| c.part).sum();
    assert!((sum - change).abs() < 1e-3, "{sum} vs {change}");
    // 2011's totals are not the weighted sum of its sub-indices (data/pci/README.md): the
    // change is shown component by component, not as parts of the total.
    let c11 = v(2011, "total") - v(2010, "total");
    let dec = decompose(&d, "pci", (2010, 2011), c11, SON_LA).unwrap();
    assert!(!dec.sums_to_total && !dec.weighted);
}

fn test_dataset() -> Dataset {
    let mut d = common::tiny();
    let comp = |key: &str| ComponentMeta {
        scale_min: 1.0,
        scale_max: 10.0,
        ..common::component(key)
    };
    d.indices[0].key = "papi".into();
    d.indices[0].method_breaks = Vec::new();
    d.indices[0].years = vec![
        YearMeta {
            year: 2020,
            components: vec![common::component("total"), comp("a"), comp("b")],
            components_file: None,
        },
        YearMeta {
            year: 2021,
            components: vec![common::component("total"), comp("a"), comp("b"), comp("c")],
            components_file: None,
        },
    ];
    let p = |c: &str, v: f64| common::point(c, Some(v), None);
    let series = |year: u16, component: &str, points: Vec<Point>| Series {
        index: "papi".into(),
        year,
        component: component.into(),
        points,
    };
    d.national.clear();
    d.series = vec![
        // 2020: province 02 is 3 + 4 = 7.
        series(
            2020,
            "total",
            vec![p("01", 9.0), p("02", 7.0), p("03", 8.0), p("04", 6.0)],
        ),
        series(
            2020,
            "a",
            vec![p("01", 5.0), p("02", 3.0), p("03", 4.0), p("04", 3.0)],
        ),
        series(
            2020,
            "b",
            vec![p("01", 4.0), p("02", 4.0), p("03", 4.0), p("04", 3.0)],
        ),
        // 2021: 02 is 5 + 3.5 + 0.3 = 8.8 (a +2, b −0.5, c new); b at 9.5 elsewhere for the cap.
        series(
            2021,
            "total",
            vec![p("01", 9.5), p("02", 8.8), p("03", 9.2), p("04", 11.0)],
        ),
        series(
            2021,
            "a",
            vec![p("01", 5.0), p("02", 5.0), p("03", 4.0), p("04", 1.0)],
        ),
        series(
            2021,
            "b",
            vec![p("01", 4.0), p("02", 3.5), p("03", 4.2), p("04", 9.5)],
        ),
        series(
            2021,
            "c",
            vec![p("01", 0.5), p("02", 0.3), p("03", 1.0), p("04", 0.5)],
        ),
    ];
    d
}

#[test]
fn papi_change_by_hand_with_a_component_missing_in_one_year() {
    let d = test_dataset();
    let dec = decompose(&d, "papi", (2020, 2021), 1.8, "02").unwrap();
    let parts: Vec<(&str, Option<f64>)> = dec
        .components
        .iter()
        .map(|c| (c.component.as_str(), c.part))
        .collect();
    assert_eq!(parts[0].0, "a");
    assert!((parts[0].1.unwrap() - 2.0).abs() < 1e-9);
    assert_eq!(parts[1].0, "b");
    assert!((parts[1].1.unwrap() + 0.5).abs() < 1e-9);
    // c exists only in 2021: listed last, without a part, and named in the sentence.
    assert_eq!(parts[2], ("c", None));
    assert!(!dec.sums_to_total, "the parts differ between the years");
    let st = standings(&d, "02", 2021);
    let why = sentences(&d, Lang::En, "02", 2021, &st, &[])
        .into_iter()
        .find(|s| s.section == Section::Why)
        .unwrap();
    assert!(why.text.contains("mostly from a (+2.00)"), "{}", why.text);
    assert!(why.text.contains("missing: c (2020)"), "{}", why.text);
    // No components at all in the earlier year: said so.
    let mut bare = d.clone();
    bare.series
        .retain(|s| s.year == 2021 || s.component == "total");
    assert_eq!(
        decompose(&bare, "papi", (2020, 2021), 1.8, "02"),
        Err(NoDecomposition::NoComponents(vec![2020]))
    );
}

#[test]
fn one_more_point_against_a_hand_computed_ranking() {
    let d = test_dataset();
    // 2021 totals: 04 11.0, 01 9.5, 03 9.2, 02 8.8 → 02 is 4th. Its parts a 5 + b 3.5 + c 0.3.
    let st = standings(&d, "02", 2021);
    let s = &st[0];
    assert_eq!(s.row.position, Some(4));
    let by = |k: &str| s.scenarios.iter().find(|x| x.component == k).unwrap();
    // +1 in any part: 9.8 passes 01 (9.5) and 03 (9.2) → 2nd.
    assert_eq!((by("a").position_now, by("a").position_then), (4, 2));
    assert_eq!(by("c").position_then, 2);
    // Province 04 has b at 9.5 of 10: only 0.5 can be added.
    let st4 = standings(&d, "04", 2021);
    let b4 = st4[0]
        .scenarios
        .iter()
        .find(|x| x.component == "b")
        .unwrap();
    assert!((b4.added - 0.5).abs() < 1e-9);
    let text = sentences(&d, Lang::Vi, "02", 2021, &st, &[]);
    let scenario = text
        .iter()
        .find(|t| t.section == Section::Scenario)
        .unwrap();
    assert!(
        scenario.text.starts_with("Giả định (không phải dự báo)"),
        "{}",
        scenario.text
    );
    assert!(
        scenario
            .text
            .contains("đứng thứ 2 thay vì thứ 4 trong 4 tỉnh có số liệu"),
        "{}",
        scenario.text
    );
    // Rank passes between 2020 (01, 03, 02, 04) and 2021 (04, 01, 03, 02): 02 was passed by 04.
    let passes = st[0].passes.as_ref().unwrap();
    assert_eq!(passes.kind, RankKind::Computed);
    assert_eq!(passes.passed_by, ["04"]);
    assert!(passes.passed.is_empty());
}

fn units_text(
    d: &Dataset,
    lang: Lang,
    units: &[chiso::analysis::brief::BlockSummary],
) -> chiso::render::brief::text::Sentence {
    sentences(d, lang, SON_LA, 2022, &[], units)
        .into_iter()
        .find(|s| s.section == Section::Units)
        .unwrap()
}

fn unit(
    unit_type: UnitType,
    unit: &str,
    metric: &str,
    value: Option<f64>,
    band: (Option<f64>, Option<f64>),
    derived: bool,
) -> UnitScore {
    UnitScore {
        province: "Test".into(),
        year: 2022,
        unit_type,
        unit: unit.into(),
        metric: metric.into(),
        value,
        low: band.0,
        high: band.1,
        measure: Some("points_of_100".into()),
        note: None,
        note_vi: None,
        derived,
        source: "test_file.csv".into(),
    }
}

#[test]
fn bands_and_derived_figures_are_never_stated_as_exact() {
    let d = common::bundled();
    let scores = vec![
        unit(
            UnitType::DepartmentBlock,
            "Sở",
            "par_index_average",
            Some(88.5),
            (None, None),
            true,
        ),
        unit(
            UnitType::Department,
            "Sở A",
            "par_index",
            None,
            (Some(90.0), Some(95.0)),
            false,
        ),
        unit(
            UnitType::Department,
            "Sở B",
            "par_index",
            Some(89.0),
            (None, None),
            false,
        ),
    ];
    let units = units_summary(&scores, "Test", 2022);
    assert_eq!(units.len(), 1);
    for (lang, band, derived) in [
        (Lang::Vi, "trong khoảng 90–95 điểm", "(số liệu suy ra)"),
        (Lang::En, "in the band 90–95 points", "(a derived figure)"),
    ] {
        let text = &units_text(&d, lang, &units);
        assert!(text.text.contains(band), "{}", text.text);
        assert!(
            !text.text.contains("90,00")
                && !text.text.contains("92.5")
                && !text.text.contains("92,5"),
            "{}",
            text.text
        );
        assert_eq!(text.sources, [SourceRef::Report("test_file.csv".into())]);
        // The block's own figure is derived: without a change there is nothing to flag there,
        // but a derived top unit is flagged.
        let mut derived_top = scores.clone();
        derived_top[2].derived = true;
        derived_top.remove(1);
        let units = units_summary(&derived_top, "Test", 2022);
        let text = &units_text(&d, lang, &units);
        assert!(text.text.contains(derived), "{}", text.text);
    }
}

#[test]
fn the_document_has_no_empty_section_and_says_what_is_missing() {
    use chiso::render::brief::doc::document;
    let d = common::bundled();
    let full = document(&d, Lang::Vi, SON_LA, 2022, "2026-12-02", &[]);
    let ids: Vec<&str> = full.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "brief-standing",
            "brief-years",
            "brief-why",
            "brief-lost",
            "brief-scenario",
            "brief-units"
        ]
    );
    assert!(full.meta.starts_with("Lập ngày 2/12/2026"));
    assert!(full
        .sections
        .iter()
        .all(|s| !s.paragraphs.is_empty() || !s.tables.is_empty()));
    assert_eq!(full.sections[0].tables[0].rows.len(), 3);
    assert!(full.plain.contains("91,19/100 điểm") && full.plain.contains("[1] "));
    // Vĩnh Phúc (26) has no figure on any index in 2024 (PAPI 2024 classified 61 provinces).
    let none = document(&d, Lang::En, "26", 2024, "", &[]);
    assert_eq!(none.sections.len(), 1, "{:?}", none.sections);
    let said: Vec<&str> = none.sections[0]
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        said[0],
        "No 2024 figures for Vinh Phuc on PAR INDEX, SIPAS, PAPI, PCI."
    );
    // With the reasons the dataset gives, the province's own first.
    assert!(said.contains(&"PAPI: The official file has zeros (missing data); PAPI 2024 classified only 61 provinces."), "{said:?}");
}

#[test]
fn the_document_goes_to_the_docx_writer_as_json_unchanged() {
    use chiso::render::brief::doc::{document, BriefDoc};
    let d = common::bundled();
    let doc = document(&d, Lang::Vi, SON_LA, 2022, "2026-12-02", &[]);
    assert!(doc
        .sections
        .iter()
        .any(|s| s.tables.iter().any(|t| t.chart.is_some())));
    assert_eq!(BriefDoc::from_json(&doc.to_json()), Ok(doc));
    assert!(BriefDoc::from_json("[1,2]").is_err());
}

#[test]
fn the_docx_holds_headings_sentences_and_tables() {
    use chiso::render::brief::doc::document;
    use chiso::render::brief::docx::to_docx;
    use std::io::Read;
    let d = common::bundled();
    let doc = document(&d, Lang::Vi, SON_LA, 2022, "2026-12-02", &[]);
    let bytes = to_docx(&doc, Vec::new()).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains("w:val=\"Heading1\"") && xml.contains("w:val=\"Heading2\""));
    assert!(xml.contains("91,19/100 điểm, giảm 1,76 điểm so với năm 2021"));
    // One Word table per table of the document.
    let tables: usize = doc.sections.iter().map(|s| s.tables.len()).sum();
    assert_eq!(xml.matches("<w:tbl>").count(), tables);
}

#[test]
fn the_header_is_told_apart_from_the_sections_which_a_brief_built_ahead_shares() {
    use chiso::render::brief::doc::{document, split_header, to_html};
    let d = common::bundled();
    let dated = to_html(&document(&d, Lang::Vi, SON_LA, 2022, "2026-12-02", &[]));
    let built = to_html(&document(&d, Lang::Vi, SON_LA, 2022, "", &[]));
    let (header, sections) = split_header(&dated);
    assert!(header.starts_with("<header") && header.ends_with("</header>"));
    assert!(header.contains("2/12/2026") && sections.starts_with("<section"));
    assert_eq!(sections, split_header(&built).1);
    assert_ne!(header, split_header(&built).0);
    assert_eq!(split_header("<p>x</p>"), ("", "<p>x</p>"));
}

#[test]
fn the_page_html_escapes_every_text_and_keeps_the_ids_the_page_links_to() {
    use chiso::render::brief::doc::{document, to_html, DocParagraph};
    let d = common::bundled();
    let mut doc = document(&d, Lang::Vi, SON_LA, 2022, "2026-12-02", &[]);
    doc.sections[0].paragraphs.push(DocParagraph {
        text: "<script>x</script> & \"q\"".into(),
        notes: vec![1],
    });
    doc.sections[0].tables[0].rows[0][0].text = "<b>".into();
    let html = to_html(&doc);
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot;"));
    assert!(html.contains("<th scope=\"row\">&lt;b&gt;</th>"));
    assert!(!html.contains("<script") && !html.contains("<b>"));
    for id in [
        "brief-title",
        "brief-standing",
        "brief-standing-table",
        "brief-units-table",
        "brief-notes",
        "brief-note-1",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
    }
    assert!(html.contains("<a href=\"#brief-note-1\">[1]</a>"));
}

#[test]
fn the_brief_draws_each_index_over_the_years_and_why_it_moved_with_their_tables() {
    use chiso::render::brief::doc::{document, to_html};
    let d = common::bundled();
    let doc = document(&d, Lang::Vi, SON_LA, 2022, "2026-12-02", &[]);
    let years = doc.sections.iter().find(|s| s.id == "brief-years").unwrap();
    assert_eq!(years.title, "Qua các năm");
    let ids: Vec<&str> = years.tables.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        ["brief-years-par", "brief-years-sipas", "brief-years-papi"]
    );
    // The chart's figures are in its table too: PAR INDEX 2022 86,78 and the national 84,79.
    let par = &years.tables[0];
    assert_eq!(par.head, ["Năm", "Sơn La", "Bình quân cả nước"]);
    let last: Vec<&str> = par
        .rows
        .last()
        .unwrap()
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(last, ["2022", "86,78", "84,79"]);
    // Each figure is kept beside its text, for the workbook.
    let values: Vec<Option<f64>> = par.rows.last().unwrap().iter().map(|c| c.value).collect();
    assert_eq!(values, [Some(2022.0), Some(86.78), Some(84.79)]);
    assert!(par
        .rows
        .iter()
        .all(|r| r[0].text.parse::<u16>().unwrap() <= 2022));
    let chart = par.chart.as_ref().unwrap();
    assert_eq!(chart.title, "PAR INDEX của Sơn La qua các năm");
    assert_eq!(
        chart
            .key
            .iter()
            .map(|k| k.name.as_str())
            .collect::<Vec<_>>(),
        ["Sơn La", "Bình quân cả nước"]
    );
    assert!(
        chart.description.contains("86,78 (2022)"),
        "{}",
        chart.description
    );
    assert!(
        chart.svg.starts_with("<svg") && chart.svg.contains("<polyline"),
        "{}",
        &chart.svg[..200]
    );
    // Why PAPI moved: a bar per component with a part, as in the table beside it.
    let why = doc.sections.iter().find(|s| s.id == "brief-why").unwrap();
    let papi = why
        .tables
        .iter()
        .find(|t| t.id == "brief-why-papi")
        .unwrap();
    let bars = papi.chart.as_ref().unwrap();
    assert!(bars.title.starts_with("PAPI: "), "{}", bars.title);
    assert!(bars.title.ends_with("2021 → 2022"), "{}", bars.title);
    let with_part = papi
        .rows
        .iter()
        .filter(|r| r[3].text != "Không có số liệu")
        .count();
    assert_eq!(chiso::render::chart::count_bars(&bars.svg), with_part);
    for r in papi.rows.iter().filter(|r| r[3].text != "Không có số liệu") {
        let name = &r[0].text;
        assert!(
            bars.svg.contains(name) || bars.svg.contains(&chiso::text::escape_xml(name)),
            "{name} not drawn"
        );
    }
    // On screen (and in print) they are inline SVG figures with a title and a description.
    let html = to_html(&doc);
    for id in [
        "brief-chart-years-par",
        "brief-chart-years-sipas",
        "brief-chart-years-papi",
        "brief-chart-why-papi",
    ] {
        assert!(
            html.contains(&format!("<figure class=\"chart brief-chart\" id=\"{id}\">")),
            "{id}"
        );
        assert!(
            html.contains(&format!("aria-describedby=\"{id}-desc\"")),
            "{id}"
        );
    }
}

#[test]
fn every_text_in_the_brief_charts_is_escaped() {
    use chiso::render::brief::doc::{document, to_html};
    let mut d = test_dataset();
    for y in &mut d.indices[0].years {
        for c in &mut y.components {
            if c.key == "a" {
                c.name_en = "<a & \"b\">".into();
            }
        }
    }
    d.provinces[1].name_en = "<script>x</script>".into();
    let doc = document(&d, Lang::En, "02", 2021, "", &[]);
    let html = to_html(&doc);
    let why = &doc
        .sections
        .iter()
        .find(|s| s.id == "brief-why")
        .unwrap()
        .tables[0];
    let svg = &why.chart.as_ref().unwrap().svg;
    assert!(svg.contains("&lt;a &amp; &quot;b&quot;&gt;"), "{svg}");
    assert!(!svg.contains("<a ") && !html.contains("<script>") && !html.contains("<a & "));
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"));
}

/// A PNG of one white pixel (test data: a chart as the page would draw it).
const TEST_PNG: [u8; 69] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xff, 0xff, 0x3f,
    0x00, 0x05, 0xfe, 0x02, 0xfe, 0xa7, 0x35, 0x81, 0x84, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
];

/// The parts of a .docx by name (text parts as text, images as their size).
fn docx_parts(bytes: Vec<u8>) -> std::collections::BTreeMap<String, String> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let mut raw = Vec::new();
            file.read_to_end(&mut raw).unwrap();
            let text = if file.name().ends_with(".png") {
                format!("{} bytes", raw.len())
            } else {
                String::from_utf8(raw).unwrap()
            };
            (file.name().to_string(), text)
        })
        .collect()
}

#[test]
fn the_docx_repeats_table_headers_footnotes_each_sentence_and_holds_the_charts() {
    use chiso::render::brief::doc::document;
    use chiso::render::brief::docx::{to_docx, ChartImage};
    let d = common::bundled();
    let doc = document(&d, Lang::Vi, SON_LA, 2022, "2026-12-02", &[]);
    let chart = |id: &str| ChartImage {
        id: id.into(),
        png: TEST_PNG.to_vec(),
        width: 640,
        height: 260,
    };
    let parts = docx_parts(
        to_docx(
            &doc,
            vec![
                chart("brief-chart-years-par"),
                chart("brief-chart-why-papi"),
            ],
        )
        .unwrap(),
    );
    let xml = &parts["word/document.xml"];
    // Every table's header row repeats on each page.
    let tables: usize = doc.sections.iter().map(|s| s.tables.len()).sum();
    assert_eq!(xml.matches("<w:tblHeader />").count(), tables);
    // Each sentence with sources has a Word footnote naming them, numbered by Word.
    let notes = &parts["word/footnotes.xml"];
    let sentences = doc
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .filter(|p| !p.notes.is_empty())
        .count();
    assert_eq!(xml.matches("<w:footnoteReference ").count(), sentences);
    assert_eq!(notes.matches("<w:footnoteRef />").count(), sentences);
    assert!(notes.contains(&doc.notes[0]), "{}", &notes[..500]);
    assert!(!xml.contains("[1]"), "no hand-made note marks left");
    assert!(parts["word/_rels/document.xml.rels"].contains("footnotes.xml"));
    assert!(parts["word/styles.xml"].contains("w:styleId=\"FootnoteReference\""));
    // The charts given are images, after their titles; the others are left out.
    let images: Vec<&String> = parts
        .keys()
        .filter(|k| k.starts_with("word/media/") && k.ends_with(".png"))
        .collect();
    assert_eq!(
        images.len(),
        1,
        "the same test picture twice is stored once: {images:?}"
    );
    assert_eq!(xml.matches("<pic:pic").count(), 2);
    assert!(xml.contains("PAR INDEX của Sơn La qua các năm"));
    // The key's markers in their lines' colours.
    assert!(
        xml.contains("<w:color w:val=\"A87400\" />"),
        "the national average's orange"
    );
    assert!(!xml.contains("PAPI của Sơn La qua các năm"));
}

#[test]
fn the_users_unit_file_for_the_province_is_used_beside_the_bundled_report_with_its_name_and_lines()
{
    use chiso::data::user_files::import::import;
    use chiso::data::user_files::index_table::Reference;
    use chiso::render::brief::doc::document;
    let d = common::bundled();
    // Read as the import worker reads it; "Son La" is Sơn La written without its diacritics.
    let file = "province,year,unit_type,unit,metric,value,low,high\n\
        Điện Biên,2022,department_block,\"Sở, ban, ngành\",par_index_average,70,,\n\
        Son La,2022,department_block,\"Sở, ban, ngành\",par_index_average,90.55,,\n\
        Son La,2022,department,Sở Khác,par_index,84,,\n\
        Son La,2022,department,Sở Thử nghiệm,par_index,97.25,,\n";
    let read = import("test_own_units.csv", file.as_bytes(), Reference::default()).unwrap();
    assert_eq!(read.score_lines, [2, 3, 4, 5]);
    let own: Vec<(UnitScore, u64)> = read.scores.into_iter().zip(read.score_lines).collect();
    let doc = document(&d, Lang::Vi, SON_LA, 2022, "2026-12-02", &own);
    let units = doc.sections.iter().find(|s| s.id == "brief-units").unwrap();
    let table = &units.tables[0];
    assert_eq!(table.head.last().unwrap(), "Nguồn");
    // The bundled report's rows first, then the user's, which name the file and the lines used:
    // the block's figure (line 3) and the top unit (line 5).
    assert!(
        table.rows[0].last().unwrap().text.starts_with("Báo cáo "),
        "{:?}",
        table.rows[0]
    );
    let mine: Vec<&Vec<_>> = table
        .rows
        .iter()
        .filter(|r| r.last().unwrap().text.contains("test_own_units.csv"))
        .collect();
    assert_eq!(mine.len(), 1, "{:?}", table.rows);
    assert_eq!(
        mine[0].last().unwrap().text,
        "Tệp của bạn: test_own_units.csv, các dòng 3, 5"
    );
    assert_eq!(mine[0][2].text, "90,55");
    assert!(
        mine[0][6].text.contains("Sở Thử nghiệm (97,25"),
        "{:?}",
        mine[0]
    );
    assert!(
        !table.rows.iter().any(|r| r[2].text == "70,00"),
        "another province's rows are left out"
    );
    // Its sentence is footnoted to the file.
    let sentence = units
        .paragraphs
        .iter()
        .find(|p| p.text.contains("90,55"))
        .unwrap();
    assert!(
        sentence
            .text
            .contains("Sở Thử nghiệm đứng đầu với 97,25 điểm"),
        "{}",
        sentence.text
    );
    assert_eq!(
        doc.notes[sentence.notes[0] as usize - 1],
        "Tệp của bạn: test_own_units.csv"
    );
    // The bundled report's sentences are still there.
    assert!(units
        .paragraphs
        .iter()
        .any(|p| p.text.contains("91,19/100 điểm")));
}
