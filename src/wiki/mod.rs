//! Backlog Wiki backups in generations: `opskit wiki backup`, `list`, `verify` and
//! `restore` (issue 8). The commands' translation lives in `commands/wiki.rs`; the work
//! is here, on an [`object_store::ObjectStore`] (see [`store`]).
//!
//! Layout at a backup URL: `<prefix>/<PROJECT>/<GENERATION>/`, the generation named by
//! its UTC start (`20260301T020304Z`; a later one started in the same second gets
//! `-01`, `-02`, …, see [`manifest::next_generation_name`]), holding `pages/` (one content file per page named
//! from the page name, its sidecar JSON, `NAME.attachments/`, `NAME.history/`; see
//! [`names`]) and `manifest.json`, written last ([`manifest`]). Unchanged pages are
//! carried over by reference to the earlier generation's objects ([`backup`]); retention
//! never deletes an object a kept generation references ([`retention`]).

pub mod backup;
pub mod catalog;
pub mod manifest;
pub mod names;
pub mod restore;
pub mod retention;
pub mod store;
pub mod verify;

pub use store::{Location, LocationError, open_location};

#[cfg(test)]
mod tests;
