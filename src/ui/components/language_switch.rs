use crate::ui::i18n::{Lang, Text};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    pub lang: Lang,
    pub on_change: Callback<Lang>,
}

/// Two buttons, the current language pressed.
#[component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    let button = |lang: Lang, label: &'static str| {
        let on_change = props.on_change.clone();
        html! {
            <button type="button" lang={lang.code()} aria-pressed={(props.lang == lang).to_string()}
                onclick={move |_| on_change.emit(lang)}>{label}</button>
        }
    };
    html! {
        <div class="language-switch" role="group" aria-label={props.lang.t(Text::Language)}>
            {button(Lang::Vi, "Tiếng Việt")}
            {button(Lang::En, "English")}
        </div>
    }
}
