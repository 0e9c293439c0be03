//! What every backend shares when it writes: checking and encoding records, the evidence
//! sentence, near-duplicate fingerprints, and choosing the merged event a report joins. The
//! rules themselves are [`crate::merge`]'s; the backends only look up candidates in SQL.

use std::collections::HashSet;
use std::path::Path;

use dyad_types::{Analysis, Event};

use crate::error::Context;
use crate::merge::{self, EVIDENCE_THRESHOLD};
use crate::{Error, Result};

/// Estimated similarity under which a candidate near-duplicate is not measured exactly
/// (well under the threshold: the estimate's error is about ±0.1).
pub(crate) const CANDIDATE_ESTIMATE: f64 = 0.55;

/// Articles with fewer words than this are not compared as near-duplicates: a line or two
/// says too little about which article it is.
const MIN_WORDS_FOR_MINHASH: usize = 20;

/// What near-duplicate detection knows of an article, computed once when it is stored.
pub(crate) struct Fingerprint {
    shingles: HashSet<u64>,
    signature: [u32; merge::MINHASH_SIZE],
    /// The locality-sensitive bands of the signature: candidates share one.
    pub bands: Vec<i64>,
}

impl Fingerprint {
    /// The fingerprint of an article's text; `None` for a very short text.
    pub(crate) fn of(text: &str) -> Option<Fingerprint> {
        if text.split_whitespace().take(MIN_WORDS_FOR_MINHASH).count() < MIN_WORDS_FOR_MINHASH {
            return None;
        }
        let shingles = merge::shingles(text);
        let signature = merge::minhash_of(&shingles)?;
        let bands = merge::minhash_bands(&signature);
        Some(Fingerprint {
            shingles,
            signature,
            bands,
        })
    }

    /// The signature as stored in `documents.minhash`.
    pub(crate) fn signature_bytes(&self) -> Vec<u8> {
        merge::signature_bytes(&self.signature)
    }

    /// How alike this article and a stored one sharing a band are (the Jaccard similarity
    /// of their shingles), when it is enough for a near-duplicate; `None` otherwise.
    /// `other_text` is only read when the signatures' estimate comes close.
    pub(crate) fn near_duplicate_of(
        &self,
        other_signature: Option<&[u8]>,
        other_text: impl FnOnce() -> Result<String>,
    ) -> Result<Option<f64>> {
        let Some(other) = other_signature.and_then(merge::signature_from_bytes) else {
            return Ok(None);
        };
        // Far below the threshold by the estimate: not worth reading the text.
        if merge::minhash_similarity(&self.signature, &other) < CANDIDATE_ESTIMATE {
            return Ok(None);
        }
        let similarity = merge::jaccard(&self.shingles, &merge::shingles(&other_text()?));
        Ok((similarity >= merge::NEAR_DUPLICATE_SIMILARITY).then_some(similarity))
    }
}

/// What a report needs to find its merged event.
pub(crate) struct Report<'a> {
    /// The stored row of the report (`events.seq`).
    pub seq: i64,
    /// The key of its article.
    pub content_hash: &'a str,
    /// The article it nearly repeats, if any.
    pub original: Option<&'a str>,
    pub event: &'a Event,
    pub evidence: &'a str,
}

/// The keys a report's merged event is found (or created) by.
pub(crate) struct MergeKeys<'a> {
    pub source_key: String,
    pub target_key: String,
    /// The CAMEO root (the code's first two digits).
    pub root: &'a str,
    pub group: &'static str,
    /// The report's days, when dated.
    pub days: Option<(i64, i64)>,
}

impl<'a> Report<'a> {
    /// The keys of the merged event this report tells.
    pub(crate) fn keys(&self) -> MergeKeys<'a> {
        let event = self.event;
        MergeKeys {
            source_key: merge::actor_key(Some(&event.source)),
            target_key: merge::actor_key(event.target.as_ref()),
            root: event.cameo.get(..2).unwrap_or(&event.cameo),
            group: merge::mode_group(event.mode),
            days: merge::event_days(&event.date),
        }
    }
}

/// Where a report goes: the merged event it joins, or a new one (`created`) to insert.
pub(crate) struct Placement {
    pub id: String,
    /// Why, as stored in `events.merge_reason`.
    pub reason: String,
    pub created: bool,
}

/// Places a report among the `candidates` found by its `keys` ([`choose`]); a new merged
/// event when none fits.
pub(crate) fn place(
    report: &Report<'_>,
    keys: &MergeKeys<'_>,
    candidates: Vec<Candidate>,
) -> Placement {
    match choose(candidates, merge::is_single_day(keys.days)) {
        Some(c) => Placement {
            reason: join_reason(
                &c,
                &keys.source_key,
                &keys.target_key,
                keys.root,
                keys.group,
            ),
            id: c.id,
            created: false,
        },
        None => Placement {
            id: merge::merged_event_id(report.content_hash, &report.event.id),
            reason: "first report".to_string(),
            created: true,
        },
    }
}

/// A merged event that a report may join.
pub(crate) struct Candidate {
    /// Its id.
    pub id: String,
    /// How alike its first report's evidence and the new report's are.
    pub similarity: f64,
    /// Whether its date is a single day.
    pub day_precise: bool,
    /// Whether the new report's article nearly repeats an article telling it.
    pub copies: bool,
}

impl Candidate {
    /// A merged event found by its keys (`theirs`: its days; `evidence`: its first
    /// report's), as a candidate for a report dated `days` whose evidence has `words`;
    /// `None` when the dates rule it out (unless the report's article copies one telling
    /// it).
    pub(crate) fn of(
        id: String,
        theirs: Option<(i64, i64)>,
        evidence: &str,
        copies: bool,
        days: Option<(i64, i64)>,
        words: &HashSet<String>,
    ) -> Option<Candidate> {
        if !copies && !merge::dates_compatible(days, theirs) {
            return None;
        }
        Some(Candidate {
            id,
            similarity: merge::jaccard(words, &merge::content_words(evidence)),
            day_precise: merge::is_single_day(theirs),
            copies,
        })
    }
}

/// The merged event a report joins among `candidates` (same keys, compatible dates, no
/// report from its article yet), by the rules of [`crate::merge`]: the most similar
/// evidence wins, the oldest on ties; `None` when none fits.
fn choose(candidates: Vec<Candidate>, day_precise: bool) -> Option<Candidate> {
    candidates
        .into_iter()
        .filter(|c| {
            (c.day_precise && day_precise) || c.similarity >= EVIDENCE_THRESHOLD || c.copies
        })
        .fold(None::<Candidate>, |best, c| match best {
            Some(b) if b.similarity >= c.similarity => Some(b),
            _ => Some(c),
        })
}

/// Why a report joined `chosen`, as stored in `events.merge_reason`.
fn join_reason(
    chosen: &Candidate,
    source_key: &str,
    target_key: &str,
    root: &str,
    group: &str,
) -> String {
    let why = if chosen.copies {
        "its article nearly repeats one already telling it".to_string()
    } else if chosen.similarity >= EVIDENCE_THRESHOLD {
        format!("evidence {:.0}% alike", chosen.similarity * 100.0)
    } else {
        "both dated to the same day (±1)".to_string()
    };
    let dyad = format!("{} → {}", display_key(source_key), display_key(target_key));
    format!("same dyad {dyad}, root {root}, {group}; {why}")
}

fn display_key(key: &str) -> &str {
    if key.is_empty() {
        "-"
    } else {
        key
    }
}

/// Fails if two events of the document share an id (the store keys events by document and
/// id, so one would be lost) or an event holds a number JSON cannot carry (it would be read
/// back as null and fail every query that returns it).
pub(crate) fn check_events(path: &Path, analysis: &Analysis) -> Result<()> {
    let mut seen = HashSet::with_capacity(analysis.events.len());
    for event in &analysis.events {
        let location = event.location.as_ref();
        let numbers = [Some(event.goldstein), Some(event.confidence)]
            .into_iter()
            .chain([location.and_then(|l| l.lat), location.and_then(|l| l.lon)]);
        let reason = if !seen.insert(event.id.as_str()) {
            "its id repeats an earlier event's"
        } else if numbers.flatten().any(|n| !n.is_finite()) {
            "it holds a number that is not finite"
        } else {
            continue;
        };
        return Err(Error::InvalidEvent {
            path: path.to_path_buf(),
            document: analysis.doc.id.clone(),
            event: event.id.clone(),
            reason: reason.to_string(),
        });
    }
    Ok(())
}

/// The record as stored: everything but the text and the events, which have their own
/// column and rows (the fields stay, empty, so the JSON still reads as a record).
pub(crate) fn record_json(path: &Path, analysis: &Analysis) -> Result<String> {
    let mut record = serde_json::to_value(analysis).at(path)?;
    record["doc"]["text"] = serde_json::Value::String(String::new());
    record["events"] = serde_json::Value::Array(Vec::new());
    serde_json::to_string(&record).at(path)
}

/// The sentence an event was coded from, else its trigger when the sentence index or
/// offsets are out of range.
pub(crate) fn evidence<'a>(analysis: &'a Analysis, event: &'a Event) -> &'a str {
    analysis
        .sentences
        .get(event.sentence)
        .and_then(|sentence| analysis.doc.text.get(sentence.start..sentence.end))
        .unwrap_or(&event.trigger.text)
}

/// The record name of a unit enum variant (`"day"`, `"timex"`).
pub(crate) fn enum_name<T: serde::Serialize>(path: &Path, value: &T) -> Result<String> {
    match serde_json::to_value(value).at(path)? {
        serde_json::Value::String(name) => Ok(name),
        other => Ok(other.to_string()),
    }
}
