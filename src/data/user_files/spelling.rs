//! Province names as people type them in their own tables, resolved to a province of the year's
//! geography: with or without diacritics, in any case, "TP.HCM", "TP. Hồ Chí Minh", "Thành phố
//! Huế", "TT-Huế", "Bà Rịa-Vũng Tàu", "Ba Ria Vung Tau", the English name, with or without the
//! prefix "Tỉnh", "Thành phố", "TP" or "TP.". A year to 2024 resolves among the 63 provinces (and
//! Hà Tây to its last year), from 2025 among the 34 units: the same spelling can name a former
//! province and the unit of 2025 that kept its name (Lào Cai), told apart by the year.

use crate::data::geography::FIRST_YEAR_2025;
use crate::data::model::Province;
use crate::text::fold;
use std::collections::HashMap;

/// What the resolver needs of a province (a `Province` of the dataset, small enough to send to
/// the import worker).
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub id: String,
    pub name_vi: String,
    pub name_en: String,
    pub first_year: Option<u16>,
    pub last_year: Option<u16>,
    /// A former province's 2025 unit.
    pub merged_2025_into: Option<String>,
    /// A 2025 unit's former provinces.
    pub members: Vec<String>,
}

impl From<&Province> for Place {
    fn from(p: &Province) -> Place {
        Place {
            id: p.code.clone(),
            name_vi: p.name_vi.clone(),
            name_en: p.name_en.clone(),
            first_year: p.first_year,
            last_year: p.last_year,
            merged_2025_into: p.merged_2025_into.clone(),
            members: p.members.clone(),
        }
    }
}

impl Place {
    /// Whether the index editions of `year` rate it (as `Province::rated_in`).
    pub fn rated_in(&self, year: u16) -> bool {
        self.first_year.is_none_or(|first| first <= year)
            && self.last_year.is_none_or(|last| year <= last)
    }
}

/// Short forms people write, as keys (see `key`), and the key of the name they stand for. Huế:
/// the province was Thừa Thiên Huế until it became the city of Huế, and both spellings name it
/// in every year.
const ALIASES: [(&str, &str); 7] = [
    ("hcm", "hochiminh"),
    ("hcmc", "hochiminh"),
    ("tphcm", "hochiminh"),
    ("saigon", "hochiminh"),
    ("tthue", "hue"),
    ("thuathienhue", "hue"),
    ("brvt", "bariavungtau"),
];

/// Words before a name that say what kind of unit it is.
const PREFIXES: [&[&str]; 4] = [&["tinh"], &["thanh", "pho"], &["tp"], &["t", "p"]];
/// English words after a name.
const SUFFIXES: [&str; 2] = ["city", "province"];

/// A spelling reduced to what tells provinces apart: folded (no case, no diacritics, đ = d),
/// punctuation and spaces dropped, the kind of unit before or after the name dropped, and a
/// known short form replaced by the name. "TP. Hồ Chí Minh", "TP.HCM" and "Ho Chi Minh City"
/// all give "hochiminh".
pub fn key(text: &str) -> String {
    let spaced = folded_words(text);
    let mut words: Vec<&str> = spaced.split_whitespace().collect();
    // Only while a name is left: a province called just "Tỉnh" would keep it.
    while let Some(prefix) = PREFIXES
        .iter()
        .find(|p| words.len() > p.len() && words.starts_with(p))
    {
        words.drain(..prefix.len());
    }
    while words.len() > 1 && SUFFIXES.contains(words.last().unwrap_or(&"")) {
        words.pop();
    }
    let squashed = words.concat();
    ALIASES
        .iter()
        .find(|(alias, _)| *alias == squashed)
        .map_or(squashed, |(_, name)| name.to_string())
}

/// `fold`ed, with punctuation (ASCII, dashes, quotes and the like) as spaces: "Bà Rịa–Vũng
/// Tàu" gives "ba ria vung tau". (Not `char::is_alphanumeric`, whose tables the import worker
/// would carry.)
pub fn folded_words(text: &str) -> String {
    let punctuation = |c: char| {
        c.is_ascii_punctuation() || ('\u{2000}'..='\u{206F}').contains(&c) || c == '\u{00A0}'
    };
    fold(text)
        .chars()
        .map(|c| if punctuation(c) { ' ' } else { c })
        .collect()
}

/// What a spelling names in a year.
#[derive(Debug, PartialEq)]
pub enum Resolution<'a> {
    Found(&'a Place),
    /// A province no longer rated that year, with what it is part of by then where that is one
    /// province of the year (Yên Bái in 2025: Lào Cai; Hà Tây in 2010: Hà Nội).
    Former {
        named: &'a Place,
        now: Option<&'a Place>,
    },
    /// A unit not yet formed in that year.
    NotYet(&'a Place),
    /// No province is spelt so; the nearest spelling of the year's provinces, if any.
    Unknown {
        closest: Option<&'a Place>,
    },
}

/// Resolves spellings against a list of provinces of both geographies.
#[derive(Clone, Debug, Default)]
pub struct Resolver {
    places: Vec<Place>,
    /// Key → positions in `places` (one spelling can name a former province and a unit).
    keys: HashMap<String, Vec<usize>>,
}

impl Resolver {
    pub fn new(places: Vec<Place>) -> Resolver {
        let mut keys: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, place) in places.iter().enumerate() {
            for name in [&place.name_vi, &place.name_en] {
                let positions = keys.entry(key(name)).or_default();
                if !positions.contains(&i) {
                    positions.push(i);
                }
            }
        }
        Resolver { places, keys }
    }

    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    /// Whether a spelling names a province of any year.
    pub fn knows(&self, written: &str) -> bool {
        self.keys.contains_key(&key(written))
    }

    /// The number of provinces rated in `year` (63, 64 with Hà Tây, 34 from 2025).
    pub fn count_in(&self, year: u16) -> usize {
        self.places.iter().filter(|p| p.rated_in(year)).count()
    }

    pub fn resolve(&self, written: &str, year: u16) -> Resolution<'_> {
        let key = key(written);
        let named: Vec<&Place> = self
            .keys
            .get(&key)
            .into_iter()
            .flatten()
            .map(|&i| &self.places[i])
            .collect();
        if let Some(found) = named.iter().find(|p| p.rated_in(year)) {
            return Resolution::Found(found);
        }
        if let Some(former) = named
            .iter()
            .find(|p| p.last_year.is_some_and(|last| last < year))
        {
            return Resolution::Former {
                named: former,
                now: self.successor_in(former, year),
            };
        }
        match named.first() {
            Some(unit) => Resolution::NotYet(unit),
            None => Resolution::Unknown {
                closest: self.closest(&key, year),
            },
        }
    }

    /// The province of `year` a former province is part of: its 2025 unit from 2025, before
    /// that the one former province of the unit rated that year (Hà Tây → Hà Nội).
    fn successor_in(&self, former: &Place, year: u16) -> Option<&Place> {
        let unit = self.place(former.merged_2025_into.as_deref()?)?;
        if unit.rated_in(year) {
            return Some(unit);
        }
        let mut rated = unit
            .members
            .iter()
            .filter_map(|code| self.place(code))
            .filter(|p| p.rated_in(year) && p.id != former.id);
        match (rated.next(), rated.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    }

    /// The province of `year` whose spelling is nearest `key` (Jaro–Winkler over keys).
    fn closest(&self, key: &str, year: u16) -> Option<&Place> {
        self.keys
            .iter()
            .flat_map(|(name, positions)| positions.iter().map(move |&i| (name, i)))
            .filter(|(_, i)| self.places[*i].rated_in(year))
            .map(|(name, i)| (strsim::jaro_winkler(key, name), i))
            // Ties go to the first province in the list, so the answer does not depend on the
            // map's order.
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|(_, i)| &self.places[i])
    }
}

/// When a former province became part of what it is part of now: "1 July 2025" for the 63;
/// for one that ended earlier, its last rated year (Hà Tây: 2008, in Hà Nội since then, and so
/// in the Hà Nội of 2025 too).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Since {
    July2025,
    Year(u16),
}

impl Since {
    pub fn of(former: &Place) -> Since {
        match former.last_year {
            Some(last) if last + 1 < FIRST_YEAR_2025 => Since::Year(last),
            _ => Since::July2025,
        }
    }

    pub fn words(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Lang;
        match (self, lang) {
            (Since::July2025, Lang::Vi) => format!("ngày 1/7/{FIRST_YEAR_2025}"),
            (Since::July2025, Lang::En) => format!("1 July {FIRST_YEAR_2025}"),
            (Since::Year(year), Lang::Vi) => format!("năm {year}"),
            (Since::Year(year), Lang::En) => year.to_string(),
        }
    }
}
