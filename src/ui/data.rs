//! "Your data" on the Settings page: what is kept, export, import, delete everything.

use crate::domain::date;
use crate::domain::export::MAX_BYTES;
use crate::platform::{dom, files};
use crate::state::data::{items, use_data, Outcome};
use leptos::prelude::*;

/// How a kind of record is named to people.
pub fn kind_words(kind: &str, n: usize) -> String {
    let (one, many) = match kind {
        "settings" => return "your settings".to_owned(),
        "meta" => return "the date of your last export".to_owned(),
        // A drawing or a letter in progress (`tend.draft.drawing`, `tend.draft.letter`).
        "draft" => ("piece of work in progress", "pieces of work in progress"),
        "kept" => ("copy kept aside", "copies kept aside"),
        "breath" => ("breathing session", "breathing sessions"),
        "pattern" => (
            "breathing pattern of your own",
            "breathing patterns of your own",
        ),
        "drawing" => ("drawing", "drawings"),
        "letter" => ("letter to yourself", "letters to yourself"),
        "circles" => ("three circles check-in", "three circles check-ins"),
        "family" => (
            "note or mark from the family section",
            "notes and marks from the family section",
        ),
        other => return format!("{n} × {other}"),
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "350 bytes", "12 KB", "4.8 MB", "10 GB". Integer arithmetic only: formatting floats
/// would add about 10 KB of code to the download.
fn size_words(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = KB * KB;
    match bytes {
        b if b < KB => format!("{b} bytes"),
        b if b < MB => format!("{} KB", (b + KB / 2) / KB),
        b if b < KB * MB => {
            let tenths = (b * 10 + MB / 2) / MB;
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
        b => format!("{} GB", (b + KB * MB / 2) / (KB * MB)),
    }
}

#[component]
pub fn DataPanel() -> impl IntoView {
    let data = use_data();
    data.watch();
    on_cleanup(move || data.watched.set(false));

    let confirm_delete = RwSignal::new(false);
    let confirm_replace = RwSignal::new(false);
    let file_input = NodeRef::<leptos::html::Input>::new();
    // A locked export waiting for the passphrase it was locked with.
    let locked_file = RwSignal::new(None::<crate::domain::export::ExportFile>);

    let on_file = move |_| {
        let Some(input) = file_input.get() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match files::chosen_file_text(&input).await {
                Ok(Some((_, size))) if size > MAX_BYTES as f64 => {
                    data.outcome.set(Some(Outcome::Problem(
                        "This file is too big to be a Tend export. Nothing was changed.".into(),
                    )))
                }
                Ok(Some((text, _))) => match crate::domain::export::ExportFile::parse(&text) {
                    Ok(file) if crate::state::lock::is_locked_file(&file.records) => {
                        data.pending.set(None);
                        data.outcome.set(None);
                        locked_file.set(Some(file));
                        dom::focus_after_render("#locked-file-title");
                    }
                    _ => {
                        locked_file.set(None);
                        data.preview_import(&text);
                        dom::focus_after_render("#import-title");
                    }
                },
                Ok(None) => {}
                Err(_) => data.outcome.set(Some(Outcome::Problem(
                    "Tend couldn't read that file. Nothing was changed.".into(),
                ))),
            }
            // Choosing the same file again should work too.
            input.set_value("");
        });
    };

    let kept = move || {
        let s = data.summary.get();
        match s.records {
            0 => "Nothing yet".to_owned(),
            n => format!("{}, {}", items(n), size_words(s.bytes as u64)),
        }
    };
    let persisted = move || match data.persisted.get() {
        Some(true) => "Yes: this browser won't clear it on its own",
        Some(false) => {
            "Not promised: a browser short of space could clear it. Exporting keeps a copy."
        }
        None => "This browser doesn't say",
    };
    let last_export = move || {
        data.last_export
            .get()
            .and_then(|at| date::parse_iso(at.get(..10)?))
            .map_or_else(|| "Never".to_owned(), date::long_date)
    };

    view! {
        <section class="card data" aria-labelledby="data-title">
            <h2 id="data-title">"Your data"</h2>
            <p>
                {crate::state::kept_words(if crate::state::lock::is_on() {
                    "Everything Tend keeps is on this device, in this browser, and nobody is watching Tend. It's locked with your passphrase, so someone else who opens Tend here sees only the lock. A file you export goes only where you put it."
                } else {
                    "Everything Tend keeps is on this device, in this browser, and nobody is watching Tend. But anyone who opens Tend on this device could see it, unless you lock it (below). A file you export goes only where you put it."
                })}
            </p>
            <dl class="facts">
                <div>
                    <dt>"Kept by Tend"</dt>
                    <dd>{kept}</dd>
                </div>
                {move || (data.summary.with(|s| s.unreadable) > 0).then(|| view! {
                    <div>
                        <dt>"Couldn't be opened"</dt>
                        <dd>
                            {move || data.summary.with(|s| s.unreadable)}
                            " kept safely as they were, and included when you export"
                        </dd>
                    </div>
                })}
                <div>
                    <dt>"Kept if space runs low"</dt>
                    <dd>{persisted}</dd>
                </div>
                {move || data.estimate.get().map(|(used, quota)| view! {
                    <div>
                        <dt>"Browser's estimate for Tend"</dt>
                        <dd>{format!("{} of {}", size_words(used as u64), size_words(quota as u64))}</dd>
                    </div>
                })}
                <div>
                    <dt>"Last exported"</dt>
                    <dd>{last_export}</dd>
                </div>
            </dl>

            <p>
                <a href=super::routes::Page::Summary.path()>"Make a summary for your next session"</a>
                " — you choose what goes in it, then print it or save it."
            </p>
            <div class="actions">
                <button type="button" class="button button--primary" on:click=move |_| {
                    if crate::state::lock::is_on() {
                        // Locked as it is stored: only the passphrase opens the file.
                        data.export_records(
                            crate::state::lock::locked_records(),
                            "It's locked with your passphrase, and only that opens it.",
                        );
                    } else {
                        data.export();
                    }
                }>
                    "Export my data"
                </button>
                <label class="button file-button">
                    <input
                        type="file"
                        id="import-file"
                        class="visually-hidden"
                        accept=".json,application/json"
                        node_ref=file_input
                        on:change=on_file
                    />
                    "Import a file"
                </label>
            </div>

            {crate::state::lock::is_on().then(|| view! { <super::lock::PlainExport /> })}
            {move || locked_file.get().map(|file| view! { <super::lock::OpenLockedFile file locked_file /> })}

            {move || {
                data.pending
                    .get()
                    .map(|pending| {
                        let total = pending.file.records.len();
                        view! {
                            <div class="inset" role="group" aria-labelledby="import-title">
                                <h3 id="import-title" tabindex="-1">"Import this file?"</h3>
                                <p>{format!("It holds {}:", items(total))}</p>
                                <ul>
                                    {pending
                                        .counts
                                        .iter()
                                        .map(|(kind, n)| view! { <li>{kind_words(kind, *n)}</li> })
                                        .collect_view()}
                                </ul>
                                {move || if confirm_replace.get() {
                                    view! {
                                        <p class="warning" id="replace-warning" tabindex="-1">
                                            {format!(
                                                "This deletes the {} on this device now and puts the file's in their place. It can't be undone.",
                                                items(data.summary.with(|s| s.records)),
                                            )}
                                        </p>
                                        <div class="actions">
                                            <button type="button" class="button button--danger" on:click=move |_| {
                                                confirm_replace.set(false);
                                                data.import_replace();
                                                dom::focus_after_render("#import-file");
                                            }>"Yes, replace everything"</button>
                                            <button type="button" class="button" on:click=move |_| {
                                                confirm_replace.set(false);
                                                dom::focus_after_render("#import-replace");
                                            }>
                                                "Go back"
                                            </button>
                                        </div>
                                    }
                                    .into_any()
                                } else {
                                    view! {
                                        <div class="actions">
                                            <button type="button" class="button button--primary" on:click=move |_| {
                                                data.import_merge();
                                                dom::focus_after_render("#import-file");
                                            }>
                                                "Add to what's here"
                                            </button>
                                            <button type="button" id="import-replace" class="button" on:click=move |_| {
                                                confirm_replace.set(true);
                                                dom::focus_after_render("#replace-warning");
                                            }>
                                                "Replace everything…"
                                            </button>
                                            <button type="button" class="button" on:click=move |_| {
                                                data.cancel_import();
                                                dom::focus_after_render("#import-file");
                                            }>
                                                "Cancel"
                                            </button>
                                        </div>
                                    }
                                    .into_any()
                                }}
                            </div>
                        }
                    })
            }}

            <p class="outcome" role="status">
                {move || match data.outcome.get() {
                    Some(Outcome::Done(text)) => text,
                    _ => String::new(),
                }}
            </p>
            <p class="outcome outcome--problem" role="alert">
                {move || match data.outcome.get() {
                    Some(Outcome::Problem(text)) => text,
                    _ => String::new(),
                }}
            </p>

            <h3>"Delete everything"</h3>
            <p>{crate::state::device_or_demo(
                "Removes everything Tend keeps on this device, including its offline copy.",
                "Clears everything in this demo. Nothing on this device is touched.",
            )}</p>
            {move || if confirm_delete.get() {
                view! {
                    <div class="inset" role="group" aria-labelledby="delete-title">
                        <h3 id="delete-title" tabindex="-1">"Delete everything?"</h3>
                        <p>
                            {format!(
                                "This deletes {} from this device: your age band, colours and other settings, everything you have saved, and Tend's offline copy. It can't be undone. You could export first.",
                                items(data.summary.with(|s| s.records)),
                            )}
                        </p>
                        <div class="actions">
                            <button type="button" class="button button--danger" on:click=move |_| {
                                confirm_delete.set(false);
                                data.delete_everything();
                                dom::focus_after_render("#delete-open");
                            }>"Yes, delete everything"</button>
                            <button type="button" class="button" on:click=move |_| {
                                confirm_delete.set(false);
                                dom::focus_after_render("#delete-open");
                            }>
                                "Keep my data"
                            </button>
                        </div>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <button type="button" id="delete-open" class="button button--danger-quiet" on:click=move |_| {
                        confirm_delete.set(true);
                        dom::focus_after_render("#delete-title");
                    }>
                        "Delete everything…"
                    </button>
                }
                .into_any()
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::kind_words;

    #[test]
    fn letters_and_work_in_progress_are_named_plainly() {
        assert_eq!(kind_words("letter", 1), "1 letter to yourself");
        assert_eq!(kind_words("letter", 3), "3 letters to yourself");
        // A drawing and a letter can both be in progress (`tend.draft.*`).
        assert_eq!(kind_words("draft", 2), "2 pieces of work in progress");
    }
}
