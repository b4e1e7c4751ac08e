//! The drawing room's model: strokes as data, the palette, the compact text strokes are
//! stored as, smoothing, and undo.
//!
//! A drawing is vectors, not pixels: the canvas paints it from this model at whatever
//! size and pixel density the screen has, and storage keeps a few kilobytes instead of
//! an image.

pub mod encode;
pub mod history;
pub mod palette;
pub mod prompt;
pub mod saved;
pub mod smooth;
pub mod stroke;

pub use encode::{decode, encode, DecodeError};
pub use history::{shortcut, Command, History};
pub use palette::{Colour, Paper};
pub use prompt::Prompt;
pub use smooth::{settled, smooth, smooth_point, Smooth};
pub use stroke::{width, Point, Size, Stroke, Tool, MAX_COORD};

use super::json::{obj, FromJson, Json, ToJson};

/// One drawing: its paper and its strokes, oldest first (painted in that order).
#[derive(Clone, Debug, PartialEq)]
pub struct Drawing {
    pub paper: Paper,
    pub strokes: Vec<Stroke>,
}

impl Default for Drawing {
    fn default() -> Self {
        Drawing {
            paper: Paper::Warm,
            strokes: Vec::new(),
        }
    }
}

/// One line of a drawing as SVG paints it: `x,y x,y …` in drawing units (whole numbers,
/// so no float formatting is needed), its colour and its width.
#[derive(Clone, Debug, PartialEq)]
pub struct SvgLine {
    pub points: String,
    pub colour: &'static str,
    pub width: u32,
}

impl Drawing {
    pub fn is_empty(&self) -> bool {
        self.strokes.is_empty()
    }

    /// The drawing as SVG polylines in a `0 0 MAX_COORD MAX_COORD` box, painted in
    /// order: the gallery's thumbnails and the summary's pictures both draw from this.
    /// A mirrored stroke is two lines; the eraser paints in the paper's colour.
    pub fn svg_lines(&self) -> Vec<SvgLine> {
        use std::fmt::Write;
        let polyline = |points: &[Point], mirrored: bool| {
            let mut out = String::with_capacity(points.len() * 10);
            for p in points {
                let p = if mirrored { p.mirrored() } else { *p };
                let _ = write!(out, "{},{} ", p.x, p.y);
            }
            out
        };
        let mut lines = Vec::new();
        for s in &self.strokes {
            let colour = match s.tool {
                Tool::Eraser => self.paper.hex(),
                _ => s.colour.hex(),
            };
            let width = s.size.width() as u32;
            lines.push(SvgLine {
                points: polyline(&s.points, false),
                colour,
                width,
            });
            if s.mirror {
                lines.push(SvgLine {
                    points: polyline(&s.points, true),
                    colour,
                    width,
                });
            }
        }
        lines
    }

    /// The whole drawing as one `<svg>` element in text, named `label` for screen
    /// readers: for a page written as text (the summary file).
    pub fn svg(&self, label: &str) -> String {
        use std::fmt::Write;
        let mut out = format!(
            "<svg class=\"picture\" viewBox=\"0 0 {MAX_COORD} {MAX_COORD}\" role=\"img\" aria-label=\"{}\"><rect width=\"{MAX_COORD}\" height=\"{MAX_COORD}\" fill=\"{}\"/>",
            super::esc(label),
            self.paper.hex()
        );
        for l in self.svg_lines() {
            let _ = write!(
                out,
                "<polyline points=\"{}\" stroke=\"{}\" stroke-width=\"{}\" fill=\"none\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>",
                l.points, l.colour, l.width
            );
        }
        out.push_str("</svg>");
        out
    }
}

impl ToJson for Stroke {
    fn to_json(&self) -> Json {
        obj([
            ("tool", self.tool.to_json()),
            ("size", self.size.to_json()),
            ("colour", self.colour.to_json()),
            ("mirror", self.mirror.to_json()),
            ("points", Json::Str(encode(&self.points))),
        ])
    }
}

/// A colour that has left the palette loads as ink rather than losing the drawing; a
/// stroke whose points do not decode is refused, so a damaged record is never shown
/// half right.
impl FromJson for Stroke {
    fn from_json(j: &Json) -> Result<Self, String> {
        let points: String = j.field("points")?;
        let points = decode(&points).map_err(|e| format!("points: {e}"))?;
        if points.is_empty() {
            return Err("points: none".to_owned());
        }
        Ok(Stroke {
            tool: j.field("tool")?,
            size: j.field("size")?,
            colour: Colour::from_id(&j.field::<String>("colour")?),
            mirror: j.field_or("mirror", false)?,
            points,
        })
    }
}

impl ToJson for Drawing {
    fn to_json(&self) -> Json {
        let mut strokes = Vec::with_capacity(self.strokes.len());
        for stroke in &self.strokes {
            strokes.push(stroke.to_json());
        }
        obj([
            ("paper", self.paper.to_json()),
            ("strokes", Json::Arr(strokes)),
        ])
    }
}

impl FromJson for Drawing {
    fn from_json(j: &Json) -> Result<Self, String> {
        let Some(Json::Arr(items)) = j.get("strokes") else {
            return Err("strokes: expected a list".to_owned());
        };
        let mut strokes = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            strokes.push(Stroke::from_json(item).map_err(|e| format!("strokes {i}: {e}"))?);
        }
        Ok(Drawing {
            paper: Paper::from_id(&j.field::<String>("paper")?),
            strokes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::encode::tests::{hand_drawn, Dice};
    use super::*;
    use crate::domain::json::to_text;

    fn sample() -> Drawing {
        let mut dice = Dice(1);
        let mut glow = Stroke::new(Tool::Glow, Size::Large, Colour::Soothing, true);
        glow.points = hand_drawn(&mut dice, 200, true);
        let mut eraser = Stroke::new(Tool::Eraser, Size::Small, Colour::Ink, false);
        eraser.points = hand_drawn(&mut dice, 50, false);
        let mut dot = Stroke::new(Tool::Pen, Size::Medium, Colour::Threat, false);
        dot.push(Point::new(2048, 2048, 128));
        Drawing {
            paper: Paper::Night,
            strokes: vec![glow, eraser, dot],
        }
    }

    #[test]
    fn a_drawing_round_trips_through_json() {
        let drawing = sample();
        let text = to_text(&drawing);
        assert_eq!(Drawing::from_text(&text).unwrap(), drawing);
        let empty = Drawing::default();
        assert!(empty.is_empty());
        assert_eq!(Drawing::from_text(&to_text(&empty)).unwrap(), empty);
    }

    #[test]
    fn the_stored_shape_of_a_drawing_stays_the_same() {
        let mut dot = Stroke::new(Tool::Pen, Size::Medium, Colour::Threat, false);
        dot.push(Point::new(2048, 2048, 128));
        let drawing = Drawing {
            paper: Paper::Night,
            strokes: vec![dot],
        };
        let text = to_text(&drawing);
        assert_eq!(
            text,
            r#"{"paper":"night","strokes":[{"tool":"pen","size":"medium","colour":"threat","mirror":false,"points":"BgEggEggE"}]}"#
        );
        // Written before mirror mode existed, or by hand: mirror is off.
        let without_mirror = text.replace(r#""mirror":false,"#, "");
        assert_eq!(Drawing::from_text(&without_mirror).unwrap(), drawing);
    }

    #[test]
    fn colours_and_papers_that_left_the_palette_load_as_the_defaults() {
        let text = to_text(&sample())
            .replace(r#""colour":"soothing""#, r#""colour":"glitter""#)
            .replace(r#""paper":"night""#, r#""paper":"tartan""#);
        let drawing = Drawing::from_text(&text).unwrap();
        assert_eq!(drawing.paper, Paper::Warm);
        assert_eq!(drawing.strokes[0].colour, Colour::Ink);
        assert_eq!(drawing.strokes[0].points, sample().strokes[0].points);
    }

    #[test]
    fn a_damaged_stroke_refuses_the_record_and_says_where() {
        let text = to_text(&sample());
        let dot = r#""points":"BgEggEggE""#;
        for (bad, says) in [
            (
                text.replace(dot, r#""points":"BgEggEgg""#),
                "strokes 2: points: stroke cut short",
            ),
            (
                text.replace(dot, r#""points":"""#),
                "strokes 2: points: none",
            ),
            (
                text.replace(dot, r#""points":7"#),
                "strokes 2: points: expected text",
            ),
            (
                text.replace(r#""tool":"eraser""#, r#""tool":"hammer""#),
                "strokes 1: tool",
            ),
            (
                text.replace(r#""strokes":["#, r#""strokes":{"a":["#)
                    .replace("]}", "]}}"),
                "strokes: expected a list",
            ),
        ] {
            let error = Drawing::from_text(&bad).unwrap_err();
            assert!(error.starts_with(says), "{error}");
        }
    }

    #[test]
    fn a_thousand_point_stroke_is_about_four_kilobytes_stored() {
        let mut dice = Dice(2024);
        let mut stroke = Stroke::new(Tool::Pen, Size::Medium, Colour::Drive, false);
        stroke.points = hand_drawn(&mut dice, 1000, true);
        let drawing = Drawing {
            paper: Paper::Warm,
            strokes: vec![stroke],
        };
        let bytes = to_text(&drawing).len();
        println!("a drawing of one 1000-point pen stroke: {bytes} bytes of JSON");
        assert!(bytes < 5200, "{bytes}");
    }
}
