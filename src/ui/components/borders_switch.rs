use crate::data::geography::Geography;
use crate::ui::i18n::{Lang, Text};
use crate::ui::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BordersSwitchProps {
    pub lang: Lang,
    pub on: bool,
    /// The year shown: from 2025 the years rate the 34 themselves and the switch is not shown.
    /// `None` on a view spanning all years (trends).
    #[prop_or_default]
    pub year: Option<u16>,
    pub on_action: Callback<Action>,
}

/// The "Borders of 2025" switch of the rankings, map and trends: a year before 2025 grouped
/// under the 34 provinces formed on 1 July 2025.
#[component]
pub fn BordersSwitch(props: &BordersSwitchProps) -> Html {
    if props.year.is_some_and(|y| Geography::of_year(y) == Geography::Units2025) {
        return html! {};
    }
    let lang = props.lang;
    let onchange = props.on_action.reform(|e: Event| {
        Action::SetBorders2025(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked())
    });
    html! {
        <label class="radio borders-switch" title={lang.t(Text::Borders2025Help)}>
            <input type="checkbox" id="borders-2025" checked={props.on} onchange={onchange} />
            {lang.t(Text::Borders2025)}
        </label>
    }
}
