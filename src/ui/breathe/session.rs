//! A breathing session as it runs. The shape moves by a Web Animation planned from the
//! timeline, so the compositor keeps it smooth however busy the page is; the animation's
//! own clock is the session clock (it stops when paused), and a timer set for each phase
//! boundary changes the words, the announcement and the cues.

use super::{Chosen, Outcome};
use crate::domain::breathing::{phase_at, PhaseKind};
use crate::domain::keyframes::{plan, word_plan, Look};
use crate::domain::settings::Choice;
use crate::domain::settings::Visual;
use crate::platform::animate;
use crate::platform::cues::{self, Cue, Tones, WakeLock};
use crate::state::breathing::{use_breath, BreathState};
use crate::state::settings::use_settings;
use crate::ui::announce::use_announcer;
use crate::ui::icons::Companion;
use crate::ui::too_much::TooMuch;
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Planned in stretches: a session without an end gets a fresh stretch when one runs out.
const STRETCH_MS: u64 = 10 * 60_000;
/// Timers wake a little after a boundary, so the phase they read is the new one.
const LATE_MS: u64 = 15;

/// Which phases a word is shown for.
type Shows = fn(PhaseKind) -> bool;

/// The words under the shape; each fades in while its phases are under way.
const WORDS: [(&str, Shows); 3] = [
    ("Breathe in", |k| k == PhaseKind::In),
    ("Hold", PhaseKind::is_hold),
    ("Breathe out", |k| k == PhaseKind::Out),
];

/// The browser objects of a running session; none of them may cross threads.
struct Engine {
    /// The shape, then one element per word.
    els: Vec<web_sys::Element>,
    /// One animation per element, all on the same timing; the first is the clock.
    anims: Vec<web_sys::Animation>,
    /// Session time at which the current animation began.
    anim_start: u64,
    anim_end: u64,
    timer: Option<TimeoutHandle>,
    tones: Option<Tones>,
    lock: Option<WakeLock>,
}

/// Handles to one session, all `Copy`, so timers and listeners can share them.
#[derive(Clone, Copy)]
struct Run {
    chosen: StoredValue<Chosen>,
    engine: StoredValue<Option<Engine>, LocalStorage>,
    phase: RwSignal<Option<PhaseKind>>,
    paused: RwSignal<bool>,
    /// The breath whose phase was last cued, so a resumed phase is not cued twice.
    cued: StoredValue<Option<(u64, PhaseKind)>>,
    look: Look,
    sound: bool,
    vibration: bool,
    volume: f32,
    on_end: Callback<Outcome>,
    /// Where the session's progress is kept beyond this page.
    breath: BreathState,
}

impl Run {
    fn elapsed(&self) -> u64 {
        self.engine.with_value(|e| {
            e.as_ref().map_or(0, |e| {
                e.anim_start + e.anims[0].current_time().unwrap_or(0.0).max(0.0) as u64
            })
        })
    }

    /// Plans and starts the shape's movement and the words from the breath under
    /// `from_ms`.
    fn animate(
        &self,
        els: &[web_sys::Element],
        from_ms: u64,
    ) -> Option<(Vec<web_sys::Animation>, u64, u64)> {
        let (rhythm, end) = self.chosen.with_value(|c| (c.rhythm, c.end_ms));
        let until = end.unwrap_or(from_ms + STRETCH_MS);
        let shape = plan(rhythm, from_ms, until, self.look);
        let mut anims = vec![animate::breathe(&els[0], &shape, true).ok()?];
        for (el, (_, shows)) in els[1..].iter().zip(WORDS) {
            anims.push(animate::breathe(el, &word_plan(rhythm, &shape, shows), false).ok()?);
        }
        // Start part-way into the breath under way (after a re-plan).
        for a in &anims {
            a.set_current_time(Some((from_ms - shape.start_ms) as f64));
        }
        Some((anims, shape.start_ms, shape.start_ms + shape.duration_ms))
    }

    /// Starts (or, after the page was left, starts again) from `from_ms`, paused if the
    /// session was paused.
    fn start(&self, els: Vec<web_sys::Element>, from_ms: u64, paused: bool) {
        let tones = if self.sound { Tones::new() } else { None };
        if let Some((anims, anim_start, anim_end)) = self.animate(&els, from_ms) {
            self.engine.set_value(Some(Engine {
                els,
                anims,
                anim_start,
                anim_end,
                timer: None,
                tones,
                lock: None,
            }));
        }
        if paused {
            let rhythm = self.chosen.with_value(|c| c.rhythm);
            let phase = phase_at(rhythm, from_ms);
            self.phase.set(Some(phase.kind));
            self.cued.set_value(Some((phase.index, phase.kind)));
            self.paused.set(true);
            self.engine.with_value(|e| {
                for a in e.iter().flat_map(|e| &e.anims) {
                    let _ = a.pause();
                }
            });
            return;
        }
        self.keep_awake();
        self.tick();
    }

    /// Keeps the session's time beyond this page.
    fn keep_place(&self, paused: bool) {
        self.breath.reached(self.elapsed(), paused);
    }

    /// Reads the clock, updates words and cues, and sets the timer for the next phase.
    fn tick(&self) {
        self.clear_timer();
        if self.paused.get_untracked() {
            return;
        }
        let mut elapsed = self.elapsed();
        let (rhythm, end) = self.chosen.with_value(|c| (c.rhythm, c.end_ms));
        if end.is_some_and(|end| elapsed >= end) {
            self.finish(true);
            return;
        }
        // An open-ended session reached the end of its planned stretch: plan the next.
        if self
            .engine
            .with_value(|e| e.as_ref().is_some_and(|e| elapsed >= e.anim_end))
        {
            let els = self
                .engine
                .with_value(|e| e.as_ref().map(|e| e.els.clone()));
            if let Some((anims, start, stop)) = els.and_then(|els| self.animate(&els, elapsed)) {
                self.engine.update_value(|e| {
                    if let Some(e) = e {
                        for a in e.anims.drain(..) {
                            a.cancel();
                        }
                        e.anims = anims;
                        e.anim_start = start;
                        e.anim_end = stop;
                    }
                });
                elapsed = self.elapsed();
            }
        }
        let phase = phase_at(rhythm, elapsed);
        self.phase.set(Some(phase.kind));
        if self.cued.get_value() != Some((phase.index, phase.kind)) {
            self.cued.set_value(Some((phase.index, phase.kind)));
            self.cue(phase.kind, phase.ends_ms().saturating_sub(elapsed));
        }
        let mut next = phase.ends_ms();
        if let Some(end) = end {
            next = next.min(end);
        }
        let run = *self;
        let wait = Duration::from_millis(next.saturating_sub(elapsed) + LATE_MS);
        if let Ok(handle) = set_timeout_with_handle(move || run.tick(), wait) {
            self.engine.update_value(|e| {
                if let Some(e) = e {
                    e.timer = Some(handle);
                }
            });
        }
    }

    fn cue(&self, kind: PhaseKind, left_ms: u64) {
        let cue = match kind {
            PhaseKind::In => Cue::In,
            PhaseKind::Out => Cue::Out,
            _ => return,
        };
        if self.vibration {
            cues::vibrate(cue);
        }
        let volume = self.volume;
        self.engine.with_value(|e| {
            if let Some(tones) = e.as_ref().and_then(|e| e.tones.as_ref()) {
                let _ = tones.play(cue, left_ms as f64 / 1000.0, volume);
            }
        });
    }

    fn clear_timer(&self) {
        self.engine.try_update_value(|e| {
            if let Some(timer) = e.as_mut().and_then(|e| e.timer.take()) {
                timer.clear();
            }
        });
    }

    fn keep_awake(&self) {
        let run = *self;
        leptos::task::spawn_local(async move {
            let Ok(lock) = WakeLock::request().await else {
                return;
            };
            // Paused, stopped or left while the browser was deciding: let the screen
            // sleep. (The session may be gone by now, so nothing here may assume it.)
            let running = run.paused.try_get_untracked() == Some(false)
                && run.engine.try_with_value(|e| e.is_some()) == Some(true);
            if running {
                run.engine.try_update_value(|e| {
                    if let Some(e) = e {
                        e.lock = Some(lock);
                    }
                });
            } else {
                lock.release().await;
            }
        });
    }

    fn let_sleep(&self) {
        let lock = self
            .engine
            .try_update_value(|e| e.as_mut().and_then(|e| e.lock.take()))
            .flatten();
        if let Some(lock) = lock {
            leptos::task::spawn_local(async move { lock.release().await });
        }
    }

    fn pause(&self) {
        if self.paused.get_untracked() || self.engine.with_value(Option::is_none) {
            return;
        }
        self.paused.set(true);
        self.clear_timer();
        self.engine.with_value(|e| {
            for a in e.iter().flat_map(|e| &e.anims) {
                let _ = a.pause();
            }
        });
        self.let_sleep();
        self.keep_place(true);
    }

    fn resume(&self) {
        if !self.paused.get_untracked() {
            return;
        }
        self.paused.set(false);
        self.engine.with_value(|e| {
            for a in e.iter().flat_map(|e| &e.anims) {
                let _ = a.play();
            }
        });
        self.keep_place(false);
        self.keep_awake();
        self.tick();
    }

    fn toggle(&self) {
        if self.paused.get_untracked() {
            self.resume();
        } else {
            self.pause();
        }
    }

    /// Ends the session once: stops everything and reports how it went.
    fn finish(&self, finished: bool) {
        let elapsed = self.elapsed();
        self.clear_timer();
        self.let_sleep();
        let Some(engine) = self.engine.try_update_value(Option::take).flatten() else {
            return;
        };
        for a in &engine.anims {
            a.cancel();
        }
        drop(engine);
        self.on_end.run(Outcome {
            seconds: (elapsed / 1000) as u32,
            finished,
        });
    }
}

/// The running session: the shape, the words, and the controls.
#[component]
pub fn Session(
    /// What to breathe with.
    chosen: Chosen,
    /// Session time to start from: 0 for a new session, more when coming back to one.
    at_ms: u64,
    /// Come back to it paused.
    paused: bool,
    /// Called once when the session ends, by itself or by Stop.
    on_end: Callback<Outcome>,
) -> impl IntoView {
    let settings = use_settings();
    let s = settings.get();
    let visual = chosen.visual;
    let name = chosen.name.clone();
    let run = Run {
        chosen: StoredValue::new(chosen),
        engine: StoredValue::new_local(None),
        phase: RwSignal::new(None),
        paused: RwSignal::new(false),
        cued: StoredValue::new(None),
        look: if crate::platform::dom::reduced_motion(s.motion) {
            Look::Still
        } else {
            Look::Moving
        },
        sound: s.sound,
        vibration: s.vibration,
        volume: f32::from(s.volume) / 100.0,
        on_end,
        breath: use_breath(),
    };
    let too_much = RwSignal::new(false);

    // The shape and its words start together, once all are on the page.
    let shape = NodeRef::<Div>::new();
    shape.on_load(move |el| {
        let el: web_sys::Element = el.into();
        let mut els = vec![el.clone()];
        if let Some(words) = el.parent_element().and_then(|p| p.next_element_sibling()) {
            let children = words.children();
            els.extend((0..children.length()).filter_map(|i| children.item(i)));
        }
        run.start(els, at_ms, paused);
    });

    // Space pauses and resumes, Escape stops. Space on a focused button already presses
    // that button, so it is left to the button.
    let keys = window_event_listener(ev::keydown, move |e| {
        let on_control = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|t| {
                t.closest("button, a, input, textarea, select")
                    .ok()
                    .flatten()
                    .is_some()
            });
        match e.key().as_str() {
            " " if !on_control && !too_much.get_untracked() => {
                e.prevent_default();
                run.toggle();
            }
            "Escape" => run.finish(false),
            _ => {}
        }
    });
    // A hidden tab pauses: the person comes back to where they left off.
    let hide = window_event_listener(ev::visibilitychange, move |_| {
        let hidden = document().visibility_state() == web_sys::VisibilityState::Hidden;
        if hidden {
            run.pause();
        }
    });
    on_cleanup(move || {
        keys.remove();
        hide.remove();
        // Leaving the page mid-session (for Help, say) pauses it where it was: coming
        // Back finds it there. (A session that ended has no engine left by now.)
        if run.engine.try_with_value(Option::is_some) == Some(true) {
            run.keep_place(true);
        }
        run.clear_timer();
        run.let_sleep();
        if let Some(Some(e)) = run.engine.try_update_value(Option::take) {
            for a in &e.anims {
                a.cancel();
            }
        }
    });

    // Only phase changes (and pausing) are announced: no countdown. The words go to the
    // app's one live region, there from the first paint, so even the first is heard.
    let announcer = use_announcer();
    Effect::new(move |_| {
        if !settings.with(|s| s.announce) {
            return;
        }
        let text = if run.paused.get() {
            "Paused"
        } else {
            run.phase.get().map_or("", PhaseKind::label)
        };
        if !text.is_empty() {
            announcer.say(text);
        }
    });
    on_cleanup(move || announcer.clear());

    view! {
        <div class="session">
            <h1 class="session__title">{name}</h1>
            <div class=format!("breath breath--{}", visual.as_str())>
                <div class="breath__shape" data-testid="breath-shape" node_ref=shape>
                    {match visual {
                        Visual::Orb => ().into_any(),
                        Visual::Wave => view! {
                            <svg viewBox="0 0 100 100" aria-hidden="true" focusable="false">
                                <path d="M0 55q12-10 25 0t25 0 25 0 25 0V100H0z" />
                                <path class="breath__crest" d="M0 68q12-8 25 0t25 0 25 0 25 0V100H0z" />
                            </svg>
                        }.into_any(),
                        Visual::Creature => view! { <Companion /> }.into_any(),
                    }}
                </div>
            </div>
            // Drawn by the animations, not by the main thread; the status line below
            // says the same for screen readers.
            <p class="breath__words" aria-hidden="true">
                {WORDS.map(|(word, _)| view! { <span>{word}</span> })}
            </p>
            <p class="breath__paused" aria-hidden="true">{move || run.paused.get().then_some("Paused")}</p>
            // While "too much" is open its card is the one set of choices.
            <div class="session__controls" hidden=move || too_much.get()>
                <button type="button" id="pause" class="button button--primary" aria-keyshortcuts="Space"
                    on:click=move |_| run.toggle()>
                    {move || if run.paused.get() { "Resume" } else { "Pause" }}
                </button>
                <button type="button" class="button" aria-keyshortcuts="Escape"
                    on:click=move |_| run.finish(false)>"Stop"</button>
            </div>
            <p class="hint session__keys" hidden=move || too_much.get()>"Space pauses, Escape stops."</p>
            <TooMuch
                open=too_much
                status="The breathing is paused, and the shape is still."
                carry_on="Carry on breathing"
                on_open=move |()| run.pause()
                on_carry_on=move |()| {
                    run.resume();
                    crate::platform::dom::focus_after_render("#pause");
                }
                on_stop=move |()| run.finish(false)
            />
        </div>
    }
}
