//! Compassionate letters: the one being written (`tend.draft.letter`), saved on every
//! keystroke so closing the tab loses nothing, and the letters the person kept
//! (`tend.letter.<id>`, one key each).

use super::records::Records;
use super::Store;
use crate::domain::letter::{Letter, LetterDraft};
use crate::storage::{envelope, Loaded, Record, StorageError};
use leptos::prelude::*;

impl Record for Letter {
    const VERSION: u32 = 1;
}

impl Record for LetterDraft {
    const VERSION: u32 = 1;
}

pub const LETTER_PREFIX: &str = "tend.letter.";
pub const LETTER_DRAFT_KEY: &str = "tend.draft.letter";

#[derive(Clone, Copy)]
pub struct LetterState {
    /// Newest first.
    pub kept: Records<Letter>,
    /// The draft as this tab last read or wrote it: while storage still holds exactly
    /// that, a keystroke's save need not decode it again first (`save_known`).
    draft_text: StoredValue<Option<String>>,
    store: Store,
}

impl LetterState {
    /// Reads nothing yet.
    pub fn new(store: Store) -> LetterState {
        LetterState {
            kept: Records::new(store, LETTER_PREFIX, true),
            draft_text: StoredValue::new(None),
            store,
        }
    }

    /// The letter being written, if there is one Tend can read.
    pub fn draft(&self) -> Option<LetterDraft> {
        let raw = self
            .store
            .with(|s| s.get(LETTER_DRAFT_KEY))
            .ok()
            .flatten()?;
        match envelope::decode::<LetterDraft>(&raw) {
            Loaded::Ready(d) => {
                self.draft_text.set_value(Some(raw));
                Some(d)
            }
            _ => None,
        }
    }

    /// Keeps the letter being written (verified); called on every keystroke. Timed for
    /// the bench (`tend:save-letter`).
    pub fn save_draft(&self, draft: &LetterDraft) -> Result<(), StorageError> {
        let text = crate::platform::dom::measure("tend:save-letter", || {
            self.draft_text.with_value(|known| {
                self.store
                    .with(|s| envelope::save_known(s, LETTER_DRAFT_KEY, draft, known.as_deref()))
            })
        })?;
        self.draft_text.set_value(Some(text));
        Ok(())
    }

    /// The letter being written is gone (kept letters stay).
    pub fn drop_draft(&self) -> Result<(), StorageError> {
        self.draft_text.set_value(None);
        self.store.with(|s| s.remove(LETTER_DRAFT_KEY))
    }

    /// Keeps the letter among the person's letters, then lets the draft go. Returns the
    /// new letter's key.
    pub fn keep(&self, letter: &Letter) -> Result<String, StorageError> {
        let entry = self.kept.add(letter)?;
        self.drop_draft()?;
        Ok(entry.key)
    }
}

pub fn use_letters() -> LetterState {
    expect_context::<LetterState>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{data, KvStore, MemoryStore};

    #[test]
    fn letters_and_the_draft_are_exported_and_deleted_with_everything_else() {
        let store = MemoryStore::default();
        let mut letter = Letter::default();
        letter.write("feel", "tired, after a long week");
        envelope::save(&store, "tend.letter.1", &letter).unwrap();
        envelope::save(
            &store,
            LETTER_DRAFT_KEY,
            &LetterDraft {
                letter: letter.clone(),
                step: 1,
            },
        )
        .unwrap();
        let snapshot = data::snapshot(&store).unwrap();
        assert!(snapshot.contains_key("tend.letter.1"));
        assert!(snapshot.contains_key(LETTER_DRAFT_KEY));
        assert!(crate::domain::export::is_record_key("tend.letter.1"));
        data::delete_everything(&store).unwrap();
        assert_eq!(store.get("tend.letter.1").unwrap(), None);
        assert_eq!(store.get(LETTER_DRAFT_KEY).unwrap(), None);
        // …and an export of it reads back as the same letter.
        let raw = snapshot["tend.letter.1"].clone();
        assert_eq!(envelope::decode::<Letter>(&raw), Loaded::Ready(letter));
    }
}
