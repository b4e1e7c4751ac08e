//! Your drawings: thumbnails drawn from the strokes themselves, to open again and carry
//! on, or to delete (with undo).

use super::prompt_title;
use crate::domain::date;
use crate::domain::draw::saved::SavedDrawing;
use crate::domain::draw::{Drawing, MAX_COORD};
use crate::domain::Band;
use crate::platform::dom;
use crate::state::drawing::{holds_unsaved_work, use_draw, Draft};
use crate::state::records::Entry;
use crate::state::settings::use_settings;
use crate::ui::router::use_nav;
use crate::ui::routes::Page;
use crate::ui::undo::Removal;
use leptos::prelude::*;

/// A small picture of a drawing, from its vectors: sharp at any size.
#[component]
fn Thumbnail(drawing: Drawing) -> impl IntoView {
    let lines = drawing
        .svg_lines()
        .into_iter()
        .map(|l| {
            view! {
                <polyline points=l.points stroke=l.colour stroke-width=l.width fill="none"
                    stroke-linecap="round" stroke-linejoin="round" />
            }
        })
        .collect_view();
    view! {
        <svg class="thumb" viewBox=format!("0 0 {MAX_COORD} {MAX_COORD}") aria-hidden="true" focusable="false">
            <rect width=MAX_COORD height=MAX_COORD fill=drawing.paper.hex() />
            {lines}
        </svg>
    }
}

#[component]
pub fn Gallery() -> impl IntoView {
    dom::set_title("Your drawings");
    let draw = use_draw();
    let nav = use_nav();
    let band = use_settings().with_untracked(|s| s.band.unwrap_or(Band::Mid));
    let removal = Removal::new(draw.kept);
    let problem = removal.problem;

    let open = move |key: String, raw: String, saved: SavedDrawing| {
        // Work in progress not kept yet goes to the gallery first, so opening a drawing
        // loses nothing; if it is this very drawing, changed, the room opens on it as is.
        if let Some(mut current) = draw.draft() {
            if !current.work.is_blank() && holds_unsaved_work(&current) {
                if current.from.as_ref().is_some_and(|(k, _)| *k == key) {
                    nav.go(Page::Draw.path());
                    return;
                }
                if current.work.name.trim().is_empty() {
                    current.work.name = prompt_title(&current.work.prompt, band).to_owned();
                }
                if let Err(e) = draw.keep(&current) {
                    problem.set(Some(format!(
                        "Your drawing in progress couldn't be kept, so nothing was opened. {e}"
                    )));
                    return;
                }
            }
        }
        let draft = Draft {
            work: saved,
            from: Some((key, raw)),
        };
        match draw.open_kept(&draft) {
            Ok(()) => nav.go(Page::Draw.path()),
            Err(e) => problem.set(Some(format!("Couldn't open it. {e}"))),
        }
    };

    view! {
        <div class="gallery">
            <h1>"Your drawings"</h1>
            <crate::ui::privacy::WhoCanSee kept="Your drawings stay on this device, and nobody is watching Tend." class="lead" />
            {removal.view()}
            {move || {
                let list = draw.kept.list().get();
                if list.is_empty() {
                    return view! {
                        <div class="empty card">
                            <p>"Nothing here yet. Whenever you're ready, your drawings will live here."</p>
                            <a class="button button--primary" href=Page::Draw.path()>"Go to the drawing room"</a>
                        </div>
                    }.into_any();
                }
                view! {
                    <p><a href=Page::Summary.path()>"Bring some of these to your next session"</a></p>
                    <ul class="drawings" role="list">
                        {list.into_iter().map(|Entry { key, value, raw }| {
                            let name = value.name.clone();
                            let del_key = key.clone();
                            let del_name = name.clone();
                            let words = value.words.clone();
                            let saved = value.clone();
                            view! {
                                <li class="card drawing-item">
                                    <Thumbnail drawing=value.drawing.clone() />
                                    <div>
                                        <h2>{name.clone()}</h2>
                                        <p class="hint">{format!("{} · {}", prompt_title(&value.prompt, band), date::long_date(value.day))}</p>
                                        {(!words.is_empty()).then(|| view! { <p class="note">{words}</p> })}
                                        <div class="actions">
                                            <button type="button" class="button" aria-label=format!("Open {name}")
                                                on:click=move |_| open(key.clone(), raw.clone(), saved.clone())>"Open"</button>
                                            <button type="button" class="button button--quiet" aria-label=format!("Delete {name}")
                                                on:click=move |_| removal.delete(&del_key, format!("\u{201c}{}\u{201d}", del_name))>"Delete"</button>
                                        </div>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
    }
}
