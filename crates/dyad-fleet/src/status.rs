//! The state of a fleet: the backlog, the messages in flight, the dead letters, each
//! worker's counts, and what the store holds.

use std::time::Duration;

use async_nats::jetstream;
use futures::StreamExt;
use serde::Serialize;

use crate::worker::WorkerReport;
use crate::{
    nats_error, Result, ARTICLE_STREAM, CONSUMER, DEAD_LETTER_STREAM, WORKER_STREAM,
    WORKER_SUBJECT_PREFIX,
};

/// A worker's report older than this is shown as silent (a worker that died without
/// saying so, or is stuck).
pub const SILENT_AFTER: Duration = Duration::from_secs(120);

/// What `dyad status` shows.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct FleetStatus {
    /// Articles held by the article stream (delivered or not).
    pub articles_in_stream: u64,
    /// Articles not yet delivered to any worker: the backlog.
    pub backlog: u64,
    /// Articles delivered to a worker and not yet acknowledged.
    pub in_flight: u64,
    /// Deliveries that were redeliveries (a worker died, was too slow, or failed).
    pub redelivered: u64,
    /// Articles in the dead-letter stream.
    pub dead_letters: u64,
    /// The workers' last reports, by name.
    pub workers: Vec<WorkerReport>,
    /// Documents in the store, when a store was given.
    pub stored_documents: Option<u64>,
    /// Event reports in the store, when a store was given.
    pub stored_events: Option<u64>,
}

/// Reads the fleet's state from the NATS server at `url` and, if `db` is given, the store.
pub async fn status(url: &str, db: Option<&str>) -> Result<FleetStatus> {
    let client = async_nats::ConnectOptions::new()
        .name("dyad status")
        .connection_timeout(Duration::from_secs(5))
        .connect(url)
        .await
        .map_err(|e| nats_error(url, "cannot connect", e))?;
    let js = jetstream::new(client);
    let mut status = FleetStatus::default();
    if let Ok(mut stream) = js.get_stream(ARTICLE_STREAM).await {
        let info = stream
            .info()
            .await
            .map_err(|e| nats_error(url, "cannot read the article stream", e))?;
        status.articles_in_stream = info.state.messages;
        match stream
            .get_consumer::<jetstream::consumer::pull::Config>(CONSUMER)
            .await
        {
            Ok(mut consumer) => {
                let info = consumer
                    .info()
                    .await
                    .map_err(|e| nats_error(url, "cannot read the workers' consumer", e))?;
                status.backlog = info.num_pending;
                status.in_flight = info.num_ack_pending as u64;
                status.redelivered = info.num_redelivered as u64;
            }
            // No worker ever started: everything is backlog.
            Err(_) => status.backlog = status.articles_in_stream,
        }
    }
    if let Ok(mut stream) = js.get_stream(DEAD_LETTER_STREAM).await {
        if let Ok(info) = stream.info().await {
            status.dead_letters = info.state.messages;
        }
    }
    if let Ok(stream) = js.get_stream(WORKER_STREAM).await {
        let filter = format!("{WORKER_SUBJECT_PREFIX}.>");
        let mut subjects = Vec::new();
        if let Ok(mut found) = stream.info_with_subjects(&filter).await {
            while let Some(Ok((subject, _))) = found.next().await {
                subjects.push(subject);
            }
        }
        for subject in subjects {
            if let Ok(message) = stream.get_last_raw_message_by_subject(&subject).await {
                if let Ok(report) = serde_json::from_slice::<WorkerReport>(&message.payload) {
                    status.workers.push(report);
                }
            }
        }
    }
    status.workers.sort_by(|a, b| a.name.cmp(&b.name));
    if let Some(db) = db {
        let db = db.to_string();
        let stats = tokio::task::spawn_blocking(move || {
            dyad_store::open_read_only(&db).and_then(|store| store.stats())
        })
        .await
        .expect("reading the store does not panic")?;
        status.stored_documents = Some(stats.documents);
        status.stored_events = Some(stats.events);
    }
    Ok(status)
}

/// Whether a worker's last report is older than [`SILENT_AFTER`] while it says it runs.
pub fn is_silent(report: &WorkerReport, now: chrono::DateTime<chrono::Utc>) -> bool {
    report.state == "running"
        && chrono::DateTime::parse_from_rfc3339(&report.updated)
            .map(|t| now.signed_duration_since(t.with_timezone(&chrono::Utc)))
            .is_ok_and(|age| age.to_std().unwrap_or_default() > SILENT_AFTER)
}

impl FleetStatus {
    /// The status as people read it.
    pub fn to_table(&self) -> String {
        let mut out = String::new();
        let mut line = |s: String| {
            out.push_str(&s);
            out.push('\n');
        };
        line(format!(
            "backlog      {:>10}  articles waiting for a worker",
            self.backlog
        ));
        line(format!(
            "in flight    {:>10}  delivered, not yet stored",
            self.in_flight
        ));
        line(format!(
            "dead letters {:>10}  articles given up on (see {})",
            self.dead_letters,
            crate::DEAD_LETTER_SUBJECT
        ));
        line(format!(
            "redelivered  {:>10}  deliveries that were retries",
            self.redelivered
        ));
        line(format!(
            "in stream    {:>10}  articles held by {}",
            self.articles_in_stream, ARTICLE_STREAM
        ));
        if let (Some(docs), Some(events)) = (self.stored_documents, self.stored_events) {
            line(format!(
                "stored       {docs:>10}  documents, {events} event reports"
            ));
        }
        if self.workers.is_empty() {
            line("workers: none has reported yet".to_string());
        } else {
            line(format!(
                "{:<28} {:>8} {:>7} {:>9} {:>9} {:>6} {:>10}  {}",
                "worker", "state", "threads", "articles", "events", "dead", "art./s", "updated"
            ));
            let now = chrono::Utc::now();
            for w in &self.workers {
                let state = if is_silent(w, now) {
                    "silent"
                } else {
                    w.state.as_str()
                };
                line(format!(
                    "{:<28} {:>8} {:>7} {:>9} {:>9} {:>6} {:>10.2}  {}",
                    w.name,
                    state,
                    w.threads,
                    w.articles,
                    w.events_added,
                    w.dead_letters,
                    w.articles_per_second,
                    w.updated
                ));
            }
        }
        out
    }
}
