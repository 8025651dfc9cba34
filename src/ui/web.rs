//! Browser glue (wasm only): start-up, panic reporting, fetching, URL and language, clipboard,
//! share sheet and dialogues.

use crate::i18n::Lang;
use crate::ui::built_pages::paths::in_lang;
use crate::ui::components::app::{App, AppProps, ViewProps};
use crate::ui::components::worker_document::Built;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The wasm entry point of either build of the page's app (`ui::components::views`): report
/// panics on the page, then mount the app drawing `views` in a container of its own, which goes
/// into `#app` in place of the page as built (the first view, see `ui::built_pages::prerender`)
/// or of the page's small app when this one takes over (`take_over`).
pub fn start(views: yew::Callback<ViewProps, yew::Html>) {
    std::panic::set_hook(Box::new(|info| show_panic(&info.to_string())));
    let document = document();
    let root = document
        .get_element_by_id("app")
        .expect("index.html has #app");
    // A brief built ahead (`tinh/son-la/bao-cao/`), kept for the brief view to show until its
    // worker has written the same (`BriefViewProps::built`): the page as built goes at the
    // take-over.
    let built = root
        .query_selector(".brief-doc[data-brief]")
        .ok()
        .flatten()
        .and_then(|doc| {
            let key = doc.get_attribute("data-brief")?;
            // Its links to its own notes as the app writes them (`#brief-note-1`, kept on the
            // page by `keep_in_page_links`), not as the build did for the page without the app.
            let page = relative_path();
            let page = page.strip_suffix("index.html").unwrap_or(&page);
            let html = doc
                .inner_html()
                .replace(&format!("href=\"{page}#"), "href=\"#");
            Some((
                key.into(),
                std::rc::Rc::new(Built {
                    html,
                    ..Built::default()
                }),
            ))
        });
    BUILT_BRIEF.with(|b| *b.borrow_mut() = built);
    // Outside the page until the take-over: what the app draws meanwhile asks the browser for
    // no style work, and the page as built stays as it is.
    let live = document.create_element("div").expect("a div can be made");
    LIVE.with(|l| *l.borrow_mut() = Some(live.clone()));
    keep_in_page_links(&document);
    let app = yew::Renderer::<App>::with_root_and_props(live, AppProps { views }).render();
    RUNNING.with(|r| *r.borrow_mut() = Some(app));
    stop_when_replaced();
}

thread_local! {
    /// This app's own container (`start`), inside `#app` and `data-live` once it has taken over.
    static LIVE: std::cell::RefCell<Option<web_sys::Element>> = const { std::cell::RefCell::new(None) };
    /// This app while it runs: the page's small app stops when the whole app takes its place.
    static RUNNING: std::cell::RefCell<Option<yew::AppHandle<App>>> = const { std::cell::RefCell::new(None) };
    /// The brief the page was built with, if any, and what names it (`start`).
    static BUILT_BRIEF: std::cell::RefCell<Option<(yew::AttrValue, std::rc::Rc<Built>)>> = const { std::cell::RefCell::new(None) };
}

/// The text of `html`, parsed in a template (inert: nothing runs, loads or is laid out).
pub fn text_of_html(html: &str) -> Option<String> {
    let template = document().create_element("template").ok()?;
    template.set_inner_html(html);
    template
        .dyn_into::<web_sys::HtmlTemplateElement>()
        .ok()?
        .content()
        .text_content()
}

/// The brief the page was built with (`tinh/son-la/bao-cao/`), and what names it
/// (`brief_view::brief_key`).
pub fn built_brief() -> Option<(yew::AttrValue, std::rc::Rc<Built>)> {
    BUILT_BRIEF.with(|b| b.borrow().clone())
}

/// Sent by the app that has just taken over the page (`take_over`).
const TOOK_OVER: &str = "chiso-took-over";

/// Whether this app still runs: listeners that outlive it (history, clicks) ask first.
fn running() -> bool {
    RUNNING.with(|r| r.borrow().is_some())
}

/// Stops this app when another takes the page over from it (the whole app loaded by the
/// page's small one, `load_all_views`): its container is then gone from the page.
fn stop_when_replaced() {
    let on_took_over = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
        let replaced = LIVE.with(|l| l.borrow().as_ref().is_some_and(|live| !live.is_connected()));
        if replaced {
            if let Some(app) = RUNNING.with(|r| r.borrow_mut().take()) {
                app.destroy();
            }
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .add_event_listener_with_callback(TOOK_OVER, on_took_over.as_ref().unchecked_ref());
    }
    // As long as the page.
    on_took_over.forget();
}

/// Sent by the whole app when it cannot show its view in place of the small app that loaded
/// it (`give_up`), which then says why; the reason is kept on `#app` in this attribute.
const GAVE_UP: &str = "chiso-gave-up";
const GAVE_UP_ATTRIBUTE: &str = "data-gave-up";

/// Whether another app is on the page (the small app that loaded this one).
pub fn another_app_runs() -> bool {
    let mine = LIVE.with(|l| l.borrow().clone());
    document()
        .query_selector("#app > [data-live]")
        .ok()
        .flatten()
        .is_some_and(|live| mine.is_none_or(|mine| !live.is_same_node(Some(&mine))))
}

/// Leaves the page to the app already there, saying why this one could not take over: its
/// container goes and it stops.
pub fn give_up(detail: &str) {
    let document = document();
    if let Some(root) = document.get_element_by_id("app") {
        let _ = root.set_attribute(GAVE_UP_ATTRIBUTE, detail);
    }
    if let Some(live) = LIVE.with(|l| l.borrow_mut().take()) {
        live.remove();
    }
    if let Ok(event) = web_sys::Event::new(GAVE_UP) {
        let _ = web_sys::window().map(|w| w.dispatch_event(&event));
    }
    // After this render: the app cannot be destroyed from within its own.
    wasm_bindgen_futures::spawn_local(async {
        if let Some(app) = RUNNING.with(|r| r.borrow_mut().take()) {
            app.destroy();
        }
    });
}

/// Loads and starts the whole app (bin `all_views`), which takes the page over from this one
/// once its view is on screen. The page's loader (Trunk.toml) names its files. Answers why it
/// could not: its files could not be fetched, or it could not load its data (`give_up`).
pub async fn load_all_views() -> Result<(), String> {
    // After the paint that writes the address this app was asked for: the whole app reads it.
    after_paint().await;
    if let Some(detail) = document()
        .get_element_by_id("app")
        .and_then(|root| root.get_attribute(GAVE_UP_ATTRIBUTE))
    {
        return Err(detail);
    }
    let window = web_sys::window().ok_or("no window")?;
    let load = js_sys::Reflect::get(&window, &"chisoAllViews".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("the page has no loader for the other views")?;
    let started = load.call0(&window).map_err(|e| format!("{e:?}"))?;
    let started: js_sys::Promise = started.dyn_into().map_err(|e| format!("{e:?}"))?;
    JsFuture::from(started).await.map_err(|e| {
        js_sys::Reflect::get(&e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| format!("{e:?}"))
    })?;
    // Started: it takes over (and this app stops) or gives up.
    let gave_up = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.add_event_listener_with_callback(GAVE_UP, &resolve);
    });
    let _ = JsFuture::from(gave_up).await;
    Err(document()
        .get_element_by_id("app")
        .and_then(|root| root.get_attribute(GAVE_UP_ATTRIBUTE))
        .unwrap_or_default())
}

/// On a page built ahead (`ui::built_pages::pages`), whose `<base>` names the app's root, a link within the
/// page (`#source-3`, a reload's `""`) would resolve against the root and leave the page: its
/// clicks act on this page instead (its fragment set, or reloaded), the address keeping its path.
fn keep_in_page_links(document: &web_sys::Document) {
    if document.query_selector("base").ok().flatten().is_none() {
        return;
    }
    let on_click =
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
            // Only the app on screen (not the whole app loading hidden, nor a stopped one).
            if !running()
                || !LIVE.with(|l| {
                    l.borrow()
                        .as_ref()
                        .is_some_and(|live| live.has_attribute("data-live"))
                })
            {
                return;
            }
            let Some(link) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("a[href]").ok().flatten())
            else {
                return;
            };
            let href = link.get_attribute("href").unwrap_or_default();
            let Some(location) = web_sys::window().map(|w| w.location()) else {
                return;
            };
            if href.is_empty() {
                event.prevent_default();
                let _ = location.reload();
            } else if let Some(fragment) = href.strip_prefix('#') {
                event.prevent_default();
                let _ = location.set_hash(fragment);
            }
        });
    let _ = document.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    // As long as the page.
    on_click.forget();
}

/// Shows the app in place of the page as built (or of the page's small app, which then stops),
/// in one step (one frame): the app's container becomes all that `#app` shows, and after the
/// paint all it holds, marked `data-live`. Focus on an element of what was there moves to the
/// app's element with the same id. Only the first call acts.
/// Answers what the visitor had typed into the built page's search box meanwhile (which did
/// nothing until now), so that the app can search it instead of dropping it.
pub fn take_over() -> Option<String> {
    let document = document();
    let (Some(root), Some(live)) = (
        document.get_element_by_id("app"),
        LIVE.with(|l| l.borrow().clone()),
    ) else {
        return None;
    };
    if live.is_connected() {
        return None;
    }
    let focused = document
        .active_element()
        .filter(|e| root.contains(Some(e)))
        .map(|e| e.id())
        .filter(|id| !id.is_empty());
    // The app's container is not in the page yet: this box is the page's as it is (as built, or
    // the small app's).
    let typed = root
        .query_selector("#search")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|b| b.value())
        .filter(|v| !v.is_empty());
    // What was there goes in two steps. Now it is hidden (`#app > [hidden]` in the stylesheet)
    // and the app's container put before it, so that the ids found are the app's. After the
    // paint it is removed, when the browser has no boxes left to take down for it: removed at
    // once, its thousand elements made the take-over's task long (in Lighthouse's trace, which
    // records every invalidation). The app is marked `data-live` and says so then.
    let nodes = root.child_nodes();
    let old: Vec<web_sys::Node> = (0..nodes.length()).filter_map(|i| nodes.item(i)).collect();
    for element in old.iter().filter_map(|n| n.dyn_ref::<web_sys::Element>()) {
        let _ = element.set_attribute("hidden", "");
    }
    let _ = root.prepend_with_node_1(&live);
    if let Some(element) = focused
        .and_then(|id| document.get_element_by_id(&id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
    wasm_bindgen_futures::spawn_local(async move {
        after_paint().await;
        for node in old {
            let _ = root.remove_child(&node);
        }
        let _ = live.set_attribute("data-live", "");
        if let Ok(event) = web_sys::Event::new(TOOK_OVER) {
            let _ = web_sys::window().map(|w| w.dispatch_event(&event));
        }
    });
    typed
}

/// Caches the app and its data so that it works offline after the first visit. `sw.js` sits
/// beside index.html, so this also works under a sub-path; over file:// there is none. Called
/// once the data is on screen, so that its caching does not compete with the first load.
/// Resolves when the worker has cached everything and controls the page (or at once where there
/// is none), so that files fetched afterwards come from its cache instead of being downloaded
/// twice.
pub async fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let secure = matches!(
        window.location().protocol().as_deref(),
        Ok("http:") | Ok("https:")
    );
    let supported =
        js_sys::Reflect::has(&window.navigator(), &"serviceWorker".into()).unwrap_or(false);
    if !(secure && supported) {
        return;
    }
    let workers = window.navigator().service_worker();
    // `ready` never resolves when registering failed, hence the order.
    if JsFuture::from(workers.register("sw.js")).await.is_ok() {
        if let Ok(ready) = workers.ready() {
            let _ = JsFuture::from(ready).await;
        }
        // `ready` resolves once the worker is active, which can be before its activate handler
        // has claimed this page: files read before then would bypass its cache and be
        // downloaded twice. A page loaded with a forced reload is never controlled, hence the
        // time limit.
        let controlled = js_sys::Reflect::get(&workers, &"controller".into())
            .is_ok_and(|c| !c.is_null() && !c.is_undefined());
        if !controlled {
            let claimed = js_sys::Promise::new(&mut |resolve, _| {
                // The resolve function itself listens: a later call is harmless.
                let _ = workers.add_event_listener_with_callback("controllerchange", &resolve);
                let _ =
                    window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 3000);
            });
            let _ = JsFuture::from(claimed).await;
        }
    }
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("running in a browser page")
}

/// Writes the panic into the page's `#panic` panel (as text), so it is never a blank page.
fn show_panic(message: &str) {
    web_sys::console::error_1(&message.into());
    if let Some(panel) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("panic"))
    {
        panel.set_text_content(Some(&format!(
            "Lỗi chương trình / Program error: {message}"
        )));
        let _ = panel.remove_attribute("hidden");
    }
}

/// GETs a URL as text, from the page or from a worker; the error says what failed (network,
/// or HTTP status).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    text_of(request(url)).await
}

/// Starts a GET of `url`, from the page or from a worker, to be read by `text_of`: several
/// files asked for at once travel together instead of one round trip after another.
pub fn request(url: &str) -> js_sys::Promise {
    let request = match web_sys::window() {
        Some(window) => window.fetch_with_str(url),
        None => js_sys::global()
            .unchecked_into::<web_sys::WorkerGlobalScope>()
            .fetch_with_str(url),
    };
    // Its failure is `text_of`'s to report; a request never read (a file before it failed) is
    // not an unhandled rejection.
    IGNORE.with(|ignore| {
        let _ = request.catch(ignore);
    });
    request
}

thread_local! {
    /// A rejection handler that does nothing (`request`).
    static IGNORE: wasm_bindgen::closure::Closure<dyn FnMut(wasm_bindgen::JsValue)> =
        wasm_bindgen::closure::Closure::new(|_| {});
}

/// The text of a `request`; the error says what failed (network, or HTTP status).
pub async fn text_of(request: js_sys::Promise) -> Result<String, String> {
    let response = JsFuture::from(request)
        .await
        .map_err(|e| format!("{e:?}"))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!(
            "HTTP {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let text = JsFuture::from(response.text().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?;
    text.as_string()
        .ok_or_else(|| "response is not text".to_string())
}

/// The page's address relative to the app's root, with its query: `tinh/son-la/?lang=en` on a
/// page built ahead (whose `<base>` names the root), `?view=…` on the root itself.
pub fn location_address() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    format!(
        "{}{}",
        relative_path(),
        location.search().unwrap_or_default()
    )
}

/// The page's path relative to the app's root: `tinh/son-la/`, `en/`, "" on the root.
fn relative_path() -> String {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    path.strip_prefix(&root_path()).unwrap_or("").to_string()
}

/// The path of the app's root (`/chiso/`): the folder of the document's base, which a page
/// built ahead names with its `<base>`.
fn root_path() -> String {
    document()
        .base_uri()
        .ok()
        .flatten()
        .and_then(|base| web_sys::Url::new(&base).ok())
        .map(|base| base.pathname())
        .map(|base| base[..base.rfind('/').map_or(0, |i| i + 1)].to_string())
        .unwrap_or_default()
}

/// Calls `then` once, when the visitor starts using the page: the pointer comes over it (a
/// touch, on a phone), the focus enters it or a key is pressed.
pub fn on_first_use(then: impl FnOnce() + 'static) {
    let then = std::cell::Cell::new(Some(then));
    let on_use = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if let Some(then) = then.take() {
            then();
        }
    });
    if let Some(window) = web_sys::window() {
        for event in ["pointerover", "focusin", "keydown"] {
            let _ = window.add_event_listener_with_callback(event, on_use.as_ref().unchecked_ref());
        }
    }
    // As long as the page (it does nothing after the first call).
    on_use.forget();
}

/// Resolves once the browser has painted the next frame, so that work which can wait (the
/// address bar, fetching data ahead of need) does not delay what the user sees.
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        // An animation frame runs just before the paint; a task queued from it runs after.
        let after_frame = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(resolve.unchecked_ref());
            }
        });
        let _ = window.request_animation_frame(after_frame.unchecked_ref());
    });
    let _ = JsFuture::from(promise).await;
}

/// Scrolls `element` fully into view within its scrolling box, the page moving only if the
/// element is outside it.
pub fn scroll_into_view(element: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// After the paint that shows what an input did to its own control (`after_paint`), or at
/// once in a tab not shown, which does not paint.
pub async fn after_input_painted() {
    if !document().hidden() {
        after_paint().await;
    } else {
        sleep(0).await;
    }
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

thread_local! {
    /// The query waiting to be written, and whether it makes a new history entry.
    static QUERY_TO_WRITE: std::cell::RefCell<Option<(String, Lang, bool)>> = const { std::cell::RefCell::new(None) };
}

/// Puts the selection in the address bar after the next paint (a history call takes Chromium
/// a few milliseconds, a third of an interaction's budget): a new history entry for a
/// navigation step (so the back button undoes it), otherwise the current entry is replaced.
/// Changes within one frame (fast typing) are written once.
pub fn write_query(query: String, lang: Lang, new_entry: bool) {
    let first = QUERY_TO_WRITE.with(|slot| {
        let mut slot = slot.borrow_mut();
        let new_entry = new_entry || slot.as_ref().is_some_and(|(_, _, new)| *new);
        slot.replace((query, lang, new_entry)).is_none()
    });
    if first {
        wasm_bindgen_futures::spawn_local(async {
            after_paint().await;
            if let Some((query, lang, new_entry)) =
                QUERY_TO_WRITE.with(|slot| slot.borrow_mut().take())
            {
                if running() {
                    set_address(&query, lang, new_entry);
                }
            }
        });
    }
}

/// Writes the address: a navigation step goes to the app's root with its query, so that an
/// address never names a page built ahead (`tinh/son-la/`, whose preview names Sơn La) while
/// showing another view; any other change keeps the path. On a page built ahead (its `<base>`
/// names the root, whatever the address) the path is the one in `lang`
/// (`ui::built_pages::paths::in_lang`): the language switch moves between `tinh/son-la/` and
/// `en/tinh/son-la/`, and a navigation step in English goes to `en/`. The root itself has no
/// `<base>`: its addresses resolve against its own folder, which must stay the address's, so
/// there English stays `?lang=en`.
fn set_address(query: &str, lang: Lang, new_entry: bool) {
    if let Some(window) = web_sys::window() {
        let built_ahead = document().query_selector("base").ok().flatten().is_some();
        let path = match (built_ahead, new_entry) {
            (true, true) => format!("{}{}", root_path(), in_lang(lang, "")),
            (true, false) => format!("{}{}", root_path(), in_lang(lang, &relative_path())),
            (false, true) => root_path(),
            (false, false) => window.location().pathname().unwrap_or_default(),
        };
        let url = format!("{path}?{query}");
        if let Ok(history) = window.history() {
            let _ = if new_entry {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
        }
    }
}

/// Calls `f` with the new address (`location_address`) whenever the user goes back or forward.
pub fn on_history_change(f: impl Fn(String) + 'static) {
    let closure = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if running() {
            f(location_address())
        }
    });
    if let Some(window) = web_sys::window() {
        let _ =
            window.add_event_listener_with_callback("popstate", closure.as_ref().unchecked_ref());
    }
    // The app lives as long as the page, and so does its listener.
    closure.forget();
}

/// The page's local storage (kept across reloads, per origin); `None` where it is disabled.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Keeps a value across reloads; false when the browser refuses (quota exceeded, disabled).
pub fn store(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn stored(key: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(key).ok().flatten())
}

pub fn forget(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Where the language the reader chose with the switch is remembered between visits; the
/// page's first script (index.html) reads it too, to open the page in that language.
const LANG_KEY: &str = "chiso.lang";

/// The language the reader chose with the switch on an earlier visit; otherwise the page's own
/// (its `lang`: Vietnamese, or English for a page under `en/`). Not the browser's: a page's
/// address says its language, so what is drawn first (the page as built) is what stays, and
/// search engines find each page in its language.
pub fn preferred_lang() -> Lang {
    stored(LANG_KEY)
        .or_else(|| document().document_element()?.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(Lang::Vi)
}

/// Remembers the language the reader chose with the switch (`preferred_lang`).
pub fn remember_lang(lang: Lang) {
    store(LANG_KEY, lang.code());
}

/// Sets the page's language (for screen readers and hyphenation), unless it is already that:
/// setting it again, as the app's first view does on a page built in its language, makes the
/// browser check every element's style again at the take-over.
pub fn set_document_lang(lang: Lang) {
    if let Some(html) = document().document_element() {
        if html.get_attribute("lang").as_deref() != Some(lang.code()) {
            let _ = html.set_attribute("lang", lang.code());
        }
    }
}

fn blob(body: &str, mime: &str) -> Option<web_sys::Blob> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&body.into()), &options)
        .ok()
}

fn save_blob(name: &str, blob: &web_sys::Blob) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Saves text as a file through the browser's download.
pub fn download(name: &str, mime: &str, body: &str) {
    if let Some(b) = blob(body, mime) {
        save_blob(name, &b);
    }
}

/// Saves bytes (a `Uint8Array`) as a file through the browser's download.
pub fn download_bytes(name: &str, mime: &str, bytes: &wasm_bindgen::JsValue) {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(b) =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&js_sys::Array::of1(bytes), &options)
    {
        save_blob(name, &b);
    }
}

/// The first `<svg>` inside the element `container_id`, as a standalone SVG document.
pub fn svg_of(container_id: &str) -> Option<String> {
    let svg = document()
        .get_element_by_id(container_id)?
        .query_selector("svg")
        .ok()??;
    let svg: web_sys::Element = svg.clone_node_with_deep(true).ok()?.unchecked_into();
    let _ = svg.set_attribute("xmlns", "http://www.w3.org/2000/svg");
    // Charts drawn as DOM SVG size themselves by viewBox only; a file needs explicit sizes.
    if svg.get_attribute("width").is_none() {
        let view_box = svg.get_attribute("viewBox").unwrap_or_default();
        let size: Vec<&str> = view_box.split_whitespace().collect();
        if let [_, _, w, h] = size[..] {
            let _ = svg.set_attribute("width", w);
            let _ = svg.set_attribute("height", h);
        }
    }
    // HTML serialisation writes U+00A0 as `&nbsp;`, which XML (an .svg file, an image) does
    // not define; every other escape it writes is XML's own.
    Some(svg.outer_html().replace("&nbsp;", "\u{a0}"))
}

/// An SVG document drawn as PNG at twice its size, on white, with the SVG's own size.
async fn png_of(svg: &str) -> Option<(web_sys::Blob, u32, u32)> {
    let svg_blob = blob(svg, "image/svg+xml")?;
    let image = web_sys::HtmlImageElement::new().ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&svg_blob).ok()?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        image.set_onload(Some(&resolve));
        image.set_onerror(Some(&reject));
    });
    image.set_src(&url);
    let drawn = JsFuture::from(loaded).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    drawn.ok()?;
    let (w, h) = (image.natural_width(), image.natural_height());
    let canvas: web_sys::HtmlCanvasElement =
        document().create_element("canvas").ok()?.unchecked_into();
    canvas.set_width(w * 2);
    canvas.set_height(h * 2);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok()??.unchecked_into();
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, (w * 2) as f64, (h * 2) as f64);
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            (w * 2) as f64,
            (h * 2) as f64,
        )
        .ok()?;
    let png = JsFuture::from(js_sys::Promise::new(&mut |resolve, _| {
        let _ = canvas.to_blob(&resolve);
    }))
    .await
    .ok()?;
    Some((png.dyn_into().ok()?, w, h))
}

/// Renders an SVG document to a PNG at twice its size, on white, and saves it.
pub fn download_png(name: &str, svg: &str) {
    let (name, svg) = (name.to_string(), svg.to_string());
    wasm_bindgen_futures::spawn_local(async move {
        if let Some((png, _, _)) = png_of(&svg).await {
            save_blob(&name, &png);
        }
    });
}

/// The charts on the page (the elements matching `selector`, each with an id and an `<svg>`)
/// drawn as PNG: `[[id, png bytes, width, height], …]`, the size being the SVG's own.
pub async fn charts_as_png(selector: &str) -> js_sys::Array {
    let out = js_sys::Array::new();
    let Ok(found) = document().query_selector_all(selector) else {
        return out;
    };
    for i in 0..found.length() {
        let Some(id) = found
            .item(i)
            .and_then(|e| e.dyn_into::<web_sys::Element>().ok())
            .map(|e| e.id())
        else {
            continue;
        };
        let Some((png, w, h)) = (match svg_of(&id) {
            Some(svg) => png_of(&svg).await,
            None => None,
        }) else {
            continue;
        };
        if let Ok(bytes) = JsFuture::from(png.array_buffer()).await {
            out.push(&js_sys::Array::of4(
                &id.into(),
                &bytes,
                &w.into(),
                &h.into(),
            ));
        }
    }
    out
}

/// A web worker of the app's own (a `*_loader.js` that Trunk's worker build is loaded by);
/// dropping the job stops the worker.
pub struct WorkerJob {
    worker: web_sys::Worker,
    /// The messages to send once the worker listens (a message sent before would find no
    /// handler): the first one, then any posted meanwhile; `None` once it listens.
    waiting: std::rc::Rc<std::cell::RefCell<Option<Vec<wasm_bindgen::JsValue>>>>,
    _on_message: wasm_bindgen::closure::Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_error: wasm_bindgen::closure::Closure<dyn Fn(web_sys::Event)>,
}

impl WorkerJob {
    /// Starts the worker at `loader` and sends it `first` once it says it is listening;
    /// `on_reply` gets each of its other messages, `on_failure` says why it could not load.
    pub fn start(
        loader: &str,
        first: wasm_bindgen::JsValue,
        on_reply: impl Fn(wasm_bindgen::JsValue) + 'static,
        on_failure: impl Fn(String) + 'static,
    ) -> Result<WorkerJob, String> {
        use wasm_bindgen::closure::Closure;
        let worker = web_sys::Worker::new(loader).map_err(|e| format!("{e:?}"))?;
        let on_failure = std::rc::Rc::new(on_failure);
        let failure = on_failure.clone();
        let sender = worker.clone();
        let waiting = std::rc::Rc::new(std::cell::RefCell::new(Some(vec![first])));
        let queued = waiting.clone();
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let data = event.data();
                if data.as_string().as_deref()
                    == Some(crate::data::user_files::import::WORKER_READY)
                {
                    let messages = queued.borrow_mut().take().unwrap_or_default();
                    if let Some(e) = messages.iter().find_map(|m| sender.post_message(m).err()) {
                        failure(format!("{e:?}"));
                    }
                    return;
                }
                on_reply(data);
            });
        let loader = loader.to_string();
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            let detail = event
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .filter(|m| !m.is_empty());
            on_failure(detail.unwrap_or_else(|| format!("{loader} could not be loaded")));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(WorkerJob {
            worker,
            waiting,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Sends another message: now if the worker listens, else once it does.
    pub fn post(&self, message: &wasm_bindgen::JsValue) -> Result<(), String> {
        if let Some(queue) = self.waiting.borrow_mut().as_mut() {
            queue.push(message.clone());
            return Ok(());
        }
        self.worker
            .post_message(message)
            .map_err(|e| format!("{e:?}"))
    }
}

impl Drop for WorkerJob {
    fn drop(&mut self) {
        // Its handlers go first: a message already queued for the page would otherwise reach
        // a closure that is being dropped.
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// A worker that writes files (`ui::xlsx_worker`, `ui::docx_worker`), started on its first
/// download and kept for the next ones, with the downloads it is writing: their number, file
/// name and what to do if it fails.
struct WriterWorker {
    job: WorkerJob,
    pending: std::rc::Rc<std::cell::RefCell<Vec<WriteRequest>>>,
    next: u32,
}

type WriteRequest = (u32, String, std::rc::Rc<dyn Fn(String)>);

type WriterSlot = std::thread::LocalKey<std::cell::RefCell<Option<WriterWorker>>>;

/// A kind of file and the worker that writes it: its loader (which Trunk builds from
/// `src/bin/<kind>.rs`) and where the running one is kept.
struct Writer {
    kind: &'static str,
    mime: &'static str,
    loader: &'static str,
    slot: &'static WriterSlot,
}

thread_local! {
    static XLSX_WORKER: std::cell::RefCell<Option<WriterWorker>> = const { std::cell::RefCell::new(None) };
    static DOCX_WORKER: std::cell::RefCell<Option<WriterWorker>> = const { std::cell::RefCell::new(None) };
}

const XLSX: Writer = Writer {
    kind: "xlsx",
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    loader: "xlsx_loader.js",
    slot: &XLSX_WORKER,
};

const DOCX: Writer = Writer {
    kind: "docx",
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    loader: "docx_loader.js",
    slot: &DOCX_WORKER,
};

/// Has the xlsx worker write `table` (the JSON of a table or of a book of tables,
/// `render::table_export`) as a workbook and saves it as `name`; `on_failure` says why not (the worker did not load, or could not write it).
pub fn download_xlsx(name: &str, table: String, on_failure: impl Fn(String) + 'static) {
    write_file(XLSX, &[table.into()], name, on_failure);
}

/// Has the docx worker write `doc` (the JSON of a brief or an edition, `render::brief::doc`)
/// with its `charts` (as `charts_as_png` draws them) and saves it as `name`; `on_failure` says
/// why not.
pub fn download_docx(
    name: &str,
    doc: String,
    charts: wasm_bindgen::JsValue,
    on_failure: impl Fn(String) + 'static,
) {
    write_file(DOCX, &[doc.into(), charts], name, on_failure);
}

/// Sends `writer`'s worker `[kind, number, parts…]` and saves the file it answers with as
/// `name`.
fn write_file(
    writer: Writer,
    parts: &[wasm_bindgen::JsValue],
    name: &str,
    on_failure: impl Fn(String) + 'static,
) {
    let on_failure: std::rc::Rc<dyn Fn(String)> = std::rc::Rc::new(on_failure);
    let Writer {
        kind,
        mime,
        loader,
        slot,
    } = writer;
    slot.with(|x| {
        let mut x = x.borrow_mut();
        let number = x.as_ref().map_or(1, |w| w.next);
        let message = js_sys::Array::of2(&kind.into(), &number.into());
        for part in parts {
            message.push(part);
        }
        let message: wasm_bindgen::JsValue = message.into();
        let sent = match x.as_mut() {
            Some(w) => w.job.post(&message),
            None => {
                let pending = std::rc::Rc::new(std::cell::RefCell::new(Vec::<WriteRequest>::new()));
                let (answered, failed) = (pending.clone(), pending.clone());
                let on_reply = move |reply: wasm_bindgen::JsValue| {
                    let reply = js_sys::Array::from(&reply);
                    let number = reply.get(1).as_f64().unwrap_or(0.0) as u32;
                    let mut waiting = answered.borrow_mut();
                    // Number 0: the worker could not start, and every download fails.
                    let done: Vec<WriteRequest> = if number == 0 {
                        waiting.drain(..).collect()
                    } else {
                        waiting
                            .iter()
                            .position(|r| r.0 == number)
                            .map(|i| waiting.remove(i))
                            .into_iter()
                            .collect()
                    };
                    drop(waiting);
                    for (_, name, failure) in done {
                        if reply.get(0).as_string().as_deref() == Some(kind) {
                            download_bytes(&name, mime, &reply.get(2));
                        } else {
                            failure(reply.get(2).as_string().unwrap_or_default());
                        }
                    }
                    if number == 0 {
                        forget_writer(slot);
                    }
                };
                let on_error = move |why: String| {
                    let done: Vec<WriteRequest> = failed.borrow_mut().drain(..).collect();
                    for (_, _, failure) in done {
                        failure(why.clone());
                    }
                    forget_writer(slot);
                };
                WorkerJob::start(loader, message, on_reply, on_error).map(|job| {
                    *x = Some(WriterWorker {
                        job,
                        pending,
                        next: 1,
                    });
                })
            }
        };
        match (sent, x.as_mut()) {
            (Ok(()), Some(w)) => {
                w.pending
                    .borrow_mut()
                    .push((number, name.to_string(), on_failure));
                w.next += 1;
            }
            (Err(why), _) => on_failure(why),
            (Ok(()), None) => {}
        }
    });
}

/// Stops a worker that failed, once its handlers have returned: the next download starts anew.
fn forget_writer(slot: &'static WriterSlot) {
    wasm_bindgen_futures::spawn_local(async move {
        slot.with(|x| x.borrow_mut().take());
    });
}

/// The page's full address (for a download to say where it came from).
pub fn full_address() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Work for the import worker (`importer_loader.js`, which Trunk builds from
/// `src/bin/importer.rs`, see `ui::worker`): a file to read, or the user's index tables to
/// merge; dropping the job stops the worker.
pub struct ImportJob {
    /// The worker runs while the job lives.
    worker: WorkerJob,
}

/// The message asking the import worker to read a file (`ui::worker`).
fn read_message(
    name: &str,
    bytes: &[u8],
    asked: &crate::data::user_files::mapping_step::Asked,
) -> wasm_bindgen::JsValue {
    let file = js_sys::Array::of3(
        &crate::ui::worker::READ.into(),
        &name.into(),
        &js_sys::Uint8Array::from(bytes),
    );
    file.push(&asked.sheet.map_or(wasm_bindgen::JsValue::UNDEFINED, |s| {
        wasm_bindgen::JsValue::from(s as f64)
    }));
    for text in [&asked.choice, &asked.remembered, &asked.draft] {
        file.push(&text.as_deref().map_or(
            wasm_bindgen::JsValue::UNDEFINED,
            wasm_bindgen::JsValue::from,
        ));
    }
    file.into()
}

impl ImportJob {
    /// Sends the file to a new worker, with what `asked` adds (the sheet chosen in the mapping
    /// step, the choice confirmed there, the choices remembered, the step's choice with another
    /// index: `mapping_step::Asked`);
    /// `on_reply` gets each of its replies, `on_failure` says why the worker could not do its
    /// work (it did not load, or answered nonsense).
    pub fn start(
        name: &str,
        bytes: &[u8],
        asked: &crate::data::user_files::mapping_step::Asked,
        on_reply: impl Fn(crate::data::user_files::import::Reply) + 'static,
        on_failure: impl Fn(String) + 'static,
    ) -> Result<ImportJob, String> {
        let on_failure = std::rc::Rc::new(on_failure);
        let failure = on_failure.clone();
        let file = read_message(name, bytes, asked);
        let on_reply = move |data: wasm_bindgen::JsValue| {
            let text = data.as_string().unwrap_or_default();
            match crate::data::model::read_json(&text) {
                Ok(reply) => on_reply(reply),
                Err(_) => failure("the importer's answer could not be read".into()),
            }
        };
        WorkerJob::start("importer_loader.js", file, on_reply, move |e| on_failure(e))
            .map(|job| ImportJob { worker: job })
    }

    /// Asks the same worker again about its file (another sheet or index in the mapping step,
    /// or the choice confirmed there); its replies go where the first one's went, and the
    /// bundled data it loaded is not loaded again.
    pub fn ask(
        &self,
        name: &str,
        bytes: &[u8],
        asked: &crate::data::user_files::mapping_step::Asked,
    ) -> Result<(), String> {
        self.worker.post(&read_message(name, bytes, asked))
    }

    /// Has a new worker merge `tables` (their JSON) into the bundled data; `on_done` gets what
    /// they add, or why the worker could not do it.
    pub fn merge(
        tables: &str,
        on_done: impl Fn(Result<crate::data::user_files::merge::Additions, String>) + 'static,
    ) -> Result<ImportJob, String> {
        let on_done = std::rc::Rc::new(on_done);
        let failure = on_done.clone();
        let message = js_sys::Array::of2(&crate::ui::worker::MERGE.into(), &tables.into());
        let on_reply = move |data: wasm_bindgen::JsValue| {
            let answer = js_sys::Array::from(&data);
            let text = answer.get(1).as_string().unwrap_or_default();
            on_done(match answer.get(0).as_string().as_deref() {
                Some(crate::ui::worker::MERGE) => crate::data::model::read_json(&text)
                    .map_err(|_| "the importer's answer could not be read".into()),
                _ => Err(text),
            })
        };
        WorkerJob::start("importer_loader.js", message.into(), on_reply, move |e| {
            failure(Err(e))
        })
        .map(|job| ImportJob { worker: job })
    }
}

/// Starts writing `text` to the clipboard: `None` where there is no clipboard (outside a secure
/// page), otherwise the browser's promise, refused when it does not allow it.
fn start_copy(text: &str) -> Option<js_sys::Promise> {
    let clipboard = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined())?;
    let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()?
        .dyn_into()
        .ok()?;
    write.call1(&clipboard, &text.into()).ok()?.dyn_into().ok()
}

/// Puts `text` on the clipboard; `Ok(())` when it was written.
pub async fn copy_text(text: &str) -> Result<(), ()> {
    JsFuture::from(start_copy(text).ok_or(())?)
        .await
        .map(|_| ())
        .map_err(|_| ())
}

/// Copies `url` to the clipboard and, where the browser has a share sheet (phones), opens it
/// with `url` and `title`. Both start at once, while the page still has the focus and the
/// click's user activation (which the clipboard and the share sheet need). Answers whether the
/// address was copied, and the share sheet's outcome: `None` without one, otherwise `Ok` when
/// shared or the error's name (`AbortError`: the user closed it).
pub async fn share_address(url: &str, title: &str) -> (bool, Option<Result<(), String>>) {
    let copying = start_copy(url);
    let sharing = web_sys::window()
        .map(|w| w.navigator())
        .filter(|n| js_sys::Reflect::get(n, &"share".into()).is_ok_and(|f| f.is_function()));
    // Each promise is handled from the start (`JsFuture::from`): a share sheet closed while
    // the copy is still pending would otherwise be an unhandled rejection.
    let copying = copying.map(JsFuture::from);
    let sharing = sharing.map(|navigator| {
        let data = web_sys::ShareData::new();
        data.set_url(url);
        data.set_title(title);
        JsFuture::from(navigator.share_with_data(&data))
    });
    let copied = match copying {
        Some(copy) => copy.await.is_ok(),
        None => false,
    };
    let shared = match sharing {
        Some(share) => Some(share.await.map(|_| ()).map_err(|e| {
            js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_else(|| format!("{e:?}"))
        })),
        None => None,
    };
    (copied, shared)
}

/// The absolute address of this page with `query` as its query string (the address to share or
/// frame: under any sub-path, from whichever page the app was started).
pub fn address_with(query: &str) -> String {
    let Some(window) = web_sys::window() else {
        return format!("?{query}");
    };
    let here = window.location().href().unwrap_or_default();
    web_sys::Url::new_with_base(&format!("?{query}"), &here)
        .map(|u| u.href())
        .unwrap_or_else(|_| format!("?{query}"))
}

/// The absolute address of the page built ahead at `page` (relative to the app's root, e.g.
/// `tinh/son-la/`) with `query`, so that a shared address previews as that page; this page's
/// (`address_with`) when `page` is empty.
pub fn address_at(page: &str, query: &str) -> String {
    if page.is_empty() {
        return address_with(query);
    }
    // The root: the document's base (a page built ahead names it), else the document itself.
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let relative = format!("{page}?{query}");
    web_sys::Url::new_with_base(&relative, &base)
        .map(|u| u.href())
        .unwrap_or(relative)
}

/// Opens the `<dialog>` element as a modal dialogue (focus inside it, Escape closes it, the
/// page behind inert) and selects the text of its first text box, ready to copy.
pub fn show_modal(dialog: &web_sys::Element) {
    if let Some(dialog) = dialog.dyn_ref::<web_sys::HtmlDialogElement>() {
        let _ = dialog.show_modal();
    }
    if let Some(text) = dialog
        .query_selector("textarea")
        .ok()
        .flatten()
        .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        let _ = text.focus();
        text.select();
    }
}

pub fn close_dialog(dialog: &web_sys::Element) {
    if let Some(dialog) = dialog.dyn_ref::<web_sys::HtmlDialogElement>() {
        dialog.close();
    }
}

/// Opens the browser's print dialogue (the print stylesheet lays the page out for A4).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Today's date as ISO (2026-12-02), in the user's time zone.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}
