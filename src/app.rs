use crate::platform::{dom, offline};
use crate::state::circles::CirclesState;
use crate::state::drawing::DrawState;
use crate::state::family::FamilyState;
use crate::state::letters::LetterState;
use crate::state::plan::PlanState;
use crate::state::talk::TalkState;
use crate::state::{BreathState, DataState, SettingsState, StorageHealth, Store};
use crate::storage::{self, SETTINGS_KEY};
use crate::ui::router::Nav;
use crate::ui::{
    about::About, breathe, draw, family, help::Help, home::Home, not_found::NotFound, routes::Page,
    settings::SettingsPage, shell::Shell, talk, welcome::Welcome,
};
use crate::ui::{demo, handouts, imagery, letter, plan};
use leptos::prelude::*;

/// The whole app: opens storage once, provides state, applies settings to the page and
/// routes between screens.
#[component]
pub fn App() -> impl IntoView {
    // Demo mode is chosen here, once: a memory store with sample content instead of
    // this device's storage (see state::demo).
    let (store, problem) = crate::state::demo::open_store(dom::today());
    provide_context(StorageHealth(problem));
    let store = Store::new(store);
    let settings = SettingsState::load(store);
    provide_context(settings);
    let data = DataState::new(store, settings);
    provide_context(data);
    let breath = BreathState::load(store);
    provide_context(breath);
    let drawings = DrawState::load(store);
    provide_context(drawings);
    let talks = TalkState::load(store);
    provide_context(talks);
    let circles = CirclesState::new(store);
    provide_context(circles);
    // The family section's own records, read only when a family page first asks.
    let family_state = FamilyState::new(store);
    provide_context(family_state);
    let plans = PlanState::new(store);
    provide_context(plans);
    // Letters are read only when the letter screen first asks.
    let letters = LetterState::new(store);
    provide_context(letters);

    // Records changed under the lists already read: read those kinds again.
    let reread = move |key: Option<&str>| {
        breath.heard(key);
        drawings.heard(key);
        talks.heard(key);
        circles.heard(key);
        family_state.heard(key);
        plans.heard(key);
        letters.heard(key);
    };
    // An import or "delete everything" in this tab.
    Effect::new(move |previous: Option<u32>| {
        let now = data.replaced.get();
        if previous.is_some_and(|p| p != now) {
            reread(None);
        }
        now
    });

    // Another tab changed or deleted something: read it again, never write back.
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        let key = ev.key();
        if key.as_deref().is_none_or(|k| k == SETTINGS_KEY) {
            settings.reload();
        }
        reread(key.as_deref());
        if data.watched.get_untracked()
            && key
                .as_deref()
                .is_none_or(|k| k.starts_with(storage::PREFIX))
        {
            data.refresh();
        }
    });

    // Settings live on <html> as data attributes; apply before the first paint and on
    // every change.
    settings.with(dom::apply_settings);
    Effect::new(move |_| settings.with(dom::apply_settings));

    // Demo mode leaves the device's offline copy as it is, too.
    if !crate::state::demo::is_on() {
        offline::register_service_worker();
    }

    let nav = Nav::provide();
    let page = Memo::new(move |_| nav.page());
    // In demo mode the age band switcher shows the same screen again in the new band.
    let band = Memo::new(move |_| settings.with(|s| s.band));
    view! {
        {crate::state::demo::is_on().then(|| view! { <demo::DemoBar /> })}
        <Shell>
            {move || {
            if crate::state::demo::is_on() {
                band.track();
            }
            match page.get() {
                Some(Page::Home) => view! { <Home /> }.into_any(),
                Some(Page::Welcome) => view! { <Welcome /> }.into_any(),
                Some(Page::Help) => view! { <Help /> }.into_any(),
                Some(Page::Settings) => view! { <SettingsPage /> }.into_any(),
                Some(Page::About) => view! { <About /> }.into_any(),
                Some(Page::Breathe) => view! { <breathe::Breathe /> }.into_any(),
                Some(Page::Patterns) => view! { <breathe::patterns::Patterns /> }.into_any(),
                Some(Page::History) => view! { <breathe::history::History /> }.into_any(),
                Some(Page::Draw) => view! { <draw::DrawRoom /> }.into_any(),
                Some(Page::Gallery) => view! { <draw::gallery::Gallery /> }.into_any(),
                Some(Page::Talk) => view! { <talk::Talk /> }.into_any(),
                Some(Page::Circles) => view! { <crate::ui::circles::Circles /> }.into_any(),
                Some(Page::Break) => view! { <crate::ui::kind_break::KindBreak /> }.into_any(),
                Some(Page::Family) => view! { <family::Family /> }.into_any(),
                Some(Page::Lesson(lesson)) => {
                    view! { <family::lesson::LessonPage lesson /> }.into_any()
                }
                Some(Page::Rehearsal(scene)) => {
                    view! { <family::rehearse::Rehearsal scene /> }.into_any()
                }
                Some(Page::Demo) => view! { <demo::DemoStart /> }.into_any(),
                Some(Page::Plan) => view! { <plan::PlanOpen /> }.into_any(),
                Some(Page::PlanMaker) => view! { <plan::PlanMaker /> }.into_any(),
                Some(Page::Summary) => view! { <crate::ui::summary::SummaryPage /> }.into_any(),
                Some(Page::Imagery) => view! { <imagery::Imagery /> }.into_any(),
                Some(Page::Letter) => view! { <letter::LetterPage /> }.into_any(),
                Some(Page::Handouts) => view! { <handouts::Handouts /> }.into_any(),
                Some(Page::Handout(handout)) => view! { <handouts::HandoutCard handout /> }.into_any(),
                None => view! { <NotFound /> }.into_any(),
            }
            }}
        </Shell>
    }
}
