//! [`SqliteStore`]: the embedded store, one SQLite file.

mod merging;
mod migrate;
mod overview;
pub(crate) mod probe;
mod read;
mod write;

use std::path::{Path, PathBuf};
use std::time::Duration;

use dyad_types::Analysis;
use rusqlite::{Connection, OpenFlags};

pub use migrate::SCHEMA_VERSION;

use crate::error::Context;
use crate::overview::{ActorCount, ActorLevel, DocumentPage, EventMap, NetworkEdge};
use crate::{Error, EventQuery, MergedEvent, PutSummary, Result, Store, StoreStats, StoredEvent};

/// The name errors give an in-memory store.
const IN_MEMORY: &str = ":memory:";

/// How to open an SQLite store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqliteOptions {
    /// How long to wait for another connection's lock before failing with
    /// [`Error::Locked`]. Default 5 s.
    pub busy_timeout: Duration,
    /// Create the database when the file is missing (default); otherwise a missing file is
    /// [`Error::Missing`].
    pub create: bool,
    /// A quota: the database may not grow beyond about this many bytes; a batch that would
    /// fails as [`Error::DiskFull`] and stores nothing. `None` (default): no limit but the
    /// disk's.
    pub max_size_bytes: Option<u64>,
}

impl Default for SqliteOptions {
    fn default() -> Self {
        SqliteOptions {
            busy_timeout: Duration::from_secs(5),
            create: true,
            max_size_bytes: None,
        }
    }
}

/// The embedded store: one SQLite file in WAL mode, safe to share between processes (each
/// batch takes the write lock for its transaction; readers never wait for writers).
///
/// Opening creates the file if needed and brings its schema up to [`SCHEMA_VERSION`].
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
    pipeline: Option<String>,
}

impl SqliteStore {
    /// Opens the store at `path`, creating it if missing, with the default options.
    pub fn open(path: &Path) -> Result<SqliteStore> {
        SqliteStore::open_with(path, &SqliteOptions::default())
    }

    /// Opens the store at `path` with `options`.
    pub fn open_with(path: &Path, options: &SqliteOptions) -> Result<SqliteStore> {
        if !options.create && !path.exists() {
            return Err(Error::Missing {
                path: path.to_path_buf(),
            });
        }
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if options.create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let conn = Connection::open_with_flags(path, flags).at(path)?;
        SqliteStore::setup(conn, path.to_path_buf(), options)
    }

    /// Opens an existing store for reading only, as the dashboard does: nothing is created,
    /// migrated or written, and every write fails. The database must already have this
    /// build's schema ([`Error::OlderSchema`] otherwise, [`Error::Missing`] when absent).
    pub fn open_read_only(path: &Path) -> Result<SqliteStore> {
        if !path.exists() {
            return Err(Error::Missing {
                path: path.to_path_buf(),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).at(path)?;
        conn.busy_timeout(SqliteOptions::default().busy_timeout)
            .at(path)?;
        migrate::check_identity(&conn, path)?;
        let found = migrate::user_version(&conn, path)?;
        if found > SCHEMA_VERSION {
            return Err(Error::NewerSchema {
                path: path.to_path_buf(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if found < SCHEMA_VERSION {
            return Err(Error::OlderSchema {
                path: path.to_path_buf(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        conn.pragma_update(None, "query_only", true).at(path)?;
        Ok(SqliteStore {
            conn,
            path: path.to_path_buf(),
            pipeline: None,
        })
    }

    /// A store held in memory, gone when dropped (for tests and one-off runs).
    pub fn open_in_memory() -> Result<SqliteStore> {
        let path = PathBuf::from(IN_MEMORY);
        let conn = Connection::open_in_memory().at(&path)?;
        SqliteStore::setup(conn, path, &SqliteOptions::default())
    }

    fn setup(mut conn: Connection, path: PathBuf, options: &SqliteOptions) -> Result<SqliteStore> {
        conn.busy_timeout(options.busy_timeout).at(&path)?;
        migrate::check_identity(&conn, &path)?;
        // In memory the journal mode stays "memory"; the answer is not checked.
        let _mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
            .at(&path)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .at(&path)?;
        conn.pragma_update(None, "foreign_keys", true).at(&path)?;
        let version = migrate::migrate(&mut conn, &path)?;
        if let Some(bytes) = options.max_size_bytes {
            let page_size: u64 = conn
                .pragma_query_value(None, "page_size", |row| row.get(0))
                .at(&path)?;
            let pages = (bytes / page_size.max(1)).max(1);
            conn.pragma_update(None, "max_page_count", pages)
                .at(&path)?;
        }
        tracing::debug!(path = %path.display(), version, "opened store");
        Ok(SqliteStore {
            conn,
            path,
            pipeline: None,
        })
    }

    /// The database file (`:memory:` for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Records `pipeline` (stage names and versions) with every document stored from now on.
    pub fn set_pipeline(&mut self, pipeline: impl Into<String>) {
        self.pipeline = Some(pipeline.into());
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        migrate::user_version(&self.conn, &self.path)
    }
}

impl Store for SqliteStore {
    fn has_document(&self, content_hash: &str) -> Result<bool> {
        read::has_document(&self.conn, &self.path, content_hash)
    }

    fn put_batch(&mut self, batch: &[Analysis]) -> Result<PutSummary> {
        write::put_batch(&mut self.conn, &self.path, self.pipeline.as_deref(), batch)
    }

    fn query(&self, query: &EventQuery) -> Result<Vec<StoredEvent>> {
        read::query(&self.conn, &self.path, query)
    }

    fn merged_event(&self, id: &str) -> Result<Option<MergedEvent>> {
        read::merged_event(&self.conn, &self.path, id)
    }

    fn stats(&self) -> Result<StoreStats> {
        read::stats(&self.conn, &self.path)
    }

    fn document(&self, id: &str) -> Result<Option<Analysis>> {
        read::document(&self.conn, &self.path, id)
    }

    fn actor_network(
        &self,
        query: &EventQuery,
        level: ActorLevel,
        limit: usize,
    ) -> Result<Vec<NetworkEdge>> {
        SqliteStore::actor_network(self, query, level, limit)
    }

    fn actors(&self, limit: usize) -> Result<Vec<ActorCount>> {
        SqliteStore::actors(self, limit)
    }

    fn documents(&self, words: Option<&str>, limit: usize, offset: usize) -> Result<DocumentPage> {
        SqliteStore::documents(self, words, limit, offset)
    }

    fn event_map(&self, query: &EventQuery, places: usize) -> Result<EventMap> {
        SqliteStore::event_map(self, query, places)
    }
}
