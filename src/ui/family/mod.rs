//! The family section for parents and carers: a short course of lessons, rehearsals of
//! a hard conversation, and the parent's own marks and notes. It opens straight from a
//! link (no welcome, no age band needed), and it never reads a teen's records: every
//! family view gets its data from `FamilyState` (the parent's own keys) and content.

pub mod lesson;
pub mod rehearse;
pub mod together;

use super::controls::{options, RadioGroup};
use super::icons::*;
use super::routes::Page;
use crate::content::{FAMILY_SCENES, LESSONS};
use crate::domain::Band;
use crate::platform::dom;
use crate::state::family::use_family;
use crate::ui::section::later;
use leptos::prelude::*;

/// The promise on every family page.
#[component]
pub fn PrivacyNote() -> impl IntoView {
    view! {
        <p class="family-privacy">
            <IconLock />
            <span>"Nothing your teen writes or draws in Tend is shown here. These pages don't read it."</span>
        </p>
    }
}

/// Where a save failed, in words; empty when all is well.
pub fn problem_words(e: &crate::storage::StorageError) -> String {
    format!("That wasn't saved: {e}")
}

/// The parent's pick of their teen's age band, for the examples. Stored in the
/// parent's own family settings, never in the teen's.
#[component]
pub fn TeenBandPick() -> impl IntoView {
    let family = use_family();
    let problem = RwSignal::new(None::<String>);
    view! {
        <div class="card family-band">
            <RadioGroup
                legend="How old is your teen?"
                name="teen-band"
                hint="The lessons show examples for this age. You only pick once, and you can change it here."
                options={ options::<Band>() }
                selected=Signal::derive(move || family.teen_band().map(Band::as_str))
                on_pick=Callback::new(move |id: &'static str| {
                    if let Some(band) = Band::parse(id) {
                        problem.set(family.set_teen_band(band).err().map(|e| problem_words(&e)));
                    }
                })
            />
            <p class="form-error" role="alert">{move || problem.get()}</p>
        </div>
    }
}

/// `/family`: the course, the rehearsals, and the teen's age for the examples.
#[component]
pub fn Family() -> impl IntoView {
    dom::set_title("For families");
    let family = use_family();
    let done = move || LESSONS.iter().filter(|l| family.record(l.id).read).count();

    view! {
        <div class="family">
            <h1>"For parents and carers"</h1>
            <p class="lead">
                "Short lessons on how compassion works, and what to say when your teen is having a hard time. Each takes three to five minutes. Read them in any order."
            </p>
            <PrivacyNote />

            <section aria-labelledby="lessons-title">
                <h2 id="lessons-title">"Lessons"</h2>
                <p class="fine-print" aria-live="polite">
                    {move || match done() {
                        0 => "You can mark a lesson as read at its end, if that helps you keep your place.".to_owned(),
                        n => format!("You have marked {n} of {} as read.", LESSONS.len()),
                    }}
                </p>
                <ol class="cards family-lessons" role="list">
                    {LESSONS
                        .iter()
                        .map(|l| view! {
                            <li>
                                <a class="area family-lesson" href=l.path>
                                    <span class="area__text">
                                        <span class="area__title">{l.title}</span>
                                        <span class="area__hint">{l.summary}</span>
                                        <span class="family-lesson__meta">
                                            {format!("{} minutes", l.minutes)}
                                            {move || family.record(l.id).read.then(|| view! {
                                                <span class="family-read">"Read"</span>
                                            })}
                                        </span>
                                    </span>
                                    <IconArrow />
                                </a>
                            </li>
                        })
                        .collect_view()}
                </ol>
            </section>

            // The page in three parts as the app starts (ui::section::later).
            {later(Box::new(|| view! {
                <section aria-labelledby="rehearse-title">
                    <h2 id="rehearse-title">"Rehearse a hard conversation"</h2>
                    <p>
                        "Practise on your own, at any hour. You choose what to say, and a guide explains how each choice might feel to your teen. There are no scores."
                    </p>
                    <ul class="cards" role="list">
                        {FAMILY_SCENES
                            .iter()
                            .map(|s| view! {
                                <li>
                                    <a class="area family-lesson" href=s.path>
                                        <span class="area__text">
                                            <span class="area__title">{s.scene.title(Band::Adult)}</span>
                                            <span class="area__hint">{s.scene.preview(Band::Adult)}</span>
                                        </span>
                                        <IconArrow />
                                    </a>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </section>
            }.into_any()))}
            {later(Box::new(|| view! {
                <TeenBandPick />

                <section class="card" aria-labelledby="family-help-title">
                    <h2 id="family-help-title">"If you are worried right now"</h2>
                    <p>
                        "If your teen might be in danger, call your local emergency number. "
                        <a href=Page::Help.path()>"Help now"</a>
                        " has lines you can call or text, and many take calls from parents too."
                    </p>
                </section>
            }.into_any()))}
        </div>
    }
}

/// `/family` as plain HTML, for `family.html` (src/bin/pages.rs): the page a parent
/// arrives on paints at once, before any WebAssembly, and its links work with no script.
/// It is this component itself, rendered with nothing marked read and no age picked,
/// so the app takes it over without a change (see `dom::remove_static_page`).
/// Native builds only (tachys renders HTML with its `ssr` feature, see Cargo.toml); the
/// app never calls it.
pub fn static_html() -> String {
    let owner = Owner::new();
    owner.with(|| {
        let store =
            crate::state::Store::new(std::rc::Rc::new(crate::storage::MemoryStore::default()));
        provide_context(crate::state::family::FamilyState::new(store));
        untrack(|| view! { <Family /> }.to_html())
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::content::{FAMILY_SCENES, LESSONS};

    #[test]
    fn the_plain_family_page_is_the_page_itself_with_every_lesson_and_rehearsal() {
        let html = super::static_html();
        assert!(html.contains("<h1>For parents and carers</h1>"), "{html}");
        for l in LESSONS {
            assert!(html.contains(&format!("href=\"{}\"", l.path)), "{}", l.path);
        }
        for s in FAMILY_SCENES {
            assert!(html.contains(&format!("href=\"{}\"", s.path)), "{}", s.path);
        }
        // Nobody's marks: a page for whoever arrives.
        assert!(!html.contains("family-read"));
        assert!(html.contains("href=\"/help\""));
    }
}
