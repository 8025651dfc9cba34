use super::controls::{controls, ControlsProps};
use super::coverage_summary::{coverage_summary, CoverageSummaryProps};
use super::export_buttons::ExportButtons;
use super::ranking_chart::{ranking_chart, RankingChartProps};
use super::rankings_table::{rankings_table, RankingsTableProps};
use super::sources_list::{sources_list, SourcesListProps};
use super::SharedDataset;
use crate::analysis::ranking::rank;
use crate::render::export::rankings_export;
use crate::ui::state::{Action, Selection};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RankingsViewProps {
    pub data: SharedDataset,
    pub selection: Selection,
    pub on_action: Callback<Action>,
}

/// The rankings view: controls, coverage, table, chart and the sources they cite.
#[component]
pub fn RankingsView(props: &RankingsViewProps) -> Html {
    let query = props.selection.query();
    let ranking = use_memo((props.data.clone(), query), |(data, query)| {
        rank(&data.0, query)
    });
    let mut ids: Vec<u32> = Vec::new();
    let s = &props.selection;
    let dataset = &props.data.0;
    // Every source of every value shown, each value's own first.
    let of = |province: Option<&str>, first: u32| {
        dataset.sources_of(&s.index, s.year, &s.component, province, first)
    };
    let national = dataset
        .national_value(&s.index, s.year, &s.component)
        .map(|n| of(None, n.source));
    let cited = ranking
        .visible()
        .filter_map(|r| r.source.map(|first| of(Some(&r.code), first)))
        .chain(national);
    for id in cited.flatten() {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    // The table names each value's sources: offered once their list is loaded.
    let table = dataset.details_file.is_none().then(|| {
        let (data, lang, ranking) = (props.data.clone(), s.lang, ranking.clone());
        let (query, grouped) = (s.query(), s.grouped_2025());
        Callback::from(move |_| rankings_export(&data.0, lang, &query, &ranking, grouped))
    });
    html! {
        <main id="rankings">
            {controls(&yew::props!(ControlsProps { data: props.data.clone(), selection: props.selection.clone(), on_action: props.on_action.clone() }))}
            {coverage_summary(&yew::props!(CoverageSummaryProps { data: props.data.clone(), selection: props.selection.clone(), ranking: ranking.clone() }))}
            <div class="rankings-layout">
                {rankings_table(&yew::props!(RankingsTableProps { data: props.data.clone(), selection: props.selection.clone(), ranking: ranking.clone(), on_action: props.on_action.clone() }))}
                {ranking_chart(&yew::props!(RankingChartProps { data: props.data.clone(), selection: props.selection.clone(), ranking: ranking.clone() }))}
            </div>
            <ExportButtons lang={s.lang} name={format!("chiso-{}-{}-{}", s.index, s.year, s.component)} chart_id="ranking-chart" table={table} />
            {sources_list(&yew::props!(SourcesListProps { data: props.data.clone(), selection: props.selection.clone(), ids }))}
        </main>
    }
}
