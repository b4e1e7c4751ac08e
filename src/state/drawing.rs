//! Drawings: the gallery (`tend.drawing.<id>`) and the drawing in progress
//! (`tend.draft.drawing`), saved after every stroke so closing the tab loses nothing.

use super::records::Records;
use super::Store;
use crate::domain::draw::saved::SavedDrawing;
use crate::domain::json::{obj, FromJson, Json, ToJson};
use crate::storage::{envelope, Loaded, Record, StorageError};
use leptos::prelude::*;

impl Record for SavedDrawing {
    const VERSION: u32 = 1;
}

pub const DRAWING_PREFIX: &str = "tend.drawing.";
pub const DRAFT_KEY: &str = "tend.draft.drawing";

/// Work in progress: what is on the canvas, and which kept drawing it continues.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Draft {
    pub work: SavedDrawing,
    /// The kept drawing this continues, and its stored text when it was opened.
    pub from: Option<(String, String)>,
}

impl ToJson for Draft {
    fn to_json(&self) -> Json {
        let (key, base) = match &self.from {
            Some((k, b)) => (Some(k.clone()), Some(b.clone())),
            None => (None, None),
        };
        obj([
            ("work", self.work.to_json()),
            ("key", key.to_json()),
            ("base", base.to_json()),
        ])
    }
}

impl FromJson for Draft {
    fn from_json(j: &Json) -> Result<Self, String> {
        let key: Option<String> = j.field_or("key", None)?;
        let base: Option<String> = j.field_or("base", None)?;
        Ok(Draft {
            work: j.field("work")?,
            from: key.zip(base),
        })
    }
}

impl Record for Draft {
    const VERSION: u32 = 1;
}

#[derive(Clone, Copy)]
pub struct DrawState {
    /// Newest first.
    pub kept: Records<SavedDrawing>,
    /// The drawing in progress as this tab last read or wrote it: while storage still
    /// holds exactly that, a save need not read it back in first (`save_known`).
    draft_text: StoredValue<Option<String>>,
    /// Set by the gallery's "Open": the room opens on that kept drawing this once.
    reopen: StoredValue<bool>,
    store: Store,
}

/// Whether a drawing in progress holds anything not kept in the gallery: a page that was
/// never kept (even a blank one, which remembers its prompt), or changes to a kept
/// drawing since it was opened or last kept.
pub fn holds_unsaved_work(draft: &Draft) -> bool {
    match &draft.from {
        None => true,
        Some((_, base)) => {
            !matches!(envelope::decode::<SavedDrawing>(base), Loaded::Ready(kept) if kept == draft.work)
        }
    }
}

impl DrawState {
    pub fn load(store: Store) -> DrawState {
        DrawState {
            kept: Records::new(store, DRAWING_PREFIX, true),
            draft_text: StoredValue::new(None),
            reopen: StoredValue::new(false),
            store,
        }
    }

    /// The drawing in progress, if there is one Tend can read.
    pub fn draft(&self) -> Option<Draft> {
        let raw = self.store.with(|s| s.get(DRAFT_KEY)).ok().flatten()?;
        match envelope::decode::<Draft>(&raw) {
            Loaded::Ready(d) => {
                self.draft_text.set_value(Some(raw));
                Some(d)
            }
            _ => None,
        }
    }

    /// The drawing to open the room on. Work not yet kept is always there again; a
    /// drawing kept just as it is waits in the gallery, one tap away, and the room opens
    /// on a fresh page (so someone else opening Tend on a shared device does not meet
    /// the last drawing at once), unless the gallery's "Open" just asked for it.
    pub fn draft_to_open(&self) -> Option<Draft> {
        let draft = self.draft()?;
        if self.reopen.get_value() || holds_unsaved_work(&draft) {
            self.reopen.set_value(false);
            return Some(draft);
        }
        // Nothing in it that the gallery does not hold.
        let _ = self.drop_draft();
        None
    }

    /// Opens a kept drawing to carry on with it: it becomes the drawing in progress, and
    /// the room opens on it next.
    pub fn open_kept(&self, draft: &Draft) -> Result<(), StorageError> {
        self.save_draft(draft)?;
        self.reopen.set_value(true);
        Ok(())
    }

    /// Keeps the drawing in progress (verified). Timed for the bench (`tend:save-draft`).
    pub fn save_draft(&self, draft: &Draft) -> Result<(), StorageError> {
        let text = crate::platform::dom::measure("tend:save-draft", || {
            self.draft_text.with_value(|known| {
                self.store
                    .with(|s| envelope::save_known(s, DRAFT_KEY, draft, known.as_deref()))
            })
        })?;
        self.draft_text.set_value(Some(text));
        Ok(())
    }

    /// Starts afresh: the drawing in progress is gone (kept drawings stay).
    pub fn drop_draft(&self) -> Result<(), StorageError> {
        self.draft_text.set_value(None);
        self.store.with(|s| s.remove(DRAFT_KEY))
    }

    /// Keeps the drawing in progress in the gallery: as a new drawing, or over the one
    /// it continues. Returns that drawing's key and stored text, and whether another
    /// tab had changed that drawing meanwhile (its version is then a drawing of its own).
    pub fn keep(&self, draft: &Draft) -> Result<((String, String), bool), StorageError> {
        let (key, base) = match &draft.from {
            Some((k, b)) => (Some(k.as_str()), Some(b.as_str())),
            None => (None, None),
        };
        let (entry, other) = self.kept.save(key, &draft.work, base)?;
        Ok(((entry.key, entry.raw), other.is_some()))
    }
}

pub fn use_draw() -> DrawState {
    expect_context::<DrawState>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::json::to_text;

    #[test]
    fn a_draft_remembers_the_drawing_it_continues() {
        let draft = Draft {
            work: SavedDrawing {
                name: "Calm".into(),
                prompt: "free".into(),
                ..SavedDrawing::default()
            },
            from: Some(("tend.drawing.1".into(), "{\"v\":1}".into())),
        };
        assert_eq!(Draft::from_text(&to_text(&draft)).unwrap(), draft);
        let fresh = Draft::default();
        assert_eq!(Draft::from_text(&to_text(&fresh)).unwrap(), fresh);
    }

    #[test]
    fn only_work_not_yet_kept_counts_as_unsaved() {
        let kept = SavedDrawing {
            name: "Calm".into(),
            prompt: "free".into(),
            words: "A lake".into(),
            ..SavedDrawing::default()
        };
        let stored = envelope::encode(&kept);
        let same = Draft {
            work: kept.clone(),
            from: Some(("tend.drawing.1".into(), stored.clone())),
        };
        assert!(!holds_unsaved_work(&same), "kept just as it is");
        let changed = Draft {
            work: SavedDrawing {
                words: "A lake at night".into(),
                ..kept.clone()
            },
            from: Some(("tend.drawing.1".into(), stored)),
        };
        assert!(holds_unsaved_work(&changed), "changed since it was kept");
        let never_kept = Draft {
            work: kept,
            from: None,
        };
        assert!(holds_unsaved_work(&never_kept));
        let unreadable_base = Draft {
            from: Some(("tend.drawing.1".into(), "not json".into())),
            ..Draft::default()
        };
        assert!(
            holds_unsaved_work(&unreadable_base),
            "when in doubt, keep it"
        );
    }
}
