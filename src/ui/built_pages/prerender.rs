//! The first view rendered to HTML at build time (native only): what a first visit shows —
//! the header, the view tabs and the ranking of `Selection::initial` in Vietnamese (table,
//! chart, coverage line) — drawn by the app's own components with yew's server renderer, from
//! the main data file alone (what the page has before any data part); and the data view, kept
//! in a `<template>` for an address that asks for it (`root_view`). `render_view` draws the
//! views of the pages built ahead too (`ui::built_pages::pages`: a province's profile, an index's ranking).
//!
//! `cargo run --bin build-dataset` writes it to `static/prerender.html`; after each Trunk build
//! `scripts/prerender.mjs` puts it into `index.html`, so the table is on screen as soon as the
//! HTML arrives, before the wasm and the data have loaded, and without JavaScript at all.
//!
//! The app then *replaces* this DOM rather than hydrating it (`ui::web::start` and `take_over`):
//! its first render differs from the built one whenever the address holds a selection or the
//! browser prefers English, so hydration would throw most of it away anyway, and it would tie
//! the page's wasm to the exact markup of the build. The app renders into a container of its
//! own, outside the page, and, once its first view (or its load error) is ready, puts it in
//! place of the built DOM in the same frame: no flash, no loading line, one table.

use crate::data::dataset_build::data_files;
use crate::data::model::Dataset;
use crate::i18n::Lang;
use crate::render::brief::doc::{document, to_html};
use crate::ui::components::brief_view::{brief_key, BriefView};
use crate::ui::components::data_view::{data_view, DataViewProps};
use crate::ui::components::page_frame::PageFrame;
use crate::ui::components::profile_view::{profile_view, ProfileViewProps};
use crate::ui::components::rankings_view::RankingsView;
use crate::ui::components::view_tabs::ViewTabs;
use crate::ui::components::worker_document::Built;
use crate::ui::components::SharedDataset;
use crate::ui::state::{Selection, View};
use crate::ui::user_files::UserFiles;
use std::rc::Rc;
use yew::prelude::*;
use yew::LocalServerRenderer;

/// Where the build writes the rendered first view (committed like the data files).
pub const PRERENDER_FILE: &str = "static/prerender.html";

#[derive(Properties, PartialEq)]
struct BuiltViewProps {
    data: SharedDataset,
    selection: Selection,
}

/// A view as `App` draws it (the rankings, a province's profile, its brief as the brief worker
/// would write it, undated, or the data view before the files kept in the browser are read),
/// with nothing to act on (controls need the app).
#[component]
fn BuiltView(props: &BuiltViewProps) -> Html {
    let s = &props.selection;
    let view = match s.view {
        View::Profile => profile_view(&yew::props!(ProfileViewProps {
            data: props.data.clone(),
            selection: s.clone(),
            on_action: Callback::noop()
        })),
        View::Data => data_view(&yew::props!(DataViewProps {
            data: props.data.clone(),
            selection: s.clone(),
            on_action: Callback::noop(),
            files: UserFiles::default(),
            on_file: Callback::noop(),
            on_remove: Callback::noop(),
            on_mapping: Callback::noop(),
            built: true,
        })),
        View::Brief => {
            let code = s.province.clone().unwrap_or_default();
            let doc = document(&props.data.0, s.lang, &code, s.year, "", &[]);
            let built = Built {
                html: to_html(&doc),
                plain: doc.plain,
                table: String::new(),
            };
            let built = Some((brief_key(&code, s.year, s.lang).into(), Rc::new(built)));
            html! { <BriefView data={props.data.clone()} selection={s.clone()} on_action={Callback::noop()} files={UserFiles::default()} {built} /> }
        }
        _ => {
            html! { <RankingsView data={props.data.clone()} selection={s.clone()} on_action={Callback::noop()} /> }
        }
    };
    html! {
        <PageFrame lang={s.lang} on_lang={Callback::noop()} selection={s.clone()}>
            <ViewTabs lang={s.lang} view={s.view} on_action={Callback::noop()} />
            {view}
        </PageFrame>
    }
}

/// `selection`'s view of `data` (the rankings or a profile) as an HTML fragment, with one
/// trailing newline: the first view here, and each page built ahead (`ui::built_pages::pages`).
pub fn render_view(data: SharedDataset, selection: Selection) -> String {
    let mut html = futures::executor::block_on(
        LocalServerRenderer::<BuiltView>::with_props(BuiltViewProps { data, selection })
            .hydratable(false)
            .render(),
    );
    html.push('\n');
    html
}

/// The id of the data view kept in a root page (`root_view`).
pub const BUILT_DATA_ID: &str = "built-data";

/// What a root page (`index.html`, `en/`) holds: its first view (`first`, `Selection::initial`
/// in the page's language), and after it, in a `<template>`, the data view (the user's files
/// and how to bring them), which needs no data of the page's own: index.html's script shows it
/// in place of the first view when the address asks for it (`?view=data`), so that the view
/// people open to bring their official files is on screen as soon as the HTML arrives, before
/// the whole app.
pub fn root_view(data: SharedDataset, first: Selection) -> String {
    let files = Selection {
        view: View::Data,
        ..first.clone()
    };
    let template = render_view(data.clone(), files);
    format!(
        "{}<template id=\"{BUILT_DATA_ID}\">{}</template>\n",
        render_view(data, first),
        template.trim_end()
    )
}

/// The root page's views of `first` (the dataset as the page first has it: the main data file).
pub fn prerender(first: Dataset) -> String {
    let selection = Selection::initial(&first, Lang::Vi);
    root_view(SharedDataset(Rc::new(first)), selection)
}

/// Every file the build commits from the dataset: the data files (`data_files`, the main one
/// first) and the first view rendered from that main file.
pub fn committed_files(dataset: Dataset) -> Vec<(String, String)> {
    let mut files = data_files(dataset);
    let first = Dataset::from_json(&files[0].1).expect("the main data file reads back");
    files.push((PRERENDER_FILE.to_string(), prerender(first)));
    files
}
