//! An edition at a glance as a document, in the brief's form (`render::brief::doc::BriefDoc`),
//! so that the brief's HTML, plain text, print stylesheet and .docx serve it as they are: the
//! sentences with their footnotes section by section, the slope chart from the previous
//! edition with its table, each region's leader, the whole table under a dot plot, and for an
//! edition of 2025 each new province beside its former provinces. Its whole table is also the
//! rankings' download (`render::export::rankings_export`), written as .xlsx by the xlsx worker.

use crate::analysis::edition::{edition, Edition, NoComparison};
use crate::analysis::ranking::{RankKind, Row};
use crate::data::model::Dataset;
use crate::i18n::{Lang, Text};
use crate::render::brief::doc::{
    assemble, number, paragraphs, BriefDoc, DocCell, DocChart, DocSection, DocTable,
};
use crate::render::brief::text::{footnotes, Section, SourceRef};
use crate::render::chart::Axis;
use crate::render::edition::chart::{dot_plot, slope_chart, Slope, SlopeSpec};
use crate::render::edition::text::sentences;
use crate::render::table_export::TableExport;

/// Width of the charts: an A4 page's text width at 96 dpi, about (as the brief's).
const CHART_WIDTH: u32 = crate::render::brief::doc::CHART_WIDTH;

struct Builder<'a> {
    dataset: &'a Dataset,
    lang: Lang,
    e: &'a Edition,
    index: String,
}

impl Builder<'_> {
    fn t(&self, text: Text) -> String {
        self.lang.t(text).to_string()
    }

    fn name(&self, r: &Row) -> String {
        self.lang.pick(&r.name_vi, &r.name_en).to_string()
    }

    /// "12" (official), "12 (tính toán)" (computed), "–".
    fn place(&self, r: &Row, kind: RankKind) -> String {
        match (kind, r.official_rank, r.position) {
            (RankKind::Official, Some(k), _) => k.to_string(),
            (RankKind::Computed, _, Some(p)) if r.value.is_some() => {
                format!("{p} ({})", self.lang.t(Text::ComputedRank))
            }
            _ => "–".into(),
        }
    }

    fn value(&self, r: &Row) -> String {
        match (r.value, r.official_rank) {
            (Some(v), _) => self.lang.number(v, 2),
            (None, Some(_)) => self.t(Text::RankOnly),
            (None, None) => self.t(Text::NoData),
        }
    }

    /// The scale of the index's total that year.
    fn scale(&self, year: u16) -> (f64, f64) {
        self.dataset
            .index(&self.e.index)
            .and_then(|i| i.year(year))
            .and_then(|y| y.component("total"))
            .map_or((0.0, 100.0), |c| (c.scale_min, c.scale_max))
    }

    /// The previous edition to this one: a table of the provinces with a value in either, and
    /// its slope chart; none across 1 July 2025 (the provinces are not the same).
    fn slopes(&self) -> Option<DocTable> {
        let e = self.e;
        let before = e.previous?;
        let method_break = match &e.movers {
            Err(NoComparison::Geography) | Err(NoComparison::NoPrevious) => return None,
            Err(NoComparison::MethodBreak(b)) => Some(*b),
            Ok(_) => None,
        };
        let lang = self.lang;
        let then = |code: &str| self.dataset.value(&e.index, before, "total", code);
        let rows: Vec<(&Row, Option<f64>)> = e
            .ranking
            .rows
            .iter()
            .map(|r| (r, then(&r.code)))
            .filter(|(r, b)| r.value.is_some() || b.is_some())
            .collect();
        if rows.is_empty() {
            return None;
        }
        let names: Vec<String> = rows.iter().map(|(r, _)| self.name(r)).collect();
        let slopes: Vec<Slope> = rows
            .iter()
            .zip(&names)
            .map(|((r, b), name)| Slope {
                name,
                before: *b,
                after: r.value,
            })
            .collect();
        let mut labelled: Vec<String> = e.leaders.iter().map(|r| self.name(r)).collect();
        if let Ok(m) = &e.movers {
            labelled.extend(m.rises.iter().chain(&m.falls).map(|(r, _)| self.name(r)));
        }
        let labelled: Vec<&str> = labelled.iter().map(String::as_str).collect();
        let values: Vec<f64> = slopes
            .iter()
            .flat_map(|s| [s.before, s.after])
            .flatten()
            .collect();
        let (lo, hi) = self.scale(e.year);
        let both = slopes
            .iter()
            .filter(|s| s.before.is_some() && s.after.is_some());
        let rose = both.clone().filter(|s| s.after >= s.before).count();
        let mut description = lang.fill(
            Text::EditionSlopeDesc,
            &[
                &both.clone().count().to_string(),
                &rose.to_string(),
                &(both.count() - rose).to_string(),
            ],
        );
        if let Some(b) = method_break {
            description = lang.fill(Text::EditionSlopeBreak, &[&b.to_string()]);
        }
        let svg = slope_chart(&SlopeSpec {
            lang,
            width: CHART_WIDTH,
            axis: Axis::fit(&values, lo, hi),
            years: (before, e.year),
            method_break,
            slopes: &slopes,
            labelled: &labelled,
        });
        let years = [before.to_string(), e.year.to_string()];
        Some(DocTable {
            id: "edition-slopes".into(),
            caption: format!("{} {} → {}", self.index, before, e.year),
            head: vec![
                self.t(Text::Province),
                years[0].clone(),
                years[1].clone(),
                self.t(Text::ValueChange),
            ],
            rows: rows
                .iter()
                .zip(&names)
                .map(|((r, b), name)| {
                    let change = match (r.value, b, method_break) {
                        (Some(now), Some(then), None) => lang.signed(now - then, 2),
                        _ => "–".into(),
                    };
                    vec![
                        DocCell::text(name.clone()),
                        number(lang, *b),
                        number(lang, r.value),
                        DocCell::text(change),
                    ]
                })
                .collect(),
            sources: Vec::new(),
            chart: Some(DocChart {
                id: "edition-chart-slopes".into(),
                title: lang.fill(
                    Text::EditionSlopeChart,
                    &[&self.index, &years[0], &years[1]],
                ),
                key: Vec::new(),
                description,
                svg,
            }),
        })
    }

    fn regions(&self) -> Option<DocTable> {
        let e = self.e;
        (!e.region_leaders.is_empty()).then(|| DocTable {
            id: "edition-regions".into(),
            caption: format!("{} {}", self.index, e.year),
            head: [Text::Region, Text::Province, Text::Rank, Text::Value]
                .map(|t| self.t(t))
                .to_vec(),
            rows: e
                .region_leaders
                .iter()
                .map(|(key, r)| {
                    cells([
                        self.dataset.region_name(Some(key), self.lang).to_string(),
                        self.name(r),
                        self.place(r, e.ranked_by),
                        self.value(r),
                    ])
                })
                .collect(),
            sources: Vec::new(),
            chart: None,
        })
    }

    /// Every province of the year, best first, under a dot plot of those with a value.
    fn whole(&self) -> DocTable {
        let e = self.e;
        let lang = self.lang;
        let names: Vec<String> = e.ranking.rows.iter().map(|r| self.name(r)).collect();
        let dots: Vec<(&str, f64)> = e
            .ranking
            .rows
            .iter()
            .zip(&names)
            .filter_map(|(r, n)| r.value.map(|v| (n.as_str(), v)))
            .collect();
        let values: Vec<f64> = dots.iter().map(|d| d.1).collect();
        let (lo, hi) = self.scale(e.year);
        let mut description = vec![lang.fill(Text::EditionDotsDesc, &[&dots.len().to_string()])];
        description.extend(crate::render::describe::extremes(lang, &dots));
        let without = e.ranking.rows.len() - dots.len();
        if without > 0 {
            description.push(lang.fill(Text::DescNotDrawn, &[&without.to_string()]));
        }
        let chart = (!dots.is_empty()).then(|| DocChart {
            id: "edition-chart-dots".into(),
            title: lang.fill(Text::EditionDotsChart, &[&self.index, &e.year.to_string()]),
            key: Vec::new(),
            description: description.join(" "),
            svg: dot_plot(
                lang,
                CHART_WIDTH,
                Axis::fit(&values, lo, hi),
                &dots,
                e.national.map(|n| n.0),
            ),
        });
        DocTable {
            id: "edition-whole".into(),
            caption: format!("{} {}", self.index, e.year),
            head: [
                Text::Position,
                Text::OfficialRank,
                Text::Province,
                Text::Region,
                Text::Value,
                Text::ValueChange,
                Text::RankChange,
            ]
            .map(|t| self.t(t))
            .to_vec(),
            rows: e
                .ranking
                .rows
                .iter()
                .zip(&names)
                .map(|(r, name)| {
                    let change = r
                        .change
                        .as_ref()
                        .filter(|c| Some(c.previous_year) == e.previous);
                    let comparable = e.movers.is_ok();
                    cells([
                        r.position
                            .filter(|_| r.value.is_some())
                            .map_or("–".into(), |p| p.to_string()),
                        r.official_rank.map_or("–".into(), |k| k.to_string()),
                        name.clone(),
                        self.dataset
                            .region_name(r.region.as_deref(), lang)
                            .to_string(),
                        self.value(r),
                        change
                            .and_then(|c| c.value)
                            .filter(|_| comparable)
                            .map_or("–".into(), |d| lang.signed(d, 2)),
                        change
                            .and_then(|c| c.rank)
                            .filter(|_| comparable)
                            .map_or("–".into(), |k| lang.signed(k as f64, 0)),
                    ])
                })
                .collect(),
            sources: Vec::new(),
            chart,
        }
    }

    /// Each new province and, a row each, its former provinces' own figures.
    fn former(&self) -> Option<DocTable> {
        let f = self.e.former.as_ref()?;
        let year = self.e.year.to_string();
        let before = f.year.to_string();
        let mut rows = Vec::new();
        for u in &f.units {
            let unit = self.name(&u.unit);
            let now = [self.value(&u.unit), self.place(&u.unit, self.e.ranked_by)];
            if u.members.is_empty() {
                rows.push(cells([
                    unit.clone(),
                    now[0].clone(),
                    now[1].clone(),
                    "–".into(),
                    "–".into(),
                    "–".into(),
                ]));
            }
            for m in &u.members {
                rows.push(cells([
                    unit.clone(),
                    now[0].clone(),
                    now[1].clone(),
                    self.name(m),
                    self.value(m),
                    self.place(m, f.ranked_by),
                ]));
            }
        }
        Some(DocTable {
            id: "edition-former-table".into(),
            caption: format!("{} {year} · {before}", self.index),
            head: vec![
                self.t(Text::Province2025),
                format!("{} {year}", self.t(Text::Value)),
                format!("{} {year}", self.t(Text::Rank)),
                self.t(Text::FormerProvinces),
                format!("{} {before}", self.t(Text::Value)),
                format!("{} {before}", self.t(Text::Rank)),
            ],
            rows,
            sources: Vec::new(),
            chart: None,
        })
    }
}

/// A row of text cells (the edition's own .xlsx is its whole table, `TableExport`).
fn cells<const N: usize>(texts: [String; N]) -> Vec<DocCell> {
    texts.into_iter().map(DocCell::text).collect()
}

/// The edition of `index` in `year` as a document, prepared on `today` (ISO date; empty if
/// unknown), and its whole table as a download; `None` for an index or year the data lacks.
pub fn document(
    dataset: &Dataset,
    lang: Lang,
    (index, year): (&str, u16),
    today: &str,
) -> Option<(BriefDoc, TableExport)> {
    let e = edition(dataset, index, year)?;
    let b = Builder {
        dataset,
        lang,
        e: &e,
        index: dataset.index(index)?.short_name.clone(),
    };
    let text = sentences(dataset, lang, &e);
    let notes = footnotes(&text);
    let section = |id: &str, title: String, s: Section, tables: Vec<DocTable>| DocSection {
        id: id.into(),
        title,
        paragraphs: paragraphs(&text, &notes, s),
        tables,
    };
    let mut sections = vec![
        section(
            "edition-results",
            b.t(Text::EditionResults),
            Section::EditionResults,
            b.slopes().into_iter().collect(),
        ),
        section(
            "edition-field",
            b.t(Text::EditionField),
            Section::EditionField,
            b.regions().into_iter().collect(),
        ),
        section(
            "edition-table",
            b.t(Text::EditionTable),
            Section::EditionTable,
            vec![b.whole()],
        ),
    ];
    if let Some(f) = &e.former {
        sections.push(section(
            "edition-former",
            lang.fill(Text::EditionFormer, &[&f.year.to_string()]),
            Section::EditionFormer,
            b.former().into_iter().collect(),
        ));
    }
    let notes: Vec<String> = notes
        .iter()
        .map(|r| match r {
            SourceRef::Data(id) => dataset
                .source(*id)
                .map(|s| s.citation.clone())
                .unwrap_or_default(),
            SourceRef::Report(id) => id.clone(),
        })
        .collect();
    let title = lang.fill(Text::EditionHeading, &[&b.index, &year.to_string()]);
    let query = crate::analysis::profile::query(index, year, "total");
    let table = crate::render::export::rankings_export(dataset, lang, &query, &e.ranking, false);
    Some((
        assemble(lang, (title, today), &text, sections, notes),
        table,
    ))
}
