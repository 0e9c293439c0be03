//! Read-only summaries: the actor network, frequent actors, documents, the event map. Every value is a
//! bound parameter; the SQL text is made of fixed fragments only.

use std::collections::BTreeMap;

use dyad_types::Mode;
use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::SqliteStore;
use crate::error::Context;
use crate::overview::{
    self, ActorCount, ActorLevel, DocumentPage, DocumentSummary, EventMap, LocatedReport,
    NetworkEdge,
};
use crate::stores::filter::{actor_key, Filter};
use crate::{EventQuery, Result};

impl SqliteStore {
    /// The actor network of the events matching `query` (its sort, limit, offset and
    /// `mentions` are ignored): one edge per source and target, with the number of merged
    /// events, their mean Goldstein value, and counts per quad class and mode. At most
    /// `limit` edges, the busiest first; events without a target are left out.
    pub fn actor_network(
        &self,
        query: &EventQuery,
        level: ActorLevel,
        limit: usize,
    ) -> Result<Vec<NetworkEdge>> {
        let mut filter = Filter::new(query);
        let limit = filter.param(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
        let source = actor_key("source", level);
        let target = actor_key("target", level);
        let modes: String = Mode::ALL
            .iter()
            .map(|mode| format!(", sum(e.mode = '{}')", mode.as_str()))
            .collect();
        let firsts = filter.first_reports();
        let sql = format!(
            "{firsts}
             SELECT {source} AS s, {target} AS t, count(*), avg(e.goldstein),
                 sum(e.quad_class = 1), sum(e.quad_class = 2), sum(e.quad_class = 3),
                 sum(e.quad_class = 4){modes}
             FROM firsts f JOIN events e ON e.seq = f.seq
             WHERE e.target_text IS NOT NULL
             GROUP BY s, t
             ORDER BY 3 DESC, s, t
             LIMIT ?{limit}"
        );
        let path = &self.path;
        let mut statement = self.conn.prepare(&sql).at(path)?;
        let mut rows = statement
            .query(params_from_iter(filter.params()))
            .at(path)?;
        let mut edges = Vec::new();
        let count = |row: &rusqlite::Row<'_>, i: usize| -> Result<u64> {
            Ok(row.get::<_, Option<i64>>(i).at(path)?.unwrap_or(0).max(0) as u64)
        };
        while let Some(row) = rows.next().at(path)? {
            let mut by_mode = BTreeMap::new();
            for (i, mode) in Mode::ALL.iter().enumerate() {
                let n = count(row, 8 + i)?;
                if n > 0 {
                    by_mode.insert(mode.as_str().to_string(), n);
                }
            }
            edges.push(NetworkEdge {
                source: row.get(0).at(path)?,
                target: row.get(1).at(path)?,
                events: count(row, 2)?,
                goldstein_mean: row.get::<_, Option<f64>>(3).at(path)?.unwrap_or(0.0),
                quad_classes: [
                    count(row, 4)?,
                    count(row, 5)?,
                    count(row, 6)?,
                    count(row, 7)?,
                ],
                by_mode,
            });
        }
        Ok(edges)
    }

    /// Where the events matching `query` happened (its sort, limit, offset and `mentions`
    /// are ignored): see [`Store::event_map`](crate::Store::event_map). The location is read
    /// from the stored event (`location.country`, `location.lat`, `location.lon`).
    pub fn event_map(&self, query: &EventQuery, places: usize) -> Result<EventMap> {
        let filter = Filter::new(query);
        let firsts = filter.first_reports();
        let sql = format!(
            "{firsts}
             SELECT e.seq, coalesce(e.merged_id, ''), e.goldstein, e.quad_class,
                 json_extract(e.event_json, '$.tone'),
                 json_extract(e.event_json, '$.location.country'),
                 json_extract(e.event_json, '$.location.lat'),
                 json_extract(e.event_json, '$.location.lon'),
                 json_extract(e.event_json, '$.location.text')
             FROM firsts f JOIN events e ON e.seq = f.seq
             ORDER BY e.seq"
        );
        let path = &self.path;
        let mut statement = self.conn.prepare(&sql).at(path)?;
        let mut rows = statement
            .query(params_from_iter(filter.params()))
            .at(path)?;
        let mut reports = Vec::new();
        while let Some(row) = rows.next().at(path)? {
            // A coordinate or tone that is not a number is as good as none.
            let number = |i: usize| row.get::<_, Option<f64>>(i).ok().flatten();
            reports.push(LocatedReport {
                seq: row.get(0).at(path)?,
                merged: row.get(1).at(path)?,
                goldstein: row.get(2).at(path)?,
                quad_class: row.get(3).at(path)?,
                tone: number(4),
                country: row.get::<_, Option<String>>(5).ok().flatten(),
                lat: number(6),
                lon: number(7),
                place: row.get::<_, Option<String>>(8).ok().flatten(),
            });
        }
        Ok(overview::event_map(reports, places))
    }

    /// The `limit` actors (countries and CAMEO codes) most often named by event reports,
    /// on either side, most frequent first.
    pub fn actors(&self, limit: usize) -> Result<Vec<ActorCount>> {
        let path = &self.path;
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT actor, count(*) FROM (
                     SELECT source_country AS actor FROM events WHERE source_country <> ''
                     UNION ALL SELECT target_country FROM events WHERE target_country <> ''
                     UNION ALL SELECT source_code FROM events
                         WHERE source_code <> '' AND source_code IS NOT source_country
                     UNION ALL SELECT target_code FROM events
                         WHERE target_code <> '' AND target_code IS NOT target_country)
                 GROUP BY actor ORDER BY 2 DESC, actor LIMIT ?1",
            )
            .at(path)?;
        let rows = statement
            .query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |row| {
                Ok(ActorCount {
                    actor: row.get(0)?,
                    events: row.get::<_, i64>(1)?.max(0) as u64,
                })
            })
            .at(path)?;
        rows.collect::<rusqlite::Result<_>>().at(path)
    }

    /// Stored documents whose title, id or text contains `words` (ignoring case for ASCII
    /// letters; all when `None` or empty), those with the most events first, `limit` from
    /// `offset`.
    pub fn documents(
        &self,
        words: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<DocumentPage> {
        let path = &self.path;
        let needle = words.map(str::trim).unwrap_or("").to_lowercase();
        let total: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM documents d
                 WHERE ?1 = '' OR instr(lower(coalesce(d.title, '') || ' ' || d.id), ?1) > 0
                     OR instr(lower(d.text), ?1) > 0",
            )
            .at(path)?
            .query_row([&needle], |row| row.get(0))
            .at(path)?;
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT d.id, d.content_hash, d.title, d.outlet, d.published, d.url,
                     (SELECT count(*) FROM events e WHERE e.content_hash = d.content_hash) AS n,
                     length(CAST(d.text AS BLOB)), substr(d.text, 1, 100)
                 FROM documents d
                 WHERE ?1 = '' OR instr(lower(coalesce(d.title, '') || ' ' || d.id), ?1) > 0
                     OR instr(lower(d.text), ?1) > 0
                 ORDER BY n DESC, d.id
                 LIMIT ?2 OFFSET ?3",
            )
            .at(path)?;
        let rows = statement
            .query_map(
                rusqlite::params![
                    needle,
                    i64::try_from(limit).unwrap_or(i64::MAX),
                    i64::try_from(offset).unwrap_or(i64::MAX)
                ],
                |row| {
                    Ok(DocumentSummary {
                        id: row.get(0)?,
                        content_hash: row.get(1)?,
                        title: row.get(2)?,
                        outlet: row.get(3)?,
                        published: row.get(4)?,
                        url: row.get(5)?,
                        events: row.get::<_, i64>(6)?.max(0) as u64,
                        length: row.get::<_, i64>(7)?.max(0) as u64,
                        opening: row.get(8)?,
                    })
                },
            )
            .at(path)?;
        Ok(DocumentPage {
            total: total.max(0) as u64,
            documents: rows.collect::<rusqlite::Result<_>>().at(path)?,
        })
    }
}
