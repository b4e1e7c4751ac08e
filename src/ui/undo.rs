//! Deleting a kept record with a way back: the record goes at once, and an Undo button
//! (focused, so a keyboard user is not left on a button that vanished) puts it back
//! under its old key. One piece for sessions, patterns and drawings.

use crate::platform::dom;
use crate::state::records::Records;
use crate::storage::Record;
use leptos::prelude::*;

pub struct Removal<T: Send + Sync + 'static> {
    /// The last record deleted: its key, its value, and the words for what it was.
    removed: RwSignal<Option<(String, T, String)>>,
    /// What went wrong with the last delete or undo, in words.
    pub problem: RwSignal<Option<String>>,
    records: Records<T>,
}

impl<T: Send + Sync + 'static> Clone for Removal<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Removal<T> {}

impl<T: Record + Clone + Send + Sync + 'static> Removal<T> {
    pub fn new(records: Records<T>) -> Removal<T> {
        Removal {
            removed: RwSignal::new(None),
            problem: RwSignal::new(None),
            records,
        }
    }

    /// Deletes the record under `key`; `what` names it in the Undo line ("the session
    /// from 28 November 2026").
    pub fn delete(&self, key: &str, what: String) {
        match self.records.delete(key) {
            Ok(Some(value)) => {
                self.removed.set(Some((key.to_owned(), value, what)));
                self.problem.set(None);
                dom::focus_after_render("#undo");
            }
            Ok(None) => {}
            Err(e) => self.problem.set(Some(format!("Couldn't delete it. {e}"))),
        }
    }

    pub fn undo(&self) {
        let Some((key, value, _)) = self.removed.get_untracked() else {
            return;
        };
        match self.records.restore(&key, &value) {
            Ok(()) => {
                self.removed.set(None);
                dom::focus_after_render("main h1");
            }
            Err(e) => self.problem.set(Some(format!("Couldn't put it back. {e}"))),
        }
    }

    /// "Deleted …  [Undo]" while there is something to put back, and any problem.
    pub fn view(&self) -> impl IntoView {
        let this = *self;
        view! {
            <div role="status" class="undo-region">
                {move || this.removed.with(|r| r.as_ref().map(|(_, _, what)| what.clone())).map(|what| view! {
                    <p class="undo">
                        {format!("Deleted {what}. ")}
                        <button type="button" id="undo" class="button" on:click=move |_| this.undo()>"Undo"</button>
                    </p>
                })}
            </div>
            <div role="alert">
                {move || this.problem.get().map(|p| view! { <p class="form-error">{p}</p> })}
            </div>
        }
    }
}
