//! Tend's exercises, as one catalogue: where each lives, what it is called in each age
//! band, one line on what it is, its picture, and the practice it adapts. Home, the
//! "I feel…" suggestions and About all read this list, so adding an exercise is one
//! entry here.

use super::breathing::BandText;
use super::Band;

/// The picture drawn beside an exercise's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    Breathe,
    Circles,
    Break,
    Draw,
    Talk,
    Companion,
    Imagery,
    Letter,
}

/// One exercise: a stable id, its address, and words per band.
#[derive(Clone, Copy, Debug)]
pub struct Exercise {
    pub id: &'static str,
    pub path: &'static str,
    pub name: BandText,
    /// One line: what the exercise is, as an invitation.
    pub about: BandText,
    pub icon: Icon,
    pub technique: &'static str,
    pub reference: &'static str,
}

impl Exercise {
    pub fn name(&self, band: Band) -> &'static str {
        self.name.get(band)
    }

    pub fn about(&self, band: Band) -> &'static str {
        self.about.get(band)
    }
}

const fn by_band(early: &'static str, mid: &'static str, adult: &'static str) -> BandText {
    BandText { early, mid, adult }
}

/// Every exercise, in the order Home lists them: the quickest ways to feel a little
/// steadier first.
pub const EXERCISES: &[Exercise] = &[
    Exercise {
        id: "breathe",
        path: "/breathe",
        name: by_band("Breathing space", "Breathing space", "Breathing space"),
        about: by_band(
            "Slow down with a shape, a sound or a buzz to follow.",
            "Slow down with a shape, a sound or a buzz to follow.",
            "Slow your breathing with a shape, a sound or a gentle buzz to follow.",
        ),
        icon: Icon::Breathe,
        technique: "Soothing rhythm breathing",
        reference: "Compassion-Focused Therapy (Paul Gilbert)",
    },
    Exercise {
        id: "circles",
        path: "/circles",
        name: by_band("Three circles", "Three circles check-in", "Three circles check-in"),
        about: by_band(
            "How big are your alarm, go-get-it and calm sides right now?",
            "Size your threat, drive and soothing circles for right now.",
            "Notice how much room threat, drive and soothing take up right now.",
        ),
        icon: Icon::Circles,
        technique: "The three emotion systems (three circles)",
        reference: "Compassion-Focused Therapy (Paul Gilbert)",
    },
    Exercise {
        id: "break",
        path: "/break",
        name: by_band("A kind minute", "Self-compassion break", "Self-compassion break"),
        about: by_band(
            "Three small steps to be kind to yourself when things are hard.",
            "Three short steps for a hard moment, in about a minute.",
            "Three short steps for a hard moment: notice it, remember you're not alone, offer yourself some kindness.",
        ),
        icon: Icon::Break,
        technique: "The self-compassion break",
        reference: "Self-compassion (Kristin Neff)",
    },
    Exercise {
        id: "draw",
        path: "/draw",
        name: by_band("Drawing room", "Drawing room", "Drawing room"),
        about: by_band(
            "Draw a safe place, a kind friend, or anything at all.",
            "Draw a safe place, a kind companion, or anything at all.",
            "Draw a safe place, a kind companion, or anything at all.",
        ),
        icon: Icon::Draw,
        technique: "Art and drawing prompts",
        reference: "Compassion-Focused Therapy with young people (Paul Gilbert)",
    },
    Exercise {
        id: "talk",
        path: "/talk",
        name: by_band("Talk it through", "Talk it through", "Talk it through"),
        about: by_band(
            "Practise kind words, for a friend and for you.",
            "Practise kind words, for a friend and for you.",
            "Practise kinder words in short scenes, for a friend and for yourself.",
        ),
        icon: Icon::Talk,
        technique: "Role-play and chair work (multiple selves)",
        reference: "Compassion-Focused Therapy (Paul Gilbert)",
    },
    Exercise {
        id: "companion",
        path: "/talk",
        name: by_band("Your kind companion", "Your kind companion", "Your kind companion"),
        about: by_band(
            "Make a kind friend who is always on your side.",
            "Shape a kind voice of your own: its name, look and way of talking.",
            "Shape a compassionate companion of your own: its name, look and voice.",
        ),
        icon: Icon::Companion,
        technique: "The ideal compassionate other",
        reference: "Compassion-Focused Therapy (Paul Gilbert)",
    },
    Exercise {
        id: "imagery",
        path: "/imagery",
        name: by_band("Kind pictures in your mind", "Kind imagery", "Compassionate imagery"),
        about: by_band(
            "Picture a calm place and a kind friend, one step at a time.",
            "Imagine a calm place and someone kind, at your own pace.",
            "Imagine a calm place, someone kind, and the kind self in you.",
        ),
        icon: Icon::Imagery,
        technique: "Compassionate imagery",
        reference: "Compassion-Focused Therapy (Paul Gilbert)",
    },
    Exercise {
        id: "letter",
        path: "/letter",
        name: by_band("A kind letter to you", "A kind letter to yourself", "A compassionate letter"),
        about: by_band(
            "Write a short, kind note to yourself, like you would to a friend.",
            "Write to yourself from your kind side, step by step.",
            "Write to yourself from your compassionate side, with gentle prompts.",
        ),
        icon: Icon::Letter,
        technique: "Compassionate letter writing",
        reference: "Compassion-Focused Therapy (Paul Gilbert)",
    },
];

pub fn exercise(id: &str) -> Option<&'static Exercise> {
    EXERCISES.iter().find(|e| e.id == id)
}

/// What someone says on Home when they want something now: "I feel…".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    WoundUp,
    Hard,
    Low,
    Unsure,
    Okay,
}

impl Need {
    pub const ALL: [Need; 5] = [
        Need::WoundUp,
        Need::Hard,
        Need::Low,
        Need::Unsure,
        Need::Okay,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Need::WoundUp => "wound-up",
            Need::Hard => "hard-on-myself",
            Need::Low => "low",
            Need::Unsure => "unsure",
            Need::Okay => "okay",
        }
    }

    /// The words on the button, finishing "I feel…" (one set for every band, so they
    /// are written for the youngest readers).
    pub fn label(self) -> &'static str {
        match self {
            Need::WoundUp => "Wound up or worried",
            Need::Hard => "Hard on myself",
            Need::Low => "Sad or low",
            Need::Unsure => "Not sure",
            Need::Okay => "Okay, up for a try",
        }
    }

    /// A warm line before the suggestions.
    pub fn reply(self) -> &'static str {
        match self {
            Need::WoundUp => "That sounds like a lot. A slow breath can help your body settle. Try one of these if you like.",
            Need::Hard => "That's a heavy feeling to carry. You could try talking to yourself like a friend would, or writing it down.",
            Need::Low => "Thanks for saying so. Go gently. Here are two soft things to try, or just rest.",
            Need::Unsure => "That's okay. Checking in with your three circles can help you notice what's going on.",
            Need::Okay => "Good to hear. Here are two things you might enjoy.",
        }
    }

    /// The exercises offered, best first.
    pub fn suggests(self) -> [&'static str; 2] {
        match self {
            Need::WoundUp => ["breathe", "circles"],
            Need::Hard => ["break", "letter"],
            Need::Low => ["break", "imagery"],
            Need::Unsure => ["circles", "breathe"],
            Need::Okay => ["draw", "companion"],
        }
    }

    /// Whether Help now is offered with the suggestions too (heavy feelings lead to
    /// options and help, never a label).
    pub fn offers_help(self) -> bool {
        matches!(self, Need::Low | Need::Hard)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::readability;

    use crate::domain::warmth::shame_words;

    #[test]
    fn every_exercise_has_all_age_bands_a_technique_and_a_reference() {
        for e in EXERCISES {
            for band in Band::ALL {
                assert!(!e.name(band).is_empty(), "{} {}", e.id, band.label());
                assert!(!e.about(band).is_empty(), "{} {}", e.id, band.label());
            }
            assert!(!e.technique.is_empty(), "{}", e.id);
            assert!(
                e.reference.contains("Gilbert") || e.reference.contains("Neff"),
                "{}: {}",
                e.id,
                e.reference
            );
            assert!(e.path.starts_with('/'), "{}", e.id);
        }
    }

    #[test]
    fn exercise_ids_are_unique_and_every_suggestion_is_an_exercise() {
        for (i, e) in EXERCISES.iter().enumerate() {
            assert!(EXERCISES[..i].iter().all(|o| o.id != e.id), "{}", e.id);
        }
        for need in Need::ALL {
            for id in need.suggests() {
                assert!(exercise(id).is_some(), "{}: {id}", need.as_str());
            }
        }
    }

    #[test]
    fn the_three_circles_and_the_break_are_named_with_their_technique() {
        let circles = exercise("circles").unwrap();
        assert!(circles.reference.contains("Compassion-Focused Therapy"));
        let kind = exercise("break").unwrap();
        assert_eq!(kind.technique, "The self-compassion break");
        assert!(kind.reference.contains("Neff"));
    }

    #[test]
    fn exercise_words_meet_each_bands_reading_level_and_use_no_shame_words() {
        for e in EXERCISES {
            for band in Band::ALL {
                // Names are a few words (and the break's is the technique's own name),
                // too short for a reading grade to mean anything: only checked for tone.
                assert!(shame_words(e.name(band)).is_empty(), "{}", e.id);
                let text = e.about(band);
                let grade = readability::grade(text);
                assert!(
                    grade <= band.max_reading_grade(),
                    "grade {grade:.1} for {}: {text:?}",
                    band.label()
                );
                assert!(shame_words(text).is_empty(), "{text:?}");
            }
        }
    }

    #[test]
    fn i_feel_words_are_for_the_youngest_readers_and_kind() {
        for need in Need::ALL {
            for text in [need.label(), need.reply()] {
                let grade = readability::grade(text);
                assert!(
                    grade <= Band::Early.max_reading_grade(),
                    "grade {grade:.1}: {text:?}"
                );
                assert!(shame_words(text).is_empty(), "{text:?}");
            }
        }
    }

    #[test]
    fn a_heavy_feeling_is_offered_help_and_a_gentle_practice() {
        for need in [Need::Low, Need::Hard] {
            assert!(need.offers_help());
            assert_eq!(need.suggests()[0], "break");
        }
        assert_eq!(Need::WoundUp.suggests()[0], "breathe");
    }
}
