//! Applying the rules of [`crate::merge`] as reports are written: near-duplicate articles
//! are linked, and each event report joins the merged event it tells or starts a new one.

use std::collections::BTreeSet;
use std::path::Path;

use dyad_types::Event;
use rusqlite::{params, Connection};

use crate::error::Context;
use crate::merge;
use crate::stores::common::{place, Candidate, Fingerprint, MergeKeys, Report};
use crate::Result;

/// How far back (in days) a merged event may start and still overlap a new report's date:
/// wider than any date but a decade.
const LOOKBACK_DAYS: i64 = 400;

/// The stored article that the article with `fingerprint` nearly repeats (the original of
/// its group), if any: the most similar among those sharing a band, the oldest on ties. The
/// signatures pick the candidates; their shingles are then compared exactly.
pub(crate) fn find_original(
    conn: &Connection,
    path: &Path,
    content_hash: &str,
    fingerprint: &Fingerprint,
) -> Result<Option<String>> {
    let mut statement = conn
        .prepare_cached(
            "SELECT d.content_hash, d.minhash, d.duplicate_of, d.text FROM documents d
             WHERE d.content_hash IN (SELECT content_hash FROM minhash_bands
                                      WHERE band IN (SELECT value FROM json_each(?1)))
               AND d.content_hash <> ?2
             ORDER BY d.rowid",
        )
        .at(path)?;
    let bands_json = format!(
        "[{}]",
        fingerprint
            .bands
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",")
    );
    let mut rows = statement
        .query(params![bands_json, content_hash])
        .at(path)?;
    let mut best: Option<(f64, String)> = None;
    while let Some(row) = rows.next().at(path)? {
        let other: Option<Vec<u8>> = row.get(1).at(path)?;
        let similarity = fingerprint.near_duplicate_of(other.as_deref(), || row.get(3).at(path))?;
        let Some(similarity) = similarity else {
            continue;
        };
        if best.as_ref().is_none_or(|(s, _)| similarity > *s) {
            let hash: String = row.get(0).at(path)?;
            let original: Option<String> = row.get(2).at(path)?;
            best = Some((similarity, original.unwrap_or(hash)));
        }
    }
    Ok(best.map(|(_, original)| original))
}

/// Records the bands of a stored article's fingerprint.
pub(crate) fn index_fingerprint(
    conn: &Connection,
    path: &Path,
    content_hash: &str,
    fingerprint: &Fingerprint,
) -> Result<()> {
    let mut statement = conn
        .prepare_cached("INSERT OR IGNORE INTO minhash_bands (band, content_hash) VALUES (?1, ?2)")
        .at(path)?;
    for band in &fingerprint.bands {
        statement.execute(params![band, content_hash]).at(path)?;
    }
    Ok(())
}

/// Puts the report in the merged event it tells, creating one if none fits, and records
/// why. Returns the merged event's id and whether it was created; the caller recounts the
/// merged events a batch touched ([`update_counts`]) once the batch is written.
pub(crate) fn assign(
    conn: &Connection,
    path: &Path,
    report: &Report<'_>,
) -> Result<(String, bool)> {
    let keys = report.keys();
    let candidates = candidates(conn, path, report, &keys)?;
    let placement = place(report, &keys, candidates);
    if placement.created {
        conn.prepare_cached(
            "INSERT OR IGNORE INTO merged_events
             (id, source_key, target_key, root, mode_group, first_day, last_day, first_seq)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .at(path)?
        .execute(params![
            placement.id,
            keys.source_key,
            keys.target_key,
            keys.root,
            keys.group,
            keys.days.map(|d| d.0),
            keys.days.map(|d| d.1),
            report.seq
        ])
        .at(path)?;
    }
    conn.prepare_cached("UPDATE events SET merged_id = ?1, merge_reason = ?2 WHERE seq = ?3")
        .at(path)?
        .execute(params![placement.id, placement.reason, report.seq])
        .at(path)?;
    Ok((placement.id, placement.created))
}

/// The merged events with the same keys, a compatible date, and no report from this
/// article yet.
fn candidates(
    conn: &Connection,
    path: &Path,
    report: &Report<'_>,
    keys: &MergeKeys<'_>,
) -> Result<Vec<Candidate>> {
    let days = keys.days;
    let slack = merge::DATE_SLACK_DAYS;
    let mut statement = conn
        .prepare_cached(
            "WITH copied AS (
                 SELECT x.merged_id AS id FROM events x
                 WHERE ?7 IS NOT NULL AND x.merged_id IS NOT NULL AND x.content_hash IN
                     (SELECT ?7 UNION SELECT content_hash FROM documents WHERE duplicate_of = ?7))
             SELECT m.id, m.first_day, m.last_day, e.evidence, coalesce(m.id IN copied, 0)
             FROM merged_events m JOIN events e ON e.seq = m.first_seq
             WHERE m.source_key = ?1 AND m.target_key = ?2 AND m.root = ?3
               AND m.mode_group = ?4
               AND ((?5 IS NULL AND m.first_day IS NULL)
                    OR (m.first_day BETWEEN ?5 - ?8 AND ?6 + ?9)
                    OR m.id IN copied)
               AND NOT EXISTS (SELECT 1 FROM events y
                               WHERE y.merged_id = m.id AND y.content_hash = ?10)
             ORDER BY m.rowid",
        )
        .at(path)?;
    let mut rows = statement
        .query(params![
            keys.source_key,
            keys.target_key,
            keys.root,
            keys.group,
            days.map(|d| d.0),
            days.map(|d| d.1),
            report.original,
            LOOKBACK_DAYS,
            2 * slack,
            report.content_hash,
        ])
        .at(path)?;
    let words = merge::content_words(report.evidence);
    let mut found = Vec::new();
    while let Some(row) = rows.next().at(path)? {
        let copies: bool = row.get(4).at(path)?;
        let theirs = row
            .get::<_, Option<i64>>(1)
            .at(path)?
            .zip(row.get::<_, Option<i64>>(2).at(path)?);
        let evidence: String = row.get(3).at(path)?;
        found.extend(Candidate::of(
            row.get(0).at(path)?,
            theirs,
            &evidence,
            copies,
            days,
            &words,
        ));
    }
    Ok(found)
}

/// Recounts the reports, articles (near-duplicates counted once) and sources (distinct
/// outlets; an article without one counts as its own source) of a merged event.
pub(crate) fn update_counts(conn: &Connection, path: &Path, id: &str) -> Result<()> {
    conn.prepare_cached(
        "UPDATE merged_events SET
            num_mentions = (SELECT count(*) FROM events WHERE merged_id = ?1),
            num_articles = (SELECT count(DISTINCT coalesce(d.duplicate_of, d.content_hash))
                            FROM events x JOIN documents d ON d.content_hash = x.content_hash
                            WHERE x.merged_id = ?1),
            num_sources = (SELECT count(DISTINCT coalesce(lower(d.outlet),
                                  'article ' || coalesce(d.duplicate_of, d.content_hash)))
                           FROM events x JOIN documents d ON d.content_hash = x.content_hash
                           WHERE x.merged_id = ?1)
         WHERE id = ?1",
    )
    .at(path)?
    .execute([id])
    .at(path)?;
    Ok(())
}

/// Links and merges what a store written before schema version 2 holds: every article gets
/// its MinHash signature (and original, if it repeats one), every report its merged event, in the
/// order they were stored.
pub(crate) fn backfill(conn: &Connection, path: &Path) -> Result<()> {
    let documents: Vec<(String, String)> = {
        let mut statement = conn
            .prepare(
                "SELECT content_hash, text FROM documents WHERE minhash IS NULL ORDER BY rowid",
            )
            .at(path)?;
        let rows = statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .at(path)?;
        rows.collect::<rusqlite::Result<_>>().at(path)?
    };
    for (hash, text) in documents {
        let Some(fingerprint) = Fingerprint::of(&text) else {
            continue;
        };
        let original = find_original(conn, path, &hash, &fingerprint)?;
        conn.execute(
            "UPDATE documents SET minhash = ?1, duplicate_of = ?2 WHERE content_hash = ?3",
            params![fingerprint.signature_bytes(), original, hash],
        )
        .at(path)?;
        index_fingerprint(conn, path, &hash, &fingerprint)?;
    }
    let reports: Vec<(i64, String, Option<String>, String, String)> = {
        let mut statement = conn
            .prepare(
                "SELECT e.seq, e.content_hash, d.duplicate_of, e.event_json, e.evidence
                 FROM events e JOIN documents d ON d.content_hash = e.content_hash
                 WHERE e.merged_id IS NULL ORDER BY e.seq",
            )
            .at(path)?;
        let rows = statement
            .query_map([], |row| {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                ))
            })
            .at(path)?;
        rows.collect::<rusqlite::Result<_>>().at(path)?
    };
    let mut touched = BTreeSet::new();
    for (seq, hash, original, json, evidence) in reports {
        let event: Event = serde_json::from_str(&json).at(path)?;
        let report = Report {
            seq,
            content_hash: &hash,
            original: original.as_deref(),
            event: &event,
            evidence: &evidence,
        };
        touched.insert(assign(conn, path, &report)?.0);
    }
    for id in &touched {
        update_counts(conn, path, id)?;
    }
    Ok(())
}
