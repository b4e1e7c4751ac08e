//! One kind of record (`tend.<kind>.<id>`, one key each) as a signal list: load, save
//! over the version a view started from, delete with undo, and re-read after another
//! tab changed something. Breathing sessions, custom patterns and drawings all use it.

use super::{ask_to_persist_once, Store};
use crate::storage::{envelope, KvStore, Loaded, Record, StorageError};
use leptos::prelude::*;

/// A record as this tab knows it: its key, its value, and the stored text last read or
/// written here (what a later save checks for changes made by another tab).
#[derive(Clone, Debug, PartialEq)]
pub struct Entry<T> {
    pub key: String,
    pub value: T,
    pub raw: String,
}

pub struct Records<T: Send + Sync + 'static> {
    /// Oldest first, or newest first when made with `newest_first`.
    pub list: RwSignal<Vec<Entry<T>>>,
    /// Records of this kind that could not be opened (unreadable, or from a newer
    /// Tend). They stay as they are and are included in exports.
    pub unopened: RwSignal<usize>,
    prefix: &'static str,
    newest_first: bool,
    store: Store,
}

impl<T: Send + Sync + 'static> Clone for Records<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Records<T> {}

/// Ids are creation times in milliseconds, so they sort records oldest first.
fn id_number(key: &str) -> u64 {
    key.rsplit('.')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or(0)
}

/// Every readable record under `prefix`, oldest first, and how many could not be read.
pub fn read_all<T: Record>(store: &dyn KvStore, prefix: &str) -> (Vec<Entry<T>>, usize) {
    let mut keys: Vec<String> = store
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|k| k.starts_with(prefix))
        .collect();
    keys.sort_unstable_by_key(|k| id_number(k));
    let mut unopened = 0;
    let mut list = Vec::new();
    for key in keys {
        let Ok(Some(raw)) = store.get(&key) else {
            continue;
        };
        match envelope::decode::<T>(&raw) {
            Loaded::Ready(value) => list.push(Entry { key, value, raw }),
            _ => unopened += 1,
        }
    }
    (list, unopened)
}

/// A key for a new record under `prefix`, based on the time and free in `store`.
pub fn new_key(store: &dyn KvStore, prefix: &str, now_ms: u64) -> Result<String, StorageError> {
    let mut id = now_ms;
    loop {
        let key = format!("{prefix}{id}");
        if store.get(&key)?.is_none() {
            return Ok(key);
        }
        id += 1;
    }
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

impl<T: Record + Clone + Send + Sync + 'static> Records<T> {
    /// Reads every record under `prefix` (`tend.<kind>.`).
    pub fn load(store: Store, prefix: &'static str, newest_first: bool) -> Records<T> {
        let records = Records {
            list: RwSignal::new(Vec::new()),
            unopened: RwSignal::new(0),
            prefix,
            newest_first,
            store,
        };
        records.refresh();
        records
    }

    pub fn watches(&self, key: &str) -> bool {
        key.starts_with(self.prefix)
    }

    /// Reads the records again (after another tab changed one). Nothing is written back.
    pub fn refresh(&self) {
        let (mut list, unopened) = self.store.with(|s| read_all::<T>(s, self.prefix));
        if self.newest_first {
            list.reverse();
        }
        self.list.set(list);
        self.unopened.set(unopened);
    }

    /// Saves `value`: as a new record when `key` is `None`. `base` is the stored text
    /// the caller started from; if another tab changed the record since, that version
    /// is kept aside first (`tend.kept.conflict.…`), never dropped, and its key is
    /// returned with the new entry.
    pub fn save(
        &self,
        key: Option<&str>,
        value: &T,
        base: Option<&str>,
    ) -> Result<(Entry<T>, Option<String>), StorageError> {
        let (key, aside) = self.store.with(|s| {
            let key = match key {
                Some(k) => k.to_owned(),
                None => new_key(s, self.prefix, now_ms())?,
            };
            let aside = envelope::save_over(s, &key, value, base)?;
            Ok::<_, StorageError>((key, aside))
        })?;
        let entry = Entry {
            raw: envelope::encode(value),
            key,
            value: value.clone(),
        };
        let newest_first = self.newest_first;
        self.list.update(|list| {
            if let Some(slot) = list.iter_mut().find(|e| e.key == entry.key) {
                *slot = entry.clone();
            } else if newest_first {
                list.insert(0, entry.clone());
            } else {
                list.push(entry.clone());
            }
        });
        ask_to_persist_once();
        Ok((entry, aside))
    }

    /// Saves `value` as a new record of this kind.
    pub fn add(&self, value: &T) -> Result<Entry<T>, StorageError> {
        self.save(None, value, None).map(|(entry, _)| entry)
    }

    /// Removes a record and returns it, so it can be put back (undo).
    pub fn delete(&self, key: &str) -> Result<Option<T>, StorageError> {
        let value = self.store.with(|s| {
            let value = match envelope::load::<T>(s, key)? {
                Loaded::Ready(v) => Some(v),
                _ => None,
            };
            s.remove(key)?;
            if s.get(key)?.is_some() {
                return Err(StorageError::NotVerified);
            }
            Ok(value)
        })?;
        self.refresh();
        Ok(value)
    }

    /// Puts back a record removed by [`Records::delete`], under its old key.
    pub fn restore(&self, key: &str, value: &T) -> Result<(), StorageError> {
        self.store.with(|s| envelope::save(s, key, value))?;
        self.refresh();
        Ok(())
    }

    /// Reads one record straight from storage (for a kept-aside copy, say).
    pub fn load_one(&self, key: &str) -> Option<T> {
        match self.store.with(|s| envelope::load::<T>(s, key)) {
            Ok(Loaded::Ready(v)) => Some(v),
            _ => None,
        }
    }

    /// Removes a key that is not in the list (a kept-aside copy taken back in).
    pub fn forget(&self, key: &str) -> Result<(), StorageError> {
        self.store.with(|s| s.remove(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::breathing::{CustomPattern, Pace};
    use crate::storage::MemoryStore;

    #[test]
    fn new_keys_are_free_and_sort_by_time() {
        let store = MemoryStore::default();
        store.set("tend.breath.5", "x").unwrap();
        assert_eq!(new_key(&store, "tend.breath.", 5).unwrap(), "tend.breath.6");
        assert!(id_number("tend.breath.10") > id_number("tend.breath.9"));
    }

    #[test]
    fn unreadable_records_are_counted_and_left_alone() {
        let store = MemoryStore::default();
        store.set("tend.pattern.1", "not json").unwrap();
        store.set("tend.pattern.2", r#"{"v":9,"data":{}}"#).unwrap();
        let ok = CustomPattern::new("Slow", Pace::new(4000, 0, 6000, 0)).unwrap();
        envelope::save(&store, "tend.pattern.10", &ok).unwrap();
        envelope::save(&store, "tend.pattern.3", &ok).unwrap();
        let (list, unopened) = read_all::<CustomPattern>(&store, "tend.pattern.");
        assert_eq!(unopened, 2);
        let keys: Vec<&str> = list.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, vec!["tend.pattern.3", "tend.pattern.10"]);
        assert_eq!(
            store.get("tend.pattern.1").unwrap().as_deref(),
            Some("not json")
        );
    }
}
