use crate::i18n::{Lang, Text};
use crate::ui::state::{Action, View};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ViewTabsProps {
    pub lang: Lang,
    pub view: View,
    pub on_action: Callback<Action>,
}

pub fn view_name(lang: Lang, view: View) -> &'static str {
    lang.t(match view {
        View::Rankings => Text::Rankings,
        View::Profile => Text::ViewProfile,
        View::Trends => Text::ViewTrends,
        View::Map => Text::ViewMap,
        View::Scatter => Text::ViewScatter,
        View::Compare => Text::ViewCompare,
        View::Inside => Text::ViewInside,
        View::Brief => Text::ViewBrief,
        View::Edition => Text::ViewEdition,
        View::Data => Text::ViewData,
    })
}

/// What a shared address or a framed view is called: "chiso – " and the view's name.
pub fn shared_title(lang: Lang, view: View) -> String {
    format!("chiso – {}", view_name(lang, view))
}

/// The navigation between views; the current one is marked for assistive technology too. On
/// a phone its row scrolls sideways: a tab that takes the focus is scrolled fully into view
/// (Chromium's own scrolling leaves a tab half shown at the edge).
#[component]
pub fn ViewTabs(props: &ViewTabsProps) -> Html {
    let onfocusin = Callback::from(|event: FocusEvent| {
        if let Some(tab) = event.target_dyn_into::<web_sys::Element>() {
            scroll_into_row(&tab);
        }
    });
    html! {
        <nav class="view-tabs" aria-label={props.lang.t(Text::Views)} {onfocusin}>
            { for View::ALL.into_iter().map(|view| {
                let onclick = props.on_action.reform(move |_: MouseEvent| Action::SetView(view));
                html! {
                    <button type="button" id={format!("tab-{}", view.key())} onclick={onclick}
                        aria-current={(props.view == view).then_some("page")}>{view_name(props.lang, view)}</button>
                }
            }) }
        </nav>
    }
}

#[cfg(target_arch = "wasm32")]
fn scroll_into_row(tab: &web_sys::Element) {
    crate::ui::web::scroll_into_view(tab);
}

// Rendered on the server (the page as built) nothing takes the focus.
#[cfg(not(target_arch = "wasm32"))]
fn scroll_into_row(_: &web_sys::Element) {}
