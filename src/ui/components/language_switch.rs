use crate::i18n::{Lang, Text};
use yew::prelude::*;

/// Two buttons, the current language (`current`) pressed.
pub fn language_switch(current: Lang, on_change: &Callback<Lang>) -> Html {
    let button = |lang: Lang, label: &'static str| {
        let on_change = on_change.clone();
        html! {
            <button type="button" lang={lang.code()} aria-pressed={(current == lang).to_string()}
                onclick={move |_| on_change.emit(lang)}>{label}</button>
        }
    };
    html! {
        <div class="language-switch" role="group" aria-label={current.t(Text::Language)}>
            {button(Lang::Vi, "Tiếng Việt")}
            {button(Lang::En, "English")}
        </div>
    }
}
