use crate::i18n::{Lang, Text};
use yew::prelude::*;

/// Why the dataset is not there.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadFailure {
    /// The request failed or returned an error status.
    Fetch { url: String, detail: String },
    /// The response was not a usable dataset (parse error with line/column, or inconsistency).
    Parse { url: String, detail: String },
}

/// A visible error panel instead of a blank page.
pub fn load_error(lang: Lang, failure: &LoadFailure) -> Html {
    let (what, url, detail) = match failure {
        LoadFailure::Fetch { url, detail } => (lang.t(Text::LoadFailedUrl), url, detail),
        LoadFailure::Parse { url, detail } => (lang.t(Text::LoadFailedParse), url, detail),
    };
    html! {
        <section class="error-panel" role="alert" id="load-error">
            <h2>{lang.t(Text::LoadFailed)}</h2>
            <p>{what}{": "}<code>{url}</code></p>
            <p class="error-detail">{detail}</p>
            <p><a href="">{lang.t(Text::Reload)}</a></p>
        </section>
    }
}
