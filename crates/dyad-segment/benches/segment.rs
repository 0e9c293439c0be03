//! Segmentation speed on BBC news text (`../shared/data/news/bbc.jsonl`; skipped when absent).
use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dyad_segment::Segmenter;

fn bbc_texts() -> Option<Vec<String>> {
    let dir = std::env::var_os("DYAD_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    let content = std::fs::read_to_string(dir.join("news/bbc.jsonl")).ok()?;
    let texts = content
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|v| {
            let title = v.get("title")?.as_str().unwrap_or_default();
            Some(format!("{title}\n\n{}", v.get("text")?.as_str()?))
        })
        .collect();
    Some(texts)
}

fn bench_segment(c: &mut Criterion) {
    let Some(texts) = bbc_texts() else {
        return;
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let segmenter = Segmenter::new();
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("bbc", |b| {
        b.iter(|| {
            let mut tokens = 0;
            for text in &texts {
                let (sentences, toks) = segmenter.segment(black_box(text));
                assert!(sentences.len() <= toks.len());
                tokens += toks.len();
            }
            assert!(tokens > bytes / 10, "too few tokens: {tokens}");
            tokens
        })
    });
    group.bench_function("bbc_tokenize_only", |b| {
        b.iter(|| {
            let tokens: usize = texts
                .iter()
                .map(|t| segmenter.tokenize(black_box(t)).len())
                .sum();
            assert!(tokens > bytes / 10);
            tokens
        })
    });
    group.finish();
}

criterion_group!(benches, bench_segment);
criterion_main!(benches);
