//! The three circles check-in: how much room the threat (red), drive (blue) and
//! soothing (green) systems take up right now, as three sizes a person picks. A size is
//! a picture, not a score: nothing here ranks, totals or grades them.

use super::breathing::BandText;
use super::json::{obj, FromJson, Json, ToJson};
use super::Band;

/// The three emotion systems of Compassion-Focused Therapy, in the colours they have
/// everywhere in Tend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum System {
    Threat,
    Drive,
    Soothing,
}

impl System {
    pub const ALL: [System; 3] = [System::Threat, System::Drive, System::Soothing];

    /// Stable id, also the CSS modifier and colour token (`--threat`).
    pub fn as_str(self) -> &'static str {
        match self {
            System::Threat => "threat",
            System::Drive => "drive",
            System::Soothing => "soothing",
        }
    }

    /// The colour, named plainly (LOOK.md).
    pub fn colour(self) -> &'static str {
        match self {
            System::Threat => "Red",
            System::Drive => "Blue",
            System::Soothing => "Green",
        }
    }

    /// The system's name in the band's words.
    pub fn name(self, band: Band) -> &'static str {
        self.words().0.get(band)
    }

    /// One line on what the system does, in the band's words.
    pub fn meaning(self, band: Band) -> &'static str {
        self.words().1.get(band)
    }

    fn words(self) -> (BandText, BandText) {
        match self {
            System::Threat => (
                BandText { early: "alarm", mid: "threat", adult: "threat" },
                BandText {
                    early: "Your alarm system. It looks out for danger and can make you worried, cross or jumpy.",
                    mid: "Spots danger and gets you ready to act: worry, anger, panic, feeling on edge.",
                    adult: "Scans for danger and protects you. Worry, anger and harsh self-talk often live here.",
                },
            ),
            System::Drive => (
                BandText { early: "go-get-it", mid: "drive", adult: "drive" },
                BandText {
                    early: "Your go-get-it side. It chases things you want, like a win, a goal or fun.",
                    mid: "Pushes you toward goals, wins and plans, and the buzz of getting things done.",
                    adult: "Wanting, striving and achieving: the energy that moves you toward goals.",
                },
            ),
            System::Soothing => (
                BandText { early: "rest and connect", mid: "soothing", adult: "soothing" },
                BandText {
                    early: "Your rest and connect side. It helps you feel calm, safe and close to others.",
                    mid: "Helps you slow down and feel safe, settled and connected to others.",
                    adult: "Feeling safe, settled and connected; the system kindness helps to grow.",
                },
            ),
        }
    }
}

/// The smallest and largest size a circle can have.
pub const MIN_SIZE: u8 = 1;
pub const MAX_SIZE: u8 = 5;

/// A size in words, for screen readers and the history.
pub fn size_word(size: u8) -> &'static str {
    match size {
        0 | 1 => "tiny",
        2 => "small",
        3 => "medium",
        4 => "big",
        _ => "very big",
    }
}

/// The longest note a check-in keeps: one line.
pub const MAX_NOTE_CHARS: usize = 140;

/// One check-in: the three sizes, when, and an optional one-line note.
#[derive(Clone, Debug, PartialEq)]
pub struct CirclesCheckIn {
    pub threat: u8,
    pub drive: u8,
    pub soothing: u8,
    /// Local day (days since 1970-01-01) and minute of that day.
    pub day: i64,
    pub minute: u16,
    pub note: String,
}

impl CirclesCheckIn {
    pub fn size(&self, system: System) -> u8 {
        match system {
            System::Threat => self.threat,
            System::Drive => self.drive,
            System::Soothing => self.soothing,
        }
    }

    pub fn set(&mut self, system: System, size: u8) {
        let size = size.clamp(MIN_SIZE, MAX_SIZE);
        match system {
            System::Threat => self.threat = size,
            System::Drive => self.drive = size,
            System::Soothing => self.soothing = size,
        }
    }

    /// A big red circle: the check-in is met with choices (breathe, a kind word, Help
    /// now), never a label.
    pub fn threat_is_large(&self) -> bool {
        self.threat >= 4
    }

    /// "red big, blue small, green medium".
    pub fn in_words(&self) -> String {
        System::ALL
            .iter()
            .map(|&s| format!("{} {}", s.colour().to_lowercase(), size_word(self.size(s))))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The one system bigger than both others, if there is one.
    pub fn biggest(&self) -> Option<System> {
        System::ALL.into_iter().find(|&s| {
            System::ALL
                .iter()
                .all(|&o| o == s || self.size(o) < self.size(s))
        })
    }
}

impl ToJson for CirclesCheckIn {
    fn to_json(&self) -> Json {
        obj([
            ("threat", self.threat.to_json()),
            ("drive", self.drive.to_json()),
            ("soothing", self.soothing.to_json()),
            ("day", self.day.to_json()),
            ("minute", self.minute.to_json()),
            ("note", self.note.to_json()),
        ])
    }
}

impl FromJson for CirclesCheckIn {
    fn from_json(j: &Json) -> Result<Self, String> {
        let size = |name: &str| -> Result<u8, String> {
            let n: u8 = j.field(name)?;
            if (MIN_SIZE..=MAX_SIZE).contains(&n) {
                Ok(n)
            } else {
                Err(format!("{name} size out of range"))
            }
        };
        Ok(CirclesCheckIn {
            threat: size("threat")?,
            drive: size("drive")?,
            soothing: size("soothing")?,
            day: j.field("day")?,
            minute: j.field("minute")?,
            note: j.field_or("note", String::new())?,
        })
    }
}

/// How many days the history looks back over.
pub const HISTORY_DAYS: i64 = 28;

/// The check-ins of the last [`HISTORY_DAYS`] days up to `today`, oldest first.
pub fn recent(list: &[CirclesCheckIn], today: i64) -> Vec<&CirclesCheckIn> {
    let first = today - HISTORY_DAYS + 1;
    let mut recent: Vec<&CirclesCheckIn> = list
        .iter()
        .filter(|c| (first..=today).contains(&c.day))
        .collect();
    recent.sort_by_key(|c| (c.day, c.minute));
    recent
}

fn times(n: usize) -> String {
    match n {
        1 => "once".to_owned(),
        2 => "twice".to_owned(),
        n => format!("{n} times"),
    }
}

/// The history in words: how often, and which circle was biggest how often. It
/// describes; it never judges.
pub fn summary(list: &[CirclesCheckIn], today: i64) -> String {
    let recent = recent(list, today);
    if recent.is_empty() {
        return "No check-ins in the last four weeks yet.".to_owned();
    }
    let mut text = format!(
        "In the last four weeks you checked in {}.",
        times(recent.len())
    );
    let parts: Vec<String> = System::ALL
        .iter()
        .filter_map(|&s| {
            let n = recent.iter().filter(|c| c.biggest() == Some(s)).count();
            (n > 0).then(|| format!("the {} one {}", s.colour().to_lowercase(), times(n)))
        })
        .collect();
    match parts.len() {
        0 => text.push_str(" Each time, no one circle was bigger than the others."),
        1 => text.push_str(&format!(" The biggest circle was {}.", parts[0])),
        _ => {
            let (last, rest) = parts.split_last().unwrap();
            text.push_str(&format!(
                " The biggest circle was {} and {}.",
                rest.join(", "),
                last
            ));
        }
    }
    text
}

/// Trims a note to one line of at most [`MAX_NOTE_CHARS`] characters.
pub fn clip_note(text: &str) -> String {
    let line = text.lines().next().unwrap_or("");
    super::clip(line, MAX_NOTE_CHARS)
}

/// What the check-in page says after a save, per band.
pub struct Words {
    pub intro: BandText,
    pub large_threat: BandText,
    pub thanks: BandText,
}

pub const WORDS: Words = Words {
    intro: BandText {
        early: "Your brain has three helpers. Make each circle as big as it feels right now. There is no right size.",
        mid: "Your brain has three systems. Size each circle for how much room it takes up right now. Any size is okay.",
        adult: "Size each circle for how much room that system takes up for you right now. Every size is welcome here.",
    },
    large_threat: BandText {
        early: "Your alarm circle is big right now. That's okay: it's trying to keep you safe. Would you like to try something kind?",
        mid: "Your threat circle is big right now. That makes sense: it's trying to protect you. Would one of these help?",
        adult: "Your threat circle is large right now. It's doing its job of protecting you. If it helps, you could try one of these.",
    },
    thanks: BandText {
        early: "Thanks for checking in. You could try one of these next, or just carry on with your day.",
        mid: "Thanks for checking in. If you like, try one of these next.",
        adult: "Thank you for checking in. If you like, try one of these next.",
    },
};

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::json::to_text;
    use crate::domain::readability;

    fn check(day: i64, threat: u8, drive: u8, soothing: u8) -> CirclesCheckIn {
        CirclesCheckIn {
            threat,
            drive,
            soothing,
            day,
            minute: 600,
            note: String::new(),
        }
    }

    #[test]
    fn a_check_in_round_trips_through_json() {
        let mut c = check(20_000, 5, 2, 1);
        c.note = "Maths test today".into();
        let text = to_text(&c);
        assert!(text.contains(r#""threat":5"#), "{text}");
        assert_eq!(CirclesCheckIn::from_text(&text).unwrap(), c);
    }

    #[test]
    fn sizes_outside_one_to_five_are_refused_and_setting_clamps() {
        let text = r#"{"threat":9,"drive":2,"soothing":1,"day":1,"minute":0}"#;
        assert!(CirclesCheckIn::from_text(text).is_err());
        let mut c = check(1, 3, 3, 3);
        c.set(System::Drive, 0);
        c.set(System::Soothing, 12);
        assert_eq!((c.drive, c.soothing), (MIN_SIZE, MAX_SIZE));
    }

    #[test]
    fn a_big_red_circle_is_large_and_the_biggest_needs_to_stand_out() {
        assert!(check(1, 4, 1, 1).threat_is_large());
        assert!(!check(1, 3, 5, 5).threat_is_large());
        assert_eq!(check(1, 4, 1, 1).biggest(), Some(System::Threat));
        assert_eq!(check(1, 4, 4, 1).biggest(), None);
        assert_eq!(
            check(1, 1, 2, 3).in_words(),
            "red tiny, blue small, green medium"
        );
    }

    #[test]
    fn the_summary_counts_only_the_last_four_weeks_and_describes_without_judging() {
        let list = [
            check(100, 5, 1, 1),
            check(99, 1, 1, 5),
            check(90, 4, 1, 2),
            check(50, 5, 5, 5),
        ];
        let text = summary(&list, 100);
        assert_eq!(
            text,
            "In the last four weeks you checked in 3 times. The biggest circle was the red one twice and the green one once."
        );
        assert_eq!(
            summary(&[], 100),
            "No check-ins in the last four weeks yet."
        );
        assert_eq!(recent(&list, 100).first().unwrap().day, 90);
    }

    #[test]
    fn notes_keep_one_short_line() {
        assert_eq!(clip_note("first\nsecond"), "first");
        assert_eq!(clip_note(&"a".repeat(300)).len(), MAX_NOTE_CHARS);
    }

    pub(crate) fn assert_kind(text: &str, band: Band) {
        let grade = readability::grade(text);
        assert!(
            grade <= band.max_reading_grade(),
            "grade {grade:.1} for {}: {text:?}",
            band.label()
        );
        let shame = crate::domain::warmth::shame_words(text);
        assert!(shame.is_empty(), "{shame:?} in {text:?}");
    }

    #[test]
    fn every_circle_has_a_name_and_meaning_per_band_within_its_reading_level() {
        for band in Band::ALL {
            for s in System::ALL {
                assert!(!s.name(band).is_empty());
                assert_kind(s.meaning(band), band);
            }
            for t in [WORDS.intro, WORDS.large_threat, WORDS.thanks] {
                assert_kind(t.get(band), band);
            }
        }
        // The issue's words for 12–14.
        assert!(System::Threat.meaning(Band::Early).contains("alarm system"));
        assert!(System::Drive.meaning(Band::Early).contains("go-get-it"));
        assert!(System::Soothing
            .meaning(Band::Early)
            .contains("rest and connect"));
    }

    #[test]
    fn a_large_threat_circle_is_never_met_with_a_label_or_a_score() {
        for band in Band::ALL {
            let text = WORDS.large_threat.get(band).to_lowercase();
            for word in ["score", "anxious", "disorder", "too high", "bad", "%"] {
                assert!(!text.contains(word), "{word:?} in {text:?}");
            }
            assert!(text.contains('?') || text.contains("try"), "{text}");
        }
    }
}
