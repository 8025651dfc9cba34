//! Users' own files, read in the import worker: unit scores and province-level index tables.
//! `import` reads a file (encodings, separators, spreadsheet lines, the kind of file, rows in
//! steps); `legacy_encodings` converts Vietnamese in TCVN3, VNI-Windows or Windows-1258 to
//! Unicode; `index_table` checks an index table's rows against the year's provinces and the
//! index's scale; `spelling` resolves province names as people type them; `merge` adds the
//! checked tables to the bundled dataset, each value with its file and line. Tables in a
//! publisher's layout (workbooks, wide CSV): `workbook` and `grid` read them into cells,
//! `table_finder` finds the table, `numbers` reads figures as Vietnamese files write them,
//! `column_mapping` guesses and applies what each column is, `mapping_step` proposes it for
//! confirmation and applies the confirmed choice; `unit_mapping` reads a province's own unit
//! scores in its wide layout.

pub mod column_mapping;
pub mod grid;
pub mod import;
pub mod index_table;
pub mod legacy_encodings;
pub mod mapping_step;
pub mod merge;
pub mod numbers;
pub mod spelling;
pub mod table_finder;
pub mod unit_mapping;
pub mod workbook;
