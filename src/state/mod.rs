//! App state: small `Copy` structs of signals with domain methods, provided through
//! context. The only callers of storage.

pub mod breathing;
pub mod busy;
pub mod circles;
pub mod data;
pub mod demo;
pub mod drawing;
pub mod family;
pub mod letters;
pub mod lock;
pub mod plan;
pub mod records;
pub mod settings;
pub mod talk;

pub use breathing::BreathState;
pub use data::DataState;
pub use settings::{SaveStatus, SettingsState};

use crate::storage::{SharedStore, StorageError};
use leptos::prelude::*;

/// Why browser storage could not be opened, if it could not: the shell shows a calm
/// banner, and everything works in memory.
#[derive(Clone, Debug, PartialEq)]
pub struct StorageHealth(pub Option<StorageError>);

/// Reads again what changed under it: `None` means anything may have.
type Reread = std::rc::Rc<dyn Fn(Option<&str>)>;

/// The one store every provider uses. Browser storage is not `Send`, so the handle lives
/// in the local arena and this wrapper is `Copy`.
///
/// It also knows who has read what: a provider that reads a kind of record for the first
/// time asks to hear of changes ([`Store::on_change`]), and the app passes on every
/// change made by another tab, an import or "delete everything" ([`Store::changed`]).
/// So the app names no kind of record, and each kind's reading code stays with the
/// screens (and the section files) that read it.
#[derive(Clone, Copy)]
pub struct Store {
    kv: StoredValue<SharedStore, LocalStorage>,
    readers: StoredValue<Vec<Reread>, LocalStorage>,
}

impl Store {
    pub fn new(store: SharedStore) -> Store {
        Store {
            kv: StoredValue::new_local(store),
            readers: StoredValue::new_local(Vec::new()),
        }
    }

    pub fn with<R>(&self, f: impl FnOnce(&dyn crate::storage::KvStore) -> R) -> R {
        self.kv.with_value(|s| f(&**s))
    }

    /// Calls `reread` on every later change under the records already read (see
    /// [`Store::changed`]). Called once per reader, when it first reads.
    pub fn on_change(&self, reread: impl Fn(Option<&str>) + 'static) {
        self.readers
            .update_value(|readers| readers.push(std::rc::Rc::new(reread)));
    }

    /// `key` changed (`None`: anything may have): every reader reads again what is its
    /// own. Nothing is written back.
    pub fn changed(&self, key: Option<&str>) {
        let readers = self.readers.with_value(Vec::clone);
        for reread in readers {
            reread(key);
        }
    }
}

/// What Tend says in demo mode wherever it would otherwise say something is kept on
/// this device: the demo's memory store goes when the tab does.
pub const DEMO_KEEPING: &str = "Kept for this demo only \u{2014} nothing is saved on this device.";

/// The words for where something the person keeps went: `on_device` when saves go to
/// this device's storage, and [`DEMO_KEEPING`] in demo mode. The one place that knows
/// which store the providers write to, so no screen claims a save the device never got.
pub fn kept_words(on_device: &'static str) -> &'static str {
    device_or_demo(on_device, DEMO_KEEPING)
}

/// `on_device` when Tend runs on this device's storage, `in_demo` in demo mode: for
/// lines about this device's data that mean something else in the demo.
pub fn device_or_demo(on_device: &'static str, in_demo: &'static str) -> &'static str {
    if demo::is_on() {
        in_demo
    } else {
        on_device
    }
}

thread_local! {
    static ASKED_TO_PERSIST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Called after anything the person explicitly saves: the first time, asks the browser
/// to keep Tend's data (`navigator.storage.persist()`).
pub fn ask_to_persist_once() {
    // Demo mode keeps nothing, so there is nothing to ask the browser to keep.
    if demo::is_on() {
        return;
    }
    if !ASKED_TO_PERSIST.replace(true) {
        leptos::task::spawn_local(async {
            crate::platform::storage_manager::persist().await;
        });
    }
}
