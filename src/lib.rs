//! Tend: small, playful, compassion-focused exercises for teenagers, between therapy
//! sessions. Everything stays in the browser.
//!
//! Layers, each importing only those below it: `content` and `domain` (pure), `storage`
//! (the only code that touches browser storage), `state` (signals with domain methods),
//! `platform` (browser APIs), `ui` (components).

// Rendering pages to HTML at build time (src/bin/pages.rs) nests view types deeper.
#![cfg_attr(not(target_arch = "wasm32"), recursion_limit = "256")]

pub mod app;
pub mod content;
pub mod domain;
pub mod platform;
pub mod state;
pub mod storage;
pub mod ui;

pub use app::App;
