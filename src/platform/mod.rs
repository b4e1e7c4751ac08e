//! Thin wrappers over browser APIs, each safe to call where the API is missing.

pub mod animate;
pub mod canvas;
pub mod crypto;
pub mod cues;
pub mod dom;
pub mod files;
pub mod history;
pub mod install;
pub mod lifecycle;
pub mod offline;
pub mod speech;
pub mod storage_manager;

use wasm_bindgen::JsValue;

/// Whether `target` has `name` (an API this browser may lack), without throwing.
pub(crate) fn has(target: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).is_ok_and(|v| !v.is_undefined())
}
