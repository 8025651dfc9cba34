//! Exports: CSV that Excel opens with Vietnamese intact (UTF-8 with BOM, CRLF line ends).

use super::table_export::{Kind, TableExport};
use crate::analysis::borders::group_by_2025;
use crate::analysis::ranking::{Query, Ranking, Row};
use crate::analysis::trend::TrendLine;
use crate::data::model::Dataset;
use crate::i18n::{Lang, Text};

/// Serialises rows as CSV for Excel: a byte-order mark, then `csv_lines`.
pub fn to_csv(rows: &[Vec<String>]) -> String {
    format!("\u{FEFF}{}", csv_lines(rows))
}

/// Rows as CSV lines ending in CRLF: fields with a comma, quote or line break are quoted,
/// quotes doubled.
pub fn csv_lines(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        let fields: Vec<String> = row
            .iter()
            .map(|f| {
                if f.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", f.replace('"', "\"\""))
                } else {
                    f.clone()
                }
            })
            .collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn ranking_header(lang: Lang) -> Vec<String> {
    [
        lang.t(Text::Position),
        lang.t(Text::Province),
        lang.t(Text::Region),
        lang.t(Text::Value),
        lang.t(Text::OfficialRank),
        lang.t(Text::ComparedWith),
        lang.t(Text::ValueChange),
        lang.t(Text::RankChange),
        lang.t(Text::SourceLabel),
        lang.t(Text::OtherSources),
    ]
    .map(str::to_string)
    .to_vec()
}

/// One row as shown, with each value's sources: the one it was taken from, then any further
/// ones with what they give.
fn ranking_row(dataset: &Dataset, lang: Lang, query: &Query, r: &Row) -> Vec<String> {
    let citation = |id: u32| {
        dataset
            .source(id)
            .map(|s| s.citation.clone())
            .unwrap_or_default()
    };
    let change = r.change.as_ref();
    vec![
        opt(r.position),
        lang.pick(&r.name_vi, &r.name_en).to_string(),
        dataset.region_name(r.region.as_deref(), lang).to_string(),
        opt(r.value),
        opt(r.official_rank),
        opt(change.map(|c| c.previous_year)),
        opt(change
            .and_then(|c| c.value)
            .map(|d| (d * 1e6).round() / 1e6)),
        opt(change.and_then(|c| c.rank)),
        r.source.map(citation).unwrap_or_default(),
        dataset
            .confirmations_of(&query.index, query.year, &query.component, Some(&r.code))
            .map(|c| format!("{} ({})", citation(c.source), c.gives(lang)))
            .collect::<Vec<_>>()
            .join("; "),
    ]
}

/// The rankings table as shown (search, region and sort applied), with exact published values,
/// a dot as decimal separator, and each value's sources. Empty cells are missing data.
pub fn rankings_rows(
    dataset: &Dataset,
    lang: Lang,
    query: &Query,
    ranking: &Ranking,
) -> Vec<Vec<String>> {
    std::iter::once(ranking_header(lang))
        .chain(
            ranking
                .visible()
                .map(|r| ranking_row(dataset, lang, query, r)),
        )
        .collect()
}

/// The same under the borders of 2025: grouped as the table groups them, with a first column
/// naming each former province's 2025 province (and no value for it: none is published).
pub fn rankings_rows_2025(
    dataset: &Dataset,
    lang: Lang,
    query: &Query,
    ranking: &Ranking,
) -> Vec<Vec<String>> {
    let mut rows = vec![std::iter::once(lang.t(Text::Province2025).to_string())
        .chain(ranking_header(lang))
        .collect::<Vec<_>>()];
    for group in group_by_2025(dataset, ranking.visible()) {
        let unit = group
            .unit
            .map(|u| u.name(lang).to_string())
            .unwrap_or_default();
        rows.extend(group.rows.into_iter().map(|r| {
            std::iter::once(unit.clone())
                .chain(ranking_row(dataset, lang, query, r))
                .collect()
        }));
    }
    rows
}

/// The name of `component` in `index`'s `year`, or its key.
pub fn component_name(
    dataset: &Dataset,
    lang: Lang,
    index: &str,
    year: u16,
    component: &str,
) -> String {
    dataset
        .index(index)
        .and_then(|i| i.year(year))
        .and_then(|y| y.component(component))
        .map_or_else(|| component.to_string(), |c| c.name(lang).to_string())
}

/// An index's short name ("PCI") and its name in `lang`; its key for both if unknown.
fn index_names<'a>(dataset: &'a Dataset, lang: Lang, index: &'a str) -> (&'a str, &'a str) {
    dataset
        .index(index)
        .map_or((index, index), |i| (i.short_name.as_str(), i.name(lang)))
}

/// The lines every table of one index, year and component starts what it shows with, and its
/// title ("PCI 2024 – Chỉ số tổng hợp").
pub fn index_table(
    dataset: &Dataset,
    lang: Lang,
    (index, year, component): (&str, u16, &str),
    columns: Vec<(String, Kind)>,
    rows: Vec<Vec<String>>,
) -> TableExport {
    let (short, long) = index_names(dataset, lang, index);
    let component = component_name(dataset, lang, index, year, component);
    TableExport::new(lang, format!("{short} {year} – {component}"), columns, rows)
        .shows(Text::Index, long)
        .shows(Text::Year, year.to_string())
        .shows(Text::Component, component)
}

const RANKING_KINDS: [Kind; 10] = [
    Kind::Integer,
    Kind::Text,
    Kind::Text,
    Kind::Number,
    Kind::Integer,
    Kind::Integer,
    Kind::Number,
    Kind::Integer,
    Kind::Text,
    Kind::Text,
];

/// The rankings table as a download (CSV and workbook): `rankings_rows`, or under the borders
/// of 2025 `rankings_rows_2025`, with what it shows (index, year, component, region, search,
/// grouping) and every source its values cite.
pub fn rankings_export(
    dataset: &Dataset,
    lang: Lang,
    query: &Query,
    ranking: &Ranking,
    grouped_2025: bool,
) -> TableExport {
    let mut rows = if grouped_2025 {
        rankings_rows_2025(dataset, lang, query, ranking)
    } else {
        rankings_rows(dataset, lang, query, ranking)
    };
    let header = rows.remove(0);
    let kinds = grouped_2025
        .then_some(Kind::Text)
        .into_iter()
        .chain(RANKING_KINDS);
    let mut table = index_table(
        dataset,
        lang,
        (&query.index, query.year, &query.component),
        header.into_iter().zip(kinds).collect(),
        rows,
    )
    .shows(
        Text::Region,
        query
            .region
            .as_deref()
            .map_or(lang.t(Text::AllRegions), |r| {
                dataset.region_name(Some(r), lang)
            }),
    )
    .shows(Text::Search, query.search.clone());
    if grouped_2025 {
        table = table.shows(Text::Borders2025, lang.t(Text::Borders2025Help));
    }
    for r in ranking.visible() {
        let ids = r.source.map(|first| {
            dataset.sources_of(
                &query.index,
                query.year,
                &query.component,
                Some(&r.code),
                first,
            )
        });
        for id in ids.into_iter().flatten() {
            if let Some(s) = dataset.source(id) {
                table.cite(&s.citation);
            }
        }
    }
    table
}

/// Every source of the value `code` has in `index`, `year`, `component` (the one it was taken
/// from first), as citations; none where it has no value.
pub fn value_citations(
    dataset: &Dataset,
    (index, year, component): (&str, u16, &str),
    code: &str,
) -> Vec<String> {
    let first = dataset
        .series(index, year, component)
        .and_then(|s| s.points.iter().find(|p| p.province == code))
        .filter(|p| p.value.is_some())
        .map(|p| p.source);
    first
        .map(|first| dataset.sources_of(index, year, component, Some(code), first))
        .unwrap_or_default()
        .into_iter()
        .filter_map(|id| dataset.source(id).map(|s| s.citation.clone()))
        .collect()
}

/// Cites `citations` in `table` and returns them as one cell ("a; b").
fn cite_all(table: &mut TableExport, citations: Vec<String>) -> String {
    let mut cell: Vec<String> = Vec::new();
    for c in citations {
        table.cite(&c);
        if !cell.contains(&c) {
            cell.push(c);
        }
    }
    cell.join("; ")
}

/// The compare table: a row per component, a column per province (`names`, in the order of
/// `codes`) and the national median, then the sources of the row's values.
pub fn compare_export(
    dataset: &Dataset,
    lang: Lang,
    (index, year): (&str, u16),
    provinces: &[(String, String)],
    components: &[(String, String)],
    values: &[Vec<Option<f64>>],
    medians: &[Option<f64>],
) -> TableExport {
    let columns = std::iter::once((lang.t(Text::Component).to_string(), Kind::Text))
        .chain(
            provinces
                .iter()
                .map(|(_, name)| (name.clone(), Kind::Number)),
        )
        .chain([
            (lang.t(Text::NationalMedian).to_string(), Kind::Number),
            (lang.t(Text::SourceLabel).to_string(), Kind::Text),
        ])
        .collect();
    let mut table = TableExport::new(lang, String::new(), columns, Vec::new());
    for (i, (key, name)) in components.iter().enumerate() {
        let citations = provinces
            .iter()
            .flat_map(|(code, _)| value_citations(dataset, (index, year, key), code))
            .collect();
        let mut row = vec![name.clone()];
        row.extend(values.iter().map(|v| opt(v[i])));
        row.push(opt(medians[i]));
        row.push(cite_all(&mut table, citations));
        table.rows.push(row);
    }
    let (short, long) = index_names(dataset, lang, index);
    table.title = format!("{short} {year}");
    table
        .shows(Text::Index, long)
        .shows(Text::Year, year.to_string())
}

/// The trends table: a row per province (each line with the province's name), a column per
/// year of the index, the value (or rank) or empty, then the sources of the row's values.
pub fn trends_export(
    dataset: &Dataset,
    lang: Lang,
    (index, component): (&str, &str),
    rank_mode: bool,
    lines: &[(String, TrendLine)],
) -> TableExport {
    let years: Vec<u16> = dataset
        .index(index)
        .map(|i| i.years.iter().map(|y| y.year).collect())
        .unwrap_or_default();
    let kind = if rank_mode {
        Kind::Integer
    } else {
        Kind::Number
    };
    let columns = std::iter::once((lang.t(Text::Province).to_string(), Kind::Text))
        .chain(years.iter().map(|y| (y.to_string(), kind)))
        .chain([(lang.t(Text::SourceLabel).to_string(), Kind::Text)])
        .collect();
    let mut table = TableExport::new(lang, String::new(), columns, Vec::new());
    for (name, TrendLine { code, points }) in lines {
        let citations = points
            .iter()
            .filter(|(_, v)| v.is_some())
            .flat_map(|(year, _)| value_citations(dataset, (index, *year, component), code))
            .collect();
        let mut row = vec![name.clone()];
        row.extend(points.iter().map(|(_, v)| opt(*v)));
        row.push(cite_all(&mut table, citations));
        table.rows.push(row);
    }
    let (short, long) = index_names(dataset, lang, index);
    let last = years.last().copied().unwrap_or(0);
    let component = component_name(dataset, lang, index, last, component);
    table.title = format!("{short} – {component}");
    table
        .shows(Text::Index, long)
        .shows(Text::Component, component)
        .shows(
            Text::Show,
            lang.t(if rank_mode { Text::Rank } else { Text::Value }),
        )
}

/// The scatter's table: a row per province with both values (`x` and `y`: index, component and
/// their labels), then the sources of the two values.
pub fn scatter_export(
    dataset: &Dataset,
    lang: Lang,
    year: u16,
    axes: [(&str, &str, &str); 2],
    points: &[(String, String, Option<&str>, f64, f64)],
) -> TableExport {
    let [(xi, xc, x_label), (yi, yc, y_label)] = axes;
    let columns = vec![
        (lang.t(Text::Province).to_string(), Kind::Text),
        (lang.t(Text::Region).to_string(), Kind::Text),
        (x_label.to_string(), Kind::Number),
        (y_label.to_string(), Kind::Number),
        (lang.t(Text::SourceLabel).to_string(), Kind::Text),
    ];
    let mut table = TableExport::new(lang, format!("{y_label} ~ {x_label}"), columns, Vec::new());
    for (code, name, region, x, y) in points {
        let mut citations = value_citations(dataset, (xi, year, xc), code);
        citations.extend(value_citations(dataset, (yi, year, yc), code));
        let sources = cite_all(&mut table, citations);
        table.rows.push(vec![
            name.clone(),
            dataset.region_name(*region, lang).to_string(),
            x.to_string(),
            y.to_string(),
            sources,
        ]);
    }
    table.shows(Text::Year, year.to_string())
}

/// A profile's components ("where did we lose points"): a row per component as the table shows
/// it (`gaps`, largest gap first), with the province's value, the medians, the best province
/// and its value, the maximum and the points lost, the gap as a percentage of the scale, and
/// the sources of the province's value.
pub fn profile_export(
    dataset: &Dataset,
    lang: Lang,
    (index, year): (&str, u16),
    (code, name): (&str, &str),
    gaps: &[crate::analysis::profile::ComponentGap],
) -> TableExport {
    let t = |text: Text| lang.t(text).to_string();
    let columns = vec![
        (t(Text::Component), Kind::Text),
        (name.to_string(), Kind::Number),
        (t(Text::NationalMedian), Kind::Number),
        (t(Text::RegionMedian), Kind::Number),
        (t(Text::Best), Kind::Text),
        (
            format!("{} – {}", t(Text::Best), t(Text::Value)),
            Kind::Number,
        ),
        (t(Text::MaxPoints), Kind::Number),
        (t(Text::PointsLost), Kind::Number),
        (format!("{} (%)", t(Text::GapToBest)), Kind::Number),
        (t(Text::SourceLabel), Kind::Text),
    ];
    let round = |v: f64| (v * 1e6).round() / 1e6;
    let mut table = TableExport::new(lang, String::new(), columns, Vec::new());
    for g in gaps {
        let citations = value_citations(dataset, (index, year, &g.component), code);
        let best = g.best.as_ref();
        let row = vec![
            component_name(dataset, lang, index, year, &g.component),
            opt(g.value),
            opt(g.national_median),
            opt(g.region_median),
            best.and_then(|(c, _)| dataset.province(c))
                .map(|p| p.name(lang).to_string())
                .unwrap_or_default(),
            opt(best.map(|b| b.1)),
            opt(g.max_points),
            opt(g.points_lost.map(round)),
            opt(g.gap_share.map(|x| (x * 1000.0).round() / 10.0)),
            cite_all(&mut table, citations),
        ];
        table.rows.push(row);
    }
    let (short, long) = index_names(dataset, lang, index);
    table.title = format!("{name} – {short} {year}");
    table
        .shows(Text::Province, name)
        .shows(Text::Index, long)
        .shows(Text::Year, year.to_string())
}

/// One table of a province's units (a kind, year and metric: `what`, its heading), the rows
/// as shown (`rows`: the unit's rank among all and its score, in the table's order): rank,
/// name, value, the band's limits where a band was published, and its source as
/// `source_label` reads it.
pub fn units_export(
    lang: Lang,
    (province, what): (&str, &str),
    rows: &[(usize, &crate::data::units::UnitScore)],
    source_label: impl Fn(&str) -> String,
) -> TableExport {
    let t = |text: Text| lang.t(text).to_string();
    let columns = vec![
        ("#".to_string(), Kind::Integer),
        (t(Text::Unit), Kind::Text),
        (t(Text::Value), Kind::Number),
        (t(Text::LowerBound), Kind::Number),
        (t(Text::UpperBound), Kind::Number),
        (t(Text::SourceLabel), Kind::Text),
    ];
    let mut table = TableExport::new(lang, format!("{province} – {what}"), columns, Vec::new());
    for (rank, u) in rows {
        let source = source_label(&u.source);
        table.cite(&source);
        table.rows.push(vec![
            rank.to_string(),
            u.unit.clone(),
            opt(u.value),
            opt(u.low),
            opt(u.high),
            source,
        ]);
    }
    table
        .shows(Text::Province, province)
        .shows(Text::Metric, what)
}

/// The user's index rows as merged into the data (the values of their files that chiso shows,
/// each with its file and line): by index, year, component and province as the series hold them.
pub fn own_rows_export(dataset: &Dataset, lang: Lang) -> TableExport {
    let t = |text: Text| lang.t(text).to_string();
    let columns = vec![
        (t(Text::Index), Kind::Text),
        (t(Text::Year), Kind::Integer),
        (t(Text::Component), Kind::Text),
        (t(Text::Province), Kind::Text),
        (t(Text::Value), Kind::Number),
        (t(Text::OfficialRank), Kind::Integer),
        (t(Text::FileName), Kind::Text),
        (t(Text::Line), Kind::Integer),
        (t(Text::SourceLabel), Kind::Text),
    ];
    let mut table = TableExport::new(lang, t(Text::OwnRowsMerged), columns, Vec::new());
    for s in &dataset.series {
        for p in &s.points {
            let Some(own) = dataset.own_row(p.source) else {
                continue;
            };
            let citation = dataset
                .source(p.source)
                .map(|c| c.citation.clone())
                .unwrap_or_default();
            table.cite(&citation);
            table.rows.push(vec![
                dataset
                    .index(&s.index)
                    .map_or(s.index.clone(), |i| i.short_name.clone()),
                s.year.to_string(),
                component_name(dataset, lang, &s.index, s.year, &s.component),
                dataset
                    .province(&p.province)
                    .map_or(p.province.clone(), |x| x.name(lang).to_string()),
                opt(p.value),
                opt(p.rank),
                own.file.clone(),
                own.line.to_string(),
                citation,
            ]);
        }
    }
    table
}
