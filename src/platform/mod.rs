//! Thin wrappers over browser APIs, each safe to call where the API is missing.

pub mod dom;
pub mod history;
pub mod offline;
