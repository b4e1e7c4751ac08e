//! Pure Rust: no leptos, no web-sys. Everything here is tested natively.

pub mod band;
pub mod breathing;
pub mod catalogue;
pub mod checkin;
pub mod circles;
pub mod daily;
pub mod date;
pub mod device;
pub mod draw;
pub mod export;
pub mod family;
pub mod handout;
pub mod help;
pub mod imagery;
pub mod json;
pub mod keyframes;
pub mod kind_break;
pub mod letter;
pub mod plan;
pub mod qr;
pub mod readability;
pub mod settings;
pub mod summary;
pub mod talk;
pub mod warmth;

pub use band::Band;

/// `text` cut to at most `max` characters, on a character boundary: the one limit for
/// every field a person types into (notes, names, descriptions).
pub fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => text[..at].to_owned(),
        None => text.to_owned(),
    }
}

/// Text made safe to place in HTML, in an element or a double-quoted attribute: the one
/// escaping for every page Tend writes as text (Help now's plain page, the summary file).
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_is_escaped_for_html() {
        assert_eq!(
            super::esc("Tom & \"Jo\" <3"),
            "Tom &amp; &quot;Jo&quot; &lt;3"
        );
    }

    #[test]
    fn text_is_clipped_on_a_character_boundary() {
        assert_eq!(super::clip(&"ü".repeat(70), 60).chars().count(), 60);
        assert_eq!(super::clip("short", 60), "short");
    }
}
