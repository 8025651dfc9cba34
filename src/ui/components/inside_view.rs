use super::meetings_timeline::{meetings_timeline, MeetingsTimelineProps};
use super::units_report::{units_report, UnitsReportProps};
use super::SharedDataset;
use crate::data::units::provinces_with_units;
use crate::i18n::Text;
use crate::ui::state::{Action, Selection, View};
use crate::ui::user_files::UserFiles;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InsideViewProps {
    pub data: SharedDataset,
    pub selection: Selection,
    pub on_action: Callback<Action>,
    /// The user's files; their unit scores are shown here, the files themselves in the data view.
    pub files: UserFiles,
}

/// Inside a province: its departments' and districts' scores and its committee's meetings, from
/// the bundled reports or from the user's own files.
#[component]
pub fn InsideView(props: &InsideViewProps) -> Html {
    // Shared once per dataset, so the reports' props compare equal between renders.
    let bundled_scores = use_memo(props.data.clone(), |data| data.0.unit_scores.clone());
    let own_scores = use_memo(props.files.clone(), |files| files.unit_scores());
    let dataset = &props.data.0;
    let s = &props.selection;
    let lang = s.lang;
    // Known before the reports are loaded, so the user's own file never waits for them.
    let bundled: Vec<&crate::data::model::Province> = dataset
        .report_provinces
        .iter()
        .filter_map(|code| dataset.province(code))
        .collect();
    let current = s
        .province
        .as_deref()
        .and_then(|c| bundled.iter().find(|p| p.code == c))
        .or(bundled.first())
        .copied();
    let tabs = bundled.iter().map(|p| {
        let open = {
            let code = p.code.clone();
            props.on_action.reform(move |_: MouseEvent| Action::OpenInside(code.clone()))
        };
        let pressed = !s.own && current.is_some_and(|c| c.code == p.code);
        html! { <button type="button" class="chip" data-code={p.code.clone()} aria-pressed={pressed.to_string()} onclick={open}>{p.name(lang)}</button> }
    });
    let own_tab = {
        let show = props.on_action.reform(|_: MouseEvent| Action::SetOwn(true));
        html! { <button type="button" class="chip" id="own-tab" aria-pressed={s.own.to_string()} onclick={show}>{lang.t(Text::YourData)}</button> }
    };
    // One search and one order for every unit table on the page, kept in the URL as the
    // rankings' search is.
    let on_search = props.on_action.reform(|e: InputEvent| {
        Action::SetUnitSearch(
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .value(),
        )
    });
    let search_box = html! {
        <form class="controls unit-search" onsubmit={|e: SubmitEvent| e.prevent_default()}>
            <label class="search">{lang.t(Text::UnitSearch)}
                <input id="unit-search" type="search" autocomplete="off" value={s.unit_search.clone()}
                    placeholder={lang.t(Text::UnitSearchPlaceholder)} oninput={on_search} />
            </label>
        </form>
    };
    let on_sort = props.on_action.reform(Action::SortUnits);
    let search = AttrValue::from(s.unit_search.clone());
    let body = if s.own {
        let manage = props
            .on_action
            .reform(|_: MouseEvent| Action::SetView(View::Data));
        // A user's figure names its file as its source.
        let scores = own_scores.clone();
        let reports = provinces_with_units(&scores)
            .into_iter()
            .map(|province| html! {
                <section class="own-province">
                    <h2>{province.clone()}</h2>
                    {units_report(&yew::props!(UnitsReportProps { lang, province, scores: scores.clone(), source_label: Callback::from(|file: String| file), search: search.clone(), sort: s.unit_sort, descending: s.unit_descending, on_sort: on_sort.clone() }))}
                </section>
            })
            .collect::<Html>();
        html! {
            <>
                <p><button type="button" id="manage-files" onclick={manage}>{lang.t(Text::ManageFiles)}</button></p>
                if scores.is_empty() {
                    <p class="hint">{lang.t(Text::NoFilesYet)}</p>
                } else {
                    {search_box}
                }
                {reports}
            </>
        }
    } else if let Some(province) = current {
        let scores = bundled_scores.clone();
        let meetings: Vec<_> = dataset
            .meetings
            .iter()
            .filter(|m| m.province == province.code)
            .cloned()
            .collect();
        let label = {
            let meetings = meetings.clone();
            Callback::from(move |id: String| {
                meetings
                    .iter()
                    .find(|m| m.id == id)
                    .map(|m| format!("{} · {}", lang.date(&m.date), m.source))
                    .unwrap_or(id)
            })
        };
        let profile = {
            let code = province.code.clone();
            props
                .on_action
                .reform(move |_: MouseEvent| Action::OpenProfile(code.clone()))
        };
        html! {
            <>
                <header class="profile-header">
                    <h2 id="inside-name">{province.name(lang)}</h2>
                    <p class="hint">{lang.t(Text::InsideHelp)}</p>
                    <button type="button" onclick={profile}>{lang.t(Text::ViewProfile)}</button>
                </header>
                {search_box}
                {units_report(&yew::props!(UnitsReportProps { lang, province: province.name_vi.clone(), scores: scores.clone(), source_label: label, search, sort: s.unit_sort, descending: s.unit_descending, on_sort }))}
                {meetings_timeline(&yew::props!(MeetingsTimelineProps { lang, meetings, scores }))}
            </>
        }
    } else {
        html! { <p class="hint">{lang.t(Text::NoData)}</p> }
    };
    html! {
        <main id="inside" class="view">
            <nav class="chips" aria-label={lang.t(Text::ViewInside)}>{ for tabs }{own_tab}</nav>
            {body}
        </main>
    }
}
