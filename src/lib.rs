//! chiso: an explorer of Vietnam's provincial governance indices.
//!
//! Pure logic (dataset model, ranking queries, chart rendering, translations) lives in plain
//! modules tested natively; the Yew components in `components` are thin views on top.

pub mod export;
pub mod i18n;
pub mod import;
pub mod map;
pub mod model;
pub mod order;
pub mod text;
pub mod trend;
pub mod units;

pub mod chart;
pub mod components;
#[cfg(not(target_arch = "wasm32"))]
pub mod dataset_build;
pub mod describe;
pub mod profile;
pub mod ranking;
pub mod scatter;
pub mod state;
pub mod stats;

#[cfg(target_arch = "wasm32")]
pub mod web;
#[cfg(target_arch = "wasm32")]
pub mod worker;
