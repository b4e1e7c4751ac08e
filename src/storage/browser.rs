//! localStorage through gloo-storage, guarded: gloo's `LocalStorage::raw()` panics when
//! storage is blocked, so it is only reached after `window.localStorage` has been read
//! without throwing.

use super::{KvStore, StorageError};
use gloo_storage::Storage as _;
use wasm_bindgen::{JsCast, JsValue};

pub struct BrowserStore {
    raw: web_sys::Storage,
}

impl BrowserStore {
    /// Opens localStorage, or says why it cannot be used. Never panics.
    pub fn open() -> Result<BrowserStore, StorageError> {
        let window =
            web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(_)) => {}
            Ok(None) => return Err(StorageError::Unavailable("localStorage is missing".into())),
            Err(e) => return Err(to_error(e)),
        }
        let store = BrowserStore {
            raw: gloo_storage::LocalStorage::raw(),
        };
        // Some browsers hand out a storage object whose every call throws; find out now,
        // not on the first save. Reading is enough: a full store still reads.
        store.raw.length().map_err(to_error)?;
        Ok(store)
    }
}

/// Turns a thrown JS value into a typed error, reading DOMException names and codes.
pub fn to_error(e: JsValue) -> StorageError {
    if let Some(ex) = e.dyn_ref::<web_sys::DomException>() {
        return StorageError::from_dom_exception(&ex.name(), ex.code(), &ex.message());
    }
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        let name: String = err.name().into();
        let message: String = err.message().into();
        return StorageError::from_dom_exception(&name, 0, &message);
    }
    StorageError::Other(e.as_string().unwrap_or_else(|| "unknown error".to_owned()))
}

impl KvStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.raw.get_item(key).map_err(to_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.raw.set_item(key, value).map_err(to_error)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.raw.remove_item(key).map_err(to_error)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let len = self.raw.length().map_err(to_error)?;
        let mut keys = Vec::with_capacity(len as usize);
        for i in 0..len {
            if let Some(k) = self.raw.key(i).map_err(to_error)? {
                keys.push(k);
            }
        }
        Ok(keys)
    }

    fn is_persistent(&self) -> bool {
        true
    }
}
