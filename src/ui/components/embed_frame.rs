use crate::ui::i18n::Text;
use crate::ui::state::Selection;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmbedFrameProps {
    pub selection: Selection,
    pub children: Html,
}

/// A view framed by another site (`?embed`): the view alone, without the header, the view tabs,
/// the language switch or the footer, under a small link to the same view in full (same address
/// without `embed`) that opens in a new tab, out of the frame.
#[component]
pub fn EmbedFrame(props: &EmbedFrameProps) -> Html {
    let lang = props.selection.lang;
    let full = format!("?{}", props.selection.query_string_embedded(false));
    html! {
        <div class="embedded">
            <p class="embed-bar">
                <a id="full-view" href={full} target="_blank" rel="noopener">
                    {lang.t(Text::OpenFullView)}<span aria-hidden="true">{" ↗"}</span>
                    <span class="visually-hidden">{" "}{lang.t(Text::NewTab)}</span>
                </a>
            </p>
            {props.children.clone()}
        </div>
    }
}
