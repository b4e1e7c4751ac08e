//! Dialogue scenes: short conversations with choices, free-text turns and a closing
//! reflection, each written for every age band it is offered to.
//!
//! The scenes live in `content/talk/`, one file per scene; `build.rs` turns them into
//! statics in `crate::content`, so they are plain data here: a [`SceneInfo`] for each
//! in the list (`TALK_SCENES`), and each [`Scene`] with its lines on its own, so that a
//! scene's words arrive only when it is opened (`crate::content::load_talk_scenes`). [`walk::Walk`] steps through a scene and is saved so progress survives a
//! reload. The shape of a scene (every choice leads somewhere, every path ends in a
//! reflection) is checked by the content tests.

pub mod companion;
pub mod walk;

pub use walk::{Walk, WalkError};

use crate::domain::breathing::BandText;
use crate::domain::Band;

/// Who says a line. The view shows the speaker, so the inner critic's words are always
/// framed as the critic's voice, never as the truth.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Speaker {
    /// The app's own gentle narrator.
    Guide,
    /// A friend in the scene.
    Friend,
    /// The harsh inner critic.
    Critic,
    /// The compassionate self, or a kind companion.
    Kind,
    /// The reader.
    You,
    /// The angry self (multiple selves).
    Angry,
    /// The anxious self.
    Anxious,
    /// The sad self.
    Sad,
    /// A parent or carer.
    Parent,
    /// Anyone else in the scene: a teammate, a partner, a manager.
    Other,
}

impl Speaker {
    pub const ALL: [Speaker; 10] = [
        Speaker::Guide,
        Speaker::Friend,
        Speaker::Critic,
        Speaker::Kind,
        Speaker::You,
        Speaker::Angry,
        Speaker::Anxious,
        Speaker::Sad,
        Speaker::Parent,
        Speaker::Other,
    ];

    /// Stable id, as written in content files and used as a CSS modifier.
    pub fn as_str(self) -> &'static str {
        match self {
            Speaker::Guide => "guide",
            Speaker::Friend => "friend",
            Speaker::Critic => "critic",
            Speaker::Kind => "kind",
            Speaker::You => "you",
            Speaker::Angry => "angry",
            Speaker::Anxious => "anxious",
            Speaker::Sad => "sad",
            Speaker::Parent => "parent",
            Speaker::Other => "other",
        }
    }

    pub fn parse(id: &str) -> Option<Speaker> {
        Speaker::ALL.into_iter().find(|s| s.as_str() == id)
    }

    /// The voices that answer a critical choice with curiosity.
    pub fn is_gentle(self) -> bool {
        matches!(self, Speaker::Guide | Speaker::Kind)
    }
}

/// The feel of a choice, so the view can meet a critical one with curiosity rather than
/// judgement. There are no points and no wrong answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tone {
    Neutral,
    /// Sounds like the inner critic.
    Critical,
    /// Sounds like the compassionate self.
    Kind,
}

impl Tone {
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Neutral => "neutral",
            Tone::Critical => "critical",
            Tone::Kind => "kind",
        }
    }

    pub fn parse(id: &str) -> Option<Tone> {
        [Tone::Neutral, Tone::Critical, Tone::Kind]
            .into_iter()
            .find(|t| t.as_str() == id)
    }
}

/// A scene in the dialogues' list of scenes: its id, who it is for and its title. The
/// rest of it (its preview and lines) arrives when it is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Listed {
    /// Stable id, as [`Scene::id`].
    pub id: &'static str,
    /// The youngest band the scene is offered to.
    pub min_band: Band,
    pub title: BandText,
}

impl Listed {
    pub fn title(&self, band: Band) -> &'static str {
        self.title.get(band)
    }

    pub fn is_for(&self, band: Band) -> bool {
        band >= self.min_band
    }
}

/// What the About page and a scene's handout show of it: everything but its lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SceneInfo {
    /// Stable id: lowercase letters, digits and dashes. Stored with a walk.
    pub id: &'static str,
    /// The practice the scene adapts, in a few words (for the About page).
    pub technique: &'static str,
    /// Where that practice comes from.
    pub reference: &'static str,
    /// The youngest band the scene is offered to.
    pub min_band: Band,
    pub title: BandText,
    /// One plain line saying what happens in the scene, shown before it starts.
    pub preview: BandText,
}

impl SceneInfo {
    pub fn title(&self, band: Band) -> &'static str {
        self.title.get(band)
    }

    pub fn preview(&self, band: Band) -> &'static str {
        self.preview.get(band)
    }

    pub fn is_for(&self, band: Band) -> bool {
        band >= self.min_band
    }
}

/// One scene. Its first line is where a walk starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scene {
    /// Stable id: lowercase letters, digits and dashes. Stored with a walk.
    pub id: &'static str,
    /// The practice the scene adapts, in a few words (for the About page).
    pub technique: &'static str,
    /// Where that practice comes from.
    pub reference: &'static str,
    /// The youngest band the scene is offered to.
    pub min_band: Band,
    pub title: BandText,
    /// One plain line saying what happens in the scene, shown before it starts, so a
    /// harsh moment (mockery, the critic's attack) never comes without warning.
    pub preview: BandText,
    pub lines: &'static [Line],
}

impl Scene {
    pub fn title(&self, band: Band) -> &'static str {
        self.title.get(band)
    }

    pub fn preview(&self, band: Band) -> &'static str {
        self.preview.get(band)
    }

    pub fn is_for(&self, band: Band) -> bool {
        band >= self.min_band
    }

    /// The line a walk starts on.
    pub fn first(&self) -> Option<&'static Line> {
        self.lines.first()
    }

    pub fn line(&self, id: &str) -> Option<&'static Line> {
        self.lines.iter().find(|l| l.id == id)
    }
}

/// One line of a scene, and the way on from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// Unique within its scene.
    pub id: &'static str,
    pub speaker: Speaker,
    pub text: BandText,
    pub next: Next,
}

impl Line {
    pub fn text(&self, band: Band) -> &'static str {
        self.text.get(band)
    }

    /// The ids of the lines this one can lead to, in order.
    pub fn leads_to(&self) -> Vec<&'static str> {
        match self.next {
            Next::Line(id) => vec![id],
            Next::Choices(choices) => choices.iter().map(|c| c.next).collect(),
            Next::Write(write) => vec![write.next],
            Next::End(_) => Vec::new(),
        }
    }

    pub fn is_reflection(&self) -> bool {
        matches!(self.next, Next::End(_))
    }
}

/// The one way on from a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// Continue to the line with this id.
    Line(&'static str),
    /// Pick one of these.
    Choices(&'static [Choice]),
    /// Write something, then continue.
    Write(WriteTurn),
    /// The scene ends here, with a reflection.
    End(Reflection),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    pub label: BandText,
    pub next: &'static str,
    pub tone: Tone,
}

impl Choice {
    pub fn label(&self, band: Band) -> &'static str {
        self.label.get(band)
    }
}

/// A free-text turn: the answer is stored under `key`, in the walk only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WriteTurn {
    pub key: &'static str,
    pub prompt: BandText,
    pub next: &'static str,
}

impl WriteTurn {
    pub fn prompt(&self, band: Band) -> &'static str {
        self.prompt.get(band)
    }
}

/// The end of a scene: the line's own text, then, if given, earlier answers side by
/// side and a gentle question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reflection {
    /// Keys of earlier write turns to show side by side, in order.
    pub compare: &'static [&'static str],
    pub question: Option<BandText>,
}

impl Reflection {
    pub fn question(&self, band: Band) -> Option<&'static str> {
        self.question.map(|q| q.get(band))
    }
}
