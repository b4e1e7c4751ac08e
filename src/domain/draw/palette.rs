//! The colours a stroke can have and the papers it can sit on.
//!
//! Every colour has a name a screen reader says and a swatch can show beside it, so
//! colour is never the only cue. Names are plain ("Red", not "Threat red", LOOK.md);
//! the three systems keep the colours they have everywhere else in Tend, and their
//! meaning is a short hint beside the name, in words that fit the age band.

use crate::domain::settings::{choice, Choice};
use crate::domain::Band;

choice! {
    /// A brush colour. The id is stored with each stroke, so ids never change; a name
    /// can.
    Colour {
        Ink = "ink", "Ink";
        Threat = "threat", "Red";
        Drive = "drive", "Blue";
        Soothing = "soothing", "Green";
        Warm = "warm", "Orange";
        Calm = "calm", "Purple";
        Sky = "sky", "Sky blue";
        Sunshine = "sunshine", "Sunshine yellow";
        Blossom = "blossom", "Blossom pink";
        Leaf = "leaf", "Leaf green";
        Cocoa = "cocoa", "Cocoa brown";
        Cloud = "cloud", "Cloud grey";
        White = "white", "White";
    }
}

impl Colour {
    /// `#RRGGBB`, ready for the canvas.
    pub fn hex(self) -> &'static str {
        match self {
            Colour::Ink => "#1F2430",
            Colour::Threat => "#B23A2E",
            Colour::Drive => "#2F5DA8",
            Colour::Soothing => "#2B7A67",
            Colour::Warm => "#B4512F",
            Colour::Calm => "#6A58A8",
            Colour::Sky => "#6BB6E8",
            Colour::Sunshine => "#F2C14E",
            Colour::Blossom => "#E88AAE",
            Colour::Leaf => "#8CC265",
            Colour::Cocoa => "#7A5236",
            Colour::Cloud => "#9AA1AD",
            Colour::White => "#FFFFFF",
        }
    }

    /// What the colour stands for, for the three systems' colours only: a hint shown
    /// beside the plain name. The youngest band gets everyday words; older bands the
    /// systems' own names, which the About page explains.
    pub fn hint(self, band: Band) -> Option<&'static str> {
        let early = band == Band::Early;
        match self {
            Colour::Threat => Some(if early { "alarm" } else { "threat" }),
            Colour::Drive => Some(if early { "get-up-and-go" } else { "drive" }),
            Colour::Soothing => Some(if early { "calm" } else { "soothing" }),
            _ => None,
        }
    }

    /// The colour with stored id `id`. A colour that has left the palette comes back
    /// as ink, so an old drawing still opens.
    pub fn from_id(id: &str) -> Colour {
        Colour::with_id(id).unwrap_or(Colour::Ink)
    }
}

choice! {
    /// What the drawing sits on. Not part of any stroke: the eraser uncovers it.
    Paper {
        Warm = "warm", "Warm paper";
        White = "white", "White";
        Mint = "mint", "Mint";
        Night = "night", "Night sky";
    }
}

impl Paper {
    /// `#RRGGBB`, ready for the canvas.
    pub fn hex(self) -> &'static str {
        match self {
            Paper::Warm => "#FBF8F3",
            Paper::White => "#FFFFFF",
            Paper::Mint => "#E3F2EC",
            Paper::Night => "#14161C",
        }
    }

    /// The paper with stored id `id`; one that is no longer offered comes back as warm
    /// paper.
    pub fn from_id(id: &str) -> Paper {
        Paper::with_id(id).unwrap_or(Paper::Warm)
    }

    /// Dark paper, where a white brush and the glow show best.
    pub fn is_dark(self) -> bool {
        self == Paper::Night
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_hex_colour(text: &str) -> bool {
        text.len() == 7 && text.starts_with('#') && text[1..].bytes().all(|b| b.is_ascii_hexdigit())
    }

    #[test]
    fn the_palette_has_ten_named_colours_with_unique_ids() {
        assert!(Colour::ALL.len() >= 10);
        for (i, colour) in Colour::ALL.iter().enumerate() {
            assert!(!colour.as_str().is_empty() && !colour.label().trim().is_empty());
            assert!(is_hex_colour(colour.hex()), "{colour:?}");
            for other in &Colour::ALL[i + 1..] {
                assert_ne!(colour.as_str(), other.as_str());
                assert_ne!(colour.label(), other.label());
                assert_ne!(colour.hex(), other.hex());
            }
        }
    }

    #[test]
    fn the_three_systems_keep_their_colours_everywhere() {
        assert_eq!(Colour::Threat.hex(), "#B23A2E");
        assert_eq!(Colour::Drive.hex(), "#2F5DA8");
        assert_eq!(Colour::Soothing.hex(), "#2B7A67");
        assert_eq!(Colour::Warm.hex(), "#B4512F");
        assert_eq!(Colour::Calm.hex(), "#6A58A8");
    }

    #[test]
    fn colours_have_plain_names_and_the_systems_meaning_is_a_hint_beside_them() {
        assert_eq!(Colour::Threat.label(), "Red");
        assert_eq!(Colour::Drive.label(), "Blue");
        assert_eq!(Colour::Soothing.label(), "Green");
        // No name carries a system's name: that is jargon where people pick a colour.
        for &colour in Colour::ALL {
            let name = colour.label().to_lowercase();
            for jargon in ["threat", "drive", "soothing"] {
                assert!(!name.contains(jargon), "{name:?}");
            }
        }
        for band in Band::ALL {
            for colour in [Colour::Threat, Colour::Drive, Colour::Soothing] {
                let hint = colour.hint(band).expect("the systems' colours have a hint");
                assert!(!hint.is_empty() && hint.split(' ').count() <= 3, "{hint:?}");
                // A hint never repeats a colour's name: each adds a meaning.
                for &other in Colour::ALL {
                    assert_ne!(hint.to_lowercase(), other.label().to_lowercase());
                }
            }
            assert_eq!(Colour::Sky.hint(band), None);
        }
        assert_eq!(Colour::Threat.hint(Band::Early), Some("alarm"));
    }

    #[test]
    fn there_are_at_least_three_papers_with_unique_ids() {
        assert!(Paper::ALL.len() >= 3);
        for (i, paper) in Paper::ALL.iter().enumerate() {
            assert!(!paper.label().trim().is_empty());
            assert!(is_hex_colour(paper.hex()), "{paper:?}");
            for other in &Paper::ALL[i + 1..] {
                assert_ne!(paper.as_str(), other.as_str());
                assert_ne!(paper.label(), other.label());
            }
        }
    }

    #[test]
    fn ids_that_left_the_palette_fall_back_instead_of_failing() {
        for &colour in Colour::ALL {
            assert_eq!(Colour::from_id(colour.as_str()), colour);
        }
        for &paper in Paper::ALL {
            assert_eq!(Paper::from_id(paper.as_str()), paper);
        }
        assert_eq!(Colour::from_id("glitter"), Colour::Ink);
        assert_eq!(Paper::from_id(""), Paper::Warm);
    }
}
