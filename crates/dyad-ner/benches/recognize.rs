//! Throughput of the recogniser on CoNLL-2003 eng.testb (words per second, one thread).
//!
//! `cargo bench -p dyad-ner --bench recognize` (needs `../shared/data`; skips without it).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dyad_ner::{corpus, Recognizer};

fn bench(c: &mut Criterion) {
    let Some(path) = dyad_testkit::shared_file("conll2003/eng.testb") else {
        return;
    };
    let ner = Recognizer::embedded().expect("embedded model");
    let docs = corpus::read(&path).expect("eng.testb");
    let sentences: Vec<Vec<&str>> = docs
        .iter()
        .flatten()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    let words: usize = sentences.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("ner");
    group.throughput(Throughput::Elements(words as u64));
    group.sample_size(10);
    group.bench_function("recognize eng.testb", |b| {
        b.iter(|| {
            let found: usize = sentences.iter().map(|s| ner.recognize(s).len()).sum();
            // A broken model finds nothing: fail rather than post a fast time.
            assert!(found > 4000, "only {found} entities");
            found
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
