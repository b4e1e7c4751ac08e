use super::icons::*;
use super::router::use_nav;
use super::routes::Page;
use crate::content;
use crate::platform::dom;
use crate::state::settings::use_settings;
use leptos::prelude::*;

/// Home: a warm line for today and the ways into Tend. A first visit goes to Welcome.
#[component]
pub fn Home() -> impl IntoView {
    dom::set_title("Home");
    let settings = use_settings();
    let band = move || settings.with(|s| s.band);
    let today = dom::today();
    let nav = use_nav();
    // A first visit (no band yet) goes to Welcome instead; no history entry is left.
    Effect::new(move |_| {
        if band().is_none() {
            nav.replace(Page::Welcome.path());
        }
    });

    move || {
        match band() {
        None => ().into_any(),
        Some(band) => view! {
            <div class="home">
                <section class="hello" aria-labelledby="hello-title">
                    <Companion />
                    <div>
                        <h1 id="hello-title">"Good to see you"</h1>
                        <p class="hello__line">
                            {content::daily_line(band, today).unwrap_or("Whenever you're ready.")}
                        </p>
                    </div>
                </section>
                <super::plan::SuggestedPlan />
                <ul class="cards" role="list">
                    <li>
                        <a class="area area--breathe" href=Page::Breathe.path()>
                            <IconBreathe />
                            <span class="area__text">
                                <span class="area__title">"Breathing space"</span>
                                <span class="area__hint">"Slow down with a shape, a sound or a buzz to follow."</span>
                            </span>
                            <IconArrow />
                        </a>
                    </li>
                    <li>
                        <a class="area area--draw" href=Page::Draw.path()>
                            <IconDraw />
                            <span class="area__text">
                                <span class="area__title">"Drawing room"</span>
                                <span class="area__hint">"Draw a safe place, a kind companion, or anything at all."</span>
                            </span>
                            <IconArrow />
                        </a>
                    </li>
                    <li>
                        <a class="area area--talk" href=Page::Talk.path()>
                            <IconTalk />
                            <span class="area__text">
                                <span class="area__title">"Talk it through"</span>
                                <span class="area__hint">"Practise kind words, for a friend and for you."</span>
                            </span>
                            <IconArrow />
                        </a>
                    </li>
                    <li>
                        <a class="area area--help" href=Page::Help.path()>
                            <IconHelp />
                            <span class="area__text">
                                <span class="area__title">"Need someone now?"</span>
                                <span class="area__hint">"Free, private helplines you can call or text."</span>
                            </span>
                            <IconArrow />
                        </a>
                    </li>
                    <li>
                        <a class="area area--settings" href=Page::Settings.path()>
                            <IconSettings />
                            <span class="area__text">
                                <span class="area__title">"Make Tend yours"</span>
                                <span class="area__hint">"Colours, text size, dark mode and motion."</span>
                            </span>
                            <IconArrow />
                        </a>
                    </li>
                    <li>
                        <a class="area area--about" href=Page::About.path()>
                            <IconAbout />
                            <span class="area__text">
                                <span class="area__title">"What Tend is"</span>
                                <span class="area__hint">"Where the ideas come from, and how your privacy works."</span>
                            </span>
                            <IconArrow />
                        </a>
                    </li>
                </ul>
            </div>
        }
        .into_any(),
    }
    }
}
