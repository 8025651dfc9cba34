//! Yew components: thin views over the pure modules. One component per file.

pub mod borders_switch;
pub mod brief_view;
pub mod chart_figure;
pub mod compare_view;
pub mod controls;
pub mod coverage_summary;
pub mod data_view;
pub mod embed_button;
pub mod embed_frame;
pub mod export_buttons;
pub mod import_panel;
pub mod inside_view;
pub mod language_switch;
pub mod load_error;
pub mod map_view;
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

#[cfg(target_arch = "wasm32")]
pub mod app;

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
