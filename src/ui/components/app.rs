use super::embed_frame::embed_frame;
use super::import_panel::ChosenFile;
use super::load_error::{load_error, LoadFailure};
use super::page_frame::PageFrame;
use super::view_tabs::ViewTabs;
use super::SharedDataset;
use crate::data::model::{DataPart, Dataset};
use crate::i18n::Text;
use crate::ui::built_pages::paths::page_of;
use crate::ui::state::{Action, Selection, View};
use crate::ui::user_files::browser::use_user_files;
use crate::ui::user_files::{MappingAnswer, UserFile, UserFiles};
use crate::ui::web;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Relative, so the app works from any folder of any static server.
const DATASET_URL: &str = "static/dataset.json";
/// How long after the first view the list of sources waits for the service worker to have
/// cached it before it is fetched anyway (a slow network, a browser without workers).
const SOURCES_WAIT_MS: i32 = 2000;
/// Shows `next` now if the data it needs is loaded, or makes it pending until it is.
fn commit(
    data: &Dataset,
    next: Selection,
    selection: &UseStateHandle<Option<Selection>>,
    pending: &UseStateHandle<Option<Selection>>,
) {
    if data.part_to_load(next.parts_needed(data)).is_some() {
        pending.set(Some(next));
    } else {
        pending.set(None);
        selection.set(Some(next));
    }
}

/// Counts finished fetches of data parts, so that a selection that waited for one looks
/// again whether it succeeded or not.
#[derive(Default, PartialEq)]
struct FetchesDone(u32);

impl Reducible for FetchesDone {
    type Action = ();
    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Rc::new(FetchesDone(self.0 + 1))
    }
}

/// Fetches the files of `parts`, all asked for at once, reads them one after the other (each
/// after the next paint if `after_paint`, so that reading them is split into short tasks) and
/// hands `then` the dataset with them all added, in a task of its own: the views are drawn
/// again once, not once a file, and not in the task that read the last file. `fetching` is held
/// meanwhile: one fetch at a time, so that each addition starts from the newest dataset and
/// none is lost; `done` then counts it, so that the effects waiting for a fetch to end look
/// again.
fn fetch_parts(
    data: SharedDataset,
    parts: Vec<(DataPart, String)>,
    after_paint: bool,
    fetching: Rc<RefCell<bool>>,
    done: UseReducerHandle<FetchesDone>,
    then: impl FnOnce(Result<SharedDataset, String>) + 'static,
) {
    *fetching.borrow_mut() = true;
    wasm_bindgen_futures::spawn_local(async move {
        let requests: Vec<_> = parts.iter().map(|(_, url)| web::request(url)).collect();
        // The files are added to one copy of `data` (the newest dataset, on screen or read
        // ahead of it), which stays as it was for whoever holds it.
        let mut loaded = Ok((*data.0).clone());
        for ((part, url), request) in parts.into_iter().zip(requests) {
            if after_paint {
                web::after_paint().await;
            }
            let Ok(dataset) = &mut loaded else { break };
            let added = match web::text_of(request).await {
                Ok(text) => dataset.add_part(&part, &text).map_err(|e| e.to_string()),
                Err(detail) => Err(detail),
            };
            if let Err(detail) = added {
                loaded = Err(format!("{url}: {detail}"));
            }
        }
        web::sleep(0).await;
        *fetching.borrow_mut() = false;
        then(loaded.map(|d| SharedDataset(Rc::new(d))));
        done.dispatch(());
    });
}

/// The dataset with the data read ahead since the view on screen was drawn (`unshown`, which no
/// view on screen needs), put on screen with the next view the user asks for, instead of
/// drawing the whole view again for files it does not show; `None` if there is none.
fn show_unshown(
    unshown: &RefCell<Option<SharedDataset>>,
    load: &UseStateHandle<Load>,
) -> Option<SharedDataset> {
    let data = unshown.borrow_mut().take()?;
    load.set(Load::Ready(data.clone()));
    Some(data)
}

/// The newest dataset: the one on screen (`ready`), or the one with the data read ahead since.
fn newest(unshown: &RefCell<Option<SharedDataset>>, ready: SharedDataset) -> SharedDataset {
    unshown.borrow().clone().unwrap_or(ready)
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Failed(LoadFailure),
    Ready(SharedDataset),
}

/// What the views of a build of the app are drawn from (`AppProps::views`).
#[derive(Clone, PartialEq, Properties)]
pub struct ViewProps {
    pub data: SharedDataset,
    pub selection: Selection,
    pub on_action: Callback<Action>,
    /// The user's files (the brief, the inside view and the data view use them).
    pub files: UserFiles,
    pub on_file: Callback<ChosenFile>,
    pub on_remove: Callback<UserFile>,
    /// A file's answer in the mapping step.
    pub on_mapping: Callback<(u32, MappingAnswer)>,
    /// Keys the view: after a failed fetch it is drawn afresh, so no control keeps showing the
    /// choice that could not be loaded.
    pub view_key: String,
    /// Whether every data part has been read ahead of need (the map's outlines may come next).
    pub read_ahead: bool,
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The views this build draws (`ui::components::views`).
    pub views: Callback<ViewProps, Html>,
}

/// Loads the dataset, owns the selection, and keeps the URL in step with it.
#[component]
pub fn App(props: &AppProps) -> Html {
    let load = use_state(|| Load::Loading);
    let selection = use_state(|| None::<Selection>);
    // A selection whose component series are being fetched; the current one stays on screen
    // meanwhile, so nothing shows as missing that is only loading (and focus stays put).
    let pending = use_state(|| None::<Selection>);
    let part_failed = use_state(|| None::<String>);
    // Whether a data part is being fetched, for a selection or ahead of need (`fetch_parts`).
    let fetching = use_mut_ref(|| false);
    // The newest dataset, if data read ahead of need has been added to it since the view on
    // screen was drawn (`show_unshown`).
    let unshown = use_mut_ref(|| None::<SharedDataset>);
    let fetches_done = use_reducer(FetchesDone::default);
    // Whether the service worker has cached the files (or there is none): then fetching ahead
    // of need reads its cache instead of downloading the same files a second time.
    let worker_settled = use_state(|| false);
    // Whether the visitor has started using the page (`web::on_first_use`): only then are the
    // other views' files read ahead of need.
    let in_use = use_state(|| false);
    // Whether the list of sources, which the first view cites, is due even if the worker has
    // not settled (`SOURCES_WAIT_MS`).
    let sources_due = use_state(|| false);
    // Keys the view: after a failed fetch it is drawn afresh, so no control keeps showing the
    // choice that could not be loaded.
    let failures = use_mut_ref(|| 0u32);
    // The address the app was opened with and the selection first made of it, until the
    // user's files have been read (see below).
    let first_query = use_mut_ref(|| None::<(String, Selection)>);
    {
        let load = load.clone();
        let first_query = first_query.clone();
        let (selection, pending) = (selection.clone(), pending.clone());
        let (worker_settled, sources_due) = (worker_settled.clone(), sources_due.clone());
        let in_use = in_use.clone();
        use_effect_with((), move |_| {
            web::on_first_use(move || in_use.set(true));
            wasm_bindgen_futures::spawn_local(async move {
                match web::fetch_text(DATASET_URL).await {
                    Err(detail) => load.set(Load::Failed(LoadFailure::Fetch {
                        url: DATASET_URL.into(),
                        detail,
                    })),
                    Ok(text) => match Dataset::from_json(&text) {
                        Err(e) => load.set(Load::Failed(LoadFailure::Parse {
                            url: DATASET_URL.into(),
                            detail: e.to_string(),
                        })),
                        Ok(dataset) => {
                            // The first view is drawn in a task of its own, not in the one
                            // that read the data: two shorter tasks instead of one long one.
                            web::sleep(0).await;
                            let query = web::location_address();
                            let first =
                                Selection::from_address(&query, &dataset, web::preferred_lang());
                            *first_query.borrow_mut() = Some((query, first.clone()));
                            commit(&dataset, first, &selection, &pending);
                            load.set(Load::Ready(SharedDataset(Rc::new(dataset))));
                            wasm_bindgen_futures::spawn_local(async move {
                                web::sleep(SOURCES_WAIT_MS).await;
                                sources_due.set(true);
                            });
                            web::after_paint().await;
                            web::register_service_worker().await;
                            worker_settled.set(true);
                        }
                    },
                }
            });
        });
    }
    let ready = match &*load {
        Load::Ready(data) => Some(data.clone()),
        _ => None,
    };
    let user = use_user_files(ready.is_some());
    // What every view shows: the bundled data (with the parts loaded so far) and what the
    // user's index tables add (merged by the import worker when a file comes or goes), added
    // again when a part arrives.
    // (The additions are told apart by address: comparing their values on every render would
    // compare every value a user's table adds.)
    let additions = user.additions.clone();
    let deps = (ready.clone(), additions.as_ref().map(Rc::as_ptr));
    let shown = use_memo(deps, move |(ready, _)| {
        ready.clone().map(|data| match additions {
            None => data,
            Some(additions) => SharedDataset(Rc::new(additions.onto(&data.0))),
        })
    });
    {
        // A link to a year or index that only the user's files hold: the files are read after
        // the first view, so the address is read again once they are, unless the user has
        // moved on meanwhile.
        let (selection, pending) = (selection.clone(), pending.clone());
        let first = first_query.clone();
        let reading = user.files.is_reading() || user.merging;
        use_effect_with((shown.clone(), reading), move |(shown, reading)| {
            let Some(data) = shown.as_ref() else { return };
            let Some((query, initial)) = first.borrow().clone() else {
                return;
            };
            if selection.as_ref() == Some(&initial) {
                let again = Selection::from_address(&query, &data.0, initial.lang);
                if again != initial {
                    commit(&data.0, again, &selection, &pending);
                }
            }
            if !*reading {
                *first.borrow_mut() = None;
            }
        });
    }
    {
        // Fetches the data parts the pending selection needs, all at once (a province's page
        // needs every index's totals and its year's components).
        let (load, selection, pending_handle, failed) = (
            load.clone(),
            selection.clone(),
            pending.clone(),
            part_failed.clone(),
        );
        let (failures, fetching, done) = (failures.clone(), fetching.clone(), fetches_done.clone());
        let unshown = unshown.clone();
        let deps = ((*pending).clone(), ready.clone(), fetches_done.0);
        use_effect_with(deps, move |(next, ready, _)| {
            let (Some(next), Some(ready)) = (next.clone(), ready.clone()) else {
                return;
            };
            let data = newest(&unshown, ready);
            let parts = data.0.parts_to_load(next.parts_needed(&data.0));
            if parts.is_empty() {
                show_unshown(&unshown, &load);
                pending_handle.set(None);
                selection.set(Some(next));
                return;
            }
            if *fetching.borrow() {
                return; // its end runs this again
            }
            failed.set(None);
            let main = data.clone();
            fetch_parts(
                data,
                parts,
                false,
                fetching,
                done,
                move |loaded| match loaded {
                    Ok(dataset) => {
                        unshown.borrow_mut().take();
                        load.set(Load::Ready(dataset));
                    }
                    Err(detail) => {
                        *failures.borrow_mut() += 1;
                        pending_handle.set(None);
                        failed.set(Some(detail));
                        // A link's first view: there is no earlier one to keep showing.
                        if selection.is_none() {
                            selection.set(Some(next.without_parts(&main.0)));
                        }
                    }
                },
            );
        });
    }
    // Whether every data part has been read ahead of need.
    let read_ahead = use_state(|| false);
    {
        // Ahead of need: once the first view is painted and the files are cached, the list of
        // sources (which the first view already cites); once the visitor also starts using the
        // page (a pointer over it, a touch, the focus or a key: `in_use`), the other indices'
        // totals and component series (a file per year) and the reports, while the user looks,
        // a group at a time, each file after a paint, so that no view waits for a download
        // when first opened (then the whole app reads the map's outlines, `read_ahead`). Not
        // before: a phone that only shows the first view spends no time reading the rest (on
        // one, these tasks were a fifth of the page's blocking time in Lighthouse). Only
        // the sources are drawn at once; the rest, which the view on screen does not show
        // (it needs nothing it does not have), waits for the next view the user asks for
        // (`unshown`): drawing the whole view again once a file, then once a group, kept a
        // phone's main thread busy for seconds.
        // The list of sources is read after `SOURCES_WAIT_MS` even if the files are not cached
        // by then.
        // A failure stops this quietly (the view that needs the file then says what failed),
        // except for the sources, which no view waits for: their failure is shown.
        let (load, fetching, done) = (load.clone(), fetching.clone(), fetches_done.clone());
        let failed = part_failed.clone();
        let read_ahead_done = read_ahead.clone();
        let unshown = unshown.clone();
        let stopped = use_mut_ref(|| false);
        let deps = (
            ready.clone(),
            (*worker_settled, *in_use),
            *sources_due,
            pending.is_none(),
            fetches_done.0,
        );
        use_effect_with(
            deps,
            move |(ready, (settled, in_use), sources_due, idle, _)| {
                let Some(ready) = ready
                    .clone()
                    .filter(|_| (*settled || *sources_due) && *idle)
                else {
                    return;
                };
                let data = newest(&unshown, ready);
                if *fetching.borrow() || *stopped.borrow() {
                    return;
                }
                // The rest only from the worker's cache: the other indices' totals first (small,
                // and every view of them needs them), then each index's component series, then the
                // reports; each group read in one go.
                let indices = &data.0.indices;
                let rest = (*settled && *in_use).then(|| {
                    std::iter::once(
                        indices
                            .iter()
                            .map(|i| DataPart::Totals(i.key.clone()))
                            .collect(),
                    )
                    .chain(indices.iter().map(|i| data.0.components_parts(&i.key)))
                    .chain([vec![DataPart::Reports]])
                    .collect::<Vec<Vec<_>>>()
                });
                let groups =
                    std::iter::once(vec![DataPart::Details]).chain(rest.into_iter().flatten());
                let Some(parts) = groups
                    .map(|group| data.0.parts_to_load(group))
                    .find(|parts| !parts.is_empty())
                else {
                    if *settled && *in_use {
                        read_ahead_done.set(true);
                    }
                    return;
                };
                let sources = parts[0].0 == DataPart::Details;
                fetch_parts(
                    data,
                    parts,
                    true,
                    fetching,
                    done,
                    move |loaded| match loaded {
                        Ok(dataset) if sources => {
                            unshown.borrow_mut().take();
                            load.set(Load::Ready(dataset));
                        }
                        Ok(dataset) => *unshown.borrow_mut() = Some(dataset),
                        Err(detail) => {
                            *stopped.borrow_mut() = true;
                            if sources {
                                failed.set(Some(detail));
                            }
                        }
                    },
                );
            },
        );
    }
    // Whether the next URL write adds a history entry (a navigation step) or replaces the entry.
    let new_entry = use_mut_ref(|| false);
    // What the user has asked for and is not drawn yet (`on_action`), and whether any of the
    // choices in it was a navigation step.
    let asked = use_mut_ref(|| None::<(Selection, bool)>);
    {
        let new_entry = new_entry.clone();
        use_effect_with((*selection).clone(), move |s| {
            if let Some(s) = s {
                web::write_query(s.to_query_string(), s.lang, new_entry.replace(false));
            }
        });
    }
    // Only when the language itself changes (not on every search keystroke).
    use_effect_with(selection.as_ref().map(|s| s.lang), |lang| {
        if let Some(lang) = lang {
            web::set_document_lang(*lang);
        }
    });
    // The data on screen, as of this render, for the app's listener and the callbacks it hands
    // down, which are made once for the app's life and read it when called: yew compares
    // callbacks by identity, so callbacks made anew on each render drew the view again each
    // time the app rendered (a file read ahead, the service worker settling, the user's files
    // read). The selection they read from its state handles, which give the newest one.
    let on_screen_data = use_mut_ref(|| None::<SharedDataset>);
    *on_screen_data.borrow_mut() = (*shown).clone();
    {
        // Back and forward: read the selection from the URL again, without a new entry.
        let (selection, pending) = (selection.clone(), pending.clone());
        let (load, unshown, asked) = (load.clone(), unshown.clone(), asked.clone());
        let data = on_screen_data.clone();
        use_effect_with((), move |_| {
            web::on_history_change(move |address| {
                // Not borrowed while committing: that renders, which writes `data`.
                let shown = data.borrow().clone();
                if let Some(data) = shown {
                    asked.borrow_mut().take();
                    let next = Selection::from_address(&address, &data.0, web::preferred_lang());
                    let newest = show_unshown(&unshown, &load);
                    commit(&newest.unwrap_or(data).0, next, &selection, &pending);
                }
            });
        });
    }
    let on_action = {
        let (selection, pending) = (selection.clone(), pending.clone());
        let (load, unshown) = (load.clone(), unshown.clone());
        let (new_entry, asked) = (new_entry.clone(), asked.clone());
        let data = on_screen_data.clone();
        use_callback((), move |action: Action, _| {
            // Actions build on what the user last asked for, drawn yet or not.
            let latest = asked.borrow().clone();
            let drawn = || {
                pending
                    .as_ref()
                    .or(selection.as_ref())
                    .map(|s| (s.clone(), false))
            };
            let shown = data.borrow().clone();
            let Some((data, (current, navigation))) = shown.zip(latest.or_else(drawn)) else {
                return;
            };
            // A key typed in a search box is drawn at once: a view drawn again meanwhile (data
            // arriving) would set the box back to the text drawn last, losing the key. So is a
            // province picked from a box's suggestions: the comparison's browser test, picking
            // three in a row, failed once on a loaded machine with picks drawn later (it passed
            // alone, under a 6× slower CPU, with slow files and with a busy machine; cause not
            // found), and a pick's own answer is the view's change anyway (a chip, a profile).
            // A search cleared (Escape, or its last letter deleted) is not: it brings back the
            // whole table and chart, drawn after the paint that shows the box emptied, as any
            // other choice (no key builds on it: one typed meanwhile is drawn at once, then
            // this draws nothing).
            let at_once = match &action {
                Action::SetSearch(text) | Action::SetUnitSearch(text) => !text.is_empty(),
                Action::ToggleProvince(_)
                | Action::OpenProfile(_)
                | Action::OpenInside(_)
                | Action::OpenBrief(_) => true,
                _ => false,
            };
            let next = current.apply(&data.0, action);
            let navigation = navigation || current.is_navigation(&next);
            let waiting = asked.replace(Some((next, navigation))).is_some();
            let (selection, pending) = (selection.clone(), pending.clone());
            let (load, unshown) = (load.clone(), unshown.clone());
            let (asked, new_entry) = (asked.clone(), new_entry.clone());
            let draw = move || {
                // Nothing if drawn already, or if the address changed meanwhile (back, forward).
                let Some((next, navigation)) = asked.borrow_mut().take() else {
                    return;
                };
                *new_entry.borrow_mut() = navigation;
                // The next view is drawn with the data read ahead meanwhile, which it may need.
                let newest = show_unshown(&unshown, &load);
                commit(&newest.unwrap_or(data).0, next, &selection, &pending);
            };
            if at_once {
                draw();
            } else if !waiting {
                // Any other choice is drawn after the paint that follows it, which shows the
                // control's own answer at once (the choice in a list, the button pressed)
                // instead of holding it until the whole view is drawn; choices that come
                // meanwhile are drawn together.
                wasm_bindgen_futures::spawn_local(async move {
                    web::after_input_painted().await;
                    draw();
                });
            }
        })
    };
    let on_lang = use_callback(on_action.clone(), |lang, on_action| {
        web::remember_lang(lang);
        on_action.emit(Action::SetLang(lang));
    });
    // The page as built shows the first view (ui::built_pages::prerender) until the app has its own, or its
    // load error, on screen: then the app takes its place in the same frame.
    let on_screen = matches!(*load, Load::Failed(_)) || (ready.is_some() && selection.is_some());
    // A search typed into the built page's box before then is searched (on the rankings, which
    // that page shows), not dropped.
    let rankings = selection.as_ref().is_some_and(|s| s.view == View::Rankings);
    let search = on_action.reform(Action::SetSearch);
    // The whole app loaded by the small one does not replace it with a load error: the small
    // app says what failed and goes on.
    let failed = match &*load {
        Load::Failed(LoadFailure::Fetch { url, detail } | LoadFailure::Parse { url, detail }) => {
            Some(format!("{url}: {detail}"))
        }
        _ => None,
    };
    use_effect_with(on_screen, move |on_screen| {
        if !*on_screen {
            return;
        }
        if let Some(detail) = failed.filter(|_| web::another_app_runs()) {
            web::give_up(&detail);
        } else if let Some(typed) = web::take_over() {
            if rankings {
                search.emit(typed);
            }
        }
    });
    let lang = selection
        .as_ref()
        .map(|s| s.lang)
        .unwrap_or_else(web::preferred_lang);
    let body = match (&*load, &*selection) {
        // Until its view or its load error is ready, the app draws nothing: its container is
        // not in the page until then, the page as built on screen (`web::take_over`).
        (Load::Loading, _) | (Load::Ready(_), None) => return Html::default(),
        (Load::Failed(failure), _) => load_error(lang, failure),
        (Load::Ready(bundled), Some(s)) => {
            let data = (*shown).clone().unwrap_or_else(|| bundled.clone());
            let (selection, on_action) = (s.clone(), on_action.clone());
            let status = if pending.is_some() {
                html! { <p class="notice" role="status" id="part-loading"><span class="spinner" aria-hidden="true"></span>{lang.t(Text::PartLoading)}</p> }
            } else if let Some(detail) = &*part_failed {
                html! { <p class="notice notice-error" role="alert" id="part-failed">{lang.t(Text::PartFailed)}{" ("}{detail}{")"}</p> }
            } else if let Some(detail) = &user.merge_failed {
                html! { <p class="notice notice-error" role="alert" id="merge-failed">{lang.t(Text::MergeFailed)}{" ("}{detail}{")"}</p> }
            } else {
                html! {}
            };
            html! {
                <>
                    if !s.embed {
                        <ViewTabs lang={lang} view={s.view} on_action={on_action.clone()} />
                    }
                    {status}
                    { props.views.emit(ViewProps {
                        data,
                        selection,
                        on_action,
                        files: user.files.clone(),
                        on_file: user.on_file.clone(),
                        on_remove: user.on_remove.clone(),
                        on_mapping: user.on_mapping.clone(),
                        view_key: failures.borrow().to_string(),
                        read_ahead: *read_ahead,
                    }) }
                </>
            }
        }
    };
    // `?embed`: the view alone, to be framed by another site.
    match selection.as_ref().filter(|s| s.embed) {
        Some(s) => embed_frame(s, body),
        None => {
            let page = match (&*shown, &*selection) {
                (Some(data), Some(s)) => page_of(s, &data.0),
                _ => String::new(),
            };
            html! {
                <PageFrame lang={lang} on_lang={on_lang} selection={(*selection).clone()} {page}>{body}</PageFrame>
            }
        }
    }
}
