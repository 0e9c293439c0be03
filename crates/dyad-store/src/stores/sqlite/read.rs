//! Reading from the store: queries, documents and counts.

use std::collections::BTreeMap;
use std::path::Path;

use dyad_types::{Analysis, Event};
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

use super::migrate;
use crate::error::Context;
use crate::stores::filter::{select_events, Dialect, EVENT_TABLES};
use crate::{EventQuery, MergedEvent, Result, StoreStats, StoredEvent};

pub(crate) fn has_document(conn: &Connection, path: &Path, content_hash: &str) -> Result<bool> {
    let mut statement = conn
        .prepare_cached("SELECT 1 FROM documents WHERE content_hash = ?1")
        .at(path)?;
    statement.exists([content_hash]).at(path)
}

/// The columns of a [`StoredEvent`], from `events e`, `documents d`, `merged_events m`. The
/// tones come from the stored records (`$.tone.tone`); a merged event told by several
/// articles averages theirs, each article once.
const COLUMNS: &str = "e.event_json, d.id, d.content_hash, d.url, d.title, d.outlet,
    d.published, d.analysed_at, e.evidence, coalesce(e.merged_id, ''),
    coalesce(m.num_mentions, 1), coalesce(m.num_articles, 1), coalesce(m.num_sources, 1),
    e.merge_reason, d.duplicate_of, length(CAST(d.text AS BLOB)),
    json_extract(d.record_json, '$.tone.tone'),
    CASE WHEN coalesce(m.num_articles, 1) > 1 THEN (
        SELECT avg(json_extract(d2.record_json, '$.tone.tone')) FROM documents d2
        WHERE d2.content_hash IN (
            SELECT e2.content_hash FROM events e2 WHERE e2.merged_id = e.merged_id))
    ELSE json_extract(d.record_json, '$.tone.tone') END";

/// Reads one row of [`COLUMNS`].
fn stored_event(path: &Path, row: &rusqlite::Row<'_>) -> Result<StoredEvent> {
    let json: String = row.get(0).at(path)?;
    let event: Event = serde_json::from_str(&json).at(path)?;
    let count = |i: usize| -> Result<u64> { Ok(row.get::<_, i64>(i).at(path)?.max(0) as u64) };
    Ok(StoredEvent {
        event_id: row.get(9).at(path)?,
        num_mentions: count(10)?,
        num_articles: count(11)?,
        num_sources: count(12)?,
        merge_reason: row.get(13).at(path)?,
        duplicate_of: row.get(14).at(path)?,
        document_length: count(15)?,
        document_tone: row.get(16).at(path)?,
        avg_tone: row.get(17).at(path)?,
        event,
        document_id: row.get(1).at(path)?,
        content_hash: row.get(2).at(path)?,
        url: row.get(3).at(path)?,
        title: row.get(4).at(path)?,
        outlet: row.get(5).at(path)?,
        published: row.get(6).at(path)?,
        analysed_at: row.get(7).at(path)?,
        evidence: row.get(8).at(path)?,
    })
}

pub(crate) fn query(
    conn: &Connection,
    path: &Path,
    query: &EventQuery,
) -> Result<Vec<StoredEvent>> {
    let (sql, filter) = select_events(query, Dialect::Sqlite, COLUMNS);
    let mut statement = conn.prepare(&sql).at(path)?;
    let mut rows = statement
        .query(params_from_iter(filter.params()))
        .at(path)?;
    let mut events = Vec::new();
    while let Some(row) = rows.next().at(path)? {
        events.push(stored_event(path, row)?);
    }
    Ok(events)
}

pub(crate) fn merged_event(
    conn: &Connection,
    path: &Path,
    id: &str,
) -> Result<Option<MergedEvent>> {
    let sql = format!("SELECT {COLUMNS} FROM {EVENT_TABLES} WHERE e.merged_id = ?1 ORDER BY e.seq");
    let mut statement = conn.prepare_cached(&sql).at(path)?;
    let mut rows = statement.query([id.trim()]).at(path)?;
    let mut mentions = Vec::new();
    while let Some(row) = rows.next().at(path)? {
        mentions.push(stored_event(path, row)?);
    }
    Ok((!mentions.is_empty()).then(|| MergedEvent {
        id: id.trim().to_string(),
        mentions,
    }))
}

pub(crate) fn document(conn: &Connection, path: &Path, id: &str) -> Result<Option<Analysis>> {
    let found: Option<(String, String, String)> = conn
        .prepare_cached(
            "SELECT content_hash, text, record_json FROM documents
             WHERE id = ?1 OR content_hash = ?1
             ORDER BY id = ?1 DESC, rowid LIMIT 1",
        )
        .at(path)?
        .query_row([id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .optional()
        .at(path)?;
    let Some((hash, text, record)) = found else {
        return Ok(None);
    };
    let mut analysis: Analysis = serde_json::from_str(&record).at(path)?;
    analysis.doc.text = text;
    let mut statement = conn
        .prepare_cached("SELECT event_json FROM events WHERE content_hash = ?1 ORDER BY seq")
        .at(path)?;
    let mut rows = statement.query(params![hash]).at(path)?;
    while let Some(row) = rows.next().at(path)? {
        let json: String = row.get(0).at(path)?;
        analysis.events.push(serde_json::from_str(&json).at(path)?);
    }
    Ok(Some(analysis))
}

pub(crate) fn stats(conn: &Connection, path: &Path) -> Result<StoreStats> {
    let count = |sql: &str| -> Result<u64> { conn.query_row(sql, [], |row| row.get(0)).at(path) };
    let (first_date, last_date) = conn
        .query_row(
            "SELECT min(date_value), max(date_value) FROM events",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .at(path)?;
    Ok(StoreStats {
        schema_version: migrate::user_version(conn, path)?,
        documents: count("SELECT count(*) FROM documents")?,
        events: count("SELECT count(*) FROM events")?,
        merged_events: count("SELECT count(*) FROM merged_events")?,
        near_duplicate_documents: count(
            "SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL",
        )?,
        by_quad_class: grouped(
            conn,
            path,
            "SELECT quad_class, count(*) FROM events GROUP BY 1",
        )?,
        by_mode: grouped(conn, path, "SELECT mode, count(*) FROM events GROUP BY 1")?,
        by_root: grouped(conn, path, "SELECT root, count(*) FROM events GROUP BY 1")?,
        by_outlet: grouped(
            conn,
            path,
            "SELECT outlet, count(*) FROM documents WHERE outlet IS NOT NULL GROUP BY 1",
        )?,
        first_date,
        last_date,
    })
}

/// The rows of a `SELECT key, count(*) … GROUP BY` as a map.
fn grouped<K>(conn: &Connection, path: &Path, sql: &str) -> Result<BTreeMap<K, u64>>
where
    K: rusqlite::types::FromSql + Ord,
{
    let mut statement = conn.prepare(sql).at(path)?;
    let rows = statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .at(path)?;
    rows.collect::<rusqlite::Result<_>>().at(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The query plan of `query`, one line per step.
    fn plan(conn: &Connection, query: &EventQuery) -> Vec<String> {
        let (sql, filter) = select_events(query, Dialect::Sqlite, COLUMNS);
        let mut statement = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let rows = statement
            .query_map(params_from_iter(filter.params()), |row| {
                row.get::<_, String>(3)
            })
            .unwrap();
        rows.map(Result::unwrap).collect()
    }

    #[test]
    fn actor_filters_search_indexes_instead_of_scanning() {
        let store = crate::SqliteStore::open_in_memory().unwrap();
        let queries = [
            EventQuery {
                dyad: Some(("USA".into(), "VEN".into())),
                ..EventQuery::default()
            },
            EventQuery {
                actor: Some("USA".into()),
                ..EventQuery::default()
            },
            EventQuery {
                source: Some("Maduro".into()),
                ..EventQuery::default()
            },
        ];
        for query in &queries {
            let plan = plan(&store.conn, query);
            assert!(
                // Only the gathered reports and their firsts are scanned, never a table.
                !plan.iter().any(|step| step.starts_with("SCAN")
                    && step != "SCAN hits"
                    && step != "SCAN f"),
                "{query:?}: {plan:#?}"
            );
            assert!(
                plan.iter()
                    .any(|step| step.contains("events_by_target_country")
                        || step.contains("events_by_source_name")),
                "{query:?}: {plan:#?}"
            );
        }
    }
}
