//! Whether something is in progress that a reload would interrupt: a breathing session
//! under way, a drawing stroke with the pen still down, words typed and not yet kept.
//! A new version of Tend waits for this to be clear before it offers itself (see
//! `ui::update`), so "Use it now" never appears in the middle of something.
//!
//! One counter for the whole app: whatever is in progress holds it, and lets go when
//! it ends. Screens hold it with [`Busy::hold`] (a guard, for things that start and end
//! in event handlers) or [`Busy::hold_while`] (for a condition already in a signal).

use leptos::prelude::*;

/// The app-wide "something is in progress" counter, provided through context.
#[derive(Clone, Copy)]
pub struct Busy {
    holders: RwSignal<u32>,
}

/// Holds [`Busy`] until dropped.
#[must_use = "the hold ends as soon as this is dropped"]
pub struct Holding {
    holders: RwSignal<u32>,
}

impl Drop for Holding {
    fn drop(&mut self) {
        // `try_`: a hold dropped while the app itself is being torn down finds no counter.
        self.holders.try_update(|n| *n = n.saturating_sub(1));
    }
}

impl Busy {
    /// Makes the counter and provides it to everything below. Call once, in the app.
    pub fn provide() -> Busy {
        let busy = Busy {
            holders: RwSignal::new(0),
        };
        provide_context(busy);
        busy
    }

    /// Whether anything holds it now (tracked: a view or effect reading this follows it).
    pub fn is_busy(&self) -> bool {
        self.holders.get() > 0
    }

    /// Holds it until the returned guard is dropped.
    pub fn hold(&self) -> Holding {
        self.holders.update(|n| *n += 1);
        Holding {
            holders: self.holders,
        }
    }

    /// Holds it whenever `in_progress` is true, for as long as the calling owner (a
    /// component, or the app) lives.
    pub fn hold_while(&self, in_progress: impl Fn() -> bool + 'static) {
        let busy = *self;
        let held = StoredValue::new_local(None::<Holding>);
        Effect::new(move |_| {
            let now = in_progress();
            held.update_value(|h| match (now, h.is_some()) {
                (true, false) => *h = Some(busy.hold()),
                (false, true) => *h = None,
                _ => {}
            });
        });
        on_cleanup(move || {
            held.try_update_value(|h| *h = None);
        });
    }
}

/// The app's [`Busy`], or a fresh one when none was provided (a screen mounted alone in
/// a test): holding that changes nothing anyone reads.
pub fn use_busy() -> Busy {
    use_context::<Busy>().unwrap_or_else(|| Busy {
        holders: RwSignal::new(0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn within(f: impl FnOnce()) {
        let owner = Owner::new();
        owner.with(f);
    }

    #[test]
    fn a_hold_lasts_until_its_guard_is_dropped() {
        within(|| {
            let busy = Busy::provide();
            assert!(!busy.is_busy());
            let a = busy.hold();
            let b = busy.hold();
            assert!(busy.is_busy());
            drop(a);
            assert!(busy.is_busy(), "one hold is still there");
            drop(b);
            assert!(!busy.is_busy());
        });
    }
}
