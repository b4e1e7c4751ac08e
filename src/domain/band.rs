/// The age band a teen picks on the welcome screen. Every exercise has a variant per band;
/// bands change wording, length, examples and visuals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Band {
    Early,
    Mid,
    Adult,
}

impl Band {
    pub const ALL: [Band; 3] = [Band::Early, Band::Mid, Band::Adult];

    /// Stable id, as stored and as written in content files.
    pub fn as_str(self) -> &'static str {
        match self {
            Band::Early => "12-14",
            Band::Mid => "15-17",
            Band::Adult => "18+",
        }
    }

    /// What a person reads.
    pub fn label(self) -> &'static str {
        match self {
            Band::Early => "12–14",
            Band::Mid => "15–17",
            Band::Adult => "18+",
        }
    }

    pub fn parse(id: &str) -> Option<Band> {
        Band::ALL.into_iter().find(|b| b.as_str() == id)
    }

    /// The highest Flesch–Kincaid grade any text for this band may have (CONTENT.md).
    pub fn max_reading_grade(self) -> f32 {
        match self {
            Band::Early => 6.0,
            Band::Mid => 8.0,
            Band::Adult => 9.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::json::{to_text, FromJson};

    #[test]
    fn every_band_round_trips_through_its_id() {
        for band in Band::ALL {
            assert_eq!(Band::parse(band.as_str()), Some(band));
            let json = to_text(&band);
            assert_eq!(json, format!("\"{}\"", band.as_str()));
            assert_eq!(Band::from_text(&json).unwrap(), band);
        }
    }

    #[test]
    fn unknown_band_ids_are_refused() {
        assert_eq!(Band::parse("9-11"), None);
        assert!(Band::from_text("\"adult\"").is_err());
    }
}
