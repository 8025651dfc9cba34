use super::picker::{picker, PickerProps};
use super::province_picker::ProvincePicker;
use super::worker_document::{actions, same_text, today, use_document, Built, DocState};
use super::SharedDataset;
use crate::data::geography::years_label;
use crate::data::model::Dataset;
use crate::i18n::{Lang, Text};
use crate::render::brief::doc::{split_header, units_of};
use crate::ui::state::{Action, Selection};
use crate::ui::user_files::UserFiles;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BriefViewProps {
    pub data: SharedDataset,
    pub selection: Selection,
    pub on_action: Callback<Action>,
    /// The user's files: their unit scores for the province go into the brief.
    pub files: UserFiles,
    /// A brief as built ahead (`brief_key`, the document): the page's own
    /// (`tinh/son-la/bao-cao/`, `ui::built_pages::pages`), shown with its buttons disabled
    /// while the worker prepares the same brief, so that the app takes the page over without
    /// changing what it shows.
    #[prop_or_default]
    pub built: Option<(AttrValue, Rc<Built>)>,
}

/// What names a brief as built ahead: its province, year and language (`data-brief`). A brief
/// with units of the user's files is never one.
pub fn brief_key(code: &str, year: u16, lang: Lang) -> String {
    format!("{code} {year} {}", lang.code())
}

/// Every year of any index, newest first.
fn all_years(dataset: &Dataset) -> Vec<(String, String)> {
    let mut years: Vec<u16> = dataset
        .indices
        .iter()
        .flat_map(|i| i.years.iter().map(|y| y.year))
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
        .into_iter()
        .map(|y| (y.to_string(), y.to_string()))
        .collect()
}

/// The committee's brief of one province in one year: its standing, why it moved, where it
/// loses points, where one more point counts most, its own units, in sentences with footnotes
/// and tables. Built by the brief worker (loaded when this view is first shown); printed with
/// the print stylesheet, copied as plain text, downloaded as .docx, its tables as .xlsx.
#[component]
pub fn BriefView(props: &BriefViewProps) -> Html {
    let document = use_document();
    // The unit scores of the user's files with their lines: a new request only when they change.
    let own_scores = use_memo(props.files.clone(), |files| files.unit_scores_with_lines());
    let dataset = &props.data.0;
    let s = &props.selection;
    let lang = s.lang;
    let year = s.year;
    let province = s.province.as_deref().and_then(|c| dataset.province(c));
    // Whether the user's files hold units of the province, which the worker adds to its brief
    // (`units_of`): then no brief built ahead is the same.
    let from_files = province
        .map(units_of)
        .is_some_and(|of_province| own_scores.0.iter().any(|u| of_province(&u.province)));
    let key = province
        .filter(|_| !from_files)
        .map(|p| brief_key(&p.code, year, lang));
    // The brief built ahead, if it is the one asked for.
    let built = props
        .built
        .as_ref()
        .filter(|(built, _)| key.as_deref() == Some(built.as_str()))
        .map(|(_, doc)| doc.clone());
    // The worker's brief, with the sections of the brief as built when they say the same: yew
    // then leaves them in place (no parsing, laying out or painting them again); only the
    // header, dated now, is new.
    let answered = use_memo(
        ((*document.state).clone(), built.clone()),
        |(state, built)| {
            let (DocState::Ready(doc), Some(built)) = (state, built) else {
                return None;
            };
            let (header, sections) = split_header(&doc.html);
            let kept = split_header(&built.html).1;
            (sections != kept && same_text(sections, kept)).then(|| {
                Rc::new(Built {
                    html: format!("{header}{kept}"),
                    ..(**doc).clone()
                })
            })
        },
    );
    {
        let document = document.clone();
        let request = (s.province.clone(), year, lang, own_scores);
        use_effect_with(request, move |(province, year, lang, scores)| {
            if let Some(code) = province {
                // The user's unit scores go to the worker as they are; it picks the province's.
                let (scores, lines) = scores.as_ref();
                let (scores, lines) = if scores.is_empty() {
                    (String::new(), String::new())
                } else {
                    (
                        miniserde::json::to_string(scores),
                        miniserde::json::to_string(lines),
                    )
                };
                let parts = vec![
                    lang.code().to_string(),
                    code.clone(),
                    year.to_string(),
                    today(),
                    scores,
                    lines,
                ];
                document.request("doc", (format!("chiso-{code}-{year}"), *lang), parts);
            }
        });
    }
    let chosen = s
        .province
        .as_deref()
        .and_then(|c| dataset.province(c))
        .map(|p| AttrValue::from(years_label(p, lang)));
    let controls = html! {
        <div class="inline-controls no-print">
            <ProvincePicker data={props.data.clone()} lang={lang} id="brief-search" label={lang.t(Text::ChooseProvince)}
                on_pick={props.on_action.reform(Action::OpenBrief)} {chosen} />
            {picker(&yew::props!(PickerProps { id: "brief-year", label: lang.t(Text::Year), options: all_years(dataset), selected: year.to_string(), on_change: props.on_action.reform(|y: String| Action::SetYear(y.parse().unwrap_or(0))) }))}
        </div>
    };
    let Some(code) = s.province.clone().filter(|c| dataset.province(c).is_some()) else {
        return html! { <main id="brief" class="view">{controls}<p class="hint">{lang.t(Text::ChooseProvinceHint)}</p></main> };
    };
    let shown = |doc: &Built, ready: bool| {
        let open_profile = props
            .on_action
            .reform(move |_: MouseEvent| Action::OpenProfile(code.clone()));
        let xlsx = {
            let document = document.clone();
            Callback::from(move |_: MouseEvent| document.save_tables())
        };
        let extra = html! {
            <>
                <button type="button" id="brief-xlsx" onclick={xlsx} disabled={!ready}>{lang.t(Text::BriefDownloadXlsx)}</button>
                <button type="button" class="link" id="brief-profile" onclick={open_profile}>{lang.t(Text::ViewProfile)}</button>
            </>
        };
        let (header, sections) = split_header(&doc.html);
        html! {
            <>
                {actions(lang, "brief", &document, doc, extra, ready)}
                <div class="brief-doc" data-brief={key.clone()}>{for [header, sections].map(|part| Html::from_html_unchecked(part.to_string().into()))}</div>
            </>
        }
    };
    let body = match (&*document.state, built) {
        (DocState::Ready(doc), _) => shown((*answered).as_deref().unwrap_or(doc), true),
        (DocState::Loading, Some(doc)) => shown(&doc, false),
        (DocState::Loading, None) => html! {
            <p class="loading" role="status" id="brief-loading"><span class="spinner" aria-hidden="true"></span>{lang.t(Text::Loading)}</p>
        },
        // A brief built ahead stays, as it was built.
        (DocState::Failed(detail), built) => html! {
            <>
                <p class="notice notice-error" role="alert" id="brief-failed">{lang.t(Text::PartFailed)}{" ("}{detail.clone()}{")"}</p>
                {built.map(|doc| shown(&doc, false))}
            </>
        },
    };
    html! { <main id="brief" class="view">{controls}{body}</main> }
}
