use super::sort_header::sort_header;
use super::sources_list::{conflict_mark, value_sources};
use super::SharedDataset;
use crate::analysis::borders::group_by_2025;
use crate::analysis::ranking::{Change, RankKind, Ranking, Row, SortColumn};
use crate::data::model::Dataset;
use crate::i18n::{Lang, Text};
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

/// The ⚠ mark for a disagreement about this row's value (or its official rank).
fn conflict_about(dataset: &Dataset, s: &Selection, row: &Row, rank: bool) -> Option<Html> {
    let conflict = dataset
        .conflicts_about(&s.index, s.year, &s.component)
        .find(|c| {
            let about = if rank {
                c.is_rank_of(&s.component)
            } else {
                c.field == s.component
            };
            c.province.as_deref() == Some(row.code.as_str()) && about
        })?;
    Some(conflict_mark(s.lang, conflict))
}

fn value_cell(dataset: &Dataset, s: &Selection, row: &Row) -> Html {
    let lang = s.lang;
    let conflict_mark = conflict_about(dataset, s, row, false);
    // Every source of the value (or rank), the one it was taken from first.
    let what = (s.index.as_str(), s.year, s.component.as_str());
    let (title, refs) = value_sources(dataset, lang, what, Some(&row.code), row.source);
    match row.value {
        Some(v) => {
            let max = row
                .max_points
                .map(|m| format!(" / {}", lang.number(m, DECIMALS)));
            let title = format!(
                "{}: {v}\n{}",
                lang.t(Text::ExactValue),
                title.unwrap_or_default()
            );
            html! {
                <td class="num value">
                    <span class="value-text" tabindex="0" title={title}>{lang.number(v, DECIMALS)}{max}</span>
                    {conflict_mark}{refs}
                </td>
            }
        }
        None if row.official_rank.is_some() => html! {
            <td class="num value"><span class="missing" tabindex="0" title={title}>{lang.t(Text::RankOnly)}</span>{conflict_mark}{refs}</td>
        },
        None => {
            html! { <td class="num value"><span class="missing">{lang.t(Text::NoData)}</span></td> }
        }
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

fn change_cells(lang: Lang, year: u16, change: Option<&Change>) -> Html {
    let Some(c) = change else {
        return html! { <><td class="num change">{"–"}</td><td class="num change">{"–"}</td></> };
    };
    let compared = format!("{} {}", lang.t(Text::ComparedWith), c.previous_year);
    // Say which year is compared when it is not simply the year before.
    let gap = (c.previous_year + 1 != year)
        .then(|| html! { <small>{format!("({})", c.previous_year)}</small> });
    let value = match (c.value, c.method_break) {
        (Some(d), _) => {
            let (mark, class) = arrow(d);
            html! { <td class={classes!("num", "change", class)} title={compared.clone()}>{format!("{mark} {}", lang.signed(d, DECIMALS))}{gap}</td> }
        }
        (None, Some(year)) => html! {
            <td class="num change break" title={format!("{compared}: {} ({year})", lang.t(Text::MethodBreak))}>{"⚠"}</td>
        },
        (None, None) => html! { <td class="num change" title={compared.clone()}>{"–"}</td> },
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
            let computed =
                (c.rank_kind == RankKind::Computed).then_some(html! { <sup>{"*"}</sup> });
            html! { <td class={classes!("num", "change", class)} title={format!("{compared} ({kind})")}>{label}{computed}</td> }
        }
        None => html! { <td class="num change" title={compared}>{"–"}</td> },
    };
    html! { <>{value}{rank}</> }
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
    let row_html = |row: &Row| {
        let region = dataset.region_name(row.region.as_deref(), lang).to_string();
        let position = row
            .position
            .map(|p| p.to_string())
            .unwrap_or_else(|| "–".into());
        html! {
            <tr key={row.code.clone()} data-code={row.code.clone()} class={classes!((!row.has_data()).then_some("no-data"))}>
                <td class="num position" title={lang.t(Text::PositionHelp)}>{position}</td>
                <th scope="row" class="province">{lang.pick(&row.name_vi, &row.name_en)}</th>
                <td class="region">{region}</td>
                {value_cell(dataset, s, row)}
                <td class="num official-rank">{row.official_rank.map(|r| r.to_string()).unwrap_or_else(|| "–".into())}{conflict_about(dataset, s, row, true)}</td>
                {change_cells(lang, s.year, row.change.as_ref())}
            </tr>
        }
    };
    let grouped = s.grouped_2025();
    let body = if rows.is_empty() {
        html! { <tbody><tr><td colspan="7" class="empty">{lang.t(Text::NoMatches)}</td></tr></tbody> }
    } else if grouped {
        // One body per 2025 province: its name and how it was formed, never a score of its own.
        group_by_2025(dataset, rows.iter().copied())
            .into_iter()
            .map(|g| {
                let (key, head) = match g.unit {
                    Some(unit) => (
                        unit.code.clone(),
                        format!(
                            "{} – {}",
                            unit.name(lang),
                            formed_from(lang, unit.members.len())
                        ),
                    ),
                    None => (String::new(), lang.t(Text::NoSuccessor).to_string()),
                };
                html! {
                    <tbody key={key.clone()} class="group-2025" data-unit={key}>
                        <tr class="group-head"><th scope="rowgroup" colspan="7">{head}</th></tr>
                        { for g.rows.into_iter().map(row_html) }
                    </tbody>
                }
            })
            .collect::<Html>()
    } else {
        html! { <tbody>{ for rows.into_iter().map(row_html) }</tbody> }
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
