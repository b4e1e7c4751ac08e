use super::controls::{options, RadioGroup};
use super::icons::Companion;
use super::router::use_nav;
use super::routes::Page;
use crate::domain::settings::{Choice, Who};
use crate::domain::Band;
use crate::platform::dom;
use crate::state::settings::use_settings;
use crate::ui::section::later;
use leptos::prelude::*;

/// First visit: what Tend is, in three short lines, who is here, and (for a young
/// person, or someone showing Tend) which age band fits. A parent or carer goes straight
/// to the family section, with no age band. No name, no birthday, no account.
#[component]
pub fn Welcome() -> impl IntoView {
    dom::set_title("Welcome");
    let settings = use_settings();
    let nav = use_nav();
    let picked = RwSignal::new(settings.with(|s| s.band));
    // Young people are most of the people who open Tend, so that is where it starts.
    let who = RwSignal::new(settings.with(|s| s.who).unwrap_or(Who::Teen));
    let missing = RwSignal::new(false);

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let who = who.get_untracked();
        match (who, picked.get_untracked()) {
            (Who::Parent, _) => {
                settings.update(|s| s.who = Some(Who::Parent));
                nav.go(Page::Family.path());
            }
            // Showing Tend to others: demo mode, which has its own age switcher and keeps
            // nothing.
            (Who::Showing, _) => {
                settings.update(|s| s.who = Some(Who::Showing));
                nav.go(Page::Demo.path());
            }
            (_, Some(band)) => {
                settings.update(|s| {
                    s.who = Some(who);
                    s.band = Some(band);
                });
                nav.go(Page::Home.path());
            }
            (_, None) => missing.set(true),
        }
    };
    let band_group = move |legend: &'static str, hint: &'static str| {
        view! {
            <RadioGroup
                legend=legend
                name="band"
                hint=hint
                class="choices--big"
                options={ options::<Band>() }
                selected=Signal::derive(move || picked.get().map(Band::as_str))
                on_pick=Callback::new(move |id: &'static str| {
                    picked.set(Band::parse(id));
                    missing.set(false);
                })
            />
        }
    };

    view! {
        <div class="welcome">
            <Intro />
            // The form in a task of its own as the app starts (ui::section::later).
            {later(Box::new(move || view! {
                <form class="card" on:submit=start novalidate>
                    <RadioGroup
                        legend="Who is using Tend?"
                        name="who"
                        hint="You can change this any time in Settings."
                        options={ options::<Who>() }
                        selected=Signal::derive(move || Some(who.get().as_str()))
                        on_pick=Callback::new(move |id: &'static str| {
                            who.set(Who::with_id(id).unwrap_or(Who::Teen));
                            missing.set(false);
                        })
                    />
                    {move || match who.get() {
                        Who::Teen => band_group(
                            "How old are you?",
                            "This changes the words and pictures a little. You can change it any time in Settings.",
                        )
                        .into_any(),
                        Who::Parent => view! {
                            <p class="welcome__next">
                                "The family section has short lessons for parents and carers, and a way to rehearse hard conversations. No age band needed. Nothing your teen writes or draws in Tend is shown there."
                            </p>
                        }
                        .into_any(),
                        Who::Showing => view! {
                            <div class="welcome__next">
                                <p>"A quick tour of what Tend has:"</p>
                                <ul>
                                    <li><strong>"Breathing space: "</strong>"slow breathing with a shape, a sound or a buzz."</li>
                                    <li><strong>"Drawing room: "</strong>"drawing prompts, like a safe place or a kind companion."</li>
                                    <li><strong>"Talk it through: "</strong>"short role-plays to practise kind words."</li>
                                    <li><strong>"For families: "</strong>"lessons and rehearsals for parents and carers."</li>
                                    <li><strong>"Help now: "</strong>"free helplines, one tap away on every screen."</li>
                                </ul>
                                <p>"Start opens demo mode: sample content, a switch for each age group, and nothing you do there is kept."</p>
                            </div>
                        }
                        .into_any(),
                    }}
                    <p class="form-error" role="alert">
                        {move || missing.get().then_some("Pick the one that fits you best, then tap Start.")}
                    </p>
                    <button type="submit" class="button button--primary button--wide">"Start"</button>
                </form>
            }.into_any()))}
        </div>
    }
}

/// What Tend is, in three short lines: the top of the welcome. A first visit sees it
/// before any WebAssembly arrives, from index.html ([`static_html`]).
#[component]
fn Intro() -> impl IntoView {
    view! {
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
    }
}

/// The welcome's top as plain HTML, for index.html's static page (src/bin/pages.rs): a
/// first visit sees what Tend is at once, before any WebAssembly, and the app's welcome
/// takes its place without a change (public/boot.js shows it only where the app will
/// show the welcome). Where the form will be, a calm card. Native builds only (as
/// `family::static_html`); the app never calls it.
pub fn static_html() -> String {
    let owner = Owner::new();
    owner.with(|| {
        untrack(|| {
            view! {
                <div class="welcome boot__welcome">
                    <Intro />
                    <div class="card boot__form" aria-hidden="true"></div>
                </div>
            }
            .to_html()
        })
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[test]
    fn the_plain_welcome_is_the_welcome_s_own_top_with_a_place_for_its_form() {
        let html = super::static_html();
        assert!(
            html.starts_with("<div class=\"welcome boot__welcome\">"),
            "{html}"
        );
        assert!(html.contains("<h1>Hi, welcome to Tend</h1>"), "{html}");
        assert!(html.contains("companion--wave"), "{html}");
        assert_eq!(html.matches("<li>").count(), 3, "{html}");
        assert!(
            html.contains("tap <strong>Help now</strong> at the top."),
            "{html}"
        );
        assert!(html.contains("<div class=\"card boot__form\" aria-hidden=\"true\"></div>"));
        // Plain HTML only: nothing that would need the app to read it.
        assert!(!html.contains("<form") && !html.contains("<!--"), "{html}");
    }
}
