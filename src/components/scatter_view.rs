use super::export_buttons::ExportButtons;
use super::SharedDataset;
use crate::export::to_csv;
use crate::chart::{hex, scatter_plot, Axis, Dot, ScatterSpec, SERIES_COLOURS};
use crate::i18n::Text;
use crate::model::Dataset;
use crate::scatter::scatter;
use crate::state::{Action, Selection};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScatterViewProps {
    pub data: SharedDataset,
    pub selection: Selection,
    pub on_action: Callback<Action>,
}

/// The axis label: index, component and year.
fn axis_label(dataset: &Dataset, s: &Selection, index: &str, component: &str) -> String {
    let meta = dataset.index(index);
    let name = meta.and_then(|i| i.year(s.year)).and_then(|y| y.component(component)).map(|c| c.name(s.lang).to_string()).unwrap_or_default();
    format!("{} {} – {name}", meta.map(|i| i.short_name.as_str()).unwrap_or(""), s.year)
}

fn select(id: &'static str, options: Vec<(String, String)>, selected: &str, onchange: Callback<Event>) -> Html {
    html! {
        <select id={id} onchange={onchange}>
            { for options.into_iter().map(|(value, label)| { let chosen = value == selected; html! { <option selected={chosen} value={value}>{label}</option> } }) }
        </select>
    }
}

/// Two index/component pairs for one year: a dot per province coloured by region, Pearson and
/// Spearman correlations with n, and the least-squares line.
#[component]
pub fn ScatterView(props: &ScatterViewProps) -> Html {
    let dataset = &props.data.0;
    let s = &props.selection;
    let lang = s.lang;
    let result = scatter(dataset, (&s.index, &s.component), (&s.y_index, &s.y_component), s.year);
    let colour_of = |region: &str| {
        let i = dataset.regions.iter().position(|r| r.key == region).unwrap_or(0);
        SERIES_COLOURS[1 + i % (SERIES_COLOURS.len() - 1)]
    };
    let names: Vec<String> = result
        .points
        .iter()
        .map(|p| dataset.province(&p.code).map(|x| x.name(lang).to_string()).unwrap_or_default())
        .collect();
    let dots: Vec<Dot> = result
        .points
        .iter()
        .zip(&names)
        .map(|(p, name)| Dot { name, colour: colour_of(&p.region), x: p.x, y: p.y })
        .collect();
    let scale = |index: &str, component: &str| {
        dataset.index(index).and_then(|i| i.year(s.year)).and_then(|y| y.component(component)).map(|c| (c.scale_min, c.scale_max)).unwrap_or((0.0, 100.0))
    };
    let (x_label, y_label) = (axis_label(dataset, s, &s.index, &s.component), axis_label(dataset, s, &s.y_index, &s.y_component));
    let chart = (result.points.len() >= 2).then(|| {
        let xs: Vec<f64> = result.points.iter().map(|p| p.x).collect();
        let ys: Vec<f64> = result.points.iter().map(|p| p.y).collect();
        let (x_min, x_max) = scale(&s.index, &s.component);
        let (y_min, y_max) = scale(&s.y_index, &s.y_component);
        let svg = scatter_plot(&ScatterSpec {
            lang,
            width: 640,
            height: 460,
            x_axis: Axis::fit(&xs, x_min, x_max),
            y_axis: Axis::fit(&ys, y_min, y_max),
            x_label: &x_label,
            y_label: &y_label,
            dots: &dots,
            line: result.line,
        });
        let title = format!("{y_label} ~ {x_label}");
        html! {
            <figure class="chart" id="scatter-chart">
                <figcaption><strong>{title.clone()}</strong></figcaption>
                <div class="chart-svg" role="img" aria-label={title}>{Html::from_html_unchecked(svg.into())}</div>
            </figure>
        }
    });
    let stat = |v: Option<f64>| v.map(|v| lang.number(v, 3)).unwrap_or_else(|| "–".into());
    let indices: Vec<(String, String)> = dataset.indices.iter().map(|i| (i.key.clone(), i.short_name.clone())).collect();
    let components = |index: &str| -> Vec<(String, String)> {
        dataset.index(index).and_then(|i| i.year(s.year)).map(|y| y.components.iter().map(|c| (c.key.clone(), c.name(lang).to_string())).collect()).unwrap_or_default()
    };
    let value = |e: Event| e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
    let years: Vec<(String, String)> = dataset.index(&s.index).map(|i| i.years.iter().rev().map(|y| (y.year.to_string(), y.year.to_string())).collect()).unwrap_or_default();
    let csv = {
        let mut rows = vec![vec![lang.t(Text::Province).to_string(), lang.t(Text::Region).to_string(), x_label.clone(), y_label.clone()]];
        rows.extend(result.points.iter().zip(&names).map(|(p, name)| {
            vec![name.clone(), dataset.region(&p.region).map(|r| r.name(lang).to_string()).unwrap_or_default(), p.x.to_string(), p.y.to_string()]
        }));
        Callback::from(move |_| to_csv(&rows))
    };
    html! {
        <main id="scatter" class="view">
            <div class="controls">
                <label>{lang.t(Text::Year)}{select("scatter-year", years, &s.year.to_string(), props.on_action.reform(move |e| Action::SetYear(value(e).parse().unwrap_or(0))))}</label>
                <label>{"X: "}{lang.t(Text::Index)}{select("scatter-x-index", indices.clone(), &s.index, props.on_action.reform(move |e| Action::SetIndex(value(e))))}</label>
                <label>{"X: "}{lang.t(Text::Component)}{select("scatter-x-component", components(&s.index), &s.component, props.on_action.reform(move |e| Action::SetComponent(value(e))))}</label>
                <label>{"Y: "}{lang.t(Text::Index)}{select("scatter-y-index", indices, &s.y_index, props.on_action.reform(move |e| Action::SetYIndex(value(e))))}</label>
                <label>{"Y: "}{lang.t(Text::Component)}{select("scatter-y-component", components(&s.y_index), &s.y_component, props.on_action.reform(move |e| Action::SetYComponent(value(e))))}</label>
            </div>
            <p class="coverage-count" id="scatter-stats">
                {format!("n = {} · Pearson r = {} · Spearman ρ = {}", result.points.len(), stat(result.pearson), stat(result.spearman))}
            </p>
            if result.points.len() < 3 {
                <p class="hint">{lang.t(Text::ScatterTooFew)}</p>
            }
            <ExportButtons lang={lang} name={format!("chiso-scatter-{}-{}-{}", s.year, s.index, s.y_index)} chart_id="scatter-chart" csv={csv} />
            <div class="scatter-layout">
                {chart}
                <ul class="legend">
                    { for dataset.regions.iter().map(|r| html! {
                        <li><span class="swatch" style={format!("background:{}", hex(colour_of(&r.key)))}></span>{r.name(lang)}</li>
                    }) }
                    <li>{"— "}{lang.t(Text::LeastSquares)}</li>
                </ul>
            </div>
        </main>
    }
}
