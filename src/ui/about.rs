use crate::platform::dom;
use leptos::prelude::*;

/// What Tend is and is not, privacy in plain words, and where the ideas come from.
#[component]
pub fn About() -> impl IntoView {
    dom::set_title("About");
    view! {
        <div class="about prose">
            <h1>"About Tend"</h1>
            <p class="lead">
                "Tend is a set of small, kind exercises to practise between your therapy sessions. "
                "It is a place to try things out, at your own pace."
            </p>

            <section class="card">
                <h2>"What Tend is not"</h2>
                <p>
                    "Tend is not a therapist and does not replace one. It does not diagnose anything. "
                    "It is not for emergencies: if you are not safe, use "<a href="/help">"Help now"</a>
                    " or call your local emergency number."
                </p>
            </section>

            <section class="card">
                <h2>"Your privacy, in plain words"</h2>
                <ul>
                    <li>"Everything you do in Tend stays on this device, in this browser."</li>
                    <li>"There are no accounts, no ads, no tracking and no cookies."</li>
                    <li>"Tend never sends anything anywhere. Nobody watches what you do here, not us and not your therapist."</li>
                    <li>"If you share this device, someone who opens Tend on it could see what you saved."</li>
                </ul>
            </section>

            <section class="card">
                <h2>"Where the ideas come from"</h2>
                <p>
                    "Tend's exercises are our own, written in our own words. They adapt ideas from "
                    <strong>"Compassion-Focused Therapy"</strong>" (Paul Gilbert) and "
                    <strong>"self-compassion"</strong>" research (Kristin Neff)."
                </p>
                <p>
                    "One big idea: our brains have three systems. One spots "<span class="sys sys--threat">"threat"</span>
                    ", one chases "<span class="sys sys--drive">"goals"</span>", and one helps us feel "
                    <span class="sys sys--soothing">"safe and soothed"</span>
                    ". Brains were built this way long ago, so a loud threat system is not your fault. "
                    "Practising kindness, to others and to yourself, gives the soothing system a workout."
                </p>
            </section>

            <section class="card">
                <h2>"The exercises and what they adapt"</h2>
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
            </section>

            <section class="card">
                <h2>"Age bands"</h2>
                <p>
                    "Tend has three age bands: 12–14, 15–17 and 18+. Each exercise is the same idea, "
                    "with words, examples and length to fit. You can switch in "<a href="/settings">"Settings"</a>
                    ", which also helps a therapist show an exercise to anyone."
                </p>
            </section>
        </div>
    }
}
