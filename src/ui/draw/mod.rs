//! The drawing room: a prompt, a canvas that feels like paper, tools, undo, and a
//! gallery. The drawing in progress is saved after every stroke.

pub mod gallery;

use crate::content;
use crate::domain::clip;
use crate::domain::draw::saved::{MAX_NAME_CHARS, MAX_WORDS_CHARS};
use crate::domain::draw::{
    settled, shortcut, Colour, Command, History, Paper, Point, Size, Stroke, Tool,
};
use crate::domain::settings::Choice;
use crate::domain::Band;
use crate::platform::canvas::Painter;
use crate::platform::{dom, files};
use crate::state::busy::{use_busy, Holding};
use crate::state::drawing::{use_draw, Draft};
use crate::state::settings::use_settings;
use crate::ui::controls::{options, parse, RadioGroup, Toggle};
use crate::ui::router::Nav;
use crate::ui::routes::Page;
use leptos::ev;
use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The stroke being drawn, and how many of its painted points are on the canvas.
struct Pen {
    stroke: Stroke,
    painted: usize,
}

/// The pointer's position on the canvas (at `rect` on screen), as a drawing point.
fn point_of(ev: &web_sys::PointerEvent, rect: &web_sys::DomRect, side: f32) -> Point {
    Point::from_canvas(
        (f64::from(ev.client_x()) - rect.left()) as f32,
        (f64::from(ev.client_y()) - rect.top()) as f32,
        side,
        ev.pressure(),
    )
}

/// The samples the browser merged into this event (a fast pen sends many between two
/// frames), or just the event where the browser does not say.
fn samples(ev: &web_sys::PointerEvent) -> Vec<web_sys::PointerEvent> {
    let coalesced = js_sys::Reflect::get(ev, &JsValue::from_str("getCoalescedEvents"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(ev).ok())
        .and_then(|a| a.dyn_into::<js_sys::Array>().ok());
    match coalesced {
        Some(list) if list.length() > 0 => list
            .iter()
            .filter_map(|e| e.dyn_into::<web_sys::PointerEvent>().ok())
            .collect(),
        _ => vec![ev.clone()],
    }
}

/// A small picture of each tool, on the 24 px icon grid.
fn tool_icon(tool: Tool) -> &'static str {
    match tool {
        Tool::Pen => "M4 20l1-5L16 4l4 4L9 19zM14 6l4 4",
        Tool::Glow => {
            "M12 3v4M12 17v4M3 12h4M17 12h4M6 6l2.5 2.5M15.5 15.5 18 18M6 18l2.5-2.5M15.5 8.5 18 6"
        }
        Tool::Eraser => "M8 20h12M4 15l9-9 6 6-8 8H8zM9 10l6 6",
    }
}

pub(crate) fn prompt_title(id: &str, band: Band) -> &'static str {
    content::draw_prompt(id).map_or("Free drawing", |p| p.title(band))
}

#[component]
pub fn DrawRoom() -> impl IntoView {
    dom::set_title("Drawing room");
    let draw = use_draw();
    let (band, motion) = use_settings().with_untracked(|s| (s.band.unwrap_or(Band::Mid), s.motion));
    // The router, when the room is on a page of the app (a test may mount it alone).
    let nav = use_context::<Nav>();
    let mut first = draw.draft_to_open().unwrap_or_default();
    if first.work.prompt.is_empty() {
        first.work.prompt = "free".to_owned();
    }
    let status = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    // Opened for a prompt (a plan's item: `/draw?prompt=calm`): the room shows that
    // prompt, and a drawing in progress on another prompt goes to the gallery first.
    if let Some((nav, asked)) = nav.and_then(|nav| {
        let id = nav.query_untracked("prompt")?;
        Some((nav, content::draw_prompt(&id)?))
    }) {
        if first.work.prompt != asked.id {
            let had_work = !first.work.is_blank();
            if had_work && first.work.name.trim().is_empty() {
                first.work.name = prompt_title(&first.work.prompt, band).to_owned();
            }
            let kept = if had_work {
                draw.keep(&first).map(|_| true)
            } else {
                Ok(false)
            };
            match kept {
                Ok(kept) => {
                    let was = prompt_title(&first.work.prompt, band);
                    first = Draft::default();
                    first.work.prompt = asked.id.to_owned();
                    first.work.day = dom::today();
                    if let Err(e) = draw.save_draft(&first) {
                        problem.set(Some(format!("Your drawing isn't saved. {e}")));
                    }
                    if kept {
                        status.set(Some(format!(
                            "Your drawing for \u{201c}{was}\u{201d} is kept in your drawings. A fresh page for \u{201c}{}\u{201d}.",
                            asked.title(band)
                        )));
                    }
                }
                Err(e) => problem.set(Some(format!(
                    "Your drawing in progress couldn't be kept, so it is still here. {e}"
                ))),
            }
        }
        // The address goes back to the room itself, so a reload carries on here (after
        // this render: the route is being drawn right now).
        request_animation_frame(move || nav.replace(Page::Draw.path()));
    }
    let history = StoredValue::new_local(History::new(first.work.drawing.clone()));
    let doc = RwSignal::new(first);
    // Bumped on every change to the history, for the Undo and Redo buttons.
    let changes = RwSignal::new(0u32);
    let tool = RwSignal::new(Tool::Pen);
    let size = RwSignal::new(Size::Medium);
    let colour = RwSignal::new(Colour::Soothing);
    let mirror = RwSignal::new(false);
    // The toolbar's "More": paper, mirror, clear and replay.
    let more = RwSignal::new(false);

    let painter = StoredValue::new_local(None::<Painter>);
    let pen = StoredValue::new_local(None::<Pen>);
    // While the pen is down a stroke is in progress: a new version of Tend waits.
    let busy = use_busy();
    let stroke_held = StoredValue::new_local(None::<Holding>);
    // Replay: the stroke and painted point it has reached, while it runs.
    let replay_at = StoredValue::new(None::<(usize, usize)>);
    let replaying = RwSignal::new(false);
    let canvas = NodeRef::<Canvas>::new();

    // Every change is kept at once, verified: closing the tab loses nothing.
    let keep_draft = move || {
        let drawing = history.with_value(|h| h.drawing().clone());
        // Untracked: no view shows the strokes or the day from `doc` (the canvas paints
        // from the history), so a stroke re-runs nothing.
        doc.update_untracked(|d| {
            d.work.drawing = drawing;
            d.work.day = dom::today();
        });
        let result = doc.with_untracked(|d| draw.save_draft(d));
        let now = result
            .err()
            .map(|e| format!("Your drawing isn't saved. {e}"));
        // Only a change reaches the view: most saves find nothing to say.
        problem.maybe_update(|p| {
            let changed = *p != now;
            if changed {
                *p = now;
            }
            changed
        });
    };
    let repaint = move || {
        painter.with_value(|p| {
            if let Some(p) = p {
                history.with_value(|h| p.paint(h.drawing()));
            }
        });
    };
    let changed = move || {
        repaint();
        keep_draft();
        changes.update(|n| *n += 1);
    };
    let undo = move || {
        if history.try_update_value(|h| h.undo()).unwrap_or(false) {
            changed();
        }
    };
    let redo = move || {
        if history.try_update_value(|h| h.redo()).unwrap_or(false) {
            changed();
        }
    };

    // Sizes the canvas to the space it has on screen, and paints the drawing afresh.
    let fit = move || {
        painter.update_value(|p| {
            if let Some(p) = p {
                p.fit();
            }
        });
        repaint();
    };
    canvas.on_load(move |el| {
        painter.set_value(Painter::new(el));
        // The canvas is laid out only once it is in the page.
        request_animation_frame(fit);
    });
    let resize = window_event_listener(ev::resize, move |_| fit());
    let keys = window_event_listener(ev::keydown, move |e| {
        // Inside a text field, Ctrl+Z belongs to the text.
        let in_text = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|t| matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA"));
        if in_text {
            return;
        }
        match shortcut(&e.key(), e.ctrl_key() || e.meta_key(), e.shift_key()) {
            Some(Command::Undo) => {
                e.prevent_default();
                undo();
            }
            Some(Command::Redo) => {
                e.prevent_default();
                redo();
            }
            None => {}
        }
    });
    on_cleanup(move || {
        resize.remove();
        keys.remove();
        stroke_held.try_update_value(|h| *h = None);
    });

    let paper = move || {
        changes.track();
        history.with_value(|h| h.drawing().paper)
    };
    let down = move |e: web_sys::PointerEvent| {
        if replaying.get_untracked() || (e.pointer_type() == "mouse" && e.button() != 0) {
            return;
        }
        let Some(el) = canvas.get_untracked() else {
            return;
        };
        e.prevent_default();
        let _ = el.set_pointer_capture(e.pointer_id());
        let side = painter.with_value(|p| p.as_ref().map_or(0.0, Painter::side));
        let mut stroke = Stroke::new(
            tool.get_untracked(),
            size.get_untracked(),
            colour.get_untracked(),
            mirror.get_untracked(),
        );
        stroke.push(point_of(&e, &el.get_bounding_client_rect(), side));
        pen.set_value(Some(Pen { stroke, painted: 0 }));
        stroke_held.set_value(Some(busy.hold()));
    };
    let mv = move |e: web_sys::PointerEvent| {
        let Some(el) = canvas.get_untracked() else {
            return;
        };
        let paper = history.with_value(|h| h.drawing().paper);
        painter.with_value(|p| {
            let Some(p) = p else { return };
            pen.update_value(|pen| {
                let Some(pen) = pen else { return };
                // One layout read per move, however many samples it carries.
                let rect = el.get_bounding_client_rect();
                for sample in samples(&e) {
                    pen.stroke.push(point_of(&sample, &rect, p.side()));
                }
                // Only the newly settled piece is painted: finished line stays as it is.
                let upto = settled(pen.stroke.points.len());
                p.segments(&pen.stroke, pen.painted, upto, paper);
                pen.painted = pen.painted.max(upto);
            });
        });
    };
    let up = move |_: web_sys::PointerEvent| {
        let Some(Some(Pen { stroke, painted })) = pen.try_update_value(Option::take) else {
            return;
        };
        stroke_held.set_value(None);
        let paper = history.with_value(|h| h.drawing().paper);
        painter.with_value(|p| {
            if let Some(p) = p {
                p.segments(&stroke, painted, stroke.points.len(), paper);
            }
        });
        history.update_value(|h| h.add(stroke));
        keep_draft();
        changes.update(|n| *n += 1);
    };

    let title = move || doc.with(|d| prompt_title(&d.work.prompt, band));
    let label = move || {
        doc.with(|d| match d.work.name.trim() {
            "" => format!("Your drawing for: {}", title()),
            name => format!("{name}, your drawing for: {}", title()),
        })
    };
    // Replays the drawing stroke by stroke, a few points a frame; with reduced motion it
    // simply appears.
    fn step(
        painter: StoredValue<Option<Painter>, LocalStorage>,
        history: StoredValue<History, LocalStorage>,
        at: StoredValue<Option<(usize, usize)>>,
        replaying: RwSignal<bool>,
    ) {
        const POINTS_PER_FRAME: usize = 6;
        let Some((s, p)) = at.get_value() else {
            return;
        };
        let next = history.with_value(|h| {
            let drawing = h.drawing();
            let stroke = drawing.strokes.get(s)?;
            let to = (p + POINTS_PER_FRAME).min(stroke.points.len());
            painter.with_value(|pt| {
                if let Some(pt) = pt {
                    pt.segments(stroke, p, to, drawing.paper);
                }
            });
            Some(if to == stroke.points.len() {
                (s + 1, 0)
            } else {
                (s, to)
            })
        });
        at.set_value(next);
        if next.is_some() {
            request_animation_frame(move || step(painter, history, at, replaying));
        } else {
            replaying.set(false);
        }
    }
    let replay = move |_| {
        if dom::reduced_motion(motion) {
            repaint();
            return;
        }
        painter.with_value(|p| {
            if let Some(p) = p {
                history.with_value(|h| {
                    let empty = crate::domain::draw::Drawing {
                        paper: h.drawing().paper,
                        strokes: Vec::new(),
                    };
                    p.paint(&empty);
                });
            }
        });
        replay_at.set_value(Some((0, 0)));
        replaying.set(true);
        step(painter, history, replay_at, replaying);
    };
    let prompt = move || doc.with(|d| content::draw_prompt(&d.work.prompt));
    let keep = move || {
        doc.update(|d| {
            if d.work.name.trim().is_empty() {
                d.work.name = prompt_title(&d.work.prompt, band).to_owned();
            }
        });
        keep_draft();
        match doc.with_untracked(|d| draw.keep(d)) {
            Ok((from, both)) => {
                doc.update(|d| d.from = Some(from));
                keep_draft();
                let name = doc.with_untracked(|d| d.work.name.clone());
                status.set(Some(if both {
                    format!("Kept \u{201c}{name}\u{201d} in your drawings. It had changed in another tab too, so that version is there as well.")
                } else {
                    format!("Kept \u{201c}{name}\u{201d} in your drawings.")
                }));
            }
            Err(e) => problem.set(Some(format!("Your drawing isn't kept yet. {e}"))),
        }
    };
    let start_new = move |_| {
        // Nothing is lost: work not yet kept goes to the gallery first.
        let blank = doc.with_untracked(|d| d.work.is_blank());
        if !blank {
            keep();
            if problem.get_untracked().is_some() {
                return;
            }
        }
        let prompt = doc.with_untracked(|d| d.work.prompt.clone());
        history.set_value(History::default());
        doc.set(Draft::default());
        doc.update(|d| d.work.prompt = prompt);
        changed();
        status.set(Some(if blank {
            "A fresh page.".to_owned()
        } else {
            "Kept that one in your drawings. A fresh page.".to_owned()
        }));
    };
    let export_png = move |_| {
        let name = doc.with_untracked(|d| {
            let n = d.work.name.trim();
            if n.is_empty() {
                "drawing".to_owned()
            } else {
                n.to_owned()
            }
        });
        let url = painter.with_value(|p| p.as_ref().map(Painter::png_data_url));
        match url {
            Some(Ok(url)) if files::download_url(&format!("{name}.png"), &url).is_ok() => {
                status.set(Some(format!("Downloaded {name}.png.")))
            }
            _ => problem.set(Some("Your browser didn't start the download.".to_owned())),
        }
    };

    view! {
        <div class="draw">
            <h1>"Drawing room"</h1>
            <div class="field draw__prompt-pick">
                <label for="prompt">"What to draw"</label>
                <select id="prompt" on:change=move |e| {
                    let id = event_target_value(&e);
                    doc.update(|d| d.work.prompt = id);
                    keep_draft();
                }>
                    {content::draw_prompts_for(band).map(|p| {
                        let id = p.id;
                        view! {
                            <option value=id selected=move || doc.with(|d| d.work.prompt == id)>{p.title(band)}</option>
                        }
                    }).collect_view()}
                </select>
            </div>
            <div class="card prompt">
                <p class="prompt__text">{move || prompt().map(|p| p.text(band))}</p>
                {move || prompt().and_then(|p| p.gentle(band)).map(|g| view! { <p class="hint">{g}</p> })}
            </div>

            // The toolbar sits by the canvas: keep, undo and redo, tool, size and colour,
            // and the rest one tap away under "More", so drawing and keeping fit on one
            // phone screen. On a wide screen it sits beside the canvas (style/draw.css).
            <div class="draw__desk">
            <div class="draw__stage">
            <canvas
                class="canvas"
                node_ref=canvas
                role="img"
                aria-label=label
                aria-busy=move || replaying.get().then_some("true")
                on:pointerdown=down
                on:pointermove=mv
                on:pointerup=up
                on:pointercancel=up
            ></canvas>
            </div>

            <div class="drawbar" role="group" aria-label="Drawing tools">
            <div class="drawbar__actions">
                <button type="button" class="button drawbar__icon" aria-keyshortcuts="Control+Z Meta+Z"
                    prop:disabled=move || { changes.track(); !history.with_value(History::can_undo) }
                    on:click=move |_| undo()>
                    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M9 6 4 11l5 5M4 11h10a6 6 0 0 1 0 12h-3" /></svg>
                    <span class="visually-hidden">"Undo"</span>
                </button>
                <button type="button" class="button drawbar__icon" aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
                    prop:disabled=move || { changes.track(); !history.with_value(History::can_redo) }
                    on:click=move |_| redo()>
                    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="m15 6 5 5-5 5M20 11H10a6 6 0 0 0 0 12h3" /></svg>
                    <span class="visually-hidden">"Redo"</span>
                </button>
                <button type="button" class="button button--primary drawbar__keep" on:click=move |_| keep()>"Keep in my drawings"</button>
                <button type="button" class="button drawbar__icon"
                    aria-expanded=move || if more.get() { "true" } else { "false" }
                    aria-controls="draw-more"
                    on:click=move |_| more.update(|m| *m = !*m)>
                    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M5 12h.01M12 12h.01M19 12h.01" /></svg>
                    <span class="visually-hidden">"More"</span>
                </button>
            </div>

            // Tool and size as picture chips: real radios, each named in words.
            <div class="drawbar__picks">
                <fieldset class="choices choices--compact choices--icons">
                    <legend>"Tool"</legend>
                    <div class="choices__options">
                        {Tool::ALL.iter().map(|&t| view! {
                            <label class=format!("choice choice--{}", t.as_str())>
                                <input type="radio" name="tool" value=t.as_str()
                                    prop:checked=move || tool.get() == t
                                    on:change=move |_| tool.set(t) />
                                <span>
                                    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=tool_icon(t) /></svg>
                                    <span class="visually-hidden">{t.label()}</span>
                                </span>
                            </label>
                        }).collect_view()}
                    </div>
                </fieldset>
                <fieldset class="choices choices--compact choices--icons choices--sizes">
                    <legend>"Brush size"</legend>
                    <div class="choices__options">
                        {Size::ALL.iter().map(|&z| view! {
                            <label class=format!("choice choice--{}", z.as_str())>
                                <input type="radio" name="size" value=z.as_str()
                                    prop:checked=move || size.get() == z
                                    on:change=move |_| size.set(z) />
                                <span><span class="visually-hidden">{z.label()}</span></span>
                            </label>
                        }).collect_view()}
                    </div>
                </fieldset>
            </div>
            // The shared colour chips: each shows its colour, chosen or not. A colour is
            // named plainly; what the three systems' colours stand for is a hint beside
            // the name, which a screen reader reads as the radio's description. On a
            // phone they run in one row that scrolls sideways.
            <fieldset class="choices choices--swatches choices--compact drawbar__colours">
                <legend>"Colour"</legend>
                <div class="choices__options">
                    {Colour::ALL.iter().map(|&c| {
                        let hint = c.hint(band);
                        let hint_id = format!("colour-{}-hint", c.as_str());
                        view! {
                            <label class="choice" style:--swatch=c.hex()>
                                <input type="radio" name="colour" value=c.as_str()
                                    aria-describedby=hint.map(|_| hint_id.clone())
                                    prop:checked=move || colour.get() == c
                                    on:change=move |_| colour.set(c) />
                                <span>
                                    {c.label()}
                                    {hint.map(|h| view! { <small class="choice__hint" id=hint_id aria-hidden="true">{h}</small> })}
                                </span>
                            </label>
                        }
                    }).collect_view()}
                </div>
            </fieldset>

            <div id="draw-more" class="drawbar__more" hidden=move || !more.get()>
            <RadioGroup legend="Paper" name="paper" options={options::<Paper>()}
                selected=Signal::derive(move || Some(paper().as_str()))
                on_pick=Callback::new(move |id| {
                    if let Some(p) = parse::<Paper>(id) {
                        history.update_value(|h| h.set_paper(p));
                        changed();
                    }
                }) />
            <Toggle label="Mirror" hint="Everything you draw also appears flipped, like a butterfly."
                checked=mirror on_change=Callback::new(move |on| mirror.set(on)) />
            <div class="toolbar">
                <button type="button" class="button button--quiet"
                    on:click=move |_| {
                        if history.try_update_value(|h| { let had = !h.drawing().is_empty(); h.clear(); had }).unwrap_or(false) {
                            changed();
                            status.set(Some("Cleared. Undo brings it back.".to_owned()));
                        }
                    }>"Clear"</button>
                <button type="button" class="button button--quiet" prop:disabled=replaying on:click=replay>"Replay"</button>
            </div>
            </div>
            </div>
            </div>
            <div role="status" class="save-state">{move || status.get()}</div>
            <div role="alert">{move || problem.get().map(|p| view! { <p class="form-error">{p}</p> })}</div>
            <crate::ui::privacy::WhoCanSee kept="What you draw and write here stays on this device, and nobody is watching Tend." />

            <div class="field">
                <label for="words">"Or describe it in words instead"</label>
                <textarea id="words" rows="4" maxlength="4000"
                    prop:value=move || doc.with(|d| d.work.words.clone())
                    on:input=move |e| {
                        let text = clip(&event_target_value(&e), MAX_WORDS_CHARS);
                        doc.update(|d| d.work.words = text);
                        keep_draft();
                    }></textarea>
            </div>
            {move || prompt().and_then(|p| p.reflect(band)).map(|q| view! {
                <p class="reflect"><strong>"Afterwards, if you like: "</strong>{q}</p>
            })}

            <div class="field">
                <label for="drawing-name">"Name"</label>
                <input id="drawing-name" type="text" maxlength="60" autocomplete="off"
                    placeholder=title
                    prop:value=move || doc.with(|d| d.work.name.clone())
                    on:input=move |e| {
                        let name = clip(&event_target_value(&e), MAX_NAME_CHARS);
                        doc.update(|d| d.work.name = name);
                        keep_draft();
                    } />
            </div>
            <div class="actions">
                <button type="button" class="button" on:click=export_png>"Download as a picture"</button>
                <button type="button" class="button" on:click=start_new>"New drawing"</button>
                <a class="button" href=Page::Gallery.path()>"Your drawings"</a>
            </div>
        </div>
    }
}
