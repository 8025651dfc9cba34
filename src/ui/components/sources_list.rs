use super::SharedDataset;
use crate::data::model::{Confirmation, Conflict, ConflictSubject, Dataset};
use crate::i18n::{Lang, Text};
use crate::ui::state::Selection;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourcesListProps {
    pub data: SharedDataset,
    pub selection: Selection,
    /// Source ids cited in the current view, in order of first use.
    pub ids: Vec<u32>,
    /// Only the disagreements about this province (a profile); otherwise all of the year's.
    #[prop_or_default]
    pub province: Option<String>,
}

/// One citation: URLs become links (opened in a new tab), anything else stays text.
fn citation(text: &str) -> Html {
    let parts = text.split(" | ").map(|part| {
        if part.starts_with("http://") || part.starts_with("https://") {
            html! { <a href={part.to_string()} target="_blank" rel="noopener noreferrer">{part}</a> }
        } else {
            html! { <span>{part}</span> }
        }
    });
    html! { <>{ for parts.enumerate().map(|(i, p)| html! { <>{ (i > 0).then_some(" | ") }{p}</> }) }</> }
}

/// The [n] marks of a value's sources, each a link to its entry in the list. A function, not a
/// component, for the same reason as `conflict_mark`.
fn source_refs(lang: Lang, ids: &[u32]) -> Html {
    let label = lang.t(Text::SourceLabel);
    html! {
        <>{ for ids.iter().map(|id| html! {
            <a class="source-ref" href={format!("#source-{id}")} aria-label={format!("{label} {id}")}>{format!("[{id}]")}</a>
        }) }</>
    }
}

/// A value's sources in its hover text, one a line: the one it was taken from (`first`), then
/// each further source and what it gives. Until the list of sources is loaded, its citations
/// (and the further sources) are not known, and the text says it is loading.
fn sources_title(dataset: &Dataset, lang: Lang, first: u32, others: &[&Confirmation]) -> String {
    let citation = |id: u32| {
        dataset
            .source(id)
            .map_or(lang.t(Text::SourcesLoading), |s| s.citation.as_str())
    };
    let mut lines = vec![format!(
        "{} [{first}]: {}",
        lang.t(Text::SourceLabel),
        citation(first)
    )];
    lines.extend(others.iter().map(|c| {
        format!(
            "{} [{}] ({}): {}",
            lang.t(Text::AlsoGivenBy),
            c.source,
            c.gives(lang),
            citation(c.source)
        )
    }));
    lines.join("\n")
}

/// Every source of a value of `index` `year` `component` (`province` `None`: the national
/// value): its hover text and its [n] marks, the source it was taken from (`first`) first;
/// nothing where there is no value.
pub fn value_sources(
    dataset: &Dataset,
    lang: Lang,
    (index, year, component): (&str, u16, &str),
    province: Option<&str>,
    first: Option<u32>,
) -> (Option<String>, Html) {
    let Some(first) = first else {
        return (None, Html::default());
    };
    let others: Vec<&Confirmation> = dataset
        .confirmations_of(index, year, component, province)
        .collect();
    let ids = dataset.sources_of(index, year, component, province, first);
    (
        Some(sources_title(dataset, lang, first, &others)),
        html! { <>{own_mark(dataset, lang, first)}{source_refs(lang, &ids)}</> },
    )
}

/// ✎ beside a province's value of `index` `year` `component` where it comes from one of the
/// user's files (for the views that show values without their sources: trends, compare,
/// scatter).
pub fn own_mark_at(
    dataset: &Dataset,
    lang: Lang,
    (index, year, component): (&str, u16, &str),
    province: &str,
) -> Option<Html> {
    let point = dataset
        .series(index, year, component)?
        .points
        .iter()
        .find(|p| p.province == province)?;
    own_mark(dataset, lang, point.source)
}

/// ✎ beside a value from one of the user's files, naming the file and its line.
fn own_mark(dataset: &Dataset, lang: Lang, source: u32) -> Option<Html> {
    let own = dataset.own_row(source)?;
    let text = format!(
        "{}: {}, {} {}",
        lang.t(Text::OwnValue),
        own.file,
        lang.t(Text::Line),
        own.line
    );
    Some(
        html! { <span class="own-mark" tabindex="0" role="img" title={text.clone()} aria-label={text}>{"✎"}</span> },
    )
}

/// ⚠ beside a value on which sources disagree: the other value on hover, and a link to the
/// entry in this list that gives it with its source and why it was not kept. A function, not
/// a component: it is drawn in table cells, where a component's machinery costs wasm size.
pub fn conflict_mark(lang: Lang, c: &Conflict) -> Html {
    let Some(anchor) = c.anchor() else {
        return Html::default();
    };
    // Some entries give no other value: the sources' figures do not add up (see its note).
    let title = match lang.number_as_written(&c.value_other) {
        _ if c.value_other.is_empty() => lang.t(Text::SourcesDisagree).to_string(),
        Some(other) => format!("{}: {other}", lang.t(Text::Conflict)),
        None => format!("{}: {}", lang.t(Text::Conflict), c.value_other),
    };
    html! { <a class="conflict" href={format!("#{anchor}")} title={title.clone()} aria-label={title}>{"⚠"}</a> }
}

/// A value as the conflict table writes it: a number in the locale, words (English) as is.
fn written(lang: Lang, text: &str) -> Html {
    match lang.number_as_written(text) {
        Some(number) => html! { {number} },
        None => html! { <span lang="en">{text}</span> },
    }
}

/// Where a source's citation is known, it in brackets.
fn cited(dataset: &Dataset, id: Option<u32>) -> Html {
    match id.and_then(|id| dataset.source(id)) {
        Some(source) => {
            html! { <>{" ("}<span translate="no">{citation(&source.citation)}</span>{")"}</> }
        }
        None => Html::default(),
    }
}

/// One disagreement: what it is about, the value used and its source, the other value and its
/// source, and the note that says why.
fn conflict_entry(dataset: &Dataset, lang: Lang, c: &Conflict) -> Html {
    let subject = match (
        c.subject,
        c.province
            .as_deref()
            .and_then(|code| dataset.province(code)),
    ) {
        (ConflictSubject::Province, Some(p)) => html! { {p.name(lang)} },
        (ConflictSubject::ProvincesAverage, _) => html! { {lang.t(Text::NationalAverage)} },
        // The table's own words, in English.
        _ => html! { <span lang="en">{c.unit.clone()}</span> },
    };
    // What of it, when not the value itself.
    let field = match c.field.as_str() {
        _ if c.is_about_rank() => Some(Text::AboutOfficialRank),
        "components" => Some(Text::AboutComponents),
        _ => None,
    }
    .map(|text| format!(" ({})", lang.t(text)));
    let other = (!c.value_other.is_empty()).then(|| html! {
        <>{"; "}{lang.t(Text::Conflict)}{" "}{written(lang, &c.value_other)}{cited(dataset, c.source_other)}</>
    });
    // In English, and in Vietnamese where translated.
    let (note, note_lang) = lang.prefer(&c.note, &c.note_vi);
    html! {
        <li id={c.anchor()}>
            <strong>{subject}{field}</strong>{": "}{lang.t(Text::ValueKept)}{" "}{written(lang, &c.value_kept)}
            {cited(dataset, c.source_kept)}{other}{". "}
            <span lang={note_lang.code()}>{note}</span>
        </li>
    }
}

/// The sources behind every value on screen, numbered as the [n] marks in the table; a value
/// given by several sources has each one's number. While the list is still loading, it says so
/// (the [n] marks are right already).
pub fn sources_list(props: &SourcesListProps) -> Html {
    let dataset = &props.data.0;
    let lang = props.selection.lang;
    let s = &props.selection;
    if dataset.details_file.is_some() {
        return html! {
            <section class="sources">
                <h2>{lang.t(Text::Sources)}</h2>
                <p class="loading" role="status" id="sources-loading"><span class="spinner" aria-hidden="true"></span>{lang.t(Text::SourcesLoading)}</p>
            </section>
        };
    }
    // Addresses and file names are the same in every language.
    let items = props.ids.iter().filter_map(|id| dataset.source(*id)).map(|s| html! {
        <li id={format!("source-{}", s.id)} value={s.id.to_string()} translate="no">{citation(&s.citation)}</li>
    });
    let conflicts: Vec<Html> = dataset
        .conflicts_about(&s.index, s.year, &s.component)
        .filter(|c| props.province.is_none() || c.province == props.province)
        .map(|c| conflict_entry(dataset, lang, c))
        .collect();
    html! {
        <section class="sources">
            <h2>{lang.t(Text::Sources)}</h2>
            <ol>{ for items }</ol>
            if !conflicts.is_empty() {
                <h3>{"⚠ "}{lang.t(Text::SourcesDisagree)}</h3>
                <ul class="conflicts">{ for conflicts }</ul>
            }
        </section>
    }
}
