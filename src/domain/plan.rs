//! A practice plan a therapist hands on by link, with no server: the plan lives in the
//! link's fragment (`…/plan#plan=1.<payload>.<check>`), which browsers never send to a
//! server. The fragment is compact, versioned and checked: anything malformed, foreign,
//! oversized, from a newer Tend or changed since it was made is refused with a plain
//! message, and nothing is added.
//!
//! Payload (before base64url): `<rhythm>|<item>;<item>…|<note>`, where an item is
//! `b,<pattern>,<length>,<visual>` (breathing), `d,<prompt>` (drawing) or `t,<scene>`
//! (a conversation). The check is FNV-1a (32 bits) of the version and payload: not a
//! secret, but any edit or cut in the link shows.

use super::breathing::SessionLength;
use super::settings::{choice, Choice, Visual};

/// The format written now; links of a higher version are from a newer Tend.
pub const VERSION: u32 = 1;
/// The fragment starts with this, so a Tend plan is told from any other fragment.
pub const MARK: &str = "plan=";
/// The most exercises one plan holds.
pub const MAX_ITEMS: usize = 6;
/// The longest note, in bytes of UTF-8 (about 240 letters, fewer emoji), so the link
/// stays short enough for a phone camera to read its QR code off a screen.
pub const MAX_NOTE_BYTES: usize = 240;
/// A fragment longer than this is refused before anything else is read.
pub const MAX_FRAGMENT: usize = 800;
/// Longest id of a pattern, prompt or scene.
const MAX_ID: usize = 40;

choice! {
    /// How often the plan suggests practising: gentle words, never a target to miss.
    Rhythm {
        FewTimes = "f", "A few times this week";
        MostDays = "m", "On most days, if you like";
        Once = "o", "Once before we meet again";
        WhenItHelps = "w", "Whenever it helps";
    }
}

/// One exercise in a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    Breathe {
        pattern: String,
        length: SessionLength,
        visual: Visual,
    },
    Draw {
        prompt: String,
    },
    Talk {
        scene: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub items: Vec<Item>,
    /// The therapist's own words, plain text.
    pub note: String,
    pub rhythm: Rhythm,
}

/// Why a link was refused. Each has a message a teen can read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanError {
    /// Not a Tend plan at all.
    Foreign,
    /// Made by a newer version of Tend.
    Newer,
    /// Cut short or garbled.
    Malformed,
    /// Far longer than any plan Tend makes.
    Oversized,
    /// Changed since it was made (the check does not match).
    Changed,
    /// Names an exercise this Tend does not have.
    Unknown,
    /// Has no exercises, or more than a plan may hold.
    WrongSize,
}

impl PlanError {
    pub fn message(&self) -> &'static str {
        match self {
            PlanError::Foreign => "This link isn't a Tend practice plan.",
            PlanError::Newer => {
                "This plan was made with a newer version of Tend. Once Tend updates, the link will open."
            }
            PlanError::Malformed => {
                "This link isn't complete. Part of it may have been lost when it was copied."
            }
            PlanError::Oversized => "This link is far longer than any Tend plan, so Tend won't open it.",
            PlanError::Changed => {
                "This link was changed after it was made, so Tend won't use it. You could ask for the link again."
            }
            PlanError::Unknown => {
                "This plan mentions an exercise this version of Tend doesn't have."
            }
            PlanError::WrongSize => "This plan has no exercises in it, or too many.",
        }
    }
}

impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

/// Whether an id is short and plain: lowercase letters, digits and dashes.
fn plain_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Plan {
    /// Problems that stop this plan being made into a link, if any.
    pub fn check(&self) -> Result<(), PlanError> {
        if self.items.is_empty() || self.items.len() > MAX_ITEMS {
            return Err(PlanError::WrongSize);
        }
        let ids_ok = self.items.iter().all(|item| match item {
            Item::Breathe { pattern, .. } => plain_id(pattern),
            Item::Draw { prompt } => plain_id(prompt),
            Item::Talk { scene } => plain_id(scene),
        });
        if !ids_ok {
            return Err(PlanError::Unknown);
        }
        if self.note.len() > MAX_NOTE_BYTES {
            return Err(PlanError::Oversized);
        }
        Ok(())
    }

    /// The fragment for this plan (without `#`), or why it can't be made.
    pub fn encode(&self) -> Result<String, PlanError> {
        self.check()?;
        let items: Vec<String> = self
            .items
            .iter()
            .map(|item| match item {
                Item::Breathe {
                    pattern,
                    length,
                    visual,
                } => format!("b,{pattern},{},{}", length.as_str(), visual.as_str()),
                Item::Draw { prompt } => format!("d,{prompt}"),
                Item::Talk { scene } => format!("t,{scene}"),
            })
            .collect();
        let payload = format!("{}|{}|{}", self.rhythm.as_str(), items.join(";"), self.note);
        let body = base64url(payload.as_bytes());
        Ok(format!(
            "{MARK}{VERSION}.{body}.{}",
            base64url(&check(VERSION, &body).to_be_bytes())
        ))
    }

    /// Reads a fragment (with or without its `#`). `known` says whether this Tend has
    /// an item's pattern, prompt or scene.
    pub fn decode(fragment: &str, known: impl Fn(&Item) -> bool) -> Result<Plan, PlanError> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        if fragment.len() > MAX_FRAGMENT {
            return Err(PlanError::Oversized);
        }
        let rest = fragment.strip_prefix(MARK).ok_or(PlanError::Foreign)?;
        let mut parts = rest.split('.');
        let (Some(version), Some(body), Some(sum), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(PlanError::Malformed);
        };
        let version: u32 = version.parse().map_err(|_| PlanError::Malformed)?;
        if version > VERSION {
            return Err(PlanError::Newer);
        }
        if version == 0 {
            return Err(PlanError::Malformed);
        }
        let sum = unbase64url(sum).ok_or(PlanError::Malformed)?;
        let sum: [u8; 4] = sum.try_into().map_err(|_| PlanError::Malformed)?;
        if u32::from_be_bytes(sum) != check(version, body) {
            return Err(PlanError::Changed);
        }
        let payload = unbase64url(body).ok_or(PlanError::Malformed)?;
        let payload = String::from_utf8(payload).map_err(|_| PlanError::Malformed)?;
        let mut fields = payload.splitn(3, '|');
        let (Some(rhythm), Some(items), Some(note)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(PlanError::Malformed);
        };
        let rhythm = Rhythm::with_id(rhythm).ok_or(PlanError::Malformed)?;
        let items = items
            .split(';')
            .map(parse_item)
            .collect::<Result<Vec<Item>, PlanError>>()?;
        let plan = Plan {
            items,
            note: note.to_owned(),
            rhythm,
        };
        plan.check()?;
        if !plan.items.iter().all(known) {
            return Err(PlanError::Unknown);
        }
        Ok(plan)
    }
}

fn parse_item(text: &str) -> Result<Item, PlanError> {
    let fields: Vec<&str> = text.split(',').collect();
    let item = match fields.as_slice() {
        ["b", pattern, length, visual] => Item::Breathe {
            pattern: (*pattern).to_owned(),
            length: SessionLength::parse(length).ok_or(PlanError::Malformed)?,
            visual: Visual::with_id(visual).ok_or(PlanError::Malformed)?,
        },
        ["d", prompt] => Item::Draw {
            prompt: (*prompt).to_owned(),
        },
        ["t", scene] => Item::Talk {
            scene: (*scene).to_owned(),
        },
        _ => return Err(PlanError::Malformed),
    };
    Ok(item)
}

/// FNV-1a over the version and the base64 body, as written in the link.
fn check(version: u32, body: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for b in version
        .to_string()
        .bytes()
        .chain([b'.'])
        .chain(body.bytes())
    {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5): safe in a fragment as it is.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Reads base64url without padding; `None` for any other character or a length no
/// encoder writes.
pub fn unbase64url(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|&a| a == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        let bytes = n.to_be_bytes();
        let keep = chunk.len() - 1;
        // Bits past the last whole byte must be zero, so each text has one meaning.
        if bytes[1 + keep..].iter().any(|&b| b != 0) {
            return None;
        }
        out.extend_from_slice(&bytes[1..=keep]);
    }
    Some(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Five items and the longest note: the largest plan a link carries.
    pub(crate) fn five() -> Plan {
        Plan {
            items: vec![
                Item::Breathe {
                    pattern: "four-seven-eight".into(),
                    length: SessionLength::ThreeMinutes,
                    visual: Visual::Creature,
                },
                Item::Breathe {
                    pattern: "soothing".into(),
                    length: SessionLength::OpenEnded,
                    visual: Visual::Orb,
                },
                Item::Draw {
                    prompt: "kindest-self".into(),
                },
                Item::Draw {
                    prompt: "three-circles".into(),
                },
                Item::Talk {
                    scene: "home-argument".into(),
                },
            ],
            note: "Go gently. Try the breathing before bed, and bring a drawing if you want to talk about it next time. No pressure at all, this is yours.".repeat(2)[..MAX_NOTE_BYTES].to_owned(),
            rhythm: Rhythm::FewTimes,
        }
    }

    fn any(_: &Item) -> bool {
        true
    }

    #[test]
    fn a_plan_survives_the_round_trip_through_its_link() {
        let plan = five();
        let fragment = plan.encode().unwrap();
        assert_eq!(Plan::decode(&fragment, any), Ok(plan.clone()));
        assert_eq!(Plan::decode(&format!("#{fragment}"), any), Ok(plan));
        let small = Plan {
            items: vec![Item::Talk {
                scene: "friend-test".into(),
            }],
            note: "Für dich — 🌱 | ; , . every sign".into(),
            rhythm: Rhythm::WhenItHelps,
        };
        assert_eq!(Plan::decode(&small.encode().unwrap(), any), Ok(small));
    }

    #[test]
    fn a_five_item_plan_with_a_full_note_makes_a_link_of_at_most_600_characters() {
        let link = format!("https://tend.example.org/plan#{}", five().encode().unwrap());
        println!("five-item plan link: {} characters", link.len());
        assert!(link.len() <= 600, "{} characters", link.len());
    }

    #[test]
    fn a_malformed_link_is_refused() {
        let good = five().encode().unwrap();
        for bad in [
            "plan=",
            "plan=1",
            "plan=1..",
            "plan=x.abc.abcdef",
            "plan=0.abc.abcdef",
            "plan=1.abc.abc.def",
            &good[..good.len() - 3],
        ] {
            assert!(
                matches!(
                    Plan::decode(bad, any),
                    Err(PlanError::Malformed | PlanError::Changed)
                ),
                "{bad}"
            );
        }
        // A well-checked body that is not a plan inside.
        let body = base64url(b"f|x,nothing|note");
        let fragment = format!(
            "plan=1.{body}.{}",
            base64url(&check(1, &body).to_be_bytes())
        );
        assert_eq!(Plan::decode(&fragment, any), Err(PlanError::Malformed));
        let body = base64url(b"f||note");
        let fragment = format!(
            "plan=1.{body}.{}",
            base64url(&check(1, &body).to_be_bytes())
        );
        assert_eq!(Plan::decode(&fragment, any), Err(PlanError::Malformed));
    }

    #[test]
    fn a_foreign_or_newer_link_is_refused() {
        assert_eq!(Plan::decode("section-2", any), Err(PlanError::Foreign));
        assert_eq!(Plan::decode("", any), Err(PlanError::Foreign));
        let good = five().encode().unwrap();
        let newer = good.replacen("plan=1.", "plan=2.", 1);
        assert_eq!(Plan::decode(&newer, any), Err(PlanError::Newer));
    }

    #[test]
    fn an_oversized_link_is_refused_before_it_is_read() {
        let long = format!("plan=1.{}.AAAAAA", "A".repeat(MAX_FRAGMENT));
        assert_eq!(Plan::decode(&long, any), Err(PlanError::Oversized));
        let mut plan = five();
        plan.note = "x".repeat(MAX_NOTE_BYTES + 1);
        assert_eq!(plan.encode(), Err(PlanError::Oversized));
        plan.note.clear();
        plan.items = vec![plan.items[0].clone(); MAX_ITEMS + 1];
        assert_eq!(plan.encode(), Err(PlanError::WrongSize));
    }

    #[test]
    fn a_changed_link_is_refused() {
        let good = five().encode().unwrap();
        let (head, sum) = good.rsplit_once('.').unwrap();
        let body_at = head.find('.').unwrap() + 1;
        // Change each character of the body in turn: every change is caught.
        for i in body_at..head.len() {
            let mut bytes = head.as_bytes().to_vec();
            bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
            let tampered = format!("{}.{sum}", String::from_utf8(bytes).unwrap());
            assert_eq!(
                Plan::decode(&tampered, any),
                Err(PlanError::Changed),
                "at {i}"
            );
        }
        let other_sum = format!("{head}.AAAAAA");
        assert_eq!(Plan::decode(&other_sum, any), Err(PlanError::Changed));
    }

    #[test]
    fn a_plan_naming_an_exercise_this_tend_lacks_is_refused() {
        let fragment = five().encode().unwrap();
        let no_talk = |item: &Item| !matches!(item, Item::Talk { .. });
        assert_eq!(Plan::decode(&fragment, no_talk), Err(PlanError::Unknown));
    }

    #[test]
    fn every_refusal_has_a_plain_message() {
        for e in [
            PlanError::Foreign,
            PlanError::Newer,
            PlanError::Malformed,
            PlanError::Oversized,
            PlanError::Changed,
            PlanError::Unknown,
            PlanError::WrongSize,
        ] {
            let m = e.message();
            assert!(m.ends_with('.') && m.len() < 120, "{m}");
        }
    }

    #[test]
    fn base64url_round_trips_every_length() {
        let data: Vec<u8> = (0..=255).collect();
        for n in 0..40 {
            let text = base64url(&data[..n]);
            assert!(!text.contains(['+', '/', '=']));
            assert_eq!(unbase64url(&text).as_deref(), Some(&data[..n]));
        }
        assert_eq!(unbase64url("A"), None);
        assert_eq!(unbase64url("AB"), None, "stray bits past the last byte");
        assert_eq!(unbase64url("a+b/"), None);
    }
}
