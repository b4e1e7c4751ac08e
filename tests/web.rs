//! Browser tests (wasm-bindgen-test in headless Chromium): the storage adapter against
//! real localStorage, and the app's wiring once mounted.
#![cfg(target_arch = "wasm32")]

use leptos::task::tick;
use tend::domain::settings::Settings;
use tend::domain::Band;
use tend::storage::browser::BrowserStore;
use tend::storage::{envelope, KvStore, Loaded, StorageError, SETTINGS_KEY};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn clear_tend_keys() {
    let store = BrowserStore::open().unwrap();
    for key in store.keys().unwrap() {
        if key.starts_with("tend.") {
            store.remove(&key).unwrap();
        }
    }
}

#[wasm_bindgen_test]
fn browser_store_round_trips_and_lists_keys() {
    clear_tend_keys();
    let store = BrowserStore::open().unwrap();
    store.set("tend.test.a", "one").unwrap();
    assert_eq!(store.get("tend.test.a").unwrap().as_deref(), Some("one"));
    assert!(store.keys().unwrap().contains(&"tend.test.a".to_owned()));
    store.remove("tend.test.a").unwrap();
    assert_eq!(store.get("tend.test.a").unwrap(), None);
}

#[wasm_bindgen_test]
fn a_full_local_storage_is_reported_as_quota_and_the_old_value_survives() {
    clear_tend_keys();
    let store = BrowserStore::open().unwrap();
    envelope::save(&store, "tend.test.keep", &Settings::default()).unwrap();
    let before = store.get("tend.test.keep").unwrap();

    // Fill localStorage for real until the browser refuses.
    let chunk = "x".repeat(512 * 1024);
    let mut filled = 0;
    let error = loop {
        match store.set(&format!("tend.test.fill.{filled}"), &chunk) {
            Ok(()) => filled += 1,
            Err(e) => break e,
        }
        assert!(filled < 64, "localStorage never filled up");
    };
    assert_eq!(error, StorageError::QuotaExceeded);

    let big = Settings {
        region: Some("y".repeat(600 * 1024)),
        ..Settings::default()
    };
    assert_eq!(
        envelope::save(&store, "tend.test.keep", &big),
        Err(StorageError::QuotaExceeded)
    );
    assert_eq!(store.get("tend.test.keep").unwrap(), before);
    clear_tend_keys();
}

#[wasm_bindgen_test]
async fn the_app_applies_saved_settings_to_the_page_and_shows_help_everywhere() {
    clear_tend_keys();
    let store = BrowserStore::open().unwrap();
    let saved = Settings {
        band: Some(Band::Mid),
        theme: tend::domain::settings::Theme::Dark,
        ..Settings::default()
    };
    envelope::save(&store, SETTINGS_KEY, &saved).unwrap();

    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), tend::App);
    // The shell is drawn in a task after the app's state (ui::section::later).
    next_task().await;

    let root = document().document_element().unwrap();
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("dark"));
    assert_eq!(root.get_attribute("data-band").as_deref(), Some("15-17"));

    let help = host.query_selector("header a[href='/help']").unwrap();
    assert!(help.is_some_and(|a| a.text_content().unwrap_or_default().contains("Help now")));
    drop(handle);
    clear_tend_keys();
}

#[wasm_bindgen_test]
fn unreadable_settings_are_kept_when_new_ones_are_saved() {
    clear_tend_keys();
    let store = BrowserStore::open().unwrap();
    store.set(SETTINGS_KEY, "{{ not json").unwrap();
    assert!(matches!(
        envelope::load::<Settings>(&store, SETTINGS_KEY).unwrap(),
        Loaded::Unreadable { .. }
    ));
    envelope::save(&store, SETTINGS_KEY, &Settings::default()).unwrap();
    assert_eq!(
        store.get("tend.kept.settings").unwrap().as_deref(),
        Some("{{ not json")
    );
    clear_tend_keys();
}

#[wasm_bindgen_test]
fn flush_on_hide_runs_on_pagehide_and_stops_after_cleanup() {
    use std::cell::Cell;
    use std::rc::Rc;
    let calls = Rc::new(Cell::new(0));
    let owner = leptos::prelude::Owner::new();
    owner.with(|| {
        let calls = calls.clone();
        tend::platform::lifecycle::use_flush_on_hide(move || calls.set(calls.get() + 1));
    });
    let window = web_sys::window().unwrap();
    let pagehide = || web_sys::Event::new("pagehide").unwrap();
    window.dispatch_event(&pagehide()).unwrap();
    assert_eq!(calls.get(), 1);
    // Disposing the owner (the component going away) removes the listeners.
    drop(owner);
    window.dispatch_event(&pagehide()).unwrap();
    assert_eq!(calls.get(), 1);
}

#[wasm_bindgen_test]
fn tones_rise_and_fall_without_errors() {
    use tend::platform::cues::{Cue, Tones};
    let tones = Tones::new().expect("Chromium has Web Audio");
    tones.play(Cue::In, 4.0, 0.5).unwrap();
    tones.play(Cue::Out, 0.1, 2.0).unwrap();
}

#[wasm_bindgen_test]
fn vibration_is_simply_absent_where_the_browser_has_none() {
    use tend::platform::cues::{can_vibrate, vibrate, Cue};
    let nav = web_sys::window().unwrap().navigator();
    let proto = js_sys::Object::get_prototype_of(&nav);
    let key = wasm_bindgen::JsValue::from_str("vibrate");
    let original = js_sys::Reflect::get(&proto, &key).unwrap();
    // Headless Chromium has the API; whatever it answers, asking must not fail.
    assert!(can_vibrate());
    let _ = vibrate(Cue::In);
    // Without it (desktops, iPhones), Tend is told so and nothing throws.
    js_sys::Reflect::delete_property(&proto, &key).unwrap();
    assert!(!can_vibrate());
    assert!(!vibrate(Cue::Out));
    js_sys::Reflect::set(&proto, &key, &original).unwrap();
    assert!(can_vibrate());
}

#[wasm_bindgen_test]
async fn a_wake_lock_is_released_when_asked_and_its_absence_is_an_error_not_a_panic() {
    use tend::platform::cues::WakeLock;
    // Where the browser grants one (headless may refuse: no visible screen), releasing
    // it lets the screen sleep again.
    if let Ok(lock) = WakeLock::request().await {
        assert!(!lock.is_released());
        lock.release().await;
        assert!(lock.is_released());
    }
    // Without the API (older browsers), asking is an error, never a panic.
    let nav = web_sys::window().unwrap().navigator();
    let proto = js_sys::Object::get_prototype_of(&nav);
    let key = wasm_bindgen::JsValue::from_str("wakeLock");
    let original = js_sys::Reflect::get_own_property_descriptor(&proto, &key).unwrap();
    js_sys::Reflect::delete_property(&proto, &key).unwrap();
    assert!(WakeLock::request().await.is_err());
    if !original.is_undefined() {
        js_sys::Reflect::define_property(&proto, &key, &original.unchecked_into()).unwrap();
    }
}

#[wasm_bindgen_test]
fn the_breathing_shape_follows_the_timeline_and_stays_still_with_reduced_motion() {
    use tend::domain::breathing::{Pace, Rhythm};
    use tend::domain::keyframes::{plan, Look};
    let pace = Pace {
        inhale_ms: 4000,
        hold_in_ms: 0,
        exhale_ms: 6000,
        hold_out_ms: 0,
    };
    let rhythm = Rhythm {
        start: pace,
        target: pace,
        ease_ms: 0,
    };
    let window = web_sys::window().unwrap();
    let sample = |look: Look, at_ms: f64| {
        let el = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&el).unwrap();
        let animation =
            tend::platform::animate::breathe(&el, &plan(rhythm, 0, 30_000, look), true).unwrap();
        animation.pause().unwrap();
        animation.set_current_time(Some(at_ms));
        let style = window.get_computed_style(&el).unwrap().unwrap();
        let seen = (
            style.get_property_value("transform").unwrap(),
            style.get_property_value("opacity").unwrap(),
        );
        animation.cancel();
        el.remove();
        seen
    };
    // Moving: small at the start of a breath, full at the end of the in-breath.
    assert_eq!(
        sample(Look::Moving, 0.0).0,
        "matrix(0.62, 0, 0, 0.62, 0, 0)"
    );
    assert_eq!(
        sample(Look::Moving, 4000.0),
        ("matrix(1, 0, 0, 1, 0, 0)".to_owned(), "1".to_owned())
    );
    assert_eq!(
        sample(Look::Moving, 10_000.0).0,
        "matrix(0.62, 0, 0, 0.62, 0, 0)"
    );
    // Still: the same size throughout; brightness carries the rhythm.
    let (start, full) = (sample(Look::Still, 0.0), sample(Look::Still, 4000.0));
    assert_eq!(start.0, "matrix(0.85, 0, 0, 0.85, 0, 0)");
    assert_eq!(full.0, start.0);
    assert_eq!((start.1.as_str(), full.1.as_str()), ("0.55", "1"));
}

/// Resolves when the browser calls back, once `ask` has asked it to.
async fn called_back(ask: impl Fn(&web_sys::Window, &js_sys::Function)) {
    let promise =
        js_sys::Promise::new(&mut |resolve, _| ask(&web_sys::window().unwrap(), &resolve));
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Resolves after the browser's next animation frame.
async fn next_frame() {
    called_back(|w, f| {
        w.request_animation_frame(f).unwrap();
    })
    .await;
}

#[wasm_bindgen_test]
async fn pointer_events_on_the_canvas_become_a_saved_stroke() {
    use leptos::prelude::*;
    use tend::domain::draw::{Colour, Point, Size, Tool};
    use tend::state::drawing::{Draft, DrawState, DRAFT_KEY};
    use tend::state::{SettingsState, Store};

    clear_tend_keys();
    let host = document().create_element("div").unwrap();
    host.set_attribute("style", "width: 400px").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), || {
        let store = Store::new(tend::storage::open().0);
        provide_context(SettingsState::load(store));
        provide_context(DrawState::load(store));
        view! { <tend::ui::draw::DrawRoom /> }
    });
    tick().await;
    next_frame().await;
    next_frame().await;

    let canvas: web_sys::HtmlCanvasElement = host
        .query_selector("canvas")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let rect = canvas.get_bounding_client_rect();
    let side = rect.width() as f32;
    assert!(side > 100.0, "the canvas is laid out ({side} px)");
    let ratio = web_sys::window().unwrap().device_pixel_ratio();
    assert_eq!(f64::from(canvas.width()), (f64::from(side) * ratio).round());

    let send = |kind: &str, x: f64, y: f64| {
        let init = web_sys::PointerEventInit::new();
        init.set_pointer_id(1);
        init.set_pointer_type("pen");
        init.set_pressure(0.5);
        init.set_is_primary(true);
        init.set_bubbles(true);
        init.set_client_x((rect.left() + x) as i32);
        init.set_client_y((rect.top() + y) as i32);
        let ev = web_sys::PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
        canvas.dispatch_event(&ev).unwrap();
    };
    send("pointerdown", 10.0, 10.0);
    for i in 1..=5 {
        send(
            "pointermove",
            10.0 + 20.0 * f64::from(i),
            10.0 + 10.0 * f64::from(i),
        );
    }
    send("pointerup", 110.0, 60.0);
    tick().await;

    let store = BrowserStore::open().unwrap();
    let Loaded::Ready(draft) = envelope::load::<Draft>(&store, DRAFT_KEY).unwrap() else {
        panic!("the drawing in progress was not saved");
    };
    let strokes = &draft.work.drawing.strokes;
    assert_eq!(strokes.len(), 1);
    let stroke = &strokes[0];
    assert_eq!(
        (stroke.tool, stroke.size, stroke.colour),
        (Tool::Pen, Size::Medium, Colour::Soothing)
    );
    assert_eq!(
        stroke.points.len(),
        6,
        "down and five moves; up adds no point"
    );
    // Client coordinates are whole pixels; the canvas may sit at a fraction of one.
    let expected = |x: f64, y: f64| {
        let cx = f64::from((rect.left() + x) as i32) - rect.left();
        let cy = f64::from((rect.top() + y) as i32) - rect.top();
        Point::from_canvas(cx as f32, cy as f32, side, 0.5)
    };
    assert_eq!(stroke.points[0], expected(10.0, 10.0));
    assert_eq!(stroke.points[5], expected(110.0, 60.0));
    drop(handle);
    host.remove();
    clear_tend_keys();
}

#[wasm_bindgen_test]
fn a_drawing_changed_in_another_tab_is_kept_as_a_drawing_of_its_own() {
    use leptos::prelude::GetUntracked;
    use std::rc::Rc;
    use tend::domain::draw::saved::SavedDrawing;
    use tend::state::drawing::{Draft, DrawState};
    use tend::state::Store;
    use tend::storage::MemoryStore;

    let _owner = leptos::prelude::Owner::new();
    let memory = Rc::new(MemoryStore::default());
    let draw = DrawState::load(Store::new(memory.clone()));
    let named = |name: &str| SavedDrawing {
        name: name.into(),
        prompt: "free".into(),
        ..SavedDrawing::default()
    };

    // Both tabs continue the same kept drawing.
    let (from, both) = draw
        .keep(&Draft {
            work: named("First"),
            from: None,
        })
        .unwrap();
    assert!(!both);
    // The other tab keeps its version first; this tab keeps over what it opened.
    let other_tab = DrawState::load(Store::new(memory.clone()));
    other_tab
        .keep(&Draft {
            work: named("From the other tab"),
            from: Some(from.clone()),
        })
        .unwrap();
    let (mine, both) = draw
        .keep(&Draft {
            work: named("From this tab"),
            from: Some(from.clone()),
        })
        .unwrap();
    assert!(both, "the change made in between is reported");
    assert_eq!(mine.0, from.0, "this tab's version stays under its key");

    let names: Vec<String> = draw
        .kept
        .list()
        .get_untracked()
        .into_iter()
        .map(|e| e.value.name)
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.contains(&"From this tab".to_owned()));
    assert!(names.contains(&"From the other tab".to_owned()));
    // Nothing is left behind in the kept-aside area once the copy is a drawing itself.
    assert!(memory
        .keys()
        .unwrap()
        .iter()
        .all(|k| !k.starts_with("tend.kept.")));
}

/// PBKDF2-HMAC-SHA-256 through WebCrypto against published test vectors ("password",
/// "salt", 1 and 4096 rounds, 32 bytes).
#[wasm_bindgen_test]
async fn the_locks_key_derivation_matches_known_pbkdf2_sha256_vectors() {
    let hex = |b: [u8; 32]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
    let one = tend::platform::crypto::pbkdf2("password", b"salt", 1)
        .await
        .unwrap();
    assert_eq!(
        hex(one),
        "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"
    );
    let many = tend::platform::crypto::pbkdf2("password", b"salt", 4096)
        .await
        .unwrap();
    assert_eq!(
        hex(many),
        "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"
    );
}

/// The locked store on real localStorage: verified saves, nothing plain stored, and the
/// same records read back through a second store opened with the same key.
#[wasm_bindgen_test]
fn a_locked_store_on_local_storage_keeps_no_plaintext() {
    use tend::storage::lock::{self, LockedStore};
    clear_tend_keys();
    let raw: tend::storage::SharedStore = std::rc::Rc::new(BrowserStore::open().unwrap());
    let random = tend::platform::crypto::random();
    raw.set("tend.test.note", "a private note about school")
        .unwrap();
    let (dek, _) = lock::turn_on(&*raw, &[5; 32], vec![1; 16], 1, 0, &random).unwrap();
    let locked = LockedStore::new(raw.clone(), dek, random.clone());
    tend::storage::set_verified(&locked, "tend.test.letter", "dear me, well done").unwrap();
    for key in raw.keys().unwrap() {
        let value = raw.get(&key).unwrap().unwrap_or_default();
        assert!(
            !value.contains("private") && !value.contains("dear me"),
            "{key}: {value}"
        );
    }
    let again = LockedStore::new(raw.clone(), dek, random);
    assert_eq!(
        again.get("tend.test.note").unwrap().as_deref(),
        Some("a private note about school")
    );
    assert!(!again.keys().unwrap().contains(&lock::LOCK_KEY.to_owned()));
    clear_tend_keys();
}

/// One task later: what a `setTimeout(0)` queued before this has run, and its effects.
async fn next_task() {
    called_back(|w, f| {
        w.set_timeout_with_callback(f).unwrap();
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_first_page_is_drawn_a_part_per_task_behind_the_static_page() {
    use leptos::prelude::*;
    use tend::ui::section::{later, mounted};
    let by_id = |id: &str| document().get_element_by_id(id);
    let static_page_shown = || by_id("boot").is_some_and(|b| !b.has_attribute("hidden"));
    // The static page, as index.html paints it before the app.
    let boot = document().create_element("div").unwrap();
    boot.set_id("boot");
    document().body().unwrap().append_child(&boot).unwrap();
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();

    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), || {
        view! {
            <p id="part-first">"At once"</p>
            {later(Box::new(|| view! {
                <p id="part-a">"A task later"</p>
                // Made only as part A is built (as a shell makes its page).
                {|| later(Box::new(|| view! { <p id="part-b">"Two tasks later"</p> }.into_any()))}
            }.into_any()))}
        }
    });
    mounted();
    assert!(by_id("part-first").is_some());
    assert!(
        by_id("part-a").is_none(),
        "a part waits for a task of its own"
    );
    assert!(
        static_page_shown(),
        "the static page stays while parts are missing"
    );

    next_task().await;
    assert!(by_id("part-a").is_some());
    assert!(by_id("part-b").is_none());
    assert!(static_page_shown());

    next_task().await;
    assert!(by_id("part-b").is_some());
    assert!(
        !static_page_shown(),
        "the static page goes with the last part"
    );
    // Hidden at once, and taken out once the browser has drawn a frame without it.
    next_frame().await;
    next_task().await;
    assert!(by_id("boot").is_none());

    // Once the first page is whole, a part is drawn at once (a page opened later).
    let other = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&other).unwrap();
    let again = leptos::mount::mount_to(other.clone().unchecked_into(), || {
        later(Box::new(|| view! { <p id="part-now">"Now"</p> }.into_any()))
    });
    assert!(by_id("part-now").is_some());
    drop(again);
    drop(handle);
    host.remove();
    other.remove();
}
