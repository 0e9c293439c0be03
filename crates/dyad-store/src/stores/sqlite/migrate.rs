//! Schema versions: `PRAGMA user_version` and the ordered migrations of `migrations/`.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::error::Context;
use crate::{Error, Result};

/// The migrations, in order: migration `i` brings a database from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("../../../migrations/0001_initial.sql"),
    include_str!("../../../migrations/0002_merged_events.sql"),
    include_str!("../../../migrations/0003_band_rows.sql"),
];

/// The schema version this build writes and the newest it can read.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// `PRAGMA application_id` of a dyad database: "dyad" in ASCII.
const APPLICATION_ID: i32 = 0x6479_6164;

/// The schema version recorded in the database.
pub(crate) fn user_version(conn: &Connection, path: &Path) -> Result<u32> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
        .at(path)
}

/// Fails with [`Error::NotADatabase`] unless the database is empty or a dyad database.
/// Reading the header is also what exposes a file that is not SQLite at all.
pub(crate) fn check_identity(conn: &Connection, path: &Path) -> Result<()> {
    let application_id: i32 = conn
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .at(path)?;
    if application_id == APPLICATION_ID {
        return Ok(());
    }
    let objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))
        .at(path)?;
    if application_id == 0 && objects == 0 && user_version(conn, path)? == 0 {
        return Ok(());
    }
    Err(Error::NotADatabase {
        path: path.to_path_buf(),
    })
}

/// Applies the migrations the database lacks, each in its own transaction, and returns the
/// resulting version. Safe against another process migrating the same file at once.
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<u32> {
    let found = user_version(conn, path)?;
    if found > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            path: path.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let target = index as u32 + 1;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .at(path)?;
        // Another process may have applied it while this one waited for the lock.
        if user_version(&tx, path)? >= target {
            continue;
        }
        tx.execute_batch(sql).at(path)?;
        if index == 0 {
            tx.pragma_update(None, "application_id", APPLICATION_ID)
                .at(path)?;
        }
        if index == 1 {
            // Version 2 links near-duplicates and merges events: done for what is stored.
            super::merging::backfill(&tx, path)?;
        }
        tx.pragma_update(None, "user_version", target).at(path)?;
        tx.commit().at(path)?;
        tracing::info!(path = %path.display(), version = target, "migrated store schema");
    }
    Ok(SCHEMA_VERSION)
}
