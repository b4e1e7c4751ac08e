//! Breathing for two: the breathing space's own timeline and default pattern (soothing
//! rhythm), one minute, with the shape moved by the compositor and the phase in words.
//! Nothing is saved: a breathing session a parent shares is not one of the teen's.

use crate::content;
use crate::domain::breathing::{phase_at, PhaseKind};
use crate::domain::keyframes::{self, Look};
use crate::platform::{animate, dom};
use crate::state::settings::use_settings;
use leptos::html;
use leptos::prelude::*;
use std::time::Duration;

/// One minute together.
const LENGTH_MS: u64 = 60_000;

#[component]
pub fn BreatheTogether() -> impl IntoView {
    let settings = use_settings();
    let shape = NodeRef::<html::Div>::new();
    let running = RwSignal::new(false);
    let phase = RwSignal::new(None::<PhaseKind>);
    let finished = RwSignal::new(false);
    let started_at = StoredValue::new(0.0_f64);
    let animation = StoredValue::new_local(None::<web_sys::Animation>);
    let timer = StoredValue::new(None::<IntervalHandle>);

    let stop = move || {
        if let Some(t) = timer.get_value() {
            t.clear();
        }
        timer.set_value(None);
        animation.update_value(|a| {
            if let Some(a) = a.take() {
                a.cancel();
            }
        });
        running.set(false);
        phase.set(None);
    };
    on_cleanup(stop);

    let start = move |_| {
        let pattern = content::default_pattern();
        let still = dom::reduced_motion(settings.with_untracked(|s| s.motion));
        let look = if still { Look::Still } else { Look::Moving };
        let plan = keyframes::plan(pattern, 0, LENGTH_MS, look);
        if let Some(el) = shape.get_untracked() {
            animation.set_value(animate::breathe(&el, &plan, !still).ok());
        }
        started_at.set_value(js_sys::Date::now());
        running.set(true);
        finished.set(false);
        phase.set(Some(PhaseKind::In));
        let handle = set_interval_with_handle(
            move || {
                let elapsed = (js_sys::Date::now() - started_at.get_value()).max(0.0) as u64;
                if elapsed >= LENGTH_MS {
                    stop();
                    finished.set(true);
                    return;
                }
                let now = phase_at(pattern, elapsed).kind;
                if phase.get_untracked() != Some(now) {
                    phase.set(Some(now));
                }
            },
            Duration::from_millis(200),
        );
        timer.set_value(handle.ok());
    };

    view! {
        <section class="card together no-print" aria-labelledby="together-title">
            <h2 id="together-title">"Breathe together for a minute"</h2>
            <p>
                "The same slow pace as Tend's breathing space. Breathe in as the shape grows, and out as it shrinks. If watching your breath feels uncomfortable, look at the shape and feel your feet instead."
            </p>
            <div class="together__stage">
                <div class="together__shape" node_ref=shape aria-hidden="true"></div>
                <p class="together__word" role="status">
                    {move || match (phase.get(), finished.get()) {
                        (Some(kind), _) => kind.label(),
                        (None, true) => "That's a minute. Well done, both of you.",
                        (None, false) => "",
                    }}
                </p>
            </div>
            <div class="actions">
                {move || if running.get() {
                    view! { <button type="button" class="button" on:click=move |_| stop()>"Stop"</button> }.into_any()
                } else {
                    view! { <button type="button" class="button button--primary" on:click=start>"Start breathing together"</button> }.into_any()
                }}
            </div>
        </section>
    }
}
