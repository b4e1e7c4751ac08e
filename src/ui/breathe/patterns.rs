//! Making, changing and deleting your own breathing patterns.

use super::pace_summary;
use crate::domain::breathing::{CustomPattern, CustomPatternError, Pace, PhaseKind, MAX_PHASE_MS};
use crate::domain::Band;
use crate::platform::dom;
use crate::state::breathing::use_breath;
use crate::state::settings::use_settings;
use crate::ui::routes::Page;
use crate::ui::undo::Removal;
use leptos::prelude::*;

/// The form's fields, as typed: seconds per phase as text, so a half-typed number is
/// not lost or silently changed.
#[derive(Clone, Debug, Default, PartialEq)]
struct Draft {
    /// The pattern being changed, or `None` for a new one.
    key: Option<String>,
    /// Its stored text when editing began: a save checks it against what is stored now,
    /// so a change made meanwhile in another tab is kept, not overwritten.
    base: Option<String>,
    name: String,
    seconds: [String; 4],
}

impl Draft {
    fn blank() -> Draft {
        Draft {
            key: None,
            base: None,
            name: String::new(),
            seconds: ["4".into(), "0".into(), "6".into(), "0".into()],
        }
    }

    fn of(key: &str, base: &str, p: &CustomPattern) -> Draft {
        let pace = p.pace();
        Draft {
            key: Some(key.to_owned()),
            base: Some(base.to_owned()),
            name: p.name().to_owned(),
            seconds: PhaseKind::ALL.map(|k| (pace.ms(k) / 1000).to_string()),
        }
    }

    /// The pattern, or every problem with its field id.
    fn check(&self) -> Result<CustomPattern, Vec<(&'static str, String)>> {
        let mut problems = Vec::new();
        let mut ms = [0u32; 4];
        for (i, kind) in PhaseKind::ALL.iter().enumerate() {
            match self.seconds[i].trim().parse::<u32>() {
                Ok(s) if s <= MAX_PHASE_MS / 1000 => ms[i] = s * 1000,
                _ => problems.push((
                    kind.as_str(),
                    format!(
                        "Use a whole number of seconds from 0 to {}.",
                        MAX_PHASE_MS / 1000
                    ),
                )),
            }
        }
        let pace = Pace::new(ms[0], ms[1], ms[2], ms[3]);
        if problems.is_empty() {
            problems.extend(
                CustomPattern::problems(&self.name, pace)
                    .iter()
                    .map(|p: &CustomPatternError| (p.field(), p.to_string())),
            );
        } else if self.name.trim().is_empty() {
            problems.insert(0, ("name", CustomPatternError::NameMissing.to_string()));
        }
        match problems.is_empty() {
            true => {
                CustomPattern::new(&self.name, pace).map_err(|p| vec![(p.field(), p.to_string())])
            }
            false => Err(problems),
        }
    }
}

const FIELDS: [(&str, &str); 4] = [
    ("in", "Breathe in"),
    ("hold-in", "Hold after breathing in"),
    ("out", "Breathe out"),
    ("hold-out", "Hold after breathing out"),
];

#[component]
pub fn Patterns() -> impl IntoView {
    dom::set_title("Your own patterns");
    let breath = use_breath();
    let band = use_settings().with_untracked(|s| s.band.unwrap_or(Band::Mid));
    // Holds are for 15+ only (CONTENT.md); younger teens set in and out.
    let holds = band >= Band::Mid;
    let draft = RwSignal::new(Draft::blank());
    // A pattern being made or changed and not yet saved: a new version of Tend waits for
    // it (saving puts a blank draft back).
    crate::state::busy::use_busy().hold_while(move || draft.with(|d| *d != Draft::blank()));
    let problems = RwSignal::new(Vec::<(&'static str, String)>::new());
    let message = RwSignal::new(None::<String>);

    let problem_for = move |field: &'static str| {
        problems.with(|p| p.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone()))
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = draft.get_untracked();
        match d.check() {
            Err(list) => {
                let first = list[0].0;
                problems.set(list);
                message.set(None);
                dom::focus_after_render(match first {
                    "name" => "#pattern-name",
                    "hold-in" => "#pattern-hold-in",
                    "out" => "#pattern-out",
                    "hold-out" => "#pattern-hold-out",
                    _ => "#pattern-in",
                });
            }
            Ok(pattern) => {
                problems.set(Vec::new());
                // `Some` second: another tab changed this pattern meanwhile, and its
                // version is now a pattern of its own (`Records::save`).
                message.set(Some(match breath.patterns.save(d.key.as_deref(), &pattern, d.base.as_deref()) {
                    Ok((_, None)) => {
                        draft.set(Draft::blank());
                        format!("Saved \u{201c}{}\u{201d}. You'll find it in the breathing space.", pattern.name())
                    }
                    Ok((_, Some(_))) => {
                        draft.set(Draft::blank());
                        format!("Saved \u{201c}{}\u{201d}. It was changed in another tab too, so that version is kept as well: both are in your list.", pattern.name())
                    }
                    Err(e) => format!("Your pattern isn't saved. {e}"),
                }));
            }
        }
    };
    let removal = Removal::new(breath.patterns);
    let delete = move |key: String, name: String| {
        message.set(None);
        removal.delete(&key, format!("\u{201c}{name}\u{201d}"));
    };

    view! {
        <div class="own-patterns">
            <h1>"Your own patterns"</h1>
            <p class="lead">"Set how long to breathe in and out. " {crate::state::kept_words("Kept only on this device.")}</p>
            <div role="status" class="undo-region">
                {move || message.get().map(|m| view! { <p>{m}</p> })}
            </div>
            {removal.view()}
            {move || {
                let list = breath.patterns.list().get();
                if list.is_empty() {
                    return view! { <p class="empty card">"No patterns of your own yet. Whenever you like, make one below."</p> }.into_any();
                }
                view! {
                    <ul class="own-list" role="list">
                        {list.into_iter().map(|e| {
                            let (edit_key, del_key) = (e.key.clone(), e.key.clone());
                            let value = e.value.clone();
                            let base = e.raw.clone();
                            let name = e.value.name().to_owned();
                            let del_name = name.clone();
                            view! {
                                <li class="card own-item">
                                    <h2>{name.clone()}</h2>
                                    <p class="hint">{pace_summary(e.value.pace())}</p>
                                    <div class="actions">
                                        <button type="button" class="button" aria-label=format!("Change {name}")
                                            on:click=move |_| {
                                                draft.set(Draft::of(&edit_key, &base, &value));
                                                problems.set(Vec::new());
                                                dom::focus_after_render("#pattern-name");
                                            }>"Change"</button>
                                        <button type="button" class="button button--quiet" aria-label=format!("Delete {name}")
                                            on:click=move |_| delete(del_key.clone(), del_name.clone())>"Delete"</button>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}

            <form class="card pattern-form" on:submit=save novalidate>
                <h2>{move || if draft.with(|d| d.key.is_some()) { "Change your pattern" } else { "Make a new pattern" }}</h2>
                <div class="field">
                    <label for="pattern-name">"Name"</label>
                    <input id="pattern-name" type="text" maxlength="60" autocomplete="off"
                        aria-invalid=move || problem_for("name").map(|_| "true")
                        aria-describedby="pattern-name-error"
                        prop:value=move || draft.with(|d| d.name.clone())
                        on:input=move |ev| draft.update(|d| d.name = event_target_value(&ev)) />
                    <p class="form-error" id="pattern-name-error">{move || problem_for("name")}</p>
                </div>
                <div class="seconds">
                    {FIELDS.iter().enumerate().filter(|(i, _)| holds || i % 2 == 0).map(|(i, &(id, label))| {
                        let input_id = format!("pattern-{id}");
                        let error_id = format!("pattern-{id}-error");
                        view! {
                            <div class="field">
                                <label for=input_id.clone()>{label} " (seconds)"</label>
                                <input id=input_id type="number" min="0" max="10" step="1" inputmode="numeric"
                                    aria-invalid=move || problem_for(id).map(|_| "true")
                                    aria-describedby=error_id.clone()
                                    prop:value=move || draft.with(|d| d.seconds[i].clone())
                                    on:input=move |ev| draft.update(|d| d.seconds[i] = event_target_value(&ev)) />
                                <p class="form-error" id=error_id>{move || problem_for(id)}</p>
                            </div>
                        }
                    }).collect_view()}
                </div>
                <div class="actions">
                    <button type="submit" class="button button--primary">"Save pattern"</button>
                    {move || draft.with(|d| d.key.is_some()).then(|| view! {
                        <button type="button" class="button" on:click=move |_| {
                            draft.set(Draft::blank());
                            problems.set(Vec::new());
                        }>"Cancel"</button>
                    })}
                </div>
            </form>
            <p class="actions"><a class="button" href=Page::Breathe.path()>"Back to the breathing space"</a></p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(name: &str, s: [&str; 4]) -> Draft {
        Draft {
            key: None,
            base: None,
            name: name.into(),
            seconds: s.map(String::from),
        }
    }

    #[test]
    fn a_filled_in_form_makes_a_pattern() {
        let p = draft("Slow", ["4", "0", "6", "0"]).check().unwrap();
        assert_eq!(p.pace(), Pace::new(4000, 0, 6000, 0));
    }

    #[test]
    fn every_problem_is_named_beside_its_field() {
        let problems = draft(" ", ["x", "0", "11", "0"]).check().unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.0).collect();
        assert_eq!(fields, vec!["name", "in", "out"]);
        let problems = draft("Zero", ["0", "0", "0", "0"]).check().unwrap_err();
        assert_eq!(problems[0].0, "in");
    }

    #[test]
    fn a_pattern_opens_in_the_form_as_it_was_saved() {
        let p = CustomPattern::new("Box", Pace::new(4000, 4000, 4000, 4000)).unwrap();
        let d = Draft::of("tend.pattern.1", "", &p);
        assert_eq!(d.check().unwrap(), p);
    }
}
