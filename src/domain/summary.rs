//! The teen's own summary for their next session: the breathing sessions (with their
//! check-ins), drawings and kept conversations they chose, from the days they chose,
//! as one page of HTML text. The same text is the preview on screen, the printed page
//! and the saved file, so what the teen sees is exactly what they hand on.
//!
//! It says plainly what it shows and what it leaves out, by counting only: nothing of a
//! record the teen did not choose is ever written into it. The file is self-contained:
//! its styles are inline, it has no script, and its own Content-Security-Policy refuses
//! every request, so opening it anywhere fetches nothing.

use super::checkin::{length_label, BreathSession};
use super::date::long_date;
use super::draw::Drawing;
use super::esc;
use super::settings::Choice;

/// How many days a summary covers to start with: about the time between two sessions.
pub const DEFAULT_DAYS: i64 = 14;

/// A drawing as the summary shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub name: String,
    /// The prompt's title in the teen's band ("Free drawing" for none).
    pub prompt: String,
    pub day: i64,
    pub drawing: Drawing,
    /// The drawing described in words, if the teen wrote any.
    pub words: String,
}

/// A kept conversation as the summary shows it: who said what, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Conversation {
    pub title: String,
    pub day: i64,
    pub lines: Vec<(String, String)>,
}

/// One record that could go into the summary, and whether the teen chose it.
#[derive(Clone, Debug, PartialEq)]
pub struct Offer<T> {
    pub item: T,
    pub chosen: bool,
}

/// What is left out, as counts only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LeftOut {
    pub sessions: usize,
    pub drawings: usize,
    pub talks: usize,
    /// Notes of chosen sessions and words of chosen drawings, when notes are not
    /// included.
    pub notes: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// First and last day covered, both included.
    pub from: i64,
    pub to: i64,
    /// The day it was made.
    pub made: i64,
    pub sessions: Vec<BreathSession>,
    pub drawings: Vec<Picture>,
    pub talks: Vec<Conversation>,
    /// Whether what the teen wrote (a session's note, a drawing's words) is included.
    pub notes: bool,
    pub left_out: LeftOut,
}

/// Whether `day` falls in `from..=to`.
pub fn in_range(day: i64, from: i64, to: i64) -> bool {
    (from..=to).contains(&day)
}

impl Summary {
    /// The summary of what was chosen among `sessions`, `drawings` and `talks` from
    /// `from` to `to`. Records from other days are neither shown nor counted.
    pub fn build(
        (from, to): (i64, i64),
        made: i64,
        notes: bool,
        sessions: Vec<Offer<BreathSession>>,
        drawings: Vec<Offer<Picture>>,
        talks: Vec<Offer<Conversation>>,
    ) -> Summary {
        let (from, to) = (from.min(to), from.max(to));
        let mut left_out = LeftOut::default();
        let pick = |chosen: bool, day: i64, count: &mut usize| {
            let keep = in_range(day, from, to);
            if keep && !chosen {
                *count += 1;
            }
            keep && chosen
        };
        let sessions: Vec<BreathSession> = sessions
            .into_iter()
            .filter(|o| pick(o.chosen, o.item.day, &mut left_out.sessions))
            .map(|o| o.item)
            .collect();
        let drawings: Vec<Picture> = drawings
            .into_iter()
            .filter(|o| pick(o.chosen, o.item.day, &mut left_out.drawings))
            .map(|o| o.item)
            .collect();
        let talks: Vec<Conversation> = talks
            .into_iter()
            .filter(|o| pick(o.chosen, o.item.day, &mut left_out.talks))
            .map(|o| o.item)
            .collect();
        if !notes {
            left_out.notes = sessions
                .iter()
                .filter(|s| !s.note.trim().is_empty())
                .count()
                + drawings
                    .iter()
                    .filter(|d| !d.words.trim().is_empty())
                    .count();
        }
        Summary {
            from,
            to,
            made,
            sessions,
            drawings,
            talks,
            notes,
            left_out,
        }
    }

    /// Nothing chosen: there is no summary to show yet.
    pub fn is_empty(&self) -> bool {
        self.sessions.is_empty() && self.drawings.is_empty() && self.talks.is_empty()
    }

    /// "From 18 November 2026 to 2 December 2026."
    pub fn dates_line(&self) -> String {
        if self.from == self.to {
            format!("From {}.", long_date(self.from))
        } else {
            format!("From {} to {}.", long_date(self.from), long_date(self.to))
        }
    }

    /// "It shows 2 breathing sessions and 1 drawing that I chose."
    pub fn shows_line(&self) -> String {
        let parts = [
            count(
                self.sessions.len(),
                "breathing session",
                "breathing sessions",
            ),
            count(self.drawings.len(), "drawing", "drawings"),
            count(self.talks.len(), "chat", "chats"),
        ];
        let shown = join(&parts);
        let notes = if self.notes { ", with my notes" } else { "" };
        format!("It shows {shown} that I chose{notes}.")
    }

    /// "It leaves out 3 drawings and 2 notes I did not choose. It leaves out other days
    /// too." Counts only, never what they hold.
    pub fn leaves_out_line(&self) -> String {
        let l = self.left_out;
        let parts = [
            count(l.sessions, "breathing session", "breathing sessions"),
            count(l.drawings, "drawing", "drawings"),
            count(l.talks, "chat", "chats"),
            count(l.notes, "note", "notes"),
        ];
        let left = join(&parts);
        if left.is_empty() {
            "It leaves out other days.".to_owned()
        } else {
            format!("It leaves out {left} I did not choose. It leaves out other days too.")
        }
    }

    /// The summary as HTML, its title a heading of level `top` (1 in the file, 2
    /// inside the app's page).
    pub fn body(&self, top: u8) -> String {
        let (h1, h2, h3) = (top, top + 1, top + 2);
        let mut out = String::new();
        let mut push = |s: String| out.push_str(&s);
        push(format!("<h{h1}>{TITLE}</h{h1}>"));
        push(format!(
            "<p class=\"summary__dates\">{}</p>",
            esc(&self.dates_line())
        ));
        push(format!(
            "<p class=\"summary__shows\">{}</p><p class=\"summary__leaves\">{}</p>",
            esc(&self.shows_line()),
            esc(&self.leaves_out_line())
        ));
        if !self.sessions.is_empty() {
            push(format!(
                "<section><h{h2}>Breathing</h{h2}><ul class=\"summary__list\">"
            ));
            for s in &self.sessions {
                let early = if s.finished { "" } else { " (stopped early)" };
                let feel = |f: Option<super::checkin::Feeling>| f.map_or("—", |f| f.label());
                push(format!(
                    "<li><h{h3}>{}</h{h3}><p>{}, {} · {}{early}</p><p>Before: {} · After: {}</p>",
                    esc(&s.name),
                    long_date(s.day),
                    s.clock(),
                    length_label(s.seconds),
                    feel(s.before),
                    feel(s.after)
                ));
                if self.notes && !s.note.trim().is_empty() {
                    push(format!("<p class=\"summary__note\">{}</p>", esc(&s.note)));
                }
                push("</li>".to_owned());
            }
            push("</ul></section>".to_owned());
        }
        if !self.drawings.is_empty() {
            push(format!(
                "<section><h{h2}>Drawings</h{h2}><ul class=\"summary__list\">"
            ));
            for d in &self.drawings {
                push(format!(
                    "<li class=\"summary__drawing\"><h{h3}>{}</h{h3}><p>{} · {}</p>",
                    esc(&d.name),
                    esc(&d.prompt),
                    long_date(d.day)
                ));
                if !d.drawing.is_empty() {
                    push(d.drawing.svg(&format!("My drawing: {}", d.name)));
                }
                if self.notes && !d.words.trim().is_empty() {
                    push(format!("<p class=\"summary__note\">{}</p>", esc(&d.words)));
                }
                push("</li>".to_owned());
            }
            push("</ul></section>".to_owned());
        }
        if !self.talks.is_empty() {
            push(format!(
                "<section><h{h2}>Chats</h{h2}><ul class=\"summary__list\">"
            ));
            for t in &self.talks {
                push(format!(
                    "<li><h{h3}>{}</h{h3}><p>{}</p><ol class=\"summary__talk\">",
                    esc(&t.title),
                    long_date(t.day)
                ));
                for (who, said) in &t.lines {
                    push(format!("<li><b>{}:</b> {}</li>", esc(who), esc(said)));
                }
                if t.lines.is_empty() {
                    push(
                        "<li>This chat can't be shown, because its scene has changed since.</li>"
                            .to_owned(),
                    );
                }
                push("</ol></li>".to_owned());
            }
            push("</ul></section>".to_owned());
        }
        push(format!(
            "<p class=\"summary__foot\">Made with Tend on {}. I chose what to put in it.</p>",
            long_date(self.made)
        ));
        out
    }

    /// The summary as a file of its own: one HTML page that needs nothing else, runs
    /// no script and, by its own policy, loads nothing from anywhere.
    pub fn document(&self) -> String {
        format!(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{TITLE}</title><style>{FILE_STYLE}</style></head>\
<body><main class=\"summary\">{}</main></body></html>\n",
            self.body(1)
        )
    }

    /// The file's name: `tend-summary-2026-12-02.html`.
    pub fn file_name(&self) -> String {
        format!("tend-summary-{}.html", super::date::iso(self.made))
    }
}

pub const TITLE: &str = "My summary from Tend";

/// The file's own look: plain, readable, and clean on paper.
const FILE_STYLE: &str = "body{margin:0;background:#fff;color:#1f2430;font:17px/1.5 system-ui,sans-serif}\
main{max-width:42rem;margin:0 auto;padding:1.5rem}\
h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.25rem;margin:1.5rem 0 .5rem}h3{font-size:1.05rem;margin:0}\
p{margin:.25rem 0}ul,ol{padding-left:1.25rem}.summary__list{list-style:none;padding:0}\
.summary__list>li{border-top:1px solid #ccc;padding:.6rem 0;break-inside:avoid}\
.summary__note{font-style:italic}.picture{display:block;width:12rem;height:12rem;border:1px solid #ccc;margin:.4rem 0}\
.summary__foot{margin-top:1.5rem;font-size:.9rem}\
@media print{body{font-size:11pt}main{padding:0;max-width:none}}";

/// "1 drawing", "3 drawings", or nothing for none.
fn count(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => String::new(),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// "a, b and c", skipping empty parts.
fn join(parts: &[String]) -> String {
    let parts: Vec<&str> = parts
        .iter()
        .map(String::as_str)
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checkin::Feeling;
    use crate::domain::draw::{Colour, Point, Size, Stroke, Tool};
    use crate::domain::readability::grade;
    use crate::domain::Band;

    fn session(day: i64, note: &str) -> BreathSession {
        BreathSession {
            pattern: "soothing".into(),
            name: "Soothing rhythm".into(),
            day,
            minute: 8 * 60 + 10,
            seconds: 120,
            finished: day % 2 == 0,
            before: Some(Feeling::Worried),
            after: Some(Feeling::Calm),
            note: note.into(),
        }
    }

    fn picture(day: i64, name: &str, words: &str) -> Picture {
        let mut stroke = Stroke::new(Tool::Pen, Size::Medium, Colour::Soothing, true);
        stroke.push(Point::new(100, 200, 128));
        stroke.push(Point::new(300, 400, 128));
        Picture {
            name: name.into(),
            prompt: "Free drawing".into(),
            day,
            drawing: Drawing {
                strokes: vec![stroke],
                ..Drawing::default()
            },
            words: words.into(),
        }
    }

    fn talk(day: i64) -> Conversation {
        Conversation {
            title: "The friend test".into(),
            day,
            lines: vec![
                ("The critic".into(), "You <always> mess up".into()),
                ("You".into(), "I tried & that counts".into()),
            ],
        }
    }

    fn offer<T>(item: T, chosen: bool) -> Offer<T> {
        Offer { item, chosen }
    }

    fn sample(notes: bool) -> Summary {
        Summary::build(
            (100, 114),
            114,
            notes,
            vec![
                offer(session(110, "SECRET-NOTE-CHOSEN"), true),
                offer(session(111, "SECRET-NOTE-LEFT"), false),
                offer(session(90, "SECRET-NOTE-OLD"), true),
            ],
            vec![
                offer(picture(112, "Calm place", "SECRET-WORDS"), true),
                offer(picture(113, "SECRET-NAME-LEFT", ""), false),
                offer(picture(101, "SECRET-NAME-LEFT-2", ""), false),
                offer(picture(120, "SECRET-NAME-LATER", ""), false),
            ],
            vec![offer(talk(105), true)],
        )
    }

    #[test]
    fn the_summary_shows_only_what_was_chosen_from_the_chosen_days() {
        let s = sample(true);
        assert_eq!(s.sessions.len(), 1);
        assert_eq!(s.drawings.len(), 1);
        assert_eq!(s.talks.len(), 1);
        let html = s.document();
        assert!(html.contains("SECRET-NOTE-CHOSEN"));
        assert!(html.contains("SECRET-WORDS"));
        for hidden in [
            "SECRET-NOTE-LEFT",
            "SECRET-NOTE-OLD",
            "SECRET-NAME-LEFT",
            "SECRET-NAME-LATER",
        ] {
            assert!(!html.contains(hidden), "{hidden} leaked");
        }
    }

    #[test]
    fn it_says_what_it_leaves_out_by_counting_only() {
        let s = sample(false);
        assert_eq!(
            s.left_out,
            LeftOut {
                sessions: 1,
                drawings: 2,
                talks: 0,
                notes: 2
            }
        );
        assert_eq!(
            s.leaves_out_line(),
            "It leaves out 1 breathing session, 2 drawings and 2 notes I did not choose. It leaves out other days too."
        );
        assert_eq!(
            s.shows_line(),
            "It shows 1 breathing session, 1 drawing and 1 chat that I chose."
        );
        let html = s.document();
        assert!(!html.contains("SECRET-NOTE-CHOSEN"));
        assert!(!html.contains("SECRET-WORDS"));
        assert!(sample(true).shows_line().ends_with("with my notes."));
    }

    #[test]
    fn the_file_is_self_contained_escaped_and_asks_for_nothing() {
        let html = sample(true).document();
        assert!(html.starts_with("<!doctype html>"));
        assert!(html.contains("default-src 'none'"));
        for banned in [
            "<script", "src=", "href=", "url(", "@import", "http:", "https:", "//",
        ] {
            assert!(!html.contains(banned), "the file holds {banned}");
        }
        assert!(html.contains("You &lt;always&gt; mess up"));
        assert!(html.contains("I tried &amp; that counts"));
        assert!(html.contains("<h1>My summary from Tend</h1>"));
        assert!(html.contains("<polyline"));
        assert!(html.contains("aria-label=\"My drawing: Calm place\""));
        // Inside the app the summary sits under the page's own h1.
        let body = sample(true).body(2);
        assert!(body.contains("<h2>My summary from Tend</h2>"));
        assert!(!body.contains("<h1"));
    }

    #[test]
    fn dates_are_in_order_and_named_plainly() {
        let s = Summary::build((114, 100), 114, true, vec![], vec![], vec![]);
        assert_eq!((s.from, s.to), (100, 114));
        assert!(s.is_empty());
        assert_eq!(s.dates_line(), "From 11 April 1970 to 25 April 1970.");
        assert_eq!(s.file_name(), "tend-summary-1970-04-25.html");
        assert_eq!(s.leaves_out_line(), "It leaves out other days.");
    }

    #[test]
    fn every_summary_sentence_reads_at_the_youngest_bands_level() {
        let s = sample(false);
        let limit = Band::Early.max_reading_grade();
        for text in [
            s.shows_line(),
            s.leaves_out_line(),
            // (Dates are left out: a year read aloud is many syllables of plain words.)
            "Made with Tend. I chose what to put in it.".to_owned(),
        ] {
            assert!(grade(&text) <= limit, "{text}: grade {}", grade(&text));
        }
    }
}
