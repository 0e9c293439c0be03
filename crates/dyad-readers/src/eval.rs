//! Scoring main-text extraction against the two web-page gold sets in `../shared/data/html`,
//! exactly as `../shared/tools/html_score.py` scores them.
//!
//! * ScrapingHub's article-extraction benchmark (`ground-truth.json`, `articleBody` gold):
//!   tokens are `\w+` runs (case kept); each text is the multiset of its 4-token shingles
//!   (one shingle when it has fewer than 4 tokens); per page TP, FP and FN are divided by
//!   TP+FP+FN; precision is averaged over pages with TP+FP > 0, recall over pages with
//!   TP+FN > 0; F1 is the harmonic mean of the two averages; accuracy is the share of pages
//!   whose token sequence equals the gold one.
//! * trafilatura's evaluation (`evaldata.json`, `with`/`without` snippets): whitespace
//!   collapsed; a `with` snippet found is a TP (missed: FN), a `without` snippet found a FP
//!   (absent: TN), summed over pages; title accuracy (exact, case-folded) and lenient title
//!   accuracy (NFKC, case-folded, non-word runs as one space; equal, or the start or end of
//!   the output), date accuracy (first 10 characters), over pages with a gold value.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use crate::page::{extract_page, ExtractedPage};

/// One page of a gold set, as read from `html/<id>.html(.gz)`.
#[derive(Debug, Clone)]
pub struct GoldPage {
    /// The file name without its extensions.
    pub id: String,
    /// The page's bytes (decompressed).
    pub bytes: Vec<u8>,
}

/// One system output, in the form `html_score.py` reads.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Prediction {
    /// The page id.
    pub id: String,
    /// The main text (`None` when nothing was extracted).
    pub text: Option<String>,
    /// The title.
    pub title: Option<String>,
    /// The publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The detected language.
    pub language: Option<String>,
}

/// Scores of the `articleBody` metric.
#[derive(Debug, Clone, Serialize)]
pub struct BodyScores {
    /// Pages scored.
    pub pages: usize,
    /// Macro-averaged shingle precision.
    pub precision: f64,
    /// Macro-averaged shingle recall.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
    /// Share of pages whose tokens equal the gold's.
    pub accuracy: f64,
}

/// Scores of the with/without snippet metric, and of titles and dates.
#[derive(Debug, Clone, Serialize)]
pub struct SnippetScores {
    /// Pages scored.
    pub pages: usize,
    /// TP/(TP+FP).
    pub precision: f64,
    /// TP/(TP+FN).
    pub recall: f64,
    /// (TP+TN)/all.
    pub accuracy: f64,
    /// 2TP/(2TP+FP+FN).
    pub f1: f64,
    /// `with` snippets found.
    pub tp: usize,
    /// `without` snippets found.
    pub fp: usize,
    /// `with` snippets missed.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// `without` snippets absent.
    pub tn: usize,
    /// Exact (case-folded) title accuracy over pages with a gold title.
    pub title_accuracy: f64,
    /// Lenient title accuracy.
    pub title_lenient_accuracy: f64,
    /// Pages with a gold title.
    pub title_n: usize,
    /// Share of those with a predicted title.
    pub title_coverage: f64,
    /// Date accuracy over pages with a gold date.
    pub date_accuracy: f64,
    /// Pages with a gold date.
    pub date_n: usize,
    /// Share of those with a predicted date.
    pub date_coverage: f64,
}

/// The result of `dyad eval extract`.
#[derive(Debug, Clone, Serialize)]
pub struct ExtractEval {
    /// The gold file.
    pub gold: String,
    /// `articlebody` or `snippets`.
    pub kind: &'static str,
    /// Body scores over all pages (ScrapingHub).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<BodyScores>,
    /// Body scores over the pages detected as English (ScrapingHub).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_english: Option<BodyScores>,
    /// Snippet, title and date scores (trafilatura's set).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snippets: Option<SnippetScores>,
    /// Pages extracted.
    pub pages: usize,
    /// Megabytes of HTML.
    pub html_mb: f64,
    /// Seconds spent extracting (one thread, files read beforehand).
    pub seconds: f64,
    /// Pages per second, one thread.
    pub pages_per_second: f64,
}

impl ExtractEval {
    /// A short table for people.
    pub fn to_table(&self) -> String {
        let mut out = format!("gold: {} ({})\n", self.gold, self.kind);
        let body = |name: &str, s: &BodyScores| {
            format!(
                "{name}: pages {}  F1 {:.3}  precision {:.3}  recall {:.3}  accuracy {:.3}\n",
                s.pages, s.f1, s.precision, s.recall, s.accuracy
            )
        };
        if let Some(s) = &self.body {
            out += &body("all pages", s);
        }
        if let Some(s) = &self.body_english {
            out += &body("English pages", s);
        }
        if let Some(s) = &self.snippets {
            out += &format!(
                "pages {}  F1 {:.3}  precision {:.3}  recall {:.3}  accuracy {:.3}  (tp {} fp {} fn {} tn {})\n",
                s.pages, s.f1, s.precision, s.recall, s.accuracy, s.tp, s.fp, s.fn_, s.tn
            );
            out += &format!(
                "title accuracy {:.3} (lenient {:.3}) over {} pages with a gold title (coverage {:.3})\n",
                s.title_accuracy, s.title_lenient_accuracy, s.title_n, s.title_coverage
            );
            out += &format!(
                "date accuracy {:.3} over {} pages with a gold date (coverage {:.3})\n",
                s.date_accuracy, s.date_n, s.date_coverage
            );
        }
        out += &format!(
            "speed: {} pages, {:.1} MB of HTML in {:.2} s = {:.0} pages/s (one thread)",
            self.pages, self.html_mb, self.seconds, self.pages_per_second
        );
        out
    }
}

/// Errors of an evaluation run: a message naming the file.
pub type EvalResult<T> = std::result::Result<T, String>;

/// Read the pages of a gold set folder (`DIR/html/<id>.html.gz` or `.html`), sorted by id.
pub fn read_gold_pages(dir: &Path) -> EvalResult<Vec<GoldPage>> {
    let html = dir.join("html");
    let entries =
        std::fs::read_dir(&html).map_err(|e| format!("{}: cannot list: {e}", html.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let mut pages = Vec::new();
    for path in paths {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let (id, gz) = if let Some(id) = name.strip_suffix(".html.gz") {
            (id, true)
        } else if let Some(id) = name.strip_suffix(".html") {
            (id, false)
        } else {
            continue;
        };
        let file = std::fs::File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut bytes = Vec::new();
        let read = if gz {
            flate2::read::MultiGzDecoder::new(file).read_to_end(&mut bytes)
        } else {
            std::io::BufReader::new(file).read_to_end(&mut bytes)
        };
        read.map_err(|e| format!("{}: {e}", path.display()))?;
        pages.push(GoldPage {
            id: id.to_string(),
            bytes,
        });
    }
    if pages.is_empty() {
        return Err(format!("{}: no .html or .html.gz pages", html.display()));
    }
    Ok(pages)
}

/// Extract every page, timing the extraction alone.
pub fn predict(pages: &[GoldPage]) -> (Vec<Prediction>, f64) {
    let start = Instant::now();
    let predictions = pages
        .iter()
        .map(|page| {
            let extracted: Option<ExtractedPage> = extract_page(&page.bytes).ok();
            match extracted {
                Some(p) => Prediction {
                    id: page.id.clone(),
                    text: Some(p.text),
                    title: p.title,
                    date: p.published,
                    language: p.language,
                },
                None => Prediction {
                    id: page.id.clone(),
                    ..Prediction::default()
                },
            }
        })
        .collect();
    (predictions, start.elapsed().as_secs_f64())
}

/// Run the evaluation of a gold set folder; `predictions_out` receives the outputs as JSONL
/// (`{"id", "text", "title", "date"}`, what `html_score.py` reads).
pub fn evaluate_dir(dir: &Path, predictions_out: Option<&Path>) -> EvalResult<ExtractEval> {
    let gold_path = ["ground-truth.json", "evaldata.json"]
        .iter()
        .map(|n| dir.join(n))
        .find(|p| p.is_file())
        .ok_or_else(|| format!("{}: no ground-truth.json or evaldata.json", dir.display()))?;
    let raw =
        std::fs::read_to_string(&gold_path).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let gold: HashMap<String, Value> =
        serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let pages = read_gold_pages(dir)?;
    let html_mb = pages.iter().map(|p| p.bytes.len()).sum::<usize>() as f64 / 1e6;
    let (predictions, seconds) = predict(&pages);
    if let Some(out) = predictions_out {
        let mut lines = String::new();
        for p in &predictions {
            lines += &serde_json::to_string(p).map_err(|e| e.to_string())?;
            lines.push('\n');
        }
        std::fs::write(out, lines).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let by_id: HashMap<&str, &Prediction> =
        predictions.iter().map(|p| (p.id.as_str(), p)).collect();
    let first = gold.values().next();
    let mut eval = ExtractEval {
        gold: gold_path.display().to_string(),
        kind: "articlebody",
        body: None,
        body_english: None,
        snippets: None,
        pages: pages.len(),
        html_mb,
        seconds,
        pages_per_second: pages.len() as f64 / seconds.max(1e-9),
    };
    if first.is_some_and(|v| v.get("articleBody").is_some()) {
        let mut ids: Vec<&String> = gold.keys().collect();
        ids.sort();
        let score = |ids: &[&String]| {
            let pairs: Vec<(String, String)> = ids
                .iter()
                .map(|id| {
                    let truth = gold[*id]["articleBody"].as_str().unwrap_or("").to_string();
                    let text = by_id
                        .get(id.as_str())
                        .and_then(|p| p.text.clone())
                        .unwrap_or_default();
                    (truth, text)
                })
                .collect();
            score_bodies(&pairs)
        };
        eval.body = Some(score(&ids));
        let english: Vec<&String> = ids
            .iter()
            .copied()
            .filter(|id| {
                by_id
                    .get(id.as_str())
                    .is_some_and(|p| p.language.as_deref() == Some("en"))
            })
            .collect();
        eval.body_english = Some(score(&english));
    } else if first.is_some_and(|v| v.get("with").is_some()) {
        eval.kind = "snippets";
        eval.snippets = Some(score_snippets(&gold, &by_id));
    } else {
        return Err(format!(
            "{}: records have neither 'articleBody' nor 'with'/'without'",
            gold_path.display()
        ));
    }
    Ok(eval)
}

/// Tokens as Python's `\w+` finds them: runs of alphanumerics and underscores.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric() || c == '_';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

fn shingles<'a>(toks: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut out = HashMap::new();
    if toks.is_empty() {
        return out;
    }
    if toks.len() < 4 {
        out.insert(toks.to_vec(), 1);
        return out;
    }
    for w in toks.windows(4) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// Per page (TP, FP, FN) shares, as the benchmark computes them.
fn page_counts(truth: &str, pred: &str) -> (f64, f64, f64) {
    let (tt, pt) = (tokens(truth), tokens(pred));
    let (t, p) = (shingles(&tt), shingles(&pt));
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (key, &a) in &t {
        let b = p.get(key).copied().unwrap_or(0);
        tp += a.min(b);
        fn_ += a.saturating_sub(b);
    }
    for (key, &b) in &p {
        let a = t.get(key).copied().unwrap_or(0);
        fp += b.saturating_sub(a);
    }
    let s = (tp + fp + fn_) as f64;
    if s > 0.0 {
        (tp as f64 / s, fp as f64 / s, fn_ as f64 / s)
    } else {
        (0.0, 0.0, 0.0)
    }
}

/// Score (gold, predicted) body pairs.
pub fn score_bodies(pairs: &[(String, String)]) -> BodyScores {
    let (mut ps, mut rs, mut exact) = (Vec::new(), Vec::new(), 0usize);
    for (truth, pred) in pairs {
        let (tp, fp, fn_) = page_counts(truth, pred);
        let perfect = fp == 0.0 && fn_ == 0.0;
        if tp + fp > 0.0 {
            ps.push(if perfect { 1.0 } else { tp / (tp + fp) });
        }
        if tp + fn_ > 0.0 {
            rs.push(if perfect { 1.0 } else { tp / (tp + fn_) });
        }
        exact += usize::from(tokens(truth) == tokens(pred));
    }
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let (p, r) = (mean(&ps), mean(&rs));
    BodyScores {
        pages: pairs.len(),
        precision: p,
        recall: r,
        f1: if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
        accuracy: if pairs.is_empty() {
            0.0
        } else {
            exact as f64 / pairs.len() as f64
        },
    }
}

/// Whitespace as Python's `\s` sees it (Unicode whitespace plus the separators U+001C-U+001F).
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Runs of whitespace as one space, trimmed.
fn norm(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(is_py_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Case folding close to Python's `str.casefold` (lowercase, `ß` as `ss`).
fn casefold(text: &str) -> String {
    text.to_lowercase().replace('ß', "ss").replace('ς', "σ")
}

fn loose(text: &str) -> String {
    let folded = casefold(&text.nfkc().collect::<String>());
    tokens(&folded).join(" ")
}

fn title_lenient(pred: &str, gold: &str) -> bool {
    let (p, g) = (loose(pred), loose(gold));
    !g.is_empty() && (p == g || p.starts_with(&format!("{g} ")) || p.ends_with(&format!(" {g}")))
}

fn score_snippets(
    gold: &HashMap<String, Value>,
    pred: &HashMap<&str, &Prediction>,
) -> SnippetScores {
    let (mut tp, mut fp, mut fn_, mut tn) = (0, 0, 0, 0);
    let (mut t_ok, mut t_lok, mut t_n, mut t_cov, mut d_ok, mut d_n, mut d_cov) =
        (0, 0, 0, 0, 0, 0, 0);
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| a.iter().filter_map(|s| s.as_str().map(norm)).collect())
            .unwrap_or_default()
    };
    for (id, g) in gold {
        let rec = pred.get(id.as_str());
        let with = strings(&g["with"]);
        let without = strings(&g["without"]);
        let (a, b) = match rec.and_then(|r| r.text.as_deref()) {
            Some(text) => {
                let t = norm(text);
                (
                    with.iter().filter(|w| t.contains(w.as_str())).count(),
                    without.iter().filter(|w| t.contains(w.as_str())).count(),
                )
            }
            None => (0, 0),
        };
        tp += a;
        fp += b;
        fn_ += with.len() - a;
        tn += without.len() - b;
        let gt = norm(g.get("title").and_then(Value::as_str).unwrap_or(""));
        if !gt.is_empty() {
            t_n += 1;
            if let Some(pt) = rec
                .and_then(|r| r.title.as_deref())
                .filter(|t| !t.is_empty())
            {
                t_cov += 1;
                t_ok += usize::from(casefold(&norm(pt)) == casefold(&gt));
                t_lok += usize::from(title_lenient(pt, &gt));
            }
        }
        let gd: String = g
            .get("date")
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim()
            .chars()
            .take(10)
            .collect();
        if !gd.is_empty() {
            d_n += 1;
            if let Some(pd) = rec
                .and_then(|r| r.date.as_deref())
                .filter(|d| !d.is_empty())
            {
                d_cov += 1;
                d_ok += usize::from(pd.trim().chars().take(10).collect::<String>() == gd);
            }
        }
    }
    let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
    SnippetScores {
        pages: gold.len(),
        precision: ratio(tp, tp + fp),
        recall: ratio(tp, tp + fn_),
        accuracy: ratio(tp + tn, tp + fp + fn_ + tn),
        f1: ratio(2 * tp, 2 * tp + fp + fn_),
        tp,
        fp,
        fn_,
        tn,
        title_accuracy: ratio(t_ok, t_n),
        title_lenient_accuracy: ratio(t_lok, t_n),
        title_n: t_n,
        title_coverage: ratio(t_cov, t_n),
        date_accuracy: ratio(d_ok, d_n),
        date_n: d_n,
        date_coverage: ratio(d_cov, d_n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_word_runs() {
        assert_eq!(
            tokens("It's 3.5% — über_all!"),
            ["It", "s", "3", "5", "über_all"]
        );
    }

    #[test]
    fn body_scores_count_shingles() {
        let gold = "one two three four five".to_string();
        let perfect = score_bodies(&[(gold.clone(), gold.clone())]);
        assert_eq!((perfect.f1, perfect.accuracy), (1.0, 1.0));
        // Two gold shingles; the prediction has the first and one extra.
        let half = score_bodies(&[(gold.clone(), "one two three four six".into())]);
        assert!((half.precision - 0.5).abs() < 1e-9 && (half.recall - 0.5).abs() < 1e-9);
        let empty = score_bodies(&[(gold, String::new())]);
        assert_eq!((empty.precision, empty.recall), (0.0, 0.0));
    }

    #[test]
    fn lenient_titles() {
        assert!(title_lenient("Talks fail | The Daily", "Talks fail"));
        assert!(title_lenient("The Daily - Talks fail", "talks  fail"));
        assert!(!title_lenient("Talks failed", "Talks fail"));
    }
}
