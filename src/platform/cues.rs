//! Cues a person need not watch: soft tones (Web Audio, no audio files), vibration, and
//! keeping the screen awake. Each is optional: where a browser lacks one, it reports
//! that and nothing fails.

use super::has;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Which way the breath goes; in and out sound and feel different.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    In,
    Out,
}

/// Soft sine tones. Create it from a click or key press: browsers keep audio off until a
/// person has interacted with the page.
pub struct Tones {
    ctx: web_sys::AudioContext,
}

impl Tones {
    /// `None` where the browser has no Web Audio.
    pub fn new() -> Option<Tones> {
        let ctx = web_sys::AudioContext::new().ok()?;
        if let Ok(p) = ctx.resume() {
            // Resuming happens in the background; a refusal only means silence.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = JsFuture::from(p).await;
            });
        }
        Some(Tones { ctx })
    }

    /// A tone of `seconds` that rises for in and falls for out, faded in and out so it
    /// never clicks. `volume` is 0.0 to 1.0 and is kept gentle (at most 0.3 of full).
    pub fn play(&self, cue: Cue, seconds: f64, volume: f32) -> Result<(), JsValue> {
        let (from, to) = match cue {
            Cue::In => (220.0, 330.0),
            Cue::Out => (330.0, 196.0),
        };
        let now = self.ctx.current_time();
        let end = now + seconds.max(0.2);
        let peak = volume.clamp(0.0, 1.0) * 0.3;
        let fade = (seconds / 4.0).clamp(0.05, 0.6);

        let osc = self.ctx.create_oscillator()?;
        osc.set_type(web_sys::OscillatorType::Sine);
        osc.frequency().set_value_at_time(from, now)?;
        osc.frequency().linear_ramp_to_value_at_time(to, end)?;

        let gain = self.ctx.create_gain()?;
        gain.gain().set_value_at_time(0.0, now)?;
        gain.gain().linear_ramp_to_value_at_time(peak, now + fade)?;
        gain.gain().set_value_at_time(peak, end - fade)?;
        gain.gain().linear_ramp_to_value_at_time(0.0, end)?;

        osc.connect_with_audio_node(&gain)?;
        gain.connect_with_audio_node(&self.ctx.destination())?;
        osc.start_with_when(now)?;
        osc.stop_with_when(end + 0.05)?;
        Ok(())
    }

    /// Whether the audio clock is running (it is suspended until a gesture allows it).
    pub fn is_running(&self) -> bool {
        self.ctx.state() == web_sys::AudioContextState::Running
    }
}

impl Drop for Tones {
    fn drop(&mut self) {
        let _ = self.ctx.close();
    }
}

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|w| w.navigator())
}

/// Whether this device can vibrate through the browser.
pub fn can_vibrate() -> bool {
    navigator().is_some_and(|n| has(&n, "vibrate"))
}

/// One short buzz for in, a soft double for out. `false` where vibration is not
/// available (most desktops, iPhones) or the browser declined.
pub fn vibrate(cue: Cue) -> bool {
    let Some(nav) = navigator().filter(|n| has(n, "vibrate")) else {
        return false;
    };
    let pattern: &[u32] = match cue {
        Cue::In => &[60],
        Cue::Out => &[25, 90, 25],
    };
    let array: js_sys::Array = pattern.iter().map(|&ms| JsValue::from(ms)).collect();
    nav.vibrate_with_pattern(&array)
}

/// A held screen wake lock. The screen may sleep again once it is released, dropped,
/// or when the page is hidden (the browser releases it then).
pub struct WakeLock {
    sentinel: JsValue,
}

impl WakeLock {
    /// Asks the browser to keep the screen on. `Err` where the API is missing or the
    /// browser refused (for example when the page is not visible).
    pub async fn request() -> Result<WakeLock, JsValue> {
        let nav = navigator().ok_or("no navigator")?;
        let lock = js_sys::Reflect::get(&nav, &JsValue::from_str("wakeLock"))?;
        if lock.is_undefined() {
            return Err("Screen Wake Lock is not available".into());
        }
        let request: js_sys::Function =
            js_sys::Reflect::get(&lock, &JsValue::from_str("request"))?.dyn_into()?;
        let promise: js_sys::Promise = request
            .call1(&lock, &JsValue::from_str("screen"))?
            .dyn_into()?;
        let sentinel = JsFuture::from(promise).await?;
        Ok(WakeLock { sentinel })
    }

    pub fn is_released(&self) -> bool {
        js_sys::Reflect::get(&self.sentinel, &JsValue::from_str("released"))
            .is_ok_and(|v| v.is_truthy())
    }

    /// Lets the screen sleep again.
    pub async fn release(&self) {
        let release = js_sys::Reflect::get(&self.sentinel, &JsValue::from_str("release"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(promise) = release
            .and_then(|f| f.call0(&self.sentinel).ok())
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        {
            let _ = JsFuture::from(promise).await;
        }
    }
}
