use super::picker::{picker, PickerProps};
use super::province_picker::ProvincePicker;
use super::SharedDataset;
use crate::data::geography::years_label;
use crate::data::model::Dataset;
use crate::i18n::{Lang, Text};
use crate::ui::state::{Action, Selection};
use crate::ui::user_files::UserFiles;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BriefViewProps {
    pub data: SharedDataset,
    pub selection: Selection,
    pub on_action: Callback<Action>,
    /// The user's files: their unit scores for the province go into the brief.
    pub files: UserFiles,
}

/// The brief as the worker last answered (its HTML, every text escaped by
/// `render::brief::doc::to_html`, and its plain text), or why it did not.
#[derive(Clone, PartialEq)]
pub enum BriefState {
    Loading,
    Ready(Rc<(String, String)>),
    Failed(String),
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
    let state = use_state(|| BriefState::Loading);
    // What the page says about the last copy or download (a status line).
    let status = use_state(String::new);
    // One worker for the view's life: it keeps the data it loaded for the next request.
    let job = use_mut_ref(|| None::<Job>);
    // The number of the last request: answers to earlier ones (which may come later) are
    // dropped, so the screen shows the brief last asked for.
    let asked = use_memo((), |_| Cell::new(0u32));
    // The name the next .docx or .xlsx is saved under (without its extension), and the
    // language of the brief asked for last.
    let file_name = use_mut_ref(|| (String::new(), props.selection.lang));
    // The unit scores of the user's files with their lines: a new request only when they change.
    let own_scores = use_memo(props.files.clone(), |files| files.unit_scores_with_lines());
    let dataset = &props.data.0;
    let s = &props.selection;
    let lang = s.lang;
    let year = s.year;
    {
        let (state, status, job, file_name, asked) = (
            state.clone(),
            status.clone(),
            job.clone(),
            file_name.clone(),
            asked.clone(),
        );
        let request = (s.province.clone(), year, lang, own_scores);
        use_effect_with(request, move |(province, year, lang, scores)| {
            if let Some(code) = province {
                state.set(BriefState::Loading);
                *file_name.borrow_mut() = (format!("chiso-{code}-{year}"), *lang);
                asked.set(asked.get() + 1);
                // The user's unit scores go to the worker as they are; it picks the province's.
                let (scores, lines) = scores.as_ref();
                let own = if scores.is_empty() {
                    [String::new(), String::new()]
                } else {
                    [
                        miniserde::json::to_string(scores),
                        miniserde::json::to_string(lines),
                    ]
                };
                let request = Request {
                    number: asked.get(),
                    parts: [lang.code(), code, &year.to_string()],
                    own,
                };
                ask(
                    &job,
                    request,
                    Answer {
                        state,
                        status,
                        file_name,
                        asked,
                    },
                );
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
    let body = match &*state {
        BriefState::Loading => html! {
            <p class="loading" role="status" id="brief-loading"><span class="spinner" aria-hidden="true"></span>{lang.t(Text::Loading)}</p>
        },
        BriefState::Failed(detail) => html! {
            <p class="notice notice-error" role="alert" id="brief-failed">{lang.t(Text::PartFailed)}{" ("}{detail.clone()}{")"}</p>
        },
        BriefState::Ready(doc) => {
            let copy = {
                let (plain, status) = (doc.1.clone(), status.clone());
                let done = lang.t(Text::Copied);
                Callback::from(move |_: MouseEvent| copy(plain.clone(), status.clone(), done))
            };
            let docx = {
                let (job, status, asked) = (job.clone(), status.clone(), asked.clone());
                Callback::from(move |_: MouseEvent| {
                    save_docx(job.clone(), asked.get(), status.clone())
                })
            };
            let xlsx = {
                let (job, status, asked) = (job.clone(), status.clone(), asked.clone());
                Callback::from(move |_: MouseEvent| {
                    save_xlsx(job.borrow().as_ref(), asked.get(), lang, status.clone())
                })
            };
            let open_profile = props
                .on_action
                .reform(move |_: MouseEvent| Action::OpenProfile(code.clone()));
            html! {
                <>
                    <div class="brief-actions no-print">
                        <button type="button" id="brief-copy" onclick={copy}>{lang.t(Text::CopyText)}</button>
                        <button type="button" id="brief-print" onclick={|_: MouseEvent| print()}>{lang.t(Text::Print)}</button>
                        <button type="button" id="brief-docx" onclick={docx}>{lang.t(Text::DownloadDocx)}</button>
                        <button type="button" id="brief-xlsx" onclick={xlsx}>{lang.t(Text::BriefDownloadXlsx)}</button>
                        <button type="button" class="link" id="brief-profile" onclick={open_profile}>{lang.t(Text::ViewProfile)}</button>
                        <span role="status" id="brief-status">{(*status).clone()}</span>
                    </div>
                    <div class="brief-doc">{Html::from_html_unchecked(doc.0.clone().into())}</div>
                </>
            }
        }
    };
    html! { <main id="brief" class="view">{controls}{body}</main> }
}

/// A request for a brief: its number, [lang, province, year], the user's unit scores and their
/// lines as JSON.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
struct Request<'a> {
    number: u32,
    parts: [&'a str; 3],
    own: [String; 2],
}

/// Where the worker's answers go: the brief on screen (if the answer is to the last request),
/// the status line, and the name a .docx or .xlsx is saved under.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
struct Answer {
    state: UseStateHandle<BriefState>,
    status: UseStateHandle<String>,
    file_name: Rc<RefCell<(String, Lang)>>,
    asked: Rc<Cell<u32>>,
}

#[cfg(target_arch = "wasm32")]
type Job = crate::ui::web::WorkerJob;

#[cfg(target_arch = "wasm32")]
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Asks the brief worker (started the first time) for the document of the request; it answers
/// later, and saves a .docx it sends.
#[cfg(target_arch = "wasm32")]
fn ask(job: &Rc<RefCell<Option<Job>>>, request: Request, answer: Answer) {
    let message = js_sys::Array::of2(&"doc".into(), &request.number.into());
    for part in request.parts {
        message.push(&part.into());
    }
    message.push(&crate::ui::web::today().into());
    for part in request.own {
        message.push(&part.into());
    }
    let failed = answer.state.clone();
    let on_failure = move |detail: String| failed.set(BriefState::Failed(detail));
    if let Some(running) = job.borrow().as_ref() {
        if let Err(detail) = running.post(&message.into()) {
            on_failure(detail);
        }
        return;
    }
    let Answer {
        state,
        status,
        file_name,
        asked,
    } = answer;
    let on_reply = move |data: wasm_bindgen::JsValue| {
        // Bytes are the .docx asked for by `save_docx`; an array is ["doc", number, html, plain
        // text], ["xlsx", number, the tables as JSON] (asked for by `save_xlsx`) or ["error",
        // number, why].
        if !js_sys::Array::is_array(&data) {
            let name = format!("{}.docx", file_name.borrow().0);
            return crate::ui::web::download_bytes(&name, DOCX, &data);
        }
        let reply = js_sys::Array::from(&data);
        if reply.get(1).as_f64() != Some(f64::from(asked.get())) {
            return;
        }
        let text = |i: u32| reply.get(i).as_string().unwrap_or_default();
        match text(0).as_str() {
            "doc" => state.set(BriefState::Ready(Rc::new((text(2), text(3))))),
            "xlsx" => {
                let (status, (name, lang)) = (status.clone(), file_name.borrow().clone());
                let name = format!("{name}.xlsx");
                crate::ui::web::download_xlsx(&name, text(2), move |why| {
                    status.set(format!("{}: {why}", lang.t(Text::XlsxFailed)))
                });
            }
            _ => state.set(BriefState::Failed(text(2))),
        }
    };
    match Job::start(
        "brief_loader.js",
        message.into(),
        on_reply,
        on_failure.clone(),
    ) {
        Ok(started) => *job.borrow_mut() = Some(started),
        Err(detail) => on_failure(detail),
    }
}

#[cfg(target_arch = "wasm32")]
fn copy(text: String, status: UseStateHandle<String>, done: &'static str) {
    wasm_bindgen_futures::spawn_local(async move {
        if crate::ui::web::copy_text(&text).await.is_ok() {
            status.set(done.to_string());
        }
    });
}

#[cfg(target_arch = "wasm32")]
fn print() {
    crate::ui::web::print();
}

/// Draws the brief's charts on screen as PNG and asks the worker for the .docx of brief
/// `number`, the one on screen (saved when it answers, in `ask`).
#[cfg(target_arch = "wasm32")]
fn save_docx(job: Rc<RefCell<Option<Job>>>, number: u32, status: UseStateHandle<String>) {
    wasm_bindgen_futures::spawn_local(async move {
        let charts = crate::ui::web::charts_as_png(".brief-doc figure.brief-chart").await;
        if let Some(job) = job.borrow().as_ref() {
            let request = js_sys::Array::of3(&"docx".into(), &number.into(), &charts);
            if let Err(e) = job.post(&request.into()) {
                status.set(e);
            }
        }
    });
}

/// Asks the worker for the tables of brief `number`, the one on screen, as a book (written by
/// the xlsx worker when it answers, in `ask`).
#[cfg(target_arch = "wasm32")]
fn save_xlsx(job: Option<&Job>, number: u32, lang: Lang, status: UseStateHandle<String>) {
    use crate::ui::web;
    if let Some(job) = job {
        let request = js_sys::Array::of5(
            &"xlsx".into(),
            &number.into(),
            &web::today().into(),
            &web::full_address().into(),
            &lang.code().into(),
        );
        if let Err(e) = job.post(&request.into()) {
            status.set(e);
        }
    }
}

// Rendered on the server (tests) there is no worker: the brief stays loading, the buttons do
// nothing.
#[cfg(not(target_arch = "wasm32"))]
type Job = ();

#[cfg(not(target_arch = "wasm32"))]
fn ask(_: &Rc<RefCell<Option<Job>>>, _: Request, _: Answer) {}

#[cfg(not(target_arch = "wasm32"))]
fn copy(_: String, _: UseStateHandle<String>, _: &'static str) {}

#[cfg(not(target_arch = "wasm32"))]
fn print() {}

#[cfg(not(target_arch = "wasm32"))]
fn save_docx(_: Rc<RefCell<Option<Job>>>, _: u32, _: UseStateHandle<String>) {}

#[cfg(not(target_arch = "wasm32"))]
fn save_xlsx(_: Option<&Job>, _: u32, _: Lang, _: UseStateHandle<String>) {}
