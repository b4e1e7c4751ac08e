//! Printable handouts: a one-page card per breathing pattern, drawing prompt and dialogue
//! scene, per band — what it is, why it helps, how to practise — made from the
//! exercise's own content and `content/handouts.toml`.

use super::breathing::{BandText, Pace, Pattern, SessionLength};
use super::draw::prompt::Prompt;
use super::talk::SceneInfo;
use super::Band;

/// The three kinds of exercise a handout is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Breathe,
    Draw,
    Talk,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Breathe, Kind::Draw, Kind::Talk];

    /// Stable id, as in a handout's address.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Breathe => "breathe",
            Kind::Draw => "draw",
            Kind::Talk => "talk",
        }
    }

    /// What a person reads, for a group of cards.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Breathe => "Breathing patterns",
            Kind::Draw => "Drawing prompts",
            Kind::Talk => "Practice conversations",
        }
    }

    /// What a person reads on one card, above its title.
    pub fn one(self) -> &'static str {
        match self {
            Kind::Breathe => "A breathing pattern",
            Kind::Draw => "A drawing prompt",
            Kind::Talk => "A practice conversation",
        }
    }
}

/// One handout: the exercise it is for, its address, and why the exercise helps.
#[derive(Debug, PartialEq, Eq)]
pub struct Handout {
    pub kind: Kind,
    /// The pattern's, prompt's or scene's id.
    pub id: &'static str,
    /// `/handouts/<kind>/<id>`; the band is the address's query (`?band=15-17`).
    pub path: &'static str,
    pub why: BandText,
}

/// The texts every card of a kind shares (`content/handouts.toml`).
pub struct Texts {
    pub footer: &'static str,
    pub breathe: &'static [&'static str],
    pub draw: &'static [&'static str],
    pub talk: &'static [&'static str],
    /// A step added for a pattern with a hold.
    pub hold: &'static str,
    /// A step added for a pattern that eases slower.
    pub ease: &'static str,
}

/// The exercise a handout is for, from the content.
#[derive(Clone, Copy)]
pub enum Item {
    Breathe(&'static Pattern),
    Draw(&'static Prompt),
    Talk(&'static SceneInfo),
}

impl Item {
    /// The youngest band the exercise is offered to: the youngest band with a card.
    pub fn min_band(self) -> Band {
        match self {
            Item::Breathe(p) => p.min_band,
            Item::Draw(p) => p.min_band,
            Item::Talk(s) => s.min_band,
        }
    }
}

/// Everything one printed card says, in the order it says it.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub title: &'static str,
    /// "A breathing pattern", …
    pub kind: &'static str,
    pub what: &'static str,
    pub why: &'static str,
    pub how: Vec<String>,
    /// The practice it adapts and where that comes from.
    pub source: String,
    pub footer: &'static str,
}

/// Seconds as a person reads them: `4`, `4.5`.
fn seconds(ms: u32) -> String {
    if ms.is_multiple_of(1000) {
        (ms / 1000).to_string()
    } else {
        format!("{:.1}", f64::from(ms) / 1000.0)
    }
}

/// "Breathe in for 4 seconds and out for 5." with any holds in their place.
pub fn pace_step(pace: &Pace) -> String {
    let mut parts = vec![format!(
        "Breathe in for {} seconds",
        seconds(pace.inhale_ms)
    )];
    if pace.hold_in_ms > 0 {
        parts.push(format!("hold for {}", seconds(pace.hold_in_ms)));
    }
    parts.push(format!("out for {}", seconds(pace.exhale_ms)));
    if pace.hold_out_ms > 0 {
        parts.push(format!("hold for {}", seconds(pace.hold_out_ms)));
    }
    let last = parts.pop().unwrap_or_default();
    if parts.len() == 1 {
        format!("{} and {last}.", parts[0])
    } else {
        format!("{}, and {last}.", parts.join(", "))
    }
}

fn minutes(length: SessionLength) -> String {
    match length.minutes() {
        Some(1) => "1 minute".to_owned(),
        Some(n) => format!("{n} minutes"),
        None => "a few minutes".to_owned(),
    }
}

/// The card for `item` at `band`, whose breathing sessions last `length` unless the
/// person picks another.
pub fn card(
    handout: &Handout,
    item: Item,
    texts: &Texts,
    band: Band,
    length: SessionLength,
) -> Card {
    let (title, what, technique, reference, steps) = match item {
        Item::Breathe(p) => (
            p.name(band),
            p.about(band),
            p.technique,
            p.reference,
            texts.breathe,
        ),
        Item::Draw(p) => (
            p.title(band),
            p.text(band),
            p.technique,
            p.reference,
            texts.draw,
        ),
        Item::Talk(s) => (
            s.title(band),
            s.preview(band),
            s.technique,
            s.reference,
            texts.talk,
        ),
    };
    let mut how = Vec::new();
    for step in steps {
        match (*step, item) {
            ("{pace}", Item::Breathe(p)) => {
                how.push(pace_step(&p.start));
                if p.target != p.start {
                    how.push(texts.ease.to_owned());
                }
                if p.start.hold_in_ms > 0 || p.start.hold_out_ms > 0 {
                    how.push(texts.hold.to_owned());
                }
            }
            ("{gentle}", Item::Draw(p)) => how.extend(p.gentle(band).map(str::to_owned)),
            ("{reflect}", Item::Draw(p)) => how.extend(
                p.reflect(band)
                    .map(|q| format!("Afterwards, if you like: {q}")),
            ),
            ("{pace}" | "{gentle}" | "{reflect}", _) => {}
            (step, Item::Breathe(_)) => how.push(step.replace("{minutes}", &minutes(length))),
            (step, _) => how.push(step.to_owned()),
        }
    }
    Card {
        title,
        kind: handout.kind.one(),
        what,
        why: handout.why.get(band),
        how,
        source: format!("{technique}. From: {reference}."),
        footer: texts.footer,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pace_reads_as_one_plain_step() {
        let even = Pace::new(4000, 0, 4000, 0);
        assert_eq!(pace_step(&even), "Breathe in for 4 seconds and out for 4.");
        let box_ = Pace::new(4000, 4000, 4000, 4000);
        assert_eq!(
            pace_step(&box_),
            "Breathe in for 4 seconds, hold for 4, out for 4, and hold for 4."
        );
        let soft = Pace::new(4500, 7000, 8000, 0);
        assert_eq!(
            pace_step(&soft),
            "Breathe in for 4.5 seconds, hold for 7, and out for 8."
        );
    }
}
