use super::view_tabs::shared_title;
use crate::i18n::Text;
use crate::render::embed_code::iframe_code;
use crate::ui::state::Selection;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmbedButtonProps {
    pub selection: Selection,
}

/// "Embed": a modal dialogue with the `<iframe>` code of the view on screen (its address with
/// `embed`, `render::embed_code`), selected in a read-only box, and a button that copies it.
/// Its content is drawn only while it is open (the page as built holds an empty dialogue).
#[component]
pub fn EmbedButton(props: &EmbedButtonProps) -> Html {
    let s = &props.selection;
    let lang = s.lang;
    let open = use_state(|| false);
    let status = use_state(String::new);
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with(*open, move |open| {
            if *open {
                show(&dialog);
            }
        });
    }
    let on_open = {
        let (open, status) = (open.clone(), status.clone());
        move |_: MouseEvent| {
            status.set(String::new());
            open.set(true);
        }
    };
    let content = open.then(|| {
        let title = shared_title(lang, s.view);
        let code = iframe_code(&address_with(&s.query_string_embedded(true)), &title);
        let on_copy = {
            let (code, status) = (code.clone(), status.clone());
            move |_: MouseEvent| copy(&code, lang, status.clone())
        };
        let on_close = {
            let dialog = dialog.clone();
            move |_: MouseEvent| close(&dialog)
        };
        html! {
            <>
                <h2 id="embed-title">{lang.t(Text::EmbedTitle)}</h2>
                <p id="embed-help">{lang.t(Text::EmbedHelp)}</p>
                <label for="embed-code">{lang.t(Text::EmbedCode)}</label>
                <textarea id="embed-code" readonly=true rows="5" spellcheck="false" value={code} aria-describedby="embed-help" />
                <div class="dialog-buttons">
                    <button type="button" id="copy-embed" class="chip" onclick={on_copy}>{lang.t(Text::CopyCode)}</button>
                    <button type="button" id="close-embed" class="chip" onclick={on_close}>{lang.t(Text::Close)}</button>
                </div>
                <p role="status" id="embed-status">{(*status).clone()}</p>
            </>
        }
    });
    // Closed by its button or by Escape: either way the `close` event ends it.
    let on_closed = {
        let open = open.clone();
        move |_: Event| open.set(false)
    };
    html! {
        <>
            <button type="button" id="embed-button" class="chip" aria-haspopup="dialog" onclick={on_open}>{lang.t(Text::Embed)}</button>
            <dialog ref={dialog} id="embed-dialog" aria-labelledby="embed-title" onclose={on_closed}>{content}</dialog>
        </>
    }
}

#[cfg(target_arch = "wasm32")]
fn address_with(query: &str) -> String {
    crate::ui::web::address_with(query)
}

#[cfg(target_arch = "wasm32")]
fn show(dialog: &NodeRef) {
    if let Some(dialog) = dialog.cast::<web_sys::Element>() {
        crate::ui::web::show_modal(&dialog);
    }
}

#[cfg(target_arch = "wasm32")]
fn close(dialog: &NodeRef) {
    if let Some(dialog) = dialog.cast::<web_sys::Element>() {
        crate::ui::web::close_dialog(&dialog);
    }
}

#[cfg(target_arch = "wasm32")]
fn copy(code: &str, lang: crate::i18n::Lang, status: UseStateHandle<String>) {
    let code = code.to_string();
    wasm_bindgen_futures::spawn_local(async move {
        let copied = crate::ui::web::copy_text(&code).await.is_ok();
        status.set(
            lang.t(if copied {
                Text::CodeCopied
            } else {
                Text::CodeNotCopied
            })
            .to_string(),
        );
    });
}

// Rendered on the server (the page as built) the dialogue never opens.
#[cfg(not(target_arch = "wasm32"))]
fn address_with(query: &str) -> String {
    format!("?{query}")
}

#[cfg(not(target_arch = "wasm32"))]
fn show(_: &NodeRef) {}

#[cfg(not(target_arch = "wasm32"))]
fn close(_: &NodeRef) {}

#[cfg(not(target_arch = "wasm32"))]
fn copy(_: &str, _: crate::i18n::Lang, _: UseStateHandle<String>) {}
