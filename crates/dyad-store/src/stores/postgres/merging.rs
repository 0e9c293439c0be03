//! Applying the rules of [`crate::merge`] as reports are written to PostgreSQL: the SQL
//! that finds near-duplicate and merge candidates; choosing among them is
//! [`crate::stores::common`]'s, shared with SQLite.

use std::path::Path;

use postgres::{Statement, Transaction};

use crate::error::Context;
use crate::merge;
use crate::stores::common::{place, Candidate, Fingerprint, Report};
use crate::Result;

/// How far back (in days) a merged event may start and still overlap a new report's date.
const LOOKBACK_DAYS: i64 = 400;

/// The statements a batch runs for each document and report, prepared once per batch.
pub(super) struct Statements {
    find_original: Statement,
    document_text: Statement,
    index_band: Statement,
    candidates: Statement,
    create_merged: Statement,
    set_merged: Statement,
    update_counts: Statement,
}

impl Statements {
    pub(super) fn prepare(tx: &mut Transaction<'_>, label: &Path) -> Result<Statements> {
        let mut prepare = |sql: &str| tx.prepare(sql).at(label);
        Ok(Statements {
            find_original: prepare(
                "SELECT d.content_hash, d.minhash, d.duplicate_of FROM documents d
                 WHERE d.content_hash IN (SELECT content_hash FROM minhash_bands
                                          WHERE band = ANY($1::bigint[]))
                   AND d.content_hash <> $2::text
                 ORDER BY d.seq",
            )?,
            document_text: prepare("SELECT text FROM documents WHERE content_hash = $1")?,
            index_band: prepare(
                "INSERT INTO minhash_bands (band, content_hash)
                 SELECT unnest($1::bigint[]), $2
                 ON CONFLICT DO NOTHING",
            )?,
            candidates: prepare(
                "WITH copied AS (
                     SELECT x.merged_id AS id FROM events x
                     WHERE $7::text IS NOT NULL AND x.merged_id IS NOT NULL AND x.content_hash IN
                         (SELECT $7::text UNION
                          SELECT content_hash FROM documents WHERE duplicate_of = $7::text))
                 SELECT m.id, m.first_day, m.last_day, e.evidence,
                        coalesce(m.id IN (SELECT id FROM copied), false)
                 FROM merged_events m JOIN events e ON e.seq = m.first_seq
                 WHERE m.source_key = $1::text AND m.target_key = $2::text
                   AND m.root = $3::text AND m.mode_group = $4::text
                   AND (($5::bigint IS NULL AND m.first_day IS NULL)
                        OR (m.first_day BETWEEN $5::bigint - $8::bigint
                                            AND $6::bigint + $9::bigint)
                        OR m.id IN (SELECT id FROM copied))
                   AND NOT EXISTS (SELECT 1 FROM events y
                                   WHERE y.merged_id = m.id AND y.content_hash = $10::text)
                 ORDER BY m.seq",
            )?,
            create_merged: prepare(
                "INSERT INTO merged_events
                 (id, source_key, target_key, root, mode_group, first_day, last_day, first_seq)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                 ON CONFLICT (id) DO NOTHING",
            )?,
            set_merged: prepare(
                "UPDATE events SET merged_id = $1, merge_reason = $2 WHERE seq = $3",
            )?,
            update_counts: prepare(
                "UPDATE merged_events SET
                    num_mentions = (SELECT count(*) FROM events WHERE merged_id = $1),
                    num_articles = (SELECT count(DISTINCT coalesce(d.duplicate_of, d.content_hash))
                                    FROM events x
                                    JOIN documents d ON d.content_hash = x.content_hash
                                    WHERE x.merged_id = $1),
                    num_sources = (SELECT count(DISTINCT coalesce(lower(d.outlet),
                                          'article ' || coalesce(d.duplicate_of, d.content_hash)))
                                   FROM events x
                                   JOIN documents d ON d.content_hash = x.content_hash
                                   WHERE x.merged_id = $1)
                 WHERE id = $1",
            )?,
        })
    }
}

/// The stored article that the article with `fingerprint` nearly repeats (the original of
/// its group), if any: the most similar among those sharing a band, the oldest on ties.
pub(super) fn find_original(
    tx: &mut Transaction<'_>,
    statements: &Statements,
    label: &Path,
    content_hash: &str,
    fingerprint: &Fingerprint,
) -> Result<Option<String>> {
    let rows = tx
        .query(
            &statements.find_original,
            &[&fingerprint.bands, &content_hash],
        )
        .at(label)?;
    let mut best: Option<(f64, String)> = None;
    for row in rows {
        let hash: String = row.get(0);
        let signature: Option<Vec<u8>> = row.get(1);
        let similarity = fingerprint.near_duplicate_of(signature.as_deref(), || {
            let row = tx
                .query_one(&statements.document_text, &[&hash])
                .at(label)?;
            Ok(row.get(0))
        })?;
        let Some(similarity) = similarity else {
            continue;
        };
        if best.as_ref().is_none_or(|(s, _)| similarity > *s) {
            let original: Option<String> = row.get(2);
            best = Some((similarity, original.unwrap_or(hash)));
        }
    }
    Ok(best.map(|(_, original)| original))
}

/// Records the bands of a stored article's fingerprint.
pub(super) fn index_fingerprint(
    tx: &mut Transaction<'_>,
    statements: &Statements,
    label: &Path,
    content_hash: &str,
    fingerprint: &Fingerprint,
) -> Result<()> {
    tx.execute(&statements.index_band, &[&fingerprint.bands, &content_hash])
        .at(label)?;
    Ok(())
}

/// Puts the report in the merged event it tells, creating one if none fits, and records
/// why. Returns the merged event's id and whether it was created.
pub(super) fn assign(
    tx: &mut Transaction<'_>,
    statements: &Statements,
    label: &Path,
    report: &Report<'_>,
) -> Result<(String, bool)> {
    let keys = report.keys();
    let days = keys.days;
    let rows = tx
        .query(
            &statements.candidates,
            &[
                &keys.source_key,
                &keys.target_key,
                &keys.root,
                &keys.group,
                &days.map(|d| d.0),
                &days.map(|d| d.1),
                &report.original,
                &LOOKBACK_DAYS,
                &(2 * merge::DATE_SLACK_DAYS),
                &report.content_hash,
            ],
        )
        .at(label)?;
    let words = merge::content_words(report.evidence);
    let candidates: Vec<Candidate> = rows
        .iter()
        .filter_map(|row| {
            let theirs = row
                .get::<_, Option<i64>>(1)
                .zip(row.get::<_, Option<i64>>(2));
            Candidate::of(row.get(0), theirs, row.get(3), row.get(4), days, &words)
        })
        .collect();
    let placement = place(report, &keys, candidates);
    if placement.created {
        tx.execute(
            &statements.create_merged,
            &[
                &placement.id,
                &keys.source_key,
                &keys.target_key,
                &keys.root,
                &keys.group,
                &days.map(|d| d.0),
                &days.map(|d| d.1),
                &report.seq,
            ],
        )
        .at(label)?;
    }
    tx.execute(
        &statements.set_merged,
        &[&placement.id, &placement.reason, &report.seq],
    )
    .at(label)?;
    Ok((placement.id, placement.created))
}

/// Recounts the reports, articles and sources of a merged event.
pub(super) fn update_counts(
    tx: &mut Transaction<'_>,
    statements: &Statements,
    label: &Path,
    id: &str,
) -> Result<()> {
    tx.execute(&statements.update_counts, &[&id]).at(label)?;
    Ok(())
}
