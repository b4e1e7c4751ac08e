//! One family lesson: its sections, the before-and-after example for the teen's age
//! the parent picked, the help lines or the breathing for two where the lesson has
//! them, one thing to try this week, a mark as read and a short note of the parent's
//! own, and the sources. Prints cleanly (style/family.css).

use super::together::BreatheTogether;
use super::{problem_words, PrivacyNote, TeenBandPick};
use crate::content::{self, LESSONS};
use crate::domain::family::{Lesson, MAX_NOTE_CHARS};
use crate::domain::{date, help};
use crate::platform::{dom, speech};
use crate::state::busy::use_busy;
use crate::state::family::use_family;
use crate::ui::routes::Page;
use leptos::prelude::*;

#[component]
pub fn LessonPage(lesson: &'static Lesson) -> impl IntoView {
    dom::set_title(lesson.title);
    let family = use_family();
    let record = Memo::new(move |_| family.record(lesson.id));
    let band = move || family.teen_band();
    let note = RwSignal::new(record.get_untracked().note);
    let status = RwSignal::new(None::<Result<&'static str, String>>);
    // A note changed and not yet saved: a new version of Tend waits for it.
    use_busy().hold_while(move || note.with(|n| record.with(|r| n.trim() != r.note)));
    let speaking = speech::available();
    let position = LESSONS.iter().position(|l| l.id == lesson.id).unwrap_or(0);
    let next = LESSONS.get(position + 1);

    let toggle_read = move |_| {
        let now = !record.get_untracked().read;
        status.set(Some(match family.mark_read(lesson.id, now) {
            Ok(()) if now => Ok("Marked as read."),
            Ok(()) => Ok("No longer marked as read."),
            Err(e) => Err(problem_words(&e)),
        }));
    };
    let save_note = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        status.set(Some(
            match family.save_note(lesson.id, &note.get_untracked()) {
                Ok(()) => Ok(crate::state::kept_words(
                    "Your note is saved on this device.",
                )),
                Err(e) => Err(problem_words(&e)),
            },
        ));
    };
    let today = date::long_date(dom::today());

    view! {
        <article class="family lesson" aria-labelledby="lesson-title">
            <p class="lesson__kicker">
                {format!("Family lesson {} of {} · about {} minutes", position + 1, LESSONS.len(), lesson.minutes)}
            </p>
            <h1 id="lesson-title">{lesson.title}</h1>
            <p class="lead">{lesson.summary}</p>
            <PrivacyNote />
            {speaking.then(|| view! {
                <div class="actions no-print">
                    <button type="button" class="button" on:click=move |_| speech::say(&lesson.spoken(band()), 1.0)>
                        "Read aloud"
                    </button>
                    <button type="button" class="button button--quiet" on:click=move |_| speech::say(" ", 1.0)>
                        "Stop reading"
                    </button>
                </div>
            })}

            {lesson.systems.then(|| view! { <Systems /> })}

            {lesson
                .sections
                .iter()
                .map(|s| view! {
                    <section class="lesson__section">
                        <h2>{s.heading}</h2>
                        {s.paragraphs().map(|p| view! { <p>{p}</p> }).collect_view()}
                    </section>
                })
                .collect_view()}

            {(!lesson.examples.is_empty()).then(|| view! {
                <section class="lesson__examples" aria-labelledby="example-title">
                    <h2 id="example-title">"An example"</h2>
                    {move || match band().and_then(|b| lesson.example_for(b)) {
                        Some(e) => view! {
                            <p class="lesson__moment">
                                <strong>{format!("For {}: ", e.band.label())}</strong>
                                {e.moment}
                            </p>
                            <div class="before-after">
                                <figure class="said said--before">
                                    <figcaption>"What many of us say first"</figcaption>
                                    <p>{e.before}</p>
                                </figure>
                                <figure class="said said--after">
                                    <figcaption>"What you could say instead"</figcaption>
                                    <p>{e.after}</p>
                                </figure>
                            </div>
                        }
                        .into_any(),
                        None => view! {
                            <p>"Pick your teen's age to see an example that fits."</p>
                        }
                        .into_any(),
                    }}
                    <div class="no-print"><TeenBandPick /></div>
                </section>
            })}

            {lesson.help.then(|| view! { <HelpLines /> })}
            {lesson.breathe.then(|| view! { <BreatheTogether /> })}

            <section class="card try-this" aria-labelledby="try-title">
                <h2 id="try-title">"One thing to try this week"</h2>
                <p>{lesson.try_this}</p>
            </section>

            <section class="card lesson__mine no-print" aria-labelledby="mine-title">
                <h2 id="mine-title">"Just for you"</h2>
                <p class="fine-print">
                    {crate::state::kept_words("Your mark and note stay on this device, in your own part of Tend.")}
                    " Your teen's entries are kept apart."
                </p>
                <button
                    type="button"
                    class="button"
                    aria-pressed=move || record.get().read.to_string()
                    on:click=toggle_read
                >
                    {move || if record.get().read { "Marked as read" } else { "Mark as read" }}
                </button>
                <form class="write" on:submit=save_note>
                    <label for="lesson-note">"A note for yourself (optional)"</label>
                    <textarea
                        id="lesson-note"
                        rows="3"
                        maxlength=MAX_NOTE_CHARS.to_string()
                        prop:value=move || note.get()
                        on:input=move |ev| note.set(event_target_value(&ev))
                    ></textarea>
                    <button type="submit" class="button">"Save note"</button>
                </form>
                <p class="save-status" role="status">
                    {move || match status.get() {
                        Some(Ok(words)) => Some(words.to_owned()),
                        _ => None,
                    }}
                </p>
                <p class="form-error" role="alert">
                    {move || match status.get() {
                        Some(Err(words)) => Some(words),
                        _ => None,
                    }}
                </p>
            </section>

            <section class="lesson__sources" aria-labelledby="sources-title">
                <h2 id="sources-title">"Where these ideas come from"</h2>
                <p>{format!("Technique: {}.", lesson.technique)}</p>
                <ul>
                    {lesson.references.iter().map(|r| view! { <li>{*r}</li> }).collect_view()}
                </ul>
            </section>

            <nav class="actions no-print" aria-label="Lessons">
                <a class="button" href=Page::Family.path()>"All lessons"</a>
                {next.map(|n| view! {
                    <a class="button button--primary" href=n.path>{format!("Next: {}", n.title)}</a>
                })}
            </nav>

            <footer class="print-footer">
                {format!(
                    "From Tend, family section: \"{}\". Sources listed above. Printed {today}. Tend is practice between sessions, not a therapist, and not for emergencies.",
                    lesson.title
                )}
            </footer>
        </article>
    }
}

/// The three systems in the colours the teen sees in Tend, with their names in words.
#[component]
fn Systems() -> impl IntoView {
    view! {
        <ul class="systems" role="list" aria-label="The three systems">
            <li class="system system--threat">
                <strong>"Red: threat"</strong>
                <span>"Danger, worry, anger. Fast and loud."</span>
            </li>
            <li class="system system--drive">
                <strong>"Blue: drive"</strong>
                <span>"Wanting, trying, winning. Energy and hope."</span>
            </li>
            <li class="system system--soothing">
                <strong>"Green: soothing"</strong>
                <span>"Safe, calm, cared for. Rest and connection."</span>
            </li>
        </ul>
    }
}

/// The help lines for the parent's region: the same sourced data as Help now.
#[component]
fn HelpLines() -> impl IntoView {
    let region = crate::ui::help::use_help_region();
    view! {
        <section class="card family-help" aria-labelledby="lines-title">
            <h2 id="lines-title">{move || format!("Help lines: {}", region.get().name)}</h2>
            <p>
                <strong>{move || format!("In danger right now? Call {}.", region.get().emergency)}</strong>
                " "
                <a class="no-print" href=move || format!("tel:{}", help::dial_digits(region.get().emergency))>
                    {move || format!("Call {}", region.get().emergency)}
                </a>
            </p>
            <ul class="family-lines" role="list">
                {move || content::helplines(region.get().id)
                    .map(|line| view! {
                        <li>
                            <strong>{line.name}</strong>
                            ": "
                            {line.about}
                            " "
                            {line.call_label().map(|n| view! {
                                <a href=line.tel_href().unwrap_or_default()>{format!("Call {n}")}</a>
                            })}
                            {line.text_label().map(|n| view! {
                                " · "
                                <a href=line.sms_href().unwrap_or_default()>{format!("Text {n}")}</a>
                            })}
                            <span class="fine-print">{format!(" (checked {} on {})", line.last_verified, line.source)}</span>
                        </li>
                    })
                    .collect_view()}
            </ul>
            <p class="fine-print no-print">
                "For another country, pick it on "
                <a href=Page::Help.path()>"Help now"</a>
                ". Many of these lines take calls from parents and carers too."
            </p>
        </section>
    }
}
