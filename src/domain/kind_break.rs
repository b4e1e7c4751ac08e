//! The self-compassion break: three short steps for a hard moment (this is hard; others
//! feel this too; may I be kind to myself), about a minute in all, then a short
//! grounding ending. Our own words for each age band.

use super::breathing::BandText;

pub const TECHNIQUE: &str = "The self-compassion break";
pub const REFERENCE: &str = "Self-compassion (Kristin Neff)";

/// One step: a short title and a few lines to stay with.
#[derive(Clone, Copy, Debug)]
pub struct Step {
    pub title: BandText,
    pub text: BandText,
    /// An optional thing to try with the body or the words, never required.
    pub try_this: BandText,
}

pub const INTRO: BandText = BandText {
    early: "This takes about a minute. Think of one thing that feels hard right now. It can be small. Go at your own pace.",
    mid: "About a minute, three short steps. Bring to mind something that's hard right now, maybe a small thing to start.",
    adult: "About a minute, in three short steps. Bring to mind something difficult right now; a smaller thing is a fine place to start.",
};

pub const STEPS: [Step; 3] = [
    Step {
        title: BandText {
            early: "This is hard",
            mid: "This is hard",
            adult: "This is a hard moment",
        },
        text: BandText {
            early: "Notice the feeling. You don't have to fix it. You could say to yourself: this is really hard right now.",
            mid: "Notice what you feel, without pushing it away. You might say: this is hard right now. That's all.",
            adult: "Notice what you feel without judging it or pushing it away. You might say: this is a moment of struggle.",
        },
        try_this: BandText {
            early: "If you like, name the feeling in one word.",
            mid: "If it helps, name the feeling in one or two words.",
            adult: "If it helps, name the feeling quietly to yourself.",
        },
    },
    Step {
        title: BandText {
            early: "Others feel this too",
            mid: "Others feel this too",
            adult: "Others feel this too",
        },
        text: BandText {
            early: "Lots of people your age feel like this sometimes. You are not the only one, even if it feels that way.",
            mid: "Right now, lots of people are feeling something like this too. Hard times are part of being human.",
            adult: "Struggle is part of being human. Many people, right now, are feeling something much like this.",
        },
        try_this: BandText {
            early: "You could say: I'm not the only one.",
            mid: "You could say: I'm not alone in this.",
            adult: "You might say: I'm not alone in this.",
        },
    },
    Step {
        title: BandText {
            early: "Be kind to yourself",
            mid: "May I be kind to myself",
            adult: "May I be kind to myself",
        },
        text: BandText {
            early: "What would you say to a good friend who felt like this? Try saying it to yourself, in a warm voice.",
            mid: "Think of what you'd say to a friend who felt this way. Try saying something like it to yourself.",
            adult: "Think of what you might say to a friend in the same place, and offer yourself something similar.",
        },
        try_this: BandText {
            early: "If it feels okay, put a hand on your heart or your arm. Or just keep your hands still. Both are fine.",
            mid: "If it feels okay, rest a hand on your chest or arm. Or leave your hands as they are.",
            adult: "If it feels okay, rest a hand on your chest or arm; or simply keep your hands where they are.",
        },
    },
];

pub const ENDING: BandText = BandText {
    early: "Well done for trying. Before you go, notice your feet on the floor and three things you can see.",
    mid: "Thanks for taking that minute. Before you go, feel your feet on the floor and look around at three things you can see.",
    adult: "Thank you for taking this minute. Before you move on, feel your feet on the floor and notice three things you can see.",
};

/// Every text a reader of the break reads in `band`.
pub fn texts(band: super::Band) -> Vec<&'static str> {
    let mut all = vec![INTRO.get(band), ENDING.get(band)];
    for step in STEPS {
        all.extend([
            step.title.get(band),
            step.text.get(band),
            step.try_this.get(band),
        ]);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Band;

    #[test]
    fn every_text_of_the_break_meets_its_bands_reading_level_and_uses_no_shame_word() {
        for band in Band::ALL {
            for text in texts(band) {
                crate::domain::circles::tests::assert_kind(text, band);
            }
        }
    }

    #[test]
    fn the_three_steps_are_hardship_common_humanity_and_kindness() {
        for band in Band::ALL {
            let titles: Vec<String> = STEPS
                .iter()
                .map(|s| s.title.get(band).to_lowercase())
                .collect();
            assert!(titles[0].contains("hard"), "{titles:?}");
            assert!(titles[1].contains("others"), "{titles:?}");
            assert!(titles[2].contains("kind"), "{titles:?}");
            // Touch is offered, never required.
            assert!(STEPS[2].try_this.get(band).contains("If it feels okay"));
        }
    }

    #[test]
    fn the_break_names_its_technique_and_reference() {
        assert!(TECHNIQUE.contains("self-compassion break"));
        assert!(REFERENCE.contains("Neff"));
    }
}
