//! The frame around every screen: Help always at the top, a way back, the main areas in
//! a bottom bar within thumb reach, and the storage banner when nothing can be kept.

use super::announce::Announcer;
use super::icons::*;
use super::router::use_nav;
use super::routes::Page;
use super::section::later;
use crate::platform::dom;
use crate::state::settings::use_settings;
use crate::state::{SaveStatus, StorageHealth};
use leptos::prelude::*;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let nav = use_nav();
    let health = expect_context::<StorageHealth>();
    let settings = use_settings();
    let announcer = Announcer::provide();

    // After each navigation (not the first load), focus the new page's heading so screen
    // readers announce it. Effects run after the new route has rendered.
    Effect::new(move |previous: Option<String>| {
        let now = nav.path();
        if previous.is_some_and(|p| p != now) {
            dom::focus_main_heading();
        }
        now
    });

    let at = move |page: Page| nav.is(page);
    let is_home = move || at(Page::Home);
    let on_welcome = move || at(Page::Welcome);
    let back = move |_| {
        if !dom::go_back_or_home() {
            nav.go(Page::Home.path());
        }
    };
    let current = move |page: Page| if at(page) { Some("page") } else { None };

    view! {
        // Handled here rather than by the browser, so the address stays as it is.
        <a class="skip-link" href="#main" on:click=move |ev| {
            ev.prevent_default();
            dom::focus_main();
        }>"Skip to content"</a>
        <header class="topbar">
            <div class="topbar__inner">
                {move || if is_home() || on_welcome() {
                    view! {
                        <a class="brand" href=Page::Home.path()>
                            <span class="brand__dot" aria-hidden="true"></span>
                            "Tend"
                        </a>
                    }
                    .into_any()
                } else {
                    view! {
                        <button type="button" class="topbar__back" on:click=back>
                            <IconBack />
                            "Back"
                        </button>
                    }
                    .into_any()
                }}
                <a class="help-button" href=Page::Help.path() aria-current=move || current(Page::Help)>
                    <IconHelp />
                    "Help now"
                </a>
            </div>
        </header>
        {move || health.0.clone().map(|e| view! {
            <div class="banner" role="status">
                <IconLock />
                <p>
                    <strong>{e.to_string()}</strong>
                    " You can still use everything, but nothing will be kept after you close this tab."
                </p>
            </div>
        })}
        <super::update::UpdateOffer />
        <div class="alert-region" role="alert">
            {move || match settings.status.get() {
                SaveStatus::Failed(e) => Some(view! {
                    <div class="banner banner--problem">
                        <p>
                            <strong>"Your last change isn't saved. "</strong>
                            {e.to_string()}
                            " It still works until you close Tend. To keep a copy of your data, use Export in "
                            <a href=Page::Settings.path()>"Settings"</a>
                            "."
                        </p>
                    </div>
                }),
                _ => None,
            }}
        </div>
        {announcer.region()}
        <main id="main" class="page" tabindex="-1">
            {children()}
        </main>
        // The tab bar in a task of its own as the app starts (ui::section::later).
        {later(Box::new(move || view! {
            {move || (!on_welcome()).then(|| view! {
                <nav class="tabbar" aria-label="Main">
                    <a href=Page::Home.path() aria-current=move || current(Page::Home)>
                        <IconHome />
                        <span>"Home"</span>
                    </a>
                    <a href=Page::Breathe.path() aria-current=move || current(Page::Breathe)>
                        <IconBreathe />
                        <span>"Breathe"</span>
                    </a>
                    <a href=Page::Circles.path() aria-current=move || current(Page::Circles)>
                        <IconCircles />
                        <span>"Circles"</span>
                    </a>
                    <a href=Page::Draw.path() aria-current=move || current(Page::Draw)>
                        <IconDraw />
                        <span>"Draw"</span>
                    </a>
                    <a href=Page::Settings.path() aria-current=move || current(Page::Settings)>
                        <IconSettings />
                        <span>"Settings"</span>
                    </a>
                </nav>
            })}
        }.into_any()))}
    }
}
