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
    let items = props.ids.iter().filter_map(|id| dataset.source(*id)).map(|s| html! {
        <li id={format!("source-{}", s.id)} value={s.id.to_string()}>{citation(&s.citation)}</li>
    });
    html! {
        <section class="sources">
            <h2>{lang.t(Text::Sources)}</h2>
            <ol>{ for items }</ol>
        </section>
    }
}
