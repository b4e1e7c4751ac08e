//! Form controls shared by Settings and the welcome screen.

use crate::domain::settings::Choice;
use leptos::prelude::*;

/// `(id, label)` pairs for every value of a [`Choice`], for a [`RadioGroup`].
pub fn options<C: Choice>() -> Vec<(&'static str, &'static str)> {
    C::ALL.iter().map(|c| (c.as_str(), c.label())).collect()
}

/// The value of a [`Choice`] with this id.
pub fn parse<C: Choice>(id: &str) -> Option<C> {
    C::with_id(id)
}

/// A group of radio buttons: real inputs, so arrow keys, labels and screen readers work
/// as people expect. It works on string ids, so one copy of this view serves every kind
/// of choice (a generic one was compiled once per type, a cost in download size).
#[component]
pub fn RadioGroup(
    /// The question, read as the group's name.
    legend: &'static str,
    /// Form name shared by the radios; unique on the page.
    name: &'static str,
    /// `(id, label)` for each option, in order.
    options: Vec<(&'static str, &'static str)>,
    /// The id of the current choice, if any.
    #[prop(into)]
    selected: Signal<Option<&'static str>>,
    /// Called with the id of the new choice.
    on_pick: Callback<&'static str>,
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
                {options
                    .into_iter()
                    .map(|(id, label)| {
                        view! {
                            <label class=format!("choice choice--{id}")>
                                <input
                                    type="radio"
                                    name=name
                                    value=id
                                    prop:checked=move || selected.get() == Some(id)
                                    on:change=move |_| on_pick.run(id)
                                />
                                <span>{label}</span>
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
    /// A line under the label (worked out at run time, if need be).
    #[prop(optional, into)]
    hint: Oco<'static, str>,
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
