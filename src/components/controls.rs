use super::SharedDataset;
use crate::i18n::Text;
use crate::state::{Action, Selection};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub data: SharedDataset,
    pub selection: Selection,
    pub on_action: Callback<Action>,
}

fn on_select(on_action: &Callback<Action>, make: fn(String) -> Action) -> Callback<Event> {
    on_action.reform(move |e: Event| make(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()))
}

/// Index, year, component and region pickers and the province search box.
#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let dataset = &props.data.0;
    let s = &props.selection;
    let lang = s.lang;
    let index = dataset.index(&s.index);
    let year = index.and_then(|i| i.year(s.year));
    let option = |value: String, label: String, selected: bool| {
        html! { <option value={value} selected={selected}>{label}</option> }
    };
    let on_search = props
        .on_action
        .reform(|e: InputEvent| Action::SetSearch(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()));
    html! {
        <form class="controls" onsubmit={|e: SubmitEvent| e.prevent_default()}>
            <label>{lang.t(Text::Index)}
                <select id="index-select" onchange={on_select(&props.on_action, Action::SetIndex)}>
                    { for dataset.indices.iter().map(|i| option(i.key.clone(), i.short_name.clone(), i.key == s.index)) }
                </select>
            </label>
            <label>{lang.t(Text::Year)}
                <select id="year-select" onchange={on_select(&props.on_action, |v| Action::SetYear(v.parse().unwrap_or(0)))}>
                    { for index.into_iter().flat_map(|i| i.years.iter().rev()).map(|y| option(y.year.to_string(), y.year.to_string(), y.year == s.year)) }
                </select>
            </label>
            <label>{lang.t(Text::Component)}
                <select id="component-select" onchange={on_select(&props.on_action, Action::SetComponent)}>
                    { for year.into_iter().flat_map(|y| y.components.iter()).map(|c| {
                        let indent = if c.key.contains('.') { "\u{a0}\u{a0}· " } else { "" };
                        option(c.key.clone(), format!("{indent}{}", c.name(lang)), c.key == s.component)
                    }) }
                </select>
            </label>
            <label>{lang.t(Text::Region)}
                <select id="region-select" onchange={on_select(&props.on_action, |v| Action::SetRegion(Some(v).filter(|v| !v.is_empty())))}>
                    {option(String::new(), lang.t(Text::AllRegions).to_string(), s.region.is_none())}
                    { for dataset.regions.iter().map(|r| option(r.key.clone(), r.name(lang).to_string(), s.region.as_deref() == Some(r.key.as_str()))) }
                </select>
            </label>
            <label class="search">{lang.t(Text::Search)}
                <input id="search" type="search" autocomplete="off" value={s.search.clone()}
                    placeholder={lang.t(Text::SearchPlaceholder)} oninput={on_search} />
            </label>
        </form>
    }
}
