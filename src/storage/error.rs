use std::fmt;

/// What can go wrong when storing. Each variant has a calm sentence for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser will not let Tend store anything (private window, managed device,
    /// storage switched off). Carries the browser's own words for the log.
    Unavailable(String),
    /// The device's space for Tend is full.
    QuotaExceeded,
    /// The write seemed to work but reading it back gave something else.
    NotVerified,
    /// The stored value was written by a newer Tend; it is kept and not overwritten.
    NewerVersion(u32),
    Other(String),
}

impl StorageError {
    /// Recognises a storage exception from any browser: Chromium and Safari throw a
    /// `QuotaExceededError` DOMException (legacy code 22), old Firefox
    /// `NS_ERROR_DOM_QUOTA_REACHED` (code 1014).
    pub fn from_dom_exception(name: &str, code: u16, message: &str) -> StorageError {
        match (name, code) {
            ("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED", _) | (_, 22 | 1014) => {
                StorageError::QuotaExceeded
            }
            ("SecurityError" | "InvalidAccessError", _) | (_, 18) => {
                StorageError::Unavailable(format!("{name}: {message}"))
            }
            _ => StorageError::Other(format!("{name} ({code}): {message}")),
        }
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable(_) => {
                f.write_str("This browser isn't letting Tend save anything right now.")
            }
            StorageError::QuotaExceeded => f.write_str("This device's space for Tend is full."),
            StorageError::NotVerified => {
                f.write_str("Tend tried to save, but couldn't read it back to check.")
            }
            StorageError::NewerVersion(_) => f.write_str(
                "This was saved by a newer version of Tend, so it can only be read here.",
            ),
            StorageError::Other(_) => f.write_str("Something stopped Tend from saving."),
        }
    }
}

impl std::error::Error for StorageError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_errors_are_recognised_in_every_browsers_form() {
        for (name, code) in [
            ("QuotaExceededError", 22),
            ("QuotaExceededError", 0),
            ("NS_ERROR_DOM_QUOTA_REACHED", 1014),
            ("NS_ERROR_DOM_QUOTA_REACHED", 0),
            ("Error", 22),
            ("UnknownError", 1014),
        ] {
            assert_eq!(
                StorageError::from_dom_exception(name, code, "full"),
                StorageError::QuotaExceeded,
                "{name} {code}"
            );
        }
    }

    #[test]
    fn blocked_storage_is_not_mistaken_for_a_full_one() {
        let e = StorageError::from_dom_exception("SecurityError", 18, "denied");
        assert!(matches!(e, StorageError::Unavailable(_)));
        let e = StorageError::from_dom_exception("TypeError", 0, "odd");
        assert!(matches!(e, StorageError::Other(_)));
    }
}
