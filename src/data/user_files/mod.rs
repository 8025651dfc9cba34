//! Users' own files, read in the import worker: unit scores and province-level index tables.
//! `import` reads a file (encodings, separators, spreadsheet lines, the kind of file, rows in
//! steps); `legacy_encodings` converts Vietnamese in TCVN3, VNI-Windows or Windows-1258 to
//! Unicode; `index_table` checks an index table's rows against the year's provinces and the
//! index's scale; `spelling` resolves province names as people type them; `merge` adds the
//! checked tables to the bundled dataset, each value with its file and line.

pub mod import;
pub mod index_table;
pub mod legacy_encodings;
pub mod merge;
pub mod spelling;
