//! Soothing-rhythm breathing: patterns, session lengths, custom patterns, and the
//! timeline, a pure function from elapsed time to the phase of the breath.
//!
//! The built-in patterns live in `content/breathing.toml`; `build.rs` turns them into
//! the [`Pattern`] statics in `crate::content`.
//!
//! Time is whole milliseconds (`u64` elapsed, `u32` per phase) everywhere. A pacer that
//! adds up frame deltas or float seconds slowly drifts away from the clock; here every
//! phase is computed afresh from the elapsed time on a monotonic clock, and every
//! boundary is an exact integer sum, so there is nothing to drift.

use super::json::{obj, FromJson, Json, ToJson};
use super::Band;
use std::fmt;

/// The longest any phase may last (CONTENT.md and issue 4: 0–10 s each).
pub const MAX_PHASE_MS: u32 = 10_000;

/// The longest name a custom pattern may have, in characters.
pub const MAX_NAME_CHARS: usize = 40;

/// One value per age band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ByBand<T> {
    /// 12–14
    pub early: T,
    /// 15–17
    pub mid: T,
    /// 18+
    pub adult: T,
}

impl<T: Copy> ByBand<T> {
    pub fn get(&self, band: Band) -> T {
        match band {
            Band::Early => self.early,
            Band::Mid => self.mid,
            Band::Adult => self.adult,
        }
    }
}

/// A text written separately for each age band.
pub type BandText = ByBand<&'static str>;

/// The four parts of a breath, in the order they happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PhaseKind {
    In,
    HoldIn,
    Out,
    HoldOut,
}

impl PhaseKind {
    pub const ALL: [PhaseKind; 4] = [
        PhaseKind::In,
        PhaseKind::HoldIn,
        PhaseKind::Out,
        PhaseKind::HoldOut,
    ];

    /// Stable id, e.g. for a CSS modifier class.
    pub fn as_str(self) -> &'static str {
        match self {
            PhaseKind::In => "in",
            PhaseKind::HoldIn => "hold-in",
            PhaseKind::Out => "out",
            PhaseKind::HoldOut => "hold-out",
        }
    }

    /// What the screen shows and a screen reader announces when this phase begins.
    pub fn label(self) -> &'static str {
        match self {
            PhaseKind::In => "Breathe in",
            PhaseKind::HoldIn | PhaseKind::HoldOut => "Hold",
            PhaseKind::Out => "Breathe out",
        }
    }

    pub fn is_hold(self) -> bool {
        matches!(self, PhaseKind::HoldIn | PhaseKind::HoldOut)
    }
}

/// How long each part of one breath lasts, in milliseconds. A part of 0 ms is skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Pace {
    pub inhale_ms: u32,
    pub hold_in_ms: u32,
    pub exhale_ms: u32,
    pub hold_out_ms: u32,
}

impl Pace {
    /// A pace from its four parts, in milliseconds.
    pub const fn new(inhale_ms: u32, hold_in_ms: u32, exhale_ms: u32, hold_out_ms: u32) -> Pace {
        Pace {
            inhale_ms,
            hold_in_ms,
            exhale_ms,
            hold_out_ms,
        }
    }

    /// A pace with no holds.
    pub const fn even(inhale_ms: u32, exhale_ms: u32) -> Pace {
        Pace {
            inhale_ms,
            hold_in_ms: 0,
            exhale_ms,
            hold_out_ms: 0,
        }
    }

    pub fn ms(&self, kind: PhaseKind) -> u32 {
        match kind {
            PhaseKind::In => self.inhale_ms,
            PhaseKind::HoldIn => self.hold_in_ms,
            PhaseKind::Out => self.exhale_ms,
            PhaseKind::HoldOut => self.hold_out_ms,
        }
    }

    /// Length of one whole breath.
    pub fn total_ms(&self) -> u64 {
        PhaseKind::ALL.iter().map(|&k| u64::from(self.ms(k))).sum()
    }

    /// Milliseconds from the start of a breath to the end of its out-breath.
    pub fn to_end_of_out_ms(&self) -> u64 {
        u64::from(self.inhale_ms) + u64::from(self.hold_in_ms) + u64::from(self.exhale_ms)
    }

    pub fn has_holds(&self) -> bool {
        self.hold_in_ms > 0 || self.hold_out_ms > 0
    }

    pub fn breaths_per_minute(&self) -> f32 {
        match self.total_ms() {
            0 => 0.0,
            total => 60_000.0 / total as f32,
        }
    }

    /// What is wrong with this pace, in phase order; empty when it is fine.
    pub fn problems(&self) -> Vec<CustomPatternError> {
        let mut problems: Vec<CustomPatternError> = PhaseKind::ALL
            .into_iter()
            .filter(|&phase| self.ms(phase) > MAX_PHASE_MS)
            .map(|phase| CustomPatternError::PhaseTooLong {
                phase,
                ms: self.ms(phase),
            })
            .collect();
        if self.inhale_ms == 0 && self.exhale_ms == 0 {
            problems.push(CustomPatternError::NoBreath);
        }
        problems
    }
}

/// A built-in breathing pattern from `content/breathing.toml`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pattern {
    /// Stable id, stored with sessions and settings.
    pub id: &'static str,
    pub name: BandText,
    /// One sentence about the pattern.
    pub about: BandText,
    /// The practice this pattern adapts, and where it comes from (for the About page).
    pub technique: &'static str,
    pub reference: &'static str,
    /// The youngest band the pattern is offered to.
    pub min_band: Band,
    /// Marked as optional wherever it is offered (every pattern with a hold is).
    pub optional: bool,
    /// The pattern a session starts with unless the person picks another.
    pub is_default: bool,
    /// The pace of the first breath.
    pub start: Pace,
    /// The pace the breaths ease towards; the same as `start` for an even pattern.
    pub target: Pace,
    /// How long the easing from `start` to `target` takes.
    pub ease_seconds: u32,
}

impl Pattern {
    pub fn name(&self, band: Band) -> &'static str {
        self.name.get(band)
    }

    pub fn about(&self, band: Band) -> &'static str {
        self.about.get(band)
    }

    pub fn is_for(&self, band: Band) -> bool {
        band >= self.min_band
    }

    pub fn has_holds(&self) -> bool {
        self.start.has_holds() || self.target.has_holds()
    }

    pub fn rhythm(&self) -> Rhythm {
        Rhythm {
            start: self.start,
            target: self.target,
            ease_ms: u64::from(self.ease_seconds) * 1000,
        }
    }
}

/// The timing of a pattern: what the timeline functions below work on, so built-in and
/// custom patterns are paced by the same code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rhythm {
    pub start: Pace,
    pub target: Pace,
    /// A breath that starts at or after this point has the `target` pace.
    pub ease_ms: u64,
}

impl Rhythm {
    pub const fn steady(pace: Pace) -> Rhythm {
        Rhythm {
            start: pace,
            target: pace,
            ease_ms: 0,
        }
    }

    /// The pace of a breath that starts `started_ms` into the session. Each part moves in
    /// a straight line from `start` to `target` over `ease_ms`, rounded to whole
    /// milliseconds; the pace is fixed when the breath starts, so a breath never
    /// stretches or shrinks half-way through.
    pub fn pace_at(&self, started_ms: u64) -> Pace {
        if started_ms >= self.ease_ms {
            return self.target;
        }
        let ease = i128::from(self.ease_ms);
        let t = i128::from(started_ms);
        let part = |from: u32, to: u32| -> u32 {
            let from = i128::from(from);
            let change = i128::from(to) - from;
            // Rounded to the nearest millisecond; the result lies between `from` and `to`.
            let eased = from + (2 * change * t + ease).div_euclid(2 * ease);
            eased as u32
        };
        Pace {
            inhale_ms: part(self.start.inhale_ms, self.target.inhale_ms),
            hold_in_ms: part(self.start.hold_in_ms, self.target.hold_in_ms),
            exhale_ms: part(self.start.exhale_ms, self.target.exhale_ms),
            hold_out_ms: part(self.start.hold_out_ms, self.target.hold_out_ms),
        }
    }
}

impl From<&Pattern> for Rhythm {
    fn from(pattern: &Pattern) -> Rhythm {
        pattern.rhythm()
    }
}

impl From<&Rhythm> for Rhythm {
    fn from(rhythm: &Rhythm) -> Rhythm {
        *rhythm
    }
}

impl From<&CustomPattern> for Rhythm {
    fn from(pattern: &CustomPattern) -> Rhythm {
        pattern.rhythm()
    }
}

/// One breath of a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Breath {
    /// 0 for the first breath.
    pub index: u64,
    pub started_ms: u64,
    pub pace: Pace,
}

impl Breath {
    pub fn ends_ms(&self) -> u64 {
        self.started_ms + self.total_ms()
    }

    /// Milliseconds into the session at which this breath's out-breath is complete.
    pub fn out_ends_ms(&self) -> u64 {
        self.started_ms + self.pace.to_end_of_out_ms()
    }

    // A pace with no length at all cannot come from content or a valid custom pattern;
    // treating it as 1 ms keeps the timeline moving instead of dividing by zero.
    fn total_ms(&self) -> u64 {
        self.pace.total_ms().max(1)
    }
}

/// Where the session is at one moment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Phase {
    pub kind: PhaseKind,
    /// Which breath, 0 for the first.
    pub index: u64,
    /// Milliseconds into the session at which this phase began.
    pub started_ms: u64,
    pub duration_ms: u32,
    /// How far through the phase, from 0 at its start towards 1 at its end.
    pub progress: f32,
}

impl Phase {
    pub fn ends_ms(&self) -> u64 {
        self.started_ms + u64::from(self.duration_ms)
    }
}

/// The breath under way `elapsed_ms` into a session.
///
/// Cost: one step per breath while the pace is still easing (about ten for the soothing
/// pattern), then a single division, however long the session has run.
pub fn breath_at(rhythm: impl Into<Rhythm>, elapsed_ms: u64) -> Breath {
    let rhythm = rhythm.into();
    let mut breath = Breath {
        index: 0,
        started_ms: 0,
        pace: rhythm.pace_at(0),
    };
    while breath.started_ms < rhythm.ease_ms {
        if elapsed_ms < breath.ends_ms() {
            return breath;
        }
        let started_ms = breath.ends_ms();
        breath = Breath {
            index: breath.index + 1,
            started_ms,
            pace: rhythm.pace_at(started_ms),
        };
    }
    // From here on every breath has the target pace.
    let total = breath.total_ms();
    let whole = elapsed_ms.saturating_sub(breath.started_ms) / total;
    Breath {
        index: breath.index + whole,
        started_ms: breath.started_ms + whole * total,
        pace: breath.pace,
    }
}

/// The phase `elapsed_ms` into a session, as a pure function of the elapsed time.
pub fn phase_at(rhythm: impl Into<Rhythm>, elapsed_ms: u64) -> Phase {
    let breath = breath_at(rhythm, elapsed_ms);
    let offset = elapsed_ms.saturating_sub(breath.started_ms);
    let mut phase_start = 0;
    for kind in PhaseKind::ALL {
        let duration_ms = breath.pace.ms(kind);
        if duration_ms == 0 {
            continue;
        }
        let phase_end = phase_start + u64::from(duration_ms);
        if offset < phase_end {
            return Phase {
                kind,
                index: breath.index,
                started_ms: breath.started_ms + phase_start,
                duration_ms,
                progress: (offset - phase_start) as f32 / duration_ms as f32,
            };
        }
        phase_start = phase_end;
    }
    // Only reached for a pace with no length at all (see `Breath::total_ms`).
    Phase {
        kind: PhaseKind::Out,
        index: breath.index,
        started_ms: breath.started_ms,
        duration_ms: 0,
        progress: 1.0,
    }
}

/// How many out-breaths are complete `duration_ms` into a session.
pub fn breaths_in(rhythm: impl Into<Rhythm>, duration_ms: u64) -> u64 {
    let breath = breath_at(rhythm, duration_ms);
    breath.index + u64::from(duration_ms >= breath.out_ends_ms())
}

/// How long a session lasts.
/// Stored as its id (see `as_str`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SessionLength {
    OneMinute,
    TwoMinutes,
    ThreeMinutes,
    FiveMinutes,
    /// Runs until the person stops it.
    OpenEnded,
}

impl SessionLength {
    pub const ALL: [SessionLength; 5] = [
        SessionLength::OneMinute,
        SessionLength::TwoMinutes,
        SessionLength::ThreeMinutes,
        SessionLength::FiveMinutes,
        SessionLength::OpenEnded,
    ];

    /// Stable id, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            SessionLength::OneMinute => "1",
            SessionLength::TwoMinutes => "2",
            SessionLength::ThreeMinutes => "3",
            SessionLength::FiveMinutes => "5",
            SessionLength::OpenEnded => "open",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SessionLength::OneMinute => "1 minute",
            SessionLength::TwoMinutes => "2 minutes",
            SessionLength::ThreeMinutes => "3 minutes",
            SessionLength::FiveMinutes => "5 minutes",
            SessionLength::OpenEnded => "Open-ended",
        }
    }

    pub fn parse(id: &str) -> Option<SessionLength> {
        SessionLength::ALL.into_iter().find(|s| s.as_str() == id)
    }

    pub fn minutes(self) -> Option<u32> {
        match self {
            SessionLength::OneMinute => Some(1),
            SessionLength::TwoMinutes => Some(2),
            SessionLength::ThreeMinutes => Some(3),
            SessionLength::FiveMinutes => Some(5),
            SessionLength::OpenEnded => None,
        }
    }

    pub fn from_minutes(minutes: u32) -> Option<SessionLength> {
        SessionLength::ALL
            .into_iter()
            .find(|s| s.minutes() == Some(minutes))
    }

    pub fn duration_ms(self) -> Option<u64> {
        self.minutes().map(|m| u64::from(m) * 60_000)
    }
}

/// When a session of this length ends: at the end of the first out-breath that finishes
/// at or after the chosen time, so it never stops mid-breath or on a hold. `None` for an
/// open-ended session.
pub fn session_end_ms(rhythm: impl Into<Rhythm>, session: SessionLength) -> Option<u64> {
    let rhythm = rhythm.into();
    let length = session.duration_ms()?;
    // The breath under way just before the chosen time: when the time falls exactly on
    // the end of a breath, that breath's out-breath is the one that ends the session.
    let breath = breath_at(rhythm, length.saturating_sub(1));
    if breath.out_ends_ms() >= length {
        Some(breath.out_ends_ms())
    } else {
        Some(breath_at(rhythm, breath.ends_ms()).out_ends_ms())
    }
}

/// Whether a session of this length is over `elapsed_ms` in.
pub fn ended(rhythm: impl Into<Rhythm>, session: SessionLength, elapsed_ms: u64) -> bool {
    session_end_ms(rhythm, session).is_some_and(|end| elapsed_ms >= end)
}

/// A pattern a person made: a name and a pace. Always valid: the only ways to get one
/// are [`CustomPattern::new`] and reading it from JSON, and both check it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomPattern {
    name: String,
    pace: Pace,
}

impl ToJson for Pace {
    fn to_json(&self) -> Json {
        obj([
            ("inhale_ms", self.inhale_ms.to_json()),
            ("hold_in_ms", self.hold_in_ms.to_json()),
            ("exhale_ms", self.exhale_ms.to_json()),
            ("hold_out_ms", self.hold_out_ms.to_json()),
        ])
    }
}

impl FromJson for Pace {
    fn from_json(j: &Json) -> Result<Self, String> {
        Ok(Pace::new(
            j.field("inhale_ms")?,
            j.field("hold_in_ms")?,
            j.field("exhale_ms")?,
            j.field("hold_out_ms")?,
        ))
    }
}

impl ToJson for CustomPattern {
    fn to_json(&self) -> Json {
        obj([("name", self.name.to_json()), ("pace", self.pace.to_json())])
    }
}

/// A stored pattern that breaks the rules is refused, not loaded half-valid.
impl FromJson for CustomPattern {
    fn from_json(j: &Json) -> Result<Self, String> {
        let name: String = j.field("name")?;
        CustomPattern::new(&name, j.field("pace")?).map_err(|e| e.to_string())
    }
}

impl CustomPattern {
    /// Checks and builds a pattern; the name is trimmed. On a problem, returns the first
    /// one; [`CustomPattern::problems`] lists them all, for showing beside each field.
    pub fn new(name: &str, pace: Pace) -> Result<CustomPattern, CustomPatternError> {
        match CustomPattern::problems(name, pace).into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(CustomPattern {
                name: name.trim().to_owned(),
                pace,
            }),
        }
    }

    /// Everything that keeps this name and pace from making a pattern: name first, then
    /// the phases in order. Empty when they are fine.
    pub fn problems(name: &str, pace: Pace) -> Vec<CustomPatternError> {
        let chars = name.trim().chars().count();
        let mut problems = Vec::new();
        if chars == 0 {
            problems.push(CustomPatternError::NameMissing);
        } else if chars > MAX_NAME_CHARS {
            problems.push(CustomPatternError::NameTooLong { chars });
        }
        problems.extend(pace.problems());
        problems
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn pace(&self) -> Pace {
        self.pace
    }

    pub fn rhythm(&self) -> Rhythm {
        Rhythm::steady(self.pace)
    }

    /// Holds are for 15+ only (CONTENT.md), so a pattern with one is offered from 15–17 up.
    pub fn is_for(&self, band: Band) -> bool {
        !self.pace.has_holds() || band >= Band::Mid
    }
}

/// Why a custom pattern cannot be saved. [`fmt::Display`] gives a message a person reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CustomPatternError {
    NameMissing,
    NameTooLong {
        chars: usize,
    },
    PhaseTooLong {
        phase: PhaseKind,
        ms: u32,
    },
    /// Both breathing in and breathing out are 0 s.
    NoBreath,
}

impl CustomPatternError {
    /// Which field the message belongs beside: `"name"` or a phase id.
    pub fn field(&self) -> &'static str {
        match self {
            CustomPatternError::NameMissing | CustomPatternError::NameTooLong { .. } => "name",
            CustomPatternError::PhaseTooLong { phase, .. } => phase.as_str(),
            CustomPatternError::NoBreath => PhaseKind::In.as_str(),
        }
    }
}

impl fmt::Display for CustomPatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let max = MAX_PHASE_MS / 1000;
        match self {
            CustomPatternError::NameMissing => {
                write!(
                    f,
                    "Give your pattern a name, even a short one, so you can find it again."
                )
            }
            CustomPatternError::NameTooLong { .. } => write!(
                f,
                "That name is a bit long for the screen, so you could trim it to \
                 {MAX_NAME_CHARS} characters."
            ),
            CustomPatternError::PhaseTooLong { phase, .. } => {
                let part = match phase {
                    PhaseKind::In => "Breathing in",
                    PhaseKind::HoldIn => "The hold after breathing in",
                    PhaseKind::Out => "Breathing out",
                    PhaseKind::HoldOut => "The hold after breathing out",
                };
                write!(f, "{part} can be up to {max} seconds.")
            }
            CustomPatternError::NoBreath => write!(
                f,
                "Give breathing in or breathing out a few seconds, so there is a breath \
                 to follow."
            ),
        }
    }
}

impl std::error::Error for CustomPatternError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::json::to_text;
    use crate::domain::readability;

    const FRAME_MS: u64 = 16;

    const SOOTHING: Rhythm = Rhythm {
        start: Pace::even(4000, 5000),
        target: Pace::even(4500, 6000),
        ease_ms: 90_000,
    };

    const BOX: Rhythm = Rhythm::steady(Pace {
        inhale_ms: 4000,
        hold_in_ms: 4000,
        exhale_ms: 4000,
        hold_out_ms: 4000,
    });

    /// Rhythms that cover easing, holds, and a phase of 0 s at the start of a breath.
    fn rhythms() -> Vec<Rhythm> {
        vec![
            SOOTHING,
            Rhythm::steady(Pace::even(4000, 4000)),
            BOX,
            Rhythm::steady(Pace {
                inhale_ms: 0,
                hold_in_ms: 1500,
                exhale_ms: 3250,
                hold_out_ms: 0,
            }),
            // Easing that shortens the breath, and a hold that fades in.
            Rhythm {
                start: Pace::even(6000, 7000),
                target: Pace {
                    inhale_ms: 3000,
                    hold_in_ms: 0,
                    exhale_ms: 3000,
                    hold_out_ms: 2000,
                },
                ease_ms: 45_000,
            },
        ]
    }

    #[test]
    fn phase_at_is_continuous_and_never_goes_backwards() {
        for rhythm in rhythms() {
            let mut before = phase_at(rhythm, 0);
            assert_eq!((before.index, before.started_ms), (0, 0), "{rhythm:?}");
            assert_eq!(before.progress, 0.0);
            for t in 1..=120_000 {
                let now = phase_at(rhythm, t);
                assert!(
                    now.started_ms <= t && t < now.ends_ms(),
                    "{rhythm:?} at {t} ms: {now:?}"
                );
                assert!((0.0..1.0).contains(&now.progress), "{now:?}");
                if (now.index, now.kind) == (before.index, before.kind) {
                    assert_eq!(now.started_ms, before.started_ms, "at {t} ms");
                    assert_eq!(now.duration_ms, before.duration_ms, "at {t} ms");
                    assert!(now.progress > before.progress, "at {t} ms");
                } else {
                    assert!(
                        (now.index, now.kind) > (before.index, before.kind),
                        "went back at {t} ms: {before:?} then {now:?}"
                    );
                    assert!(now.index <= before.index + 1, "skipped a breath at {t} ms");
                    assert_eq!(before.ends_ms(), t, "gap or overlap at {t} ms");
                    assert_eq!(now.started_ms, t);
                    assert_eq!(now.progress, 0.0);
                }
                before = now;
            }
        }
    }

    #[test]
    fn drift_over_ten_minutes_stays_under_one_frame() {
        const TEN_MINUTES: u64 = 600_000;
        for rhythm in rhythms() {
            // Walk the session the way a naive pacer would: add up each phase's duration.
            let mut summed = 0u64;
            while summed < TEN_MINUTES {
                let direct = phase_at(rhythm, summed);
                assert!(
                    direct.started_ms.abs_diff(summed) < FRAME_MS,
                    "{rhythm:?}: phase starts at {} ms, the summed durations say {summed} ms",
                    direct.started_ms
                );
                summed += u64::from(direct.duration_ms);
            }
            // The same from the breath durations alone.
            let mut summed = 0u64;
            let mut index = 0;
            while summed < TEN_MINUTES {
                let breath = breath_at(rhythm, summed);
                assert_eq!(breath.index, index);
                assert!(breath.started_ms.abs_diff(summed) < FRAME_MS);
                summed += breath.pace.total_ms();
                index += 1;
            }
        }
        // Against the ideal float clock: after easing, the soothing pace is 10.5 s a
        // breath, so breath k after the easing starts exactly k × 10.5 s later.
        let mut first_eased = breath_at(SOOTHING, 0);
        while first_eased.started_ms < SOOTHING.ease_ms {
            first_eased = breath_at(SOOTHING, first_eased.ends_ms());
        }
        assert_eq!(first_eased.pace, SOOTHING.target);
        for k in 0..=60u64 {
            let ideal = first_eased.started_ms as f64 + k as f64 * 10.5 * 1000.0;
            let breath = breath_at(SOOTHING, ideal as u64);
            assert!((breath.started_ms as f64 - ideal).abs() < FRAME_MS as f64);
            assert_eq!(breath.index, first_eased.index + k);
        }
        // Steady patterns: breath n starts at exactly n whole breaths.
        let balloon = Rhythm::steady(Pace::even(4000, 4000));
        for n in 0..=75u64 {
            assert_eq!(breath_at(balloon, n * 8000).started_ms, n * 8000);
            assert_eq!(breath_at(balloon, n * 8000 + 7999).index, n);
        }
    }

    #[test]
    fn a_day_long_session_is_still_computed_exactly() {
        let day = 24 * 3_600_000;
        let phase = phase_at(BOX, day + 4_000);
        assert_eq!(phase.kind, PhaseKind::HoldIn);
        assert_eq!(phase.index, day / 16_000);
        assert_eq!(phase.started_ms, day + 4_000);
    }

    #[test]
    fn a_pace_with_no_length_neither_hangs_nor_divides_by_zero() {
        let empty = Rhythm::steady(Pace::even(0, 0));
        let phase = phase_at(empty, 600_000);
        assert_eq!((phase.duration_ms, phase.progress), (0, 1.0));
        assert!(session_end_ms(empty, SessionLength::OneMinute).unwrap() >= 60_000);
    }

    #[test]
    fn easing_is_fixed_per_breath_and_reaches_the_target() {
        let mut before = breath_at(SOOTHING, 0);
        assert_eq!(before.pace, SOOTHING.start);
        loop {
            let next = breath_at(SOOTHING, before.ends_ms());
            assert_eq!(next.index, before.index + 1);
            // Within one breath the pace never changes.
            for t in [
                before.started_ms,
                before.out_ends_ms() - 1,
                before.ends_ms() - 1,
            ] {
                assert_eq!(breath_at(SOOTHING, t).pace, before.pace);
            }
            assert!(next.pace.total_ms() >= before.pace.total_ms());
            if next.started_ms >= SOOTHING.ease_ms {
                assert_eq!(next.pace, SOOTHING.target);
                break;
            }
            before = next;
        }
    }

    #[test]
    fn a_session_ends_after_a_full_out_breath() {
        for rhythm in rhythms() {
            for session in SessionLength::ALL {
                let Some(length) = session.duration_ms() else {
                    assert!(!ended(rhythm, session, 10 * 3_600_000));
                    assert_eq!(session_end_ms(rhythm, session), None);
                    continue;
                };
                let end = session_end_ms(rhythm, session).unwrap();
                assert!(end >= length, "{session:?} cut short: {end} ms");
                assert!(!ended(rhythm, session, end - 1));
                assert!(ended(rhythm, session, end));
                assert!(ended(rhythm, session, end + 60_000));
                // The last moment of the session is the last moment of an out-breath.
                let last = phase_at(rhythm, end - 1);
                assert_eq!(last.kind, PhaseKind::Out, "{rhythm:?} {session:?}");
                assert_eq!(last.ends_ms(), end);
                // And it is the first out-breath to finish once the time is up.
                let breath = breath_at(rhythm, end - 1);
                assert!(end - length < breath.pace.total_ms());
                if breath.index > 0 {
                    let previous = breath_at(rhythm, breath.started_ms - 1);
                    assert!(previous.out_ends_ms() < length);
                }
            }
        }
        // Time up exactly as an out-breath ends: stop there, not one breath later.
        let balloon = Rhythm::steady(Pace::even(4000, 4000));
        assert_eq!(
            session_end_ms(balloon, SessionLength::TwoMinutes),
            Some(120_000)
        );
        assert_eq!(session_end_ms(BOX, SessionLength::OneMinute), Some(60_000));
        // Time up in the hold after an out-breath: one more breath, ending on its out.
        let rest_after = Rhythm::steady(Pace::new(3000, 0, 3000, 4000));
        assert_eq!(
            session_end_ms(rest_after, SessionLength::OneMinute),
            Some(66_000)
        );
        // Time up mid-way through an in-breath: that breath's out-breath ends it.
        assert_eq!(
            session_end_ms(BOX, SessionLength::ThreeMinutes),
            Some(188_000)
        );
    }

    #[test]
    fn breaths_in_counts_finished_out_breaths() {
        let balloon = Rhythm::steady(Pace::even(4000, 4000));
        assert_eq!(breaths_in(balloon, 0), 0);
        assert_eq!(breaths_in(balloon, 7_999), 0);
        assert_eq!(breaths_in(balloon, 8_000), 1);
        assert_eq!(breaths_in(balloon, 60_000), 7);
        assert_eq!(breaths_in(BOX, 11_999), 0);
        assert_eq!(breaths_in(BOX, 12_000), 1);
        assert_eq!(breaths_in(BOX, 16_000), 1);
        for session in [SessionLength::OneMinute, SessionLength::FiveMinutes] {
            let end = session_end_ms(SOOTHING, session).unwrap();
            assert_eq!(breaths_in(SOOTHING, end), breaths_in(SOOTHING, end - 1) + 1);
        }
    }

    #[test]
    fn session_lengths_round_trip_through_their_ids() {
        for session in SessionLength::ALL {
            assert_eq!(SessionLength::parse(session.as_str()), Some(session));
            let json = to_text(&session);
            assert_eq!(json, format!("\"{}\"", session.as_str()));
            assert_eq!(SessionLength::from_text(&json).unwrap(), session);
            if let Some(minutes) = session.minutes() {
                assert_eq!(SessionLength::from_minutes(minutes), Some(session));
            }
        }
        assert_eq!(SessionLength::from_minutes(4), None);
    }

    #[test]
    fn custom_patterns_are_validated_with_kind_messages() {
        let fine = CustomPattern::new("  Before a test  ", Pace::new(4000, 0, 6000, 0)).unwrap();
        assert_eq!(fine.name(), "Before a test");
        assert_eq!(fine.pace(), Pace::new(4000, 0, 6000, 0));
        assert!(CustomPattern::new("x", Pace::new(10_000, 10_000, 10_000, 10_000)).is_ok());
        assert!(CustomPattern::new("Only out", Pace::new(0, 0, 3000, 0)).is_ok());
        assert!(CustomPattern::new("Only in", Pace::new(3000, 0, 0, 0)).is_ok());
        let forty = "é".repeat(MAX_NAME_CHARS);
        assert!(CustomPattern::new(&forty, Pace::new(4000, 0, 4000, 0)).is_ok());

        use CustomPatternError::*;
        assert_eq!(
            CustomPattern::new(" \t ", Pace::new(4000, 0, 4000, 0)),
            Err(NameMissing)
        );
        assert_eq!(
            CustomPattern::new(&format!("{forty}!"), Pace::new(4000, 0, 4000, 0)),
            Err(NameTooLong { chars: 41 })
        );
        assert_eq!(
            CustomPattern::new("Slow", Pace::new(0, 2000, 0, 2000)),
            Err(NoBreath)
        );
        assert_eq!(
            CustomPattern::problems("", Pace::new(10_001, 0, 12_000, 60_000)),
            vec![
                NameMissing,
                PhaseTooLong {
                    phase: PhaseKind::In,
                    ms: 10_001
                },
                PhaseTooLong {
                    phase: PhaseKind::Out,
                    ms: 12_000
                },
                PhaseTooLong {
                    phase: PhaseKind::HoldOut,
                    ms: 60_000
                },
            ]
        );

        // Every message is kind, plain enough for the youngest band, and says what to do.
        let mut all = vec![NameMissing, NameTooLong { chars: 41 }, NoBreath];
        all.extend(PhaseKind::ALL.map(|phase| PhaseTooLong { phase, ms: 11_000 }));
        use crate::domain::warmth::SHAME_WORDS as SHAME;
        for error in all {
            let message = error.to_string();
            let grade = readability::grade(&message);
            assert!(
                grade <= Band::Early.max_reading_grade(),
                "grade {grade:.1}: {message:?}"
            );
            let lower = message.to_lowercase();
            for word in lower.split(|c: char| !c.is_alphabetic()) {
                assert!(!SHAME.contains(&word), "{word:?} in {message:?}");
            }
            assert!(!message.contains("invalid") && !message.contains("error"));
            assert!(message.ends_with('.'));
            assert!(!error.field().is_empty());
        }
    }

    #[test]
    fn custom_patterns_with_a_hold_are_for_15_plus() {
        let even = CustomPattern::new("Even", Pace::new(4000, 0, 4000, 0)).unwrap();
        let held = CustomPattern::new("Held", Pace::new(4000, 1000, 4000, 0)).unwrap();
        assert!(Band::ALL.into_iter().all(|band| even.is_for(band)));
        assert!(!held.is_for(Band::Early));
        assert!(held.is_for(Band::Mid) && held.is_for(Band::Adult));
    }

    #[test]
    fn a_custom_pattern_round_trips_through_json() {
        let pattern = CustomPattern::new("Wave", Pace::new(4500, 500, 6250, 0)).unwrap();
        let json = to_text(&pattern);
        assert_eq!(
            json,
            r#"{"name":"Wave","pace":{"inhale_ms":4500,"hold_in_ms":500,"exhale_ms":6250,"hold_out_ms":0}}"#
        );
        assert_eq!(CustomPattern::from_text(&json).unwrap(), pattern);
        // A stored record that breaks the rules is refused, not loaded half-valid.
        let too_long = json.replace("6250", "60000");
        let error = CustomPattern::from_text(&too_long).unwrap_err();
        assert!(error.contains("Breathing out can be up to 10 seconds"));
        assert!(CustomPattern::from_text(&json.replace("Wave", " ")).is_err());
    }

    #[test]
    fn a_custom_pattern_is_paced_like_a_built_in_one() {
        let pattern = CustomPattern::new("Wave", Pace::new(3000, 0, 5000, 0)).unwrap();
        let phase = phase_at(&pattern, 9_000);
        assert_eq!(phase.kind, PhaseKind::In);
        assert_eq!((phase.index, phase.started_ms), (1, 8_000));
        assert_eq!(phase.progress, 1.0 / 3.0);
    }
}
