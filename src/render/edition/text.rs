//! An edition's sentences, in the register of the publishers' announcements ("Quảng Ninh dẫn
//! đầu PAR INDEX 2023 với 92,18%…"), generated from `analysis::edition`'s figures only, each
//! with the sources of its figures. What the table lacks is said, never filled: a place no
//! source gives, a province with a rank only, an edition that does not compare with the one
//! before.

use crate::analysis::edition::{Edition, FormerEdition, FormerUnit, Movers, NoComparison};
use crate::analysis::ranking::{RankKind, Row};
use crate::data::model::Dataset;
use crate::i18n::{Lang, Text};
use crate::render::brief::text::{push_source, Section, Sentence, SourceRef, Writer};

/// Names listed at most in a sentence of provinces new to the table or missing from it.
const LISTED: usize = 12;

struct Words<'a> {
    dataset: &'a Dataset,
    lang: Lang,
    e: &'a Edition,
    index: String,
}

fn sources_of<'r>(rows: impl IntoIterator<Item = &'r Row>) -> Vec<SourceRef> {
    let mut out = Vec::new();
    for r in rows {
        if let Some(s) = r.source {
            push_source(&mut out, SourceRef::Data(s));
        }
    }
    out
}

impl Words<'_> {
    fn pick(&self, vi: &str, en: &str) -> String {
        self.lang.pick(vi, en).to_string()
    }

    fn sentence(&self, section: Section, text: String, sources: Vec<SourceRef>) -> Sentence {
        Sentence {
            section,
            text,
            sources,
        }
    }

    fn name(&self, r: &Row) -> String {
        self.lang.pick(&r.name_vi, &r.name_en).to_string()
    }

    /// "86,89%", or "chỉ có thứ hạng" for a rank without a value.
    fn value(&self, index_year: (&str, u16), r: &Row) -> String {
        match r.value {
            Some(v) => Writer::new(self.dataset, self.lang, index_year.1).amount(index_year.0, v),
            None => self.pick("chỉ có thứ hạng", "rank only"),
        }
    }

    /// "Quảng Ninh (92,18%)", "An Giang (hạng 63, 81,32%)".
    fn placed(&self, r: &Row, with_place: bool) -> String {
        let value = self.value((&self.e.index, self.e.year), r);
        let place = match self.e.ranked_by {
            RankKind::Official => r.official_rank,
            RankKind::Computed => r.position,
        };
        match (with_place, place) {
            (true, Some(p)) => {
                let label = match (self.e.ranked_by, self.lang) {
                    (RankKind::Official, Lang::Vi) => "hạng",
                    (RankKind::Official, Lang::En) => "rank",
                    (RankKind::Computed, _) => self.lang.pick("vị trí", "position"),
                };
                format!("{} ({label} {p}, {value})", self.name(r))
            }
            _ => format!("{} ({value})", self.name(r)),
        }
    }

    fn list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [head @ .., last] => {
                format!("{} {} {last}", head.join(", "), self.lang.pick("và", "and"))
            }
        }
    }

    /// "không có nguồn nào trong bảng nêu tỉnh xếp thứ 60".
    fn places_missing(&self, places: &[u32]) -> String {
        let list: Vec<String> = places.iter().map(u32::to_string).collect();
        match self.lang {
            Lang::Vi => format!(
                "; không có nguồn nào trong bảng nêu tỉnh xếp thứ {}",
                self.list(&list)
            ),
            Lang::En => format!("; no source in the table gives place {}", self.list(&list)),
        }
    }

    fn leaders(&self) -> Option<Sentence> {
        let e = self.e;
        let (first, rest) = e.leaders.split_first()?;
        let index = &self.index;
        let year = e.year;
        let first_value = self.value((&e.index, year), first);
        let rest: Vec<String> = rest.iter().map(|r| self.placed(r, false)).collect();
        let mut text = match (e.ranked_by, self.lang) {
            (RankKind::Official, Lang::Vi) => format!(
                "{} dẫn đầu {index} {year} với {first_value}",
                self.name(first)
            ),
            (RankKind::Official, Lang::En) => format!(
                "{} leads {index} {year} with {first_value}",
                self.name(first)
            ),
            (RankKind::Computed, Lang::Vi) => format!(
                "{index} {year} không công bố xếp hạng; theo điểm số, {} có điểm cao nhất với {first_value}",
                self.name(first)
            ),
            (RankKind::Computed, Lang::En) => format!(
                "{index} {year} publishes no ranks; by score, {} comes first with {first_value}",
                self.name(first)
            ),
        };
        if !rest.is_empty() {
            text += &match self.lang {
                Lang::Vi => format!(", tiếp theo là {}", self.list(&rest)),
                Lang::En => format!(", followed by {}", self.list(&rest)),
            };
        }
        if e.ranked_by == RankKind::Computed {
            text += &match self.lang {
                Lang::Vi => format!(
                    " (thứ tự tính từ số liệu của {} tỉnh có điểm, không phải xếp hạng chính thức)",
                    e.coverage.with_value
                ),
                Lang::En => format!(
                    " (positions computed among the {} provinces with a score, not official ranks)",
                    e.coverage.with_value
                ),
            };
        }
        if !e.leader_places_missing.is_empty() {
            text += &self.places_missing(&e.leader_places_missing);
        }
        text.push('.');
        Some(self.sentence(Section::EditionResults, text, sources_of(&e.leaders)))
    }

    fn laggards(&self) -> Option<Sentence> {
        let e = self.e;
        if e.laggards.is_empty() && e.laggard_places_missing.is_empty() {
            return None;
        }
        let listed: Vec<String> = e.laggards.iter().map(|r| self.placed(r, true)).collect();
        let mut text = if listed.is_empty() {
            match self.lang {
                Lang::Vi => "Không có nguồn nào trong bảng nêu các tỉnh xếp cuối".to_string(),
                Lang::En => "No source in the table gives the last places".to_string(),
            }
        } else {
            let head = self.pick("Xếp cuối bảng là", "At the bottom of the table are");
            let mut t = format!("{head} {}", self.list(&listed));
            if !e.laggard_places_missing.is_empty() {
                t += &self.places_missing(&e.laggard_places_missing);
            }
            t
        };
        text.push('.');
        Some(self.sentence(Section::EditionResults, text, sources_of(&e.laggards)))
    }

    fn movers(&self) -> Vec<Sentence> {
        let e = self.e;
        let index = &self.index;
        let text = |t: String| vec![self.sentence(Section::EditionResults, t, Vec::new())];
        match &e.movers {
            Err(NoComparison::NoPrevious) => text(match self.lang {
                Lang::Vi => format!("{index} không có kỳ trước có số liệu để so sánh."),
                Lang::En => format!("{index} has no earlier edition with data to compare with."),
            }),
            Err(NoComparison::MethodBreak(b)) => {
                let before = e.previous.unwrap_or(*b);
                text(match self.lang {
                    Lang::Vi => format!("{index} thay đổi phương pháp đánh giá từ năm {b} nên điểm số và thứ hạng năm {} không so sánh với năm {before}.", e.year),
                    Lang::En => format!("{index} changed its method in {b}, so scores and places in {} are not compared with {before}.", e.year),
                })
            }
            Err(NoComparison::Geography) => text(match self.lang {
                Lang::Vi => format!("Từ năm 2025, {index} đánh giá 34 tỉnh, thành phố thành lập ngày 1/7/2025, nên kết quả năm {} không so sánh với kết quả của 63 tỉnh trước đó; kết quả của các tỉnh cũ được nêu riêng ở dưới, không cộng gộp.", e.year),
                Lang::En => format!("From 2025, {index} rates the 34 provinces formed on 1 July 2025, so the {} results are not compared with those of the 63 provinces before; the former provinces' own results are listed below, never combined.", e.year),
            }),
            Ok(m) => self.moved(m),
        }
    }

    fn moved(&self, m: &Movers) -> Vec<Sentence> {
        let w = Writer::new(self.dataset, self.lang, self.e.year);
        let against = w.against(m.previous_year);
        let mut out = Vec::new();
        let by_value = |rows: &[(Row, f64)]| -> Vec<String> {
            rows.iter()
                .map(|(r, d)| format!("{} ({})", self.name(r), w.points_change(*d)))
                .collect()
        };
        let (rises, falls) = (by_value(&m.rises), by_value(&m.falls));
        if let Some(parts) = self.labelled([
            (
                &rises,
                "tăng điểm nhiều nhất là",
                "the largest rises in score are",
            ),
            (&falls, "giảm điểm nhiều nhất là", "the largest falls are"),
        ]) {
            // "so với năm 2022" opens the sentence: "So với năm 2022"; "on 2022": "Against 2022".
            let text = match self.lang {
                Lang::Vi => format!(
                    "S{}, trong {} tỉnh có điểm ở cả hai năm, {}.",
                    against.strip_prefix('s').unwrap_or(&against),
                    m.compared,
                    parts
                ),
                Lang::En => format!(
                    "Against {}, among the {} provinces with a score in both years, {}.",
                    against.strip_prefix("on ").unwrap_or(&against),
                    m.compared,
                    parts
                ),
            };
            let rows = m.rises.iter().chain(&m.falls).map(|(r, _)| r);
            out.push(self.sentence(Section::EditionResults, text, sources_of(rows)));
        }
        let by_places = |rows: &[(Row, i64)]| -> Vec<String> {
            rows.iter()
                .map(|(r, k)| format!("{} ({})", self.name(r), w.places_change(*k)))
                .collect()
        };
        let (climbs, drops) = (by_places(&m.climbs), by_places(&m.drops));
        if let Some(parts) = self.labelled([
            (&climbs, "Tăng hạng nhiều nhất là", "The largest climbs are"),
            (&drops, "giảm hạng nhiều nhất là", "the largest drops are"),
        ]) {
            let kind = match (m.places_kind, self.lang) {
                (RankKind::Official, Lang::Vi) => "theo xếp hạng chính thức",
                (RankKind::Official, Lang::En) => "by official rank",
                (RankKind::Computed, Lang::Vi) => "theo thứ tự tính từ số liệu",
                (RankKind::Computed, Lang::En) => "by computed position",
            };
            let text = format!("{parts} ({kind}, {against}).");
            let rows = m.climbs.iter().chain(&m.drops).map(|(r, _)| r);
            out.push(self.sentence(Section::EditionResults, text, sources_of(rows)));
        }
        out
    }

    /// "<label> <list>" for each non-empty list (label as (Vietnamese, English)), joined by
    /// "; "; None when every list is empty.
    fn labelled(&self, lists: [(&[String], &str, &str); 2]) -> Option<String> {
        let parts: Vec<String> = lists
            .iter()
            .filter(|(items, _, _)| !items.is_empty())
            .map(|(items, vi, en)| format!("{} {}", self.pick(vi, en), self.list(items)))
            .collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    }

    fn average(&self) -> Sentence {
        let e = self.e;
        let w = Writer::new(self.dataset, self.lang, e.year);
        let Some((avg, source)) = e.national else {
            return self.sentence(
                Section::EditionField,
                match self.lang {
                    Lang::Vi => format!(
                        "Không có số liệu bình quân chung cả nước được công bố cho {} {}.",
                        self.index, e.year
                    ),
                    Lang::En => format!(
                        "No national average is published for {} {}.",
                        self.index, e.year
                    ),
                },
                Vec::new(),
            );
        };
        let above = e.above_average.unwrap_or(0);
        let n = e.coverage.with_value;
        let text = match (e.coverage.is_partial(), self.lang) {
            (false, Lang::Vi) => format!("Bình quân chung cả nước đạt {}; {above}/{n} tỉnh, thành phố đạt trên mức bình quân.", w.amount(&e.index, avg)),
            (true, Lang::Vi) => format!("Bình quân chung cả nước đạt {}; trong {n} tỉnh có điểm trong bảng, {above} tỉnh đạt trên mức bình quân.", w.amount(&e.index, avg)),
            (false, Lang::En) => format!("The national average is {}; {above} of the {n} provinces are above it.", w.amount(&e.index, avg)),
            (true, Lang::En) => format!("The national average is {}; of the {n} provinces with a score in the table, {above} are above it.", w.amount(&e.index, avg)),
        };
        self.sentence(Section::EditionField, text, vec![SourceRef::Data(source)])
    }

    fn spread(&self) -> Option<Sentence> {
        let e = self.e;
        let s = e.spread.as_ref()?;
        let w = Writer::new(self.dataset, self.lang, e.year);
        let row = |code: &str| e.ranking.rows.iter().find(|r| r.code == code);
        let (high, low) = (row(&s.highest.0)?, row(&s.lowest.0)?);
        let amount = |v: f64| w.amount(&e.index, v);
        let mut text = match self.lang {
            Lang::Vi => format!(
                "Chênh lệch giữa tỉnh cao nhất ({}, {}) và tỉnh thấp nhất ({}, {}) là {} điểm; một nửa số tỉnh ở giữa đạt từ {} đến {} (khoảng cách {} điểm)",
                self.name(high), amount(s.highest.1), self.name(low), amount(s.lowest.1),
                w.n(s.range), amount(s.q1), amount(s.q3), w.n(s.iqr)
            ),
            Lang::En => format!(
                "The gap between the highest ({}, {}) and the lowest ({}, {}) is {} points; the middle half of the provinces score from {} to {} (a range of {} points)",
                self.name(high), amount(s.highest.1), self.name(low), amount(s.lowest.1),
                w.n(s.range), amount(s.q1), amount(s.q3), w.n(s.iqr)
            ),
        };
        if e.coverage.is_partial() {
            text += &match self.lang {
                Lang::Vi => format!(", tính trên {} tỉnh có điểm trong bảng", s.n),
                Lang::En => format!(", among the {} provinces with a score in the table", s.n),
            };
        }
        text.push('.');
        Some(self.sentence(Section::EditionField, text, sources_of([high, low])))
    }

    fn regions(&self) -> Option<Sentence> {
        let e = self.e;
        if e.region_leaders.is_empty() {
            return None;
        }
        let each: Vec<String> = e
            .region_leaders
            .iter()
            .map(|(key, r)| {
                format!(
                    "{}: {}",
                    self.dataset.region_name(Some(key), self.lang),
                    self.placed(r, true)
                )
            })
            .collect();
        let mut text = format!(
            "{}: {}",
            self.pick("Dẫn đầu từng vùng", "Each region's leader"),
            each.join("; ")
        );
        if e.coverage.is_partial() {
            text += self.lang.pick(
                " (trong các tỉnh có trong bảng)",
                " (among the provinces in the table)",
            );
        }
        if e.without_region > 0 {
            text += &match self.lang {
                Lang::Vi => format!(
                    "; {} tỉnh, thành phố gồm các tỉnh cũ thuộc nhiều vùng không tính vào vùng nào",
                    e.without_region
                ),
                Lang::En => format!(
                    "; {} provinces formed across regions are counted in none",
                    e.without_region
                ),
            };
        }
        text.push('.');
        let rows = e.region_leaders.iter().map(|(_, r)| r);
        Some(self.sentence(Section::EditionField, text, sources_of(rows)))
    }

    fn coverage(&self) -> Sentence {
        let e = self.e;
        let c = &e.coverage;
        let mut text = match (c.is_partial(), self.lang) {
            (false, Lang::Vi) => format!(
                "Bảng có số liệu của đủ {}/{} tỉnh, thành phố",
                c.with_value + c.rank_only,
                c.expected
            ),
            (false, Lang::En) => format!("The table has figures for all {} provinces", c.expected),
            (true, Lang::Vi) => format!(
                "Bảng chưa đầy đủ: có điểm của {}/{} tỉnh, thành phố",
                c.with_value, c.expected
            ),
            (true, Lang::En) => format!(
                "The table is partial: scores for {} of the {} provinces",
                c.with_value, c.expected
            ),
        };
        if c.rank_only > 0 {
            text += &match self.lang {
                Lang::Vi => format!(", {} tỉnh chỉ có thứ hạng", c.rank_only),
                Lang::En => format!(", a rank only for {} more", c.rank_only),
            };
        }
        let none = c.expected.saturating_sub(c.with_value + c.rank_only);
        if none > 0 {
            text += &match self.lang {
                Lang::Vi => format!(", {none} tỉnh không có số liệu"),
                Lang::En => format!(", nothing for {none}"),
            };
        }
        let why: Vec<String> = c
            .missing
            .iter()
            .filter_map(|n| {
                let p = self.dataset.province(n.province.as_deref()?)?;
                Some(format!("{}: {}", p.name(self.lang), n.reason(self.lang)))
            })
            .collect();
        if !why.is_empty() {
            text += &format!(" ({})", why.join("; "));
        }
        text.push('.');
        if !c.notes.is_empty() {
            let notes: Vec<&str> = c.notes.iter().map(|n| n.reason(self.lang)).collect();
            text += &format!(" {}: {}", self.lang.t(Text::CoverageNotes), notes.join(" "));
        }
        self.sentence(Section::EditionTable, text, Vec::new())
    }

    fn new_and_missing(&self) -> Vec<Sentence> {
        let e = self.e;
        let Some(previous) = e.previous else {
            return Vec::new();
        };
        let names = |mut names: Vec<String>| {
            let more = names.len().saturating_sub(LISTED);
            names.truncate(LISTED);
            let list = names.join(", ");
            match (more, self.lang) {
                (0, _) => list,
                (k, Lang::Vi) => format!("{list} và {k} tỉnh khác"),
                (k, Lang::En) => format!("{list} and {k} more"),
            }
        };
        let found = if e.coverage.is_partial() {
            self.pick(
                " (theo các nguồn đã thu thập)",
                " (in the sources gathered)",
            )
        } else {
            String::new()
        };
        let mut out = Vec::new();
        if !e.new_to_table.is_empty() {
            let list = names(e.new_to_table.iter().map(|r| self.name(r)).collect());
            let text = match self.lang {
                Lang::Vi => format!(
                    "Có số liệu năm {} nhưng không có năm {previous}{found}: {list}.",
                    e.year
                ),
                Lang::En => format!(
                    "With figures in {} and none in {previous}{found}: {list}.",
                    e.year
                ),
            };
            out.push(self.sentence(Section::EditionTable, text, sources_of(&e.new_to_table)));
        }
        if !e.missing_from_table.is_empty() {
            let list = names(
                e.missing_from_table
                    .iter()
                    .filter_map(|c| self.dataset.province(c))
                    .map(|p| p.name(self.lang).to_string())
                    .collect(),
            );
            let text = match self.lang {
                Lang::Vi => format!(
                    "Có số liệu năm {previous} nhưng không có năm {}{found}: {list}.",
                    e.year
                ),
                Lang::En => format!(
                    "With figures in {previous} and none in {}{found}: {list}.",
                    e.year
                ),
            };
            out.push(self.sentence(Section::EditionTable, text, Vec::new()));
        }
        out
    }

    fn former(&self) -> Vec<Sentence> {
        let Some(f) = &self.e.former else {
            return Vec::new();
        };
        let intro = match self.lang {
            Lang::Vi => format!("Năm {}, 63 tỉnh cũ được đánh giá riêng. Dưới đây, mỗi tỉnh, thành phố mới được đặt cạnh điểm và hạng của chính từng tỉnh cũ hợp thành, không cộng gộp hay tính bình quân thành điểm của tỉnh mới.", f.year),
            Lang::En => format!("In {}, the 63 former provinces were rated separately. Below, each new province is set beside its former provinces' own scores and ranks, never added or averaged into a score of the new province.", f.year),
        };
        let mut out = vec![self.sentence(Section::EditionFormer, intro, Vec::new())];
        out.extend(f.units.iter().map(|u| self.former_unit(f, u)));
        out
    }

    fn former_unit(&self, f: &FormerEdition, u: &FormerUnit) -> Sentence {
        let (before, expected) = (f.year, f.expected);
        let now = if u.unit.has_data() {
            self.placed(&u.unit, true)
        } else {
            format!(
                "{} ({})",
                self.name(&u.unit),
                self.pick("không có số liệu", "no data")
            )
        };
        let members: Vec<String> = u
            .members
            .iter()
            .map(|m| {
                let value = m
                    .value
                    .map(|v| Writer::new(self.dataset, self.lang, before).amount(&self.e.index, v));
                // A position computed among a partial table's values is no place where the
                // edition ranks officially: there the value stands alone.
                let position = m.position.filter(|_| f.ranked_by == RankKind::Computed);
                match (value, m.official_rank, position, self.lang) {
                    (None, None, _, Lang::Vi) => format!("{} không có số liệu", self.name(m)),
                    (None, None, _, Lang::En) => format!("{} no data", self.name(m)),
                    (Some(v), Some(k), _, Lang::Vi) => {
                        format!("{} đạt {v}, xếp thứ {k}/{expected}", self.name(m))
                    }
                    (Some(v), Some(k), _, Lang::En) => {
                        format!("{} {v}, rank {k} of {expected}", self.name(m))
                    }
                    (None, Some(k), _, Lang::Vi) => {
                        format!("{} xếp thứ {k}/{expected} (chỉ có thứ hạng)", self.name(m))
                    }
                    (None, Some(k), _, Lang::En) => {
                        format!("{} rank {k} of {expected} (rank only)", self.name(m))
                    }
                    (Some(v), None, Some(p), Lang::Vi) => {
                        format!("{} đạt {v} (vị trí {p} tính từ số liệu)", self.name(m))
                    }
                    (Some(v), None, Some(p), Lang::En) => {
                        format!("{} {v} (computed position {p})", self.name(m))
                    }
                    (Some(v), None, None, Lang::Vi) => format!("{} đạt {v}", self.name(m)),
                    (Some(v), None, None, Lang::En) => format!("{} {v}", self.name(m)),
                }
            })
            .collect();
        let text = match self.lang {
            Lang::Vi => format!("{now}: năm {before}, {}.", members.join("; ")),
            Lang::En => format!("{now}: in {before}, {}.", members.join("; ")),
        };
        let sources = sources_of(std::iter::once(&u.unit).chain(&u.members));
        self.sentence(Section::EditionFormer, text, sources)
    }
}

/// Every sentence of edition `e`, section by section.
pub fn sentences(dataset: &Dataset, lang: Lang, e: &Edition) -> Vec<Sentence> {
    let words = Words {
        dataset,
        lang,
        e,
        index: Writer::new(dataset, lang, e.year).index_name(&e.index),
    };
    let mut out: Vec<Sentence> = Vec::new();
    out.extend(words.leaders());
    out.extend(words.laggards());
    out.extend(words.movers());
    out.push(words.average());
    out.extend(words.spread());
    out.extend(words.regions());
    out.push(words.coverage());
    out.extend(words.new_and_missing());
    out.extend(words.former());
    out
}

/// An edition in a sentence or two, for a page's description and its link preview: who leads
/// and who trails, as `sentences` words them; `None` for an index or year without data.
pub fn summary(dataset: &Dataset, lang: Lang, index: &str, year: u16) -> Option<String> {
    let e = crate::analysis::edition::edition(dataset, index, year)?;
    let words = Words {
        dataset,
        lang,
        e: &e,
        index: Writer::new(dataset, lang, year).index_name(index),
    };
    let lead = words.leaders()?;
    let last = words.laggards().filter(|_| !e.laggards.is_empty());
    Some(
        std::iter::once(lead)
            .chain(last)
            .map(|s| s.text)
            .collect::<Vec<_>>()
            .join(" "),
    )
}
