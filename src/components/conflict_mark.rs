use crate::i18n::{Lang, Text};
use crate::model::Conflict;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConflictMarkProps {
    pub lang: Lang,
    pub conflict: Conflict,
}

/// ⚠ beside a value on which sources disagree: the other value on hover, and a link to the
/// entry under the sources that gives it with its source and why it was not kept.
#[component]
pub fn ConflictMark(props: &ConflictMarkProps) -> Html {
    let lang = props.lang;
    let c = &props.conflict;
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
