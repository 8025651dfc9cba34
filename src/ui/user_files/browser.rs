//! Reads the user's files in the import worker (one worker a file, so that none waits for
//! another) and keeps them in IndexedDB; on start, reads again the files kept on earlier visits.
//! (wasm only)

use super::store::{self, StoreError};
use super::{FileEvent, Keeping, MappingAnswer, UserFile, UserFiles};
use crate::data::user_files::import::{Bilingual, FileError, SentTable};
use crate::data::user_files::mapping_step::Asked;
use crate::data::user_files::merge::Additions;
use crate::i18n::Text;
use crate::ui::components::import_panel::ChosenFile;
use crate::ui::web::{self, ImportJob};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Where an earlier version kept the one file it could keep (in local storage), and its name.
const OLD_DATA_KEY: &str = "chiso.own-data";
const OLD_NAME_KEY: &str = "chiso.own-data.name";

/// The user's files and what can be done with them.
pub struct UserFilesHandle {
    pub files: UserFiles,
    /// What the index tables read add to the bundled data (merged by the import worker).
    pub additions: Option<Rc<Additions>>,
    /// Whether that merge is still to come (the files' tables changed since).
    pub merging: bool,
    /// Why the last merge could not be done.
    pub merge_failed: Option<String>,
    pub on_file: Callback<ChosenFile>,
    pub on_remove: Callback<UserFile>,
    pub on_mapping: Callback<(u32, MappingAnswer)>,
}

fn not_kept(error: StoreError) -> Bilingual {
    match error {
        StoreError::Full => Bilingual::of(Text::StorageFull, ""),
        StoreError::Unavailable(detail) => {
            Bilingual::of(Text::StorageRefused, &format!(" ({detail})"))
        }
    }
}

type Jobs = Rc<RefCell<HashMap<u32, ImportJob>>>;

/// Where the mappings confirmed in the mapping step are remembered, by the shape of a file's
/// headers (the JSON the import worker keeps up to date: `mapping_step::run`).
const REMEMBERED_KEY: &str = "chiso.mappings";

/// A file as the page holds it while it is read: its name and bytes (sent again to the worker
/// for the mapping step), whether it is still to be kept in the store (a new file, once read;
/// one kept on an earlier visit is not kept again), and the key of one kept on an earlier visit
/// without a confirmed mapping (kept before mappings existed), to write its choice back.
#[derive(Clone)]
struct Held {
    name: String,
    bytes: Rc<Vec<u8>>,
    to_keep: bool,
    without_choice: Option<u32>,
}

/// What the page holds of the files being read and kept.
#[derive(Clone)]
struct Reading {
    jobs: Jobs,
    held: Rc<RefCell<HashMap<u32, Held>>>,
    /// Files removed while they were being written to the store: forgotten there once written.
    removed: Rc<RefCell<std::collections::HashSet<u32>>>,
    events: Callback<FileEvent>,
}

impl Reading {
    /// Has the worker read a file (with the sheet, index or choice of the mapping step; a file
    /// waiting in its step asks the worker it has); its replies update the file's status. The
    /// job is dropped (its worker stopped) after the last reply, outside that reply's handler,
    /// unless the file waits in its mapping step; a new file read is then kept in the store with
    /// the choice confirmed for it.
    fn read(&self, id: u32, mut asked: Asked) {
        let Some(held) = self.held.borrow().get(&id).cloned() else {
            return;
        };
        let (replies, failures) = (self.events.clone(), self.events.clone());
        let reading = self.clone();
        let on_reply = move |reply: crate::data::user_files::import::Reply| {
            if reply.is_final() {
                let reading = reading.clone();
                let choice = reply.choice.clone();
                let waits = reply.proposal.is_some();
                if let Some(remembered) = &reply.remembered {
                    web::store(REMEMBERED_KEY, remembered);
                }
                // A file waiting in its mapping step keeps its worker for the next answer.
                spawn_local(async move {
                    if !waits {
                        drop(reading.jobs.borrow_mut().remove(&id));
                        reading.keep(id, choice).await;
                    }
                });
            }
            replies.emit(FileEvent::Replied {
                id,
                reply: Box::new(reply),
            });
        };
        let on_failure = move |detail: String| {
            failures.emit(FileEvent::Failed {
                id,
                why: Bilingual::of(Text::FileUnreadable, &format!(": {detail}")),
            })
        };
        asked.remembered = web::stored(REMEMBERED_KEY);
        let asking = self
            .jobs
            .borrow()
            .get(&id)
            .map(|job| job.ask(&held.name, &held.bytes, &asked));
        if let Some(asked) = asking {
            if let Err(detail) = asked {
                on_failure(detail);
            }
            return;
        }
        match ImportJob::start(&held.name, &held.bytes, &asked, on_reply, on_failure) {
            Ok(job) => drop(self.jobs.borrow_mut().insert(id, job)),
            Err(detail) => self.events.emit(FileEvent::Failed {
                id,
                why: Bilingual::of(Text::ReaderFailed, &format!(": {detail}")),
            }),
        }
    }

    /// Keeps a new file read in the store (once), with the choice confirmed for it; writes the
    /// choice confirmed for a file kept without one, so that it is not asked again.
    async fn keep(&self, id: u32, choice: Option<String>) {
        let held = self.held.borrow_mut().remove(&id);
        if let Some((held, key, choice)) = held
            .as_ref()
            .and_then(|h| Some((h, h.without_choice?, choice.as_deref()?)))
        {
            // Failing, it is asked again on the next visit, as before.
            drop(store::rewrite(key, &held.name, &held.bytes, choice).await);
            return;
        }
        let Some(held) = held.filter(|h| h.to_keep) else {
            return;
        };
        let outcome = store::keep(&held.name, &held.bytes, choice.as_deref())
            .await
            .map_err(not_kept);
        match outcome {
            Ok(key) if self.removed.borrow().contains(&id) => drop(store::remove(key).await),
            outcome => self.events.emit(FileEvent::Stored { id, outcome }),
        }
    }
}

/// The files kept on earlier visits are read once the bundled data is `ready` (after the first
/// view).
#[hook]
pub fn use_user_files(ready: bool) -> UserFilesHandle {
    let files = use_reducer(UserFiles::default);
    let next_id = use_mut_ref(|| 0u32);
    let events = {
        let files = files.clone();
        Callback::from(move |event: FileEvent| files.dispatch(event))
    };
    let reading = Reading {
        jobs: use_mut_ref(HashMap::new),
        held: use_mut_ref(HashMap::new),
        removed: use_mut_ref(Default::default),
        events: events.clone(),
    };
    let new_id = move || {
        let mut id = next_id.borrow_mut();
        *id += 1;
        *id
    };
    {
        // The files kept on earlier visits, once (without IndexedDB there are none to read).
        let (events, reading, new_id) = (events.clone(), reading.clone(), new_id.clone());
        let started = use_mut_ref(|| false);
        use_effect_with(ready, move |ready| {
            if !*ready || started.replace(true) {
                return;
            }
            spawn_local(async move {
                for kept in store::all().await.unwrap_or_default() {
                    let id = new_id();
                    events.emit(FileEvent::Added {
                        id,
                        name: kept.name.clone(),
                        keeping: Keeping::Kept(kept.id),
                    });
                    reading.held.borrow_mut().insert(
                        id,
                        Held {
                            name: kept.name,
                            bytes: Rc::new(kept.bytes),
                            to_keep: false,
                            without_choice: kept.choice.is_none().then_some(kept.id),
                        },
                    );
                    let asked = Asked {
                        choice: kept.choice,
                        ..Asked::default()
                    };
                    reading.read(id, asked);
                }
                events.emit(FileEvent::Restored);
            });
        });
    }
    let on_file = {
        let (events, reading) = (events.clone(), reading.clone());
        Callback::from(move |file: ChosenFile| match file {
            ChosenFile::TooLarge { name, bytes } => {
                let id = new_id();
                let why = FileError::TooLarge { bytes }.bilingual();
                events.emit(FileEvent::Added {
                    id,
                    name,
                    keeping: Keeping::NotKept(why.clone()),
                });
                events.emit(FileEvent::Failed { id, why });
            }
            ChosenFile::Read { name, bytes } => {
                let id = new_id();
                events.emit(FileEvent::Added {
                    id,
                    name: name.clone(),
                    keeping: Keeping::Pending,
                });
                let held = Held {
                    name,
                    bytes: Rc::new(bytes),
                    to_keep: true,
                    without_choice: None,
                };
                reading.held.borrow_mut().insert(id, held);
                reading.read(id, Asked::default());
            }
        })
    };
    {
        // The one file an earlier version kept in local storage moves to the store.
        let on_file = on_file.clone();
        use_effect_with((), move |_| {
            if let (Some(text), Some(name)) = (web::stored(OLD_DATA_KEY), web::stored(OLD_NAME_KEY))
            {
                web::forget(OLD_DATA_KEY);
                web::forget(OLD_NAME_KEY);
                on_file.emit(ChosenFile::Read {
                    name,
                    bytes: text.into_bytes(),
                });
            }
        });
    }
    let on_remove = {
        let reading = reading.clone();
        Callback::from(move |file: UserFile| {
            reading.jobs.borrow_mut().remove(&file.id);
            reading.held.borrow_mut().remove(&file.id);
            reading.removed.borrow_mut().insert(file.id);
            if let Keeping::Kept(key) = file.keeping {
                // Forgotten even if the page is closed right after; a failure leaves it kept, and
                // it comes back on the next visit, where it can be removed again.
                spawn_local(async move { drop(store::remove(key).await) });
            }
            reading.events.emit(FileEvent::Removed { id: file.id });
        })
    };
    // The mapping step: another sheet proposed, the choice confirmed, or the file left out
    // (a file kept on an earlier visit stays kept, and is proposed again on the next one).
    let on_mapping = Callback::from(move |(id, answer): (u32, MappingAnswer)| match answer {
        MappingAnswer::Sheet(sheet) => reading.read(
            id,
            Asked {
                sheet: Some(sheet as usize),
                ..Asked::default()
            },
        ),
        MappingAnswer::Index(draft) => reading.read(
            id,
            Asked {
                draft: Some(draft),
                ..Asked::default()
            },
        ),
        MappingAnswer::Confirm(choice) => reading.read(
            id,
            Asked {
                choice: Some(choice),
                ..Asked::default()
            },
        ),
        MappingAnswer::Cancel => {
            reading.jobs.borrow_mut().remove(&id);
            reading.held.borrow_mut().remove(&id);
            reading.events.emit(FileEvent::Removed { id });
        }
    });
    let (additions, merging, merge_failed) = use_merge(files.index_tables());
    UserFilesHandle {
        files: (*files).clone(),
        additions,
        merging,
        merge_failed,
        on_file,
        on_remove,
        on_mapping,
    }
}

/// The index tables, equal when they are the same tables (not compared row by row on every
/// change of the files' list).
#[derive(Clone, Default)]
struct Tables(Vec<Rc<SentTable>>);

impl PartialEq for Tables {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len() && self.0.iter().zip(&other.0).all(|(a, b)| Rc::ptr_eq(a, b))
    }
}

/// The last merge of the user's index tables (`ImportJob::merge`) and the tables it was of.
#[derive(Clone, Default)]
struct Merge {
    of: Tables,
    done: Option<Rc<Additions>>,
    failed: Option<String>,
}

/// Has the import worker merge `tables` into the bundled data whenever they change: what they
/// add (what was merged before stays shown until the new merge is done), whether a merge is
/// still to come, and why the last one failed.
#[hook]
fn use_merge(tables: Vec<Rc<SentTable>>) -> (Option<Rc<Additions>>, bool, Option<String>) {
    let merge = use_state(Merge::default);
    // The running merge and its number: a later one replaces (and stops) it.
    let job = use_mut_ref(|| (0u32, None::<ImportJob>));
    let tables = Tables(tables);
    let merging = tables != merge.of;
    let done = merge.done.clone().filter(|_| !tables.0.is_empty());
    {
        let merge = merge.clone();
        use_effect_with(tables, move |tables| {
            let number = job.borrow().0 + 1;
            *job.borrow_mut() = (number, None);
            let of = tables.clone();
            if of.0.is_empty() {
                merge.set(Merge::default());
                return;
            }
            let json = SentTable::list(&of.0);
            let (finished, running) = (merge.clone(), job.clone());
            let started = ImportJob::merge(&json, move |outcome| {
                // Dropped (its worker stopped) outside this handler, unless replaced meanwhile.
                let running = running.clone();
                spawn_local(async move {
                    let mut running = running.borrow_mut();
                    if running.0 == number {
                        drop(running.1.take());
                    }
                });
                let (done, failed) = match outcome {
                    Ok(additions) => (Some(Rc::new(additions)), None),
                    Err(why) => (None, Some(why)),
                };
                finished.set(Merge {
                    of: of.clone(),
                    done,
                    failed,
                });
            });
            match started {
                Ok(started) => job.borrow_mut().1 = Some(started),
                Err(why) => merge.set(Merge {
                    of: tables.clone(),
                    done: None,
                    failed: Some(why),
                }),
            }
        });
    }
    (done, merging, merge.failed.clone())
}
