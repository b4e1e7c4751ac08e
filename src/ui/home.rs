use super::icons::*;
use super::router::use_nav;
use super::routes::Page;
use crate::content;
use crate::domain::catalogue::{exercise, Need, EXERCISES};
use crate::domain::Band;
use crate::platform::dom;
use crate::state::breathing::use_breath;
use crate::state::circles::use_circles;
use crate::state::settings::use_settings;
use crate::ui::announce::use_announcer;
use crate::ui::exercises::ExerciseList;
use crate::ui::section::Section;
use leptos::prelude::*;
use std::rc::Rc;

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
        if let Some(to) = settings.with(instead_of_home) {
            nav.replace(to.path());
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
                // The rest of Home arrives as a section of its own, in the first moments
                // after the greeting: what comes first is the greeting, one tap to breathe
                // and Help now at the top. It is added below them, so nothing on screen moves.
                <Section part=true load=Rc::new(move || more(band)) />
            </div>
        }
        .into_any(),
    }
    }
}

crate::section!(home, more(band: Band) => view! { <HomeMore band /> });

/// Home below its first lines: the plan a therapist suggested, "I feel…", every
/// exercise and the ways to the rest of Tend.
#[component]
fn HomeMore(band: Band) -> impl IntoView {
    view! {
        <super::plan::SuggestedPlan />
        <FeelNow band />
        <section class="home__all" aria-labelledby="all-title">
            <h2 id="all-title">"All exercises"</h2>
            <ExerciseList exercises=EXERCISES.iter().collect() band />
        </section>
        <h2 class="home__more">"More"</h2>
        <ul class="cards" role="list">
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
    }
}

/// Where Home sends someone it is not for yet: a first visit (no age band) to the
/// welcome, a parent or carer (who needs no band) to their own section.
pub fn instead_of_home(settings: &crate::domain::settings::Settings) -> Option<Page> {
    match (settings.band, settings.who) {
        (Some(_), _) => None,
        (None, Some(crate::domain::settings::Who::Parent)) => Some(Page::Family),
        (None, _) => Some(Page::Welcome),
    }
}

/// One tap from Home to a running breathing session, with the person's remembered
/// choices (or the defaults): the quickest way to calm down that Tend has. The breathing
/// space works out those choices and begins as it opens (`BreathState::begin_on_open`).
#[component]
fn BreatheNow(band: Band) -> impl IntoView {
    let breath = use_breath();
    let nav = use_nav();
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
            format!("Starts now, for {length}. Pause or stop any time."),
        ),
        Band::Adult => (
            "Breathe for a minute",
            format!("Starts straight away, for {length}. You can pause or stop at any time."),
        ),
    };
    let start = move |_| {
        breath.begin_on_open.set_value(true);
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

/// "I feel…": for someone who wants something now. One tap on a feeling shows a warm
/// line and two exercises to try; a big red circle from a check-in earlier today
/// suggests something soothing before anything is picked. Nothing is required and
/// nothing picked here is kept.
#[component]
fn FeelNow(band: Band) -> impl IntoView {
    let need: RwSignal<Option<Need>> = RwSignal::new(None);
    let announcer = use_announcer();
    let circles = use_circles();
    let today = dom::today();
    let loud_today = move || {
        circles.checkins.list().with(|list| {
            list.first()
                .is_some_and(|e| e.value.day == today && e.value.threat_is_large())
        })
    };
    let pick = move |n: Need| {
        if need.get_untracked() == Some(n) {
            need.set(None);
            announcer.clear();
        } else {
            need.set(Some(n));
            announcer.say(n.reply());
        }
    };
    let suggestion = move || {
        let (line, ids, help) = match need.get() {
            Some(n) => (n.reply(), n.suggests(), n.offers_help()),
            None if loud_today() => (
                "Earlier today your red circle was big. If it still is, one of these might help.",
                ["breathe", "break"],
                true,
            ),
            None => return None,
        };
        let offered: Vec<_> = ids.iter().filter_map(|id| exercise(id)).collect();
        Some(view! {
            <div class="feel__answer">
                <p class="feel__reply">{line}</p>
                <ExerciseList exercises=offered band />
                {help.then(|| view! {
                    <p class="hint">"If you'd like to talk to someone, "<a href=Page::Help.path()>"Help now"</a>" is always here."</p>
                })}
            </div>
        })
    };
    view! {
        <section class="card feel" aria-labelledby="feel-title">
            <h2 id="feel-title">"I feel…"</h2>
            <p class="hint">"Pick one if you like, and Tend will suggest something. Nothing is saved."</p>
            <div class="feel__choices" role="group" aria-labelledby="feel-title">
                {Need::ALL.into_iter().map(|n| view! {
                    <button type="button" class="chip" data-need=n.as_str()
                        aria-pressed=move || if need.get() == Some(n) { "true" } else { "false" }
                        on:click=move |_| pick(n)>{n.label()}</button>
                }).collect_view()}
            </div>
            {suggestion}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::settings::{Settings, Who};

    #[test]
    fn home_sends_a_first_visit_to_the_welcome_and_a_parent_to_their_section() {
        let with = |band, who| Settings {
            band,
            who,
            ..Settings::default()
        };
        assert_eq!(instead_of_home(&with(None, None)), Some(Page::Welcome));
        assert_eq!(
            instead_of_home(&with(None, Some(Who::Teen))),
            Some(Page::Welcome)
        );
        assert_eq!(
            instead_of_home(&with(None, Some(Who::Showing))),
            Some(Page::Welcome)
        );
        assert_eq!(
            instead_of_home(&with(None, Some(Who::Parent))),
            Some(Page::Family)
        );
        assert_eq!(
            instead_of_home(&with(Some(Band::Mid), Some(Who::Parent))),
            None
        );
        assert_eq!(instead_of_home(&with(Some(Band::Early), None)), None);
    }
}
