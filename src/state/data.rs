//! The person's control of their data: what is kept, export, import, delete everything.

use super::{SettingsState, Store};
use crate::domain::export::{counts_by_kind, ExportFile, MergePlan};
use crate::domain::json::{obj, FromJson, Json, ToJson};
use crate::platform::{dom, files, offline, storage_manager};
use crate::storage::data::{self, Summary};
use crate::storage::{envelope, Loaded, Record, StorageError};
use leptos::prelude::*;
use std::collections::BTreeMap;

const EXPORT_META_KEY: &str = "tend.meta.export";

/// When the person last exported, so Settings can remind them gently.
struct ExportMeta {
    at: String,
}

impl ToJson for ExportMeta {
    fn to_json(&self) -> Json {
        obj([("at", self.at.to_json())])
    }
}

impl FromJson for ExportMeta {
    fn from_json(j: &Json) -> Result<Self, String> {
        Ok(ExportMeta { at: j.field("at")? })
    }
}

impl Record for ExportMeta {
    const VERSION: u32 = 1;
}

/// The outcome of the last data action, in words.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Done(String),
    Problem(String),
}

/// A file that passed validation and waits for the person to choose merge or replace.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingImport {
    pub file: ExportFile,
    pub counts: BTreeMap<String, usize>,
}

#[derive(Clone, Copy)]
pub struct DataState {
    pub summary: RwSignal<Summary>,
    pub persisted: RwSignal<Option<bool>>,
    /// Bytes (used, quota) for the whole origin, as the browser estimates them.
    pub estimate: RwSignal<Option<(f64, f64)>>,
    pub last_export: RwSignal<Option<String>>,
    pub pending: RwSignal<Option<PendingImport>>,
    pub outcome: RwSignal<Option<Outcome>>,
    /// Whether a view shows the figures; storage events only refresh them then.
    pub watched: RwSignal<bool>,
    /// Counts imports and deletions made in this tab: every kind of record may have
    /// changed, so the app reads again the kinds already read (as it does when another
    /// tab changes something).
    pub replaced: RwSignal<u32>,
    /// Whether [`DataState::watch`] has asked the store to hear of changes.
    listening: StoredValue<bool>,
    store: Store,
    settings: SettingsState,
}

impl DataState {
    pub fn new(store: Store, settings: SettingsState) -> DataState {
        DataState {
            summary: RwSignal::new(Summary::default()),
            persisted: RwSignal::new(None),
            estimate: RwSignal::new(None),
            last_export: RwSignal::new(None),
            pending: RwSignal::new(None),
            outcome: RwSignal::new(None),
            watched: RwSignal::new(false),
            replaced: RwSignal::new(0),
            listening: StoredValue::new(false),
            store,
            settings,
        }
    }

    fn snapshot(&self) -> Result<BTreeMap<String, String>, StorageError> {
        self.store.with(data::snapshot)
    }

    /// Shows the figures from now until `on_cleanup`: reads them, and again after every
    /// change to Tend's records from another tab, an import or a deletion while watched.
    pub fn watch(&self) {
        self.watched.set(true);
        self.refresh();
        if !self.listening.get_value() {
            self.listening.set_value(true);
            let data = *self;
            self.store.on_change(move |key| {
                if data.watched.get_untracked()
                    && key.is_none_or(|k| k.starts_with(crate::storage::PREFIX))
                {
                    data.refresh();
                }
            });
        }
    }

    /// Re-reads what is kept (after any change here or in another tab). Reads every
    /// record, so it runs when the figures are on screen, not at start-up.
    pub fn refresh(&self) {
        let summary = dom::measure("tend:read-all", || {
            data::summarise(&self.snapshot().unwrap_or_default())
        });
        self.summary.set(summary);
        let last = match self
            .store
            .with(|s| envelope::load::<ExportMeta>(s, EXPORT_META_KEY))
        {
            Ok(Loaded::Ready(meta)) => Some(meta.at),
            _ => None,
        };
        self.last_export.set(last);
        let (persisted, estimate) = (self.persisted, self.estimate);
        leptos::task::spawn_local(async move {
            persisted.set(storage_manager::persisted().await);
            estimate.set(storage_manager::estimate().await);
        });
    }

    /// Downloads every record, unreadable ones included, as one file.
    pub fn export(&self) {
        self.export_records(
            self.snapshot().map_err(|e| e.to_string()),
            "Keep it somewhere private.",
        );
    }

    /// Exports `records` (the lock's export passes them encrypted) to one file.
    pub fn export_records(
        &self,
        records: Result<BTreeMap<String, String>, String>,
        after: &'static str,
    ) {
        let result = records.and_then(|records| {
            let now = dom::now_iso();
            let file = ExportFile::new(records, now.clone());
            let name = format!("tend-export-{}.json", &now[..10]);
            files::download(&name, &file.to_json(), "application/json")
                .map_err(|_| "Your browser didn't start the download.".to_owned())?;
            // Remember when; a failure here does not undo the export itself.
            let _ = self
                .store
                .with(|s| envelope::save(s, EXPORT_META_KEY, &ExportMeta { at: now }));
            Ok(name)
        });
        self.outcome.set(Some(match result {
            Ok(name) => Outcome::Done(format!("Exported to {name}. {after}")),
            Err(e) => Outcome::Problem(e),
        }));
        self.refresh();
    }

    /// Checks a chosen file and shows what it holds; nothing is written yet.
    pub fn preview_import(&self, text: &str) {
        self.pending.set(None);
        match ExportFile::parse(text) {
            Ok(file) => {
                let counts = counts_by_kind(file.records.keys());
                self.outcome.set(None);
                self.pending.set(Some(PendingImport { file, counts }));
            }
            Err(e) => self
                .outcome
                .set(Some(Outcome::Problem(format!("{e} Nothing was changed.")))),
        }
    }

    pub fn cancel_import(&self) {
        self.pending.set(None);
        self.outcome.set(Some(Outcome::Done(
            "Import cancelled. Nothing was changed.".into(),
        )));
    }

    /// Adds what is new; where both have a record, keeps this device's and sets the
    /// file's aside.
    pub fn import_merge(&self) {
        let Some(pending) = self.pending.get_untracked() else {
            return;
        };
        let result = self
            .store
            .with(|s| data::import_merge(s, &pending.file.records));
        self.finish_import(result.map(|plan: MergePlan| {
            let mut text = format!(
                "Added {} and skipped {} already here.",
                items(plan.add.len()),
                plan.same.len()
            );
            if !plan.differ.is_empty() {
                text.push_str(&format!(
                    " {} differed: yours stayed, and the file's were kept aside.",
                    items(plan.differ.len())
                ));
            }
            text
        }));
    }

    /// Replaces everything with the file's records (after the person confirmed).
    pub fn import_replace(&self) {
        let Some(pending) = self.pending.get_untracked() else {
            return;
        };
        let result = self
            .store
            .with(|s| data::import_replace(s, &pending.file.records));
        let count = pending.file.records.len();
        self.finish_import(
            result.map(|()| format!("Replaced everything with the file's {}.", items(count))),
        );
    }

    fn finish_import(&self, result: Result<String, StorageError>) {
        self.pending.set(None);
        self.outcome.set(Some(match result {
            Ok(text) => Outcome::Done(text),
            Err(e) => Outcome::Problem(format!("{e} Nothing was changed.")),
        }));
        self.settings.reload();
        self.replaced.update(|n| *n += 1);
        self.refresh();
    }

    /// Removes every record, Tend's offline copy and its service worker. Other open tabs
    /// hear of it through `storage` events and read the (now empty) store again.
    pub fn delete_everything(&self) {
        let result = self.store.with(data::delete_everything);
        self.settings.reload();
        self.outcome.set(Some(match result {
            Ok(_) => Outcome::Done(
                super::device_or_demo(
                    "Everything Tend kept on this device is deleted.",
                    "Everything in this demo is cleared. Nothing on this device was touched.",
                )
                .into(),
            ),
            Err(e) => Outcome::Problem(format!("{e} Some things may not be deleted yet.")),
        }));
        // In demo mode only the memory store is cleared: the device's offline copy is
        // part of what demo mode leaves untouched.
        if !super::demo::is_on() {
            leptos::task::spawn_local(offline::remove_offline_copy());
        }
        self.replaced.update(|n| *n += 1);
        self.refresh();
    }
}

/// "1 item", "3 items".
pub fn items(n: usize) -> String {
    if n == 1 {
        "1 item".to_owned()
    } else {
        format!("{n} items")
    }
}

pub fn use_data() -> DataState {
    expect_context::<DataState>()
}
