//! A walk through one scene: where the reader is, how they got there, and what they
//! wrote on the way. Pure data with plain methods; the view calls them and saves the
//! walk after each step, so progress survives a reload.

use super::{Line, Next, Scene};
use crate::domain::json::{obj, FromJson, Json, ToJson};
use crate::domain::Band;
use std::collections::BTreeMap;
use std::fmt;

/// Why a step could not be taken. Nothing changes when a step is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WalkError {
    /// The scene is not offered to this band.
    NotForBand,
    /// The scene has no lines.
    Empty,
    /// The current line is a reflection: the scene is over.
    Finished,
    /// The current line has no choices.
    NotAChoice,
    /// There is no choice with this index.
    NoSuchChoice(usize),
    /// The current line is not a free-text turn.
    NotAWrite,
    /// The current line asks for a choice or an answer, not just "go on".
    NotPlain,
    /// The content leads to a line that does not exist (the content tests prevent it).
    MissingLine(&'static str),
}

impl fmt::Display for WalkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WalkError::NotForBand => f.write_str("this scene is not offered to this age band"),
            WalkError::Empty => f.write_str("this scene has no lines"),
            WalkError::Finished => f.write_str("the scene has ended"),
            WalkError::NotAChoice => f.write_str("this line has no choices"),
            WalkError::NoSuchChoice(i) => write!(f, "there is no choice number {}", i + 1),
            WalkError::NotAWrite => f.write_str("this line does not ask for an answer"),
            WalkError::NotPlain => f.write_str("this line asks for a choice or an answer"),
            WalkError::MissingLine(id) => write!(f, "the scene has no line {id:?}"),
        }
    }
}

/// Where a reader is in a scene.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Walk {
    scene: &'static Scene,
    band: Band,
    /// Every line shown so far, in order; the last is the current line.
    path: Vec<&'static Line>,
    /// For each line left behind (one fewer than `path`): the index of the choice
    /// taken there, if it was a choice.
    picks: Vec<Option<u8>>,
    /// Free-text answers by their turn's key. Kept when stepping back, so going back
    /// over a write turn never loses a word.
    answers: BTreeMap<String, String>,
}

impl Walk {
    /// A new walk at the scene's first line.
    pub fn start(scene: &'static Scene, band: Band) -> Result<Walk, WalkError> {
        if !scene.is_for(band) {
            return Err(WalkError::NotForBand);
        }
        let first = scene.first().ok_or(WalkError::Empty)?;
        Ok(Walk {
            scene,
            band,
            path: vec![first],
            picks: Vec::new(),
            answers: BTreeMap::new(),
        })
    }

    pub fn scene(&self) -> &'static Scene {
        self.scene
    }

    pub fn band(&self) -> Band {
        self.band
    }

    /// The line being shown now.
    pub fn current(&self) -> &'static Line {
        self.path[self.path.len() - 1]
    }

    /// Every line shown so far, in order, ending with the current one.
    pub fn path(&self) -> &[&'static Line] {
        &self.path
    }

    /// The choice taken at each line left behind (`None` where there was no choice).
    pub fn picks(&self) -> &[Option<u8>] {
        &self.picks
    }

    /// What was written at the turn with this key, if anything.
    pub fn answer(&self, key: &str) -> Option<&str> {
        self.answers.get(key).map(String::as_str)
    }

    pub fn answers(&self) -> &BTreeMap<String, String> {
        &self.answers
    }

    /// The scene has reached a reflection.
    pub fn is_finished(&self) -> bool {
        self.current().is_reflection()
    }

    /// At a reflection that compares answers: each compared key with what was written
    /// there (empty when the turn was left blank).
    pub fn compared(&self) -> Vec<(&'static str, &str)> {
        match self.current().next {
            Next::End(reflection) => reflection
                .compare
                .iter()
                .map(|key| (*key, self.answer(key).unwrap_or("")))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Go on from a line that simply leads to the next one.
    pub fn go_on(&mut self) -> Result<(), WalkError> {
        match self.current().next {
            Next::Line(id) => self.step(id, None),
            Next::End(_) => Err(WalkError::Finished),
            _ => Err(WalkError::NotPlain),
        }
    }

    /// Take choice number `index` (from 0) of the current line.
    pub fn choose(&mut self, index: usize) -> Result<(), WalkError> {
        match self.current().next {
            Next::Choices(choices) => {
                let choice = choices.get(index).ok_or(WalkError::NoSuchChoice(index))?;
                let pick = u8::try_from(index).map_err(|_| WalkError::NoSuchChoice(index))?;
                self.step(choice.next, Some(pick))
            }
            Next::End(_) => Err(WalkError::Finished),
            _ => Err(WalkError::NotAChoice),
        }
    }

    /// Answer the current free-text turn and go on. The text is kept exactly as
    /// written; a blank answer is fine (a turn can be skipped).
    pub fn write(&mut self, text: &str) -> Result<(), WalkError> {
        match self.current().next {
            Next::Write(turn) => {
                self.step(turn.next, None)?;
                self.answers.insert(turn.key.to_owned(), text.to_owned());
                Ok(())
            }
            Next::End(_) => Err(WalkError::Finished),
            _ => Err(WalkError::NotAWrite),
        }
    }

    /// Step back to the previous line. Answers are kept. False at the first line.
    pub fn back(&mut self) -> bool {
        if self.path.len() < 2 {
            return false;
        }
        self.path.pop();
        self.picks.pop();
        true
    }

    fn step(&mut self, to: &'static str, pick: Option<u8>) -> Result<(), WalkError> {
        let line = self.scene.line(to).ok_or(WalkError::MissingLine(to))?;
        self.path.push(line);
        self.picks.push(pick);
        Ok(())
    }

    /// A saved walk, checked step by step against the scenes as they are now. A walk
    /// that no longer fits the content (a line removed, a choice rewired, an answer for
    /// a turn that is gone) is refused whole, never half restored. `scene` finds a
    /// scene by its id.
    pub fn restore(
        json: &Json,
        scene: impl Fn(&str) -> Option<&'static Scene>,
    ) -> Result<Walk, String> {
        let id: String = json.field("scene")?;
        let scene = scene(&id).ok_or_else(|| format!("scene: no scene {id:?}"))?;
        let band: Band = json.field("band")?;
        let path: Vec<String> = list(json, "path", String::from_json)?;
        let picks: Vec<Option<u8>> = list(json, "picks", Option::<u8>::from_json)?;
        let answers: BTreeMap<String, String> = json.field_or("answers", BTreeMap::new())?;

        let mut walk = Walk::start(scene, band).map_err(|e| format!("scene: {e}"))?;
        let (first, rest) = path.split_first().ok_or("path: empty")?;
        if first != walk.current().id {
            return Err(format!("path: {id:?} no longer starts at {first:?}"));
        }
        if picks.len() != rest.len() {
            return Err("picks: one is needed for each step".to_owned());
        }
        for (to, pick) in rest.iter().zip(picks) {
            let at = walk.current();
            let step = match (at.next, pick) {
                (Next::Line(_), None) => walk.go_on(),
                (Next::Write(_), None) => walk.write(""),
                (Next::Choices(_), Some(pick)) => walk.choose(usize::from(pick)),
                _ => Err(WalkError::NotPlain),
            };
            step.map_err(|e| format!("path: after {:?}: {e}", at.id))?;
            if walk.current().id != to {
                return Err(format!("path: {:?} no longer leads to {to:?}", at.id));
            }
        }
        let keys: Vec<&str> = scene
            .lines
            .iter()
            .filter_map(|l| match l.next {
                Next::Write(turn) => Some(turn.key),
                _ => None,
            })
            .collect();
        if let Some(key) = answers.keys().find(|k| !keys.contains(&k.as_str())) {
            return Err(format!("answers: the scene has no turn {key:?}"));
        }
        walk.answers = answers;
        Ok(walk)
    }
}

/// Field `name` as a list, each item read by `item`; an error names the field.
fn list<T>(
    json: &Json,
    name: &str,
    item: impl Fn(&Json) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    match json.get(name) {
        Some(Json::Arr(items)) => items
            .iter()
            .map(|i| item(i).map_err(|e| format!("{name}: {e}")))
            .collect(),
        Some(_) => Err(format!("{name}: expected a list")),
        None => Err(format!("{name}: missing")),
    }
}

impl ToJson for Walk {
    /// Compact: line ids and choice indexes, so a restore can check every step.
    fn to_json(&self) -> Json {
        obj([
            ("scene", self.scene.id.to_json()),
            ("band", self.band.to_json()),
            (
                "path",
                Json::Arr(self.path.iter().map(|l| l.id.to_json()).collect()),
            ),
            (
                "picks",
                Json::Arr(self.picks.iter().map(ToJson::to_json).collect()),
            ),
            ("answers", self.answers.to_json()),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::breathing::ByBand;
    use crate::domain::json::to_text;
    use crate::domain::talk::{Choice, Reflection, Speaker, Tone, WriteTurn};

    /// A walk read back from its stored text, against the test scenes.
    fn restore_text(text: &str) -> Result<Walk, String> {
        let json = Json::parse(text).map_err(|e| e.to_string())?;
        Walk::restore(&json, |id| SCENES.iter().find(|s| s.id == id))
    }

    const fn all(text: &'static str) -> ByBand<&'static str> {
        ByBand {
            early: text,
            mid: text,
            adult: text,
        }
    }

    const fn line(id: &'static str, next: Next) -> Line {
        Line {
            id,
            speaker: Speaker::Guide,
            text: all("Hello."),
            next,
        }
    }

    static SCENES: &[Scene] = &[
        Scene {
            id: "test",
            technique: "t",
            reference: "r",
            min_band: Band::Early,
            title: all("Test"),
            preview: all("A test."),
            lines: &[
                line("start", Next::Line("pick")),
                line(
                    "pick",
                    Next::Choices(&[
                        Choice {
                            label: all("Harsh"),
                            next: "curious",
                            tone: Tone::Critical,
                        },
                        Choice {
                            label: all("Kind"),
                            next: "to-friend",
                            tone: Tone::Kind,
                        },
                    ]),
                ),
                line("curious", Next::Line("pick")),
                line(
                    "to-friend",
                    Next::Write(WriteTurn {
                        key: "friend",
                        prompt: all("To a friend?"),
                        next: "to-self",
                    }),
                ),
                line(
                    "to-self",
                    Next::Write(WriteTurn {
                        key: "self",
                        prompt: all("To yourself?"),
                        next: "end",
                    }),
                ),
                line(
                    "end",
                    Next::End(Reflection {
                        compare: &["friend", "self"],
                        question: Some(all("What do you notice?")),
                    }),
                ),
            ],
        },
        Scene {
            id: "grown-up",
            technique: "t",
            reference: "r",
            min_band: Band::Adult,
            title: all("Grown up"),
            preview: all("A test for grown-ups."),
            lines: &[line(
                "end",
                Next::End(Reflection {
                    compare: &[],
                    question: None,
                }),
            )],
        },
    ];

    fn ids(walk: &Walk) -> Vec<&'static str> {
        walk.path().iter().map(|l| l.id).collect()
    }

    fn finished() -> Walk {
        let mut walk = Walk::start(&SCENES[0], Band::Mid).unwrap();
        walk.go_on().unwrap();
        walk.choose(0).unwrap();
        walk.go_on().unwrap();
        walk.choose(1).unwrap();
        walk.write("You did your best, \"really\".\n").unwrap();
        walk.write("I tried.").unwrap();
        walk
    }

    #[test]
    fn a_walk_starts_at_the_first_line() {
        let walk = Walk::start(&SCENES[0], Band::Early).unwrap();
        assert_eq!(walk.current().id, "start");
        assert_eq!(walk.band(), Band::Early);
        assert!(!walk.is_finished());
        assert!(walk.compared().is_empty());
    }

    #[test]
    fn a_scene_is_only_walked_at_a_band_it_is_offered_to() {
        assert_eq!(
            Walk::start(&SCENES[1], Band::Mid),
            Err(WalkError::NotForBand)
        );
        assert!(Walk::start(&SCENES[1], Band::Adult).unwrap().is_finished());
    }

    #[test]
    fn a_critical_choice_can_loop_back_and_a_kind_one_goes_on_to_the_reflection() {
        let walk = finished();
        assert_eq!(
            ids(&walk),
            [
                "start",
                "pick",
                "curious",
                "pick",
                "to-friend",
                "to-self",
                "end"
            ]
        );
        assert_eq!(walk.picks(), [None, Some(0), None, Some(1), None, None]);
        assert!(walk.is_finished());
        assert_eq!(
            walk.compared(),
            [
                ("friend", "You did your best, \"really\".\n"),
                ("self", "I tried.")
            ]
        );
    }

    #[test]
    fn a_step_of_the_wrong_kind_is_refused_and_changes_nothing() {
        let mut walk = Walk::start(&SCENES[0], Band::Early).unwrap();
        assert_eq!(walk.choose(0), Err(WalkError::NotAChoice));
        assert_eq!(walk.write("hi"), Err(WalkError::NotAWrite));
        walk.go_on().unwrap();
        assert_eq!(walk.go_on(), Err(WalkError::NotPlain));
        assert_eq!(walk.choose(2), Err(WalkError::NoSuchChoice(2)));
        assert_eq!(ids(&walk), ["start", "pick"]);
        let mut walk = finished();
        let before = walk.clone();
        assert_eq!(walk.go_on(), Err(WalkError::Finished));
        assert_eq!(walk.choose(0), Err(WalkError::Finished));
        assert_eq!(walk.write("more"), Err(WalkError::Finished));
        assert_eq!(walk, before);
    }

    #[test]
    fn going_back_keeps_what_was_written() {
        let mut walk = finished();
        assert!(walk.back());
        assert!(walk.back());
        assert_eq!(walk.current().id, "to-friend");
        assert_eq!(
            walk.answer("friend"),
            Some("You did your best, \"really\".\n")
        );
        walk.write("Changed my mind.").unwrap();
        assert_eq!(walk.answer("friend"), Some("Changed my mind."));
        assert_eq!(walk.answer("self"), Some("I tried."));
        let mut start = Walk::start(&SCENES[0], Band::Early).unwrap();
        assert!(!start.back());
        assert_eq!(start.current().id, "start");
    }

    #[test]
    fn a_saved_walk_restores_exactly() {
        for walk in [Walk::start(&SCENES[0], Band::Adult).unwrap(), finished()] {
            let text = to_text(&walk);
            assert_eq!(restore_text(&text), Ok(walk));
        }
        let text = to_text(&finished());
        assert!(text.starts_with(r#"{"scene":"test","band":"15-17","path":["start","pick""#));
    }

    #[test]
    fn a_saved_walk_that_no_longer_fits_the_content_is_refused_whole() {
        let good = to_text(&finished());
        let broken = [
            good.replace("\"scene\":\"test\"", "\"scene\":\"gone\""),
            good.replace("\"to-self\"", "\"removed\""),
            good.replace("[\"start\",", "[\"pick\","),
            good.replace("\"picks\":[null,0", "\"picks\":[null,1"),
            good.replace("\"picks\":[null,0", "\"picks\":[0,0"),
            good.replace("\"picks\":[null,", "\"picks\":["),
            good.replace("\"path\":[\"start\",\"pick\",\"curious\",\"pick\",\"to-friend\",\"to-self\",\"end\"]", "\"path\":[]"),
            good.replace("\"friend\":", "\"neighbour\":"),
            good.replace("\"15-17\"", "\"9-11\""),
            good.replace("\"picks\"", "\"choices\""),
            r#"{"scene":"grown-up","band":"12-14","path":["end"],"picks":[]}"#.to_owned(),
            "not json".to_owned(),
        ];
        for text in broken {
            assert_ne!(text, good);
            assert!(restore_text(&text).is_err(), "restored {text}");
        }
    }

    #[test]
    fn a_walk_saved_before_any_answer_restores_without_answers() {
        let text = r#"{"scene":"test","band":"12-14","path":["start","pick"],"picks":[null]}"#;
        let walk = restore_text(text).unwrap();
        assert_eq!(walk.current().id, "pick");
        assert!(walk.answers().is_empty());
    }
}
