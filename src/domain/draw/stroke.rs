//! Points and strokes in the drawing's own square space.
//!
//! Coordinates are whole numbers from 0 to [`MAX_COORD`] on both axes, whatever the
//! screen: the canvas is square, so a drawing made on a phone opens at the same shape on
//! a projector, and whole numbers are what the compact encoding stores exactly.

use super::palette::Colour;
use crate::domain::settings::{choice, Choice};

/// The largest coordinate on either axis (12 bits).
pub const MAX_COORD: u16 = 4095;

/// The pressure stored when a device does not report any: what pointer events give a
/// mouse with its button down (0.5).
pub const DEFAULT_PRESSURE: u8 = 128;

/// One sample of a pointer, in drawing space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Point {
    /// 0 (left) to [`MAX_COORD`] (right).
    pub x: u16,
    /// 0 (top) to [`MAX_COORD`] (bottom).
    pub y: u16,
    /// 0 (barely touching) to 255 (pressed hard).
    pub pressure: u8,
}

impl Point {
    /// A point, with coordinates past the edge moved onto it.
    pub fn new(x: u16, y: u16, pressure: u8) -> Point {
        Point {
            x: x.min(MAX_COORD),
            y: y.min(MAX_COORD),
            pressure,
        }
    }

    /// The point for a pointer at (`x`, `y`) CSS pixels from the top left of a canvas
    /// `side` pixels square, with pointer-event `pressure` (0 to 1).
    ///
    /// Pointers outside the canvas land on its edge. A pressure of exactly 0 while
    /// drawing means the device does not report pressure (some touch screens), so it
    /// becomes [`DEFAULT_PRESSURE`] rather than an invisible line.
    pub fn from_canvas(x: f32, y: f32, side: f32, pressure: f32) -> Point {
        let pressure = if pressure > 0.0 {
            // `as` saturates (and turns NaN into 0), so no input can panic here.
            (pressure * 255.0).round().clamp(1.0, 255.0) as u8
        } else {
            DEFAULT_PRESSURE
        };
        Point::new(to_logical(x, side), to_logical(y, side), pressure)
    }

    /// The same point reflected in the canvas's vertical centre line.
    pub fn mirrored(self) -> Point {
        Point {
            x: MAX_COORD - self.x.min(MAX_COORD),
            ..self
        }
    }
}

/// A CSS-pixel offset on a canvas `side` pixels square, as a drawing coordinate.
pub fn to_logical(px: f32, side: f32) -> u16 {
    if side <= 0.0 {
        return 0;
    }
    let logical = (px / side * f32::from(MAX_COORD)).round();
    (logical as u16).min(MAX_COORD)
}

/// A drawing coordinate (smoothed, so it may have a fraction) as CSS pixels on a canvas
/// `side` pixels square.
pub fn to_px(logical: f32, side: f32) -> f32 {
    logical * side / f32::from(MAX_COORD)
}

choice! {
    /// What a stroke does. The glow is the playful one: a soft, bright line.
    Tool {
        Pen = "pen", "Pen";
        Glow = "glow", "Glow";
        Eraser = "eraser", "Eraser";
    }
}

choice! {
    /// Brush sizes, named rather than numbered so a screen reader says something useful.
    Size {
        Small = "small", "Small";
        Medium = "medium", "Medium";
        Large = "large", "Large";
    }
}

impl Size {
    /// Line width at normal pressure, in drawing units (a phone's canvas shows about 11
    /// units to a pixel, a laptop's about 6).
    pub fn width(self) -> f32 {
        match self {
            Size::Small => 20.0,
            Size::Medium => 48.0,
            Size::Large => 112.0,
        }
    }
}

/// The line width, in drawing units, at `pressure` (0 to 255, a smoothed value may have
/// a fraction): half the size's width at the lightest touch, the full width at the
/// pressure of a mouse, one and a half times it pressed hard.
pub fn width(size: Size, pressure: f32) -> f32 {
    size.width() * (0.5 + pressure / 255.0)
}

/// One line, from pointer down to pointer up.
#[derive(Clone, Debug, PartialEq)]
pub struct Stroke {
    pub tool: Tool,
    pub size: Size,
    /// Ignored by the eraser.
    pub colour: Colour,
    /// Also painted reflected in the vertical centre line. Stored as a flag rather than
    /// as a second stroke, so one gesture is one undo and half the storage.
    pub mirror: bool,
    /// The pointer's samples as they came; smoothing happens when painting, so a better
    /// smoothing later improves old drawings too.
    pub points: Vec<Point>,
}

impl Stroke {
    /// A stroke with no points yet.
    pub fn new(tool: Tool, size: Size, colour: Colour, mirror: bool) -> Stroke {
        Stroke {
            tool,
            size,
            colour,
            mirror,
            points: Vec::new(),
        }
    }

    /// Adds a sample. A repeat of the last one is dropped: pointer events repeat
    /// positions, and a repeat adds storage but nothing to the line.
    pub fn push(&mut self, point: Point) {
        if self.points.last() != Some(&point) {
            self.points.push(point);
        }
    }

    /// The reflected copy of this stroke, as a stroke of its own.
    pub fn mirrored(&self) -> Stroke {
        let mut points = Vec::with_capacity(self.points.len());
        for &point in &self.points {
            points.push(point.mirrored());
        }
        Stroke {
            mirror: false,
            points,
            ..*self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canvas_pixels_map_onto_the_whole_drawing_space_at_any_size() {
        for side in [300.0, 390.0, 1234.5] {
            let top_left = Point::from_canvas(0.0, 0.0, side, 0.5);
            let bottom_right = Point::from_canvas(side, side, side, 0.5);
            assert_eq!((top_left.x, top_left.y), (0, 0));
            assert_eq!((bottom_right.x, bottom_right.y), (MAX_COORD, MAX_COORD));
            let middle = Point::from_canvas(side / 2.0, side / 4.0, side, 0.5);
            assert_eq!((middle.x, middle.y), (2048, 1024));
            // And back, to well under a pixel.
            assert!((to_px(f32::from(middle.x), side) - side / 2.0).abs() < 0.5);
        }
    }

    #[test]
    fn pointers_off_the_canvas_land_on_its_edge_and_odd_input_never_panics() {
        let p = Point::from_canvas(-40.0, 9000.0, 400.0, 2.0);
        assert_eq!(p, Point::new(0, MAX_COORD, 255));
        for odd in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY, -0.0] {
            let p = Point::from_canvas(odd, odd, odd, odd);
            assert!(p.x <= MAX_COORD && p.y <= MAX_COORD);
        }
        assert_eq!(to_logical(10.0, 0.0), 0);
        assert_eq!(
            Point::new(u16::MAX, 5000, 3),
            Point::new(MAX_COORD, MAX_COORD, 3)
        );
    }

    #[test]
    fn a_device_without_pressure_draws_at_normal_width() {
        assert_eq!(
            Point::from_canvas(1.0, 1.0, 10.0, 0.0).pressure,
            DEFAULT_PRESSURE
        );
        assert_eq!(
            Point::from_canvas(1.0, 1.0, 10.0, 0.5).pressure,
            DEFAULT_PRESSURE
        );
        assert_eq!(Point::from_canvas(1.0, 1.0, 10.0, 0.001).pressure, 1);
        assert_eq!(Point::from_canvas(1.0, 1.0, 10.0, 1.0).pressure, 255);
        for size in Size::ALL.iter().copied() {
            let normal = width(size, f32::from(DEFAULT_PRESSURE));
            assert!((normal - size.width()).abs() < 0.01 * size.width());
            assert!(width(size, 0.0) < normal && normal < width(size, 255.0));
        }
    }

    #[test]
    fn brush_sizes_grow_and_have_names() {
        let sizes = Size::ALL;
        assert!(sizes.len() >= 3);
        for pair in sizes.windows(2) {
            assert!(pair[0].width() < pair[1].width());
        }
        assert!(sizes.iter().all(|s| !s.label().is_empty()));
    }

    #[test]
    fn repeated_samples_are_dropped() {
        let mut stroke = Stroke::new(Tool::Pen, Size::Small, Colour::Ink, false);
        for point in [
            Point::new(1, 1, 9),
            Point::new(1, 1, 9),
            Point::new(1, 1, 10),
            Point::new(2, 1, 10),
            Point::new(2, 1, 10),
        ] {
            stroke.push(point);
        }
        assert_eq!(
            stroke.points,
            vec![
                Point::new(1, 1, 9),
                Point::new(1, 1, 10),
                Point::new(2, 1, 10)
            ]
        );
    }

    #[test]
    fn mirroring_reflects_across_the_middle_and_twice_gives_the_stroke_back() {
        let mut stroke = Stroke::new(Tool::Glow, Size::Large, Colour::Sky, true);
        stroke.points = vec![
            Point::new(0, 7, 1),
            Point::new(1000, 8, 2),
            Point::new(MAX_COORD, 9, 3),
        ];
        let mirrored = stroke.mirrored();
        assert!(!mirrored.mirror);
        assert_eq!(
            (mirrored.tool, mirrored.size, mirrored.colour),
            (Tool::Glow, Size::Large, Colour::Sky)
        );
        assert_eq!(
            mirrored.points,
            vec![
                Point::new(MAX_COORD, 7, 1),
                Point::new(3095, 8, 2),
                Point::new(0, 9, 3)
            ]
        );
        let back = mirrored.mirrored();
        assert_eq!(back.points, stroke.points);
    }
}
