//! Scale-out: articles travel through NATS JetStream, any number of workers code them and
//! store the events in one PostgreSQL database.
//!
//! - [`publish`] puts articles on the stream [`ARTICLE_STREAM`], each with its content hash
//!   ([`dyad_types::Document::store_key`]) as `Nats-Msg-Id`, so that JetStream drops a
//!   republished article within its duplicate window, and the store (keyed by the same
//!   hash) adds nothing for one republished later.
//! - [`worker`] is one worker: it pulls batches from the durable consumer [`CONSUMER`]
//!   shared by all workers (each message goes to one of them), codes them, stores each
//!   batch in one transaction and acknowledges its messages only after the commit. A
//!   worker that dies leaves its messages unacknowledged: JetStream redelivers them to
//!   another after the acknowledgement wait. Articles that keep failing go to the
//!   dead-letter stream [`DEAD_LETTER_STREAM`] with the error ([`dead_letter`]).
//! - [`status`] tells the backlog, the messages in flight, the dead letters and each
//!   worker's throughput (workers report to the stream [`WORKER_STREAM`]).
#![warn(missing_docs)]

pub mod dead_letter;
pub mod publish;
pub mod status;
pub mod worker;

use std::time::Duration;

use async_nats::jetstream::{self, stream};

/// The JetStream stream holding the articles to code.
pub const ARTICLE_STREAM: &str = "DYAD_ARTICLES";
/// The subject articles are published on.
pub const ARTICLE_SUBJECT: &str = "dyad.articles";
/// The durable pull consumer every worker shares.
pub const CONSUMER: &str = "dyad-workers";
/// The stream keeping dead letters: articles that could not be coded and stored.
pub const DEAD_LETTER_STREAM: &str = "DYAD_DEAD_LETTERS";
/// The subject dead letters are published on.
pub const DEAD_LETTER_SUBJECT: &str = "dyad.dead";
/// The stream where each worker reports its counts (the last report per worker is kept).
pub const WORKER_STREAM: &str = "DYAD_WORKERS";
/// The subjects of worker reports: this, a dot, the worker's name.
pub const WORKER_SUBJECT_PREFIX: &str = "dyad.workers";
/// How long JetStream remembers a message id to drop a republished article.
pub const DUPLICATE_WINDOW: Duration = Duration::from_secs(10 * 60);

/// A fleet error, one line.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The NATS server cannot be reached or refused a request.
    #[error("NATS {url}: {message}")]
    Nats {
        /// The server URL.
        url: String,
        /// What failed.
        message: String,
    },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] dyad_store::Error),
    /// The analysis pipeline could not be set up.
    #[error("cannot set up the analysis: {0}")]
    Pipeline(String),
}

/// A fleet result.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Adds the server URL to a NATS error.
pub(crate) fn nats_error(url: &str, context: &str, error: impl std::fmt::Display) -> Error {
    Error::Nats {
        url: url.to_string(),
        message: format!("{context}: {error}"),
    }
}

/// Connects to the NATS server at `url`, retrying (and reconnecting later) forever: a
/// server that restarts is waited for.
pub async fn connect(url: &str, name: &str) -> Result<async_nats::Client> {
    async_nats::ConnectOptions::new()
        .name(name)
        .retry_on_initial_connect()
        .max_reconnects(None)
        .connection_timeout(Duration::from_secs(5))
        .connect(url)
        .await
        .map_err(|e| nats_error(url, "cannot connect", e))
}

/// The article stream, created with file storage when missing.
pub async fn article_stream(js: &jetstream::Context, url: &str) -> Result<stream::Stream> {
    js.get_or_create_stream(stream::Config {
        name: ARTICLE_STREAM.to_string(),
        subjects: vec![ARTICLE_SUBJECT.to_string()],
        storage: stream::StorageType::File,
        duplicate_window: DUPLICATE_WINDOW,
        ..Default::default()
    })
    .await
    .map_err(|e| nats_error(url, "cannot open the article stream", e))
}

/// The dead-letter stream, created with file storage when missing.
pub async fn dead_letter_stream(js: &jetstream::Context, url: &str) -> Result<stream::Stream> {
    js.get_or_create_stream(stream::Config {
        name: DEAD_LETTER_STREAM.to_string(),
        subjects: vec![DEAD_LETTER_SUBJECT.to_string()],
        storage: stream::StorageType::File,
        duplicate_window: DUPLICATE_WINDOW,
        ..Default::default()
    })
    .await
    .map_err(|e| nats_error(url, "cannot open the dead-letter stream", e))
}

/// How often a set-up call to JetStream (opening a stream or the consumer) is tried before
/// its error is final: together about 16 s of waiting, for a server that is still starting
/// JetStream or is being restarted.
const SETUP_ATTEMPTS: u32 = 8;

/// Runs a JetStream set-up call, retrying it with [`backoff`] when it fails (a request
/// timed out while the server starts or restarts), up to [`SETUP_ATTEMPTS`] times.
pub async fn with_setup_retries<T, F, Fut>(call: F) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T>>,
{
    with_retries(SETUP_ATTEMPTS, call).await
}

/// Runs `call` up to `attempts` times, waiting [`backoff`] between failures; the last
/// error is returned.
async fn with_retries<T, F, Fut>(attempts: u32, mut call: F) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T>>,
{
    let mut attempt = 0;
    loop {
        match call().await {
            Ok(value) => return Ok(value),
            Err(error) if attempt + 1 < attempts => {
                tracing::warn!(%error, "retrying");
                tokio::time::sleep(backoff(attempt)).await;
                attempt += 1;
            }
            Err(error) => return Err(error),
        }
    }
}

/// The delay before the `attempt`-th retry (from 0): doubling from 100 ms up to 5 s.
pub fn backoff(attempt: u32) -> Duration {
    Duration::from_millis(100u64.saturating_mul(1 << attempt.min(6))).min(Duration::from_secs(5))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn set_up_calls_are_retried_then_fail_with_the_last_error() {
        let mut calls = 0;
        let value = with_retries(3, || {
            calls += 1;
            let n = calls;
            async move {
                if n < 3 {
                    Err(Error::Pipeline(format!("timed out {n}")))
                } else {
                    Ok(n)
                }
            }
        })
        .await;
        assert_eq!(value.ok(), Some(3));
        let mut calls = 0;
        let failed: Result<()> = with_retries(2, || {
            calls += 1;
            let n = calls;
            async move { Err(Error::Pipeline(format!("timed out {n}"))) }
        })
        .await;
        assert_eq!(calls, 2);
        assert!(failed.is_err_and(|e| e.to_string().contains("timed out 2")));
    }

    #[test]
    fn backoff_doubles_up_to_five_seconds() {
        assert_eq!(backoff(0), Duration::from_millis(100));
        assert_eq!(backoff(3), Duration::from_millis(800));
        assert_eq!(backoff(6), Duration::from_secs(5));
        assert_eq!(backoff(60), Duration::from_secs(5));
    }
}
