//! Whole-store operations: what is kept, export snapshots, import and delete everything.

use super::{free_kept_key, set_verified, KvStore, StorageError, PREFIX};
use crate::domain::export::{plan_merge, MergePlan};
use std::collections::BTreeMap;

/// Every Tend record on the device, key → stored text.
pub fn snapshot(store: &dyn KvStore) -> Result<BTreeMap<String, String>, StorageError> {
    let mut records = BTreeMap::new();
    for key in store.keys()? {
        if key.starts_with(PREFIX) {
            if let Some(value) = store.get(&key)? {
                records.insert(key, value);
            }
        }
    }
    Ok(records)
}

/// What is kept, for the Settings page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub records: usize,
    /// Bytes the browser counts: keys and values are stored as UTF-16.
    pub bytes: usize,
    /// Records that are not an envelope Tend can read; kept, and exported as they are.
    pub unreadable: usize,
}

pub fn summarise(records: &BTreeMap<String, String>) -> Summary {
    let unreadable = records
        .values()
        .filter(|raw| super::envelope::version_of(raw).is_none())
        .count();
    Summary {
        records: records.len(),
        bytes: records
            .iter()
            .map(|(k, v)| 2 * (k.encode_utf16().count() + v.encode_utf16().count()))
            .sum(),
        unreadable,
    }
}

/// Adds the file's records that are new here. Where a key holds something different,
/// this device's version stays and the file's is kept aside under `tend.kept.import.…`,
/// so nothing from either side is lost. Nothing is written unless every write fits:
/// on an error, what was written is taken back.
pub fn import_merge(
    store: &dyn KvStore,
    incoming: &BTreeMap<String, String>,
) -> Result<MergePlan, StorageError> {
    let existing = snapshot(store)?;
    let plan = plan_merge(&existing, incoming);
    let mut writes: Vec<(String, &String)> =
        plan.add.iter().map(|k| (k.clone(), &incoming[k])).collect();
    for key in &plan.differ {
        let lookup = |k: &str| Ok(existing.get(k).cloned());
        if let Some(aside) = free_kept_key(lookup, Some("import"), key, &incoming[key])? {
            writes.push((aside, &incoming[key]));
        }
    }
    write_all_or_nothing(store, &writes, &existing)?;
    Ok(plan)
}

/// Replaces everything Tend keeps with the file's records. On an error, the previous
/// records are put back as they were.
pub fn import_replace(
    store: &dyn KvStore,
    incoming: &BTreeMap<String, String>,
) -> Result<(), StorageError> {
    let before = snapshot(store)?;
    for key in before.keys() {
        store.remove(key)?;
    }
    let writes: Vec<(String, &String)> = incoming.iter().map(|(k, v)| (k.clone(), v)).collect();
    if let Err(e) = write_all_or_nothing(store, &writes, &BTreeMap::new()) {
        for (key, value) in &before {
            let _ = store.set(key, value);
        }
        return Err(e);
    }
    Ok(())
}

fn write_all_or_nothing(
    store: &dyn KvStore,
    writes: &[(String, &String)],
    before: &BTreeMap<String, String>,
) -> Result<(), StorageError> {
    for (i, (key, value)) in writes.iter().enumerate() {
        if let Err(e) = set_verified(store, key, value) {
            for (done, _) in &writes[..=i] {
                let _ = match before.get(done) {
                    Some(old) => store.set(done, old),
                    None => store.remove(done),
                };
            }
            return Err(e);
        }
    }
    Ok(())
}

/// Removes every Tend record; other keys on the origin are left alone.
pub fn delete_everything(store: &dyn KvStore) -> Result<usize, StorageError> {
    let keys: Vec<String> = store
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(PREFIX))
        .collect();
    for key in &keys {
        store.remove(key)?;
    }
    Ok(keys.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStore;

    fn store_with(pairs: &[(&str, &str)]) -> MemoryStore {
        let store = MemoryStore::default();
        for (k, v) in pairs {
            store.set(k, v).unwrap();
        }
        store
    }

    #[test]
    fn export_delete_import_gives_back_identical_data() {
        let store = store_with(&[
            ("tend.settings", r#"{"v":1,"data":{}}"#),
            ("tend.kept.x", "{bad"),
            ("other", "1"),
        ]);
        let saved = snapshot(&store).unwrap();
        assert_eq!(saved.len(), 2, "only tend.* keys are Tend's");
        assert_eq!(delete_everything(&store).unwrap(), 2);
        assert!(snapshot(&store).unwrap().is_empty());
        assert_eq!(store.get("other").unwrap().as_deref(), Some("1"));
        import_replace(&store, &saved).unwrap();
        assert_eq!(snapshot(&store).unwrap(), saved);
    }

    #[test]
    fn merging_keeps_both_versions_of_a_record_that_differs() {
        let store = store_with(&[("tend.a.1", "mine")]);
        let file: BTreeMap<String, String> = [("tend.a.1", "theirs"), ("tend.a.2", "new")]
            .map(|(k, v)| (k.into(), v.into()))
            .into();
        let plan = import_merge(&store, &file).unwrap();
        assert_eq!((plan.add.len(), plan.differ.len()), (1, 1));
        assert_eq!(store.get("tend.a.1").unwrap().as_deref(), Some("mine"));
        assert_eq!(
            store.get("tend.kept.import.a.1").unwrap().as_deref(),
            Some("theirs")
        );
        assert_eq!(store.get("tend.a.2").unwrap().as_deref(), Some("new"));
        // Importing the same file again adds nothing new.
        import_merge(&store, &file).unwrap();
        assert_eq!(snapshot(&store).unwrap().len(), 3);
    }

    #[test]
    fn an_import_that_does_not_fit_changes_nothing() {
        let store = MemoryStore::with_quota(60);
        store.set("tend.a.1", "mine").unwrap();
        let before = snapshot(&store).unwrap();
        let file: BTreeMap<String, String> =
            [("tend.a.2", "x".repeat(20)), ("tend.a.3", "y".repeat(40))]
                .map(|(k, v)| (k.to_string(), v))
                .into();
        assert_eq!(
            import_merge(&store, &file),
            Err(StorageError::QuotaExceeded)
        );
        assert_eq!(snapshot(&store).unwrap(), before);
        assert_eq!(
            import_replace(&store, &file),
            Err(StorageError::QuotaExceeded)
        );
        assert_eq!(snapshot(&store).unwrap(), before);
    }

    #[test]
    fn the_summary_counts_unreadable_records_and_utf16_bytes() {
        let records: BTreeMap<String, String> =
            [("tend.a", r#"{"v":1,"data":0}"#), ("tend.b", "nope")]
                .map(|(k, v)| (k.into(), v.into()))
                .into();
        let s = summarise(&records);
        assert_eq!((s.records, s.unreadable), (2, 1));
        assert_eq!(s.bytes, 2 * (6 + 16 + 6 + 4));
    }
}
