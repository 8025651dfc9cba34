//! The app's state in one place: what the user selected, the actions that change it, and its
//! round trip through the URL query string. Every selection is normalised against the dataset,
//! so a stale or hand-edited URL falls back to defaults instead of failing.

use crate::i18n::Lang;
use crate::model::Dataset;
use crate::ranking::{Query, SortColumn};

#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    pub lang: Lang,
    pub index: String,
    pub year: u16,
    pub component: String,
    pub region: Option<String>,
    pub search: String,
    pub sort: SortColumn,
    pub descending: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    SetIndex(String),
    SetYear(u16),
    SetComponent(String),
    SetRegion(Option<String>),
    SetSearch(String),
    /// Sorts by a column; the same column again reverses the direction.
    SortBy(SortColumn),
}

/// The index shown first: PAPI is the most complete recent index.
const DEFAULT_INDEX: &str = "papi";
/// Longest search text kept (longer input is cut, not rejected).
const MAX_SEARCH_CHARS: usize = 80;

impl Selection {
    pub fn initial(dataset: &Dataset, lang: Lang) -> Selection {
        Selection {
            lang,
            index: String::new(),
            year: 0,
            component: "total".into(),
            region: None,
            search: String::new(),
            sort: SortColumn::Position,
            descending: false,
        }
        .normalised(dataset)
    }

    /// Makes the year, component and region valid for the dataset (latest year, `total`, all).
    pub fn normalised(mut self, dataset: &Dataset) -> Selection {
        let fallback = || dataset.index(DEFAULT_INDEX).or_else(|| dataset.indices.first());
        let Some(index) = dataset.index(&self.index).or_else(fallback) else {
            return self;
        };
        self.index = index.key.clone();
        let year = index
            .year(self.year)
            .or_else(|| index.years.last())
            .expect("every index in a loaded dataset has at least one year");
        self.year = year.year;
        if year.component(&self.component).is_none() {
            self.component = year.components.first().map(|c| c.key.clone()).unwrap_or_default();
        }
        if self.region.as_deref().is_some_and(|r| dataset.region(r).is_none()) {
            self.region = None;
        }
        if self.search.chars().count() > MAX_SEARCH_CHARS {
            self.search = self.search.chars().take(MAX_SEARCH_CHARS).collect();
        }
        self
    }

    pub fn apply(&self, dataset: &Dataset, action: Action) -> Selection {
        let mut next = self.clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::SetIndex(index) => next.index = index,
            Action::SetYear(year) => next.year = year,
            Action::SetComponent(component) => next.component = component,
            Action::SetRegion(region) => next.region = region,
            Action::SetSearch(search) => next.search = search,
            Action::SortBy(column) => {
                if next.sort == column {
                    next.descending = !next.descending;
                } else {
                    next.sort = column;
                    next.descending = column.natural_descending();
                }
            }
        }
        next.normalised(dataset)
    }

    pub fn query(&self) -> Query {
        Query {
            index: self.index.clone(),
            year: self.year,
            component: self.component.clone(),
            region: self.region.clone(),
            search: self.search.clone(),
            sort: self.sort,
            descending: self.descending,
        }
    }

    /// The query string for this selection (without `?`), stable for sharing.
    pub fn to_query_string(&self) -> String {
        let mut pairs = vec![
            ("lang", self.lang.code().to_string()),
            ("index", self.index.clone()),
            ("year", self.year.to_string()),
            ("component", self.component.clone()),
        ];
        if let Some(region) = &self.region {
            pairs.push(("region", region.clone()));
        }
        if !self.search.is_empty() {
            pairs.push(("q", self.search.clone()));
        }
        if self.sort != SortColumn::Position || self.descending {
            pairs.push(("sort", self.sort.key().to_string()));
            pairs.push(("dir", if self.descending { "desc" } else { "asc" }.to_string()));
        }
        pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={}", encode_component(&v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Reads a query string (with or without `?`). Anything unknown or malformed is ignored.
    pub fn from_query_string(query: &str, dataset: &Dataset, fallback_lang: Lang) -> Selection {
        let mut s = Selection::initial(dataset, fallback_lang);
        for pair in query.trim_start_matches('?').split('&') {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let Some(value) = decode_component(raw) else { continue };
            match key {
                "lang" => s.lang = Lang::from_code(&value).unwrap_or(s.lang),
                "index" => s.index = value,
                "year" => s.year = value.parse().unwrap_or(0),
                "component" => s.component = value,
                "region" => s.region = Some(value).filter(|v| !v.is_empty()),
                "q" => s.search = value,
                "sort" => s.sort = SortColumn::from_key(&value).unwrap_or(s.sort),
                "dir" => s.descending = value == "desc",
                _ => {}
            }
        }
        s.normalised(dataset)
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986), as UTF-8.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` and `+`; `None` for a bad escape or bytes that are not UTF-8.
pub fn decode_component(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}
