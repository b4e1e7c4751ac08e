//! Undo and redo for the drawing room.
//!
//! Every change is a step that can be flipped: flipping it once does it, again undoes
//! it, again redoes it. Undo and redo are then the same move between two stacks, and
//! a step holds only what the drawing does not (an undone stroke, cleared strokes, the
//! other paper), so nothing is copied. History lasts while the room is open; only the
//! drawing is saved.

use super::palette::Paper;
use super::stroke::Stroke;
use super::Drawing;

/// Steps kept for undo. Past this the oldest step can no longer be undone, so a long
/// session's cleared strokes do not pile up in memory.
pub const MAX_UNDO: usize = 100;

#[derive(Clone, Debug, PartialEq)]
enum Step {
    /// The last stroke: `None` while it is on the drawing, the stroke while undone.
    Stroke(Option<Stroke>),
    /// The strokes the drawing is not showing: those cleared away, or none.
    Strokes(Vec<Stroke>),
    /// The paper the drawing is not on.
    Paper(Paper),
}

impl Step {
    fn flip(&mut self, drawing: &mut Drawing) {
        match self {
            Step::Stroke(slot) => match slot.take() {
                Some(stroke) => drawing.strokes.push(stroke),
                None => *slot = drawing.strokes.pop(),
            },
            Step::Strokes(strokes) => std::mem::swap(strokes, &mut drawing.strokes),
            Step::Paper(paper) => std::mem::swap(paper, &mut drawing.paper),
        }
    }
}

/// A drawing with the changes that can be undone and redone.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct History {
    drawing: Drawing,
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Opens `drawing` with nothing to undo.
    pub fn new(drawing: Drawing) -> History {
        History {
            drawing,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    pub fn drawing(&self) -> &Drawing {
        &self.drawing
    }

    /// Adds a finished stroke. A stroke with no points is dropped.
    pub fn add(&mut self, stroke: Stroke) {
        if !stroke.points.is_empty() {
            self.apply(Step::Stroke(Some(stroke)));
        }
    }

    /// Takes every stroke off the paper, as one step that undo brings back.
    pub fn clear(&mut self) {
        if !self.drawing.strokes.is_empty() {
            self.apply(Step::Strokes(Vec::new()));
        }
    }

    pub fn set_paper(&mut self, paper: Paper) {
        if paper != self.drawing.paper {
            self.apply(Step::Paper(paper));
        }
    }

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        move_step(&mut self.undo, &mut self.redo, &mut self.drawing)
    }

    /// Redoes the last undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        move_step(&mut self.redo, &mut self.undo, &mut self.drawing)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn apply(&mut self, mut step: Step) {
        step.flip(&mut self.drawing);
        // A new change starts a new branch; the undone one cannot be reached any more.
        self.redo.clear();
        if self.undo.len() == MAX_UNDO {
            self.undo.remove(0);
        }
        self.undo.push(step);
    }
}

fn move_step(from: &mut Vec<Step>, to: &mut Vec<Step>, drawing: &mut Drawing) -> bool {
    let Some(mut step) = from.pop() else {
        return false;
    };
    step.flip(drawing);
    to.push(step);
    true
}

/// What a key press asks of the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Undo,
    Redo,
}

/// The command for a key press: Ctrl+Z (Cmd+Z on a Mac) undoes, with Shift it redoes,
/// and Ctrl+Y redoes as it does on Windows. `key` is the event's `key`; `command` is
/// true when Ctrl or Cmd is held.
pub fn shortcut(key: &str, command: bool, shift: bool) -> Option<Command> {
    if !command {
        return None;
    }
    match key {
        "z" | "Z" if shift => Some(Command::Redo),
        "z" | "Z" => Some(Command::Undo),
        "y" | "Y" if !shift => Some(Command::Redo),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::palette::Colour;
    use super::super::stroke::{Point, Size, Tool};
    use super::*;
    use crate::domain::settings::Choice;

    fn stroke(n: u16) -> Stroke {
        let mut stroke = Stroke::new(Tool::Pen, Size::Medium, Colour::Sky, false);
        stroke.push(Point::new(n, n, 100));
        stroke.push(Point::new(n + 10, n, 120));
        stroke
    }

    fn ids(history: &History) -> Vec<u16> {
        history
            .drawing()
            .strokes
            .iter()
            .map(|s| s.points[0].x)
            .collect()
    }

    #[test]
    fn undo_takes_back_the_last_stroke_and_redo_puts_it_back() {
        let mut history = History::default();
        assert!(!history.can_undo() && !history.can_redo());
        history.add(stroke(1));
        history.add(stroke(2));
        assert_eq!(ids(&history), [1, 2]);
        assert!(history.undo());
        assert_eq!(ids(&history), [1]);
        assert!(history.can_redo());
        assert!(history.redo());
        assert_eq!(ids(&history), [1, 2]);
        assert_eq!(history.drawing().strokes[1], stroke(2));
        assert!(!history.redo());
    }

    #[test]
    fn undo_with_nothing_to_undo_changes_nothing() {
        let mut history = History::new(Drawing {
            paper: Paper::Mint,
            strokes: vec![stroke(5)],
        });
        let before = history.clone();
        assert!(!history.undo());
        assert!(!history.redo());
        assert_eq!(history, before);
    }

    #[test]
    fn a_new_stroke_after_undo_clears_redo() {
        let mut history = History::default();
        history.add(stroke(1));
        history.add(stroke(2));
        history.undo();
        history.add(stroke(3));
        assert!(!history.can_redo());
        assert!(!history.redo());
        assert_eq!(ids(&history), [1, 3]);
        history.undo();
        history.undo();
        assert_eq!(ids(&history), [] as [u16; 0]);
        assert!(!history.undo());
    }

    #[test]
    fn clear_can_be_undone_and_redone() {
        let mut history = History::default();
        history.add(stroke(1));
        history.add(stroke(2));
        history.clear();
        assert!(history.drawing().strokes.is_empty());
        history.undo();
        assert_eq!(ids(&history), [1, 2]);
        history.redo();
        assert!(history.drawing().strokes.is_empty());
        history.undo();
        // And the strokes behind a clear are still there to undo, one at a time.
        history.undo();
        assert_eq!(ids(&history), [1]);
    }

    #[test]
    fn clearing_an_empty_page_or_picking_the_same_paper_is_not_a_step() {
        let mut history = History::default();
        history.clear();
        history.set_paper(Drawing::default().paper);
        history.add(Stroke::new(Tool::Pen, Size::Small, Colour::Ink, false));
        assert!(!history.can_undo());
    }

    #[test]
    fn the_paper_can_be_changed_and_changed_back() {
        let mut history = History::default();
        history.add(stroke(1));
        history.set_paper(Paper::Night);
        history.set_paper(Paper::Mint);
        assert_eq!(history.drawing().paper, Paper::Mint);
        history.undo();
        assert_eq!(history.drawing().paper, Paper::Night);
        history.undo();
        assert_eq!(history.drawing().paper, Paper::Warm);
        assert_eq!(ids(&history), [1]);
        history.redo();
        assert_eq!(history.drawing().paper, Paper::Night);
    }

    #[test]
    fn undo_goes_back_only_so_far() {
        let mut history = History::default();
        for n in 0..(MAX_UNDO as u16 + 20) {
            history.add(stroke(n));
        }
        let mut undone = 0;
        while history.undo() {
            undone += 1;
        }
        assert_eq!(undone, MAX_UNDO);
        // The strokes past the limit stay on the drawing.
        assert_eq!(ids(&history), (0..20).collect::<Vec<u16>>());
        while history.redo() {}
        assert_eq!(history.drawing().strokes.len(), MAX_UNDO + 20);
    }

    /// Against the plainest model there is: a list of whole drawings and a place in it.
    #[test]
    fn any_mix_of_steps_matches_a_list_of_snapshots() {
        let mut dice = super::super::encode::tests::Dice(3);
        for _ in 0..200 {
            let start = Drawing {
                paper: Paper::White,
                strokes: vec![stroke(900)],
            };
            let mut history = History::new(start.clone());
            let mut snapshots = vec![start];
            let mut at = 0;
            for n in 0..40 {
                let before = history.drawing().clone();
                let mut change = true;
                match dice.below(6) {
                    0 => history.clear(),
                    1 => history.set_paper(Paper::ALL[dice.below(4) as usize]),
                    2 => {
                        change = false;
                        let undone = history.undo();
                        assert_eq!(undone, at > 0);
                        at -= usize::from(undone);
                    }
                    3 => {
                        change = false;
                        let redone = history.redo();
                        assert_eq!(redone, at + 1 < snapshots.len());
                        at += usize::from(redone);
                    }
                    _ => history.add(stroke(n)),
                }
                if change && history.drawing() != &before {
                    // A new step replaces whatever could have been redone.
                    snapshots.truncate(at + 1);
                    snapshots.push(history.drawing().clone());
                    at += 1;
                }
                assert_eq!(history.drawing(), &snapshots[at]);
                assert_eq!(history.can_undo(), at > 0);
                assert_eq!(history.can_redo(), at + 1 < snapshots.len());
            }
        }
    }

    #[test]
    fn ctrl_or_cmd_z_undoes_and_with_shift_redoes() {
        assert_eq!(shortcut("z", true, false), Some(Command::Undo));
        assert_eq!(shortcut("Z", true, true), Some(Command::Redo));
        assert_eq!(shortcut("z", true, true), Some(Command::Redo));
        assert_eq!(shortcut("y", true, false), Some(Command::Redo));
        assert_eq!(shortcut("z", false, false), None);
        assert_eq!(shortcut("Z", false, true), None);
        assert_eq!(shortcut("x", true, false), None);
    }
}
