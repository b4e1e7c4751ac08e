//! The way into an exercise, drawn the same everywhere (Home's list, the "I feel…"
//! suggestions, the choices after a check-in): its picture, its name for the reader's
//! band and one line on what it is. Everything comes from the one catalogue
//! (`domain::catalogue`).

use super::icons::*;
use crate::domain::catalogue::{Exercise, Icon};
use crate::domain::Band;
use leptos::prelude::*;

/// The picture for an exercise.
pub fn icon(icon: Icon) -> AnyView {
    match icon {
        Icon::Breathe => view! { <IconBreathe /> }.into_any(),
        Icon::Circles => view! { <IconCircles /> }.into_any(),
        Icon::Break => view! { <IconKind /> }.into_any(),
        Icon::Draw => view! { <IconDraw /> }.into_any(),
        Icon::Talk => view! { <IconTalk /> }.into_any(),
        Icon::Companion => view! { <IconSprout /> }.into_any(),
        Icon::Imagery => view! { <IconImagery /> }.into_any(),
        Icon::Letter => view! { <IconLetter /> }.into_any(),
    }
}

/// A card linking to `exercise`.
#[component]
pub fn ExerciseCard(exercise: &'static Exercise, band: Band) -> impl IntoView {
    view! {
        <a class=format!("area area--{}", exercise.id) href=exercise.path>
            {icon(exercise.icon)}
            <span class="area__text">
                <span class="area__title">{exercise.name(band)}</span>
                <span class="area__hint">{exercise.about(band)}</span>
            </span>
            <IconArrow />
        </a>
    }
}

/// A list of exercise cards.
#[component]
pub fn ExerciseList(exercises: Vec<&'static Exercise>, band: Band) -> impl IntoView {
    view! {
        <ul class="cards" role="list">
            {exercises.into_iter().map(|exercise| view! {
                <li><ExerciseCard exercise band /></li>
            }).collect_view()}
        </ul>
    }
}
