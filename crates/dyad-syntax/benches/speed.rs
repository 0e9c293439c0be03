//! Tagging + parsing throughput on the first sentences of EWT test (words/s, one thread).
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dyad_syntax::{conllu::read_conllu, Parser, Tagger};

fn bench(c: &mut Criterion) {
    let Some(path) = dyad_testkit::shared_file("ud/en_ewt/en_ewt-ud-test.conllu") else {
        return;
    };
    let (Ok(tagger), Ok(parser)) = (Tagger::embedded(), Parser::embedded()) else {
        return;
    };
    let sentences = read_conllu(&path).expect("EWT test");
    let sentences: Vec<Vec<&str>> = sentences
        .iter()
        .take(500)
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    let words: usize = sentences.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("syntax");
    group.throughput(Throughput::Elements(words as u64));
    group.bench_function("tag", |b| {
        b.iter(|| {
            let mut n = 0;
            for s in &sentences {
                n += tagger.tag(s).len();
            }
            assert_eq!(n, words);
        })
    });
    group.bench_function("tag+parse", |b| {
        b.iter(|| {
            let mut roots = 0;
            for s in &sentences {
                let tags = tagger.tag(s);
                let upos: Vec<&str> = tags.iter().map(|t| t.upos).collect();
                let xpos: Vec<&str> = tags.iter().map(|t| t.xpos.as_str()).collect();
                roots += parser
                    .parse(s, &upos, &xpos)
                    .iter()
                    .filter(|(h, _)| h.is_none())
                    .count();
            }
            assert_eq!(roots, sentences.len());
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
