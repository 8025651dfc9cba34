//! The committee's brief as a document: headings, sentences with their footnote numbers,
//! tables and the sources, in the interface language. The brief worker builds it from the
//! dataset (`analysis::brief`, `render::brief::text`) and hands the page its HTML (`to_html`,
//! every text escaped) and its plain text. A .docx of it (`render::brief::docx`) is written by
//! the docx worker, which the page hands the document as JSON (`BriefDoc::to_json`): the .docx
//! writer stays out of the brief worker, which every brief waits for.

use crate::analysis::brief::{standings, units_summary, Standing};
use crate::data::model::{Dataset, Province};
use crate::data::units::{figure_text, metric_name, UnitScore, UnitType};
use crate::i18n::{Lang, Text};
use crate::render::brief::text::{footnotes, plain_text, sentences, Section, Sentence, SourceRef};
use crate::render::chart::{
    change_bars, line_chart, series_style, Axis, LineChartSpec, LineSeries,
};
use crate::render::describe;

#[derive(Debug, Clone, PartialEq, Default, miniserde::Serialize, miniserde::Deserialize)]
pub struct BriefDoc {
    /// "Sơn La: báo cáo tóm tắt năm 2022".
    pub title: String,
    /// The province's name and the year.
    pub province: String,
    pub year: u16,
    /// The date it was prepared and where its figures come from.
    pub meta: String,
    pub sections: Vec<DocSection>,
    /// The sources, footnote i + 1 being entry i, under their heading.
    pub notes_title: String,
    pub notes: Vec<String>,
    /// The sentences as plain text with their footnote marks, then the sources.
    pub plain: String,
}

impl BriefDoc {
    /// The document as JSON, for the worker that writes its .docx.
    pub fn to_json(&self) -> String {
        miniserde::json::to_string(self)
    }

    pub fn from_json(json: &str) -> Result<BriefDoc, String> {
        miniserde::json::from_str(json).map_err(|_| "the document sent is not a brief".to_string())
    }
}

#[derive(Debug, Clone, PartialEq, Default, miniserde::Serialize, miniserde::Deserialize)]
pub struct DocSection {
    pub id: String,
    pub title: String,
    pub paragraphs: Vec<DocParagraph>,
    pub tables: Vec<DocTable>,
}

#[derive(Debug, Clone, PartialEq, Default, miniserde::Serialize, miniserde::Deserialize)]
pub struct DocParagraph {
    pub text: String,
    /// Footnote numbers (from 1).
    pub notes: Vec<u32>,
}

/// A table whose first column heads its rows; with the chart drawn from it, if any.
#[derive(Debug, Clone, PartialEq, Default, miniserde::Serialize, miniserde::Deserialize)]
pub struct DocTable {
    pub id: String,
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<DocCell>>,
    /// The sources of each row's values (citations), for the table's workbook.
    pub sources: Vec<Vec<String>>,
    pub chart: Option<DocChart>,
}

/// A cell as shown (`text`, in the brief's language) and the number it shows, if any, kept
/// beside it so that the workbook stores the figure itself rather than reading the text back.
#[derive(Debug, Clone, PartialEq, Default, miniserde::Serialize, miniserde::Deserialize)]
pub struct DocCell {
    pub text: String,
    pub value: Option<f64>,
    /// The text says more than the number (a rank out of a count, the year compared with).
    pub qualified: bool,
}

impl DocCell {
    pub fn text(text: impl Into<String>) -> Self {
        DocCell {
            text: text.into(),
            ..DocCell::default()
        }
    }

    /// A number as `text` writes it (none: the text says it is missing).
    fn number(text: String, value: Option<f64>) -> Self {
        DocCell {
            text,
            value,
            qualified: false,
        }
    }

    /// `value` in a text that says more about it.
    fn qualified(text: String, value: Option<f64>) -> Self {
        DocCell {
            text,
            value,
            qualified: value.is_some(),
        }
    }
}

/// A chart of a table's figures: its title, the key to its lines, what it shows in words, and
/// the drawing as SVG (from `render::chart`: plotters' SVG backend escapes every text in it).
#[derive(Debug, Clone, PartialEq, Default, miniserde::Serialize, miniserde::Deserialize)]
pub struct DocChart {
    pub id: String,
    pub title: String,
    /// The key to its lines.
    pub key: Vec<KeyEntry>,
    pub description: String,
    pub svg: String,
}

/// A line of a chart's key: its marker glyph, its colour (#RRGGBB) and its name.
#[derive(Debug, Clone, PartialEq, Default, miniserde::Serialize, miniserde::Deserialize)]
pub struct KeyEntry {
    pub glyph: String,
    pub colour: String,
    pub name: String,
}

/// Width of the brief's charts in pixels: an A4 page's text width at 96 dpi, about.
pub const CHART_WIDTH: u32 = 640;

/// A figure with two decimals, "–" if missing.
pub(crate) fn number(lang: Lang, v: Option<f64>) -> DocCell {
    DocCell::number(
        v.map(|v| lang.number(v, 2)).unwrap_or_else(|| "–".into()),
        v,
    )
}

/// A figure with two decimals, or `missing` said in words.
fn number_or(lang: Lang, v: Option<f64>, missing: String) -> DocCell {
    DocCell::number(v.map(|v| lang.number(v, 2)).unwrap_or(missing), v)
}

/// A change with its sign and `decimals`, "–" if missing.
fn signed(lang: Lang, v: Option<f64>, decimals: usize) -> DocCell {
    DocCell::number(
        v.map(|v| lang.signed(v, decimals))
            .unwrap_or_else(|| "–".into()),
        v,
    )
}

struct Builder<'a> {
    dataset: &'a Dataset,
    lang: Lang,
    year: u16,
    /// The province's code.
    code: &'a str,
    /// The rows of the user's unit files for the province, with their lines.
    own: Vec<(UnitScore, u64)>,
}

impl Builder<'_> {
    fn t(&self, text: Text) -> String {
        self.lang.t(text).to_string()
    }

    fn component(&self, index: &str, key: &str) -> String {
        self.dataset
            .index(index)
            .and_then(|i| {
                i.year(self.year)
                    .and_then(|y| y.component(key))
                    .or_else(|| i.years.iter().rev().find_map(|y| y.component(key)))
            })
            .map(|c| c.name(self.lang).to_string())
            .unwrap_or_else(|| key.to_string())
    }

    fn index(&self, key: &str) -> String {
        self.dataset
            .index(key)
            .map(|i| i.short_name.clone())
            .unwrap_or_default()
    }

    fn province(&self, code: &str) -> String {
        self.dataset
            .province(code)
            .map(|p| p.name(self.lang).to_string())
            .unwrap_or_default()
    }

    /// The sources of the province's value of `component` in `index` and `year`.
    fn cites(&self, index: &str, year: u16, component: &str) -> Vec<String> {
        crate::render::export::value_citations(self.dataset, (index, year, component), self.code)
    }

    fn citation(&self, source: u32) -> Option<String> {
        self.dataset.source(source).map(|s| s.citation.clone())
    }

    fn caption(&self, index: &str) -> String {
        format!("{} {}", self.index(index), self.year)
    }

    /// The province's total on `index` in each year of the index up to the brief's, with the
    /// published national average where there is one: a table and its line chart.
    fn years(&self, index: &str, code: &str, province: &str) -> Option<DocTable> {
        let lang = self.lang;
        let meta = self.dataset.index(index)?;
        let years: Vec<u16> = meta
            .years
            .iter()
            .map(|y| y.year)
            .filter(|&y| y <= self.year)
            .collect();
        let own: Vec<(u16, Option<f64>)> = years
            .iter()
            .map(|&y| (y, self.dataset.value(index, y, "total", code)))
            .collect();
        let national: Vec<(u16, Option<f64>)> = years
            .iter()
            .map(|&y| {
                (
                    y,
                    self.dataset
                        .national_value(index, y, "total")
                        .map(|n| n.value),
                )
            })
            .collect();
        let with_national = national.iter().any(|p| p.1.is_some());
        let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
            return None;
        };
        let national_name = self.t(Text::NationalAverage);
        let mut lines: Vec<describe::NamedPoints> = vec![(province, &own)];
        if with_national {
            lines.push((&national_name, &national));
        }
        let values: Vec<f64> = lines
            .iter()
            .flat_map(|l| l.1.iter().filter_map(|p| p.1))
            .collect();
        if own.iter().all(|p| p.1.is_none()) {
            return None;
        }
        let scales = meta.years.iter().filter_map(|y| y.component("total"));
        let lo = scales
            .clone()
            .map(|c| c.scale_min)
            .fold(f64::INFINITY, f64::min);
        let hi = scales
            .map(|c| c.scale_max)
            .fold(f64::NEG_INFINITY, f64::max);
        let series: Vec<LineSeries> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| LineSeries {
                style: series_style(i),
                points: l.1.to_vec(),
            })
            .collect();
        let svg = line_chart(&LineChartSpec {
            lang,
            width: CHART_WIDTH,
            height: 260,
            compact: false,
            axis: Axis::fit(&values, lo, hi),
            inverted: false,
            years: (first, last),
            breaks: &meta.method_breaks,
            series: &series,
        });
        let chart = DocChart {
            id: format!("brief-chart-years-{index}"),
            title: lang.fill(Text::BriefYearsChart, &[&self.index(index), province]),
            key: series
                .iter()
                .zip(&lines)
                .map(|(s, l)| KeyEntry {
                    glyph: s.style.marker.glyph().to_string(),
                    colour: crate::render::chart::hex(s.style.colour),
                    name: l.0.to_string(),
                })
                .collect(),
            description: describe::trends(lang, (first, last), false, &meta.method_breaks, &lines),
            svg,
        };
        let mut head = vec![self.t(Text::Year), province.to_string()];
        if with_national {
            head.push(national_name.clone());
        }
        let national_source = |y: u16| {
            self.dataset
                .national_value(index, y, "total")
                .and_then(|n| self.citation(n.source))
        };
        Some(DocTable {
            id: format!("brief-years-{index}"),
            caption: format!("{} {first}–{last}", self.index(index)),
            head,
            rows: own
                .iter()
                .zip(&national)
                .map(|((y, v), (_, n))| {
                    let mut row = vec![
                        DocCell::number(y.to_string(), Some(f64::from(*y))),
                        number(lang, *v),
                    ];
                    if with_national {
                        row.push(number(lang, *n));
                    }
                    row
                })
                .collect(),
            sources: years
                .iter()
                .map(|&y| {
                    let mut cited = self.cites(index, y, "total");
                    cited.extend(national_source(y));
                    cited
                })
                .collect(),
            chart: Some(chart),
        })
    }

    fn standing(&self, st: &[Standing], province: &str) -> DocTable {
        let lang = self.lang;
        let rows = st
            .iter()
            .map(|s| {
                let r = &s.row;
                // An official rank is a figure; a position reckoned here is said to be one.
                let rank = match (r.official_rank, r.position) {
                    (Some(k), _) => {
                        DocCell::qualified(format!("{k}/{}", s.expected), Some(f64::from(k)))
                    }
                    (None, Some(p)) => DocCell::text(format!(
                        "{p}/{} ({})",
                        s.with_value,
                        lang.t(Text::ComputedRank)
                    )),
                    (None, None) => DocCell::text("–"),
                };
                let change = r.change.as_ref();
                vec![
                    DocCell::text(self.index(&s.index)),
                    number_or(lang, r.value, self.t(Text::RankOnly)),
                    rank,
                    change
                        .map(|c| {
                            let v = signed(lang, c.value, 2);
                            let text = format!(
                                "{} ({} {})",
                                v.text,
                                lang.t(Text::ComparedWith),
                                c.previous_year
                            );
                            DocCell::qualified(text, c.value)
                        })
                        .unwrap_or_else(|| DocCell::text("–")),
                    signed(lang, change.and_then(|c| c.rank).map(|k| k as f64), 0),
                    number(lang, s.national.map(|n| n.0)),
                    DocCell::qualified(
                        format!("{}/{}", s.with_value, s.expected),
                        Some(s.with_value as f64),
                    ),
                ]
            })
            .collect();
        let sources = st
            .iter()
            .map(|s| {
                let first = s.row.source.map(|first| {
                    self.dataset
                        .sources_of(&s.index, self.year, "total", Some(self.code), first)
                });
                first
                    .into_iter()
                    .flatten()
                    .chain(s.national.map(|n| n.1))
                    .filter_map(|id| self.citation(id))
                    .collect()
            })
            .collect();
        DocTable {
            id: "brief-standing-table".into(),
            caption: format!("{province} {}", self.year),
            head: [
                Text::Index,
                Text::Value,
                Text::OfficialRank,
                Text::ValueChange,
                Text::RankChange,
                Text::NationalAverage,
                Text::ProvincesWithData,
            ]
            .map(|t| self.t(t))
            .to_vec(),
            rows,
            sources,
            chart: None,
        }
    }

    fn why(&self, s: &Standing) -> Option<DocTable> {
        let lang = self.lang;
        let d = s.change.as_ref().ok()?;
        let shares = d.components.iter().any(|c| c.share_change.is_some());
        let mut head = vec![
            self.t(Text::Component),
            d.previous_year.to_string(),
            self.year.to_string(),
            self.t(Text::PartInChange),
        ];
        if shares {
            head.push(self.t(Text::ShareChange));
        }
        let rows = d
            .components
            .iter()
            .map(|c| {
                let mut row = vec![
                    DocCell::text(self.component(&s.index, &c.component)),
                    number(lang, c.before),
                    number(lang, c.now),
                    DocCell::number(
                        c.part
                            .map(|p| lang.signed(p, 2))
                            .unwrap_or_else(|| self.t(Text::NoData)),
                        c.part,
                    ),
                ];
                if shares {
                    row.push(signed(lang, c.share_change, 2));
                }
                row
            })
            .collect();
        let sources = d
            .components
            .iter()
            .map(|c| {
                let mut cited = self.cites(&s.index, d.previous_year, &c.component);
                cited.extend(self.cites(&s.index, self.year, &c.component));
                cited
            })
            .collect();
        // The parts drawn as bars, in the table's order.
        let parts: Vec<(String, f64)> = d
            .components
            .iter()
            .filter_map(|c| Some((self.component(&s.index, &c.component), c.part?)))
            .collect();
        let chart = (!parts.is_empty()).then(|| {
            let named: Vec<(&str, f64)> = parts.iter().map(|(n, v)| (n.as_str(), *v)).collect();
            // Parts of the total only where the total is their sum; else each one's own change.
            let title = if d.sums_to_total {
                Text::BriefPartsChart
            } else {
                Text::BriefChangesChart
            };
            DocChart {
                id: format!("brief-chart-why-{}", s.index),
                title: lang.fill(
                    title,
                    &[
                        &self.index(&s.index),
                        &d.previous_year.to_string(),
                        &self.year.to_string(),
                    ],
                ),
                key: Vec::new(),
                description: describe::changes(lang, &named),
                svg: change_bars(lang, CHART_WIDTH, &named),
            }
        });
        Some(DocTable {
            id: format!("brief-why-{}", s.index),
            caption: format!(
                "{}: {} → {}",
                self.index(&s.index),
                d.previous_year,
                self.year
            ),
            head,
            rows,
            sources,
            chart,
        })
    }

    fn lost(&self, s: &Standing) -> Option<DocTable> {
        let lang = self.lang;
        s.gaps.iter().any(|g| g.value.is_some()).then(|| DocTable {
            id: format!("brief-lost-{}", s.index),
            caption: self.caption(&s.index),
            head: [
                Text::Component,
                Text::Value,
                Text::MaxPoints,
                Text::PointsLost,
                Text::Best,
                Text::NationalMedian,
            ]
            .map(|t| self.t(t))
            .to_vec(),
            rows: s
                .gaps
                .iter()
                .map(|g| {
                    vec![
                        DocCell::text(self.component(&s.index, &g.component)),
                        number_or(lang, g.value, self.t(Text::NoData)),
                        number(lang, g.max_points),
                        number(lang, g.points_lost),
                        DocCell::qualified(
                            g.best
                                .as_ref()
                                .map(|(c, v)| {
                                    format!("{} ({})", self.province(c), lang.number(*v, 2))
                                })
                                .unwrap_or_default(),
                            g.best.as_ref().map(|b| b.1),
                        ),
                        number(lang, g.national_median),
                    ]
                })
                .collect(),
            sources: s
                .gaps
                .iter()
                .map(|g| self.cites(&s.index, self.year, &g.component))
                .collect(),
            chart: None,
        })
    }

    fn scenario(&self, s: &Standing) -> Option<DocTable> {
        (!s.scenarios.is_empty()).then(|| DocTable {
            id: format!("brief-scenario-{}", s.index),
            caption: self.caption(&s.index),
            head: [
                Text::Component,
                Text::PointsAdded,
                Text::Position,
                Text::PositionScenario,
            ]
            .map(|t| self.t(t))
            .to_vec(),
            rows: s
                .scenarios
                .iter()
                .map(|x| {
                    let position = |p: u32| {
                        DocCell::qualified(format!("{p}/{}", x.with_value), Some(f64::from(p)))
                    };
                    vec![
                        DocCell::text(self.component(&s.index, &x.component)),
                        number(self.lang, Some(x.added)),
                        position(x.position_now),
                        position(x.position_then),
                    ]
                })
                .collect(),
            sources: s
                .scenarios
                .iter()
                .map(|x| self.cites(&s.index, self.year, &x.component))
                .collect(),
            chart: None,
        })
    }

    fn units(&self, units: &[crate::analysis::brief::BlockSummary], province: &str) -> DocTable {
        let lang = self.lang;
        let count = |u: &Option<UnitScore>| {
            u.as_ref()
                .map(|u| figure_text(u, lang))
                .unwrap_or_else(|| "–".into())
        };
        DocTable {
            id: "brief-units-table".into(),
            caption: format!("{province} {}", self.year),
            head: [
                Text::Block,
                Text::Index,
                Text::Value,
                Text::ValueChange,
                Text::AboveAverage,
                Text::AtLeast90,
                Text::TopUnit,
                Text::Sources,
            ]
            .map(|t| self.t(t))
            .to_vec(),
            rows: units
                .iter()
                .map(|b| {
                    let block = match b.block {
                        UnitType::DistrictBlock => Text::Districts,
                        _ => Text::Departments,
                    };
                    vec![
                        DocCell::text(self.t(block)),
                        DocCell::text(metric_name(&b.metric, lang)),
                        number(lang, Some(b.value)),
                        b.change
                            .map(|(y, d)| {
                                let text = format!(
                                    "{} ({} {y})",
                                    lang.signed(d, 2),
                                    lang.t(Text::ComparedWith)
                                );
                                DocCell::qualified(text, Some(d))
                            })
                            .unwrap_or_else(|| DocCell::text("–")),
                        DocCell::text(count(&b.above_average)),
                        DocCell::text(count(&b.at_least_90)),
                        DocCell::text(
                            b.top
                                .iter()
                                .map(|u| format!("{} ({})", u.unit, figure_text(u, lang)))
                                .collect::<Vec<_>>()
                                .join("; "),
                        ),
                        DocCell::text(self.block_source(b)),
                    ]
                })
                .collect(),
            // Each row names its source in its last column.
            sources: Vec::new(),
            chart: None,
        }
    }

    fn note(&self, r: &SourceRef) -> String {
        match r {
            SourceRef::Data(id) => self
                .dataset
                .source(*id)
                .map(|s| s.citation.clone())
                .unwrap_or_default(),
            SourceRef::Report(id) => self.report(id),
        }
    }

    /// Where a block's figures come from: the bundled report, or the user's file with the
    /// lines of the rows it summarises (the block's figure in both years, the counts, the top).
    fn block_source(&self, b: &crate::analysis::brief::BlockSummary) -> String {
        let used = |s: &UnitScore| {
            let years = s.year == self.year || b.change.is_some_and(|(y, _)| y == s.year);
            (years && s.unit_type == b.block && s.metric == b.metric)
                || b.above_average.as_ref() == Some(s)
                || b.at_least_90.as_ref() == Some(s)
                || b.top.contains(s)
        };
        let mut lines: Vec<u64> = self
            .own
            .iter()
            .filter(|(s, _)| s.source == b.source && used(s))
            .map(|(_, line)| *line)
            .collect();
        lines.sort_unstable();
        let text = match lines.len() {
            0 => return self.report(&b.source),
            1 => Text::BriefFileLine,
            _ => Text::BriefFileLines,
        };
        let lines: Vec<String> = lines.iter().map(u64::to_string).collect();
        self.lang.fill(text, &[&b.source, &lines.join(", ")])
    }

    /// A report's figures' source: the bundled report of a meeting, or the user's file.
    fn report(&self, id: &str) -> String {
        match self.dataset.meetings.iter().find(|m| m.id == id) {
            Some(m) => format!(
                "{} {} ({})",
                self.lang.t(Text::BriefReport),
                m.source,
                self.lang.date(&m.date)
            ),
            None if self.own.iter().any(|(s, _)| s.source == id) => {
                self.lang.fill(Text::BriefOwnFile, &[id])
            }
            None => id.to_string(),
        }
    }
}

/// The sentences of `section` with their footnote numbers (`notes` lists the sources in order).
pub(crate) fn paragraphs(
    text: &[Sentence],
    notes: &[SourceRef],
    section: Section,
) -> Vec<DocParagraph> {
    text.iter()
        .filter(|s| s.section == section)
        .map(|s| DocParagraph {
            text: s.text.clone(),
            notes: s
                .sources
                .iter()
                .filter_map(|r| notes.iter().position(|n| n == r))
                .map(|i| i as u32 + 1)
                .collect(),
        })
        .collect()
}

/// The brief of province `code` in `year`, prepared on `today` (ISO date; empty if unknown).
/// Sections without figures are left out, except that a section of the indices says what it
/// lacks; an unknown province gives an empty document.
///
/// Whether a unit of the user's files, by the province it names, is one of `province`'s: its
/// name written in any way `data::user_files::spelling::key` reads alike. A brief adds those.
pub fn units_of(province: &Province) -> impl Fn(&str) -> bool {
    let key = crate::data::user_files::spelling::key(&province.name_vi);
    move |name| crate::data::user_files::spelling::key(name) == key
}

/// `own` are the unit scores of the user's files (any province) with their lines: those of this
/// province, its name written in any way `data::user_files::spelling::key` reads alike, are summarised
/// beside the bundled reports' figures, each naming its file and lines as its source.
pub fn document(
    dataset: &Dataset,
    lang: Lang,
    code: &str,
    year: u16,
    today: &str,
    own: &[(UnitScore, u64)],
) -> BriefDoc {
    let Some(province) = dataset.province(code) else {
        return BriefDoc::default();
    };
    let of_province = units_of(province);
    let own: Vec<(UnitScore, u64)> = own
        .iter()
        .filter(|(s, _)| of_province(&s.province))
        .map(|(s, line)| {
            (
                UnitScore {
                    province: province.name_vi.clone(),
                    ..s.clone()
                },
                *line,
            )
        })
        .collect();
    let own_scores: Vec<UnitScore> = own.iter().map(|(s, _)| s.clone()).collect();
    let b = Builder {
        dataset,
        lang,
        year,
        code,
        own,
    };
    let name = province.name(lang).to_string();
    let st = standings(dataset, code, year);
    let mut units = units_summary(&dataset.unit_scores, &province.name_vi, year);
    units.extend(units_summary(&own_scores, &province.name_vi, year));
    let text = sentences(dataset, lang, code, year, &st, &units);
    let notes = footnotes(&text);
    let section = |id: &str, title: Text, s: Section, tables: Vec<DocTable>| DocSection {
        id: id.into(),
        title: b.t(title),
        paragraphs: paragraphs(&text, &notes, s),
        tables,
    };
    let mut sections = vec![section(
        "brief-standing",
        Text::BriefStanding,
        Section::Standing,
        if st.is_empty() {
            Vec::new()
        } else {
            vec![b.standing(&st, &name)]
        },
    )];
    if !st.is_empty() {
        sections.push(DocSection {
            id: "brief-years".into(),
            title: b.t(Text::BriefYears),
            paragraphs: Vec::new(),
            tables: st
                .iter()
                .filter_map(|s| b.years(&s.index, code, &name))
                .collect(),
        });
        sections.push(section(
            "brief-why",
            Text::BriefWhy,
            Section::Why,
            st.iter().filter_map(|s| b.why(s)).collect(),
        ));
        sections.push(section(
            "brief-lost",
            Text::WhereLost,
            Section::Lost,
            st.iter().filter_map(|s| b.lost(s)).collect(),
        ));
        sections.push(section(
            "brief-scenario",
            Text::BriefScenario,
            Section::Scenario,
            st.iter().filter_map(|s| b.scenario(s)).collect(),
        ));
    }
    if !units.is_empty() {
        sections.push(section(
            "brief-units",
            Text::BriefUnits,
            Section::Units,
            vec![b.units(&units, &name)],
        ));
    }
    // A section with neither sentences nor tables says so rather than stand empty.
    for s in &mut sections {
        if s.paragraphs.is_empty() && s.tables.is_empty() {
            s.paragraphs.push(DocParagraph {
                text: b.t(Text::BriefNothing),
                notes: Vec::new(),
            });
        }
    }
    let notes: Vec<String> = notes.iter().map(|r| b.note(r)).collect();
    let title = lang.fill(Text::BriefHeading, &[&name, &year.to_string()]);
    BriefDoc {
        province: name,
        year,
        ..assemble(lang, (title, today), &text, sections, notes)
    }
}

/// A document of `sections` under `title`, prepared on `today` (ISO; empty if unknown): its
/// plain text is `text`'s sentences with their footnote marks, then `notes`, the sources the
/// footnotes number (a brief's, or an edition's: `render::edition::doc`).
pub(crate) fn assemble(
    lang: Lang,
    (title, today): (String, &str),
    text: &[Sentence],
    sections: Vec<DocSection>,
    notes: Vec<String>,
) -> BriefDoc {
    let listed: Vec<String> = notes
        .iter()
        .enumerate()
        .map(|(i, n)| format!("[{}] {n}", i + 1))
        .collect();
    let prepared = if today.is_empty() {
        String::new()
    } else {
        format!("{} {} · ", lang.t(Text::BriefPrepared), lang.date(today))
    };
    BriefDoc {
        title,
        meta: format!("{prepared}{}", lang.t(Text::BriefSourceLine)),
        plain: format!(
            "{}\n\n{}",
            plain_text(text, &footnotes(text)),
            listed.join("\n")
        ),
        sections,
        notes_title: lang.t(Text::Sources).to_string(),
        notes,
        ..BriefDoc::default()
    }
}

/// The HTML of a document (`to_html`) as its header (title, and the date it was prepared) and
/// the rest (its sections), which a brief built ahead shares with the worker's.
pub fn split_header(html: &str) -> (&str, &str) {
    const END: &str = "</header>";
    match html.find(END) {
        Some(at) => html.split_at(at + END.len()),
        None => ("", html),
    }
}

/// The document as HTML for the page, every text escaped (`text::escape_xml`): built in the
/// brief worker, so that the page's own wasm holds no code for the document's structure.
pub fn to_html(doc: &BriefDoc) -> String {
    use crate::text::escape_xml as e;
    use std::fmt::Write;
    let mut out = String::new();
    let _ = write!(
        out,
        "<header class=\"brief-header\"><h2 id=\"brief-title\">{}</h2><p class=\"brief-meta\">{}</p></header>",
        e(&doc.title),
        e(&doc.meta)
    );
    for s in &doc.sections {
        let _ = write!(
            out,
            "<section class=\"brief-section\" id=\"{}\"><h3>{}</h3>",
            e(&s.id),
            e(&s.title)
        );
        for p in &s.paragraphs {
            let _ = write!(out, "<p class=\"brief-sentence\">{}", e(&p.text));
            for n in &p.notes {
                let _ = write!(out, "<sup><a href=\"#brief-note-{n}\">[{n}]</a></sup>");
            }
            out.push_str("</p>");
        }
        for t in &s.tables {
            if let Some(c) = &t.chart {
                chart_html(&mut out, c);
            }
            let _ = write!(
                out,
                "<div class=\"table-wrap\" tabindex=\"0\"><table id=\"{}\" class=\"brief-table\"><caption>{}</caption><thead><tr>",
                e(&t.id),
                e(&t.caption)
            );
            for h in &t.head {
                let _ = write!(out, "<th scope=\"col\">{}</th>", e(h));
            }
            out.push_str("</tr></thead><tbody>");
            for r in &t.rows {
                out.push_str("<tr>");
                for (i, c) in r.iter().enumerate() {
                    let _ = if i == 0 {
                        write!(out, "<th scope=\"row\">{}</th>", e(&c.text))
                    } else {
                        write!(out, "<td>{}</td>", e(&c.text))
                    };
                }
                out.push_str("</tr>");
            }
            out.push_str("</tbody></table></div>");
        }
        out.push_str("</section>");
    }
    if !doc.notes.is_empty() {
        let _ = write!(
            out,
            "<section class=\"brief-section\" id=\"brief-notes\"><h3>{}</h3><ol>",
            e(&doc.notes_title)
        );
        for (i, n) in doc.notes.iter().enumerate() {
            let _ = write!(
                out,
                "<li id=\"brief-note-{}\"><span translate=\"no\">{}</span></li>",
                i + 1,
                e(n)
            );
        }
        out.push_str("</ol></section>");
    }
    out
}

/// A chart as a figure: its title, the key to its lines, the drawing (SVG from
/// `render::chart`, whose texts plotters escapes) and its description in words.
fn chart_html(out: &mut String, c: &DocChart) {
    use crate::text::escape_xml as e;
    use std::fmt::Write;
    let id = e(&c.id);
    let _ = write!(out, "<figure class=\"chart brief-chart\" id=\"{id}\"><figcaption><strong>{}</strong></figcaption>", e(&c.title));
    if !c.key.is_empty() {
        out.push_str("<ul class=\"brief-chart-key\">");
        for KeyEntry {
            glyph,
            colour,
            name,
        } in &c.key
        {
            let _ = write!(
                out,
                "<li><span aria-hidden=\"true\" style=\"color:{}\">{}</span> {}</li>",
                e(colour),
                e(glyph),
                e(name)
            );
        }
        out.push_str("</ul>");
    }
    let _ = write!(
        out,
        "<div class=\"chart-svg\" tabindex=\"0\" role=\"img\" aria-label=\"{}\" aria-describedby=\"{id}-desc\">{}</div><p class=\"chart-description\" id=\"{id}-desc\">{}</p></figure>",
        e(&c.title),
        c.svg,
        e(&c.description)
    );
}
