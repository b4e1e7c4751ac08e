//! The compact text a stroke's points are stored as.
//!
//! Drawings are kept as vectors, not pictures (DESIGN.md: about 4 KB per 1000 points,
//! so hundreds fit in browser storage). A hand moves a little between two samples, so
//! each point is stored as its step from the one before, and small steps take few
//! characters:
//!
//! - Characters are the 64 of URL-safe base64 (`A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_`),
//!   so the text sits in a JSON string, a URL or a file name without escaping.
//! - Each character holds 5 bits of a number and a flag saying another character
//!   follows, lowest bits first: 0–31 take one character, up to 1023 two, the rest
//!   three. A signed step is folded onto these (0, −1, 1, −2, … become 0, 1, 2, 3, …).
//! - The first number says how pressure is stored: `0` (`A`), a step in pressure with
//!   every point; `1` (`B`), one pressure for the whole stroke, written next (a mouse,
//!   and most touch screens, never change it). Then come the points: the step in x, the
//!   step in y and, with `A`, the step in pressure. The steps of the first point are
//!   from (0, 0) and pressure 0, so the first point is in effect absolute.
//!
//! A stroke with no points is the empty text. Decoding accepts exactly what encoding
//! writes: anything else, from a typo to a truncated record, is an error, never a panic
//! and never a silently different stroke.

use super::stroke::{Point, MAX_COORD};

/// URL-safe base64's characters; the index of each is the value it stands for.
const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Set in a character's value when another character of the same number follows.
const MORE: u32 = 32;

/// The longest number, in characters: 15 bits, enough for any step across the canvas.
const MAX_DIGITS: u32 = 3;

const PRESSURE_PER_POINT: u32 = 0;
const ONE_PRESSURE: u32 = 1;

/// Why a stored text is not a stroke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// Byte offset of the problem.
    pub at: usize,
    pub what: &'static str,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at character {}", self.what, self.at)
    }
}

impl std::error::Error for DecodeError {}

/// The stored text of a stroke's points. Coordinates past [`MAX_COORD`] are stored as
/// [`MAX_COORD`], so the text always decodes.
pub fn encode(points: &[Point]) -> String {
    let Some(first) = points.first() else {
        return String::new();
    };
    let mut one_pressure = true;
    for point in points {
        one_pressure &= point.pressure == first.pressure;
    }
    // Most steps take five characters or fewer.
    let mut out = String::with_capacity(4 + points.len() * 5);
    let mut pressure = 0;
    if one_pressure {
        put(&mut out, ONE_PRESSURE);
        put(&mut out, u32::from(first.pressure));
        pressure = first.pressure;
    } else {
        put(&mut out, PRESSURE_PER_POINT);
    }
    let (mut x, mut y) = (0, 0);
    for point in points {
        let (next_x, next_y) = (point.x.min(MAX_COORD), point.y.min(MAX_COORD));
        put_step(&mut out, x, next_x);
        put_step(&mut out, y, next_y);
        if !one_pressure {
            put_step(&mut out, u16::from(pressure), u16::from(point.pressure));
        }
        (x, y, pressure) = (next_x, next_y, point.pressure);
    }
    out
}

/// The points stored in `text` by [`encode`].
pub fn decode(text: &str) -> Result<Vec<Point>, DecodeError> {
    let mut reader = Reader {
        text: text.as_bytes(),
        at: 0,
    };
    let mut points = Vec::new();
    if text.is_empty() {
        return Ok(points);
    }
    // Most points take five characters; reserving for that saves regrowing.
    points.reserve(text.len() / 5);
    let mode = reader.number()?;
    let mut pressure = match mode {
        PRESSURE_PER_POINT => 0,
        ONE_PRESSURE => reader.in_range(0, u16::from(u8::MAX), false)?,
        _ => {
            reader.at = 0;
            return reader.fail("unknown kind of stroke");
        }
    };
    let mut pressure_changed = false;
    let (mut x, mut y) = (0, 0);
    while !reader.is_done() {
        x = reader.in_range(x, MAX_COORD, true)?;
        y = reader.in_range(y, MAX_COORD, true)?;
        if mode == PRESSURE_PER_POINT {
            let next = reader.in_range(pressure, u16::from(u8::MAX), true)?;
            pressure_changed |= !points.is_empty() && next != pressure;
            pressure = next;
        }
        points.push(Point {
            x,
            y,
            // In range: checked against u8::MAX above.
            pressure: pressure as u8,
        });
    }
    if points.is_empty() {
        return reader.fail("no points");
    }
    // The encoder writes a pressure per point only when it changes; accepting it
    // otherwise would let two texts mean one stroke.
    if mode == PRESSURE_PER_POINT && !pressure_changed {
        return reader.fail("pressure written per point but never changes");
    }
    Ok(points)
}

fn put(out: &mut String, mut value: u32) {
    while value >= MORE {
        out.push(char::from(DIGITS[(MORE | (value % MORE)) as usize]));
        value /= MORE;
    }
    out.push(char::from(DIGITS[value as usize]));
}

/// Writes the step from `from` to `to`, folded so small steps either way are small.
fn put_step(out: &mut String, from: u16, to: u16) {
    let step = i32::from(to) - i32::from(from);
    put(out, ((step << 1) ^ (step >> 31)) as u32);
}

fn digit(byte: u8) -> Option<u32> {
    let value = match byte {
        b'A'..=b'Z' => byte - b'A',
        b'a'..=b'z' => byte - b'a' + 26,
        b'0'..=b'9' => byte - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

struct Reader<'a> {
    text: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn fail<T>(&self, what: &'static str) -> Result<T, DecodeError> {
        Err(DecodeError { at: self.at, what })
    }

    fn is_done(&self) -> bool {
        self.at >= self.text.len()
    }

    fn number(&mut self) -> Result<u32, DecodeError> {
        let mut value = 0;
        for place in 0..MAX_DIGITS {
            let Some(&byte) = self.text.get(self.at) else {
                return self.fail("stroke cut short");
            };
            let Some(digit) = digit(byte) else {
                return self.fail("not a stroke character");
            };
            value |= (digit % MORE) << (5 * place);
            if digit < MORE {
                if place > 0 && digit == 0 {
                    return self.fail("number longer than it needs to be");
                }
                self.at += 1;
                return Ok(value);
            }
            self.at += 1;
        }
        self.fail("number too long")
    }

    /// The next value between 0 and `max`: a step from `from` when `step`, else the
    /// value itself.
    fn in_range(&mut self, from: u16, max: u16, step: bool) -> Result<u16, DecodeError> {
        let start = self.at;
        let number = self.number()?;
        let value = if step {
            // Unfolds what `put_step` folded.
            let step = (number >> 1) as i32 ^ -((number & 1) as i32);
            i32::from(from) + step
        } else {
            number as i32
        };
        if (0..=i32::from(max)).contains(&value) {
            Ok(value as u16)
        } else {
            self.at = start;
            self.fail("value out of range")
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small, fixed pseudo-random sequence (SplitMix64), so every run tests the same
    /// cases and a failure can be replayed.
    pub(crate) struct Dice(pub u64);

    impl Dice {
        pub(crate) fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        /// A whole number from 0 to `n - 1`.
        pub(crate) fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }

        /// A number from −1 to 1.
        pub(crate) fn signed(&mut self) -> f64 {
            (self.next() >> 11) as f64 / (1u64 << 52) as f64 - 1.0
        }
    }

    /// A hand-drawn line as a pen on a laptop's canvas reports it: see [`hand_drawn_on`].
    pub(crate) fn hand_drawn(dice: &mut Dice, len: usize, pen: bool) -> Vec<Point> {
        hand_drawn_on(dice, len, pen, 600.0, 120.0)
    }

    /// A hand-drawn line on a canvas `side` CSS pixels square (600 on a laptop is about
    /// 6.8 drawing units to a pixel, 390 on a phone about 10.5), sampled `hz` times a
    /// second (60 for plain pointer events, 120 or more with coalesced ones): a speed
    /// that wanders between 150 and 1000 pixels a second, a direction that curves and
    /// wobbles, a pixel or so of jitter, and, for a `pen`, pressure that swells and
    /// fades with a little noise (otherwise the one pressure of a mouse or finger).
    pub(crate) fn hand_drawn_on(
        dice: &mut Dice,
        len: usize,
        pen: bool,
        side: f64,
        hz: f64,
    ) -> Vec<Point> {
        let units_per_px = f64::from(MAX_COORD) / side;
        let (mut x, mut y) = (1200.0, 2000.0);
        let mut heading: f64 = 0.3;
        let mut turn = 0.0;
        let mut speed: f64 = 500.0;
        let mut force: f64 = 0.5;
        let mut points = Vec::with_capacity(len);
        for _ in 0..len {
            turn = (turn + dice.signed() * 0.02).clamp(-0.12, 0.12);
            heading += turn + dice.signed() * 0.05;
            speed = (speed + dice.signed() * 60.0).clamp(150.0, 1000.0);
            let step = speed / hz * units_per_px;
            x += heading.cos() * step + dice.signed() * units_per_px;
            y += heading.sin() * step + dice.signed() * units_per_px;
            // Turn back at the edges, like a hand that stays on the paper.
            if !(200.0..3900.0).contains(&x) || !(200.0..3900.0).contains(&y) {
                heading += std::f64::consts::PI;
                x = x.clamp(200.0, 3900.0);
                y = y.clamp(200.0, 3900.0);
            }
            force = (force + dice.signed() * 0.03).clamp(0.15, 0.95);
            let pressure = if pen {
                (force * 255.0 + dice.signed() * 2.0).round() as u8
            } else {
                128
            };
            points.push(Point::new(x.round() as u16, y.round() as u16, pressure));
        }
        points
    }

    /// Any stroke at all: steps of every size (one-character, two-character, across the
    /// whole canvas), the edges, repeats, one pressure or many.
    fn random_points(dice: &mut Dice) -> Vec<Point> {
        let len = match dice.below(10) {
            0 => 1,
            1 => 2,
            2 => dice.below(2000) as usize,
            _ => dice.below(60) as usize,
        };
        let one_pressure = dice.below(3) == 0;
        let mut p = Point::new(
            dice.below(4096) as u16,
            dice.below(4096) as u16,
            dice.below(256) as u8,
        );
        let mut points = Vec::with_capacity(len);
        for _ in 0..len {
            let reach = [2, 16, 40, 600, 5000][dice.below(5) as usize];
            let jump = |dice: &mut Dice, v: u16, max: i64| -> i64 {
                let moved = i64::from(v) + dice.below(2 * reach + 1) as i64 - reach as i64;
                match dice.below(20) {
                    0 => 0,
                    1 => max,
                    _ => moved.clamp(0, max),
                }
            };
            p.x = jump(dice, p.x, 4095) as u16;
            p.y = jump(dice, p.y, 4095) as u16;
            if !one_pressure {
                p.pressure = jump(dice, u16::from(p.pressure), 255) as u8;
            }
            points.push(p);
        }
        points
    }

    fn chars_per_point(points: &[Point]) -> f64 {
        encode(points).len() as f64 / points.len() as f64
    }

    #[test]
    fn random_strokes_round_trip_exactly() {
        let mut dice = Dice(7);
        for case in 0..3000 {
            let points = random_points(&mut dice);
            let text = encode(&points);
            assert_eq!(decode(&text).as_ref(), Ok(&points), "case {case}: {text}");
        }
    }

    #[test]
    fn the_encoding_needs_no_escaping_in_json() {
        let mut dice = Dice(11);
        for _ in 0..200 {
            let text = encode(&random_points(&mut dice));
            assert!(text.bytes().all(|b| DIGITS.contains(&b)), "{text}");
            let json = crate::domain::json::to_text(&text);
            assert_eq!(json.len(), text.len() + 2);
        }
    }

    #[test]
    fn a_hand_drawn_stroke_takes_under_eight_characters_a_point() {
        let mut dice = Dice(2024);
        for (device, pen, side, hz) in [
            ("pen, laptop canvas, 120 Hz", true, 600.0, 120.0),
            ("mouse, laptop canvas, 60 Hz", false, 600.0, 60.0),
            ("finger, phone canvas, 60 Hz", false, 390.0, 60.0),
            ("pen, phone canvas, 60 Hz", true, 390.0, 60.0),
        ] {
            let points = hand_drawn_on(&mut dice, 1000, pen, side, hz);
            let cost = chars_per_point(&points);
            println!("1000 hand-drawn points, {device}: {cost:.2} characters a point");
            assert!(cost <= 8.0, "{device}: {cost}");
            // DESIGN.md's budget: about 4 KB per 1000 points.
            assert!(cost <= 5.5, "{device}: {cost}");
            assert_eq!(decode(&encode(&points)).unwrap(), points);
        }
    }

    #[test]
    fn small_steps_take_one_character_each() {
        let points = [
            Point::new(0, 0, 7),
            Point::new(15, 0, 7),
            Point::new(0, 15, 7),
            Point::new(16, 0, 7),
        ];
        // One pressure, 7; then steps (0, 0), (+15, 0), (−15, +15), (+16, −15). Folded,
        // +15 is 30 (`e`) and −15 is 29 (`d`); +16 is 32, which needs a second
        // character (`gB`).
        assert_eq!(encode(&points), "BHAAeAdegBd");
        assert_eq!(
            encode(&[Point::new(MAX_COORD, MAX_COORD, 255)]),
            "B_H-_H-_H"
        );
        assert_eq!(encode(&[]), "");
        assert_eq!(decode(""), Ok(vec![]));
        let pressed = [Point::new(1, 2, 3), Point::new(1, 2, 4)];
        assert_eq!(encode(&pressed), "ACEGAAC");
    }

    #[test]
    fn coordinates_past_the_edge_are_stored_on_it() {
        let stray = Point {
            x: 5000,
            y: u16::MAX,
            pressure: 9,
        };
        assert_eq!(
            decode(&encode(&[stray])),
            Ok(vec![Point::new(MAX_COORD, MAX_COORD, 9)])
        );
    }

    #[test]
    fn malformed_text_is_refused_with_where() {
        for (bad, at) in [
            ("C", 0),       // an unknown kind of stroke
            ("B", 1),       // the pressure is missing
            ("BH", 2),      // no points
            ("A", 1),       // no points
            ("BHA", 3),     // y is missing
            ("BHBA", 2),    // x of −1
            ("BHggIA", 2),  // x of 4096
            ("B_f", 1),     // pressure of 1023
            ("BgA", 2),     // a number with a needless second character
            ("Bggg", 4),    // a number too long
            ("BH AA", 2),   // not a stroke character
            ("BH\"AA", 2),  // a quote
            ("BHAA=", 4),   // base64 padding
            ("BHAAé", 4),   // a character outside ASCII
            ("AAAAAAA", 7), // pressure per point that never changes
        ] {
            let error = decode(bad).unwrap_err();
            assert_eq!(error.at, at, "{bad:?}: {error}");
        }
    }

    /// Any text at all: random characters, and valid strokes with a character changed,
    /// added, removed or the end cut off. Whatever decodes must be exactly what encodes
    /// back to the same text, so no two texts mean one stroke.
    #[test]
    fn decoding_garbage_never_panics_and_accepts_only_what_encoding_writes() {
        let mut dice = Dice(99);
        let alphabet: Vec<char> = "ABCgh_-09zZ=\"\\é/+ \n\u{0}".chars().collect();
        let mut accepted = 0;
        for _ in 0..100_000 {
            let mut text: Vec<char> = if dice.below(2) == 0 {
                encode(&random_points(&mut dice)).chars().collect()
            } else {
                Vec::new()
            };
            for _ in 0..=dice.below(4) {
                let at = dice.below(text.len() as u64 + 1) as usize;
                let c = if dice.below(2) == 0 {
                    alphabet[dice.below(alphabet.len() as u64) as usize]
                } else {
                    char::from(DIGITS[dice.below(64) as usize])
                };
                match dice.below(4) {
                    0 => text.insert(at, c),
                    1 if at < text.len() => text[at] = c,
                    2 if at < text.len() => {
                        text.remove(at);
                    }
                    _ => text.truncate(at),
                }
            }
            let text: String = text.into_iter().collect();
            if let Ok(points) = decode(&text) {
                assert_eq!(encode(&points), text);
                accepted += 1;
            }
        }
        // Some of the damaged texts still decode (a changed step is still a step).
        assert!(accepted > 1000, "{accepted}");
    }
}
