//! "This feels like too much": the way out that every exercise inviting warmth or
//! memories offers (CONTENT.md, "backdraft"). One piece for every screen, so each gets
//! the same care: the exercise waits, grounding and Help now are offered, and the card
//! comes fully into view with focus on its heading.

use crate::platform::dom;
use crate::ui::breathe::Grounding;
use crate::ui::routes::Page;
use leptos::prelude::*;

/// The quiet "This feels like too much" button and, once pressed, the card that
/// replaces it. While `open`, the card is the screen's one set of choices: the exercise
/// hides its own controls (read `open`).
#[component]
pub fn TooMuch(
    /// Whether the card is showing; the screen hides its own controls while it is.
    open: RwSignal<bool>,
    /// What happened to the exercise, in plain words that match the screen: "The
    /// breathing has stopped."
    status: &'static str,
    /// The way back into the exercise: "Carry on breathing".
    carry_on: &'static str,
    /// Pauses the exercise; runs as the card opens.
    #[prop(into)]
    on_open: Callback<()>,
    /// Takes the person back into the exercise; runs as the card closes.
    #[prop(into)]
    on_carry_on: Callback<()>,
    /// Ends the exercise for now.
    #[prop(into)]
    on_stop: Callback<()>,
) -> impl IntoView {
    let press = move |_| {
        on_open.run(());
        open.set(true);
        dom::focus_after_render("#too-much-title");
    };
    let back = move |_| {
        open.set(false);
        on_carry_on.run(());
    };
    move || {
        if open.get() {
            view! {
                <section class="card too-much" aria-labelledby="too-much-title">
                    <h2 id="too-much-title" tabindex="-1">"Let's pause here"</h2>
                    <p>"That's okay. " {status} " You could try this instead:"</p>
                    <Grounding />
                    <p>"If you want to talk to someone, "<a href=Page::Help.path()>"Help now"</a>" has free, private helplines."</p>
                    <div class="actions">
                        <button type="button" class="button" on:click=back>{carry_on}</button>
                        <button type="button" class="button" on:click=move |_| on_stop.run(())>"Stop for now"</button>
                    </div>
                </section>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="button button--quiet too-much-open" on:click=press>
                    "This feels like too much"
                </button>
            }
            .into_any()
        }
    }
}
