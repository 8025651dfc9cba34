//! The readable addresses of the pages built ahead (`ui::built_pages::pages`): `tinh/<slug>/` for a province,
//! `chi-so/<index>/` for an index's latest ranking; and the reverse, an address's path read as
//! the selection it shows (`Selection::from_address`), so the app started from a page shows it.
//!
//! A province's slug is its name without diacritics, in lower case, with hyphens between the
//! words ("Sơn La" → `son-la`, "Bà Rịa - Vũng Tàu" → `ba-ria-vung-tau`). A unit of 2025 adds
//! `-2025` (`son-la-2025`, `lao-cai-2025`): 33 of the 34 share a name with a former province,
//! and one rule for all keeps every slug unique and stable whatever the names.

use crate::data::geography::{is_unit_id, FIRST_YEAR_2025};
use crate::data::model::{Dataset, Province};
use crate::ui::state::{Selection, View};

/// The folder of the province pages.
pub const PROVINCE_DIR: &str = "tinh";
/// The folder of the index ranking pages.
pub const INDEX_DIR: &str = "chi-so";

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

/// The page built ahead that shows `selection`'s province, relative to the app's root: a
/// province's profile has its page (`tinh/son-la/`), whose preview names the province when its
/// address is shared; any other view has none ("").
pub fn page_of(selection: &Selection, dataset: &Dataset) -> String {
    match (selection.view, &selection.province) {
        (View::Profile, Some(code)) => dataset
            .province(code)
            .map(province_path)
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The path of an index's ranking page, relative to the app's root: `chi-so/papi/`.
pub fn index_path(key: &str) -> String {
    format!("{INDEX_DIR}/{key}/")
}

/// The query a page's path stands for (`view=profile&province=14` for `tinh/son-la/`), or
/// `None` for the root and for any path that names no page (which then shows the default view).
/// `path` is relative to the app's root; `index.html` at its end is allowed.
pub fn page_query(path: &str, dataset: &Dataset) -> Option<String> {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let mut parts = path.split('/').filter(|p| !p.is_empty());
    let (dir, name) = (parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    match dir {
        PROVINCE_DIR => dataset
            .provinces
            .iter()
            .find(|p| province_slug(p) == name)
            .map(|p| format!("view=profile&province={}", p.code)),
        INDEX_DIR => dataset
            .index(name)
            .map(|i| format!("view=rankings&index={}", i.key)),
        _ => None,
    }
}
