//! The app's state in one place: what the user selected, the actions that change it, and its
//! round trip through the URL query string. Every selection is normalised against the dataset,
//! so a stale or hand-edited URL falls back to defaults instead of failing.

use crate::analysis::ranking::{Query, SortColumn};
use crate::data::geography::Geography;
use crate::data::model::{DataPart, Dataset};
use crate::data::units::UnitSort;
use crate::i18n::Lang;

/// The views, each addressable by `?view=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Rankings,
    Profile,
    Trends,
    Map,
    Scatter,
    Compare,
    /// Inside a province: its own departments and districts, and its committee's meetings.
    Inside,
    /// The committee's brief: a province's standing in one year, in the reports' words.
    Brief,
    /// An index's edition at a glance: one index and year, in the announcements' words.
    Edition,
    /// The user's own files: chosen, dropped or pasted, each listed with its rows and errors.
    Data,
}

impl View {
    pub const ALL: [View; 10] = [
        View::Rankings,
        View::Profile,
        View::Trends,
        View::Map,
        View::Scatter,
        View::Compare,
        View::Inside,
        View::Brief,
        View::Edition,
        View::Data,
    ];

    pub fn key(self) -> &'static str {
        match self {
            View::Rankings => "rankings",
            View::Profile => "profile",
            View::Trends => "trends",
            View::Map => "map",
            View::Scatter => "scatter",
            View::Compare => "compare",
            View::Inside => "inside",
            View::Brief => "brief",
            View::Edition => "edition",
            View::Data => "data",
        }
    }

    pub fn from_key(key: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == key)
    }
}

/// At most this many provinces on a trend chart; the compare view uses the first four.
pub const MAX_TREND_PROVINCES: usize = 8;
pub const MAX_COMPARE_PROVINCES: usize = 4;

#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    pub view: View,
    pub lang: Lang,
    pub index: String,
    pub year: u16,
    pub component: String,
    pub region: Option<String>,
    pub search: String,
    pub sort: SortColumn,
    pub descending: bool,
    /// The province of the profile view (a GSO code).
    pub province: Option<String>,
    /// The provinces on the trend and compare views, in the order they were added.
    pub provinces: Vec<String>,
    /// Trends: ranks instead of values.
    pub rank_mode: bool,
    /// Map: the tile-grid cartogram instead of the geographic map.
    pub tiles: bool,
    /// Scatter: the index and component on the Y axis (X is `index`/`component`).
    pub y_index: String,
    pub y_component: String,
    /// Inside view: the user's own file instead of the bundled reports.
    pub own: bool,
    /// Inside view: the search over unit names and the order of every unit table.
    pub unit_search: String,
    pub unit_sort: UnitSort,
    pub unit_descending: bool,
    /// Rankings, map and trends: a year before 2025 grouped under the 34 provinces of 2025.
    /// Kept for any year; the views ignore it where the year already rates the 34.
    pub borders_2025: bool,
    /// `?embed`: the view alone, to be framed by another site (no header, tabs or language
    /// switch; a link back to the full view).
    pub embed: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetView(View),
    /// Opens the profile of a province.
    OpenProfile(String),
    /// Opens the inside view of a province (its bundled unit scores and meetings).
    OpenInside(String),
    /// Opens the brief of a province.
    OpenBrief(String),
    /// Inside view: show the user's own data (true) or the bundled reports.
    SetOwn(bool),
    /// Adds a province to, or removes it from, the trend/compare list.
    ToggleProvince(String),
    SetRankMode(bool),
    SetTiles(bool),
    SetBorders2025(bool),
    SetYIndex(String),
    SetYComponent(String),
    SetLang(Lang),
    SetIndex(String),
    SetYear(u16),
    SetComponent(String),
    SetRegion(Option<String>),
    SetSearch(String),
    /// Sorts by a column; the same column again reverses the direction.
    SortBy(SortColumn),
    SetUnitSearch(String),
    /// Sorts the unit tables; the same column again reverses the direction.
    SortUnits(UnitSort),
}

/// The index shown first: PAPI is the most complete recent index.
const DEFAULT_INDEX: &str = "papi";
/// Longest search text kept (longer input is cut, not rejected).
const MAX_SEARCH_CHARS: usize = 80;

impl Selection {
    pub fn initial(dataset: &Dataset, lang: Lang) -> Selection {
        Selection {
            view: View::Rankings,
            lang,
            index: String::new(),
            year: 0,
            component: "total".into(),
            region: None,
            search: String::new(),
            sort: SortColumn::Position,
            descending: false,
            province: None,
            provinces: Vec::new(),
            rank_mode: false,
            tiles: false,
            y_index: String::new(),
            y_component: "total".into(),
            own: false,
            unit_search: String::new(),
            unit_sort: UnitSort::Score,
            unit_descending: true,
            borders_2025: false,
            embed: false,
        }
        .normalised(dataset)
    }

    /// The ranking of totals that the main file holds, which needs no data part: shown when a
    /// link's view could not get its data and nothing was on screen before.
    pub fn without_parts(mut self, dataset: &Dataset) -> Selection {
        self.view = View::Rankings;
        self.component = "total".into();
        self.y_component = "total".into();
        if let Some(held) = dataset.indices.iter().find(|i| i.totals_file.is_none()) {
            if dataset
                .index(&self.index)
                .is_some_and(|i| i.totals_file.is_some())
            {
                self.index = held.key.clone();
            }
        }
        self.normalised(dataset)
    }

    /// The data this selection shows that is kept in files of its own: those are loaded on
    /// demand (`Dataset::part_to_load`) before the selection is shown.
    pub fn parts_needed(&self, dataset: &Dataset) -> Vec<DataPart> {
        let mut parts = Vec::new();
        // An edition is built by the brief worker, which loads the data itself.
        if self.view == View::Edition {
            return parts;
        }
        match self.view {
            // A profile shows every index's standing.
            View::Profile => parts.extend(
                dataset
                    .indices
                    .iter()
                    .map(|i| DataPart::Totals(i.key.clone())),
            ),
            View::Inside | View::Data => {}
            _ => parts.push(DataPart::Totals(self.index.clone())),
        }
        // A component's line over the years needs every year's; any other view shows one year.
        if self.view == View::Trends && self.component != "total" {
            parts.extend(dataset.components_parts(&self.index));
        } else if self.component != "total" || matches!(self.view, View::Profile | View::Compare) {
            parts.push(DataPart::Components(self.index.clone(), self.year));
        }
        if self.view == View::Scatter {
            parts.push(DataPart::Totals(self.y_index.clone()));
            if self.y_component != "total" {
                parts.push(DataPart::Components(self.y_index.clone(), self.year));
            }
        }
        // Not for the user's own file, which needs none of the bundled data.
        if self.view == View::Inside && !self.own {
            parts.push(DataPart::Reports);
        }
        parts
    }

    /// Makes the year, component and region valid for the dataset (latest year, `total`, all).
    pub fn normalised(mut self, dataset: &Dataset) -> Selection {
        let fallback = || {
            dataset
                .index(DEFAULT_INDEX)
                .or_else(|| dataset.indices.first())
        };
        let Some(mut index) = dataset.index(&self.index).or_else(fallback) else {
            return self;
        };
        // The brief is of a year, whichever index has it.
        if self.view == View::Brief && index.year(self.year).is_none() {
            index = dataset
                .indices
                .iter()
                .find(|i| i.year(self.year).is_some())
                .unwrap_or(index);
        }
        self.index = index.key.clone();
        let year = index
            .year(self.year)
            .or_else(|| index.years.last())
            .expect("every index in a loaded dataset has at least one year");
        self.year = year.year;
        if year.component(&self.component).is_none() {
            self.component = year
                .components
                .first()
                .map(|c| c.key.clone())
                .unwrap_or_default();
        }
        if self
            .region
            .as_deref()
            .is_some_and(|r| dataset.region(r).is_none())
        {
            self.region = None;
        }
        for search in [&mut self.search, &mut self.unit_search] {
            if search.chars().count() > MAX_SEARCH_CHARS {
                *search = search.chars().take(MAX_SEARCH_CHARS).collect();
            }
        }
        let year = self.year;
        // A profile or a trend spans years, so it takes a province of either geography.
        let known = |code: &String| dataset.province(code).is_some();
        self.province = self.province.filter(known);
        let mut seen = Vec::new();
        self.provinces.retain(|c| {
            known(c) && !seen.contains(c) && {
                seen.push(c.clone());
                true
            }
        });
        self.provinces.truncate(MAX_TREND_PROVINCES);
        // The scatter's Y axis: another index (PCI against PAPI by default) in the same year.
        let y = dataset
            .index(&self.y_index)
            .or_else(|| {
                dataset
                    .indices
                    .iter()
                    .find(|i| i.key != self.index && i.year(year).is_some())
            })
            .unwrap_or(index);
        self.y_index = y.key.clone();
        match y.year(year) {
            Some(y_year) if y_year.component(&self.y_component).is_none() => {
                self.y_component = y_year
                    .components
                    .first()
                    .map(|c| c.key.clone())
                    .unwrap_or_default();
            }
            None => self.y_component = "total".into(),
            Some(_) => {}
        }
        self
    }

    /// Whether this year is shown grouped under the 34 provinces of 2025: the switch is on and
    /// the year still rates the 63 (from 2025 the years rate the 34 themselves).
    pub fn grouped_2025(&self) -> bool {
        self.borders_2025 && Geography::of_year(self.year) == Geography::Provinces63
    }

    /// Whether moving from `self` to `next` is a step the back button should undo.
    pub fn is_navigation(&self, next: &Selection) -> bool {
        self.view != next.view || self.province != next.province || self.own != next.own
    }

    pub fn apply(&self, dataset: &Dataset, action: Action) -> Selection {
        let mut next = self.clone();
        match action {
            Action::SetView(view) => next.view = view,
            Action::OpenProfile(code) => {
                next.view = View::Profile;
                next.province = Some(code);
            }
            Action::OpenInside(code) => {
                next.view = View::Inside;
                next.province = Some(code);
                next.own = false;
            }
            Action::OpenBrief(code) => {
                next.view = View::Brief;
                next.province = Some(code);
            }
            Action::SetOwn(own) => {
                // The user's units are shown inside a province; the bundled ones there too.
                next.view = View::Inside;
                next.own = own;
            }
            Action::ToggleProvince(code) => {
                if let Some(i) = next.provinces.iter().position(|c| *c == code) {
                    next.provinces.remove(i);
                } else if next.provinces.len() < MAX_TREND_PROVINCES {
                    next.provinces.push(code);
                }
            }
            Action::SetRankMode(on) => next.rank_mode = on,
            Action::SetTiles(on) => next.tiles = on,
            Action::SetBorders2025(on) => next.borders_2025 = on,
            Action::SetYIndex(index) => next.y_index = index,
            Action::SetYComponent(component) => next.y_component = component,
            Action::SetLang(lang) => next.lang = lang,
            Action::SetIndex(index) => next.index = index,
            Action::SetYear(year) => next.year = year,
            Action::SetComponent(component) => next.component = component,
            Action::SetRegion(region) => next.region = region,
            Action::SetSearch(search) => next.search = search,
            Action::SortBy(column) => {
                let natural = column.natural_descending();
                sort_by(&mut next.sort, &mut next.descending, column, natural);
            }
            Action::SetUnitSearch(search) => next.unit_search = search,
            Action::SortUnits(column) => {
                let natural = column.natural_descending();
                sort_by(
                    &mut next.unit_sort,
                    &mut next.unit_descending,
                    column,
                    natural,
                );
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
            ("view", self.view.key().to_string()),
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
            pairs.push((
                "dir",
                if self.descending { "desc" } else { "asc" }.to_string(),
            ));
        }
        if let Some(province) = &self.province {
            pairs.push(("province", province.clone()));
        }
        if !self.provinces.is_empty() {
            pairs.push(("provinces", self.provinces.join(",")));
        }
        if self.rank_mode {
            pairs.push(("mode", "rank".into()));
        }
        if self.tiles {
            pairs.push(("map", "tiles".into()));
        }
        if self.own {
            pairs.push(("data", "own".into()));
        }
        if !self.unit_search.is_empty() {
            pairs.push(("uq", self.unit_search.clone()));
        }
        if self.unit_sort != UnitSort::Score || !self.unit_descending {
            pairs.push(("usort", self.unit_sort.key().to_string()));
            pairs.push((
                "udir",
                if self.unit_descending { "desc" } else { "asc" }.to_string(),
            ));
        }
        if self.borders_2025 {
            pairs.push(("borders", "2025".into()));
        }
        if self.view == View::Scatter {
            pairs.push(("y_index", self.y_index.clone()));
            pairs.push(("y_component", self.y_component.clone()));
        }
        let mut query = pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={}", encode_component(&v)))
            .collect::<Vec<_>>()
            .join("&");
        if self.embed {
            query.push_str("&embed");
        }
        query
    }

    /// The query string of the same view framed (`embed` true) or in full.
    pub fn query_string_embedded(&self, embed: bool) -> String {
        Selection {
            embed,
            ..self.clone()
        }
        .to_query_string()
    }

    /// Reads an address relative to the app's root (`tinh/son-la/?lang=en`): a page's path
    /// (`ui::built_pages::paths`) sets the view, and the query, read after it, overrides it.
    pub fn from_address(address: &str, dataset: &Dataset, fallback_lang: Lang) -> Selection {
        let (path, query) = address.split_once('?').unwrap_or((address, ""));
        let page = crate::ui::built_pages::paths::page_query(path, dataset).unwrap_or_default();
        Selection::from_query_string(&format!("{page}&{query}"), dataset, fallback_lang)
    }

    /// Reads a query string (with or without `?`). Anything unknown or malformed is ignored.
    pub fn from_query_string(query: &str, dataset: &Dataset, fallback_lang: Lang) -> Selection {
        let mut s = Selection::initial(dataset, fallback_lang);
        for pair in query.trim_start_matches('?').split('&') {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let Some(value) = decode_component(raw) else {
                continue;
            };
            match key {
                "lang" => s.lang = Lang::from_code(&value).unwrap_or(s.lang),
                "index" => s.index = value,
                "year" => s.year = value.parse().unwrap_or(0),
                "component" => s.component = value,
                "region" => s.region = Some(value).filter(|v| !v.is_empty()),
                "q" => s.search = value,
                "sort" => s.sort = SortColumn::from_key(&value).unwrap_or(s.sort),
                "dir" => s.descending = value == "desc",
                "view" => s.view = View::from_key(&value).unwrap_or(s.view),
                "province" => s.province = Some(value),
                "provinces" => s.provinces = value.split(',').map(str::to_string).collect(),
                "mode" => s.rank_mode = value == "rank",
                "map" => s.tiles = value == "tiles",
                "y_index" => s.y_index = value,
                "y_component" => s.y_component = value,
                "data" => s.own = value == "own",
                "uq" => s.unit_search = value,
                "usort" => s.unit_sort = UnitSort::from_key(&value).unwrap_or(s.unit_sort),
                "udir" => s.unit_descending = value != "asc",
                "borders" => s.borders_2025 = value == "2025",
                // Present (`embed`, `embed=1`) unless switched off in words.
                "embed" => s.embed = !matches!(value.as_str(), "0" | "false" | "no"),
                _ => {}
            }
        }
        s.normalised(dataset)
    }
}

/// Sorts by `column`: the same column again reverses the direction, another starts in its
/// natural one.
fn sort_by<C: PartialEq>(sort: &mut C, descending: &mut bool, column: C, natural_descending: bool) {
    if *sort == column {
        *descending = !*descending;
    } else {
        *sort = column;
        *descending = natural_descending;
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
