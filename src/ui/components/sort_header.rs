use crate::ui::i18n::{Lang, Text};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SortHeaderProps {
    pub lang: Lang,
    pub label: AttrValue,
    /// The column's key, as `data-column`.
    pub column: AttrValue,
    /// `Some(descending)` when the table is sorted by this column.
    pub sorted: Option<bool>,
    #[prop_or_default]
    pub help: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
    pub on_click: Callback<MouseEvent>,
}

/// A column header that sorts its table: a button (keyboard operable) inside a `<th>` whose
/// `aria-sort` and arrow say the current order.
#[component]
pub fn SortHeader(props: &SortHeaderProps) -> Html {
    let lang = props.lang;
    let (aria_sort, arrow, state) = match props.sorted {
        None => ("none", "", ""),
        Some(false) => ("ascending", " ▲", lang.t(Text::SortAscending)),
        Some(true) => ("descending", " ▼", lang.t(Text::SortDescending)),
    };
    html! {
        <th scope="col" class={props.class.clone()} aria-sort={aria_sort} data-column={props.column.clone()}>
            <button type="button" onclick={props.on_click.clone()} title={props.help.clone()}
                aria-label={format!("{} {state}", props.label).trim_end().to_string()}>
                {props.label.clone()}<span aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}
