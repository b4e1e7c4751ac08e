//! A drawing as it is kept: its name, the prompt it answers, the day it was made, and
//! either strokes, words ("describe it in words instead"), or both.

use super::Drawing;
use crate::domain::json::{obj, FromJson, Json, ToJson};

/// The longest name a drawing may have, in characters.
pub const MAX_NAME_CHARS: usize = 60;
/// The longest description in words, in characters.
pub const MAX_WORDS_CHARS: usize = 4000;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct SavedDrawing {
    pub name: String,
    /// The prompt's id (`free` for free drawing).
    pub prompt: String,
    /// Local day (days since 1970-01-01) it was last changed.
    pub day: i64,
    pub drawing: Drawing,
    /// The drawing described in words, for those who would rather write than draw.
    pub words: String,
}

impl SavedDrawing {
    /// Nothing drawn and nothing written.
    pub fn is_blank(&self) -> bool {
        self.drawing.is_empty() && self.words.trim().is_empty()
    }
}

impl ToJson for SavedDrawing {
    fn to_json(&self) -> Json {
        obj([
            ("name", self.name.to_json()),
            ("prompt", self.prompt.to_json()),
            ("day", self.day.to_json()),
            ("drawing", self.drawing.to_json()),
            ("words", self.words.to_json()),
        ])
    }
}

impl FromJson for SavedDrawing {
    fn from_json(j: &Json) -> Result<Self, String> {
        Ok(SavedDrawing {
            name: j.field("name")?,
            prompt: j.field("prompt")?,
            day: j.field("day")?,
            drawing: j.field("drawing")?,
            words: j.field_or("words", String::new())?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::draw::{Colour, Point, Size, Stroke, Tool};
    use crate::domain::json::to_text;

    #[test]
    fn a_saved_drawing_round_trips_with_its_words() {
        let mut stroke = Stroke::new(Tool::Glow, Size::Large, Colour::Calm, true);
        stroke.push(Point::new(10, 20, 128));
        stroke.push(Point::new(30, 25, 140));
        let saved = SavedDrawing {
            name: "My calm place".into(),
            prompt: "safe-place".into(),
            day: 20_420,
            drawing: Drawing {
                strokes: vec![stroke],
                ..Drawing::default()
            },
            words: "A beach, early, nobody else there.".into(),
        };
        assert_eq!(SavedDrawing::from_text(&to_text(&saved)).unwrap(), saved);
        assert!(!saved.is_blank());
        assert!(SavedDrawing::default().is_blank());
    }
}
