//! Role-play conversations: the one in progress (`tend.talk.progress`), so a reload
//! carries on where it was, and finished ones the person chose to keep
//! (`tend.talk.<id>`).

use super::records::Records;
use super::Store;
use crate::content;
use crate::domain::json::{obj, FromJson, Json, ToJson};
use crate::domain::talk::companion::Companion;
use crate::domain::talk::Walk;
use crate::storage::{self, envelope, Loaded, Record, StorageError};
use leptos::prelude::*;

pub const PROGRESS_KEY: &str = "tend.talk.progress";
pub const KEPT_PREFIX: &str = "tend.talk.kept.";
pub const COMPANION_KEY: &str = "tend.companion";

impl Record for Companion {
    const VERSION: u32 = 1;
}

/// A walk as stored: line ids and choices, checked against the scenes when read.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedWalk {
    pub walk: Json,
    /// Local day it was kept (0 for the one in progress).
    pub day: i64,
}

impl ToJson for SavedWalk {
    fn to_json(&self) -> Json {
        obj([("walk", self.walk.clone()), ("day", self.day.to_json())])
    }
}

impl FromJson for SavedWalk {
    fn from_json(j: &Json) -> Result<Self, String> {
        Ok(SavedWalk {
            walk: j.field("walk")?,
            day: j.field_or("day", 0)?,
        })
    }
}

impl Record for SavedWalk {
    const VERSION: u32 = 1;
}

/// What was found when reading the conversation in progress.
pub enum Progress {
    None,
    Walk(Walk),
    /// It no longer fits the scenes (they changed); kept as it is.
    Stale,
}

#[derive(Clone, Copy)]
pub struct TalkState {
    /// Newest first.
    pub kept: Records<SavedWalk>,
    /// The companion the person shaped (defaults until they do). Read from storage the
    /// first time a talk view asks for this state ([`use_talk`]), not at start-up: a
    /// page that never shows the talk screens (the family section) never reads it.
    pub companion: RwSignal<Companion>,
    companion_read: StoredValue<bool>,
    store: Store,
}

impl TalkState {
    /// Reads nothing yet.
    pub fn load(store: Store) -> TalkState {
        TalkState {
            kept: Records::new(store, KEPT_PREFIX, true),
            companion: RwSignal::new(Companion::default()),
            companion_read: StoredValue::new(false),
            store,
        }
    }

    fn read_companion(&self) {
        self.companion_read.set_value(true);
        let talk = *self;
        self.store.on_change(move |key| {
            if key.is_none_or(|k| k == COMPANION_KEY) {
                talk.load_companion();
            }
        });
        self.load_companion();
    }

    fn load_companion(&self) {
        if let Ok(Loaded::Ready(c)) = self
            .store
            .with(|s| envelope::load::<Companion>(s, COMPANION_KEY))
        {
            self.companion.set(c);
        }
    }

    /// Changes the companion, shows it at once and saves it (verified).
    pub fn shape(&self, change: impl FnOnce(&mut Companion)) -> Result<(), StorageError> {
        self.companion.update(change);
        let result = self
            .companion
            .with_untracked(|c| self.store.with(|s| envelope::save(s, COMPANION_KEY, c)));
        if result.is_ok() {
            super::ask_to_persist_once();
        }
        result
    }

    /// The scenes whose lines the dialogues need as they open: the one of the
    /// conversation in progress, then those of the kept conversations (see
    /// [`content::load_talk_scenes`]).
    pub fn scenes_in_use(&self) -> Vec<String> {
        let mut ids = Vec::new();
        if let Ok(Loaded::Ready(saved)) = self
            .store
            .with(|s| envelope::load::<SavedWalk>(s, PROGRESS_KEY))
        {
            ids.extend(content::walk_scene_id(&saved.walk));
        }
        for id in self.kept_scenes() {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    /// The scenes of the kept conversations, each once.
    pub fn kept_scenes(&self) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        self.kept.list().with_untracked(|list| {
            for id in list
                .iter()
                .filter_map(|e| content::walk_scene_id(&e.value.walk))
            {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        });
        ids
    }

    /// The conversation in progress, checked against the scenes as they are now. Its
    /// scene's lines need to be here first ([`TalkState::scenes_in_use`]).
    pub fn progress(&self) -> Progress {
        match self
            .store
            .with(|s| envelope::load::<SavedWalk>(s, PROGRESS_KEY))
        {
            Ok(Loaded::Ready(saved)) => match content::restore_walk(&saved.walk) {
                Ok(walk) => Progress::Walk(walk),
                Err(_) => Progress::Stale,
            },
            Ok(Loaded::Missing) | Err(_) => Progress::None,
            Ok(_) => Progress::Stale,
        }
    }

    /// Keeps the conversation in progress (verified).
    pub fn save_progress(&self, walk: &Walk) -> Result<(), StorageError> {
        let saved = SavedWalk {
            walk: walk.to_json(),
            day: 0,
        };
        self.store.with(|s| envelope::save(s, PROGRESS_KEY, &saved))
    }

    /// Ends the conversation in progress. One that no longer fits the scenes is set
    /// aside under `tend.kept.…` rather than deleted.
    pub fn end_progress(&self, stale: bool) -> Result<(), StorageError> {
        self.store.with(|s| {
            if stale {
                if let Some(raw) = s.get(PROGRESS_KEY)? {
                    storage::set_aside(s, None, PROGRESS_KEY, &raw)?;
                }
            }
            s.remove(PROGRESS_KEY)
        })
    }

    /// Keeps a finished conversation.
    pub fn keep(&self, walk: &Walk, day: i64) -> Result<(), StorageError> {
        self.kept
            .add(&SavedWalk {
                walk: walk.to_json(),
                day,
            })
            .map(|_| ())
    }
}

pub fn use_talk() -> TalkState {
    let talk = expect_context::<TalkState>();
    if !talk.companion_read.get_value() {
        talk.read_companion();
    }
    talk
}
