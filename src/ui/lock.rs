//! The lock's screens: the lock screen Tend opens on while locked (nothing of the
//! person's on it, Help now at the top), and the Lock card under Settings → Your data.
//! Both live in the `lock` section's file, with all the code that encrypts.

use crate::platform::dom;
use crate::state::lock::{self, UnlockError};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Puts the lock screen in the static page's main area (its top bar, with Help now, stays
/// as it is) and returns a promise that settles once the right passphrase has opened the
/// store (handed over with [`lock::hand_over`]).
pub fn mount_lock_screen() -> js_sys::Promise {
    let mut resolve = None;
    let promise = js_sys::Promise::new(&mut |res, _| resolve = Some(res));
    let resolve = resolve.expect("a promise's executor runs at once");
    // A page without the static page's main area (none today) gets the lock screen on its
    // own in the body: the app never starts without the passphrase.
    let document = web_sys::window().and_then(|w| w.document());
    let Some(main) = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("boot-main"))
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document.as_ref().and_then(|d| d.body()))
    else {
        // No document to show it in: the promise never settles, so the app never starts.
        return promise;
    };
    main.set_inner_html("");
    dom::set_title("Locked");
    let done = move |store| {
        lock::hand_over(store);
        // The lock screen goes; the app replaces the static page in the same task.
        drop(MOUNTED.with(|m| m.borrow_mut().take()));
        let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
    };
    let done = StoredValue::new_local(Some(done));
    let mounted = leptos::mount::mount_to(main, move || {
        view! { <LockScreen on_open=move |store| {
            if let Some(done) = done.try_update_value(Option::take).flatten() {
                done(store);
            }
        } /> }
    });
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(mounted)));
    promise
}

thread_local! {
    /// The mounted lock screen, unmounted when it has done its work. Type-erased: its
    /// type would otherwise contain itself (the screen's handler drops it).
    static MOUNTED: std::cell::RefCell<Option<Box<dyn std::any::Any>>> = const { std::cell::RefCell::new(None) };
}

#[component]
fn LockScreen(on_open: impl Fn(crate::storage::SharedStore) + Clone + 'static) -> impl IntoView {
    let passphrase = NodeRef::<leptos::html::Input>::new();
    let message = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let forgot = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        let Some(input) = passphrase.get() else {
            return;
        };
        let typed = input.value();
        if typed.is_empty() {
            message.set("Type your passphrase first.".into());
            return;
        }
        working.set(true);
        message.set("Opening…".into());
        let on_open = on_open.clone();
        leptos::task::spawn_local(async move {
            match lock::unlock(&typed).await {
                Ok(store) => on_open(store),
                Err(UnlockError::Wrong) => {
                    working.set(false);
                    message.set(lock::WRONG.into());
                    input.set_value("");
                    let _ = input.focus();
                }
                Err(UnlockError::Problem(words)) => {
                    working.set(false);
                    message.set(words);
                }
            }
        });
    };

    view! {
        <div class="lock-screen">
            <h1 tabindex="-1">"Tend is locked"</h1>
            <p class="lead">"Type your passphrase to open it. Help now, at the top, works without it."</p>
            <form class="lock-form" on:submit=submit>
                <div class="field">
                    <label for="lock-passphrase">"Passphrase"</label>
                    <input id="lock-passphrase" type="password" autocomplete="current-password"
                        node_ref=passphrase autofocus=true />
                </div>
                <p class="lock-message" role="status" aria-live="polite">{move || message.get()}</p>
                <div class="actions">
                    <button type="submit" class="button button--primary" prop:disabled=move || working.get()>"Unlock"</button>
                </div>
            </form>
            <p>
                <button type="button" class="button button--quiet" aria-expanded=move || forgot.get().to_string()
                    on:click=move |_| forgot.update(|f| *f = !*f)>
                    "Forgot the passphrase?"
                </button>
            </p>
            {move || forgot.get().then(|| view! { <StartAgain /> })}
        </div>
    }
}

/// "Forgot the passphrase": nobody can open what is kept without it, so the way on is to
/// start again, after saying what would be lost.
#[component]
fn StartAgain() -> impl IntoView {
    let counts = lock::kept_counts();
    let total: usize = counts.values().sum();
    let problem = RwSignal::new(String::new());
    view! {
        <div class="inset" role="group" aria-labelledby="start-again-title">
            <h2 id="start-again-title">"Starting again"</h2>
            <p>
                "Without the passphrase, what Tend keeps here can't be opened by anyone, not even by Tend. "
                "You could take a break and try again later: there's no limit on tries."
            </p>
            <p>{format!("Starting again deletes all {} kept here, for good:", crate::state::data::items(total))}</p>
            <ul>
                {counts.iter().map(|(kind, n)| view! { <li>{super::data::kind_words(kind, *n)}</li> }).collect_view()}
            </ul>
            <p class="form-error" role="alert">{move || problem.get()}</p>
            <div class="actions">
                <button type="button" class="button button--danger" on:click=move |_| {
                    if let Err(e) = lock::start_again() {
                        problem.set(e);
                    }
                }>"Delete everything and start again"</button>
            </div>
        </div>
    }
}

/// Lock-after choices: minutes hidden, and their words.
const AFTER: [(u32, &str); 4] = [
    (0, "As soon as I leave Tend"),
    (1, "After 1 minute away"),
    (5, "After 5 minutes away"),
    (15, "After 15 minutes away"),
];

/// The Lock card under Settings → Your data.
#[component]
pub fn LockCard() -> impl IntoView {
    if crate::state::demo::is_on() {
        return view! {
            <section class="card lock-card" aria-labelledby="lock-title">
                <h2 id="lock-title">"Lock"</h2>
                <p>"The lock can be turned on outside the demo, on the device's own Tend."</p>
            </section>
        }
        .into_any();
    }
    let on = lock::is_on();
    view! {
        <section class="card lock-card" aria-labelledby="lock-title">
            <h2 id="lock-title">"Lock"</h2>
            {if on { view! { <LockOn /> }.into_any() } else { view! { <LockOff /> }.into_any() }}
        </section>
    }
    .into_any()
}

const PROTECTS: &str = "The lock keeps what you write, draw and save here scrambled on this device, so someone who opens Tend here sees only a lock. Only your passphrase opens it.";
const DOES_NOT: &str = "It can't protect you from someone who watches you type it, or who can change the apps on this device. If you forget the passphrase, nobody can open what's here, and the only way on is to start again.";

fn after_select(
    id: &'static str,
    chosen: RwSignal<u32>,
    on_pick: impl Fn(u32) + 'static,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>"Lock again"</label>
            <select id=id on:change=move |ev| {
                if let Ok(m) = event_target_value(&ev).parse::<u32>() {
                    chosen.set(m);
                    on_pick(m);
                }
            }>
                {AFTER.iter().map(|&(m, words)| view! {
                    <option value=m.to_string() prop:selected=move || chosen.get() == m>{words}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// One passphrase field: a label and a hidden-text input, its value read through `node_ref`.
#[component]
fn Passphrase(
    id: &'static str,
    label: &'static str,
    autocomplete: &'static str,
    node_ref: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="password" autocomplete=autocomplete node_ref=node_ref />
        </div>
    }
}

fn value(input: NodeRef<leptos::html::Input>) -> String {
    input.get().map(|i| i.value()).unwrap_or_default()
}

/// A passphrase worth having: long enough that guessing takes a very long time.
const MIN_CHARS: usize = 8;

fn new_passphrase_problem(first: &str, second: &str) -> Option<&'static str> {
    if first.chars().count() < MIN_CHARS {
        Some("A passphrase needs at least 8 characters. A few words you'll remember work well.")
    } else if first != second {
        Some("The two passphrases aren't the same yet.")
    } else {
        None
    }
}

#[component]
fn LockOff() -> impl IntoView {
    let first = NodeRef::<leptos::html::Input>::new();
    let second = NodeRef::<leptos::html::Input>::new();
    let after = RwSignal::new(5u32);
    let message = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let available = crate::platform::crypto::available();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        let (a, b) = (value(first), value(second));
        if let Some(problem) = new_passphrase_problem(&a, &b) {
            message.set(problem.into());
            return;
        }
        working.set(true);
        message.set("Locking everything… this takes a moment.".into());
        leptos::task::spawn_local(async move {
            if let Err(e) = lock::turn_on(&a, after.get_untracked()).await {
                working.set(false);
                message.set(e);
            }
        });
    };
    view! {
        <p>{PROTECTS}</p>
        <p>{DOES_NOT}</p>
        {if available {
            view! {
                <form on:submit=submit>
                    <Passphrase id="lock-new" label="Choose a passphrase" autocomplete="new-password" node_ref=first />
                    <Passphrase id="lock-new-again" label="Type it again" autocomplete="new-password" node_ref=second />
                    {after_select("lock-after-new", after, |_| {})}
                    <p class="form-error" role="status">{move || message.get()}</p>
                    <div class="actions">
                        <button type="submit" class="button button--primary" prop:disabled=move || working.get()>
                            "Turn on the lock"
                        </button>
                    </div>
                </form>
            }
            .into_any()
        } else {
            view! { <p class="notice">"This browser can't keep a lock for Tend here."</p> }.into_any()
        }}
    }
}

#[component]
fn LockOn() -> impl IntoView {
    let after = RwSignal::new(lock::after_minutes().unwrap_or(5));
    let saved = RwSignal::new(String::new());
    let changing = RwSignal::new(false);
    let turning_off = RwSignal::new(false);
    view! {
        <p>"Tend is locked with your passphrase. What you keep here is scrambled on this device, and only your passphrase opens it."</p>
        <p>{DOES_NOT}</p>
        <div class="actions">
            <button type="button" class="button button--primary" on:click=move |_| lock::lock_now()>"Lock now"</button>
        </div>
        {after_select("lock-after", after, move |m| {
            saved.set(match lock::set_after_minutes(m) {
                Ok(()) => "Saved.".into(),
                Err(e) => e,
            });
        })}
        <p role="status">{move || saved.get()}</p>
        <div class="actions">
            <button type="button" class="button" aria-expanded=move || changing.get().to_string()
                on:click=move |_| changing.update(|c| *c = !*c)>"Change the passphrase"</button>
            <button type="button" class="button" aria-expanded=move || turning_off.get().to_string()
                on:click=move |_| turning_off.update(|c| *c = !*c)>"Turn off the lock"</button>
        </div>
        {move || changing.get().then(|| view! { <ChangePassphrase /> })}
        {move || turning_off.get().then(|| view! { <TurnOff /> })}
    }
}

#[component]
fn ChangePassphrase() -> impl IntoView {
    let current = NodeRef::<leptos::html::Input>::new();
    let first = NodeRef::<leptos::html::Input>::new();
    let second = NodeRef::<leptos::html::Input>::new();
    let message = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        let (old, a, b) = (value(current), value(first), value(second));
        if let Some(problem) = new_passphrase_problem(&a, &b) {
            message.set(problem.into());
            return;
        }
        working.set(true);
        message.set("Changing it…".into());
        leptos::task::spawn_local(async move {
            let said = match lock::change_passphrase(&old, &a).await {
                Ok(()) => "Done. From now on, your new passphrase opens Tend.".into(),
                Err(e) => e,
            };
            working.set(false);
            message.set(said);
        });
    };
    view! {
        <form class="inset" on:submit=submit>
            <Passphrase id="lock-current" label="Your passphrase now" autocomplete="current-password" node_ref=current />
            <Passphrase id="lock-change" label="New passphrase" autocomplete="new-password" node_ref=first />
            <Passphrase id="lock-change-again" label="Type it again" autocomplete="new-password" node_ref=second />
            <p class="form-error" role="status">{move || message.get()}</p>
            <button type="submit" class="button button--primary">"Change the passphrase"</button>
        </form>
    }
}

#[component]
fn TurnOff() -> impl IntoView {
    let current = NodeRef::<leptos::html::Input>::new();
    let message = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        let typed = value(current);
        working.set(true);
        message.set("Unlocking everything…".into());
        leptos::task::spawn_local(async move {
            if let Err(e) = lock::turn_off(&typed).await {
                working.set(false);
                message.set(e);
            }
        });
    };
    view! {
        <form class="inset" on:submit=submit>
            <p>"With the lock off, anyone who opens Tend on this device could see what's here."</p>
            <Passphrase id="lock-off-passphrase" label="Your passphrase" autocomplete="current-password" node_ref=current />
            <p class="form-error" role="status">{move || message.get()}</p>
            <button type="submit" class="button">"Turn off the lock"</button>
        </form>
    }
}

/// With the lock on, an export in plain: only after the passphrase is typed again, with
/// a clear word on what that means.
#[component]
pub fn PlainExport() -> impl IntoView {
    let data = crate::state::data::use_data();
    let open = RwSignal::new(false);
    let current = NodeRef::<leptos::html::Input>::new();
    let message = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = value(current);
        message.set("Checking…".into());
        leptos::task::spawn_local(async move {
            match lock::check_passphrase(&typed).await {
                Ok(()) => {
                    message.set(String::new());
                    open.set(false);
                    data.export();
                }
                Err(e) => message.set(e),
            }
        });
    };
    view! {
        <p>
            <button type="button" class="button button--quiet" aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>"Export without the lock…"</button>
        </p>
        {move || open.get().then(|| view! {
            <form class="inset" on:submit=submit>
                <p class="warning">
                    "A file without the lock can be read by anyone who gets it: on this device, in a chat, in a cloud folder. Only choose this if you know where it will go."
                </p>
                <Passphrase id="plain-export-passphrase" label="Your passphrase, to check it's you" autocomplete="current-password" node_ref=current />
                <p class="form-error" role="status">{move || message.get()}</p>
                <button type="submit" class="button">"Export without the lock"</button>
            </form>
        })}
    }
}

/// A locked export chosen for import: the passphrase it was locked with opens it, and then
/// it is shown like any other file before anything is written.
#[component]
pub fn OpenLockedFile(
    file: crate::domain::export::ExportFile,
    locked_file: RwSignal<Option<crate::domain::export::ExportFile>>,
) -> impl IntoView {
    let data = crate::state::data::use_data();
    let current = NodeRef::<leptos::html::Input>::new();
    let message = RwSignal::new(String::new());
    let file = StoredValue::new(file);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = value(current);
        message.set("Opening…".into());
        let file = file.get_value();
        leptos::task::spawn_local(async move {
            match lock::open_locked_file(&file.records, &typed).await {
                Ok(records) => {
                    let plain = crate::domain::export::ExportFile::new(records, file.exported_at);
                    locked_file.set(None);
                    data.preview_import(&plain.to_json());
                    dom::focus_after_render("#import-title");
                }
                Err(e) => message.set(e),
            }
        });
    };
    view! {
        <form class="inset" role="group" aria-labelledby="locked-file-title" on:submit=submit>
            <h3 id="locked-file-title" tabindex="-1">"This file is locked"</h3>
            <p>"Type the passphrase it was locked with. Nothing is changed until you choose what to do with it."</p>
            <Passphrase id="locked-file-passphrase" label="The file's passphrase" autocomplete="off" node_ref=current />
            <p class="form-error" role="status">{move || message.get()}</p>
            <div class="actions">
                <button type="submit" class="button button--primary">"Open the file"</button>
                <button type="button" class="button" on:click=move |_| locked_file.set(None)>"Cancel"</button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::readability::grade;

    #[test]
    fn the_locks_honest_words_are_plain_enough() {
        for text in [PROTECTS, DOES_NOT, lock::WRONG] {
            assert!(grade(text) <= 8.0, "grade {} for {text}", grade(text));
        }
    }

    #[test]
    fn a_new_passphrase_is_long_enough_and_typed_twice_the_same() {
        assert!(new_passphrase_problem("short", "short").is_some());
        assert!(new_passphrase_problem("long enough", "long enougH").is_some());
        assert_eq!(new_passphrase_problem("long enough", "long enough"), None);
    }
}
