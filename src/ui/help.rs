//! Help now: crisis and support lines for the person's region, reachable from every
//! screen in one tap and working offline. Numbers come from `content/helplines.toml`.

use super::icons::*;
use crate::content::{self, REGIONS};
use crate::domain::{date, esc, help};
use crate::platform::dom;
use crate::state::settings::use_settings;
use crate::ui::section::later;
use leptos::prelude::*;

/// The region whose lines to show: the one chosen in Settings, else the browser's
/// language, else the first.
pub fn use_help_region() -> Memo<&'static help::Region> {
    let settings = use_settings();
    let languages = dom::languages();
    Memo::new(move |_| {
        settings
            .with(|s| s.region.as_deref().and_then(content::region))
            .or_else(|| help::region_for_locales(REGIONS, &languages))
            .unwrap_or(&REGIONS[0])
    })
}

#[component]
pub fn Help() -> impl IntoView {
    dom::set_title("Help now");
    let settings = use_settings();
    let region = use_help_region();
    let choose = move |ev| {
        let id = event_target_value(&ev);
        settings.update(|s| s.region = Some(id));
    };

    view! {
        <div class="help">
            <h1>"Help now"</h1>
            <p class="lead">{LEAD}</p>

            <section class="emergency" aria-labelledby="emergency-title">
                <h2 id="emergency-title">{DANGER_TITLE}</h2>
                <p>{DANGER}</p>
                <a class="button button--danger" href=move || format!("tel:{}", help::dial_digits(region.get().emergency))>
                    <IconPhone />
                    {move || format!("Call {}", region.get().emergency)}
                </a>
            </section>

            <div class="field">
                <label for="help-region">"Showing help for"</label>
                <select id="help-region" on:change=choose>
                    {REGIONS
                        .iter()
                        .map(|r| view! {
                            <option value=r.id prop:selected=move || region.get().id == r.id>{r.name}</option>
                        })
                        .collect_view()}
                </select>
            </div>

            // The page in three parts as the app starts (ui::section::later).
            {later(Box::new(move || view! {
                <ul class="lines" role="list">
                    {move || content::helplines(region.get().id).map(|line| view! { <HelplineCard line /> }).collect_view()}
                </ul>
                {move || content::helplines(region.get().id).next().is_none().then(|| view! {
                    <p class="card">{NO_LINES}</p>
                })}
            }.into_any()))}
            {later(Box::new(|| view! {
                <section class="card" aria-labelledby="numbers-title">
                    <h2 id="numbers-title">"Emergency numbers"</h2>
                    <EmergencyNumbers />
                </section>
                <GroundingCard />
                <p class="fine-print">{FINE_PRINT}</p>
            }.into_any()))}
        </div>
    }
}

const LEAD: &str = "You don't have to be in crisis to reach out. These people are kind, free to contact, and used to hearing from young people.";
const DANGER_TITLE: &str = "In danger right now?";
const DANGER: &str =
    "If you might hurt yourself or someone else, or you are not safe, call emergency services now.";
const NO_LINES: &str = "Tend doesn't have local helplines for your country yet. A trusted adult, your school, your doctor or your therapist can help you find one.";
const FINE_PRINT: &str = "Tend can't call anyone for you, and nobody is told when you open this page. Calls and texts go from your own phone.";

/// Help now as plain HTML, for `/help` before any script has run or where none can:
/// every region's lines at once (choosing one needs script), from the same data, words
/// and link rules as [`Help`]. The build writes it into `help.html` (`src/bin/pages.rs`).
/// Written by hand rather than by the view code: the view code renders only in a browser.
pub fn static_html() -> String {
    let mut html = format!(
        "<div class=\"help\"><h1>Help now</h1><p class=\"lead\">{}</p>\
         <section class=\"emergency\" aria-labelledby=\"emergency-title\">\
         <h2 id=\"emergency-title\">{}</h2><p>{}</p><ul class=\"numbers\" role=\"list\">",
        esc(LEAD),
        esc(DANGER_TITLE),
        esc(DANGER)
    );
    for r in REGIONS {
        html += &format!(
            "<li><span>{}</span><a href=\"tel:{}\">{}</a></li>",
            esc(emergency_place(r)),
            help::dial_digits(r.emergency),
            esc(r.emergency)
        );
    }
    html += "</ul></section>";
    let with_lines: Vec<_> = REGIONS
        .iter()
        .filter(|r| content::helplines(r.id).next().is_some())
        .collect();
    html += "<nav class=\"card\" aria-labelledby=\"places-title\">\
             <h2 id=\"places-title\">Helplines where you live</h2><ul class=\"places\" role=\"list\">";
    for r in &with_lines {
        html += &format!("<li><a href=\"#help-{}\">{}</a></li>", r.id, esc(r.name));
    }
    html += "</ul></nav>";
    for r in &with_lines {
        html += &format!(
            "<section class=\"place\" id=\"help-{0}\" aria-labelledby=\"help-{0}-title\">\
             <h2 id=\"help-{0}-title\">{1}</h2><ul class=\"lines\" role=\"list\">",
            r.id,
            esc(r.name)
        );
        for line in content::helplines(r.id) {
            html += &static_line(line);
        }
        html += "</ul></section>";
    }
    html += &format!(
        "<p class=\"card\">{}</p><section class=\"card grounding\" aria-labelledby=\"ground-title\">\
         <h2 id=\"ground-title\">{}</h2><p>{}</p><ol>",
        esc(NO_LINES),
        esc(GROUNDING_TITLE),
        esc(GROUNDING_LEAD)
    );
    for step in GROUNDING {
        html += &format!("<li>{}</li>", esc(step));
    }
    html += &format!(
        "</ol></section><p class=\"fine-print\">{}</p></div>",
        esc(FINE_PRINT)
    );
    html
}

fn static_line(line: &help::Helpline) -> String {
    let mut html = format!(
        "<li class=\"line card\"><h3 class=\"line__name\">{}</h3><p>{}</p>",
        esc(line.name),
        esc(line.about)
    );
    if line.hours.is_some() || line.ages.is_some() {
        html += "<p class=\"line__meta\">";
        for part in [line.hours, line.ages].into_iter().flatten() {
            html += &format!("<span>{}</span>", esc(part));
        }
        html += "</p>";
    }
    html += "<div class=\"actions\">";
    if let Some(href) = line.tel_href() {
        html += &format!(
            "<a class=\"button button--primary\" href=\"{}\">{}</a>",
            esc(&href),
            esc(&call_words(line))
        );
    }
    if let Some(href) = line.sms_href() {
        html += &format!(
            "<a class=\"button\" href=\"{}\">{}</a>",
            esc(&href),
            esc(&text_words(line))
        );
    }
    let (checked, host) = checked_on(line);
    html += &format!(
        "</div><p class=\"line__source\">Number checked {} on <a href=\"{}\" rel=\"noreferrer\">{}</a></p></li>",
        esc(&checked),
        esc(line.source),
        esc(host)
    );
    html
}

/// Every region's emergency number, as call links.
#[component]
fn EmergencyNumbers() -> impl IntoView {
    view! {
        <ul class="numbers" role="list">
            {REGIONS
                .iter()
                .map(|r| view! {
                    <li>
                        <span>{emergency_place(r)}</span>
                        <a href=format!("tel:{}", help::dial_digits(r.emergency))>{r.emergency}</a>
                    </li>
                })
                .collect_view()}
        </ul>
    }
}

/// Where an emergency number applies, as the list names it.
fn emergency_place(r: &help::Region) -> &'static str {
    if r.id == "elsewhere" {
        "Europe and many other places"
    } else {
        r.name
    }
}

const GROUNDING_TITLE: &str = "While you wait, or if it all feels like a lot";
const GROUNDING_LEAD: &str = "If it feels okay, try noticing, slowly:";
const GROUNDING: [&str; 5] = [
    "5 things you can see",
    "4 things you can touch",
    "3 things you can hear",
    "2 things you can smell",
    "1 slow breath, or just your feet on the floor",
];

#[component]
fn GroundingCard() -> impl IntoView {
    view! {
        <section class="card grounding" aria-labelledby="ground-title">
            <h2 id="ground-title">{GROUNDING_TITLE}</h2>
            <p>{GROUNDING_LEAD}</p>
            <ol>{GROUNDING.map(|step| view! { <li>{step}</li> })}</ol>
        </section>
    }
}

/// "Call 0800 1111".
fn call_words(line: &help::Helpline) -> String {
    format!("Call {}", line.call_label().unwrap_or_default())
}

/// "Text SHOUT to 85258", or "Text 988".
fn text_words(line: &help::Helpline) -> String {
    match (line.text_keyword, line.text_label()) {
        (Some(word), Some(n)) => format!("Text {word} to {n}"),
        (None, Some(n)) => format!("Text {n}"),
        _ => String::new(),
    }
}

/// When the number was last checked, in words, and the host of the page it was checked on.
fn checked_on(line: &help::Helpline) -> (String, &'static str) {
    let checked = date::parse_iso(line.last_verified)
        .map(date::long_date)
        .unwrap_or_default();
    let host = line
        .source
        .split_once("://")
        .map_or(line.source, |(_, rest)| rest)
        .trim_start_matches("www.")
        .split('/')
        .next()
        .unwrap_or(line.source);
    (checked, host)
}

/// One helpline: what it is, when and for whom, and its call and text links.
#[component]
fn HelplineCard(line: &'static help::Helpline) -> impl IntoView {
    let (checked, host) = checked_on(line);
    view! {
        <li class="line card">
            <h2 class="line__name">{line.name}</h2>
            <p>{line.about}</p>
            {(line.hours.is_some() || line.ages.is_some()).then(|| view! {
                <p class="line__meta">
                    {line.hours.map(|h| view! { <span>{h}</span> })}
                    {line.ages.map(|a| view! { <span>{a}</span> })}
                </p>
            })}
            <div class="actions">
                {line.tel_href().map(|href| view! {
                    <a class="button button--primary" href=href>
                        <IconPhone />
                        {call_words(line)}
                    </a>
                })}
                {line.sms_href().map(|href| view! {
                    <a class="button" href=href>
                        <IconMessage />
                        {text_words(line)}
                    </a>
                })}
            </div>
            <p class="line__source">
                "Number checked " {checked} " on "
                <a href=line.source rel="noreferrer">{host}</a>
            </p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_static_help_page_has_every_line_with_its_links_and_the_grounding_steps() {
        let html = static_html();
        for line in crate::content::HELPLINES {
            assert!(html.contains(&esc(line.name)), "{} is missing", line.name);
            if let Some(tel) = line.tel_href() {
                assert!(html.contains(&format!("href=\"{tel}\"")), "{tel}");
            }
            if let Some(sms) = line.sms_href() {
                assert!(html.contains(&format!("href=\"{sms}\"")), "{sms}");
            }
        }
        for region in REGIONS {
            let tel = format!("href=\"tel:{}\"", help::dial_digits(region.emergency));
            assert!(html.contains(&tel), "{tel}");
        }
        assert!(html.contains("5 things you can see"));
        assert!(html.contains("<h1>Help now</h1>"));
        assert_eq!(esc("Tom & \"Jo\" <3"), "Tom &amp; &quot;Jo&quot; &lt;3");
    }
}
