//! Pure Rust: no leptos, no web-sys. Everything here is tested natively.

pub mod band;
pub mod breathing;
pub mod checkin;
pub mod daily;
pub mod date;
pub mod draw;
pub mod export;
pub mod help;
pub mod json;
pub mod keyframes;
pub mod readability;
pub mod settings;
pub mod talk;

pub use band::Band;
