use crate::platform::{dom, offline};
use crate::state::{SettingsState, StorageHealth};
use crate::storage;
use crate::ui::{
    about::About, help::Help, home::Home, not_found::NotFound, routes::Page, settings::SettingsPage,
    shell::Shell, welcome::Welcome,
};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::StaticSegment;

/// The whole app: opens storage once, provides state, applies settings to the page and
/// routes between screens.
#[component]
pub fn App() -> impl IntoView {
    let (store, problem) = storage::open();
    provide_context(StorageHealth(problem));
    let settings = SettingsState::load(store);
    provide_context(settings);

    // Settings live on <html> as data attributes; apply before the first paint and on
    // every change.
    settings.with(dom::apply_settings);
    Effect::new(move |_| settings.with(dom::apply_settings));

    offline::register_service_worker();

    view! {
        <Router>
            <Shell>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=StaticSegment(Page::Home.segment()) view=Home />
                    <Route path=StaticSegment(Page::Welcome.segment()) view=Welcome />
                    <Route path=StaticSegment(Page::Help.segment()) view=Help />
                    <Route path=StaticSegment(Page::Settings.segment()) view=SettingsPage />
                    <Route path=StaticSegment(Page::About.segment()) view=About />
                </Routes>
            </Shell>
        </Router>
    }
}
