//! Pure Rust: no leptos, no web-sys. Everything here is tested natively.

pub mod band;
pub mod breathing;
pub mod checkin;
pub mod daily;
pub mod date;
pub mod draw;
pub mod export;
pub mod family;
pub mod handout;
pub mod help;
pub mod json;
pub mod keyframes;
pub mod plan;
pub mod qr;
pub mod readability;
pub mod settings;
pub mod talk;

pub use band::Band;

/// `text` cut to at most `max` characters, on a character boundary: the one limit for
/// every field a person types into (notes, names, descriptions).
pub fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => text[..at].to_owned(),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_is_clipped_on_a_character_boundary() {
        assert_eq!(super::clip(&"ü".repeat(70), 60).chars().count(), 60);
        assert_eq!(super::clip("short", 60), "short");
    }
}
