//! The three circles check-in (`/circles`): threat, drive and soothing as three circles
//! sized for "right now", by dragging a circle or with its slider (the same number
//! either way), kept as a check-in record, with the last four weeks drawn small and
//! summed up in words. A big red circle is met with choices, never a label.

use crate::domain::catalogue::exercise;
use crate::domain::circles::{
    self, clip_note, size_word, CirclesCheckIn, System, MAX_NOTE_CHARS, MAX_SIZE, MIN_SIZE, WORDS,
};
use crate::domain::{date, Band};
use crate::platform::dom;
use crate::state::busy::use_busy;
use crate::state::circles::use_circles;
use crate::state::settings::use_settings;
use crate::ui::exercises::ExerciseList;
use crate::ui::routes::Page;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const VIEW_W: f64 = 300.0;
const VIEW_H: f64 = 270.0;

/// Where each circle sits in the picture (the usual three-circles drawing: threat and
/// drive above, soothing below).
fn centre(system: System) -> (f64, f64) {
    match system {
        System::Threat => (95.0, 95.0),
        System::Drive => (205.0, 95.0),
        System::Soothing => (150.0, 190.0),
    }
}

fn radius(size: u8) -> f64 {
    10.0 + 12.0 * f64::from(size)
}

/// The size a drag to `distance` from a circle's centre asks for.
fn size_at(distance: f64) -> u8 {
    ((distance - 10.0) / 12.0)
        .round()
        .clamp(f64::from(MIN_SIZE), f64::from(MAX_SIZE)) as u8
}

/// A circle's word, in the picture's units: 19 units bold (style/circles.css), about
/// this wide per letter, so it stays readable when the picture is drawn small.
const LETTER_W: f64 = 12.0;
const LINE_H: f64 = 21.0;

/// A circle's word on one line, or two when it is long ("rest and / connect").
fn word_lines(word: &'static str) -> Vec<&'static str> {
    if word.len() <= 10 {
        return vec![word];
    }
    // Break at the space nearest the middle.
    let middle = word.len() / 2;
    match word
        .match_indices(' ')
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(middle))
    {
        Some(i) => vec![&word[..i], &word[i + 1..]],
        None => vec![word],
    }
}

/// Where a circle's word sits: inside the circle when it fits there, otherwise just
/// beside it (above the two top circles, to the right of the bottom one), so a small
/// circle's word never spills over its edge.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LabelPlace {
    inside: bool,
    /// The middle of the lines.
    x: f64,
    /// The baseline of the first line.
    first_y: f64,
}

fn label_place(system: System, size: u8, lines: &[&str]) -> LabelPlace {
    let (cx, cy) = centre(system);
    let r = radius(size);
    let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as f64 * LETTER_W;
    let tall = LINE_H * lines.len() as f64;
    // The text's box, corners included, has to sit inside the circle with a little room.
    let half_diagonal = ((widest / 2.0).powi(2) + (tall / 2.0).powi(2)).sqrt();
    if half_diagonal + 4.0 <= r {
        // Centred: the baselines sit about a third of a line below each line's middle.
        return LabelPlace {
            inside: true,
            x: cx,
            first_y: cy - tall / 2.0 + LINE_H * 0.8,
        };
    }
    match system {
        System::Soothing => LabelPlace {
            inside: false,
            x: cx + r + 6.0 + widest / 2.0,
            first_y: cy - tall / 2.0 + LINE_H * 0.8,
        },
        System::Threat | System::Drive => LabelPlace {
            inside: false,
            x: cx,
            first_y: cy - r - 6.0 - tall + LINE_H * 0.8,
        },
    }
}

/// The pointer's place in the picture's own units.
fn point_in(ev: &web_sys::PointerEvent) -> Option<(f64, f64)> {
    let el: web_sys::Element = ev.current_target()?.dyn_into().ok()?;
    let rect = el.get_bounding_client_rect();
    if rect.width() <= 0.0 || rect.height() <= 0.0 {
        return None;
    }
    Some((
        (f64::from(ev.client_x()) - rect.left()) * VIEW_W / rect.width(),
        (f64::from(ev.client_y()) - rect.top()) * VIEW_H / rect.height(),
    ))
}

fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

/// The three circles, drawn at their sizes. Dragging away from a circle's centre makes
/// it bigger, towards it smaller; the sliders below do the same for keyboards and
/// screen readers.
#[component]
fn Picture(draft: RwSignal<CirclesCheckIn>, band: Band) -> impl IntoView {
    let dragging: RwSignal<Option<System>> = RwSignal::new(None);
    let down = move |ev: web_sys::PointerEvent| {
        let Some(at) = point_in(&ev) else {
            return;
        };
        // The circle whose centre is nearest the finger.
        let nearest = System::ALL
            .into_iter()
            .min_by(|a, b| distance(at, centre(*a)).total_cmp(&distance(at, centre(*b))));
        if let Some(system) = nearest {
            ev.prevent_default();
            if let Some(el) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.set_pointer_capture(ev.pointer_id());
            }
            dragging.set(Some(system));
            draft.update(|d| d.set(system, size_at(distance(at, centre(system)))));
        }
    };
    let mv = move |ev: web_sys::PointerEvent| {
        if let (Some(system), Some(at)) = (dragging.get_untracked(), point_in(&ev)) {
            let size = size_at(distance(at, centre(system)));
            if draft.with_untracked(|d| d.size(system)) != size {
                draft.update(|d| d.set(system, size));
            }
        }
    };
    let up = move |_: web_sys::PointerEvent| dragging.set(None);
    let label = move || {
        format!(
            "Your three circles: {}. Drag a circle to resize it, or use the sliders.",
            draft.with(CirclesCheckIn::in_words)
        )
    };
    view! {
        <svg class="circles__picture" viewBox=format!("0 0 {VIEW_W} {VIEW_H}") role="img" aria-label=label
            on:pointerdown=down on:pointermove=mv on:pointerup=up on:pointercancel=up>
            {System::ALL.into_iter().map(|system| {
                let (cx, cy) = centre(system);
                view! {
                    <circle class=move || format!("circle circle--{}{}", system.as_str(),
                            if dragging.get() == Some(system) { " circle--held" } else { "" })
                        data-system=system.as_str() cx=cx cy=cy r=move || radius(draft.with(|d| d.size(system))) />
                }
            }).collect_view()}
            {System::ALL.into_iter().map(|system| {
                let lines = word_lines(system.name(band));
                let measured = lines.clone();
                let place = Memo::new(move |_| label_place(system, draft.with(|d| d.size(system)), &measured));
                let class = move || if place.get().inside { "circle__word" } else { "circle__word circle__word--beside" };
                view! {
                    <text class=class text-anchor="middle">
                        {lines.iter().enumerate().map(|(i, line)| view! {
                            <tspan x=move || place.get().x y=move || place.get().first_y + LINE_H * i as f64>{*line}</tspan>
                        }).collect_view()}
                    </text>
                }
            }).collect_view()}
        </svg>
    }
}

/// One circle's slider: a real range input, so arrow keys, Home/End and screen readers
/// work as they do everywhere.
#[component]
fn SizeSlider(draft: RwSignal<CirclesCheckIn>, system: System, band: Band) -> impl IntoView {
    let id = format!("size-{}", system.as_str());
    let hint_id = format!("size-{}-hint", system.as_str());
    let size = move || draft.with(|d| d.size(system));
    view! {
        <div class=format!("size size--{}", system.as_str())>
            <label for=id.clone()>
                <span class="size__dot" aria-hidden="true"></span>
                {format!("{} circle ({})", system.colour(), system.name(band))}
            </label>
            <p class="hint" id=hint_id.clone()>{system.meaning(band)}</p>
            <div class="size__row">
                <input type="range" id=id min=MIN_SIZE max=MAX_SIZE step="1"
                    aria-describedby=hint_id
                    prop:value=move || size().to_string()
                    aria-valuetext=move || size_word(size())
                    on:input=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<u8>() {
                            draft.update(|d| d.set(system, n));
                        }
                    } />
                <span class="size__word" aria-hidden="true">{move || size_word(size())}</span>
            </div>
        </div>
    }
}

/// What comes after a check-in is kept: choices, and Help now when the alarm is loud.
#[component]
fn Next(kept: CirclesCheckIn, band: Band) -> impl IntoView {
    let large = kept.threat_is_large();
    let ids: &[&str] = if large {
        &["breathe", "break", "imagery"]
    } else {
        &["break", "draw"]
    };
    let offered: Vec<_> = ids.iter().filter_map(|id| exercise(id)).collect();
    view! {
        <section class="card circles__next" aria-labelledby="circles-next">
            <h2 id="circles-next" tabindex="-1">{crate::state::device_or_demo("Kept on this device", "Kept for this demo only")}</h2>
            <p>{if large { WORDS.large_threat.get(band) } else { WORDS.thanks.get(band) }}</p>
            <ExerciseList exercises=offered band />
            {large.then(|| view! {
                <p class="circles__help">
                    "If you want to talk to someone now, "
                    <a href=Page::Help.path()>"Help now"</a>
                    " has free, private helplines."
                </p>
            })}
        </section>
    }
}

/// The last four weeks of check-ins, drawn small, newest first, with a summary in words.
#[component]
fn History(band: Band) -> impl IntoView {
    let state = use_circles();
    let today = dom::today();
    let _ = band;
    view! {
        <section class="circles__history" aria-labelledby="circles-history">
            <h2 id="circles-history">"Your last four weeks"</h2>
            {move || {
                let list: Vec<CirclesCheckIn> = state.checkins.list().with(|l| l.iter().map(|e| e.value.clone()).collect());
                let summary = circles::summary(&list, today);
                let mut recent: Vec<CirclesCheckIn> = circles::recent(&list, today).into_iter().cloned().collect();
                recent.reverse();
                if recent.is_empty() {
                    return view! {
                        <div class="empty card">
                            <p>"Nothing here yet. Whenever you're ready, your check-ins will live here, drawn small, so you can notice how things change."</p>
                        </div>
                    }.into_any();
                }
                view! {
                    <p class="circles__summary">{summary}</p>
                    <ul class="circles__past" role="list">
                        {recent.into_iter().map(|c| {
                            let clock = format!("{:02}:{:02}", c.minute / 60, c.minute % 60);
                            view! {
                                <li class="card">
                                    <svg class="mini" viewBox="0 0 96 36" aria-hidden="true" focusable="false">
                                        {System::ALL.into_iter().enumerate().map(|(i, s)| view! {
                                            <circle class=format!("circle circle--{}", s.as_str())
                                                cx=16 + 32 * i cy="18" r=3 + 2 * u32::from(c.size(s)) />
                                        }).collect_view()}
                                    </svg>
                                    <div>
                                        <p class="circles__when">{format!("{}, {clock}", date::long_date(c.day))}</p>
                                        <p class="hint">{c.in_words()}</p>
                                        {(!c.note.is_empty()).then(|| view! { <p class="note">{c.note.clone()}</p> })}
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
pub fn Circles() -> impl IntoView {
    dom::set_title("Three circles");
    let settings = use_settings();
    let band = settings.with_untracked(|s| s.band.unwrap_or(Band::Mid));
    let state = use_circles();
    let draft = RwSignal::new(CirclesCheckIn {
        threat: 3,
        drive: 3,
        soothing: 3,
        day: 0,
        minute: 0,
        note: String::new(),
    });
    // A note typed and not yet kept: a new version of Tend waits for it.
    use_busy().hold_while(move || draft.with(|d| !d.note.trim().is_empty()));
    let kept: RwSignal<Option<CirclesCheckIn>> = RwSignal::new(None);
    let problem: RwSignal<Option<String>> = RwSignal::new(None);
    let keep = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (day, minute) = dom::day_and_minute();
        let mut checkin = draft.get_untracked();
        checkin.day = day;
        checkin.minute = minute;
        checkin.note = clip_note(checkin.note.trim());
        match state.add(&checkin) {
            Ok(_) => {
                problem.set(None);
                kept.set(Some(checkin));
                draft.update(|d| d.note.clear());
                dom::focus_after_render("#circles-next");
            }
            Err(e) => problem.set(Some(format!(
                "{e} Your circles are still here, so you can try again."
            ))),
        }
    };
    view! {
        <div class="circles">
            <h1>"Three circles"</h1>
            <p class="lead">{WORDS.intro.get(band)}</p>
            <form class="circles__form" on:submit=keep>
                <Picture draft band />
                <fieldset class="sizes">
                    <legend>"How big is each circle right now?"</legend>
                    {System::ALL.into_iter().map(|system| view! { <SizeSlider draft system band /> }).collect_view()}
                </fieldset>
                // The note and Keep share a row, so Keep sits right under the sliders.
                <div class="circles__keep">
                    <div class="field">
                        <label for="circles-note">"A few words, if you like"</label>
                        <input id="circles-note" type="text" maxlength=MAX_NOTE_CHARS.to_string() autocomplete="off"
                            prop:value=move || draft.with(|d| d.note.clone())
                            on:input=move |ev| draft.update(|d| d.note = event_target_value(&ev)) />
                    </div>
                    <button type="submit" class="button button--primary">"Keep this check-in"</button>
                </div>
                <crate::ui::privacy::WhoCanSee kept="What you keep here stays on this device, and nobody is watching Tend." class="hint circles__private" />
                {move || problem.get().map(|p| view! { <p class="problem" role="alert">{p}</p> })}
            </form>
            {move || kept.get().map(|k| view! { <Next kept=k band /> })}
            <History band />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drag_to_a_circles_edge_gives_that_size_within_one_to_five() {
        for size in MIN_SIZE..=MAX_SIZE {
            assert_eq!(size_at(radius(size)), size);
        }
        assert_eq!(size_at(0.0), MIN_SIZE);
        assert_eq!(size_at(500.0), MAX_SIZE);
    }

    /// A token's light and dark colours from style/tokens.css, as RGB.
    fn token(name: &str) -> [[f64; 3]; 2] {
        let css = include_str!("../../style/tokens.css");
        let line = css
            .lines()
            .find(|l| {
                l.trim_start()
                    .starts_with(&format!("--{name}: light-dark("))
            })
            .unwrap_or_else(|| panic!("no --{name}"));
        let inner = &line[line.find('(').unwrap() + 1..line.rfind(')').unwrap()];
        let rgb = |hex: &str| {
            let hex = hex.trim().trim_start_matches('#');
            let n = u32::from_str_radix(hex, 16).unwrap();
            [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(f64::from)
        };
        let (light, dark) = inner.split_once(',').unwrap();
        [rgb(light), rgb(dark)]
    }

    fn luminance(c: [f64; 3]) -> f64 {
        let l = c.map(|v| {
            let v = v / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        });
        0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]
    }

    fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    /// `top` at `alpha` over `under`, as the circles' tinted fill is painted.
    fn over(top: [f64; 3], alpha: f64, under: [f64; 3]) -> [f64; 3] {
        [0, 1, 2].map(|i| top[i] * alpha + under[i] * (1.0 - alpha))
    }

    #[test]
    fn the_circles_colours_meet_contrast_in_both_themes() {
        for theme in 0..2 {
            for paper in ["bg", "surface"] {
                let paper = token(paper)[theme];
                for system in System::ALL {
                    let colour = token(system.as_str())[theme];
                    // Circle outlines, slider dots and the colours as text (About).
                    let ratio = contrast(colour, paper);
                    assert!(
                        ratio >= 4.5,
                        "{} on paper in theme {theme}: {ratio:.2}",
                        system.as_str()
                    );
                    // The word inside a circle: ink on the 28% tint, two circles overlapping.
                    let tint = over(colour, 0.28, over(colour, 0.28, paper));
                    let ratio = contrast(token("ink")[theme], tint);
                    assert!(
                        ratio >= 4.5,
                        "ink in the {} circle, theme {theme}: {ratio:.2}",
                        system.as_str()
                    );
                }
            }
        }
    }

    #[test]
    fn every_circles_word_sits_wholly_inside_or_wholly_beside_it_within_the_picture() {
        for band in [Band::Early, Band::Mid, Band::Adult] {
            for system in System::ALL {
                let lines = word_lines(system.name(band));
                assert!(lines.iter().all(|l| l.len() <= 10), "{lines:?}");
                for size in MIN_SIZE..=MAX_SIZE {
                    let place = label_place(system, size, &lines);
                    let (cx, cy) = centre(system);
                    let r = radius(size);
                    let w = lines.iter().map(|l| l.len()).max().unwrap() as f64 * LETTER_W;
                    let top = place.first_y - LINE_H * 0.8;
                    let bottom = top + LINE_H * lines.len() as f64;
                    let (left, right) = (place.x - w / 2.0, place.x + w / 2.0);
                    let corners = [(left, top), (right, top), (left, bottom), (right, bottom)];
                    let inside = corners.iter().all(|c| distance(*c, (cx, cy)) <= r);
                    let clear = bottom <= cy - r || top >= cy + r || left >= cx + r;
                    assert_eq!(place.inside, inside, "{system:?} {size} {band:?}");
                    assert!(
                        inside || clear,
                        "{system:?} at {size} ({band:?}) crosses its edge"
                    );
                    assert!(
                        top >= 0.0 && bottom <= VIEW_H && left >= 0.0 && right <= VIEW_W,
                        "{system:?} at {size} ({band:?}) leaves the picture"
                    );
                }
            }
        }
        assert_eq!(word_lines("rest and connect"), ["rest and", "connect"]);
    }

    #[test]
    fn the_biggest_circles_stay_inside_the_picture() {
        for system in System::ALL {
            let (x, y) = centre(system);
            let r = radius(MAX_SIZE);
            assert!(x - r >= 0.0 && x + r <= VIEW_W && y - r >= 0.0 && y + r <= VIEW_H);
        }
    }
}
