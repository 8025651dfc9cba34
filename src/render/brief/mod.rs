//! The committee's brief, from the figures `analysis::brief` finds: its sentences in the
//! reports' register (`text`), the document with its tables and charts and its HTML (`doc`),
//! that document as .docx (`docx`, built in the brief worker only) and its tables as one
//! workbook (`workbook`, sent by the brief worker to the xlsx worker).

pub mod doc;
pub mod docx;
pub mod text;
pub mod workbook;
