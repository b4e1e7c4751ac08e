//! The compassionate letter: a letter to yourself from your kind side, written in steps
//! ("it makes sense that you feel…", "you're not alone in this…", "what might help
//! next…"), to "you" or as "I". The guide comes from `content/letter.toml`.

use super::breathing::BandText;
use super::json::{obj, FromJson, Json, ToJson};
use super::settings::{choice, Choice};
use std::collections::BTreeMap;

/// The longest a part of a letter may be, in characters.
pub const MAX_PART_CHARS: usize = 4000;

choice! {
    /// Whether the letter speaks to "you" or as "I".
    Voice {
        You = "you", "To \u{201c}you\u{201d}";
        I = "i", "As \u{201c}I\u{201d}";
    }
}

/// One step of the guide.
#[derive(Debug, PartialEq)]
pub struct LetterStep {
    pub id: &'static str,
    /// How the step starts, written to "you" and as "I".
    pub you: &'static str,
    pub i: &'static str,
    pub prompt: BandText,
}

impl LetterStep {
    pub fn starter(&self, voice: Voice) -> &'static str {
        match voice {
            Voice::You => self.you,
            Voice::I => self.i,
        }
    }
}

#[derive(Debug)]
pub struct LetterGuide {
    pub technique: &'static str,
    pub reference: &'static str,
    pub title: BandText,
    pub intro: BandText,
    /// The gentle line before a kept letter is read again.
    pub reread: BandText,
    pub steps: &'static [LetterStep],
}

/// A letter: the words written for each step, by step id.
#[derive(Clone, Debug, PartialEq)]
pub struct Letter {
    pub voice: Voice,
    /// The local day it was written (days since 1970-01-01).
    pub day: i64,
    pub parts: BTreeMap<String, String>,
}

impl Default for Letter {
    fn default() -> Self {
        Letter {
            voice: Voice::You,
            day: 0,
            parts: BTreeMap::new(),
        }
    }
}

impl Letter {
    pub fn part(&self, step: &str) -> &str {
        self.parts.get(step).map_or("", String::as_str)
    }

    /// Sets the words for a step (clipped to [`MAX_PART_CHARS`]).
    pub fn write(&mut self, step: &str, text: &str) {
        let text = super::clip(text, MAX_PART_CHARS);
        if text.is_empty() {
            self.parts.remove(step);
        } else {
            self.parts.insert(step.to_owned(), text);
        }
    }

    /// Whether nothing but spaces has been written.
    pub fn is_blank(&self) -> bool {
        self.parts.values().all(|t| t.trim().is_empty())
    }

    /// The parts in the guide's order, each with the line it starts from; parts left
    /// blank are left out.
    pub fn in_order<'a>(
        &'a self,
        steps: &'static [LetterStep],
    ) -> impl Iterator<Item = (&'static str, &'a str)> + 'a {
        let voice = self.voice;
        steps.iter().filter_map(move |s| {
            let text = self.part(s.id).trim();
            (!text.is_empty()).then(|| (s.starter(voice), text))
        })
    }

    /// Every word of the letter, for the warmth check.
    pub fn whole_text(&self) -> String {
        self.parts.values().cloned().collect::<Vec<_>>().join("\n")
    }

    /// A few words from the start of the letter, to tell letters apart in a list.
    pub fn opening(&self, steps: &'static [LetterStep], max_chars: usize) -> String {
        let first = self.in_order(steps).next().map_or("", |(_, t)| t);
        let line = first.lines().next().unwrap_or("").trim();
        if line.chars().count() <= max_chars {
            line.to_owned()
        } else {
            let cut = super::clip(line, max_chars);
            let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
            format!("{}\u{2026}", cut.trim_end())
        }
    }
}

impl ToJson for Letter {
    fn to_json(&self) -> Json {
        obj([
            ("voice", self.voice.to_json()),
            ("day", self.day.to_json()),
            ("parts", self.parts.to_json()),
        ])
    }
}

/// Fields may be missing (added later): they take their defaults.
impl FromJson for Letter {
    fn from_json(j: &Json) -> Result<Self, String> {
        let d = Letter::default();
        Ok(Letter {
            voice: j.field_or("voice", d.voice)?,
            day: j.field_or("day", d.day)?,
            parts: j.field_or("parts", d.parts)?,
        })
    }
}

/// The letter being written, and the step it is at, so a reload carries on there.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LetterDraft {
    pub letter: Letter,
    /// The step showing: 0..steps for a step, `steps` for the warmth check.
    pub step: usize,
}

impl ToJson for LetterDraft {
    fn to_json(&self) -> Json {
        obj([
            ("letter", self.letter.to_json()),
            ("step", (self.step as u32).to_json()),
        ])
    }
}

impl FromJson for LetterDraft {
    fn from_json(j: &Json) -> Result<Self, String> {
        Ok(LetterDraft {
            letter: j.field("letter")?,
            step: j.field_or::<u32>("step", 0)? as usize,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::breathing::ByBand;
    use crate::domain::json::to_text;

    const P: BandText = ByBand {
        early: "p",
        mid: "p",
        adult: "p",
    };
    static STEPS: &[LetterStep] = &[
        LetterStep {
            id: "feel",
            you: "It makes sense that you feel…",
            i: "It makes sense that I feel…",
            prompt: P,
        },
        LetterStep {
            id: "next",
            you: "What might help you next…",
            i: "What might help me next…",
            prompt: P,
        },
    ];

    #[test]
    fn a_letter_and_its_draft_round_trip_and_old_fields_take_defaults() {
        let mut letter = Letter {
            voice: Voice::I,
            day: 20_000,
            ..Letter::default()
        };
        letter.write(
            "feel",
            "sad, because \"the\" game went badly\nand that's okay",
        );
        let draft = LetterDraft { letter, step: 2 };
        assert_eq!(LetterDraft::from_text(&to_text(&draft)).unwrap(), draft);
        assert_eq!(Letter::from_text("{}").unwrap(), Letter::default());
    }

    #[test]
    fn parts_come_in_the_guides_order_with_the_voices_starter() {
        let mut letter = Letter::default();
        letter.write("next", "a walk");
        letter.write("feel", "tired");
        letter.write("unknown", "kept, but not shown in order");
        let parts: Vec<_> = letter.in_order(STEPS).collect();
        assert_eq!(
            parts,
            [
                ("It makes sense that you feel…", "tired"),
                ("What might help you next…", "a walk")
            ]
        );
        letter.voice = Voice::I;
        assert_eq!(
            letter.in_order(STEPS).next().unwrap().0,
            "It makes sense that I feel…"
        );
    }

    #[test]
    fn writing_nothing_removes_a_part_and_long_text_is_clipped() {
        let mut letter = Letter::default();
        letter.write("feel", "x");
        letter.write("feel", "");
        assert!(letter.parts.is_empty());
        assert!(letter.is_blank());
        letter.write("feel", &"a".repeat(MAX_PART_CHARS + 10));
        assert_eq!(letter.part("feel").chars().count(), MAX_PART_CHARS);
        assert!(!letter.is_blank());
    }

    #[test]
    fn the_opening_is_a_few_whole_words() {
        let mut letter = Letter::default();
        letter.write("feel", "worried about the maths test on Friday\nmore");
        assert_eq!(
            letter.opening(STEPS, 100),
            "worried about the maths test on Friday"
        );
        assert_eq!(letter.opening(STEPS, 20), "worried about the\u{2026}");
        assert_eq!(Letter::default().opening(STEPS, 20), "");
    }
}
