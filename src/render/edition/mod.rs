//! An index's edition at a glance, from the figures `analysis::edition` finds: its sentences in
//! the register of the publishers' announcements (`text`), its charts (`chart`: the previous
//! edition to this one, and every province as a dot), and the document with its tables
//! (`doc`), which reuses the brief's document, HTML and .docx (`render::brief`).

pub mod chart;
pub mod doc;
pub mod text;
