use crate::platform::{dom, offline};
use crate::state::circles::CirclesState;
use crate::state::drawing::DrawState;
use crate::state::family::FamilyState;
use crate::state::letters::LetterState;
use crate::state::plan::PlanState;
use crate::state::talk::TalkState;
use crate::state::{BreathState, DataState, SettingsState, StorageHealth, Store};
use crate::storage::{self, SETTINGS_KEY};
use crate::ui::demo;
use crate::ui::router::Nav;
use crate::ui::section::Section;
use crate::ui::{
    about::About, help::Help, home::Home, not_found::NotFound, routes::Page, shell::Shell,
    welcome::Welcome,
};
use leptos::prelude::*;

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
        crate::ui::update::start();
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
                Some(Page::Settings) => view! { <Section load=sections::settings /> }.into_any(),
                Some(Page::About) => view! { <About /> }.into_any(),
                Some(Page::Breathe) => view! { <Section load=sections::breathe /> }.into_any(),
                Some(Page::Patterns) => view! { <Section load=sections::patterns /> }.into_any(),
                Some(Page::History) => view! { <Section load=sections::history /> }.into_any(),
                Some(Page::Draw) => view! { <Section load=sections::draw /> }.into_any(),
                Some(Page::Gallery) => view! { <Section load=sections::gallery /> }.into_any(),
                Some(Page::Talk) => view! { <Section load=sections::talk /> }.into_any(),
                Some(Page::Circles) => view! { <Section load=sections::circles /> }.into_any(),
                Some(Page::Break) => view! { <Section load=sections::kind_break /> }.into_any(),
                Some(Page::Family) => view! { <Section load=sections::family /> }.into_any(),
                Some(Page::Lesson(lesson)) => {
                    view! { <Section load=move || sections::lesson(lesson) /> }.into_any()
                }
                Some(Page::Rehearsal(scene)) => {
                    view! { <Section load=move || sections::rehearsal(scene) /> }.into_any()
                }
                Some(Page::Demo) => view! { <Section load=sections::demo /> }.into_any(),
                Some(Page::Plan) => view! { <Section load=sections::plan /> }.into_any(),
                Some(Page::PlanMaker) => view! { <Section load=sections::plan_maker /> }.into_any(),
                Some(Page::Summary) => view! { <Section load=sections::summary /> }.into_any(),
                Some(Page::Imagery) => view! { <Section load=sections::imagery /> }.into_any(),
                Some(Page::Letter) => view! { <Section load=sections::letter /> }.into_any(),
                Some(Page::Handouts) => view! { <Section load=sections::handouts /> }.into_any(),
                Some(Page::Handout(handout)) => {
                    view! { <Section load=move || sections::handout(handout) /> }.into_any()
                }
                None => view! { <NotFound /> }.into_any(),
            }
            }}
        </Shell>
    }
}

/// The pages that arrive when first opened, one `section!` line per page, named by the
/// section whose file they go in. The first download holds the shell, Home, Help and the
/// welcome, and nothing else: a new section's pages are declared here (with their own
/// section name) and shown above as `<Section load=sections::page />`.
mod sections {
    use crate::domain::family::{FamilyScene, Lesson};
    use crate::domain::handout::Handout;
    use crate::section;
    use crate::ui::{
        breathe, circles, demo, draw, family, handouts, imagery, kind_break, letter, plan,
        settings, summary, talk,
    };
    use leptos::prelude::*;

    section!(breathe, breathe() => view! { <breathe::Breathe /> });
    section!(breathe, patterns() => view! { <breathe::patterns::Patterns /> });
    section!(breathe, history() => view! { <breathe::history::History /> });
    section!(draw, draw() => view! { <draw::DrawRoom /> });
    section!(draw, gallery() => view! { <draw::gallery::Gallery /> });
    section!(talk, talk() => view! { <talk::Talk /> });
    section!(settings, settings() => view! { <settings::SettingsPage /> });
    section!(plan, demo() => view! { <demo::DemoStart /> });
    section!(plan, plan() => view! { <plan::PlanOpen /> });
    section!(plan, plan_maker() => view! { <plan::PlanMaker /> });
    section!(summary, summary() => view! { <summary::SummaryPage /> });
    section!(handouts, handouts() => view! { <handouts::Handouts /> });
    section!(handouts, handout(handout: &'static Handout) => view! { <handouts::HandoutCard handout /> });

    section!(circles, circles() => view! { <circles::Circles /> });
    section!(kind, kind_break() => view! { <kind_break::KindBreak /> });
    section!(kind, imagery() => view! { <imagery::Imagery /> });
    section!(letter, letter() => view! { <letter::LetterPage /> });

    section!(family, family() => view! { <family::Family /> });
    section!(family, lesson(lesson: &'static Lesson) => view! { <family::lesson::LessonPage lesson /> });
    section!(family, rehearsal(scene: &'static FamilyScene) => view! { <family::rehearse::Rehearsal scene /> });
}
