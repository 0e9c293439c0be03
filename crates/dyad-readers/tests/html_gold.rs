//! Main-text extraction on real pages (the ScrapingHub benchmark in `../shared`): a floor a
//! little under the measured figure. The metric follows `../shared/tools/html_score.py`:
//! `\w+` tokens, multisets of 4-token shingles, precision and recall averaged over pages.

use std::collections::HashMap;
use std::io::Read;

use dyad_readers::extract_html;
use regex::Regex;

/// Measured F1 0.950 (P 0.930, R 0.970) with `dyad eval extract` + `html_score.py`.
const F1_FLOOR: f64 = 0.94;

fn shingles(text: &str, words: &Regex) -> HashMap<Vec<String>, usize> {
    let tokens: Vec<String> = words
        .find_iter(text)
        .map(|m| m.as_str().to_string())
        .collect();
    let mut out = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    if tokens.len() < 4 {
        out.insert(tokens, 1);
        return out;
    }
    for window in tokens.windows(4) {
        *out.entry(window.to_vec()).or_insert(0) += 1;
    }
    out
}

#[test]
fn scrapinghub_main_text_f1_floor() {
    let Some(dir) = dyad_testkit::shared_file("html/scrapinghub") else {
        return;
    };
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("ground-truth.json")).unwrap())
            .unwrap();
    let words = Regex::new(r"\w+").unwrap();
    let (mut precisions, mut recalls) = (Vec::new(), Vec::new());
    for (id, record) in gold.as_object().unwrap() {
        let mut bytes = Vec::new();
        let file = std::fs::File::open(dir.join(format!("html/{id}.html.gz"))).unwrap();
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut bytes)
            .unwrap();
        let text = extract_html(&String::from_utf8_lossy(&bytes)).text;
        let truth = shingles(record["articleBody"].as_str().unwrap(), &words);
        let pred = shingles(&text, &words);
        let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
        for key in truth
            .keys()
            .chain(pred.keys().filter(|k| !truth.contains_key(*k)))
        {
            let (a, b) = (
                truth.get(key).copied().unwrap_or(0),
                pred.get(key).copied().unwrap_or(0),
            );
            tp += a.min(b);
            fp += b.saturating_sub(a);
            fn_ += a.saturating_sub(b);
        }
        if fp == 0 && fn_ == 0 {
            precisions.push(1.0);
            recalls.push(1.0);
            continue;
        }
        if tp + fp > 0 {
            precisions.push(tp as f64 / (tp + fp) as f64);
        }
        if tp + fn_ > 0 {
            recalls.push(tp as f64 / (tp + fn_) as f64);
        }
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let (p, r) = (mean(&precisions), mean(&recalls));
    let f1 = 2.0 * p * r / (p + r);
    assert!(
        f1 >= F1_FLOOR,
        "F1 {f1:.3} (P {p:.3}, R {r:.3}) under the floor {F1_FLOOR}"
    );
}

/// Both gold sets through `dyad_readers::eval` (the code behind `dyad eval extract`), with
/// floors a little under the measured figures (docs/evaluation.md).
#[test]
fn extraction_eval_floors() {
    if let Some(dir) = dyad_testkit::shared_file("html/scrapinghub") {
        let eval = dyad_readers::eval::evaluate_dir(&dir, None).unwrap();
        let body = eval.body.unwrap();
        assert!(body.f1 >= 0.94, "ScrapingHub F1 {:.3}", body.f1);
        let english = eval.body_english.unwrap();
        assert!(english.f1 >= 0.95, "English F1 {:.3}", english.f1);
    }
    if let Some(dir) = dyad_testkit::shared_file("html/trafilatura_eval") {
        let eval = dyad_readers::eval::evaluate_dir(&dir, None).unwrap();
        let s = eval.snippets.unwrap();
        assert!(s.f1 >= 0.88, "with/without F1 {:.3}", s.f1);
        assert!(
            s.date_accuracy >= 0.81,
            "date accuracy {:.3}",
            s.date_accuracy
        );
        assert!(
            s.title_lenient_accuracy >= 0.83,
            "lenient title accuracy {:.3}",
            s.title_lenient_accuracy
        );
    }
}
