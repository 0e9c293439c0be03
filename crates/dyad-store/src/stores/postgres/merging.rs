//! Applying the rules of [`crate::merge`] as reports are written to PostgreSQL: the SQL
//! that finds near-duplicate and merge candidates; choosing among them is
//! [`crate::stores::common`]'s, shared with SQLite.
//!
//! A batch finds the near-duplicates of all its articles with one query (the articles
//! earlier in the batch are compared in memory), and recounts the merged events it touched
//! with one statement; only choosing a report's merged event takes a query per report,
//! since each report may join one that the report before it created.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use postgres::{Client, Statement, Transaction};

use crate::error::Context;
use crate::merge;
use crate::stores::common::{place, Candidate, Fingerprint, Placement, Report};
use crate::Result;

/// How far back (in days) a merged event may start and still overlap a new report's date.
const LOOKBACK_DAYS: i64 = 400;

/// The statements a batch runs for its documents and reports, prepared once per
/// connection (so PostgreSQL plans them once, not once per batch).
pub(super) struct Statements {
    band_documents: Statement,
    document_text: Statement,
    candidates: Statement,
    update_counts: Statement,
}

impl Statements {
    pub(super) fn prepare(client: &mut Client, label: &Path) -> Result<Statements> {
        let mut prepare = |sql: &str| client.prepare(sql).at(label);
        Ok(Statements {
            band_documents: prepare(
                "SELECT b.band, d.content_hash, d.minhash, d.duplicate_of
                 FROM minhash_bands b JOIN documents d ON d.content_hash = b.content_hash
                 WHERE b.band = ANY($1::bigint[])
                 ORDER BY d.seq",
            )?,
            document_text: prepare("SELECT text FROM documents WHERE content_hash = $1")?,
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
            update_counts: prepare(
                "UPDATE merged_events m SET
                    num_mentions = c.mentions, num_articles = c.articles, num_sources = c.sources
                 FROM (SELECT x.merged_id AS id, count(*) AS mentions,
                              count(DISTINCT coalesce(d.duplicate_of, d.content_hash)) AS articles,
                              count(DISTINCT coalesce(lower(d.outlet),
                                    'article ' || coalesce(d.duplicate_of, d.content_hash)))
                                  AS sources
                       FROM events x JOIN documents d ON d.content_hash = x.content_hash
                       WHERE x.merged_id = ANY($1::text[])
                       GROUP BY x.merged_id) c
                 WHERE m.id = c.id",
            )?,
        })
    }
}

/// An article of the batch, as near-duplicate detection sees it.
pub(super) struct NewArticle<'a> {
    pub content_hash: &'a str,
    pub text: &'a str,
    pub fingerprint: Option<&'a Fingerprint>,
    /// Its fingerprint's signature as stored.
    pub signature: Option<&'a [u8]>,
}

/// A stored article sharing a band with one of the batch.
struct Neighbour {
    content_hash: String,
    signature: Option<Vec<u8>>,
    duplicate_of: Option<String>,
    bands: HashSet<i64>,
}

/// For each of `articles` (new ones, in the order they are stored), the stored article it
/// nearly repeats (the original of its group), if any: the most similar among those
/// sharing a band, stored before or earlier in the batch, the oldest on ties. The same
/// answer as looking each up after storing the ones before it, in one query.
pub(super) fn find_originals(
    tx: &mut Transaction<'_>,
    statements: &Statements,
    label: &Path,
    articles: &[NewArticle<'_>],
) -> Result<Vec<Option<String>>> {
    let mut bands: Vec<i64> = articles
        .iter()
        .filter_map(|a| a.fingerprint)
        .flat_map(|f| f.bands.iter().copied())
        .collect();
    bands.sort_unstable();
    bands.dedup();
    // The stored articles sharing a band with any of the batch, oldest first.
    let mut neighbours: Vec<Neighbour> = Vec::new();
    if !bands.is_empty() {
        let mut index: HashMap<String, usize> = HashMap::new();
        for row in tx.query(&statements.band_documents, &[&bands]).at(label)? {
            let hash: String = row.get(1);
            let at = match index.get(&hash) {
                Some(&at) => at,
                None => {
                    index.insert(hash.clone(), neighbours.len());
                    neighbours.push(Neighbour {
                        content_hash: hash,
                        signature: row.get(2),
                        duplicate_of: row.get(3),
                        bands: HashSet::new(),
                    });
                    neighbours.len() - 1
                }
            };
            neighbours[at].bands.insert(row.get(0));
        }
    }
    let mut texts: HashMap<String, String> = HashMap::new();
    let mut originals: Vec<Option<String>> = Vec::with_capacity(articles.len());
    for (k, article) in articles.iter().enumerate() {
        let Some(fingerprint) = article.fingerprint else {
            originals.push(None);
            continue;
        };
        let shares = |other: &HashSet<i64>| fingerprint.bands.iter().any(|b| other.contains(b));
        let mut best: Option<(f64, String)> = None;
        let mut consider = |similarity: Option<f64>, original: &dyn Fn() -> String| {
            if let Some(similarity) = similarity {
                if best.as_ref().is_none_or(|(s, _)| similarity > *s) {
                    best = Some((similarity, original()));
                }
            }
        };
        for stored in &neighbours {
            if stored.content_hash == article.content_hash || !shares(&stored.bands) {
                continue;
            }
            let similarity = fingerprint.near_duplicate_of(stored.signature.as_deref(), || {
                if let Some(text) = texts.get(&stored.content_hash) {
                    return Ok(text.clone());
                }
                let row = tx
                    .query_one(&statements.document_text, &[&stored.content_hash])
                    .at(label)?;
                let text: String = row.get(0);
                texts.insert(stored.content_hash.clone(), text.clone());
                Ok(text)
            })?;
            consider(similarity, &|| {
                stored
                    .duplicate_of
                    .clone()
                    .unwrap_or_else(|| stored.content_hash.clone())
            });
        }
        // Stored earlier in this batch: after every article stored before it.
        for (earlier, original) in articles[..k].iter().zip(&originals) {
            let Some(theirs) = earlier.fingerprint else {
                continue;
            };
            if !fingerprint.bands.iter().any(|b| theirs.bands.contains(b)) {
                continue;
            }
            let similarity = fingerprint
                .near_duplicate_of(earlier.signature, || Ok(earlier.text.to_string()))?;
            consider(similarity, &|| {
                original
                    .clone()
                    .unwrap_or_else(|| earlier.content_hash.to_string())
            });
        }
        originals.push(best.map(|(_, original)| original));
    }
    Ok(originals)
}

/// The merged event the report joins, or the one to create for it (the report is not
/// stored yet; [`Report::seq`] is the row it will have).
pub(super) fn place_report(
    tx: &mut Transaction<'_>,
    statements: &Statements,
    label: &Path,
    report: &Report<'_>,
) -> Result<Placement> {
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
    Ok(place(report, &keys, candidates))
}

/// Recounts the reports, articles and sources of the merged events `ids`, in one statement.
pub(super) fn update_counts(
    tx: &mut Transaction<'_>,
    statements: &Statements,
    label: &Path,
    ids: &[&str],
) -> Result<()> {
    if !ids.is_empty() {
        tx.execute(&statements.update_counts, &[&ids]).at(label)?;
    }
    Ok(())
}
