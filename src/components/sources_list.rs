use super::SharedDataset;
use crate::i18n::Text;
use crate::state::Selection;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourcesListProps {
    pub data: SharedDataset,
    pub selection: Selection,
    /// Source ids cited in the current view, in order of first use.
    pub ids: Vec<u32>,
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

/// The sources behind every value on screen, numbered as the [n] marks in the table.
#[component]
pub fn SourcesList(props: &SourcesListProps) -> Html {
    let dataset = &props.data.0;
    let lang = props.selection.lang;
    let s = &props.selection;
    // Addresses and file names are the same in every language.
    let items = props.ids.iter().filter_map(|id| dataset.source(*id)).map(|s| html! {
        <li id={format!("source-{}", s.id)} value={s.id.to_string()} translate="no">{citation(&s.citation)}</li>
    });
    let conflicts: Vec<Html> = dataset
        .conflicts_about(&s.index, s.year, &s.component)
        .filter_map(|c| {
            let province = dataset.province(c.province.as_deref()?)?;
            let other = c.source_other.and_then(|id| dataset.source(id)).map(|src| src.citation.clone()).unwrap_or_default();
            Some(html! {
                <li id={format!("conflict-{}", province.code)}>
                    <strong>{province.name(lang)}</strong>{": "}{lang.t(Text::ValueKept)}{" "}{c.value_kept.clone()}
                    {"; "}{lang.t(Text::Conflict)}{" "}{c.value_other.clone()}{" ("}<span translate="no">{citation(&other)}</span>{"). "}
                    // The notes of the conflict table are in English.
                    <span lang="en">{c.note.clone()}</span>
                </li>
            })
        })
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
