//! Registers the service worker that keeps Tend (and its help page) working offline.
//! `sw.js` is written at build time with the list of files to keep.

use wasm_bindgen::prelude::*;

pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let nav = window.navigator();
    // Not every browser has service workers (and none do on insecure origins).
    if !js_sys::Reflect::has(&nav, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
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
