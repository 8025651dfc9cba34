//! chiso: an explorer of Vietnam's provincial governance indices.
//!
//! The crate is in layers, each depending only on those above it in this list:
//! - `data`: the dataset's model, its build from `data/`, users' files, units' scores;
//! - `analysis`: queries and statistics over the dataset (rankings, profiles, trends, scatter);
//! - `render`: charts as SVG, their descriptions in words, the map, CSV exports;
//! - `ui`: the app's state, Yew components and the browser glue.
//!
//! `text` (folding, numbers, escaping), `i18n` (the two languages and the translation table)
//! and `order` (one compiled sort) serve every layer.
//! Pure logic is tested natively; the Yew components are thin views on top.

/// The wasm modules' allocator (the page's and the import worker's): Talc instead of Rust's
/// default dlmalloc, several KB smaller in the first download and faster.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod i18n;
pub mod order;
pub mod text;

pub mod analysis;
pub mod data;
pub mod render;
pub mod ui;
