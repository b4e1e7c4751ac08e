use crate::domain::settings::Settings;
use crate::storage::{envelope, Loaded, Record, SharedStore, StorageError, SETTINGS_KEY};
use leptos::prelude::*;

impl Record for Settings {
    const VERSION: u32 = 1;
}

/// The outcome of the last change, for the settings page's status line.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Idle,
    Saved,
    Failed(StorageError),
}

/// Settings as signals. Views read `get`/`with`; changes go through `update`, which saves
/// and reports the outcome in `status`.
#[derive(Clone, Copy)]
pub struct SettingsState {
    value: RwSignal<Settings>,
    pub status: RwSignal<SaveStatus>,
    // Browser storage is not `Send`: keep the handle in the local arena.
    store: StoredValue<SharedStore, LocalStorage>,
}

impl SettingsState {
    /// Loads settings. Anything unreadable or newer falls back to defaults in memory; the
    /// stored value stays untouched until the person changes something (and even then an
    /// unreadable one is set aside first, and a newer one is never replaced).
    pub fn load(store: SharedStore) -> SettingsState {
        let (settings, status) = match envelope::load::<Settings>(&*store, SETTINGS_KEY) {
            Ok(Loaded::Ready(s)) => (s, SaveStatus::Idle),
            Ok(Loaded::Missing) => (Settings::default(), SaveStatus::Idle),
            Ok(Loaded::Newer { version, .. }) => (
                Settings::default(),
                SaveStatus::Failed(StorageError::NewerVersion(version)),
            ),
            Ok(Loaded::Unreadable { .. }) => (Settings::default(), SaveStatus::Idle),
            Err(e) => (Settings::default(), SaveStatus::Failed(e)),
        };
        SettingsState {
            value: RwSignal::new(settings),
            status: RwSignal::new(status),
            store: StoredValue::new_local(store),
        }
    }

    pub fn get(&self) -> Settings {
        self.value.get()
    }

    pub fn with<R>(&self, f: impl FnOnce(&Settings) -> R) -> R {
        self.value.with(f)
    }

    /// Changes settings right away (the app reacts at once) and saves them, verified.
    pub fn update(&self, change: impl FnOnce(&mut Settings)) {
        self.value.update(change);
        let result = self.store.with_value(|store| {
            self.value
                .with_untracked(|s| envelope::save(&**store, SETTINGS_KEY, s))
        });
        self.status.set(match result {
            Ok(()) => SaveStatus::Saved,
            Err(e) => SaveStatus::Failed(e),
        });
    }
}

pub fn use_settings() -> SettingsState {
    expect_context::<SettingsState>()
}
