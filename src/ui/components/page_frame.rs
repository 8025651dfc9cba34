use super::embed_button::EmbedButton;
use super::language_switch::language_switch;
use super::share_button::ShareButton;
use crate::i18n::{Lang, Text};
use crate::render::open_data::{FOLDER, PACKAGE_FILE, VALUES_FILE, WORKBOOK_FILE};
use crate::ui::state::Selection;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PageFrameProps {
    pub lang: Lang,
    pub on_lang: Callback<Lang>,
    pub children: Html,
    /// The view on screen, which the Share and Embed buttons give the address of (none while
    /// the app loads).
    #[prop_or_default]
    pub selection: Option<Selection>,
    /// The page built ahead that shows it, if any (`built_pages::paths::page_of`): Share gives
    /// that page's address.
    #[prop_or_default]
    pub page: String,
}

/// The page's header (title, tagline, Share and Embed buttons, language switch) and footer
/// around a view; shared by the
/// app and the first view rendered at build time (`ui::built_pages::prerender`), so both look the same.
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
                <div class="header-tools">
                    { for props.selection.clone().map(|s| html! {
                        <div class="share-tools" role="group" aria-label={lang.t(Text::ShareTools)}>
                            <ShareButton selection={s.clone()} page={props.page.clone()} />
                            <EmbedButton selection={s} />
                        </div>
                    }) }
                    {language_switch(lang, &props.on_lang)}
                </div>
            </header>
            {props.children.clone()}
            <footer class="site-footer">
                <p>{lang.t(Text::Footer)}</p>
                {open_data(lang)}
                <p>{lang.t(Text::Credits)}</p>
                <p class="citation">{lang.t(Text::HowToCite)}{": "}{lang.citation(None)}</p>
            </footer>
        </>
    }
}

/// The links to the whole dataset as files (`render::open_data`, written by the build): the
/// CSV, the workbook and the data package describing them.
fn open_data(lang: Lang) -> Html {
    let link = |file: &str, label: &str, download: bool| {
        let href = format!("{FOLDER}/{file}");
        html! { <a {href} download={download.then(String::new)}>{label.to_string()}</a> }
    };
    html! {
        <p class="open-data">
            <strong>{lang.t(Text::OpenData)}</strong>
            {format!(" ({}): ", lang.t(Text::OpenDataNote))}
            {link(VALUES_FILE, "CSV", true)}{" · "}
            {link(WORKBOOK_FILE, "Excel (.xlsx)", true)}{" · "}
            {link(PACKAGE_FILE, "Data Package (datapackage.json)", false)}
        </p>
    }
}
