//! Writes `data/word_classes.tsv` from the spaCy English lexeme tables: the Brown cluster of
//! each frequent word form and the casing class of its lowercase word.
//!
//! ```text
//! cargo run --release -p dyad-segment --example learn_word_classes -- [MIN_LOG_PROB]
//! ```
//! Reads `lexicons/spacy_en/en_lexeme_{prob,cluster}.json.gz` under `$DYAD_SHARED_DATA`, else
//! `../shared/data` beside the repository. Forms with a log probability under MIN_LOG_PROB
//! (default -15) are left out.
#![allow(clippy::print_stdout)]

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};

type Table = HashMap<String, f64>;

fn shared() -> PathBuf {
    std::env::var_os("DYAD_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"))
}

fn read_table(path: &Path) -> Result<Table, Box<dyn std::error::Error>> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path)?).read_to_string(&mut text)?;
    Ok(serde_json::from_str(&text)?)
}

/// Title case of a lowercase word.
fn title(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Casing class of a lowercase word from the log probabilities of its two spellings.
fn casing(prob: &Table, lower: &str) -> u8 {
    if title(lower) == lower {
        return 0;
    }
    let missing = -25.0;
    let low = prob.get(lower).copied().unwrap_or(missing);
    let cap = prob.get(&title(lower)).copied().unwrap_or(missing);
    if low == missing && cap == missing {
        return 0;
    }
    let ratio = cap - low;
    match ratio {
        r if r < -4.0 => 1,
        r if r < -2.0 => 2,
        r if r < -0.5 => 3,
        r if r < 0.5 => 4,
        r if r < 2.0 => 5,
        r if r < 4.0 => 6,
        _ => 7,
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let min: f64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(-15.0);
    let dir = shared().join("lexicons/spacy_en");
    let prob = read_table(&dir.join("en_lexeme_prob.json.gz"))?;
    let cluster = read_table(&dir.join("en_lexeme_cluster.json.gz"))?;
    let usable = |form: &str| {
        !form.is_empty() && form.len() <= 24 && !form.chars().any(|c| c.is_whitespace())
    };
    let mut rows: BTreeMap<String, (u64, u8)> = BTreeMap::new();
    for (form, &p) in &prob {
        if p < min || !usable(form) {
            continue;
        }
        let lower = form.to_lowercase();
        let class = casing(&prob, &lower);
        let path = cluster.get(form).copied().unwrap_or(0.0) as u64;
        if path > 0 || class > 0 {
            rows.insert(form.clone(), (path, class));
        }
        if usable(&lower) && !rows.contains_key(&lower) {
            let path = cluster.get(&lower).copied().unwrap_or(0.0) as u64;
            rows.insert(lower, (path, class));
        }
    }
    let mut text = String::from(
        "# form, Brown cluster, casing class (1 lowercase .. 7 capitalised), from spaCy en lexemes\n",
    );
    for (form, (path, class)) in &rows {
        text.push_str(&format!("{form}\t{path}\t{class}\n"));
    }
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/word_classes.tsv");
    std::fs::write(&out, &text)?;
    println!(
        "{} forms, {} bytes -> {}",
        rows.len(),
        text.len(),
        out.display()
    );
    Ok(())
}
