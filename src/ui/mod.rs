//! Shared components and one module per screen.

pub mod about;
pub mod announce;
pub mod breathe;
pub mod controls;
pub mod data;
pub mod demo;
pub mod draw;
pub mod family;
pub mod help;
pub mod home;
pub mod icons;
pub mod not_found;
pub mod plan;
pub mod qr;
pub mod router;
pub mod routes;
pub mod section;
pub mod settings;
pub mod shell;
pub mod talk;
pub mod too_much;
pub mod undo;
pub mod welcome;
