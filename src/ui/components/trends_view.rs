use super::borders_switch::borders_switch;
use super::chart_figure::{chart_figure, ChartFigureProps};
use super::export_buttons::ExportButtons;
use super::picker::{component_options, index_options, picker, PickerProps};
use super::province_picker::ProvincePicker;
use super::series_key::{series_key, SeriesKeyProps};
use super::sources_list::own_mark_at;
use super::SharedDataset;
use crate::analysis::borders::{breaks_with_2025, crosses_2025, with_former_provinces};
use crate::analysis::trend::{components_over_years, trends};
use crate::data::geography::years_label;
use crate::i18n::Text;
use crate::render::chart::{line_chart, series_style, Axis, LineChartSpec, LineSeries};
use crate::render::describe;
use crate::render::export::trends_export;
use crate::ui::state::{Action, Selection, MAX_TREND_PROVINCES};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TrendsViewProps {
    pub data: SharedDataset,
    pub selection: Selection,
    pub on_action: Callback<Action>,
}

/// Up to eight provinces over time, by value or rank; gaps stay gaps, method changes are marked.
/// Under the borders of 2025 a 2025 province comes with its former provinces' lines and the
/// break of 1 July 2025.
pub fn trends_view(props: &TrendsViewProps) -> Html {
    let dataset = &props.data.0;
    let s = &props.selection;
    let lang = s.lang;
    let Some(index) = dataset.index(&s.index) else {
        return html! {};
    };
    let components = components_over_years(dataset, &s.index);
    let component = components
        .iter()
        .find(|c| c.key == s.component)
        .or(components.first())
        .copied();
    let component_key = component.map(|c| c.key.clone()).unwrap_or_default();
    // Under the borders of 2025 a 2025 province brings its former provinces, one line each.
    let codes = if s.borders_2025 {
        with_former_provinces(dataset, &s.provinces)
    } else {
        s.provinces.clone()
    };
    let crosses = crosses_2025(dataset, &codes);
    let breaks = breaks_with_2025(&index.method_breaks, crosses);
    let data = trends(dataset, &s.index, &component_key, &codes, s.rank_mode);
    let style_of = |code: &str| series_style(codes.iter().position(|c| c == code).unwrap_or(0));
    // Namesakes on one chart (the Lào Cai of 2025 and the former Lào Cai) are told apart by years.
    let name = |code: &str| {
        dataset
            .province(code)
            .map(|p| {
                if crosses {
                    years_label(p, lang)
                } else {
                    p.name(lang).to_string()
                }
            })
            .unwrap_or_default()
    };
    let mode = |rank: bool, label: Text| {
        let onchange = props
            .on_action
            .reform(move |_: Event| Action::SetRankMode(rank));
        html! {
            <label class="radio"><input type="radio" name="trend-mode" id={if rank { "mode-rank" } else { "mode-value" }}
                checked={s.rank_mode == rank} onchange={onchange} />{lang.t(label)}</label>
        }
    };
    let chips = s.provinces.iter().map(|code| {
        let remove = {
            let code = code.clone();
            props
                .on_action
                .reform(move |_: MouseEvent| Action::ToggleProvince(code.clone()))
        };
        html! {
            <li><button type="button" class="chip" data-code={code.clone()} onclick={remove}
                aria-label={format!("{} {}", lang.t(Text::Remove), name(code))}>
                {series_key(&yew::props!(SeriesKeyProps { style: style_of(code) }))}{name(code)}{" ×"}</button></li>
        }
    });
    let values: Vec<f64> = data
        .lines
        .iter()
        .flat_map(|l| l.points.iter().filter_map(|p| p.1))
        .collect();
    let first = index.years.first().map(|y| y.year).unwrap_or(0);
    let last = index.years.last().map(|y| y.year).unwrap_or(0);
    let chart = (!values.is_empty()).then(|| {
        let axis = if s.rank_mode {
            Axis {
                from: 1.0,
                to: values.iter().copied().fold(1.0, f64::max).max(10.0),
            }
        } else {
            let lo = index
                .years
                .iter()
                .filter_map(|y| y.component(&component_key))
                .map(|c| c.scale_min)
                .fold(f64::INFINITY, f64::min);
            let hi = index
                .years
                .iter()
                .filter_map(|y| y.component(&component_key))
                .map(|c| c.scale_max)
                .fold(f64::NEG_INFINITY, f64::max);
            Axis::fit(&values, lo, hi)
        };
        let series: Vec<LineSeries> = data
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| LineSeries {
                style: series_style(i),
                points: l.points.clone(),
            })
            .collect();
        let svg = line_chart(&LineChartSpec {
            lang,
            width: 760,
            height: 380,
            compact: false,
            axis,
            inverted: s.rank_mode,
            years: (first, last),
            breaks: &breaks,
            series: &series,
        });
        let title = format!(
            "{} – {}",
            index.short_name,
            component.map(|c| c.name(lang)).unwrap_or("")
        );
        let names: Vec<String> = data.lines.iter().map(|l| name(&l.code)).collect();
        let lines: Vec<describe::NamedPoints> = data
            .lines
            .iter()
            .zip(&names)
            .map(|(l, n)| (n.as_str(), l.points.as_slice()))
            .collect();
        let description = describe::trends(lang, (first, last), s.rank_mode, &breaks, &lines);
        html! { {chart_figure(&yew::props!(ChartFigureProps { id: "trend-chart", title, description, svg }))} }
    });
    let mut notes = Vec::new();
    if !index.method_breaks.is_empty() {
        let years: Vec<String> = index.method_breaks.iter().map(u16::to_string).collect();
        notes.push(format!(
            "⚠ {}: {}",
            lang.t(Text::MethodChanges),
            years.join(", ")
        ));
    }
    if crosses {
        notes.push(format!("⚠ {}", lang.t(Text::Break2025)));
    }
    if s.rank_mode && !data.computed.is_empty() {
        let years: Vec<String> = data.computed.iter().map(u16::to_string).collect();
        notes.push(format!(
            "* {}: {}",
            lang.t(Text::ComputedRankYears),
            years.join(", ")
        ));
    }
    let table = (!data.lines.is_empty()).then(|| html! {
        <div class="table-wrap" tabindex="0">
            <table id="trend-table" class="data-table">
                <thead><tr>
                    <th scope="col">{lang.t(Text::Province)}</th>
                    { for index.years.iter().map(|y| html! { <th scope="col" class="num">{y.year}</th> }) }
                </tr></thead>
                <tbody>
                    { for data.lines.iter().map(|l| html! {
                        <tr data-code={l.code.clone()}>
                            <th scope="row">{name(&l.code)}</th>
                            { for l.points.iter().map(|(year, v)| html! {
                                <td class="num">{v.map(|v| if s.rank_mode { format!("{v:.0}") } else { lang.number(v, 2) }).unwrap_or_else(|| "–".into())}
                                    {own_mark_at(dataset, lang, (&s.index, *year, &s.component), &l.code)}</td>
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    });
    // The table names each value's sources: offered once their list is loaded.
    let download = dataset.details_file.is_none().then(|| {
        let lines: Vec<_> = data
            .lines
            .iter()
            .map(|l| (name(&l.code), l.clone()))
            .collect();
        let (data, index, component, rank_mode) = (
            props.data.clone(),
            s.index.clone(),
            component_key.clone(),
            s.rank_mode,
        );
        Callback::from(move |_| {
            trends_export(&data.0, lang, (&index, &component), rank_mode, &lines)
        })
    });
    html! {
        <main id="trends" class="view">
            <div class="controls">
                {picker(&yew::props!(PickerProps { id: "trend-index", label: lang.t(Text::Index), options: index_options(dataset), selected: s.index.clone(), on_change: props.on_action.reform(Action::SetIndex) }))}
                {picker(&yew::props!(PickerProps { id: "trend-component", label: lang.t(Text::Component), options: component_options(components.iter().copied(), lang), selected: component_key.clone(), on_change: props.on_action.reform(Action::SetComponent) }))}
                <fieldset class="mode"><legend>{lang.t(Text::Show)}</legend>{mode(false, Text::Value)}{mode(true, Text::Rank)}</fieldset>
            </div>
            if s.provinces.len() < MAX_TREND_PROVINCES {
                <ProvincePicker data={props.data.clone()} lang={lang} id="trend-search" label={lang.t(Text::AddProvince)}
                    on_pick={props.on_action.reform(Action::ToggleProvince)} />
            }
            {borders_switch(s, None, &props.on_action)}
            <ul class="chips" aria-label={lang.t(Text::ChosenProvinces)}>{ for chips }</ul>
            if codes.len() > s.provinces.len() {
                <ul class="chips former-lines" id="former-lines" aria-label={lang.t(Text::FormerProvinces)}>
                    { for codes.iter().filter(|c| !s.provinces.contains(c)).map(|code| html! {
                        <li data-code={code.clone()}>{series_key(&yew::props!(SeriesKeyProps { style: style_of(code) }))}{name(code)}</li>
                    }) }
                </ul>
            }
            if s.provinces.is_empty() {
                <p class="hint">{lang.t(Text::TrendsHint)}</p>
            }
            {chart}
            if !data.lines.is_empty() {
                <ExportButtons lang={lang} name={format!("chiso-trend-{}-{}", s.index, component_key)} chart_id="trend-chart" table={download} />
            }
            <ul class="chart-notes">{ for notes.into_iter().map(|n| html! { <li>{n}</li> }) }</ul>
            {table}
        </main>
    }
}
