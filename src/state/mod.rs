//! App state: small `Copy` structs of signals with domain methods, provided through
//! context. The only callers of storage.

pub mod settings;

pub use settings::{SaveStatus, SettingsState};

use crate::storage::StorageError;

/// Why browser storage could not be opened, if it could not: the shell shows a calm
/// banner, and everything works in memory.
#[derive(Clone, Debug, PartialEq)]
pub struct StorageHealth(pub Option<StorageError>);
