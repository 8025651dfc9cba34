//! A document the brief worker builds (a committee's brief, an edition at a glance), as the
//! views that show it use it: the request and its answer, the state on screen, and its copy,
//! print and .docx (the worker hands over the document it built last, which the docx worker
//! writes, `ui::web::download_docx`). The views number their requests, newest highest, and keep
//! only the answer to the newest.

use crate::i18n::{Lang, Text};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// What the worker answered: the document's HTML (every text escaped by
/// `render::brief::doc::to_html`), its plain text, and for an edition the JSON of its whole
/// table (for the xlsx worker; empty for a brief).
#[derive(Clone, Default, PartialEq)]
pub struct Built {
    pub html: String,
    pub plain: String,
    pub table: String,
}

/// What the last copy or download of the document did, said beside its buttons: a success
/// politely (`role="status"`), a failure at once (`role="alert"`, as the tables' export buttons
/// say theirs).
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Status {
    #[default]
    Quiet,
    Done(&'static str),
    Failed(String),
}

impl Status {
    /// `file` (`Text::DocxFailed`, `Text::XlsxFailed`) could not be made, and why.
    pub fn failed(lang: Lang, file: Text, why: &str) -> Status {
        Status::Failed(format!("{}: {why}", lang.t(file)))
    }
}

/// The document as the worker last answered, or why it did not.
#[derive(Clone, PartialEq)]
pub enum DocState {
    Loading,
    Ready(Rc<Built>),
    Failed(String),
}

/// A request: its kind (`"doc"`, `"edition"`), its number and the rest of the message.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
struct Request {
    pub kind: &'static str,
    pub number: u32,
    pub parts: Vec<String>,
}

/// The charts of a document as drawn for its .docx (`web::charts_as_png`), with the number of
/// the request whose document they are.
type Charts = Rc<RefCell<Option<(u32, Drawn)>>>;

#[cfg(target_arch = "wasm32")]
type Drawn = js_sys::Array;

// Rendered on the server (tests) no chart is drawn.
#[cfg(not(target_arch = "wasm32"))]
type Drawn = ();

/// Where the worker's answers go: the document on screen (if the answer is to the last
/// request), the name a .docx or .xlsx is saved under (without its extension) with the
/// language asked for, the status line, and the charts drawn for the .docx.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
struct Answer {
    state: UseStateHandle<DocState>,
    file_name: Rc<RefCell<(String, Lang)>>,
    asked: Rc<Cell<u32>>,
    status: UseStateHandle<Status>,
    charts: Charts,
}

#[cfg(target_arch = "wasm32")]
type Job = crate::ui::web::WorkerJob;

// Rendered on the server (tests) there is no worker: the document stays loading, the buttons
// do nothing.
#[cfg(not(target_arch = "wasm32"))]
type Job = ();

/// A view's document: its state on screen, the view's worker (one for the view's life, which
/// keeps the data it loaded for the next request), the number of the last request (answers to
/// earlier ones, which may come later, are dropped), the name the next .docx or .xlsx is saved
/// under (without its extension) and the language asked for, the status line (what the
/// last copy or download did), and the charts drawn for the last .docx asked for (kept here
/// until the worker hands the document over).
#[derive(Clone)]
pub struct Document {
    pub state: UseStateHandle<DocState>,
    job: Rc<RefCell<Option<Job>>>,
    asked: Rc<Cell<u32>>,
    file_name: Rc<RefCell<(String, Lang)>>,
    status: UseStateHandle<Status>,
    charts: Charts,
}

#[hook]
pub fn use_document() -> Document {
    Document {
        state: use_state(|| DocState::Loading),
        job: use_mut_ref(|| None::<Job>),
        asked: use_memo((), |_| Cell::new(0u32)),
        file_name: use_mut_ref(|| (String::new(), Lang::Vi)),
        status: use_state(Status::default),
        charts: use_mut_ref(|| None),
    }
}

impl Document {
    /// The status line, which a view's own buttons (the edition's .xlsx) write to too.
    pub fn status(&self) -> UseStateHandle<Status> {
        self.status.clone()
    }

    /// Asks the worker for a document in `lang`: the message's `kind` and the rest of it
    /// (`parts`); a .docx or .xlsx of it is saved as `file_name` with its extension.
    pub fn request(
        &self,
        kind: &'static str,
        (file_name, lang): (String, Lang),
        parts: Vec<String>,
    ) {
        self.state.set(DocState::Loading);
        *self.file_name.borrow_mut() = (file_name, lang);
        self.asked.set(self.asked.get() + 1);
        let request = Request {
            kind,
            number: self.asked.get(),
            parts,
        };
        let answer = Answer {
            state: self.state.clone(),
            file_name: self.file_name.clone(),
            asked: self.asked.clone(),
            status: self.status.clone(),
            charts: self.charts.clone(),
        };
        ask(&self.job, request, answer);
    }

    /// Asks the worker for the tables of the document on screen as a book, which the xlsx
    /// worker writes when it answers (in `ask`).
    pub fn save_tables(&self) {
        // A failure said before goes: this download says its own.
        self.status.set(Status::Quiet);
        save_tables(
            self.job.borrow().as_ref(),
            self.asked.get(),
            self.file_name.borrow().1,
            &self.status,
        );
    }
}

/// The buttons under a document: copy its sentences, print it, download it as .docx, and what
/// `extra` adds; `prefix` names their ids (`brief-copy`, `edition-copy`…). Disabled until the
/// worker has answered (`ready`), beside a document as built ahead (`BriefViewProps::built`),
/// which has the place and look they will have.
pub fn actions(
    lang: Lang,
    prefix: &str,
    document: &Document,
    built: &Built,
    extra: Html,
    ready: bool,
) -> Html {
    let status = document.status.clone();
    let copy = {
        let (plain, status) = (built.plain.clone(), status.clone());
        let done = lang.t(Text::Copied);
        Callback::from(move |_: MouseEvent| copy(plain.clone(), status.clone(), done))
    };
    let docx = {
        let document = document.clone();
        let charts = format!("#{prefix} figure.brief-chart");
        Callback::from(move |_: MouseEvent| {
            document.status.set(Status::Quiet);
            save_docx(document.clone(), charts.clone(), lang)
        })
    };
    let (done, failed) = match &*status {
        Status::Quiet => ("", None),
        Status::Done(text) => (*text, None),
        Status::Failed(why) => ("", Some(why.clone())),
    };
    html! {
        <div class="brief-actions no-print">
            <button type="button" id={format!("{prefix}-copy")} onclick={copy} disabled={!ready}>{lang.t(Text::CopyText)}</button>
            <button type="button" id={format!("{prefix}-print")} onclick={|_: MouseEvent| print()} disabled={!ready}>{lang.t(Text::Print)}</button>
            <button type="button" id={format!("{prefix}-docx")} onclick={docx} disabled={!ready}>{lang.t(Text::DownloadDocx)}</button>
            {extra}
            <span role="status" id={format!("{prefix}-status")}>{done}</span>
            if let Some(why) = failed {
                <p class="export-error" role="alert" id={format!("{prefix}-save-failed")}>{why}</p>
            }
        </div>
    }
}

/// Asks the brief worker (started the first time) for the document of the request; it answers
/// later, and saves a .docx it sends.
#[cfg(target_arch = "wasm32")]
fn ask(job: &Rc<RefCell<Option<Job>>>, request: Request, answer: Answer) {
    let message = js_sys::Array::of2(&request.kind.into(), &request.number.into());
    for part in request.parts {
        message.push(&part.into());
    }
    let failed = answer.state.clone();
    let on_failure = move |detail: String| failed.set(DocState::Failed(detail));
    if let Some(running) = job.borrow().as_ref() {
        if let Err(detail) = running.post(&message.into()) {
            on_failure(detail);
        }
        return;
    }
    let Answer {
        state,
        file_name,
        asked,
        status,
        charts,
    } = answer;
    let on_reply = move |data: wasm_bindgen::JsValue| {
        // ["doc", number, html, plain text, table], ["docx", number, the document as JSON]
        // (asked for by `save_docx`), ["xlsx", number, the tables as JSON] (asked for by
        // `save_tables`) or ["error", number, why]; the xlsx and docx workers write the files.
        let reply = js_sys::Array::from(&data);
        if reply.get(1).as_f64() != Some(f64::from(asked.get())) {
            return;
        }
        let text = |i: u32| reply.get(i).as_string().unwrap_or_default();
        match text(0).as_str() {
            "doc" => state.set(DocState::Ready(Rc::new(Built {
                html: text(2),
                plain: text(3),
                table: text(4),
            }))),
            "xlsx" => {
                let (status, (name, lang)) = (status.clone(), file_name.borrow().clone());
                crate::ui::web::download_xlsx(&format!("{name}.xlsx"), text(2), move |why| {
                    status.set(Status::failed(lang, Text::XlsxFailed, &why))
                });
            }
            "docx" => {
                let (status, (name, lang)) = (status.clone(), file_name.borrow().clone());
                // With the charts `save_docx` drew for this document (none if that was for
                // another).
                let drawn = match &*charts.borrow() {
                    Some((number, drawn)) if *number == asked.get() => drawn.clone(),
                    _ => js_sys::Array::new(),
                };
                let (doc, drawn) = (text(2), drawn.into());
                crate::ui::web::download_docx(&format!("{name}.docx"), doc, drawn, move |why| {
                    status.set(Status::failed(lang, Text::DocxFailed, &why))
                });
            }
            _ => state.set(DocState::Failed(text(2))),
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
fn copy(text: String, status: UseStateHandle<Status>, done: &'static str) {
    wasm_bindgen_futures::spawn_local(async move {
        if crate::ui::web::copy_text(&text).await.is_ok() {
            status.set(Status::Done(done));
        }
    });
}

#[cfg(target_arch = "wasm32")]
fn print() {
    crate::ui::web::print();
}

/// Draws the charts of the document on screen (`charts`, a CSS selector) as PNG, kept with it
/// until the worker hands the document over for its .docx (in `ask`), and asks it to.
#[cfg(target_arch = "wasm32")]
fn save_docx(document: Document, charts: String, lang: Lang) {
    let number = document.asked.get();
    wasm_bindgen_futures::spawn_local(async move {
        let drawn = crate::ui::web::charts_as_png(&charts).await;
        *document.charts.borrow_mut() = Some((number, drawn));
        if let Some(job) = document.job.borrow().as_ref() {
            let request = js_sys::Array::of2(&"docx".into(), &number.into());
            if let Err(e) = job.post(&request.into()) {
                document
                    .status
                    .set(Status::failed(lang, Text::DocxFailed, &e));
            }
        }
    });
}

/// Asks the worker for the tables of document `number`, the one on screen, as a book.
#[cfg(target_arch = "wasm32")]
fn save_tables(job: Option<&Job>, number: u32, lang: Lang, status: &UseStateHandle<Status>) {
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
            status.set(Status::failed(lang, Text::XlsxFailed, &e));
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn save_tables(_: Option<&Job>, _: u32, _: Lang, _: &UseStateHandle<Status>) {}

#[cfg(not(target_arch = "wasm32"))]
fn ask(_: &Rc<RefCell<Option<Job>>>, _: Request, _: Answer) {}

#[cfg(not(target_arch = "wasm32"))]
fn copy(_: String, _: UseStateHandle<Status>, _: &'static str) {}

#[cfg(not(target_arch = "wasm32"))]
fn print() {}

#[cfg(not(target_arch = "wasm32"))]
fn save_docx(_: Document, _: String, _: Lang) {}

/// Whether two pieces of HTML say the same text (parsed, not laid out); off the browser, whether
/// they are the same.
pub fn same_text(a: &str, b: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    return crate::ui::web::text_of_html(a) == crate::ui::web::text_of_html(b);
    #[cfg(not(target_arch = "wasm32"))]
    return a == b;
}

/// Today's date (ISO), which a document says it was prepared on; empty off the browser.
pub fn today() -> String {
    #[cfg(target_arch = "wasm32")]
    return crate::ui::web::today();
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}
