//! Store backends and what they share.

pub(crate) mod common;
pub(crate) mod filter;
pub(crate) mod postgres;
pub(crate) mod search;
pub(crate) mod sqlite;
