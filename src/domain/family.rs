//! The family section: lessons for parents and carers, rehearsals of a hard
//! conversation, and the parent's own record per lesson (read or not, and a short
//! note). Nothing here touches a teen's records.
//!
//! The lessons live in `content/family/lessons/`, the rehearsals in
//! `content/family/talk/`; `build.rs` turns them into the statics in `crate::content`.

use super::json::{obj, FromJson, Json, ToJson};
use super::talk::Scene;
use super::Band;

/// One lesson: a few short sections, a "try this at home" step, and where the ideas
/// come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lesson {
    /// Stable id: lowercase letters, digits and dashes; part of its address and key.
    pub id: &'static str,
    /// Its address: `/family/<id>`.
    pub path: &'static str,
    pub title: &'static str,
    /// One or two sentences for the list of lessons.
    pub summary: &'static str,
    /// Reading time in minutes.
    pub minutes: u8,
    /// The practice it adapts.
    pub technique: &'static str,
    /// Where the ideas come from; any claim about research names its source here.
    pub references: &'static [&'static str],
    /// One thing to try this week.
    pub try_this: &'static str,
    pub sections: &'static [Section],
    /// Before-and-after examples, at most one per teen age band.
    pub examples: &'static [Example],
    /// Shows the three systems in Tend's colours.
    pub systems: bool,
    /// Shows the help lines for the parent's region.
    pub help: bool,
    /// Offers the shared breathing exercise.
    pub breathe: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    pub heading: &'static str,
    /// Paragraphs separated by a blank line.
    pub text: &'static str,
}

impl Section {
    pub fn paragraphs(&self) -> impl Iterator<Item = &'static str> {
        self.text
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
    }
}

/// What many of us say first, and what emotion coaching sounds like, for one age band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    pub band: Band,
    pub moment: &'static str,
    pub before: &'static str,
    pub after: &'static str,
}

impl Lesson {
    /// The example for the teen's age band the parent picked, if this lesson has one.
    pub fn example_for(&self, band: Band) -> Option<&'static Example> {
        self.examples.iter().find(|e| e.band == band)
    }

    /// Every text a parent reads in this lesson, named, for the content tests.
    pub fn texts(&self) -> Vec<(String, &'static str)> {
        let mut out = vec![
            ("title".to_owned(), self.title),
            ("summary".to_owned(), self.summary),
            ("try".to_owned(), self.try_this),
        ];
        for s in self.sections {
            out.push((format!("heading {:?}", s.heading), s.heading));
            for (i, p) in s.paragraphs().enumerate() {
                out.push((format!("{:?} paragraph {}", s.heading, i + 1), p));
            }
        }
        for e in self.examples {
            let band = e.band.label();
            out.push((format!("{band} moment"), e.moment));
            out.push((format!("{band} before"), e.before));
            out.push((format!("{band} after"), e.after));
        }
        out
    }

    /// The lesson as plain text, for reading aloud.
    pub fn spoken(&self, band: Option<Band>) -> String {
        let mut out = format!("{}. {}", self.title, self.summary);
        for s in self.sections {
            out.push_str(&format!(" {}.", s.heading));
            for p in s.paragraphs() {
                out.push(' ');
                out.push_str(p);
            }
        }
        if let Some(e) = band.and_then(|b| self.example_for(b)) {
            out.push_str(&format!(
                " {} What many of us say first: {} What you could say instead: {}",
                e.moment, e.before, e.after
            ));
        }
        out.push_str(&format!(" One thing to try this week. {}", self.try_this));
        out
    }
}

/// A rehearsal of a hard conversation: a dialogue scene in which the parent chooses
/// what to say, and a plain one-line preview of what happens in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FamilyScene {
    /// Its address: `/family/rehearse/<id>`.
    pub path: &'static str,
    /// A scene like the teen's (its preview included), offered only here.
    pub scene: Scene,
}

/// The longest note a parent can keep on a lesson, in characters.
pub const MAX_NOTE_CHARS: usize = 600;

/// The parent's own record for one lesson (`tend.family.lesson.<id>`): whether they
/// marked it read, and a short note. No streaks, no scores, no dates to keep up with.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LessonRecord {
    pub read: bool,
    pub note: String,
}

impl ToJson for LessonRecord {
    fn to_json(&self) -> Json {
        obj([("read", self.read.to_json()), ("note", self.note.to_json())])
    }
}

impl FromJson for LessonRecord {
    fn from_json(j: &Json) -> Result<Self, String> {
        Ok(LessonRecord {
            read: j.field_or("read", false)?,
            note: j.field_or("note", String::new())?,
        })
    }
}

/// The parent's own settings for the family section (`tend.family.settings`), apart
/// from any teen's: the age band of their teen, for the examples.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FamilySettings {
    pub teen_band: Option<Band>,
}

impl ToJson for FamilySettings {
    fn to_json(&self) -> Json {
        obj([("teen_band", self.teen_band.to_json())])
    }
}

impl FromJson for FamilySettings {
    fn from_json(j: &Json) -> Result<Self, String> {
        Ok(FamilySettings {
            teen_band: j.field_or("teen_band", None)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::json::to_text;

    #[test]
    fn a_lesson_record_round_trips_and_fills_in_what_is_missing() {
        let r = LessonRecord {
            read: true,
            note: "Ask about lunch".into(),
        };
        assert_eq!(LessonRecord::from_text(&to_text(&r)).unwrap(), r);
        assert_eq!(
            LessonRecord::from_text("{}").unwrap(),
            LessonRecord::default()
        );
    }

    #[test]
    fn family_settings_round_trip() {
        let s = FamilySettings {
            teen_band: Some(Band::Mid),
        };
        assert_eq!(FamilySettings::from_text(&to_text(&s)).unwrap(), s);
        assert_eq!(
            FamilySettings::from_text("{}").unwrap(),
            FamilySettings::default()
        );
    }

    #[test]
    fn paragraphs_are_split_on_blank_lines() {
        let s = Section {
            heading: "h",
            text: "One.\n\nTwo.\n\n\n",
        };
        assert_eq!(s.paragraphs().collect::<Vec<_>>(), ["One.", "Two."]);
    }
}
