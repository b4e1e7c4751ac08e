//! The breathing shape's movement as keyframes, computed from the timeline. Handed to the
//! Web Animations API, a whole stretch of breaths then runs on the compositor: no
//! main-thread work per frame, so a busy page cannot make the shape stutter.

use super::breathing::{breath_at, phase_at, PhaseKind, Rhythm};

/// One keyframe: where (0.0–1.0 of the animation), how big, how bright, and how to move
/// towards the next one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Keyframe {
    pub offset: f64,
    pub scale: f32,
    pub opacity: f32,
    pub easing: &'static str,
}

/// Full movement, or still (reduced motion): the shape keeps its size and only its
/// brightness carries the rhythm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    Moving,
    Still,
}

/// Size and brightness at the end of an out-breath and at the end of an in-breath.
const EMPTY: (f32, f32) = (0.62, 0.55);
const FULL: (f32, f32) = (1.0, 1.0);
/// The size the shape keeps when it stays still.
pub const STILL_SCALE: f32 = 0.85;

#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Milliseconds into the session where the animation starts (a breath's start).
    pub start_ms: u64,
    pub duration_ms: u64,
    pub keyframes: Vec<Keyframe>,
}

/// Keyframes for every whole breath from the one under `from_ms` up to the first breath
/// that starts at or after `until_ms`. Phases of zero length add no keyframe.
pub fn plan(rhythm: impl Into<Rhythm>, from_ms: u64, until_ms: u64, look: Look) -> Plan {
    let rhythm = rhythm.into();
    let first = breath_at(rhythm, from_ms);
    // (time, shape after that time, easing from the previous point)
    let mut points: Vec<(u64, (f32, f32), &'static str)> =
        vec![(first.started_ms, EMPTY, "linear")];
    let mut breath = first;
    loop {
        let mut t = breath.started_ms;
        for (kind, shape) in [
            (PhaseKind::In, FULL),
            (PhaseKind::HoldIn, FULL),
            (PhaseKind::Out, EMPTY),
            (PhaseKind::HoldOut, EMPTY),
        ] {
            let ms = u64::from(breath.pace.ms(kind));
            if ms == 0 {
                continue;
            }
            t += ms;
            let easing = if kind.is_hold() {
                "linear"
            } else {
                "ease-in-out"
            };
            points.push((t, shape, easing));
        }
        let next = breath_at(rhythm, breath.ends_ms());
        if next.started_ms >= until_ms.max(first.started_ms + 1)
            || next.started_ms <= breath.started_ms
        {
            break;
        }
        breath = next;
    }
    let start_ms = first.started_ms;
    let duration_ms = points.last().map_or(0, |p| p.0 - start_ms).max(1);
    // The easing that moves *towards* a point belongs on the keyframe before it.
    let keyframes = points
        .iter()
        .enumerate()
        .map(|(i, &(t, (scale, opacity), _))| Keyframe {
            offset: (t - start_ms) as f64 / duration_ms as f64,
            scale: if look == Look::Still {
                STILL_SCALE
            } else {
                scale
            },
            opacity,
            easing: points.get(i + 1).map_or("linear", |next| next.2),
        })
        .collect();
    Plan {
        start_ms,
        duration_ms,
        keyframes,
    }
}

/// How long a word on screen takes to fade into the next one.
const WORD_FADE_MS: u64 = 300;

/// Keyframes for one of the words under the shape ("Breathe in", "Hold", "Breathe out"),
/// timed like `shape` so both run on one clock: fully shown while a phase it `shows` is
/// under way, hidden otherwise, with a short fade at each change. Only opacity changes,
/// so the words change on time even when the main thread is busy.
pub fn word_plan(
    rhythm: impl Into<Rhythm>,
    shape: &Plan,
    shows: impl Fn(PhaseKind) -> bool,
) -> Plan {
    let rhythm = rhythm.into();
    let end = shape.start_ms + shape.duration_ms;
    let at = |ms: u64| (ms.min(end) - shape.start_ms) as f64 / shape.duration_ms as f64;
    let frame = |offset: f64, opacity: f32| Keyframe {
        offset,
        scale: STILL_SCALE,
        opacity,
        easing: "linear",
    };
    let mut keyframes = Vec::new();
    let mut shown: Option<f32> = None;
    let mut t = shape.start_ms;
    while t < end {
        let phase = phase_at(rhythm, t);
        let now = if shows(phase.kind) { 1.0 } else { 0.0 };
        match shown {
            None => keyframes.push(frame(0.0, now)),
            Some(before) if before != now => {
                keyframes.push(frame(at(t), before));
                keyframes.push(frame(at((t + WORD_FADE_MS).min(phase.ends_ms())), now));
            }
            Some(_) => {}
        }
        shown = Some(now);
        t = phase.ends_ms().max(t + 1);
    }
    keyframes.push(frame(1.0, shown.unwrap_or(0.0)));
    Plan {
        start_ms: shape.start_ms,
        duration_ms: shape.duration_ms,
        keyframes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::breathing::{phase_at, Pace};

    #[test]
    fn keyframes_run_from_zero_to_one_and_never_go_back() {
        let p = plan(
            Rhythm::steady(Pace::new(4000, 0, 5000, 0)),
            0,
            60_000,
            Look::Moving,
        );
        assert_eq!(p.keyframes.first().unwrap().offset, 0.0);
        assert_eq!(p.keyframes.last().unwrap().offset, 1.0);
        assert!(p.keyframes.windows(2).all(|w| w[0].offset < w[1].offset));
        // Whole breaths only: 60 s of 9 s breaths is 7 breaths (the 7th starts at 54 s).
        assert_eq!(p.duration_ms, 7 * 9000);
    }

    #[test]
    fn every_phase_boundary_of_the_timeline_is_a_keyframe() {
        let rhythm = Rhythm {
            start: Pace::new(4000, 0, 5000, 0),
            target: Pace::new(4500, 0, 6000, 0),
            ease_ms: 90_000,
        };
        let p = plan(rhythm, 0, 120_000, Look::Moving);
        let mut t = 0;
        while t < p.duration_ms {
            let phase = phase_at(rhythm, t);
            let offset = (phase.started_ms - p.start_ms) as f64 / p.duration_ms as f64;
            assert!(
                p.keyframes
                    .iter()
                    .any(|k| (k.offset - offset).abs() * p.duration_ms as f64 <= 0.5),
                "no keyframe at {} ms",
                phase.started_ms
            );
            t = phase.ends_ms();
        }
    }

    #[test]
    fn holds_keep_the_shape_still_and_in_breaths_fill_it() {
        let p = plan(
            Rhythm::steady(Pace::new(4000, 4000, 4000, 4000)),
            0,
            1,
            Look::Moving,
        );
        let shapes: Vec<(f32, f32)> = p.keyframes.iter().map(|k| (k.scale, k.opacity)).collect();
        assert_eq!(shapes, vec![EMPTY, FULL, FULL, EMPTY, EMPTY]);
        let easings: Vec<&str> = p.keyframes.iter().map(|k| k.easing).collect();
        assert_eq!(
            easings,
            vec!["ease-in-out", "linear", "ease-in-out", "linear", "linear"]
        );
    }

    #[test]
    fn with_reduced_motion_the_shape_never_changes_size() {
        let p = plan(
            Rhythm::steady(Pace::new(4000, 0, 6000, 0)),
            0,
            30_000,
            Look::Still,
        );
        assert!(p.keyframes.iter().all(|k| k.scale == STILL_SCALE));
        assert!(p.keyframes.iter().any(|k| k.opacity == FULL.1));
        assert!(p.keyframes.iter().any(|k| k.opacity == EMPTY.1));
    }

    #[test]
    fn a_plan_can_start_mid_session_at_the_breath_underway() {
        let p = plan(
            Rhythm::steady(Pace::new(4000, 0, 6000, 0)),
            25_000,
            40_000,
            Look::Moving,
        );
        assert_eq!(p.start_ms, 20_000);
        assert_eq!(p.duration_ms, 20_000);
    }

    #[test]
    fn each_word_shows_exactly_while_its_phase_is_under_way() {
        let rhythm = Rhythm::steady(Pace::new(4000, 2000, 6000, 0));
        let shape = plan(rhythm, 0, 30_000, Look::Moving);
        let hold = word_plan(rhythm, &shape, PhaseKind::is_hold);
        let opacity_at = |p: &Plan, ms: u64| {
            let x = ms as f64 / p.duration_ms as f64;
            let after = p.keyframes.iter().position(|k| k.offset > x).unwrap();
            let (a, b) = (p.keyframes[after - 1], p.keyframes[after]);
            a.opacity + (b.opacity - a.opacity) * ((x - a.offset) / (b.offset - a.offset)) as f32
        };
        // 0–4 s in, 4–6 s hold, 6–12 s out; each change fades over 300 ms.
        assert_eq!(opacity_at(&hold, 1000), 0.0);
        assert_eq!(opacity_at(&hold, 4000), 0.0);
        assert_eq!(opacity_at(&hold, 4400), 1.0);
        assert_eq!(opacity_at(&hold, 6000), 1.0);
        assert_eq!(opacity_at(&hold, 6400), 0.0);
        assert_eq!(opacity_at(&hold, 16_400), 1.0);
        assert!(hold
            .keyframes
            .windows(2)
            .all(|w| w[0].offset <= w[1].offset));
        assert_eq!(hold.keyframes.last().unwrap().offset, 1.0);
        let breathe_in = word_plan(rhythm, &shape, |k| k == PhaseKind::In);
        assert_eq!(opacity_at(&breathe_in, 100), 1.0);
        assert_eq!(opacity_at(&breathe_in, 5000), 0.0);
    }
}
