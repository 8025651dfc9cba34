use super::view_tabs::shared_title;
use crate::i18n::{Lang, Text};
use crate::ui::state::Selection;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareButtonProps {
    pub selection: Selection,
    /// The page built ahead that shows this view (`built_pages::paths::page_of`), whose address
    /// is shared instead of the app's: its preview names the province. Empty: the app's address.
    #[prop_or_default]
    pub page: String,
}

/// "Share": copies the address of the view on screen (a province's profile: its page's, with
/// the same choices) and, on a browser with a share sheet
/// (phones), opens it too; the line beside it says what happened, and when the browser refused
/// to copy it shows the address to copy by hand.
#[component]
pub fn ShareButton(props: &ShareButtonProps) -> Html {
    let s = &props.selection;
    let lang = s.lang;
    let status = use_state(String::new);
    let onclick = {
        let query = s.query_string_embedded(false);
        let title = shared_title(lang, s.view);
        let (page, status) = (props.page.clone(), status.clone());
        move |_: MouseEvent| share(&page, &query, &title, lang, status.clone())
    };
    html! {
        <>
            <button type="button" id="share-button" class="chip" onclick={onclick}>{lang.t(Text::Share)}</button>
            <span role="status" id="share-status" class="share-status">{(*status).clone()}</span>
        </>
    }
}

/// What the status line says after sharing: whether the address was copied (else the address
/// itself) and the share sheet's outcome, if there was one (`Err` holds the error's name).
pub fn share_message(
    lang: Lang,
    url: &str,
    copied: bool,
    shared: Option<Result<(), String>>,
) -> String {
    let copy = if copied {
        lang.t(Text::AddressCopied).to_string()
    } else {
        format!("{} {url}", lang.t(Text::AddressNotCopied))
    };
    let sheet = match shared.as_ref().map(|r| r.as_ref().map_err(String::as_str)) {
        None => return copy,
        Some(Ok(())) => Text::Shared,
        Some(Err("AbortError")) => Text::ShareCancelled,
        Some(Err(_)) => Text::ShareFailed,
    };
    format!("{} {copy}", lang.t(sheet))
}

#[cfg(target_arch = "wasm32")]
fn share(page: &str, query: &str, title: &str, lang: Lang, status: UseStateHandle<String>) {
    let (url, title) = (crate::ui::web::address_at(page, query), title.to_string());
    wasm_bindgen_futures::spawn_local(async move {
        let (copied, shared) = crate::ui::web::share_address(&url, &title).await;
        status.set(share_message(lang, &url, copied, shared));
    });
}

// Rendered on the server (the page as built) there is nothing to share until the app runs.
#[cfg(not(target_arch = "wasm32"))]
fn share(_: &str, _: &str, _: &str, _: Lang, _: UseStateHandle<String>) {}
