//! The browser's address bar and history, for Tend's router.

use wasm_bindgen::JsCast;

/// The current path, e.g. `/help`.
pub fn current_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".to_owned())
}

/// The current path with its query, e.g. `/draw?prompt=calm`: what the router follows.
pub fn current_location() -> String {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    current_path() + &search
}

/// Adds (or, with `replace`, swaps) a history entry for `path` and scrolls to the top.
pub fn set_path(path: &str, replace: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = if replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        };
    }
    window.scroll_to_with_x_and_y(0.0, 0.0);
}

/// The same-origin path (with its query) a click on a link should go to inside the app, or `None` when
/// the browser should handle the click itself (another origin, `tel:`/`sms:` links,
/// modifier keys, a new tab, a download, or a link to a place on this same page).
pub fn in_app_link_target(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.ctrl_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return None;
    }
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let link = target.closest("a[href]").ok()??;
    if link.has_attribute("target") || link.has_attribute("download") {
        return None;
    }
    let location = web_sys::window()?.location();
    let url =
        web_sys::Url::new_with_base(&link.get_attribute("href")?, &location.href().ok()?).ok()?;
    let same_page = url.pathname() == location.pathname().ok()?
        && url.search() == location.search().ok()?
        && !url.hash().is_empty();
    (url.origin() == location.origin().ok()? && !same_page).then(|| url.pathname() + &url.search())
}
