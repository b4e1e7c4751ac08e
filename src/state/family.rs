//! The parent's own data in the family section: their settings (`tend.family.settings`,
//! the age band of their teen for the examples) and one record per lesson
//! (`tend.family.lesson.<id>`: read or not, and a short note).
//!
//! Every key is known from the lessons, so nothing here lists storage: the family pages
//! never enumerate or read any other key, which is how a teen's entries stay unread
//! (the privacy test in tests/e2e/family.test.mjs records every storage call). Nothing
//! is read until a family page first asks.

use super::Store;
use crate::content::LESSONS;
use crate::domain::family::{FamilySettings, LessonRecord, MAX_NOTE_CHARS};
use crate::domain::{clip, Band};
use crate::storage::{envelope, Loaded, Record, StorageError};
use leptos::prelude::*;

pub const SETTINGS_KEY: &str = "tend.family.settings";
pub const LESSON_PREFIX: &str = "tend.family.lesson.";

impl Record for FamilySettings {
    const VERSION: u32 = 1;
}

impl Record for LessonRecord {
    const VERSION: u32 = 1;
}

pub fn lesson_key(id: &str) -> String {
    format!("{LESSON_PREFIX}{id}")
}

#[derive(Clone, Copy)]
pub struct FamilyState {
    settings: RwSignal<FamilySettings>,
    /// One entry per lesson, in course order.
    lessons: RwSignal<Vec<(&'static str, LessonRecord)>>,
    /// Lessons whose stored record could not be opened: shown, never written over.
    locked: RwSignal<Vec<&'static str>>,
    read: StoredValue<bool>,
    store: Store,
}

impl FamilyState {
    /// Reads nothing yet.
    pub fn new(store: Store) -> FamilyState {
        FamilyState {
            settings: RwSignal::new(FamilySettings::default()),
            lessons: RwSignal::new(Vec::new()),
            locked: RwSignal::new(Vec::new()),
            read: StoredValue::new(false),
            store,
        }
    }

    fn ensure(&self) {
        if !self.read.get_value() {
            self.refresh();
        }
    }

    fn refresh(&self) {
        if !self.read.get_value() {
            let family = *self;
            self.store.on_change(move |key| family.heard(key));
        }
        self.read.set_value(true);
        let settings = match self
            .store
            .with(|s| envelope::load::<FamilySettings>(s, SETTINGS_KEY))
        {
            Ok(Loaded::Ready(v)) => v,
            _ => FamilySettings::default(),
        };
        let mut locked = Vec::new();
        let lessons = LESSONS
            .iter()
            .map(|l| {
                let record = match self
                    .store
                    .with(|s| envelope::load::<LessonRecord>(s, &lesson_key(l.id)))
                {
                    Ok(Loaded::Ready(r)) => r,
                    Ok(Loaded::Missing) | Err(_) => LessonRecord::default(),
                    Ok(_) => {
                        locked.push(l.id);
                        LessonRecord::default()
                    }
                };
                (l.id, record)
            })
            .collect();
        self.settings.set(settings);
        self.lessons.set(lessons);
        self.locked.set(locked);
    }

    /// Another tab changed `key` (`None`: anything): read again if it is ours.
    fn heard(&self, key: Option<&str>) {
        if self.read.get_value()
            && key.is_none_or(|k| k == SETTINGS_KEY || k.starts_with(LESSON_PREFIX))
        {
            self.refresh();
        }
    }

    /// The teen age band the parent picked for the examples.
    pub fn teen_band(&self) -> Option<Band> {
        self.ensure();
        self.settings.with(|s| s.teen_band)
    }

    pub fn set_teen_band(&self, band: Band) -> Result<(), StorageError> {
        self.ensure();
        let mut next = self.settings.get_untracked();
        next.teen_band = Some(band);
        self.store
            .with(|s| envelope::save(s, SETTINGS_KEY, &next))?;
        self.settings.set(next);
        super::ask_to_persist_once();
        Ok(())
    }

    pub fn record(&self, id: &str) -> LessonRecord {
        self.ensure();
        self.lessons.with(|list| {
            list.iter()
                .find(|(l, _)| *l == id)
                .map(|(_, r)| r.clone())
                .unwrap_or_default()
        })
    }

    /// Whether the stored record of a lesson could not be opened (it is kept as it
    /// is, and Tend does not write over it).
    pub fn is_locked(&self, id: &'static str) -> bool {
        self.ensure();
        self.locked.with(|l| l.contains(&id))
    }

    fn change(
        &self,
        id: &'static str,
        f: impl FnOnce(&mut LessonRecord),
    ) -> Result<(), StorageError> {
        if self.is_locked(id) {
            return Err(StorageError::Other(
                "this lesson's saved notes couldn't be opened, so they are kept as they are".into(),
            ));
        }
        let mut record = self.record(id);
        f(&mut record);
        self.store
            .with(|s| envelope::save(s, &lesson_key(id), &record))?;
        self.lessons.update(|list| {
            if let Some(slot) = list.iter_mut().find(|(l, _)| *l == id) {
                slot.1 = record;
            }
        });
        super::ask_to_persist_once();
        Ok(())
    }

    pub fn mark_read(&self, id: &'static str, read: bool) -> Result<(), StorageError> {
        self.change(id, |r| r.read = read)
    }

    pub fn save_note(&self, id: &'static str, note: &str) -> Result<(), StorageError> {
        let note = clip(note.trim(), MAX_NOTE_CHARS);
        self.change(id, |r| r.note = note)
    }
}

pub fn use_family() -> FamilyState {
    expect_context::<FamilyState>()
}
