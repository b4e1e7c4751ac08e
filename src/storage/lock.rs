//! The lock: Tend's records encrypted at rest under a passphrase.
//!
//! A random data key encrypts every `tend.*` value with AES-256-GCM (a fresh random IV
//! per write, the record's key as associated data, so a value moved to another key does
//! not open). A key derived from the passphrase (PBKDF2-SHA-256 in the browser, see
//! `platform::crypto`) wraps the data key, so changing the passphrase rewrites one value.
//! What is needed to unwrap it sits in plain text under [`LOCK_KEY`].
//!
//! AES runs here, in Rust, and not through WebCrypto: WebCrypto's AES is asynchronous
//! only, while the store and its verified save ([`super::set_verified`]) are synchronous,
//! so "saved" still means written, read back, decrypted and found equal.
//!
//! Reads take values in either form (a plain value is returned as it is), so a pass that
//! stopped half-way (the tab closed) leaves everything readable, and finishing it is
//! running it again.

use super::{set_verified, KvStore, SharedStore, StorageError, PREFIX};
use crate::domain::plan::{base64url, unbase64url};
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use std::rc::Rc;

/// The one plain key while the lock is on: how to unwrap the data key, and the lock's state.
pub const LOCK_KEY: &str = "tend.lock";
/// What an encrypted value starts with.
pub const SEALED: &str = "enc1:";
/// PBKDF2-SHA-256 iterations for a new passphrase (OWASP's current figure).
pub const ITERATIONS: u32 = 600_000;
pub const SALT_LEN: usize = 16;
pub const KEY_LEN: usize = 32;
const IV_LEN: usize = 12;
const FORMAT: &str = "tend-lock-1";

/// Fills a buffer with random bytes (`crypto.getRandomValues` in the browser).
pub type Random = Rc<dyn Fn(&mut [u8])>;

/// Where the lock is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockState {
    /// Everything is encrypted (a plain value written by a tab that did not know yet
    /// is encrypted at the next unlock).
    On,
    /// Encrypting was started; the next unlock finishes it.
    TurningOn,
    /// Decrypting was started; the next unlock finishes it and removes the lock.
    TurningOff,
}

impl LockState {
    fn as_str(self) -> &'static str {
        match self {
            LockState::On => "on",
            LockState::TurningOn => "turning-on",
            LockState::TurningOff => "turning-off",
        }
    }
}

/// The contents of [`LOCK_KEY`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meta {
    pub state: LockState,
    pub salt: Vec<u8>,
    pub iterations: u32,
    /// The data key, encrypted under the passphrase's key: IV then ciphertext.
    pub wrapped: Vec<u8>,
    /// Minutes hidden before Tend locks itself (0: as soon as it is hidden).
    pub after_minutes: u32,
}

impl Meta {
    pub fn to_text(&self) -> String {
        format!(
            "{FORMAT} {} {} {} {} {}",
            self.state.as_str(),
            self.iterations,
            base64url(&self.salt),
            base64url(&self.wrapped),
            self.after_minutes
        )
    }

    pub fn parse(text: &str) -> Option<Meta> {
        let mut parts = text.split(' ');
        if parts.next()? != FORMAT {
            return None;
        }
        let state = match parts.next()? {
            "on" => LockState::On,
            "turning-on" => LockState::TurningOn,
            "turning-off" => LockState::TurningOff,
            _ => return None,
        };
        let meta = Meta {
            state,
            iterations: parts.next()?.parse().ok()?,
            salt: unbase64url(parts.next()?)?,
            wrapped: unbase64url(parts.next()?)?,
            after_minutes: parts.next()?.parse().ok()?,
        };
        (parts.next().is_none() && meta.iterations > 0).then_some(meta)
    }
}

/// AES-256-GCM of `plain` with associated data `aad`: IV then ciphertext and tag.
fn seal(key: &[u8; KEY_LEN], random: &Random, aad: &[u8], plain: &[u8]) -> Vec<u8> {
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key));
    let mut iv = [0u8; IV_LEN];
    random(&mut iv);
    let sealed = cipher
        .encrypt(Nonce::from_slice(&iv), Payload { msg: plain, aad })
        .expect("AES-GCM encrypts any message of a storable size");
    let mut out = iv.to_vec();
    out.extend_from_slice(&sealed);
    out
}

/// Opens what [`seal`] made; `None` for a wrong key, other associated data or any change.
fn open(key: &[u8; KEY_LEN], aad: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
    if sealed.len() < IV_LEN {
        return None;
    }
    let (iv, body) = sealed.split_at(IV_LEN);
    Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(key))
        .decrypt(Nonce::from_slice(iv), Payload { msg: body, aad })
        .ok()
}

/// A new random data key, wrapped under `kek`.
pub fn new_data_key(kek: &[u8; KEY_LEN], random: &Random) -> ([u8; KEY_LEN], Vec<u8>) {
    let mut dek = [0u8; KEY_LEN];
    random(&mut dek);
    let wrapped = wrap(kek, &dek, random);
    (dek, wrapped)
}

/// The data key encrypted under the passphrase's key.
pub fn wrap(kek: &[u8; KEY_LEN], dek: &[u8; KEY_LEN], random: &Random) -> Vec<u8> {
    seal(kek, random, LOCK_KEY.as_bytes(), dek)
}

/// The data key, or `None` when `kek` is not the passphrase's key (a wrong passphrase).
pub fn unwrap(kek: &[u8; KEY_LEN], wrapped: &[u8]) -> Option<[u8; KEY_LEN]> {
    open(kek, LOCK_KEY.as_bytes(), wrapped)?.try_into().ok()
}

/// `value` as stored under `key` with the lock on.
pub fn encrypt_value(dek: &[u8; KEY_LEN], random: &Random, key: &str, value: &str) -> String {
    format!(
        "{SEALED}{}",
        base64url(&seal(dek, random, key.as_bytes(), value.as_bytes()))
    )
}

/// The plain value of what is stored under `key`: a plain value as it is, an encrypted
/// one decrypted, `None` when it is encrypted and does not open with `dek`.
pub fn decrypt_value(dek: &[u8; KEY_LEN], key: &str, stored: &str) -> Option<String> {
    let Some(body) = stored.strip_prefix(SEALED) else {
        return Some(stored.to_owned());
    };
    let plain = open(dek, key.as_bytes(), &unbase64url(body)?)?;
    String::from_utf8(plain).ok()
}

/// The records of a locked export (stored values and the lock's key, see
/// [`Meta`]) in plain, given the data key unwrapped with the file's passphrase. A value
/// that does not open is kept as it was (it imports as an unreadable record, kept aside).
pub fn open_records(
    records: &std::collections::BTreeMap<String, String>,
    dek: &[u8; KEY_LEN],
) -> std::collections::BTreeMap<String, String> {
    records
        .iter()
        .filter(|(k, _)| k.as_str() != LOCK_KEY)
        .map(|(k, v)| {
            (
                k.clone(),
                decrypt_value(dek, k, v).unwrap_or_else(|| v.clone()),
            )
        })
        .collect()
}

/// Whether `key` is one the lock encrypts: every Tend key but the lock's own.
pub fn is_locked_key(key: &str) -> bool {
    key.starts_with(PREFIX) && key != LOCK_KEY
}

/// Browser storage seen through the lock: reads decrypt, writes encrypt with a fresh IV,
/// and the lock's own key is not one of Tend's records.
pub struct LockedStore {
    raw: SharedStore,
    dek: [u8; KEY_LEN],
    random: Random,
}

impl LockedStore {
    pub fn new(raw: SharedStore, dek: [u8; KEY_LEN], random: Random) -> LockedStore {
        LockedStore { raw, dek, random }
    }
}

impl KvStore for LockedStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        let Some(stored) = self.raw.get(key)? else {
            return Ok(None);
        };
        if !is_locked_key(key) {
            return Ok(Some(stored));
        }
        // One that does not open is returned as stored: the record reads as unreadable,
        // and is kept and flagged like any other, never lost.
        Ok(Some(
            decrypt_value(&self.dek, key, &stored).unwrap_or(stored),
        ))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if key == LOCK_KEY {
            return Err(StorageError::Other("the lock's own key".into()));
        }
        if !is_locked_key(key) {
            return self.raw.set(key, value);
        }
        self.raw
            .set(key, &encrypt_value(&self.dek, &self.random, key, value))
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        if key == LOCK_KEY {
            return Ok(());
        }
        self.raw.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let mut keys = self.raw.keys()?;
        keys.retain(|k| k != LOCK_KEY);
        Ok(keys)
    }

    fn is_persistent(&self) -> bool {
        self.raw.is_persistent()
    }
}

/// Reads [`LOCK_KEY`]: `Ok(None)` without a lock.
pub fn read_meta(raw: &dyn KvStore) -> Result<Option<Meta>, StorageError> {
    match raw.get(LOCK_KEY)? {
        None => Ok(None),
        Some(text) => Meta::parse(&text)
            .map(Some)
            .ok_or_else(|| StorageError::Other("the lock's settings are unreadable".into())),
    }
}

pub fn write_meta(raw: &dyn KvStore, meta: &Meta) -> Result<(), StorageError> {
    set_verified(raw, LOCK_KEY, &meta.to_text())
}

/// Encrypts every Tend value still plain, each write read back and decrypted before the
/// next; returns how many were encrypted. Stopping half-way loses nothing (reads take both
/// forms), and running it again finishes.
pub fn encrypt_all(
    raw: &dyn KvStore,
    dek: &[u8; KEY_LEN],
    random: &Random,
) -> Result<usize, StorageError> {
    let mut done = 0;
    for key in raw.keys()? {
        if !is_locked_key(&key) {
            continue;
        }
        let Some(value) = raw.get(&key)? else {
            continue;
        };
        if value.starts_with(SEALED) {
            continue;
        }
        let sealed = encrypt_value(dek, random, &key, &value);
        raw.set(&key, &sealed)?;
        let back = raw.get(&key)?;
        if back.as_deref().and_then(|b| decrypt_value(dek, &key, b)) != Some(value) {
            return Err(StorageError::NotVerified);
        }
        done += 1;
    }
    Ok(done)
}

/// Decrypts every encrypted Tend value, each write verified. A value that does not open
/// with `dek` is left as it is (kept, never lost). Returns how many were decrypted.
pub fn decrypt_all(raw: &dyn KvStore, dek: &[u8; KEY_LEN]) -> Result<usize, StorageError> {
    let mut done = 0;
    for key in raw.keys()? {
        if !is_locked_key(&key) {
            continue;
        }
        let Some(value) = raw.get(&key)? else {
            continue;
        };
        if !value.starts_with(SEALED) {
            continue;
        }
        if let Some(plain) = decrypt_value(dek, &key, &value) {
            set_verified(raw, &key, &plain)?;
            done += 1;
        }
    }
    Ok(done)
}

/// Turns the lock on: notes that it is turning on (so a closed tab finishes at the next
/// unlock), encrypts everything, then notes that it is on. `kek` is the passphrase's key
/// for `salt` and `iterations`. Returns the data key.
pub fn turn_on(
    raw: &dyn KvStore,
    kek: &[u8; KEY_LEN],
    salt: Vec<u8>,
    iterations: u32,
    after_minutes: u32,
    random: &Random,
) -> Result<([u8; KEY_LEN], Meta), StorageError> {
    let (dek, wrapped) = new_data_key(kek, random);
    let mut meta = Meta {
        state: LockState::TurningOn,
        salt,
        iterations,
        wrapped,
        after_minutes,
    };
    write_meta(raw, &meta)?;
    encrypt_all(raw, &dek, random)?;
    meta.state = LockState::On;
    write_meta(raw, &meta)?;
    Ok((dek, meta))
}

/// Finishes whatever the lock was doing when the tab closed, and encrypts any plain
/// value another tab wrote. Returns `true` when the lock is still on afterwards.
pub fn resume(
    raw: &dyn KvStore,
    meta: &mut Meta,
    dek: &[u8; KEY_LEN],
    random: &Random,
) -> Result<bool, StorageError> {
    match meta.state {
        LockState::On => {
            encrypt_all(raw, dek, random)?;
            Ok(true)
        }
        LockState::TurningOn => {
            encrypt_all(raw, dek, random)?;
            meta.state = LockState::On;
            write_meta(raw, meta)?;
            Ok(true)
        }
        LockState::TurningOff => {
            turn_off(raw, meta, dek)?;
            Ok(false)
        }
    }
}

/// Turns the lock off: notes that it is turning off, decrypts everything, and removes the
/// lock's key last.
pub fn turn_off(
    raw: &dyn KvStore,
    meta: &mut Meta,
    dek: &[u8; KEY_LEN],
) -> Result<(), StorageError> {
    meta.state = LockState::TurningOff;
    write_meta(raw, meta)?;
    decrypt_all(raw, dek)?;
    raw.remove(LOCK_KEY)
}

/// A new passphrase: the same data key wrapped under the new passphrase's key. No record
/// is rewritten.
pub fn rewrap(
    raw: &dyn KvStore,
    meta: &mut Meta,
    dek: &[u8; KEY_LEN],
    new_kek: &[u8; KEY_LEN],
    new_salt: Vec<u8>,
    random: &Random,
) -> Result<(), StorageError> {
    let mut next = meta.clone();
    next.wrapped = wrap(new_kek, dek, random);
    next.salt = new_salt;
    next.iterations = ITERATIONS;
    write_meta(raw, &next)?;
    *meta = next;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStore;
    use std::cell::{Cell, RefCell};

    /// Not random, but never the same twice: enough to see a fresh IV per write.
    fn counter() -> Random {
        let n = Rc::new(Cell::new(0u64));
        Rc::new(move |buf: &mut [u8]| {
            for b in buf.iter_mut() {
                n.set(n.get().wrapping_add(0x9E37_79B9_7F4A_7C15));
                *b = (n.get() >> 56) as u8;
            }
        })
    }

    const KEK: [u8; KEY_LEN] = [7; KEY_LEN];
    const NOTE: &str = "my secret breathing note about Sam";
    const LETTER: &str = "Dear me, you did your best today";

    fn shared(store: MemoryStore) -> Rc<MemoryStore> {
        Rc::new(store)
    }

    fn teen_store() -> Rc<MemoryStore> {
        let store = MemoryStore::default();
        store
            .set(
                "tend.breath.1",
                &format!(r#"{{"v":1,"data":{{"note":"{NOTE}"}}}}"#),
            )
            .unwrap();
        store
            .set(
                "tend.draft.letter",
                &format!(r#"{{"v":1,"data":"{LETTER}"}}"#),
            )
            .unwrap();
        store
            .set(
                "tend.drawing.2",
                r#"{"v":1,"data":{"name":"Grandma's garden"}}"#,
            )
            .unwrap();
        store.set("tend.settings", r#"{"v":1,"data":{}}"#).unwrap();
        store.set("other.app", "not ours").unwrap();
        shared(store)
    }

    fn no_plaintext(store: &dyn KvStore) {
        for key in store.keys().unwrap() {
            let value = store.get(&key).unwrap().unwrap();
            for secret in [NOTE, LETTER, "Grandma", "garden", "Sam", "data"] {
                assert!(!value.contains(secret), "{key} holds {secret:?}: {value}");
            }
        }
    }

    #[test]
    fn the_lock_settings_round_trip() {
        let meta = Meta {
            state: LockState::TurningOff,
            salt: vec![1; SALT_LEN],
            iterations: ITERATIONS,
            wrapped: vec![9; 60],
            after_minutes: 5,
        };
        assert_eq!(Meta::parse(&meta.to_text()), Some(meta.clone()));
        assert_eq!(Meta::parse("tend-lock-2 on 1 AA AA 0"), None);
        assert_eq!(Meta::parse(&format!("{} x", meta.to_text())), None);
    }

    #[test]
    fn a_value_round_trips_and_only_opens_with_its_key_under_its_name() {
        let random = counter();
        let (dek, wrapped) = new_data_key(&KEK, &random);
        assert_eq!(unwrap(&KEK, &wrapped), Some(dek));
        assert_eq!(
            unwrap(&[8; KEY_LEN], &wrapped),
            None,
            "a wrong passphrase's key"
        );
        let stored = encrypt_value(&dek, &random, "tend.a", NOTE);
        assert!(stored.starts_with(SEALED));
        assert_eq!(
            decrypt_value(&dek, "tend.a", &stored).as_deref(),
            Some(NOTE)
        );
        assert_eq!(decrypt_value(&[1; KEY_LEN], "tend.a", &stored), None);
        assert_eq!(
            decrypt_value(&dek, "tend.b", &stored),
            None,
            "moved to another key"
        );
        let mut tampered = stored.clone().into_bytes();
        let last = tampered.len() - 3;
        tampered[last] = if tampered[last] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(tampered).unwrap();
        assert_eq!(decrypt_value(&dek, "tend.a", &tampered), None);
        assert_eq!(
            decrypt_value(&dek, "tend.a", "plain").as_deref(),
            Some("plain")
        );
    }

    #[test]
    fn every_write_has_a_fresh_iv() {
        let raw = shared(MemoryStore::default());
        let locked = LockedStore::new(raw.clone(), [3; KEY_LEN], counter());
        locked.set("tend.a", NOTE).unwrap();
        let first = raw.get("tend.a").unwrap().unwrap();
        locked.set("tend.a", NOTE).unwrap();
        let second = raw.get("tend.a").unwrap().unwrap();
        assert_ne!(first, second);
        assert_ne!(first[..SEALED.len() + 16], second[..SEALED.len() + 16]);
        assert_eq!(locked.get("tend.a").unwrap().as_deref(), Some(NOTE));
    }

    #[test]
    fn a_locked_store_saves_verified_and_hides_the_lock_key() {
        let raw = teen_store();
        let random = counter();
        let (dek, _) = turn_on(&*raw, &KEK, vec![0; SALT_LEN], ITERATIONS, 0, &random).unwrap();
        let locked = LockedStore::new(raw.clone(), dek, random);
        set_verified(&locked, "tend.new", LETTER).unwrap();
        assert!(!locked.keys().unwrap().contains(&LOCK_KEY.to_owned()));
        assert!(raw.keys().unwrap().contains(&LOCK_KEY.to_owned()));
        assert_eq!(
            locked.get("other.app").unwrap().as_deref(),
            Some("not ours")
        );
        assert!(locked.set(LOCK_KEY, "x").is_err());
        no_plaintext(&*raw);
    }

    #[test]
    fn turning_on_leaves_no_known_plaintext_and_every_record_reads_back() {
        let raw = teen_store();
        let before = crate::storage::data::snapshot(&*raw).unwrap();
        let random = counter();
        let (dek, meta) = turn_on(&*raw, &KEK, vec![0; SALT_LEN], ITERATIONS, 1, &random).unwrap();
        assert_eq!(meta.state, LockState::On);
        assert_eq!(read_meta(&*raw).unwrap(), Some(meta));
        // Only Tend's keys are encrypted, and the lock key is plain.
        assert_eq!(raw.get("other.app").unwrap().as_deref(), Some("not ours"));
        let mut raw_tend = crate::storage::data::snapshot(&*raw).unwrap();
        raw_tend.remove(LOCK_KEY);
        assert!(raw_tend.values().all(|v| v.starts_with(SEALED)));
        no_plaintext(&*raw);
        let locked = LockedStore::new(raw.clone(), dek, random);
        assert_eq!(crate::storage::data::snapshot(&locked).unwrap(), before);
    }

    /// Writes are refused after the first `allowed`, like a tab closing half-way.
    struct Stops {
        inner: MemoryStore,
        allowed: Cell<usize>,
        log: RefCell<Vec<String>>,
    }

    impl KvStore for Stops {
        fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
            self.inner.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
            if self.allowed.get() == 0 {
                return Err(StorageError::Other("closed".into()));
            }
            self.allowed.set(self.allowed.get() - 1);
            self.log.borrow_mut().push(key.to_owned());
            self.inner.set(key, value)
        }
        fn remove(&self, key: &str) -> Result<(), StorageError> {
            self.inner.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, StorageError> {
            self.inner.keys()
        }
        fn is_persistent(&self) -> bool {
            true
        }
    }

    fn stopping_after(n: usize) -> Stops {
        let teen = teen_store();
        let inner = MemoryStore::default();
        for key in teen.keys().unwrap() {
            inner.set(&key, &teen.get(&key).unwrap().unwrap()).unwrap();
        }
        Stops {
            inner,
            allowed: Cell::new(n),
            log: RefCell::new(Vec::new()),
        }
    }

    #[test]
    fn turning_on_stopped_half_way_resumes_at_the_next_unlock() {
        let before = crate::storage::data::snapshot(&*teen_store()).unwrap();
        let random = counter();
        // The lock key, then two of the four records.
        let raw = stopping_after(3);
        assert!(turn_on(&raw, &KEK, vec![0; SALT_LEN], ITERATIONS, 0, &random).is_err());
        let mut meta = read_meta(&raw).unwrap().unwrap();
        assert_eq!(meta.state, LockState::TurningOn);
        let dek = unwrap(&KEK, &meta.wrapped).unwrap();
        let raw = Rc::new(raw);
        // Half-way, everything still reads.
        let locked = LockedStore::new(raw.clone(), dek, random.clone());
        assert_eq!(crate::storage::data::snapshot(&locked).unwrap(), before);
        let plain_left = raw
            .keys()
            .unwrap()
            .iter()
            .filter(|k| is_locked_key(k))
            .filter(|k| !raw.get(k).unwrap().unwrap().starts_with(SEALED))
            .count();
        assert_eq!(plain_left, 2);
        // The next start: the tab is open again.
        raw.allowed.set(usize::MAX);
        assert!(resume(&*raw, &mut meta, &dek, &random).unwrap());
        assert_eq!(meta.state, LockState::On);
        assert_eq!(read_meta(&*raw).unwrap(), Some(meta));
        no_plaintext(&raw.inner);
        assert_eq!(crate::storage::data::snapshot(&locked).unwrap(), before);
    }

    #[test]
    fn turning_off_stopped_half_way_resumes_and_removes_the_lock_last() {
        let random = counter();
        let raw = stopping_after(usize::MAX);
        let before = crate::storage::data::snapshot(&raw).unwrap();
        let (dek, mut meta) =
            turn_on(&raw, &KEK, vec![0; SALT_LEN], ITERATIONS, 0, &random).unwrap();
        raw.allowed.set(3);
        assert!(turn_off(&raw, &mut meta, &dek).is_err());
        let mut meta = read_meta(&raw).unwrap().unwrap();
        assert_eq!(meta.state, LockState::TurningOff);
        raw.allowed.set(usize::MAX);
        assert!(!resume(&raw, &mut meta, &dek, &random).unwrap());
        assert_eq!(read_meta(&raw).unwrap(), None);
        assert_eq!(crate::storage::data::snapshot(&raw).unwrap(), before);
    }

    #[test]
    fn turning_off_gives_back_every_record_as_it_was() {
        let raw = teen_store();
        let before = crate::storage::data::snapshot(&*raw).unwrap();
        let random = counter();
        let (dek, mut meta) =
            turn_on(&*raw, &KEK, vec![0; SALT_LEN], ITERATIONS, 0, &random).unwrap();
        LockedStore::new(raw.clone(), dek, random.clone())
            .set("tend.new", "kept while locked")
            .unwrap();
        turn_off(&*raw, &mut meta, &dek).unwrap();
        assert_eq!(read_meta(&*raw).unwrap(), None);
        let mut after = crate::storage::data::snapshot(&*raw).unwrap();
        assert_eq!(
            after.remove("tend.new").as_deref(),
            Some("kept while locked")
        );
        assert_eq!(after, before);
    }

    #[test]
    fn a_new_passphrase_rewraps_the_key_and_rewrites_no_record() {
        let raw = stopping_after(usize::MAX);
        let random = counter();
        let (dek, mut meta) =
            turn_on(&raw, &KEK, vec![0; SALT_LEN], ITERATIONS, 0, &random).unwrap();
        let records = crate::storage::data::snapshot(&raw).unwrap();
        raw.log.borrow_mut().clear();
        let new_kek = [42; KEY_LEN];
        rewrap(&raw, &mut meta, &dek, &new_kek, vec![5; SALT_LEN], &random).unwrap();
        assert_eq!(*raw.log.borrow(), vec![LOCK_KEY.to_owned()]);
        let stored = read_meta(&raw).unwrap().unwrap();
        assert_eq!(
            unwrap(&KEK, &stored.wrapped),
            None,
            "the old passphrase no longer opens"
        );
        assert_eq!(unwrap(&new_kek, &stored.wrapped), Some(dek));
        assert_eq!(stored.salt, vec![5; SALT_LEN]);
        let mut now = crate::storage::data::snapshot(&raw).unwrap();
        now.insert(LOCK_KEY.into(), records[LOCK_KEY].clone());
        assert_eq!(now, records);
    }

    #[test]
    fn a_locked_export_opens_with_its_passphrase_only_and_gives_every_record_back() {
        let raw = teen_store();
        let plain = crate::storage::data::snapshot(&*raw).unwrap();
        let random = counter();
        turn_on(&*raw, &KEK, vec![0; SALT_LEN], ITERATIONS, 0, &random).unwrap();
        // The file holds the records as stored, and the lock's key.
        let file = crate::storage::data::snapshot(&*raw).unwrap();
        assert!(file.contains_key(LOCK_KEY));
        let meta = Meta::parse(&file[LOCK_KEY]).unwrap();
        assert_eq!(unwrap(&[1; KEY_LEN], &meta.wrapped), None);
        let dek = unwrap(&KEK, &meta.wrapped).unwrap();
        assert_eq!(open_records(&file, &dek), plain);
    }

    #[test]
    fn a_plain_value_written_by_another_tab_is_encrypted_at_the_next_unlock() {
        let raw = teen_store();
        let random = counter();
        let (dek, mut meta) =
            turn_on(&*raw, &KEK, vec![0; SALT_LEN], ITERATIONS, 0, &random).unwrap();
        raw.set("tend.late", NOTE).unwrap();
        assert!(resume(&*raw, &mut meta, &dek, &random).unwrap());
        no_plaintext(&*raw);
    }
}
