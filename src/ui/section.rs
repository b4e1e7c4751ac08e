//! Sections that arrive when they are first opened.
//!
//! In the release build (`--features split`, scripts/build) each section's code and words
//! are a WebAssembly file of their own, fetched the first time one of its pages opens
//! (and ahead of time when the browser is idle). [`section!`](crate::section) declares one
//! page of a section; [`Section`] shows it: a calm placeholder while it arrives, then the
//! page, or, when it cannot arrive (offline before it was kept, a broken download), a
//! plain message with "Try again" and Help now, never a blank page.
//!
//! The first page of a visit, whether it is a section's or in the first download, is
//! shown only when it is whole: until then the static page painted before the app stays
//! in view. [`later`] draws it a part per task, so the start is never one long task.
//!
//! Elsewhere (tests, `trunk serve`, clippy) the same pages are ordinary functions.

use super::routes::Page;
use crate::platform::dom;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Set once the app is on the page (main.rs calls [`mounted`]).
static MOUNTED: AtomicBool = AtomicBool::new(false);

/// Parts of the first page not drawn yet: a section's page still arriving, or a part
/// drawn [`later`]. While any is missing, the static page painted before the app
/// (index.html's shell, or a page of its own such as help.html) stays in view, and the
/// app is hidden behind it (style/shell.css). Nothing blinks from the static page to a
/// half-drawn one.
static WAITING: AtomicUsize = AtomicUsize::new(0);

/// A part of the first page that the static page waits for, let go once: when the part
/// is in place, or when its owner goes before it arrived.
#[derive(Clone, Copy)]
struct Hold(StoredValue<bool>);

impl Hold {
    fn new() -> Self {
        WAITING.fetch_add(1, Ordering::Relaxed);
        let hold = Hold(StoredValue::new(true));
        on_cleanup(move || hold.let_go());
        hold
    }

    /// When it was the last part, the static page gives way. (Gone with its owner means
    /// it was let go as the owner went.)
    fn let_go(self) {
        if self.0.try_get_value() == Some(true) {
            self.0.set_value(false);
            if WAITING.fetch_sub(1, Ordering::Relaxed) == 1 && MOUNTED.load(Ordering::Relaxed) {
                dom::remove_static_page();
            }
        }
    }

    /// Lets go once what is being built now is in place, with any parts inside it held
    /// by then (some are made only as it is built), and before the browser next paints:
    /// no frame shows neither.
    fn let_go_once_in_place(self) {
        leptos::task::spawn_local(async move { self.let_go() });
    }
}

/// Called by main.rs once the app is mounted: the static page goes now when nothing of
/// the first page is still to come, else when the last part is drawn.
pub fn mounted() {
    MOUNTED.store(true, Ordering::Relaxed);
    if WAITING.load(Ordering::Relaxed) == 0 {
        dom::remove_static_page();
    }
}

/// Whether the app is drawing its first page: from its start until the page is whole and
/// the static page has gone. A page made after that was opened from another page.
fn drawing_first_page() -> bool {
    !MOUNTED.load(Ordering::Relaxed) || WAITING.load(Ordering::Relaxed) > 0
}

/// Draws `part` in a task of its own while the app draws its first page, and at once
/// afterwards.
///
/// The start of the app is the longest stretch of work Tend does, and the browser can
/// answer nothing (a tap, a scroll of the static page) until a task ends. So the first
/// page is drawn a part at a time, each after the browser has had its turn, behind the
/// static page, which gives way when the last part is in place. Parts declared side by
/// side each get a task; a part inside a part, one more.
///
/// Not generic: the first download holds this once.
pub fn later(part: Box<dyn FnOnce() -> AnyView>) -> AnyView {
    // Pages rendered to HTML at build time (src/bin/pages.rs) are whole at once.
    if cfg!(not(target_arch = "wasm32")) || !drawing_first_page() {
        return part();
    }
    let hold = Hold::new();
    let ready = RwSignal::new(false);
    let part = StoredValue::new_local(Some(part));
    set_timeout(move || ready.set(true), std::time::Duration::ZERO);
    (move || {
        if !ready.get() {
            return None;
        }
        let view = part
            .try_update_value(Option::take)
            .flatten()
            .map(|part| part());
        hold.let_go_once_in_place();
        view
    })
    .into_any()
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
    let focus = StoredValue::new(!part && !drawing_first_page());
    // The first page of all: the static page gives way to it when it is shown (or when
    // it is left before it arrived).
    let hold = (!part && drawing_first_page()).then(Hold::new);
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
        let arrived = shown.is_some();
        let view = match shown {
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
        };
        if let Some(hold) = hold.filter(|_| arrived) {
            hold.let_go_once_in_place();
        }
        view
    }
}
