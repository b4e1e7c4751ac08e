use crate::domain::settings::{Choice, Settings};

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Reflects settings onto `<html>` as data attributes; the stylesheets do the rest, so
/// no inline styles are needed (the Content-Security-Policy forbids them).
pub fn apply_settings(s: &Settings) {
    let Some(root) = root() else { return };
    let band = s.band.map_or("none", |b| b.as_str());
    for (name, value) in [
        ("data-theme", s.theme.as_str()),
        ("data-accent", s.accent.as_str()),
        ("data-text", s.text_size.as_str()),
        ("data-motion", s.motion.as_str()),
        ("data-band", band),
    ] {
        let _ = root.set_attribute(name, value);
    }
}

/// Marks `<html>` with `data-demo`, for the demo bar's room and the big-screen layout.
pub fn mark_demo() {
    if let Some(root) = root() {
        let _ = root.set_attribute("data-demo", "on");
    }
}

/// Sets the tab's title: "Help now · Tend".
/// Opens the browser's print dialog for the page as it is.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

pub fn set_title(page: &str) {
    // Pages are also rendered to plain HTML at build time (src/bin/pages.rs), with no
    // window to ask.
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&format!("{page} · Tend"));
    }
}

/// The browser's preferred languages, most preferred first.
pub fn languages() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        nav.language().into_iter().collect()
    } else {
        list
    }
}

/// Today's date on the person's own clock, as days since 1970-01-01.
pub fn today() -> i64 {
    let now = js_sys::Date::new_0();
    crate::domain::date::days_from_civil(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
}

/// Moves keyboard and screen-reader focus to the page's heading after a navigation, so
/// the new page is announced and Tab starts from the top of it.
pub fn focus_main_heading() {
    focus_selector("main h1");
}

/// Moves focus into `main` itself, so the next Tab starts at the page's first control
/// (the "Skip to content" link).
pub fn focus_main() {
    focus_selector("main");
}

fn focus_selector(selector: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(Some(el)) = doc.query_selector(selector) {
        focus(el);
    }
}

/// Focuses `el`, which may be a heading: every focus move in Tend goes through here.
///
/// - An element that cannot take focus by itself (a heading, a section) gets
///   `tabindex="-1"` first; without it `focus()` does nothing and focus falls to the
///   page body, so the next Tab starts at the top of the page.
/// - A heading that opens a card (a `section`) brings the whole card into view, not just
///   its first line: its choices come clear of the tab bar (the page's scroll padding).
///   A card taller than the screen is shown from its top.
fn focus(el: web_sys::Element) {
    use wasm_bindgen::JsCast;
    let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    if el.tab_index() < 0 && !el.has_attribute("tabindex") {
        let _ = el.set_attribute("tabindex", "-1");
    }
    let card = matches!(el.tag_name().as_str(), "H1" | "H2" | "H3")
        .then(|| el.parent_element())
        .flatten()
        .filter(|p| p.tag_name() == "SECTION");
    match card {
        Some(card) => {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            card.scroll_into_view_with_scroll_into_view_options(&options);
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
        }
        None => {
            let _ = el.focus();
        }
    }
}

/// Goes back where the person came from, or home when Tend was opened on this page.
pub fn go_back_or_home() -> bool {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return false;
    };
    if history.length().unwrap_or(0) > 1 {
        history.back().is_ok()
    } else {
        false
    }
}

/// Now, as an ISO 8601 UTC time: `2026-11-28T10:00:00.000Z`.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Runs `f` between two performance marks and records a `performance.measure` named
/// `name`, so the bench script can read how long it took in a real browser.
pub fn measure<R>(name: &str, f: impl FnOnce() -> R) -> R {
    let perf = web_sys::window().and_then(|w| w.performance());
    let (start, end) = (format!("{name}:start"), format!("{name}:end"));
    if let Some(p) = &perf {
        let _ = p.mark(&start);
    }
    let result = f();
    if let Some(p) = &perf {
        let _ = p.mark(&end);
        let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
    }
    result
}

/// Moves focus to the element matching `selector` once the current change has been
/// drawn. Used when a confirmation opens or closes, so keyboard and screen-reader users
/// are not left on a button that just disappeared.
pub fn focus_after_render(selector: &'static str) {
    leptos::prelude::request_animation_frame(move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Ok(Some(el)) = doc.query_selector(selector) {
            focus(el);
        }
    });
}

/// Whether motion should be reduced: Tend's own switch, or else the device's setting.
pub fn reduced_motion(motion: crate::domain::settings::Motion) -> bool {
    use crate::domain::settings::Motion;
    match motion {
        Motion::Reduce => true,
        Motion::Full => false,
        Motion::System => web_sys::window()
            .and_then(|w| {
                w.match_media("(prefers-reduced-motion: reduce)")
                    .ok()
                    .flatten()
            })
            .is_some_and(|m| m.matches()),
    }
}

/// The local day (days since 1970-01-01) and the minute of that day.
pub fn day_and_minute() -> (i64, u16) {
    let now = js_sys::Date::new_0();
    (today(), (now.get_hours() * 60 + now.get_minutes()) as u16)
}

/// Shows the static page's "Tend couldn't start" line (beside Help now), as public/boot.js
/// does when the download fails.
pub fn show_boot_failed() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.class_list().add_1("boot-failed");
    }
}

/// Takes away the static page that index.html paints before the app starts (`#boot`),
/// before the browser next paints, so no frame shows both.
///
/// It is hidden at once (one attribute: style/shell.css then shows the app in its place)
/// and taken out of the page a frame later, once the browser has let go of its layout.
/// Taking out a page still laid out costs the browser work for each of its elements
/// there and then, in the middle of the app's start.
pub fn remove_static_page() {
    let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    else {
        return;
    };
    let _ = boot.set_attribute("hidden", "");
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(move || boot.remove(), std::time::Duration::ZERO);
    });
}
