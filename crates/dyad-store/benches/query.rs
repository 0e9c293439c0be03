//! Query and ingest speed on a generated store of 1,000,000 event reports (200,000
//! articles of 5 events; `DYAD_BENCH_DOCUMENTS` changes the number of articles).
//!
//! `cargo bench -p dyad-store --bench query`
//!
//! The store is generated once (a few minutes) and kept under the target folder, so that
//! later runs only measure.

#![allow(clippy::print_stderr)]

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use dyad_store::{EventQuery, SqliteStore, Store};
use dyad_types::{Actor, Analysis, Document, Event, EventDate, Mode, Sentence};

/// Articles in the generated store unless `DYAD_BENCH_DOCUMENTS` says otherwise.
const DOCUMENTS: usize = 200_000;
const EVENTS_PER_DOCUMENT: usize = 5;
const COUNTRIES: [&str; 12] = [
    "USA", "VEN", "COL", "BRA", "RUS", "CHN", "IRN", "ISR", "UKR", "GBR", "FRA", "MEX",
];
const SECTORS: [&str; 4] = ["GOV", "MIL", "LEG", ""];
const CAMEO: [&str; 8] = ["010", "036", "042", "111", "112", "138", "173", "190"];
const WORDS: [&str; 10] = [
    "minister",
    "border",
    "talks",
    "sanctions",
    "troops",
    "election",
    "protest",
    "oil",
    "vessel",
    "strike",
];

/// A well-mixed number from `seed` (splitmix64), so that every pair of countries occurs.
fn mix(seed: usize) -> usize {
    let mut z = (seed as u64).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) as usize
}

fn actor(seed: usize) -> Actor {
    let seed = mix(seed);
    let country = COUNTRIES[seed % COUNTRIES.len()];
    let code = format!("{country}{}", SECTORS[(seed / 7) % SECTORS.len()]);
    Actor {
        text: country.to_string(),
        code: Some(code),
        country: Some(country.to_string()),
        ..Actor::default()
    }
}

fn analysis(n: usize) -> Analysis {
    let words: Vec<&str> = (0..12)
        .map(|w| WORDS[(n * 31 + w * 7) % WORDS.len()])
        .collect();
    let mut analysis = Analysis::new(Document::from_text(format!(
        "Article {n}: {}.",
        words.join(" ")
    )));
    let end = analysis.doc.text.len();
    analysis.sentences.push(Sentence {
        start: 0,
        end,
        first_token: 0,
        last_token: 0,
    });
    for e in 0..EVENTS_PER_DOCUMENT {
        let seed = n * EVENTS_PER_DOCUMENT + e;
        analysis.events.push(Event {
            id: format!("e{e}"),
            source: actor(2 * seed),
            target: Some(actor(2 * seed + 1)),
            cameo: CAMEO[seed % CAMEO.len()].to_string(),
            quad_class: (seed % 4) as u8 + 1,
            mode: Mode::ALL[seed % Mode::ALL.len()],
            date: EventDate {
                value: Some(format!("2025-{:02}-{:02}", seed % 12 + 1, seed % 28 + 1)),
                ..EventDate::default()
            },
            ..Event::default()
        });
    }
    analysis
}

fn bench(c: &mut Criterion) {
    let documents: usize = std::env::var("DYAD_BENCH_DOCUMENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(DOCUMENTS);
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("dyad-bench-{documents}-v2.db"));
    let mut store = SqliteStore::open(&path).unwrap();
    let stored = store.stats().unwrap().documents as usize;
    if stored < documents {
        eprintln!(
            "generating {} articles into {}",
            documents - stored,
            path.display()
        );
        for start in (stored..documents).step_by(1000) {
            let batch: Vec<Analysis> = (start..(start + 1000).min(documents))
                .map(analysis)
                .collect();
            store.put_batch(&batch).unwrap();
        }
    }
    let stats = store.stats().unwrap();
    eprintln!(
        "store: {} articles, {} event reports, {} merged events",
        stats.documents, stats.events, stats.merged_events
    );
    let mut group = c.benchmark_group("query");
    let queries = [
        (
            "dyad",
            EventQuery {
                dyad: Some(("USA".into(), "VEN".into())),
                ..Default::default()
            },
        ),
        (
            "dyad_limit_100",
            EventQuery {
                dyad: Some(("USA".into(), "VEN".into())),
                limit: Some(100),
                ..Default::default()
            },
        ),
        (
            "actor_month",
            EventQuery {
                actor: Some("IRNMIL".into()),
                date_from: Some("2025-03".into()),
                date_to: Some("2025-03".into()),
                ..Default::default()
            },
        ),
        (
            "text",
            EventQuery {
                text: Some("sanctions vessel".into()),
                limit: Some(100),
                ..Default::default()
            },
        ),
    ];
    for (name, query) in &queries {
        let found = store.query(query).unwrap().len();
        assert!(found > 0, "{name} finds nothing");
        group.throughput(Throughput::Elements(found as u64));
        group.bench_function(*name, |b| {
            b.iter(|| assert_eq!(store.query(query).unwrap().len(), found));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("put_batch");
    group.throughput(Throughput::Elements(100 * EVENTS_PER_DOCUMENT as u64));
    group.sample_size(20);
    // Fresh articles in a copy-free range, so that each measured batch stores 100 new ones.
    let mut next = documents + 1_000_000 * (std::process::id() as usize % 1000);
    group.bench_function("100_documents", |b| {
        b.iter_batched(
            || {
                next += 100;
                (next - 100..next).map(analysis).collect::<Vec<_>>()
            },
            |batch| assert_eq!(store.put_batch(&batch).unwrap().documents_added, 100),
            BatchSize::LargeInput,
        );
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
