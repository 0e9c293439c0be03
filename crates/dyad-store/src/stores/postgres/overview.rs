//! Read-only summaries from PostgreSQL: the actor network, frequent actors, documents, as
//! the SQLite store computes them.

use std::collections::BTreeMap;
use std::path::Path;

use dyad_types::Mode;
use postgres::Client;
use rusqlite::types::Value;

use super::read::run;
use crate::error::Context;
use crate::overview::{
    self, ActorCount, ActorLevel, DocumentPage, DocumentSummary, EventMap, LocatedReport,
    NetworkEdge,
};
use crate::stores::filter::{actor_key, Dialect, Filter};
use crate::{EventQuery, Result};

pub(super) fn actor_network(
    client: &mut Client,
    label: &Path,
    query: &EventQuery,
    level: ActorLevel,
    limit: usize,
) -> Result<Vec<NetworkEdge>> {
    let mut filter = Filter::in_dialect(query, Dialect::Postgres);
    let limit = filter.placeholder(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
    let source = actor_key("source", level);
    let target = actor_key("target", level);
    let modes: String = Mode::ALL
        .iter()
        .map(|mode| format!(", count(*) FILTER (WHERE e.mode = '{}')", mode.as_str()))
        .collect();
    let firsts = filter.first_reports();
    let sql = format!(
        "{firsts}
         SELECT {source} AS s, {target} AS t, count(*), avg(e.goldstein)::float8,
             count(*) FILTER (WHERE e.quad_class = 1), count(*) FILTER (WHERE e.quad_class = 2),
             count(*) FILTER (WHERE e.quad_class = 3), count(*) FILTER (WHERE e.quad_class = 4)
             {modes}
         FROM firsts f JOIN events e ON e.seq = f.seq
         WHERE e.target_text IS NOT NULL
         GROUP BY s, t
         ORDER BY 3 DESC, s, t
         LIMIT {limit}"
    );
    let count = |row: &postgres::Row, i: usize| row.get::<_, i64>(i).max(0) as u64;
    Ok(run(client, label, &sql, &filter)?
        .iter()
        .map(|row| {
            let by_mode: BTreeMap<String, u64> = Mode::ALL
                .iter()
                .enumerate()
                .map(|(i, mode)| (mode.as_str().to_string(), count(row, 8 + i)))
                .filter(|(_, n)| *n > 0)
                .collect();
            NetworkEdge {
                source: row.get(0),
                target: row.get(1),
                events: count(row, 2),
                goldstein_mean: row.get::<_, Option<f64>>(3).unwrap_or(0.0),
                quad_classes: [count(row, 4), count(row, 5), count(row, 6), count(row, 7)],
                by_mode,
            }
        })
        .collect())
}

pub(super) fn actors(client: &mut Client, label: &Path, limit: usize) -> Result<Vec<ActorCount>> {
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    Ok(client
        .query(
            "SELECT actor, count(*) FROM (
                 SELECT source_country AS actor FROM events WHERE source_country <> ''
                 UNION ALL SELECT target_country FROM events WHERE target_country <> ''
                 UNION ALL SELECT source_code FROM events
                     WHERE source_code <> '' AND source_code IS DISTINCT FROM source_country
                 UNION ALL SELECT target_code FROM events
                     WHERE target_code <> '' AND target_code IS DISTINCT FROM target_country) a
             GROUP BY actor ORDER BY 2 DESC, actor LIMIT $1",
            &[&limit],
        )
        .at(label)?
        .iter()
        .map(|row| ActorCount {
            actor: row.get(0),
            events: row.get::<_, i64>(1).max(0) as u64,
        })
        .collect())
}

pub(super) fn documents(
    client: &mut Client,
    label: &Path,
    words: Option<&str>,
    limit: usize,
    offset: usize,
) -> Result<DocumentPage> {
    let needle = words.map(str::trim).unwrap_or("").to_lowercase();
    let matching = "($1 = '' OR strpos(lower(coalesce(d.title, '') || ' ' || d.id), $1) > 0
                     OR strpos(lower(d.text), $1) > 0)";
    let total: i64 = client
        .query_one(
            &format!("SELECT count(*) FROM documents d WHERE {matching}"),
            &[&needle],
        )
        .at(label)?
        .get(0);
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let offset = i64::try_from(offset).unwrap_or(i64::MAX);
    let documents = client
        .query(
            &format!(
                "SELECT d.id, d.content_hash, d.title, d.outlet, d.published, d.url,
                     (SELECT count(*) FROM events e WHERE e.content_hash = d.content_hash) AS n,
                     octet_length(d.text)::bigint, substr(d.text, 1, 100)
                 FROM documents d
                 WHERE {matching}
                 ORDER BY n DESC, d.id
                 LIMIT $2 OFFSET $3"
            ),
            &[&needle, &limit, &offset],
        )
        .at(label)?
        .iter()
        .map(|row| DocumentSummary {
            id: row.get(0),
            content_hash: row.get(1),
            title: row.get(2),
            outlet: row.get(3),
            published: row.get(4),
            url: row.get(5),
            events: row.get::<_, i64>(6).max(0) as u64,
            length: row.get::<_, i64>(7).max(0) as u64,
            opening: row.get(8),
        })
        .collect();
    Ok(DocumentPage {
        total: total.max(0) as u64,
        documents,
    })
}

/// Where the events matching `query` happened, read from the stored events' `location` as
/// the SQLite store reads it, and summarised by the same code.
pub(super) fn event_map(
    client: &mut Client,
    label: &Path,
    query: &EventQuery,
    places: usize,
) -> Result<EventMap> {
    let filter = Filter::in_dialect(query, Dialect::Postgres);
    let firsts = filter.first_reports();
    // A value of the wrong JSON type reads as none, as json_extract's does in SQLite.
    let number = |path: &str| {
        format!(
            "CASE WHEN jsonb_typeof((e.event_json::jsonb) #> '{path}') = 'number' \
             THEN ((e.event_json::jsonb) #>> '{path}')::float8 END"
        )
    };
    let text = |path: &str| {
        format!(
            "CASE WHEN jsonb_typeof((e.event_json::jsonb) #> '{path}') = 'string' \
             THEN (e.event_json::jsonb) #>> '{path}' END"
        )
    };
    let sql = format!(
        "{firsts}
         SELECT e.seq, coalesce(e.merged_id, ''), e.goldstein, e.quad_class::bigint,
             {tone}, {country}, {lat}, {lon}, {place}
         FROM firsts f JOIN events e ON e.seq = f.seq
         ORDER BY e.seq",
        tone = number("{tone}"),
        country = text("{location,country}"),
        lat = number("{location,lat}"),
        lon = number("{location,lon}"),
        place = text("{location,text}"),
    );
    let reports = run(client, label, &sql, &filter)?
        .iter()
        .map(|row| LocatedReport {
            seq: row.get(0),
            merged: row.get(1),
            goldstein: row.get(2),
            quad_class: row.get(3),
            tone: row.get(4),
            country: row.get(5),
            lat: row.get(6),
            lon: row.get(7),
            place: row.get(8),
        })
        .collect::<Vec<_>>();
    Ok(overview::event_map(reports, places))
}
