use super::sort_header::sort_header;
use super::sources_list::{conflict_mark, value_sources_markup};
use super::SharedDataset;
use crate::analysis::borders::group_by_2025;
use crate::analysis::ranking::{Change, RankKind, Ranking, Row, SortColumn};
use crate::data::model::Dataset;
use crate::i18n::{Lang, Text};
use crate::text::escape_xml;
use crate::ui::state::{Action, Selection};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RankingsTableProps {
    pub data: SharedDataset,
    pub selection: Selection,
    pub ranking: Rc<Ranking>,
    pub on_action: Callback<Action>,
}

/// Values are shown to 2 decimals; the exact published figure is in the tooltip.
const DECIMALS: usize = 2;

fn header(
    props: &RankingsTableProps,
    column: SortColumn,
    label: String,
    help: Option<&str>,
) -> Html {
    let s = &props.selection;
    let on_click = props
        .on_action
        .reform(move |_: MouseEvent| Action::SortBy(column));
    sort_header(
        s.lang,
        (&label, column.key()),
        (s.sort == column).then_some(s.descending),
        help,
        on_click,
    )
}

/// The ⚠ mark for a disagreement about this row's value (or its official rank), as markup.
fn conflict_about(dataset: &Dataset, s: &Selection, row: &Row, rank: bool) -> String {
    dataset
        .conflicts_about(&s.index, s.year, &s.component)
        .find(|c| {
            let about = if rank {
                c.is_rank_of(&s.component)
            } else {
                c.field == s.component
            };
            c.province.as_deref() == Some(row.code.as_str()) && about
        })
        .map(|c| conflict_mark(s.lang, c))
        .unwrap_or_default()
}

/// ` title="…"`, escaped.
fn title(text: &str) -> String {
    format!(" title=\"{}\"", escape_xml(text))
}

fn value_cell(dataset: &Dataset, s: &Selection, row: &Row) -> String {
    let lang = s.lang;
    let conflict = conflict_about(dataset, s, row, false);
    // Every source of the value (or rank), the one it was taken from first.
    let what = (s.index.as_str(), s.year, s.component.as_str());
    let (sources, refs) = value_sources_markup(dataset, lang, what, Some(&row.code), row.source);
    match row.value {
        Some(v) => {
            let max = row
                .max_points
                .map(|m| format!(" / {}", lang.number(m, DECIMALS)))
                .unwrap_or_default();
            let exact = format!(
                "{}: {v}\n{}",
                lang.t(Text::ExactValue),
                sources.unwrap_or_default()
            );
            format!(
                "<td class=\"num value\"><span class=\"value-text\" tabindex=\"0\"{}>{}{}</span>{conflict}{refs}</td>",
                title(&exact),
                escape_xml(&lang.number(v, DECIMALS)),
                escape_xml(&max)
            )
        }
        None if row.official_rank.is_some() => format!(
            "<td class=\"num value\"><span class=\"missing\" tabindex=\"0\"{}>{}</span>{conflict}{refs}</td>",
            sources.as_deref().map(title).unwrap_or_default(),
            escape_xml(lang.t(Text::RankOnly))
        ),
        None => format!(
            "<td class=\"num value\"><span class=\"missing\">{}</span></td>",
            escape_xml(lang.t(Text::NoData))
        ),
    }
}

/// The arrow for a change as displayed: a change that rounds to zero is "=".
fn arrow(delta: f64) -> (&'static str, &'static str) {
    let shown = (delta * 10f64.powi(DECIMALS as i32)).round();
    if shown > 0.0 {
        ("↑", "up")
    } else if shown < 0.0 {
        ("↓", "down")
    } else {
        ("=", "same")
    }
}

/// A change cell: its classes after "num change", hover text and content (markup).
fn change_cell(class: &str, hover: &str, content: &str) -> String {
    format!(
        "<td class=\"num change{}{class}\"{}>{content}</td>",
        if class.is_empty() { "" } else { " " },
        title(hover)
    )
}

fn change_cells(lang: Lang, year: u16, change: Option<&Change>) -> String {
    let Some(c) = change else {
        return "<td class=\"num change\">–</td><td class=\"num change\">–</td>".into();
    };
    let compared = format!("{} {}", lang.t(Text::ComparedWith), c.previous_year);
    let value = match (c.value, c.method_break) {
        (Some(d), _) => {
            let (mark, class) = arrow(d);
            // Say which year is compared when it is not simply the year before.
            let gap = if c.previous_year + 1 != year {
                format!("<small>({})</small>", c.previous_year)
            } else {
                String::new()
            };
            let shown = format!("{mark} {}", lang.signed(d, DECIMALS));
            change_cell(class, &compared, &(escape_xml(&shown) + &gap))
        }
        (None, Some(year)) => change_cell(
            "break",
            &format!("{compared}: {} ({year})", lang.t(Text::MethodBreak)),
            "⚠",
        ),
        (None, None) => change_cell("", &compared, "–"),
    };
    let kind = match c.rank_kind {
        RankKind::Official => lang.t(Text::OfficialRankKind),
        RankKind::Computed => lang.t(Text::ComputedRank),
    };
    let rank = match c.rank {
        Some(d) => {
            let (mark, class) = arrow(d as f64);
            let label = if d == 0 {
                mark.to_string()
            } else {
                format!("{mark} {}", d.abs())
            };
            let computed = if c.rank_kind == RankKind::Computed {
                "<sup>*</sup>"
            } else {
                ""
            };
            change_cell(
                class,
                &format!("{compared} ({kind})"),
                &(escape_xml(&label) + computed),
            )
        }
        None => change_cell("", &compared, "–"),
    };
    value + &rank
}

/// A row of the table, as markup.
fn row_markup(dataset: &Dataset, s: &Selection, row: &Row) -> String {
    let lang = s.lang;
    let region = dataset.region_name(row.region.as_deref(), lang);
    let no_data = if row.has_data() {
        ""
    } else {
        " class=\"no-data\""
    };
    let position = row
        .position
        .map(|p| p.to_string())
        .unwrap_or_else(|| "–".into());
    let official = row
        .official_rank
        .map(|r| r.to_string())
        .unwrap_or_else(|| "–".into());
    format!(
        "<tr data-code=\"{code}\"{no_data}><td class=\"num position\"{}>{position}</td><th scope=\"row\" class=\"province\">{}</th><td class=\"region\">{}</td>{}<td class=\"num official-rank\">{official}{}</td>{}</tr>",
        title(lang.t(Text::PositionHelp)),
        escape_xml(lang.pick(&row.name_vi, &row.name_en)),
        escape_xml(region),
        value_cell(dataset, s, row),
        conflict_about(dataset, s, row, true),
        change_cells(lang, s.year, row.change.as_ref()),
        code = escape_xml(&row.code),
    )
}

/// The table's bodies from their markup. The rows are written as markup, not built element by
/// element: on a phone, building the 63 rows through wasm took most of the first view's
/// drawing. In the browser they are read as a table's content (yew reads raw markup as a
/// `<div>`'s, where rows are dropped), at build time written as they are.
fn bodies(markup: String) -> Html {
    #[cfg(target_arch = "wasm32")]
    return crate::ui::web::table_bodies(&markup);
    #[cfg(not(target_arch = "wasm32"))]
    Html::from_html_unchecked(markup.into())
}

/// "formed from 3 provinces", or "not merged" for a 2025 province that is one former province.
pub fn formed_from(lang: Lang, members: usize) -> String {
    if members > 1 {
        lang.fill(Text::FormedFrom, &[&members.to_string()])
    } else {
        lang.t(Text::NotMerged).to_string()
    }
}

/// The sortable rankings table; rows without data are last and say so. Under the borders of
/// 2025 (`Selection::grouped_2025`) the rows come in one group per 2025 province.
pub fn rankings_table(props: &RankingsTableProps) -> Html {
    let dataset = &props.data.0;
    let s = &props.selection;
    let lang = s.lang;
    let ranking = &props.ranking;
    let position_label = format!("{}\u{a0}/{}", lang.t(Text::Position), ranking.with_value);
    let rows: Vec<&Row> = ranking.visible().collect();
    let rows_markup = |rows: &mut dyn Iterator<Item = &Row>| -> String {
        rows.map(|row| row_markup(dataset, s, row)).collect()
    };
    let grouped = s.grouped_2025();
    let body = if rows.is_empty() {
        html! { <tbody><tr><td colspan="7" class="empty">{lang.t(Text::NoMatches)}</td></tr></tbody> }
    } else if grouped {
        // One body per 2025 province: its name and how it was formed, never a score of its own.
        bodies(
            group_by_2025(dataset, rows.iter().copied())
                .into_iter()
                .map(|g| {
                    let (key, head) = match g.unit {
                        Some(unit) => (
                            unit.code.as_str(),
                            format!(
                                "{} – {}",
                                unit.name(lang),
                                formed_from(lang, unit.members.len())
                            ),
                        ),
                        None => ("", lang.t(Text::NoSuccessor).to_string()),
                    };
                    format!(
                        "<tbody class=\"group-2025\" data-unit=\"{}\"><tr class=\"group-head\"><th scope=\"rowgroup\" colspan=\"7\">{}</th></tr>{}</tbody>",
                        escape_xml(key),
                        escape_xml(&head),
                        rows_markup(&mut g.rows.into_iter())
                    )
                })
                .collect(),
        )
    } else {
        bodies(format!(
            "<tbody>{}</tbody>",
            rows_markup(&mut rows.into_iter())
        ))
    };
    html! {
        <div class="table-wrap" tabindex="0">
            if grouped {
                <p class="table-note" id="group-order">{lang.t(Text::Borders2025Help)}{" "}{lang.t(Text::GroupOrder)}</p>
            }
            <table id="rankings-table" class="rankings">
                <caption>{lang.t(Text::Rankings)}</caption>
                <thead>
                    <tr>
                        {header(props, SortColumn::Position, position_label, Some(lang.t(Text::PositionHelp)))}
                        {header(props, SortColumn::Province, lang.t(Text::Province).into(), None)}
                        {header(props, SortColumn::Region, lang.t(Text::Region).into(), None)}
                        {header(props, SortColumn::Value, lang.t(Text::Value).into(), None)}
                        {header(props, SortColumn::OfficialRank, lang.t(Text::OfficialRank).into(), None)}
                        {header(props, SortColumn::ValueChange, lang.t(Text::ValueChange).into(), None)}
                        {header(props, SortColumn::RankChange, lang.t(Text::RankChange).into(), None)}
                    </tr>
                </thead>
                {body}
            </table>
            <p class="table-note">{"* "}{lang.t(Text::PositionHelp)}</p>
        </div>
    }
}
