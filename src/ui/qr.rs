//! A QR code drawn as inline SVG: dark on white whatever the theme, with its quiet zone,
//! so a phone camera can read it off a laptop screen or a projector.

use crate::domain::qr::{qr, QUIET};
use leptos::prelude::*;

#[component]
pub fn QrCode(
    /// The text the code holds (a link).
    text: String,
) -> impl IntoView {
    match qr(&text) {
        None => view! { <p class="hint">"This link is too long for a code to scan. The link itself still works."</p> }.into_any(),
        Some(code) => {
            let side = code.size + 2 * QUIET;
            let view_box = format!("-{QUIET} -{QUIET} {side} {side}");
            view! {
                <figure class="qr">
                    <svg class="qr__code" viewBox=view_box role="img"
                        aria-label="QR code of the link" data-version=code.version.to_string()
                        shape-rendering="crispEdges">
                        <rect x=format!("-{QUIET}") y=format!("-{QUIET}") width=side.to_string() height=side.to_string() fill="#fff" />
                        <path d=code.path fill="#000" />
                    </svg>
                    <figcaption class="hint">
                        {format!("Point a phone's camera at this code to open the plan. (QR version {}.)", code.version)}
                    </figcaption>
                </figure>
            }
            .into_any()
        }
    }
}
