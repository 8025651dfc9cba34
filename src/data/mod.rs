//! The data layer: the bundled dataset's model and loading, its build from the source tables
//! (native only), users' own files, and the units' scores the reports give.

#[cfg(not(target_arch = "wasm32"))]
pub mod dataset_build;
pub mod geography;
pub mod import;
pub mod model;
pub mod units;
