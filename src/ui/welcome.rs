use super::controls::{options, RadioGroup};
use super::icons::Companion;
use super::router::use_nav;
use super::routes::Page;
use crate::domain::Band;
use crate::platform::dom;
use crate::state::settings::use_settings;
use leptos::prelude::*;

/// First visit: what Tend is, in three short lines, and which age band fits. No name, no
/// birthday, no account.
#[component]
pub fn Welcome() -> impl IntoView {
    dom::set_title("Welcome");
    let settings = use_settings();
    let nav = use_nav();
    let picked = RwSignal::new(settings.with(|s| s.band));
    let missing = RwSignal::new(false);

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match picked.get_untracked() {
            Some(band) => {
                settings.update(|s| s.band = Some(band));
                nav.go(Page::Home.path());
            }
            None => missing.set(true),
        }
    };

    view! {
        <div class="welcome">
            <Companion mood="wave" />
            <h1>"Hi, welcome to Tend"</h1>
            <ul class="promises">
                <li>"Small, kind exercises for any day. If you see a counsellor or therapist, they are for the days in between too."</li>
                <li>"Everything you do here stays on this device. No account, no tracking."</li>
                <li>
                    "Tend is for practice. It is not a therapist, and it is not for emergencies. "
                    "If you need someone now, tap "<strong>"Help now"</strong>" at the top."
                </li>
            </ul>
            <form class="card" on:submit=start novalidate>
                <RadioGroup
                    legend="How old are you?"
                    name="band"
                    hint="This changes the words and pictures a little. You can change it any time in Settings."
                    class="choices--big"
                    options={ options::<Band>() }
                    selected=Signal::derive(move || picked.get().map(Band::as_str))
                    on_pick=Callback::new(move |id: &'static str| {
                        picked.set(Band::parse(id));
                        missing.set(false);
                    })
                />
                <p class="form-error" role="alert">
                    {move || missing.get().then_some("Pick the one that fits you best, then tap Start.")}
                </p>
                <button type="submit" class="button button--primary button--wide">"Start"</button>
            </form>
        </div>
    }
}
