//! The pages built ahead (native only): one per province of either geography (`tinh/son-la/`)
//! and one per index's latest ranking (`chi-so/papi/`), each the app's own view rendered by
//! its components (`ui::built_pages::prerender::render_view`) into a copy of the built `index.html`, with its
//! own title, description, canonical address, vi/en alternates, Open Graph and Twitter card
//! tags and a preview image (`render::preview`); and `sitemap.xml` and `robots.txt`.
//!
//! `bin/build_pages.rs` writes them into Trunk's staging folder after each build
//! (scripts/post_build.mjs): they are build outputs, like the wasm, and not committed. Each page
//! is the app: its `<base>` names the app's root, so its scripts, styles and data resolve from
//! any depth and under any public URL, and the app reads its view from the path
//! (`Selection::from_address`). Absolute addresses (canonical, `og:url`, `og:image`, the sitemap)
//! need the site's address: the build reads it from `CHISO_SITE_URL`.

use crate::analysis::profile::standings;
use crate::analysis::ranking::{rank, Row};
use crate::data::geography::{is_unit_id, years_label};
use crate::data::model::{Dataset, Province};
use crate::i18n::{Lang, Text};
use crate::render::chart::{hex, ranking_bars, Axis, BarChartSpec};
use crate::render::describe;
use crate::render::edition::text::summary;
use crate::render::history_chart::{history_chart, history_lines};
use crate::render::preview::{Card, CardChart, GREY};
use crate::text::escape_xml;
use crate::ui::built_pages::paths::{index_path, province_path};
use crate::ui::built_pages::prerender::render_view;
use crate::ui::components::SharedDataset;
use crate::ui::state::Selection;
use std::path::Path;
use std::rc::Rc;

/// The environment variable with the site's address (where `dist/` is published).
pub const SITE_URL_VAR: &str = "CHISO_SITE_URL";
/// The site's address when `CHISO_SITE_URL` is not set: a stand-in for the project's GitHub
/// Pages address (none is published yet; README "Pages built ahead").
pub const DEFAULT_SITE_URL: &str = "https://chiso.github.io/chiso/";
/// Each page's preview image, beside its `index.html`.
pub const PREVIEW_FILE: &str = "preview.png";
/// The language the pages are built in; `?lang=en` is the English alternate.
const LANG: Lang = Lang::Vi;

/// The site's address from `CHISO_SITE_URL` (or the default), ending in `/`.
pub fn site_url(var: Option<String>) -> String {
    let mut url = var
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| DEFAULT_SITE_URL.to_string());
    if !url.ends_with('/') {
        url.push('/');
    }
    url
}

/// The bundled dataset with every data part, read from a folder that holds `static/` (the
/// repository or a built `dist/`).
pub fn bundled(dir: &Path) -> Result<Dataset, String> {
    let read = |file: &str| {
        std::fs::read_to_string(dir.join(file))
            .map_err(|e| format!("{}: {e}", dir.join(file).display()))
    };
    let main = "static/dataset.json";
    let mut dataset = Dataset::from_json(&read(main)?).map_err(|e| format!("{main}: {e}"))?;
    let parts = dataset.all_parts();
    while let Some((part, file)) = dataset.part_to_load(parts.clone()) {
        dataset = dataset
            .with_part(&part, &read(&file)?)
            .map_err(|e| format!("{file}: {e}"))?;
    }
    Ok(dataset)
}

/// One page: where it goes, what its head says, the view it shows and its preview.
pub struct Page {
    /// Relative to the app's root, ending in `/`: `tinh/son-la/`.
    pub path: String,
    pub title: String,
    pub description: String,
    /// What the page shows, in words (Vietnamese, English), for the note shown without JavaScript.
    pub subject: (String, String),
    pub selection: Selection,
    pub preview: Card,
}

/// Every page: the provinces in the dataset's order (the former ones, then the 34 of 2025),
/// then each index's latest ranking.
pub fn pages(dataset: &Dataset) -> Vec<Page> {
    let provinces = dataset.provinces.iter().map(|p| province_page(dataset, p));
    let indices = dataset.indices.iter().map(|i| index_page(dataset, &i.key));
    provinces.chain(indices).collect()
}

/// The selection the app makes of the page's path, as the page's own view.
fn selection_of(path: &str, dataset: &Dataset) -> Selection {
    Selection::from_address(path, dataset, LANG)
}

fn province_page(dataset: &Dataset, p: &Province) -> Page {
    let path = province_path(p);
    let label = dataset.province_label(p, LANG);
    let former = dataset.members_of(&p.code);
    let cards = standings(dataset, &p.code);
    let mut lines: Vec<String> = cards
        .iter()
        .filter_map(|c| {
            let index = dataset.index(&c.index)?;
            let (year, row) = c.latest.as_ref()?;
            Some(format!(
                "{} {year}: {}",
                index.short_name,
                standing_words(row, c.with_value)
            ))
        })
        .collect();
    if lines.is_empty() {
        lines.push(if former.is_empty() {
            LANG.t(Text::NoData).to_string()
        } else {
            let names: Vec<&str> = former.iter().map(|m| m.name(LANG)).collect();
            format!("{} {}", LANG.t(Text::No2025Result), names.join(", "))
        });
    }
    // The index with the most values to draw (the province's own line, and its former
    // provinces'), drawn at a third less than its box, so that its labels can be read.
    let drawn = |lines: &[crate::render::chart::LineSeries]| {
        lines
            .iter()
            .flat_map(|l| &l.points)
            .filter(|(_, v)| v.is_some())
            .count()
    };
    let mut candidates: Vec<_> = cards
        .iter()
        .filter_map(|c| {
            let index = dataset.index(&c.index)?;
            Some((index, history_lines(dataset, index, &c.history, &former)))
        })
        .collect();
    candidates.sort_by_key(|(_, lines)| std::cmp::Reverse(drawn(lines)));
    let chart = candidates.into_iter().find_map(|(index, series)| {
        let svg = history_chart(LANG, index, &series, is_unit_id(&p.code), (720, 156), false)?;
        let first = index.years.first()?.year;
        let last = index.years.last()?.year;
        let mut caption = vec![(
            format!("{} {first}–{last}: ", index.short_name),
            GREY.to_string(),
        )];
        for (i, (m, line)) in std::iter::once(p)
            .chain(former.iter().copied())
            .zip(&series)
            .enumerate()
        {
            let separator = if i == 0 { "" } else { ", " };
            caption.push((
                format!("{separator}{}", years_label(m, LANG)),
                hex(line.style.colour),
            ));
        }
        Some(CardChart { caption, svg })
    });
    Page {
        title: format!("{label} – {} · chiso", LANG.t(Text::ViewProfile)),
        description: format!("{label}: {}.", lines.join("; ")),
        subject: (
            Lang::Vi.fill(Text::PageProfileOf, &[p.name(Lang::Vi)]),
            Lang::En.fill(Text::PageProfileOf, &[p.name(Lang::En)]),
        ),
        selection: selection_of(&path, dataset),
        preview: Card {
            title: p.name(LANG).to_string(),
            lines,
            chart,
        },
        path,
    }
}

/// "45,12 · Position: 12/61 (computed)": a ranking row's value and rank in words.
fn standing_words(row: &Row, with_value: usize) -> String {
    let value = row
        .value
        .map(|v| LANG.number(v, 2))
        .unwrap_or_else(|| LANG.t(Text::RankOnly).to_string());
    let rank = describe::standing_rank(LANG, row, with_value);
    if rank.is_empty() {
        value
    } else {
        format!("{value} · {rank}")
    }
}

fn index_page(dataset: &Dataset, key: &str) -> Page {
    let path = index_path(key);
    let selection = selection_of(&path, dataset);
    let index = dataset.index(&selection.index);
    let short = index.map(|i| i.short_name.clone()).unwrap_or_default();
    let name = index.map(|i| i.name(LANG).to_string()).unwrap_or_default();
    let ranking = rank(dataset, &selection.query());
    let named: Vec<(&str, f64)> = ranking
        .rows
        .iter()
        .filter_map(|r| r.value.map(|v| (LANG.pick(&r.name_vi, &r.name_en), v)))
        .collect();
    let coverage = format!(
        "{}/{} {}",
        ranking.with_value,
        ranking.expected,
        LANG.t(Text::ProvincesWithData)
    );
    let mut lines = vec![name.clone(), coverage];
    lines.extend(describe::extremes(LANG, &named));
    let heading = format!("{} {short} {}", LANG.t(Text::Rankings), selection.year);
    // The first ten bars of the app's ranking chart.
    let top: Vec<&Row> = ranking
        .rows
        .iter()
        .filter(|r| r.value.is_some())
        .take(10)
        .collect();
    let values: Vec<f64> = top.iter().filter_map(|r| r.value).collect();
    let (scale_min, scale_max) = index
        .and_then(|i| i.year(selection.year))
        .and_then(|y| y.component("total"))
        .map(|c| (c.scale_min, c.scale_max))
        .unwrap_or((0.0, 100.0));
    let chart = (!top.is_empty()).then(|| {
        let svg = ranking_bars(&BarChartSpec {
            lang: LANG,
            axis: Axis::fit(&values, scale_min, scale_max),
            average: None,
            highlight: false,
            width: 720,
            rows: &top,
        });
        CardChart {
            caption: vec![(format!("{heading}: 1–{}", top.len()), GREY.to_string())],
            svg,
        }
    });
    Page {
        title: format!("{heading} · chiso"),
        // The edition in the words of its announcement, so that a shared link previews with it.
        description: format!(
            "{heading} – {}",
            summary(dataset, LANG, &selection.index, selection.year)
                .unwrap_or_else(|| format!("{}.", lines.join(". ").trim_end_matches('.')))
        ),
        subject: (
            Lang::Vi.fill(Text::PageRankingOf, &[&short]),
            Lang::En.fill(Text::PageRankingOf, &[&short]),
        ),
        selection,
        preview: Card {
            title: heading.clone(),
            lines: lines[1..].to_vec(),
            chart,
        },
        path,
    }
}

/// The page's view of `dataset` as the app draws it.
pub fn page_body(dataset: &Rc<Dataset>, page: &Page) -> String {
    render_view(SharedDataset(dataset.clone()), page.selection.clone())
}

/// Cuts `html` around the first `start` … `end`, or says which marker is missing.
fn around<'a>(html: &'a str, start: &str, end: &str) -> Result<(&'a str, &'a str), String> {
    let from = html
        .find(start)
        .ok_or_else(|| format!("{start} not found in the built index.html"))?;
    let after_start = from + start.len();
    let to = html[after_start..]
        .find(end)
        .map(|i| after_start + i + end.len())
        .ok_or_else(|| format!("{end} after {start} not found in the built index.html"))?;
    Ok((&html[..from], &html[to..]))
}

/// The head tags that name an address and preview it when it is shared: canonical, the vi/en
/// alternates, Open Graph and Twitter card. `url` and `image` are absolute; every text is
/// escaped here.
fn share_tags(
    url: &str,
    image: &str,
    title: &str,
    description: &str,
    image_alt: &str,
) -> Vec<String> {
    let (title, description, alt) = (
        escape_xml(title),
        escape_xml(description),
        escape_xml(image_alt),
    );
    let mut head = vec![
        format!("<link rel=\"canonical\" href=\"{url}\">"),
        format!("<link rel=\"alternate\" hreflang=\"vi\" href=\"{url}\">"),
        format!("<link rel=\"alternate\" hreflang=\"en\" href=\"{url}?lang=en\">"),
        format!("<link rel=\"alternate\" hreflang=\"x-default\" href=\"{url}\">"),
    ];
    let meta = |kind: &str, name: &str, content: &str| {
        format!("<meta {kind}=\"{name}\" content=\"{content}\">")
    };
    for (name, content) in [
        ("og:type", "website"),
        ("og:site_name", "chiso"),
        ("og:locale", "vi_VN"),
        ("og:locale:alternate", "en_US"),
        ("og:title", &title),
        ("og:description", &description),
        ("og:url", url),
        ("og:image", image),
        ("og:image:type", "image/png"),
        ("og:image:width", &crate::render::preview::WIDTH.to_string()),
        (
            "og:image:height",
            &crate::render::preview::HEIGHT.to_string(),
        ),
        ("og:image:alt", &alt),
    ] {
        head.push(meta("property", name, content));
    }
    for (name, content) in [
        ("twitter:card", "summary_large_image"),
        ("twitter:title", &title),
        ("twitter:description", &description),
        ("twitter:image", image),
        ("twitter:image:alt", &alt),
    ] {
        head.push(meta("name", name, content));
    }
    head
}

/// `html` with `tags` right after its charset (before any address a `<base>` among them
/// resolves).
fn after_charset(html: &str, tags: &[String]) -> Result<String, String> {
    let charset = "<meta charset=\"utf-8\">";
    let (before, after) = around(html, charset, "")?;
    Ok(format!("{before}{charset}\n  {}{after}", tags.join("\n  ")))
}

/// The page of the app's first view (`Selection::initial`: an index's latest ranking), whose
/// preview the root shows.
pub fn first_view_page<'a>(dataset: &Dataset, all: &'a [Page]) -> Option<&'a Page> {
    let first = Selection::initial(dataset, LANG);
    all.iter().find(|p| {
        p.selection.view == first.view
            && p.selection.index == first.index
            && p.selection.year == first.year
    })
}

/// The app's root page (the built `index.html`, `template`) with the tags that preview it when
/// shared: its first view is `page`'s (`first_view_page`), so it shows
/// that page's preview image; its own title and description stay.
pub fn root_html(template: &str, page: &Page, site: &str) -> Result<String, String> {
    let text = |start: &str, end: &str| -> Result<String, String> {
        let from = template
            .find(start)
            .ok_or_else(|| format!("{start} not found in the built index.html"))?
            + start.len();
        let to = template[from..]
            .find(end)
            .ok_or_else(|| format!("{end} after {start} not found in the built index.html"))?;
        Ok(unescape_attribute(&template[from..from + to]))
    };
    let title = text("<title>", "</title>")?;
    let description = text("<meta name=\"description\" content=\"", "\"")?;
    let image = format!("{site}{}{PREVIEW_FILE}", page.path);
    after_charset(
        template,
        &share_tags(site, &image, &title, &description, &page.preview.title),
    )
}

/// The text of an attribute or element as `escape_xml` wrote it.
fn unescape_attribute(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// A page: the built `index.html` (`template`, before the first view is put in) with the page's
/// head and `body` (`page_body`) in place of the loading line. `site` ends in `/`.
pub fn page_html(template: &str, page: &Page, body: &str, site: &str) -> Result<String, String> {
    let url = format!("{site}{}", page.path);
    let depth = page.path.matches('/').count();
    let mut head = vec![
        format!("<base href=\"{}\">", "../".repeat(depth)),
        format!("<title>{}</title>", escape_xml(&page.title)),
        format!(
            "<meta name=\"description\" content=\"{}\">",
            escape_xml(&page.description)
        ),
    ];
    let image = format!("{url}{PREVIEW_FILE}");
    head.extend(share_tags(
        &url,
        &image,
        &page.title,
        &page.description,
        &page.preview.title,
    ));
    // The template's own title and description give way to the page's.
    let (before, after) = around(template, "<title>", "</title>")?;
    let html = format!("{before}{after}");
    let (before, after) = around(&html, "<meta name=\"description\"", ">")?;
    let html = format!("{before}{after}");
    // The base comes first, before any address it resolves.
    let html = after_charset(&html, &head)?;
    let note = format!(
        "<noscript><p class=\"notice\" id=\"noscript-note\">{} / {}</p></noscript>",
        escape_xml(&Lang::Vi.fill(Text::PageNoScript, &[&page.subject.0])),
        escape_xml(&Lang::En.fill(Text::PageNoScript, &[&page.subject.1])),
    );
    let (before, after) = around(&html, "<noscript>", "</noscript>")?;
    let html = format!("{before}{note}{after}");
    // A link within the page (`#source-3`) names the page, which the base would otherwise replace
    // with the root (the app does the same for its own links: `ui::web::start`).
    let body = body
        .trim()
        .replace("href=\"#", &format!("href=\"{}#", page.path));
    let (before, after) = around(&html, "<p class=\"loading\" role=\"status\">", "</p>")?;
    Ok(format!("{before}{body}{after}"))
}

/// `sitemap.xml`: the root and every page, absolute.
pub fn sitemap(site: &str, pages: &[Page]) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for path in std::iter::once("").chain(pages.iter().map(|p| p.path.as_str())) {
        xml.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            escape_xml(&format!("{site}{path}"))
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `robots.txt`: everything may be crawled; the sitemap is named.
pub fn robots(site: &str) -> String {
    format!("User-agent: *\nAllow: /\nSitemap: {site}sitemap.xml\n")
}
