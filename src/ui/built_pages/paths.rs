//! The readable addresses of the pages built ahead (`ui::built_pages::pages`): `tinh/<slug>/` for a province,
//! `tinh/<slug>/bao-cao/` for its brief, `chi-so/<index>/` for an index's latest ranking, each in English under `en/`
//! (`en/tinh/son-la/`, and `en/` for the root); and the reverse, an address's path read as the
//! selection it shows (`Selection::from_address`), so the app started from a page shows it.
//!
//! The English pages are one folder down rather than beside each page (`tinh/son-la/en/`): one
//! prefix marks the language of everything under it, as search engines recommend for a site in
//! several languages, and the slugs stay the same in both (a reader changes only the prefix).
//!
//! A province's slug is its name without diacritics, in lower case, with hyphens between the
//! words ("Sơn La" → `son-la`, "Bà Rịa - Vũng Tàu" → `ba-ria-vung-tau`). A unit of 2025 adds
//! `-2025` (`son-la-2025`, `lao-cai-2025`): 33 of the 34 share a name with a former province,
//! and one rule for all keeps every slug unique and stable whatever the names.

use crate::data::geography::{is_unit_id, FIRST_YEAR_2025};
use crate::data::model::{Dataset, Province};
use crate::i18n::Lang;
use crate::ui::state::{Selection, View};

/// The folder of the province pages.
pub const PROVINCE_DIR: &str = "tinh";
/// The folder of the index ranking pages.
pub const INDEX_DIR: &str = "chi-so";

/// The folder of a province's brief, in its page's folder: `tinh/son-la/bao-cao/`.
pub const BRIEF_DIR: &str = "bao-cao";

/// The folder of the English pages (the Vietnamese ones are at the root).
pub const ENGLISH_DIR: &str = "en";

/// `path` (relative to the app's root, in either language: `tinh/son-la/`, `en/tinh/son-la/`)
/// in `lang`: `en/tinh/son-la/` in English, `tinh/son-la/` in Vietnamese; the root is `en/` or "".
pub fn in_lang(lang: Lang, path: &str) -> String {
    let bare = lang_of(path).1;
    match lang {
        Lang::Vi => bare.to_string(),
        Lang::En => format!("{ENGLISH_DIR}/{bare}"),
    }
}

/// The language of a path relative to the app's root and the path without its language's
/// folder: (English, `tinh/son-la/`) for `en/tinh/son-la/`, (Vietnamese, the path) otherwise.
pub fn lang_of(path: &str) -> (Lang, &str) {
    match path.strip_prefix(ENGLISH_DIR) {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => {
            (Lang::En, rest.trim_start_matches('/'))
        }
        _ => (Lang::Vi, path),
    }
}

/// A province's slug (see the module's note).
pub fn province_slug(p: &Province) -> String {
    let mut slug = String::new();
    for word in p
        .name_ascii
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    if is_unit_id(&p.code) {
        slug.push_str(&format!("-{FIRST_YEAR_2025}"));
    }
    slug
}

/// The path of a province's page, relative to the app's root: `tinh/son-la/`.
pub fn province_path(p: &Province) -> String {
    format!("{PROVINCE_DIR}/{}/", province_slug(p))
}

/// The path of a province's brief of the default year (`Selection::initial`'s), relative to
/// the app's root: `tinh/son-la/bao-cao/`.
pub fn brief_path(p: &Province) -> String {
    format!("{}{BRIEF_DIR}/", province_path(p))
}

/// The page built ahead that shows `selection`'s province, relative to the app's root: a
/// province's profile has its page in the selection's language (`tinh/son-la/`,
/// `en/tinh/son-la/`), whose preview names the province when its address is shared, and so has
/// its brief of the year its page shows (`tinh/son-la/bao-cao/`); any other view has none ("").
pub fn page_of(selection: &Selection, dataset: &Dataset) -> String {
    let Some(p) = selection
        .province
        .as_deref()
        .and_then(|c| dataset.province(c))
    else {
        return String::new();
    };
    match selection.view {
        View::Profile => in_lang(selection.lang, &province_path(p)),
        View::Brief => {
            let path = in_lang(selection.lang, &brief_path(p));
            let shown = Selection::from_address(&path, dataset, selection.lang);
            if shown.year == selection.year {
                path
            } else {
                String::new()
            }
        }
        _ => String::new(),
    }
}

/// The path of an index's ranking page, relative to the app's root: `chi-so/papi/`.
pub fn index_path(key: &str) -> String {
    format!("{INDEX_DIR}/{key}/")
}

/// The query a page's path stands for (`view=profile&province=14` for `tinh/son-la/`,
/// `view=brief&province=14` for `tinh/son-la/bao-cao/`,
/// `lang=en&view=profile&province=14` for `en/tinh/son-la/`, `lang=en` for `en/` and any other
/// path under it), or `None` for the root and for any other path that names no page (which then
/// shows the default view).
/// `path` is relative to the app's root; `index.html` at its end is allowed.
pub fn page_query(path: &str, dataset: &Dataset) -> Option<String> {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    match lang_of(path) {
        // Any path under `en/` is English, a page's or not.
        (Lang::En, page) => {
            let lang = format!("lang={}", Lang::En.code());
            Some(match bare_page_query(page, dataset) {
                Some(query) => format!("{lang}&{query}"),
                None => lang,
            })
        }
        (Lang::Vi, page) => bare_page_query(page, dataset),
    }
}

/// `page_query` of a path without its language's folder.
fn bare_page_query(path: &str, dataset: &Dataset) -> Option<String> {
    let mut parts = path.split('/').filter(|p| !p.is_empty());
    let (dir, name, inner) = (parts.next()?, parts.next()?, parts.next());
    if parts.next().is_some() {
        return None;
    }
    let province = || dataset.provinces.iter().find(|p| province_slug(p) == name);
    match (dir, inner) {
        (PROVINCE_DIR, None) => province().map(|p| format!("view=profile&province={}", p.code)),
        (PROVINCE_DIR, Some(BRIEF_DIR)) => {
            province().map(|p| format!("view=brief&province={}", p.code))
        }
        (INDEX_DIR, None) => dataset
            .index(name)
            .map(|i| format!("view=rankings&index={}", i.key)),
        _ => None,
    }
}
