//! The service worker that keeps Tend (and its help page) working offline, and how a
//! page lives alongside newer versions of it. `sw.js` is written at build time
//! (scripts/post-build.mjs) with the list of files to keep and the build's version, which
//! the build also writes into each page as `<meta name="tend-version">`.
//!
//! - While a page is open it holds a shared Web Lock named after its version's cache
//!   (`tend-<version>`): the service worker of a newer version keeps that cache, and so
//!   every file this page may still ask for (a section it has not opened yet), until no
//!   open page holds it.
//! - When a new version's service worker takes over, the page asks it for its version;
//!   a different one from its own means a new version is ready (see `ui::update`).

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The version this page was built as, from `<meta name="tend-version">` (absent in
/// tests and wherever the build step did not run).
pub fn this_version() -> Option<String> {
    let meta = web_sys::window()?
        .document()?
        .query_selector("meta[name=\"tend-version\"]")
        .ok()??;
    meta.get_attribute("content").filter(|v| !v.is_empty())
}

/// The cache (and lock) name of a version, as sw.js names it.
fn cache_name(version: &str) -> String {
    format!("tend-{version}")
}

/// Holds this page's version in use for as long as the page is open, so the service
/// worker of a newer version keeps its files (see the module's comment). Works with or
/// without a service worker, and in demo mode too (its sections come from that cache).
pub fn hold_this_version() {
    let (Some(window), Some(version)) = (web_sys::window(), this_version()) else {
        return;
    };
    let Ok(locks) = js_sys::Reflect::get(&window.navigator(), &"locks".into()) else {
        return;
    };
    let Ok(request) = js_sys::Reflect::get(&locks, &"request".into()) else {
        return;
    };
    let Ok(request) = request.dyn_into::<js_sys::Function>() else {
        // No Web Locks in this browser: sw.js keeps the version before its own instead.
        return;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"mode".into(), &"shared".into());
    // Granted at once (every holder shares it); held until the page goes, since the
    // promise it returns never settles.
    let hold = Closure::<dyn FnMut(JsValue) -> js_sys::Promise>::new(|_| {
        js_sys::Promise::new(&mut |_, _| {})
    });
    if let Ok(granted) = request.call3(
        &locks,
        &cache_name(&version).into(),
        &options,
        hold.as_ref().unchecked_ref(),
    ) {
        // The promise settles only if the lock is ever let go, when the page is gone.
        if let Ok(granted) = granted.dyn_into::<js_sys::Promise>() {
            NOOP.with(|noop| {
                let _ = granted.catch(noop);
            });
        }
    }
    // Called once, at start-up: the lock lives as long as the page.
    hold.forget();
}

thread_local! {
    static NOOP: Closure<dyn FnMut(JsValue)> = Closure::new(|_| {});
}

/// Registers once the page has finished loading, so installing the offline copy (which
/// fetches every file again) never competes with the first visit. Then watches for a new
/// version of Tend taking over, and calls `on_new` once when one has; the browser looks
/// for one when the page opens and whenever it is shown again.
pub fn register_service_worker(on_new: impl Fn() + 'static) {
    let loaded = web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.ready_state() == "complete");
    let on_new: std::rc::Rc<dyn Fn()> = std::rc::Rc::new(on_new);
    if loaded {
        register_now(on_new);
    } else {
        // `load` fires once; the listener lives as long as the page.
        let _ = leptos::prelude::window_event_listener_untyped("load", move |_| {
            register_now(on_new.clone())
        });
    }
}

fn register_now(on_new: std::rc::Rc<dyn Fn()>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let nav = window.navigator();
    // Not every browser has service workers (and none do on insecure origins).
    if !super::has(&nav, "serviceWorker") {
        return;
    }
    let container = nav.service_worker();
    watch(&container, on_new);
    leptos::task::spawn_local(async move {
        let registration = match JsFuture::from(container.register("/sw.js")).await {
            Ok(r) => r.unchecked_into::<web_sys::ServiceWorkerRegistration>(),
            Err(e) => {
                web_sys::console::warn_2(&"Tend could not set up offline use:".into(), &e);
                return;
            }
        };
        // A page left open for days still hears of a new version: the browser looks
        // again whenever the page is shown again (a phone unlocked, a tab switched to).
        let _ = leptos::prelude::window_event_listener_untyped("visibilitychange", move |_| {
            let shown = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
            if shown {
                if let Ok(p) = registration.update() {
                    // Offline, the look fails: there is nothing new to hear of then.
                    NOOP.with(|noop| {
                        let _ = p.catch(noop);
                    });
                }
            }
        });
    });
}

/// Asks each service worker that takes over this page for its version, and calls
/// `on_new` once when one answers with a version other than this page's. (Not at start:
/// a page fresh from the network may still be looked after by the worker of the version
/// before, which is about to be replaced by this page's own.)
fn watch(container: &web_sys::ServiceWorkerContainer, on_new: std::rc::Rc<dyn Fn()>) {
    let Some(mine) = this_version() else {
        return;
    };
    let told = std::cell::Cell::new(false);
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            let field = |name: &str| {
                js_sys::Reflect::get(&data, &name.into())
                    .ok()
                    .and_then(|v| v.as_string())
            };
            if field("tend").as_deref() != Some("version") {
                return;
            }
            if field("version").is_some_and(|v| v != mine) && !told.replace(true) {
                on_new();
            }
        });
    container.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let asking = container.clone();
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if let Some(worker) = asking.controller() {
            let question = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&question, &"tend".into(), &"version?".into());
            let _ = worker.post_message(&question);
        }
    });
    let _ = container
        .add_event_listener_with_callback("controllerchange", on_change.as_ref().unchecked_ref());
    // Set up once, at start-up: both listeners live as long as the page.
    on_message.forget();
    on_change.forget();
}

/// Loads the page again, now from the newest version (the person chose "Use it now").
pub fn use_new_version() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
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
