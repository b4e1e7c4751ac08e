//! A QR code of a text, as an SVG path, made on the device (no network).

use qrcodegen::{QrCode, QrCodeEcc};

/// A QR code ready to draw: `size` modules square, the dark ones as one SVG path in
/// module units, and the QR version (1 to 40: bigger means denser and harder to scan).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qr {
    pub size: u32,
    pub version: u8,
    pub path: String,
}

/// Blank modules around the code that scanners need (the standard's quiet zone).
pub const QUIET: u32 = 4;

/// The QR code of `text`, or `None` when it is too long for any QR code. Low error
/// correction keeps the code as coarse as possible for a camera reading a screen; the
/// library raises it for free when the text fits the same size anyway.
pub fn qr(text: &str) -> Option<Qr> {
    let code = QrCode::encode_text(text, QrCodeEcc::Low).ok()?;
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if code.get_module(x, y) {
                // One run of dark modules on a row is one rectangle.
                let start = x;
                while x < size && code.get_module(x, y) {
                    x += 1;
                }
                path.push_str(&format!("M{start} {y}h{}v1H{start}z", x - start));
            } else {
                x += 1;
            }
        }
    }
    Some(Qr {
        size: size as u32,
        version: code.version().value(),
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::Plan;

    #[test]
    fn a_short_text_makes_a_small_code() {
        let q = qr("https://tend.example.org/").unwrap();
        assert_eq!(q.version, 2);
        assert_eq!(q.size, 25);
        assert!(
            q.path.starts_with("M0 0h7v1H0z"),
            "the finder pattern's top row"
        );
    }

    #[test]
    fn a_five_item_plan_link_fits_a_code_a_phone_can_read() {
        let plan = crate::domain::plan::tests::five();
        let link = format!("https://tend.example.org/plan#{}", plan.encode().unwrap());
        let q = qr(&link).unwrap();
        println!(
            "five-item plan, full note: link {} characters, QR version {} ({} modules)",
            link.len(),
            q.version,
            q.size
        );
        let short = Plan {
            note: "Try these when you can.".into(),
            ..plan
        };
        let link = format!("https://tend.example.org/plan#{}", short.encode().unwrap());
        let q2 = qr(&link).unwrap();
        println!(
            "five-item plan, short note: link {} characters, QR version {} ({} modules)",
            link.len(),
            q2.version,
            q2.size
        );
        assert!(q.version <= 17, "version {}", q.version);
    }

    #[test]
    fn text_too_long_for_any_code_gives_none() {
        assert_eq!(qr(&"x".repeat(3000)), None);
    }
}
