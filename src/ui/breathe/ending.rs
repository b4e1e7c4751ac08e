//! After a session: a short grounding step, then an optional "how do you feel now?".
//! The session is kept as soon as this screen opens; every change to the check-in is
//! saved (verified) as it happens, so closing the tab straight after typing loses nothing.

use super::session::Outcome;
use super::{Chosen, Grounding};
use crate::domain::checkin::{clip_note, BreathSession, Feeling};
use crate::domain::settings::Choice;
use crate::platform::dom;
use crate::state::breathing::use_breath;
use crate::storage::StorageError;
use crate::ui::controls::{options, parse, RadioGroup};
use crate::ui::routes::Page;
use leptos::prelude::*;

#[component]
pub fn Ending(
    chosen: Chosen,
    outcome: Outcome,
    /// How the person felt before, if they said.
    before: Option<Feeling>,
    /// Start another session.
    again: Callback<()>,
) -> impl IntoView {
    let breath = use_breath();
    let (day, minute) = dom::day_and_minute();
    let record = RwSignal::new(BreathSession {
        pattern: chosen.id,
        name: chosen.name,
        day,
        minute,
        seconds: outcome.seconds,
        finished: outcome.finished,
        before,
        after: None,
        note: String::new(),
    });
    // The key and stored text of this session once saved: later saves go over exactly
    // that version (see `Records::save`).
    let key = StoredValue::new(None::<(String, String)>);
    let saved = RwSignal::new(Ok::<bool, StorageError>(false));
    let save = move || {
        let last = key.get_value();
        let result = record.with_untracked(|r| {
            breath.sessions.save(
                last.as_ref().map(|(k, _)| k.as_str()),
                r,
                last.as_ref().map(|(_, raw)| raw.as_str()),
            )
        });
        saved.set(result.map(|(entry, _)| {
            key.set_value(Some((entry.key, entry.raw)));
            true
        }));
    };
    save();

    let after = move || record.with(|r| r.after);
    let heavy = move || record.with(|r| r.after.or(r.before).is_some_and(Feeling::is_heavy));

    view! {
        <div class="ending">
            <h1>{if outcome.finished { "That's the end of your session" } else { "You stopped, and that's okay" }}</h1>
            <section class="card" aria-labelledby="ground-title">
                <h2 id="ground-title">"Before you go"</h2>
                <p>"Take a moment to come back to the room."</p>
                <Grounding />
            </section>

            <section class="card checkin" aria-labelledby="checkin-title">
                <h2 id="checkin-title">"How do you feel now?"</h2>
                <p class="hint">"Only if you want to. Nobody sees this unless you choose to show them. Tend is not watched by anyone."</p>
                <RadioGroup
                    legend="Pick a word"
                    name="after"
                    options={options::<Feeling>()}
                    selected=Signal::derive(move || after().map(Feeling::as_str))
                    on_pick=Callback::new(move |id| {
                        record.update(|r| r.after = parse::<Feeling>(id));
                        save();
                    })
                />
                <div class="field">
                    <label for="note">"Anything you want to remember?"</label>
                    <textarea id="note" rows="3" maxlength="2000"
                        prop:value=move || record.with(|r| r.note.clone())
                        on:input=move |ev| {
                            let text = clip_note(&event_target_value(&ev));
                            record.update(|r| r.note = text);
                            save();
                        }></textarea>
                </div>
                <p class="save-state" role="status">
                    {move || matches!(saved.get(), Ok(true)).then_some("Saved on this device.")}
                </p>
                <div role="alert">
                    {move || saved.get().err().map(|e| view! {
                        <p class="form-error">"This session isn't saved. " {e.to_string()}</p>
                    })}
                </div>
            </section>

            {move || heavy().then(|| view! {
                <section class="card coping" aria-labelledby="coping-title">
                    <h2 id="coping-title">"Thank you for saying how it is"</h2>
                    <p>"Some things that can help a little: a glass of water, a message to someone you trust, some music, or a short walk. If it feels like a lot, you don't have to handle it alone."</p>
                    <a class="button" href=Page::Help.path()>"See Help now"</a>
                </section>
            })}

            <div class="actions">
                <button type="button" class="button button--primary" on:click=move |_| again.run(())>"Breathe again"</button>
                <a class="button" href=Page::History.path()>"Your past sessions"</a>
                <a class="button" href=Page::Home.path()>"Home"</a>
            </div>
        </div>
    }
}
