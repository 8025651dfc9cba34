use super::SharedDataset;
use crate::i18n::{Lang, Text};
use crate::text::fold;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProvincePickerProps {
    pub data: SharedDataset,
    pub lang: Lang,
    pub id: AttrValue,
    pub label: AttrValue,
    pub on_pick: Callback<String>,
    /// The chosen province's name (the profile's, the brief's), shown in the box until the
    /// user types; `None` where the picker adds to a list (trends, compare).
    #[prop_or_default]
    pub chosen: Option<AttrValue>,
}

/// Suggestions shown at most.
const SUGGESTIONS: usize = 8;

/// A search box that suggests provinces of both geographies as you type, with or without
/// diacritics, by a former or a new name; Enter picks the first suggestion. It shows the chosen
/// province's name while nothing is typed, all of it selected on focus so that typing replaces it.
#[component]
pub fn ProvincePicker(props: &ProvincePickerProps) -> Html {
    // What the user typed; `None` until they type, and again once they pick or leave it empty.
    let text = use_state(|| None::<String>);
    let dataset = &props.data.0;
    let folded = fold(text.as_deref().unwrap_or_default());
    let found: Vec<(String, String)> = if folded.is_empty() {
        Vec::new()
    } else {
        dataset
            .find_provinces(&folded)
            .into_iter()
            .take(SUGGESTIONS)
            .map(|p| (p.code.clone(), dataset.province_label(p, props.lang)))
            .collect()
    };
    let pick = {
        let text = text.clone();
        let on_pick = props.on_pick.clone();
        Callback::from(move |code: String| {
            text.set(None);
            on_pick.emit(code);
        })
    };
    let on_input = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(Some(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            ))
        })
    };
    let on_focus = Callback::from(|e: FocusEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .select()
    });
    let on_blur = {
        let text = text.clone();
        Callback::from(move |_: FocusEvent| {
            if text.as_deref().is_some_and(str::is_empty) {
                text.set(None);
            }
        })
    };
    let shown = match (&*text, &props.chosen) {
        (Some(typed), _) => typed.clone(),
        (None, Some(chosen)) => chosen.to_string(),
        (None, None) => String::new(),
    };
    let on_keydown = {
        let first = found.first().map(|f| f.0.clone());
        let pick = pick.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                if let Some(code) = first.clone() {
                    pick.emit(code);
                }
            }
        })
    };
    let list_id = format!("{}-suggestions", props.id);
    html! {
        <div class="province-picker">
            <label>{props.label.clone()}
                <input id={props.id.clone()} type="search" autocomplete="off" value={shown}
                    placeholder={props.lang.t(Text::SearchPlaceholder)} aria-controls={list_id.clone()}
                    oninput={on_input} onkeydown={on_keydown} onfocus={on_focus} onblur={on_blur} />
            </label>
            <ul id={list_id} class="suggestions" aria-live="polite">
                { for found.into_iter().map(|(code, name)| {
                    let pick = pick.clone();
                    html! { <li><button type="button" data-code={code.clone()} onclick={move |_| pick.emit(code.clone())}>{name}</button></li> }
                }) }
            </ul>
        </div>
    }
}
