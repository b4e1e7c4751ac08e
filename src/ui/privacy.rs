//! Where someone writes, draws or checks in: who could see it, said plainly. Tend sends
//! nothing anywhere, but on a shared phone or tablet anyone who opens Tend sees what is
//! kept in it, unless Tend is locked; Settings → Your data is where the lock is.

use super::routes::Page;
use leptos::prelude::*;

/// The line that follows what stays on this device, everywhere it is said.
pub const ANYONE_HERE: &str = "But anyone who opens Tend on this device could see what's here.";
/// In its place while the lock is on.
pub const LOCKED: &str =
    "Tend is locked with your passphrase, so someone else who opens it here sees only the lock.";
const LOCK_OFF_WHERE: &str = ", under Your data, you can lock Tend with a passphrase.";
const LOCK_ON_WHERE: &str = ", under Your data, you can lock it now.";

#[component]
pub fn WhoCanSee(
    /// The first sentence: what stays on this device.
    #[prop(default = "What you save here stays on this device, and nobody is watching Tend.")]
    kept: &'static str,
    /// The paragraph's class (`hint`, or `lead` at the top of a list).
    #[prop(default = "hint")]
    class: &'static str,
) -> impl IntoView {
    // Demo mode keeps nothing on this device, and says so instead.
    if crate::state::demo::is_on() {
        return view! { <p class=class>{crate::state::DEMO_KEEPING}</p> }.into_any();
    }
    view! {
        <p class=format!("{class} who-can-see")>
            {kept} " " {if crate::state::lock::is_on() { LOCKED } else { ANYONE_HERE }} " In "
            <a href=Page::Settings.path()>"Settings"</a> {if crate::state::lock::is_on() { LOCK_ON_WHERE } else { LOCK_OFF_WHERE }}
        </p>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::{ANYONE_HERE, LOCKED, LOCK_OFF_WHERE, LOCK_ON_WHERE};
    use crate::domain::readability::grade;

    #[test]
    fn who_can_see_is_said_plainly_enough_for_the_youngest_band() {
        let text = format!(
            "What you save here stays on this device, and nobody is watching Tend. {ANYONE_HERE} In Settings{LOCK_OFF_WHERE}"
        );
        assert!(grade(&text) <= 6.0, "grade {}", grade(&text));
        let text = format!(
            "What you save here stays on this device, and nobody is watching Tend. {LOCKED} In Settings{LOCK_ON_WHERE}"
        );
        assert!(grade(&text) <= 6.0, "grade {}", grade(&text));
    }
}
