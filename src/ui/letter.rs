//! The compassionate letter: a letter to yourself from your kind side, one part at a
//! time ("it makes sense that you feel…", "you're not alone in this…", "what might
//! help next…"), to "you" or as "I". Every keystroke is saved on the device before the
//! screen says so. Before keeping it, a warmth check asks "does this sound like a kind
//! friend talking?" and points out harsh words kindly. Kept letters can be read again
//! with a gentle line first, and deleted with undo.

use crate::content::LETTER;
use crate::domain::letter::{Letter, LetterDraft, Voice};
use crate::domain::settings::Choice;
use crate::domain::warmth::harsh_words;
use crate::domain::{date, Band};
use crate::platform::dom;
use crate::state::letters::use_letters;
use crate::state::settings::use_settings;
use crate::ui::controls::{options, parse, RadioGroup};
use crate::ui::router::use_nav;
use crate::ui::routes::Page;
use crate::ui::too_much::TooMuch;
use crate::ui::undo::Removal;
use leptos::prelude::*;

/// The words under the title on every screen: who can see a letter.
const PRIVATE: &str =
    "Your letters stay on this device, and nobody watches what you write in Tend.";

#[component]
pub fn LetterPage() -> impl IntoView {
    let band = use_settings().with_untracked(|s| s.band.unwrap_or(Band::Mid));
    dom::set_title(LETTER.title.get(band));
    let letters = use_letters();
    let nav = use_nav();
    let steps = LETTER.steps.len();
    let found = letters.draft();
    let welcome_back = found.is_some();
    // `None`: not writing (the start, with the letters kept).
    let draft = RwSignal::new(found.map(|mut d| {
        d.step = d.step.min(steps);
        d
    }));
    let saved = RwSignal::new(welcome_back);
    let problem = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<&'static str>);
    let too_much = RwSignal::new(false);
    // Which screen shows: redrawn only when the step changes, not on every keystroke.
    let screen = Memo::new(move |_| draft.with(|d| d.as_ref().map(|d| d.step)));

    let save = move || {
        let result = draft.with_untracked(|d| d.as_ref().map(|d| letters.save_draft(d)));
        match result {
            Some(Err(e)) => {
                saved.set(false);
                problem.set(Some(format!("Your letter isn't saved. {e}")));
            }
            _ => {
                saved.set(true);
                problem.set(None);
            }
        }
    };
    let change = move |f: &dyn Fn(&mut LetterDraft)| {
        draft.update(|d| {
            if let Some(d) = d {
                f(d);
            }
        });
        save();
    };
    let to_step = move |step: usize| {
        change(&|d| d.step = step);
        dom::focus_after_render(if step < steps {
            "#letter-part"
        } else {
            "#warmth-title"
        });
    };
    let begin = move |_| {
        status.set(None);
        draft.set(Some(LetterDraft {
            letter: Letter {
                day: dom::today(),
                ..Letter::default()
            },
            step: 0,
        }));
        save();
        dom::focus_after_render("#letter-part");
    };
    let keep = move |_| {
        let Some(mut letter) = draft.with_untracked(|d| d.as_ref().map(|d| d.letter.clone()))
        else {
            return;
        };
        letter.day = dom::today();
        match letters.keep(&letter) {
            Ok(_) => {
                draft.set(None);
                problem.set(None);
                status.set(Some(crate::state::device_or_demo(
                    "Kept on this device. You can read it again below.",
                    "Kept for this demo only. You can read it again below.",
                )));
                dom::focus_after_render("main h1");
            }
            Err(e) => problem.set(Some(format!("Couldn't keep your letter. {e}"))),
        }
    };

    let voice_switch = move || {
        view! {
            <RadioGroup legend="Write to yourself as" name="letter-voice" options={options::<Voice>()}
                selected=Signal::derive(move || draft.with(|d| d.as_ref().map(|d| d.letter.voice.as_str())))
                on_pick=Callback::new(move |id| if let Some(v) = parse::<Voice>(id) { change(&|d| d.letter.voice = v) })
                hint="\u{201c}You\u{201d} can sound like a friend talking. Pick what fits." />
        }
    };

    let part_view = move |i: usize| {
        let step = &LETTER.steps[i];
        let initial = draft.with_untracked(|d| {
            d.as_ref()
                .map(|d| d.letter.part(step.id).to_owned())
                .unwrap_or_default()
        });
        let label = move || {
            draft.with(|d| {
                d.as_ref()
                    .map_or(step.you, |d| step.starter(d.letter.voice))
            })
        };
        view! {
            <section class="card letter-part" aria-labelledby="part-count">
                <h2 id="part-count" class="letter-part__count">{format!("Part {} of {steps}", i + 1)}</h2>
                <div class="field">
                    <label for="letter-part" class="letter-part__label">{label}</label>
                    <p class="hint" id="letter-prompt">{step.prompt.get(band)}</p>
                    <textarea id="letter-part" rows="4" maxlength="4000" aria-describedby="letter-prompt"
                        prop:value=initial
                        on:input=move |e| {
                            let text = event_target_value(&e);
                            change(&|d| d.letter.write(step.id, &text));
                        }></textarea>
                </div>
                {move || (!too_much.get()).then(|| view! {
                    <div class="actions">
                        <button type="button" class="button button--primary" on:click=move |_| to_step(i + 1)>
                            {if i + 1 == steps { "Read it over" } else { "Next" }}
                        </button>
                        {(i > 0).then(|| view! {
                            <button type="button" class="button" on:click=move |_| to_step(i - 1)>"Back"</button>
                        })}
                    </div>
                })}
                {voice_switch()}
            </section>
        }
    };

    let check_view = move || {
        let letter =
            draft.with_untracked(|d| d.as_ref().map(|d| d.letter.clone()).unwrap_or_default());
        let harsh = harsh_words(&letter.whole_text());
        let blank = letter.is_blank();
        view! {
            <section class="card warmth" aria-labelledby="warmth-title">
                <h2 id="warmth-title" tabindex="-1">"Does this sound like a kind friend talking?"</h2>
                {if blank {
                    view! { <p>"There's nothing written yet. Whenever you're ready, go back and write a line or two."</p> }.into_any()
                } else {
                    view! { <LetterText letter=letter.clone() /> }.into_any()
                }}
                {(!blank).then(|| if harsh.is_empty() {
                    view! { <p class="warmth__ok">"This sounds kind. A good friend could have written it."</p> }.into_any()
                } else {
                    view! {
                        <div class="warmth__notes">
                            <p>"A few words might sting a little. That's okay: the critic's voice can slip in. A kind friend might say it more gently:"</p>
                            <ul>
                                {harsh.into_iter().map(|h| view! {
                                    <li>{format!("Instead of \u{201c}{}\u{201d}, maybe \u{201c}{}\u{201d}.", h.word, h.kinder)}</li>
                                }).collect_view()}
                            </ul>
                            <p class="hint">"You can change it, or keep it as it is. It's your letter."</p>
                        </div>
                    }.into_any()
                })}
                {move || (!too_much.get()).then(|| view! {
                    <div class="actions">
                        {(!blank).then(|| view! {
                            <button type="button" class="button button--primary" on:click=keep>"Keep this letter"</button>
                        })}
                        <button type="button" class="button" on:click=move |_| to_step(0)>"Back to writing"</button>
                    </div>
                })}
            </section>
        }
    };

    let start_view = move || {
        view! {
            <p class="lead">{LETTER.intro.get(band)}</p>
            <div class="actions">
                <button type="button" class="button button--primary" on:click=begin>"Start a letter"</button>
            </div>
            <KeptLetters band />
            <p class="hint">"You might also like "<a href=Page::Imagery.path()>"kind imagery"</a>": a calm place, a kind friend and your own kind side."</p>
        }
    };

    view! {
        <div class="letter">
            <h1 tabindex="-1">{LETTER.title.get(band)}</h1>
            <crate::ui::privacy::WhoCanSee kept=PRIVATE class="hint letter__private" />
            <div role="status" class="save-state">{move || status.get()}</div>
            <div role="alert">{move || problem.get().map(|p| view! { <p class="form-error">{p}</p> })}</div>
            {move || match screen.get() {
                None => start_view().into_any(),
                Some(step) => view! {
                    {welcome_back.then(|| view! { <p class="letter__back">"Welcome back. Your letter is here, just as you left it."</p> })}
                    {if step < steps { part_view(step).into_any() } else { check_view().into_any() }}
                    <p class="hint letter__saved">{move || saved.get().then_some(crate::state::device_or_demo("Saved on this device as you type.", "Kept as you type, for this demo only."))}</p>
                    <TooMuch open=too_much
                        status="Your letter is saved just as it is."
                        carry_on="Carry on writing"
                        on_open=move |()| {}
                        on_carry_on=move |()| {}
                        on_stop=move |()| nav.go(Page::Home.path()) />
                }
                .into_any(),
            }}
        </div>
    }
}

/// A letter as it reads: each part with the line it starts from.
#[component]
fn LetterText(letter: Letter) -> impl IntoView {
    view! {
        <div class="letter-text">
            {letter.in_order(LETTER.steps).map(|(starter, text)| view! {
                <p class="letter-text__starter">{starter}</p>
                <p class="letter-text__words">{text.to_owned()}</p>
            }).collect_view()}
        </div>
    }
}

/// The letters kept: read one again (a gentle line comes first), or delete it with undo.
#[component]
fn KeptLetters(band: Band) -> impl IntoView {
    let letters = use_letters();
    let removal = Removal::new(letters.kept);
    let open = RwSignal::new(None::<String>);
    view! {
        {removal.view()}
        {move || {
            let list = letters.kept.list().get();
            if list.is_empty() {
                return view! {
                    <p class="empty">"No letters kept yet. Whenever you're ready, the ones you write will wait for you here."</p>
                }.into_any();
            }
            view! {
                <section class="kept" aria-labelledby="letters-title">
                    <h2 id="letters-title">"Letters you kept"</h2>
                    <ul class="sessions" role="list">
                        {list.into_iter().map(|e| {
                            let when = date::long_date(e.value.day);
                            let opening = e.value.opening(LETTER.steps, 60);
                            let title = format!("Letter from {when}");
                            let key = StoredValue::new(e.key.clone());
                            let shown = move || open.with(|o| key.with_value(|k| o.as_deref() == Some(k.as_str())));
                            let letter = e.value.clone();
                            let (read_label, delete_label) = (format!("Read the letter from {when}"), format!("Delete the letter from {when}"));
                            let what = format!("the letter from {when}");
                            view! {
                                <li class="card">
                                    <h3>{title}</h3>
                                    <p class="hint">{opening}</p>
                                    {move || shown().then(|| view! {
                                        <p class="letter__reread">{LETTER.reread.get(band)}</p>
                                        <LetterText letter=letter.clone() />
                                    })}
                                    <div class="actions">
                                        <button type="button" class="button" aria-expanded=move || if shown() { "true" } else { "false" }
                                            aria-label=read_label
                                            on:click=move |_| open.update(|o| {
                                                let k = key.get_value();
                                                *o = if o.as_deref() == Some(k.as_str()) { None } else { Some(k) };
                                            })>"Read"</button>
                                        <button type="button" class="button button--quiet" aria-label=delete_label
                                            on:click=move |_| removal.delete(&key.get_value(), what.clone())>"Delete"</button>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }.into_any()
        }}
    }
}
