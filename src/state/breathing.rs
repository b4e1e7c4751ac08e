//! Breathing sessions (each with its check-in) and custom patterns, as signals. One key
//! per record: `tend.breath.<id>` and `tend.pattern.<id>`.

use super::{ask_to_persist_once, Store};
use crate::domain::breathing::CustomPattern;
use crate::domain::checkin::BreathSession;
use crate::storage::{envelope, KvStore, Loaded, Record, StorageError, PREFIX};
use leptos::prelude::*;

impl Record for BreathSession {
    const VERSION: u32 = 1;
}

impl Record for CustomPattern {
    const VERSION: u32 = 1;
}

pub const SESSION_PREFIX: &str = "tend.breath.";
pub const PATTERN_PREFIX: &str = "tend.pattern.";

/// A record as this tab knows it: its key, its value, and the stored text last read or
/// written here (what a later save checks for changes made by another tab).
#[derive(Clone, Debug, PartialEq)]
pub struct Entry<T> {
    pub key: String,
    pub value: T,
    pub raw: String,
}

/// How a custom pattern was saved.
#[derive(Clone, Debug, PartialEq)]
pub enum PatternSaved {
    Saved(String),
    /// Another tab changed the same pattern since this tab read it: both are kept, the
    /// other tab's version as a pattern of its own.
    KeptBoth(String),
}

#[derive(Clone, Copy)]
pub struct BreathState {
    /// Newest first.
    pub sessions: RwSignal<Vec<Entry<BreathSession>>>,
    /// Oldest first, the order they were made in.
    pub patterns: RwSignal<Vec<Entry<CustomPattern>>>,
    /// Records of either kind that could not be opened (unreadable, or from a newer
    /// Tend). They stay as they are and are included in exports.
    pub unopened: RwSignal<usize>,
    store: Store,
}

fn read_all<T: Record + Clone>(
    store: &dyn KvStore,
    prefix: &str,
    unopened: &mut usize,
) -> Vec<Entry<T>> {
    let mut keys: Vec<String> = store
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|k| k.starts_with(prefix))
        .collect();
    keys.sort_by_key(|k| id_number(k));
    keys.into_iter()
        .filter_map(|key| {
            let raw = store.get(&key).ok()??;
            match envelope::decode::<T>(&raw) {
                Loaded::Ready(value) => Some(Entry { key, value, raw }),
                _ => {
                    *unopened += 1;
                    None
                }
            }
        })
        .collect()
}

/// Ids are creation times in milliseconds, so they sort records oldest first.
fn id_number(key: &str) -> u64 {
    key.rsplit('.')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or(0)
}

/// A key for a new record of `prefix`, based on the time and free in `store`.
fn new_key(store: &dyn KvStore, prefix: &str, now_ms: u64) -> Result<String, StorageError> {
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

/// Puts `entry` in `list` in place of the one with the same key, or adds it.
fn upsert<T>(list: &mut Vec<Entry<T>>, entry: Entry<T>, newest_first: bool) {
    if let Some(slot) = list.iter_mut().find(|e| e.key == entry.key) {
        *slot = entry;
    } else if newest_first {
        list.insert(0, entry);
    } else {
        list.push(entry);
    }
}

impl BreathState {
    pub fn load(store: Store) -> BreathState {
        let state = BreathState {
            sessions: RwSignal::new(Vec::new()),
            patterns: RwSignal::new(Vec::new()),
            unopened: RwSignal::new(0),
            store,
        };
        state.refresh();
        state
    }

    /// Reads both kinds again (after another tab changed something). Nothing is
    /// written back.
    pub fn refresh(&self) {
        let mut unopened = 0;
        let (mut sessions, patterns) = self.store.with(|s| {
            (
                read_all::<BreathSession>(s, SESSION_PREFIX, &mut unopened),
                read_all::<CustomPattern>(s, PATTERN_PREFIX, &mut unopened),
            )
        });
        sessions.reverse();
        self.sessions.set(sessions);
        self.patterns.set(patterns);
        self.unopened.set(unopened);
    }

    /// Whether a storage event for `key` concerns this state.
    pub fn watches(key: &str) -> bool {
        key.starts_with(SESSION_PREFIX) || key.starts_with(PATTERN_PREFIX)
    }

    /// Saves a session: a new one when `key` is `None`. `base` is the stored text the
    /// caller last read or wrote for it. If another tab changed the session since, that
    /// version is kept aside (`tend.kept.conflict.…`), never dropped.
    pub fn save_session(
        &self,
        key: Option<&str>,
        session: &BreathSession,
        base: Option<&str>,
    ) -> Result<Entry<BreathSession>, StorageError> {
        let entry = self.store.with(|s| {
            let key = match key {
                Some(k) => k.to_owned(),
                None => new_key(s, SESSION_PREFIX, now_ms())?,
            };
            envelope::save_over(s, &key, session, base)?;
            Ok::<_, StorageError>(Entry {
                raw: envelope::encode(session),
                key,
                value: session.clone(),
            })
        })?;
        self.sessions.update(|l| upsert(l, entry.clone(), true));
        ask_to_persist_once();
        Ok(entry)
    }

    /// Saves a custom pattern: a new one when `key` is `None`. `base` is the stored text
    /// the person started editing from.
    pub fn save_pattern(
        &self,
        key: Option<&str>,
        pattern: &CustomPattern,
        base: Option<&str>,
    ) -> Result<PatternSaved, StorageError> {
        let outcome = self.store.with(|s| {
            let key = match key {
                Some(k) => k.to_owned(),
                None => new_key(s, PATTERN_PREFIX, now_ms())?,
            };
            let aside = envelope::save_over(s, &key, pattern, base)?;
            // The other tab's version becomes a pattern of its own, so a person sees
            // both in the list; anything unreadable stays where save_over kept it.
            if let Some(aside) = aside {
                if let Ok(Loaded::Ready(other)) = envelope::load::<CustomPattern>(s, &aside) {
                    let other_key = new_key(s, PATTERN_PREFIX, now_ms())?;
                    envelope::save(s, &other_key, &other)?;
                    s.remove(&aside)?;
                    return Ok(PatternSaved::KeptBoth(key));
                }
            }
            Ok::<_, StorageError>(PatternSaved::Saved(key))
        })?;
        // A conflict may have added a pattern: read the list again.
        self.refresh();
        ask_to_persist_once();
        Ok(outcome)
    }

    /// Removes a record of either kind and returns it, so it can be put back (undo).
    pub fn delete<T: Record>(&self, key: &str) -> Result<Option<T>, StorageError> {
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

    /// Puts back a record removed by [`BreathState::delete`], under its old key.
    pub fn restore<T: Record>(&self, key: &str, value: &T) -> Result<(), StorageError> {
        debug_assert!(key.starts_with(PREFIX));
        self.store.with(|s| envelope::save(s, key, value))?;
        self.refresh();
        Ok(())
    }

    pub fn pattern(&self, key: &str) -> Option<CustomPattern> {
        self.patterns
            .with(|l| l.iter().find(|e| e.key == key).map(|e| e.value.clone()))
    }
}

pub fn use_breath() -> BreathState {
    expect_context::<BreathState>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStore;

    #[test]
    fn new_keys_are_free_and_sort_by_time() {
        let store = MemoryStore::default();
        store.set("tend.breath.5", "x").unwrap();
        assert_eq!(new_key(&store, SESSION_PREFIX, 5).unwrap(), "tend.breath.6");
        assert!(id_number("tend.breath.10") > id_number("tend.breath.9"));
    }

    #[test]
    fn unreadable_records_are_counted_and_left_alone() {
        let store = MemoryStore::default();
        store.set("tend.pattern.1", "not json").unwrap();
        store.set("tend.pattern.2", r#"{"v":9,"data":{}}"#).unwrap();
        let ok = CustomPattern::new(
            "Slow",
            crate::domain::breathing::Pace::new(4000, 0, 6000, 0),
        )
        .unwrap();
        envelope::save(&store, "tend.pattern.3", &ok).unwrap();
        let mut unopened = 0;
        let list = read_all::<CustomPattern>(&store, PATTERN_PREFIX, &mut unopened);
        assert_eq!(unopened, 2);
        assert_eq!(list.len(), 1);
        assert_eq!(
            store.get("tend.pattern.1").unwrap().as_deref(),
            Some("not json")
        );
    }
}
