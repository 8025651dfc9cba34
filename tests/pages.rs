//! The pages built ahead (chiso::ui::built_pages::pages): their HTML, slugs, preview images and sitemap.
mod common;

use chiso::data::model::Dataset;
use chiso::i18n::Lang;
use chiso::render::preview::{card_svg, fonts, to_png, FONTS_DIR, HEIGHT, WIDTH};
use chiso::ui::built_pages::pages::{
    english_root, first_view_page, page_body, page_html, pages, robots, root_html, site_url,
    sitemap, Page, DEFAULT_SITE_URL,
};
use chiso::ui::built_pages::paths::{
    brief_path, in_lang, lang_of, page_of, page_query, province_path, province_slug,
};
use chiso::ui::state::{Selection, View};
use std::collections::HashSet;
use std::rc::Rc;

const SITE: &str = "https://example.org/chiso/";

/// The repository's index.html: what Trunk's build keeps of it around the loading line.
fn template() -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html"))
        .unwrap()
}

fn page<'a>(all: &'a [Page], path: &str) -> &'a Page {
    all.iter()
        .find(|p| p.path == path)
        .unwrap_or_else(|| panic!("no page {path}"))
}

/// Asserts that `html` holds each of `parts`.
fn assert_has(html: &str, parts: &[&str]) {
    for part in parts {
        assert!(
            html.contains(part),
            "{part} in {}",
            &html[..html.len().min(3000)]
        );
    }
}

fn built(dataset: Dataset, path: &str) -> String {
    let all = pages(&dataset);
    let dataset = Rc::new(dataset);
    let page = page(&all, path);
    page_html(&template(), page, &page_body(&dataset, page), SITE).unwrap()
}

#[test]
fn a_province_page_holds_its_profile_and_its_head() {
    let html = built(common::bundled(), "tinh/son-la/");
    // The profile, drawn by the app's components before any script.
    assert!(html.contains("id=\"profile\""));
    assert_eq!(html.matches("class=\"index-card\"").count(), 4);
    assert!(
        html.contains("<h2 id=\"profile-name\">Sơn La</h2>"),
        "the profile's heading"
    );
    assert!(html.contains("id=\"peers-table\""));
    // The neighbours' names link to their pages (relative to the root, which the base names).
    assert!(
        html.contains(
            "<a href=\"tinh/dien-bien/\" data-code=\"11\" class=\"province-link\">Điện Biên</a>"
        ),
        "{html}"
    );
    assert!(html.contains("43,89"), "PAPI 2024");
    assert!(!html.contains("class=\"loading\""));
    // Its links within the page name the page (the base names the root).
    assert!(html.contains("href=\"tinh/son-la/#source-"));
    assert!(!html.contains("href=\"#"));
    // Its head.
    assert!(html.contains("<base href=\"../../\">"));
    let base = html.find("<base").unwrap();
    assert!(
        base < html.find("<link").unwrap(),
        "the base comes before any address"
    );
    assert_eq!(html.matches("<title>").count(), 1);
    assert_eq!(html.matches("<meta name=\"description\"").count(), 1);
    assert_has(&html, &[
        "<title>Sơn La (đến 2024) – Hồ sơ tỉnh · chiso</title>",
        "<meta name=\"description\" content=\"Sơn La (đến 2024): PAR INDEX 2024: 90,02 · Xếp hạng chính thức: 12;",
        "PAPI 2024: 43,89 · Vị trí: 25/61 (tính toán)",
        "<link rel=\"canonical\" href=\"https://example.org/chiso/tinh/son-la/\">",
        "hreflang=\"vi\" href=\"https://example.org/chiso/tinh/son-la/\"",
        "hreflang=\"en\" href=\"https://example.org/chiso/en/tinh/son-la/\"",
        "hreflang=\"x-default\" href=\"https://example.org/chiso/tinh/son-la/\"",
        "<meta property=\"og:locale\" content=\"vi_VN\">",
        "<meta property=\"og:locale:alternate\" content=\"en_US\">",
        "<meta property=\"og:title\" content=\"Sơn La (đến 2024) – Hồ sơ tỉnh · chiso\">",
        "<meta property=\"og:description\" content=\"Sơn La (đến 2024): PAR INDEX",
        "<meta property=\"og:url\" content=\"https://example.org/chiso/tinh/son-la/\">",
        "<meta property=\"og:image\" content=\"https://example.org/chiso/tinh/son-la/preview.png\">",
        "<meta property=\"og:image:width\" content=\"1200\">",
        "<meta property=\"og:image:height\" content=\"630\">",
        "<meta name=\"twitter:card\" content=\"summary_large_image\">",
        "<meta name=\"twitter:image\" content=\"https://example.org/chiso/tinh/son-la/preview.png\">",
        // Without JavaScript, the note says what the page is.
        "Trang này cho thấy hồ sơ của Sơn La như đã dựng sẵn",
        // … and links to the page in English.
        "<a href=\"en/tinh/son-la/\" hreflang=\"en\" lang=\"en\">English</a></p></noscript>",
    ]);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"));
    assert!(!html.contains("This page shows"));
    // The app's scripts stay (Trunk's loader is added to this template by the build).
    assert!(html.contains("data-trunk rel=\"rust\""));
}

#[test]
fn a_province_brief_page_holds_the_brief_the_worker_writes_with_its_buttons_disabled() {
    let data = common::bundled();
    let year = Selection::initial(&data, Lang::Vi).year;
    let html = built(common::bundled(), "tinh/son-la/bao-cao/");
    let title = format!("Sơn La: báo cáo tóm tắt năm {year}");
    assert_has(
        &html,
        &[
            &format!("<title>{title} · chiso</title>"),
            &format!("<h2 id=\"brief-title\">{title}</h2>"),
            // Named, so that the app shows it until its worker has written the same.
            &format!("data-brief=\"14 {year} vi\" class=\"brief-doc\""),
            "id=\"brief-standing-table\"",
            // Nothing to copy, print or download before the app runs.
            "id=\"brief-copy\" disabled",
            "id=\"brief-print\" disabled",
            "id=\"brief-docx\" disabled",
            "id=\"brief-xlsx\" disabled",
            // The profile is a link of the app's, which a reader may follow at once.
            "id=\"brief-profile\" class=\"link\">",
            &format!("<link rel=\"canonical\" href=\"{SITE}tinh/son-la/bao-cao/\">"),
            // Previewed as the province's page.
            &format!("content=\"{SITE}tinh/son-la/preview.png\""),
            &format!("Trang này cho thấy báo cáo tóm tắt năm {year} của Sơn La như đã dựng sẵn"),
        ],
    );
    // Described by its first sentence, without its notes' marks.
    let all = pages(&data);
    let description = &page(&all, "tinh/son-la/bao-cao/").description;
    assert!(description.starts_with(&format!("Năm {year}, PAR INDEX của Sơn La đạt")));
    assert!(!description.contains('[') && description.chars().count() <= 201);
    // Hà Nội's, shorter, whole (its marks, `[1][2]` in the plain text, left out).
    let description = &page(&all, "tinh/ha-noi/bao-cao/").description;
    assert!(
        description.ends_with("(16/63 tỉnh có số liệu)."),
        "{description}"
    );
    // Undated: the worker dates the brief it writes.
    assert!(!html.contains("Lập ngày") && !html.contains("id=\"brief-loading\""));
    let english = built(common::bundled(), "en/tinh/son-la/bao-cao/");
    assert_has(
        &english,
        &[&format!("data-brief=\"14 {year} en\""), "brief for"],
    );
}

#[test]
fn a_brief_of_the_default_year_is_shared_as_its_page() {
    let data = common::bundled();
    let year = Selection::initial(&data, Lang::Vi).year;
    let at = |query: &str| {
        page_of(
            &Selection::from_address(&format!("?{query}"), &data, Lang::Vi),
            &data,
        )
    };
    assert_eq!(at("view=brief&province=14"), "tinh/son-la/bao-cao/");
    assert_eq!(
        at(&format!("view=brief&province=14&year={year}&lang=en")),
        "en/tinh/son-la/bao-cao/"
    );
    // Another year's brief has no page: the app's address with its query.
    assert_eq!(at("view=brief&province=14&year=2018"), "");
    let paths: HashSet<String> = pages(&data).into_iter().map(|p| p.path).collect();
    for p in &data.provinces {
        assert_eq!(
            page_query(&brief_path(p), &data).unwrap(),
            format!("view=brief&province={}", p.code)
        );
        assert!(paths.contains(&brief_path(p)), "{}", p.code);
        let s = Selection::from_address(&brief_path(p), &data, Lang::Vi);
        assert_eq!(
            (s.view, s.province.as_deref()),
            (View::Brief, Some(p.code.as_str()))
        );
    }
    // Nothing deeper is a page.
    assert_eq!(page_query("tinh/son-la/bao-cao/x/", &data), None);
    assert_eq!(page_query("chi-so/papi/bao-cao/", &data), None);
}

#[test]
fn a_2025_province_page_names_its_former_provinces() {
    let html = built(common::bundled(), "tinh/lao-cai-2025/");
    assert!(
        html.contains("<title>Lào Cai (từ 2025: Lào Cai, Yên Bái) – Hồ sơ tỉnh · chiso</title>")
    );
    assert!(html.contains("Chưa có kết quả từ năm 2025. Các tỉnh cũ: Lào Cai, Yên Bái"));
    assert!(html.contains("id=\"former-provinces\""));
}

#[test]
fn a_province_profile_is_shared_as_its_page_and_other_views_as_the_app() {
    let data = common::bundled();
    let at = |query: &str| {
        page_of(
            &Selection::from_address(&format!("?{query}"), &data, Lang::Vi),
            &data,
        )
    };
    assert_eq!(
        at("view=profile&province=14&index=pci&year=2018"),
        "tinh/son-la/"
    );
    assert_eq!(at("view=profile&province=n14"), "tinh/son-la-2025/");
    assert_eq!(at("view=rankings&index=papi"), "");
    assert_eq!(at("view=trends&provinces=14"), "");
    // Every page so found is one the build writes.
    let paths: HashSet<String> = pages(&data).into_iter().map(|p| p.path).collect();
    for p in &data.provinces {
        assert!(
            paths.contains(&at(&format!("view=profile&province={}", p.code))),
            "{}",
            p.code
        );
    }
}

#[test]
fn the_root_previews_as_its_first_view_and_keeps_its_title() {
    let data = common::bundled();
    let all = pages(&data);
    let first = first_view_page(&data, &all, Lang::Vi).expect("a page for the first view");
    let initial = Selection::initial(&data, Lang::Vi);
    assert_eq!(first.path, format!("chi-so/{}/", initial.index));
    let html = root_html(&template(), first, SITE).unwrap();
    assert_has(
        &html,
        &[
            "<title>chiso – PAR INDEX, SIPAS, PAPI, PCI</title>",
            &format!("<link rel=\"canonical\" href=\"{SITE}\">"),
            &format!("<link rel=\"alternate\" hreflang=\"vi\" href=\"{SITE}\">"),
            &format!("<link rel=\"alternate\" hreflang=\"en\" href=\"{SITE}en/\">"),
            &format!("<link rel=\"alternate\" hreflang=\"x-default\" href=\"{SITE}\">"),
            "<meta property=\"og:title\" content=\"chiso – PAR INDEX, SIPAS, PAPI, PCI\">",
            "Vietnam&#39;s provincial governance indices\">",
            &format!(
                "<meta property=\"og:image\" content=\"{SITE}{}preview.png\">",
                first.path
            ),
            &format!(
                "<meta name=\"twitter:image\" content=\"{SITE}{}preview.png\">",
                first.path
            ),
            // The first view is put in later (scripts/prerender.mjs), and no base is added.
            "<p class=\"loading\" role=\"status\">",
        ],
    );
    assert!(!html.contains("<base"));
    assert_eq!(html.matches("<title>").count(), 1);
}

#[test]
fn an_index_page_holds_its_latest_ranking() {
    let data = common::bundled();
    let html = built(data, "chi-so/pci/");
    assert_has(
        &html,
        &[
            "<title>Xếp hạng PCI 2024 · chiso</title>",
            "id=\"rankings-table\"",
            "<option value=\"pci\" selected=\"selected\">PCI</option>",
            "<meta name=\"description\" content=\"Xếp hạng PCI 2024 – ",
            "Trang này cho thấy bảng xếp hạng PCI mới nhất",
        ],
    );
}

#[test]
fn every_data_string_is_escaped() {
    let mut data = common::bundled();
    let evil = "Sơn La <script>\"x\"&</script>";
    let son_la = data.provinces.iter_mut().find(|p| p.code == "14").unwrap();
    son_la.name_vi = evil.into();
    son_la.name_en = evil.into();
    let html = built(data, "tinh/son-la/");
    assert!(!html.contains("<script>\"x\""));
    assert!(html.contains("Sơn La &lt;script&gt;&quot;x&quot;&amp;&lt;/script&gt;"));
    // In the head's attributes too.
    assert!(html
        .contains("content=\"Sơn La &lt;script&gt;&quot;x&quot;&amp;&lt;/script&gt; (đến 2024): "));
    let page = pages(&common::bundled())
        .into_iter()
        .find(|p| p.path == "tinh/son-la/")
        .unwrap();
    let mut card = page.preview;
    card.title = evil.into();
    assert!(card_svg(&card).contains("Sơn La &lt;script&gt;&quot;x&quot;&amp;&lt;/script&gt;"));
}

#[test]
fn slugs_are_unique_readable_and_stable() {
    let data = common::bundled();
    let slugs: Vec<String> = data.provinces.iter().map(province_slug).collect();
    assert_eq!(slugs.len(), 98, "63 provinces, Hà Tây and the 34 of 2025");
    assert_eq!(
        slugs.iter().collect::<HashSet<_>>().len(),
        slugs.len(),
        "unique"
    );
    for slug in &slugs {
        assert!(
            slug.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{slug}"
        );
        assert!(
            !slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"),
            "{slug}"
        );
    }
    let slug = |code: &str| province_slug(data.province(code).unwrap());
    // Stable: these addresses are shared and indexed.
    assert_eq!(slug("14"), "son-la");
    assert_eq!(slug("77"), "ba-ria-vung-tau");
    assert_eq!(slug("79"), "ho-chi-minh");
    assert_eq!(slug("10"), "lao-cai");
    assert_eq!(slug("n15"), "lao-cai-2025");
    assert_eq!(slug("n14"), "son-la-2025");
    // Every page's path leads back to its province.
    for p in &data.provinces {
        let query = page_query(&province_path(p), &data).unwrap();
        assert_eq!(query, format!("view=profile&province={}", p.code));
    }
}

#[test]
fn the_app_reads_its_view_from_the_path_and_the_query_overrides_it() {
    let data = common::bundled();
    let s = Selection::from_address("tinh/son-la/", &data, Lang::Vi);
    assert_eq!((s.view, s.province.as_deref()), (View::Profile, Some("14")));
    let s = Selection::from_address("tinh/son-la/index.html?lang=en", &data, Lang::Vi);
    assert_eq!(
        (s.view, s.province.as_deref(), s.lang),
        (View::Profile, Some("14"), Lang::En)
    );
    let s = Selection::from_address("chi-so/pci/", &data, Lang::Vi);
    assert_eq!(
        (s.view, s.index.as_str(), s.year),
        (View::Rankings, "pci", 2024)
    );
    let s = Selection::from_address("tinh/son-la/?view=trends&index=pci", &data, Lang::Vi);
    assert_eq!((s.view, s.index.as_str()), (View::Trends, "pci"));
    // A garbage path is the default view.
    let default = Selection::initial(&data, Lang::Vi);
    for garbage in [
        "tinh/atlantis/",
        "chi-so/nope/",
        "x/y/z",
        "tinh/",
        "%ZZ/..",
        "tinh/son-la/extra/",
    ] {
        assert_eq!(
            Selection::from_address(garbage, &data, Lang::Vi),
            default,
            "{garbage}"
        );
    }
    // The root with a query, as before.
    let s = Selection::from_address("?view=profile&province=n15", &data, Lang::Vi);
    assert_eq!(s.province.as_deref(), Some("n15"));
}

#[test]
fn the_preview_is_1200_by_630_and_drawn() {
    let data = common::bundled();
    let all = pages(&data);
    let fonts = fonts(std::path::Path::new(FONTS_DIR)).unwrap();
    for path in [
        "tinh/son-la/",
        "tinh/lao-cai-2025/",
        "chi-so/papi/",
        "en/tinh/son-la/",
        "en/chi-so/papi/",
    ] {
        let png = to_png(&card_svg(&page(&all, path).preview), &fonts).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut pixels).unwrap();
        assert_eq!((info.width, info.height), (WIDTH, HEIGHT), "{path}");
        assert_eq!(info.color_type, png::ColorType::Rgb);
        let drawn = pixels
            .chunks_exact(3)
            .filter(|p| p != &[255, 255, 255])
            .count();
        let share = drawn as f64 / (WIDTH * HEIGHT) as f64;
        // The title, the lines of standing and the chart: far from blank, far from a block.
        assert!((0.05..0.6).contains(&share), "{path}: {share}");
        // The title's dark pixels (text drawn in a font, not boxes).
        let dark = pixels
            .chunks_exact(3)
            .filter(|p| p.iter().all(|&c| c < 60))
            .count();
        assert!(dark > 5_000, "{path}: {dark}");
    }
}

#[test]
fn the_sitemap_lists_every_page_and_robots_names_it() {
    let data = common::bundled();
    let all = pages(&data);
    // Every province, its brief and every index, in both languages.
    assert_eq!(all.len(), 2 * (2 * 98 + data.indices.len()));
    let xml = sitemap(SITE, &all);
    assert_eq!(xml.matches("<loc>").count(), all.len() + 2);
    assert!(xml.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
    // Each address, the two roots' too, with its alternates in both languages and x-default.
    for path in ["", "en/"]
        .into_iter()
        .chain(all.iter().map(|p| p.path.as_str()))
    {
        let vi = format!("{SITE}{}", in_lang(Lang::Vi, path));
        let en = format!("{SITE}{}", in_lang(Lang::En, path));
        let entry = format!(
            "  <url>\n    <loc>{SITE}{path}</loc>\n    \
             <xhtml:link rel=\"alternate\" hreflang=\"vi\" href=\"{vi}\"/>\n    \
             <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"{en}\"/>\n    \
             <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{vi}\"/>\n  </url>\n"
        );
        assert!(xml.contains(&entry), "{entry}");
    }
    assert!(xml.contains("<loc>https://example.org/chiso/en/tinh/son-la/</loc>"));
    assert!(robots(SITE).contains("Sitemap: https://example.org/chiso/sitemap.xml"));
    // The site's address: the variable, ending in `/`, or the default.
    assert_eq!(
        site_url(Some("https://a.example/x".into())),
        "https://a.example/x/"
    );
    assert_eq!(site_url(Some(" ".into())), DEFAULT_SITE_URL);
    assert_eq!(site_url(None), DEFAULT_SITE_URL);
}

#[test]
fn a_template_without_its_loading_line_is_refused_with_a_message() {
    let data = common::bundled();
    let all = pages(&data);
    let page = page(&all, "tinh/son-la/");
    let error = page_html("<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>x</title><meta name=\"description\" content=\"\"></head><body><noscript></noscript></body></html>", page, "", SITE).unwrap_err();
    assert!(error.contains("<p class=\"loading\""), "{error}");
}

#[test]
fn an_english_province_page_is_in_english_and_pairs_with_the_vietnamese_one() {
    let html = built(common::bundled(), "en/tinh/son-la/");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    // One folder deeper: the base still names the app's root.
    assert!(html.contains("<base href=\"../../../\">"));
    assert_eq!(html.matches("<title>").count(), 1);
    assert_has(&html, &[
        // The head, in English.
        "<title>Son La (to 2024) – Province profile · chiso</title>",
        "<meta name=\"description\" content=\"Son La (to 2024): PAR INDEX 2024: 90.02 · Official rank: 12;",
        "PAPI 2024: 43.89 · Position: 25/61 (computed)",
        "<link rel=\"canonical\" href=\"https://example.org/chiso/en/tinh/son-la/\">",
        // The pair, both ways, and x-default the Vietnamese page.
        "<link rel=\"alternate\" hreflang=\"vi\" href=\"https://example.org/chiso/tinh/son-la/\">",
        "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/chiso/en/tinh/son-la/\">",
        "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/chiso/tinh/son-la/\">",
        "<meta property=\"og:locale\" content=\"en_US\">",
        "<meta property=\"og:locale:alternate\" content=\"vi_VN\">",
        "<meta property=\"og:title\" content=\"Son La (to 2024) – Province profile · chiso\">",
        "<meta property=\"og:url\" content=\"https://example.org/chiso/en/tinh/son-la/\">",
        "<meta property=\"og:image\" content=\"https://example.org/chiso/en/tinh/son-la/preview.png\">",
        "<meta name=\"twitter:title\" content=\"Son La (to 2024) – Province profile · chiso\">",
        "<meta name=\"twitter:image\" content=\"https://example.org/chiso/en/tinh/son-la/preview.png\">",
        // The view, in English.
        "<h2 id=\"profile-name\">Son La</h2>",
        "43.89",
        // Its links: within the page, and to a neighbour's English page.
        "href=\"en/tinh/son-la/#source-",
        "<a href=\"en/tinh/dien-bien/\" data-code=\"11\" class=\"province-link\">Dien Bien</a>",
        // Without JavaScript: the note in English, with a link to the page in Vietnamese.
        "This page shows the profile of Son La as built",
        "<a href=\"tinh/son-la/\" hreflang=\"vi\" lang=\"vi\">Tiếng Việt</a></p></noscript>",
    ]);
    // Nothing of the interface in Vietnamese (the language switch names Vietnamese in itself).
    for vietnamese in [
        "Hồ sơ tỉnh",
        "Xếp hạng chính thức",
        "Trang này",
        "(tính toán)",
        "43,89",
    ] {
        assert!(!html.contains(vietnamese), "{vietnamese}");
    }
    assert!(!html.contains("href=\"#"));
}

#[test]
fn an_english_index_page_holds_its_latest_ranking_in_english() {
    let html = built(common::bundled(), "en/chi-so/pci/");
    assert_has(
        &html,
        &[
            "<html lang=\"en\">",
            "<title>PCI 2024 rankings · chiso</title>",
            "<meta name=\"description\" content=\"PCI 2024 rankings – ",
            "id=\"rankings-table\"",
            "<option value=\"pci\" selected=\"selected\">PCI</option>",
            "hreflang=\"vi\" href=\"https://example.org/chiso/chi-so/pci/\"",
            "hreflang=\"x-default\" href=\"https://example.org/chiso/chi-so/pci/\"",
            "<meta property=\"og:image\" content=\"https://example.org/chiso/en/chi-so/pci/preview.png\">",
            "This page shows the latest PCI ranking",
            "<a href=\"chi-so/pci/\" hreflang=\"vi\" lang=\"vi\">Tiếng Việt</a>",
        ],
    );
    assert!(!html.contains("Xếp hạng"));
}

#[test]
fn the_english_root_shows_the_first_view_in_english_with_its_preview() {
    let data = common::bundled();
    let all = pages(&data);
    let first = first_view_page(&data, &all, Lang::En).expect("the first view in English");
    assert_eq!(
        first.path,
        format!("en/chi-so/{}/", Selection::initial(&data, Lang::En).index)
    );
    let root = english_root(&template(), &data, first).unwrap();
    assert_eq!(root.path, "en/");
    assert!(!root.draws_preview(), "it names its first view's preview");
    let dataset = Rc::new(data);
    let html = page_html(&template(), &root, &page_body(&dataset, &root), SITE).unwrap();
    assert_has(
        &html,
        &[
            "<html lang=\"en\">",
            "<base href=\"../\">",
            "<title>chiso – PAR INDEX, SIPAS, PAPI, PCI</title>",
            "<meta name=\"description\" content=\"Vietnam&#39;s provincial governance and administrative reform indices: PAR INDEX, SIPAS, PAPI, PCI.\">",
            &format!("<link rel=\"canonical\" href=\"{SITE}en/\">"),
            &format!("<link rel=\"alternate\" hreflang=\"vi\" href=\"{SITE}\">"),
            &format!("<link rel=\"alternate\" hreflang=\"x-default\" href=\"{SITE}\">"),
            &format!("<meta property=\"og:image\" content=\"{SITE}{}\">", first.image),
            "id=\"rankings-table\"",
            "<a href=\"\" hreflang=\"vi\" lang=\"vi\">Tiếng Việt</a>",
            // The data view for `en/?view=data`, in English, as index.html keeps it.
            "<template id=\"built-data\">",
            "Reading the saved files…",
        ],
    );
    assert!(!html.contains("Xếp hạng"));
    // A page built for a province or an index keeps no other view.
    for path in ["en/tinh/son-la/", "chi-so/papi/"] {
        assert!(
            !built(common::bundled(), path).contains("<template"),
            "{path}"
        );
    }
}

#[test]
fn a_path_under_en_is_english_and_each_page_has_its_pair() {
    let data = common::bundled();
    assert_eq!(in_lang(Lang::En, "tinh/son-la/"), "en/tinh/son-la/");
    assert_eq!(in_lang(Lang::En, "en/tinh/son-la/"), "en/tinh/son-la/");
    assert_eq!(in_lang(Lang::Vi, "en/tinh/son-la/"), "tinh/son-la/");
    assert_eq!(in_lang(Lang::En, ""), "en/");
    assert_eq!(in_lang(Lang::Vi, "en/"), "");
    assert_eq!(lang_of("en/chi-so/papi/"), (Lang::En, "chi-so/papi/"));
    assert_eq!(lang_of("en"), (Lang::En, ""));
    assert_eq!(lang_of("english/"), (Lang::Vi, "english/"));
    let s = Selection::from_address("en/tinh/son-la/", &data, Lang::Vi);
    assert_eq!(
        (s.view, s.province.as_deref(), s.lang),
        (View::Profile, Some("14"), Lang::En)
    );
    let s = Selection::from_address("en/index.html", &data, Lang::Vi);
    assert_eq!(s, Selection::initial(&data, Lang::En));
    // A garbage path under en/ is the default view, in English.
    let s = Selection::from_address("en/tinh/atlantis/", &data, Lang::Vi);
    assert_eq!(s, Selection::initial(&data, Lang::En));
    // The query still wins.
    let s = Selection::from_address("en/tinh/son-la/?lang=vi", &data, Lang::En);
    assert_eq!((s.province.as_deref(), s.lang), (Some("14"), Lang::Vi));
    // A profile in English is shared as its English page.
    let english = Selection::from_address("?view=profile&province=n15&lang=en", &data, Lang::Vi);
    assert_eq!(page_of(&english, &data), "en/tinh/lao-cai-2025/");
    // Each page has its pair in the other language, built too.
    let all = pages(&data);
    let paths: HashSet<&str> = all.iter().map(|p| p.path.as_str()).collect();
    for p in &all {
        let other = match p.lang {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        };
        assert_eq!(lang_of(&p.path).0, p.lang, "{}", p.path);
        assert_eq!(p.selection.lang, p.lang, "{}", p.path);
        assert!(
            paths.contains(in_lang(other, &p.path).as_str()),
            "{}",
            p.path
        );
        // A brief shows its province page's.
        assert_eq!(
            p.draws_preview(),
            p.selection.view != View::Brief,
            "{}",
            p.path
        );
    }
}
