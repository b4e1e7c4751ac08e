//! Printable handouts for a therapist (`/handouts`): a one-page card per breathing
//! pattern, drawing prompt and dialogue scene, for each band — what it is, why it
//! helps, how to practise — from the exercises' own content. Reads the settings for a
//! starting band and writes nothing, in demo mode or out of it.

use super::controls::RadioGroup;
use super::router::use_nav;
use super::routes::Page;
use crate::content;
use crate::domain::handout::{Handout, Kind};
use crate::domain::Band;
use crate::platform::dom;
use crate::state::settings::use_settings;
use leptos::prelude::*;

/// A band as the address's query writes it (`+` would read as a space).
fn band_query(band: Band) -> &'static str {
    match band {
        Band::Adult => "18%2B",
        b => b.as_str(),
    }
}

/// The address of a handout's card at `band`.
fn card_href(handout: &Handout, band: Band) -> String {
    format!("{}?band={}", handout.path, band_query(band))
}

/// The band a handout screen opens at: the address's, else the person's own, else 15–17.
fn starting_band(asked: Option<String>) -> Band {
    asked
        .and_then(|b| Band::parse(&b))
        .or_else(|| use_settings().with_untracked(|s| s.band))
        .unwrap_or(Band::Mid)
}

/// `/handouts`: pick an age group, then a card of any kind.
#[component]
pub fn Handouts() -> impl IntoView {
    dom::set_title("Handouts to print");
    let nav = use_nav();
    // The band lives on this screen only: changing it moves nothing and saves nothing.
    let band = RwSignal::new(starting_band(nav.query_untracked("band")));
    let bands: Vec<_> = Band::ALL.iter().map(|b| (b.as_str(), b.label())).collect();
    view! {
        <div class="handouts">
            <h1>"Handouts to print"</h1>
            <p class="lead">"A one-page card for each exercise: what it is, why it helps and how to practise. You could print one to hand on after a session."</p>
            <RadioGroup legend="Age group" name="handout-band" options=bands
                selected=Signal::derive(move || Some(band.get().as_str()))
                on_pick=Callback::new(move |id| if let Some(b) = Band::parse(id) { band.set(b) }) />
            {Kind::ALL.into_iter().map(|kind| {
                let heading = format!("handouts-{}", kind.as_str());
                let labelled = heading.clone();
                view! {
                    <section class="handouts__kind" aria-labelledby=labelled>
                        <h2 id=heading>{kind.label()}</h2>
                        <ul class="handouts__list" role="list">
                            {move || {
                                let band = band.get();
                                content::handouts(kind).filter_map(|h| {
                                    let card = content::handout_card(h, band)?;
                                    Some(view! {
                                        <li><a href=card_href(h, band)>{card.title}</a></li>
                                    })
                                }).collect_view()
                            }}
                        </ul>
                    </section>
                }
            }).collect_view()}
            <p class="hint">"Nothing here is saved, and nothing about anyone is printed: only the exercise."</p>
        </div>
    }
}

/// `/handouts/<kind>/<id>?band=…`: one card, laid out to print on one page.
#[component]
pub fn HandoutCard(
    /// The handout to show.
    handout: &'static Handout,
) -> impl IntoView {
    let nav = use_nav();
    let first = starting_band(nav.query_untracked("band"));
    let youngest = content::handout_item(handout).map_or(Band::Early, |i| i.min_band());
    // A band below the exercise's youngest shows the youngest band's card.
    let band = Memo::new(move |_| {
        let asked = nav.query("band").and_then(|b| Band::parse(&b));
        asked.unwrap_or(first).max(youngest)
    });
    let print = move |_| {
        let _ = window().print();
    };
    move || {
        let band = band.get();
        let card = content::handout_card(handout, band)?;
        dom::set_title(&format!("{} handout", card.title));
        Some(view! {
            <div class="handout-page">
                <nav class="handout-tools no-print" aria-label="Handout">
                    <a href=format!("{}?band={}", Page::Handouts.path(), band_query(band))>"All handouts"</a>
                    <div class="handout-tools__bands" role="group" aria-label="Age group">
                        {Band::ALL.into_iter().filter(|b| *b >= youngest).map(|b| view! {
                            <a class="chip" href=card_href(handout, b)
                                aria-current=(b == band).then_some("page")>{b.label()}</a>
                        }).collect_view()}
                    </div>
                    <button type="button" class="button button--primary" on:click=print>"Print"</button>
                </nav>
                <article class="handout" aria-labelledby="handout-title">
                    <p class="handout__kind">{format!("{} · for ages {}", card.kind, band.label())}</p>
                    <h1 id="handout-title">{card.title}</h1>
                    <section aria-labelledby="handout-what">
                        <h2 id="handout-what">"What it is"</h2>
                        <p>{card.what}</p>
                    </section>
                    <section aria-labelledby="handout-why">
                        <h2 id="handout-why">"Why it helps"</h2>
                        <p>{card.why}</p>
                    </section>
                    <section aria-labelledby="handout-how">
                        <h2 id="handout-how">"How to practise"</h2>
                        <ol class="handout__steps">
                            {card.how.into_iter().map(|step| view! { <li>{step}</li> }).collect_view()}
                        </ol>
                    </section>
                    <footer class="handout__foot">
                        <p>{card.source}</p>
                        <p>{card.footer}</p>
                    </footer>
                </article>
            </div>
        })
    }
}
