//! One polite live region for the whole app. It sits in the shell from the first paint,
//! empty, so what Tend says is a *change* to a region screen readers already know about;
//! a region inserted with its text already inside is often not read at all.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Announcer {
    text: RwSignal<String>,
}

impl Announcer {
    /// Makes the announcer for the screens below. Call once, from the shell.
    pub fn provide() -> Announcer {
        let announcer = Announcer {
            text: RwSignal::new(String::new()),
        };
        provide_context(announcer);
        announcer
    }

    /// Says `text` once. The same words again are said again: the region is emptied
    /// first and filled on the next frame, so the change is heard.
    pub fn say(&self, text: &str) {
        let text = text.to_owned();
        if self.text.with_untracked(|t| *t == text) {
            self.text.set(String::new());
            let region = self.text;
            request_animation_frame(move || region.set(text));
        } else {
            self.text.set(text);
        }
    }

    /// Empties the region (when what it said stops being true).
    pub fn clear(&self) {
        self.text.set(String::new());
    }

    /// The region itself, for the shell.
    pub fn region(&self) -> impl IntoView {
        let text = self.text;
        view! {
            <div class="visually-hidden" role="status" data-testid="announcer">{move || text.get()}</div>
        }
    }
}

pub fn use_announcer() -> Announcer {
    expect_context::<Announcer>()
}
