//! A small router over the typed [`Page`] enum: the path is a signal, links inside the
//! app change it without reloading, and Back/Forward follow it. (A general router crate
//! cost about a sixth of the app's download for features Tend does not use.)

use super::routes::{query, Page};
use crate::platform::history;
use leptos::ev;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Nav {
    path: RwSignal<String>,
}

impl Nav {
    /// Starts following the address bar: Back/Forward, and clicks on in-app links
    /// anywhere on the page. Call once, from the app root.
    pub fn provide() -> Nav {
        let nav = Nav {
            path: RwSignal::new(history::current_location()),
        };
        // Both listeners live as long as the app, so their handles are never removed.
        let _ = window_event_listener(ev::popstate, move |_| {
            nav.path.set(history::current_location())
        });
        let _ = window_event_listener(ev::click, move |ev| {
            if let Some(path) = history::in_app_link_target(&ev) {
                ev.prevent_default();
                nav.go(&path);
            }
        });
        provide_context(nav);
        nav
    }

    pub fn path(&self) -> String {
        self.path.get()
    }

    /// The page for the current path, or `None` for a path Tend does not have.
    pub fn page(&self) -> Option<Page> {
        self.path.with(|p| Page::from_path(p))
    }

    /// A value from the address's query (`?prompt=calm`), for the current path.
    pub fn query(&self, key: &str) -> Option<String> {
        self.path.with(|p| query(p, key).map(str::to_owned))
    }

    /// Like `query`, without following later changes (for a screen's first state).
    pub fn query_untracked(&self, key: &str) -> Option<String> {
        self.path
            .with_untracked(|p| query(p, key).map(str::to_owned))
    }

    pub fn is(&self, page: Page) -> bool {
        self.page() == Some(page)
    }

    pub fn go(&self, path: &str) {
        if self.path.with_untracked(|p| p != path) {
            history::set_path(path, false);
            self.path.set(path.to_owned());
        }
    }

    /// Like `go`, without leaving the current path in history (for redirects).
    pub fn replace(&self, path: &str) {
        history::set_path(path, true);
        self.path.set(path.to_owned());
    }
}

pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}
