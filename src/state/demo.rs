//! Demo mode: Tend shown to others (a therapist in session, a parent at a tablet)
//! without reading or writing this device's Tend data.
//!
//! The choice is made once, when the app starts, at the storage seam: in demo mode
//! every provider gets a memory store filled with sample content, so no screen knows
//! the difference and none can reach `tend.*` in localStorage. The tab remembers it is
//! in demo mode through a flag in sessionStorage (see `storage::session`), so a reload
//! stays in the demo; leaving clears the flag and reloads onto the device's own store.

use crate::content;
use crate::domain::checkin::{BreathSession, Feeling};
use crate::domain::draw::saved::SavedDrawing;
use crate::domain::draw::{Colour, Drawing, Paper, Point, Size, Stroke, Tool};
use crate::domain::json::ToJson;
use crate::domain::settings::Settings;
use crate::domain::talk::{Next, Tone, Walk};
use crate::domain::Band;
use crate::platform::history;
use crate::storage::{self, envelope, session, KvStore, SharedStore, StorageError};
use std::cell::{Cell, RefCell};

/// The address that starts demo mode. Links to it from Settings or the welcome page
/// load the app afresh there (see [`enter`]).
pub const PATH: &str = "/demo";

thread_local! {
    static ON: Cell<bool> = const { Cell::new(false) };
    /// The demo's store with its sample content, made by [`prepare`] before the app
    /// starts, for [`open_store`] to take.
    static PREPARED: RefCell<Option<SharedStore>> = const { RefCell::new(None) };
}

/// Whether this tab runs in demo mode (decided once, at start-up).
pub fn is_on() -> bool {
    ON.with(Cell::get)
}

/// Whether starting at `path` with the tab's flag `flagged` means demo mode.
pub fn wanted(path: &str, flagged: bool) -> bool {
    flagged || path.trim_end_matches('/') == PATH
}

/// Whether this tab starts in demo mode: at [`PATH`], or flagged by an earlier page.
pub fn starting() -> bool {
    wanted(&history::current_path(), session::demo_flag())
}

/// Makes the demo's store with its sample content, before the app starts (main.rs calls
/// it when [`starting`]). The sample content's code is a section of its own, so a visit
/// that is no demo never downloads it; if it cannot arrive, the demo starts empty.
pub async fn prepare(today: i64) {
    let store = sample_store(today)
        .await
        .unwrap_or_else(|_| storage::open_demo());
    PREPARED.with(|p| *p.borrow_mut() = Some(store));
}

/// A memory store with the sample content.
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(demo_seed, wasm_split_path = ::leptos::wasm_split, fallible)]
fn sample_store(today: i64) -> Result<SharedStore, crate::ui::section::NotLoaded> {
    Ok(seeded(today))
}

#[cfg(not(feature = "split"))]
async fn sample_store(today: i64) -> Result<SharedStore, crate::ui::section::NotLoaded> {
    Ok(seeded(today))
}

fn seeded(today: i64) -> SharedStore {
    let store = storage::open_demo();
    // A memory store has no quota, so sample content always fits.
    let _ = seed(&*store, today);
    store
}

/// Opens the store the app runs on: in demo mode the memory store [`prepare`] filled
/// with sample content for `band`-less visitors (15–17 to start with), otherwise this
/// device's own storage.
pub fn open_store() -> (SharedStore, Option<StorageError>) {
    if !starting() {
        // Opened with the passphrase: the lock screen's store, which decrypts.
        if let Some(store) = super::lock::take_prepared() {
            return (store, None);
        }
        return storage::open();
    }
    session::set_demo_flag(true);
    ON.with(|on| on.set(true));
    let store = PREPARED
        .with(|p| p.borrow_mut().take())
        .unwrap_or_else(storage::open_demo);
    (store, None)
}

/// Starts demo mode from a running app: loads Tend afresh at [`PATH`], so every
/// provider opens on the demo's memory store.
pub fn enter() {
    session::set_demo_flag(true);
    if let Some(w) = web_sys::window() {
        // An in-app link may already have put `/demo` in the address bar.
        let _ = if history::current_path().trim_end_matches('/') == PATH {
            w.location().reload()
        } else {
            w.location().assign(PATH)
        };
    }
}

/// Leaves demo mode: forgets the flag and loads Tend afresh on the device's own data,
/// which demo mode never touched. The memory store goes with the old page.
pub fn leave() {
    session::set_demo_flag(false);
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace("/");
    }
}

/// Sample content, so every screen has something to show: settings for 15–17, a few
/// breathing sessions with check-ins, one drawing and one kept conversation.
pub fn seed(store: &dyn KvStore, today: i64) -> Result<(), StorageError> {
    let settings = Settings {
        band: Some(Band::Mid),
        ..Settings::default()
    };
    envelope::save(store, storage::SETTINGS_KEY, &settings)?;

    let sessions = [
        (
            6,
            8 * 60 + 10,
            "soothing",
            120,
            true,
            Feeling::Worried,
            Feeling::Okay,
        ),
        (
            4,
            21 * 60 + 30,
            "balloon",
            60,
            true,
            Feeling::Tired,
            Feeling::Calm,
        ),
        (
            2,
            17 * 60 + 45,
            "box",
            75,
            false,
            Feeling::Cross,
            Feeling::Mixed,
        ),
        (
            1,
            7 * 60 + 50,
            "soothing",
            180,
            true,
            Feeling::Low,
            Feeling::Okay,
        ),
    ];
    for (ago, minute, pattern, seconds, finished, before, after) in sessions {
        let day = today - ago;
        let name = content::pattern(pattern)
            .map_or("Breathing", |p| p.name(Band::Mid))
            .to_owned();
        let session = BreathSession {
            pattern: pattern.to_owned(),
            name,
            day,
            minute: minute as u16,
            seconds,
            finished,
            before: Some(before),
            after: Some(after),
            note: String::new(),
        };
        let key = format!("{}{}", super::breathing::SESSION_PREFIX, id_ms(day, minute));
        envelope::save(store, &key, &session)?;
    }

    let drawing = SavedDrawing {
        name: "A calm place".to_owned(),
        prompt: "safe-place".to_owned(),
        day: today - 3,
        drawing: sample_drawing(),
        words: String::new(),
    };
    let key = format!(
        "{}{}",
        super::drawing::DRAWING_PREFIX,
        id_ms(today - 3, 16 * 60)
    );
    envelope::save(store, &key, &drawing)?;

    // The scene itself, not `content::talk_scene`: its lines come in this section's
    // file, since the sample is made before the dialogues are ever opened.
    if let Some(walk) = finished_walk(&content::TALK_SCENE_FRIEND_TEST, Band::Mid) {
        let kept = super::talk::SavedWalk {
            walk: walk.to_json(),
            day: today - 2,
        };
        let key = format!("{}{}", super::talk::KEPT_PREFIX, id_ms(today - 2, 19 * 60));
        envelope::save(store, &key, &kept)?;
    }
    Ok(())
}

/// Record ids are creation times in milliseconds.
fn id_ms(day: i64, minute: u32) -> u64 {
    (day.max(0) as u64) * 86_400_000 + u64::from(minute) * 60_000
}

/// A hill, a sun and a path: a few soft strokes on warm paper.
fn sample_drawing() -> Drawing {
    let line = |colour, size, points: &[(u16, u16)]| {
        let mut s = Stroke::new(Tool::Pen, size, colour, false);
        for &(x, y) in points {
            s.push(Point::new(x, y, 128));
        }
        s
    };
    // A round sun, worked out ahead (no trigonometry in the download).
    let sun = [
        (3320, 1100),
        (3264, 1310),
        (3110, 1464),
        (2900, 1520),
        (2690, 1464),
        (2536, 1310),
        (2480, 1100),
        (2536, 890),
        (2690, 736),
        (2900, 680),
        (3110, 736),
        (3264, 890),
        (3320, 1100),
    ];
    Drawing {
        paper: Paper::Warm,
        strokes: vec![
            line(
                Colour::Leaf,
                Size::Large,
                &[
                    (200, 3000),
                    (900, 2500),
                    (1700, 2300),
                    (2500, 2450),
                    (3300, 2700),
                    (3900, 2900),
                ],
            ),
            line(Colour::Sunshine, Size::Medium, &sun),
            line(
                Colour::Cocoa,
                Size::Medium,
                &[(1500, 3900), (1700, 3400), (1900, 2950), (2000, 2500)],
            ),
            line(
                Colour::Sky,
                Size::Small,
                &[(500, 900), (700, 800), (900, 900), (1100, 800), (1300, 900)],
            ),
        ],
    }
}

/// A walk through `scene` to its reflection, picking the first kind reply and writing a
/// short kind answer where one is asked for.
fn finished_walk(scene: &'static crate::domain::talk::Scene, band: Band) -> Option<Walk> {
    let mut walk = Walk::start(scene, band).ok()?;
    for _ in 0..200 {
        let moved = match walk.current().next {
            Next::Line(_) => walk.go_on(),
            Next::Choices(choices) => {
                let pick = choices
                    .iter()
                    .position(|c| c.tone != Tone::Critical)
                    .unwrap_or(0);
                walk.choose(pick)
            }
            Next::Write(_) => walk.write("You tried hard, and that counts. I'm here."),
            Next::End(_) => return Some(walk),
        };
        moved.ok()?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::draw::MAX_COORD;
    use crate::state::records::read_all;
    use crate::storage::MemoryStore;

    #[test]
    fn demo_mode_starts_at_its_address_or_from_the_tabs_flag() {
        assert!(wanted("/demo", false));
        assert!(wanted("/demo/", false));
        assert!(wanted("/breathe", true));
        assert!(!wanted("/", false));
        assert!(!wanted("/demonstration", false));
    }

    #[test]
    fn sample_content_fills_every_screen_in_memory() {
        let store = MemoryStore::default();
        seed(&store, 20_000).unwrap();
        let keys = store.keys().unwrap();
        assert!(keys.iter().all(|k| k.starts_with(storage::PREFIX)));
        let (sessions, bad) =
            read_all::<BreathSession>(&store, super::super::breathing::SESSION_PREFIX);
        assert_eq!((sessions.len(), bad), (4, 0));
        let (drawings, bad) =
            read_all::<SavedDrawing>(&store, super::super::drawing::DRAWING_PREFIX);
        assert_eq!((drawings.len(), bad), (1, 0));
        assert!(drawings[0]
            .value
            .drawing
            .strokes
            .iter()
            .flat_map(|s| &s.points)
            .all(|p| p.x <= MAX_COORD && p.y <= MAX_COORD));
        let (kept, bad) =
            read_all::<super::super::talk::SavedWalk>(&store, super::super::talk::KEPT_PREFIX);
        assert_eq!((kept.len(), bad), (1, 0));
        assert!(content::restore_walk(&kept[0].value.walk).is_ok());
        match envelope::load::<Settings>(&store, storage::SETTINGS_KEY).unwrap() {
            crate::storage::Loaded::Ready(s) => assert_eq!(s.band, Some(Band::Mid)),
            _ => panic!("settings were not kept"),
        }
    }
}
