//! Breathing sessions (each with its check-in) and custom patterns, as signals. One key
//! per record: `tend.breath.<id>` and `tend.pattern.<id>`.

use super::records::Records;
use super::Store;
use crate::domain::breathing::{CustomPattern, Rhythm};
use crate::domain::checkin::{BreathSession, Feeling};
use crate::domain::settings::Visual;
use crate::storage::{Record, StorageError};
use leptos::prelude::*;

impl Record for BreathSession {
    const VERSION: u32 = 1;
}

impl Record for CustomPattern {
    const VERSION: u32 = 1;
}

pub const SESSION_PREFIX: &str = "tend.breath.";
pub const PATTERN_PREFIX: &str = "tend.pattern.";

/// What a session breathes with, settled when it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Chosen {
    /// Built-in pattern id or custom pattern key.
    pub id: String,
    pub name: String,
    pub rhythm: Rhythm,
    /// `None` for an open-ended session.
    pub end_ms: Option<u64>,
    pub visual: Visual,
}

/// How a session ended.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    pub seconds: u32,
    /// Reached its chosen length (not stopped early).
    pub finished: bool,
}

/// A session under way: where it has got to, kept whenever it pauses or its page is
/// left, so it can be planned again from there.
#[derive(Clone, Debug, PartialEq)]
pub struct Running {
    pub chosen: Chosen,
    /// How the person felt before, if they said.
    pub before: Option<Feeling>,
    /// Session time reached (pauses not counted).
    pub at_ms: u64,
    pub paused: bool,
}

/// A session that has ended: its record, kept as soon as it ended, and the check-in
/// as the person left it.
#[derive(Clone, Debug, PartialEq)]
pub struct Ended {
    pub finished: bool,
    pub record: BreathSession,
    /// The key and stored text of the record once saved: later saves go over exactly
    /// that version (see `Records::save`).
    pub key: Option<(String, String)>,
    /// Why the last save did not work, if it did not.
    pub error: Option<StorageError>,
}

/// Where the breathing space is. It lives as long as the app, not the page, so a visit
/// to Help (or anywhere) mid-session and Back find the session where it was, paused, or
/// its ending as it was left. A reload starts afresh.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Stage {
    #[default]
    Setup,
    Running(Running),
    Ended(Ended),
}

/// Which screen a [`Stage`] shows: the page redraws when this changes, and not when a
/// session's time or check-in does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Setup,
    Running,
    Ended,
}

impl Stage {
    pub fn screen(&self) -> Screen {
        match self {
            Stage::Setup => Screen::Setup,
            Stage::Running(_) => Screen::Running,
            Stage::Ended(_) => Screen::Ended,
        }
    }
}

#[derive(Clone, Copy)]
pub struct BreathState {
    /// Newest first.
    pub sessions: Records<BreathSession>,
    /// Oldest first, the order they were made in.
    pub patterns: Records<CustomPattern>,
    /// The breathing space's screen and the session on it.
    pub stage: RwSignal<Stage>,
    /// Home's one tap asked for a session with the remembered choices: the breathing
    /// space begins it as it opens. (Working out those choices reads the person's own
    /// patterns, which is the breathing section's code, not the first download's.)
    pub begin_on_open: StoredValue<bool>,
}

impl BreathState {
    pub fn load(store: Store) -> BreathState {
        let stage = RwSignal::new(Stage::Setup);
        // A session under way, even one paused while Help is open, would be lost by a
        // reload: a new version of Tend waits until it has ended.
        super::busy::use_busy().hold_while(move || stage.with(Stage::screen) == Screen::Running);
        BreathState {
            sessions: Records::new(store, SESSION_PREFIX, true),
            patterns: Records::new(store, PATTERN_PREFIX, false),
            stage,
            begin_on_open: StoredValue::new(false),
        }
    }

    /// Starts a session (replacing any that was left unfinished).
    pub fn begin(&self, chosen: Chosen, before: Option<Feeling>) {
        self.stage.set(Stage::Running(Running {
            chosen,
            before,
            at_ms: 0,
            paused: false,
        }));
    }

    /// Notes where the running session has got to.
    pub fn reached(&self, at_ms: u64, paused: bool) {
        self.stage.update(|s| {
            if let Stage::Running(r) = s {
                r.at_ms = at_ms;
                r.paused = paused;
            }
        });
    }

    /// Ends the running session and keeps its record at once, whatever comes next.
    /// `day` and `minute` are the local time now.
    pub fn end(&self, outcome: Outcome, day: i64, minute: u16) {
        let Stage::Running(r) = self.stage.get_untracked() else {
            return;
        };
        let record = BreathSession {
            pattern: r.chosen.id,
            name: r.chosen.name,
            day,
            minute,
            seconds: outcome.seconds,
            finished: outcome.finished,
            before: r.before,
            after: None,
            note: String::new(),
        };
        let mut ended = Ended {
            finished: outcome.finished,
            record,
            key: None,
            error: None,
        };
        self.save(&mut ended);
        self.stage.set(Stage::Ended(ended));
    }

    /// Saves the ending's check-in as it is now; `Ok` once the save is verified.
    pub fn check_in(&self, record: BreathSession) -> Result<(), StorageError> {
        let mut result = Ok(());
        self.stage.update(|s| {
            if let Stage::Ended(e) = s {
                e.record = record;
                self.save(e);
                result = e.error.clone().map_or(Ok(()), Err);
            }
        });
        result
    }

    fn save(&self, ended: &mut Ended) {
        let last = ended.key.as_ref();
        let result = self.sessions.save(
            last.map(|(k, _)| k.as_str()),
            &ended.record,
            last.map(|(_, raw)| raw.as_str()),
        );
        match result {
            Ok((entry, _)) => {
                ended.key = Some((entry.key, entry.raw));
                ended.error = None;
            }
            Err(e) => ended.error = Some(e),
        }
    }

    /// Back to choosing, for another session.
    pub fn again(&self) {
        self.stage.set(Stage::Setup);
    }

    /// Records of either kind that could not be opened.
    pub fn unopened(&self) -> usize {
        self.sessions.unopened() + self.patterns.unopened()
    }
}

pub fn use_breath() -> BreathState {
    expect_context::<BreathState>()
}
