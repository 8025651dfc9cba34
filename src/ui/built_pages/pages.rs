//! The pages built ahead (native only): one per province of either geography (`tinh/son-la/`)
//! and its brief of the default year (`tinh/son-la/bao-cao/`, which the app then adopts while
//! its worker prepares the same), and one per index's latest ranking (`chi-so/papi/`), in Vietnamese and in English
//! (`en/tinh/son-la/`, `ui::built_pages::paths`), each the app's own view in its language
//! rendered by its components (`ui::built_pages::prerender::render_view`) into a copy of the
//! built `index.html`, with its own `lang`, title, description, canonical address, alternates in
//! both languages (`hreflang`, and `x-default` the Vietnamese page), Open Graph and Twitter card
//! tags and a preview image (`render::preview`); the English root `en/` (the first view in
//! English); and `sitemap.xml` with both languages, and `robots.txt`.
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
use crate::render::brief::doc::document;
use crate::render::chart::{hex, ranking_bars, Axis, BarChartSpec};
use crate::render::describe;
use crate::render::edition::text::summary;
use crate::render::history_chart::{history_chart, history_lines};
use crate::render::preview::{Card, CardChart, GREY};
use crate::text::escape_xml;
use crate::ui::built_pages::paths::{brief_path, in_lang, index_path, lang_of, province_path};
use crate::ui::built_pages::prerender::{render_view, root_view};
use crate::ui::components::language_switch::language_name;
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
        dataset
            .add_part(&part, &read(&file)?)
            .map_err(|e| format!("{file}: {e}"))?;
    }
    Ok(dataset)
}

/// One page: where it goes, what its head says, the view it shows and its preview.
pub struct Page {
    /// Relative to the app's root, ending in `/`: `tinh/son-la/`, `en/tinh/son-la/`.
    pub path: String,
    /// Its language, which its path says (`paths::lang_of`).
    pub lang: Lang,
    pub title: String,
    pub description: String,
    /// What the page shows, in words in its language, for the note shown without JavaScript.
    pub subject: String,
    pub selection: Selection,
    /// Its preview image, relative to the app's root: its own beside it
    /// (`tinh/son-la/preview.png`, `Page::draws_preview`), or another page's (the English root
    /// shows its first view's).
    pub image: String,
    pub preview: Card,
}

impl Page {
    /// Whether the build draws this page's preview beside it (rather than naming another's).
    pub fn draws_preview(&self) -> bool {
        self.image == format!("{}{PREVIEW_FILE}", self.path)
    }
}

/// Every page, in Vietnamese and then in English: the provinces in the dataset's order (the
/// former ones, then the 34 of 2025), then each index's latest ranking.
pub fn pages(dataset: &Dataset) -> Vec<Page> {
    Lang::ALL
        .into_iter()
        .flat_map(|lang| {
            let provinces = dataset.provinces.iter().flat_map(move |p| {
                let profile = province_page(dataset, p, lang);
                let brief = brief_page(dataset, p, &profile);
                [profile, brief]
            });
            let indices = dataset
                .indices
                .iter()
                .map(move |i| index_page(dataset, &i.key, lang));
            provinces.chain(indices)
        })
        .collect()
}

/// The selection the app makes of the page's path, as the page's own view.
fn selection_of(path: &str, dataset: &Dataset) -> Selection {
    Selection::from_address(path, dataset, lang_of(path).0)
}

/// The preview beside the page at `path`.
fn own_image(path: &str) -> String {
    format!("{path}{PREVIEW_FILE}")
}

fn province_page(dataset: &Dataset, p: &Province, lang: Lang) -> Page {
    let path = in_lang(lang, &province_path(p));
    let label = dataset.province_label(p, lang);
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
                standing_words(lang, row, c.with_value)
            ))
        })
        .collect();
    if lines.is_empty() {
        lines.push(if former.is_empty() {
            lang.t(Text::NoData).to_string()
        } else {
            let names: Vec<&str> = former.iter().map(|m| m.name(lang)).collect();
            format!("{} {}", lang.t(Text::No2025Result), names.join(", "))
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
        let svg = history_chart(lang, index, &series, is_unit_id(&p.code), (720, 156), false)?;
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
                format!("{separator}{}", years_label(m, lang)),
                hex(line.style.colour),
            ));
        }
        Some(CardChart { caption, svg })
    });
    Page {
        lang,
        title: format!("{label} – {} · chiso", lang.t(Text::ViewProfile)),
        description: format!("{label}: {}.", lines.join("; ")),
        subject: lang.fill(Text::PageProfileOf, &[p.name(lang)]),
        selection: selection_of(&path, dataset),
        image: own_image(&path),
        preview: Card {
            title: p.name(lang).to_string(),
            lines,
            chart,
        },
        path,
    }
}

/// A province's brief of the default year (`tinh/son-la/bao-cao/`), in `profile`'s language,
/// under its title, described by its first sentence, previewed by `profile`'s image.
fn brief_page(dataset: &Dataset, p: &Province, profile: &Page) -> Page {
    let lang = profile.lang;
    let path = in_lang(lang, &brief_path(p));
    let selection = selection_of(&path, dataset);
    let doc = document(dataset, lang, &p.code, selection.year, "", &[]);
    // Its first sentence (the standing), without its notes' marks, cut at a word within what
    // previews show.
    let first = doc.sections.iter().flat_map(|s| &s.paragraphs).next();
    let mut description = first.map_or(&doc.title, |p| &p.text).to_string();
    if description.chars().count() > DESCRIPTION_CHARS {
        let cut: String = description.chars().take(DESCRIPTION_CHARS).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
        description = format!("{cut}…");
    }
    Page {
        lang,
        title: format!("{} · chiso", doc.title),
        description,
        subject: lang.fill(
            Text::PageBriefOf,
            &[p.name(lang), &selection.year.to_string()],
        ),
        selection,
        image: profile.image.clone(),
        preview: profile.preview.clone(),
        path,
    }
}

/// The longest description a brief's page gives (previews cut theirs near 200 characters).
const DESCRIPTION_CHARS: usize = 200;

/// "45,12 · Position: 12/61 (computed)": a ranking row's value and rank in words.
fn standing_words(lang: Lang, row: &Row, with_value: usize) -> String {
    let value = row
        .value
        .map(|v| lang.number(v, 2))
        .unwrap_or_else(|| lang.t(Text::RankOnly).to_string());
    let rank = describe::standing_rank(lang, row, with_value);
    if rank.is_empty() {
        value
    } else {
        format!("{value} · {rank}")
    }
}

fn index_page(dataset: &Dataset, key: &str, lang: Lang) -> Page {
    let path = in_lang(lang, &index_path(key));
    let selection = selection_of(&path, dataset);
    let index = dataset.index(&selection.index);
    let short = index.map(|i| i.short_name.clone()).unwrap_or_default();
    let name = index.map(|i| i.name(lang).to_string()).unwrap_or_default();
    let ranking = rank(dataset, &selection.query());
    let named: Vec<(&str, f64)> = ranking
        .rows
        .iter()
        .filter_map(|r| r.value.map(|v| (lang.pick(&r.name_vi, &r.name_en), v)))
        .collect();
    let coverage = format!(
        "{}/{} {}",
        ranking.with_value,
        ranking.expected,
        lang.t(Text::ProvincesWithData)
    );
    let mut lines = vec![name.clone(), coverage];
    lines.extend(describe::extremes(lang, &named));
    let heading = lang.fill(
        Text::PageRankingTitle,
        &[&short, &selection.year.to_string()],
    );
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
            lang,
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
        lang,
        title: format!("{heading} · chiso"),
        // The edition in the words of its announcement, so that a shared link previews with it.
        description: format!(
            "{heading} – {}",
            summary(dataset, lang, &selection.index, selection.year)
                .unwrap_or_else(|| format!("{}.", lines.join(". ").trim_end_matches('.')))
        ),
        subject: lang.fill(Text::PageRankingOf, &[&short]),
        selection,
        image: own_image(&path),
        preview: Card {
            title: heading.clone(),
            lines: lines[1..].to_vec(),
            chart,
        },
        path,
    }
}

/// The page's view of `dataset` as the app draws it (the English root's with the data view
/// kept for `?view=data`, as index.html's: `prerender::root_view`).
pub fn page_body(dataset: &Rc<Dataset>, page: &Page) -> String {
    let data = SharedDataset(dataset.clone());
    if lang_of(&page.path).1.is_empty() {
        root_view(data, page.selection.clone())
    } else {
        render_view(data, page.selection.clone())
    }
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

/// The locale Open Graph names a language by.
fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "vi_VN",
        Lang::En => "en_US",
    }
}

/// The page at `path` (relative to the app's root, in either language) in each language, and
/// the one for readers of neither (`x-default`: the Vietnamese page, whose app follows the
/// browser's language), as absolute addresses: what its head's alternates and the sitemap list.
fn alternates(site: &str, path: &str) -> [(&'static str, String); 3] {
    let vi = format!("{site}{}", in_lang(Lang::Vi, path));
    let en = format!("{site}{}", in_lang(Lang::En, path));
    [
        (Lang::Vi.code(), vi.clone()),
        (Lang::En.code(), en),
        ("x-default", vi),
    ]
}

/// The head tags that name the address of the page at `path` (relative to the app's root) and
/// preview it when it is shared: canonical, the alternates in both languages, Open Graph and
/// Twitter card. `site` and `image` are absolute; every text is escaped here.
fn share_tags(
    site: &str,
    path: &str,
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
    let url = format!("{site}{path}");
    let mut head = vec![format!("<link rel=\"canonical\" href=\"{url}\">")];
    for (lang, href) in alternates(site, path) {
        head.push(format!(
            "<link rel=\"alternate\" hreflang=\"{lang}\" href=\"{href}\">"
        ));
    }
    let lang = lang_of(path).0;
    let other = other_lang(lang);
    let meta = |kind: &str, name: &str, content: &str| {
        format!("<meta {kind}=\"{name}\" content=\"{content}\">")
    };
    for (name, content) in [
        ("og:type", "website"),
        ("og:site_name", "chiso"),
        ("og:locale", og_locale(lang)),
        ("og:locale:alternate", og_locale(other)),
        ("og:title", &title),
        ("og:description", &description),
        ("og:url", &url),
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

/// The other of the two languages.
fn other_lang(lang: Lang) -> Lang {
    match lang {
        Lang::Vi => Lang::En,
        Lang::En => Lang::Vi,
    }
}

/// `html` with `tags` right after its charset (before any address a `<base>` among them
/// resolves).
fn after_charset(html: &str, tags: &[String]) -> Result<String, String> {
    let charset = "<meta charset=\"utf-8\">";
    let (before, after) = around(html, charset, "")?;
    Ok(format!("{before}{charset}\n  {}{after}", tags.join("\n  ")))
}

/// The page of the app's first view in `lang` (`Selection::initial`: an index's latest
/// ranking), whose preview the root in that language shows.
pub fn first_view_page<'a>(dataset: &Dataset, all: &'a [Page], lang: Lang) -> Option<&'a Page> {
    let first = Selection::initial(dataset, lang);
    all.iter().find(|p| {
        p.lang == lang
            && p.selection.view == first.view
            && p.selection.index == first.index
            && p.selection.year == first.year
    })
}

/// The text of the built `index.html` between the first `start` and the next `end`.
fn template_text(template: &str, start: &str, end: &str) -> Result<String, String> {
    let from = template
        .find(start)
        .ok_or_else(|| format!("{start} not found in the built index.html"))?
        + start.len();
    let to = template[from..]
        .find(end)
        .ok_or_else(|| format!("{end} after {start} not found in the built index.html"))?;
    Ok(unescape_attribute(&template[from..from + to]))
}

/// The app's root page (the built `index.html`, `template`) with the tags that preview it when
/// shared: its first view is `page`'s (`first_view_page`), so it shows
/// that page's preview image; its own title and description stay.
pub fn root_html(template: &str, page: &Page, site: &str) -> Result<String, String> {
    let title = template_text(template, "<title>", "</title>")?;
    let description = template_text(template, "<meta name=\"description\" content=\"", "\"")?;
    let image = format!("{site}{}", page.image);
    after_charset(
        template,
        &share_tags(site, "", &image, &title, &description, &page.preview.title),
    )
}

/// The English root `en/`: the app's first view in English (`first`, its page in English,
/// `first_view_page`), under the root's title, with the tagline and the indices as its
/// description and `first`'s preview.
pub fn english_root(template: &str, dataset: &Dataset, first: &Page) -> Result<Page, String> {
    let path = in_lang(Lang::En, "");
    let indices: Vec<&str> = dataset
        .indices
        .iter()
        .map(|i| i.short_name.as_str())
        .collect();
    Ok(Page {
        lang: Lang::En,
        title: template_text(template, "<title>", "</title>")?,
        description: format!("{}: {}.", Lang::En.t(Text::Tagline), indices.join(", ")),
        subject: first.subject.clone(),
        selection: selection_of(&path, dataset),
        image: first.image.clone(),
        preview: first.preview.clone(),
        path,
    })
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
/// language, head and `body` (`page_body`) in place of the loading line. `site` ends in `/`.
pub fn page_html(template: &str, page: &Page, body: &str, site: &str) -> Result<String, String> {
    let depth = page.path.matches('/').count();
    let mut head = vec![
        format!("<base href=\"{}\">", "../".repeat(depth)),
        format!("<title>{}</title>", escape_xml(&page.title)),
        format!(
            "<meta name=\"description\" content=\"{}\">",
            escape_xml(&page.description)
        ),
    ];
    let image = format!("{site}{}", page.image);
    head.extend(share_tags(
        site,
        &page.path,
        &image,
        &page.title,
        &page.description,
        &page.preview.title,
    ));
    let (before, after) = around(template, "<html lang=\"", ">")?;
    let html = format!("{before}<html lang=\"{}\">{after}", page.lang.code());
    // The template's own title and description give way to the page's.
    let (before, after) = around(&html, "<title>", "</title>")?;
    let html = format!("{before}{after}");
    let (before, after) = around(&html, "<meta name=\"description\"", ">")?;
    let html = format!("{before}{after}");
    // The base comes first, before any address it resolves.
    let html = after_charset(&html, &head)?;
    // Without JavaScript, the note says what the page is and links to it in the other language.
    let other = other_lang(page.lang);
    let note = format!(
        "<noscript><p class=\"notice\" id=\"noscript-note\">{} <a href=\"{}\" hreflang=\"{code}\" lang=\"{code}\">{}</a></p></noscript>",
        escape_xml(&page.lang.fill(Text::PageNoScript, &[&page.subject])),
        in_lang(other, &page.path),
        language_name(other),
        code = other.code(),
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

/// `sitemap.xml`: the root in both languages and every page, absolute, each with its
/// alternates in both languages and `x-default`.
pub fn sitemap(site: &str, pages: &[Page]) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    let roots = Lang::ALL.map(|lang| in_lang(lang, ""));
    for path in roots.iter().chain(pages.iter().map(|p| &p.path)) {
        xml.push_str(&format!(
            "  <url>\n    <loc>{}</loc>\n",
            escape_xml(&format!("{site}{path}"))
        ));
        for (lang, href) in alternates(site, path) {
            xml.push_str(&format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"{}\"/>\n",
                escape_xml(&href)
            ));
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `robots.txt`: everything may be crawled; the sitemap is named.
pub fn robots(site: &str) -> String {
    format!("User-agent: *\nAllow: /\nSitemap: {site}sitemap.xml\n")
}
