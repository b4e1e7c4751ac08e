//! Crisis and support lines. The data lives in `content/helplines.toml`; these are the
//! types it becomes and the rules for picking and dialling.

/// A place with its own set of lines. `id` is a lowercase country code or `elsewhere`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub id: &'static str,
    pub name: &'static str,
    pub emergency: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Helpline {
    pub region: &'static str,
    pub name: &'static str,
    pub about: &'static str,
    pub hours: Option<&'static str>,
    /// Digits exactly as dialled.
    pub call: Option<&'static str>,
    pub call_display: Option<&'static str>,
    /// Number to text.
    pub text: Option<&'static str>,
    pub text_display: Option<&'static str>,
    /// Word to send, where the service asks for one.
    pub text_keyword: Option<&'static str>,
    pub ages: Option<&'static str>,
    /// The official page the number was copied from.
    pub source: &'static str,
    /// ISO date the number was last checked against `source`.
    pub last_verified: &'static str,
}

impl Helpline {
    pub fn tel_href(&self) -> Option<String> {
        self.call.map(|n| format!("tel:{}", dial_digits(n)))
    }

    /// `sms:` link; with a keyword, pre-fills the message body (iOS and Android both read
    /// `?body=`; where a phone ignores it, the visible text still says what to send).
    pub fn sms_href(&self) -> Option<String> {
        self.text.map(|n| match self.text_keyword {
            Some(word) => format!("sms:{}?body={word}", dial_digits(n)),
            None => format!("sms:{}", dial_digits(n)),
        })
    }

    pub fn call_label(&self) -> Option<&'static str> {
        self.call_display.or(self.call)
    }

    pub fn text_label(&self) -> Option<&'static str> {
        self.text_display.or(self.text)
    }
}

/// Keeps what a phone dials: digits and a leading `+`.
pub fn dial_digits(number: &str) -> String {
    number
        .chars()
        .enumerate()
        .filter(|&(i, c)| c.is_ascii_digit() || (i == 0 && c == '+'))
        .map(|(_, c)| c)
        .collect()
}

/// Picks a region from browser language tags such as `en-GB` or `fr-CA`, in order of
/// preference; `elsewhere` when none matches a region Tend has lines for.
pub fn region_for_locales(
    regions: &[Region],
    locales: impl IntoIterator<Item = impl AsRef<str>>,
) -> Option<&Region> {
    locales
        .into_iter()
        .filter_map(|tag| {
            let country = tag
                .as_ref()
                .split(['-', '_'])
                .skip(1)
                .find(|p| p.len() == 2)?;
            let id = match country.to_ascii_lowercase().as_str() {
                "uk" => "gb".to_owned(),
                other => other.to_owned(),
            };
            regions.iter().find(|r| r.id == id)
        })
        .next()
        .or_else(|| regions.iter().find(|r| r.id == "elsewhere"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGIONS: &[Region] = &[
        Region {
            id: "us",
            name: "United States",
            emergency: "911",
        },
        Region {
            id: "gb",
            name: "United Kingdom",
            emergency: "999",
        },
        Region {
            id: "elsewhere",
            name: "Somewhere else",
            emergency: "112",
        },
    ];

    #[test]
    fn the_region_comes_from_the_first_locale_with_a_known_country() {
        let pick = |tags: &[&str]| region_for_locales(REGIONS, tags).map(|r| r.id);
        assert_eq!(pick(&["en-GB", "en-US"]), Some("gb"));
        assert_eq!(pick(&["fr", "en-US"]), Some("us"));
        assert_eq!(pick(&["zh-Hant-GB"]), Some("gb"));
        assert_eq!(pick(&["de-DE"]), Some("elsewhere"));
        assert_eq!(pick(&[]), Some("elsewhere"));
    }

    #[test]
    fn links_dial_only_digits() {
        let line = Helpline {
            region: "gb",
            name: "Shout",
            about: "",
            hours: None,
            call: Some("0800 1111"),
            call_display: None,
            text: Some("85258"),
            text_display: None,
            text_keyword: Some("SHOUT"),
            ages: None,
            source: "",
            last_verified: "",
        };
        assert_eq!(line.tel_href().as_deref(), Some("tel:08001111"));
        assert_eq!(line.sms_href().as_deref(), Some("sms:85258?body=SHOUT"));
        assert_eq!(dial_digits("+1 (800) 668-6868"), "+18006686868");
    }
}
