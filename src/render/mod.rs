//! The rendering layer: charts drawn by plotters as SVG strings, their descriptions in words,
//! the projected map, and CSV exports. Pure and tested natively.

pub mod brief_doc;
pub mod brief_docx;
pub mod brief_text;
pub mod chart;
pub mod describe;
pub mod export;
pub mod map;
