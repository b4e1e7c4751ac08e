//! The page being hidden or closed: the last moment to save what someone typed.

use leptos::prelude::*;

/// Calls `flush` when the page is hidden (tab switched, phone locked) or about to be
/// unloaded (`pagehide`), so text typed just before closing the tab is kept. Browsers do
/// not run async work at that point, so `flush` must save synchronously (localStorage
/// is). Listeners are removed when the calling component is cleaned up.
pub fn use_flush_on_hide(flush: impl Fn() + Clone + 'static) {
    let on_pagehide = flush.clone();
    let pagehide = window_event_listener_untyped("pagehide", move |_| on_pagehide());
    let visibility = window_event_listener_untyped("visibilitychange", move |_| {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
        if hidden {
            flush();
        }
    });
    on_cleanup(move || {
        pagehide.remove();
        visibility.remove();
    });
}
