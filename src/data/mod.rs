//! The data layer: the bundled dataset's model and loading, its build from the source tables
//! (native only), the map's geometry, users' own files (`user_files`: reading them, checking
//! their index tables, their province spellings, and their merge into the dataset), and the
//! units' scores the reports give.

#[cfg(not(target_arch = "wasm32"))]
pub mod dataset_build;
pub mod geography;
pub mod map_geometry;
pub mod model;
pub mod units;
pub mod user_files;
