//! What a person can change in Settings. Stored as one small record; every field has a
//! default so records written by older versions of Tend still load.

use super::Band;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// `None` until the welcome screen is done: that is how Tend knows it is a first visit.
    pub band: Option<Band>,
    pub theme: Theme,
    pub accent: Accent,
    pub text_size: TextSize,
    pub motion: Motion,
    pub sound: bool,
    pub vibration: bool,
    /// Help region chosen by the person; `None` follows the browser's languages.
    pub region: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            band: None,
            theme: Theme::System,
            accent: Accent::Soothing,
            text_size: TextSize::Standard,
            motion: Motion::System,
            sound: true,
            vibration: true,
            region: None,
        }
    }
}

/// A settings choice with a stable stored id and a label people read.
pub trait Choice: Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    fn as_str(self) -> &'static str;
    fn label(self) -> &'static str;
}

macro_rules! choice {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $id:literal, $label:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $id)] $variant,)+
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
        let s: Settings = serde_json::from_str(r#"{"band":"15-17"}"#).unwrap();
        assert_eq!(s.band, Some(Band::Mid));
        assert_eq!(s.theme, Theme::System);
        assert!(s.sound);
    }

    #[test]
    fn settings_round_trip_through_json() {
        let s = Settings {
            band: Some(Band::Adult),
            theme: Theme::Dark,
            accent: Accent::Calm,
            text_size: TextSize::Larger,
            motion: Motion::Reduce,
            sound: false,
            vibration: false,
            region: Some("gb".into()),
        };
        let back: Settings = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
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
        check::<Theme>();
        check::<Accent>();
        check::<TextSize>();
        check::<Motion>();
    }
}
