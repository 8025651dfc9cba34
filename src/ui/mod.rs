//! The interface layer: the app's state and its URL, the translation table, the Yew components,
//! the pages' readable paths, (native only) the first view and the pages rendered to HTML at
//! build time, and (wasm only) the browser
//! glue and the import worker's side.

pub mod components;
pub mod i18n;
pub mod page_paths;
pub mod state;
pub mod user_files;

#[cfg(not(target_arch = "wasm32"))]
pub mod pages;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
#[cfg(target_arch = "wasm32")]
pub mod brief_worker;
#[cfg(target_arch = "wasm32")]
pub mod web;
#[cfg(target_arch = "wasm32")]
pub mod worker;
