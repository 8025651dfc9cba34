use super::export_buttons::ExportButtons;
use super::import_panel::{ChosenFile, ImportPanel};
use super::user_file_card::UserFileCard;
use super::SharedDataset;
use crate::i18n::Text;
use crate::render::export::own_rows_export;
use crate::ui::state::{Action, Selection};
use crate::ui::user_files::{MappingAnswer, UserFile, UserFiles};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DataViewProps {
    pub data: SharedDataset,
    pub selection: Selection,
    pub on_action: Callback<Action>,
    pub files: UserFiles,
    pub on_file: Callback<ChosenFile>,
    pub on_remove: Callback<UserFile>,
    pub on_mapping: Callback<(u32, MappingAnswer)>,
    /// Drawn at build time, for the page as built (`ui::built_pages::prerender`): the files kept
    /// in the browser are not read yet, and the controls wait for the app.
    #[prop_or_default]
    pub built: bool,
}

/// The one place for the user's own files: the files first (each one's rows and errors, and its
/// removal), then how to bring more (choose, drop or paste). Read and kept in this browser only.
pub fn data_view(props: &DataViewProps) -> Html {
    let lang = props.selection.lang;
    let files = &props.files;
    let has_units = !files.unit_scores().is_empty();
    let open_inside = props.on_action.reform(|_: MouseEvent| Action::SetOwn(true));
    // The user's index rows as merged, once any is shown (and the list of sources is loaded).
    let dataset = &props.data.0;
    let merged = dataset.details_file.is_none()
        && dataset
            .series
            .iter()
            .any(|s| s.points.iter().any(|p| dataset.own_row(p.source).is_some()));
    let own_rows = merged.then(|| {
        let data = props.data.clone();
        html! {
            <section id="own-rows-merged" aria-labelledby="own-rows-title">
                <h2 id="own-rows-title">{lang.t(Text::OwnRowsMerged)}</h2>
                <ExportButtons lang={lang} name="chiso-your-data" table={Callback::from(move |_| own_rows_export(&data.0, lang))} />
            </section>
        }
    });
    html! {
        <main id="data" class="view">
            <h2>{lang.t(Text::ViewData)}</h2>
            <section class="user-files" aria-labelledby="user-files-title">
                <h2 id="user-files-title">{lang.t(Text::YourFiles)}</h2>
                if props.built {
                    <p class="hint">{lang.t(Text::FilesBeingRead)}</p>
                } else if files.is_empty() {
                    <p class="hint">{lang.t(Text::NoFilesYet)}</p>
                } else {
                    <ul id="user-files">
                        { for files.files.iter().map(|f| html! {
                            <UserFileCard key={f.id} lang={lang} file={f.clone()} on_remove={props.on_remove.clone()} on_mapping={props.on_mapping.clone()} />
                        }) }
                    </ul>
                }
                if has_units {
                    <button type="button" id="open-own-units" onclick={open_inside}>{lang.t(Text::UnitsInside)}</button>
                }
            </section>
            {own_rows}
            <ImportPanel lang={lang} on_file={props.on_file.clone()} built={props.built} />
        </main>
    }
}
