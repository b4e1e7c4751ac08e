//! Check-ins and the breathing sessions they belong to: what was practised, when, and
//! how it felt before and after. Feelings are words a person picks, never a score, so
//! nothing here ranks or adds them up.

use super::json::{obj, FromJson, Json, ToJson};
use super::settings::{choice, Choice};

choice! {
    /// How someone feels, in their own pick of words. The order has no meaning.
    Feeling {
        Calm = "calm", "Calm";
        Okay = "okay", "Okay";
        Tired = "tired", "Tired";
        Worried = "worried", "Worried";
        Low = "low", "Low";
        Cross = "cross", "Cross";
        Mixed = "mixed", "Mixed up";
    }
}

impl Feeling {
    /// Feelings that lead to coping ideas and the help page (CONTENT.md: low mood leads
    /// to options, never to a label).
    pub fn is_heavy(self) -> bool {
        matches!(self, Feeling::Worried | Feeling::Low | Feeling::Cross)
    }
}

/// The longest note a check-in keeps, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;

/// One breathing session, with its optional before and after check-in.
#[derive(Clone, Debug, PartialEq)]
pub struct BreathSession {
    /// Built-in pattern id, or the key of a custom pattern.
    pub pattern: String,
    /// The pattern's name when the session ran, so history reads well after a custom
    /// pattern is renamed or deleted.
    pub name: String,
    /// Local day (days since 1970-01-01) and minute of that day the session started.
    pub day: i64,
    pub minute: u16,
    /// Seconds actually breathed (pauses not counted).
    pub seconds: u32,
    /// Ran to its chosen length, rather than being stopped early.
    pub finished: bool,
    pub before: Option<Feeling>,
    pub after: Option<Feeling>,
    pub note: String,
}

impl ToJson for BreathSession {
    fn to_json(&self) -> Json {
        obj([
            ("pattern", self.pattern.to_json()),
            ("name", self.name.to_json()),
            ("day", self.day.to_json()),
            ("minute", self.minute.to_json()),
            ("seconds", self.seconds.to_json()),
            ("finished", self.finished.to_json()),
            ("before", self.before.to_json()),
            ("after", self.after.to_json()),
            ("note", self.note.to_json()),
        ])
    }
}

/// The check-in fields may be missing: a session can be kept without one.
impl FromJson for BreathSession {
    fn from_json(j: &Json) -> Result<Self, String> {
        Ok(BreathSession {
            pattern: j.field("pattern")?,
            name: j.field("name")?,
            day: j.field("day")?,
            minute: j.field("minute")?,
            seconds: j.field("seconds")?,
            finished: j.field("finished")?,
            before: j.field_or("before", None)?,
            after: j.field_or("after", None)?,
            note: j.field_or("note", String::new())?,
        })
    }
}

impl BreathSession {
    /// "14:05".
    pub fn clock(&self) -> String {
        let (h, m) = (self.minute / 60, self.minute % 60);
        format!("{h:02}:{m:02}")
    }

    /// "3 min", "40 s": short and whole, for lists and the chart's summary.
    pub fn length_label(&self) -> String {
        length_label(self.seconds)
    }
}

/// Whole minutes from a minute up (rounded to the nearest), seconds below that.
pub fn length_label(seconds: u32) -> String {
    if seconds < 60 {
        format!("{seconds} s")
    } else {
        format!("{} min", (seconds + 30) / 60)
    }
}

/// Seconds of breathing on each of the `days` days up to and including `today`, oldest
/// first, for the history chart.
pub fn seconds_by_day<'a>(
    sessions: impl IntoIterator<Item = &'a BreathSession>,
    today: i64,
    days: usize,
) -> Vec<u32> {
    let mut totals = vec![0u32; days];
    let first = today - days as i64 + 1;
    for s in sessions {
        if (first..=today).contains(&s.day) {
            let slot = &mut totals[(s.day - first) as usize];
            *slot = slot.saturating_add(s.seconds);
        }
    }
    totals
}

/// Trims a note to [`MAX_NOTE_CHARS`] characters.
pub fn clip_note(text: &str) -> String {
    super::clip(text, MAX_NOTE_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(day: i64, seconds: u32) -> BreathSession {
        BreathSession {
            pattern: "soothing".into(),
            name: "Soothing rhythm".into(),
            day,
            minute: 14 * 60 + 5,
            seconds,
            finished: true,
            before: Some(Feeling::Worried),
            after: Some(Feeling::Calm),
            note: String::new(),
        }
    }

    #[test]
    fn a_session_round_trips_through_json_with_feelings_as_words() {
        let s = session(20_000, 125);
        let json = crate::domain::json::to_text(&s);
        assert!(json.contains(r#""before":"worried""#), "{json}");
        assert!(json.contains(r#""after":"calm""#), "{json}");
        assert_eq!(BreathSession::from_text(&json).unwrap(), s);
    }

    #[test]
    fn a_session_without_a_check_in_still_loads() {
        let json = r#"{"pattern":"balloon","name":"Balloon breath","day":1,"minute":0,"seconds":60,"finished":false}"#;
        let s = BreathSession::from_text(json).unwrap();
        assert_eq!((s.before, s.after, s.note.as_str()), (None, None, ""));
    }

    #[test]
    fn seconds_add_up_per_day_and_old_or_future_days_are_left_out() {
        let today = 100;
        let sessions = [
            session(100, 60),
            session(100, 30),
            session(98, 120),
            session(90, 600),
            session(101, 5),
        ];
        assert_eq!(seconds_by_day(&sessions, today, 3), vec![120, 0, 90]);
    }

    #[test]
    fn lengths_read_as_whole_minutes_or_seconds() {
        assert_eq!(length_label(40), "40 s");
        assert_eq!(length_label(60), "1 min");
        assert_eq!(length_label(149), "2 min");
        assert_eq!(length_label(150), "3 min");
        assert_eq!(session(1, 1).clock(), "14:05");
    }

    #[test]
    fn only_worried_low_and_cross_lead_to_coping_ideas() {
        let heavy: Vec<Feeling> = Feeling::ALL
            .iter()
            .copied()
            .filter(|f| f.is_heavy())
            .collect();
        assert_eq!(heavy, vec![Feeling::Worried, Feeling::Low, Feeling::Cross]);
    }

    #[test]
    fn notes_are_clipped_on_a_character_boundary() {
        let long = "é".repeat(MAX_NOTE_CHARS + 5);
        assert_eq!(clip_note(&long).chars().count(), MAX_NOTE_CHARS);
        assert_eq!(clip_note("short"), "short");
    }
}
