use crate::ui::i18n::{Lang, Text};
use crate::data::import::{
    Bilingual, RowMessage, MAX_FILE_BYTES, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, TEMPLATE,
};
use crate::ui::state::encode_component;
use crate::data::units::{aliases_note, UnitScore, UnitType};
use std::rc::Rc;
use yew::prelude::*;

/// The user's own data: what the app holds of it.
#[derive(Clone, Debug)]
pub enum OwnData {
    None,
    Reading {
        name: String,
        progress: f64,
        rows: u64,
    },
    Loaded {
        name: String,
        scores: Rc<Vec<UnitScore>>,
        errors: Rc<Vec<RowMessage>>,
        kept: bool,
    },
    Refused {
        name: String,
        why: Bilingual,
    },
}

impl PartialEq for OwnData {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (OwnData::None, OwnData::None) => true,
            (
                OwnData::Reading {
                    name: a,
                    progress: p,
                    rows: r,
                },
                OwnData::Reading {
                    name: b,
                    progress: q,
                    rows: s,
                },
            ) => a == b && p == q && r == s,
            (
                OwnData::Loaded {
                    scores: a,
                    errors: e,
                    kept: k,
                    ..
                },
                OwnData::Loaded {
                    scores: b,
                    errors: f,
                    kept: l,
                    ..
                },
            ) => Rc::ptr_eq(a, b) && Rc::ptr_eq(e, f) && k == l,
            (OwnData::Refused { name: a, why: e }, OwnData::Refused { name: b, why: f }) => {
                a == b && e == f
            }
            _ => false,
        }
    }
}

/// A file the user chose: read into memory, or too large to read.
#[derive(Clone, Debug, PartialEq)]
pub enum ChosenFile {
    Read { name: String, bytes: Vec<u8> },
    TooLarge { name: String, bytes: usize },
}

#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    pub lang: Lang,
    pub own: OwnData,
    pub on_file: Callback<ChosenFile>,
    pub on_remove: Callback<()>,
}

/// Errors listed one by one at most; the count says how many more.
const LISTED_ERRORS: usize = 100;

/// Choose or drop a CSV/JSON file of unit scores; see what was kept and what was wrong.
#[component]
pub fn ImportPanel(props: &ImportPanelProps) -> Html {
    let lang = props.lang;
    let template_href = format!(
        "data:text/csv;charset=utf-8,{}",
        encode_component(&format!("\u{FEFF}{TEMPLATE}"))
    );
    let on_change = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            read_first(input.files(), on_file.clone());
            input.set_value("");
        })
    };
    let on_drop = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            read_first(e.data_transfer().and_then(|d| d.files()), on_file.clone());
        })
    };
    let status = match &props.own {
        OwnData::None => html! {},
        OwnData::Reading {
            name,
            progress,
            rows,
        } => html! {
            <p class="import-status" role="status">{format!("{} {name}: {rows} {}", lang.t(Text::Reading), lang.t(Text::Rows))}
                <progress id="import-progress" max="1" value={progress.to_string()}></progress></p>
        },
        OwnData::Refused { name, why } => html! {
            <div class="error-panel" role="alert" id="import-refused"><p><strong>{name.clone()}</strong>{": "}{why.get(lang).to_string()}</p></div>
        },
        OwnData::Loaded {
            name,
            scores,
            errors,
            kept,
        } => {
            let on_remove = props.on_remove.reform(|_: MouseEvent| ());
            html! {
                <div class="import-result">
                    <p id="import-summary" role="status"><strong>{name.clone()}</strong>{format!(": {} {} · {} {}", scores.len(), lang.t(Text::RowsKept), errors.len(), lang.t(Text::RowsWithErrors))}</p>
                    <p class="hint">{if *kept { lang.t(Text::KeptInBrowser) } else { lang.t(Text::NotKept) }}</p>
                    <button type="button" class="chip" id="import-remove" onclick={on_remove}>{lang.t(Text::RemoveData)}</button>
                    if !errors.is_empty() {
                        <details open=true class="import-errors">
                            <summary>{format!("{} ({})", lang.t(Text::RowErrors), errors.len())}</summary>
                            <ul id="import-errors">
                                { for errors.iter().take(LISTED_ERRORS).map(|e| html! { <li>{format!("{} {}: {}", lang.t(Text::Line), e.line, e.why.get(lang))}</li> }) }
                            </ul>
                            if errors.len() > LISTED_ERRORS {
                                <p>{format!("… +{}", errors.len() - LISTED_ERRORS)}</p>
                            }
                        </details>
                    }
                </div>
            }
        }
    };
    html! {
        <section class="import-panel" id="import-panel">
            <h2>{lang.t(Text::YourData)}</h2>
            <p class="hint">{lang.t(Text::YourDataHelp)}{format!(" {} {} MB.", lang.t(Text::SizeLimit), MAX_FILE_BYTES / 1_048_576)}</p>
            <p class="hint">{lang.t(Text::Columns)}{": "}<code translate="no">{REQUIRED_COLUMNS.join(", ")}</code>{"; "}{lang.t(Text::BandColumns)}{": "}<code translate="no">{OPTIONAL_COLUMNS.join(", ")}</code></p>
            <p class="hint">{lang.t(Text::UnitTypes)}{" (unit_type): "}<code translate="no">{UnitType::ALL.map(UnitType::key).join(", ")}</code>{"; "}{lang.t(Text::UnitTypeAliases)}{": "}<code translate="no">{aliases_note()}</code></p>
            <div class="drop-zone" ondragover={|e: DragEvent| e.prevent_default()} ondrop={on_drop}>
                <label>{lang.t(Text::ChooseFile)}
                    <input type="file" id="own-file" accept=".csv,.json,text/csv,application/json" onchange={on_change} />
                </label>
                <a href={template_href} download="chiso-mau-template.csv" id="template-link">{lang.t(Text::Template)}</a>
            </div>
            {status}
        </section>
    }
}

/// Reads the first file of a list (in the browser); too large a file is not read at all.
#[cfg(target_arch = "wasm32")]
fn read_first(files: Option<web_sys::FileList>, on_file: Callback<ChosenFile>) {
    let Some(file) = files.and_then(|f| f.get(0)) else {
        return;
    };
    let name = file.name();
    let size = file.size() as usize;
    if size > MAX_FILE_BYTES {
        on_file.emit(ChosenFile::TooLarge { name, bytes: size });
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            on_file.emit(ChosenFile::Read {
                name,
                bytes: js_sys::Uint8Array::new(&buffer).to_vec(),
            });
        }
    });
}

/// Rendered on the server (tests) there are no files to read.
#[cfg(not(target_arch = "wasm32"))]
fn read_first(_: Option<web_sys::FileList>, _: Callback<ChosenFile>) {}
