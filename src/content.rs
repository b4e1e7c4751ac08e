//! Content from `content/*.toml`, turned into statics by `build.rs`.

use crate::domain::daily::DailyLine;
use crate::domain::help::{Helpline, Region};
use crate::domain::Band;

include!(concat!(env!("OUT_DIR"), "/content.rs"));

pub fn region(id: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.id == id)
}

pub fn helplines(region: &str) -> impl Iterator<Item = &'static Helpline> + '_ {
    HELPLINES.iter().filter(move |l| l.region == region)
}

pub fn daily_line(band: Band, day: i64) -> Option<&'static str> {
    crate::domain::daily::line_for_day(DAILY, band, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{date, readability};
    use std::time::{SystemTime, UNIX_EPOCH};

    fn today() -> i64 {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs();
        (secs / 86_400) as i64
    }

    /// CONTENT.md: wrong numbers are a documented failure of mental-health apps, so every
    /// number is re-checked against its source at least every six months.
    #[test]
    fn every_helpline_was_verified_against_its_source_within_six_months() {
        for line in HELPLINES {
            let checked = date::parse_iso(line.last_verified).unwrap_or_else(|| {
                panic!("{}: bad last_verified {:?}", line.name, line.last_verified)
            });
            let age = today() - checked;
            assert!(
                age <= 183,
                "{}: last verified {age} days ago; check it again",
                line.name
            );
            assert!(age >= 0, "{}: last_verified is in the future", line.name);
            assert!(
                line.source.starts_with("https://") || line.source.starts_with("http://"),
                "{}: source must be a web page",
                line.name
            );
        }
    }

    #[test]
    fn every_helpline_can_be_called_or_texted() {
        for line in HELPLINES {
            assert!(line.call.is_some() || line.text.is_some(), "{}", line.name);
            for number in [line.call, line.text].into_iter().flatten() {
                let digits = crate::domain::help::dial_digits(number);
                assert!(digits.len() >= 3, "{}: {number:?}", line.name);
            }
        }
    }

    #[test]
    fn every_region_has_an_emergency_number_and_the_starting_set_is_there() {
        for region in REGIONS {
            assert!(
                !crate::domain::help::dial_digits(region.emergency).is_empty(),
                "{}",
                region.id
            );
        }
        for id in ["us", "gb", "ca", "au", "elsewhere"] {
            assert!(region(id).is_some(), "missing region {id}");
        }
        for id in ["us", "gb", "ca", "au"] {
            assert!(helplines(id).count() >= 1, "region {id} has no lines");
        }
        assert_eq!(region("gb").unwrap().emergency, "999");
        assert_eq!(region("au").unwrap().emergency, "000");
    }

    #[test]
    fn every_band_has_a_week_of_daily_lines() {
        for band in Band::ALL {
            let count = DAILY.iter().filter(|l| l.band == band).count();
            assert!(count >= 7, "{} has only {count} daily lines", band.label());
        }
    }

    #[test]
    fn every_text_meets_its_reading_level() {
        for line in DAILY {
            let grade = readability::grade(line.text);
            assert!(
                grade <= line.band.max_reading_grade(),
                "grade {grade:.1} for {}: {:?}",
                line.band.label(),
                line.text
            );
        }
        // Help is read by every band, so it is written for the youngest readers' limit
        // plus the family section's: grade 8 at most.
        for line in HELPLINES {
            let grade = readability::grade(line.about);
            assert!(grade <= 8.0, "grade {grade:.1}: {:?}", line.about);
        }
    }

    #[test]
    fn no_text_uses_a_shame_word() {
        const SHAME: [&str; 7] = [
            "should", "must", "failure", "wrong", "weak", "lazy", "stupid",
        ];
        let texts = DAILY
            .iter()
            .map(|l| l.text)
            .chain(HELPLINES.iter().map(|l| l.about));
        for text in texts {
            let lower = text.to_lowercase();
            for word in lower.split(|c: char| !c.is_alphabetic()) {
                assert!(!SHAME.contains(&word), "{word:?} in {text:?}");
            }
        }
    }
}
