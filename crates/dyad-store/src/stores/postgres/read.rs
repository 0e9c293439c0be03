//! Reading from PostgreSQL: queries, documents and counts, as the SQLite store answers them.

use std::collections::BTreeMap;
use std::path::Path;

use dyad_types::{Analysis, Event};
use postgres::types::ToSql;
use postgres::{GenericClient, Row};
use rusqlite::types::Value;

use crate::error::Context;
use crate::stores::filter::{select_events, Dialect, Filter, EVENT_TABLES};
use crate::{EventQuery, MergedEvent, Result, StoreStats, StoredEvent};

pub(super) fn has_document(
    client: &mut impl GenericClient,
    label: &Path,
    content_hash: &str,
) -> Result<bool> {
    let row = client
        .query_opt(
            "SELECT 1 FROM documents WHERE content_hash = $1",
            &[&content_hash],
        )
        .at(label)?;
    Ok(row.is_some())
}

/// Which of `hashes` are stored, in one query.
pub(super) fn stored_documents(
    client: &mut impl GenericClient,
    label: &Path,
    hashes: &[&str],
) -> Result<std::collections::HashSet<String>> {
    Ok(client
        .query(
            "SELECT content_hash FROM documents WHERE content_hash = ANY($1)",
            &[&hashes],
        )
        .at(label)?
        .iter()
        .map(|row| row.get(0))
        .collect())
}

/// The columns of a [`StoredEvent`], from `events e`, `documents d`, `merged_events m`. The
/// tones come from the stored records (`tone.tone`); a merged event told by several
/// articles averages theirs, each article once (as the SQLite store does).
const COLUMNS: &str = "e.event_json, d.id, d.content_hash, d.url, d.title, d.outlet,
    d.published, d.analysed_at, e.evidence, coalesce(e.merged_id, ''),
    coalesce(m.num_mentions, 1), coalesce(m.num_articles, 1), coalesce(m.num_sources, 1),
    e.merge_reason, d.duplicate_of, octet_length(d.text)::bigint,
    ((d.record_json::jsonb) -> 'tone' ->> 'tone')::float8,
    CASE WHEN coalesce(m.num_articles, 1) > 1 THEN (
        SELECT avg(((d2.record_json::jsonb) -> 'tone' ->> 'tone')::float8) FROM documents d2
        WHERE d2.content_hash IN (
            SELECT e2.content_hash FROM events e2 WHERE e2.merged_id = e.merged_id))
    ELSE ((d.record_json::jsonb) -> 'tone' ->> 'tone')::float8 END";

/// A filter's parameters as PostgreSQL parameters.
pub(super) fn params(filter: &Filter) -> Vec<Box<dyn ToSql + Sync>> {
    filter
        .params()
        .iter()
        .map(|value| -> Box<dyn ToSql + Sync> {
            match value {
                Value::Null => Box::new(None::<String>),
                Value::Integer(n) => Box::new(*n),
                Value::Real(x) => Box::new(*x),
                Value::Text(s) => Box::new(s.clone()),
                Value::Blob(b) => Box::new(b.clone()),
            }
        })
        .collect()
}

/// Runs `sql` with `filter`'s parameters.
pub(super) fn run(
    client: &mut impl GenericClient,
    label: &Path,
    sql: &str,
    filter: &Filter,
) -> Result<Vec<Row>> {
    let params = params(filter);
    let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p.as_ref()).collect();
    client.query(sql, &refs).at(label)
}

fn stored_event(label: &Path, row: &Row) -> Result<StoredEvent> {
    let json: String = row.get(0);
    let event: Event = serde_json::from_str(&json).at(label)?;
    let count = |i: usize| row.get::<_, i64>(i).max(0) as u64;
    Ok(StoredEvent {
        event_id: row.get(9),
        num_mentions: count(10),
        num_articles: count(11),
        num_sources: count(12),
        merge_reason: row.get(13),
        duplicate_of: row.get(14),
        document_length: count(15),
        document_tone: row.get(16),
        avg_tone: row.get(17),
        event,
        document_id: row.get(1),
        content_hash: row.get(2),
        url: row.get(3),
        title: row.get(4),
        outlet: row.get(5),
        published: row.get(6),
        analysed_at: row.get(7),
        evidence: row.get(8),
    })
}

pub(super) fn query(
    client: &mut impl GenericClient,
    label: &Path,
    query: &EventQuery,
) -> Result<Vec<StoredEvent>> {
    let (sql, filter) = select_events(query, Dialect::Postgres, COLUMNS);
    run(client, label, &sql, &filter)?
        .iter()
        .map(|row| stored_event(label, row))
        .collect()
}

pub(super) fn merged_event(
    client: &mut impl GenericClient,
    label: &Path,
    id: &str,
) -> Result<Option<MergedEvent>> {
    let sql = format!("SELECT {COLUMNS} FROM {EVENT_TABLES} WHERE e.merged_id = $1 ORDER BY e.seq");
    let id = id.trim();
    let mentions = client
        .query(&sql, &[&id])
        .at(label)?
        .iter()
        .map(|row| stored_event(label, row))
        .collect::<Result<Vec<_>>>()?;
    Ok((!mentions.is_empty()).then(|| MergedEvent {
        id: id.to_string(),
        mentions,
    }))
}

pub(super) fn document(
    client: &mut impl GenericClient,
    label: &Path,
    id: &str,
) -> Result<Option<Analysis>> {
    let found = client
        .query_opt(
            "SELECT content_hash, text, record_json FROM documents
             WHERE id = $1 OR content_hash = $1
             ORDER BY id = $1 DESC, seq LIMIT 1",
            &[&id],
        )
        .at(label)?;
    let Some(found) = found else {
        return Ok(None);
    };
    let hash: String = found.get(0);
    let record: String = found.get(2);
    let mut analysis: Analysis = serde_json::from_str(&record).at(label)?;
    analysis.doc.text = found.get(1);
    for row in client
        .query(
            "SELECT event_json FROM events WHERE content_hash = $1 ORDER BY seq",
            &[&hash],
        )
        .at(label)?
    {
        let json: String = row.get(0);
        analysis.events.push(serde_json::from_str(&json).at(label)?);
    }
    Ok(Some(analysis))
}

pub(super) fn stats(client: &mut postgres::Client, label: &Path) -> Result<StoreStats> {
    let mut count = |sql: &str| -> Result<u64> {
        Ok(client
            .query_one(sql, &[])
            .at(label)?
            .get::<_, i64>(0)
            .max(0) as u64)
    };
    let documents = count("SELECT count(*) FROM documents")?;
    let events = count("SELECT count(*) FROM events")?;
    let merged_events = count("SELECT count(*) FROM merged_events")?;
    let near_duplicate_documents =
        count("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL")?;
    let dates = client
        .query_one("SELECT min(date_value), max(date_value) FROM events", &[])
        .at(label)?;
    let by_quad_class = grouped(
        client,
        label,
        "SELECT quad_class, count(*) FROM events GROUP BY 1",
        |row| row.get::<_, i64>(0).clamp(0, 255) as u8,
    )?;
    let text_key = |row: &Row| row.get::<_, String>(0);
    Ok(StoreStats {
        schema_version: super::migrate::version(client, label)?,
        documents,
        events,
        merged_events,
        near_duplicate_documents,
        by_quad_class,
        by_mode: grouped(
            client,
            label,
            "SELECT mode, count(*) FROM events GROUP BY 1",
            text_key,
        )?,
        by_root: grouped(
            client,
            label,
            "SELECT root, count(*) FROM events GROUP BY 1",
            text_key,
        )?,
        // Outlets count together whatever their case, as SQLite's NOCASE column groups them.
        by_outlet: grouped(
            client,
            label,
            "SELECT min(outlet), count(*) FROM documents WHERE outlet IS NOT NULL
             GROUP BY lower(outlet)",
            text_key,
        )?,
        first_date: dates.get(0),
        last_date: dates.get(1),
    })
}

/// The rows of a `SELECT key, count(*) … GROUP BY` as a map.
fn grouped<K: Ord>(
    client: &mut postgres::Client,
    label: &Path,
    sql: &str,
    key: impl Fn(&Row) -> K,
) -> Result<BTreeMap<K, u64>> {
    Ok(client
        .query(sql, &[])
        .at(label)?
        .iter()
        .map(|row| (key(row), row.get::<_, i64>(1).max(0) as u64))
        .collect())
}
