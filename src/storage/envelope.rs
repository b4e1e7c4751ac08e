//! Versioned envelopes: every stored value is `{"v": <schema version>, "data": …}`.
//! Loading runs migrations from older versions; data from a newer Tend is kept read-only;
//! anything unreadable is kept as raw text and never overwritten.

use super::{set_aside, set_verified, KvStore, StorageError};
use crate::domain::json::{obj, FromJson, Json, ToJson};

/// A kind of stored record.
pub trait Record: ToJson + FromJson {
    /// The schema version this build of Tend writes.
    const VERSION: u32;

    /// Turns the `data` of an envelope written at `from` (< VERSION) into the shape of
    /// the next version. Each kind lists its steps; the default has none.
    fn migrate(from: u32, data: Json) -> Result<Json, String> {
        let _ = data;
        Err(format!("no migration from version {from}"))
    }
}

/// The version and data of a stored value, or `None` when it is not a Tend envelope.
fn open(raw: &str) -> Option<(u32, Json)> {
    let Json::Obj(fields) = Json::parse(raw).ok()? else {
        return None;
    };
    let mut version = None;
    let mut data = None;
    for (k, v) in fields {
        match k.as_str() {
            "v" => version = u32::from_json(&v).ok(),
            "data" => data = Some(v),
            _ => {}
        }
    }
    Some((version?, data?))
}

/// The version of a stored value, or `None` when it is not a Tend envelope.
pub fn version_of(raw: &str) -> Option<u32> {
    open(raw).map(|(v, _)| v)
}

/// What was found under a key.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded<T> {
    Missing,
    Ready(T),
    /// Written by a newer Tend: show it read-only, never write over it.
    Newer {
        version: u32,
        raw: String,
    },
    /// Not an envelope Tend can read; `raw` is kept as it was.
    Unreadable {
        reason: String,
        raw: String,
    },
}

pub fn encode<T: Record>(value: &T) -> String {
    obj([("v", T::VERSION.to_json()), ("data", value.to_json())]).to_string()
}

pub fn decode<T: Record>(raw: &str) -> Loaded<T> {
    let unreadable = |reason| Loaded::Unreadable {
        reason,
        raw: raw.to_owned(),
    };
    match open_as(raw, T::VERSION, &T::migrate) {
        Ok(data) => T::from_json(&data).map_or_else(unreadable, Loaded::Ready),
        Err(Problem::Newer(version)) => Loaded::Newer {
            version,
            raw: raw.to_owned(),
        },
        Err(Problem::Unreadable(reason)) => unreadable(reason),
    }
}

enum Problem {
    Newer(u32),
    Unreadable(String),
}

/// The part of [`decode`] that does not depend on the record's type, so it is compiled
/// once: the data migrated to version `current`, or why it cannot be.
fn open_as(
    raw: &str,
    current: u32,
    migrate: &dyn Fn(u32, Json) -> Result<Json, String>,
) -> Result<Json, Problem> {
    let (version, mut data) =
        open(raw).ok_or_else(|| Problem::Unreadable("not a Tend record".to_owned()))?;
    if version > current {
        return Err(Problem::Newer(version));
    }
    for from in version..current {
        data = migrate(from, data).map_err(Problem::Unreadable)?;
    }
    Ok(data)
}

pub fn load<T: Record>(store: &dyn KvStore, key: &str) -> Result<Loaded<T>, StorageError> {
    Ok(match store.get(key)? {
        None => Loaded::Missing,
        Some(raw) => decode(&raw),
    })
}

/// Writes `value` and reads it back; only an identical read-back counts as saved.
/// A value already under `key` that Tend cannot read is first set aside (under
/// `tend.kept.<rest of key>`), and one from a newer Tend is never replaced.
pub fn save<T: Record>(store: &dyn KvStore, key: &str, value: &T) -> Result<(), StorageError> {
    save_known(store, key, value, None).map(|_| ())
}

/// [`save`] for a caller that remembers the text it last read or wrote under `key`
/// (`known`): while that is still what is stored, it is known to be readable, so it is
/// not decoded again before being replaced. That keeps saving a large record often
/// (the drawing in progress, after every stroke) from costing a full read each time.
/// Returns the text written.
pub fn save_known<T: Record>(
    store: &dyn KvStore,
    key: &str,
    value: &T,
    known: Option<&str>,
) -> Result<String, StorageError> {
    if let Some(raw) = store.get(key)? {
        if known != Some(raw.as_str()) {
            match decode::<T>(&raw) {
                Loaded::Newer { version, .. } => return Err(StorageError::NewerVersion(version)),
                Loaded::Unreadable { .. } => {
                    set_aside(store, None, key, &raw)?;
                }
                Loaded::Missing | Loaded::Ready(_) => {}
            }
        }
    }
    let text = encode(value);
    set_verified(store, key, &text)?;
    Ok(text)
}

/// Saves `value` over the version this tab last read (`base`, as stored text; `None`
/// if the record was new). If another tab changed or created the record since, that
/// version is first kept aside under `tend.kept.conflict.…`, so two tabs editing the
/// same record keep both versions. Returns the text written, and where the other
/// version went, if anywhere.
pub fn save_over<T: Record>(
    store: &dyn KvStore,
    key: &str,
    value: &T,
    base: Option<&str>,
) -> Result<(String, Option<String>), StorageError> {
    let aside = match store.get(key)? {
        Some(current) if Some(current.as_str()) != base => {
            set_aside(store, Some("conflict"), key, &current)?
        }
        _ => None,
    };
    let text = save_known(store, key, value, base)?;
    Ok((text, aside))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStore;

    #[derive(Debug, PartialEq)]
    struct Note {
        text: String,
        mood: String,
    }

    impl ToJson for Note {
        fn to_json(&self) -> Json {
            obj([("text", self.text.to_json()), ("mood", self.mood.to_json())])
        }
    }

    impl FromJson for Note {
        fn from_json(j: &Json) -> Result<Self, String> {
            Ok(Note {
                text: j.field("text")?,
                mood: j.field_or("mood", String::new())?,
            })
        }
    }

    impl Record for Note {
        const VERSION: u32 = 2;
        fn migrate(from: u32, data: Json) -> Result<Json, String> {
            match from {
                // Version 1 stored the note as a bare string.
                1 => {
                    let text = String::from_json(&data)?;
                    Ok(obj([("text", text.to_json()), ("mood", "".to_json())]))
                }
                _ => Err(format!("no migration from version {from}")),
            }
        }
    }

    fn note(text: &str) -> Note {
        Note {
            text: text.into(),
            mood: String::new(),
        }
    }

    #[test]
    fn a_saved_record_loads_back() {
        let store = MemoryStore::default();
        save(&store, "tend.note.a", &note("hi")).unwrap();
        assert_eq!(
            load::<Note>(&store, "tend.note.a").unwrap(),
            Loaded::Ready(note("hi"))
        );
        assert_eq!(
            load::<Note>(&store, "tend.note.b").unwrap(),
            Loaded::Missing
        );
    }

    #[test]
    fn version_one_fixtures_migrate_on_load() {
        assert_eq!(
            decode::<Note>(r#"{"v":1,"data":"old words"}"#),
            Loaded::Ready(note("old words"))
        );
    }

    #[test]
    fn newer_records_are_never_overwritten() {
        let store = MemoryStore::default();
        let newer = r#"{"v":9,"data":{"text":"from the future"}}"#;
        store.set("tend.note.a", newer).unwrap();
        assert!(matches!(
            decode::<Note>(newer),
            Loaded::Newer { version: 9, .. }
        ));
        assert_eq!(
            save(&store, "tend.note.a", &note("x")),
            Err(StorageError::NewerVersion(9))
        );
        assert_eq!(store.get("tend.note.a").unwrap().as_deref(), Some(newer));
    }

    #[test]
    fn unreadable_values_are_set_aside_before_a_save_and_never_lost() {
        let store = MemoryStore::default();
        for raw in [
            "{not json",
            r#"{"v":2,"data":{"txt":1}}"#,
            "\"just a string\"",
        ] {
            assert!(
                matches!(decode::<Note>(raw), Loaded::Unreadable { .. }),
                "{raw}"
            );
        }
        store.set("tend.note.a", "{not json").unwrap();
        save(&store, "tend.note.a", &note("new")).unwrap();
        assert_eq!(
            store.get("tend.kept.note.a").unwrap().as_deref(),
            Some("{not json")
        );
        save(&store, "tend.note.a", &note("newer")).unwrap();
        assert_eq!(
            store.get("tend.kept.note.a").unwrap().as_deref(),
            Some("{not json")
        );
        // A second, different unreadable value is kept too, beside the first.
        store.set("tend.note.a", "[also broken").unwrap();
        save(&store, "tend.note.a", &note("again")).unwrap();
        assert_eq!(
            store.get("tend.kept.note.a").unwrap().as_deref(),
            Some("{not json")
        );
        assert_eq!(
            store.get("tend.kept.note.a-2").unwrap().as_deref(),
            Some("[also broken")
        );
    }

    #[test]
    fn two_tabs_editing_the_same_record_keep_both_versions() {
        let store = MemoryStore::default();
        save(&store, "tend.note.a", &note("first")).unwrap();
        // Both tabs read the same version.
        let base_a = store.get("tend.note.a").unwrap();
        let base_b = base_a.clone();
        // Tab B saves first; tab A saves later over the version it read.
        let (_, aside) =
            save_over(&store, "tend.note.a", &note("from B"), base_b.as_deref()).unwrap();
        assert_eq!(aside, None);
        let (_, aside) =
            save_over(&store, "tend.note.a", &note("from A"), base_a.as_deref()).unwrap();
        assert_eq!(aside.as_deref(), Some("tend.kept.conflict.note.a"));
        let now = store.get("tend.note.a").unwrap().unwrap();
        assert_eq!(decode::<Note>(&now), Loaded::Ready(note("from A")));
        let kept = store.get("tend.kept.conflict.note.a").unwrap().unwrap();
        assert_eq!(decode::<Note>(&kept), Loaded::Ready(note("from B")));
        // A tab that saves over what it last saved keeps nothing extra.
        let base = store.get("tend.note.a").unwrap();
        let (text, aside) =
            save_over(&store, "tend.note.a", &note("later"), base.as_deref()).unwrap();
        assert_eq!(aside, None);
        assert_eq!(store.get("tend.note.a").unwrap(), Some(text));
    }

    #[test]
    fn a_save_over_known_text_is_checked_again_once_another_tab_changed_it() {
        let store = MemoryStore::default();
        let mine = save_known(&store, "tend.note.a", &note("one"), None).unwrap();
        // Still what this tab wrote: replaced straight away.
        let mine = save_known(&store, "tend.note.a", &note("two"), Some(&mine)).unwrap();
        assert_eq!(
            store.get("tend.note.a").unwrap().as_deref(),
            Some(mine.as_str())
        );
        // A newer Tend wrote it since: never replaced.
        let newer = r#"{"v":9,"data":{"text":"from the future"}}"#;
        store.set("tend.note.a", newer).unwrap();
        assert_eq!(
            save_known(&store, "tend.note.a", &note("three"), Some(&mine)),
            Err(StorageError::NewerVersion(9))
        );
        // Something unreadable was written since: kept aside first.
        store.set("tend.note.a", "{damaged").unwrap();
        save_known(&store, "tend.note.a", &note("four"), Some(&mine)).unwrap();
        assert_eq!(
            store.get("tend.kept.note.a").unwrap().as_deref(),
            Some("{damaged")
        );
    }

    #[test]
    fn a_full_store_reports_quota_and_keeps_the_previous_value() {
        let store = MemoryStore::with_quota(64);
        save(&store, "tend.note.a", &note("short")).unwrap();
        let before = store.get("tend.note.a").unwrap();
        assert_eq!(
            save(&store, "tend.note.a", &note(&"long ".repeat(40))),
            Err(StorageError::QuotaExceeded)
        );
        assert_eq!(store.get("tend.note.a").unwrap(), before);
    }
}
