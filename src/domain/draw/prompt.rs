//! Drawing prompts: gentle ideas for what to draw, each written for every age band.
//!
//! The prompts live in `content/drawing.toml`; `build.rs` turns them into the
//! [`Prompt`] statics in `crate::content` (`DRAW_PROMPTS`), so they are plain data
//! here.

use crate::domain::breathing::BandText;
use crate::domain::Band;

/// The id of the prompt that invites drawing anything at all.
pub const FREE: &str = "free";

/// One drawing prompt, with a text per age band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prompt {
    /// Stable id: lowercase letters, digits and dashes. Stored with drawings.
    pub id: &'static str,
    /// The practice the prompt adapts, in a few words (for the About page).
    pub technique: &'static str,
    /// Where that practice comes from.
    pub reference: &'static str,
    /// The youngest band the prompt is offered to.
    pub min_band: Band,
    /// A short title.
    pub title: BandText,
    /// The invitation itself: one to three short sentences.
    pub text: BandText,
    /// A gentle, open question to reflect on after drawing, if the prompt has one.
    pub reflect: Option<BandText>,
    /// For prompts that invite warmth or memories: a soft line, shown with the prompt,
    /// saying it is fine to stop or draw something else.
    pub gentle: Option<BandText>,
}

impl Prompt {
    pub fn title(&self, band: Band) -> &'static str {
        self.title.get(band)
    }

    pub fn text(&self, band: Band) -> &'static str {
        self.text.get(band)
    }

    pub fn reflect(&self, band: Band) -> Option<&'static str> {
        self.reflect.map(|texts| texts.get(band))
    }

    pub fn gentle(&self, band: Band) -> Option<&'static str> {
        self.gentle.map(|texts| texts.get(band))
    }

    pub fn is_for(&self, band: Band) -> bool {
        band >= self.min_band
    }

    /// The prompt to draw anything at all.
    pub fn is_free(&self) -> bool {
        self.id == FREE
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::breathing::ByBand;

    const SAME: BandText = ByBand {
        early: "a",
        mid: "a",
        adult: "a",
    };

    const TREE: Prompt = Prompt {
        id: "tree",
        technique: "Imagery",
        reference: "A book",
        min_band: Band::Mid,
        title: ByBand {
            early: "Tree",
            mid: "A tree",
            adult: "Your tree",
        },
        text: ByBand {
            early: "Draw a tree.",
            mid: "You could draw a tree.",
            adult: "If you like, draw a tree.",
        },
        reflect: Some(ByBand {
            early: "Where is it?",
            mid: "What grows there?",
            adult: "Who sits under it?",
        }),
        gentle: None,
    };

    #[test]
    fn each_band_reads_its_own_text() {
        assert_eq!(TREE.title(Band::Early), "Tree");
        assert_eq!(TREE.title(Band::Adult), "Your tree");
        assert_eq!(TREE.text(Band::Mid), "You could draw a tree.");
        assert_eq!(TREE.reflect(Band::Adult), Some("Who sits under it?"));
        assert_eq!(TREE.gentle(Band::Mid), None);
    }

    #[test]
    fn a_prompt_without_a_question_has_none_for_every_band() {
        let free = Prompt {
            id: FREE,
            reflect: None,
            gentle: Some(SAME),
            ..TREE
        };
        assert!(free.is_free() && !TREE.is_free());
        for band in Band::ALL {
            assert_eq!(free.reflect(band), None);
            assert_eq!(free.gentle(band), Some("a"));
        }
    }

    #[test]
    fn a_prompt_is_for_its_youngest_band_and_older() {
        assert!(!TREE.is_for(Band::Early));
        assert!(TREE.is_for(Band::Mid));
        assert!(TREE.is_for(Band::Adult));
        let everyone = Prompt {
            min_band: Band::Early,
            ..TREE
        };
        assert!(Band::ALL.into_iter().all(|band| everyone.is_for(band)));
    }
}
