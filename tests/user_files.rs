//! The user's files: several at once, each with its own status and keeping.

use chiso::data::user_files::import::{Bilingual, Reply, SentTable};
use chiso::data::user_files::index_table::{IndexRow, IndexTable};
use chiso::ui::user_files::{FileContent, FileEvent, FileStatus, Keeping, UserFiles};

fn reply_with_rows(rows: u64) -> Reply {
    Reply {
        progress: Some(0.5),
        rows: Some(rows),
        ..Reply::default()
    }
}

fn why(text: &str) -> Bilingual {
    Bilingual {
        vi: text.into(),
        en: text.into(),
    }
}

#[test]
fn files_are_read_kept_and_removed_one_by_one() {
    let files = UserFiles::default()
        .after(FileEvent::Added {
            id: 1,
            name: "a.csv".into(),
            keeping: Keeping::Pending,
        })
        .after(FileEvent::Added {
            id: 2,
            name: "b.csv".into(),
            keeping: Keeping::Kept(7),
        })
        .after(FileEvent::Replied {
            id: 1,
            reply: Box::new(reply_with_rows(10)),
        });
    assert_eq!(files.files.len(), 2);
    assert_eq!(
        files.files[0].status,
        FileStatus::Reading {
            progress: 0.5,
            rows: 10
        }
    );
    let done = Reply {
        scores: Some(Vec::new()),
        errors: Some(Vec::new()),
        ..reply_with_rows(20)
    };
    let files = files
        .after(FileEvent::Replied {
            id: 1,
            reply: Box::new(done),
        })
        .after(FileEvent::Stored {
            id: 1,
            outcome: Ok(8),
        })
        .after(FileEvent::Stored {
            id: 2,
            outcome: Err(why("full")),
        });
    assert!(matches!(files.files[0].status, FileStatus::Read { .. }));
    assert_eq!(files.files[0].keeping, Keeping::Kept(8));
    // A file the store could not keep is still used, and says why.
    assert_eq!(files.files[1].keeping, Keeping::NotKept(why("full")));
    let files = files.after(FileEvent::Removed { id: 1 });
    assert_eq!(files.files.len(), 1);
    assert_eq!(files.files[0].name, "b.csv");
    // Events about a file already removed change nothing.
    let same = files.after(FileEvent::Replied {
        id: 1,
        reply: Box::new(reply_with_rows(3)),
    });
    assert_eq!(*same.files, *files.files);
}

#[test]
fn files_are_being_read_until_the_kept_ones_are_listed_and_read() {
    let files = UserFiles::default();
    assert!(files.is_reading(), "the kept files are still to be listed");
    let files = files.after(FileEvent::Restored);
    assert!(!files.is_reading());
    let files = files.after(FileEvent::Added {
        id: 1,
        name: "a.csv".into(),
        keeping: Keeping::Pending,
    });
    assert!(files.is_reading());
}

#[test]
fn a_refused_file_says_why() {
    let files = UserFiles::default()
        .after(FileEvent::Added {
            id: 1,
            name: "x.csv".into(),
            keeping: Keeping::Pending,
        })
        .after(FileEvent::Failed {
            id: 1,
            why: why("the worker did not load"),
        });
    assert_eq!(
        files.files[0].status,
        FileStatus::Refused(why("the worker did not load"))
    );
    assert!(files.unit_scores().is_empty());
}

#[test]
fn an_index_table_is_read_and_listed_for_the_merge() {
    // Test data: one row as the import worker would reply it.
    let table = IndexTable {
        file: "mine.csv".into(),
        rows: vec![IndexRow {
            index: "par".into(),
            year: 2025,
            province: "n15".into(),
            component: "total".into(),
            value: Some(88.1),
            rank: None,
            source: None,
            line: 2,
        }],
        declared: Vec::new(),
    };
    let converted = why("converted from TCVN3");
    let done = Reply {
        index: Some(SentTable::of(&table)),
        errors: Some(Vec::new()),
        note: Some(converted.clone()),
        ..reply_with_rows(1)
    };
    let files = UserFiles::default()
        .after(FileEvent::Added {
            id: 1,
            name: "mine.csv".into(),
            keeping: Keeping::Pending,
        })
        .after(FileEvent::Replied {
            id: 1,
            reply: Box::new(done),
        });
    assert!(
        matches!(&files.files[0].status, FileStatus::Read { content: FileContent::Index(t), .. } if t.rows == 1)
    );
    // The note on how the file was read stays with it (shown on its card).
    assert!(
        matches!(&files.files[0].status, FileStatus::Read { note: Some(n), .. } if *n == converted)
    );
    // The page keeps the table as the worker wrote it and sends the list back for the merge.
    let tables = files.index_tables();
    let back: Vec<IndexTable> = miniserde::json::from_str(&SentTable::list(&tables)).unwrap();
    assert_eq!(back, [table]);
    assert!(files.unit_scores().is_empty());
}
