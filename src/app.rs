use crate::platform::{dom, offline};
use crate::state::circles::CirclesState;
use crate::state::drawing::DrawState;
use crate::state::family::FamilyState;
use crate::state::letters::LetterState;
use crate::state::plan::PlanState;
use crate::state::talk::TalkState;
use crate::state::{BreathState, DataState, SettingsState, StorageHealth, Store};
use crate::storage::SETTINGS_KEY;
use crate::ui::demo;
use crate::ui::router::Nav;
use crate::ui::section::{later, Section};
use crate::ui::{
    help::Help, home::Home, not_found::NotFound, routes::Page, shell::Shell, welcome::Welcome,
};
use leptos::prelude::*;
use std::rc::Rc;

/// The whole app: opens storage once, provides state, applies settings to the page and
/// routes between screens.
#[component]
pub fn App() -> impl IntoView {
    // Demo mode is chosen here, once: a memory store with sample content instead of
    // this device's storage (see state::demo).
    // Whatever is in progress holds this; a new version waits for it (ui::update).
    crate::state::busy::Busy::provide();
    // This page's files stay kept while it is open, whatever version comes next.
    offline::hold_this_version();
    let (store, problem) = crate::state::demo::open_store();
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

    // Records changed under the lists already read: every kind read so far reads again
    // (each asked to hear of changes when it first read, see `Store::changed`).
    let reread = move |key: Option<&str>| store.changed(key);
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
        // The lock turned on or off in another tab (or everything deleted with it): start
        // afresh, at the lock screen when there is one.
        if key.as_deref() == Some(crate::storage::lock::LOCK_KEY)
            && ev.old_value().is_none() != ev.new_value().is_none()
        {
            crate::state::lock::lock_now();
            return;
        }
        if key.as_deref().is_none_or(|k| k == SETTINGS_KEY) {
            settings.reload();
        }
        reread(key.as_deref());
    });

    // Settings live on <html> as data attributes; apply before the first paint and on
    // every change.
    settings.with(dom::apply_settings);
    Effect::new(move |_| settings.with(dom::apply_settings));

    // Demo mode leaves the device's offline copy as it is, too.
    if !crate::state::demo::is_on() {
        crate::ui::update::start();
    }

    let nav = Nav::provide();
    // A first visit (no age band yet) opening Home goes to the welcome instead, and a
    // parent or carer (who needs no band) to their own section, before anything is shown:
    // nothing of Home is drawn or fetched only to be left. (Home does the same when the
    // band goes later, for example after "delete everything".)
    if nav.is(Page::Home) {
        if let Some(to) = settings.with_untracked(crate::ui::home::instead_of_home) {
            nav.replace(to.path());
        }
    }
    let page = Memo::new(move |_| nav.page());
    // In demo mode the age band switcher shows the same screen again in the new band.
    let band = Memo::new(move |_| settings.with(|s| s.band));
    view! {
        {crate::state::demo::is_on().then(|| view! { <demo::DemoBar /> })}
        // The shell in a task after the state it shows, and the page in one after that.
        {later(Box::new(move || view! {
            <Shell>
                {move || {
                if crate::state::demo::is_on() {
                    band.track();
                }
                match page.get() {
                    // Pages in the first download: drawn after the shell, in a task of
                    // their own, as the app starts (see ui::section::later).
                    Some(Page::Home) => later(Box::new(|| view! { <Home /> }.into_any())),
                    Some(Page::Welcome) => later(Box::new(|| view! { <Welcome /> }.into_any())),
                    Some(Page::Help) => later(Box::new(|| view! { <Help /> }.into_any())),
                    Some(Page::Settings) => section(Rc::new(sections::settings)),
                    Some(Page::About) => section(Rc::new(sections::about)),
                    Some(Page::Breathe) => section(Rc::new(sections::breathe)),
                    Some(Page::Patterns) => section(Rc::new(sections::patterns)),
                    Some(Page::History) => section(Rc::new(sections::history)),
                    Some(Page::Draw) => section(Rc::new(sections::draw)),
                    Some(Page::Gallery) => section(Rc::new(sections::gallery)),
                    Some(Page::Talk) => section(Rc::new(sections::talk)),
                    Some(Page::Circles) => section(Rc::new(sections::circles)),
                    Some(Page::Break) => section(Rc::new(sections::kind_break)),
                    Some(Page::Family) => section(Rc::new(sections::family)),
                    Some(Page::Lesson(path)) => {
                        section(Rc::new(move || sections::lesson(path)))
                    }
                    Some(Page::Rehearsal(path)) => {
                        section(Rc::new(move || sections::rehearsal(path)))
                    }
                    Some(Page::Demo) => section(Rc::new(sections::demo)),
                    Some(Page::Plan) => section(Rc::new(sections::plan)),
                    Some(Page::PlanMaker) => section(Rc::new(sections::plan_maker)),
                    Some(Page::Summary) => section(Rc::new(sections::summary)),
                    Some(Page::Imagery) => section(Rc::new(sections::imagery)),
                    Some(Page::Letter) => section(Rc::new(sections::letter)),
                    Some(Page::Handouts) => section(Rc::new(sections::handouts)),
                    Some(Page::Handout(path)) => {
                        section(Rc::new(move || sections::handout(path)))
                    }
                    None => view! { <NotFound /> }.into_any(),
                }
                }}
            </Shell>
        }.into_any()))}
    }
}

/// A page that arrives when first opened (see [`Section`]). Not generic: the first
/// download holds this once, not once per page.
fn section(load: std::rc::Rc<dyn Fn() -> crate::ui::section::Loading>) -> AnyView {
    view! { <Section load /> }.into_any()
}

/// The pages that arrive when first opened, one `section!` line per page, named by the
/// section whose file they go in. The first download holds the shell, Help, the welcome
/// and the top of Home (ui::home), and nothing else: a new section's pages are declared here (with their own
/// section name) and shown above as `<Section load=sections::page />`.
mod sections {
    use crate::content;
    use crate::section;
    use crate::ui::not_found::NotFound;
    use crate::ui::{
        about, breathe, circles, demo, draw, family, handouts, imagery, kind_break, letter, plan,
        settings, summary, talk,
    };
    use leptos::prelude::*;

    section!(breathe, breathe() => view! { <breathe::Breathe /> });
    // The person's own patterns and past sessions: a file apart from the breathing space,
    // so a session (the way in from Home's one tap) brings only what it needs.
    section!(breathe_yours, patterns() => view! { <breathe::patterns::Patterns /> });
    section!(breathe_yours, history() => view! { <breathe::history::History /> });
    section!(draw, draw() => view! { <draw::DrawRoom /> });
    section!(draw, gallery() => view! { <draw::gallery::Gallery /> });
    section!(talk, talk() => view! { <talk::Talk /> });
    section!(settings, settings() => view! { <settings::SettingsPage /> });
    section!(plan, demo() => view! { <demo::DemoStart /> });
    section!(plan, plan() => view! { <plan::PlanOpen /> });
    section!(plan, plan_maker() => view! { <plan::PlanMaker /> });
    section!(summary, summary() => view! { <summary::SummaryPage /> });
    section!(handouts, handouts() => view! { <handouts::Handouts /> });
    section!(handouts, handout(path: &'static str) => match content::handout_at(path) {
        Some(handout) => view! { <handouts::HandoutCard handout /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    });

    section!(circles, circles() => view! { <circles::Circles /> });
    section!(kind, kind_break() => view! { <kind_break::KindBreak /> });
    section!(kind, imagery() => view! { <imagery::Imagery /> });
    section!(letter, letter() => view! { <letter::LetterPage /> });

    section!(family, family() => view! { <family::Family /> });
    section!(family, lesson(path: &'static str) => match content::lesson_at(path) {
        Some(lesson) => view! { <family::lesson::LessonPage lesson /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    });
    section!(family, rehearsal(path: &'static str) => match content::family_scene_at(path) {
        Some(scene) => view! { <family::rehearse::Rehearsal scene /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    });
    section!(about, about() => view! { <about::About /> });
}
