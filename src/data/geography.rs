//! The two geographies: the 63 provinces rated by the index editions to 2024 (64 with Hà Tây to
//! 2008) and the 34 provincial units formed on 1 July 2025 (Resolution 202/2025/QH15), rated from
//! the 2025 editions on.
//!
//! Both sets live in `Dataset::provinces`, told apart by their ids: a former province keeps its
//! GSO code ("15", Yên Bái), a 2025 unit has its new code after an "n" ("n15", the Lào Cai
//! formed from Lào Cai and Yên Bái, whose seat is in the former Yên Bái). A two-digit code never names a 2025 unit, so no
//! id, address, join or user's file can take one set for the other.
//!
//! Nothing here combines values: no publisher defines a 2025 unit's score from its former
//! provinces' scores, so the grouping below only places each former province beside its unit.

use crate::data::model::{Dataset, Province};
use crate::i18n::{Lang, Text};
use crate::text::matches;

/// The first year whose index editions rate the 34 units.
pub const FIRST_YEAR_2025: u16 = 2025;

/// The prefix of a 2025 unit's id.
const UNIT_PREFIX: char = 'n';

/// Which set of provinces an index edition rates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Geography {
    /// The 63 provinces of 2008 to mid-2025 (and Hà Tây before 2008).
    Provinces63,
    /// The 34 provincial units of 1 July 2025.
    Units2025,
}

impl Geography {
    pub fn of_year(year: u16) -> Geography {
        if year >= FIRST_YEAR_2025 {
            Geography::Units2025
        } else {
            Geography::Provinces63
        }
    }
}

/// The id of the 2025 unit with GSO code `code` (Decision 19/2025/QĐ-TTg).
pub fn unit_id(code: &str) -> String {
    format!("{UNIT_PREFIX}{code}")
}

/// Whether `id` names a 2025 unit.
pub fn is_unit_id(id: &str) -> bool {
    id.starts_with(UNIT_PREFIX)
}

/// A province's name with its years, short, for a chart drawing both sets (namesakes such as
/// the Lào Cai of 2025 and the former Lào Cai): "Lào Cai (to 2024)", "Lào Cai (since 2025)".
pub fn years_label(p: &Province, lang: Lang) -> String {
    match (p.last_year, p.first_year) {
        (Some(last), _) => format!("{} ({} {last})", p.name(lang), lang.t(Text::Until)),
        (None, Some(first)) => format!("{} ({} {first})", p.name(lang), lang.t(Text::Since)),
        (None, None) => p.name(lang).to_string(),
    }
}

/// A 2025 unit and the former provinces it was formed from, in code order.
#[derive(Debug, PartialEq)]
pub struct UnitGroup<'a> {
    pub unit: &'a Province,
    pub members: Vec<&'a Province>,
}

impl Dataset {
    /// The 2025 unit a former province is part of.
    pub fn successor(&self, code: &str) -> Option<&Province> {
        self.province(code)?
            .merged_2025_into
            .as_deref()
            .and_then(|id| self.province(id))
    }

    /// A 2025 unit's former provinces (empty for a province of the 63).
    pub fn members_of(&self, id: &str) -> Vec<&Province> {
        self.province(id)
            .map(|unit| {
                unit.members
                    .iter()
                    .filter_map(|code| self.province(code))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The 34 units with their former provinces, in the units' order in the dataset (by code).
    pub fn unit_groups(&self) -> Vec<UnitGroup<'_>> {
        self.provinces
            .iter()
            .filter(|p| is_unit_id(&p.code))
            .map(|unit| UnitGroup {
                unit,
                members: self.members_of(&unit.code),
            })
            .collect()
    }

    /// Provinces of either set whose name matches `folded` (a `text::fold`ed query), former
    /// provinces first: a former province by its own names, a unit by its own names or a former
    /// province's ("yen bai" finds Yên Bái and the Lào Cai it is part of since 2025).
    pub fn find_provinces(&self, folded: &str) -> Vec<&Province> {
        let own = |p: &Province| matches(folded, &[&p.name_vi, &p.name_en]);
        let (units, former): (Vec<&Province>, Vec<&Province>) = self
            .provinces
            .iter()
            .filter(|p| own(p) || self.members_of(&p.code).into_iter().any(own))
            .partition(|p| is_unit_id(&p.code));
        former.into_iter().chain(units).collect()
    }

    /// A province's name told apart from its namesake in the other set: "Lào Cai (to 2024)",
    /// "Lào Cai (since 2025: Lào Cai, Yên Bái)".
    pub fn province_label(&self, p: &Province, lang: Lang) -> String {
        match (p.last_year, p.first_year) {
            (None, Some(first)) => {
                let members: Vec<&str> = self
                    .members_of(&p.code)
                    .iter()
                    .map(|m| m.name(lang))
                    .collect();
                format!(
                    "{} ({} {first}: {})",
                    p.name(lang),
                    lang.t(Text::Since),
                    members.join(", ")
                )
            }
            _ => years_label(p, lang),
        }
    }

    /// The provinces a province id is tied to across 1 July 2025: a former province's unit, or
    /// a unit's former provinces.
    pub fn across_2025(&self, id: &str) -> Vec<&Province> {
        if is_unit_id(id) {
            self.members_of(id)
        } else {
            self.successor(id).into_iter().collect()
        }
    }
}
