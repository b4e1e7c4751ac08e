//! Registers the service worker that keeps Tend (and its help page) working offline.
//! `sw.js` is written at build time with the list of files to keep.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Registers once the page has finished loading, so installing the offline copy (which
/// fetches every file again) never competes with the first visit.
pub fn register_service_worker() {
    let loaded = web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.ready_state() == "complete");
    if loaded {
        register_now();
    } else {
        // `load` fires once; the listener lives as long as the page.
        let _ = leptos::prelude::window_event_listener_untyped("load", |_| register_now());
    }
}

fn register_now() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let nav = window.navigator();
    // Not every browser has service workers (and none do on insecure origins).
    if !super::has(&nav, "serviceWorker") {
        return;
    }
    let promise = nav.service_worker().register("/sw.js");
    let on_error = Closure::<dyn FnMut(JsValue)>::new(|e: JsValue| {
        web_sys::console::warn_2(&"Tend could not set up offline use:".into(), &e);
    });
    let _ = promise.catch(&on_error);
    // Called at most once, at start-up: leaking this one closure is the simple lifetime.
    on_error.forget();
}

/// Removes Tend's offline copy: its caches and its service worker registration. Used by
/// "delete everything", so no trace of Tend is left on the device.
pub async fn remove_offline_copy() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(caches) = window.caches() {
        if let Ok(names) = JsFuture::from(caches.keys()).await {
            for name in js_sys::Array::from(&names)
                .iter()
                .filter_map(|n| n.as_string())
            {
                if name.starts_with("tend-") {
                    let _ = JsFuture::from(caches.delete(&name)).await;
                }
            }
        }
    }
    let nav = window.navigator();
    if super::has(&nav, "serviceWorker") {
        if let Ok(regs) = JsFuture::from(nav.service_worker().get_registrations()).await {
            for reg in js_sys::Array::from(&regs).iter() {
                let reg: web_sys::ServiceWorkerRegistration = reg.unchecked_into();
                if let Ok(p) = reg.unregister() {
                    let _ = JsFuture::from(p).await;
                }
            }
        }
    }
}
