use super::sort_header::sort_header;
use crate::data::units::{
    block_history, figure_text, metric_name, sort_units, unit_rows, unit_tables, UnitScore,
    UnitSort, UnitType,
};
use crate::i18n::{Lang, Text};
use crate::render::chart::{range_bars, Axis, RangeBar, TOP_AXIS_FROM};
use crate::render::describe;
use crate::render::export::units_export;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct UnitsReportProps {
    pub lang: Lang,
    pub province: AttrValue,
    pub scores: Rc<Vec<UnitScore>>,
    /// Turns a score's `source` into readable text (a meeting's date and report file).
    pub source_label: Callback<String, String>,
    /// What the unit tables show: names containing the search, in this order.
    pub search: AttrValue,
    pub sort: UnitSort,
    pub descending: bool,
    pub on_sort: Callback<UnitSort>,
}

impl PartialEq for UnitsReportProps {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.province == other.province
            && Rc::ptr_eq(&self.scores, &other.scores)
            && self.search == other.search
            && self.sort == other.sort
            && self.descending == other.descending
    }
}

/// Rows shown per unit table (a search finds the others); the chart shows the same rows. More
/// than any province's communes (about 170 at most).
const UNIT_ROWS: usize = 400;

/// A block's (or a unit type's) name: "Sở, ban, ngành".
pub fn block_name(lang: Lang, block: UnitType) -> &'static str {
    match block {
        UnitType::DepartmentBlock | UnitType::Department => lang.t(Text::Departments),
        UnitType::DistrictBlock | UnitType::District => lang.t(Text::Districts),
        UnitType::CommuneBlock | UnitType::Commune => lang.t(Text::Communes),
        UnitType::Province => lang.t(Text::WholeProvince),
    }
}

/// A note on figures for districts in a year after the district level was abolished: shown, not
/// dropped, since the file may simply name communes as districts.
fn districts_ended_note(lang: Lang, shown: bool) -> Option<Html> {
    shown.then(|| html! {
        <p class="hint data-warning" data-warning="districts-ended">{"⚠ "}{lang.t(Text::DistrictsEnded)}</p>
    })
}

/// One table of units of a kind (a year and a metric) with its range-bar chart: the rows that
/// match the search, in the chosen order. A function called in a loop, not a closure inside
/// nested iterator adapters, so that it is compiled once (wasm size).
fn unit_section(
    props: &UnitsReportProps,
    query: &str,
    kind: UnitType,
    (year, metric): (u16, String),
) -> Html {
    let lang = props.lang;
    let (sort, descending) = (props.sort, props.descending);
    let mut units: Vec<&UnitScore> = props
        .scores
        .iter()
        .filter(|s| {
            s.province == props.province.as_str()
                && s.unit_type == kind
                && s.year == year
                && s.metric == metric
        })
        .collect();
    sort_units(&mut units);
    let rows = unit_rows(&units, query, sort, descending);
    let shown = &rows[..rows.len().min(UNIT_ROWS)];
    // The axis spans every unit, so that a search does not rescale it.
    let ranges: Vec<(f64, f64)> = units.iter().filter_map(|u| u.range()).collect();
    let bars: Vec<RangeBar> = shown
        .iter()
        .filter_map(|(_, u)| {
            u.range().map(|(low, high)| RangeBar {
                name: &u.unit,
                low,
                high,
                band: u.is_band(),
            })
        })
        .collect();
    let chart = (!bars.is_empty()).then(|| {
        // Scores of 100: from a round ten below the lowest figure to 100.
        let lo = ranges.iter().map(|r| r.0).fold(f64::INFINITY, f64::min);
        let hi = ranges.iter().map(|r| r.1).fold(f64::NEG_INFINITY, f64::max);
        let from = (((lo - 5.0) / 10.0).floor() * 10.0).max(0.0);
        let axis = Axis { from, to: if hi <= 100.0 { 100.0 } else { hi } };
        let svg = range_bars(lang, 720, axis, &bars);
        let described: Vec<(&str, f64, f64)> = bars.iter().map(|b| (b.name, b.low, b.high)).collect();
        let description_id = format!("units-{}-{year}-{metric}-desc", kind.key());
        // A chart taller than a screen scrolls in its own box (the page does not).
        let tall = bars.len() >= TOP_AXIS_FROM;
        html! {
            <>
                <div class={classes!("chart-svg", tall.then_some("chart-scroll"))} tabindex="0" role="img" aria-label={format!("{} – {} {year}", block_name(lang, kind), metric_name(&metric, lang))}
                    aria-describedby={description_id.clone()}>{Html::from_html_unchecked(svg.into())}</div>
                <p class="chart-description" id={description_id}>{describe::ranges(lang, &described)}</p>
            </>
        }
    });
    let bands = units.iter().filter(|u| u.is_band()).count();
    let header = |column: UnitSort, label: &str| {
        let on_click = props.on_sort.reform(move |_: MouseEvent| column);
        sort_header(
            lang,
            (label, column.key()),
            (sort == column).then_some(descending),
            None,
            on_click,
        )
    };
    let download = {
        let owned: Vec<(usize, UnitScore)> = rows.iter().map(|(r, u)| (*r, (*u).clone())).collect();
        let what = format!(
            "{} – {} {year}",
            block_name(lang, kind),
            metric_name(&metric, lang)
        );
        let (province, search, label) = (
            props.province.to_string(),
            props.search.to_string(),
            props.source_label.clone(),
        );
        Callback::from(move |_| {
            let rows: Vec<(usize, &UnitScore)> = owned.iter().map(|(r, u)| (*r, u)).collect();
            units_export(lang, (&province, &what), &rows, |s| {
                label.emit(s.to_string())
            })
            .shows(Text::Search, search.clone())
        })
    };
    html! {
        <section class="units" data-kind={kind.key()} data-year={year.to_string()} data-metric={metric.clone()}>
            <h3>{format!("{} – {} {year}", block_name(lang, kind), metric_name(&metric, lang))}</h3>
            {districts_ended_note(lang, kind.after_its_level_ended(year))}
            <p class="hint units-count">{format!("{} {}", units.len(), lang.t(Text::UnitsCount))}
                {(bands > 0).then(|| format!(" · {bands} {}", lang.t(Text::BandsNote)))}
                {(!query.is_empty()).then(|| format!(" · {} {}", rows.len(), lang.t(Text::UnitsMatching)))}
                {(rows.len() > UNIT_ROWS).then(|| format!(" · {} {UNIT_ROWS}", lang.t(Text::ShowingFirst)))}</p>
            <div class="units-layout">
                <div class="table-wrap unit-table-wrap" tabindex="0">
                <table class="data-table unit-table">
                    <thead><tr>
                        <th scope="col" class="num">{"#"}</th>
                        {header(UnitSort::Name, lang.t(Text::Unit))}
                        {header(UnitSort::Score, lang.t(Text::Value))}
                        <th scope="col">{lang.t(Text::SourceLabel)}</th>
                    </tr></thead>
                    <tbody>
                        { for shown.iter().map(|(rank, u)| html! {
                            <tr class={classes!(u.is_band().then_some("band"))}>
                                <td class="num">{rank}</td>
                                <th scope="row" lang="vi">{u.unit.clone()}</th>
                                <td class="num">{figure_text(u, lang)}{u.is_band().then(|| html! { <small>{" ("}{lang.t(Text::Band)}{")"}</small> })}</td>
                                <td class="source-cell">{props.source_label.emit(u.source.clone())}</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                </div>
                {chart}
            </div>
            <super::export_buttons::ExportButtons lang={lang} name={format!("chiso-{}-{}-{year}-{metric}", props.province, kind.key())} table={download} />
        </section>
    }
}

/// A province's own units: block averages over the years with their change, counts, and each
/// unit's score or band as a table (searchable, sortable by name or score) and a range-bar
/// chart of the same rows.
pub fn units_report(props: &UnitsReportProps) -> Html {
    let lang = props.lang;
    let province = props.province.as_str();
    let scores = &props.scores;
    let source = |s: &UnitScore| props.source_label.emit(s.source.clone());

    let blocks = [UnitType::DepartmentBlock, UnitType::DistrictBlock, UnitType::CommuneBlock].into_iter().map(|block| {
        let mut metrics: Vec<&str> = scores.iter().filter(|s| s.province == province && s.unit_type == block).map(|s| s.metric.as_str()).collect();
        crate::order::sort_by(&mut metrics, Ord::cmp);
        metrics.dedup();
        if metrics.is_empty() {
            return html! {};
        }
        let rows = metrics.into_iter().flat_map(|metric| {
            let history = block_history(scores, province, block, metric);
            history.into_iter().rev().map(move |h| (metric, h))
        });
        let note = districts_ended_note(lang, scores.iter().any(|s| s.province == province && s.unit_type.after_its_level_ended(s.year) && s.unit_type == block));
        html! {
            <section class="block" data-block={block.key()}>
                <h3>{block_name(lang, block)}{" – "}<span lang="vi">{scores.iter().find(|s| s.province == province && s.unit_type == block).map(|s| s.unit.clone()).unwrap_or_default()}</span></h3>
                {note}
                <div class="table-wrap" tabindex="0">
                <table class="data-table block-table">
                    <thead><tr>
                        <th scope="col">{lang.t(Text::Metric)}</th><th scope="col">{lang.t(Text::Year)}</th>
                        <th scope="col" class="num">{lang.t(Text::Value)}</th><th scope="col" class="num">{lang.t(Text::ValueChange)}</th>
                    </tr></thead>
                    <tbody>
                        { for rows.map(|(metric, h)| html! {
                            <tr>
                                <th scope="row">{metric_name(metric, lang)}</th>
                                <td>{h.year}</td>
                                <td class="num">{if h.value.fract() == 0.0 { lang.number(h.value, 0) } else { lang.number(h.value, 2) }}{h.derived.then(|| html! { <sup class="derived" title={lang.t(Text::DerivedHelp)}>{lang.t(Text::Derived)}</sup> })}</td>
                                <td class="num">{h.change.map(|(y, d)| format!("{} ({} {y})", lang.signed(d, 2), lang.t(Text::ComparedWith))).unwrap_or_else(|| "–".into())}</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                </div>
            </section>
        }
    });

    let query = crate::text::fold(&props.search);
    let mut unit_sections: Vec<Html> = Vec::new();
    for kind in [UnitType::Department, UnitType::District, UnitType::Commune] {
        for table in unit_tables(scores, province, kind) {
            unit_sections.push(unit_section(props, &query, kind, table));
        }
    }

    let mut whole: Vec<&UnitScore> = scores
        .iter()
        .filter(|s| s.province == province && s.unit_type == UnitType::Province)
        .collect();
    crate::order::sort_by(&mut whole, |a, b| {
        b.year.cmp(&a.year).then_with(|| a.metric.cmp(&b.metric))
    });
    let province_figures = (!whole.is_empty()).then(|| html! {
        <section class="province-figures">
            <h3>{lang.t(Text::WholeProvince)}</h3>
            <div class="table-wrap" tabindex="0">
            <table class="data-table">
                <thead><tr><th scope="col">{lang.t(Text::Metric)}</th><th scope="col">{lang.t(Text::Year)}</th><th scope="col" class="num">{lang.t(Text::Value)}</th><th scope="col">{lang.t(Text::SourceLabel)}</th></tr></thead>
                <tbody>
                    { for whole.iter().map(|s| html! {
                        <tr><th scope="row">{metric_name(&s.metric, lang)}</th><td>{s.year}</td><td class="num">{figure_text(s, lang)}</td><td class="source-cell">{source(s)}</td></tr>
                    }) }
                </tbody>
            </table>
            </div>
        </section>
    });

    html! {
        <div class="units-report">
            { for blocks }
            { for unit_sections }
            {province_figures}
        </div>
    }
}
