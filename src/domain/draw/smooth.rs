//! Smoothing: the line painted through a stroke's raw samples.
//!
//! Each painted point is a weighted average of the sample and its neighbours, with the
//! binomial weights 1 4 6 4 1 (two neighbours each side), narrowing to 1 2 1 and then
//! to the sample alone towards the ends. Why this one:
//!
//! - It evens out the pixel-sized jitter of fingers and cheap pens without rounding
//!   off shapes: its reach is about one sample, a few pixels at pointer-event rates.
//! - Every painted point is an average of raw ones, so a straight line stays on its
//!   line, and the first and last samples are kept where the person put them.
//! - It is incremental: a painted point never changes once two more samples have come
//!   ([`settled`]), so a pointer move paints only the new tail and finished parts can
//!   be cached. Smoothing sample by sample gives exactly what smoothing the whole
//!   stroke at once gives.

use super::stroke::Point;

/// How many samples on each side a painted point averages.
pub const REACH: usize = 2;

/// A point of the painted line, in drawing units, with its pressure (0 to 255).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Smooth {
    pub x: f32,
    pub y: f32,
    pub pressure: f32,
}

impl Smooth {
    /// The same point reflected in the canvas's vertical centre line.
    pub fn mirrored(self) -> Smooth {
        Smooth {
            x: f32::from(super::stroke::MAX_COORD) - self.x,
            ..self
        }
    }
}

/// Binomial weights for each reach, the centre last; each row adds up to a power of
/// two, so the division is exact.
const WEIGHTS: [[f32; REACH + 1]; REACH + 1] = [[0.0, 0.0, 1.0], [0.0, 1.0, 2.0], [1.0, 4.0, 6.0]];
const TOTALS: [f32; REACH + 1] = [1.0, 4.0, 16.0];

/// Painted point `i` of the raw samples `points` (`i < points.len()`).
pub fn smooth_point(points: &[Point], i: usize) -> Smooth {
    let last = points.len() - 1;
    let reach = REACH.min(i).min(last - i);
    let weights = &WEIGHTS[reach];
    let (mut x, mut y, mut pressure) = (0.0, 0.0, 0.0);
    for (j, point) in points[i - reach..=i + reach].iter().enumerate() {
        // Distance from the centre, then the weight of that distance.
        let weight = weights[REACH - j.abs_diff(reach)];
        x += weight * f32::from(point.x);
        y += weight * f32::from(point.y);
        pressure += weight * f32::from(point.pressure);
    }
    let total = TOTALS[reach];
    Smooth {
        x: x / total,
        y: y / total,
        pressure: pressure / total,
    }
}

/// The whole painted line: one point per raw sample.
pub fn smooth(points: &[Point]) -> Vec<Smooth> {
    let mut line = Vec::with_capacity(points.len());
    for i in 0..points.len() {
        line.push(smooth_point(points, i));
    }
    line
}

/// How many leading painted points of a stroke with `len` samples so far are final:
/// more samples will not move them. The rest, the tail, is repainted on each move.
pub fn settled(len: usize) -> usize {
    len.saturating_sub(REACH)
}

#[cfg(test)]
mod tests {
    use super::super::encode::tests::{hand_drawn, Dice};
    use super::*;

    fn p(x: u16, y: u16) -> Point {
        Point::new(x, y, 100)
    }

    fn length(line: &[Smooth]) -> f32 {
        let mut total = 0.0;
        for pair in line.windows(2) {
            total += (pair[1].x - pair[0].x).hypot(pair[1].y - pair[0].y);
        }
        total
    }

    #[test]
    fn a_straight_line_stays_straight() {
        // Uneven spacing and changing pressure, as from a real hand.
        let mut points = Vec::new();
        let mut t = 0u16;
        for i in 0..40u16 {
            t += 1 + (i * 7) % 13;
            points.push(Point::new(100 + 3 * t, 200 + 2 * t, (i * 5) as u8));
        }
        let line = smooth(&points);
        assert_eq!(line.len(), points.len());
        for s in &line {
            // On the line through (100, 200) with direction (3, 2).
            let off = (s.x - 100.0) * 2.0 - (s.y - 200.0) * 3.0;
            assert!(off.abs() < 0.01, "{s:?}");
        }
        // And in order along it.
        for pair in line.windows(2) {
            assert!(pair[1].x > pair[0].x);
        }
    }

    #[test]
    fn a_zig_zag_gets_gentler() {
        let points: Vec<Point> = (0..30u16)
            .map(|i| p(1000 + 20 * i, if i % 2 == 0 { 1000 } else { 1060 }))
            .collect();
        let line = smooth(&points);
        let raw: Vec<Smooth> = points.iter().map(|&q| smooth_point(&[q], 0)).collect();
        assert!(length(&line) < 0.5 * length(&raw));
        // Away from the ends the teeth are flattened to their middle.
        for s in &line[REACH..line.len() - REACH] {
            assert!((s.y - 1030.0).abs() < 1.0, "{s:?}");
        }
    }

    #[test]
    fn the_first_and_last_samples_are_kept() {
        let mut dice = Dice(5);
        for len in 1..12 {
            let points = hand_drawn(&mut dice, len, true);
            let line = smooth(&points);
            for (raw, painted) in [(points[0], line[0]), (points[len - 1], line[len - 1])] {
                assert_eq!(painted.x, f32::from(raw.x));
                assert_eq!(painted.y, f32::from(raw.y));
                assert_eq!(painted.pressure, f32::from(raw.pressure));
            }
        }
    }

    #[test]
    fn smoothing_sample_by_sample_gives_the_same_line_as_all_at_once() {
        let mut dice = Dice(8);
        let points = hand_drawn(&mut dice, 300, true);
        let whole = smooth(&points);
        let mut painted: Vec<Smooth> = Vec::new();
        for len in 1..=points.len() {
            let so_far = &points[..len];
            // What a pointer move paints: the newly settled points...
            for i in painted.len()..settled(len) {
                painted.push(smooth_point(so_far, i));
            }
            // ...and a tail that is repainted next time.
            let mut line = painted.clone();
            for i in settled(len)..len {
                line.push(smooth_point(so_far, i));
            }
            assert_eq!(line.len(), len);
            assert_eq!(
                &painted[..],
                &whole[..painted.len()],
                "settled points moved at {len}"
            );
            if len == points.len() {
                assert_eq!(line, whole);
            }
        }
        assert_eq!(settled(0), 0);
        assert_eq!(settled(1), 0);
        assert_eq!(settled(3), 1);
    }

    #[test]
    fn smoothing_takes_the_jitter_out_of_a_hand_drawn_line() {
        let mut dice = Dice(13);
        let points = hand_drawn(&mut dice, 500, true);
        let line = smooth(&points);
        let raw: Vec<Smooth> = points.iter().map(|&q| smooth_point(&[q], 0)).collect();
        // Shorter (the wobble is gone), but the shape is the same: never far from it.
        assert!(length(&line) < length(&raw));
        assert!(length(&line) > 0.9 * length(&raw));
        for (s, r) in line.iter().zip(&raw) {
            assert!((s.x - r.x).hypot(s.y - r.y) < 60.0);
        }
    }

    #[test]
    fn a_mirrored_point_lands_across_the_middle() {
        let s = smooth_point(&[p(1000, 7)], 0).mirrored();
        assert_eq!((s.x, s.y), (3095.0, 7.0));
    }
}
