use super::compare_view::CompareView;
use super::language_switch::LanguageSwitch;
use super::load_error::{LoadError, LoadFailure};
use super::map_view::{MapGeometry, MapView};
use super::profile_view::ProfileView;
use super::rankings_view::RankingsView;
use super::scatter_view::ScatterView;
use super::trends_view::TrendsView;
use super::view_tabs::ViewTabs;
use super::SharedDataset;
use crate::i18n::Text;
use crate::map::MapShapes;
use crate::model::Dataset;
use crate::state::{Action, Selection, View};
use crate::web;
use std::rc::Rc;
use yew::prelude::*;

/// Relative, so the app works from any folder of any static server.
const DATASET_URL: &str = "static/dataset.json";
/// Loaded only when the map is first shown.
const MAP_URL: &str = "static/map.json";

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Failed(LoadFailure),
    Ready(SharedDataset),
}

/// Loads the dataset, owns the selection, and keeps the URL in step with it.
#[component]
pub fn App() -> Html {
    let load = use_state(|| Load::Loading);
    let selection = use_state(|| None::<Selection>);
    {
        let load = load.clone();
        let selection = selection.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                match web::fetch_text(DATASET_URL).await {
                    Err(detail) => load.set(Load::Failed(LoadFailure::Fetch { url: DATASET_URL.into(), detail })),
                    Ok(text) => match Dataset::from_json(&text) {
                        Err(e) => load.set(Load::Failed(LoadFailure::Parse { url: DATASET_URL.into(), detail: e.to_string() })),
                        Ok(dataset) => {
                            selection.set(Some(Selection::from_query_string(&web::location_search(), &dataset, web::browser_lang())));
                            load.set(Load::Ready(SharedDataset(Rc::new(dataset))));
                        }
                    },
                }
            });
        });
    }
    let geometry = use_state(|| None::<MapGeometry>);
    {
        let geometry = geometry.clone();
        let wants_map = selection.as_ref().is_some_and(|s| s.view == View::Map && !s.tiles);
        use_effect_with(wants_map, move |wants_map| {
            if *wants_map && geometry.is_none() {
                geometry.set(Some(MapGeometry::Loading));
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = match web::fetch_text(MAP_URL).await {
                        Ok(text) => MapShapes::from_json(&text).map(|m| MapGeometry::Ready(Rc::new(m))).unwrap_or_else(MapGeometry::Failed),
                        Err(detail) => MapGeometry::Failed(detail),
                    };
                    geometry.set(Some(loaded));
                });
            }
        });
    }
    let lang = selection.as_ref().map(|s| s.lang).unwrap_or_else(web::browser_lang);
    // Whether the next URL write adds a history entry (a navigation step) or replaces the entry.
    let new_entry = use_mut_ref(|| false);
    {
        let new_entry = new_entry.clone();
        use_effect_with((*selection).clone(), move |s| {
            if let Some(s) = s {
                web::write_query(&s.to_query_string(), new_entry.replace(false));
                web::set_document_lang(s.lang);
            }
        });
    }
    {
        // Back and forward: read the selection from the URL again, without a new entry.
        let selection = selection.clone();
        let ready = match &*load {
            Load::Ready(data) => Some(data.clone()),
            _ => None,
        };
        use_effect_with(ready, move |ready| {
            if let Some(data) = ready.clone() {
                web::on_history_change(move |query| {
                    selection.set(Some(Selection::from_query_string(&query, &data.0, web::browser_lang())));
                });
            }
        });
    }
    let on_action = {
        let selection = selection.clone();
        let load = load.clone();
        let new_entry = new_entry.clone();
        Callback::from(move |action: Action| {
            if let (Load::Ready(data), Some(current)) = (&*load, &*selection) {
                let next = current.apply(&data.0, action);
                *new_entry.borrow_mut() = current.is_navigation(&next);
                selection.set(Some(next));
            }
        })
    };
    let on_lang = on_action.reform(Action::SetLang);
    let body = match (&*load, &*selection) {
        (Load::Loading, _) | (Load::Ready(_), None) => html! {
            <p class="loading" role="status" id="loading"><span class="spinner" aria-hidden="true"></span>{lang.t(Text::Loading)}</p>
        },
        (Load::Failed(failure), _) => html! { <LoadError lang={lang} failure={failure.clone()} /> },
        (Load::Ready(data), Some(s)) => {
            let (data, selection, on_action) = (data.clone(), s.clone(), on_action.clone());
            html! {
                <>
                    <ViewTabs lang={lang} view={s.view} on_action={on_action.clone()} />
                    { match s.view {
                        View::Rankings => html! { <RankingsView {data} {selection} {on_action} /> },
                        View::Profile => html! { <ProfileView {data} {selection} {on_action} /> },
                        View::Trends => html! { <TrendsView {data} {selection} {on_action} /> },
                        View::Scatter => html! { <ScatterView {data} {selection} {on_action} /> },
                        View::Map => {
                            let geometry = (*geometry).clone().unwrap_or(MapGeometry::Loading);
                            html! { <MapView {data} {selection} {on_action} {geometry} /> }
                        }
                        View::Compare => html! { <CompareView {data} {selection} {on_action} /> },
                    } }
                </>
            }
        }
    };
    html! {
        <>
            <header class="site-header">
                <div>
                    <h1>{"chiso"}</h1>
                    <p class="tagline">{lang.t(Text::Tagline)}</p>
                </div>
                <LanguageSwitch lang={lang} on_change={on_lang} />
            </header>
            {body}
            <footer class="site-footer">
                <p>{lang.t(Text::Footer)}</p>
                <p>{lang.t(Text::Credits)}</p>
            </footer>
        </>
    }
}
