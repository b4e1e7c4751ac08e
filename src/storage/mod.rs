//! The only code that touches browser storage. Everything is stored as one key per record
//! (`tend.<kind>.<id>`) or one small settings key, each value a versioned envelope.

pub mod browser;
pub mod data;
pub mod envelope;
pub mod error;
pub mod kv;

pub use envelope::{Loaded, Record};
pub use error::StorageError;
pub use kv::{KvStore, MemoryStore};

use std::rc::Rc;

/// A store shared by the state providers. `Rc` because browser storage is single-threaded.
pub type SharedStore = Rc<dyn KvStore>;

/// Every key Tend writes starts with this, so "delete everything" and export can find them
/// without touching anything else on the origin.
pub const PREFIX: &str = "tend.";

pub const SETTINGS_KEY: &str = "tend.settings";

/// Where an unreadable value is set aside before its key is written again, so a record
/// that could not be read is never lost.
pub fn kept_key(key: &str) -> String {
    format!("{PREFIX}kept.{}", key.trim_start_matches(PREFIX))
}

/// Opens browser storage, or an in-memory store with the reason browser storage could not
/// be used (blocked in a private window, disabled by a managed device, …).
pub fn open() -> (SharedStore, Option<StorageError>) {
    match browser::BrowserStore::open() {
        Ok(store) => (Rc::new(store), None),
        Err(e) => (Rc::new(MemoryStore::default()), Some(e)),
    }
}
