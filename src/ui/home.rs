use super::icons::*;
use super::router::use_nav;
use super::routes::Page;
use crate::content;
use crate::domain::Band;
use crate::platform::dom;
use crate::state::breathing::use_breath;
use crate::state::settings::use_settings;
use leptos::prelude::*;

/// Home: a warm line for today and the ways into Tend. A first visit goes to Welcome.
#[component]
pub fn Home() -> impl IntoView {
    dom::set_title("Home");
    let settings = use_settings();
    let band = move || settings.with(|s| s.band);
    let today = dom::today();
    let nav = use_nav();
    // A first visit (no band yet) goes to Welcome instead, and a parent or carer (who
    // needs no band) to their own section; no history entry is left.
    Effect::new(move |_| {
        if band().is_none() {
            let parent = settings.with(|s| s.who == Some(crate::domain::settings::Who::Parent));
            nav.replace(if parent {
                Page::Family.path()
            } else {
                Page::Welcome.path()
            });
        }
    });

    move || {
        match band() {
        None => ().into_any(),
        Some(band) => view! {
            <div class="home">
                <section class="hello" aria-labelledby="hello-title">
                    <Companion />
                    <div>
                        <h1 id="hello-title">"Good to see you"</h1>
                        <p class="hello__line">
                            {content::daily_line(band, today).unwrap_or("Whenever you're ready.")}
                        </p>
                    </div>
                </section>
                <BreatheNow band />
                <super::plan::SuggestedPlan />
                <ul class="cards" role="list">
                    <li>
                        <a class="area area--breathe" href=Page::Breathe.path()>
                            <IconBreathe />
                            <span class="area__text">
                                <span class="area__title">"Breathing space"</span>
                                <span class="area__hint">"Slow down with a shape, a sound or a buzz to follow."</span>
                            </span>
                            <IconArrow />
                        </a>
                    </li>
                    <li>
                        <a class="area area--draw" href=Page::Draw.path()>
                            <IconDraw />
                            <span class="area__text">
                                <span class="area__title">"Drawing room"</span>
                                <span class="area__hint">"Draw a safe place, a kind companion, or anything at all."</span>
                            </span>
                            <IconArrow />
                        </a>
                    </li>
                    <li>
                        <a class="area area--talk" href=Page::Talk.path()>
                            <IconTalk />
                            <span class="area__text">
                                <span class="area__title">"Talk it through"</span>
                                <span class="area__hint">"Practise kind words, for a friend and for you."</span>
                            </span>
                            <IconArrow />
                        </a>
                    </li>
                    <li>
                        <a class="area area--help" href=Page::Help.path()>
                            <IconHelp />
                            <span class="area__text">
                                <span class="area__title">"Need someone now?"</span>
                                <span class="area__hint">"Free, private helplines you can call or text."</span>
                            </span>
                            <IconArrow />
                        </a>
                    </li>
                    <li>
                        <a class="area area--settings" href=Page::Settings.path()>
                            <IconSettings />
                            <span class="area__text">
                                <span class="area__title">"Make Tend yours"</span>
                                <span class="area__hint">"Colours, text size, dark mode and motion."</span>
                            </span>
                            <IconArrow />
                        </a>
                    </li>
                    <li>
                        <a class="area area--about" href=Page::Family.path()>
                            <IconAbout />
                            <span class="area__text">
                                <span class="area__title">"For parents and carers"</span>
                                <span class="area__hint">"Short lessons on kind ways to help. Nothing you keep in Tend is shown there."</span>
                            </span>
                            <IconArrow />
                        </a>
                    </li>
                    <li>
                        <a class="area area--about" href=Page::About.path()>
                            <IconAbout />
                            <span class="area__text">
                                <span class="area__title">"What Tend is"</span>
                                <span class="area__hint">"Where the ideas come from, and how your privacy works."</span>
                            </span>
                            <IconArrow />
                        </a>
                    </li>
                </ul>
            </div>
        }
        .into_any(),
    }
    }
}

/// One tap from Home to a running breathing session, with the person's remembered
/// choices (or the defaults): the quickest way to calm down that Tend has.
#[component]
fn BreatheNow(band: Band) -> impl IntoView {
    let breath = use_breath();
    let nav = use_nav();
    let chosen = super::breathe::remembered();
    let length = match use_settings()
        .with_untracked(|s| s.breath_length)
        .unwrap_or_else(|| content::default_session(band))
        .minutes()
    {
        Some(1) => "1 minute".to_owned(),
        Some(n) => format!("{n} minutes"),
        None => "as long as you like".to_owned(),
    };
    let (title, hint) = match band {
        Band::Early => (
            "Let's breathe for a minute",
            format!("Tap and follow the shape for {length}. Stop any time."),
        ),
        Band::Mid => (
            "Breathe for a minute",
            format!(
                "Starts now: {}, for {length}. Pause or stop any time.",
                chosen.name
            ),
        ),
        Band::Adult => (
            "Breathe for a minute",
            format!(
                "Starts straight away: {}, for {length}. You can pause or stop at any time.",
                chosen.name
            ),
        ),
    };
    let start = move |_| {
        breath.begin(chosen.clone(), None);
        nav.go(Page::Breathe.path());
    };
    view! {
        <button type="button" class="breathe-now" on:click=start>
            <IconBreathe />
            <span class="breathe-now__text">
                <span class="breathe-now__title">{title}</span>
                <span class="breathe-now__hint">{hint}</span>
            </span>
        </button>
    }
}
