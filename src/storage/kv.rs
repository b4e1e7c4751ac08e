use super::StorageError;
use std::cell::RefCell;
use std::collections::BTreeMap;

/// A string key-value store: browser localStorage, or memory for tests, demo mode and
/// browsers that block storage.
pub trait KvStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    fn keys(&self) -> Result<Vec<String>, StorageError>;
    /// `false` for stores that forget everything when the tab closes.
    fn is_persistent(&self) -> bool;
}

#[derive(Default)]
pub struct MemoryStore {
    map: RefCell<BTreeMap<String, String>>,
    /// Bytes of keys plus values allowed, to test full storage; `None` for no limit.
    quota: Option<usize>,
}

impl MemoryStore {
    pub fn with_quota(bytes: usize) -> MemoryStore {
        MemoryStore {
            quota: Some(bytes),
            ..MemoryStore::default()
        }
    }
}

impl KvStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let mut map = self.map.borrow_mut();
        if let Some(quota) = self.quota {
            let used: usize = map
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if used + key.len() + value.len() > quota {
                return Err(StorageError::QuotaExceeded);
            }
        }
        map.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.map.borrow().keys().cloned().collect())
    }

    fn is_persistent(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_memory_store_refuses_and_keeps_the_old_value() {
        let store = MemoryStore::with_quota(20);
        store.set("k", "0123456789").unwrap();
        assert_eq!(
            store.set("k", &"x".repeat(30)),
            Err(StorageError::QuotaExceeded)
        );
        assert_eq!(store.get("k").unwrap().as_deref(), Some("0123456789"));
    }
}
