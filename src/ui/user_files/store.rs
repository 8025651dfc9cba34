//! The user's files, kept in the browser's IndexedDB as they were chosen (name and bytes), so
//! that they are read again by the import worker on the next visit. Local storage's 5 MB is too
//! small for real tables; IndexedDB holds as much as the browser grants the origin. Nothing
//! leaves the browser. (wasm only)

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

const DATABASE: &str = "chiso";
const VERSION: u32 = 1;
const FILES: &str = "files";

/// A kept file: its key in the store, its name and its bytes as chosen.
pub struct StoredFile {
    pub id: u32,
    pub name: String,
    pub bytes: Vec<u8>,
    /// The mapping confirmed for a file in a publisher's layout (JSON of
    /// `mapping_step::Choice`), so that it comes back without asking again.
    pub choice: Option<String>,
}

/// Why a file could not be kept.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// The browser's storage for this site is full (`QuotaExceededError`).
    Full,
    /// IndexedDB is missing or refused (private windows of some browsers), with its message.
    Unavailable(String),
}

fn failure(value: JsValue) -> StoreError {
    let name = Reflect::get(&value, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        return StoreError::Full;
    }
    let message = Reflect::get(&value, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .filter(|m| !m.is_empty());
    StoreError::Unavailable(message.unwrap_or(name))
}

/// Resolves with a request's result, or fails with its error. The handlers are set at once,
/// before the future is first polled, so that no event passes unseen.
fn settle(request: &IdbRequest) -> impl std::future::Future<Output = Result<JsValue, StoreError>> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        request.set_onsuccess(Some(
            Closure::once_into_js(move || {
                let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or_default());
            })
            .unchecked_ref(),
        ));
        let failed = request.clone();
        request.set_onerror(Some(
            Closure::once_into_js(move || {
                let error = failed.error().ok().flatten().map(JsValue::from);
                let _ = reject.call1(&JsValue::NULL, &error.unwrap_or_default());
            })
            .unchecked_ref(),
        ));
    });
    async move { JsFuture::from(promise).await.map_err(failure) }
}

/// Resolves when a transaction is committed; fails when it aborts (a full store aborts it).
/// Like `settle`, its handlers are set at once.
fn committed(
    transaction: &IdbTransaction,
) -> impl std::future::Future<Output = Result<(), StoreError>> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(
            Closure::once_into_js(move || {
                let _ = resolve.call0(&JsValue::NULL);
            })
            .unchecked_ref(),
        ));
        let failed = transaction.clone();
        let reject = Closure::once_into_js(move || {
            let error = failed.error().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error.unwrap_or_default());
        });
        transaction.set_onabort(Some(reject.unchecked_ref()));
    });
    async move { JsFuture::from(promise).await.map(drop).map_err(failure) }
}

async fn open() -> Result<IdbDatabase, StoreError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| StoreError::Unavailable("IndexedDB".into()))?;
    let request = factory.open_with_u32(DATABASE, VERSION).map_err(failure)?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move || {
        if let Ok(db) = upgrading.result().map(IdbDatabase::unchecked_from_js) {
            let options = web_sys::IdbObjectStoreParameters::new();
            options.set_key_path(&"id".into());
            options.set_auto_increment(true);
            let _ = db.create_object_store_with_optional_parameters(FILES, &options);
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    settle(&request).await.map(IdbDatabase::unchecked_from_js)
}

fn transaction(db: &IdbDatabase, mode: IdbTransactionMode) -> Result<IdbTransaction, StoreError> {
    db.transaction_with_str_and_mode(FILES, mode)
        .map_err(failure)
}

/// Keeps a file; its key, or why it could not be kept (what was kept before stays).
pub async fn keep(name: &str, bytes: &[u8], choice: Option<&str>) -> Result<u32, StoreError> {
    write(None, name, bytes, choice).await
}

/// Writes a kept file again under its key, with the choice confirmed for it (a file kept
/// before mappings existed).
pub async fn rewrite(id: u32, name: &str, bytes: &[u8], choice: &str) -> Result<u32, StoreError> {
    write(Some(id), name, bytes, Some(choice)).await
}

/// Adds a file, or puts it again under its key `id`.
async fn write(
    id: Option<u32>,
    name: &str,
    bytes: &[u8],
    choice: Option<&str>,
) -> Result<u32, StoreError> {
    let db = open().await?;
    let tx = transaction(&db, IdbTransactionMode::Readwrite)?;
    let record = Object::new();
    if let Some(id) = id {
        let _ = Reflect::set(&record, &"id".into(), &id.into());
    }
    let _ = Reflect::set(&record, &"name".into(), &name.into());
    let _ = Reflect::set(&record, &"bytes".into(), &Uint8Array::from(bytes));
    if let Some(choice) = choice {
        let _ = Reflect::set(&record, &"choice".into(), &choice.into());
    }
    let done = committed(&tx);
    let request = tx
        .object_store(FILES)
        .and_then(|store| store.put(&record))
        .map_err(failure)?;
    let key = settle(&request).await;
    // A full store may fail the request, or only abort the transaction when it commits.
    done.await?;
    Ok(key?.as_f64().unwrap_or_default() as u32)
}

/// Every kept file, oldest first.
pub async fn all() -> Result<Vec<StoredFile>, StoreError> {
    let db = open().await?;
    let tx = transaction(&db, IdbTransactionMode::Readonly)?;
    let request = tx
        .object_store(FILES)
        .and_then(|store| store.get_all())
        .map_err(failure)?;
    let records: js_sys::Array = settle(&request).await?.unchecked_into();
    Ok(records
        .iter()
        .filter_map(|record| {
            let field = |name: &str| Reflect::get(&record, &name.into()).ok();
            Some(StoredFile {
                id: field("id")?.as_f64()? as u32,
                name: field("name")?.as_string()?,
                bytes: field("bytes")?.dyn_into::<Uint8Array>().ok()?.to_vec(),
                choice: field("choice").and_then(|c| c.as_string()),
            })
        })
        .collect())
}

/// Forgets a kept file.
pub async fn remove(id: u32) -> Result<(), StoreError> {
    let db = open().await?;
    let tx = transaction(&db, IdbTransactionMode::Readwrite)?;
    let done = committed(&tx);
    tx.object_store(FILES)
        .and_then(|store| store.delete(&id.into()))
        .map_err(failure)?;
    done.await
}
