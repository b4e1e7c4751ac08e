//! `/summary`: the teen's own summary for their next session. They choose the days and
//! what to bring (breathing sessions with their check-ins, drawings, kept chats, and
//! whether their notes go too), see it as it will look, then print it or save it as a
//! file. Nothing leaves the device unless they do one of those; nothing is written to
//! storage at all (the choices live only on this page).

use crate::content;
use crate::domain::checkin::BreathSession;
use crate::domain::date;
use crate::domain::summary::{Conversation, Offer, Picture, Summary, DEFAULT_DAYS};
use crate::domain::Band;
use crate::platform::{dom, files};
use crate::state::breathing::use_breath;
use crate::state::drawing::use_draw;
use crate::state::settings::use_settings;
use crate::state::talk::use_talk;
use crate::ui::controls::Toggle;
use crate::ui::routes::Page;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// One record the teen can choose: its key, what the checkbox says, and its day.
#[derive(Clone, Debug, PartialEq)]
struct Pick {
    key: String,
    label: String,
    day: i64,
}

/// The summary, once the lines of the kept chats' scenes are here.
#[component]
pub fn SummaryPage() -> impl IntoView {
    let talk = use_talk();
    crate::ui::talk::with_scenes(talk.kept_scenes(), || {
        view! { <SummaryChoose /> }.into_any()
    })
}

#[component]
fn SummaryChoose() -> impl IntoView {
    dom::set_title("Your summary");
    let (breath, draw, talk) = (use_breath(), use_draw(), use_talk());
    let band = use_settings().with_untracked(|s| s.band.unwrap_or(Band::Mid));
    // Read once, through state, when the page opens.
    let (sessions, drawings, kept) = (breath.sessions.list(), draw.kept.list(), talk.kept.list());
    let today = dom::today();
    let from = RwSignal::new(today - DEFAULT_DAYS);
    let to = RwSignal::new(today);
    let chosen = RwSignal::new(BTreeSet::<String>::new());
    let notes = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);

    // Kept chats as the summary shows them, checked against the scenes as they are now.
    let chats = Memo::new(move |_| {
        let companion = talk.companion.get();
        kept.get()
            .into_iter()
            .map(|e| {
                let chat = match content::restore_walk(&e.value.walk) {
                    Ok(w) => Conversation {
                        title: w.scene().title(w.band()).to_owned(),
                        day: e.value.day,
                        lines: crate::ui::talk::bubbles(&w, &companion)
                            .into_iter()
                            .map(|b| (b.speaker, b.text))
                            .collect(),
                    },
                    Err(_) => Conversation {
                        title: "A chat from an older scene".to_owned(),
                        day: e.value.day,
                        lines: Vec::new(),
                    },
                };
                (e.key, chat)
            })
            .collect::<Vec<_>>()
    });

    let summary = Memo::new(move |_| {
        let picked = chosen.get();
        let is = |k: &str| picked.contains(k);
        Summary::build(
            (from.get(), to.get()),
            today,
            notes.get(),
            sessions.with(|l| {
                l.iter()
                    .map(|e| Offer {
                        item: e.value.clone(),
                        chosen: is(&e.key),
                    })
                    .collect()
            }),
            drawings.with(|l| {
                l.iter()
                    .map(|e| Offer {
                        item: Picture {
                            name: e.value.name.clone(),
                            prompt: crate::ui::draw::prompt_title(&e.value.prompt, band).to_owned(),
                            day: e.value.day,
                            drawing: e.value.drawing.clone(),
                            words: e.value.words.clone(),
                        },
                        chosen: is(&e.key),
                    })
                    .collect()
            }),
            chats.with(|l| {
                l.iter()
                    .map(|(k, c)| Offer {
                        item: c.clone(),
                        chosen: is(k),
                    })
                    .collect()
            }),
        )
    });

    let session_picks = Signal::derive(move || {
        sessions.with(|l| {
            l.iter()
                .map(|e| Pick {
                    key: e.key.clone(),
                    label: session_label(&e.value),
                    day: e.value.day,
                })
                .collect::<Vec<_>>()
        })
    });
    let drawing_picks = Signal::derive(move || {
        drawings.with(|l| {
            l.iter()
                .map(|e| Pick {
                    key: e.key.clone(),
                    label: format!("{}, {}", e.value.name, date::long_date(e.value.day)),
                    day: e.value.day,
                })
                .collect::<Vec<_>>()
        })
    });
    let chat_picks = Signal::derive(move || {
        chats.with(|l| {
            l.iter()
                .map(|(k, c)| Pick {
                    key: k.clone(),
                    label: format!("{}, {}", c.title, date::long_date(c.day)),
                    day: c.day,
                })
                .collect::<Vec<_>>()
        })
    });
    let nothing_kept = move || {
        session_picks.with(Vec::is_empty)
            && drawing_picks.with(Vec::is_empty)
            && chat_picks.with(Vec::is_empty)
    };

    let print = move |_| {
        status.set(None);
        dom::print();
    };
    let save = move |_| {
        let s = summary.get_untracked();
        let name = s.file_name();
        status.set(Some(
            match files::download(&name, &s.document(), "text/html") {
                Ok(()) => format!("Made the file {name}. It is yours to keep or share."),
                Err(_) => "That file couldn't be made. You could try Print instead.".to_owned(),
            },
        ));
    };

    view! {
        <div class="summary-page">
            <h1 class="no-print">"Your summary"</h1>
            <p class="lead no-print">
                "Choose what to bring to your next session. It stays on this device unless you print it or save it as a file."
            </p>
            {move || if nothing_kept() {
                view! {
                    <div class="empty card">
                        <p>"Nothing kept yet. When you breathe, draw or keep a chat, you can bring it here."</p>
                        <div class="actions">
                            <a class="button button--primary" href=Page::Breathe.path()>"Go to the breathing space"</a>
                            <a class="button" href=Page::Draw.path()>"Go to the drawing room"</a>
                        </div>
                    </div>
                }.into_any()
            } else {
                view! {
                    <section class="card summary-choose no-print" aria-labelledby="choose-title">
                        <h2 id="choose-title">"What to bring"</h2>
                        <fieldset class="summary-dates">
                            <legend>"Which days"</legend>
                            <div class="field">
                                <label for="summary-from">"From"</label>
                                <input type="date" id="summary-from" max=date::iso(today)
                                    prop:value=move || date::iso(from.get())
                                    on:change=move |ev| if let Some(d) = date::parse_iso(&event_target_value(&ev)) { from.set(d) } />
                            </div>
                            <div class="field">
                                <label for="summary-to">"To"</label>
                                <input type="date" id="summary-to" max=date::iso(today)
                                    prop:value=move || date::iso(to.get())
                                    on:change=move |ev| if let Some(d) = date::parse_iso(&event_target_value(&ev)) { to.set(d) } />
                            </div>
                        </fieldset>
                        <Choices legend="Breathing sessions" picks=session_picks from to chosen />
                        <Choices legend="Drawings" picks=drawing_picks from to chosen />
                        <Choices legend="Chats you kept" picks=chat_picks from to chosen />
                        <Toggle label="Bring my notes too"
                            hint="What I wrote after breathing, and words with my drawings."
                            checked=notes on_change=Callback::new(move |on| notes.set(on)) />
                    </section>
                    <section class="summary-preview" aria-labelledby="preview-title">
                        <h2 id="preview-title" class="no-print">"How it looks"</h2>
                        {move || if summary.with(Summary::is_empty) {
                            view! {
                                <p class="card hint">"Tick what you want to bring, and it shows here."</p>
                            }.into_any()
                        } else {
                            view! {
                                <article class="card summary" inner_html=move || summary.with(|s| s.body(3)) />
                                <div class="actions no-print">
                                    <button type="button" class="button button--primary" on:click=print>"Print"</button>
                                    <button type="button" class="button" on:click=save>"Save as a file"</button>
                                </div>
                            }.into_any()
                        }}
                        <p class="save-status no-print" role="status">{move || status.get()}</p>
                    </section>
                }.into_any()
            }}
        </div>
    }
}

/// "Soothing rhythm, 28 November 2026, 08:10".
fn session_label(s: &BreathSession) -> String {
    format!("{}, {}, {}", s.name, date::long_date(s.day), s.clock())
}

/// One kind of record to choose from, limited to the chosen days.
#[component]
fn Choices(
    /// What the group is called.
    legend: &'static str,
    /// Every record of this kind, newest first.
    picks: Signal<Vec<Pick>>,
    from: RwSignal<i64>,
    to: RwSignal<i64>,
    /// The keys of every chosen record.
    chosen: RwSignal<BTreeSet<String>>,
) -> impl IntoView {
    let shown = Memo::new(move |_| {
        let (a, b) = (from.get(), to.get());
        let (a, b) = (a.min(b), a.max(b));
        picks
            .get()
            .into_iter()
            .filter(|p| (a..=b).contains(&p.day))
            .collect::<Vec<_>>()
    });
    view! {
        <fieldset class="summary-kind">
            <legend>{legend}</legend>
            {move || {
                let list = shown.get();
                if list.is_empty() {
                    return view! { <p class="hint">"None from these days."</p> }.into_any();
                }
                view! {
                    <ul class="checks" role="list">
                        {list.into_iter().map(|p| {
                            let (key, toggle_key) = (p.key.clone(), p.key.clone());
                            view! {
                                <li>
                                    <label class="check">
                                        <input type="checkbox"
                                            prop:checked=move || chosen.with(|c| c.contains(&key))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                chosen.update(|c| {
                                                    if on {
                                                        c.insert(toggle_key.clone());
                                                    } else {
                                                        c.remove(&toggle_key);
                                                    }
                                                });
                                            } />
                                        <span>{p.label}</span>
                                    </label>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </fieldset>
    }
}
