//! The lock in the running app: start-up behind the lock screen, turning the lock on and
//! off, a new passphrase, and locking again when Tend is hidden or on "Lock now".
//!
//! Like demo mode, the choice is made once, at the storage seam, before the app mounts:
//! with a lock, main.rs waits for [`prepare`], whose lock screen (a section of its own, so
//! a visit without a lock downloads none of it) hands over a store that decrypts, and
//! every provider opens on that. No screen knows the difference.
//!
//! Locking again drops the key and every decrypted word from memory the simplest honest
//! way: the page is loaded afresh, and starts at the lock screen.

use crate::platform::crypto;
use crate::storage::browser::BrowserStore;
use crate::storage::lock::{self as core, LockedStore, Meta, KEY_LEN, LOCK_KEY};
use crate::storage::{KvStore, SharedStore, StorageError};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// What the unlocked app holds: browser storage as it is, the lock's settings and the
/// data key. Only in memory, only while the page lives.
struct Unlocked {
    raw: SharedStore,
    meta: Meta,
    dek: [u8; KEY_LEN],
}

thread_local! {
    static UNLOCKED: RefCell<Option<Unlocked>> = const { RefCell::new(None) };
    /// The store the lock screen handed over, for the app to take when it mounts.
    static PREPARED: RefCell<Option<SharedStore>> = const { RefCell::new(None) };
    static HIDDEN_AT: Cell<Option<f64>> = const { Cell::new(None) };
}

/// Whether this device's Tend has a lock (read before anything else starts).
pub fn starting() -> bool {
    BrowserStore::open()
        .ok()
        .and_then(|s| s.get(LOCK_KEY).ok().flatten())
        .is_some()
}

/// Whether the running app was opened with the passphrase.
pub fn is_on() -> bool {
    UNLOCKED.with(|u| u.borrow().is_some())
}

/// The store the lock screen handed over, once.
pub fn take_prepared() -> Option<SharedStore> {
    PREPARED.with(|p| p.borrow_mut().take())
}

/// Minutes hidden before Tend locks again, while it is on.
pub fn after_minutes() -> Option<u32> {
    UNLOCKED.with(|u| u.borrow().as_ref().map(|u| u.meta.after_minutes))
}

/// Shows the lock screen and waits for the right passphrase; `false` when the lock
/// screen could not arrive (then the app must not start: the static page says Tend
/// couldn't start, with Help now).
pub async fn prepare() -> bool {
    match show_lock_screen().await {
        Ok(opened) => wasm_bindgen_futures::JsFuture::from(opened).await.is_ok(),
        Err(_) => {
            crate::platform::dom::show_boot_failed();
            false
        }
    }
}

/// Puts the lock screen on the page; the promise settles once it has handed over a store.
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(lock, wasm_split_path = ::leptos::wasm_split, fallible)]
fn show_lock_screen() -> Result<js_sys::Promise, crate::ui::section::NotLoaded> {
    Ok(crate::ui::lock::mount_lock_screen())
}

#[cfg(not(feature = "split"))]
async fn show_lock_screen() -> Result<js_sys::Promise, crate::ui::section::NotLoaded> {
    Ok(crate::ui::lock::mount_lock_screen())
}

/// Why the lock screen did not open.
#[derive(Clone, Debug, PartialEq)]
pub enum UnlockError {
    /// Not the passphrase. Nothing changes: try again as often as you like.
    Wrong,
    /// Browser storage or WebCrypto failed.
    Problem(String),
}

fn raw_store() -> Result<SharedStore, StorageError> {
    Ok(Rc::new(BrowserStore::open()?))
}

async fn key_for(passphrase: &str, salt: &[u8], iterations: u32) -> Result<[u8; KEY_LEN], String> {
    crypto::pbkdf2(passphrase, salt, iterations)
        .await
        .map_err(|_| "This browser couldn't work out the key just now.".to_owned())
}

/// Opens the lock with `passphrase`: finishes whatever turning on or off was interrupted,
/// and returns the store the app runs on.
pub async fn unlock(passphrase: &str) -> Result<SharedStore, UnlockError> {
    let problem = |e: StorageError| UnlockError::Problem(e.to_string());
    let raw = raw_store().map_err(problem)?;
    let Some(mut meta) = core::read_meta(&*raw).map_err(problem)? else {
        // Turned off in another tab meanwhile.
        return Ok(raw);
    };
    let kek = key_for(passphrase, &meta.salt, meta.iterations)
        .await
        .map_err(UnlockError::Problem)?;
    let dek = core::unwrap(&kek, &meta.wrapped).ok_or(UnlockError::Wrong)?;
    let random = crypto::random();
    // A pass that cannot finish now (storage full) leaves everything readable; it is
    // tried again at the next unlock. Until then Tend runs through the lock, which reads
    // both forms and writes encrypted, even half-way through turning it off.
    let still_on = core::resume(&*raw, &mut meta, &dek, &random).unwrap_or(true);
    if !still_on {
        return Ok(raw);
    }
    let store: SharedStore = Rc::new(LockedStore::new(raw.clone(), dek, random));
    UNLOCKED.with(|u| *u.borrow_mut() = Some(Unlocked { raw, meta, dek }));
    Ok(store)
}

/// Hands the opened store to the app (see [`take_prepared`]).
pub fn hand_over(store: SharedStore) {
    PREPARED.with(|p| *p.borrow_mut() = Some(store));
    watch_hidden();
}

/// Turns the lock on with a new passphrase: one verified pass over every record. The page
/// then loads afresh, at the lock screen.
pub async fn turn_on(passphrase: &str, after_minutes: u32) -> Result<(), String> {
    let raw = raw_store().map_err(|e| e.to_string())?;
    let random = crypto::random();
    let mut salt = vec![0u8; core::SALT_LEN];
    random(&mut salt);
    let kek = key_for(passphrase, &salt, core::ITERATIONS).await?;
    core::turn_on(&*raw, &kek, salt, core::ITERATIONS, after_minutes, &random).map_err(|e| {
        format!("{e} What was done is kept, and Tend will finish when it's next opened.")
    })?;
    lock_now();
    Ok(())
}

/// Checks `passphrase` against the lock, for a change or turning it off.
async fn check(passphrase: &str) -> Result<(), String> {
    let (salt, iterations, wrapped) = UNLOCKED
        .with(|u| {
            u.borrow().as_ref().map(|u| {
                (
                    u.meta.salt.clone(),
                    u.meta.iterations,
                    u.meta.wrapped.clone(),
                )
            })
        })
        .ok_or_else(|| "The lock is off.".to_owned())?;
    let kek = key_for(passphrase, &salt, iterations).await?;
    core::unwrap(&kek, &wrapped)
        .map(|_| ())
        .ok_or_else(|| WRONG.to_owned())
}

/// Checks a passphrase typed again (a plain export while the lock is on).
pub async fn check_passphrase(passphrase: &str) -> Result<(), String> {
    check(passphrase).await
}

/// Tend's records as stored, encrypted, with the lock's key: an export that only the
/// passphrase opens.
pub fn locked_records() -> Result<std::collections::BTreeMap<String, String>, String> {
    let raw = raw_store().map_err(|e| e.to_string())?;
    crate::storage::data::snapshot(&*raw).map_err(|e| e.to_string())
}

/// Whether an export file's records are locked (they carry the lock's key).
pub fn is_locked_file(records: &std::collections::BTreeMap<String, String>) -> bool {
    records.contains_key(LOCK_KEY)
}

/// A locked export's records in plain, with the passphrase it was locked with.
pub async fn open_locked_file(
    records: &std::collections::BTreeMap<String, String>,
    passphrase: &str,
) -> Result<std::collections::BTreeMap<String, String>, String> {
    let meta = records
        .get(LOCK_KEY)
        .and_then(|t| Meta::parse(t))
        .ok_or_else(|| "This file's lock can't be read. Nothing was changed.".to_owned())?;
    let kek = key_for(passphrase, &meta.salt, meta.iterations).await?;
    let dek = core::unwrap(&kek, &meta.wrapped).ok_or_else(|| WRONG.to_owned())?;
    Ok(core::open_records(records, &dek))
}

/// What a passphrase that does not open the lock hears.
pub const WRONG: &str =
    "That passphrase didn't open it. Take your time, and try again whenever you're ready.";

/// Turns the lock off after the passphrase is typed again: every record decrypted,
/// each write verified, the lock's key removed last. The page then loads afresh.
pub async fn turn_off(passphrase: &str) -> Result<(), String> {
    check(passphrase).await?;
    let result = UNLOCKED.with(|u| {
        let mut u = u.borrow_mut();
        let u = u.as_mut().expect("checked above");
        core::turn_off(&*u.raw, &mut u.meta, &u.dek)
    });
    result.map_err(|e| format!("{e} Tend will finish when it's next opened."))?;
    lock_now();
    Ok(())
}

/// A new passphrase: the data key wrapped again, no record rewritten.
pub async fn change_passphrase(current: &str, new: &str) -> Result<(), String> {
    check(current).await?;
    let random = crypto::random();
    let mut salt = vec![0u8; core::SALT_LEN];
    random(&mut salt);
    let kek = key_for(new, &salt, core::ITERATIONS).await?;
    UNLOCKED
        .with(|u| {
            let mut u = u.borrow_mut();
            let u = u.as_mut().ok_or(StorageError::Other("off".into()))?;
            core::rewrap(&*u.raw, &mut u.meta, &u.dek, &kek, salt, &random)
        })
        .map_err(|e| e.to_string())
}

/// How long Tend may be hidden before it locks again.
pub fn set_after_minutes(minutes: u32) -> Result<(), String> {
    UNLOCKED
        .with(|u| {
            let mut u = u.borrow_mut();
            let u = u.as_mut().ok_or(StorageError::Other("off".into()))?;
            let mut next = u.meta.clone();
            next.after_minutes = minutes;
            core::write_meta(&*u.raw, &next)?;
            u.meta = next;
            Ok(())
        })
        .map_err(|e: StorageError| e.to_string())
}

/// Locks now: the page loads afresh (words being typed are kept first, as when a tab
/// closes), and starts at the lock screen.
pub fn lock_now() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// "Forgot the passphrase": deletes everything Tend keeps on this device, the lock too,
/// and starts again.
pub fn start_again() -> Result<(), String> {
    let raw = raw_store().map_err(|e| e.to_string())?;
    crate::storage::data::delete_everything(&*raw).map_err(|e| e.to_string())?;
    lock_now();
    Ok(())
}

/// How many records of each kind are kept (their keys are not encrypted, only what is in
/// them), for the confirmation before starting again.
pub fn kept_counts() -> std::collections::BTreeMap<String, usize> {
    let keys: Vec<String> = raw_store()
        .and_then(|s| s.keys())
        .unwrap_or_default()
        .into_iter()
        .filter(|k| core::is_locked_key(k))
        .collect();
    crate::domain::export::counts_by_kind(&keys)
}

/// Locks again once Tend has been hidden for the chosen time: checked when it is shown
/// again, and by a timer while hidden (browsers may slow it, never speed it).
fn watch_hidden() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let timer = Rc::new(Cell::new(None::<i32>));
    let on_change = Closure::<dyn Fn()>::new(move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(minutes) = after_minutes() else {
            return;
        };
        let hidden = window
            .document()
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
        let now = js_sys::Date::now();
        if let Some(t) = timer.take() {
            window.clear_timeout_with_handle(t);
        }
        if hidden {
            if minutes == 0 {
                lock_now();
                return;
            }
            HIDDEN_AT.with(|h| h.set(Some(now)));
            let lock = Closure::once_into_js(lock_now);
            timer.set(
                window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(
                        lock.unchecked_ref(),
                        (minutes * 60_000) as i32,
                    )
                    .ok(),
            );
        } else if let Some(at) = HIDDEN_AT.with(|h| h.take()) {
            if now - at >= f64::from(minutes) * 60_000.0 {
                lock_now();
            }
        }
    });
    let _ = window
        .add_event_listener_with_callback("visibilitychange", on_change.as_ref().unchecked_ref());
    // It lasts as long as the page does.
    on_change.forget();
}
