//! Shown by the page's small app for a view it does not draw: loads the whole app, which takes
//! the page over once that view is on screen (`views`), or says why it could not be loaded.

use crate::i18n::{Lang, Text};
use crate::ui::web;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AllViewsLoadingProps {
    pub lang: Lang,
}

#[component]
pub fn AllViewsLoading(props: &AllViewsLoadingProps) -> Html {
    let failed = use_state(|| None::<String>);
    {
        let failed = failed.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(detail) = web::load_all_views().await {
                    failed.set(Some(detail));
                }
            });
        });
    }
    let lang = props.lang;
    match &*failed {
        None => html! {
            <p class="notice" role="status" id="view-loading"><span class="spinner" aria-hidden="true"></span>{lang.t(Text::ViewLoading)}</p>
        },
        Some(detail) => html! {
            <p class="notice notice-error" role="alert" id="view-load-failed">{lang.t(Text::ViewLoadFailed)}{" ("}{detail}{")"}</p>
        },
    }
}
