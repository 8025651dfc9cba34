use super::language_switch::language_switch;
use crate::ui::i18n::{Lang, Text};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PageFrameProps {
    pub lang: Lang,
    pub on_lang: Callback<Lang>,
    pub children: Html,
}

/// The page's header (title, tagline, language switch) and footer around a view; shared by the
/// app and the first view rendered at build time (`ui::prerender`), so both look the same.
#[component]
pub fn PageFrame(props: &PageFrameProps) -> Html {
    let lang = props.lang;
    html! {
        <>
            <header class="site-header">
                <div>
                    <h1>{"chiso"}</h1>
                    <p class="tagline">{lang.t(Text::Tagline)}</p>
                </div>
                {language_switch(lang, &props.on_lang)}
            </header>
            {props.children.clone()}
            <footer class="site-footer">
                <p>{lang.t(Text::Footer)}</p>
                <p>{lang.t(Text::Credits)}</p>
            </footer>
        </>
    }
}
