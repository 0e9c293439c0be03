//! [`PostgresStore`]: the store in a PostgreSQL database, for many writers on many machines
//! (the workers of `dyad worker`). The same tables and meaning as [`crate::SqliteStore`],
//! written by the same rules ([`crate::merge`]); its own migrations, versioned alike.

mod merging;
mod migrate;
mod overview;
mod read;
mod write;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use dyad_types::Analysis;
use postgres::{Client, NoTls};

use crate::error::Context;
use crate::overview::{ActorCount, ActorLevel, DocumentPage, EventMap, NetworkEdge};
use crate::{EventQuery, MergedEvent, PutSummary, Result, Store, StoreStats, StoredEvent};

/// How long connecting may take before it fails (and, for a worker, is retried).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// Whether `location` names a PostgreSQL database (`postgres://…` or `postgresql://…`)
/// rather than an SQLite file.
pub fn is_postgres_url(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

/// `url` without its password, as errors and logs show it.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, tail) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    match authority.rsplit_once('@') {
        Some((user_info, host)) => {
            let user = user_info.split(':').next().unwrap_or("");
            let hidden = if user_info.contains(':') { ":***" } else { "" };
            format!("{scheme}://{user}{hidden}@{host}{tail}")
        }
        None => url.to_string(),
    }
}

/// The store in a PostgreSQL database. Any number of processes may write to it at once:
/// each batch is one transaction, writers take turns for the merging step (a transaction
/// advisory lock), and documents are keyed by content hash, so a batch stored twice (a
/// redelivered message) adds nothing.
///
/// A lost connection fails the operation under way with an error whose
/// [`Error::is_transient`](crate::Error::is_transient) is true; the next operation
/// connects again.
pub struct PostgresStore {
    url: String,
    label: PathBuf,
    client: Mutex<Option<Connection>>,
    pipeline: Option<String>,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore")
            .field("url", &self.label)
            .finish_non_exhaustive()
    }
}

impl PostgresStore {
    /// Connects to the database at `url` (`postgres://user:password@host:port/name`) and
    /// brings its schema up to [`crate::SCHEMA_VERSION`] (creating the tables in an empty
    /// database).
    pub fn connect(url: &str) -> Result<PostgresStore> {
        let label = PathBuf::from(redact_url(url));
        let mut client = connect(url, &label)?;
        migrate::migrate(&mut client, &label)?;
        Ok(PostgresStore {
            url: url.to_string(),
            label,
            client: Mutex::new(Some(Connection::new(client))),
            pipeline: None,
        })
    }

    /// Connects to the database at `url` for reading: nothing is created or migrated, and
    /// the schema must be this build's.
    pub fn connect_read_only(url: &str) -> Result<PostgresStore> {
        let label = PathBuf::from(redact_url(url));
        let mut client = connect(url, &label)?;
        migrate::check_current(&mut client, &label)?;
        Ok(PostgresStore {
            url: url.to_string(),
            label,
            client: Mutex::new(Some(Connection::new(client))),
            pipeline: None,
        })
    }

    /// The database URL without its password.
    pub fn path(&self) -> &Path {
        &self.label
    }

    /// Records `pipeline` (stage names and versions) with every document stored from now on.
    pub fn set_pipeline(&mut self, pipeline: impl Into<String>) {
        self.pipeline = Some(pipeline.into());
    }

    /// The schema version of the database.
    pub fn schema_version(&self) -> Result<u32> {
        self.with(migrate::version)
    }

    /// Runs `f` with the client, connecting again first if the connection was lost.
    fn with<T>(&self, f: impl FnOnce(&mut Client, &Path) -> Result<T>) -> Result<T> {
        self.with_connection(|connection, label| f(&mut connection.client, label))
    }

    /// Runs `f` with the connection (client and prepared statements), connecting again
    /// first if it was lost.
    fn with_connection<T>(&self, f: impl FnOnce(&mut Connection, &Path) -> Result<T>) -> Result<T> {
        let mut guard: MutexGuard<'_, Option<Connection>> =
            self.client.lock().unwrap_or_else(|e| e.into_inner());
        if guard.as_ref().is_none_or(|c| c.client.is_closed()) {
            *guard = None;
            *guard = Some(Connection::new(connect(&self.url, &self.label)?));
            tracing::info!(url = %self.label.display(), "connected to the database again");
        }
        let connection = guard.as_mut().expect("connected above");
        let result = f(connection, &self.label);
        if let Err(error) = &result {
            if error.is_transient() && connection.client.is_closed() {
                *guard = None;
            }
        }
        result
    }
}

/// A connection and the statements prepared on it (they live as long as it does).
struct Connection {
    /// The statements of [`write::put_batch`], prepared on the first batch.
    writing: Option<write::Statements>,
    client: Client,
}

impl Connection {
    fn new(client: Client) -> Connection {
        Connection {
            client,
            writing: None,
        }
    }
}

fn connect(url: &str, label: &Path) -> Result<Client> {
    let mut config = url.parse::<postgres::Config>().at(label)?;
    config.connect_timeout(CONNECT_TIMEOUT);
    if config.get_application_name().is_none() {
        config.application_name("dyad");
    }
    config.connect(NoTls).at(label)
}

impl Store for PostgresStore {
    fn has_document(&self, content_hash: &str) -> Result<bool> {
        self.with(|client, label| read::has_document(client, label, content_hash))
    }

    fn stored_documents(&self, content_hashes: &[String]) -> Result<HashSet<String>> {
        let hashes: Vec<&str> = content_hashes.iter().map(String::as_str).collect();
        self.with(|client, label| read::stored_documents(client, label, &hashes))
    }

    fn put_batch(&mut self, batch: &[Analysis]) -> Result<PutSummary> {
        let pipeline = self.pipeline.clone();
        self.with_connection(|connection, label| {
            write::put_batch(
                &mut connection.client,
                &mut connection.writing,
                label,
                pipeline.as_deref(),
                batch,
            )
        })
    }

    fn query(&self, query: &EventQuery) -> Result<Vec<StoredEvent>> {
        self.with(|client, label| read::query(client, label, query))
    }

    fn merged_event(&self, id: &str) -> Result<Option<MergedEvent>> {
        self.with(|client, label| read::merged_event(client, label, id))
    }

    fn stats(&self) -> Result<StoreStats> {
        self.with(read::stats)
    }

    fn document(&self, id: &str) -> Result<Option<Analysis>> {
        self.with(|client, label| read::document(client, label, id))
    }

    fn actor_network(
        &self,
        query: &EventQuery,
        level: ActorLevel,
        limit: usize,
    ) -> Result<Vec<NetworkEdge>> {
        self.with(|client, label| overview::actor_network(client, label, query, level, limit))
    }

    fn actors(&self, limit: usize) -> Result<Vec<ActorCount>> {
        self.with(|client, label| overview::actors(client, label, limit))
    }

    fn documents(&self, words: Option<&str>, limit: usize, offset: usize) -> Result<DocumentPage> {
        self.with(|client, label| overview::documents(client, label, words, limit, offset))
    }

    fn event_map(&self, query: &EventQuery, places: usize) -> Result<EventMap> {
        self.with(|client, label| overview::event_map(client, label, query, places))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_lose_their_password() {
        assert_eq!(
            redact_url("postgres://dyad:s3cret@db.example:5432/events?sslmode=disable"),
            "postgres://dyad:***@db.example:5432/events?sslmode=disable"
        );
        assert_eq!(
            redact_url("postgres://dyad@db/events"),
            "postgres://dyad@db/events"
        );
        assert_eq!(redact_url("postgresql://db/x"), "postgresql://db/x");
        assert!(is_postgres_url("postgresql://db/x") && !is_postgres_url("dyad.db"));
    }
}
