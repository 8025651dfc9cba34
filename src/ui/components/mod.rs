//! Yew components: thin views over the pure modules. One component per file.
//!
//! A part without state or hooks of its own (a picker, a chart figure, the rankings table…) is
//! a plain function returning `Html`, called with its props (built with `yew::props!`) rather
//! than a component: each component type adds its own copy of Yew's lifecycle code to the
//! page's wasm, about 0.6 KB gzip each. So are the views without state of their own; the app
//! keys their root element (`views::keyed`) as it keys the views that are components. A
//! province's profile is the exception, wrapped in a component (`views::Profile`) so that it is
//! not drawn again each time the app renders for something it does not show.

pub mod borders_switch;
pub mod brief_view;
pub mod chart_figure;
pub mod compare_view;
pub mod controls;
pub mod coverage_summary;
pub mod data_view;
pub mod edition_view;
pub mod embed_button;
pub mod embed_frame;
pub mod export_buttons;
pub mod import_panel;
pub mod inside_view;
pub mod language_switch;
pub mod load_error;
pub mod map_inset;
pub mod map_view;
pub mod mapping_step;
pub mod meetings_timeline;
pub mod page_frame;
pub mod picker;
pub mod profile_view;
pub mod province_picker;
pub mod ranking_chart;
pub mod rankings_table;
pub mod rankings_view;
pub mod scatter_view;
pub mod series_key;
pub mod share_button;
pub mod sort_header;
pub mod sources_list;
pub mod trends_view;
pub mod units_report;
pub mod user_file_card;
pub mod view_tabs;
pub mod worker_document;

#[cfg(target_arch = "wasm32")]
pub mod all_views;
#[cfg(target_arch = "wasm32")]
pub mod all_views_loading;
#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod views;

use crate::data::model::Dataset;
use std::rc::Rc;

/// The loaded dataset, shared by reference; equal only to itself, so props compare in O(1).
#[derive(Clone, Debug)]
pub struct SharedDataset(pub Rc<Dataset>);

impl PartialEq for SharedDataset {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Whether a click on a link is the app's to handle: a plain click of the main button. Any
/// other (for a new tab or window) is left to the browser, which opens the link's address.
pub fn plain_click(e: &yew::events::MouseEvent) -> bool {
    e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key())
}
