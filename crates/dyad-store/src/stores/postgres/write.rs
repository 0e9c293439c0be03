//! Storing a batch of analyses in one PostgreSQL transaction.
//!
//! A batch takes few round trips: the documents go in with one statement, their
//! near-duplicate bands with another, the merged events touched are recounted with a
//! third; each report is placed (one query: it may join a merged event the report before
//! it created) and inserted already placed, with its merged event when it creates one (one
//! statement), so no row is written twice.

use std::collections::BTreeSet;
use std::path::Path;

use dyad_types::{Analysis, Event};
use postgres::{Client, Statement, Transaction};

use super::merging::{self, NewArticle};
use crate::error::Context;
use crate::stores::common::Report;
use crate::stores::common::{check_events, enum_name, evidence, record_json, Fingerprint};
use crate::stores::search;
use crate::{PutSummary, Result};

/// The advisory lock writers take in turn for each batch ("dyadwrit" in ASCII): merging a
/// report reads what earlier batches stored, so batches are merged one after the other, as
/// SQLite's write lock makes them.
const WRITE_LOCK: i64 = 0x6479_6164_7772_6974;

/// Takes the writers' lock. The statements run once per batch are planned at each
/// execution, for the store as it is now: a plan kept from when the store was nearly empty
/// (a worker's first batch) scans whole tables, for example every minhash band for each
/// batch, and costs more with each batch stored.
const BEGIN_BATCH: &str = "SELECT set_config('plan_cache_mode', 'force_custom_plan', true),
    pg_advisory_xact_lock($1)";

/// The statements run for each report are planned once per connection (generic plans):
/// planning them anew for every report cost more than running them, and their lookups go
/// through unique or key indexes whatever the size of the store.
const PER_REPORT_PLANS: &str = "SELECT set_config('plan_cache_mode', 'force_generic_plan', true)";

/// Back to planning at each execution, for the statements after the reports.
const PER_BATCH_PLANS: &str = "SELECT set_config('plan_cache_mode', 'force_custom_plan', true)";

const INSERT_DOCUMENTS: &str = "INSERT INTO documents
    (content_hash, id, path, url, title, outlet, published, text, record_json, analysed_at,
     pipeline, minhash, duplicate_of)
    SELECT h, i, p, u, t, o, d, x, r,
           to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), $10::text, m, o2
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                $7::text[], $8::text[], $9::text[], $11::bytea[], $12::text[])
         WITH ORDINALITY AS b (h, i, p, u, t, o, d, x, r, m, o2, n)
    ORDER BY n
    ON CONFLICT (content_hash) DO NOTHING
    RETURNING content_hash";

/// The documents are this transaction's own (just inserted), so no row of theirs can be
/// there already: distinct pairs need no conflict check.
const INSERT_BANDS: &str = "INSERT INTO minhash_bands (band, content_hash)
    SELECT DISTINCT * FROM unnest($1::bigint[], $2::text[])";

/// Rows for `events.seq`, taken in advance so that a report goes in already placed.
const NEXT_SEQS: &str = "SELECT nextval(pg_get_serial_sequence('events', 'seq'))
    FROM generate_series(1, $1::bigint)";

/// The event columns `$1`–`$25` of [`INSERT_EVENT`] and [`INSERT_EVENT_CREATING`].
const EVENT_COLUMNS: &str = "(seq, id, content_hash, sentence, cameo, root, quad_class,
     goldstein, mode, source_code, source_country, source_name, source_text,
     target_code, target_country, target_name, target_text,
     date_value, date_precision, date_basis, evidence, event_json, evidence_tsv,
     merged_id, merge_reason)
    VALUES ($1::bigint, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
            $18, $19, $20, $21, $22, to_tsvector('simple', $23), $24::text, $25)";

/// The statements of a batch, prepared once per connection.
pub(super) struct Statements {
    insert_documents: Statement,
    insert_bands: Statement,
    next_seqs: Statement,
    /// A report joining an existing merged event.
    insert_event: Statement,
    /// A report with the merged event it creates (`$26`–`$31`: its keys and days).
    insert_event_creating: Statement,
    merging: merging::Statements,
}

impl Statements {
    pub(super) fn prepare(client: &mut Client, label: &Path) -> Result<Statements> {
        let insert_event = format!("INSERT INTO events {EVENT_COLUMNS}");
        let insert_event_creating = format!(
            "WITH created AS (
                 INSERT INTO merged_events
                 (id, source_key, target_key, root, mode_group, first_day, last_day, first_seq)
                 VALUES ($24::text, $26, $27, $28, $29, $30, $31, $1::bigint)
                 ON CONFLICT (id) DO NOTHING)
             INSERT INTO events {EVENT_COLUMNS}"
        );
        Ok(Statements {
            insert_documents: client.prepare(INSERT_DOCUMENTS).at(label)?,
            insert_bands: client.prepare(INSERT_BANDS).at(label)?,
            next_seqs: client.prepare(NEXT_SEQS).at(label)?,
            insert_event: client.prepare(&insert_event).at(label)?,
            insert_event_creating: client.prepare(&insert_event_creating).at(label)?,
            merging: merging::Statements::prepare(client, label)?,
        })
    }
}

/// Stores `batch` in one transaction; documents already stored (by anyone) are skipped.
/// `statements` are this connection's, prepared on its first batch.
pub(super) fn put_batch(
    client: &mut Client,
    statements: &mut Option<Statements>,
    label: &Path,
    pipeline: Option<&str>,
    batch: &[Analysis],
) -> Result<PutSummary> {
    // Everything that takes time but no database first, outside the writers' lock.
    let mut prepared = Vec::with_capacity(batch.len());
    for analysis in batch {
        check_events(label, analysis)?;
        prepared.push(Prepared::of(label, analysis)?);
    }
    if statements.is_none() {
        compress_with_lz4(client, label);
        *statements = Some(Statements::prepare(client, label)?);
    }
    let statements = statements.as_ref().expect("prepared above");
    let mut tx = client.transaction().at(label)?;
    tx.execute(BEGIN_BATCH, &[&WRITE_LOCK]).at(label)?;
    let hashes: Vec<&str> = prepared.iter().map(|p| p.hash.as_str()).collect();
    let mut known = super::read::stored_documents(&mut tx, label, &hashes)?;
    let mut summary = PutSummary::default();
    // The documents to add, in batch order: not stored before nor earlier in this batch.
    let mut new: Vec<usize> = Vec::with_capacity(batch.len());
    for (i, prepared) in prepared.iter().enumerate() {
        if known.insert(prepared.hash.clone()) {
            new.push(i);
        } else {
            summary.documents_skipped += 1;
        }
    }
    if new.is_empty() {
        tx.commit().at(label)?;
        return Ok(summary);
    }
    let articles: Vec<NewArticle<'_>> = new
        .iter()
        .map(|&i| NewArticle {
            content_hash: &prepared[i].hash,
            text: &batch[i].doc.text,
            fingerprint: prepared[i].fingerprint.as_ref(),
            signature: prepared[i].signature.as_deref(),
        })
        .collect();
    let originals = merging::find_originals(&mut tx, &statements.merging, label, &articles)?;
    let added = insert_documents(
        &mut tx, statements, label, pipeline, batch, &prepared, &new, &originals,
    )?;
    // Added by another writer meanwhile (one that does not take the lock): skipped.
    summary.documents_skipped += (new.len() - added.len()) as u64;
    let new: Vec<(usize, Option<String>)> = new
        .into_iter()
        .zip(originals)
        .filter(|(i, _)| added.contains(prepared[*i].hash.as_str()))
        .collect();
    insert_bands(&mut tx, statements, label, &prepared, &new)?;
    let reports: usize = new.iter().map(|(i, _)| batch[*i].events.len()).sum();
    let mut seqs: Vec<i64> = tx
        .query(&statements.next_seqs, &[&(reports as i64)])
        .at(label)?
        .iter()
        .map(|row| row.get(0))
        .collect();
    seqs.sort_unstable();
    let mut seqs = seqs.into_iter();
    let mut touched = BTreeSet::new();
    tx.execute(PER_REPORT_PLANS, &[]).at(label)?;
    for (i, original) in &new {
        let (analysis, prepared) = (&batch[*i], &prepared[*i]);
        summary.documents_added += 1;
        summary.documents_near_duplicate += u64::from(original.is_some());
        for (event, columns) in analysis.events.iter().zip(&prepared.events) {
            let seq = match seqs.next() {
                Some(seq) => seq,
                // Not expected: one more row, the same way.
                None => tx
                    .query_one(&statements.next_seqs, &[&1i64])
                    .at(label)?
                    .get(0),
            };
            let report = Report {
                seq,
                content_hash: &prepared.hash,
                original: original.as_deref(),
                event,
                evidence: evidence(analysis, event),
            };
            let created = insert_report(&mut tx, statements, label, &report, columns)?;
            summary.merged_events_added += u64::from(created.1);
            summary.events_added += 1;
            touched.insert(created.0);
        }
    }
    tx.execute(PER_BATCH_PLANS, &[]).at(label)?;
    let touched: Vec<&str> = touched.iter().map(String::as_str).collect();
    merging::update_counts(&mut tx, &statements.merging, label, &touched)?;
    tx.commit().at(label)?;
    tracing::debug!(
        url = %label.display(),
        added = summary.documents_added,
        skipped = summary.documents_skipped,
        events = summary.events_added,
        merged_events = summary.merged_events_added,
        "stored batch"
    );
    Ok(summary)
}

/// Makes the connection compress long values (an article's text and record) with LZ4
/// rather than PostgreSQL's default pglz, several times cheaper for the same values read
/// back; a server without it (before PostgreSQL 14, or built without LZ4) keeps pglz.
fn compress_with_lz4(client: &mut Client, label: &Path) {
    if let Err(error) = client.batch_execute("SET default_toast_compression = lz4") {
        tracing::debug!(url = %label.display(), %error, "LZ4 compression not available");
    }
}

/// What storing an analysis needs that can be computed before the transaction.
struct Prepared {
    hash: String,
    fingerprint: Option<Fingerprint>,
    signature: Option<Vec<u8>>,
    record: String,
    events: Vec<EventColumns>,
}

/// The columns of an event that take encoding.
struct EventColumns {
    json: String,
    precision: String,
    basis: String,
    indexed_text: String,
}

impl Prepared {
    fn of(label: &Path, analysis: &Analysis) -> Result<Prepared> {
        let events = analysis
            .events
            .iter()
            .map(|event| {
                Ok(EventColumns {
                    json: serde_json::to_string(event).at(label)?,
                    precision: enum_name(label, &event.date.precision)?,
                    basis: enum_name(label, &event.date.basis)?,
                    indexed_text: search::indexed_text(evidence(analysis, event)),
                })
            })
            .collect::<Result<_>>()?;
        let fingerprint = Fingerprint::of(&analysis.doc.text);
        Ok(Prepared {
            hash: analysis.doc.store_key(),
            signature: fingerprint.as_ref().map(Fingerprint::signature_bytes),
            fingerprint,
            record: record_json(label, analysis)?,
            events,
        })
    }
}

/// Inserts the documents `new` (indexes into `batch`) with their `originals`, in one
/// statement and in order; returns the content hashes of those added.
#[allow(clippy::too_many_arguments)]
fn insert_documents(
    tx: &mut Transaction<'_>,
    statements: &Statements,
    label: &Path,
    pipeline: Option<&str>,
    batch: &[Analysis],
    prepared: &[Prepared],
    new: &[usize],
    originals: &[Option<String>],
) -> Result<std::collections::HashSet<String>> {
    let docs = || new.iter().map(|&i| &batch[i].doc);
    let hashes: Vec<&str> = new.iter().map(|&i| prepared[i].hash.as_str()).collect();
    let ids: Vec<&str> = docs().map(|d| d.id.as_str()).collect();
    let paths: Vec<Option<&str>> = docs().map(|d| d.path.as_deref()).collect();
    let urls: Vec<Option<&str>> = docs().map(|d| d.url.as_deref()).collect();
    let titles: Vec<Option<&str>> = docs().map(|d| d.title.as_deref()).collect();
    let outlets: Vec<Option<&str>> = docs().map(|d| d.outlet.as_deref()).collect();
    let published: Vec<Option<&str>> = docs().map(|d| d.published.as_deref()).collect();
    let texts: Vec<&str> = docs().map(|d| d.text.as_str()).collect();
    let records: Vec<&str> = new.iter().map(|&i| prepared[i].record.as_str()).collect();
    let signatures: Vec<Option<&[u8]>> = new
        .iter()
        .map(|&i| prepared[i].signature.as_deref())
        .collect();
    let originals: Vec<Option<&str>> = originals.iter().map(Option::as_deref).collect();
    Ok(tx
        .query(
            &statements.insert_documents,
            &[
                &hashes,
                &ids,
                &paths,
                &urls,
                &titles,
                &outlets,
                &published,
                &texts,
                &records,
                &pipeline,
                &signatures,
                &originals,
            ],
        )
        .at(label)?
        .iter()
        .map(|row| row.get(0))
        .collect())
}

/// Records the bands of the added documents' fingerprints, in one statement.
fn insert_bands(
    tx: &mut Transaction<'_>,
    statements: &Statements,
    label: &Path,
    prepared: &[Prepared],
    new: &[(usize, Option<String>)],
) -> Result<()> {
    let mut bands: Vec<i64> = Vec::new();
    let mut hashes: Vec<&str> = Vec::new();
    for (i, _) in new {
        if let Some(fingerprint) = &prepared[*i].fingerprint {
            bands.extend(&fingerprint.bands);
            hashes.extend(std::iter::repeat_n(
                prepared[*i].hash.as_str(),
                fingerprint.bands.len(),
            ));
        }
    }
    if !bands.is_empty() {
        tx.execute(&statements.insert_bands, &[&bands, &hashes])
            .at(label)?;
    }
    Ok(())
}

/// Places a report and inserts it, with the merged event it creates if it creates one.
/// Returns the merged event's id and whether it was created.
fn insert_report(
    tx: &mut Transaction<'_>,
    statements: &Statements,
    label: &Path,
    report: &Report<'_>,
    columns: &EventColumns,
) -> Result<(String, bool)> {
    let placement = merging::place_report(tx, &statements.merging, label, report)?;
    let event: &Event = report.event;
    let root = event.cameo.get(..2).unwrap_or(&event.cameo);
    let source = &event.source;
    let target = event.target.as_ref();
    let source_name = source.name.as_deref().unwrap_or(&source.text);
    let target_name = target.map(|t| t.name.as_deref().unwrap_or(&t.text));
    let sentence = event.sentence as i64;
    let quad_class = i64::from(event.quad_class);
    let target_code = target.and_then(|t| t.code.as_deref());
    let target_country = target.and_then(|t| t.country.as_deref());
    let target_text = target.map(|t| t.text.as_str());
    let mode = event.mode.as_str();
    let mut params: Vec<&(dyn postgres::types::ToSql + Sync)> = vec![
        &report.seq,
        &event.id,
        &report.content_hash,
        &sentence,
        &event.cameo,
        &root,
        &quad_class,
        &event.goldstein,
        &mode,
        &source.code,
        &source.country,
        &source_name,
        &source.text,
        &target_code,
        &target_country,
        &target_name,
        &target_text,
        &event.date.value,
        &columns.precision,
        &columns.basis,
        &report.evidence,
        &columns.json,
        &columns.indexed_text,
        &placement.id,
        &placement.reason,
    ];
    let keys;
    let (first_day, last_day);
    let statement = if placement.created {
        keys = report.keys();
        first_day = keys.days.map(|d| d.0);
        last_day = keys.days.map(|d| d.1);
        params.extend_from_slice(&[
            &keys.source_key,
            &keys.target_key,
            &keys.root,
            &keys.group,
            &first_day,
            &last_day,
        ]);
        &statements.insert_event_creating
    } else {
        &statements.insert_event
    };
    tx.execute(statement, &params).at(label)?;
    Ok((placement.id, placement.created))
}
