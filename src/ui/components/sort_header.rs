use crate::i18n::{Lang, Text};
use yew::prelude::*;

/// A column header that sorts its table: a button (keyboard operable) inside a `<th>` whose
/// `aria-sort` and arrow say the current order. `sorted` is `Some(descending)` when the table is
/// sorted by this column; `column` is its key (`data-column`). A function rather than a
/// component: the rankings and unit tables render many, and each component costs wasm.
pub fn sort_header(
    lang: Lang,
    (label, column): (&str, &'static str),
    sorted: Option<bool>,
    help: Option<&str>,
    on_click: Callback<MouseEvent>,
) -> Html {
    let (aria_sort, arrow, state) = match sorted {
        None => ("none", "", ""),
        Some(false) => ("ascending", " ▲", lang.t(Text::SortAscending)),
        Some(true) => ("descending", " ▼", lang.t(Text::SortDescending)),
    };
    html! {
        <th scope="col" aria-sort={aria_sort} data-column={column}>
            <button type="button" onclick={on_click} title={help.map(str::to_string)}
                aria-label={format!("{label} {state}").trim_end().to_string()}>
                {label.to_string()}<span aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}
