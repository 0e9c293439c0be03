//! Store backends.

pub(crate) mod sqlite;
