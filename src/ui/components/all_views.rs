//! Every view of the app (the whole app's build, `views::all_views`), and the map's outlines,
//! which only the map needs.

use super::app::ViewProps;
use super::brief_view::BriefView;
use super::compare_view::{compare_view, CompareViewProps};
use super::data_view::{data_view, DataViewProps};
use super::edition_view::EditionView;
use super::inside_view::InsideView;
use super::map_view::{MapGeometry, MapView};
use super::scatter_view::{scatter_view, ScatterViewProps};
use super::trends_view::{trends_view, TrendsViewProps};
use super::views::{keyed, profile, rankings};
use crate::data::map_geometry::MapShapes;
use crate::ui::state::View;
use crate::ui::web;
use std::rc::Rc;
use yew::prelude::*;

/// Loaded only when the map is first shown, or once every data part has been read ahead.
const MAP_URL: &str = "static/map.json";

#[component]
pub fn AllViews(props: &ViewProps) -> Html {
    let geometry = use_state(|| None::<MapGeometry>);
    {
        // Once: a flag rather than `geometry.is_some()`, which would not yet show a request
        // made by an earlier render.
        let asked = use_mut_ref(|| false);
        let geometry = geometry.clone();
        let wanted =
            props.read_ahead || (props.selection.view == View::Map && !props.selection.tiles);
        use_effect_with(wanted, move |wanted| {
            if !*wanted || asked.replace(true) {
                return;
            }
            geometry.set(Some(MapGeometry::Loading));
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = match web::fetch_text(MAP_URL).await {
                    Ok(text) => MapShapes::from_json(&text)
                        .map(|m| MapGeometry::Ready(Rc::new(m)))
                        .unwrap_or_else(MapGeometry::Failed),
                    Err(detail) => MapGeometry::Failed(detail),
                };
                geometry.set(Some(loaded));
            });
        });
    }
    let props = props.clone();
    let ViewProps {
        data,
        selection,
        on_action,
        files,
        on_file,
        on_remove,
        on_mapping,
        view_key: key,
        ..
    } = props.clone();
    match selection.view {
        View::Rankings => rankings(props),
        View::Profile => profile(props),
        View::Trends => keyed(
            trends_view(&yew::props!(TrendsViewProps {
                data,
                selection,
                on_action
            })),
            &key,
        ),
        View::Scatter => keyed(
            scatter_view(&yew::props!(ScatterViewProps {
                data,
                selection,
                on_action
            })),
            &key,
        ),
        View::Map => {
            let geometry = (*geometry).clone().unwrap_or(MapGeometry::Loading);
            html! { <MapView {key} {data} {selection} {on_action} {geometry} /> }
        }
        View::Compare => keyed(
            compare_view(&yew::props!(CompareViewProps {
                data,
                selection,
                on_action
            })),
            &key,
        ),
        View::Brief => {
            let built = web::built_brief();
            html! { <BriefView {key} {data} {selection} {on_action} {files} {built} /> }
        }
        View::Edition => html! { <EditionView {key} {data} {selection} {on_action} {files} /> },
        View::Inside => html! { <InsideView {key} {data} {selection} {on_action} {files} /> },
        View::Data => keyed(
            data_view(&yew::props!(DataViewProps {
                data,
                selection,
                on_action,
                files,
                on_file,
                on_remove,
                on_mapping
            })),
            &key,
        ),
    }
}
