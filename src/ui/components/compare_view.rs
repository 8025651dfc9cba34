use super::chart_figure::{chart_figure, ChartFigureProps};
use super::export_buttons::ExportButtons;
use super::picker::{index_options, picker, year_options, PickerProps};
use super::province_picker::ProvincePicker;
use super::series_key::{series_key, SeriesKeyProps};
use super::sources_list::own_mark_at;
use super::SharedDataset;
use crate::analysis::stats::median;
use crate::i18n::Text;
use crate::render::chart::{grouped_bars, series_style, Axis, GroupedBarsSpec};
use crate::render::describe;
use crate::render::export::compare_export;
use crate::ui::state::{Action, Selection, MAX_COMPARE_PROVINCES};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    pub data: SharedDataset,
    pub selection: Selection,
    pub on_action: Callback<Action>,
}

/// Two to four provinces side by side on every component of an index in one year.
pub fn compare_view(props: &CompareViewProps) -> Html {
    let dataset = &props.data.0;
    let s = &props.selection;
    let lang = s.lang;
    let chosen: Vec<&String> = s.provinces.iter().take(MAX_COMPARE_PROVINCES).collect();
    let name = |code: &str| {
        dataset
            .province(code)
            .map(|p| p.name(lang).to_string())
            .unwrap_or_default()
    };
    let year = dataset.index(&s.index).and_then(|i| i.year(s.year));
    let components: Vec<_> = year
        .map(|y| y.components.iter().collect())
        .unwrap_or_default();
    let values: Vec<Vec<Option<f64>>> = chosen
        .iter()
        .map(|code| {
            components
                .iter()
                .map(|c| dataset.value(&s.index, s.year, &c.key, code))
                .collect()
        })
        .collect();
    let medians: Vec<Option<f64>> = components
        .iter()
        .map(|c| {
            let all: Vec<f64> = dataset
                .series(&s.index, s.year, &c.key)
                .map(|x| x.points.iter().filter_map(|p| p.value).collect())
                .unwrap_or_default();
            median(&all)
        })
        .collect();
    // The total is on another scale than the components: the chart shows components only.
    let parts: Vec<usize> = (0..components.len())
        .filter(|&i| components[i].key != "total")
        .collect();
    let chart = (chosen.len() >= 2 && !parts.is_empty()).then(|| {
        let categories: Vec<String> = parts.iter().map(|&i| components[i].name(lang).to_string()).collect();
        let series: Vec<_> = values
            .iter()
            .enumerate()
            .map(|(j, v)| (series_style(j + 1), parts.iter().map(|&i| v[i]).collect::<Vec<_>>()))
            .collect();
        let all: Vec<f64> = series.iter().flat_map(|(_, v)| v.iter().flatten().copied()).collect();
        let lo = parts.iter().map(|&i| components[i].scale_min).fold(f64::INFINITY, f64::min);
        let hi = parts.iter().map(|&i| components[i].scale_max).fold(f64::NEG_INFINITY, f64::max);
        let svg = grouped_bars(&GroupedBarsSpec { lang, width: 760, axis: Axis::fit(&all, lo, hi), categories: &categories, series: &series });
        let title = format!("{} {}", dataset.index(&s.index).map(|i| i.short_name.as_str()).unwrap_or(""), s.year);
        let names: Vec<String> = chosen.iter().map(|code| name(code)).collect();
        let labels: Vec<&str> = categories.iter().map(String::as_str).collect();
        let provinces: Vec<&str> = names.iter().map(String::as_str).collect();
        let values: Vec<Vec<Option<f64>>> = series.iter().map(|(_, v)| v.clone()).collect();
        let description = describe::compare(lang, &labels, &provinces, &values);
        html! { {chart_figure(&yew::props!(ChartFigureProps { id: "compare-chart", title, description, svg }))} }
    });
    let chips = chosen.iter().enumerate().map(|(j, code)| {
        let remove = {
            let code = code.to_string();
            props
                .on_action
                .reform(move |_: MouseEvent| Action::ToggleProvince(code.clone()))
        };
        html! {
            <li><button type="button" class="chip" data-code={code.to_string()} onclick={remove}
                aria-label={format!("{} {}", lang.t(Text::Remove), name(code))}>
                {series_key(&yew::props!(SeriesKeyProps { style: series_style(j + 1) }))}{name(code)}{" ×"}</button></li>
        }
    });
    let cell = |v: Option<f64>| {
        v.map(|v| lang.number(v, 2))
            .unwrap_or_else(|| lang.t(Text::NoData).into())
    };
    // The table names each value's sources: offered once their list is loaded.
    let table = dataset.details_file.is_none().then(|| {
        let provinces: Vec<(String, String)> =
            chosen.iter().map(|c| (c.to_string(), name(c))).collect();
        let components: Vec<(String, String)> = components
            .iter()
            .map(|c| (c.key.clone(), c.name(lang).to_string()))
            .collect();
        let (data, index, year, values, medians) = (
            props.data.clone(),
            s.index.clone(),
            s.year,
            values.clone(),
            medians.clone(),
        );
        Callback::from(move |_| {
            compare_export(
                &data.0,
                lang,
                (&index, year),
                &provinces,
                &components,
                &values,
                &medians,
            )
        })
    });
    html! {
        <main id="compare" class="view">
            <div class="controls">
                {picker(&yew::props!(PickerProps { id: "compare-index", label: lang.t(Text::Index), options: index_options(dataset), selected: s.index.clone(), on_change: props.on_action.reform(Action::SetIndex) }))}
                {picker(&yew::props!(PickerProps { id: "compare-year", label: lang.t(Text::Year), options: year_options(dataset, &s.index), selected: s.year.to_string(), on_change: props.on_action.reform(|y: String| Action::SetYear(y.parse().unwrap_or(0))) }))}
            </div>
            if chosen.len() < MAX_COMPARE_PROVINCES {
                <ProvincePicker data={props.data.clone()} lang={lang} id="compare-search" label={lang.t(Text::AddProvinceCompare)}
                    on_pick={props.on_action.reform(Action::ToggleProvince)} />
            }
            <ul class="chips" aria-label={lang.t(Text::ChosenProvinces)}>{ for chips }</ul>
            if chosen.len() < 2 {
                <p class="hint">{lang.t(Text::CompareHint)}</p>
            }
            {chart}
            if chosen.len() >= 2 {
                <ExportButtons lang={lang} name={format!("chiso-compare-{}-{}", s.index, s.year)} chart_id="compare-chart" table={table} />
            }
            if !chosen.is_empty() {
                <div class="table-wrap" tabindex="0">
                    <table id="compare-table" class="data-table">
                        <thead><tr>
                            <th scope="col">{lang.t(Text::Component)}</th>
                            { for chosen.iter().map(|c| html! { <th scope="col" class="num">{name(c)}</th> }) }
                            <th scope="col" class="num">{lang.t(Text::NationalMedian)}</th>
                        </tr></thead>
                        <tbody>
                            { for components.iter().enumerate().map(|(i, c)| html! {
                                <tr data-component={c.key.clone()}>
                                    <th scope="row">{c.name(lang)}</th>
                                    { for values.iter().zip(&chosen).map(|(v, code)| html! {
                                        <td class="num">{cell(v[i])}{own_mark_at(dataset, lang, (&s.index, s.year, &c.key), code)}</td>
                                    }) }
                                    <td class="num">{cell(medians[i])}</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </main>
    }
}
