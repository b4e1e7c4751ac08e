//! Practice plans by link: making one (a therapist, in demo mode or from Settings),
//! opening one (`/plan#plan=…`, asks before adding), and the "Suggested for you" card
//! on Home. The plan travels inside the link; nothing is sent anywhere.

use super::controls::{options, RadioGroup};
use super::router::use_nav;
use super::routes::Page;
use crate::content;
use crate::domain::breathing::SessionLength;
use crate::domain::plan::{Item, Plan, Rhythm, MAX_ITEMS, MAX_NOTE_BYTES};
use crate::domain::settings::{Choice, Visual};
use crate::domain::Band;
use crate::platform::dom;
use crate::state::plan::{known, use_plan};
use crate::state::settings::{use_settings, SettingsState};
use leptos::prelude::*;

/// What an item is, in the reader's band: its kind, its title and a detail line.
pub fn describe(item: &Item, band: Band) -> (&'static str, String, String) {
    match item {
        Item::Breathe {
            pattern,
            length,
            visual,
        } => (
            "Breathing",
            content::pattern(pattern)
                .map_or("Breathing", |p| p.name(band))
                .to_owned(),
            format!(
                "{} with the {}",
                length.label(),
                visual.label().to_lowercase()
            ),
        ),
        Item::Draw { prompt } => (
            "Drawing",
            content::draw_prompt_title(prompt, band)
                .unwrap_or("Free drawing")
                .to_owned(),
            "In the drawing room".to_owned(),
        ),
        Item::Talk { scene } => (
            "Talk it through",
            content::talk_scene_title(scene, band)
                .unwrap_or("A conversation")
                .to_owned(),
            "A practice conversation".to_owned(),
        ),
    }
}

/// Where an item opens: the breathing space (set up by [`set_up`]), or the drawing room
/// and the dialogues asked for the item's prompt or scene. Those screens decide what
/// happens to work in progress (it is kept, never lost).
fn href_for(item: &Item) -> String {
    match item {
        Item::Breathe { .. } => Page::Breathe.path().to_owned(),
        Item::Draw { prompt } => format!("{}?prompt={prompt}", Page::Draw.path()),
        Item::Talk { scene } => format!("{}?scene={scene}", Page::Talk.path()),
    }
}

/// Sets the breathing space up as the plan suggests, just before its page opens: the
/// pattern, length and visual.
fn set_up(settings: SettingsState, item: &Item) {
    if let Item::Breathe {
        pattern,
        length,
        visual,
    } = item
    {
        settings.update(|s| {
            s.breath_pattern = Some(pattern.clone());
            s.breath_length = Some(*length);
            s.visual = Some(*visual);
        });
    }
}

/// Home's "Suggested for you": each item one tap into its exercise, with a quiet mark
/// the person can set when they have done it. No counts, no streaks, no reminders.
#[component]
pub fn SuggestedPlan() -> impl IntoView {
    let plans = use_plan();
    let settings = use_settings();
    let band = move || settings.with(|s| s.band.unwrap_or(Band::Mid));
    let problem = RwSignal::new(None::<String>);
    move || {
        plans.current.get().map(|(plan, done)| {
            let band = band();
            let note = plan.note.trim().to_owned();
            view! {
                <section class="card suggested" aria-labelledby="suggested-title">
                    <h2 id="suggested-title">"Suggested for you"</h2>
                    <p class="hint">{plan.rhythm.label()}</p>
                    {(!note.is_empty()).then(|| view! {
                        <blockquote class="suggested__note"><p>{note}</p></blockquote>
                    })}
                    <ul class="suggested__list" role="list">
                        {plan.items.into_iter().enumerate().map(|(i, item)| {
                            let (kind, title, detail) = describe(&item, band);
                            let is_done = done.get(i).copied().unwrap_or(false);
                            let href = href_for(&item);
                            let start = move |_| set_up(settings, &item);
                            let mark = move |_| {
                                if let Err(e) = plans.mark(i, !is_done) {
                                    problem.set(Some(format!("That mark isn't saved. {e}")));
                                }
                            };
                            view! {
                                <li class="suggested__item" class:suggested__item--done=is_done>
                                    <a class="suggested__start" href=href on:click=start>
                                        <span class="suggested__kind">{kind}</span>
                                        <span class="suggested__title">{title.clone()}</span>
                                        <span class="hint">{detail}</span>
                                    </a>
                                    <button type="button" class="suggested__mark"
                                        aria-pressed=if is_done { "true" } else { "false" } on:click=mark>
                                        {is_done.then(|| view! { <span aria-hidden="true">"✓ "</span> })}
                                        "Done"
                                        <span class="visually-hidden">{format!(": {title}")}</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <div role="alert">{move || problem.get().map(|p| view! { <p class="form-error">{p}</p> })}</div>
                    <button type="button" class="button suggested__remove" on:click=move |_| {
                        if let Err(e) = plans.remove() {
                            problem.set(Some(format!("The plan is still here. {e}")));
                        }
                    }>"Take this plan off Home"</button>
                </section>
            }
        })
    }
}

/// `/plan#plan=…`: a plan from a therapist's link. Shows what it suggests and asks
/// before adding it; a link Tend can't use is refused and nothing changes.
#[component]
pub fn PlanOpen() -> impl IntoView {
    dom::set_title("A practice plan");
    let plans = use_plan();
    let nav = use_nav();
    let band = use_settings().with_untracked(|s| s.band.unwrap_or(Band::Mid));
    let read_hash = || window().location().hash().unwrap_or_default();
    // Another plan link opened in this tab changes only the fragment: read it again.
    let hash = RwSignal::new(read_hash());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| hash.set(read_hash()));
    on_cleanup(move || listener.remove());
    let problem = RwSignal::new(None::<String>);
    move || {
        let link = hash.get();
        let had_plan = plans.current.with_untracked(Option::is_some);
        match Plan::decode(&link, known) {
            Err(e) => view! {
                <div class="plan-open">
                    <h1>"This plan can't be opened"</h1>
                    <p class="lead">{e.message()}</p>
                    <p>"Nothing was added, and nothing on this device changed."</p>
                    <a class="button" href=Page::Home.path()>"Go to Home"</a>
                </div>
            }
            .into_any(),
            Ok(plan) => {
                let note = plan.note.trim().to_owned();
                let rhythm = plan.rhythm.label();
                let items: Vec<_> = plan.items.iter().map(|i| describe(i, band)).collect();
                let add = move |_| match plans.add(&link, plan.clone()) {
                    Ok(()) => nav.replace(Page::Home.path()),
                    Err(e) => problem.set(Some(format!("The plan isn't added. {e}"))),
                };
                view! {
                <div class="plan-open">
                    <h1>"A practice plan for you"</h1>
                    <p class="lead">"Your therapist suggested:"</p>
                    <ul class="plan-list" role="list">
                        {items.into_iter().map(|(kind, title, detail)| view! {
                            <li class="card plan-list__item">
                                <span class="suggested__kind">{kind}</span>
                                <strong class="suggested__title">{title}</strong>
                                <span class="hint">{detail}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                    <p><strong>"How often: "</strong>{rhythm}</p>
                    {(!note.is_empty()).then(|| view! {
                        <figure class="suggested__note">
                            <figcaption>"In their words"</figcaption>
                            <blockquote><p>{note}</p></blockquote>
                        </figure>
                    })}
                    <p>"If you add it, it shows on your Home page, where each part is one tap away. " {crate::state::kept_words("It stays on this device.")}</p>
                    {had_plan.then(|| view! { <p class="notice">"It takes the place of the plan you have now."</p> })}
                    <div role="alert">{move || problem.get().map(|p| view! { <p class="form-error">{p}</p> })}</div>
                    <div class="actions">
                        <button type="button" class="button button--primary" on:click=add>"Add to my Home"</button>
                        <a class="button" href=Page::Home.path()>"Not now"</a>
                    </div>
                </div>
            }
            .into_any()
            }
        }
    }
}

/// `/plan/make`: builds a plan and its link (and QR code) on this device. Nothing is
/// saved: the plan exists only in the link.
#[component]
pub fn PlanMaker() -> impl IntoView {
    dom::set_title("Make a practice plan");
    let settings = use_settings();
    let band = move || settings.with(|s| s.band.unwrap_or(Band::Mid));
    let items = RwSignal::new(Vec::<Item>::new());
    let note = RwSignal::new(String::new());
    // Words typed for the plan live only in this page until its link is made and shared:
    // a new version of Tend waits while there are any.
    crate::state::busy::use_busy().hold_while(move || !note.with(|n| n.trim().is_empty()));
    let rhythm = RwSignal::new(Rhythm::FewTimes);
    let full = move || items.with(|i| i.len() >= MAX_ITEMS);
    let add = move |item: Item| {
        if !full() {
            items.update(|i| i.push(item));
        }
    };

    let b = band();
    let pattern = RwSignal::new(content::default_pattern().id.to_owned());
    let length = RwSignal::new(content::default_session(b));
    let visual = RwSignal::new(Visual::for_band(b));
    let prompt = RwSignal::new(
        content::draw_prompts_for(b)
            .find(|p| !p.is_free())
            .map_or("free", |p| p.id)
            .to_owned(),
    );
    let scene = RwSignal::new(
        content::talk_scenes_for(b)
            .next()
            .map_or("", |s| s.id)
            .to_owned(),
    );

    let link = Memo::new(move |_| {
        let plan = Plan {
            items: items.get(),
            note: note.get(),
            rhythm: rhythm.get(),
        };
        plan.encode().ok().map(|fragment| {
            let origin = window().location().origin().unwrap_or_default();
            format!("{origin}{}#{fragment}", Page::Plan.path())
        })
    });

    view! {
        <div class="plan-maker">
            <h1>"Make a practice plan"</h1>
            <p class="lead">"Choose a few exercises and add a note in your own words. Tend makes a link and a code to scan. The plan lives inside the link: it isn't sent anywhere or kept here."</p>

            <section class="card" aria-labelledby="maker-breathe">
                <h2 id="maker-breathe">"Breathing"</h2>
                <div class="field">
                    <label for="maker-pattern">"Pattern"</label>
                    <select id="maker-pattern" on:change=move |e| pattern.set(event_target_value(&e))>
                        {move || content::patterns_for(band()).map(|p| {
                            let id = p.id;
                            view! { <option value=id selected=move || pattern.with(|v| v == id)>{p.name(band())}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="maker-length">"Length"</label>
                    <select id="maker-length" on:change=move |e| {
                        if let Some(l) = SessionLength::parse(&event_target_value(&e)) { length.set(l) }
                    }>
                        {SessionLength::ALL.into_iter().map(|l| view! {
                            <option value=l.as_str() selected=move || length.get() == l>{l.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="maker-visual">"What to breathe with"</label>
                    <select id="maker-visual" on:change=move |e| {
                        if let Some(v) = Visual::with_id(&event_target_value(&e)) { visual.set(v) }
                    }>
                        {Visual::ALL.iter().map(|&v| view! {
                            <option value=v.as_str() selected=move || visual.get() == v>{v.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="button" class="button" disabled=full on:click=move |_| add(Item::Breathe {
                    pattern: pattern.get_untracked(),
                    length: length.get_untracked(),
                    visual: visual.get_untracked(),
                })>"Add breathing"</button>
            </section>

            <section class="card" aria-labelledby="maker-draw">
                <h2 id="maker-draw">"Drawing"</h2>
                <div class="field">
                    <label for="maker-prompt">"Prompt"</label>
                    <select id="maker-prompt" on:change=move |e| prompt.set(event_target_value(&e))>
                        {move || content::draw_prompts_for(band()).map(|p| {
                            let id = p.id;
                            view! { <option value=id selected=move || prompt.with(|v| v == id)>{p.title(band())}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button type="button" class="button" disabled=full on:click=move |_| add(Item::Draw {
                    prompt: prompt.get_untracked(),
                })>"Add drawing"</button>
            </section>

            <section class="card" aria-labelledby="maker-talk">
                <h2 id="maker-talk">"Talk it through"</h2>
                <div class="field">
                    <label for="maker-scene">"Scene"</label>
                    <select id="maker-scene" on:change=move |e| scene.set(event_target_value(&e))>
                        {move || content::talk_scenes_for(band()).map(|s| {
                            let id = s.id;
                            view! { <option value=id selected=move || scene.with(|v| v == id)>{s.title(band())}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button type="button" class="button" disabled=full on:click=move |_| add(Item::Talk {
                    scene: scene.get_untracked(),
                })>"Add conversation"</button>
            </section>

            <section class="plan-maker__plan" aria-labelledby="maker-plan">
                <h2 id="maker-plan">"The plan"</h2>
                {move || if items.with(Vec::is_empty) {
                    view! { <p class="hint">"Nothing added yet. Add up to six exercises."</p> }.into_any()
                } else {
                    view! {
                        <ol class="plan-list">
                            {move || items.get().into_iter().enumerate().map(|(i, item)| {
                                let (kind, title, detail) = describe(&item, band());
                                view! {
                                    <li class="card plan-list__item">
                                        <span class="suggested__kind">{kind}</span>
                                        <strong class="suggested__title">{title.clone()}</strong>
                                        <span class="hint">{detail}</span>
                                        <button type="button" class="button plan-list__remove" on:click=move |_| items.update(|v| { v.remove(i); })>
                                            "Remove"<span class="visually-hidden">{format!(": {title}")}</span>
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
                {move || full().then(|| view! { <p class="hint">"That's as many as one plan holds."</p> })}
                <div class="field">
                    <label for="maker-note">"A note in your own words (optional)"</label>
                    <textarea id="maker-note" rows="3"
                        prop:value=move || note.get()
                        on:input=move |e| note.set(clip_bytes(&event_target_value(&e), MAX_NOTE_BYTES))></textarea>
                    <p class="hint">{move || format!("{} of {MAX_NOTE_BYTES} letters left.", MAX_NOTE_BYTES - note.with(String::len))}</p>
                </div>
                <RadioGroup
                    legend="How often"
                    name="rhythm"
                    options={options::<Rhythm>()}
                    selected=Signal::derive(move || Some(rhythm.get().as_str()))
                    on_pick=Callback::new(move |id: &'static str| {
                        if let Some(r) = Rhythm::with_id(id) { rhythm.set(r) }
                    })
                />
            </section>

            {move || link.get().map(|link| view! { <PlanLink link=link /> })}
        </div>
    }
}

/// The finished link, to copy, and its QR code.
#[component]
fn PlanLink(link: String) -> impl IntoView {
    let chars = link.chars().count();
    view! {
        <section class="card plan-link" aria-labelledby="plan-link-title">
            <h2 id="plan-link-title">"Share it"</h2>
            <div class="field">
                <label for="plan-link">"Link to the plan"</label>
                <input id="plan-link" type="text" readonly prop:value=link.clone()
                    on:focus=|e| {
                        use wasm_bindgen::JsCast;
                        if let Some(i) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            i.select();
                        }
                    } />
                <p class="hint">{format!("{chars} characters.")}</p>
            </div>
            <super::qr::QrCode text=link />
        </section>
    }
}

/// `text` cut to at most `max` bytes of UTF-8, on a character boundary.
fn clip_bytes(text: &str, max: usize) -> String {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_owned()
}
