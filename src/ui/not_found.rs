use super::icons::Companion;
use super::routes::Page;
use crate::platform::dom;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    dom::set_title("Page not found");
    view! {
        <div class="not-found">
            <Companion mood="puzzled" />
            <h1>"We can't find that page"</h1>
            <p>"The link may be old, or a letter got mixed up. Nothing you saved is lost."</p>
            <div class="actions">
                <a class="button button--primary" href=Page::Home.path()>"Go home"</a>
                <a class="button" href=Page::Help.path()>"Help now"</a>
            </div>
        </div>
    }
}
