//! The rendering layer: charts drawn by plotters as SVG strings, their descriptions in words,
//! the committee's brief as a document, the projected map, CSV exports, the code that embeds a
//! view, the open data files (the app links to them) and (native only) the pages' preview images. Pure and tested natively.

pub mod brief;
pub mod chart;
pub mod describe;
pub mod edition;
pub mod embed_code;
pub mod export;
pub mod history_chart;
pub mod map;
pub mod open_data;
#[cfg(not(target_arch = "wasm32"))]
pub mod preview;
pub mod table_export;
pub mod xlsx;
