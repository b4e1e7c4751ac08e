use super::Band;

/// A warm line for the home screen, written for one band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DailyLine {
    pub band: Band,
    pub text: &'static str,
}

/// The line for a given day: stable through the day, different the next, cycling through
/// every line of the band before repeating.
pub fn line_for_day(lines: &[DailyLine], band: Band, day: i64) -> Option<&'static str> {
    let of_band: Vec<&'static str> = lines
        .iter()
        .filter(|l| l.band == band)
        .map(|l| l.text)
        .collect();
    if of_band.is_empty() {
        return None;
    }
    Some(of_band[day.rem_euclid(of_band.len() as i64) as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINES: &[DailyLine] = &[
        DailyLine {
            band: Band::Early,
            text: "a",
        },
        DailyLine {
            band: Band::Mid,
            text: "x",
        },
        DailyLine {
            band: Band::Early,
            text: "b",
        },
    ];

    #[test]
    fn each_day_gets_a_line_of_the_right_band_in_turn() {
        assert_eq!(line_for_day(LINES, Band::Early, 0), Some("a"));
        assert_eq!(line_for_day(LINES, Band::Early, 1), Some("b"));
        assert_eq!(line_for_day(LINES, Band::Early, 2), Some("a"));
        assert_eq!(line_for_day(LINES, Band::Early, -1), Some("b"));
        assert_eq!(line_for_day(LINES, Band::Mid, 7), Some("x"));
        assert_eq!(line_for_day(LINES, Band::Adult, 7), None);
    }
}
