//! Runs a breathing [`Plan`] with the Web Animations API. Only `transform` and `opacity`
//! change, so the browser's compositor plays it without the main thread.

use crate::domain::keyframes::Plan;
use wasm_bindgen::{JsCast, JsValue};

fn set(object: &js_sys::Object, key: &str, value: &JsValue) -> Result<(), JsValue> {
    js_sys::Reflect::set(object, &JsValue::from_str(key), value).map(|_| ())
}

/// `scale(0.620)` without float formatting (which would add about 10 KB to the wasm).
fn scale_css(scale: f32) -> String {
    let milli = (scale.max(0.0) * 1000.0).round() as u32;
    format!("scale({}.{:03})", milli / 1000, milli % 1000)
}

/// Starts `plan` on `el` now: size and brightness when `scale` is true, brightness
/// only otherwise. The returned animation can be paused, resumed, moved to a moment
/// (`set_current_time`) or cancelled.
pub fn breathe(
    el: &web_sys::Element,
    plan: &Plan,
    scale: bool,
) -> Result<web_sys::Animation, JsValue> {
    let frames = js_sys::Array::new();
    for k in &plan.keyframes {
        let frame = js_sys::Object::new();
        set(&frame, "offset", &JsValue::from_f64(k.offset))?;
        if scale {
            set(&frame, "transform", &JsValue::from_str(&scale_css(k.scale)))?;
        }
        set(&frame, "opacity", &JsValue::from_f64(f64::from(k.opacity)))?;
        set(&frame, "easing", &JsValue::from_str(k.easing))?;
        frames.push(&frame);
    }
    // The options dictionary is built by hand: web-sys marks its typed form unstable.
    let options = js_sys::Object::new();
    set(
        &options,
        "duration",
        &JsValue::from_f64(plan.duration_ms as f64),
    )?;
    set(&options, "fill", &JsValue::from_str("both"))?;
    let animate: js_sys::Function =
        js_sys::Reflect::get(el, &JsValue::from_str("animate"))?.dyn_into()?;
    animate.call2(el, &frames, &options)?.dyn_into()
}
