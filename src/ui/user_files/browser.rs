//! Reads the user's files in the import worker (one worker a file, so that none waits for
//! another) and keeps them in IndexedDB; on start, reads again the files kept on earlier visits.
//! (wasm only)

use super::store::{self, StoreError};
use super::{FileEvent, Keeping, UserFile, UserFiles};
use crate::data::import::{Bilingual, FileError};
use crate::ui::components::import_panel::ChosenFile;
use crate::ui::i18n::{Lang, Text};
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
    pub on_file: Callback<ChosenFile>,
    pub on_remove: Callback<UserFile>,
}

/// The same text in both languages, from the translation table, with a detail after it.
fn both(text: Text, detail: &str) -> Bilingual {
    let with = |lang: Lang| format!("{}{detail}", lang.t(text));
    Bilingual {
        vi: with(Lang::Vi),
        en: with(Lang::En),
    }
}

fn not_kept(error: StoreError) -> Bilingual {
    match error {
        StoreError::Full => both(Text::StorageFull, ""),
        StoreError::Unavailable(detail) => both(Text::StorageRefused, &format!(" ({detail})")),
    }
}

type Jobs = Rc<RefCell<HashMap<u32, ImportJob>>>;

/// Has the worker read a file; its replies update the file's status. The job is dropped (its
/// worker stopped) after the last reply, outside that reply's handler.
fn read(
    id: u32,
    (name, bytes): (&str, &[u8]),
    reference: &str,
    events: Callback<FileEvent>,
    jobs: Jobs,
) {
    let (replies, failures, finished) = (events.clone(), events.clone(), jobs.clone());
    let on_reply = move |reply: crate::data::import::Reply| {
        if reply.is_final() {
            let finished = finished.clone();
            spawn_local(async move { drop(finished.borrow_mut().remove(&id)) });
        }
        replies.emit(FileEvent::Replied { id, reply });
    };
    let on_failure = move |detail: String| {
        failures.emit(FileEvent::Failed {
            id,
            why: both(Text::FileUnreadable, &format!(": {detail}")),
        })
    };
    match ImportJob::start(name, bytes, reference, on_reply, on_failure) {
        Ok(job) => drop(jobs.borrow_mut().insert(id, job)),
        Err(detail) => events.emit(FileEvent::Failed {
            id,
            why: both(Text::ReaderFailed, &format!(": {detail}")),
        }),
    }
}

/// `reference`: the JSON of `index_table::Reference` for the bundled data (the provinces and
/// scales an index table is checked against); the files kept on earlier visits are read once
/// it is there.
#[hook]
pub fn use_user_files(reference: Option<Rc<String>>) -> UserFilesHandle {
    let files = use_reducer(UserFiles::default);
    let jobs: Jobs = use_mut_ref(HashMap::new);
    // Files removed while they were being written to the store: forgotten there once written.
    let removed = use_mut_ref(std::collections::HashSet::<u32>::new);
    let next_id = use_mut_ref(|| 0u32);
    let events = {
        let files = files.clone();
        Callback::from(move |event: FileEvent| files.dispatch(event))
    };
    let new_id = move || {
        let mut id = next_id.borrow_mut();
        *id += 1;
        *id
    };
    // The newest reference, for files chosen later.
    let current = use_mut_ref(|| None::<Rc<String>>);
    *current.borrow_mut() = reference.clone();
    {
        // The files kept on earlier visits, once (without IndexedDB there are none to read).
        let (events, jobs, new_id) = (events.clone(), jobs.clone(), new_id.clone());
        let started = use_mut_ref(|| false);
        use_effect_with(reference.is_some(), move |ready| {
            if !*ready || started.replace(true) {
                return;
            }
            let reference = reference.unwrap_or_default();
            spawn_local(async move {
                for kept in store::all().await.unwrap_or_default() {
                    let id = new_id();
                    events.emit(FileEvent::Added {
                        id,
                        name: kept.name.clone(),
                        keeping: Keeping::Kept(kept.id),
                    });
                    let file = (kept.name.as_str(), kept.bytes.as_slice());
                    read(id, file, &reference, events.clone(), jobs.clone());
                }
                events.emit(FileEvent::Restored);
            });
        });
    }
    let on_file = {
        let (events, jobs, removed) = (events.clone(), jobs.clone(), removed.clone());
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
                let reference = current.borrow().clone().unwrap_or_default();
                read(id, (&name, &bytes), &reference, events.clone(), jobs.clone());
                let (events, removed) = (events.clone(), removed.clone());
                spawn_local(async move {
                    let outcome = store::keep(&name, &bytes).await.map_err(not_kept);
                    match outcome {
                        Ok(key) if removed.borrow().contains(&id) => {
                            drop(store::remove(key).await)
                        }
                        outcome => events.emit(FileEvent::Stored { id, outcome }),
                    }
                });
            }
        })
    };
    {
        // The one file an earlier version kept in local storage moves to the store.
        let on_file = on_file.clone();
        use_effect_with((), move |_| {
            if let (Some(text), Some(name)) = (web::stored(OLD_DATA_KEY), web::stored(OLD_NAME_KEY)) {
                web::forget(OLD_DATA_KEY);
                web::forget(OLD_NAME_KEY);
                on_file.emit(ChosenFile::Read { name, bytes: text.into_bytes() });
            }
        });
    }
    let on_remove = Callback::from(move |file: UserFile| {
        jobs.borrow_mut().remove(&file.id);
        removed.borrow_mut().insert(file.id);
        if let Keeping::Kept(key) = file.keeping {
            // Forgotten even if the page is closed right after; a failure leaves it kept, and
            // it comes back on the next visit, where it can be removed again.
            spawn_local(async move { drop(store::remove(key).await) });
        }
        events.emit(FileEvent::Removed { id: file.id });
    });
    UserFilesHandle {
        files: (*files).clone(),
        on_file,
        on_remove,
    }
}
