//! One worker: pulls batches of articles from the shared durable consumer, codes them,
//! stores each batch in one transaction and acknowledges its messages after the commit.
//! While a batch is stored (waiting on the database), the next one is coded (on the CPU);
//! batches are still stored one after the other, in the order they were fetched.
//!
//! Exactly once, whatever fails: a message is acknowledged only once its article is in
//! the store (or was found there), and storing is idempotent (documents keyed by content
//! hash), so a redelivery after a crash, a lost acknowledgement or a republication adds
//! nothing. The store being down is waited out with backoff while the messages' wait is
//! extended ("in progress"); the NATS server being down is waited out by reconnecting.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_nats::jetstream::{self, consumer::pull, AckKind};
use dyad_pipeline::Pipeline;
use dyad_store::{PutSummary, Store};
use dyad_types::{Analysis, Document};
use futures::StreamExt;
use serde::{Deserialize, Serialize};

use crate::{
    article_stream, backoff, dead_letter, nats_error, with_setup_retries, Result, CONSUMER,
    WORKER_STREAM, WORKER_SUBJECT_PREFIX,
};

/// How a worker runs.
#[derive(Debug, Clone)]
pub struct WorkerOptions {
    /// The NATS server.
    pub nats_url: String,
    /// The store: a `postgres://` URL (or an SQLite file, for trying things out).
    pub db: String,
    /// The worker's name in `dyad status` (default: host name and process id).
    pub name: String,
    /// Articles per batch (one transaction each).
    pub batch: usize,
    /// Analysis threads.
    pub threads: usize,
    /// Deliveries after which an article that still fails goes to the dead letters.
    pub max_deliveries: i64,
    /// How long a delivered message may stay unacknowledged before JetStream gives it to
    /// another worker (set when the consumer is created; workers extend it while busy).
    pub ack_wait: Duration,
    /// Stop once no message is left for any worker (for batch jobs and measurements).
    pub until_idle: bool,
}

impl Default for WorkerOptions {
    fn default() -> Self {
        WorkerOptions {
            nats_url: "nats://127.0.0.1:4222".to_string(),
            db: String::new(),
            name: default_name(),
            batch: 64,
            threads: 1,
            max_deliveries: 5,
            ack_wait: Duration::from_secs(60),
            until_idle: false,
        }
    }
}

/// `host-pid`.
pub fn default_name() -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .ok()
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "worker".to_string());
    format!("{host}-{}", std::process::id())
}

/// What a worker did, as it reports it to the worker stream and on exit.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct WorkerReport {
    /// Its name.
    pub name: String,
    /// Analysis threads.
    pub threads: usize,
    /// When it started (RFC 3339, UTC).
    pub started: String,
    /// When it last reported.
    pub updated: String,
    /// `running` or `stopped`.
    pub state: String,
    /// Batches stored.
    pub batches: u64,
    /// Messages acknowledged (articles stored, or found stored already).
    pub articles: u64,
    /// Documents this worker added to the store.
    pub documents_added: u64,
    /// Articles found stored already (redelivered or republished).
    pub documents_skipped: u64,
    /// Event reports added.
    pub events_added: u64,
    /// Articles sent to the dead letters.
    pub dead_letters: u64,
    /// Store operations retried after a transient failure.
    pub retries: u64,
    /// Seconds from its first message to its last acknowledgement.
    pub busy_seconds: f64,
    /// Articles per second over that time.
    pub articles_per_second: f64,
}

/// Runs a worker until `stop` is set (between batches: the batch under way is finished
/// and acknowledged first) or, with [`WorkerOptions::until_idle`], until no message is
/// left. `pipeline` codes the articles.
pub async fn run(
    options: &WorkerOptions,
    pipeline: Arc<Pipeline>,
    stop: Arc<AtomicBool>,
) -> Result<WorkerReport> {
    let url = options.nats_url.as_str();
    let client = crate::connect(url, &format!("dyad worker {}", options.name)).await?;
    let js = jetstream::new(client.clone());
    let stream = with_setup_retries(|| article_stream(&js, url)).await?;
    with_setup_retries(|| crate::dead_letter_stream(&js, url)).await?;
    let mut consumer: jetstream::consumer::PullConsumer = with_setup_retries(|| async {
        stream
            .get_or_create_consumer(
                CONSUMER,
                pull::Config {
                    durable_name: Some(CONSUMER.to_string()),
                    ack_policy: jetstream::consumer::AckPolicy::Explicit,
                    ack_wait: options.ack_wait,
                    max_ack_pending: 10_000,
                    ..Default::default()
                },
            )
            .await
            .map_err(|e| nats_error(url, "cannot open the workers' consumer", e))
    })
    .await?;
    let reports = report_stream(&js).await;
    let store = Arc::new(Mutex::new(StoreBox(Some(
        open_store(&options.db, &stop).await?,
    ))));
    let analysis = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(options.threads.max(1))
            .thread_name(|i| format!("dyad-analysis-{i}"))
            .build()
            .map_err(|e| crate::Error::Pipeline(e.to_string()))?,
    );
    let mut worker = Worker {
        options,
        js: js.clone(),
        store,
        pipeline,
        analysis,
        report: WorkerReport {
            name: options.name.clone(),
            threads: options.threads.max(1),
            started: now(),
            state: "running".to_string(),
            ..WorkerReport::default()
        },
        first_message: None,
    };
    let coder = Coder {
        store: worker.store.clone(),
        pipeline: worker.pipeline.clone(),
        analysis: worker.analysis.clone(),
        client: client.clone(),
        ack_wait: options.ack_wait,
        max_deliveries: options.max_deliveries,
    };
    tracing::info!(worker = %options.name, "waiting for articles");
    let mut attempt = 0;
    // After a full batch, take what is there at once; after a short one, wait up to a
    // second for a batch to fill (no busy loop while the stream is empty). Until idle, the
    // wait is short: what is left is held by other workers, and the worker stops soon
    // after they are done.
    let mut waiting = false;
    let wait = if options.until_idle {
        IDLE_POLL
    } else {
        Duration::from_secs(1)
    };
    // The batch coded last, stored while the next one is coded.
    let mut pending: Option<Coded> = None;
    loop {
        let stopping = stop.load(Ordering::SeqCst);
        let messages = if stopping {
            Vec::new()
        } else {
            match fetch(
                &consumer,
                options.batch.max(1),
                (waiting && pending.is_none()).then_some(wait),
            )
            .await
            {
                Ok(messages) => {
                    attempt = 0;
                    messages
                }
                Err(error) => {
                    tracing::warn!(%error, "cannot fetch articles; retrying");
                    if pending.is_none() {
                        tokio::time::sleep(backoff(attempt)).await;
                        attempt += 1;
                        continue;
                    }
                    Vec::new()
                }
            }
        };
        if messages.is_empty() && pending.is_none() {
            if stopping || (options.until_idle && idle(&mut consumer).await) {
                break;
            }
            waiting = true;
            continue;
        }
        waiting = messages.len() < options.batch.max(1) && !options.until_idle;
        // Checked against the store before the previous batch is stored: storing holds the
        // store for the whole batch, and the coding must not wait for it.
        let received = if messages.is_empty() {
            None
        } else {
            Some(receive(&coder, messages).await)
        };
        let coding = async {
            match received {
                Some(received) => Some(code(coder.clone(), received).await),
                None => None,
            }
        };
        let finishing = async {
            match pending.take() {
                Some(coded) => worker.finish(coded, &stop).await.map(|()| true),
                None => Ok(false),
            }
        };
        let (next, finished) = tokio::join!(coding, finishing);
        let finished = match finished {
            Ok(finished) => finished,
            Err(error) => {
                if let Some(next) = next {
                    // Not stored: back to the others at once.
                    next.keeper.abort();
                    for message in &next.messages {
                        let _ = message.ack_with(AckKind::Nak(None)).await;
                    }
                }
                return Err(error);
            }
        };
        pending = next;
        if finished && reports.is_some() {
            worker.publish_report().await;
        }
    }
    worker.report.state = "stopped".to_string();
    if reports.is_some() {
        worker.publish_report().await;
    }
    let _ = client.flush().await;
    Ok(worker.report)
}

/// How long a fetch may go without an answer from the server before it is given up (a
/// request sent as the server restarts is never answered) and retried.
const FETCH_PATIENCE: Duration = Duration::from_secs(5);

/// How long a worker running until idle waits for messages while other workers still
/// hold some (they may fail and hand them back) before it asks again whether all are done.
const IDLE_POLL: Duration = Duration::from_millis(100);

/// Up to `max` messages: those there now, or with `wait`, those arriving within it.
/// A fetch the server does not answer within [`FETCH_PATIENCE`] ends with what it has (an
/// error when nothing came), so a server restart cannot stall the worker.
async fn fetch(
    consumer: &jetstream::consumer::PullConsumer,
    max: usize,
    wait: Option<Duration>,
) -> std::result::Result<Vec<jetstream::Message>, String> {
    let deadline = tokio::time::Instant::now() + FETCH_PATIENCE;
    let request = async {
        if let Some(wait) = wait {
            consumer
                .batch()
                .max_messages(max)
                .expires(wait)
                .messages()
                .await
                .map_err(|e| e.to_string())
        } else {
            consumer
                .fetch()
                .max_messages(max)
                .messages()
                .await
                .map_err(|e| e.to_string())
        }
    };
    let mut batch = tokio::time::timeout_at(deadline, request)
        .await
        .map_err(|_| "the server did not answer the fetch".to_string())??;
    let mut messages = Vec::new();
    loop {
        match tokio::time::timeout_at(deadline, batch.next()).await {
            Ok(Some(Ok(message))) => messages.push(message),
            Ok(Some(Err(error))) => {
                tracing::debug!(%error, "fetch ended");
                break;
            }
            Ok(None) => break,
            Err(_) if messages.is_empty() => {
                return Err("the server did not answer the fetch".to_string());
            }
            Err(_) => break,
        }
    }
    Ok(messages)
}

/// Whether no message is left to deliver or awaiting acknowledgement.
async fn idle(consumer: &mut jetstream::consumer::PullConsumer) -> bool {
    match consumer.info().await {
        Ok(info) => info.num_pending == 0 && info.num_ack_pending == 0,
        Err(error) => {
            tracing::warn!(%error, "cannot read the consumer's state");
            false
        }
    }
}

/// The stream of worker reports, created when missing; `None` (reports are skipped) when
/// it cannot be.
async fn report_stream(js: &jetstream::Context) -> Option<()> {
    match js
        .get_or_create_stream(jetstream::stream::Config {
            name: WORKER_STREAM.to_string(),
            subjects: vec![format!("{WORKER_SUBJECT_PREFIX}.>")],
            max_messages_per_subject: 1,
            max_age: Duration::from_secs(7 * 24 * 3600),
            storage: jetstream::stream::StorageType::File,
            ..Default::default()
        })
        .await
    {
        Ok(_) => Some(()),
        Err(error) => {
            tracing::warn!(%error, "cannot open the worker report stream; counts are not reported");
            None
        }
    }
}

/// The subject a worker reports on: its name with the characters a subject token cannot
/// hold replaced.
pub fn report_subject(name: &str) -> String {
    let token: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{WORKER_SUBJECT_PREFIX}.{token}")
}

/// Opens the store, waiting with backoff while it is unreachable.
async fn open_store(db: &str, stop: &AtomicBool) -> Result<Box<dyn Store + Send>> {
    let mut attempt = 0;
    loop {
        let location = db.to_string();
        let opened = tokio::task::spawn_blocking(move || {
            dyad_store::open(&location, &dyad_store::SqliteOptions::default())
        })
        .await
        .expect("opening the store does not panic");
        match opened {
            Ok(store) => return Ok(store),
            Err(error) if error.is_transient() && !stop.load(Ordering::SeqCst) => {
                tracing::warn!(%error, "cannot open the store; retrying");
                tokio::time::sleep(backoff(attempt)).await;
                attempt += 1;
            }
            Err(error) => return Err(error.into()),
        }
    }
}

/// The store, dropped on a thread of its own: a PostgreSQL connection closes by blocking on
/// its own runtime, which may not happen on a thread that drives async tasks.
struct StoreBox(Option<Box<dyn Store + Send>>);

impl StoreBox {
    fn get(&self) -> &(dyn Store + Send) {
        self.0.as_deref().expect("present until dropped")
    }

    fn get_mut(&mut self) -> &mut (dyn Store + Send) {
        self.0.as_deref_mut().expect("present until dropped")
    }
}

impl Drop for StoreBox {
    fn drop(&mut self) {
        if let Some(store) = self.0.take() {
            let _ = std::thread::spawn(move || drop(store)).join();
        }
    }
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

struct Worker<'a> {
    options: &'a WorkerOptions,
    js: jetstream::Context,
    store: Arc<Mutex<StoreBox>>,
    pipeline: Arc<Pipeline>,
    analysis: Arc<rayon::ThreadPool>,
    report: WorkerReport,
    first_message: Option<Instant>,
}

/// What became of one message's article.
enum Outcome {
    /// Coded (or found stored already): to store and acknowledge.
    Coded(Option<Box<Analysis>>),
    /// Failed: the error.
    Failed(String),
}

impl Worker<'_> {
    /// Stores and acknowledges a coded batch.
    async fn finish(&mut self, coded: Coded, stop: &AtomicBool) -> Result<()> {
        let Coded {
            messages,
            mut outcomes,
            keeper,
            coding_ms,
        } = coded;
        self.first_message.get_or_insert_with(Instant::now);
        let url = self.options.nats_url.as_str();
        // Found stored already: a redelivery or a republication.
        self.report.documents_skipped += outcomes
            .iter()
            .filter(|o| matches!(o, Outcome::Coded(None)))
            .count() as u64;
        // The analyses move to the batch (an outcome keeps its place in it); the outcome
        // stays `Coded`, to acknowledge.
        let mut batch: Vec<Analysis> = Vec::with_capacity(outcomes.len());
        let places: Vec<Option<usize>> = outcomes
            .iter_mut()
            .map(|outcome| match outcome {
                Outcome::Coded(analysis @ Some(_)) => analysis.take().map(|analysis| {
                    batch.push(*analysis);
                    batch.len() - 1
                }),
                _ => None,
            })
            .collect();
        let batch = Arc::new(batch);
        let coded_at = Instant::now();
        let stored = self.store_batch(batch.clone(), stop).await;
        tracing::debug!(
            articles = messages.len(),
            coding_ms,
            storing_ms = coded_at.elapsed().as_millis() as u64,
            "batch"
        );
        match stored {
            Ok(summary) => self.count(&summary),
            Err(error) if !error.is_transient() => {
                // One bad record must not lose the batch: store the others one by one.
                for (outcome, place) in outcomes.iter_mut().zip(&places) {
                    if let Some(analysis) = place.and_then(|i| batch.get(i)) {
                        let single = Arc::new(vec![analysis.clone()]);
                        match self.store_batch(single, stop).await {
                            Ok(summary) => self.count(&summary),
                            Err(error) if error.is_transient() => {
                                keeper.abort();
                                return Err(error.into());
                            }
                            Err(error) => *outcome = Outcome::Failed(error.to_string()),
                        }
                    }
                }
            }
            Err(error) => {
                // Given up while stopping: the messages go back to the others.
                keeper.abort();
                for message in &messages {
                    let _ = message.ack_with(AckKind::Nak(None)).await;
                }
                return Err(error.into());
            }
        }
        keeper.abort();
        for (message, outcome) in messages.iter().zip(&outcomes) {
            let delivered = message.info().map(|info| info.delivered).unwrap_or(1);
            let acked = match outcome {
                Outcome::Coded(_) => message.ack().await,
                Outcome::Failed(error)
                    if delivered >= self.options.max_deliveries
                        || error.starts_with("not an article record") =>
                {
                    self.report.dead_letters += 1;
                    let sent =
                        dead_letter::send(&self.js, url, &self.options.name, message, error).await;
                    if let Err(error) = sent {
                        tracing::warn!(%error, "cannot send a dead letter; it will be redelivered");
                    }
                    Ok(())
                }
                Outcome::Failed(error) => {
                    tracing::warn!(deliveries = delivered, %error, "article failed; redelivering");
                    message
                        .ack_with(AckKind::Nak(Some(Duration::from_secs(1))))
                        .await
                }
            };
            if let Err(error) = acked {
                // The article is stored: a redelivery will find it there.
                tracing::warn!(%error, "cannot acknowledge a message");
            } else if matches!(outcome, Outcome::Coded(_)) {
                self.report.articles += 1;
            }
        }
        self.report.batches += 1;
        let busy = self
            .first_message
            .map_or(0.0, |first| first.elapsed().as_secs_f64());
        self.report.busy_seconds = busy;
        self.report.articles_per_second = if busy > 0.0 {
            self.report.articles as f64 / busy
        } else {
            0.0
        };
        Ok(())
    }

    fn count(&mut self, summary: &PutSummary) {
        self.report.documents_added += summary.documents_added;
        self.report.documents_skipped += summary.documents_skipped;
        self.report.events_added += summary.events_added;
    }

    /// Stores a batch in one transaction, retrying with backoff while the store is
    /// unreachable; gives up only when asked to stop and it has been failing for 30 s.
    async fn store_batch(
        &mut self,
        batch: Arc<Vec<Analysis>>,
        stop: &AtomicBool,
    ) -> std::result::Result<PutSummary, dyad_store::Error> {
        let started = Instant::now();
        let mut attempt = 0;
        loop {
            let (store, batch_ref) = (self.store.clone(), batch.clone());
            let stored = tokio::task::spawn_blocking(move || {
                let mut store = store.lock().unwrap_or_else(|e| e.into_inner());
                store.get_mut().put_batch(&batch_ref)
            })
            .await
            .expect("storing does not panic");
            match stored {
                Ok(summary) => return Ok(summary),
                Err(error)
                    if error.is_transient()
                        && !(stop.load(Ordering::SeqCst)
                            && started.elapsed() > Duration::from_secs(30)) =>
                {
                    tracing::warn!(%error, attempt, "cannot store the batch; retrying");
                    self.report.retries += 1;
                    tokio::time::sleep(backoff(attempt)).await;
                    attempt += 1;
                }
                Err(error) => return Err(error),
            }
        }
    }

    async fn publish_report(&mut self) {
        self.report.updated = now();
        let Ok(json) = serde_json::to_vec(&self.report) else {
            return;
        };
        let subject = report_subject(&self.report.name);
        let published = match self.js.publish(subject, json.into()).await {
            Ok(ack) => ack.await.map(|_| ()),
            Err(error) => Err(error),
        };
        if let Err(error) = published {
            tracing::debug!(%error, "cannot report the worker's counts");
        }
    }
}

/// What coding needs, shared with the task that stores the previous batch meanwhile.
#[derive(Clone)]
struct Coder {
    store: Arc<Mutex<StoreBox>>,
    pipeline: Arc<Pipeline>,
    analysis: Arc<rayon::ThreadPool>,
    client: async_nats::Client,
    ack_wait: Duration,
    max_deliveries: i64,
}

/// A batch coded and waiting to be stored.
struct Coded {
    messages: Vec<jetstream::Message>,
    outcomes: Vec<Outcome>,
    /// Keeps the messages ours until they are acknowledged.
    keeper: tokio::task::JoinHandle<()>,
    coding_ms: u64,
}

/// A batch of messages read and checked against the store, to code.
struct Received {
    messages: Vec<jetstream::Message>,
    /// Keeps the messages ours until they are acknowledged.
    keeper: tokio::task::JoinHandle<()>,
    /// Each message's outcome where it is known already (not an article, delivered too
    /// often); `None` for those to code.
    outcomes: Vec<Option<Outcome>>,
    /// The articles to code: the message's place, the article, and whether it is stored
    /// already (then it is not coded).
    docs: Vec<(usize, Document, bool)>,
}

/// Reads a batch of messages and asks the store which of their articles it has: those
/// that are no article or were delivered too often fail.
async fn receive(coder: &Coder, messages: Vec<jetstream::Message>) -> Received {
    let keeper = keep_in_progress(&coder.client, coder.ack_wait, &messages);
    let mut docs = Vec::with_capacity(messages.len());
    let mut outcomes: Vec<Option<Outcome>> = Vec::with_capacity(messages.len());
    for (i, message) in messages.iter().enumerate() {
        let delivered = message.info().map(|info| info.delivered).unwrap_or(1);
        match serde_json::from_slice::<Document>(&message.payload) {
            Err(error) => outcomes.push(Some(Outcome::Failed(format!(
                "not an article record: {error}"
            )))),
            Ok(_) if delivered > coder.max_deliveries => {
                outcomes.push(Some(Outcome::Failed(format!(
                    "delivered {delivered} times without being stored (it may crash or \
                     stall workers)"
                ))))
            }
            Ok(doc) => {
                outcomes.push(None);
                docs.push((i, doc));
            }
        }
    }
    let store = coder.store.clone();
    let docs = tokio::task::spawn_blocking(move || {
        let keys: Vec<String> = docs.iter().map(|(_, doc)| doc.store_key()).collect();
        // Unknown when the store cannot say: coded, and skipped when storing.
        let stored = store
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get()
            .stored_documents(&keys)
            .unwrap_or_default();
        docs.into_iter()
            .zip(keys)
            .map(|((i, doc), key)| (i, doc, stored.contains(&key)))
            .collect::<Vec<_>>()
    })
    .await
    .expect("asking the store does not panic");
    Received {
        messages,
        keeper,
        outcomes,
        docs,
    }
}

/// Codes a batch of messages, but for the articles stored already.
async fn code(coder: Coder, received: Received) -> Coded {
    let Received {
        messages,
        keeper,
        mut outcomes,
        docs,
    } = received;
    let started = Instant::now();
    let Coder {
        pipeline,
        analysis: pool,
        ..
    } = coder;
    let coded = tokio::task::spawn_blocking(move || {
        pool.install(|| {
            use rayon::prelude::*;
            docs.into_par_iter()
                .map(|(i, doc, known)| {
                    if known {
                        return (i, Outcome::Coded(None));
                    }
                    match catch_unwind(AssertUnwindSafe(|| pipeline.analyze(doc))) {
                        Ok(analysis) => (i, Outcome::Coded(Some(Box::new(analysis)))),
                        Err(panic) => (i, Outcome::Failed(panic_message(&panic))),
                    }
                })
                .collect::<Vec<_>>()
        })
    })
    .await
    .expect("analysis panics are caught");
    for (i, outcome) in coded {
        outcomes[i] = Some(outcome);
    }
    Coded {
        messages,
        outcomes: outcomes
            .into_iter()
            .map(|o| o.unwrap_or_else(|| Outcome::Failed("not coded".to_string())))
            .collect(),
        keeper,
        coding_ms: started.elapsed().as_millis() as u64,
    }
}

/// Tells JetStream every `ack_wait / 3` that the messages are still being worked on,
/// until the returned task is aborted.
fn keep_in_progress(
    client: &async_nats::Client,
    ack_wait: Duration,
    messages: &[jetstream::Message],
) -> tokio::task::JoinHandle<()> {
    let replies: Vec<_> = messages
        .iter()
        .filter_map(|m| m.message.reply.clone())
        .collect();
    let client = client.clone();
    let every = (ack_wait / 3).max(Duration::from_millis(200));
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(every).await;
            for reply in &replies {
                let _ = client.publish(reply.clone(), "+WPI".into()).await;
            }
        }
    })
}

/// The message of a caught panic.
fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    let text = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string());
    format!("the analysis failed: {text}")
}
