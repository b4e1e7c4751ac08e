//! After a session: a short grounding step, then an optional "how do you feel now?".
//! The session was kept as it ended (see `BreathState::end`); every change to the
//! check-in is saved (verified) as it happens, so closing the tab straight after typing
//! loses nothing, and the ending itself lives on in the breathing state, so leaving for
//! Help and coming Back finds it as it was left.

use super::Grounding;
use crate::domain::checkin::{clip_note, Feeling};
use crate::domain::settings::Choice;
use crate::state::breathing::{use_breath, Stage};
use crate::ui::controls::{options, parse, RadioGroup};
use crate::ui::routes::Page;
use leptos::prelude::*;

#[component]
pub fn Ending(
    /// Start another session.
    again: Callback<()>,
) -> impl IntoView {
    let breath = use_breath();
    let Stage::Ended(ended) = breath.stage.get_untracked() else {
        return ().into_any();
    };
    let finished = ended.finished;
    let record = RwSignal::new(ended.record);
    let error = RwSignal::new(ended.error);
    // Said only once the person's own words or feeling are kept, never for the session
    // record saved as the page opened.
    let told = RwSignal::new(false);
    let save = move || {
        let result = breath.check_in(record.get_untracked());
        told.set(result.is_ok());
        error.set(result.err());
    };

    let after = move || record.with(|r| r.after);
    let heavy = move || record.with(|r| r.after.or(r.before).is_some_and(Feeling::is_heavy));

    view! {
        <div class="ending">
            <h1>{if finished { "That's the end of your session" } else { "You stopped, and that's okay" }}</h1>
            <section class="card" aria-labelledby="ground-title">
                <h2 id="ground-title">"Before you go"</h2>
                <p>"Take a moment to come back to the room."</p>
                <Grounding />
            </section>

            <section class="card checkin" aria-labelledby="checkin-title">
                <h2 id="checkin-title">"How do you feel now?"</h2>
                <p class="hint">"Only if you want to."</p>
                <crate::ui::privacy::WhoCanSee kept="A check-in stays on this device, and nobody is watching Tend." />
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
                    {move || told.get().then_some(crate::state::kept_words("Your check-in is saved on this device."))}
                </p>
                <div role="alert">
                    {move || error.get().map(|e| view! {
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
    .into_any()
}
