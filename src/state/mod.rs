//! App state: small `Copy` structs of signals with domain methods, provided through
//! context. The only callers of storage.

pub mod data;
pub mod settings;

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
