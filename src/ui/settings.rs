use super::controls::{ChoiceGroup, Toggle};
use super::data::DataPanel;
use crate::content::REGIONS;
use crate::domain::settings::{Accent, Motion, Settings, TextSize, Theme};
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

    // One signal and one callback per field, from a getter and a setter of `Settings`.
    fn field<T: Clone + PartialEq + Send + Sync + 'static, V: Send + Sync + 'static>(
        get: fn(&Settings) -> V,
        set: fn(&mut Settings, T),
    ) -> (Signal<V>, Callback<T>) {
        let settings = use_settings();
        (
            Signal::derive(move || settings.with(get)),
            Callback::new(move |v: T| settings.update(|s| set(s, v))),
        )
    }

    let (band, set_band) = field(|s| s.band, |s, v: Band| s.band = Some(v));
    let (theme, set_theme) = field(|s| Some(s.theme), |s, v: Theme| s.theme = v);
    let (accent, set_accent) = field(|s| Some(s.accent), |s, v: Accent| s.accent = v);
    let (size, set_size) = field(|s| Some(s.text_size), |s, v: TextSize| s.text_size = v);
    let (motion, set_motion) = field(|s| Some(s.motion), |s, v: Motion| s.motion = v);
    let (sound, set_sound) = field(|s| s.sound, |s, v: bool| s.sound = v);
    let (vibration, set_vibration) = field(|s| s.vibration, |s, v: bool| s.vibration = v);

    view! {
        <div class="settings">
            <h1>"Settings"</h1>
            <p class="lead">"Changes apply straight away and stay on this device."</p>
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

            <ChoiceGroup legend="Age band" name="band" value=band on_change=set_band
                hint="Changes the words, examples and length of exercises." />
            <ChoiceGroup legend="Theme" name="theme" value=theme on_change=set_theme />
            <ChoiceGroup legend="Colour" name="accent" value=accent on_change=set_accent class="choices--swatches"
                hint="Your colour for buttons and highlights." />
            <ChoiceGroup legend="Text size" name="text-size" value=size on_change=set_size />
            <ChoiceGroup legend="Motion" name="motion" value=motion on_change=set_motion
                hint="Less motion keeps shapes still; colour and words carry the rhythm." />

            <fieldset class="choices">
                <legend>"Cues"</legend>
                <Toggle label="Sound" checked=sound on_change=set_sound hint="Soft tones in exercises. Nothing ever plays by itself." />
                <Toggle label="Vibration" checked=vibration on_change=set_vibration hint="Gentle buzzes, on phones that have them." />
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
                {move || (settings.status.get() == SaveStatus::Saved).then_some("Saved on this device.")}
            </p>

            <DataPanel />
        </div>
    }
}
