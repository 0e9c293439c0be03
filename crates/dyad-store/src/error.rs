//! The store's error type. Every message is one line naming the database file.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

/// A store result.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong with a store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The database file could not be created (missing or unwritable directory).
    #[error("cannot create database at {}: {reason}", path.display())]
    CannotCreate {
        /// The database file.
        path: PathBuf,
        /// Why, in a few lowercase words ("permission denied").
        reason: String,
    },
    /// The database exists but cannot be opened for writing.
    #[error("cannot write database {}: {reason}", path.display())]
    ReadOnly {
        /// The database file.
        path: PathBuf,
        /// Why, in a few lowercase words.
        reason: String,
    },
    /// The disk (or the database's size limit) is full. Nothing of the failed transaction is
    /// stored; what was committed before is intact.
    #[error(
        "database {}: disk full; nothing of this batch was stored and what was stored before \
         is intact: free some space and run again",
        path.display()
    )]
    DiskFull {
        /// The database file.
        path: PathBuf,
    },
    /// The database was asked to exist and does not.
    #[error("database {} does not exist", path.display())]
    Missing {
        /// The database file.
        path: PathBuf,
    },
    /// Another connection holds a lock longer than the busy timeout.
    #[error("database {} is locked by another process", path.display())]
    Locked {
        /// The database file.
        path: PathBuf,
    },
    /// The file is not an SQLite database, is one of another program, or is damaged.
    #[error("{} is not a dyad database or is corrupt", path.display())]
    NotADatabase {
        /// The database file.
        path: PathBuf,
    },
    /// The database was written by a newer dyad whose schema this build does not know.
    #[error(
        "database {} has schema version {found}, newer than the version {supported} this build \
         of dyad knows: upgrade dyad",
        path.display()
    )]
    NewerSchema {
        /// The database file.
        path: PathBuf,
        /// The version found in the file.
        found: u32,
        /// The newest version this build knows.
        supported: u32,
    },
    /// The database has an older schema and was opened read-only, so it cannot be upgraded.
    #[error(
        "database {} has schema version {found}, older than the version {supported} this build \
         reads: run `dyad query --db {} --limit 1` once to \
         upgrade it",
        path.display(),
        path.display()
    )]
    OlderSchema {
        /// The database file.
        path: PathBuf,
        /// The version found in the file.
        found: u32,
        /// The version this build reads.
        supported: u32,
    },
    /// An event that cannot be stored faithfully (a repeated id, a number that is not
    /// finite); the batch holding it is not stored.
    #[error(
        "database {}: event {event} of document {document} cannot be stored: {reason}",
        path.display()
    )]
    InvalidEvent {
        /// The database file.
        path: PathBuf,
        /// The document's id.
        document: String,
        /// The event's id.
        event: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A record could not be encoded, or a stored one decoded.
    #[error("database {}: bad stored record: {source}", path.display())]
    Record {
        /// The database file.
        path: PathBuf,
        /// The JSON error.
        source: serde_json::Error,
    },
    /// Any other SQLite failure.
    #[error("database {}: {source}", path.display())]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// The SQLite error.
        source: rusqlite::Error,
    },
    /// A PostgreSQL failure: the server cannot be reached, the connection was lost, or a
    /// statement failed. [`Error::is_transient`] tells whether trying again may succeed.
    #[error("database {}: {}", path.display(), postgres_message(source))]
    Postgres {
        /// The database URL, without its password.
        path: PathBuf,
        /// The PostgreSQL error.
        source: postgres::Error,
    },
}

/// A PostgreSQL error in one line: the server's message with its SQLSTATE code, else the
/// client's.
fn postgres_message(error: &postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => format!("{} (SQLSTATE {})", db.message(), db.code().code()),
        None => {
            let mut message = error.to_string();
            let mut source = std::error::Error::source(error);
            while let Some(cause) = source {
                message = format!("{message}: {cause}");
                source = cause.source();
            }
            message
        }
    }
}

impl Error {
    /// The database file the error is about (`:memory:` for in-memory stores).
    pub fn path(&self) -> &Path {
        match self {
            Error::CannotCreate { path, .. }
            | Error::ReadOnly { path, .. }
            | Error::Missing { path }
            | Error::DiskFull { path }
            | Error::Locked { path }
            | Error::NotADatabase { path }
            | Error::NewerSchema { path, .. }
            | Error::OlderSchema { path, .. }
            | Error::InvalidEvent { path, .. }
            | Error::Record { path, .. }
            | Error::Sqlite { path, .. }
            | Error::Postgres { path, .. } => path,
        }
    }

    /// Whether the same operation may succeed if tried again later: a lock held too long,
    /// a PostgreSQL server that is unreachable, restarting or dropped the connection, or a
    /// transaction that lost a conflict. Nothing of a failed batch was stored, so a
    /// caller may retry it as it is.
    pub fn is_transient(&self) -> bool {
        match self {
            Error::Locked { .. } => true,
            Error::Postgres { source, .. } => match source.code() {
                // No SQLSTATE: the connection itself failed (refused, reset, closed).
                None => true,
                Some(code) => {
                    let code = code.code();
                    // 08: connection exception; 57P0x: shutdown, crash, cannot connect
                    // now; 40001/40P01: serialization failure, deadlock; 53: out of
                    // resources.
                    code.starts_with("08")
                        || code.starts_with("57P")
                        || code.starts_with("53")
                        || code == "40001"
                        || code == "40P01"
                }
            },
            _ => false,
        }
    }

    /// Maps an SQLite error on the database at `path` to the kind a user can act on.
    pub(crate) fn from_sqlite(path: &Path, source: rusqlite::Error) -> Error {
        let path = path.to_path_buf();
        match source.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Locked { path },
            Some(ErrorCode::DiskFull) => Error::DiskFull { path },
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
                Error::NotADatabase { path }
            }
            Some(ErrorCode::ReadOnly) => Error::ReadOnly {
                path,
                reason: "read-only file or directory".to_string(),
            },
            Some(ErrorCode::CannotOpen) => {
                let reason = crate::stores::sqlite::probe::why_unopenable(&path);
                if path.exists() {
                    Error::ReadOnly { path, reason }
                } else {
                    Error::CannotCreate { path, reason }
                }
            }
            _ => Error::Sqlite { path, source },
        }
    }
}

/// Adds the database path to SQLite and JSON results.
pub(crate) trait Context<T> {
    /// Attaches `path` to the error, mapping it to its kind.
    fn at(self, path: &Path) -> Result<T>;
}

impl<T> Context<T> for std::result::Result<T, rusqlite::Error> {
    fn at(self, path: &Path) -> Result<T> {
        self.map_err(|e| Error::from_sqlite(path, e))
    }
}

impl<T> Context<T> for std::result::Result<T, postgres::Error> {
    fn at(self, path: &Path) -> Result<T> {
        self.map_err(|source| Error::Postgres {
            path: path.to_path_buf(),
            source,
        })
    }
}

impl<T> Context<T> for std::result::Result<T, serde_json::Error> {
    fn at(self, path: &Path) -> Result<T> {
        self.map_err(|source| Error::Record {
            path: path.to_path_buf(),
            source,
        })
    }
}
