use crate::data::geography::Geography;
use crate::i18n::Text;
use crate::ui::state::{Action, Selection};
use yew::prelude::*;

/// The "Borders of 2025" switch of the rankings, map and trends: a year before 2025 grouped
/// under the 34 provinces formed on 1 July 2025. `year` is the year shown (from 2025 the years
/// rate the 34 themselves and there is no switch), `None` on a view of all years (trends).
/// A plain function, not a component: it keeps no state, and a component of its own would
/// cost the first visit's download more.
pub fn borders_switch(s: &Selection, year: Option<u16>, on_action: &Callback<Action>) -> Html {
    if year.is_some_and(|y| Geography::of_year(y) == Geography::Units2025) {
        return html! {};
    }
    let lang = s.lang;
    let onchange = on_action.reform(|e: Event| {
        Action::SetBorders2025(
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked(),
        )
    });
    html! {
        <label class="radio borders-switch" title={lang.t(Text::Borders2025Help)}>
            <input type="checkbox" id="borders-2025" checked={s.borders_2025} onchange={onchange} />
            {lang.t(Text::Borders2025)}
        </label>
    }
}
