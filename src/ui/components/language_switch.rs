use crate::i18n::{Lang, Text};
use yew::prelude::*;

/// A language's name in itself, as the switch labels it.
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Tiếng Việt",
        Lang::En => "English",
    }
}

/// Two buttons, the current language (`current`) pressed.
pub fn language_switch(current: Lang, on_change: &Callback<Lang>) -> Html {
    let button = |lang: Lang| {
        let on_change = on_change.clone();
        html! {
            <button type="button" lang={lang.code()} aria-pressed={(current == lang).to_string()}
                onclick={move |_| on_change.emit(lang)}>{language_name(lang)}</button>
        }
    };
    html! {
        <div class="language-switch" role="group" aria-label={current.t(Text::Language)}>
            {button(Lang::Vi)}
            {button(Lang::En)}
        </div>
    }
}
