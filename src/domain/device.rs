//! What Settings says about keeping Tend on this device: putting it on the home screen,
//! and whether the browser promises to keep what Tend saves. Pure: the browser's
//! answers come in as plain values (`platform::install`, `platform::storage_manager`).

/// What Settings offers for putting Tend on the home screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HomeScreen {
    /// Tend already runs from the home screen (or in a window of its own).
    Installed,
    /// The browser offered to install Tend (`beforeinstallprompt`): one button.
    Offer,
    /// Safari on an iPhone or iPad, which has no offer: the steps in its Share menu.
    SafariSteps,
    /// Any other browser: nothing to say that would be sure to be true.
    Nothing,
}

pub fn home_screen(installed: bool, offered: bool, ios_safari: bool) -> HomeScreen {
    match (installed, offered, ios_safari) {
        (true, _, _) => HomeScreen::Installed,
        (_, true, _) => HomeScreen::Offer,
        (_, _, true) => HomeScreen::SafariSteps,
        _ => HomeScreen::Nothing,
    }
}

/// Whether a browser's user agent (and whether it has a touch screen) is Safari on an
/// iPhone, iPod or iPad. An iPad asks for desktop pages by default and then calls itself
/// a Mac, told apart by its touch screen. Other browsers on iOS name themselves
/// (`CriOS`, `FxiOS`, `EdgiOS`, …) and apps' own web views leave out `Safari/`.
pub fn is_ios_safari(user_agent: &str, touch: bool) -> bool {
    let apple_mobile = ["iPhone", "iPad", "iPod"]
        .iter()
        .any(|d| user_agent.contains(d))
        || (user_agent.contains("Macintosh") && touch);
    let other_browser = [
        "CriOS",
        "FxiOS",
        "EdgiOS",
        "OPiOS",
        "OPT/",
        "GSA/",
        "DuckDuckGo",
    ]
    .iter()
    .any(|b| user_agent.contains(b));
    apple_mobile
        && user_agent.contains("Safari/")
        && user_agent.contains("Version/")
        && !other_browser
}

/// Whether Settings says, this time, that the browser may clear what Tend keeps: only
/// when the browser says its storage is not kept for sure, only once (`shown_before`
/// is remembered in settings), and never in demo mode, which keeps nothing.
pub fn storage_note_due(persisted: Option<bool>, shown_before: bool, demo: bool) -> bool {
    persisted == Some(false) && !shown_before && !demo
}

/// The words of that note. Safari, when Tend is not on the home screen, may clear a
/// site's storage after seven days without a visit; other browsers when space runs low.
pub fn storage_note_words(ios_safari: bool, installed: bool) -> &'static str {
    if ios_safari && !installed {
        "Safari may clear what Tend keeps if you don't open Tend for a week. Adding Tend to your home screen stops that. Exporting now and then keeps a copy of your own too."
    } else if installed {
        "This browser hasn't promised to keep what Tend saves: it could clear it if the device runs low on space. Exporting now and then keeps a copy of your own."
    } else {
        "This browser hasn't promised to keep what Tend saves: it could clear it if the device runs low on space. Adding Tend to your home screen can help. Exporting now and then keeps a copy of your own."
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::readability::grade;

    const IPHONE_SAFARI: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    const IPAD_DESKTOP: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15";
    const IPHONE_CHROME: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1";
    const IPHONE_APP_VIEW: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 357.0";
    const ANDROID_CHROME: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    #[test]
    fn safari_on_an_iphone_or_ipad_is_told_apart_from_other_browsers() {
        assert!(is_ios_safari(IPHONE_SAFARI, true));
        assert!(
            is_ios_safari(IPAD_DESKTOP, true),
            "an iPad asking for desktop pages"
        );
        assert!(
            !is_ios_safari(IPAD_DESKTOP, false),
            "a Mac without a touch screen"
        );
        assert!(!is_ios_safari(IPHONE_CHROME, true));
        assert!(
            !is_ios_safari(IPHONE_APP_VIEW, true),
            "an app's own web view"
        );
        assert!(!is_ios_safari(ANDROID_CHROME, true));
    }

    #[test]
    fn the_browsers_offer_comes_first_and_an_installed_tend_is_offered_nothing() {
        assert_eq!(home_screen(true, true, true), HomeScreen::Installed);
        assert_eq!(home_screen(false, true, false), HomeScreen::Offer);
        assert_eq!(home_screen(false, false, true), HomeScreen::SafariSteps);
        assert_eq!(home_screen(false, false, false), HomeScreen::Nothing);
    }

    #[test]
    fn the_storage_note_shows_once_only_where_storage_is_not_kept_for_sure() {
        assert!(storage_note_due(Some(false), false, false));
        assert!(
            !storage_note_due(Some(false), true, false),
            "once, not a nag"
        );
        assert!(!storage_note_due(Some(true), false, false));
        assert!(
            !storage_note_due(None, false, false),
            "a browser that doesn't say"
        );
        assert!(
            !storage_note_due(Some(false), false, true),
            "demo mode keeps nothing"
        );
    }

    #[test]
    fn the_storage_note_suggests_installing_only_where_tend_is_not_installed() {
        for (ios, installed) in [(true, false), (false, false), (false, true), (true, true)] {
            let words = storage_note_words(ios, installed);
            assert!(words.contains("Exporting"), "{words}");
            assert_eq!(words.contains("home screen"), !installed, "{words}");
            assert!(grade(words) <= 8.0, "{words}: grade {}", grade(words));
        }
        assert!(storage_note_words(true, false).contains("a week"));
    }
}
