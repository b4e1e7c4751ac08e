//! Putting Tend on the home screen: the browser's offer to install it
//! (`beforeinstallprompt`), whether Tend runs installed, and whether this is Safari on
//! an iPhone or iPad (which has no offer). The offer can come before the app has
//! started, so public/boot.js keeps it on `window` too, under the same name.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where the browser's offer is kept (also written by public/boot.js).
const KEPT: &str = "tendInstallOffer";

fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn keep(offer: &JsValue) {
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::set(&w, &JsValue::from_str(KEPT), offer);
    }
}

fn offer() -> Option<JsValue> {
    get(&web_sys::window()?.into(), KEPT)
}

/// Whether Tend runs as an installed app: from the home screen or in a window of its own.
pub fn installed() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let standalone = ["standalone", "fullscreen", "minimal-ui"]
        .iter()
        .any(|mode| {
            w.match_media(&format!("(display-mode: {mode})"))
                .ok()
                .flatten()
                .is_some_and(|m| m.matches())
        });
    // Safari on iOS says so on `navigator` instead.
    standalone || get(&w.navigator(), "standalone").and_then(|v| v.as_bool()) == Some(true)
}

/// Whether this is Safari on an iPhone, iPod or iPad (`domain::device::is_ios_safari`).
pub fn ios_safari() -> bool {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    crate::domain::device::is_ios_safari(
        &nav.user_agent().unwrap_or_default(),
        nav.max_touch_points() > 1,
    )
}

/// Whether the browser offers to install Tend right now, kept up to date while the
/// calling component lives (the offer can arrive late, and goes once installed; the
/// caller sets it to `false` once it has used the offer with [`prompt`]).
pub fn use_install_offer() -> RwSignal<bool> {
    let offered = RwSignal::new(offer().is_some());
    let arrived = window_event_listener_untyped("beforeinstallprompt", move |e| {
        keep(&e);
        offered.set(true);
    });
    let done = window_event_listener_untyped("appinstalled", move |_| {
        keep(&JsValue::NULL);
        offered.set(false);
    });
    on_cleanup(move || {
        arrived.remove();
        done.remove();
    });
    offered
}

/// Shows the browser's own "Install Tend" dialog. The offer works once, so it is let go
/// of here. `Some(true)` when the person chose to install, `None` without an offer.
pub async fn prompt() -> Option<bool> {
    let offer = offer()?;
    keep(&JsValue::NULL);
    let show: js_sys::Function = get(&offer, "prompt")?.dyn_into().ok()?;
    if let Ok(shown) = show.call0(&offer).ok()?.dyn_into::<js_sys::Promise>() {
        JsFuture::from(shown).await.ok()?;
    }
    let choice: js_sys::Promise = get(&offer, "userChoice")?.dyn_into().ok()?;
    let choice = JsFuture::from(choice).await.ok()?;
    Some(get(&choice, "outcome")?.as_string()? == "accepted")
}
