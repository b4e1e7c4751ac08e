use super::controls::{options, parse, RadioGroup, Toggle};
use super::data::DataPanel;
use super::settings_device::DeviceCard;
use crate::content::REGIONS;
use crate::domain::settings::{Accent, Choice, Motion, Settings, TextSize, Theme, Who};
use crate::domain::Band;
use crate::platform::dom;
use crate::state::settings::{use_settings, Found};
use crate::state::SaveStatus;
use leptos::prelude::*;

/// Settings apply at once and are saved on every change; the status line says whether
/// the save was verified.
#[component]
pub fn SettingsPage() -> impl IntoView {
    dom::set_title("Settings");
    let settings = use_settings();

    // Every choice is one row of this table, drawn by the same code below.
    let choices = choice_rows().into_iter().map(move |row| {
        view! {
            <RadioGroup
                legend=row.legend
                name=row.name
                hint=row.hint
                class=row.class
                options=(row.options)()
                selected=Signal::derive(move || settings.with(row.get))
                on_pick=Callback::new(move |id: &'static str| settings.update(|s| (row.set)(s, id)))
            />
        }
    });
    let toggles = toggle_rows().into_iter().map(move |row| {
        view! {
            <Toggle
                label=row.label
                hint=row.hint
                checked=Signal::derive(move || settings.with(row.get))
                on_change=Callback::new(move |on: bool| settings.update(|s| (row.set)(s, on)))
            />
        }
    });

    view! {
        <div class="settings">
            <h1>"Settings"</h1>
            <p class="lead">{crate::state::kept_words("Changes apply straight away and stay on this device.")}</p>
            {move || match settings.found.get() {
                Found::Fine => None,
                Found::Unreadable => Some(view! {
                    <p class="notice">
                        "Your saved settings couldn't be opened, so Tend is using the standard ones. The old copy is kept safely and is included when you export."
                    </p>
                }),
                Found::Newer => Some(view! {
                    <p class="notice">
                        "Your settings were saved by a newer version of Tend. They are kept as they are and can't be changed here."
                    </p>
                }),
            }}

            // Adding Tend to the home screen, and once, a word if this browser may clear
            // what Tend keeps: at the top, so it is read when it is said.
            <DeviceCard />

            {choices.collect_view()}

            <fieldset class="choices">
                <legend>"Cues"</legend>
                {toggles.collect_view()}
            </fieldset>

            <div class="field">
                <label for="settings-region">"Help now shows lines for"</label>
                <select id="settings-region" on:change=move |ev| {
                    let id = event_target_value(&ev);
                    settings.update(|s| s.region = (!id.is_empty()).then_some(id));
                }>
                    <option value="" prop:selected=move || settings.with(|s| s.region.is_none())>
                        "My browser's country"
                    </option>
                    {REGIONS
                        .iter()
                        .map(|r| view! {
                            <option value=r.id prop:selected=move || settings.with(|s| s.region.as_deref() == Some(r.id))>
                                {r.name}
                            </option>
                        })
                        .collect_view()}
                </select>
            </div>

            // Failures are announced by the shell's alert, with a way to export.
            <p class="save-status" role="status">
                {move || (settings.status.get() == SaveStatus::Saved).then_some(crate::state::kept_words("Saved on this device."))}
            </p>

            <DemoEntry />

            <DataPanel />

            <super::lock::LockCard />

            // About left the tab bar for the three circles; it stays one tap from here
            // and from Home.
            <p class="settings__about">
                <a href=super::routes::Page::About.path()>"About Tend: where the ideas come from, and your privacy"</a>
            </p>
        </div>
    }
}

/// One settings choice: its words, its options, and how it reads and changes `Settings`.
#[derive(Clone, Copy)]
struct ChoiceRow {
    legend: &'static str,
    name: &'static str,
    hint: &'static str,
    class: &'static str,
    options: fn() -> Vec<(&'static str, &'static str)>,
    get: fn(&Settings) -> Option<&'static str>,
    set: fn(&mut Settings, &str),
}

fn choice_rows() -> [ChoiceRow; 6] {
    [
        ChoiceRow {
            legend: "Who uses Tend here",
            name: "who",
            hint: "A parent or carer starts in the family section; a young person picks an age band below.",
            class: "",
            options: options::<Who>,
            get: |s| s.who.map(Who::as_str),
            set: |s, id| s.who = parse(id).or(s.who),
        },
        ChoiceRow {
            legend: "Age band",
            name: "band",
            hint: "Changes the words, examples and length of exercises.",
            class: "",
            options: options::<Band>,
            get: |s| s.band.map(Band::as_str),
            set: |s, id| s.band = Band::parse(id).or(s.band),
        },
        ChoiceRow {
            legend: "Theme",
            name: "theme",
            hint: "",
            class: "",
            options: options::<Theme>,
            get: |s| Some(s.theme.as_str()),
            set: |s, id| s.theme = parse(id).unwrap_or(s.theme),
        },
        ChoiceRow {
            legend: "Colour",
            name: "accent",
            hint: "Your colour for buttons and highlights.",
            class: "choices--swatches",
            options: options::<Accent>,
            get: |s| Some(s.accent.as_str()),
            set: |s, id| s.accent = parse(id).unwrap_or(s.accent),
        },
        ChoiceRow {
            legend: "Text size",
            name: "text-size",
            hint: "",
            class: "",
            options: options::<TextSize>,
            get: |s| Some(s.text_size.as_str()),
            set: |s, id| s.text_size = parse(id).unwrap_or(s.text_size),
        },
        ChoiceRow {
            legend: "Motion",
            name: "motion",
            hint: "Less motion keeps shapes still; colour and words carry the rhythm.",
            class: "",
            options: options::<Motion>,
            get: |s| Some(s.motion.as_str()),
            set: |s, id| s.motion = parse(id).unwrap_or(s.motion),
        },
    ]
}

#[derive(Clone, Copy)]
struct ToggleRow {
    label: &'static str,
    hint: &'static str,
    get: fn(&Settings) -> bool,
    set: fn(&mut Settings, bool),
}

fn toggle_rows() -> [ToggleRow; 2] {
    [
        ToggleRow {
            label: "Sound",
            hint: "Soft tones in exercises. Nothing ever plays by itself.",
            get: |s| s.sound,
            set: |s, on| s.sound = on,
        },
        ToggleRow {
            label: "Vibration",
            hint: "Gentle buzzes, on phones that have them.",
            get: |s| s.vibration,
            set: |s, on| s.vibration = on,
        },
    ]
}

/// The way into demo mode (and, once in it, a word that this is the demo's own copy).
#[component]
fn DemoEntry() -> impl IntoView {
    use crate::state::demo;
    view! {
        <section class="card demo-entry" aria-labelledby="demo-entry-title">
            <h2 id="demo-entry-title">"Show Tend to others"</h2>
            {if demo::is_on() {
                view! {
                    <p class="hint">"You're in demo mode. Changes here last only until you leave it."</p>
                    <p class="actions">
                        <a class="button" href=super::routes::Page::Handouts.path()>"Handouts to print"</a>
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <p class="hint">"Demo mode shows every exercise with sample things in it. Nothing you do there is kept, and your own things here stay hidden and just as they are."</p>
                    <p class="actions">
                        <a class="button" href=demo::PATH>"Show Tend to others (demo mode)"</a>
                        <a class="button" href=super::routes::Page::PlanMaker.path()>"Make a practice plan"</a>
                        <a class="button" href=super::routes::Page::Handouts.path()>"Handouts to print"</a>
                    </p>
                }
                .into_any()
            }}
        </section>
    }
}
