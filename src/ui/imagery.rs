//! Kind imagery: a calm place, a kind other (who may be the person's companion) and the
//! kind self, one step on screen at a time. A step stays as long as the person likes:
//! nothing moves on by itself unless they turn that on. Steps can be read aloud with the
//! browser's own speech; eyes open and other anchors are offered; the last step grounds.

use crate::content::IMAGERY;
use crate::domain::imagery::Step;
use crate::domain::Band;
use crate::platform::{dom, speech};
use crate::state::settings::use_settings;
use crate::state::talk::use_talk;
use crate::ui::controls::{RadioGroup, Toggle};
use crate::ui::router::use_nav;
use crate::ui::routes::Page;
use crate::ui::talk::CompanionPicture;
use crate::ui::too_much::TooMuch;
use leptos::prelude::*;
use std::time::Duration;

/// Where the person is: before the first step, at a step (by index), or finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum At {
    Start,
    Step(usize),
    End,
}

#[component]
pub fn Imagery() -> impl IntoView {
    let band = use_settings().with_untracked(|s| s.band.unwrap_or(Band::Mid));
    dom::set_title(IMAGERY.title.get(band));
    let nav = use_nav();
    let (companion, look) = use_talk()
        .companion
        .with_untracked(|c| (c.name.clone(), (c.hue, c.form)));
    let companion = StoredValue::new(companion);
    let steps = StoredValue::new(IMAGERY.steps_for(band));
    let count = steps.with_value(Vec::len);
    let step_at = move |i: usize| -> &'static Step { steps.with_value(|s| s[i]) };
    let at = RwSignal::new(At::Start);
    let anchor = RwSignal::new(IMAGERY.anchors[0].id);
    let aloud = RwSignal::new(false);
    let auto = RwSignal::new(false);
    let too_much = RwSignal::new(false);
    let linger = IMAGERY.linger.get(band);

    let go = move |to: At| {
        at.set(to);
        match to {
            At::Step(_) => dom::focus_after_render("#step-title"),
            At::End => dom::focus_after_render("#imagery-end"),
            At::Start => dom::focus_after_render("main h1"),
        }
    };
    let next = move || match at.get_untracked() {
        At::Step(i) if i + 1 < count => go(At::Step(i + 1)),
        At::Step(_) => go(At::End),
        other => go(other),
    };

    // Read the step aloud when it shows (and when reading aloud is turned on); quiet
    // while the "too much" card is open and once the imagery ends or is left.
    Effect::new(move |_| match (at.get(), aloud.get(), too_much.get()) {
        (At::Step(i), true, false) => {
            let text = companion.with_value(|name| step_at(i).spoken(band, name));
            speech::say(&text, 1.0);
        }
        _ => speech::stop(),
    });
    on_cleanup(speech::stop);

    // Moving on by itself, only when the person chose it: one timer for the step on
    // screen, replaced when the step changes and cleared when the page goes.
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let clear = move || {
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    Effect::new(move |_| {
        let (now, on, paused) = (at.get(), auto.get(), too_much.get());
        clear();
        if let (At::Step(_), true, false) = (now, on, paused) {
            let wait = Duration::from_secs(u64::from(linger));
            if let Ok(handle) = set_timeout_with_handle(
                move || {
                    if at.get_untracked() == now {
                        next();
                    }
                },
                wait,
            ) {
                timer.set_value(Some(handle));
            }
        }
    });
    on_cleanup(clear);

    let switches = move || {
        view! {
            {speech::available().then(|| view! {
                <Toggle label="Read each step aloud" checked=aloud on_change=Callback::new(move |on| aloud.set(on)) />
            })}
            <Toggle label="Move on by itself" checked=auto
                on_change=Callback::new(move |on| auto.set(on))
                hint=format!("Off: you move on when you're ready. On: each step stays about {linger} seconds.") />
        }
    };

    let start = move || {
        view! {
            <p class="lead">{IMAGERY.preview.get(band)}</p>
            <div class="actions">
                <button type="button" class="button button--primary" on:click=move |_| go(At::Step(0))>"Begin"</button>
            </div>
            <h2 class="imagery-options">"Before you begin, if you like"</h2>
            <RadioGroup legend="Something to stay with" name="imagery-anchor"
                options={IMAGERY.anchors.iter().map(|a| (a.id, a.label)).collect()}
                selected=Signal::derive(move || Some(anchor.get()))
                on_pick=Callback::new(move |id| anchor.set(id))
                hint="Breathing is not part of this. Pick what feels okay." />
            {switches()}
        }
    };

    let step_view = move |i: usize| {
        let step = step_at(i);
        let line = companion.with_value(|name| step.companion_line(band, name));
        let last = i + 1 == count;
        view! {
            <section class="card imagery-step" aria-labelledby="step-title">
                <p class="hint">{format!("Step {} of {count}", i + 1)}</p>
                <h2 id="step-title" tabindex="-1">{step.title.get(band)}</h2>
                {step.paragraphs(band).map(|p| view! { <p>{p}</p> }).collect_view()}
                {line.map(|l| view! {
                    <p class="imagery-companion">
                        <CompanionPicture hue=look.0 form=look.1 />
                        <span>{l}</span>
                    </p>
                })}
                <p class="imagery-anchor">{move || IMAGERY.anchor(anchor.get()).reminder}</p>
                {move || (!too_much.get()).then(|| view! {
                    <div class="actions">
                        <button type="button" class="button button--primary" on:click=move |_| next()>
                            {if last { "Finish" } else { "Next" }}
                        </button>
                        {(i > 0).then(|| view! {
                            <button type="button" class="button" on:click=move |_| go(At::Step(i - 1))>"Back"</button>
                        })}
                    </div>
                })}
            </section>
        }
    };

    let end = move || {
        view! {
            <section class="card imagery-end" aria-labelledby="imagery-end">
                <h2 id="imagery-end" tabindex="-1">"Thank you for taking this time"</h2>
                <p>"Your calm place and your kind side are there whenever you want to visit again."</p>
                <div class="actions">
                    <a class="button button--primary" href=Page::Letter.path()>"Write a kind letter to yourself"</a>
                    <button type="button" class="button" on:click=move |_| go(At::Start)>"Start again"</button>
                    <a class="button" href=Page::Home.path()>"Home"</a>
                </div>
            </section>
        }
    };

    view! {
        <div class="imagery">
            <h1 tabindex="-1">{IMAGERY.title.get(band)}</h1>
            {move || match at.get() {
                At::Start => start().into_any(),
                At::Step(i) => view! {
                    {step_view(i)}
                    <TooMuch open=too_much
                        status="The imagery waits for you, right where you left it."
                        carry_on="Carry on"
                        on_open=move |()| {}
                        on_carry_on=move |()| dom::focus_after_render("#step-title")
                        on_stop=move |()| nav.go(Page::Home.path()) />
                    <div class="imagery-switches">{switches()}</div>
                }
                .into_any(),
                At::End => end().into_any(),
            }}
        </div>
    }
}
