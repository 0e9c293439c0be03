//! `dyad eval plover`: the whole pipeline, with dyad's own lexicon, on the PLOVER
//! gold-standard records (one sentence each, with its PLOVER event type and actors).
//!
//! A record's predicted type is the PLOVER type of its most confident event (the earliest on
//! a tie); a record with no event is wrong. The gold records use the PLOVER names of 2016
//! (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT); they are compared under the 2021 names the
//! crosswalk gives (REQUEST, ACCUSE, ACCUSE, ASSAULT). Actor agreement: among records with a
//! predicted event, the share whose source (and, where the gold names one, target) shares its
//! first three letters (the CAMEO country or organisation code) with a gold actor.
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use dyad_types::{Actor, Document, Event};
use serde::Serialize;

use crate::Pipeline;

/// Errors reading the gold records.
#[derive(Debug, thiserror::Error)]
pub enum PloverEvalError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not a PLOVER gold-records JSON array.
    #[error("{}: {message}", path.display())]
    Malformed {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// Accuracy per gold event type.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct TypeScore {
    /// Records of this type.
    pub records: usize,
    /// Records whose predicted type is right.
    pub correct: usize,
    /// Records with no event coded.
    pub no_event: usize,
}

/// Scores on the PLOVER gold records.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct PloverScores {
    /// Records scored (those with a sentence and an event type).
    pub records: usize,
    /// Share whose most confident event has the gold PLOVER type.
    pub event_type_accuracy: f64,
    /// Share where some coded event has the gold type.
    pub any_event_type_accuracy: f64,
    /// Share of records with at least one event coded.
    pub coverage: f64,
    /// Among records with an event: share whose source agrees with a gold source.
    pub source_agreement: f64,
    /// Among records with an event and a gold target: share whose target agrees.
    pub target_agreement: f64,
    /// Event-type accuracy on the even-numbered records (0-based position among the scored
    /// ones): the half tuning decisions may look at.
    pub even_accuracy: f64,
    /// Event-type accuracy on the odd-numbered records: the held-out half.
    pub odd_accuracy: f64,
    /// Per gold type (2021 names).
    pub by_type: BTreeMap<String, TypeScore>,
    /// What was coded for each record, in file order (not in the JSON metrics).
    #[serde(skip)]
    pub outcomes: Vec<RecordOutcome>,
}

/// What the pipeline coded for one gold record.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecordOutcome {
    /// The gold type (2021 name).
    pub gold: String,
    /// The PLOVER type of the most confident event; `None` when nothing was coded.
    pub coded: Option<String>,
    /// That event's CAMEO code, source and target codes (`-` for none).
    pub detail: String,
    /// The sentence.
    pub text: String,
}

impl RecordOutcome {
    /// Whether the coded type is the gold one.
    pub fn correct(&self) -> bool {
        self.coded.as_deref() == Some(self.gold.as_str())
    }
}

impl PloverScores {
    /// A plain-text table.
    pub fn to_table(&self) -> String {
        let mut out = format!(
            "PLOVER gold records: {} sentences\n\
             event type accuracy {:.3} (any event {:.3}), coverage {:.3}\n\
             actor agreement: source {:.3}, target {:.3}\n\
             type          records  correct  no event\n",
            self.records,
            self.event_type_accuracy,
            self.any_event_type_accuracy,
            self.coverage,
            self.source_agreement,
            self.target_agreement
        );
        for (name, s) in &self.by_type {
            let _ = writeln!(
                out,
                "{name:<13} {:>7}  {:>7}  {:>8}",
                s.records, s.correct, s.no_event
            );
        }
        let _ = writeln!(
            out,
            "halves: even {:.3}, odd {:.3}",
            self.even_accuracy, self.odd_accuracy
        );
        out
    }

    /// One line per record: position, half, right or wrong, gold and coded type, the coded
    /// event's CAMEO code and actors, and the sentence.
    pub fn outcome_lines(&self) -> String {
        let mut out = String::new();
        for (i, o) in self.outcomes.iter().enumerate() {
            let half = if i % 2 == 0 { "even" } else { "odd" };
            let mark = if o.correct() { "ok" } else { "WRONG" };
            let coded = o.coded.as_deref().unwrap_or("-");
            let _ = writeln!(
                out,
                "REC {i} {half} {mark} gold={} coded={coded} {} | {}",
                o.gold, o.detail, o.text
            );
        }
        out
    }
}

/// The 2021 name of a PLOVER event type as the 2016 gold records write it.
pub fn plover_2021_name(name: &str) -> &str {
    match name {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}

struct GoldRecord {
    text: String,
    date: Option<String>,
    event: String,
    sources: Vec<String>,
    targets: Vec<String>,
}

/// Scores `pipeline` on the PLOVER gold records in `path` (the JSON array of the PLOVER
/// repository, or the folder holding it).
pub fn evaluate_plover(path: &Path, pipeline: &Pipeline) -> Result<PloverScores, PloverEvalError> {
    let file = if path.is_dir() {
        let inner = path.join("plover_gsr");
        let dir = if inner.is_dir() {
            inner
        } else {
            path.to_path_buf()
        };
        std::fs::read_dir(&dir)
            .map_err(|source| PloverEvalError::Io {
                path: dir.clone(),
                source,
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.extension().is_some_and(|x| x == "json"))
            .ok_or_else(|| PloverEvalError::Malformed {
                path: dir.clone(),
                message: "no .json file of PLOVER records".into(),
            })?
    } else {
        path.to_path_buf()
    };
    let records = read_records(&file)?;
    let mut scores = PloverScores::default();
    let (mut any, mut covered, mut source_ok, mut with_target, mut target_ok) = (0, 0, 0, 0, 0);
    let mut correct = 0;
    // Right and scored records of the even and the odd half.
    let mut halves = [(0usize, 0usize); 2];
    for (position, record) in records.iter().enumerate() {
        let mut doc = Document::from_text(record.text.clone());
        doc.published = record.date.clone();
        let analysis = pipeline.analyze(doc);
        let gold = plover_2021_name(&record.event).to_string();
        let entry = scores.by_type.entry(gold.clone()).or_default();
        entry.records += 1;
        let best = most_confident(&analysis.events);
        let type_of = |e: &Event| e.plover.as_ref().map(|p| p.event.clone());
        let outcome = RecordOutcome {
            gold: gold.clone(),
            coded: best.and_then(type_of),
            detail: best.map(describe).unwrap_or_default(),
            text: record.text.clone(),
        };
        let right = outcome.correct();
        scores.outcomes.push(outcome);
        let half = &mut halves[position % 2];
        half.0 += usize::from(right);
        half.1 += 1;
        if right {
            correct += 1;
            entry.correct += 1;
        }
        let Some(best) = best else {
            entry.no_event += 1;
            continue;
        };
        covered += 1;
        if analysis
            .events
            .iter()
            .any(|e| type_of(e).as_deref() == Some(gold.as_str()))
        {
            any += 1;
        }
        source_ok += usize::from(agrees(Some(&best.source), &record.sources));
        if !record.targets.is_empty() {
            with_target += 1;
            target_ok += usize::from(agrees(best.target.as_ref(), &record.targets));
        }
    }
    let n = records.len();
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    scores.records = n;
    scores.event_type_accuracy = ratio(correct, n);
    scores.any_event_type_accuracy = ratio(any, n);
    scores.coverage = ratio(covered, n);
    scores.source_agreement = ratio(source_ok, covered);
    scores.target_agreement = ratio(target_ok, with_target);
    scores.even_accuracy = ratio(halves[0].0, halves[0].1);
    scores.odd_accuracy = ratio(halves[1].0, halves[1].1);
    Ok(scores)
}

/// An event's CAMEO code and actors, as `code source→target` (an actor's code, else its
/// text in quotes).
fn describe(event: &Event) -> String {
    let code = |a: Option<&Actor>| match a {
        None => "-".to_string(),
        Some(a) => match a.code.as_deref().or(a.country.as_deref()) {
            Some(code) => code.to_string(),
            None => format!("{:?}", a.text),
        },
    };
    format!(
        "{} {}→{}",
        event.cameo,
        code(Some(&event.source)),
        code(event.target.as_ref())
    )
}

fn most_confident(events: &[Event]) -> Option<&Event> {
    events
        .iter()
        .fold(None, |best: Option<&Event>, e| match best {
            Some(b) if b.confidence >= e.confidence => Some(b),
            _ => Some(e),
        })
}

/// Whether `actor`'s code shares its first three letters with one of the gold codes.
fn agrees(actor: Option<&Actor>, gold: &[String]) -> bool {
    let Some(code) = actor.and_then(|a| a.code.as_deref().or(a.country.as_deref())) else {
        return false;
    };
    let prefix = |c: &str| c.chars().take(3).collect::<String>();
    gold.iter().any(|g| prefix(g) == prefix(code))
}

fn read_records(path: &Path) -> Result<Vec<GoldRecord>, PloverEvalError> {
    let malformed = |message: String| PloverEvalError::Malformed {
        path: path.to_path_buf(),
        message,
    };
    let text = std::fs::read_to_string(path).map_err(|source| PloverEvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| malformed(format!("not JSON: {e}")))?;
    let items = json
        .as_array()
        .ok_or_else(|| malformed("not a JSON array of records".into()))?;
    let codes = |v: Option<&serde_json::Value>| -> Vec<String> {
        v.and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.get("code").and_then(|c| c.as_str()))
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let event = item.get("event").and_then(|e| e.as_str());
        let sentence = item.get("text").and_then(|t| t.as_str());
        match (event, sentence) {
            (Some("DOCUMENT"), _) | (_, None) => continue,
            (None, Some(_)) => return Err(malformed(format!("record {}: no `event`", i + 1))),
            (Some(event), Some(sentence)) => out.push(GoldRecord {
                text: sentence.to_string(),
                date: item
                    .get("date")
                    .and_then(|d| d.as_str())
                    .map(str::to_string),
                event: event.to_string(),
                sources: codes(item.get("source")),
                targets: codes(item.get("target")),
            }),
        }
    }
    if out.is_empty() {
        return Err(malformed("no records with a sentence and an event".into()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_names_map_to_the_2021_types() {
        assert_eq!(plover_2021_name("DEMAND"), "REQUEST");
        assert_eq!(plover_2021_name("FIGHT"), "ASSAULT");
        assert_eq!(plover_2021_name("AGREE"), "AGREE");
    }

    #[test]
    fn actors_agree_on_their_country_code() {
        let actor = Actor {
            code: Some("HUNGOV".into()),
            ..Actor::default()
        };
        assert!(agrees(Some(&actor), &["HUN".into()]));
        assert!(!agrees(Some(&actor), &["ROU".into()]));
        assert!(!agrees(None, &["HUN".into()]));
    }
}
