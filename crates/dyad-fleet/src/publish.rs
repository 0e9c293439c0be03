//! Publishing articles to the article stream, with their content hash as message id.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use async_nats::jetstream::{self, context::PublishAckFuture};
use async_nats::HeaderMap;
use dyad_types::Document;
use serde::Serialize;

use crate::{article_stream, backoff, nats_error, Result, ARTICLE_SUBJECT};

/// Acknowledgements awaited at once: publishing does not wait for each article's.
const IN_FLIGHT: usize = 256;

/// How long one article may keep failing to publish (a server down) before publishing
/// stops with an error.
const GIVE_UP_AFTER: Duration = Duration::from_secs(120);

/// What a [`publish`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct PublishSummary {
    /// Articles read and sent.
    pub sent: u64,
    /// Articles the stream stored.
    pub published: u64,
    /// Articles the stream dropped as already published within its duplicate window.
    pub duplicates: u64,
    /// Publications retried after a failure (a server restarting).
    pub retries: u64,
}

/// An article on its way, kept until the stream acknowledged it so it can be sent again.
struct Pending {
    key: String,
    payload: bytes::Bytes,
    ack: PublishAckFuture,
}

/// Publishes `docs` to the article stream of the NATS server at `url` (created when
/// missing). Each article's message id is its content hash, so that publishing a corpus
/// again adds nothing. A failed publication (a server restarting) is retried with backoff,
/// with the same message id. `progress` is told the totals now and then.
pub async fn publish(
    url: &str,
    docs: impl IntoIterator<Item = Document>,
    mut progress: impl FnMut(&PublishSummary),
) -> Result<PublishSummary> {
    let client = crate::connect(url, "dyad publish").await?;
    let js = jetstream::new(client.clone());
    crate::with_setup_retries(|| article_stream(&js, url)).await?;
    let mut summary = PublishSummary::default();
    let mut pending: VecDeque<Pending> = VecDeque::with_capacity(IN_FLIGHT);
    for doc in docs {
        let key = doc.store_key();
        let payload = bytes::Bytes::from(
            serde_json::to_vec(&doc).map_err(|e| nats_error(url, "cannot encode article", e))?,
        );
        let ack = send(&js, url, &key, payload.clone(), &mut summary).await?;
        summary.sent += 1;
        pending.push_back(Pending { key, payload, ack });
        if pending.len() >= IN_FLIGHT {
            if let Some(oldest) = pending.pop_front() {
                settle(&js, url, oldest, &mut summary).await?;
            }
            if summary.sent % 1000 == 0 {
                progress(&summary);
            }
        }
    }
    while let Some(oldest) = pending.pop_front() {
        settle(&js, url, oldest, &mut summary).await?;
    }
    client
        .flush()
        .await
        .map_err(|e| nats_error(url, "cannot flush", e))?;
    progress(&summary);
    Ok(summary)
}

/// Sends one article, retrying while the server cannot take it.
async fn send(
    js: &jetstream::Context,
    url: &str,
    key: &str,
    payload: bytes::Bytes,
    summary: &mut PublishSummary,
) -> Result<PublishAckFuture> {
    let started = Instant::now();
    let mut attempt = 0;
    loop {
        let mut headers = HeaderMap::new();
        headers.insert(async_nats::header::NATS_MESSAGE_ID, key);
        match js
            .publish_with_headers(ARTICLE_SUBJECT, headers, payload.clone())
            .await
        {
            Ok(ack) => return Ok(ack),
            Err(error) if started.elapsed() < GIVE_UP_AFTER => {
                tracing::warn!(%error, "publish failed; retrying");
                summary.retries += 1;
                tokio::time::sleep(backoff(attempt)).await;
                attempt += 1;
            }
            Err(error) => return Err(nats_error(url, "cannot publish", error)),
        }
    }
}

/// Waits for an article's acknowledgement, sending it again until the stream has it.
async fn settle(
    js: &jetstream::Context,
    url: &str,
    mut pending: Pending,
    summary: &mut PublishSummary,
) -> Result<()> {
    let started = Instant::now();
    let mut attempt = 0;
    loop {
        match pending.ack.await {
            Ok(ack) => {
                if ack.duplicate {
                    summary.duplicates += 1;
                } else {
                    summary.published += 1;
                }
                return Ok(());
            }
            Err(error) if started.elapsed() < GIVE_UP_AFTER => {
                tracing::warn!(%error, "publication not acknowledged; sending again");
                summary.retries += 1;
                tokio::time::sleep(backoff(attempt)).await;
                attempt += 1;
                pending.ack = send(js, url, &pending.key, pending.payload.clone(), summary).await?;
            }
            Err(error) => return Err(nats_error(url, "publication not acknowledged", error)),
        }
    }
}
