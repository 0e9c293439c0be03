//! Evaluation of event modes against the UDS "It Happened" v2 factuality judgements
//! (Rudinger et al. 2018) on UD English-EWT sentences.
//!
//! Each sentence is rebuilt from its gold words, tagged and parsed by dyad's own models, and
//! each annotated predicate gets the mode [`modality::predicate_mode`] reads off that parse.
//! Modes map to factuality as the record promises: `asserted`, `reported` and `alleged` say it
//! happened (according to someone); `future`, `hypothetical` and `negated` say it did not.
//! The gold label is the sign of the normalised `factual` value.
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use dyad_types::{Analysis, Document, Mode, Sentence, Stage, Token};
use serde::Serialize;

use crate::modality;

/// Errors reading the factuality data.
#[derive(Debug, thiserror::Error)]
pub enum FactualityError {
    /// A file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A file is not what the UDS release holds.
    #[error("{}: {message}", path.display())]
    Malformed {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// No split of the data was found in the folder.
    #[error(
        "{}: no UDS factuality data (expected ewt_r1.2_{{dev,test}}.conllu and \
         factuality_normalized_{{dev,test}}.json)",
        .0.display()
    )]
    Empty(PathBuf),
    /// The parser's models could not be loaded.
    #[error(transparent)]
    Syntax(#[from] dyad_syntax::Error),
}

/// Scores of one split.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct SplitScores {
    /// The split's name (`dev`, `test`).
    pub split: String,
    /// Predicates scored.
    pub predicates: usize,
    /// Predicates whose gold judgement says they happened.
    pub happened: usize,
    /// Share of predicates whose mode agrees with the gold judgement.
    pub accuracy: f64,
    /// Accuracy of always answering the majority class.
    pub majority_baseline: f64,
    /// Macro-averaged F1 over happened / did not happen.
    pub f1: f64,
    /// F1 of the minority class, "did not happen".
    pub f1_not_happened: f64,
    /// Macro F1 of the majority-class baseline.
    pub majority_f1: f64,
    /// Predicates by predicted mode.
    pub by_mode: Vec<(String, usize)>,
}

/// Scores on every split found; the headline figures are the test split's (else the last).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct FactualityScores {
    /// Headline accuracy.
    pub accuracy: f64,
    /// Headline macro F1.
    pub f1: f64,
    /// Headline majority-class accuracy.
    pub majority_baseline: f64,
    /// Predicates in the headline split.
    pub predicates: usize,
    /// Each split.
    pub splits: Vec<SplitScores>,
}

impl FactualityScores {
    /// A plain-text table.
    pub fn to_table(&self) -> String {
        let mut out = String::from(
            "UDS It Happened v2 factuality (modes from dyad's own parse)\n\
             split  predicates  accuracy  majority  macro F1  majority F1  F1 not-happened\n",
        );
        for s in &self.splits {
            let _ = writeln!(
                out,
                "{:<6} {:>10}  {:>8.3}  {:>8.3}  {:>8.3}  {:>11.3}  {:>15.3}",
                s.split,
                s.predicates,
                s.accuracy,
                s.majority_baseline,
                s.f1,
                s.majority_f1,
                s.f1_not_happened
            );
        }
        for s in &self.splits {
            let modes: Vec<String> = s.by_mode.iter().map(|(m, n)| format!("{m} {n}")).collect();
            let _ = writeln!(out, "{} modes: {}", s.split, modes.join(", "));
        }
        out
    }
}

/// Whether a mode says the event happened.
pub fn happened(mode: Mode) -> bool {
    matches!(mode, Mode::Asserted | Mode::Reported | Mode::Alleged)
}

/// Scores every split (`dev`, `test`) found in `dir` (the UDS folder or its parent).
pub fn evaluate_dir(
    dir: &Path,
    syntax: &dyad_syntax::SyntaxStage,
) -> Result<FactualityScores, FactualityError> {
    let inner = dir.join("uds_ih2_factuality");
    let dir = if inner.is_dir() {
        inner
    } else {
        dir.to_path_buf()
    };
    let mut splits = Vec::new();
    for split in ["dev", "test"] {
        let conllu = dir.join(format!("ewt_r1.2_{split}.conllu"));
        let labels = dir.join(format!("factuality_normalized_{split}.json"));
        if conllu.is_file() && labels.is_file() {
            splits.push(evaluate_split(split, &conllu, &labels, syntax)?);
        }
    }
    let headline = splits.last().cloned().ok_or(FactualityError::Empty(dir))?;
    Ok(FactualityScores {
        accuracy: headline.accuracy,
        f1: headline.f1,
        majority_baseline: headline.majority_baseline,
        predicates: headline.predicates,
        splits,
    })
}

/// One annotated predicate with dyad's mode for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    /// The sentence's `sent_id`.
    pub sentence: String,
    /// The sentence's words.
    pub words: Vec<String>,
    /// 0-based index of the predicate.
    pub predicate: usize,
    /// dyad's mode for it.
    pub mode: Mode,
    /// Whether the annotators say it happened.
    pub happened: bool,
}

/// dyad's mode for every annotated predicate of one split, in sentence order.
pub fn judge_split(
    conllu: &Path,
    labels: &Path,
    syntax: &dyad_syntax::SyntaxStage,
) -> Result<Vec<Judgement>, FactualityError> {
    let sentences = read_sentences(conllu)?;
    let gold = read_labels(labels)?;
    let mut out = Vec::new();
    for (id, words) in sentences {
        let Some(predicates) = gold.get(&id) else {
            continue;
        };
        let analysis = parse(&words, syntax);
        let texts: Vec<&str> = words.iter().map(String::as_str).collect();
        for &(index, happened) in predicates {
            if index >= words.len() {
                return Err(FactualityError::Malformed {
                    path: labels.to_path_buf(),
                    message: format!("{id}: predicate {} beyond the sentence", index + 1),
                });
            }
            let mode = modality::predicate_mode(&texts, &analysis.tokens, index);
            out.push(Judgement {
                sentence: id.clone(),
                words: words.clone(),
                predicate: index,
                mode,
                happened,
            });
        }
    }
    Ok(out)
}

/// Scores one split: its CoNLL-U sentences and its normalised judgements.
pub fn evaluate_split(
    name: &str,
    conllu: &Path,
    labels: &Path,
    syntax: &dyad_syntax::SyntaxStage,
) -> Result<SplitScores, FactualityError> {
    let judgements = judge_split(conllu, labels, syntax)?;
    let mut by_mode: HashMap<&'static str, usize> = HashMap::new();
    let pairs: Vec<(bool, bool)> = judgements
        .iter()
        .map(|j| {
            *by_mode.entry(j.mode.as_str()).or_default() += 1;
            (happened(j.mode), j.happened)
        })
        .collect();
    let mut by_mode: Vec<(String, usize)> = by_mode
        .into_iter()
        .map(|(m, n)| (m.to_string(), n))
        .collect();
    by_mode.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(score(name, &pairs, by_mode))
}

fn score(name: &str, pairs: &[(bool, bool)], by_mode: Vec<(String, usize)>) -> SplitScores {
    let n = pairs.len();
    let happened = pairs.iter().filter(|p| p.1).count();
    let majority = happened.max(n - happened);
    let correct = pairs.iter().filter(|p| p.0 == p.1).count();
    let f1_of = |class: bool, predicted: &dyn Fn(&(bool, bool)) -> bool| {
        let tp = pairs
            .iter()
            .filter(|p| predicted(p) == class && p.1 == class)
            .count();
        let fp = pairs
            .iter()
            .filter(|p| predicted(p) == class && p.1 != class)
            .count();
        let fn_ = pairs
            .iter()
            .filter(|p| predicted(p) != class && p.1 == class)
            .count();
        if tp == 0 {
            0.0
        } else {
            2.0 * tp as f64 / (2 * tp + fp + fn_) as f64
        }
    };
    let ours = |p: &(bool, bool)| p.0;
    let majority_class = happened * 2 >= n;
    let constant = move |_: &(bool, bool)| majority_class;
    let ratio = |a: usize| a as f64 / n.max(1) as f64;
    SplitScores {
        split: name.to_string(),
        predicates: n,
        happened,
        accuracy: ratio(correct),
        majority_baseline: ratio(majority),
        f1: (f1_of(true, &ours) + f1_of(false, &ours)) / 2.0,
        f1_not_happened: f1_of(false, &ours),
        majority_f1: (f1_of(true, &constant) + f1_of(false, &constant)) / 2.0,
        by_mode,
    }
}

/// The words of one sentence, tagged and parsed as the pipeline would.
fn parse(words: &[String], syntax: &dyad_syntax::SyntaxStage) -> Analysis {
    let text = words.join(" ");
    let mut analysis = Analysis::new(Document::from_text(text));
    let mut at = 0;
    analysis.tokens = words
        .iter()
        .map(|w| {
            let t = Token::new(at, at + w.len());
            at += w.len() + 1;
            t
        })
        .collect();
    analysis.sentences = vec![Sentence {
        start: 0,
        end: analysis.doc.text.len(),
        first_token: 0,
        last_token: words.len(),
    }];
    syntax.process(&mut analysis);
    analysis
}

/// `(sent_id, words)` of every sentence of a CoNLL-U file.
fn read_sentences(path: &Path) -> Result<Vec<(String, Vec<String>)>, FactualityError> {
    dyad_syntax::conllu::read_conllu(path)?
        .into_iter()
        .enumerate()
        .map(|(n, s)| match s.sent_id {
            Some(id) => Ok((id, s.words)),
            None => Err(FactualityError::Malformed {
                path: path.to_path_buf(),
                message: format!("sentence {} has no `# sent_id`", n + 1),
            }),
        })
        .collect()
}

/// Gold judgements: sentence id → `(0-based predicate index, happened)`.
type Labels = HashMap<String, Vec<(usize, bool)>>;

fn read_labels(path: &Path) -> Result<Labels, FactualityError> {
    let malformed = |message: String| FactualityError::Malformed {
        path: path.to_path_buf(),
        message,
    };
    let text = std::fs::read_to_string(path).map_err(|source| FactualityError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| malformed(format!("not JSON: {e}")))?;
    let data = json
        .get("data")
        .and_then(|d| d.as_object())
        .ok_or_else(|| malformed("no `data` object".into()))?;
    let mut out = Labels::new();
    for (sentence, predicates) in data {
        let predicates = predicates
            .as_object()
            .ok_or_else(|| malformed(format!("{sentence}: not an object")))?;
        for (key, value) in predicates {
            let index: usize = key
                .rsplit("pred-")
                .next()
                .and_then(|i| i.parse().ok())
                .filter(|&i: &usize| i > 0)
                .ok_or_else(|| malformed(format!("{key}: no predicate index")))?;
            let factual = value
                .pointer("/factuality/factual/value")
                .and_then(|v| v.as_f64())
                .ok_or_else(|| malformed(format!("{key}: no factuality value")))?;
            out.entry(sentence.clone())
                .or_default()
                .push((index - 1, factual > 0.0));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_count_both_classes() {
        let pairs = [(true, true), (true, false), (false, false), (true, true)];
        let s = score("x", &pairs, Vec::new());
        assert_eq!(s.predicates, 4);
        assert!((s.accuracy - 0.75).abs() < 1e-9);
        assert!((s.majority_baseline - 0.5).abs() < 1e-9);
        // happened: tp 2, fp 1, fn 0 → 0.8; not happened: tp 1, fp 0, fn 1 → 0.667.
        assert!((s.f1 - (0.8 + 2.0 / 3.0) / 2.0).abs() < 1e-9);
    }
}
