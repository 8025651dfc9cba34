//! The user's own files: several at once, each read by the import worker, kept in the browser
//! (IndexedDB) until removed. This module holds their state and how it changes (pure, tested
//! natively); `browser` reads and keeps them (wasm only), `store` is the IndexedDB glue.

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod store;

use crate::data::units::UnitScore;
use crate::data::user_files::import::{Bilingual, Reply, RowMessage, SentTable};
use std::rc::Rc;
use yew::Reducible;

/// One file the user brought, as chosen, dropped or pasted.
#[derive(Clone, Debug, PartialEq)]
pub struct UserFile {
    /// Its number in this session.
    pub id: u32,
    pub name: String,
    pub status: FileStatus,
    pub keeping: Keeping,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FileStatus {
    Reading {
        progress: f64,
        rows: u64,
    },
    Read {
        content: FileContent,
        errors: Rc<Vec<RowMessage>>,
        /// What was done to read it (converted from a legacy encoding), shown on its card.
        note: Option<Bilingual>,
    },
    Refused(Bilingual),
    /// In a publisher's layout: waits for the user to confirm the mapping step's proposal (its
    /// JSON, `data::user_files::mapping_step::Proposal`, read by the step itself).
    Mapping(Rc<String>),
}

/// The good rows of a file: told apart by the file's columns.
#[derive(Clone, Debug, PartialEq)]
pub enum FileContent {
    /// Scores of a province's own departments, districts or communes, and the line of each in
    /// the file.
    Units(Rc<Vec<UnitScore>>, Rc<Vec<u64>>),
    /// Index values of provinces, as an official table gives them (as the worker sent it).
    Index(Rc<SentTable>),
}

impl FileContent {
    pub fn rows(&self) -> usize {
        match self {
            FileContent::Units(scores, _) => scores.len(),
            FileContent::Index(table) => table.rows as usize,
        }
    }
}

/// What the user answers in a file's mapping step: another sheet to propose, another index
/// (the step's choice so far with it, JSON of `mapping_step::Choice`: its columns proposed
/// afresh), the choice confirmed (the same JSON), or the file left out.
#[derive(Clone, Debug, PartialEq)]
pub enum MappingAnswer {
    Sheet(u64),
    Index(String),
    Confirm(String),
    Cancel,
}

/// Whether the file is kept in the browser across reloads.
#[derive(Clone, Debug, PartialEq)]
pub enum Keeping {
    /// Being written.
    Pending,
    /// Kept, under this key of the store.
    Kept(u32),
    /// Not kept, and why (the browser's storage is full, or refused); the file is still used
    /// until the page is closed.
    NotKept(Bilingual),
}

/// What happens to the list of files.
#[derive(Clone, Debug, PartialEq)]
pub enum FileEvent {
    Added {
        id: u32,
        name: String,
        keeping: Keeping,
    },
    Replied {
        id: u32,
        reply: Box<Reply>,
    },
    /// The worker could not do its work (it did not load, or answered nonsense).
    Failed {
        id: u32,
        why: Bilingual,
    },
    /// A file written to the store got its key there, or could not be kept (and why).
    Stored {
        id: u32,
        outcome: Result<u32, Bilingual>,
    },
    Removed {
        id: u32,
    },
    /// The files kept on earlier visits are all listed.
    Restored,
}

/// The user's files in the order they were brought; shared by reference with the views (each
/// change makes a new list, so two lists are equal only if they are the same list).
#[derive(Clone, Debug, Default)]
pub struct UserFiles {
    pub files: Rc<Vec<UserFile>>,
    /// Whether the files kept on earlier visits have all been listed (and their reading begun).
    pub restored: bool,
}

impl PartialEq for UserFiles {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.files, &other.files)
    }
}

impl UserFiles {
    /// What every file read holds, in file order.
    fn contents(&self) -> impl Iterator<Item = &FileContent> {
        self.files.iter().filter_map(|f| match &f.status {
            FileStatus::Read { content, .. } => Some(content),
            _ => None,
        })
    }

    /// The unit scores of every file read, in file order.
    pub fn unit_scores(&self) -> Vec<UnitScore> {
        self.unit_scores_with_lines().0
    }

    /// The unit scores of every file read, in file order, and the line of each in its file.
    pub fn unit_scores_with_lines(&self) -> (Vec<UnitScore>, Vec<u64>) {
        let (mut scores, mut lines) = (Vec::new(), Vec::new());
        for content in self.contents() {
            if let FileContent::Units(units, at) = content {
                scores.extend(units.iter().cloned());
                lines.extend(at.iter().copied());
            }
        }
        (scores, lines)
    }

    /// The index tables of every file read, in file order.
    pub fn index_tables(&self) -> Vec<Rc<SentTable>> {
        let mut tables = Vec::new();
        for content in self.contents() {
            if let FileContent::Index(table) = content {
                tables.push(table.clone());
            }
        }
        tables
    }

    /// Whether a file is still being read, or the kept ones are still to be listed.
    pub fn is_reading(&self) -> bool {
        !self.restored
            || self
                .files
                .iter()
                .any(|f| matches!(f.status, FileStatus::Reading { .. }))
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The list after `event`.
    pub fn after(&self, event: FileEvent) -> UserFiles {
        let mut files: Vec<UserFile> = self.files.as_ref().clone();
        let mut restored = self.restored;
        let find = |files: &mut Vec<UserFile>, id: u32| files.iter_mut().position(|f| f.id == id);
        match event {
            FileEvent::Added { id, name, keeping } => {
                files.retain(|f| f.id != id);
                files.push(UserFile {
                    id,
                    name,
                    status: FileStatus::Reading {
                        progress: 0.0,
                        rows: 0,
                    },
                    keeping,
                });
            }
            FileEvent::Replied { id, reply } => {
                if let Some(i) = find(&mut files, id) {
                    files[i].status = status_after(*reply);
                }
            }
            FileEvent::Failed { id, why } => {
                if let Some(i) = find(&mut files, id) {
                    files[i].status = FileStatus::Refused(why);
                }
            }
            FileEvent::Stored { id, outcome } => {
                if let Some(i) = find(&mut files, id) {
                    files[i].keeping = match outcome {
                        Ok(key) => Keeping::Kept(key),
                        Err(why) => Keeping::NotKept(why),
                    };
                }
            }
            FileEvent::Removed { id } => files.retain(|f| f.id != id),
            FileEvent::Restored => restored = true,
        }
        UserFiles {
            files: Rc::new(files),
            restored,
        }
    }
}

fn status_after(reply: Reply) -> FileStatus {
    if let Some(why) = reply.refused {
        return FileStatus::Refused(why);
    }
    if let Some(proposal) = reply.proposal {
        return FileStatus::Mapping(Rc::new(proposal));
    }
    let content = match (reply.scores, reply.index) {
        (Some(scores), _) => FileContent::Units(
            Rc::new(scores),
            Rc::new(reply.score_lines.unwrap_or_default()),
        ),
        (None, Some(table)) => FileContent::Index(Rc::new(table)),
        (None, None) => {
            return FileStatus::Reading {
                progress: reply.progress.unwrap_or(0.0),
                rows: reply.rows.unwrap_or(0),
            }
        }
    };
    FileStatus::Read {
        content,
        errors: Rc::new(reply.errors.unwrap_or_default()),
        note: reply.note,
    }
}

impl Reducible for UserFiles {
    type Action = FileEvent;
    fn reduce(self: Rc<Self>, event: FileEvent) -> Rc<Self> {
        Rc::new(self.after(event))
    }
}
