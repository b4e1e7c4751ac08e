//! Three circles check-ins as signals: one key per record, `tend.circles.<id>`, newest
//! first, in the same versioned envelope as every other record.

use super::records::{Entry, Records};
use super::Store;
use crate::domain::circles::CirclesCheckIn;
use crate::storage::{Record, StorageError};
use leptos::prelude::*;

impl Record for CirclesCheckIn {
    const VERSION: u32 = 1;
}

pub const CIRCLES_PREFIX: &str = "tend.circles.";

#[derive(Clone, Copy)]
pub struct CirclesState {
    /// Newest first.
    pub checkins: Records<CirclesCheckIn>,
}

impl CirclesState {
    pub fn new(store: Store) -> CirclesState {
        CirclesState {
            checkins: Records::new(store, CIRCLES_PREFIX, true),
        }
    }

    /// Keeps a check-in; `Ok` once the save is read back.
    pub fn add(&self, checkin: &CirclesCheckIn) -> Result<Entry<CirclesCheckIn>, StorageError> {
        self.checkins.add(checkin)
    }
}

pub fn use_circles() -> CirclesState {
    expect_context::<CirclesState>()
}
