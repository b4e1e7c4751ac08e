//! Past breathing sessions: a small chart of the last two weeks, then each session with
//! how it felt before and after. No streaks, no totals to live up to.

use crate::domain::checkin::{length_label, seconds_by_day, BreathSession, Feeling};
use crate::domain::date;
use crate::domain::settings::Choice;
use crate::platform::dom;
use crate::state::breathing::use_breath;
use crate::state::records::Entry;
use crate::ui::routes::Page;
use crate::ui::undo::Removal;
use leptos::prelude::*;

const DAYS: usize = 14;
const BAR_W: usize = 16;
const GAP: usize = 6;
const CHART_H: u32 = 80;

fn feeling(f: Option<Feeling>) -> &'static str {
    f.map_or("—", Feeling::label)
}

/// Bars of minutes per day; days without a session show a small dot, not a gap that
/// reads as a failure.
#[component]
fn Chart(sessions: Vec<BreathSession>, today: i64) -> impl IntoView {
    let totals = seconds_by_day(&sessions, today, DAYS);
    let most = totals.iter().copied().max().unwrap_or(0).max(60);
    let days_with = totals.iter().filter(|&&t| t > 0).count();
    let width = DAYS * (BAR_W + GAP) - GAP;
    let summary = format!(
        "You took time to breathe on {days_with} of the last {DAYS} days. Taller bars are longer sessions."
    );
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {width} {}", CHART_H + 4) role="img" aria-label=summary.clone()>
                {totals.iter().enumerate().map(|(i, &t)| {
                    let x = i * (BAR_W + GAP);
                    if t == 0 {
                        view! { <circle class="chart__dot" cx=x + BAR_W / 2 cy=CHART_H - 3 r="3" /> }.into_any()
                    } else {
                        let h = (t * CHART_H / most).max(6);
                        view! { <rect class="chart__bar" x=x y=CHART_H - h width=BAR_W height=h rx="4" /> }.into_any()
                    }
                }).collect_view()}
            </svg>
            <figcaption class="hint">{summary}</figcaption>
        </figure>
    }
}

#[component]
pub fn History() -> impl IntoView {
    dom::set_title("Your past sessions");
    let breath = use_breath();
    let today = dom::today();
    let removal = Removal::new(breath.sessions);

    view! {
        <div class="history">
            <h1>"Your past sessions"</h1>
            <crate::ui::privacy::WhoCanSee kept="Your sessions and check-ins stay on this device, and nobody is watching Tend." class="lead" />
            {removal.view()}
            {move || {
                let list = breath.sessions.list().get();
                if list.is_empty() {
                    return view! {
                        <div class="empty card">
                            <p>"Nothing here yet. Whenever you're ready, your breathing sessions will live here."</p>
                            <a class="button button--primary" href=Page::Breathe.path()>"Go to the breathing space"</a>
                        </div>
                    }.into_any();
                }
                let values: Vec<BreathSession> = list.iter().map(|e| e.value.clone()).collect();
                view! {
                    <Chart sessions=values today />
                    <p><a href=Page::Summary.path()>"Bring some of these to your next session"</a></p>
                    <ul class="sessions" role="list">
                        {list.into_iter().map(|Entry { key, value: s, .. }| view! {
                            <li class="card session-item">
                                <h2>{s.name.clone()}</h2>
                                <p class="hint">
                                    {format!("{}, {} · {}{}", date::long_date(s.day), s.clock(), length_label(s.seconds),
                                        if s.finished { "" } else { " (stopped early)" })}
                                </p>
                                <p>{format!("Before: {} · After: {}", feeling(s.before), feeling(s.after))}</p>
                                {(!s.note.is_empty()).then(|| view! { <p class="note">{s.note.clone()}</p> })}
                                <button type="button" class="button button--quiet"
                                    aria-label=format!("Delete the session from {}, {}", date::long_date(s.day), s.clock())
                                    on:click=move |_| removal.delete(&key, format!("the session from {}", date::long_date(s.day)))>"Delete"</button>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {move || (breath.unopened() > 0).then(|| view! {
                <p class="fine-print">
                    {format!("{} saved item(s) couldn't be opened by this version of Tend. They are kept as they are and included when you export.", breath.unopened())}
                </p>
            })}
        </div>
    }
}
