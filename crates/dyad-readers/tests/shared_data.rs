//! Reading the shared corpora (skipped with a notice when `../shared` is missing).

mod common;

use std::collections::HashMap;

use common::read;

#[test]
fn seed_article_loses_its_image_link_and_keeps_every_paragraph() {
    let Some(path) = dyad_testkit::shared_file("seed/article.txt") else {
        return;
    };
    let raw = std::fs::read_to_string(&path).unwrap();
    let out = read(&[path]);
    assert!(out.failures.is_empty() && out.warnings.is_empty());
    assert_eq!(out.articles.len(), 1);
    let doc = &out.articles[0];
    assert!(!doc.text.contains("!["), "image link kept");
    assert!(!doc.text.contains("https://"), "URL kept");
    // Every line of prose (no markdown image) survives verbatim and in order.
    let prose: Vec<&str> = raw
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with("!["))
        .collect();
    let kept: Vec<&str> = doc.text.lines().filter(|l| !l.is_empty()).collect();
    let title: Vec<&str> = doc.title.iter().map(String::as_str).collect();
    assert_eq!([title, kept].concat(), prose);
}

#[test]
fn bbc_jsonl_reads_every_article() {
    let Some(path) = dyad_testkit::shared_file("news/bbc.jsonl") else {
        return;
    };
    let out = read(std::slice::from_ref(&path));
    assert!(
        out.failures.is_empty(),
        "{:?}",
        &out.failures[..out.failures.len().min(5)]
    );
    assert!(
        out.warnings.is_empty(),
        "{:?}",
        &out.warnings[..out.warnings.len().min(5)]
    );
    assert_eq!(out.articles.len(), 2225);
    let first = &out.articles[0];
    assert_eq!(first.path, Some(format!("{}:1", path.display())));
    assert!(
        first.id.contains('/'),
        "ids come from the file: {}",
        first.id
    );
    assert!(out
        .articles
        .iter()
        .all(|d| d.title.is_some() && !d.text.is_empty()));
    // Cleaning keeps the corpus' prose: almost every byte survives.
    let raw_len: usize = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["text"]
                .as_str()
                .unwrap()
                .trim()
                .len()
        })
        .sum();
    let kept: usize = out.articles.iter().map(|d| d.text.len()).sum();
    assert!(
        kept as f64 > 0.995 * raw_len as f64,
        "kept {kept} of {raw_len} bytes"
    );
}

#[test]
fn bbc_text_files_match_the_jsonl_titles() {
    let Some(dir) = dyad_testkit::shared_file("news/bbc/politics") else {
        return;
    };
    let Some(jsonl) = dyad_testkit::shared_file("news/bbc.jsonl") else {
        return;
    };
    let titles: HashMap<String, String> = std::fs::read_to_string(jsonl)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|v| {
            (
                v["id"].as_str().unwrap().to_string(),
                v["title"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let out = read(&[dir]);
    assert!(out.failures.is_empty(), "{:?}", out.failures);
    assert_eq!(out.articles.len(), 417);
    for doc in &out.articles {
        let path = doc.path.as_deref().unwrap();
        let stem = std::path::Path::new(path)
            .file_stem()
            .unwrap()
            .to_str()
            .unwrap();
        let want = titles[&format!("politics/{stem}")]
            .split_whitespace()
            .collect::<Vec<_>>();
        assert_eq!(doc.title, Some(want.join(" ")), "{path}");
    }
}
