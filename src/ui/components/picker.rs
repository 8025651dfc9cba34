use crate::data::model::{ComponentMeta, Dataset};
use crate::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PickerProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// (value, label) pairs.
    pub options: Vec<(String, String)>,
    pub selected: AttrValue,
    pub on_change: Callback<String>,
}

/// A labelled `<select>`; emits the chosen value.
pub fn picker(props: &PickerProps) -> Html {
    let on_change = props.on_change.reform(|e: Event| {
        e.target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value()
    });
    html! {
        <label>{props.label.clone()}
            <select id={props.id.clone()} onchange={on_change}>
                { for props.options.iter().map(|(value, label)| html! {
                    <option value={value.clone()} selected={*value == *props.selected}>{label.clone()}</option>
                }) }
            </select>
        </label>
    }
}

pub fn index_options(dataset: &Dataset) -> Vec<(String, String)> {
    dataset
        .indices
        .iter()
        .map(|i| (i.key.clone(), i.short_name.clone()))
        .collect()
}

/// The years of an index, newest first.
pub fn year_options(dataset: &Dataset, index: &str) -> Vec<(String, String)> {
    dataset
        .index(index)
        .map(|i| {
            i.years
                .iter()
                .rev()
                .map(|y| (y.year.to_string(), y.year.to_string()))
                .collect()
        })
        .unwrap_or_default()
}

/// Components, sub-dimensions indented under their dimension.
pub fn component_options<'a>(
    components: impl IntoIterator<Item = &'a ComponentMeta>,
    lang: Lang,
) -> Vec<(String, String)> {
    components
        .into_iter()
        .map(|c| {
            let indent = if c.key.contains('.') {
                "\u{a0}\u{a0}· "
            } else {
                ""
            };
            (c.key.clone(), format!("{indent}{}", c.name(lang)))
        })
        .collect()
}

/// The components of `index` in `year` (none when either is unknown).
pub fn year_component_options(
    dataset: &Dataset,
    index: &str,
    year: u16,
    lang: Lang,
) -> Vec<(String, String)> {
    component_options(
        dataset
            .index(index)
            .and_then(|i| i.year(year))
            .into_iter()
            .flat_map(|y| &y.components),
        lang,
    )
}
