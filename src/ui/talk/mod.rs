//! Talk it through: role-play scenes as a chat. Each scene opens with a one-line
//! preview of what happens, with Start and Not today. Choices are real buttons, a
//! free-text turn is a real text field; after each turn the conversation log announces
//! the new line while focus stays on the next action, which is scrolled into view with
//! the newest line, and the conversation in progress is saved after every step so a
//! reload carries on.

mod reveal;

use crate::content;
use crate::domain::settings::Choice;
use crate::domain::talk::companion::{Companion, Form, Hue, Voice, MAX_NAME_CHARS};
use crate::domain::talk::{Next, Speaker, Tone, Walk};
use crate::domain::Band;
use crate::platform::{dom, speech};
use crate::state::busy::use_busy;
use crate::state::settings::use_settings;
use crate::state::talk::{use_talk, Progress};
use crate::ui::controls::{options, parse, RadioGroup, Toggle};
use crate::ui::router::use_nav;
use crate::ui::routes::Page;
use crate::ui::section::{Loading, Section};
use crate::ui::too_much::TooMuch;
use crate::ui::undo::Removal;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Shows `page` once the lines of the scenes `ids` are here (each scene's lines arrive
/// on their own, see [`content::load_talk_scenes`]): the section's placeholder while they
/// come, and, when they cannot, its message with "Try again" and Help now.
pub(crate) fn with_scenes(ids: Vec<String>, page: impl Fn() -> AnyView + 'static) -> impl IntoView {
    let page = Rc::new(page);
    let load = Rc::new(move || -> Loading {
        let (ids, page) = (ids.clone(), page.clone());
        Box::pin(async move {
            content::load_talk_scenes(ids).await?;
            Ok(page())
        })
    });
    view! { <Section load /> }
}

/// The speaker's name in the chat; the kind voice is the person's companion.
fn who(speaker: Speaker, companion: &Companion) -> String {
    let name = match speaker {
        Speaker::Kind => return companion.title(),
        Speaker::Guide => "Guide",
        Speaker::Friend => "Friend",
        Speaker::Critic => "The critic",
        Speaker::You => "You",
        Speaker::Angry => "Angry you",
        Speaker::Anxious => "Anxious you",
        Speaker::Sad => "Sad you",
        Speaker::Parent => "Parent",
        Speaker::Other => "Someone",
    };
    name.to_owned()
}

/// The companion as a small picture: its form, in its colour.
#[component]
pub fn CompanionPicture(hue: Hue, form: Form) -> impl IntoView {
    let shape = match form {
        Form::Sprout => "M24 12c10 0 16 7 16 15 0 8-7 12-16 12S8 35 8 27c0-8 6-15 16-15zM24 12V7m0 0c0-4 3-6 7-6-1 4-3 6-7 6",
        Form::Cloud => "M14 36a8 8 0 0 1-1-16 11 11 0 0 1 21-2 9 9 0 0 1 1 18z",
        Form::Star => "M24 5l5.6 11.4 12.6 1.8-9.1 8.9 2.2 12.5L24 33.7l-11.3 5.9 2.2-12.5-9.1-8.9 12.6-1.8z",
    };
    view! {
        <svg class=format!("pal pal--{} buddy", hue.as_str()) viewBox="0 0 48 44" aria-hidden="true" focusable="false">
            <path d=shape />
            <circle cx="19" cy="26" r="2" />
            <circle cx="29" cy="26" r="2" />
        </svg>
    }
}

/// One entry of the chat: who, what, and a class for how it looks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Bubble {
    pub speaker: String,
    pub class: &'static str,
    pub text: String,
}

/// The whole conversation so far, the person's own choices and answers included.
pub(crate) fn bubbles(walk: &Walk, companion: &Companion) -> Vec<Bubble> {
    let band = walk.band();
    let mut out = Vec::new();
    for (i, line) in walk.path().iter().enumerate() {
        out.push(Bubble {
            speaker: who(line.speaker, companion),
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
                speaker: "You".to_owned(),
                class: "you",
                text,
            });
        }
    }
    out
}

/// Which screen of the dialogues is showing, by scene id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    /// The scenes to choose from, the companion and the kept conversations.
    List,
    /// What happens in a scene, with Start and Not today, before it begins.
    Preview(&'static str),
    /// A scene being walked.
    Scene(&'static str),
}

/// The kind of turn a scene is at. While lines simply follow one another the same
/// "Go on" button stays on the page, so focus never leaves it; any other turn (choices,
/// a text field, the ending) is drawn afresh for its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Turn {
    GoOn,
    /// Any other turn, by how many lines have been shown.
    At(usize),
}

/// The dialogues, once the scenes they show at once are here: the one of the
/// conversation in progress and those of the kept conversations.
#[component]
pub fn Talk() -> impl IntoView {
    let talk = use_talk();
    with_scenes(talk.scenes_in_use(), || view! { <TalkPage /> }.into_any())
}

#[component]
fn TalkPage() -> impl IntoView {
    dom::set_title("Talk it through");
    let talk = use_talk();
    let nav = use_nav();
    let band = use_settings().with_untracked(|s| s.band.unwrap_or(Band::Mid));
    let (first, stale) = match talk.progress() {
        Progress::Walk(w) => (Some(w), false),
        Progress::None => (None, false),
        Progress::Stale => (None, true),
    };
    // Opened for a scene (a plan's item: `/talk?scene=friend-test`): its preview shows,
    // unless that very scene is already under way. Another conversation in progress is
    // kept when this one starts (see `start`), so nothing is lost.
    let asked = nav
        .query_untracked("scene")
        .and_then(|id| content::talk_scenes_for(band).find(|s| s.id == id))
        .map(|s| s.id)
        .filter(|id| first.as_ref().is_none_or(|w| w.scene().id != *id));
    if nav.query_untracked("scene").is_some() {
        // The address goes back to the dialogues, so a reload carries on here (after
        // this render: the route is being drawn right now).
        request_animation_frame(move || nav.replace(Page::Talk.path()));
    }
    let walk = RwSignal::new(first);
    let stale = RwSignal::new(stale);
    let chosen = RwSignal::new(asked);
    let problem = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let too_much = RwSignal::new(false);
    let aloud = RwSignal::new(false);
    let draft = RwSignal::new(String::new());

    // Memos, so that a step redraws only what changed: the heading, the log and a
    // "Go on" that is followed by another stay the same elements.
    // A chosen scene's preview comes first, even over a conversation in progress.
    let screen = Memo::new(move |_| match chosen.get() {
        Some(id) => Screen::Preview(id),
        None => walk.with(|w| {
            w.as_ref()
                .map_or(Screen::List, |w| Screen::Scene(w.scene().id))
        }),
    });
    let turn = Memo::new(move |_| {
        walk.with(|w| {
            w.as_ref().map(|w| match w.current().next {
                Next::Line(_) => Turn::GoOn,
                _ => Turn::At(w.path().len()),
            })
        })
    });
    let lines = Memo::new(move |_| {
        let companion = talk.companion.get_untracked();
        walk.with(|w| {
            w.as_ref()
                .map(|w| bubbles(w, &companion))
                .unwrap_or_default()
        })
    });

    // After each step: save, read the new line aloud if asked, and bring the newest line
    // and the next action into view with focus on the action. The log announces the
    // line, so focus stays where the person acts.
    let stepped = move || {
        let result = walk.with_untracked(|w| w.as_ref().map(|w| talk.save_progress(w)));
        problem.set(match result {
            Some(Err(e)) => Some(format!("This conversation isn't saved. {e}")),
            _ => None,
        });
        if aloud.get_untracked() {
            if let Some(line) = walk.with_untracked(|w| w.as_ref().map(|w| w.current())) {
                // The companion speaks the kind lines in the voice it was given.
                let pitch = if line.speaker == Speaker::Kind {
                    talk.companion.with_untracked(|c| c.voice.pitch())
                } else {
                    1.0
                };
                speech::say(line.text(band), pitch);
            }
        }
        reveal::step_into_view();
    };
    let start = move |id: &'static str| {
        let Some(scene) = content::talk_scene(id) else {
            return;
        };
        if let Ok(w) = Walk::start(scene, band) {
            // The conversation in progress is kept, as far as it got, before another
            // one starts.
            let before = walk.with_untracked(|w| {
                w.as_ref()
                    .filter(|w| w.scene().id != id)
                    .map(|w| (talk.keep(w, dom::today()), w.scene().title(w.band())))
            });
            let kept = match before {
                Some((Err(e), _)) => {
                    problem.set(Some(format!(
                        "The conversation you had open couldn't be kept, so it is still here. {e}"
                    )));
                    return;
                }
                Some((Ok(_), title)) => Some(title),
                None => None,
            };
            if stale.get_untracked() {
                let _ = talk.end_progress(true);
                stale.set(false);
            }
            status.set(kept.map(|title| {
                format!("\u{201c}{title}\u{201d} is kept in your conversations, as far as you got.")
            }));
            chosen.set(None);
            walk.set(Some(w));
            stepped();
        }
    };
    let preview = move |id: &'static str| {
        status.set(None);
        chosen.set(Some(id));
        dom::focus_after_render("main h1");
    };
    let not_today = move |id: &'static str| {
        chosen.set(None);
        if walk.with_untracked(Option::is_some) {
            dom::focus_after_render("main h1");
        } else {
            focus_scene_button(id);
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
                    crate::state::kept_words("Kept on this device.").to_owned()
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
                            <button type="button" class="area area--button" id=format!("scene-{id}")
                                on:click=move |_| preview(id)>
                                <span class="area__text">
                                    <span class="area__title">{s.title(band)}</span>
                                </span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <CompanionCard />
            <Kept />
        }
    };

    // The title of a conversation in progress, if there is one.
    let open_title = move || walk.with(|w| w.as_ref().map(|w| w.scene().title(w.band())));
    // Opening a scene brings its lines; until they are here the preview waits with them.
    let preview_view = move |id: &'static str| {
        with_scenes(vec![id.to_owned()], move || {
            content::talk_scene(id).map(|scene| {
            view! {
                <h1>{scene.title(band)}</h1>
                <section class="card scene-preview" aria-labelledby="preview-title">
                    <h2 id="preview-title">"What happens"</h2>
                    <p>{scene.preview(band)}</p>
                    <p class="hint">"You can pause or stop at any point, and nothing is scored."</p>
                    {move || open_title().map(|t| view! {
                        <p class="hint">{format!("You are part-way through \u{201c}{t}\u{201d}. If you start this one, that one is kept in your conversations, as far as you got.")}</p>
                    })}
                    <div class="actions">
                        <button type="button" class="button button--primary" on:click=move |_| start(id)>"Start"</button>
                        <button type="button" class="button" on:click=move |_| not_today(id)>
                            {move || match open_title() {
                                Some(t) => format!("Carry on with \u{201c}{t}\u{201d}"),
                                None => "Not today".to_owned(),
                            }}
                        </button>
                    </div>
                </section>
            }
        }).into_any()
        })
    };

    // The actions of a turn. The one that gets focus after a step has the id
    // `talk-next`: "Go on", the first choice, the text field, or the ending's heading.
    let controls = move |w: &Walk| {
        let line = w.current();
        match line.next {
            Next::Line(_) => controls_go_on(step).into_any(),
            Next::Choices(choices) => view! {
                <div class="choice-list" role="group" aria-label="What do you say?">
                    {choices.iter().enumerate().map(|(i, c)| view! {
                        <button type="button" class=if c.tone == Tone::Critical { "button reply reply--critical" } else { "button reply" }
                            id=(i == 0).then_some("talk-next")
                            on:click=move |_| step(&|w| w.choose(i).is_ok())>{c.label(band)}</button>
                    }).collect_view()}
                </div>
            }
            .into_any(),
            Next::Write(turn) => {
                draft.set(w.answer(turn.key).unwrap_or("").to_owned());
                // Words typed and not yet sent: a new version of Tend waits for them.
                use_busy().hold_while(move || draft.with(|d| !d.trim().is_empty()));
                view! {
                    <form class="write" on:submit=move |e| {
                        e.prevent_default();
                        let text = draft.get_untracked();
                        step(&|w| w.write(&text).is_ok());
                    }>
                        <label for="talk-next">{turn.prompt(band)}</label>
                        <textarea id="talk-next" rows="3" maxlength="2000"
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
                    <section class="card reflection" aria-labelledby="talk-next">
                        <h2 id="talk-next" tabindex="-1">"Looking back"</h2>
                        {(!compared.is_empty()).then(|| view! {
                            <div class="side-by-side">
                                {compared.into_iter().map(|(key, text)| view! {
                                    <figure class="said">
                                        <figcaption>{match key.as_str() {
                                            "self" => "What you said to yourself",
                                            "friend" => "What you said to your friend",
                                            _ => "What you wrote",
                                        }}</figcaption>
                                        <p>{if text.is_empty() { "(left blank)".to_owned() } else { text }}</p>
                                    </figure>
                                }).collect_view()}
                            </div>
                        })}
                        {reflection.question.map(|q| view! { <p class="reflect"><strong>{q.get(band)}</strong></p> })}
                        <crate::ui::privacy::WhoCanSee kept="A conversation you keep stays on this device, and nobody is watching Tend." />
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

    let scene_view = move |id: &'static str| {
        let title = content::talk_scene(id).map(|s| s.title(band));
        let hue = talk.companion.with_untracked(|c| c.hue.as_str());
        let last = move || lines.with(Vec::len).saturating_sub(1);
        view! {
            <h1>{title}</h1>
            // The log region stays on the page for the whole scene and only gains lines,
            // so a screen reader announces each new line once. It holds a real list.
            <div role="log" aria-label="Conversation">
                <ol class="chat">
                    <For each=move || lines.get().into_iter().enumerate()
                        key=|(i, b)| (*i, b.text.clone())
                        children=move |(i, b)| view! {
                            <li class=format!("bubble bubble--{} pal--{hue}", b.class)
                                id=move || (i == last()).then_some("latest")>
                                <span class="bubble__who">{b.speaker}</span>
                                {b.text}
                            </li>
                        } />
                </ol>
            </div>
            <div class="talk__turn" id="talk-turn">
                {move || (!too_much.get()).then(|| turn.get().map(|t| match t {
                    Turn::GoOn => controls_go_on(step).into_any(),
                    Turn::At(_) => walk.with_untracked(|w| w.as_ref().map(controls)).into_any(),
                }))}
                // While the card is open it is the one set of choices: the turn's
                // own actions above are hidden (see the closure before this one).
                <TooMuch open=too_much
                    status="The conversation waits for you, right where you left it."
                    carry_on="Carry on talking"
                    on_open=move |()| {}
                    on_carry_on=move |()| reveal::step_into_view()
                    on_stop=move |()| nav.go(Page::Home.path()) />
            </div>
            {speech::available().then(|| view! {
                <Toggle label="Read each new line aloud" checked=aloud on_change=Callback::new(move |on| aloud.set(on)) />
            })}
        }
    };

    view! {
        <div class="talk">
            <div role="status" class="save-state">{move || status.get()}</div>
            <div role="alert">{move || problem.get().map(|p| view! { <p class="form-error">{p}</p> })}</div>
            {move || match screen.get() {
                Screen::List => chooser().into_any(),
                Screen::Preview(id) => preview_view(id).into_any(),
                Screen::Scene(id) => scene_view(id).into_any(),
            }}
        </div>
    }
}

/// "Go on": the same for every plain line, so it is drawn once for a run of them.
fn controls_go_on(step: impl Fn(&dyn Fn(&mut Walk) -> bool) + Copy + 'static) -> impl IntoView {
    view! {
        <div class="actions">
            <button type="button" class="button button--primary" id="talk-next"
                on:click=move |_| step(&|w| w.go_on().is_ok())>"Go on"</button>
        </div>
    }
}

/// Back on the list after "Not today": focus returns to the scene's own button.
fn focus_scene_button(id: &'static str) {
    request_animation_frame(move || {
        let button = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&format!("scene-{id}")))
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(button) = button {
            let _ = button.focus();
        }
    });
}

/// Shape your kind companion: it speaks the kind lines in every scene.
#[component]
fn CompanionCard() -> impl IntoView {
    let talk = use_talk();
    let problem = RwSignal::new(None::<String>);
    let shape = move |change: &dyn Fn(&mut Companion)| {
        problem.set(
            talk.shape(|c| change(c))
                .err()
                .map(|e| format!("Your companion isn't saved. {e}")),
        );
    };
    let c = talk.companion;
    view! {
        <section class="card companion-card" aria-labelledby="companion-title">
            <h2 id="companion-title">"Your kind companion"</h2>
            <div class="companion-card__top">
                {move || c.with(|c| view! { <CompanionPicture hue=c.hue form=c.form /> })}
                <p>"A kind voice that speaks up for you in every conversation. Make it yours, if you like."</p>
            </div>
            <div class="field">
                <label for="companion-name">"Name"</label>
                <input id="companion-name" type="text" maxlength="30" autocomplete="off"
                    prop:value=move || c.with(|c| c.name.clone())
                    on:input=move |e| {
                        let name = crate::domain::clip(&event_target_value(&e), MAX_NAME_CHARS);
                        shape(&|c| c.name = name.clone());
                    } />
            </div>
            <RadioGroup legend="Colour" name="companion-hue" options={options::<Hue>()}
                selected=Signal::derive(move || Some(c.with(|c| c.hue.as_str())))
                on_pick=Callback::new(move |id| if let Some(h) = parse::<Hue>(id) { shape(&|c| c.hue = h) }) />
            <RadioGroup legend="Form" name="companion-form" options={options::<Form>()}
                selected=Signal::derive(move || Some(c.with(|c| c.form.as_str())))
                on_pick=Callback::new(move |id| if let Some(f) = parse::<Form>(id) { shape(&|c| c.form = f) }) />
            {speech::available().then(|| view! {
                <RadioGroup legend="Voice, when lines are read aloud" name="companion-voice" options={options::<Voice>()}
                    selected=Signal::derive(move || Some(c.with(|c| c.voice.as_str())))
                    on_pick=Callback::new(move |id| if let Some(v) = parse::<Voice>(id) { shape(&|c| c.voice = v) }) />
            })}
            <div role="alert">{move || problem.get().map(|p| view! { <p class="form-error">{p}</p> })}</div>
        </section>
    }
}

/// Conversations the person chose to keep: read them again, or delete them (with undo).
#[component]
fn Kept() -> impl IntoView {
    let talk = use_talk();
    let removal = Removal::new(talk.kept);
    let open = RwSignal::new(None::<String>);
    // A conversation kept in another tab may be in a scene whose lines are not here yet:
    // they are brought, and the list drawn again.
    let arrived = RwSignal::new(0u32);
    view! {
        {removal.view()}
        {move || {
            arrived.track();
            let list = talk.kept.list().get();
            let missing: Vec<String> = talk
                .kept_scenes()
                .into_iter()
                .filter(|id| content::talk_scene_title(id, Band::Early).is_some() && content::talk_scene(id).is_none())
                .collect();
            if !missing.is_empty() {
                leptos::task::spawn_local(async move {
                    if content::load_talk_scenes(missing).await.is_ok() {
                        arrived.update(|n| *n += 1);
                    }
                });
            }
            (!list.is_empty()).then(|| view! {
                <section class="kept" aria-labelledby="kept-title">
                    <h2 id="kept-title">"Conversations you kept"</h2>
                    <crate::ui::privacy::WhoCanSee kept="Conversations you keep stay on this device, and nobody is watching Tend." />
                    <ul class="sessions" role="list">
                        {list.into_iter().map(|e| {
                            // A kept walk is checked against the scenes as they are now.
                            let walk = content::restore_walk(&e.value.walk).ok();
                            let title = walk.as_ref().map_or_else(
                                || "A conversation from an older version".to_owned(),
                                |w| w.scene().title(w.band()).to_owned(),
                            );
                            let when = crate::domain::date::long_date(e.value.day);
                            let (key, del_key, del_title) = (e.key.clone(), e.key.clone(), title.clone());
                            let key = StoredValue::new(key);
                            let shown = move || open.with(|o| key.with_value(|k| o.as_deref() == Some(k.as_str())));
                            let toggle_key = e.key.clone();
                            view! {
                                <li class="card">
                                    <h3>{title.clone()}</h3>
                                    <p class="hint">{when.clone()}</p>
                                    {move || shown().then(|| match &walk {
                                        Some(w) => {
                                            let companion = talk.companion.get_untracked();
                                            view! {
                                                <ol class="chat">
                                                    {bubbles(w, &companion).into_iter().map(|b| view! {
                                                        <li class=format!("bubble bubble--{}", b.class)>
                                                            <span class="bubble__who">{b.speaker}</span>
                                                            {b.text}
                                                        </li>
                                                    }).collect_view()}
                                                </ol>
                                            }.into_any()
                                        }
                                        None => view! {
                                            <p>"The scene has changed since, so this can't be shown here. It is kept as it was, and included when you export."</p>
                                        }.into_any(),
                                    })}
                                    <div class="actions">
                                        <button type="button" class="button" aria-expanded=move || if shown() { "true" } else { "false" }
                                            aria-label=format!("Read {title}, {when}")
                                            on:click=move |_| open.update(|o| {
                                                *o = if o.as_deref() == Some(toggle_key.as_str()) { None } else { Some(toggle_key.clone()) };
                                            })>"Read"</button>
                                        <button type="button" class="button button--quiet" aria-label=format!("Delete {del_title}")
                                            on:click=move |_| removal.delete(&del_key, format!("\u{201c}{del_title}\u{201d}"))>"Delete"</button>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            })
        }}
    }
}
