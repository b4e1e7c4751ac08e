//! Reading lines aloud with the browser's own speech (Web Speech API), where it has
//! one. Looked up at run time: nothing is downloaded, and a browser without it simply
//! does not offer the switch.

use super::has;
use wasm_bindgen::{JsCast, JsValue};

fn synth() -> Option<(web_sys::Window, JsValue)> {
    let window = web_sys::window()?;
    if !has(&window, "speechSynthesis") || !has(&window, "SpeechSynthesisUtterance") {
        return None;
    }
    let synth = js_sys::Reflect::get(&window, &JsValue::from_str("speechSynthesis")).ok()?;
    Some((window, synth))
}

pub fn available() -> bool {
    synth().is_some()
}

fn call(target: &JsValue, name: &str, args: &js_sys::Array) -> Option<()> {
    let f: js_sys::Function = js_sys::Reflect::get(target, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()?;
    f.apply(target, args).ok().map(|_| ())
}

/// Says `text` at `pitch` (1 is the browser's usual), after cutting short anything
/// still being said.
pub fn say(text: &str, pitch: f32) {
    let Some((window, synth)) = synth() else {
        return;
    };
    let utterance = js_sys::Reflect::get(&window, &JsValue::from_str("SpeechSynthesisUtterance"))
        .ok()
        .and_then(|c| c.dyn_into::<js_sys::Function>().ok())
        .and_then(|c| {
            js_sys::Reflect::construct(&c, &js_sys::Array::of1(&JsValue::from_str(text))).ok()
        });
    if let Some(utterance) = utterance {
        let _ = js_sys::Reflect::set(
            &utterance,
            &JsValue::from_str("pitch"),
            &JsValue::from_f64(f64::from(pitch)),
        );
        call(&synth, "cancel", &js_sys::Array::new());
        call(&synth, "speak", &js_sys::Array::of1(&utterance));
    }
}

/// Stops anything being said (leaving a screen, or pausing an exercise).
pub fn stop() {
    if let Some((_, synth)) = synth() {
        call(&synth, "cancel", &js_sys::Array::new());
    }
}
