//! Talk it through: role-play scenes as a chat. Choices are real buttons, a free-text
//! turn is a real text field, focus moves to the newest line after each turn, and the
//! conversation in progress is saved after every step so a reload carries on.

use crate::content;
use crate::domain::talk::{Next, Speaker, Tone, Walk};
use crate::domain::Band;
use crate::platform::{dom, speech};
use crate::state::settings::use_settings;
use crate::state::talk::{use_talk, Progress};
use crate::ui::breathe::Grounding;
use crate::ui::controls::Toggle;
use crate::ui::routes::Page;
use leptos::prelude::*;

fn who(speaker: Speaker) -> &'static str {
    match speaker {
        Speaker::Guide => "Guide",
        Speaker::Friend => "Friend",
        Speaker::Critic => "The critic",
        Speaker::Kind => "Your kind self",
        Speaker::You => "You",
        Speaker::Angry => "Angry you",
        Speaker::Anxious => "Anxious you",
        Speaker::Sad => "Sad you",
        Speaker::Parent => "Parent",
        Speaker::Other => "Someone",
    }
}

/// One entry of the chat: who, what, and a class for how it looks.
struct Bubble {
    speaker: &'static str,
    class: &'static str,
    text: String,
}

/// The whole conversation so far, the person's own choices and answers included.
fn bubbles(walk: &Walk) -> Vec<Bubble> {
    let band = walk.band();
    let mut out = Vec::new();
    for (i, line) in walk.path().iter().enumerate() {
        out.push(Bubble {
            speaker: who(line.speaker),
            class: line.speaker.as_str(),
            text: line.text(band).to_owned(),
        });
        if i + 1 == walk.path().len() {
            break;
        }
        let said = match line.next {
            Next::Choices(choices) => walk
                .picks()
                .get(i)
                .copied()
                .flatten()
                .and_then(|pick| choices.get(usize::from(pick)))
                .map(|c| c.label(band).to_owned()),
            Next::Write(turn) => Some(walk.answer(turn.key).unwrap_or("").to_owned()),
            _ => None,
        };
        if let Some(text) = said.filter(|t| !t.is_empty()) {
            out.push(Bubble {
                speaker: "You",
                class: "you",
                text,
            });
        }
    }
    out
}

#[component]
pub fn Talk() -> impl IntoView {
    dom::set_title("Talk it through");
    let talk = use_talk();
    let band = use_settings().with_untracked(|s| s.band.unwrap_or(Band::Mid));
    let (first, stale) = match talk.progress() {
        Progress::Walk(w) => (Some(w), false),
        Progress::None => (None, false),
        Progress::Stale => (None, true),
    };
    let walk = RwSignal::new(first);
    let stale = RwSignal::new(stale);
    let problem = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let too_much = RwSignal::new(false);
    let aloud = RwSignal::new(false);
    let draft = RwSignal::new(String::new());

    // After each step: save, move focus to the newest line, read it aloud if asked.
    let stepped = move || {
        let result = walk.with_untracked(|w| w.as_ref().map(|w| talk.save_progress(w)));
        problem.set(match result {
            Some(Err(e)) => Some(format!("This conversation isn't saved. {e}")),
            _ => None,
        });
        if aloud.get_untracked() {
            if let Some(text) = walk.with_untracked(|w| w.as_ref().map(|w| w.current().text(band)))
            {
                speech::say(text);
            }
        }
        dom::focus_after_render("#latest");
    };
    let start = move |id: &'static str| {
        let Some(scene) = content::talk_scene(id) else {
            return;
        };
        if let Ok(w) = Walk::start(scene, band) {
            if stale.get_untracked() {
                let _ = talk.end_progress(true);
                stale.set(false);
            }
            status.set(None);
            walk.set(Some(w));
            stepped();
        }
    };
    let step = move |f: &dyn Fn(&mut Walk) -> bool| {
        let mut moved = false;
        walk.update(|w| {
            if let Some(w) = w {
                moved = f(w);
            }
        });
        if moved {
            stepped();
        }
    };
    let leave = move |keep: bool| {
        let result = walk.with_untracked(|w| match w {
            Some(w) if keep => talk.keep(w, dom::today()),
            _ => Ok(()),
        });
        match result.and_then(|()| talk.end_progress(false)) {
            Ok(()) => {
                status.set(Some(if keep {
                    "Kept on this device. Only you can see it.".to_owned()
                } else {
                    "Not kept. Nothing of it stays on this device.".to_owned()
                }));
                walk.set(None);
                too_much.set(false);
                dom::focus_after_render("main h1");
            }
            Err(e) => problem.set(Some(format!("Couldn't finish up. {e}"))),
        }
    };

    let chooser = move || {
        view! {
            <h1>"Talk it through"</h1>
            <p class="lead">"Practise what you might say, to a friend or to yourself. There are no wrong answers here, and nothing is scored."</p>
            {move || stale.get().then(|| view! {
                <p class="card">"The conversation you had open can't carry on, because the scene has changed since. It is kept as it was, with your data."</p>
            })}
            <ul class="cards" role="list">
                {content::talk_scenes_for(band).map(|s| {
                    let id = s.id;
                    view! {
                        <li>
                            <button type="button" class="area area--button" on:click=move |_| start(id)>
                                <span class="area__text">
                                    <span class="area__title">{s.title(band)}</span>
                                    <span class="area__hint">{s.technique}</span>
                                </span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="fine-print">{move || talk.kept.list.with(|l| match l.len() {
                0 => String::new(),
                1 => "1 conversation kept on this device.".to_owned(),
                n => format!("{n} conversations kept on this device."),
            })}</p>
        }
    };

    let controls = move |w: &Walk| {
        let line = w.current();
        match line.next {
            Next::Line(_) => view! {
                <div class="actions">
                    <button type="button" class="button button--primary"
                        on:click=move |_| step(&|w| w.go_on().is_ok())>"Go on"</button>
                </div>
            }
            .into_any(),
            Next::Choices(choices) => view! {
                <div class="choice-list" role="group" aria-label="What do you say?">
                    {choices.iter().enumerate().map(|(i, c)| view! {
                        <button type="button" class=if c.tone == Tone::Critical { "button reply reply--critical" } else { "button reply" }
                            on:click=move |_| step(&|w| w.choose(i).is_ok())>{c.label(band)}</button>
                    }).collect_view()}
                </div>
            }
            .into_any(),
            Next::Write(turn) => {
                draft.set(w.answer(turn.key).unwrap_or("").to_owned());
                view! {
                    <form class="write" on:submit=move |e| {
                        e.prevent_default();
                        let text = draft.get_untracked();
                        step(&|w| w.write(&text).is_ok());
                    }>
                        <label for="answer">{turn.prompt(band)}</label>
                        <textarea id="answer" rows="3" maxlength="2000"
                            prop:value=move || draft.get()
                            on:input=move |e| draft.set(event_target_value(&e))></textarea>
                        <button type="submit" class="button button--primary">"Send"</button>
                    </form>
                }
                .into_any()
            }
            Next::End(reflection) => {
                let compared: Vec<(String, String)> = w
                    .compared()
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v.to_owned()))
                    .collect();
                view! {
                    <section class="card reflection" aria-labelledby="reflection-title">
                        <h2 id="reflection-title">"Looking back"</h2>
                        {(!compared.is_empty()).then(|| view! {
                            <div class="side-by-side">
                                {compared.into_iter().map(|(key, text)| view! {
                                    <figure class="said">
                                        <figcaption>{if key == "self" { "What you said to yourself" } else { "What you said to your friend" }}</figcaption>
                                        <p>{if text.is_empty() { "(left blank)".to_owned() } else { text }}</p>
                                    </figure>
                                }).collect_view()}
                            </div>
                        })}
                        {reflection.question.map(|q| view! { <p class="reflect"><strong>{q.get(band)}</strong></p> })}
                        <p class="hint">"Nobody sees this unless you choose to show them."</p>
                        <div class="actions">
                            <button type="button" class="button button--primary" on:click=move |_| leave(true)>"Keep this conversation"</button>
                            <button type="button" class="button" on:click=move |_| leave(false)>"Don't keep it"</button>
                        </div>
                    </section>
                }
                .into_any()
            }
        }
    };

    let scene_view = move || {
        walk.with(|w| {
            w.as_ref().map(|w| {
                let list = bubbles(w);
                let last = list.len().saturating_sub(1);
                view! {
                    <h1>{w.scene().title(band)}</h1>
                    // The log region holds a real list, so both are announced as such.
                    <div role="log" aria-label="Conversation">
                    <ol class="chat">
                        {list.into_iter().enumerate().map(|(i, b)| view! {
                            <li class=format!("bubble bubble--{}", b.class)
                                id=(i == last).then_some("latest") tabindex=(i == last).then_some("-1")>
                                <span class="bubble__who">{b.speaker}</span>
                                {b.text}
                            </li>
                        }).collect_view()}
                    </ol>
                    </div>
                    {move || (!too_much.get()).then(|| walk.with(|w| w.as_ref().map(controls)))}
                }
            })
        })
    };

    view! {
        <div class="talk">
            <div role="status" class="save-state">{move || status.get()}</div>
            <div role="alert">{move || problem.get().map(|p| view! { <p class="form-error">{p}</p> })}</div>
            {move || if walk.with(Option::is_some) { scene_view().into_any() } else { chooser().into_any() }}
            {move || walk.with(Option::is_some).then(|| view! {
                {move || too_much.get().then(|| view! {
                    <section class="card too-much" aria-labelledby="too-much-title">
                        <h2 id="too-much-title" tabindex="-1">"Let's pause here"</h2>
                        <p>"That's okay. The conversation waits for you. You could try this instead:"</p>
                        <Grounding />
                        <p>"If you want to talk to someone, "<a href=Page::Help.path()>"Help now"</a>" has free, private helplines."</p>
                        <div class="actions">
                            <button type="button" class="button" on:click=move |_| { too_much.set(false); dom::focus_after_render("#latest"); }>"Carry on"</button>
                            <a class="button" href=Page::Home.path()>"Stop for now"</a>
                        </div>
                    </section>
                })}
                <button type="button" class="button button--quiet" on:click=move |_| {
                    too_much.set(true);
                    dom::focus_after_render("#too-much-title");
                }>"This feels like too much"</button>
                {speech::available().then(|| view! {
                    <Toggle label="Read each new line aloud" checked=aloud on_change=Callback::new(move |on| aloud.set(on)) />
                })}
            })}
        </div>
    }
}
