//! The brief's sentences, in the register of the committees' reports ("đạt 91,19/100 điểm,
//! giảm 1,76 điểm so với năm 2021"), generated from `analysis::brief`'s figures only. Every
//! sentence carries the sources of its figures; numbers are in the locale's format; a band is
//! written as a band, a figure derived by a source says so, and a missing year is named.

use crate::analysis::brief::{BlockSummary, NoDecomposition, Scenario, Standing};
use crate::analysis::ranking::RankKind;
use crate::data::model::{Dataset, Unit};
use crate::data::units::{figure_text, UnitScore, UnitType};
use crate::i18n::Lang;

/// Where a figure comes from: a source of the dataset, or a report (a meeting id, or the name
/// of the user's file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceRef {
    Data(u32),
    Report(String),
}

/// The sections of the brief, in order, then those of an edition at a glance
/// (`render::edition`), which words its figures with the same sentences and sources.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Standing,
    Why,
    Lost,
    Scenario,
    Units,
    /// An edition's leaders, laggards and movers.
    EditionResults,
    /// Its regions, average and spread.
    EditionField,
    /// Its coverage, and who is new to the table or missing from it.
    EditionTable,
    /// An edition of 2025: each new province's former provinces in the last edition of the 63.
    EditionFormer,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    pub section: Section,
    pub text: String,
    pub sources: Vec<SourceRef>,
}

const DECIMALS: usize = 2;

/// Words figures of `year` in the reports' register (shared with `render::edition`).
pub(crate) struct Writer<'a> {
    dataset: &'a Dataset,
    lang: Lang,
    year: u16,
}

impl<'a> Writer<'a> {
    pub(crate) fn new(dataset: &'a Dataset, lang: Lang, year: u16) -> Writer<'a> {
        Writer {
            dataset,
            lang,
            year,
        }
    }
}

impl Writer<'_> {
    pub(crate) fn n(&self, v: f64) -> String {
        self.lang.number(v, DECIMALS)
    }

    fn pick(&self, vi: &str, en: &str) -> String {
        self.lang.pick(vi, en).to_string()
    }

    pub(crate) fn index_name(&self, key: &str) -> String {
        self.dataset
            .index(key)
            .map(|i| i.short_name.clone())
            .unwrap_or_else(|| key.to_string())
    }

    fn component_name(&self, index: &str, key: &str) -> String {
        let meta = self.dataset.index(index);
        [self.year]
            .into_iter()
            .chain(
                meta.iter()
                    .flat_map(|i| i.years.iter().rev().map(|y| y.year)),
            )
            .find_map(|y| {
                meta?
                    .year(y)?
                    .component(key)
                    .map(|c| c.name(self.lang).to_string())
            })
            .unwrap_or_else(|| key.to_string())
    }

    pub(crate) fn province_name(&self, code: &str) -> String {
        self.dataset
            .province(code)
            .map(|p| p.name(self.lang).to_string())
            .unwrap_or_else(|| code.to_string())
    }

    /// "86,89%" or "62,80 điểm".
    pub(crate) fn amount(&self, index: &str, v: f64) -> String {
        let unit = self
            .dataset
            .index(index)
            .and_then(|i| i.year(self.year))
            .and_then(|y| y.component("total"))
            .map(|c| c.unit);
        match unit {
            Some(Unit::Percent) => format!("{}%", self.n(v)),
            _ => format!("{} {}", self.n(v), self.pick("điểm", "points")),
        }
    }

    /// "tăng 1,25 điểm" / "up 1.25 points"; "không đổi" when it rounds to nothing.
    pub(crate) fn points_change(&self, d: f64) -> String {
        let magnitude = self.n(d.abs());
        if self.lang.signed(d, DECIMALS) == magnitude {
            return self.pick("không đổi", "unchanged");
        }
        match (d > 0.0, self.lang) {
            (true, Lang::Vi) => format!("tăng {magnitude} điểm"),
            (false, Lang::Vi) => format!("giảm {magnitude} điểm"),
            (true, Lang::En) => format!("up {magnitude} points"),
            (false, Lang::En) => format!("down {magnitude} points"),
        }
    }

    /// "tăng 3 bậc" / "up 3 places" (positive = better).
    pub(crate) fn places_change(&self, places: i64) -> String {
        let k = places.abs();
        match (places.signum(), self.lang) {
            (0, Lang::Vi) => "giữ nguyên thứ hạng".into(),
            (0, Lang::En) => "the same place".into(),
            (1, Lang::Vi) => format!("tăng {k} bậc"),
            (_, Lang::Vi) => format!("giảm {k} bậc"),
            (1, Lang::En) => format!("up {k} place{}", if k == 1 { "" } else { "s" }),
            (_, Lang::En) => format!("down {k} place{}", if k == 1 { "" } else { "s" }),
        }
    }

    /// "so với năm 2021", naming the years without data when the previous year is further back.
    pub(crate) fn against(&self, previous: u16) -> String {
        let base = self.pick("so với năm", "on");
        let gap = (previous + 1, self.year - 1);
        if gap.0 > gap.1 {
            return format!("{base} {previous}");
        }
        let years = if gap.0 == gap.1 {
            gap.0.to_string()
        } else {
            format!("{}–{}", gap.0, gap.1)
        };
        match self.lang {
            Lang::Vi => {
                format!("{base} {previous} (năm gần nhất có số liệu; không có số liệu năm {years})")
            }
            Lang::En => format!("{base} {previous} (the latest year with data; none for {years})"),
        }
    }

    pub(crate) fn names(&self, codes: &[String]) -> String {
        codes
            .iter()
            .map(|c| self.province_name(c))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn standing(&self, province: &str, s: &Standing) -> Sentence {
        let index = self.index_name(&s.index);
        let row = &s.row;
        let mut text = match (row.value, self.lang) {
            (Some(v), Lang::Vi) => format!(
                "Năm {}, {index} của {province} đạt {}",
                self.year,
                self.amount(&s.index, v)
            ),
            (Some(v), Lang::En) => format!(
                "In {}, {province} scored {} on {index}",
                self.year,
                self.amount(&s.index, v)
            ),
            (None, Lang::Vi) => format!(
                "Năm {}, {index} của {province} chỉ được công bố thứ hạng",
                self.year
            ),
            (None, Lang::En) => format!(
                "In {}, only {province}'s rank on {index} was published",
                self.year
            ),
        };
        match (row.official_rank, row.position) {
            (Some(r), _) => text += &match self.lang {
                Lang::Vi => format!(", xếp thứ {r}/{}", s.expected),
                Lang::En => format!(", ranked {r} of {}", s.expected),
            },
            (None, Some(p)) => text += &match self.lang {
                Lang::Vi => format!(", đứng thứ {p} trong {} tỉnh có số liệu (thứ tự tính từ số liệu, không phải xếp hạng chính thức)", s.with_value),
                Lang::En => format!(", position {p} among the {} provinces with data (computed from the values, not an official rank)", s.with_value),
            },
            (None, None) => {}
        }
        if let Some(c) = &row.change {
            let mut parts = Vec::new();
            match (c.value, c.method_break) {
                (Some(d), _) => parts.push(self.points_change(d)),
                (None, Some(b)) => parts.push(match self.lang {
                    Lang::Vi => {
                        format!("không so sánh được về điểm do phương pháp thay đổi từ năm {b}")
                    }
                    Lang::En => format!("points not comparable because the method changed in {b}"),
                }),
                (None, None) => {}
            }
            if let Some(r) = c.rank {
                let kind = match (c.rank_kind, self.lang) {
                    (RankKind::Official, _) => String::new(),
                    (RankKind::Computed, Lang::Vi) => " (theo thứ tự tính từ số liệu)".into(),
                    (RankKind::Computed, Lang::En) => " (computed positions)".into(),
                };
                parts.push(format!("{}{kind}", self.places_change(r)));
            }
            if !parts.is_empty() {
                text += &format!(
                    ", {} {}",
                    parts.join(self.lang.pick(" và ", " and ")),
                    self.against(c.previous_year)
                );
            }
        }
        let mut sources: Vec<SourceRef> = row.source.map(SourceRef::Data).into_iter().collect();
        if let Some((avg, source)) = s.national {
            text += &match self.lang {
                Lang::Vi => format!("; trung bình cả nước {}", self.amount(&s.index, avg)),
                Lang::En => format!("; national average {}", self.amount(&s.index, avg)),
            };
            push_source(&mut sources, SourceRef::Data(source));
        }
        text += &match self.lang {
            Lang::Vi => format!(" ({}/{} tỉnh có số liệu).", s.with_value, s.expected),
            Lang::En => format!(" ({} of {} provinces have data).", s.with_value, s.expected),
        };
        Sentence {
            section: Section::Standing,
            text,
            sources,
        }
    }

    fn why(&self, code: &str, s: &Standing) -> Vec<Sentence> {
        let index = self.index_name(&s.index);
        let years = match &s.change {
            Ok(d) => vec![d.previous_year, self.year],
            Err(_) => Vec::new(),
        };
        let sources = self.component_sources(code, &s.index, &years);
        let mut out = Vec::new();
        let text = match &s.change {
            Err(NoDecomposition::NoPreviousYear) => match self.lang {
                Lang::Vi => format!("{index}: không có năm trước có số liệu để so sánh."),
                Lang::En => format!("{index}: no earlier year with data to compare with."),
            },
            Err(NoDecomposition::MethodBreak(b)) => match self.lang {
                Lang::Vi => format!("{index}: phương pháp thay đổi từ năm {b}, điểm không so sánh được với năm trước."),
                Lang::En => format!("{index}: the method changed in {b}; points are not comparable with the year before."),
            },
            Err(NoDecomposition::NoComponents(years)) => {
                let years = years.iter().map(u16::to_string).collect::<Vec<_>>().join(", ");
                match self.lang {
                    Lang::Vi => format!("{index}: không có số liệu các chỉ số thành phần năm {years} nên chưa phân tích được nguyên nhân thay đổi."),
                    Lang::En => format!("{index}: no component figures for {years}, so the change cannot be broken down."),
                }
            }
            Ok(d) => {
                let direction = d.total_change.signum();
                let drivers: Vec<String> = d
                    .components
                    .iter()
                    .filter(|c| c.part.is_some_and(|p| p.signum() == direction && self.n(p.abs()) != self.n(0.0)))
                    .take(3)
                    .map(|c| format!("{} ({})", self.component_name(&s.index, &c.component), self.lang.signed(c.part.unwrap_or(0.0), DECIMALS)))
                    .collect();
                let total = self.points_change(d.total_change);
                let mut t = match (drivers.is_empty(), self.lang) {
                    (true, Lang::Vi) => format!("{index}: tổng điểm {total} so với năm {}; không có thành phần nào thay đổi cùng chiều", d.previous_year),
                    (true, Lang::En) => format!("{index}: the total is {total} on {}; no component moved the same way", d.previous_year),
                    (false, Lang::Vi) => format!("{index}: tổng điểm {total} so với năm {}, chủ yếu do {}", d.previous_year, drivers.join(", ")),
                    (false, Lang::En) => format!("{index}: the total is {total} on {}, mostly from {}", d.previous_year, drivers.join(", ")),
                };
                if d.weighted {
                    t += self.lang.pick(" (điểm đã nhân trọng số)", " (weighted points)");
                }
                if !d.sums_to_total {
                    t += self.lang.pick(
                        " (mức thay đổi của từng thành phần; tổng điểm không phải là tổng cộng của các thành phần này)",
                        " (each component's own change; the total is not the sum of these components)",
                    );
                }
                let missing: Vec<String> = d
                    .components
                    .iter()
                    .filter(|c| c.part.is_none())
                    .map(|c| {
                        let year = if c.now.is_none() { self.year } else { d.previous_year };
                        format!("{} ({year})", self.component_name(&s.index, &c.component))
                    })
                    .collect();
                if !missing.is_empty() {
                    t += &match self.lang {
                        Lang::Vi => format!("; thiếu số liệu: {}", missing.join(", ")),
                        Lang::En => format!("; missing: {}", missing.join(", ")),
                    };
                }
                t + "."
            }
        };
        out.push(Sentence {
            section: Section::Why,
            text,
            sources,
        });
        if let Some(p) = s
            .passes
            .as_ref()
            .filter(|p| !p.passed.is_empty() || !p.passed_by.is_empty())
        {
            let mut parts = Vec::new();
            if !p.passed.is_empty() {
                parts.push(format!(
                    "{}: {}",
                    self.lang.pick("vượt qua", "it passed"),
                    self.names(&p.passed)
                ));
            }
            if !p.passed_by.is_empty() {
                parts.push(format!(
                    "{}: {}",
                    self.lang.pick("bị vượt qua bởi", "passed by"),
                    self.names(&p.passed_by)
                ));
            }
            let kind = match (p.kind, self.lang) {
                (RankKind::Official, Lang::Vi) => "theo xếp hạng chính thức",
                (RankKind::Official, Lang::En) => "by official rank",
                (RankKind::Computed, Lang::Vi) => "theo thứ tự tính từ số liệu",
                (RankKind::Computed, Lang::En) => "by computed position",
            };
            out.push(Sentence {
                section: Section::Why,
                text: format!("{index} ({kind}): {}.", parts.join("; ")),
                sources: s.row.source.map(SourceRef::Data).into_iter().collect(),
            });
        }
        out
    }

    /// The sources of the province's component values of `index` in `years`.
    fn component_sources(&self, code: &str, index: &str, years: &[u16]) -> Vec<SourceRef> {
        let mut out = Vec::new();
        for s in self
            .dataset
            .series
            .iter()
            .filter(|s| s.index == index && s.component != "total" && years.contains(&s.year))
        {
            if let Some(p) = s
                .points
                .iter()
                .find(|p| p.province == code && p.value.is_some())
            {
                push_source(&mut out, SourceRef::Data(p.source));
            }
        }
        out
    }

    fn lost(&self, s: &Standing) -> Option<Sentence> {
        let index = self.index_name(&s.index);
        let g = s.gaps.first().filter(|g| g.value.is_some())?;
        let name = self.component_name(&s.index, &g.component);
        let v = self.n(g.value?);
        let median = g.national_median.map(|m| match self.lang {
            Lang::Vi => format!("; trung vị cả nước {}", self.n(m)),
            Lang::En => format!("; national median {}", self.n(m)),
        });
        let best = g.best.as_ref().map(|(c, b)| match self.lang {
            Lang::Vi => format!("; cao nhất {} ({})", self.n(*b), self.province_name(c)),
            Lang::En => format!("; best {} ({})", self.n(*b), self.province_name(c)),
        });
        let head = match (g.points_lost.zip(g.max_points), self.lang) {
            (Some((lost, max)), Lang::Vi) => format!(
                "{index}: mất nhiều điểm nhất ở {name}: đạt {v}/{} điểm, mất {} điểm",
                self.n(max),
                self.n(lost)
            ),
            (Some((lost, max)), Lang::En) => format!(
                "{index}: most points lost in {name}: {v} of {}, {} points lost",
                self.n(max),
                self.n(lost)
            ),
            (None, Lang::Vi) => {
                format!("{index}: cách xa tỉnh cao nhất nhiều nhất ở {name}: đạt {v}")
            }
            (None, Lang::En) => {
                format!("{index}: furthest behind the best province in {name}: {v}")
            }
        };
        Some(Sentence {
            section: Section::Lost,
            text: format!(
                "{head}{}{}.",
                best.unwrap_or_default(),
                median.unwrap_or_default()
            ),
            sources: g.source.map(SourceRef::Data).into_iter().collect(),
        })
    }

    fn scenario(&self, code: &str, s: &Standing) -> Option<Sentence> {
        let index = self.index_name(&s.index);
        let best: &Scenario = s.scenarios.first()?;
        let name = self.component_name(&s.index, &best.component);
        let added = self.n(best.added);
        let text = if best.position_then < best.position_now {
            match self.lang {
                Lang::Vi => format!(
                    "Giả định (không phải dự báo): nếu {name} thêm {added} điểm, các yếu tố khác giữ nguyên, {index} của tỉnh sẽ đứng thứ {} thay vì thứ {} trong {} tỉnh có số liệu.",
                    best.position_then, best.position_now, best.with_value
                ),
                Lang::En => format!(
                    "Scenario, not a forecast: with {added} more points in {name} and all else unchanged, the province would be position {} instead of {} among the {} provinces with data on {index}.",
                    best.position_then, best.position_now, best.with_value
                ),
            }
        } else {
            match self.lang {
                Lang::Vi => format!("Giả định (không phải dự báo): thêm một điểm ở bất kỳ thành phần nào của {index}, các yếu tố khác giữ nguyên, cũng không thay đổi thứ {} của tỉnh trong {} tỉnh có số liệu.", best.position_now, best.with_value),
                Lang::En => format!("Scenario, not a forecast: one more point in any component of {index}, all else unchanged, would not change the province's position {} among the {} provinces with data.", best.position_now, best.with_value),
            }
        };
        Some(Sentence {
            section: Section::Scenario,
            text,
            sources: self.component_sources(code, &s.index, &[self.year]),
        })
    }

    fn block(&self, b: &BlockSummary) -> Sentence {
        let metric = match (b.metric.as_str(), self.lang) {
            ("sipas", Lang::Vi) => "Chỉ số SIPAS",
            ("sipas", Lang::En) => "SIPAS",
            (_, Lang::Vi) => "Chỉ số CCHC",
            (_, Lang::En) => "PAR index",
        };
        let (units_vi, units_en) = match b.block {
            UnitType::DistrictBlock => ("các huyện, thành phố", "districts'"),
            _ => ("các sở, ban, ngành", "departments'"),
        };
        let percent = b.metric == "sipas";
        let figure = |v: f64| {
            if percent {
                format!("{}%", self.n(v))
            } else {
                format!("{}/100 {}", self.n(v), self.pick("điểm", "points"))
            }
        };
        let mut text = match self.lang {
            Lang::Vi => format!(
                "Tổng điểm trung bình {metric} năm {} của {units_vi} đạt {}",
                self.year,
                figure(b.value)
            ),
            Lang::En => format!(
                "The {units_en} average {metric} for {} was {}",
                self.year,
                figure(b.value)
            ),
        };
        if let Some((previous, d)) = b.change {
            let change = self.points_change(d);
            let change = if percent {
                change
                    .replace(" điểm", " điểm phần trăm")
                    .replace(" points", " percentage points")
            } else {
                change
            };
            text += &format!(", {change} {} {previous}", self.pick("so với năm", "on"));
            if b.derived {
                text += self.lang.pick(
                    " (số liệu năm trước suy ra từ mức thay đổi báo cáo nêu)",
                    " (the earlier figure is derived from the change the report states)",
                );
            }
        }
        let mut sources = vec![SourceRef::Report(b.source.clone())];
        let count = |u: &UnitScore| figure_text(u, self.lang);
        if let Some(u) = &b.above_average {
            text += &match self.lang {
                Lang::Vi => format!(", có {} đơn vị đạt kết quả trên mức trung bình", count(u)),
                Lang::En => format!("; {} units scored above the average", count(u)),
            };
            push_source(&mut sources, SourceRef::Report(u.source.clone()));
        }
        if let Some(u) = &b.at_least_90 {
            text += &match (percent, self.lang) {
                (true, Lang::Vi) => format!(", {} đơn vị đạt từ 90% trở lên", count(u)),
                (false, Lang::Vi) => format!(", {} đơn vị đạt từ 90 điểm trở lên", count(u)),
                (true, Lang::En) => format!("; {} units reached 90% or more", count(u)),
                (false, Lang::En) => format!("; {} units scored 90 or more", count(u)),
            };
            push_source(&mut sources, SourceRef::Report(u.source.clone()));
        }
        if let Some(first) = b.top.first() {
            let mut plain = first.clone();
            plain.measure = None;
            let body = figure_text(&plain, self.lang);
            let value = match (percent, first.is_band(), self.lang) {
                (true, false, _) => format!("{body}%"),
                (true, true, Lang::Vi) => format!("trong khoảng {body}%"),
                (true, true, Lang::En) => format!("in the band {body}%"),
                (false, false, Lang::Vi) => format!("{body} điểm"),
                (false, true, Lang::Vi) => format!("trong khoảng {body} điểm"),
                (false, false, Lang::En) => format!("{body} points"),
                (false, true, Lang::En) => format!("in the band {body} points"),
            };
            let names = b
                .top
                .iter()
                .map(|u| u.unit.clone())
                .collect::<Vec<_>>()
                .join(self.lang.pick(" và ", " and "));
            let tied = b.top.len() > 1;
            text += &match (tied, self.lang) {
                (false, Lang::Vi) => format!(", trong đó, {names} đứng đầu với {value}"),
                (true, Lang::Vi) => format!(", trong đó, {names} cùng đứng đầu với {value}"),
                (false, Lang::En) => format!("; {names} came first with {value}"),
                (true, Lang::En) => format!("; {names} came first together with {value}"),
            };
            if b.top.iter().any(|u| u.derived) {
                text += self.lang.pick(" (số liệu suy ra)", " (a derived figure)");
            }
            for u in &b.top {
                push_source(&mut sources, SourceRef::Report(u.source.clone()));
            }
        }
        text.push('.');
        Sentence {
            section: Section::Units,
            text,
            sources,
        }
    }
}

pub(crate) fn push_source(sources: &mut Vec<SourceRef>, s: SourceRef) {
    if !sources.contains(&s) {
        sources.push(s);
    }
}

/// Every sentence of the brief of province `code` in `year`, section by section.
pub fn sentences(
    dataset: &Dataset,
    lang: Lang,
    code: &str,
    year: u16,
    standings: &[Standing],
    units: &[BlockSummary],
) -> Vec<Sentence> {
    let w = Writer::new(dataset, lang, year);
    let province = w.province_name(code);
    let mut out: Vec<Sentence> = standings.iter().map(|s| w.standing(&province, s)).collect();
    let missing = crate::analysis::brief::missing_indices(dataset, standings);
    if !missing.is_empty() {
        let names = missing
            .iter()
            .map(|k| w.index_name(k))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(Sentence {
            section: Section::Standing,
            text: match lang {
                Lang::Vi => format!("Năm {year} không có số liệu {names} của {province}."),
                Lang::En => format!("No {year} figures for {province} on {names}."),
            },
            sources: Vec::new(),
        });
        // Why, where the dataset knows: about the province that year, the year, or the index.
        for key in &missing {
            let notes = dataset.coverage_notes.iter().filter(|n| &n.index == key);
            let note = notes
                .clone()
                .find(|n| n.year == Some(year) && n.province.as_deref() == Some(code))
                .or_else(|| {
                    notes
                        .clone()
                        .find(|n| n.year == Some(year) && n.province.is_none())
                })
                .or_else(|| {
                    notes
                        .clone()
                        .find(|n| n.year.is_none() && n.province.is_none())
                });
            if let Some(n) = note {
                out.push(Sentence {
                    section: Section::Standing,
                    text: format!("{}: {}", w.index_name(key), n.reason(lang)),
                    sources: Vec::new(),
                });
            }
        }
    }
    out.extend(standings.iter().flat_map(|s| w.why(code, s)));
    out.extend(standings.iter().filter_map(|s| w.lost(s)));
    out.extend(standings.iter().filter_map(|s| w.scenario(code, s)));
    out.extend(units.iter().map(|b| w.block(b)));
    out
}

/// The sentences as plain text, each followed by its footnote numbers; `notes` numbers the
/// sources in order of first use.
pub fn plain_text(sentences: &[Sentence], notes: &[SourceRef]) -> String {
    sentences
        .iter()
        .map(|s| {
            let marks: String = s
                .sources
                .iter()
                .filter_map(|r| notes.iter().position(|n| n == r))
                .map(|i| format!("[{}]", i + 1))
                .collect();
            format!("{}{marks}", s.text)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The sources the sentences cite, in order of first use (footnote i + 1 is entry i).
pub fn footnotes(sentences: &[Sentence]) -> Vec<SourceRef> {
    let mut out = Vec::new();
    for s in sentences.iter().flat_map(|s| &s.sources) {
        push_source(&mut out, s.clone());
    }
    out
}
