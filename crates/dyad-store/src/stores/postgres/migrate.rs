//! Schema versions in PostgreSQL: the table `dyad_schema` and the ordered migrations of
//! `migrations/postgres/`, one per SQLite migration.

use std::path::Path;

use postgres::Client;

use crate::error::Context;
use crate::{Error, Result, SCHEMA_VERSION};

/// The migrations, in order: migration `i` brings a database from version `i` to `i + 1`,
/// as the SQLite migration of the same number does.
const MIGRATIONS: &[&str] = &[
    include_str!("../../../migrations/postgres/0001_initial.sql"),
    include_str!("../../../migrations/postgres/0002_merged_events.sql"),
    include_str!("../../../migrations/postgres/0003_band_rows.sql"),
];

const _: () = assert!(MIGRATIONS.len() as u32 == SCHEMA_VERSION);

/// The advisory lock key under which migrations run: "dyad" in ASCII.
const MIGRATION_LOCK: i64 = 0x6479_6164;

/// The version recorded in the database; 0 when it has no dyad schema.
pub(super) fn version(client: &mut Client, label: &Path) -> Result<u32> {
    let exists: bool = client
        .query_one("SELECT to_regclass('dyad_schema') IS NOT NULL", &[])
        .at(label)?
        .get(0);
    if !exists {
        return Ok(0);
    }
    let row = client
        .query_opt("SELECT version FROM dyad_schema", &[])
        .at(label)?;
    Ok(row.map_or(0, |row| row.get::<_, i64>(0).max(0) as u32))
}

/// Fails with [`Error::NotADatabase`] when the database holds tables of another program
/// named like dyad's but no dyad schema.
fn check_identity(client: &mut Client, label: &Path) -> Result<()> {
    let foreign: bool = client
        .query_one(
            "SELECT to_regclass('dyad_schema') IS NULL
                AND (to_regclass('documents') IS NOT NULL OR to_regclass('events') IS NOT NULL)",
            &[],
        )
        .at(label)?
        .get(0);
    if foreign {
        return Err(Error::NotADatabase {
            path: label.to_path_buf(),
        });
    }
    Ok(())
}

/// Applies the migrations the database lacks, in one transaction under an advisory lock
/// (so that workers starting together migrate once), and returns the version.
pub(super) fn migrate(client: &mut Client, label: &Path) -> Result<u32> {
    check_identity(client, label)?;
    let mut tx = client.transaction().at(label)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .at(label)?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS dyad_schema (
             application TEXT NOT NULL DEFAULT 'dyad',
             version BIGINT NOT NULL)",
    )
    .at(label)?;
    let found = tx
        .query_opt("SELECT version FROM dyad_schema", &[])
        .at(label)?
        .map_or(0, |row| row.get::<_, i64>(0).max(0) as u32);
    if found > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            path: label.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for sql in MIGRATIONS.iter().skip(found as usize) {
        tx.batch_execute(sql).at(label)?;
    }
    if found < SCHEMA_VERSION {
        tx.execute("DELETE FROM dyad_schema", &[]).at(label)?;
        tx.execute(
            "INSERT INTO dyad_schema (version) VALUES ($1)",
            &[&i64::from(SCHEMA_VERSION)],
        )
        .at(label)?;
        tracing::info!(url = %label.display(), version = SCHEMA_VERSION, "migrated store schema");
    }
    tx.commit().at(label)?;
    Ok(SCHEMA_VERSION)
}

/// Fails unless the database has this build's schema (for read-only use).
pub(super) fn check_current(client: &mut Client, label: &Path) -> Result<()> {
    check_identity(client, label)?;
    let found = version(client, label)?;
    if found == 0 {
        return Err(Error::Missing {
            path: label.to_path_buf(),
        });
    }
    if found > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            path: label.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if found < SCHEMA_VERSION {
        return Err(Error::OlderSchema {
            path: label.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}
