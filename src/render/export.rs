//! Exports: CSV that Excel opens with Vietnamese intact (UTF-8 with BOM, CRLF line ends).

use crate::analysis::borders::group_by_2025;
use crate::analysis::ranking::{Query, Ranking, Row};
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
