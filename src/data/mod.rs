//! The data layer: the bundled dataset's model and loading, its build from the source tables
//! (native only), users' own files (unit scores and index tables, their province spellings, and
//! their merge into the dataset), and the units' scores the reports give.

#[cfg(not(target_arch = "wasm32"))]
pub mod dataset_build;
pub mod geography;
pub mod import;
pub mod index_table;
pub mod map_geometry;
pub mod model;
pub mod spelling;
pub mod units;
pub mod user_tables;
