//! What a person can change in Settings. Stored as one small record; every field has a
//! default so records written by older versions of Tend still load.

use super::breathing::SessionLength;
use super::json::{obj, FromJson, Json, ToJson};
use super::Band;

#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// `None` until the welcome screen is done: that is how Tend knows it is a first visit.
    pub band: Option<Band>,
    /// Who said they use Tend on the welcome screen; `None` before that (and for
    /// settings saved before the welcome asked).
    pub who: Option<Who>,
    pub theme: Theme,
    pub accent: Accent,
    pub text_size: TextSize,
    pub motion: Motion,
    pub sound: bool,
    pub vibration: bool,
    /// Help region chosen by the person; `None` follows the browser's languages.
    pub region: Option<String>,
    /// Breathing: a `role="status"` line says each phase ("Breathe in") for screen readers.
    pub announce: bool,
    /// Breathing tones' volume, 0 to 100.
    pub volume: u8,
    /// Breathing: the last visual, pattern (built-in id or custom pattern key) and
    /// length picked; `None` until one is picked, then the band's defaults apply.
    pub visual: Option<Visual>,
    pub breath_pattern: Option<String>,
    pub breath_length: Option<SessionLength>,
    /// Whether Settings has once said that this browser may clear what Tend keeps
    /// (`domain::device::storage_note_due`): said once, not as a nag.
    pub storage_note_shown: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            band: None,
            who: None,
            theme: Theme::System,
            accent: Accent::Soothing,
            text_size: TextSize::Standard,
            motion: Motion::System,
            sound: true,
            vibration: true,
            region: None,
            announce: true,
            volume: 50,
            visual: None,
            breath_pattern: None,
            breath_length: None,
            storage_note_shown: false,
        }
    }
}

/// A settings choice with a stable stored id and a label people read.
pub trait Choice: Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    fn as_str(self) -> &'static str;
    fn label(self) -> &'static str;

    /// The choice stored as `id`, if there is one.
    fn with_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.as_str() == id)
    }
}

/// A choice is stored as its id.
impl<C: Choice> ToJson for C {
    fn to_json(&self) -> Json {
        Json::Str(self.as_str().to_owned())
    }
}

impl<C: Choice> FromJson for C {
    fn from_json(json: &Json) -> Result<Self, String> {
        let id = String::from_json(json)?;
        C::with_id(&id).ok_or_else(|| format!("unknown choice {id}"))
    }
}

impl ToJson for Settings {
    fn to_json(&self) -> Json {
        obj([
            ("band", self.band.to_json()),
            ("who", self.who.to_json()),
            ("theme", self.theme.to_json()),
            ("accent", self.accent.to_json()),
            ("text_size", self.text_size.to_json()),
            ("motion", self.motion.to_json()),
            ("sound", self.sound.to_json()),
            ("vibration", self.vibration.to_json()),
            ("region", self.region.to_json()),
            ("announce", self.announce.to_json()),
            ("volume", self.volume.to_json()),
            ("visual", self.visual.to_json()),
            ("breath_pattern", self.breath_pattern.to_json()),
            ("breath_length", self.breath_length.to_json()),
            ("storage_note_shown", self.storage_note_shown.to_json()),
        ])
    }
}

/// Every field may be missing (records from older versions): it then takes its default.
impl FromJson for Settings {
    fn from_json(j: &Json) -> Result<Self, String> {
        let d = Settings::default();
        Ok(Settings {
            band: j.field_or("band", d.band)?,
            who: j.field_or("who", d.who)?,
            theme: j.field_or("theme", d.theme)?,
            accent: j.field_or("accent", d.accent)?,
            text_size: j.field_or("text_size", d.text_size)?,
            motion: j.field_or("motion", d.motion)?,
            sound: j.field_or("sound", d.sound)?,
            vibration: j.field_or("vibration", d.vibration)?,
            region: j.field_or("region", d.region)?,
            announce: j.field_or("announce", d.announce)?,
            volume: j.field_or("volume", d.volume)?,
            visual: j.field_or("visual", d.visual)?,
            breath_pattern: j.field_or("breath_pattern", d.breath_pattern)?,
            breath_length: j.field_or("breath_length", d.breath_length)?,
            storage_note_shown: j.field_or("storage_note_shown", d.storage_note_shown)?,
        })
    }
}

macro_rules! choice {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $id:literal, $label:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $($variant,)+
        }

        impl Choice for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn as_str(self) -> &'static str {
                match self { $($name::$variant => $id,)+ }
            }
            fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }
        }
    };
}

pub(crate) use choice;

choice! {
    /// The three kinds of people Tend is for, as the welcome asks.
    Who {
        Teen = "teen", "A young person";
        Parent = "parent", "A parent or carer";
        Showing = "showing", "Showing Tend to others";
    }
}

choice! {
    /// Light, dark, or whatever the device says.
    Theme {
        System = "system", "Same as my device";
        Light = "light", "Light";
        Dark = "dark", "Dark";
    }
}

choice! {
    /// The teen's own colour for buttons and highlights (LOOK.md: chosen colours make an
    /// app feel like theirs). Threat red is never an accent.
    Accent {
        Soothing = "soothing", "Green";
        Drive = "drive", "Blue";
        Warm = "warm", "Orange";
        Calm = "calm", "Purple";
    }
}

choice! {
    /// Scales every rem in the app.
    TextSize {
        Standard = "standard", "Standard";
        Large = "large", "Large";
        Larger = "larger", "Larger";
    }
}

choice! {
    /// Tend's own switch for motion; `System` follows `prefers-reduced-motion`.
    Motion {
        System = "system", "Same as my device";
        Reduce = "reduce", "Less motion";
        Full = "full", "Full motion";
    }
}

choice! {
    /// What the breathing space shows to breathe with.
    Visual {
        Orb = "orb", "Glowing orb";
        Wave = "wave", "Wave";
        Creature = "creature", "Sprout";
    }
}

impl Visual {
    /// The sprout companion for 12–14 (more illustration), a calm orb for 15–17, the
    /// quietest, a wave, for 18+.
    pub fn for_band(band: Band) -> Visual {
        match band {
            Band::Early => Visual::Creature,
            Band::Mid => Visual::Orb,
            Band::Adult => Visual::Wave,
        }
    }
}

impl Choice for SessionLength {
    const ALL: &'static [Self] = &SessionLength::ALL;
    fn as_str(self) -> &'static str {
        SessionLength::as_str(self)
    }
    fn label(self) -> &'static str {
        SessionLength::label(self)
    }
}

impl Choice for Band {
    const ALL: &'static [Self] = &Band::ALL;
    fn as_str(self) -> &'static str {
        Band::as_str(self)
    }
    fn label(self) -> &'static str {
        Band::label(self)
    }
}

impl TextSize {
    /// Root font size in percent of the browser's own default, so browser zoom and the
    /// person's own font settings still apply on top.
    pub fn percent(self) -> u32 {
        match self {
            TextSize::Standard => 100,
            TextSize::Large => 115,
            TextSize::Larger => 130,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_with_only_a_band_fills_in_every_other_setting() {
        let s = Settings::from_text(r#"{"band":"15-17"}"#).unwrap();
        assert_eq!(s.band, Some(Band::Mid));
        assert_eq!(s.theme, Theme::System);
        assert!(s.sound);
    }

    #[test]
    fn settings_round_trip_through_json() {
        let s = Settings {
            band: Some(Band::Adult),
            who: Some(Who::Parent),
            theme: Theme::Dark,
            accent: Accent::Calm,
            text_size: TextSize::Larger,
            motion: Motion::Reduce,
            sound: false,
            vibration: false,
            region: Some("gb".into()),
            announce: false,
            volume: 20,
            visual: Some(Visual::Wave),
            breath_pattern: Some("box".into()),
            breath_length: Some(SessionLength::OpenEnded),
            storage_note_shown: true,
        };
        let back = Settings::from_text(&crate::domain::json::to_text(&s)).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn every_choice_has_a_unique_id_and_a_label() {
        fn check<C: Choice>() {
            for (i, a) in C::ALL.iter().enumerate() {
                assert!(!a.label().is_empty());
                for b in &C::ALL[i + 1..] {
                    assert_ne!(a.as_str(), b.as_str());
                }
            }
        }
        check::<Who>();
        check::<Theme>();
        check::<Accent>();
        check::<TextSize>();
        check::<Motion>();
        check::<Visual>();
    }
}
