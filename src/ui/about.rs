use super::routes::Page;
use crate::domain::Band;
use crate::platform::dom;
use crate::state::settings::use_settings;
use leptos::prelude::*;

/// A piece of a paragraph on the About page.
#[derive(Clone, Copy, Debug)]
pub enum Bit {
    /// Plain words.
    Text(&'static str),
    /// Words that link to a page of Tend.
    Link(&'static str, Page),
    /// A word in the colour of one of the three systems (`threat`, `drive` or
    /// `soothing`), so the words match the colours used everywhere else.
    System(&'static str, &'static str),
}

/// The part of the About page written for one age band: what Tend is and is not, and
/// privacy, in words that fit the band's reading level (CONTENT.md). Kept as data so a
/// test reads exactly what the page shows.
pub struct BandText {
    pub lead: &'static [Bit],
    pub not_heading: &'static str,
    pub not: &'static [Bit],
    pub privacy_heading: &'static str,
    pub privacy: &'static [&'static str],
    pub idea_heading: &'static str,
    pub idea: &'static [Bit],
}

use Bit::{Link, System, Text};

const EARLY: BandText = BandText {
    lead: &[Text(
        "Tend is a place to try small, kind things, at your own pace. You can use it on any day. \
         If you see a counsellor or therapist, it is also a place to practise between your visits.",
    )],
    not_heading: "What Tend is not",
    not: &[
        Text(
            "Tend is not a therapist, and it can't take the place of one. It does not put a label on you. \
             It is not for emergencies. If you are not safe right now, tap ",
        ),
        Link("Help now", Page::Help),
        Text(" or call your local emergency number."),
    ],
    privacy_heading: "Your privacy, in plain words",
    privacy: &[
        "All you do in Tend stays on this device, in this browser.",
        "There are no accounts, no ads, no tracking and no cookies.",
        "Tend never sends anything away. Nobody watches what you do here. Not us, not a therapist, not your family.",
        "If you share this device, someone who opens Tend on it could see what you saved.",
    ],
    idea_heading: "One big idea",
    idea: &[
        Text("Your brain has three helpers. One is an "),
        System("alarm", "threat"),
        Text(" that looks out for danger. One has "),
        System("get-up-and-go", "drive"),
        Text(" and chases the things you want. One helps you feel "),
        System("calm", "soothing"),
        Text(
            " and safe. Brains were built this way long ago, so a loud alarm is not your fault. \
             Being kind, to others and to yourself, makes the calm helper stronger.",
        ),
    ],
};

const MID: BandText = BandText {
    lead: &[Text(
        "Tend is a set of small, kind exercises to try at your own pace, on any day. \
         If you are seeing a counsellor or therapist, it is a place to practise between sessions.",
    )],
    not_heading: "What Tend is not",
    not: &[
        Text(
            "Tend is not a therapist and does not replace one. It does not diagnose anything. \
             It is not for emergencies: if you are not safe, use ",
        ),
        Link("Help now", Page::Help),
        Text(" or call your local emergency number."),
    ],
    privacy_heading: "Your privacy, in plain words",
    privacy: &[
        "Everything you do in Tend stays on this device, in this browser.",
        "There are no accounts, no ads, no tracking and no cookies.",
        "Tend never sends anything anywhere. Nobody watches what you do here: not us, not a therapist, not your family.",
        "If you share this device, someone who opens Tend on it could see what you saved.",
    ],
    idea_heading: "One big idea",
    idea: &[
        Text("Our brains have three systems. One spots "),
        System("threat", "threat"),
        Text(", one "),
        System("drives", "drive"),
        Text(" us to chase goals, and one helps us feel "),
        System("safe and soothed", "soothing"),
        Text(
            ". Brains were built this way long ago, so a loud threat system is not your fault. \
             Practising kindness, to others and to yourself, gives the soothing system a workout.",
        ),
    ],
};

const ADULT: BandText = BandText {
    lead: &[Text(
        "Tend is a set of small, kind exercises to try at your own pace, on any day. \
         If you are in therapy or counselling, it is a place to practise between sessions.",
    )],
    not_heading: "What Tend is not",
    not: &[
        Text(
            "Tend is not a therapist and does not replace one. It does not diagnose anything. \
             It is not for emergencies: if you are not safe, use ",
        ),
        Link("Help now", Page::Help),
        Text(" or call your local emergency number."),
    ],
    privacy_heading: "Your privacy, in plain words",
    privacy: &[
        "Everything you do in Tend stays on this device, in this browser.",
        "There are no accounts, no ads, no tracking and no cookies.",
        "Tend never sends anything anywhere. Nobody watches what you do here, not us and not a therapist.",
        "If you share this device, someone who opens Tend on it could see what you saved.",
    ],
    idea_heading: "One big idea",
    idea: &[
        Text("Our brains have three systems. One spots "),
        System("threat", "threat"),
        Text(", one "),
        System("drives", "drive"),
        Text(" us towards goals, and one helps us feel "),
        System("safe and soothed", "soothing"),
        Text(
            ". Brains were built this way long ago, so a loud threat system is not your fault. \
             Practising kindness, to others and to yourself, gives the soothing system a workout.",
        ),
    ],
};

/// The About page's own words for a band.
pub fn band_text(band: Band) -> &'static BandText {
    match band {
        Band::Early => &EARLY,
        Band::Mid => &MID,
        Band::Adult => &ADULT,
    }
}

/// The heading of the part for grown-ups: where the ideas come from.
pub const GROWN_UPS: &str = "For grown-ups and therapists: where the ideas come from";

fn bits(bits: &'static [Bit]) -> impl IntoView {
    bits.iter()
        .map(|bit| match *bit {
            Text(t) => t.into_any(),
            Link(t, page) => view! { <a href=page.path()>{t}</a> }.into_any(),
            System(t, sys) => view! { <span class=format!("sys sys--{sys}")>{t}</span> }.into_any(),
        })
        .collect_view()
}

/// What Tend is and is not, privacy and the big idea in plain words for the reader's
/// band; then, for grown-ups and therapists, the techniques each exercise adapts and
/// where they come from.
#[component]
pub fn About() -> impl IntoView {
    dom::set_title("About");
    let settings = use_settings();
    let band = move || settings.with(|s| s.band.unwrap_or(Band::Mid));
    view! {
        <div class="about prose">
            <h1>"About Tend"</h1>
            {move || {
                let t = band_text(band());
                view! {
                    <p class="lead">{bits(t.lead)}</p>
                    <section class="card">
                        <h2>{t.not_heading}</h2>
                        <p>{bits(t.not)}</p>
                    </section>
                    <section class="card">
                        <h2>{t.privacy_heading}</h2>
                        <ul>{t.privacy.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}</ul>
                    </section>
                    <section class="card">
                        <h2>{t.idea_heading}</h2>
                        <p>{bits(t.idea)}</p>
                    </section>
                }
            }}

            // For grown-ups and therapists: the heading stays a real heading; the long
            // list of techniques is folded so a young reader's page stays short.
            <section class="card grown-ups" aria-labelledby="grown-ups">
                <h2 id="grown-ups">{GROWN_UPS}</h2>
                <p>
                    "Tend's exercises are our own, written in our own words. They adapt ideas from "
                    <strong>"Compassion-Focused Therapy"</strong>" (Paul Gilbert) and "
                    <strong>"self-compassion"</strong>" research (Kristin Neff). Tend is practice "
                    "between sessions, not treatment: it makes no diagnosis and promises no cure."
                </p>
                <p>
                    "Tend has three age bands: 12–14, 15–17 and 18+. Each exercise is the same idea, "
                    "with words, examples and length to fit. You can switch in "<a href=Page::Settings.path()>"Settings"</a>
                    ", which also helps a therapist show an exercise to anyone."
                </p>
                <details>
                    <summary>"The exercises and the techniques they adapt"</summary>
                    <h3>"Every exercise"</h3>
                    <ul>
                        {crate::domain::catalogue::EXERCISES.iter().map(|e| view! {
                            <li><strong>{e.name.adult}</strong>": " {e.technique} ". " {e.reference} "."</li>
                        }).collect_view()}
                    </ul>
                    <h3>"Breathing"</h3>
                    <ul>
                        {crate::content::PATTERNS.iter().map(|p| view! {
                            <li><strong>{p.name.adult}</strong>": " {p.technique} ". " {p.reference} "."</li>
                        }).collect_view()}
                    </ul>
                    <h3>"Drawing"</h3>
                    <ul>
                        {crate::content::DRAW_PROMPTS.iter().map(|p| view! {
                            <li><strong>{p.title.adult}</strong>": " {p.technique} ". " {p.reference} "."</li>
                        }).collect_view()}
                    </ul>
                    <h3>"Talking it through"</h3>
                    <ul>
                        {crate::content::TALK_SCENES.iter().map(|s| view! {
                            <li><strong>{s.title.adult}</strong>": " {s.technique} ". " {s.reference} "."</li>
                        }).collect_view()}
                    </ul>
                    <h3>"Imagery and letters"</h3>
                    <ul>
                        <li><strong>{crate::content::IMAGERY.title.adult}</strong>": " {crate::content::IMAGERY.technique} ". " {crate::content::IMAGERY.reference} "."</li>
                        <li><strong>{crate::content::LETTER.title.adult}</strong>": " {crate::content::LETTER.technique} ". " {crate::content::LETTER.reference} "."</li>
                    </ul>
                    <h3>"For parents and carers"</h3>
                    <ul>
                        {crate::content::LESSONS.iter().map(|l| view! {
                            <li><strong>{l.title}</strong>": " {l.technique} ". " {l.references.join("; ")} "."</li>
                        }).collect_view()}
                        {crate::content::FAMILY_SCENES.iter().map(|s| view! {
                            <li><strong>{s.scene.title.adult}</strong>": " {s.scene.technique} ". " {s.scene.reference} "."</li>
                        }).collect_view()}
                    </ul>
                </details>
            </section>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::readability;

    /// The words a reader of the band's part reads, one string per text (a paragraph
    /// or a list item), headings included.
    fn texts(t: &BandText) -> Vec<String> {
        let plain = |bits: &[Bit]| -> String {
            bits.iter()
                .map(|b| match *b {
                    Text(s) | Link(s, _) | System(s, _) => s,
                })
                .collect()
        };
        let mut all = vec![
            plain(t.lead),
            t.not_heading.to_owned(),
            plain(t.not),
            t.privacy_heading.to_owned(),
            t.idea_heading.to_owned(),
            plain(t.idea),
        ];
        all.extend(t.privacy.iter().map(|s| (*s).to_owned()));
        all
    }

    #[test]
    fn the_about_page_reads_at_each_bands_level() {
        for band in Band::ALL {
            let t = band_text(band);
            let limit = band.max_reading_grade();
            for text in texts(t) {
                let grade = readability::grade(&text);
                assert!(
                    grade <= limit,
                    "grade {grade:.1} for {}: {text:?}",
                    band.label()
                );
            }
            let whole = texts(t).join(" ");
            let grade = readability::grade(&whole);
            assert!(
                grade <= limit,
                "the {} part reads at grade {grade:.1}",
                band.label()
            );
        }
    }

    #[test]
    fn every_band_says_tend_is_practice_not_a_therapist_and_not_for_emergencies() {
        for band in Band::ALL {
            let whole = texts(band_text(band)).join(" ").to_lowercase();
            for needed in [
                "between",
                "not a therapist",
                "not for emergencies",
                "help now",
                "stays on this device",
            ] {
                assert!(whole.contains(needed), "{}: no {needed:?}", band.label());
            }
            // Some readers are not in therapy: the page never assumes that they are.
            assert!(!whole.contains("your therapy"), "{}", band.label());
        }
    }

    #[test]
    fn the_about_page_speaks_without_shame_words() {
        use crate::domain::warmth::SHAME_WORDS as SHAME;
        for band in Band::ALL {
            for text in texts(band_text(band)) {
                let lower = text.to_lowercase();
                for word in readability_words(&lower) {
                    assert!(!SHAME.contains(&word.as_str()), "{word:?} in {text:?}");
                }
            }
        }
    }

    fn readability_words(text: &str) -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    }
}
