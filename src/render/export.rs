//! Exports: CSV that Excel opens with Vietnamese intact (UTF-8 with BOM, CRLF line ends).

use crate::ui::i18n::{Lang, Text};
use crate::data::model::Dataset;
use crate::analysis::ranking::Ranking;

/// Serialises rows as CSV: fields with a comma, quote or line break are quoted, quotes doubled.
pub fn to_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{FEFF}");
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

/// The rankings table as shown (search, region and sort applied), with exact published values,
/// a dot as decimal separator, and each value's source. Empty cells are missing data.
pub fn rankings_rows(dataset: &Dataset, lang: Lang, ranking: &Ranking) -> Vec<Vec<String>> {
    let mut rows = vec![[
        lang.t(Text::Position),
        lang.t(Text::Province),
        lang.t(Text::Region),
        lang.t(Text::Value),
        lang.t(Text::OfficialRank),
        lang.t(Text::ComparedWith),
        lang.t(Text::ValueChange),
        lang.t(Text::RankChange),
        lang.t(Text::SourceLabel),
    ]
    .map(str::to_string)
    .to_vec()];
    for r in ranking.visible() {
        let change = r.change.as_ref();
        rows.push(vec![
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
            r.source
                .and_then(|id| dataset.source(id))
                .map(|s| s.citation.clone())
                .unwrap_or_default(),
        ]);
    }
    rows
}
