//! Thin wrappers over browser APIs, each safe to call where the API is missing.

pub mod animate;
pub mod cues;
pub mod dom;
pub mod files;
pub mod history;
pub mod lifecycle;
pub mod offline;
pub mod storage_manager;
