//! The TempEval-3 evaluation of time expressions (Task A), computing the same numbers as
//! the reference scorer `te3_score.py`: relaxed match = overlapping extents, strict match =
//! identical extents, precision over system and recall over gold timexes, counts summed over
//! files; type and value accuracy among gold timexes with a relaxed match (against the system
//! timex with the same extent, else the one with the largest overlap); value F1 = relaxed F1 ×
//! value accuracy.
//!
//! [`evaluate_dir`] reads a folder (recursively) of TimeML `.tml` files or MEANTIME `.xml`
//! files.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::meantime::read_meantime;
use crate::tagger::TimexTagger;
use crate::timeml::{escape_text, read_timeml, type_name, GoldTimex};

/// A gold document: its name, DCT, text and TIMEX3s (character offsets into `text`).
#[derive(Debug, Clone)]
pub struct GoldDoc {
    /// File stem.
    pub name: String,
    /// Document creation time.
    pub dct: Option<NaiveDate>,
    /// The text with all tags removed.
    pub text: String,
    /// Gold time expressions, DCT excluded.
    pub timexes: Vec<GoldTimex>,
}

impl GoldDoc {
    /// The gold document as TimeML (for scoring with `te3_score.py`). Nested gold timexes
    /// are written nested; one that crosses another's boundary cannot be written inline and
    /// is left out (returned count).
    pub fn to_timeml(&self) -> (String, usize) {
        let byte_of = char_to_byte(&self.text);
        let mut spans: Vec<&GoldTimex> = self.timexes.iter().collect();
        spans.sort_by_key(|g| (g.start, std::cmp::Reverse(g.end)));
        let mut kept: Vec<&GoldTimex> = Vec::new();
        let mut left_out = 0;
        for g in spans {
            let crosses = kept
                .iter()
                .any(|k| k.start < g.start && g.start < k.end && k.end < g.end);
            if crosses {
                left_out += 1;
            } else {
                kept.push(g);
            }
        }
        // tags at each byte offset: closings (innermost first) before openings (outermost first)
        let mut tags: Vec<(usize, u8, usize, String)> = Vec::new();
        for (n, g) in kept.iter().enumerate() {
            let open = format!(
                "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"{}\">",
                n + 1,
                g.kind,
                g.value
                    .replace('&', "&amp;")
                    .replace('"', "&quot;")
                    .replace('<', "&lt;")
            );
            tags.push((byte_of[g.start], 1, usize::MAX - (g.end - g.start), open));
            tags.push((byte_of[g.end], 0, g.end - g.start, "</TIMEX3>".to_string()));
        }
        tags.sort();
        let mut out = String::from("<?xml version=\"1.0\" ?>\n<TimeML>\n");
        if let Some(dct) = self.dct {
            let d = dct.format("%Y-%m-%d");
            out.push_str(&format!(
                "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{d}\" functionInDocument=\"CREATION_TIME\">{d}</TIMEX3></DCT>\n"
            ));
        }
        out.push_str("<TEXT>");
        let mut last = 0;
        for (at, _, _, tag) in tags {
            escape_text(&self.text[last..at], &mut out);
            out.push_str(&tag);
            last = at;
        }
        escape_text(&self.text[last..], &mut out);
        out.push_str("</TEXT>\n</TimeML>\n");
        (out, left_out)
    }
}

/// Counts and scores of one evaluation.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TimexScores {
    /// Documents scored.
    pub documents: usize,
    /// Gold timexes.
    pub gold: usize,
    /// System timexes.
    pub system: usize,
    /// System timexes overlapping a gold one.
    pub relaxed_system_matches: usize,
    /// Gold timexes overlapped by a system one.
    pub relaxed_gold_matches: usize,
    /// System timexes with the extent of a gold one.
    pub strict_system_matches: usize,
    /// Gold timexes with the extent of a system one.
    pub strict_gold_matches: usize,
    /// Matched gold timexes with the right type.
    pub type_correct: usize,
    /// Matched gold timexes with the right value.
    pub value_correct: usize,
    /// Relaxed precision.
    pub relaxed_precision: f64,
    /// Relaxed recall.
    pub relaxed_recall: f64,
    /// Relaxed F1.
    pub relaxed_f1: f64,
    /// Strict precision.
    pub strict_precision: f64,
    /// Strict recall.
    pub strict_recall: f64,
    /// Strict F1.
    pub strict_f1: f64,
    /// Type accuracy among relaxed matches.
    pub type_accuracy: f64,
    /// Value accuracy among relaxed matches.
    pub value_accuracy: f64,
    /// Relaxed F1 × type accuracy.
    pub type_f1: f64,
    /// Relaxed F1 × value accuracy (the TempEval-3 ranking figure).
    pub value_f1: f64,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl TimexScores {
    /// Adds the counts of one document.
    pub fn add(&mut self, gold: &[GoldTimex], system: &[GoldTimex]) {
        self.documents += 1;
        self.gold += gold.len();
        self.system += system.len();
        let overlap = |a: &GoldTimex, b: &GoldTimex| a.start < b.end && b.start < a.end;
        let same = |a: &GoldTimex, b: &GoldTimex| a.start == b.start && a.end == b.end;
        for g in gold {
            let candidates: Vec<&GoldTimex> = system.iter().filter(|s| overlap(g, s)).collect();
            if candidates.is_empty() {
                continue;
            }
            self.relaxed_gold_matches += 1;
            let best = match candidates.iter().find(|s| same(g, s)) {
                Some(s) => {
                    self.strict_gold_matches += 1;
                    *s
                }
                None => {
                    let key = |s: &GoldTimex| {
                        (
                            s.end.min(g.end) - s.start.max(g.start),
                            std::cmp::Reverse(s.start),
                        )
                    };
                    let mut best = candidates[0];
                    for s in &candidates[1..] {
                        if key(s) > key(best) {
                            best = s;
                        }
                    }
                    best
                }
            };
            self.type_correct += usize::from(g.kind == best.kind);
            self.value_correct += usize::from(g.value == best.value);
        }
        for s in system {
            if gold.iter().any(|g| overlap(g, s)) {
                self.relaxed_system_matches += 1;
                if gold.iter().any(|g| same(g, s)) {
                    self.strict_system_matches += 1;
                }
            }
        }
        self.finish();
    }

    fn finish(&mut self) {
        self.relaxed_precision = ratio(self.relaxed_system_matches, self.system);
        self.relaxed_recall = ratio(self.relaxed_gold_matches, self.gold);
        self.relaxed_f1 = f1(self.relaxed_precision, self.relaxed_recall);
        self.strict_precision = ratio(self.strict_system_matches, self.system);
        self.strict_recall = ratio(self.strict_gold_matches, self.gold);
        self.strict_f1 = f1(self.strict_precision, self.strict_recall);
        self.type_accuracy = ratio(self.type_correct, self.relaxed_gold_matches);
        self.value_accuracy = ratio(self.value_correct, self.relaxed_gold_matches);
        self.type_f1 = self.relaxed_f1 * self.type_accuracy;
        self.value_f1 = self.relaxed_f1 * self.value_accuracy;
    }

    /// A plain-text table of the scores.
    pub fn to_table(&self) -> String {
        let pct = |x: f64| format!("{:6.2}", 100.0 * x);
        let mut out = String::new();
        out.push_str(&format!(
            "documents {}  gold {}  system {}\n",
            self.documents, self.gold, self.system
        ));
        out.push_str("          precision  recall      F1\n");
        out.push_str(&format!(
            "relaxed      {}  {}  {}\n",
            pct(self.relaxed_precision),
            pct(self.relaxed_recall),
            pct(self.relaxed_f1)
        ));
        out.push_str(&format!(
            "strict       {}  {}  {}\n",
            pct(self.strict_precision),
            pct(self.strict_recall),
            pct(self.strict_f1)
        ));
        out.push_str("          accuracy      F1\n");
        out.push_str(&format!(
            "type         {}  {}\n",
            pct(self.type_accuracy),
            pct(self.type_f1)
        ));
        out.push_str(&format!(
            "value        {}  {}\n",
            pct(self.value_accuracy),
            pct(self.value_f1)
        ));
        out
    }
}

/// Character offset → byte offset table of `text` (one entry past the end).
pub fn char_to_byte(text: &str) -> Vec<usize> {
    let mut table: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    table.push(text.len());
    table
}

/// Byte offset → character offset for the timexes of `text`.
pub fn system_timexes(text: &str, timexes: &[dyad_types::Timex]) -> Vec<GoldTimex> {
    let bytes = char_to_byte(text);
    let char_of = |b: usize| bytes.partition_point(|&x| x < b);
    timexes
        .iter()
        .map(|t| GoldTimex {
            start: char_of(t.start),
            end: char_of(t.end),
            kind: type_name(t.kind).to_string(),
            value: t.value.clone(),
        })
        .collect()
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    for entry in entries {
        let path = entry
            .map_err(|source| Error::Io {
                path: dir.to_path_buf(),
                source,
            })?
            .path();
        if path.is_dir() {
            collect_files(&path, out)?;
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("tml" | "xml")
        ) {
            out.push(path);
        }
    }
    Ok(())
}

/// Reads one gold file (TimeML `.tml`, or MEANTIME `.xml`); `None` for other XML.
pub fn read_gold_file(path: &Path) -> Result<Option<GoldDoc>> {
    let raw = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("doc")
        .to_string();
    let parsed = if raw.contains("<TimeML") {
        read_timeml(&raw)
    } else if raw.contains("<token ") && raw.contains("<Document") {
        read_meantime(&raw)
    } else {
        return Ok(None);
    };
    let (dct, text, timexes) = parsed.map_err(|message| Error::BadGold {
        path: path.to_path_buf(),
        message,
    })?;
    Ok(Some(GoldDoc {
        name,
        dct,
        text,
        timexes,
    }))
}

/// All gold documents under `dir` (recursively), in path order.
pub fn read_gold_dir(dir: &Path) -> Result<Vec<GoldDoc>> {
    let mut files = Vec::new();
    collect_files(dir, &mut files)?;
    files.sort();
    let mut docs = Vec::new();
    for path in files {
        if let Some(doc) = read_gold_file(&path)? {
            docs.push(doc);
        }
    }
    Ok(docs)
}

/// Tags every document and scores the result.
pub fn evaluate_docs(docs: &[GoldDoc], tagger: &TimexTagger) -> TimexScores {
    let mut scores = TimexScores::default();
    for doc in docs {
        let found = tagger.tag(&doc.text, doc.dct);
        scores.add(&doc.timexes, &system_timexes(&doc.text, &found));
    }
    scores
}

/// Evaluates `tagger` on the TimeML or MEANTIME files under `dir`.
pub fn evaluate_dir(dir: &Path, tagger: &TimexTagger) -> Result<TimexScores> {
    let docs = read_gold_dir(dir)?;
    if docs.is_empty() {
        return Err(Error::BadGold {
            path: dir.to_path_buf(),
            message: "no TimeML or MEANTIME files".into(),
        });
    }
    Ok(evaluate_docs(&docs, tagger))
}
