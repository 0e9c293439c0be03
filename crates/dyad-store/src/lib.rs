//! The dyad event store: analysed articles and their coded events, queryable by actor, dyad,
//! event code, quad class, mode, date and text.
//!
//! [`Store`] is the contract every backend keeps; [`SqliteStore`] is the embedded one, a
//! single SQLite file, and [`PostgresStore`] the one many workers share (`dyad worker`);
//! [`open`] picks one by the database location. Documents are keyed by the content hash of their text, so storing
//! the same article twice is a no-op and an interrupted ingest resumes by running it again.
//! Each [`Store::put_batch`] is one transaction. [`EventQuery`] selects events, returned as
//! [`StoredEvent`]s with their evidence sentence; [`StoreStats`] counts what is stored.
//!
//! ```
//! use dyad_store::{EventQuery, SqliteStore, Store};
//! use dyad_types::{Actor, Analysis, Document, Event, Sentence};
//!
//! let mut analysis = Analysis::new(Document::from_text("Venezuela accused the US of piracy."));
//! analysis.sentences.push(Sentence { start: 0, end: 35, first_token: 0, last_token: 0 });
//! analysis.events.push(Event {
//!     id: "e1".into(),
//!     source: Actor { text: "Venezuela".into(), code: Some("VEN".into()), ..Actor::default() },
//!     target: Some(Actor { text: "US".into(), code: Some("USA".into()), ..Actor::default() }),
//!     cameo: "112".into(),
//!     quad_class: 3,
//!     ..Event::default()
//! });
//!
//! let mut store = SqliteStore::open_in_memory()?;
//! let summary = store.put_batch(&[analysis.clone()])?;
//! assert_eq!(summary.events_added, 1);
//! assert_eq!(store.put_batch(&[analysis])?.documents_skipped, 1);
//!
//! let query = EventQuery { dyad: Some(("usa".into(), "VEN".into())), ..EventQuery::default() };
//! let events = store.query(&query)?;
//! assert_eq!(events[0].evidence, "Venezuela accused the US of piracy.");
//! # Ok::<(), dyad_store::Error>(())
//! ```
#![warn(missing_docs)]

mod error;
pub mod merge;
pub mod overview;
mod query;
mod stats;
mod store;
mod stored_event;
mod stores;
pub mod trend;

pub use error::{Error, Result};
pub use overview::{
    ActorCount, ActorLevel, CountryEvents, DocumentPage, DocumentSummary, EventMap, NetworkEdge,
    PlaceEvents,
};
pub use query::{EventQuery, Sort};
pub use stats::StoreStats;
pub use store::{PutSummary, Store};
pub use stored_event::{MergedEvent, StoredEvent};
pub use stores::postgres::{is_postgres_url, redact_url, PostgresStore};
pub use stores::sqlite::{SqliteOptions, SqliteStore, SCHEMA_VERSION};

/// Opens the store at `location`: a PostgreSQL database for a `postgres://…` URL (its
/// schema created or brought up to date), else the SQLite file at that path, opened with
/// `options`.
pub fn open(location: &str, options: &SqliteOptions) -> Result<Box<dyn Store + Send>> {
    if is_postgres_url(location) {
        Ok(Box::new(PostgresStore::connect(location)?))
    } else {
        Ok(Box::new(SqliteStore::open_with(
            std::path::Path::new(location),
            options,
        )?))
    }
}

/// Opens the store at `location` for reading only, as the dashboard does: nothing is
/// created or migrated, and the schema must be this build's.
pub fn open_read_only(location: &str) -> Result<Box<dyn Store + Send>> {
    if is_postgres_url(location) {
        Ok(Box::new(PostgresStore::connect_read_only(location)?))
    } else {
        Ok(Box::new(SqliteStore::open_read_only(
            std::path::Path::new(location),
        )?))
    }
}
