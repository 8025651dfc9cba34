//! The committee's brief, from the figures `analysis::brief` finds: its sentences in the
//! reports' register (`text`), the document with its tables and charts and its HTML (`doc`),
//! and that document as .docx (`docx`, built in the brief worker only).

pub mod doc;
pub mod docx;
pub mod text;
