//! The breathing space: pick a pattern, a length and something to breathe with, breathe,
//! then a short grounding step and an optional check-in, kept as a session record.

mod ending;
pub mod history;
pub mod patterns;
mod session;

use crate::content;
use crate::domain::breathing::{session_end_ms, Rhythm, SessionLength};
use crate::domain::checkin::Feeling;
use crate::domain::settings::{Choice, Visual};
use crate::domain::Band;
use crate::platform::{cues, dom};
use crate::state::breathing::{use_breath, Screen, Stage};
pub use crate::state::breathing::{Chosen, Outcome};
use crate::state::settings::use_settings;
use crate::ui::controls::{options, parse, RadioGroup, Toggle};
use crate::ui::routes::Page;
use ending::Ending;
use leptos::prelude::*;
use session::Session;

/// A pattern on offer: built-in or the person's own.
#[derive(Clone, Debug, PartialEq)]
struct Offer {
    id: String,
    name: String,
    about: String,
    optional: bool,
    rhythm: Rhythm,
}

fn offers(band: Band) -> Vec<Offer> {
    let built_in = content::patterns_for(band).map(|p| Offer {
        id: p.id.to_owned(),
        name: p.name(band).to_owned(),
        about: p.about(band).to_owned(),
        optional: p.optional,
        rhythm: p.rhythm(),
    });
    let own = use_breath().patterns.list().with_untracked(|list| {
        list.iter()
            .filter(|e| e.value.is_for(band))
            .map(|e| {
                let pace = e.value.pace();
                Offer {
                    id: e.key.clone(),
                    name: e.value.name().to_owned(),
                    about: pace_summary(pace),
                    optional: pace.has_holds(),
                    rhythm: e.value.rhythm(),
                }
            })
            .collect::<Vec<_>>()
    });
    built_in.chain(own).collect()
}

/// "In 4 s, hold 2 s, out 6 s": the pace of a custom pattern in words.
pub fn pace_summary(pace: crate::domain::breathing::Pace) -> String {
    use crate::domain::breathing::PhaseKind;
    PhaseKind::ALL
        .iter()
        .filter(|k| pace.ms(**k) > 0)
        .map(|k| {
            let word = match k {
                PhaseKind::In => "in",
                PhaseKind::Out => "out",
                _ => "hold",
            };
            format!("{word} {} s", pace.ms(*k) / 1000)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A few ways to come back to the room, for the end of a session and for when it is
/// all too much.
#[component]
pub fn Grounding() -> impl IntoView {
    view! {
        <ul class="grounding-steps">
            <li>"Press your feet into the floor and notice how it holds you."</li>
            <li>"Look around and find three things you can see."</li>
            <li>"Listen for one sound near you, and one far away."</li>
        </ul>
    }
}

/// The session the person's remembered choices make (the defaults where they made
/// none): what Home's one-tap button begins.
fn remembered() -> Chosen {
    let settings = use_settings().with_untracked(Clone::clone);
    let band = settings.band.unwrap_or(Band::Mid);
    let offers = offers(band);
    let offer = pick(&offers, settings.breath_pattern.as_deref());
    let length = settings
        .breath_length
        .unwrap_or_else(|| content::default_session(band));
    Chosen {
        id: offer.id.clone(),
        name: offer.name.clone(),
        rhythm: offer.rhythm,
        end_ms: session_end_ms(offer.rhythm, length),
        visual: settings.visual.unwrap_or_else(|| Visual::for_band(band)),
    }
}

/// The remembered pattern if it is still on offer, else the default one.
fn pick<'a>(offers: &'a [Offer], saved: Option<&str>) -> &'a Offer {
    offers
        .iter()
        .find(|o| Some(o.id.as_str()) == saved)
        .unwrap_or_else(|| {
            let default = content::default_pattern().id;
            offers
                .iter()
                .find(|o| o.id == default)
                .unwrap_or(&offers[0])
        })
}

#[component]
pub fn Breathe() -> impl IntoView {
    dom::set_title("Breathing space");
    let breath = use_breath();
    // Asked from Home: the session starts before the page is first drawn, so its running
    // screen is the first thing shown.
    if breath.begin_on_open.get_value() {
        breath.begin_on_open.set_value(false);
        breath.begin(remembered(), None);
    }
    let stage = breath.stage;
    // Only a change of screen redraws the page; a session's time and its check-in change
    // the stage without that.
    let screen = Memo::new(move |_| stage.with(Stage::screen));
    let before = RwSignal::new(None::<Feeling>);
    let to_top = move || dom::focus_after_render("main h1");
    let start = Callback::new(move |chosen: Chosen| {
        breath.begin(chosen, before.get_untracked());
        dom::focus_after_render("#pause");
    });
    let end = Callback::new(move |outcome: Outcome| {
        let (day, minute) = dom::day_and_minute();
        breath.end(outcome, day, minute);
        to_top();
    });
    let again = Callback::new(move |()| {
        before.set(None);
        breath.again();
        to_top();
    });
    move || match screen.get() {
        Screen::Setup => view! { <Setup before start /> }.into_any(),
        Screen::Running => match stage.get_untracked() {
            Stage::Running(r) => view! {
                <Session chosen=r.chosen at_ms=r.at_ms paused=r.paused on_end=end />
            }
            .into_any(),
            _ => ().into_any(),
        },
        Screen::Ended => view! { <Ending again /> }.into_any(),
    }
}

#[component]
fn Setup(before: RwSignal<Option<Feeling>>, start: Callback<Chosen>) -> impl IntoView {
    let settings = use_settings();
    let band = settings.with_untracked(|s| s.band.unwrap_or(Band::Mid));
    let offers = offers(band);
    let saved_pattern = settings.with_untracked(|s| s.breath_pattern.clone());
    let picked = RwSignal::new(pick(&offers, saved_pattern.as_deref()).id.clone());
    let length = move || {
        settings.with(|s| {
            s.breath_length
                .unwrap_or_else(|| content::default_session(band))
        })
    };
    let visual = move || settings.with(|s| s.visual.unwrap_or_else(|| Visual::for_band(band)));

    let offer_list = StoredValue::new(offers.clone());
    let begin = move |_| {
        let id = picked.get_untracked();
        let Some(offer) = offer_list.with_value(|l| l.iter().find(|o| o.id == id).cloned()) else {
            return;
        };
        let length = length();
        settings.update(|s| {
            s.breath_pattern = Some(id.clone());
        });
        start.run(Chosen {
            id,
            name: offer.name,
            rhythm: offer.rhythm,
            end_ms: session_end_ms(offer.rhythm, length),
            visual: visual(),
        });
    };
    // What Start begins, in words, so the folded choices need not be opened to know.
    let summary = move || {
        let name = picked.with(|id| {
            offer_list.with_value(|l| {
                l.iter()
                    .find(|o| o.id == *id)
                    .map(|o| o.name.clone())
                    .unwrap_or_default()
            })
        });
        format!(
            "{name}, {}, with the {}.",
            length().label().to_lowercase(),
            visual().label().to_lowercase()
        )
    };

    let sound = move || settings.with(|s| s.sound);
    view! {
        <div class="breathe">
            <h1>"Breathing space"</h1>
            <p class="lead">"Breathe along with a shape that grows and shrinks. You can pause or stop at any time."</p>
            <div class="breathe__start">
                <button type="button" class="button button--primary button--wide" aria-describedby="breathe-plan"
                    on:click=begin>"Start"</button>
                <p class="hint" id="breathe-plan">{summary}</p>
            </div>

            <details class="fold">
                <summary>"Change how it works"</summary>
                <div class="fold__body">
                    <fieldset class="choices patterns">
                        <legend>"Pattern"</legend>
                        <div class="patterns__options">
                            {offers.into_iter().map(|o| {
                                let id = o.id.clone();
                                let checked_id = o.id.clone();
                                view! {
                                    <label class="pattern-option">
                                        <input type="radio" name="pattern" value=o.id.clone()
                                            prop:checked=move || picked.with(|p| *p == checked_id)
                                            on:change=move |_| picked.set(id.clone()) />
                                        <span>
                                            <strong>{o.name}</strong>
                                            {o.optional.then(|| view! { <em class="tag">"optional"</em> })}
                                            <span class="hint">{o.about}</span>
                                        </span>
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                        <p class="actions"><a class="button" href=Page::Patterns.path()>"Make your own pattern"</a></p>
                    </fieldset>

                    <RadioGroup
                        legend="How long"
                        name="length"
                        options={SessionLength::ALL.iter().map(|l| (l.as_str(), l.label())).collect()}
                        selected=Signal::derive(move || Some(length().as_str()))
                        on_pick=Callback::new(move |id: &'static str| {
                            settings.update(|s| s.breath_length = SessionLength::parse(id));
                        })
                    />
                    <RadioGroup
                        legend="Breathe with"
                        name="visual"
                        options={options::<Visual>()}
                        selected=Signal::derive(move || Some(visual().as_str()))
                        on_pick=Callback::new(move |id| {
                            settings.update(|s| s.visual = parse::<Visual>(id));
                        })
                    />
                    <fieldset class="choices cues">
                        <legend>"Cues you don't have to watch"</legend>
                        <Toggle
                            label="Soft sounds"
                            hint="A rising tone for in, a falling one for out."
                            checked=Signal::derive(sound)
                            on_change=Callback::new(move |on| settings.update(|s| s.sound = on))
                        />
                        {move || sound().then(|| view! {
                            <label class="field field--range">
                                <span>"Volume"</span>
                                <input type="range" min="10" max="100" step="10"
                                    prop:value=move || settings.with(|s| s.volume.to_string())
                                    on:change=move |ev| {
                                        let v = event_target_value(&ev).parse().unwrap_or(50);
                                        settings.update(|s| s.volume = v);
                                    } />
                            </label>
                        })}
                        <Toggle
                            label="Vibration"
                            hint=if cues::can_vibrate() { "One buzz for in, two for out." } else { "This device can't vibrate from a web page." }
                            checked=Signal::derive(move || settings.with(|s| s.vibration))
                            on_change=Callback::new(move |on| settings.update(|s| s.vibration = on))
                        />
                        <Toggle
                            label="Say each step aloud"
                            hint="For screen readers: \"Breathe in\", \"Breathe out\". No countdown."
                            checked=Signal::derive(move || settings.with(|s| s.announce))
                            on_change=Callback::new(move |on| settings.update(|s| s.announce = on))
                        />
                    </fieldset>
                </div>
            </details>

            <details class="fold">
                <summary>"Say how you feel first"</summary>
                <div class="fold__body">
                    <RadioGroup
                        legend="How do you feel right now?"
                        name="before"
                        hint="If you like. You can skip this."
                        options={options::<Feeling>()}
                        selected=Signal::derive(move || before.get().map(Feeling::as_str))
                        on_pick=Callback::new(move |id| before.set(parse::<Feeling>(id)))
                    />
                </div>
            </details>

            <aside class="card anchors" aria-label="Other ways to settle">
                <p>
                    "Breathing isn't a calm place for everyone. If it isn't for you today, you could keep your eyes open, feel your feet on the floor, or listen to the sounds around you, and let the shape keep time."
                </p>
            </aside>
            <p class="actions"><a class="button" href=Page::History.path()>"Your past sessions"</a></p>
        </div>
    }
}
