//! Storing a batch of analyses in one transaction.

use std::collections::BTreeSet;
use std::path::Path;

use dyad_types::{Analysis, Event};
use rusqlite::{params, Connection, Statement, TransactionBehavior};

use super::merging;
use crate::error::Context;
use crate::stores::common::Fingerprint;
use crate::stores::common::{check_events, enum_name, evidence, record_json};
use crate::{PutSummary, Result};

const INSERT_DOCUMENT: &str = "INSERT OR IGNORE INTO documents
    (content_hash, id, path, url, title, outlet, published, text, record_json, analysed_at,
     pipeline, minhash, duplicate_of)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?10,
            ?11, ?12)";

const INSERT_EVENT: &str = "INSERT INTO events
    (id, content_hash, sentence, cameo, root, quad_class, goldstein, mode,
     source_code, source_country, source_name, source_text,
     target_code, target_country, target_name, target_text,
     date_value, date_precision, date_basis, evidence, event_json)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
            ?20, ?21)";

/// Stores `batch` in one immediate transaction (taking the write lock up front, so that
/// concurrent writers queue instead of failing part way).
pub(crate) fn put_batch(
    conn: &mut Connection,
    path: &Path,
    pipeline: Option<&str>,
    batch: &[Analysis],
) -> Result<PutSummary> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .at(path)?;
    let mut summary = PutSummary::default();
    let mut touched = BTreeSet::new();
    {
        let mut insert_document = tx.prepare_cached(INSERT_DOCUMENT).at(path)?;
        let mut insert_event = tx.prepare_cached(INSERT_EVENT).at(path)?;
        for analysis in batch {
            let hash = analysis.doc.store_key();
            check_events(path, analysis)?;
            // Known already (a re-run, or a repeat in this batch): skip before any shingling,
            // near-duplicate lookup or serialising.
            if super::read::has_document(&tx, path, &hash)? {
                summary.documents_skipped += 1;
                continue;
            }
            let doc = &analysis.doc;
            let fingerprint = Fingerprint::of(&doc.text);
            let original = match &fingerprint {
                Some(fingerprint) => merging::find_original(&tx, path, &hash, fingerprint)?,
                None => None,
            };
            let added = insert_document
                .execute(params![
                    hash,
                    doc.id,
                    doc.path,
                    doc.url,
                    doc.title,
                    doc.outlet,
                    doc.published,
                    doc.text,
                    record_json(path, analysis)?,
                    pipeline,
                    fingerprint.as_ref().map(Fingerprint::signature_bytes),
                    original,
                ])
                .at(path)?;
            if added == 0 {
                summary.documents_skipped += 1;
                continue;
            }
            summary.documents_added += 1;
            if let Some(fingerprint) = &fingerprint {
                merging::index_fingerprint(&tx, path, &hash, fingerprint)?;
            }
            summary.documents_near_duplicate += u64::from(original.is_some());
            for event in &analysis.events {
                insert(&mut insert_event, path, &hash, analysis, event)?;
                let report = crate::stores::common::Report {
                    seq: tx.last_insert_rowid(),
                    content_hash: &hash,
                    original: original.as_deref(),
                    event,
                    evidence: evidence(analysis, event),
                };
                let (merged_id, created) = merging::assign(&tx, path, &report)?;
                summary.merged_events_added += u64::from(created);
                summary.events_added += 1;
                touched.insert(merged_id);
            }
        }
    }
    // Each merged event the batch touched is recounted once, not once per report.
    for id in &touched {
        merging::update_counts(&tx, path, id)?;
    }
    tx.commit().at(path)?;
    tracing::debug!(
        path = %path.display(),
        added = summary.documents_added,
        skipped = summary.documents_skipped,
        events = summary.events_added,
        merged_events = summary.merged_events_added,
        "stored batch"
    );
    Ok(summary)
}

fn insert(
    statement: &mut Statement<'_>,
    path: &Path,
    hash: &str,
    analysis: &Analysis,
    event: &Event,
) -> Result<()> {
    let root = event.cameo.get(..2).unwrap_or(&event.cameo);
    let source = &event.source;
    let target = event.target.as_ref();
    let source_name = source.name.as_deref().unwrap_or(&source.text);
    let target_name = target.map(|t| t.name.as_deref().unwrap_or(&t.text));
    let precision = enum_name(path, &event.date.precision)?;
    let basis = enum_name(path, &event.date.basis)?;
    statement
        .execute(params![
            event.id,
            hash,
            event.sentence as i64,
            event.cameo,
            root,
            event.quad_class,
            event.goldstein,
            event.mode.as_str(),
            source.code,
            source.country,
            source_name,
            source.text,
            target.and_then(|t| t.code.as_deref()),
            target.and_then(|t| t.country.as_deref()),
            target_name,
            target.map(|t| t.text.as_str()),
            event.date.value,
            precision,
            basis,
            evidence(analysis, event),
            serde_json::to_string(event).at(path)?,
        ])
        .at(path)?;
    Ok(())
}
