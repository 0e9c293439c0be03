//! Storing a batch of analyses in one PostgreSQL transaction.

use std::collections::BTreeSet;
use std::path::Path;

use dyad_types::{Analysis, Event};
use postgres::{Client, Statement, Transaction};

use super::merging;
use crate::error::Context;
use crate::stores::common::Report;
use crate::stores::common::{check_events, enum_name, evidence, record_json, Fingerprint};
use crate::stores::search;
use crate::{PutSummary, Result};

/// The advisory lock writers take in turn for each batch ("dyadwrit" in ASCII): merging a
/// report reads what earlier batches stored, so batches are merged one after the other, as
/// SQLite's write lock makes them.
const WRITE_LOCK: i64 = 0x6479_6164_7772_6974;

const INSERT_DOCUMENT: &str = "INSERT INTO documents
    (content_hash, id, path, url, title, outlet, published, text, record_json, analysed_at,
     pipeline, minhash, duplicate_of)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,
            to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), $10, $11, $12)
    ON CONFLICT (content_hash) DO NOTHING";

const INSERT_EVENT: &str = "INSERT INTO events
    (id, content_hash, sentence, cameo, root, quad_class, goldstein, mode,
     source_code, source_country, source_name, source_text,
     target_code, target_country, target_name, target_text,
     date_value, date_precision, date_basis, evidence, event_json, evidence_tsv)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
            $19, $20, $21, to_tsvector('simple', $22))
    RETURNING seq";

/// Stores `batch` in one transaction; documents already stored (by anyone) are skipped.
pub(super) fn put_batch(
    client: &mut Client,
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
    let mut tx = client.transaction().at(label)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
        .at(label)?;
    let hashes: Vec<&str> = prepared.iter().map(|p| p.hash.as_str()).collect();
    let mut known = super::read::stored_documents(&mut tx, label, &hashes)?;
    let insert_document = tx.prepare(INSERT_DOCUMENT).at(label)?;
    let insert_event = tx.prepare(INSERT_EVENT).at(label)?;
    let statements = merging::Statements::prepare(&mut tx, label)?;
    let mut summary = PutSummary::default();
    let mut touched = BTreeSet::new();
    for (analysis, prepared) in batch.iter().zip(&prepared) {
        let hash = &prepared.hash;
        // Stored before, or earlier in this batch.
        if !known.insert(hash.clone()) {
            summary.documents_skipped += 1;
            continue;
        }
        let doc = &analysis.doc;
        let fingerprint = prepared.fingerprint.as_ref();
        let original = match fingerprint {
            Some(fingerprint) => {
                merging::find_original(&mut tx, &statements, label, hash, fingerprint)?
            }
            None => None,
        };
        let signature = fingerprint.map(Fingerprint::signature_bytes);
        let added = tx
            .execute(
                &insert_document,
                &[
                    hash,
                    &doc.id,
                    &doc.path,
                    &doc.url,
                    &doc.title,
                    &doc.outlet,
                    &doc.published,
                    &doc.text,
                    &prepared.record,
                    &pipeline,
                    &signature,
                    &original,
                ],
            )
            .at(label)?;
        if added == 0 {
            summary.documents_skipped += 1;
            continue;
        }
        summary.documents_added += 1;
        if let Some(fingerprint) = fingerprint {
            merging::index_fingerprint(&mut tx, &statements, label, hash, fingerprint)?;
        }
        summary.documents_near_duplicate += u64::from(original.is_some());
        for (event, columns) in analysis.events.iter().zip(&prepared.events) {
            let evidence = evidence(analysis, event);
            let seq = insert(
                &mut tx,
                &insert_event,
                label,
                hash,
                event,
                columns,
                evidence,
            )?;
            let report = Report {
                seq,
                content_hash: hash,
                original: original.as_deref(),
                event,
                evidence,
            };
            let (merged_id, created) = merging::assign(&mut tx, &statements, label, &report)?;
            summary.merged_events_added += u64::from(created);
            summary.events_added += 1;
            touched.insert(merged_id);
        }
    }
    for id in &touched {
        merging::update_counts(&mut tx, &statements, label, id)?;
    }
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

/// What storing an analysis needs that can be computed before the transaction.
struct Prepared {
    hash: String,
    fingerprint: Option<Fingerprint>,
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
        Ok(Prepared {
            hash: analysis.doc.store_key(),
            fingerprint: Fingerprint::of(&analysis.doc.text),
            record: record_json(label, analysis)?,
            events,
        })
    }
}

fn insert(
    tx: &mut Transaction<'_>,
    statement: &Statement,
    label: &Path,
    hash: &str,
    event: &Event,
    columns: &EventColumns,
    evidence: &str,
) -> Result<i64> {
    let root = event.cameo.get(..2).unwrap_or(&event.cameo);
    let source = &event.source;
    let target = event.target.as_ref();
    let source_name = source.name.as_deref().unwrap_or(&source.text);
    let target_name = target.map(|t| t.name.as_deref().unwrap_or(&t.text));
    let row = tx
        .query_one(
            statement,
            &[
                &event.id,
                &hash,
                &(event.sentence as i64),
                &event.cameo,
                &root,
                &i64::from(event.quad_class),
                &event.goldstein,
                &event.mode.as_str(),
                &source.code,
                &source.country,
                &source_name,
                &source.text,
                &target.and_then(|t| t.code.as_deref()),
                &target.and_then(|t| t.country.as_deref()),
                &target_name,
                &target.map(|t| t.text.as_str()),
                &event.date.value,
                &columns.precision,
                &columns.basis,
                &evidence,
                &columns.json,
                &columns.indexed_text,
            ],
        )
        .at(label)?;
    Ok(row.get(0))
}
