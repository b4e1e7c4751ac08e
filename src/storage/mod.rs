//! The only code that touches browser storage. Everything is stored as one key per record
//! (`tend.<kind>.<id>`) or one small settings key, each value a versioned envelope.

pub mod browser;
pub mod data;
pub mod envelope;
pub mod error;
pub mod kv;
pub mod lock;
pub mod session;

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

/// Writes `value` under `key` and reads it back; only an identical read-back counts as
/// saved. Every write that Tend reports as saved goes through here.
pub fn set_verified(store: &dyn KvStore, key: &str, value: &str) -> Result<(), StorageError> {
    store.set(key, value)?;
    match store.get(key)? {
        Some(back) if back == value => Ok(()),
        _ => Err(StorageError::NotVerified),
    }
}

/// A free key to keep `value` aside for `key`: `tend.kept.[<why>.]<rest of key>`, then
/// `…-2`, `…-3` when that is taken by something else; `None` when exactly this value is
/// already kept there. `lookup` reads the store (or a snapshot of it).
pub fn free_kept_key(
    lookup: impl Fn(&str) -> Result<Option<String>, StorageError>,
    why: Option<&str>,
    key: &str,
    value: &str,
) -> Result<Option<String>, StorageError> {
    let rest = key.trim_start_matches(PREFIX);
    let base = match why {
        Some(why) => format!("{PREFIX}kept.{why}.{rest}"),
        None => format!("{PREFIX}kept.{rest}"),
    };
    for n in 1.. {
        let candidate = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        match lookup(&candidate)? {
            None => return Ok(Some(candidate)),
            Some(kept) if kept == value => return Ok(None),
            Some(_) => {}
        }
    }
    unreachable!("an unbounded range always yields")
}

/// Keeps `value` aside for `key` (see [`free_kept_key`]) so it is never lost: an
/// unreadable record before its key is written again (`why` = `None`), or another
/// tab's version of a record both tabs changed (`Some("conflict")`).
pub fn set_aside(
    store: &dyn KvStore,
    why: Option<&str>,
    key: &str,
    value: &str,
) -> Result<Option<String>, StorageError> {
    let aside = free_kept_key(|k| store.get(k), why, key, value)?;
    if let Some(aside) = &aside {
        store.set(aside, value)?;
    }
    Ok(aside)
}

/// The store for demo mode: memory only, so nothing is read from or written to this
/// device's Tend data. The caller fills it with sample content.
pub fn open_demo() -> SharedStore {
    Rc::new(MemoryStore::default())
}

/// Opens browser storage, or an in-memory store with the reason browser storage could not
/// be used (blocked in a private window, disabled by a managed device, …).
pub fn open() -> (SharedStore, Option<StorageError>) {
    match browser::BrowserStore::open() {
        Ok(store) => (Rc::new(store), None),
        Err(e) => (Rc::new(MemoryStore::default()), Some(e)),
    }
}
