//! Dead letters: articles a worker gave up on, kept on [`crate::DEAD_LETTER_SUBJECT`] with
//! the original payload and, in headers, why.

use async_nats::jetstream::{self, AckKind};
use async_nats::HeaderMap;

use crate::{nats_error, Result, DEAD_LETTER_SUBJECT};

/// The header holding the error that made the article a dead letter.
pub const ERROR_HEADER: &str = "Dyad-Error";
/// The header holding how many times the article had been delivered.
pub const DELIVERIES_HEADER: &str = "Dyad-Deliveries";
/// The header naming the worker that gave up.
pub const WORKER_HEADER: &str = "Dyad-Worker";

/// Publishes `message`'s payload as a dead letter with `error`, then terminates the
/// message so that it is never delivered again. The dead letter keeps the article's
/// message id, so that a second worker giving up on it adds no second letter.
pub async fn send(
    js: &jetstream::Context,
    url: &str,
    worker: &str,
    message: &jetstream::Message,
    error: &str,
) -> Result<()> {
    let deliveries = message.info().map(|info| info.delivered).unwrap_or(0);
    let mut headers = HeaderMap::new();
    // One line, so that it fits a header.
    let error: String = error.replace(['\r', '\n'], " ");
    headers.insert(ERROR_HEADER, error.as_str());
    headers.insert(DELIVERIES_HEADER, deliveries.to_string().as_str());
    headers.insert(WORKER_HEADER, worker);
    if let Some(id) = message
        .headers
        .as_ref()
        .and_then(|h| h.get(async_nats::header::NATS_MESSAGE_ID))
    {
        headers.insert(async_nats::header::NATS_MESSAGE_ID, id.as_str());
    }
    js.publish_with_headers(DEAD_LETTER_SUBJECT, headers, message.payload.clone())
        .await
        .map_err(|e| nats_error(url, "cannot publish a dead letter", e))?
        .await
        .map_err(|e| nats_error(url, "dead letter not stored", e))?;
    message
        .ack_with(AckKind::Term)
        .await
        .map_err(|e| nats_error(url, "cannot terminate a dead message", e))?;
    tracing::warn!(worker, deliveries, error = %error, "article sent to the dead letters");
    Ok(())
}
