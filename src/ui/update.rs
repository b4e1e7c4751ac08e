//! "A new version of Tend is ready": offered, never forced. A new version is fetched in
//! the background by the service worker (see `platform::offline`); the page it finds
//! open keeps working on its own version, and says a new one is ready only when nothing
//! is in progress (`state::busy`: a breathing session, a stroke being drawn, words not
//! yet kept). "Use it now" loads the page again in the new version; nothing is lost,
//! since everything kept is already saved. Demo mode never registers the service
//! worker, so it never offers one.

use crate::platform::offline;
use crate::state::busy::use_busy;
use leptos::prelude::*;

/// Set once a new version has taken over from the one this page runs.
#[derive(Clone, Copy)]
struct Ready(RwSignal<bool>);

/// Registers the service worker and listens for a new version. Call once, in the app.
pub fn start() {
    let ready = RwSignal::new(false);
    provide_context(Ready(ready));
    offline::register_service_worker(move || {
        ready.try_set(true);
    });
}

/// What the page knows of a new version, on `<html data-update>`: nothing known
/// (no attribute), `waiting` (ready, but something is in progress) or `offered`.
fn mark(state: Option<&str>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match state {
        Some(state) => root.set_attribute("data-update", state),
        None => root.remove_attribute("data-update"),
    };
}

/// The offer, in a polite status region that is there from the first paint (empty), so
/// its arrival is heard without taking the focus from what the person is doing.
#[component]
pub fn UpdateOffer() -> impl IntoView {
    let ready = use_context::<Ready>().map(|r| r.0);
    let busy = use_busy();
    let offered = Memo::new(move |_| ready.is_some_and(|r| r.get()) && !busy.is_busy());
    Effect::new(move |_| {
        let known = ready.is_some_and(|r| r.get());
        mark(match (known, offered.get()) {
            (false, _) => None,
            (true, false) => Some("waiting"),
            (true, true) => Some("offered"),
        });
    });
    view! {
        <div class="update-region" role="status">
            {move || offered.get().then(|| view! {
                <div class="banner banner--update">
                    <p>"A new version of Tend is ready."</p>
                    <button type="button" class="button" on:click=move |_| offline::use_new_version()>"Use it now"</button>
                </div>
            })}
        </div>
    }
}
