//! The compassionate companion a person shapes: a name, a colour, a form and a voice.
//! It speaks the kind lines in every scene.

use crate::domain::json::{obj, FromJson, Json, ToJson};
use crate::domain::settings::{choice, Accent, Choice};

/// The longest name, in characters.
pub const MAX_NAME_CHARS: usize = 30;

/// The companion's colour: the same personal colours a person can pick as Tend's accent
/// (soothing green, blue, orange, purple; never threat red), under the same stored ids.
pub type Hue = Accent;

choice! {
    /// What the companion looks like.
    Form {
        Sprout = "sprout", "Sprout";
        Cloud = "cloud", "Cloud";
        Star = "star", "Star";
    }
}

choice! {
    /// How the companion sounds when lines are read aloud.
    Voice {
        Low = "low", "Low and slow";
        Middle = "middle", "In between";
        High = "high", "Light and bright";
    }
}

impl Voice {
    /// Speech pitch, where 1 is the browser's usual.
    pub fn pitch(self) -> f32 {
        match self {
            Voice::Low => 0.8,
            Voice::Middle => 1.0,
            Voice::High => 1.3,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Companion {
    pub name: String,
    pub hue: Hue,
    pub form: Form,
    pub voice: Voice,
}

impl Default for Companion {
    fn default() -> Self {
        Companion {
            name: String::new(),
            hue: Hue::Soothing,
            form: Form::Sprout,
            voice: Voice::Middle,
        }
    }
}

impl Companion {
    /// What the kind voice is called in a conversation.
    pub fn title(&self) -> String {
        match self.name.trim() {
            "" => "Your kind self".to_owned(),
            name => format!("{name}, your kind companion"),
        }
    }
}

impl ToJson for Companion {
    fn to_json(&self) -> Json {
        obj([
            ("name", self.name.to_json()),
            ("hue", self.hue.to_json()),
            ("form", self.form.to_json()),
            ("voice", self.voice.to_json()),
        ])
    }
}

/// Fields may be missing (added later): they take their defaults.
impl FromJson for Companion {
    fn from_json(j: &Json) -> Result<Self, String> {
        let d = Companion::default();
        Ok(Companion {
            name: j.field_or("name", d.name)?,
            hue: j.field_or("hue", d.hue)?,
            form: j.field_or("form", d.form)?,
            voice: j.field_or("voice", d.voice)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::json::to_text;

    #[test]
    fn a_companion_round_trips_and_missing_fields_take_defaults() {
        let c = Companion {
            name: "Pip".into(),
            hue: Hue::Calm,
            form: Form::Star,
            voice: Voice::High,
        };
        assert_eq!(Companion::from_text(&to_text(&c)).unwrap(), c);
        assert_eq!(Companion::from_text("{}").unwrap(), Companion::default());
    }

    #[test]
    fn the_kind_voice_is_named_after_the_companion_once_it_has_a_name() {
        assert_eq!(Companion::default().title(), "Your kind self");
        let pip = Companion {
            name: " Pip ".into(),
            ..Companion::default()
        };
        assert_eq!(pip.title(), "Pip, your kind companion");
    }
}
