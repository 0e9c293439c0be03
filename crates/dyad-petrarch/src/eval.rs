//! `dyad eval petrarch`: code a records file's texts with dyad's own segmentation, tags and
//! lemmas (not the records' parse trees) and score the (source, target, code) triples the
//! way `../shared/tools/petrarch_score.py` does.
//!
//! Per record, G is the set of expected triples and P the coded set: TP = |G∩P|,
//! FP = |P−G|, FN = |G−P|, summed over records (micro precision, recall, F1). `noevents`
//! and `error` records (and records with no expected line) have an empty G: they add only
//! false positives and count as correct when nothing is coded.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use dyad_types::{Analysis, Document, Stage};
use serde::Serialize;

use crate::coder::{PetrarchCoder, Word};
use crate::dictionary::Dictionaries;
use crate::records::{read_records, Record, Triple};
use crate::Error;

/// Scores of one category (or of all records).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Score {
    /// Micro precision.
    pub precision: f64,
    /// Micro recall.
    pub recall: f64,
    /// Micro F1.
    pub f1: f64,
    /// Records.
    pub records: usize,
    /// Records whose coded set equals the expected set.
    pub exact: usize,
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
}

/// Precision, recall and F1 as the scorer computes them (an empty side counts as perfect).
pub fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else if fn_ == 0 {
        1.0
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        1.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

impl Score {
    fn add(&mut self, tp: usize, fp: usize, fn_: usize, exact: bool) {
        self.records += 1;
        self.tp += tp;
        self.fp += fp;
        self.fn_ += fn_;
        self.exact += usize::from(exact);
        (self.precision, self.recall, self.f1) = prf(self.tp, self.fp, self.fn_);
    }
}

/// The result of `dyad eval petrarch`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PetrarchScores {
    /// Micro precision over all records.
    pub precision: f64,
    /// Micro recall.
    pub recall: f64,
    /// Micro F1.
    pub f1: f64,
    /// Records scored.
    pub records: usize,
    /// True positives, false positives, false negatives.
    pub tp: usize,
    /// See `tp`.
    pub fp: usize,
    /// See `tp`.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// Records coded exactly.
    pub exact_records: usize,
    /// `noevents` records with nothing coded.
    pub noevents_correct: usize,
    /// `noevents` records.
    pub noevents_records: usize,
    /// `error` records with nothing coded.
    pub error_records_correct: usize,
    /// `error` records.
    pub error_records: usize,
    /// Scores per category.
    pub per_category: BTreeMap<String, Score>,
    /// Sentences coded (as dyad segments the texts).
    pub sentences: usize,
    /// Segmentation, tagging and parsing time, seconds.
    pub parse_seconds: f64,
    /// Coding time alone on the parsed sentences, seconds per pass.
    pub code_seconds: f64,
    /// Coder speed on parsed text, one thread.
    pub coder_sentences_per_s: f64,
    /// Coder speed in records per second.
    pub coder_records_per_s: f64,
    /// The dictionary files loaded.
    pub dictionaries: Vec<String>,
    /// Records whose coded set differs from the expected one: id, expected, coded.
    #[serde(skip)]
    pub differences: Vec<(String, Vec<Triple>, Vec<Triple>)>,
}

impl PetrarchScores {
    /// A plain-text report: totals and one line per category.
    pub fn to_table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "dictionaries: {}", self.dictionaries.join(", "));
        let _ = writeln!(
            out,
            "{:<10} {:>5} {:>5} {:>4} {:>4} {:>6} {:>6} {:>6} {:>7}",
            "category", "recs", "tp", "fp", "fn", "P", "R", "F1", "exact"
        );
        let line = |out: &mut String, name: &str, s: &Score| {
            let _ = writeln!(
                out,
                "{name:<10} {:>5} {:>5} {:>4} {:>4} {:>6.3} {:>6.3} {:>6.3} {:>3}/{:<3}",
                s.records, s.tp, s.fp, s.fn_, s.precision, s.recall, s.f1, s.exact, s.records
            );
        };
        for (name, s) in &self.per_category {
            line(&mut out, name, s);
        }
        let all = Score {
            precision: self.precision,
            recall: self.recall,
            f1: self.f1,
            records: self.records,
            exact: self.exact_records,
            tp: self.tp,
            fp: self.fp,
            fn_: self.fn_,
        };
        line(&mut out, "ALL", &all);
        let _ = writeln!(
            out,
            "noevents records correct (nothing coded): {}/{}\nerror records correct: {}/{}",
            self.noevents_correct,
            self.noevents_records,
            self.error_records_correct,
            self.error_records
        );
        let _ = write!(
            out,
            "{} sentences; parsing {:.2} s; coding alone {:.0} sentences/s, {:.0} records/s (one thread)",
            self.sentences, self.parse_seconds, self.coder_sentences_per_s, self.coder_records_per_s
        );
        out
    }
}

/// dyad's segmenter, tagger and parser, producing the words the coder reads.
pub struct TextParser {
    segmenter: dyad_segment::Segmenter,
    syntax: dyad_syntax::SyntaxStage,
}

impl TextParser {
    /// The embedded models.
    pub fn embedded() -> Result<TextParser, Error> {
        Ok(TextParser {
            segmenter: dyad_segment::Segmenter::new(),
            syntax: dyad_syntax::SyntaxStage::embedded()?,
        })
    }

    /// The words of each sentence of `text`.
    pub fn sentences(&self, text: &str) -> Vec<Vec<Word>> {
        self.parse(text, false)
    }

    /// The words of `text` as one sentence (a PETRARCH record holds one sentence, which
    /// the segmenter might otherwise split at an abbreviation).
    pub fn sentence(&self, text: &str) -> Vec<Vec<Word>> {
        self.parse(text, true)
    }

    fn parse(&self, text: &str, one: bool) -> Vec<Vec<Word>> {
        let mut a = Analysis::new(Document::from_text(text));
        self.segmenter.process(&mut a);
        if one && a.sentences.len() > 1 {
            let last = *a.sentences.last().expect("non-empty");
            let first = &mut a.sentences[0];
            first.end = last.end;
            first.last_token = last.last_token;
            a.sentences.truncate(1);
        }
        self.syntax.process(&mut a);
        (0..a.sentences.len())
            .map(|i| {
                a.sentence_tokens(i)
                    .iter()
                    .enumerate()
                    .map(|(k, t)| Word::from_token(&a.doc.text, t, k))
                    .collect()
            })
            .collect()
    }
}

/// The dictionaries beside a records file: the first folder named `dictionaries*` next to
/// it that holds a verbs file.
pub fn default_dictionaries(records: &Path) -> Option<PathBuf> {
    let dir = records.parent()?;
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_dir()
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("dictionaries"))
        })
        .collect();
    dirs.sort();
    dirs.into_iter().find(|d| Dictionaries::from_dir(d).is_ok())
}

/// Evaluates the coder on a records file. `dictionaries`: a folder of PETRARCH-1/TABARI
/// dictionaries (default: the `dictionaries*` folder beside the records). `predictions`:
/// also write one JSON line per record, `{"id", "events": [{"source","target","code"}]}`,
/// the form `petrarch_score.py` reads.
pub fn evaluate(
    records_path: &Path,
    dictionaries: Option<&Path>,
    predictions: Option<&Path>,
) -> Result<PetrarchScores, Error> {
    let records = read_records(records_path)?;
    let dir = match dictionaries {
        Some(d) => d.to_path_buf(),
        None => default_dictionaries(records_path).ok_or_else(|| {
            Error::NoVerbs(
                records_path
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default(),
            )
        })?,
    };
    let dict = Dictionaries::from_dir(&dir)?;
    let files = dict.files.iter().map(|p| p.display().to_string()).collect();
    let coder = PetrarchCoder::new(dict);
    let parser = TextParser::embedded()?;

    let t0 = Instant::now();
    let parsed: Vec<Vec<Vec<Word>>> = records.iter().map(|r| parser.sentence(&r.text)).collect();
    let parse_seconds = t0.elapsed().as_secs_f64();
    let sentences: usize = parsed.iter().map(Vec::len).sum();

    let code_all = || -> Vec<Vec<Triple>> {
        records
            .iter()
            .zip(&parsed)
            .map(|(r, sents)| code_record(&coder, r, sents))
            .collect()
    };
    // Time the coding step alone; repeat the passes until at least half a second is spent.
    let t1 = Instant::now();
    let mut coded = code_all();
    let mut passes = 1usize;
    while t1.elapsed().as_secs_f64() < 0.5 {
        coded = code_all();
        passes += 1;
    }
    let code_seconds = t1.elapsed().as_secs_f64() / passes as f64;

    if let Some(path) = predictions {
        write_predictions(path, &records, &coded)?;
    }
    let mut scores = score(&records, &coded);
    scores.sentences = sentences;
    scores.parse_seconds = parse_seconds;
    scores.code_seconds = code_seconds;
    scores.coder_sentences_per_s = sentences as f64 / code_seconds.max(1e-12);
    scores.coder_records_per_s = records.len() as f64 / code_seconds.max(1e-12);
    scores.dictionaries = files;
    Ok(scores)
}

/// The triples coded for one record from its parsed sentences.
pub fn code_record(coder: &PetrarchCoder, r: &Record, sentences: &[Vec<Word>]) -> Vec<Triple> {
    // A story-level discard anywhere drops the whole record, as does malformed input.
    if r.malformed || sentences.iter().any(|s| coder.discarded(s) == Some(true)) {
        return Vec::new();
    }
    let mut out: Vec<Triple> = Vec::new();
    for words in sentences {
        for e in coder.code_words(words, r.date, &r.settings) {
            let t = (e.source, e.target, e.code);
            if !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

fn write_predictions(path: &Path, records: &[Record], coded: &[Vec<Triple>]) -> Result<(), Error> {
    let werr = |cause| Error::Write {
        path: path.to_path_buf(),
        cause,
    };
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).map_err(werr)?);
    for (r, triples) in records.iter().zip(coded) {
        let events: Vec<_> = triples
            .iter()
            .map(|(s, t, c)| serde_json::json!({"source": s, "target": t, "code": c}))
            .collect();
        let line = serde_json::json!({"id": r.id, "events": events});
        writeln!(f, "{line}").map_err(werr)?;
    }
    f.flush().map_err(werr)
}

/// Scores coded triples against the records.
pub fn score(records: &[Record], coded: &[Vec<Triple>]) -> PetrarchScores {
    let mut s = PetrarchScores::default();
    let mut all = Score::default();
    for (r, pred) in records.iter().zip(coded) {
        let tp = pred.iter().filter(|t| r.gold.contains(t)).count();
        let fp = pred.len() - tp;
        let fn_ = r.gold.iter().filter(|t| !pred.contains(t)).count();
        let exact = fp == 0 && fn_ == 0;
        all.add(tp, fp, fn_, exact);
        s.per_category
            .entry(r.category.clone())
            .or_default()
            .add(tp, fp, fn_, exact);
        if r.gold.is_empty() {
            if r.error.is_some() {
                s.error_records += 1;
                s.error_records_correct += usize::from(pred.is_empty());
            } else if r.noevents {
                s.noevents_records += 1;
                s.noevents_correct += usize::from(pred.is_empty());
            }
        }
        if !exact {
            s.differences
                .push((r.id.clone(), r.gold.clone(), pred.clone()));
        }
    }
    s.precision = all.precision;
    s.recall = all.recall;
    s.f1 = all.f1;
    s.records = all.records;
    s.tp = all.tp;
    s.fp = all.fp;
    s.fn_ = all.fn_;
    s.exact_records = all.exact;
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(id: &str, category: &str, gold: &[(&str, &str, &str)], noevents: bool) -> Record {
        Record {
            id: id.into(),
            category: category.into(),
            date: None,
            text: String::new(),
            gold: gold
                .iter()
                .map(|(s, t, c)| (s.to_string(), t.to_string(), c.to_string()))
                .collect(),
            noevents,
            error: None,
            settings: Default::default(),
            malformed: false,
        }
    }

    fn tr(s: &str, t: &str, c: &str) -> Triple {
        (s.into(), t.into(), c.into())
    }

    #[test]
    fn micro_scores_as_the_scorer_computes_them() {
        let records = vec![
            rec(
                "A",
                "X",
                &[("ARN", "GON", "064"), ("GON", "ARN", "065")],
                false,
            ),
            rec("B", "Y", &[("ARN", "GON", "111")], false),
            rec("C", "Y", &[], true),
            rec("D", "Y", &[], true),
        ];
        let coded = vec![
            vec![tr("ARN", "GON", "064")],
            vec![tr("ARN", "GON", "112")],
            vec![],
            vec![tr("ARN", "GON", "010")],
        ];
        let s = score(&records, &coded);
        // TP 1, FP 2 (B, D), FN 2 (A's second, B).
        assert_eq!((s.tp, s.fp, s.fn_), (1, 2, 2));
        assert!((s.precision - 1.0 / 3.0).abs() < 1e-12);
        assert!((s.recall - 1.0 / 3.0).abs() < 1e-12);
        assert!((s.f1 - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!((s.noevents_correct, s.noevents_records), (1, 2));
        assert_eq!(s.exact_records, 1);
        assert_eq!(s.per_category["X"].recall, 0.5);
        assert_eq!(s.per_category["Y"].records, 3);
    }

    #[test]
    fn empty_sides_count_as_perfect() {
        assert_eq!(prf(0, 0, 0), (1.0, 1.0, 1.0));
        assert_eq!(prf(0, 0, 3), (0.0, 0.0, 0.0));
        assert_eq!(prf(0, 2, 0), (0.0, 1.0, 0.0));
    }
}
