//! Sections that arrive when they are first opened.
//!
//! In the release build (`--features split`, scripts/build) each section's code and words
//! are a WebAssembly file of their own, fetched the first time one of its pages opens
//! (and ahead of time when the browser is idle). [`section!`](crate::section) declares one
//! page of a section; [`Section`] shows it: a calm placeholder while it arrives, then the
//! page, or, when it cannot arrive (offline before it was kept, a broken download), a
//! plain message with "Try again" and Help now, never a blank page.
//!
//! Elsewhere (tests, `trunk serve`, clippy) the same pages are ordinary functions.

use super::routes::Page;
use crate::platform::dom;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once the first page is on screen (see [`started`]).
static STARTED: AtomicBool = AtomicBool::new(false);

/// Set when the first page shown is a section's (see [`first_page_waits`]).
static FIRST_WAITS: AtomicBool = AtomicBool::new(false);

/// Called by the shell once the first page has rendered: a section page made after this
/// was opened from another page.
pub fn started() {
    STARTED.store(true, Ordering::Relaxed);
}

/// Whether the first page is a section's still on its way: then the static page painted
/// before the app (index.html's shell, or a page of its own such as family.html) stays
/// in view, and the app hidden behind it (style/shell.css), until that page is ready or
/// has said it cannot arrive. Nothing blinks from the static page to a placeholder and
/// back. main.rs asks once the app is mounted.
pub fn first_page_waits() -> bool {
    FIRST_WAITS.load(Ordering::Relaxed)
}

/// Why a section could not be shown: its file did not arrive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// A page of a section, ready to be shown once its section has arrived.
pub type Loading = Pin<Box<dyn Future<Output = Result<AnyView, NotLoaded>>>>;

/// Declares `fn $name($args) -> Loading`: the page `$view` of section `$section`. In the
/// split build every page declared with the same `$section` name lives in one file,
/// `split_$section.wasm`, with all the code only it uses (shared code stays in the
/// first download or in a shared chunk).
#[macro_export]
macro_rules! section {
    ($section:ident, $name:ident($($arg:ident: $ty:ty),*) => $view:expr) => {
        pub fn $name($($arg: $ty),*) -> $crate::ui::section::Loading {
            #[cfg(feature = "split")]
            #[::leptos::wasm_split::wasm_split($section, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn page($($arg: $ty),*) -> Result<::leptos::prelude::AnyView, $crate::ui::section::NotLoaded> {
                Ok(::leptos::prelude::IntoAny::into_any($view))
            }
            #[cfg(not(feature = "split"))]
            async fn page($($arg: $ty),*) -> Result<::leptos::prelude::AnyView, $crate::ui::section::NotLoaded> {
                Ok(::leptos::prelude::IntoAny::into_any($view))
            }
            Box::pin(page($($arg),*))
        }
    };
}

/// Shows the page `load` brings: a placeholder until it arrives, then the page (with
/// focus on its heading when it was opened from another page), or the message with
/// "Try again" when it did not arrive.
///
/// `load` is shared rather than generic, so the first download holds this component once,
/// not once per page.
///
/// A `part` of a page (the rest of Home, below its first lines) shows nothing while it
/// arrives and is added below what is already there, so nothing on screen moves; it
/// neither holds the static page nor takes the focus, and when it cannot arrive it says
/// so in a line of its own.
#[component]
pub fn Section(
    load: std::rc::Rc<dyn Fn() -> Loading>,
    /// A part of a page rather than a whole page.
    #[prop(optional)]
    part: bool,
) -> impl IntoView {
    // `None` while loading; each "Try again" loads again.
    let shown = RwSignal::new(None::<Result<(), NotLoaded>>);
    let slot = StoredValue::new_local(None::<AnyView>);
    let start = move || {
        shown.set(None);
        let future = load();
        // Scoped: the page reads its state from the contexts this component sees (and the
        // load is dropped if the page is left before it arrives).
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            match future.await {
                Ok(view) => {
                    slot.set_value(Some(view));
                    shown.set(Some(Ok(())));
                }
                Err(e) => shown.set(Some(Err(e))),
            }
        });
    };
    start();
    // A page opened from another one gets the focus on its heading once it is there, as
    // the shell does for pages in the first download; so does one that came on "Try
    // again" (the button that had the focus is gone).
    // A part keeps the focus where it is, on "Try again" too.
    let started = STARTED.load(Ordering::Relaxed);
    let focus = StoredValue::new(!part && started);
    // The first page of all: the static page gives way to it when it is shown.
    let first = !part && !started;
    if first {
        FIRST_WAITS.store(true, Ordering::Relaxed);
    }
    // "Try again" runs in a click handler, outside any owner: load under this one again.
    let owner = Owner::current();
    let again = StoredValue::new_local(move || {
        focus.set_value(!part);
        match &owner {
            Some(owner) => owner.with(&start),
            None => start(),
        }
    });

    move || {
        let shown = shown.get();
        if first && shown.is_some() {
            // In the same run that puts the page (or the message) in place: no frame
            // shows neither.
            dom::remove_static_page();
        }
        match shown {
            None if part => ().into_any(),
            None => view! {
                <div class="boot__placeholder" aria-hidden="true">
                    <span></span><span></span><span></span>
                </div>
            }
            .into_any(),
            Some(Ok(())) => {
                let page = slot.try_update_value(Option::take).flatten();
                if focus.get_value() {
                    request_animation_frame(dom::focus_main_heading);
                }
                page.unwrap_or_else(|| ().into_any())
            }
            Some(Err(NotLoaded)) => {
                let actions = view! {
                    <div class="actions">
                        <button type="button" class="button" class:button--primary=!part
                            on:click=move |_| again.with_value(|again| again())>
                            "Try again"
                        </button>
                        <a class="button" href=Page::Help.path()>"Help now"</a>
                    </div>
                };
                if part {
                    view! {
                        <div class="section__failed section__failed--part" role="alert">
                            <p>
                                <strong>"The rest of this page didn't arrive. "</strong>
                                "It needs a connection the first time it opens. Nothing you saved is lost."
                            </p>
                            {actions}
                        </div>
                    }
                    .into_any()
                } else {
                    view! {
                        <div class="section__failed" role="alert">
                            <h1>"This part of Tend didn't arrive"</h1>
                            <p>
                                "It needs a connection the first time it opens, and the download stopped. "
                                "Nothing you saved is lost."
                            </p>
                            {actions}
                        </div>
                    }
                    .into_any()
                }
            }
        }
    }
}
