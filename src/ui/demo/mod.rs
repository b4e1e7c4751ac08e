//! Demo mode's own screens: the bar that stays at the top (age band, presenter keys,
//! "Leave demo") and the demo's start page, where every exercise is one click away.
//! Everything else is the ordinary app running on the demo's memory store.

use super::icons::*;
use super::routes::Page;
use crate::domain::Band;
use crate::platform::dom;
use crate::state::demo;
use crate::state::settings::{use_settings, SettingsState};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What a presenter's key does in demo mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresenterKey {
    Band(Band),
    NextLine,
}

/// The presenter key for `key`, if it is one. Space and Escape (pause, resume and stop
/// breathing) belong to the breathing session itself.
pub fn presenter_key(key: &str) -> Option<PresenterKey> {
    match key {
        "1" => Some(PresenterKey::Band(Band::Early)),
        "2" => Some(PresenterKey::Band(Band::Mid)),
        "3" => Some(PresenterKey::Band(Band::Adult)),
        "n" | "N" | "PageDown" => Some(PresenterKey::NextLine),
        _ => None,
    }
}

/// Shows the same screen in another age band's words and visuals: the band's own
/// breathing visual, pattern and length come back too.
fn switch_band(settings: SettingsState, band: Band) {
    settings.update(|s| {
        s.band = Some(band);
        s.visual = None;
        s.breath_pattern = None;
        s.breath_length = None;
    });
}

/// Presses the dialogue's "Go on" button, when the page shows one.
fn next_line() {
    let button = document()
        .query_selector("main .talk .actions .button--primary")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(b) = button {
        b.click();
    }
}

/// The demo bar: always at the top while demo mode is on.
#[component]
pub fn DemoBar() -> impl IntoView {
    dom::mark_demo();
    let settings = use_settings();
    let band = move || settings.with(|s| s.band);

    let keys = window_event_listener(ev::keydown, move |e| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
            return;
        }
        // Typing in a field keeps every key for the text.
        let typing = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|t| {
                t.closest("input, textarea, select, [contenteditable]")
                    .ok()
                    .flatten()
                    .is_some()
            });
        if typing {
            return;
        }
        match presenter_key(&e.key()) {
            Some(PresenterKey::Band(b)) => switch_band(settings, b),
            Some(PresenterKey::NextLine) => {
                e.prevent_default();
                next_line();
            }
            None => {}
        }
    });
    on_cleanup(move || keys.remove());

    view! {
        <section class="demo-bar" aria-label="Demo mode">
            // The tag is the way back to the demo's list of exercises.
            <a class="demo-bar__tag" href=Page::Demo.path()>
                <span class="demo-bar__dot" aria-hidden="true"></span>
                "Demo"
                <span class="visually-hidden">" exercises"</span>
            </a>
            <div class="demo-bar__bands" role="group" aria-label="Age band">
                {Band::ALL.into_iter().map(|b| view! {
                    <button type="button" class="demo-bar__band"
                        aria-pressed=move || if band() == Some(b) { "true" } else { "false" }
                        on:click=move |_| switch_band(settings, b)>
                        {b.label()}
                    </button>
                }).collect_view()}
            </div>
            <p class="demo-bar__keys">
                "Keys: "<kbd>"1"</kbd>" "<kbd>"2"</kbd>" "<kbd>"3"</kbd>" band · "
                <kbd>"Space"</kbd>" pause breathing · "
                <kbd>"N"</kbd>" next line"
            </p>
            <button type="button" class="demo-bar__leave" on:click=move |_| demo::leave()>
                "Leave"<span class="demo-bar__more">" demo"</span>
            </button>
        </section>
    }
}

/// `/demo`: the demo's start page. Reached from a running app (a link in Settings), it
/// first loads Tend afresh in demo mode, so the device's data is never on screen.
#[component]
pub fn DemoStart() -> impl IntoView {
    dom::set_title("Demo");
    if !demo::is_on() {
        demo::enter();
        return view! { <p class="lead">"Opening demo mode…"</p> }.into_any();
    }
    let links = [
        (
            Page::Breathe,
            "Breathing space",
            "A shape, a sound or a buzz to breathe with.",
            "area--breathe",
        ),
        (
            Page::History,
            "Breathing history",
            "Sample sessions, with check-ins.",
            "area--breathe",
        ),
        (
            Page::Draw,
            "Drawing room",
            "Prompts, a canvas and gentle tools.",
            "area--draw",
        ),
        (
            Page::Gallery,
            "Gallery",
            "A sample drawing, kept.",
            "area--draw",
        ),
        (
            Page::Talk,
            "Talk it through",
            "Role-play scenes, one line at a time.",
            "area--talk",
        ),
        (
            Page::Circles,
            "Three circles check-in",
            "Size the three circles for right now.",
            "area--circles",
        ),
        (
            Page::Break,
            "Self-compassion break",
            "Three short steps, about a minute.",
            "area--break",
        ),
        (
            Page::Imagery,
            "Kind imagery",
            "A calm place, a kind friend, a kind self.",
            "area--imagery",
        ),
        (
            Page::Letter,
            "A kind letter to yourself",
            "A letter to yourself from your kind side.",
            "area--letter",
        ),
        (
            Page::Home,
            "Home",
            "What a teen sees first.",
            "area--settings",
        ),
        (
            Page::PlanMaker,
            "Make a practice plan",
            "A link and a code to scan, with no account.",
            "area--about",
        ),
        (
            Page::Handouts,
            "Handouts to print",
            "A one-page card for each exercise and age band.",
            "area--about",
        ),
    ];
    view! {
        <div class="demo-start">
            <h1>"Showing Tend to others"</h1>
            <p class="lead">
                "This is demo mode. Try anything: nothing here is kept, and this device's own Tend stays just as it was."
            </p>
            <p>"Pick an age band at the top, then an exercise. The same exercise changes its words and pictures for each band."</p>
            <ul class="cards demo-start__list" role="list">
                {links.into_iter().map(|(page, title, hint, class)| view! {
                    <li>
                        <a class=format!("area {class}") href=page.path()>
                            <span class="area__text">
                                <span class="area__title">{title}</span>
                                <span class="area__hint">{hint}</span>
                            </span>
                            <IconArrow />
                        </a>
                    </li>
                }).collect_view()}
            </ul>
            <p class="hint">"When you're done, choose Leave demo. Tend opens again on this device's own things."</p>
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presenter_keys_switch_bands_and_move_a_dialogue_on() {
        assert_eq!(presenter_key("1"), Some(PresenterKey::Band(Band::Early)));
        assert_eq!(presenter_key("3"), Some(PresenterKey::Band(Band::Adult)));
        assert_eq!(presenter_key("PageDown"), Some(PresenterKey::NextLine));
        assert_eq!(presenter_key("n"), Some(PresenterKey::NextLine));
        assert_eq!(
            presenter_key(" "),
            None,
            "Space belongs to the breathing session"
        );
        assert_eq!(presenter_key("Escape"), None);
    }
}
