//! The self-compassion break (`/break`): three short steps, one on screen at a time, at
//! the person's own pace, about a minute in all, then a grounding ending. "This feels
//! like too much" and Help now are there throughout.

use crate::domain::catalogue::exercise;
use crate::domain::kind_break::{ENDING, INTRO, STEPS};
use crate::domain::Band;
use crate::platform::dom;
use crate::state::settings::use_settings;
use crate::ui::exercises::ExerciseList;
use crate::ui::router::use_nav;
use crate::ui::routes::Page;
use crate::ui::too_much::TooMuch;
use leptos::prelude::*;

/// Where the break is: 0 the start, 1–3 the steps, 4 the ending.
const ENDED: usize = STEPS.len() + 1;

#[component]
pub fn KindBreak() -> impl IntoView {
    let settings = use_settings();
    let band = settings.with_untracked(|s| s.band.unwrap_or(Band::Mid));
    let this = exercise("break");
    let name = this.map_or("Self-compassion break", |e| e.name(band));
    let about = this.map_or("", |e| e.about(band));
    dom::set_title(name);
    let nav = use_nav();
    let at = RwSignal::new(0usize);
    let too_much = RwSignal::new(false);
    let go = move |to: usize| {
        at.set(to);
        dom::focus_after_render("#break-step");
    };
    let body = move || {
        let i = at.get();
        if i == 0 {
            view! {
                <section class="card break__step" aria-labelledby="break-step">
                    <h2 id="break-step" tabindex="-1">"Before you start"</h2>
                    <p>{INTRO.get(band)}</p>
                    <div class="actions">
                        <button type="button" class="button button--primary" on:click=move |_| go(1)>"Start"</button>
                    </div>
                </section>
            }
            .into_any()
        } else if i < ENDED {
            let step = STEPS[i - 1];
            let last = i == STEPS.len();
            view! {
                <section class="card break__step" aria-labelledby="break-step">
                    <p class="break__count">{format!("Step {i} of {}", STEPS.len())}</p>
                    <h2 id="break-step" tabindex="-1">{step.title.get(band)}</h2>
                    <p>{step.text.get(band)}</p>
                    <p class="hint">{step.try_this.get(band)}</p>
                    <p class="hint">"Stay here for a few slow breaths, or as long as you like."</p>
                    <div class="actions">
                        <button type="button" class="button button--primary" on:click=move |_| go(i + 1)>
                            {if last { "Finish" } else { "Next step" }}
                        </button>
                        <button type="button" class="button" on:click=move |_| go(i - 1)>"Back a step"</button>
                    </div>
                </section>
            }
            .into_any()
        } else {
            let next: Vec<_> = ["breathe", "circles"]
                .iter()
                .filter_map(|id| exercise(id))
                .collect();
            view! {
                <section class="card break__step" aria-labelledby="break-step">
                    <h2 id="break-step" tabindex="-1">"Coming back"</h2>
                    <p>{ENDING.get(band)}</p>
                    <div class="actions">
                        <button type="button" class="button" on:click=move |_| go(1)>"Go through it again"</button>
                        <a class="button button--primary" href=Page::Home.path()>"Back to Home"</a>
                    </div>
                </section>
                <h2 class="break__more">"If you want more"</h2>
                <ExerciseList exercises=next band />
            }
            .into_any()
        }
    };
    view! {
        <div class="break">
            <h1>{name}</h1>
            <p class="lead">{about}</p>
            {move || (!too_much.get()).then(body)}
            {move || (at.get() < ENDED).then(|| view! {
                <TooMuch open=too_much
                    status="The break waits for you, right where you left it."
                    carry_on="Carry on"
                    on_open=move |()| {}
                    on_carry_on=move |()| dom::focus_after_render("#break-step")
                    on_stop=move |()| nav.go(Page::Home.path()) />
            })}
        </div>
    }
}
