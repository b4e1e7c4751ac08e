//! The practice plan a teen added from a therapist's link (`tend.plan`): the link's own
//! fragment, read again through the same checks on every load, and a quiet done mark per
//! item. Nothing here counts misses or keeps a streak.

use super::Store;
use crate::content;
use crate::domain::json::{obj, FromJson, Json, ToJson};
use crate::domain::plan::{Item, Plan};
use crate::domain::Band;
use crate::storage::{envelope, Loaded, Record, StorageError};
use leptos::prelude::*;

pub const PLAN_KEY: &str = "tend.plan";

/// Whether this Tend has the pattern, prompt or scene an item names (from their titles
/// alone: a plan on Home needs no more of their words).
pub fn known(item: &Item) -> bool {
    match item {
        Item::Breathe { pattern, .. } => content::pattern(pattern).is_some(),
        Item::Draw { prompt } => content::draw_prompt_title(prompt, Band::Early).is_some(),
        Item::Talk { scene } => content::talk_scene_title(scene, Band::Early).is_some(),
    }
}

/// A plan as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedPlan {
    /// The link's fragment, exactly as it came.
    pub link: String,
    /// One mark per item: done, or not (yet). Never a date or a count.
    pub done: Vec<bool>,
}

impl ToJson for SavedPlan {
    fn to_json(&self) -> Json {
        // Marks as a short text of 1s and 0s, one per item.
        let done: String = self
            .done
            .iter()
            .map(|&d| if d { '1' } else { '0' })
            .collect();
        obj([("link", self.link.to_json()), ("done", done.to_json())])
    }
}

impl FromJson for SavedPlan {
    fn from_json(j: &Json) -> Result<Self, String> {
        Ok(SavedPlan {
            link: j.field("link")?,
            done: j
                .field_or("done", String::new())?
                .chars()
                .map(|c| c == '1')
                .collect(),
        })
    }
}

impl Record for SavedPlan {
    const VERSION: u32 = 1;
}

/// The plan on Home, if there is one this Tend can read. It is read the first time a
/// screen asks ([`use_plan`]), not at start-up, so a page that shows no plan (the family
/// section, say) never reads it.
#[derive(Clone, Copy)]
pub struct PlanState {
    pub current: RwSignal<Option<(Plan, Vec<bool>)>>,
    read: StoredValue<bool>,
    store: Store,
}

fn read(store: Store) -> Option<(Plan, Vec<bool>)> {
    match store.with(|s| envelope::load::<SavedPlan>(s, PLAN_KEY)) {
        Ok(Loaded::Ready(saved)) => {
            let plan = Plan::decode(&saved.link, known).ok()?;
            let mut done = saved.done;
            done.resize(plan.items.len(), false);
            Some((plan, done))
        }
        _ => None,
    }
}

impl PlanState {
    pub fn new(store: Store) -> PlanState {
        PlanState {
            current: RwSignal::new(None),
            read: StoredValue::new(false),
            store,
        }
    }

    /// Reads again after another tab changed it, if a screen has read it. Nothing is
    /// written back.
    fn heard(&self, key: Option<&str>) {
        if self.read.get_value() && key.is_none_or(|k| k == PLAN_KEY) {
            self.current.set(read(self.store));
        }
    }

    /// Adds a plan from a link (replacing the one there was), all marks cleared.
    pub fn add(&self, link: &str, plan: Plan) -> Result<(), StorageError> {
        let saved = SavedPlan {
            link: link.trim_start_matches('#').to_owned(),
            done: vec![false; plan.items.len()],
        };
        self.store.with(|s| envelope::save(s, PLAN_KEY, &saved))?;
        super::ask_to_persist_once();
        self.current.set(Some((plan, saved.done)));
        Ok(())
    }

    /// Sets or clears the quiet done mark on item `index`.
    pub fn mark(&self, index: usize, done: bool) -> Result<(), StorageError> {
        let Some(Ok(Loaded::Ready(mut saved))) = Some(
            self.store
                .with(|s| envelope::load::<SavedPlan>(s, PLAN_KEY)),
        ) else {
            return Ok(());
        };
        let len = self
            .current
            .with_untracked(|c| c.as_ref().map_or(0, |(p, _)| p.items.len()));
        saved.done.resize(len, false);
        if let Some(d) = saved.done.get_mut(index) {
            *d = done;
        }
        self.store.with(|s| envelope::save(s, PLAN_KEY, &saved))?;
        self.current.update(|c| {
            if let Some((_, marks)) = c {
                *marks = saved.done.clone();
            }
        });
        Ok(())
    }

    /// Takes the plan off Home.
    pub fn remove(&self) -> Result<(), StorageError> {
        self.store.with(|s| s.remove(PLAN_KEY))?;
        self.current.set(None);
        Ok(())
    }
}

pub fn use_plan() -> PlanState {
    let plans = expect_context::<PlanState>();
    if !plans.read.get_value() {
        plans.read.set_value(true);
        plans.store.on_change(move |key| plans.heard(key));
        plans.current.set(read(plans.store));
    }
    plans
}
