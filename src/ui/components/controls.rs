use super::borders_switch::borders_switch;
use super::picker::{index_options, picker, year_component_options, year_options, PickerProps};
use super::SharedDataset;
use crate::i18n::Text;
use crate::ui::state::{Action, Selection};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub data: SharedDataset,
    pub selection: Selection,
    pub on_action: Callback<Action>,
}

/// Index, year, component and region pickers, the borders-of-2025 switch and the province
/// search box.
pub fn controls(props: &ControlsProps) -> Html {
    let dataset = &props.data.0;
    let s = &props.selection;
    let lang = s.lang;
    let components = year_component_options(dataset, &s.index, s.year, lang);
    let regions: Vec<(String, String)> =
        std::iter::once((String::new(), lang.t(Text::AllRegions).to_string()))
            .chain(
                dataset
                    .regions
                    .iter()
                    .map(|r| (r.key.clone(), r.name(lang).to_string())),
            )
            .collect();
    let on_search = props.on_action.reform(|e: InputEvent| {
        Action::SetSearch(
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .value(),
        )
    });
    html! {
        <form class="controls" onsubmit={|e: SubmitEvent| e.prevent_default()}>
            {picker(&yew::props!(PickerProps { id: "index-select", label: lang.t(Text::Index), options: index_options(dataset), selected: s.index.clone(), on_change: props.on_action.reform(Action::SetIndex) }))}
            {picker(&yew::props!(PickerProps { id: "year-select", label: lang.t(Text::Year), options: year_options(dataset, &s.index), selected: s.year.to_string(), on_change: props.on_action.reform(|y: String| Action::SetYear(y.parse().unwrap_or(0))) }))}
            {picker(&yew::props!(PickerProps { id: "component-select", label: lang.t(Text::Component), options: components, selected: s.component.clone(), on_change: props.on_action.reform(Action::SetComponent) }))}
            {picker(&yew::props!(PickerProps { id: "region-select", label: lang.t(Text::Region), options: regions, selected: s.region.clone().unwrap_or_default(), on_change: props.on_action.reform(|r: String| Action::SetRegion(Some(r).filter(|r| !r.is_empty()))) }))}
            {borders_switch(s, Some(s.year), &props.on_action)}
            <label class="search">{lang.t(Text::Search)}
                <input id="search" type="search" autocomplete="off" value={s.search.clone()}
                    placeholder={lang.t(Text::SearchPlaceholder)} oninput={on_search} />
            </label>
        </form>
    }
}
