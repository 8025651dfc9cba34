use super::chart_figure::{chart_figure, ChartFigureProps};
use super::export_buttons::ExportButtons;
use super::picker::{index_options, picker, year_component_options, year_options, PickerProps};
use super::series_key::{series_key, SeriesKeyProps};
use super::sources_list::own_mark_at;
use super::SharedDataset;
use crate::analysis::scatter::scatter;
use crate::data::model::Dataset;
use crate::i18n::Text;
use crate::render::chart::{scatter_plot, series_style, Axis, Dot, ScatterSpec};
use crate::render::describe;
use crate::render::export::scatter_export;
use crate::ui::state::{Action, Selection};
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
    let name = meta
        .and_then(|i| i.year(s.year))
        .and_then(|y| y.component(component))
        .map(|c| c.name(s.lang).to_string())
        .unwrap_or_default();
    format!(
        "{} {} – {name}",
        meta.map(|i| i.short_name.as_str()).unwrap_or(""),
        s.year
    )
}

/// Two index/component pairs for one year: a dot per province coloured by region, Pearson and
/// Spearman correlations with n, and the least-squares line.
pub fn scatter_view(props: &ScatterViewProps) -> Html {
    let dataset = &props.data.0;
    let s = &props.selection;
    let lang = s.lang;
    let result = scatter(
        dataset,
        (&s.index, &s.component),
        (&s.y_index, &s.y_component),
        s.year,
    );
    // Each region's colour and shape (black is left for the least-squares line); after them,
    // the 2025 units whose former provinces lie in several regions.
    let style_of = |region: Option<&str>| {
        let i = dataset
            .regions
            .iter()
            .position(|r| Some(r.key.as_str()) == region)
            .unwrap_or(dataset.regions.len());
        series_style(1 + i)
    };
    let names: Vec<String> = result
        .points
        .iter()
        .map(|p| {
            dataset
                .province(&p.code)
                .map(|x| x.name(lang).to_string())
                .unwrap_or_default()
        })
        .collect();
    let dots: Vec<Dot> = result
        .points
        .iter()
        .zip(&names)
        .map(|(p, name)| Dot {
            name,
            style: style_of(p.region.as_deref()),
            x: p.x,
            y: p.y,
        })
        .collect();
    let scale = |index: &str, component: &str| {
        dataset
            .index(index)
            .and_then(|i| i.year(s.year))
            .and_then(|y| y.component(component))
            .map(|c| (c.scale_min, c.scale_max))
            .unwrap_or((0.0, 100.0))
    };
    let (x_label, y_label) = (
        axis_label(dataset, s, &s.index, &s.component),
        axis_label(dataset, s, &s.y_index, &s.y_component),
    );
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
        let description = describe::scatter(lang, result.points.len(), &x_label, &y_label, result.pearson, result.spearman);
        html! { {chart_figure(&yew::props!(ChartFigureProps { id: "scatter-chart", title, description, svg }))} }
    });
    let stat = |v: Option<f64>| v.map(|v| lang.number(v, 3)).unwrap_or_else(|| "–".into());
    let components = |index: &str| year_component_options(dataset, index, s.year, lang);
    // The table names each value's sources: offered once their list is loaded.
    let table = dataset.details_file.is_none().then(|| {
        let points: Vec<_> = result
            .points
            .iter()
            .zip(&names)
            .map(|(p, name)| (p.code.clone(), name.clone(), p.region.clone(), p.x, p.y))
            .collect();
        let (data, year) = (props.data.clone(), s.year);
        let axes = [
            (s.index.clone(), s.component.clone(), x_label.clone()),
            (s.y_index.clone(), s.y_component.clone(), y_label.clone()),
        ];
        Callback::from(move |_| {
            let points: Vec<_> = points
                .iter()
                .map(|(c, n, r, x, y)| (c.clone(), n.clone(), r.as_deref(), *x, *y))
                .collect();
            let [(xi, xc, xl), (yi, yc, yl)] = &axes;
            scatter_export(&data.0, lang, year, [(xi, xc, xl), (yi, yc, yl)], &points)
        })
    });
    html! {
        <main id="scatter" class="view">
            <div class="controls">
                {picker(&yew::props!(PickerProps { id: "scatter-year", label: lang.t(Text::Year), options: year_options(dataset, &s.index), selected: s.year.to_string(), on_change: props.on_action.reform(|y: String| Action::SetYear(y.parse().unwrap_or(0))) }))}
                {picker(&yew::props!(PickerProps { id: "scatter-x-index", label: format!("X: {}", lang.t(Text::Index)), options: index_options(dataset), selected: s.index.clone(), on_change: props.on_action.reform(Action::SetIndex) }))}
                {picker(&yew::props!(PickerProps { id: "scatter-x-component", label: format!("X: {}", lang.t(Text::Component)), options: components(&s.index), selected: s.component.clone(), on_change: props.on_action.reform(Action::SetComponent) }))}
                {picker(&yew::props!(PickerProps { id: "scatter-y-index", label: format!("Y: {}", lang.t(Text::Index)), options: index_options(dataset), selected: s.y_index.clone(), on_change: props.on_action.reform(Action::SetYIndex) }))}
                {picker(&yew::props!(PickerProps { id: "scatter-y-component", label: format!("Y: {}", lang.t(Text::Component)), options: components(&s.y_index), selected: s.y_component.clone(), on_change: props.on_action.reform(Action::SetYComponent) }))}
            </div>
            <p class="coverage-count" id="scatter-stats">
                {format!("n = {} · Pearson r = {} · Spearman ρ = {}", result.points.len(), stat(result.pearson), stat(result.spearman))}
            </p>
            if result.points.len() < 3 {
                <p class="hint">{lang.t(Text::ScatterTooFew)}</p>
            }
            <ExportButtons lang={lang} name={format!("chiso-scatter-{}-{}-{}", s.year, s.index, s.y_index)} chart_id="scatter-chart" table={table} />
            <div class="scatter-layout">
                {chart}
                <ul class="legend">
                    { for dataset.regions.iter().map(|r| html! {
                        <li>{series_key(&yew::props!(SeriesKeyProps { style: style_of(Some(&r.key)) }))}{r.name(lang)}</li>
                    }) }
                    if result.points.iter().any(|p| p.region.is_none()) {
                        <li>{series_key(&yew::props!(SeriesKeyProps { style: style_of(None) }))}{lang.t(Text::SeveralRegions)}</li>
                    }
                    <li>{"— "}{lang.t(Text::LeastSquares)}</li>
                </ul>
            </div>
            if !result.points.is_empty() {
                <details class="data-behind">
                    <summary>{format!("{} (n = {})", lang.t(Text::DataTable), result.points.len())}</summary>
                    <div class="table-wrap" tabindex="0">
                        <table id="scatter-table" class="data-table">
                            <thead><tr>
                                <th scope="col">{lang.t(Text::Province)}</th><th scope="col">{lang.t(Text::Region)}</th>
                                <th scope="col" class="num">{format!("X: {x_label}")}</th><th scope="col" class="num">{format!("Y: {y_label}")}</th>
                            </tr></thead>
                            <tbody>
                                { for result.points.iter().zip(&names).map(|(p, name)| html! {
                                    <tr>
                                        <th scope="row">{name.clone()}</th>
                                        <td>{dataset.region_name(p.region.as_deref(), lang).to_string()}</td>
                                        <td class="num">{lang.number(p.x, 2)}{own_mark_at(dataset, lang, (&s.index, s.year, &s.component), &p.code)}</td>
                                        <td class="num">{lang.number(p.y, 2)}{own_mark_at(dataset, lang, (&s.y_index, s.year, &s.y_component), &p.code)}</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                </details>
            }
        </main>
    }
}
