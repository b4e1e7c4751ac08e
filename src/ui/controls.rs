//! Form controls shared by Settings and the welcome screen.

use crate::domain::settings::Choice;
use leptos::prelude::*;

/// A group of radio buttons for one [`Choice`]: real inputs, so arrow keys, labels and
/// screen readers work as people expect.
#[component]
pub fn ChoiceGroup<C: Choice + Send + Sync>(
    /// The question, read as the group's name.
    legend: &'static str,
    /// Form name shared by the radios; unique on the page.
    name: &'static str,
    /// The current choice, if any.
    #[prop(into)]
    value: Signal<Option<C>>,
    /// Called with the new choice.
    on_change: Callback<C>,
    /// An optional line under the legend.
    #[prop(optional)]
    hint: &'static str,
    /// Extra class on the fieldset, e.g. `choices--big`.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let hint_id = format!("{name}-hint");
    let has_hint = !hint.is_empty();
    view! {
        <fieldset class=format!("choices {class}") aria-describedby=has_hint.then(|| hint_id.clone())>
            <legend>{legend}</legend>
            {has_hint.then(|| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            <div class="choices__options">
                {C::ALL
                    .iter()
                    .map(|&c| {
                        view! {
                            <label class=format!("choice choice--{}", c.as_str())>
                                <input
                                    type="radio"
                                    name=name
                                    value=c.as_str()
                                    prop:checked=move || value.get() == Some(c)
                                    on:change=move |_| on_change.run(c)
                                />
                                <span>{c.label()}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// An on/off switch built on a checkbox.
#[component]
pub fn Toggle(
    label: &'static str,
    #[prop(into)] checked: Signal<bool>,
    on_change: Callback<bool>,
    #[prop(optional)] hint: &'static str,
) -> impl IntoView {
    view! {
        <label class="toggle">
            <input
                type="checkbox"
                role="switch"
                prop:checked=move || checked.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <span class="toggle__text">
                <span class="toggle__label">{label}</span>
                {(!hint.is_empty()).then(|| view! { <span class="hint">{hint}</span> })}
            </span>
        </label>
    }
}
