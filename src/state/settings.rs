use super::Store;
use crate::domain::settings::Settings;
use crate::storage::{envelope, Loaded, Record, StorageError, SETTINGS_KEY};
use leptos::prelude::*;

impl Record for Settings {
    const VERSION: u32 = 1;
}

/// The outcome of the last change, for the settings page and the shell's alert.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Idle,
    Saved,
    Failed(StorageError),
}

/// What was found in storage when settings were last read, for a calm explanation.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    Fine,
    /// Could not be read; kept as it was (and set aside before any new save).
    Unreadable,
    /// From a newer Tend: read-only here.
    Newer,
}

/// Settings as signals. Views read `get`/`with`; changes go through `update`, which saves
/// and reports the outcome in `status`.
#[derive(Clone, Copy)]
pub struct SettingsState {
    value: RwSignal<Settings>,
    pub status: RwSignal<SaveStatus>,
    pub found: RwSignal<Found>,
    store: Store,
}

fn read(store: Store) -> (Settings, Found, Option<StorageError>) {
    match store.with(|s| envelope::load::<Settings>(s, SETTINGS_KEY)) {
        Ok(Loaded::Ready(s)) => (s, Found::Fine, None),
        Ok(Loaded::Missing) => (Settings::default(), Found::Fine, None),
        Ok(Loaded::Newer { .. }) => (Settings::default(), Found::Newer, None),
        Ok(Loaded::Unreadable { .. }) => (Settings::default(), Found::Unreadable, None),
        Err(e) => (Settings::default(), Found::Fine, Some(e)),
    }
}

impl SettingsState {
    /// Loads settings. Anything unreadable or newer falls back to defaults in memory; the
    /// stored value stays untouched.
    pub fn load(store: Store) -> SettingsState {
        let (settings, found, error) = read(store);
        SettingsState {
            value: RwSignal::new(settings),
            status: RwSignal::new(error.map_or(SaveStatus::Idle, SaveStatus::Failed)),
            found: RwSignal::new(found),
            store,
        }
    }

    /// Reads settings again, after another tab changed them or everything was deleted.
    /// Nothing is written back.
    pub fn reload(&self) {
        let (settings, found, _) = read(self.store);
        self.value.set(settings);
        self.found.set(found);
    }

    pub fn get(&self) -> Settings {
        self.value.get()
    }

    pub fn with<R>(&self, f: impl FnOnce(&Settings) -> R) -> R {
        self.value.with(f)
    }

    /// Reads without subscribing, for values a view takes once.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&Settings) -> R) -> R {
        self.value.with_untracked(f)
    }

    /// Applies a change on top of the latest stored settings (another tab may have saved
    /// since this one read them), shows it at once and saves it, verified.
    pub fn update(&self, change: impl FnOnce(&mut Settings)) {
        let result = self.change_latest(change);
        if result.is_ok() && self.found.get_untracked() == Found::Unreadable {
            // The unreadable value is now set aside under tend.kept.settings.
            self.found.set(Found::Fine);
        }
        if result.is_ok() {
            super::ask_to_persist_once();
        }
        self.status.set(match result {
            Ok(()) => SaveStatus::Saved,
            Err(e) => SaveStatus::Failed(e),
        });
    }
}

impl SettingsState {
    /// Notes something Tend itself remembers (a note shown once), not a choice the
    /// person made: saved quietly, without "Saved" or an alert, and only over settings
    /// Tend could read (an unreadable or newer copy stays as it is; the note then simply
    /// shows again another time).
    pub fn remember(&self, change: impl FnOnce(&mut Settings)) {
        if self.found.get_untracked() != Found::Fine {
            return;
        }
        let _ = self.change_latest(change);
    }

    /// Applies `change` on top of the latest stored settings, shows it and saves it.
    fn change_latest(&self, change: impl FnOnce(&mut Settings)) -> Result<(), StorageError> {
        if let Ok(Loaded::Ready(latest)) = self
            .store
            .with(|s| envelope::load::<Settings>(s, SETTINGS_KEY))
        {
            self.value.set(latest);
        }
        self.value.update(change);
        self.value
            .with_untracked(|v| self.store.with(|s| envelope::save(s, SETTINGS_KEY, v)))
    }
}

pub fn use_settings() -> SettingsState {
    expect_context::<SettingsState>()
}
