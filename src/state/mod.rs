//! App state: small `Copy` structs of signals with domain methods, provided through
//! context. The only callers of storage.

pub mod breathing;
pub mod circles;
pub mod data;
pub mod demo;
pub mod drawing;
pub mod family;
pub mod plan;
pub mod records;
pub mod settings;
pub mod talk;

pub use breathing::BreathState;
pub use data::DataState;
pub use settings::{SaveStatus, SettingsState};

use crate::storage::{SharedStore, StorageError};
use leptos::prelude::*;

/// Why browser storage could not be opened, if it could not: the shell shows a calm
/// banner, and everything works in memory.
#[derive(Clone, Debug, PartialEq)]
pub struct StorageHealth(pub Option<StorageError>);

/// The one store every provider uses. Browser storage is not `Send`, so the handle lives
/// in the local arena and this wrapper is `Copy`.
#[derive(Clone, Copy)]
pub struct Store(StoredValue<SharedStore, LocalStorage>);

impl Store {
    pub fn new(store: SharedStore) -> Store {
        Store(StoredValue::new_local(store))
    }

    pub fn with<R>(&self, f: impl FnOnce(&dyn crate::storage::KvStore) -> R) -> R {
        self.0.with_value(|s| f(&**s))
    }
}

thread_local! {
    static ASKED_TO_PERSIST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Called after anything the person explicitly saves: the first time, asks the browser
/// to keep Tend's data (`navigator.storage.persist()`).
pub fn ask_to_persist_once() {
    // Demo mode keeps nothing, so there is nothing to ask the browser to keep.
    if demo::is_on() {
        return;
    }
    if !ASKED_TO_PERSIST.replace(true) {
        leptos::task::spawn_local(async {
            crate::platform::storage_manager::persist().await;
        });
    }
}
