//! "Tend on this device" in Settings: adding Tend to the home screen where the browser
//! offers it (or Safari's steps on an iPhone or iPad), and, once, a plain word when the
//! browser has not promised to keep what Tend saves.

use crate::domain::device::{home_screen, storage_note_due, storage_note_words, HomeScreen};
use crate::platform::install;
use crate::state::data::use_data;
use crate::state::settings::use_settings;
use leptos::prelude::*;

#[component]
pub fn DeviceCard() -> impl IntoView {
    let settings = use_settings();
    let data = use_data();
    let offered = install::use_install_offer();
    let (installed, ios_safari) = (install::installed(), install::ios_safari());
    let demo = crate::state::demo::is_on();
    // Read once: the note stays for this visit after it is remembered as shown.
    let shown_before = settings.with_untracked(|s| s.storage_note_shown);
    let note = Memo::new(move |_| storage_note_due(data.persisted.get(), shown_before, demo));
    Effect::new(move |_| {
        if note.get() {
            settings.remember(|s| s.storage_note_shown = true);
        }
    });
    let status = RwSignal::new(None::<&'static str>);
    let add = move |_| {
        leptos::task::spawn_local(async move {
            let outcome = install::prompt().await;
            // The browser's offer works once.
            offered.set(false);
            status.set(match outcome {
                Some(true) => Some("Tend is on its way to your home screen."),
                Some(false) => Some("Not now, then. You can add Tend another time."),
                None => None,
            });
        });
    };
    let home = Memo::new(move |_| home_screen(installed, offered.get(), ios_safari));
    // The card shows only when it has something to say; once shown, it stays for the
    // visit, so its status line is there to be read.
    let visible = Memo::new(move |was: Option<&bool>| {
        was == Some(&true)
            || note.get()
            || matches!(home.get(), HomeScreen::Offer | HomeScreen::SafariSteps)
    });

    view! {
        <Show when=move || visible.get()>
            <section class="card device" aria-labelledby="device-title">
                <h2 id="device-title">"Tend on this device"</h2>
                {move || match home.get() {
                    HomeScreen::Offer => view! {
                        <p>"Tend can sit on your home screen like an app. It opens in a window of its own, even without internet."</p>
                        <p class="actions">
                            <button type="button" class="button button--primary" on:click=add>
                                "Add Tend to your home screen"
                            </button>
                        </p>
                    }
                    .into_any(),
                    HomeScreen::SafariSteps => view! {
                        <p>"Tend can sit on your home screen like an app. To add it in Safari:"</p>
                        <ol class="steps">
                            <li>"Tap Share: the square with an arrow pointing up."</li>
                            <li>"Choose Add to Home Screen. You may need to scroll down to find it."</li>
                            <li>"Tap Add."</li>
                        </ol>
                    }
                    .into_any(),
                    HomeScreen::Installed | HomeScreen::Nothing => ().into_any(),
                }}
                {move || note.get().then(|| view! {
                    <p class="notice">{storage_note_words(ios_safari, installed)}</p>
                })}
                <p role="status">{move || status.get()}</p>
            </section>
        </Show>
    }
}
