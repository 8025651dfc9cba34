use super::picker::{index_options, year_options, PickerProps};
use super::province_picker::ProvincePicker;
use super::series_key::{series_key, SeriesKeyProps};
use super::sources_list::{sources_list, value_sources, SourcesListProps};
use super::{plain_click, SharedDataset};
use crate::analysis::profile::{
    breakdown, former_breakdown, latest_year_with_value, standings, FormerBreakdown, IndexStanding,
};
use crate::analysis::ranking::{rank, Query, SortColumn};
use crate::data::geography::years_label;
use crate::data::model::{Dataset, Province};
use crate::i18n::{Lang, Text};
use crate::render::describe;
use crate::render::export::profile_export;
use crate::render::history_chart::{history_chart, history_lines};
use crate::ui::built_pages::paths::{in_lang, province_path};
use crate::ui::state::{Action, Selection, View};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProfileViewProps {
    pub data: SharedDataset,
    pub selection: Selection,
    pub on_action: Callback<Action>,
}

fn number(lang: Lang, v: Option<f64>) -> String {
    v.map(|v| lang.number(v, 2)).unwrap_or_else(|| "–".into())
}

/// A province's card for one index: its latest result and its line over the years; for a 2025
/// province also its former provinces' lines (one each, named), with 1 July 2025 as a break.
fn standing_card(
    dataset: &Dataset,
    lang: Lang,
    standing: &IndexStanding,
    province: &Province,
    former: &[&Province],
) -> Html {
    let Some(index) = dataset.index(&standing.index) else {
        return html! {};
    };
    let series = history_lines(dataset, index, &standing.history, former);
    let former_names = || {
        former
            .iter()
            .map(|p| p.name(lang))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let body = match &standing.latest {
        None if !former.is_empty() => {
            html! { <p class="missing no-2025">{lang.t(Text::No2025Result)}{" "}{former_names()}</p> }
        }
        None => html! { <p class="missing">{lang.t(Text::NoData)}</p> },
        Some((year, row)) => {
            let rank = describe::standing_rank(lang, row, standing.with_value);
            let change = row.change.as_ref().map(|c| {
                let value = match (c.value, c.method_break) {
                    (Some(d), _) => lang.signed(d, 2),
                    (None, Some(b)) => format!("⚠ {} ({b})", lang.t(Text::MethodBreak)),
                    (None, None) => "–".into(),
                };
                html! { <p class="card-change">{format!("{} {}: {value}", lang.t(Text::ComparedWith), c.previous_year)}</p> }
            });
            let what = (standing.index.as_str(), *year, "total");
            let (title, refs) = value_sources(dataset, lang, what, Some(&row.code), row.source);
            html! {
                <>
                    <p class="card-year">{year}</p>
                    <p class="card-value"><span tabindex={title.as_ref().map(|_| "0")} {title}>{row.value.map(|v| lang.number(v, 2)).unwrap_or_else(|| lang.t(Text::RankOnly).into())}</span>{refs}</p>
                    <p class="card-rank">{rank}</p>
                    {change}
                </>
            }
        }
    };
    let spark = history_chart(lang, index, &series, !former.is_empty(), (220, 56), true).map(|svg| {
        let first = index.years.first().map(|y| y.year).unwrap_or(0);
        let last = index.years.last().map(|y| y.year).unwrap_or(0);
        if former.is_empty() {
            // Named with the first and the last value drawn, so the line says something in words.
            let present = || standing.history.iter().filter_map(|&(y, v)| v.map(|v| format!("{} ({y})", lang.number(v, 2))));
            let mut label = format!("{} {first}–{last}: {} → {}", index.short_name, present().next().unwrap_or_default(), present().next_back().unwrap_or_default());
            if let Some(breaks) = describe::method_breaks(lang, &index.method_breaks, &[&standing.history]) {
                label = format!("{label}. {breaks}");
            }
            return html! { <div class="sparkline" role="img" aria-label={label}>{Html::from_html_unchecked(svg.into())}</div> };
        }
        // Each line named, in the key and in words.
        let names: Vec<String> = std::iter::once(province)
            .chain(former.iter().copied())
            .map(|p| years_label(p, lang))
            .collect();
        let lines: Vec<describe::NamedPoints> = names.iter().zip(&series).map(|(n, l)| (n.as_str(), l.points.as_slice())).collect();
        let label = format!("{}. {}", index.short_name, describe::trends(lang, (first, last), false, &index.method_breaks, &lines));
        html! {
            <>
                <div class="sparkline" role="img" aria-label={label}>{Html::from_html_unchecked(svg.into())}</div>
                <ul class="spark-key">
                    { for names.iter().zip(&series).map(|(n, l)| html! { <li>{series_key(&yew::props!(SeriesKeyProps { style: l.style }))}{n}</li> }) }
                </ul>
            </>
        }
    });
    html! {
        <article class="index-card" data-index={index.key.clone()}>
            <h3>{index.short_name.clone()}</h3>
            {body}
            {spark}
        </article>
    }
}

/// A 2025 province's "where points were lost" for a year before 2025: each former province's
/// own value, points lost and gap to the best, side by side, under words saying whose values
/// they are; never a combined value.
fn former_breakdown_table(
    dataset: &Dataset,
    lang: Lang,
    (index, year): (&str, u16),
    province: &Province,
    former: &FormerBreakdown,
    component_name: &dyn Fn(&str) -> String,
) -> Html {
    let provinces: Vec<&Province> = former
        .provinces
        .iter()
        .filter_map(|c| dataset.province(c))
        .collect();
    let names: Vec<&str> = provinces.iter().map(|p| p.name(lang)).collect();
    let with_max = former
        .rows
        .iter()
        .any(|r| r.gaps.iter().any(|g| g.max_points.is_some()));
    let note = lang.fill(
        Text::FormerComponentsNote,
        &[province.name(lang), &year.to_string(), &names.join(", ")],
    );
    let rows = former.rows.iter().map(|r| {
        let first = r.gaps.first();
        let cells = r.gaps.iter().zip(&provinces).map(|(g, p)| {
            let (title, refs) = value_sources(dataset, lang, (index, year, &r.component), Some(&p.code), g.source);
            html! {
                <>
                    <td class="num" data-code={p.code.clone()}><span tabindex={title.as_ref().map(|_| "0")} {title}>{g.value.map(|v| lang.number(v, 2)).unwrap_or_else(|| lang.t(Text::NoData).into())}</span>{refs}</td>
                    if with_max { <td class="num points-lost">{number(lang, g.points_lost)}</td> }
                    <td class="num">{g.gap_share.map(|x| format!("{}%", lang.number(x * 100.0, 1))).unwrap_or_else(|| "–".into())}</td>
                </>
            }
        });
        html! {
            <tr data-component={r.component.clone()}>
                <th scope="row">{component_name(&r.component)}</th>
                { for cells }
                <td class="num">{number(lang, first.and_then(|g| g.national_median))}</td>
                <td>{first.and_then(|g| g.best.as_ref()).map(|(c, v)| format!("{} ({})", dataset.province(c).map(|p| p.name(lang)).unwrap_or_default(), lang.number(*v, 2))).unwrap_or_default()}</td>
                if with_max { <td class="num">{number(lang, first.and_then(|g| g.max_points))}</td> }
            </tr>
        }
    });
    html! {
        <>
            <p class="hint" id="former-components-note">{note}</p>
            // Above the scrolling box rather than as its caption, so that a phone shows it whole.
            <p class="hint" id="former-components-help">{lang.t(Text::FormerComponentsHelp)}</p>
            <div class="table-wrap" tabindex="0">
                <table id="former-breakdown-table" aria-describedby="former-components-note former-components-help">
                    <thead><tr>
                        <th scope="col">{lang.t(Text::Component)}</th>
                        { for names.iter().map(|n| html! {
                            <>
                                <th scope="col">{*n}</th>
                                if with_max { <th scope="col">{format!("{n}: {}", lang.t(Text::PointsLost))}</th> }
                                <th scope="col">{format!("{n}: {}", lang.t(Text::GapToBest))}</th>
                            </>
                        }) }
                        <th scope="col">{lang.t(Text::NationalMedian)}</th>
                        <th scope="col">{lang.t(Text::Best)}</th>
                        if with_max { <th scope="col">{lang.t(Text::MaxPoints)}</th> }
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </>
    }
}

/// One province: its standing on each index, where it lost points, and its region's peers; a
/// former province links to its 2025 province, a 2025 province to its former provinces.
pub fn profile_view(props: &ProfileViewProps) -> Html {
    let dataset = &props.data.0;
    let s = &props.selection;
    let lang = s.lang;
    let chosen = s
        .province
        .as_deref()
        .and_then(|c| dataset.province(c))
        .map(|p| AttrValue::from(years_label(p, lang)));
    let picker = html! {
        <ProvincePicker data={props.data.clone()} lang={lang} id="profile-search" label={lang.t(Text::ChooseProvince)}
            on_pick={props.on_action.reform(Action::OpenProfile)} {chosen} />
    };
    let Some(province) = s.province.as_deref().and_then(|c| dataset.province(c)) else {
        return html! { <main id="profile" class="view">{picker}<p class="hint">{lang.t(Text::ChooseProvinceHint)}</p></main> };
    };
    let code = province.code.clone();
    let region = dataset.region_name(province.region.as_deref(), lang);
    let cards = standings(dataset, &code);
    let index = dataset.index(&s.index);
    let gaps = breakdown(dataset, &s.index, s.year, &code);
    // A 2025 province before 2025: its former provinces' own components instead.
    let former_gaps = former_breakdown(dataset, &s.index, s.year, &code);
    let name = |c: &str| {
        dataset
            .province(c)
            .map(|p| p.name(lang).to_string())
            .unwrap_or_default()
    };
    let component_name = |key: &str| {
        index
            .and_then(|i| i.year(s.year))
            .and_then(|y| y.component(key))
            .map(|c| c.name(lang).to_string())
            .unwrap_or_default()
    };
    let gap_rows = gaps.iter().map(|g| {
        let what = (s.index.as_str(), s.year, g.component.as_str());
        let (title, refs) = value_sources(dataset, lang, what, Some(&code), g.source);
        html! {
            <tr data-component={g.component.clone()}>
                <th scope="row">{component_name(&g.component)}</th>
                <td class="num"><span tabindex={title.as_ref().map(|_| "0")} {title}>{g.value.map(|v| lang.number(v, 2)).unwrap_or_else(|| lang.t(Text::NoData).into())}</span>{refs}</td>
                <td class="num">{number(lang, g.national_median)}</td>
                <td class="num">{number(lang, g.region_median)}</td>
                <td>{g.best.as_ref().map(|(c, v)| format!("{} ({})", name(c), lang.number(*v, 2))).unwrap_or_default()}</td>
                <td class="num">{number(lang, g.max_points)}</td>
                <td class="num points-lost">{number(lang, g.points_lost)}</td>
                <td class="num">{g.gap_share.map(|x| format!("{}%", lang.number(x * 100.0, 1))).unwrap_or_else(|| "–".into())}</td>
            </tr>
        }
    });
    // The table names each value's sources: offered once their list is loaded.
    let download = dataset.details_file.is_none().then(|| {
        let (data, index, year, name) = (
            props.data.clone(),
            s.index.clone(),
            s.year,
            province.name(lang).to_string(),
        );
        let (code, gaps) = (code.clone(), gaps.clone());
        Callback::from(move |_| {
            profile_export(&data.0, lang, (&index, year), (&code, &name), &gaps)
        })
    });
    let peers = rank(
        dataset,
        &Query {
            index: s.index.clone(),
            year: s.year,
            component: "total".into(),
            region: province.region.clone(),
            search: String::new(),
            sort: SortColumn::Position,
            descending: false,
        },
    );
    // A province's name links to its page built ahead in the page's language: without
    // JavaScript, or opened in a new tab, that page; a plain click opens its profile here.
    let link = |target: &str, name: String, id: Option<&'static str>| {
        let href = dataset
            .province(target)
            .map(|p| in_lang(s.lang, &province_path(p)))
            .unwrap_or_default();
        let onclick = {
            let (target, on_action) = (target.to_string(), props.on_action.clone());
            Callback::from(move |e: MouseEvent| {
                if plain_click(&e) {
                    e.prevent_default();
                    on_action.emit(Action::OpenProfile(target.clone()));
                }
            })
        };
        html! { <a class="province-link" {href} {id} data-code={target.to_string()} {onclick}>{name}</a> }
    };
    let peer_rows = peers.rows.iter().map(|r| {
        html! {
            <tr class={classes!((r.code == code).then_some("current"), (!r.has_data()).then_some("no-data"))}>
                <td class="num">{r.position.map(|p| p.to_string()).unwrap_or_else(|| "–".into())}</td>
                <th scope="row">{link(&r.code, lang.pick(&r.name_vi, &r.name_en).to_string(), None)}</th>
                <td class="num">{match (r.value, r.official_rank) {
                    (Some(v), _) => lang.number(v, 2),
                    (None, Some(_)) => lang.t(Text::RankOnly).into(),
                    (None, None) => lang.t(Text::NoData).into(),
                }}</td>
                <td class="num">{r.official_rank.map(|x| x.to_string()).unwrap_or_else(|| "–".into())}</td>
            </tr>
        }
    });
    let show_trends = {
        let code = code.clone();
        let in_list = s.provinces.contains(&code);
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            if !in_list {
                on_action.emit(Action::ToggleProvince(code.clone()));
            }
            on_action.emit(Action::SetView(View::Trends));
        })
    };
    // Offer the latest year with data when the chosen year has none for this province.
    let latest_hint = latest_year_with_value(dataset, &s.index, &code)
        .filter(|&y| y != s.year && former_gaps.is_none() && gaps.iter().all(|g| g.value.is_none()))
        .map(|y| {
            let go = props.on_action.reform(move |_: MouseEvent| Action::SetYear(y));
            html! { <p class="hint">{lang.t(Text::NoValueThisYear)}{" "}<button type="button" class="link" id="latest-year" onclick={go}>{y}</button></p> }
        });
    let mut ids: Vec<u32> = Vec::new();
    // Every source of every value shown, each value's own first.
    let cards_cited = cards.iter().filter_map(|c| {
        let (year, row) = c.latest.as_ref()?;
        Some(dataset.sources_of(&c.index, *year, "total", Some(&code), row.source?))
    });
    let gaps_cited = gaps.iter().filter_map(|g| {
        Some(dataset.sources_of(&s.index, s.year, &g.component, Some(&code), g.source?))
    });
    let former_cited = former_gaps.iter().flat_map(|f| {
        f.rows.iter().flat_map(move |r| {
            r.gaps.iter().zip(&f.provinces).filter_map(move |(g, p)| {
                Some(dataset.sources_of(&s.index, s.year, &r.component, Some(p), g.source?))
            })
        })
    });
    for id in cards_cited.chain(gaps_cited).chain(former_cited).flatten() {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    let open_brief = {
        let code = code.clone();
        props
            .on_action
            .reform(move |_: MouseEvent| Action::OpenBrief(code.clone()))
    };
    let open_inside = {
        let code = code.clone();
        props
            .on_action
            .reform(move |_: MouseEvent| Action::OpenInside(code.clone()))
    };
    let open = |p: &Province, id: Option<&'static str>| link(&p.code, p.name(lang).to_string(), id);
    // A former province links to the 2025 province it is part of; a 2025 province to its
    // former provinces.
    let merged_into = dataset
        .successor(&code)
        .map(|unit| open(unit, Some("open-unit")));
    let former = dataset.members_of(&code);
    let former_list = (!former.is_empty()).then(|| html! {
        <p id="former-provinces">{lang.t(Text::FormerProvinces)}{": "}
            { for former.iter().enumerate().map(|(i, p)| html! { <>{(i > 0).then_some(", ")}{open(p, None)}</> }) }
        </p>
    });
    html! {
        <main id="profile" class="view">
            {picker}
            <header class="profile-header">
                <h2 id="profile-name">{province.name(lang)}</h2>
                <p>{region}if let Some(unit) = merged_into {{" · "}{lang.t(Text::MergedInto)}{" "}{unit}}</p>
                {former_list}
                <button type="button" id="show-trends" onclick={show_trends}>{lang.t(Text::ShowTrends)}</button>
                {" "}<button type="button" id="open-brief" onclick={open_brief}>{lang.t(Text::ViewBrief)}</button>
                // Known before the reports themselves are loaded.
                if dataset.report_provinces.contains(&province.code) {
                    {" "}<button type="button" id="open-inside" onclick={open_inside}>{lang.t(Text::InsideLink)}</button>
                }
            </header>
            <section class="index-cards">{ for cards.iter().map(|c| standing_card(dataset, lang, c, province, &former)) }</section>
            <section class="breakdown">
                <h2>{lang.t(Text::WhereLost)}</h2>
                <div class="inline-controls">
                    {super::picker::picker(&yew::props!(PickerProps { id: "profile-index", label: lang.t(Text::Index), options: index_options(dataset), selected: s.index.clone(), on_change: props.on_action.reform(Action::SetIndex) }))}
                    {super::picker::picker(&yew::props!(PickerProps { id: "profile-year", label: lang.t(Text::Year), options: year_options(dataset, &s.index), selected: s.year.to_string(), on_change: props.on_action.reform(|y: String| Action::SetYear(y.parse().unwrap_or(0))) }))}
                </div>
                { latest_hint }
                if let Some(former) = &former_gaps {
                    {former_breakdown_table(dataset, lang, (&s.index, s.year), province, former, &component_name)}
                } else if gaps.is_empty() {
                    <p class="missing">{lang.t(Text::NoComponents)}</p>
                } else {
                    <div class="table-wrap" tabindex="0">
                        <table id="breakdown-table">
                            <caption>{lang.t(Text::WhereLostHelp)}</caption>
                            <thead><tr>
                                <th scope="col">{lang.t(Text::Component)}</th>
                                <th scope="col">{province.name(lang)}</th>
                                <th scope="col">{lang.t(Text::NationalMedian)}</th>
                                <th scope="col">{lang.t(Text::RegionMedian)}</th>
                                <th scope="col">{lang.t(Text::Best)}</th>
                                <th scope="col">{lang.t(Text::MaxPoints)}</th>
                                <th scope="col">{lang.t(Text::PointsLost)}</th>
                                <th scope="col">{lang.t(Text::GapToBest)}</th>
                            </tr></thead>
                            <tbody>{ for gap_rows }</tbody>
                        </table>
                    </div>
                    <super::export_buttons::ExportButtons lang={lang} name={format!("chiso-profile-{}-{}-{}", code, s.index, s.year)} table={download} />
                }
            </section>
            <section class="peers">
                <h2>{lang.t(Text::RegionPeers)}{format!(" – {} {}", index.map(|i| i.short_name.as_str()).unwrap_or(""), s.year)}</h2>
                // A 2025 province spanning several regions has no region to compare within.
                if province.region.is_none() {
                    <p class="hint" id="no-region-peers">{lang.t(Text::NoRegionPeers)}</p>
                } else {
                    <table id="peers-table">
                        <thead><tr>
                            <th scope="col">{lang.t(Text::Position)}</th>
                            <th scope="col">{lang.t(Text::Province)}</th>
                            <th scope="col">{lang.t(Text::Value)}</th>
                            <th scope="col">{lang.t(Text::OfficialRank)}</th>
                        </tr></thead>
                        <tbody>{ for peer_rows }</tbody>
                    </table>
                }
            </section>
            {sources_list(&yew::props!(SourcesListProps { data: props.data.clone(), selection: s.clone(), ids, province: code.clone() }))}
        </main>
    }
}
