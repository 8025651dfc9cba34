use crate::i18n::Text;
use crate::ui::state::Selection;
use yew::prelude::*;

/// A view framed by another site (`?embed`): the view alone, without the header, the view tabs,
/// the language switch or the footer, under a small link to the same view in full (same address
/// without `embed`) that opens in a new tab, out of the frame. A function, not a component: it
/// keeps no state, and each component adds its own lifecycle code to the wasm.
pub fn embed_frame(selection: &Selection, view: Html) -> Html {
    let lang = selection.lang;
    let full = format!("?{}", selection.query_string_embedded(false));
    html! {
        <div class="embedded">
            <p class="embed-bar">
                <a id="full-view" href={full} target="_blank" rel="noopener">
                    {lang.t(Text::OpenFullView)}<span aria-hidden="true">{" ↗"}</span>
                    <span class="visually-hidden">{" "}{lang.t(Text::NewTab)}</span>
                </a>
            </p>
            {view}
        </div>
    }
}
