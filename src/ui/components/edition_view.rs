use super::picker::{index_options, picker, year_options, PickerProps};
use super::worker_document::{actions, today, use_document, DocState, Status};
use super::SharedDataset;
use crate::data::user_files::import::SentTable;
use crate::i18n::{Lang, Text};
use crate::ui::state::{Action, Selection};
use crate::ui::user_files::UserFiles;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditionViewProps {
    pub data: SharedDataset,
    pub selection: Selection,
    pub on_action: Callback<Action>,
    /// The user's files: their index tables are summarised as the bundled ones are.
    pub files: UserFiles,
}

/// An index's edition at a glance (`?view=edition&index=…&year=…`): leaders and laggards,
/// movers, regions, the average and the spread, coverage, and for 2025 each new province's
/// former provinces, in sentences with footnotes, a slope chart, a dot plot and the tables.
/// Built by the brief worker (loaded when this view is first shown) from the bundled data and
/// the user's index tables; copied, printed, downloaded as .docx and its table as .xlsx.
#[component]
pub fn EditionView(props: &EditionViewProps) -> Html {
    let document = use_document();
    // The user's index tables as the worker reads them: a new request only when they change.
    let tables = use_memo(props.files.clone(), |files| {
        SentTable::list(&files.index_tables())
    });
    let dataset = &props.data.0;
    let s = &props.selection;
    let lang = s.lang;
    {
        let document = document.clone();
        let request = (s.index.clone(), s.year, lang, tables);
        use_effect_with(request, move |(index, year, lang, tables)| {
            let parts = vec![
                lang.code().to_string(),
                index.clone(),
                year.to_string(),
                today(),
                tables.to_string(),
                address(),
            ];
            document.request("edition", (format!("chiso-{index}-{year}"), *lang), parts);
        });
    }
    let controls = html! {
        <div class="inline-controls no-print">
            {picker(&yew::props!(PickerProps { id: "edition-index", label: lang.t(Text::Index), options: index_options(dataset), selected: s.index.clone(), on_change: props.on_action.reform(Action::SetIndex) }))}
            {picker(&yew::props!(PickerProps { id: "edition-year", label: lang.t(Text::Year), options: year_options(dataset, &s.index), selected: s.year.to_string(), on_change: props.on_action.reform(|y: String| Action::SetYear(y.parse().unwrap_or(0))) }))}
        </div>
    };
    let body = match &*document.state {
        DocState::Loading => html! {
            <p class="loading" role="status" id="edition-loading"><span class="spinner" aria-hidden="true"></span>{lang.t(Text::Loading)}</p>
        },
        DocState::Failed(detail) => html! {
            <p class="notice notice-error" role="alert" id="edition-failed">{lang.t(Text::PartFailed)}{" ("}{detail.clone()}{")"}</p>
        },
        DocState::Ready(doc) => {
            let xlsx = {
                let (table, status) = (doc.table.clone(), document.status());
                let name = format!("chiso-{}-{}.xlsx", s.index, s.year);
                Callback::from(move |_: MouseEvent| {
                    status.set(Status::Quiet);
                    save_xlsx(&name, &table, status.clone(), lang)
                })
            };
            let extra = html! {
                <button type="button" id="edition-xlsx" onclick={xlsx}>{lang.t(Text::DownloadXlsx)}</button>
            };
            html! {
                <>
                    {actions(lang, "edition", &document, doc, extra, true)}
                    <div class="brief-doc">{Html::from_html_unchecked(doc.html.clone().into())}</div>
                </>
            }
        }
    };
    html! { <main id="edition" class="view">{controls}{body}</main> }
}

/// The page's address, which the workbook says it came from.
fn address() -> String {
    #[cfg(target_arch = "wasm32")]
    return crate::ui::web::full_address();
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// The whole table (JSON from the worker) written as .xlsx by the xlsx worker.
#[cfg(target_arch = "wasm32")]
fn save_xlsx(name: &str, table: &str, status: UseStateHandle<Status>, lang: Lang) {
    let failed = move |why: String| status.set(Status::failed(lang, Text::XlsxFailed, &why));
    crate::ui::web::download_xlsx(name, table.to_string(), failed);
}

#[cfg(not(target_arch = "wasm32"))]
fn save_xlsx(_: &str, _: &str, _: UseStateHandle<Status>, _: Lang) {}
