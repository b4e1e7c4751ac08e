//! Breathing sessions (each with its check-in) and custom patterns, as signals. One key
//! per record: `tend.breath.<id>` and `tend.pattern.<id>`.

use super::records::Records;
use super::Store;
use crate::domain::breathing::CustomPattern;
use crate::domain::checkin::BreathSession;
use crate::storage::Record;
use leptos::prelude::*;

impl Record for BreathSession {
    const VERSION: u32 = 1;
}

impl Record for CustomPattern {
    const VERSION: u32 = 1;
}

pub const SESSION_PREFIX: &str = "tend.breath.";
pub const PATTERN_PREFIX: &str = "tend.pattern.";

#[derive(Clone, Copy)]
pub struct BreathState {
    /// Newest first.
    pub sessions: Records<BreathSession>,
    /// Oldest first, the order they were made in.
    pub patterns: Records<CustomPattern>,
}

impl BreathState {
    pub fn load(store: Store) -> BreathState {
        BreathState {
            sessions: Records::new(store, SESSION_PREFIX, true),
            patterns: Records::new(store, PATTERN_PREFIX, false),
        }
    }

    /// Reads again what another tab changed (`key` `None`: everything). Nothing is
    /// written back.
    pub fn heard(&self, key: Option<&str>) {
        self.sessions.heard(key);
        self.patterns.heard(key);
    }

    /// Records of either kind that could not be opened.
    pub fn unopened(&self) -> usize {
        self.sessions.unopened() + self.patterns.unopened()
    }
}

pub fn use_breath() -> BreathState {
    expect_context::<BreathState>()
}
