use super::chart_figure::{chart_figure, ChartFigureProps};
use super::SharedDataset;
use crate::analysis::ranking::{Ranking, Row};
use crate::i18n::Text;
use crate::render::chart::{ranking_bars, Axis, BarChartSpec};
use crate::render::describe;
use crate::ui::state::Selection;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RankingChartProps {
    pub data: SharedDataset,
    pub selection: Selection,
    pub ranking: Rc<Ranking>,
}

/// Drawing width in SVG units; the SVG scales to its container.
const WIDTH: u32 = 520;

/// Horizontal bars of the same ranking as the table (all rows of the region, search matches
/// highlighted), drawn by plotters.
pub fn ranking_chart(props: &RankingChartProps) -> Html {
    let dataset = &props.data.0;
    let s = &props.selection;
    let lang = s.lang;
    let component = dataset
        .index(&s.index)
        .and_then(|i| i.year(s.year))
        .and_then(|y| y.component(&s.component));
    let (scale_min, scale_max) = component
        .map(|c| (c.scale_min, c.scale_max))
        .unwrap_or((0.0, 100.0));
    let rows: Vec<&Row> = props.ranking.rows.iter().collect();
    let values: Vec<f64> = rows.iter().filter_map(|r| r.value).collect();
    if values.is_empty() {
        return html! {};
    }
    let axis = Axis::fit(&values, scale_min, scale_max);
    let average = dataset
        .national_value(&s.index, s.year, &s.component)
        .map(|n| n.value);
    let svg = ranking_bars(&BarChartSpec {
        lang,
        axis,
        average,
        highlight: !s.search.trim().is_empty(),
        width: WIDTH,
        rows: &rows,
    });
    let title = format!(
        "{} – {} {} – {}",
        lang.t(Text::ChartTitle),
        dataset
            .index(&s.index)
            .map(|i| i.short_name.as_str())
            .unwrap_or(""),
        s.year,
        component.map(|c| c.name(lang)).unwrap_or("")
    );
    let mut caption = format!(
        "{} {}.",
        lang.t(Text::ChartAxisFrom),
        lang.number(axis.from, 1)
    );
    if let Some(avg) = average {
        caption.push_str(&format!(
            " — {}: {}",
            lang.t(Text::NationalAverage),
            lang.number(avg, 2)
        ));
    }
    let named: Vec<(&str, f64)> = rows
        .iter()
        .filter_map(|r| r.value.map(|v| (lang.pick(&r.name_vi, &r.name_en), v)))
        .collect();
    let description = describe::ranking(lang, &named, rows.len() - named.len());
    html! {
        {chart_figure(&yew::props!(ChartFigureProps { id: "ranking-chart", title, note: Some(AttrValue::from(caption)), description, svg }))}
    }
}
