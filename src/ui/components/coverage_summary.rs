use super::sources_list::{conflict_mark, value_sources};
use super::SharedDataset;
use crate::analysis::ranking::Ranking;
use crate::data::model::ConflictSubject;
use crate::i18n::Text;
use crate::ui::state::Selection;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CoverageSummaryProps {
    pub data: SharedDataset,
    pub selection: Selection,
    pub ranking: Rc<Ranking>,
}

/// Above this many missing provinces the names are not listed one by one.
const LIST_LIMIT: usize = 12;

/// How many provinces have data, which do not and why, and the national average if published.
pub fn coverage_summary(props: &CoverageSummaryProps) -> Html {
    let dataset = &props.data.0;
    let s = &props.selection;
    let lang = s.lang;
    let r = &props.ranking;
    let mut counts = format!(
        "{}/{} {}",
        r.with_value,
        r.expected,
        lang.t(Text::ProvincesWithData)
    );
    if r.rank_only > 0 {
        counts.push_str(&format!(" (+{} {})", r.rank_only, lang.t(Text::RankOnly)));
    }
    let own = dataset
        .series(&s.index, s.year, &s.component)
        .map_or(0, |series| {
            series
                .points
                .iter()
                .filter(|p| dataset.own_row(p.source).is_some())
                .count()
        });
    if own > 0 {
        counts.push_str(&format!("; {own} {}", lang.t(Text::OwnValuesNote)));
    }
    let missing: Vec<&str> = {
        let with_data: Vec<&str> = dataset
            .series(&s.index, s.year, &s.component)
            .map(|series| series.points.iter().map(|p| p.province.as_str()).collect())
            .unwrap_or_default();
        dataset
            .provinces_in(s.year)
            .map(|p| p.code.as_str())
            .filter(|c| !with_data.contains(c))
            .collect()
    };
    let notes = dataset.coverage_notes.iter().filter(|n| n.index == s.index);
    let general: Vec<Html> = notes
        .clone()
        .filter(|n| n.province.is_none() && n.year.is_none_or(|y| y == s.year))
        .map(|n| html! { <li>{n.reason(lang)}</li> })
        .collect();
    let missing_list = (!missing.is_empty() && missing.len() <= LIST_LIMIT).then(|| {
        let items = missing.iter().map(|code| {
            let name = dataset.province(code).map(|p| p.name(lang)).unwrap_or(code);
            let reason = notes
                .clone()
                .find(|n| n.year == Some(s.year) && n.province.as_deref() == Some(*code))
                .map(|n| format!(": {}", n.reason(lang)));
            html! { <li data-code={code.to_string()}><strong>{name}</strong>{reason}</li> }
        });
        html! { <ul class="missing-list">{ for items }</ul> }
    });
    let average_conflict = dataset
        .conflicts_about(&s.index, s.year, &s.component)
        .find(|c| c.subject == ConflictSubject::ProvincesAverage)
        .map(|c| conflict_mark(lang, c));
    let average = dataset.national_value(&s.index, s.year, &s.component).map(|n| {
        let what = (s.index.as_str(), s.year, s.component.as_str());
        let (title, refs) = value_sources(dataset, lang, what, None, Some(n.source));
        html! {
            <p class="national">{lang.t(Text::NationalAverage)}{": "}
                <strong tabindex="0" {title}>{lang.number(n.value, 2)}</strong>{average_conflict}{" "}{refs}</p>
        }
    });
    // A note about this very year (a partial year, a change of method) is shown open.
    let about_the_year = notes
        .clone()
        .any(|n| n.province.is_none() && n.year == Some(s.year));
    let details = (!missing.is_empty() || !general.is_empty()).then(|| {
        html! {
            <details class="why-missing" open={(missing.len() <= LIST_LIMIT && !missing.is_empty()) || about_the_year}>
                <summary>{
                    if missing.is_empty() { lang.t(Text::CoverageNotes).to_string() }
                    else { format!("{} ({})", lang.t(Text::WhyMissing), missing.len()) }
                }</summary>
                {missing_list}
                <ul class="coverage-notes">{ for general }</ul>
            </details>
        }
    });
    html! {
        <section class="coverage" aria-live="polite">
            <p class="coverage-count" id="coverage-count">{counts}</p>
            {average}
            {details}
        </section>
    }
}
