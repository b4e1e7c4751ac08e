//! Inline SVG icons on a 24 px grid with 2 px round strokes. Decorative: the text beside
//! each icon is its label, so every icon is hidden from screen readers.

use leptos::prelude::*;

macro_rules! icon {
    ($name:ident, $($path:literal),+) => {
        #[component]
        pub fn $name() -> impl IntoView {
            view! {
                <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                    $(<path d=$path />)+
                </svg>
            }
        }
    };
}

icon!(
    IconHome,
    "M4 11.5 12 5l8 6.5",
    "M6.5 10v9h11v-9",
    "M10 19v-5h4v5"
);
icon!(
    IconHelp,
    "M12 20s-7-4.35-7-10a4 4 0 0 1 7-2.65A4 4 0 0 1 19 10c0 5.65-7 10-7 10z",
    "M9.5 11.5h5",
    "M12 9v5"
);
icon!(
    IconSettings,
    "M4 7h9",
    "M17 7h3",
    "M4 17h3",
    "M11 17h9",
    "M15 5v4",
    "M9 15v4"
);
icon!(
    IconAbout,
    "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z",
    "M12 11v6",
    "M12 7.5v.5"
);
icon!(
    IconBreathe,
    "M12 20a8 8 0 1 0 0-16 8 8 0 0 0 0 16z",
    "M12 15.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z"
);
icon!(IconDraw, "M4 20l4-1 11-11-3-3L5 16z", "M14 7l3 3");
icon!(
    IconTalk,
    "M4 5.5h11v8H9l-4 3.5z",
    "M15 9.5h5v7.5l-3-2.5h-5.5"
);
icon!(
    IconCircles,
    "M8.5 11a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9z",
    "M16 13.5a4 4 0 1 0 0-8 4 4 0 0 0 0 8z",
    "M11 22a4 4 0 1 0 0-8 4 4 0 0 0 0 8z"
);
icon!(
    IconKind,
    "M12 19.5s-6-3.7-6-8.3A3.2 3.2 0 0 1 12 9.5a3.2 3.2 0 0 1 6 1.7c0 4.6-6 8.3-6 8.3z",
    "M4 7.5c1.5-2 3.5-3 5.5-3",
    "M20 7.5c-1.5-2-3.5-3-5.5-3"
);
icon!(
    IconSprout,
    "M12 21v-8",
    "M12 13c-4 0-7-2.5-7-7 4 0 7 2.5 7 7z",
    "M12 15c0-4 2.5-7 7-7 0 4-2.5 7-7 7z"
);
icon!(
    IconImagery,
    "M3 19l5.5-7 4 5 3-3.5L21 19z",
    "M16.5 8.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4z"
);
icon!(IconLetter, "M3.5 6.5h17v11h-17z", "M3.5 7l8.5 6.5L20.5 7");
icon!(IconBack, "M15 5l-7 7 7 7");
icon!(
    IconPhone,
    "M6.5 3.5h3l1.5 4-2 1.5a11 11 0 0 0 6 6l1.5-2 4 1.5v3a2 2 0 0 1-2 2A16 16 0 0 1 4.5 5.5a2 2 0 0 1 2-2z"
);
icon!(IconMessage, "M4 5.5h16v10H9l-5 4z", "M8 9.5h8", "M8 12.5h5");
icon!(IconArrow, "M5 12h14", "M13 6l6 6-6 6");
icon!(
    IconLock,
    "M6.5 10.5h11v9h-11z",
    "M9 10.5V8a3 3 0 0 1 6 0v2.5"
);

/// Tend's companion: a small, round, slightly surprised leaf-sprout. Purely decorative.
#[component]
pub fn Companion(#[prop(optional)] mood: &'static str) -> impl IntoView {
    let class = if mood.is_empty() {
        "companion".to_owned()
    } else {
        format!("companion companion--{mood}")
    };
    view! {
        <svg class=class viewBox="0 0 120 120" aria-hidden="true" focusable="false">
            <path class="companion__leaf" d="M60 30c-2-12 6-20 18-21-1 12-8 20-18 21z" />
            <path class="companion__stem" d="M60 40V28" />
            <path class="companion__body" d="M60 38c26 0 42 18 42 40 0 20-18 32-42 32S18 98 18 78c0-22 16-40 42-40z" />
            <ellipse class="companion__cheek" cx="38" cy="84" rx="7" ry="4.5" />
            <ellipse class="companion__cheek" cx="82" cy="84" rx="7" ry="4.5" />
            <circle class="companion__eye" cx="46" cy="72" r="5" />
            <circle class="companion__eye" cx="74" cy="72" r="5" />
            <path class="companion__mouth" d="M53 86q7 6 14 0" />
        </svg>
    }
}
