//! The interface layer: the app's state and its URL, the Yew components,
//! the pages built ahead (their paths; native only, the views and pages rendered at build time),
//! the user's files, and (wasm only) the browser glue and the workers' sides.

pub mod built_pages;
pub mod components;
pub mod state;
pub mod user_files;

#[cfg(target_arch = "wasm32")]
pub mod brief_worker;
#[cfg(target_arch = "wasm32")]
pub mod docx_worker;
#[cfg(target_arch = "wasm32")]
pub mod web;
#[cfg(target_arch = "wasm32")]
pub mod worker;
#[cfg(target_arch = "wasm32")]
pub mod xlsx_worker;
