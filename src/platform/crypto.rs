//! WebCrypto for what only it should do for the lock: random bytes, and PBKDF2-SHA-256,
//! whose 600,000 rounds run natively in the browser (the AES itself is in
//! `storage::lock`, synchronous).

use crate::storage::lock::{Random, KEY_LEN};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn crypto() -> Result<web_sys::Crypto, JsValue> {
    web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .crypto()
}

/// Whether this browser can keep a lock (WebCrypto needs a secure page: https or
/// localhost).
pub fn available() -> bool {
    crypto().is_ok_and(|c| super::has(&c.subtle(), "deriveBits"))
}

/// `crypto.getRandomValues` as the lock's source of randomness. Without it no key or IV
/// can be made, so that is a stop rather than weak randomness.
pub fn random() -> Random {
    Rc::new(|buf: &mut [u8]| {
        let crypto = crypto().expect("the lock is only offered where WebCrypto is");
        // getRandomValues fills at most 65,536 bytes per call.
        for chunk in buf.chunks_mut(65_536) {
            crypto
                .get_random_values_with_u8_array(chunk)
                .expect("getRandomValues fills a small buffer");
        }
    })
}

/// PBKDF2-SHA-256 of `passphrase` with `salt`, `iterations` rounds, 256 bits.
pub async fn pbkdf2(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<[u8; KEY_LEN], JsValue> {
    let subtle = crypto()?.subtle();
    let usages = js_sys::Array::of1(&"deriveBits".into());
    let secret = js_sys::Uint8Array::from(passphrase.as_bytes());
    let key = JsFuture::from(subtle.import_key_with_str("raw", &secret, "PBKDF2", false, &usages)?)
        .await?
        .dyn_into::<web_sys::CryptoKey>()?;
    let params = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&params, &k.into(), v);
    set("name", &"PBKDF2".into())?;
    set("hash", &"SHA-256".into())?;
    set("salt", &js_sys::Uint8Array::from(salt))?;
    set("iterations", &iterations.into())?;
    let bits =
        JsFuture::from(subtle.derive_bits_with_object(&params, &key, 8 * KEY_LEN as u32)?).await?;
    let bytes = js_sys::Uint8Array::new(&bits).to_vec();
    bytes
        .try_into()
        .map_err(|_| JsValue::from_str("PBKDF2 gave the wrong length"))
}
