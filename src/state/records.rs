//! One kind of record (`tend.<kind>.<id>`, one key each) as a signal list: load, save
//! over the version a view started from, delete with undo, and re-read after another
//! tab changed something. Breathing sessions, custom patterns, drawings and kept
//! conversations all use it. A kind is read the first time a screen asks for its list,
//! not at start-up: a year of drawings costs nothing until the gallery opens.

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
    list: RwSignal<Vec<Entry<T>>>,
    /// Records of this kind that could not be opened (unreadable, or from a newer
    /// Tend). They stay as they are and are included in exports.
    unopened: RwSignal<usize>,
    /// Whether the records have been read since start-up.
    read: StoredValue<bool>,
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
    /// The records under `prefix` (`tend.<kind>.`), read when first asked for.
    pub fn new(store: Store, prefix: &'static str, newest_first: bool) -> Records<T> {
        Records {
            list: RwSignal::new(Vec::new()),
            unopened: RwSignal::new(0),
            read: StoredValue::new(false),
            prefix,
            newest_first,
            store,
        }
    }

    /// Every readable record, read from storage the first time.
    pub fn list(&self) -> RwSignal<Vec<Entry<T>>> {
        if !self.read.get_value() {
            self.refresh();
        }
        self.list
    }

    /// How many records of this kind could not be opened.
    pub fn unopened(&self) -> usize {
        self.list();
        self.unopened.get()
    }

    /// Another tab changed `key` (`None`: anything): read again if this kind has been
    /// read and the key is one of its own. Nothing is written back. (Called through
    /// [`Store::changed`] once the list has been read.)
    fn heard(&self, key: Option<&str>) {
        if self.read.get_value() && key.is_none_or(|k| k.starts_with(self.prefix)) {
            self.refresh();
        }
    }

    fn refresh(&self) {
        if !self.read.get_value() {
            let records = *self;
            self.store.on_change(move |key| records.heard(key));
        }
        self.read.set_value(true);
        // Timed for the bench's heavy year (`tend:read:<prefix>`).
        let (mut list, unopened) =
            crate::platform::dom::measure(&format!("tend:read:{}", self.prefix), || {
                self.store.with(|s| read_all::<T>(s, self.prefix))
            });
        if self.newest_first {
            list.reverse();
        }
        self.list.set(list);
        self.unopened.set(unopened);
    }

    /// Saves `value`: as a new record when `key` is `None`. `base` is the stored text
    /// the caller started from. If another tab changed the record since, that version
    /// is never dropped: it becomes a record of its own in this list, returned as the
    /// second value, so the person sees both. (A version Tend cannot read stays kept
    /// aside under `tend.kept.conflict.…`, counted and exported with the rest.)
    pub fn save(
        &self,
        key: Option<&str>,
        value: &T,
        base: Option<&str>,
    ) -> Result<(Entry<T>, Option<Entry<T>>), StorageError> {
        let (key, raw, aside) = self.store.with(|s| {
            let key = match key {
                Some(k) => k.to_owned(),
                None => new_key(s, self.prefix, now_ms())?,
            };
            let (raw, aside) = envelope::save_over(s, &key, value, base)?;
            Ok::<_, StorageError>((key, raw, aside))
        })?;
        let entry = Entry {
            raw,
            key,
            value: value.clone(),
        };
        self.put(entry.clone());
        let other = match aside
            .as_deref()
            .and_then(|k| self.load_one(k).map(|v| (k, v)))
        {
            Some((aside, other)) => {
                let other = self.add(&other)?;
                self.store.with(|s| s.remove(aside))?;
                Some(other)
            }
            None => None,
        };
        ask_to_persist_once();
        Ok((entry, other))
    }

    /// Puts `entry` in the list: over the entry with its key, or as the newest.
    fn put(&self, entry: Entry<T>) {
        let newest_first = self.newest_first;
        self.list.update(|list| {
            if let Some(slot) = list.iter_mut().find(|e| e.key == entry.key) {
                *slot = entry;
            } else if newest_first {
                list.insert(0, entry);
            } else {
                list.push(entry);
            }
        });
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

    /// Reads one record straight from storage (a kept-aside copy, say).
    fn load_one(&self, key: &str) -> Option<T> {
        match self.store.with(|s| envelope::load::<T>(s, key)) {
            Ok(Loaded::Ready(v)) => Some(v),
            _ => None,
        }
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
