//! Kind imagery: a calm place, an ideal kind other and the kind self, one step at a
//! time. The steps come from `content/imagery.toml`; this is their shape and the few
//! rules about them.

use super::breathing::{BandText, ByBand};
use super::Band;

/// What a step of the imagery is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// Settling in, with an anchor.
    Arrive,
    /// A safe or calm place.
    Place,
    /// The ideal compassionate other (who may be the person's companion).
    Other,
    /// The compassionate self: wisdom, strength, warmth.
    Kind,
    /// Back to the room: the ending always grounds.
    Ground,
}

#[derive(Debug, PartialEq)]
pub struct Step {
    pub id: &'static str,
    pub kind: StepKind,
    /// The youngest band the step is for.
    pub min_band: Band,
    pub title: BandText,
    /// Paragraphs separated by a blank line.
    pub text: BandText,
    /// For the kind other: a line naming the person's companion (`{name}`).
    pub companion: Option<BandText>,
}

impl Step {
    pub fn is_for(&self, band: Band) -> bool {
        band >= self.min_band
    }

    pub fn paragraphs(&self, band: Band) -> impl Iterator<Item = &'static str> {
        self.text
            .get(band)
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
    }

    /// The line naming the companion, when the person gave it a name.
    pub fn companion_line(&self, band: Band, name: &str) -> Option<String> {
        let name = name.trim();
        match (self.companion, name.is_empty()) {
            (Some(line), false) => Some(line.get(band).replace("{name}", name)),
            _ => None,
        }
    }

    /// Everything read aloud for this step: the title, the text, and the companion line.
    pub fn spoken(&self, band: Band, companion: &str) -> String {
        let mut out = format!("{}.", self.title.get(band));
        for p in self.paragraphs(band) {
            out.push(' ');
            out.push_str(p);
        }
        if let Some(line) = self.companion_line(band, companion) {
            out.push(' ');
            out.push_str(&line);
        }
        out
    }
}

/// Something to rest attention on instead of the breath or closed eyes.
#[derive(Debug, PartialEq)]
pub struct Anchor {
    pub id: &'static str,
    pub label: &'static str,
    /// Shown on every step while this anchor is picked.
    pub reminder: &'static str,
}

#[derive(Debug)]
pub struct Imagery {
    pub technique: &'static str,
    pub reference: &'static str,
    pub title: BandText,
    pub preview: BandText,
    /// Seconds a step stays when the person chooses to move on by itself.
    pub linger: ByBand<u32>,
    /// The first is the default.
    pub anchors: &'static [Anchor],
    pub steps: &'static [Step],
}

impl Imagery {
    /// The steps for a band, in order.
    pub fn steps_for(&self, band: Band) -> Vec<&'static Step> {
        self.steps.iter().filter(|s| s.is_for(band)).collect()
    }

    pub fn anchor(&self, id: &str) -> &'static Anchor {
        self.anchors
            .iter()
            .find(|a| a.id == id)
            .unwrap_or(&self.anchors[0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OTHER: Step = Step {
        id: "other",
        kind: StepKind::Other,
        min_band: Band::Early,
        title: ByBand {
            early: "Someone kind",
            mid: "Someone kind",
            adult: "A kind presence",
        },
        text: ByBand {
            early: "One.\n\nTwo.",
            mid: "One.",
            adult: "One.",
        },
        companion: Some(ByBand {
            early: "This could be {name}.",
            mid: "This could be {name}.",
            adult: "This could be {name}.",
        }),
    };

    #[test]
    fn the_companion_is_named_only_when_it_has_a_name() {
        assert_eq!(
            OTHER.companion_line(Band::Early, " Pip "),
            Some("This could be Pip.".to_owned())
        );
        assert_eq!(OTHER.companion_line(Band::Early, "  "), None);
    }

    #[test]
    fn a_step_is_spoken_as_its_title_paragraphs_and_companion_line() {
        assert_eq!(
            OTHER.spoken(Band::Early, "Pip"),
            "Someone kind. One. Two. This could be Pip."
        );
        assert_eq!(OTHER.spoken(Band::Adult, ""), "A kind presence. One.");
        assert_eq!(OTHER.paragraphs(Band::Early).count(), 2);
    }
}
