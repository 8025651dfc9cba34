use crate::data::units::{aliases_note, UnitType};
use crate::data::user_files::import::{
    MAX_FILE_BYTES, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, TEMPLATE,
};
use crate::data::user_files::index_table;
use crate::i18n::{Lang, Text};
use crate::ui::state::encode_component;
use yew::prelude::*;

/// A file the user chose: read into memory, or too large to read.
#[derive(Clone, Debug, PartialEq)]
pub enum ChosenFile {
    Read { name: String, bytes: Vec<u8> },
    TooLarge { name: String, bytes: usize },
}

#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    pub lang: Lang,
    pub on_file: Callback<ChosenFile>,
    /// Drawn at build time (`ui::built_pages::prerender`): the controls are disabled until the
    /// app takes the page over, so that no file chosen or table pasted meanwhile is lost.
    #[prop_or_default]
    pub built: bool,
}

/// Choose or drop files, or paste a table from a spreadsheet; each is handed to `on_file`.
#[component]
pub fn ImportPanel(props: &ImportPanelProps) -> Html {
    let lang = props.lang;
    let csv_href = |template: &str| {
        format!(
            "data:text/csv;charset=utf-8,{}",
            encode_component(&format!("\u{FEFF}{template}"))
        )
    };
    let on_change = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            read_all(input.files(), on_file.clone());
            input.set_value("");
        })
    };
    let on_drop = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            read_all(e.data_transfer().and_then(|d| d.files()), on_file.clone());
        })
    };
    let pasted = use_node_ref();
    let on_paste = {
        let (pasted, on_file) = (pasted.clone(), props.on_file.clone());
        let name = format!("{}.tsv", lang.t(Text::PastedName));
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = pasted.cast::<web_sys::HtmlTextAreaElement>() {
                let text = area.value();
                if !text.trim().is_empty() {
                    area.set_value("");
                    on_file.emit(ChosenFile::Read {
                        name: name.clone(),
                        bytes: text.into_bytes(),
                    });
                }
            }
        })
    };
    html! {
        <section class="import-panel" id="import-panel">
            <h2>{lang.t(Text::ChooseFile)}</h2>
            <p class="hint">{lang.t(Text::YourDataHelp)}{format!(" {} {} MB.", lang.t(Text::SizeLimit), MAX_FILE_BYTES / 1_048_576)}</p>
            <dl class="file-kinds">
                <dt>{lang.t(Text::IndexFiles)}</dt>
                <dd><p class="hint">{lang.t(Text::Columns)}{": "}<code translate="no">{index_table::REQUIRED_COLUMNS.join(", ")}</code>{"; "}{lang.t(Text::OptionalColumns)}{": "}<code translate="no">{index_table::OPTIONAL_COLUMNS.join(", ")}</code>{" "}{lang.t(Text::ComponentDefault)}{". "}
                    {lang.t(Text::IndexKeysNote)}{": "}<code translate="no">{index_table::BUNDLED.join(", ")}</code>{". "}
                    {lang.t(Text::OwnIndexNote)}{": "}<code translate="no">{index_table::DECLARATION_COLUMNS.join(", ")}</code>{". "}
                    {lang.t(Text::GeographyNote)}</p>
                    <a href={csv_href(index_table::TEMPLATE)} download="chiso-mau-bang-chi-so.csv" id="index-template-link">{lang.t(Text::IndexTemplate)}</a></dd>
                <dt>{lang.t(Text::UnitsFiles)}</dt>
                <dd><p class="hint">{lang.t(Text::Columns)}{": "}<code translate="no">{REQUIRED_COLUMNS.join(", ")}</code>{"; "}{lang.t(Text::BandColumns)}{": "}<code translate="no">{OPTIONAL_COLUMNS.join(", ")}</code></p>
                    <p class="hint">{lang.t(Text::UnitTypes)}{" (unit_type): "}<code translate="no">{UnitType::ALL.map(UnitType::key).join(", ")}</code>{"; "}{lang.t(Text::UnitTypeAliases)}{": "}<code translate="no">{aliases_note()}</code></p>
                    <a href={csv_href(TEMPLATE)} download="chiso-mau-template.csv" id="template-link">{lang.t(Text::Template)}</a></dd>
            </dl>
            <div class="drop-zone" ondragover={|e: DragEvent| e.prevent_default()} ondrop={on_drop}>
                <label>{lang.t(Text::ChooseFile)}
                    <input type="file" id="own-file" multiple=true accept=".csv,.tsv,.txt,.json,.xlsx,.xls,.ods,text/csv,text/tab-separated-values,application/json" onchange={on_change} disabled={props.built} />
                </label>
            </div>
            <label class="paste">{lang.t(Text::PasteLabel)}
                <textarea id="paste-area" ref={pasted} rows="4" spellcheck="false" disabled={props.built} />
            </label>
            <button type="button" id="paste-read" onclick={on_paste} disabled={props.built}>{lang.t(Text::ReadPasted)}</button>
        </section>
    }
}

/// Reads every file of a list (in the browser); too large a file is not read at all.
#[cfg(target_arch = "wasm32")]
fn read_all(files: Option<web_sys::FileList>, on_file: Callback<ChosenFile>) {
    let Some(files) = files else {
        return;
    };
    for file in (0..files.length()).filter_map(|i| files.get(i)) {
        let name = file.name();
        let size = file.size() as usize;
        if size > MAX_FILE_BYTES {
            on_file.emit(ChosenFile::TooLarge { name, bytes: size });
            continue;
        }
        let on_file = on_file.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                on_file.emit(ChosenFile::Read {
                    name,
                    bytes: js_sys::Uint8Array::new(&buffer).to_vec(),
                });
            }
        });
    }
}

/// Rendered on the server (tests) there are no files to read.
#[cfg(not(target_arch = "wasm32"))]
fn read_all(_: Option<web_sys::FileList>, _: Callback<ChosenFile>) {}
