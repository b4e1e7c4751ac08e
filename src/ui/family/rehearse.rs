//! Rehearse a hard conversation: a parent's scene in the dialogue engine. The parent
//! chooses what to say; the guide explains what each choice might do to the teen's
//! threat system. It opens with a plain preview and a "not today". Nothing is stored:
//! a rehearsal is practice, and closing it leaves no trace.

use super::PrivacyNote;
use crate::domain::family::FamilyScene;
use crate::domain::talk::{Next, Speaker, Walk};
use crate::domain::Band;
use crate::platform::dom;
use crate::ui::routes::Page;
use leptos::prelude::*;

/// Rehearsals have one text for every band.
const BAND: Band = Band::Adult;

fn who(speaker: Speaker) -> &'static str {
    match speaker {
        Speaker::Other | Speaker::Friend => "Your teen",
        Speaker::You | Speaker::Parent => "You",
        _ => "Guide",
    }
}

fn class(speaker: Speaker) -> &'static str {
    match speaker {
        Speaker::Other | Speaker::Friend => "other",
        Speaker::You | Speaker::Parent => "you",
        _ => "guide",
    }
}

#[component]
pub fn Rehearsal(scene: &'static FamilyScene) -> impl IntoView {
    let title = scene.scene.title(BAND);
    dom::set_title(title);
    let started = RwSignal::new(false);
    let walk = RwSignal::new(Walk::start(&scene.scene, BAND).ok());

    let after_turn = move || dom::focus_after_render(".chat > li:last-child .bubble");
    let restart = move |_| {
        walk.set(Walk::start(&scene.scene, BAND).ok());
        after_turn();
    };

    let chat = move || {
        walk.with(|w| {
            let Some(w) = w else { return Vec::new() };
            let mut out = Vec::new();
            for (i, line) in w.path().iter().enumerate() {
                out.push((
                    who(line.speaker),
                    class(line.speaker),
                    line.text(BAND).to_owned(),
                ));
                if i + 1 == w.path().len() {
                    break;
                }
                if let Next::Choices(choices) = line.next {
                    if let Some(c) = w
                        .picks()
                        .get(i)
                        .copied()
                        .flatten()
                        .and_then(|p| choices.get(usize::from(p)))
                    {
                        out.push(("You", "you", c.label(BAND).to_owned()));
                    }
                }
            }
            out
        })
    };

    let go_on = move |_| {
        walk.update(|w| {
            if let Some(w) = w {
                let _ = w.go_on();
            }
        });
        after_turn();
    };

    let turn = move || {
        let current = walk.with(|w| w.as_ref().map(|w| (w.current().next, w.is_finished())));
        match current {
            Some((Next::Line(_), _)) => view! {
                <button type="button" class="button button--primary" on:click=go_on>"Continue"</button>
            }
            .into_any(),
            Some((Next::Choices(choices), _)) => view! {
                <div class="choice-list" role="group" aria-label="What you could say">
                    {choices
                        .iter()
                        .enumerate()
                        .map(|(i, c)| view! {
                            <button
                                type="button"
                                class="button reply"
                                on:click=move |_| {
                                    walk.update(|w| {
                                        if let Some(w) = w {
                                            let _ = w.choose(i);
                                        }
                                    });
                                    after_turn();
                                }
                            >
                                {c.label(BAND)}
                            </button>
                        })
                        .collect_view()}
                </div>
            }
            .into_any(),
            Some((Next::Write(_), _)) => view! {
                <button type="button" class="button button--primary" on:click=go_on>"Continue"</button>
            }
            .into_any(),
            Some((Next::End(reflection), _)) => view! {
                <div class="card rehearse__end">
                    {reflection.question(BAND).map(|q| view! {
                        <p><strong>"Something to think about: "</strong>{q}</p>
                    })}
                    <div class="actions">
                        <button type="button" class="button" on:click=restart>"Try it again"</button>
                        <a class="button button--primary" href=Page::Family.path()>"Back to the family section"</a>
                    </div>
                </div>
            }
            .into_any(),
            None => ().into_any(),
        }
    };

    view! {
        <div class="family rehearse">
            <h1>{title}</h1>
            <PrivacyNote />
            {move || if started.get() {
                view! {
                    <ol class="chat" aria-label="The conversation" aria-live="polite">
                        {chat()
                            .into_iter()
                            .map(|(who, class, text)| view! {
                                <li>
                                    <p class=format!("bubble bubble--{class}") tabindex="-1">
                                        <span class="bubble__who">{who}</span>
                                        {text}
                                    </p>
                                </li>
                            })
                            .collect_view()}
                    </ol>
                    {turn}
                }
                .into_any()
            } else {
                view! {
                    <div class="card">
                        <p><strong>"What happens: "</strong>{scene.scene.preview(BAND)}</p>
                        <p class="fine-print">
                            "This is practice, with no scores. Nothing you choose here is kept."
                        </p>
                        <div class="actions">
                            <button
                                type="button"
                                class="button button--primary"
                                on:click=move |_| {
                                    started.set(true);
                                    after_turn();
                                }
                            >
                                "Start"
                            </button>
                            <a class="button" href=Page::Family.path()>"Not today"</a>
                        </div>
                    </div>
                }
                .into_any()
            }}
        </div>
    }
}
