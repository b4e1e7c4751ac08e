//! Help now: crisis and support lines for the person's region, reachable from every
//! screen in one tap and working offline. Numbers come from `content/helplines.toml`.

use super::icons::*;
use crate::content::{self, REGIONS};
use crate::domain::{date, help};
use crate::platform::dom;
use crate::state::settings::use_settings;
use leptos::prelude::*;

#[component]
pub fn Help() -> impl IntoView {
    dom::set_title("Help now");
    let settings = use_settings();
    let languages = dom::languages();
    let region = Memo::new(move |_| {
        settings
            .with(|s| s.region.as_deref().and_then(content::region))
            .or_else(|| help::region_for_locales(REGIONS, &languages))
            .unwrap_or(&REGIONS[0])
    });
    let choose = move |ev| {
        let id = event_target_value(&ev);
        settings.update(|s| s.region = Some(id));
    };

    view! {
        <div class="help">
            <h1>"Help now"</h1>
            <p class="lead">
                "You don't have to be in crisis to reach out. These people are kind, free to contact, and used to hearing from young people."
            </p>

            <section class="emergency" aria-labelledby="emergency-title">
                <h2 id="emergency-title">"In danger right now?"</h2>
                <p>"If you might hurt yourself or someone else, or you are not safe, call emergency services now."</p>
                <a class="button button--danger" href=move || format!("tel:{}", help::dial_digits(region.get().emergency))>
                    <IconPhone />
                    {move || format!("Call {}", region.get().emergency)}
                </a>
            </section>

            <div class="field">
                <label for="help-region">"Showing help for"</label>
                <select id="help-region" on:change=choose>
                    {REGIONS
                        .iter()
                        .map(|r| view! {
                            <option value=r.id prop:selected=move || region.get().id == r.id>{r.name}</option>
                        })
                        .collect_view()}
                </select>
            </div>

            <ul class="lines" role="list">
                {move || content::helplines(region.get().id).map(|line| view! { <HelplineCard line /> }).collect_view()}
            </ul>
            {move || content::helplines(region.get().id).next().is_none().then(|| view! {
                <p class="card">
                    "Tend doesn't have local helplines for your country yet. A trusted adult, your school, your doctor or your therapist can help you find one."
                </p>
            })}

            <section class="card" aria-labelledby="numbers-title">
                <h2 id="numbers-title">"Emergency numbers"</h2>
                <ul class="numbers" role="list">
                    {REGIONS
                        .iter()
                        .map(|r| view! {
                            <li>
                                <span>{if r.id == "elsewhere" { "Europe and many other places" } else { r.name }}</span>
                                <a href=format!("tel:{}", help::dial_digits(r.emergency))>{r.emergency}</a>
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>

            <section class="card grounding" aria-labelledby="ground-title">
                <h2 id="ground-title">"While you wait, or if it all feels like a lot"</h2>
                <p>"If it feels okay, try noticing, slowly:"</p>
                <ol>
                    <li>"5 things you can see"</li>
                    <li>"4 things you can touch"</li>
                    <li>"3 things you can hear"</li>
                    <li>"2 things you can smell"</li>
                    <li>"1 slow breath, or just your feet on the floor"</li>
                </ol>
            </section>

            <p class="fine-print">
                "Tend can't call anyone for you, and nobody is told when you open this page. Calls and texts go from your own phone."
            </p>
        </div>
    }
}

#[component]
fn HelplineCard(line: &'static help::Helpline) -> impl IntoView {
    let checked = date::parse_iso(line.last_verified)
        .map(date::long_date)
        .unwrap_or_default();
    let host = line
        .source
        .split_once("://")
        .map_or(line.source, |(_, rest)| rest)
        .trim_start_matches("www.")
        .split('/')
        .next()
        .unwrap_or(line.source);
    let text_what = match (line.text_keyword, line.text_label()) {
        (Some(word), Some(n)) => format!("Text {word} to {n}"),
        (None, Some(n)) => format!("Text {n}"),
        _ => String::new(),
    };
    view! {
        <li class="line card">
            <h2 class="line__name">{line.name}</h2>
            <p>{line.about}</p>
            {(line.hours.is_some() || line.ages.is_some()).then(|| view! {
                <p class="line__meta">
                    {line.hours.map(|h| view! { <span>{h}</span> })}
                    {line.ages.map(|a| view! { <span>{a}</span> })}
                </p>
            })}
            <div class="actions">
                {line.tel_href().map(|href| view! {
                    <a class="button button--primary" href=href>
                        <IconPhone />
                        {format!("Call {}", line.call_label().unwrap_or_default())}
                    </a>
                })}
                {line.sms_href().map(|href| view! {
                    <a class="button" href=href>
                        <IconMessage />
                        {text_what.clone()}
                    </a>
                })}
            </div>
            <p class="line__source">
                "Number checked " {checked} " on "
                <a href=line.source rel="noreferrer">{host.to_owned()}</a>
            </p>
        </li>
    }
}
