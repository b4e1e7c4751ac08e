//! `navigator.storage`: asking the browser to keep Tend's data, and how much is used.
//! Every call is optional: browsers without the API simply report nothing.

use wasm_bindgen_futures::JsFuture;

fn manager() -> Option<web_sys::StorageManager> {
    let nav = web_sys::window()?.navigator();
    super::has(&nav, "storage").then(|| nav.storage())
}

/// Asks the browser not to clear Tend's storage under pressure. Returns whether it is
/// now persistent.
pub async fn persist() -> Option<bool> {
    JsFuture::from(manager()?.persist().ok()?)
        .await
        .ok()?
        .as_bool()
}

pub async fn persisted() -> Option<bool> {
    JsFuture::from(manager()?.persisted().ok()?)
        .await
        .ok()?
        .as_bool()
}

/// (usage, quota) in bytes for the whole origin, as the browser estimates them.
pub async fn estimate() -> Option<(f64, f64)> {
    let estimate: web_sys::StorageEstimate = wasm_bindgen::JsCast::unchecked_into(
        JsFuture::from(manager()?.estimate().ok()?).await.ok()?,
    );
    Some((estimate.get_usage()?, estimate.get_quota()?))
}
