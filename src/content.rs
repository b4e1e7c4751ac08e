//! Content from `content/*.toml`, turned into statics by `build.rs`.

use crate::domain::breathing::{ByBand, Pace, Pattern, SessionLength};
use crate::domain::daily::DailyLine;
use crate::domain::draw::prompt::Prompt;
use crate::domain::help::{Helpline, Region};
use crate::domain::Band;

include!(concat!(env!("OUT_DIR"), "/content.rs"));

pub fn region(id: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.id == id)
}

pub fn helplines(region: &str) -> impl Iterator<Item = &'static Helpline> + '_ {
    HELPLINES.iter().filter(move |l| l.region == region)
}

pub fn daily_line(band: Band, day: i64) -> Option<&'static str> {
    crate::domain::daily::line_for_day(DAILY, band, day)
}

/// A built-in breathing pattern by its stable id.
pub fn pattern(id: &str) -> Option<&'static Pattern> {
    PATTERNS.iter().find(|p| p.id == id)
}

/// The pattern a breathing session starts with: soothing rhythm, with no holds.
pub fn default_pattern() -> &'static Pattern {
    // build.rs refuses content without exactly one default.
    PATTERNS
        .iter()
        .find(|p| p.is_default)
        .expect("content/breathing.toml has a default pattern")
}

/// The built-in patterns offered to a band, in the order the content file lists them.
pub fn patterns_for(band: Band) -> impl Iterator<Item = &'static Pattern> {
    PATTERNS.iter().filter(move |p| p.is_for(band))
}

/// How long a breathing session lasts for a band unless the person picks another length.
pub fn default_session(band: Band) -> SessionLength {
    DEFAULT_SESSION.get(band)
}

/// The drawing prompts offered to a band, in the order the content file lists them (the
/// free drawing prompt first).
pub fn draw_prompts_for(band: Band) -> impl Iterator<Item = &'static Prompt> {
    DRAW_PROMPTS.iter().filter(move |p| p.is_for(band))
}

/// A drawing prompt by its stable id.
pub fn draw_prompt(id: &str) -> Option<&'static Prompt> {
    DRAW_PROMPTS.iter().find(|p| p.id == id)
}

use crate::domain::json::Json;
use crate::domain::talk;

/// The dialogue scenes offered to a band, in file-name order, as the list shows them.
pub fn talk_scenes_for(band: Band) -> impl Iterator<Item = &'static talk::Listed> {
    TALK_SCENE_LIST.iter().filter(move |s| s.is_for(band))
}

/// A drawing prompt's title at `band`, by its id, from the titles alone (see
/// [`DRAW_PROMPT_TITLES`]).
pub fn draw_prompt_title(id: &str, band: Band) -> Option<&'static str> {
    DRAW_PROMPT_TITLES
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, t)| t.get(band))
}

/// A dialogue scene's title at `band`, by its id, from the titles alone.
pub fn talk_scene_title(id: &str, band: Band) -> Option<&'static str> {
    TALK_SCENE_TITLES
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, t)| t.get(band))
}

/// What About and the handouts show of a dialogue scene, by its stable id.
pub fn talk_scene_info(id: &str) -> Option<&'static talk::SceneInfo> {
    TALK_SCENES.iter().find(|s| s.id == id)
}

#[cfg(feature = "split")]
thread_local! {
    /// The scenes whose lines have arrived (see [`load_talk_scenes`]).
    static ARRIVED: std::cell::RefCell<Vec<&'static talk::Scene>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// A dialogue scene with its lines, by its stable id, once they are here: in the split
/// build each scene's lines arrive when [`load_talk_scenes`] asks for them; elsewhere
/// they are always here.
pub fn talk_scene(id: &str) -> Option<&'static talk::Scene> {
    #[cfg(feature = "split")]
    return ARRIVED.with(|a| a.borrow().iter().copied().find(|s| s.id == id));
    #[cfg(not(feature = "split"))]
    talk_scene_here(id)
}

/// Brings the lines of the scenes with these ids, each from its own file (in the split
/// build; elsewhere they are here already). An id that is no scene is passed over: a
/// walk in it is refused when it is restored, as before. `Err` when a file did not
/// arrive; the scenes that did stay here, and a next call asks again for the others.
pub async fn load_talk_scenes(
    ids: impl IntoIterator<Item = String>,
) -> Result<(), crate::ui::section::NotLoaded> {
    #[cfg(feature = "split")]
    for id in ids {
        if talk_scene(&id).is_some() {
            continue;
        }
        if let Some(scene) = talk_scene_arrives(&id).await {
            let scene = scene?;
            ARRIVED.with(|a| {
                let mut a = a.borrow_mut();
                if !a.iter().any(|s| s.id == scene.id) {
                    a.push(scene);
                }
            });
        }
    }
    #[cfg(not(feature = "split"))]
    drop(ids);
    Ok(())
}

/// The scene a saved walk is in, by its id, if the walk names one.
pub fn walk_scene_id(json: &Json) -> Option<String> {
    json.field::<String>("scene").ok()
}

/// A saved walk through a scene, checked against the scenes as they are now: a walk
/// that no longer fits them is refused whole. Its scene's lines need to be here
/// ([`load_talk_scenes`]): a walk in a scene that has not arrived is refused too.
pub fn restore_walk(json: &Json) -> Result<talk::Walk, String> {
    talk::Walk::restore(json, talk_scene)
}

// ---- Printable handouts ----

use crate::domain::handout::{self, Card, Handout, Kind};

/// The handouts of one kind, in the order their exercises are offered.
pub fn handouts(kind: Kind) -> impl Iterator<Item = &'static Handout> {
    HANDOUTS.iter().filter(move |h| h.kind == kind)
}

/// The exercise a handout is for (build.rs makes one handout per exercise).
pub fn handout_item(h: &Handout) -> Option<handout::Item> {
    match h.kind {
        Kind::Breathe => pattern(h.id).map(handout::Item::Breathe),
        Kind::Draw => draw_prompt(h.id).map(handout::Item::Draw),
        Kind::Talk => talk_scene_info(h.id).map(handout::Item::Talk),
    }
}

/// The card of a handout at `band`, or `None` below the exercise's youngest band.
pub fn handout_card(h: &Handout, band: Band) -> Option<Card> {
    let item = handout_item(h)?;
    (band >= item.min_band())
        .then(|| handout::card(h, item, &HANDOUT_TEXT, band, default_session(band)))
}

// ---- The family section ----

/// A family lesson by its stable id.
pub fn lesson(id: &str) -> Option<&'static crate::domain::family::Lesson> {
    LESSONS.iter().find(|l| l.id == id)
}

/// The family lesson at `path` (a [`LESSON_PATHS`] address).
pub fn lesson_at(path: &str) -> Option<&'static crate::domain::family::Lesson> {
    LESSONS.iter().find(|l| l.path == path)
}

/// The parent's rehearsal at `path` (a [`FAMILY_SCENE_PATHS`] address).
pub fn family_scene_at(path: &str) -> Option<&'static crate::domain::family::FamilyScene> {
    FAMILY_SCENES.iter().find(|s| s.path == path)
}

/// The handout card at `path` (a [`HANDOUT_PATHS`] address).
pub fn handout_at(path: &str) -> Option<&'static crate::domain::handout::Handout> {
    HANDOUTS.iter().find(|h| h.path == path)
}

/// A parent's rehearsal by its stable id.
pub fn family_scene(id: &str) -> Option<&'static crate::domain::family::FamilyScene> {
    FAMILY_SCENES.iter().find(|s| s.scene.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_lists_match_the_prompts_and_scenes() {
        for band in [Band::Early, Band::Mid, Band::Adult] {
            let prompts: Vec<_> = DRAW_PROMPTS.iter().map(|p| (p.id, p.title(band))).collect();
            let titles: Vec<_> = DRAW_PROMPT_TITLES
                .iter()
                .map(|(id, t)| (*id, t.get(band)))
                .collect();
            assert_eq!(prompts, titles);
            let scenes: Vec<_> = TALK_SCENES.iter().map(|s| (s.id, s.title(band))).collect();
            let titles: Vec<_> = TALK_SCENE_TITLES
                .iter()
                .map(|(id, t)| (*id, t.get(band)))
                .collect();
            assert_eq!(scenes, titles);
        }
    }

    /// The list shows each scene as it is when opened, and every scene is in it.
    #[test]
    fn the_scene_list_matches_the_scenes_with_their_lines() {
        let list: Vec<_> = TALK_SCENES
            .iter()
            .map(|s| {
                (
                    s.id,
                    s.technique,
                    s.reference,
                    s.min_band,
                    s.title,
                    s.preview,
                )
            })
            .collect();
        let whole: Vec<_> = TALK_SCENES_WHOLE
            .iter()
            .map(|s| {
                (
                    s.id,
                    s.technique,
                    s.reference,
                    s.min_band,
                    s.title,
                    s.preview,
                )
            })
            .collect();
        assert_eq!(list, whole);
        let listed: Vec<_> = TALK_SCENE_LIST
            .iter()
            .map(|s| (s.id, s.min_band, s.title))
            .collect();
        let whole: Vec<_> = TALK_SCENES_WHOLE
            .iter()
            .map(|s| (s.id, s.min_band, s.title))
            .collect();
        assert_eq!(listed, whole);
        for info in TALK_SCENES {
            let scene = talk_scene(info.id).expect("every scene in the list has its lines");
            assert!(!scene.lines.is_empty(), "{}", info.id);
        }
        assert!(talk_scene("no-such-scene").is_none());
    }

    /// A walk's scene is named in what is saved, so its lines can be brought first.
    #[test]
    fn a_saved_walk_names_its_scene() {
        let json = Json::parse(r#"{"scene":"friend-test","band":"15-17"}"#).unwrap();
        assert_eq!(walk_scene_id(&json).as_deref(), Some("friend-test"));
        assert_eq!(walk_scene_id(&Json::parse("{}").unwrap()), None);
    }

    use crate::domain::{date, readability};
    use std::time::{SystemTime, UNIX_EPOCH};

    fn today() -> i64 {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs();
        (secs / 86_400) as i64
    }

    /// CONTENT.md: wrong numbers are a documented failure of mental-health apps, so every
    /// number is re-checked against its source at least every six months.
    #[test]
    fn every_helpline_was_verified_against_its_source_within_six_months() {
        for line in HELPLINES {
            let checked = date::parse_iso(line.last_verified).unwrap_or_else(|| {
                panic!("{}: bad last_verified {:?}", line.name, line.last_verified)
            });
            let age = today() - checked;
            assert!(
                age <= 183,
                "{}: last verified {age} days ago; check it again",
                line.name
            );
            assert!(age >= 0, "{}: last_verified is in the future", line.name);
            assert!(
                line.source.starts_with("https://") || line.source.starts_with("http://"),
                "{}: source must be a web page",
                line.name
            );
        }
    }

    #[test]
    fn every_helpline_can_be_called_or_texted() {
        for line in HELPLINES {
            assert!(line.call.is_some() || line.text.is_some(), "{}", line.name);
            for number in [line.call, line.text].into_iter().flatten() {
                let digits = crate::domain::help::dial_digits(number);
                assert!(digits.len() >= 3, "{}: {number:?}", line.name);
            }
        }
    }

    #[test]
    fn every_region_has_an_emergency_number_and_the_starting_set_is_there() {
        for region in REGIONS {
            assert!(
                !crate::domain::help::dial_digits(region.emergency).is_empty(),
                "{}",
                region.id
            );
        }
        for id in ["us", "gb", "ca", "au", "elsewhere"] {
            assert!(region(id).is_some(), "missing region {id}");
        }
        for id in ["us", "gb", "ca", "au"] {
            assert!(helplines(id).count() >= 1, "region {id} has no lines");
        }
        assert_eq!(region("gb").unwrap().emergency, "999");
        assert_eq!(region("au").unwrap().emergency, "000");
    }

    #[test]
    fn every_band_has_a_week_of_daily_lines() {
        for band in Band::ALL {
            let count = DAILY.iter().filter(|l| l.band == band).count();
            assert!(count >= 7, "{} has only {count} daily lines", band.label());
        }
    }

    #[test]
    fn every_text_meets_its_reading_level() {
        for line in DAILY {
            let grade = readability::grade(line.text);
            assert!(
                grade <= line.band.max_reading_grade(),
                "grade {grade:.1} for {}: {:?}",
                line.band.label(),
                line.text
            );
        }
        // Help is read by every band, so it is written for the youngest readers' limit
        // plus the family section's: grade 8 at most.
        for line in HELPLINES {
            let grade = readability::grade(line.about);
            assert!(grade <= 8.0, "grade {grade:.1}: {:?}", line.about);
        }
    }

    /// Words CONTENT.md keeps out of every text aimed at the reader (one list, shared
    /// with the letter's warmth check).
    use crate::domain::warmth::SHAME_WORDS as SHAME;

    /// The shame words a text uses, if any.
    fn shame_words(text: &str) -> Vec<String> {
        text.to_lowercase()
            .split(|c: char| !c.is_alphabetic())
            .filter(|word| SHAME.contains(word))
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn no_text_uses_a_shame_word() {
        let pattern_texts = PATTERNS.iter().flat_map(|p| {
            Band::ALL
                .into_iter()
                .flat_map(move |band| [p.name(band), p.about(band)])
        });
        let texts = DAILY
            .iter()
            .map(|l| l.text)
            .chain(HELPLINES.iter().map(|l| l.about))
            .chain(pattern_texts);
        for text in texts {
            let found = shame_words(text);
            assert!(found.is_empty(), "{found:?} in {text:?}");
        }
    }

    #[test]
    fn the_default_pattern_is_soothing_and_has_no_holds() {
        let default = default_pattern();
        assert_eq!(default.id, "soothing");
        assert_eq!(PATTERNS.iter().filter(|p| p.is_default).count(), 1);
        assert!(!default.has_holds());
        assert!(!default.optional);
        assert_eq!(default.min_band, Band::Early);
        assert_eq!(default.technique, "Soothing rhythm breathing");
        assert!(default.reference.contains("Gilbert"));
        for band in Band::ALL {
            assert_eq!(patterns_for(band).next(), Some(default), "{}", band.label());
        }
    }

    #[test]
    fn the_starting_set_of_patterns_is_there() {
        for id in ["soothing", "balloon", "box", "four-seven-eight"] {
            assert!(pattern(id).is_some(), "missing pattern {id}");
        }
        assert_eq!(pattern("breath-holding"), None);
        let even = pattern("balloon").unwrap();
        assert_eq!(even.start, Pace::even(4000, 4000));
        assert_eq!(even.target, even.start);
        assert_eq!(even.min_band, Band::Early);
        let four_seven_eight = pattern("four-seven-eight").unwrap();
        assert_eq!(
            (
                four_seven_eight.start.hold_in_ms,
                four_seven_eight.start.exhale_ms
            ),
            (7000, 8000)
        );
        for band in [Band::Mid, Band::Adult] {
            assert!(four_seven_eight.about(band).contains("optional"));
        }
    }

    #[test]
    fn holds_are_only_for_15_plus_and_always_optional() {
        for p in PATTERNS.iter().filter(|p| p.has_holds()) {
            assert!(
                p.min_band >= Band::Mid,
                "{} has a hold but is for 12-14",
                p.id
            );
            assert!(p.optional, "{} has a hold but is not marked optional", p.id);
            assert!(!p.is_default, "{} has a hold but is the default", p.id);
        }
        assert!(patterns_for(Band::Early).all(|p| !p.has_holds()));
        assert!(pattern("box").unwrap().has_holds());
        assert!(pattern("four-seven-eight").unwrap().has_holds());
    }

    #[test]
    fn every_pattern_has_text_for_every_band_within_its_reading_level() {
        for p in PATTERNS {
            assert!(
                !p.technique.is_empty() && !p.reference.is_empty(),
                "{}",
                p.id
            );
            for band in Band::ALL {
                // A name is a label, not prose: a reading grade means little for two
                // words, so names are held to being short instead.
                let name = p.name(band);
                assert!(
                    !name.is_empty(),
                    "{} has no name for {}",
                    p.id,
                    band.label()
                );
                assert!(
                    name.chars().count() <= 24 && readability::words(name) <= 3,
                    "{}: name {name:?} is long for a label",
                    p.id
                );
                let about = p.about(band);
                assert_eq!(
                    readability::sentences(about),
                    1,
                    "{} for {}: one sentence, please: {about:?}",
                    p.id,
                    band.label()
                );
                let grade = readability::grade(about);
                assert!(
                    grade <= band.max_reading_grade(),
                    "grade {grade:.1} for {} ({}): {about:?}",
                    band.label(),
                    p.id
                );
            }
        }
    }

    #[test]
    fn every_pattern_paces_each_part_within_ten_seconds() {
        for p in PATTERNS {
            for pace in [p.start, p.target] {
                assert!(
                    pace.problems().is_empty(),
                    "{}: {:?}",
                    p.id,
                    pace.problems()
                );
            }
            if p.start == p.target {
                assert_eq!(p.ease_seconds, 0, "{}", p.id);
            }
        }
    }

    #[test]
    fn the_soothing_pace_eases_toward_five_to_six_breaths_a_minute() {
        use crate::domain::breathing::breath_at;
        let soothing = pattern("soothing").unwrap();
        let (start, target) = (soothing.start, soothing.target);
        // It begins near a comfortable pace: quicker than the target, no slower than
        // 6 a minute, no faster than 8.
        assert!(
            (6.0..=8.0).contains(&start.breaths_per_minute()),
            "{start:?}"
        );
        assert!(start.total_ms() < target.total_ms());
        // And settles at about 5 to 6 a minute, with the out-breath longer than the in.
        assert!(
            (5.0..=6.0).contains(&target.breaths_per_minute()),
            "{target:?}"
        );
        for pace in [start, target] {
            assert!(pace.exhale_ms > pace.inhale_ms);
        }
        // Gently: over the first minute or two, never more than half a second longer
        // from one breath to the next, and never quicker.
        assert!((60..=120).contains(&soothing.ease_seconds));
        let mut breath = breath_at(soothing, 0);
        assert_eq!(breath.pace, start);
        while breath.started_ms < u64::from(soothing.ease_seconds) * 1000 {
            let next = breath_at(soothing, breath.ends_ms());
            let longer = next.pace.total_ms() - breath.pace.total_ms();
            assert!(longer <= 500, "{breath:?} then {next:?}");
            breath = next;
        }
        assert_eq!(breath.pace, target);
        // In the third minute, the breaths that start come to 5 or 6.
        let third_minute =
            (breath_at(soothing, 120_000).index + 1)..=breath_at(soothing, 180_000 - 1).index;
        assert!((5..=6).contains(&third_minute.count()));
    }

    #[test]
    fn default_session_lengths_are_shorter_for_younger_bands() {
        assert_eq!(default_session(Band::Early), SessionLength::OneMinute);
        assert_eq!(default_session(Band::Mid), SessionLength::TwoMinutes);
        assert_eq!(default_session(Band::Adult), SessionLength::ThreeMinutes);
        for band in Band::ALL {
            assert!(default_session(band).minutes().is_some());
        }
    }

    /// Every text of a drawing prompt for a band, named: its title, the prompt, and the
    /// reflect question and gentle line when it has them.
    fn drawing_texts(p: &Prompt, band: Band) -> Vec<(&'static str, &'static str)> {
        let mut texts = vec![("title", p.title(band)), ("prompt", p.text(band))];
        texts.extend(p.reflect(band).map(|text| ("reflect", text)));
        texts.extend(p.gentle(band).map(|text| ("gentle", text)));
        texts
    }

    #[test]
    fn every_band_has_at_least_eight_drawing_prompts() {
        for band in Band::ALL {
            let count = draw_prompts_for(band).filter(|p| !p.is_free()).count();
            assert!(
                count >= 8,
                "{} has only {count} drawing prompts besides free drawing",
                band.label()
            );
        }
    }

    #[test]
    fn every_drawing_prompt_has_a_technique_and_reference() {
        for p in DRAW_PROMPTS {
            for (key, value) in [("technique", p.technique), ("reference", p.reference)] {
                assert!(
                    !value.trim().is_empty() && value.trim() == value,
                    "{}: {key} {value:?}",
                    p.id
                );
            }
            // DESIGN.md: content stays inside the clinical frame, compassion-focused
            // therapy and self-compassion, and the reference says which part of it.
            assert!(
                p.reference.to_lowercase().contains("compassion"),
                "{}: reference {:?} is outside the clinical frame",
                p.id,
                p.reference
            );
        }
    }

    #[test]
    fn drawing_prompts_meet_each_bands_reading_level() {
        // Every band's texts are checked, even for a band a prompt is not offered to:
        // a therapist can show any prompt at any band.
        for band in Band::ALL {
            let mut highest = (0.0_f32, "");
            for p in DRAW_PROMPTS {
                for (key, text) in drawing_texts(p, band) {
                    let grade = readability::grade(text);
                    assert!(
                        grade <= band.max_reading_grade(),
                        "grade {grade:.1} for {} ({} {key}): {text:?}",
                        band.label(),
                        p.id
                    );
                    if grade > highest.0 {
                        highest = (grade, text);
                    }
                }
                let title = p.title(band);
                assert!(
                    readability::words(title) <= 5 && readability::sentences(title) == 1,
                    "{}: title {title:?} is long for a title",
                    p.id
                );
                let sentences = readability::sentences(p.text(band));
                assert!(
                    (1..=3).contains(&sentences),
                    "{} for {}: one to three sentences, please ({sentences})",
                    p.id,
                    band.label()
                );
            }
            println!(
                "highest drawing prompt grade for {}: {:.2} {:?}",
                band.label(),
                highest.0,
                highest.1
            );
        }
    }

    #[test]
    fn drawing_prompts_use_no_shame_words() {
        for p in DRAW_PROMPTS {
            for band in Band::ALL {
                for (key, text) in drawing_texts(p, band) {
                    let found = shame_words(text);
                    assert!(found.is_empty(), "{found:?} in {} {key}: {text:?}", p.id);
                }
            }
        }
    }

    #[test]
    fn drawing_prompts_are_invitations_not_orders() {
        for p in DRAW_PROMPTS {
            for band in Band::ALL {
                let text = p.text(band);
                let lower = text.to_lowercase();
                assert!(
                    ["you could", "if you like"]
                        .iter()
                        .any(|soft| lower.contains(soft))
                        && !lower.starts_with("draw "),
                    "{} for {}: an invitation, please: {text:?}",
                    p.id,
                    band.label()
                );
            }
        }
    }

    #[test]
    fn there_is_a_free_drawing_prompt_for_every_band() {
        let free = draw_prompt("free").expect("a prompt with id free");
        assert!(free.is_free());
        assert_eq!(DRAW_PROMPTS.iter().filter(|p| p.is_free()).count(), 1);
        for band in Band::ALL {
            assert!(free.is_for(band), "{}", band.label());
            assert_eq!(draw_prompts_for(band).next(), Some(free), "offered first");
            assert_eq!(free.reflect(band), None, "nothing to answer after drawing");
            assert!(free.text(band).contains("whatever"), "{}", band.label());
        }
    }

    #[test]
    fn drawing_prompt_ids_are_unique_and_well_formed() {
        for (i, p) in DRAW_PROMPTS.iter().enumerate() {
            assert!(
                !p.id.is_empty()
                    && !p.id.starts_with('-')
                    && !p.id.ends_with('-')
                    && p.id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "prompt id {:?}",
                p.id
            );
            assert!(
                DRAW_PROMPTS[..i].iter().all(|q| q.id != p.id),
                "prompt id {:?} is used twice",
                p.id
            );
            assert_eq!(draw_prompt(p.id), Some(p));
        }
        assert_eq!(draw_prompt("nope"), None);
    }

    #[test]
    fn the_drawing_prompts_from_the_issue_are_there_for_every_band() {
        for id in [
            "safe-place",
            "companion",
            "three-circles",
            "inner-critic",
            "future-note",
            "calm",
            "soothing-kit",
        ] {
            let p = draw_prompt(id).unwrap_or_else(|| panic!("missing prompt {id}"));
            assert_eq!(p.min_band, Band::Early, "{id}");
            assert!(p.reflect.is_some(), "{id} has no question to reflect on");
        }
        let circles = draw_prompt("three-circles").unwrap();
        for band in Band::ALL {
            let text = circles.text(band);
            for colour in ["red", "blue", "green"] {
                assert!(text.contains(colour), "{}: {text:?}", band.label());
            }
        }
    }

    #[test]
    fn drawing_prompts_that_invite_warmth_or_memories_offer_a_way_to_stop() {
        for id in [
            "safe-place",
            "companion",
            "kindest-self",
            "inner-critic",
            "many-selves",
        ] {
            let p = draw_prompt(id).unwrap_or_else(|| panic!("missing prompt {id}"));
            for band in Band::ALL {
                let gentle = p
                    .gentle(band)
                    .unwrap_or_else(|| panic!("{id} has no gentle line for {}", band.label()));
                assert!(
                    gentle.contains("stop") && gentle.contains("something else"),
                    "{id}: {gentle:?}"
                );
            }
        }
    }

    #[test]
    fn every_reflect_question_is_a_question() {
        for p in DRAW_PROMPTS {
            for band in Band::ALL {
                if let Some(question) = p.reflect(band) {
                    assert!(question.ends_with('?'), "{}: {question:?}", p.id);
                    assert_eq!(readability::sentences(question), 1, "{question:?}");
                }
            }
        }
    }
    /// Dialogue scenes (`content/talk/`): their shape, voice and reading level.
    pub(super) mod dialogue {
        use super::*;
        // Every scene with its lines (the list, `TALK_SCENES`, has none).
        use crate::content::TALK_SCENES_WHOLE as TALK_SCENES;
        use crate::domain::json::to_text;
        use crate::domain::talk::{Line, Next, Scene, Speaker, Tone, Walk};

        /// Every text of a scene for a band, with where it is and who says it: the
        /// title, each line, each choice label, write prompt and reflection question.
        /// Labels and prompts are the reader's or the guide's.
        fn texts(scene: &Scene, band: Band) -> Vec<(String, Speaker, &'static str)> {
            let mut texts = vec![
                ("title".to_owned(), Speaker::Guide, scene.title(band)),
                ("preview".to_owned(), Speaker::Guide, scene.preview(band)),
            ];
            for line in scene.lines {
                let at = |what: &str| format!("{} {what}", line.id);
                texts.push((at("text"), line.speaker, line.text(band)));
                match line.next {
                    Next::Choices(choices) => {
                        for (i, choice) in choices.iter().enumerate() {
                            let at = at(&format!("choice {}", i + 1));
                            texts.push((at, Speaker::You, choice.label(band)));
                        }
                    }
                    Next::Write(turn) => {
                        texts.push((at("prompt"), Speaker::Guide, turn.prompt(band)));
                    }
                    Next::End(reflection) => {
                        if let Some(question) = reflection.question(band) {
                            texts.push((at("question"), Speaker::Guide, question));
                        }
                    }
                    Next::Line(_) => {}
                }
            }
            texts
        }

        /// The ids of the lines reachable from a line (itself included), following
        /// only links to lines that exist.
        pub(crate) fn reachable_from(scene: &Scene, from: &'static str) -> Vec<&'static str> {
            let mut seen = vec![from];
            let mut i = 0;
            while i < seen.len() {
                if let Some(line) = scene.line(seen[i]) {
                    for to in line.leads_to() {
                        if scene.line(to).is_some() && !seen.contains(&to) {
                            seen.push(to);
                        }
                    }
                }
                i += 1;
            }
            seen
        }

        fn reachable(scene: &Scene) -> Vec<&'static str> {
            reachable_from(scene, scene.first().expect("a scene has lines").id)
        }

        /// Every path from the first line that visits no line twice, as line ids.
        /// A path that loops back is cut where it would repeat a line.
        pub(crate) fn paths(scene: &'static Scene) -> Vec<Vec<&'static Line>> {
            fn go(
                scene: &'static Scene,
                path: &mut Vec<&'static Line>,
                out: &mut Vec<Vec<&'static Line>>,
            ) {
                assert!(out.len() < 10_000, "{}: too many paths to check", scene.id);
                let at = path[path.len() - 1];
                let ways: Vec<&'static Line> = at
                    .leads_to()
                    .into_iter()
                    .filter_map(|to| scene.line(to))
                    .filter(|to| !path.contains(to))
                    .collect();
                if ways.is_empty() {
                    out.push(path.clone());
                }
                for to in ways {
                    path.push(to);
                    go(scene, path, out);
                    path.pop();
                }
            }
            let mut out = Vec::new();
            go(scene, &mut vec![scene.first().unwrap()], &mut out);
            out
        }

        #[test]
        fn every_choice_leads_to_an_existing_line() {
            for scene in TALK_SCENES {
                for line in scene.lines {
                    for to in line.leads_to() {
                        assert!(
                            scene.line(to).is_some(),
                            "{}: line {:?} leads to {to:?}, which does not exist",
                            scene.id,
                            line.id
                        );
                    }
                }
            }
        }

        #[test]
        fn every_line_is_reachable() {
            for scene in TALK_SCENES {
                let reachable = reachable(scene);
                for line in scene.lines {
                    assert!(
                        reachable.contains(&line.id),
                        "{}: nothing leads to line {:?}",
                        scene.id,
                        line.id
                    );
                }
            }
        }

        #[test]
        fn there_are_no_dead_ends() {
            for scene in TALK_SCENES {
                for line in scene.lines {
                    if let Next::Choices(choices) = line.next {
                        assert!(
                            choices.len() >= 2,
                            "{}: line {:?} offers fewer than two choices",
                            scene.id,
                            line.id
                        );
                    }
                    // Even where a loop leads back (a critical choice met with
                    // curiosity), some way on from every line reaches an ending.
                    let ahead = reachable_from(scene, line.id);
                    assert!(
                        ahead
                            .iter()
                            .any(|id| scene.line(id).is_some_and(Line::is_reflection)),
                        "{}: no reflection can be reached from line {:?}",
                        scene.id,
                        line.id
                    );
                }
            }
        }

        #[test]
        fn every_path_ends_in_a_reflection() {
            for scene in TALK_SCENES {
                let mut endings = 0;
                for path in paths(scene) {
                    let last = path[path.len() - 1];
                    let ids: Vec<&str> = path.iter().map(|l| l.id).collect();
                    if last.leads_to().iter().any(|to| ids.contains(to)) {
                        // A loop back to a line already on the path, which
                        // there_are_no_dead_ends shows can still reach an ending.
                        continue;
                    }
                    assert!(
                        last.is_reflection(),
                        "{}: the path {ids:?} ends without a reflection",
                        scene.id
                    );
                    endings += 1;
                    // An ending that compares answers shows only answers written on
                    // the way to it.
                    if let Next::End(reflection) = last.next {
                        for key in reflection.compare {
                            assert!(
                                path.iter().any(|l| matches!(
                                    l.next,
                                    Next::Write(turn) if turn.key == *key
                                )),
                                "{}: the path {ids:?} compares {key:?} but never asks for it",
                                scene.id
                            );
                        }
                    }
                }
                assert!(endings > 0, "{}: no path reaches an ending", scene.id);
            }
        }

        #[test]
        fn every_scene_has_a_version_for_each_band() {
            for band in Band::ALL {
                let offered = talk_scenes_for(band).count();
                assert!(offered >= 6, "{} has only {offered} scenes", band.label());
            }
            for scene in TALK_SCENES {
                for band in Band::ALL.into_iter().filter(|b| scene.is_for(*b)) {
                    for (at, _, text) in texts(scene, band) {
                        assert!(
                            !text.trim().is_empty(),
                            "{}: {at} has no text for {}",
                            scene.id,
                            band.label()
                        );
                    }
                }
            }
        }

        #[test]
        fn dialogue_texts_meet_each_bands_reading_level() {
            // Every text over its band's limit is listed, so one run shows them all.
            let mut over = Vec::new();
            for band in Band::ALL {
                let mut highest = (f32::MIN, String::new(), "");
                for scene in TALK_SCENES.iter().filter(|s| s.is_for(band)) {
                    for (at, _, text) in texts(scene, band) {
                        let grade = readability::grade(text);
                        if grade > band.max_reading_grade() {
                            over.push(format!(
                                "grade {grade:.1} for {} ({} {at}): {text:?}",
                                band.label(),
                                scene.id
                            ));
                        }
                        if grade > highest.0 {
                            highest = (grade, format!("{} {at}", scene.id), text);
                        }
                    }
                }
                println!(
                    "highest dialogue grade for {}: {:.2} ({}) {:?}",
                    band.label(),
                    highest.0,
                    highest.1,
                    highest.2
                );
            }
            assert!(over.is_empty(), "{}", over.join("\n"));
        }

        #[test]
        fn dialogue_texts_use_no_shame_words_outside_the_critics_voice() {
            for scene in TALK_SCENES {
                for band in Band::ALL.into_iter().filter(|b| scene.is_for(*b)) {
                    for (at, speaker, text) in texts(scene, band) {
                        if speaker == Speaker::Critic {
                            continue;
                        }
                        let found = shame_words(text);
                        assert!(
                            found.is_empty(),
                            "{found:?} in {} {at} for {}: {text:?}",
                            scene.id,
                            band.label()
                        );
                    }
                }
            }
        }

        #[test]
        fn the_critics_voice_is_always_answered_by_a_gentle_one() {
            for scene in TALK_SCENES {
                for line in scene.lines.iter().filter(|l| l.speaker == Speaker::Critic) {
                    let answers = line.leads_to();
                    assert!(
                        !answers.is_empty(),
                        "{}: the critic has the last word",
                        scene.id
                    );
                    for to in answers {
                        let next = scene.line(to).map(|l| l.speaker);
                        assert!(
                            next.is_some_and(Speaker::is_gentle),
                            "{}: the critic's line {:?} is not framed by the guide or the \
                             kind self",
                            scene.id,
                            line.id
                        );
                    }
                }
            }
        }

        #[test]
        fn every_scene_names_its_technique_and_reference() {
            for scene in TALK_SCENES {
                for (key, value) in [
                    ("technique", scene.technique),
                    ("reference", scene.reference),
                ] {
                    assert!(
                        !value.trim().is_empty() && value.trim() == value,
                        "{}: {key} {value:?}",
                        scene.id
                    );
                }
                assert!(
                    scene.reference.to_lowercase().contains("compassion"),
                    "{}: reference {:?} is outside the clinical frame",
                    scene.id,
                    scene.reference
                );
            }
        }

        #[test]
        fn a_critical_choice_is_met_with_curiosity_and_a_path_back() {
            let mut critical = 0;
            for scene in TALK_SCENES {
                for line in scene.lines {
                    let Next::Choices(choices) = line.next else {
                        continue;
                    };
                    for choice in choices.iter().filter(|c| c.tone == Tone::Critical) {
                        critical += 1;
                        let answer = scene.line(choice.next).unwrap_or_else(|| {
                            panic!("{}: {:?} leads nowhere", scene.id, choice.next)
                        });
                        assert!(
                            answer.speaker.is_gentle() && !answer.is_reflection(),
                            "{}: the critical choice at {:?} is met by {:?} in line {:?}, \
                             not by the guide or kind self leading on",
                            scene.id,
                            line.id,
                            answer.speaker,
                            answer.id
                        );
                        assert!(
                            !answer.leads_to().is_empty(),
                            "{}: {:?} leads nowhere",
                            scene.id,
                            answer.id
                        );
                        for band in Band::ALL.into_iter().filter(|b| scene.is_for(*b)) {
                            let text = answer.text(band);
                            assert!(
                                text.contains("critic") && text.contains('?'),
                                "{}: {:?} for {}: name the critic and ask, gently: {text:?}",
                                scene.id,
                                answer.id,
                                band.label()
                            );
                        }
                    }
                }
            }
            assert!(
                critical >= 2,
                "only {critical} critical choices in all scenes"
            );
        }

        #[test]
        fn every_scene_opens_with_a_one_line_preview() {
            for scene in TALK_SCENES {
                let critic = scene.lines.iter().any(|l| l.speaker == Speaker::Critic);
                for band in Band::ALL.into_iter().filter(|b| scene.is_for(*b)) {
                    let preview = scene.preview(band);
                    let at = format!("{} preview for {}", scene.id, band.label());
                    // Short enough to read at a glance, and a plain sentence or two.
                    assert!(
                        !preview.contains('\n') && preview.chars().count() <= 160,
                        "{at} is longer than one short line: {preview:?}"
                    );
                    assert!(preview.ends_with('.'), "{at}: {preview:?}");
                    assert!(
                        preview.matches(". ").count() <= 1,
                        "{at}: at most two sentences: {preview:?}"
                    );
                    assert_ne!(preview, scene.title(band), "{at} says more than the title");
                    // A harsh moment never comes without warning.
                    if critic {
                        assert!(
                            preview.contains("critic"),
                            "{at}: the critic speaks in this scene, so say so: {preview:?}"
                        );
                    }
                }
            }
        }

        /// Words too cutting for the youngest band, even from the critic.
        const HARSHEST: [&str; 16] = [
            "stupid",
            "joke",
            "useless",
            "worthless",
            "idiot",
            "loser",
            "pathetic",
            "hate",
            "dumb",
            "ugly",
            "lazy",
            "weak",
            "failure",
            "never",
            "nobody",
            "bother",
        ];

        #[test]
        fn the_critic_speaks_more_softly_to_12_to_14s() {
            let mut heard = 0;
            for scene in TALK_SCENES.iter().filter(|s| s.is_for(Band::Early)) {
                for line in scene.lines.iter().filter(|l| l.speaker == Speaker::Critic) {
                    heard += 1;
                    let text = line.text(Band::Early);
                    let words: Vec<String> = text
                        .to_lowercase()
                        .split(|c: char| !c.is_alphabetic())
                        .map(str::to_owned)
                        .collect();
                    let found: Vec<&&str> = HARSHEST
                        .iter()
                        .filter(|w| words.iter().any(|x| x == *w))
                        .collect();
                    assert!(
                        found.is_empty(),
                        "{} {:?} for 12-14 says {found:?}: {text:?}",
                        scene.id,
                        line.id
                    );
                }
            }
            // Still recognisably the critic: it speaks in the younger scenes too.
            assert!(heard >= 3, "the critic speaks only {heard} times for 12-14");
        }

        #[test]
        fn the_friend_scene_compares_two_written_answers() {
            let scene = talk_scene("friend-test").expect("a scene with id friend-test");
            for band in Band::ALL {
                assert!(scene.is_for(band), "{}", band.label());
                // Kindly: take the first choice each time and write at each turn.
                let mut walk = Walk::start(scene, band).unwrap();
                let mut written = Vec::new();
                while !walk.is_finished() {
                    match walk.current().next {
                        Next::Line(_) => walk.go_on().unwrap(),
                        Next::Choices(_) => walk.choose(0).unwrap(),
                        Next::Write(turn) => {
                            written.push(turn.key);
                            walk.write(&format!("to {}", turn.key)).unwrap();
                        }
                        Next::End(_) => unreachable!(),
                    }
                }
                assert_eq!(written, ["friend", "self"], "{}", band.label());
                assert_eq!(
                    walk.compared(),
                    [("friend", "to friend"), ("self", "to self")],
                    "{}",
                    band.label()
                );
                let Next::End(reflection) = walk.current().next else {
                    unreachable!()
                };
                let question = reflection.question(band).expect("a gentle question");
                assert!(question.ends_with('?'), "{question:?}");
            }
        }

        #[test]
        fn the_inner_critic_scene_hears_each_self_before_the_kind_one() {
            let scene = talk_scene("inner-critic").expect("a scene with id inner-critic");
            for path in paths(scene) {
                let speakers: Vec<Speaker> = path.iter().map(|l| l.speaker).collect();
                let at = |s: Speaker| speakers.iter().position(|x| *x == s);
                let order = [
                    Speaker::Critic,
                    Speaker::Angry,
                    Speaker::Anxious,
                    Speaker::Sad,
                ]
                .map(|s| at(s).unwrap_or_else(|| panic!("no {s:?} on {speakers:?}")));
                assert!(order.windows(2).all(|w| w[0] < w[1]), "{speakers:?}");
                let kind_after_sad = speakers[order[3]..].contains(&Speaker::Kind);
                assert!(kind_after_sad, "{speakers:?}");
            }
        }

        #[test]
        fn every_step_of_every_scene_survives_a_reload() {
            for scene in TALK_SCENES {
                for band in Band::ALL.into_iter().filter(|b| scene.is_for(*b)) {
                    for path in paths(scene) {
                        let mut walk = Walk::start(scene, band).unwrap();
                        for to in &path[1..] {
                            let next = walk.current().next;
                            match next {
                                Next::Line(_) => walk.go_on().unwrap(),
                                Next::Write(_) => walk.write("words").unwrap(),
                                Next::Choices(choices) => {
                                    let i = choices.iter().position(|c| c.next == to.id);
                                    walk.choose(i.unwrap()).unwrap();
                                }
                                Next::End(_) => unreachable!(),
                            }
                            let stored = Json::parse(&to_text(&walk)).unwrap();
                            let restored = restore_walk(&stored);
                            assert_eq!(restored.as_ref(), Ok(&walk), "{}", scene.id);
                        }
                    }
                }
            }
        }
    }

    // ---- Printable handouts ----

    #[test]
    fn every_pattern_prompt_and_scene_has_a_handout_for_each_band_it_is_offered_to() {
        use crate::domain::handout::Kind;
        let ids = |kind: Kind| handouts(kind).map(|h| h.id).collect::<Vec<_>>();
        assert_eq!(
            ids(Kind::Breathe),
            PATTERNS.iter().map(|p| p.id).collect::<Vec<_>>()
        );
        assert_eq!(
            ids(Kind::Draw),
            DRAW_PROMPTS.iter().map(|p| p.id).collect::<Vec<_>>()
        );
        assert_eq!(
            ids(Kind::Talk),
            TALK_SCENES.iter().map(|s| s.id).collect::<Vec<_>>()
        );
        for h in HANDOUTS {
            assert_eq!(h.path, format!("/handouts/{}/{}", h.kind.as_str(), h.id));
            let item = handout_item(h).unwrap();
            for band in Band::ALL {
                let card = handout_card(h, band);
                assert_eq!(
                    card.is_some(),
                    band >= item.min_band(),
                    "{} {}",
                    h.path,
                    band.label()
                );
                if let Some(card) = card {
                    assert!(!card.what.is_empty() && !card.why.is_empty(), "{}", h.path);
                    assert!(
                        card.how.len() >= 3,
                        "{} has {} steps",
                        h.path,
                        card.how.len()
                    );
                }
            }
        }
    }

    /// Every text on every card that is written for handouts: why, how, footer.
    fn handout_texts() -> Vec<(String, Band, String)> {
        let mut out = Vec::new();
        for h in HANDOUTS {
            for band in Band::ALL {
                let Some(card) = handout_card(h, band) else {
                    continue;
                };
                let at = format!("{} for {}", h.path, band.label());
                out.push((at.clone(), band, card.why.to_owned()));
                out.push((at.clone(), band, card.footer.to_owned()));
                out.extend(card.how.into_iter().map(|t| (at.clone(), band, t)));
            }
        }
        out
    }

    #[test]
    fn every_handout_text_meets_its_bands_reading_level() {
        let mut over = Vec::new();
        for (at, band, text) in handout_texts() {
            let grade = readability::grade(&text);
            if grade > band.max_reading_grade() {
                over.push(format!("grade {grade:.1} on {at}: {text:?}"));
            }
        }
        assert!(over.is_empty(), "{}", over.join("\n"));
    }

    #[test]
    fn handouts_use_no_shame_words_and_leave_no_placeholder() {
        for (at, _, text) in handout_texts() {
            let found = shame_words(&text);
            assert!(found.is_empty(), "{found:?} on {at}: {text:?}");
            assert!(
                !text.contains('{'),
                "a placeholder is left on {at}: {text:?}"
            );
        }
    }

    #[test]
    fn a_breathing_card_gives_the_pace_and_marks_holds_as_optional() {
        let h = HANDOUTS.iter().find(|h| h.id == "box").unwrap();
        assert!(
            handout_card(h, Band::Early).is_none(),
            "holds are for 15 and up"
        );
        let card = handout_card(h, Band::Mid).unwrap();
        assert!(card.how.iter().any(|s| s.contains("hold for 4")));
        assert!(card.how.iter().any(|s| s == HANDOUT_TEXT.hold));
        let h = HANDOUTS.iter().find(|h| h.id == "soothing").unwrap();
        let card = handout_card(h, Band::Early).unwrap();
        assert!(card
            .how
            .iter()
            .any(|s| s.contains("in for 4 seconds and out for 5")));
        assert!(card.how.iter().any(|s| s.contains("about 1 minute")));
        assert!(!card.how.iter().any(|s| s == HANDOUT_TEXT.hold));
    }
}

/// The family section's content tests: every lesson and every rehearsal a parent reads.
#[cfg(test)]
mod family_tests {
    use super::*;
    use crate::domain::readability;
    use crate::domain::talk::{Line, Next, Scene, Speaker, Tone, Walk};

    use crate::domain::warmth::SHAME_WORDS as SHAME;

    /// Words and phrases that blame a parent or a teen (CONTENT.md: no blame on family
    /// pages), as lowercase text to look for.
    const BLAME: [&str; 16] = [
        "your fault",
        "their fault",
        "to blame",
        "bad parent",
        "bad mother",
        "bad father",
        "bad kid",
        "bad child",
        "attention seeking",
        "attention-seeking",
        "manipulat",
        "spoilt",
        "spoiled",
        "ungrateful",
        "overreact",
        "drama queen",
    ];

    fn problems(text: &str) -> Vec<String> {
        let lower = text.to_lowercase();
        let mut found: Vec<String> = lower
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| SHAME.contains(w))
            .map(str::to_owned)
            .collect();
        found.extend(
            BLAME
                .iter()
                .filter(|b| lower.contains(**b))
                .map(|b| (*b).to_owned()),
        );
        found
    }

    /// Every text of a rehearsal a parent reads: title, preview, lines, choices and
    /// the closing question. Rehearsals have one text for every band.
    fn scene_texts(s: &crate::domain::family::FamilyScene) -> Vec<(String, &'static str)> {
        let band = Band::Adult;
        let scene = &s.scene;
        let mut out = vec![
            ("title".to_owned(), scene.title(band)),
            ("preview".to_owned(), scene.preview(band)),
        ];
        for line in scene.lines {
            out.push((format!("line {:?}", line.id), line.text(band)));
            match line.next {
                Next::Choices(choices) => {
                    for (i, c) in choices.iter().enumerate() {
                        out.push((
                            format!("line {:?} choice {}", line.id, i + 1),
                            c.label(band),
                        ));
                    }
                }
                Next::Write(w) => out.push((format!("line {:?} prompt", line.id), w.prompt(band))),
                Next::End(r) => out.extend(
                    r.question(band)
                        .map(|q| (format!("line {:?} question", line.id), q)),
                ),
                Next::Line(_) => {}
            }
        }
        out
    }

    fn all_family_texts() -> Vec<(String, &'static str)> {
        let mut out = Vec::new();
        for l in LESSONS {
            out.extend(
                l.texts()
                    .into_iter()
                    .map(|(at, t)| (format!("{} {at}", l.id), t)),
            );
        }
        for s in FAMILY_SCENES {
            out.extend(
                scene_texts(s)
                    .into_iter()
                    .map(|(at, t)| (format!("{} {at}", s.scene.id), t)),
            );
        }
        out
    }

    #[test]
    fn the_course_has_six_to_eight_lessons() {
        assert!(
            (6..=8).contains(&LESSONS.len()),
            "{} lessons",
            LESSONS.len()
        );
    }

    #[test]
    fn every_lesson_has_a_title_sections_a_try_this_step_technique_and_reference() {
        for l in LESSONS {
            assert!(!l.title.is_empty() && !l.summary.is_empty(), "{}", l.id);
            assert!(!l.sections.is_empty(), "{}: no sections", l.id);
            for s in l.sections {
                assert!(!s.heading.is_empty(), "{}: a section has no heading", l.id);
                assert!(
                    s.paragraphs().count() >= 1,
                    "{}: {:?} is empty",
                    l.id,
                    s.heading
                );
            }
            assert!(
                l.try_this.split_whitespace().count() >= 8,
                "{}: try step",
                l.id
            );
            assert!(!l.technique.is_empty(), "{}: technique", l.id);
            assert!(!l.references.is_empty(), "{}: references", l.id);
            assert_eq!(lesson(l.id), Some(l));
        }
    }

    #[test]
    fn every_lesson_takes_three_to_five_minutes_to_read() {
        for l in LESSONS {
            let words: usize = l.texts().iter().map(|(_, t)| readability::words(t)).sum();
            // About 150 to 200 words a minute for careful reading, plus a minute for an
            // exercise in the lesson (the breathing, or the help lines).
            let extra = if l.breathe || l.help { 150 } else { 0 };
            let minutes = (words + extra) as f32 / 175.0;
            assert!(
                (2.5..=5.5).contains(&minutes) && (3..=5).contains(&l.minutes),
                "{}: {words} words is about {minutes:.1} minutes; it says {}",
                l.id,
                l.minutes
            );
        }
    }

    #[test]
    fn every_family_text_reads_at_grade_eight_or_below() {
        let mut over = Vec::new();
        let mut highest = (f32::MIN, String::new());
        for (at, text) in all_family_texts() {
            // A title or heading is a label, not prose: a reading grade means little
            // for three words, so labels are held to being short instead.
            if at.ends_with(" title") || at.contains(" heading ") {
                assert!(
                    readability::words(text) <= 10,
                    "{at}: {text:?} is long for a label"
                );
                continue;
            }
            let grade = readability::grade(text);
            if grade > 8.0 {
                over.push(format!("grade {grade:.1} at {at}: {text:?}"));
            }
            if grade > highest.0 {
                highest = (grade, at);
            }
        }
        println!("highest family grade: {:.2} ({})", highest.0, highest.1);
        assert!(over.is_empty(), "{}", over.join("\n"));
    }

    #[test]
    fn no_family_text_uses_a_shame_word_or_blames_a_parent_or_a_teen() {
        for (at, text) in all_family_texts() {
            let found = problems(text);
            assert!(found.is_empty(), "{found:?} at {at}: {text:?}");
        }
        assert_eq!(problems("You are a bad parent"), ["bad parent"]);
        assert_eq!(problems("You should try"), ["should"]);
    }

    #[test]
    fn a_claim_about_research_names_its_source() {
        let claims = [
            "study",
            "studies",
            "trial",
            "review",
            "research",
            "researcher",
        ];
        for l in LESSONS {
            for (at, text) in l.texts() {
                let lower = text.to_lowercase();
                let claims_research = lower
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| claims.contains(&w));
                if !claims_research {
                    continue;
                }
                // The text names a person, and the lesson's references name them too.
                let named = l.references.iter().any(|r| {
                    r.split(|c: char| !c.is_alphabetic())
                        .filter(|w| w.len() > 3 && w.chars().next().is_some_and(char::is_uppercase))
                        .any(|name| text.contains(name))
                });
                assert!(
                    named,
                    "{} {at}: a claim about research names no source: {text:?}",
                    l.id
                );
            }
        }
    }

    #[test]
    fn the_criticism_lesson_has_a_before_and_after_for_every_teen_age_band() {
        let l = lesson("criticism-and-coaching").expect("the emotion coaching lesson");
        for band in Band::ALL {
            let e = l
                .example_for(band)
                .unwrap_or_else(|| panic!("{}", band.label()));
            assert_ne!(e.before, e.after);
        }
        for step in ["notice", "name", "empathy", "calm"] {
            assert!(l.technique.to_lowercase().contains(step), "{step}");
        }
    }

    #[test]
    fn the_required_lessons_are_there() {
        let systems = lesson("three-systems").expect("three systems");
        assert!(systems.systems);
        let text: String = systems.texts().iter().map(|(_, t)| *t).collect();
        for colour in ["Red", "Blue", "Green"] {
            assert!(text.contains(colour), "{colour}");
        }
        for id in ["your-own-kindness", "privacy", "repair"] {
            assert!(lesson(id).is_some(), "{id}");
        }
        assert!(
            lesson("when-it-is-serious")
                .expect("when it is serious")
                .help
        );
        assert!(
            lesson("practising-together")
                .expect("practising together")
                .breathe
        );
    }

    #[test]
    fn the_privacy_lesson_says_nothing_the_teen_writes_or_draws_is_shown() {
        let l = lesson("privacy").unwrap();
        let text: String = l
            .texts()
            .iter()
            .map(|(_, t)| *t)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains("Nothing your teen writes, draws or says in Tend is shown"));
    }

    // ---- The parent's rehearsals: checked like the teen's scenes. ----

    // The same walkers as the teen's scenes.
    use super::tests::dialogue::{paths, reachable_from};

    #[test]
    fn there_are_at_least_four_rehearsals_and_none_is_among_the_teens_scenes() {
        assert!(
            FAMILY_SCENES.len() >= 4,
            "{} rehearsals",
            FAMILY_SCENES.len()
        );
        for s in FAMILY_SCENES {
            assert!(
                talk_scene(s.scene.id).is_none(),
                "{} is a teen scene too",
                s.scene.id
            );
            for band in Band::ALL {
                assert!(talk_scenes_for(band).all(|t| t.id != s.scene.id));
            }
            assert_eq!(family_scene(s.scene.id), Some(s));
            assert!(
                !s.scene.preview(Band::Adult).is_empty()
                    && !s.scene.preview(Band::Adult).contains('\n'),
                "{}",
                s.scene.id
            );
        }
    }

    #[test]
    fn every_rehearsal_line_is_reachable_and_every_choice_leads_to_a_line() {
        for s in FAMILY_SCENES {
            let scene = &s.scene;
            let reachable = reachable_from(scene, scene.first().unwrap().id);
            for line in scene.lines {
                assert!(
                    reachable.contains(&line.id),
                    "{}: nothing leads to {:?}",
                    scene.id,
                    line.id
                );
                for to in line.leads_to() {
                    assert!(
                        scene.line(to).is_some(),
                        "{}: {:?} leads to {to:?}",
                        scene.id,
                        line.id
                    );
                }
                let ahead = reachable_from(scene, line.id);
                assert!(
                    ahead
                        .iter()
                        .any(|id| scene.line(id).is_some_and(Line::is_reflection)),
                    "{}: no ending can be reached from {:?}",
                    scene.id,
                    line.id
                );
            }
        }
    }

    #[test]
    fn every_rehearsal_path_ends_in_a_reflection_and_can_be_walked() {
        for s in FAMILY_SCENES {
            let scene: &'static Scene = &s.scene;
            let mut endings = 0;
            for path in paths(scene) {
                let last = path[path.len() - 1];
                let ids: Vec<&str> = path.iter().map(|l| l.id).collect();
                if last.leads_to().iter().any(|to| ids.contains(to)) {
                    continue; // a loop back to try again
                }
                assert!(
                    last.is_reflection(),
                    "{}: {ids:?} ends without a reflection",
                    scene.id
                );
                endings += 1;
                // The walker the teen's scenes use follows the same path.
                let mut walk = Walk::start(scene, Band::Adult).unwrap();
                for to in &path[1..] {
                    match walk.current().next {
                        Next::Line(_) => walk.go_on().unwrap(),
                        Next::Write(_) => walk.write("words").unwrap(),
                        Next::Choices(choices) => {
                            let i = choices.iter().position(|c| c.next == to.id).unwrap();
                            walk.choose(i).unwrap();
                        }
                        Next::End(_) => unreachable!(),
                    }
                }
                assert!(walk.is_finished(), "{}: {ids:?}", scene.id);
            }
            assert!(endings > 0, "{}", scene.id);
        }
    }

    #[test]
    fn the_parent_chooses_and_every_choice_gets_kind_feedback_about_the_threat_system() {
        for s in FAMILY_SCENES {
            let scene = &s.scene;
            let mut choices_seen = 0;
            for line in scene.lines {
                let Next::Choices(choices) = line.next else {
                    continue;
                };
                assert!(choices.len() >= 2, "{}: {:?}", scene.id, line.id);
                for c in choices {
                    choices_seen += 1;
                    let feedback = scene.line(c.next).unwrap();
                    let text = feedback.text(Band::Adult).to_lowercase();
                    let names_threat = text
                        .split(|c: char| !c.is_alphabetic())
                        .any(|w| w == "red" || w == "threat");
                    assert!(
                        feedback.speaker == Speaker::Guide && names_threat,
                        "{}: the choice {:?} is not followed by the guide explaining what it \
                         does to the teen's threat system (red)",
                        scene.id,
                        c.label(Band::Adult)
                    );
                    if c.tone == Tone::Critical {
                        // Met with understanding, then a way back to choose again.
                        assert!(
                            feedback.text(Band::Adult).contains('?'),
                            "{}: {:?}",
                            scene.id,
                            feedback.id
                        );
                        assert!(
                            feedback.leads_to().contains(&line.id),
                            "{}: {:?}",
                            scene.id,
                            feedback.id
                        );
                    }
                }
            }
            assert!(
                choices_seen >= 4,
                "{}: the parent chooses only {choices_seen} times",
                scene.id
            );
            assert!(
                scene.lines.iter().any(|l| l.speaker == Speaker::Other),
                "{}: the teen never speaks",
                scene.id
            );
        }
    }

    #[test]
    fn the_i_hate_myself_rehearsal_asks_directly_and_ends_with_help() {
        let s = family_scene("i-hate-myself").expect("the i-hate-myself rehearsal");
        let all: Vec<&str> = scene_texts(s).into_iter().map(|(_, t)| t).collect();
        assert!(all
            .iter()
            .any(|t| t.contains("Are you thinking about suicide")));
        let end = s.scene.lines.iter().find(|l| l.is_reflection()).unwrap();
        assert!(end.text(Band::Adult).contains("Help now"));
        assert!(end.text(Band::Adult).contains("emergency"));
    }
}

// ---- Kind imagery and the compassionate letter ----

#[cfg(test)]
mod imagery_and_letter_tests {
    use super::*;
    use crate::domain::imagery::StepKind;
    use crate::domain::letter::Voice;
    use crate::domain::readability;
    use crate::domain::warmth::shame_words;

    /// Every text a reader of `band` reads in the imagery, the companion line with a
    /// name filled in.
    fn imagery_texts(band: Band) -> Vec<String> {
        let i = &IMAGERY;
        let mut all = vec![i.preview.get(band).to_owned()];
        for a in i.anchors {
            all.push(a.label.to_owned());
            all.push(a.reminder.to_owned());
        }
        for s in i.steps_for(band) {
            all.push(s.text.get(band).to_owned());
            all.extend(s.companion_line(band, "Pip"));
        }
        all
    }

    fn letter_texts(band: Band) -> Vec<String> {
        let l = &LETTER;
        let mut all = vec![l.intro.get(band).to_owned(), l.reread.get(band).to_owned()];
        for s in l.steps {
            all.push(s.prompt.get(band).to_owned());
            for voice in [Voice::You, Voice::I] {
                all.push(s.starter(voice).to_owned());
            }
        }
        all
    }

    #[test]
    fn imagery_and_letter_texts_meet_each_bands_reading_level() {
        for band in Band::ALL {
            let limit = band.max_reading_grade();
            for text in imagery_texts(band).into_iter().chain(letter_texts(band)) {
                let grade = readability::grade(&text);
                assert!(
                    grade <= limit,
                    "grade {grade:.1} for {}: {text:?}",
                    band.label()
                );
            }
        }
    }

    /// Titles are a few plain words (a reading grade means little for two words).
    fn titles(band: Band) -> Vec<&'static str> {
        let mut all = vec![IMAGERY.title.get(band), LETTER.title.get(band)];
        all.extend(IMAGERY.steps.iter().map(|s| s.title.get(band)));
        all
    }

    #[test]
    fn imagery_and_letter_titles_are_a_few_plain_words() {
        for band in Band::ALL {
            for title in titles(band) {
                assert!(
                    readability::words(title) <= 5 && readability::sentences(title) == 1,
                    "{title:?} is long for a title"
                );
            }
        }
    }

    #[test]
    fn imagery_and_letter_texts_use_no_shame_words() {
        for band in Band::ALL {
            let all = imagery_texts(band).into_iter().chain(letter_texts(band));
            for text in all.chain(titles(band).into_iter().map(str::to_owned)) {
                let found = shame_words(&text);
                assert!(found.is_empty(), "{found:?} in {text:?}");
            }
        }
    }

    #[test]
    fn imagery_and_letter_name_their_technique_and_reference() {
        assert!(IMAGERY.technique.to_lowercase().contains("imagery"));
        assert!(LETTER.technique.to_lowercase().contains("letter"));
        for reference in [IMAGERY.reference, LETTER.reference] {
            assert!(
                reference.contains("Compassion-Focused Therapy"),
                "{reference}"
            );
            assert!(reference.contains("Gilbert"), "{reference}");
        }
    }

    #[test]
    fn every_band_walks_a_calm_place_a_kind_other_and_the_kind_self_then_grounds() {
        for band in Band::ALL {
            let steps = IMAGERY.steps_for(band);
            let kinds: Vec<StepKind> = steps.iter().map(|s| s.kind).collect();
            for kind in [StepKind::Place, StepKind::Other, StepKind::Kind] {
                assert!(kinds.contains(&kind), "{}: no {kind:?}", band.label());
            }
            assert_eq!(kinds.first(), Some(&StepKind::Arrive), "{}", band.label());
            assert_eq!(kinds.last(), Some(&StepKind::Ground), "{}", band.label());
            let place = kinds.iter().position(|k| *k == StepKind::Place).unwrap();
            let other = kinds.iter().position(|k| *k == StepKind::Other).unwrap();
            let kind = kinds.iter().position(|k| *k == StepKind::Kind).unwrap();
            assert!(place < other && other < kind, "{}", band.label());
        }
    }

    #[test]
    fn the_imagery_is_shorter_for_younger_bands_and_lingers_longer_for_older_ones() {
        let words = |band: Band| -> usize {
            IMAGERY
                .steps_for(band)
                .iter()
                .map(|s| s.text.get(band).split_whitespace().count())
                .sum()
        };
        assert!(words(Band::Early) < words(Band::Mid));
        assert!(words(Band::Mid) < words(Band::Adult));
        assert!(IMAGERY.steps_for(Band::Early).len() <= IMAGERY.steps_for(Band::Adult).len());
        assert!(IMAGERY.linger.early <= IMAGERY.linger.mid);
        assert!(IMAGERY.linger.mid <= IMAGERY.linger.adult);
    }

    #[test]
    fn eyes_open_is_offered_first_and_the_preview_says_so() {
        assert_eq!(IMAGERY.anchors[0].id, "eyes-open");
        assert!(IMAGERY.anchors.len() >= 3, "other anchors are offered too");
        for band in Band::ALL {
            assert!(
                IMAGERY
                    .preview
                    .get(band)
                    .to_lowercase()
                    .contains("eyes open"),
                "{}",
                band.label()
            );
        }
    }

    #[test]
    fn the_kind_other_can_be_the_persons_companion() {
        let other = IMAGERY
            .steps
            .iter()
            .find(|s| s.kind == StepKind::Other)
            .unwrap();
        for band in Band::ALL {
            assert!(other.companion_line(band, "Pip").unwrap().contains("Pip"));
            assert_eq!(other.companion_line(band, ""), None);
        }
    }

    #[test]
    fn the_letter_prompts_the_three_kind_steps_in_both_voices() {
        let starters: Vec<&str> = LETTER.steps.iter().map(|s| s.you).collect();
        assert_eq!(
            starters,
            [
                "It makes sense that you feel…",
                "You're not alone in this…",
                "What might help you next…"
            ]
        );
        for s in LETTER.steps {
            assert!(!s.i.to_lowercase().contains("you"), "{:?}", s.i);
            assert_ne!(s.i, s.you);
        }
    }
}
