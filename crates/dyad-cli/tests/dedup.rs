//! Reports of one event in several articles are one event; wire copies add no event.

use serde_json::Value;

mod common;

use common::{count, dyad, ingest, json_lines as rows};

/// Paragraphs another outlet might add around the same story: no actor, no event.
const OTHER_PARAGRAPHS: [&str; 6] = [
    "Weather forecasters expected light winds and scattered showers across the region for \
     the rest of the week, with temperatures a little above the seasonal average.",
    "Shipping schedules in the area were published as usual on the morning of the report, \
     and port authorities listed no delays for container traffic.",
    "Prices of coffee, cocoa and sugar moved little in early trading, while the price of \
     crude oil edged slightly higher in thin volumes.",
    "This story was compiled from several reports and may be updated as more information \
     becomes available during the day.",
    "Readers can find earlier coverage of the region in the archive section, which lists \
     stories by date and by topic.",
    "A correction was appended to an earlier version of this page to fix the spelling of a \
     place name.",
];

/// The seed story retold: the same paragraphs, each followed by other material, so that
/// the article as a whole is no near-duplicate of the original.
fn retold(seed: &str, variant: usize) -> String {
    let mut out = Vec::new();
    for (i, paragraph) in seed.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        out.push(paragraph.to_string());
        // Each retelling draws from its own half of the other paragraphs.
        let own = &OTHER_PARAGRAPHS[3 * (variant % 2)..3 * (variant % 2) + 3];
        for k in 0..2 {
            let extra = own[(i + k) % own.len()];
            out.push(format!("{extra} (Note {variant}.{i}.{k}.)"));
        }
    }
    out.join("\n\n")
}

#[test]
fn seed_and_two_retellings_give_each_event_once_with_three_articles() {
    let Some(seed_path) = dyad_testkit::shared_file("seed/article.txt") else {
        return;
    };
    let seed = std::fs::read_to_string(seed_path).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("three.jsonl");
    let articles = [
        ("first", "Outlet One", seed.clone()),
        ("second", "Outlet Two", retold(&seed, 1)),
        ("third", "Outlet Three", retold(&seed, 2)),
    ];
    let mut lines = String::new();
    for (id, outlet, text) in &articles {
        let record = serde_json::json!({
            "id": id, "outlet": outlet, "published": "2025-12-03", "text": text
        });
        lines.push_str(&format!("{record}\n"));
    }
    std::fs::write(&corpus, lines).unwrap();
    let db = dir.path().join("events.db");
    ingest(&corpus, &db);

    let output = dyad()
        .args(["query", "--format", "json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(output.status.success());
    let events = rows(&output.stdout);
    let reports = dyad()
        .args([
            "query",
            "--mentions",
            "--format",
            "json",
            "--outlet",
            "Outlet One",
            "--db",
        ])
        .arg(&db)
        .output()
        .unwrap();
    let seed_reports = rows(&reports.stdout);
    assert!(
        seed_reports.len() >= 5,
        "the seed has events: {}",
        seed_reports.len()
    );
    // Every event of the seed is one merged event told by all three articles…
    for report in &seed_reports {
        let id = &report["event_id"];
        let merged: Vec<&Value> = events.iter().filter(|e| &e["event_id"] == id).collect();
        assert_eq!(merged.len(), 1);
        assert_eq!(
            (
                merged[0]["num_articles"].as_u64(),
                merged[0]["num_sources"].as_u64()
            ),
            (Some(3), Some(3)),
            "{}",
            report["evidence"]
        );
    }
    // …and nothing else was found: one merged event per seed report.
    assert_eq!(events.len(), seed_reports.len());

    // `dyad show` lists the three reports and why they merged.
    let id = seed_reports[0]["event_id"].as_str().unwrap();
    let shown = dyad().args(["show", id, "--db"]).arg(&db).output().unwrap();
    assert!(shown.status.success());
    let text = String::from_utf8_lossy(&shown.stdout);
    for outlet in ["Outlet One", "Outlet Two", "Outlet Three"] {
        assert!(text.contains(outlet), "{text}");
    }
    assert!(
        text.contains("first report") && text.contains("merged: same dyad"),
        "{text}"
    );
}

/// What each article of [`corpus`] is about, so that no two are near-duplicates.
const TOPICS: [&str; 12] = [
    "fishing rights near a disputed island and the patrol boats that enforce them",
    "customs duties on grain, flour and animal feed imported over the mountain passes",
    "the treatment of seasonal workers who cross the border for the fruit harvest",
    "a hydroelectric dam upstream whose reservoir has lowered the river in dry months",
    "an extradition request for a banker accused of laundering money for smugglers",
    "airline routes suspended during the pandemic and never restored by either carrier",
    "a railway project stalled for a decade by quarrels over the gauge and the cost",
    "copper mining waste that farmers say has poisoned wells along the valley",
    "radio frequencies near the frontier where broadcasts from both sides interfere",
    "a museum collection of pre-Columbian gold claimed by two national archives",
    "vaccination campaigns for cattle after an outbreak of foot-and-mouth disease",
    "student exchange quotas at universities cut after a budget dispute last year",
];

/// A JSONL corpus of `n` distinct articles, each long enough to be recognised when copied.
fn corpus(n: usize, id_prefix: &str, outlet: &str, headline: &str) -> String {
    let countries = [
        "Peru",
        "Chile",
        "Brazil",
        "Colombia",
        "Venezuela",
        "Mexico",
        "Cuba",
    ];
    let mut lines = String::new();
    for i in 0..n {
        let a = countries[i % countries.len()];
        let b = countries[(i + 3) % countries.len()];
        let topic = TOPICS[i % TOPICS.len()];
        let text = format!(
            "{headline}\n\n{a} criticized {b} on Monday over dispute number {i}. {b} rejected \
             the criticism. The foreign ministers of {a} and {b} met in Lima on Tuesday to \
             discuss case {i}, which concerns {topic}."
        );
        let record = serde_json::json!({
            "id": format!("{id_prefix}{i}"), "outlet": outlet, "published": "2025-11-03",
            "text": text
        });
        lines.push_str(&format!("{record}\n"));
    }
    lines
}

#[test]
fn wire_copies_with_new_headlines_add_no_event_and_are_linked() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("wire.jsonl");
    let copies = dir.path().join("copies.jsonl");
    // Seven articles: seven distinct pairs of countries, so no two tell the same event.
    std::fs::write(
        &original,
        corpus(7, "wire-", "Wire Service", "Talks in Lima"),
    )
    .unwrap();
    std::fs::write(
        &copies,
        corpus(7, "paper-", "Daily Paper", "Latest from the region"),
    )
    .unwrap();
    let db = dir.path().join("events.db");
    for input in [&original, &copies, &original] {
        ingest(input, &db);
    }
    assert_eq!(count(&db, "SELECT count(*) FROM documents"), 14);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"
        ),
        7,
        "every copy is linked to its original"
    );
    let reports = count(&db, "SELECT count(*) FROM events");
    let merged = count(&db, "SELECT count(*) FROM merged_events");
    assert!(reports > 0);
    assert_eq!(2 * merged, reports, "each event once, told twice");
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM merged_events WHERE num_articles <> 1 OR num_sources <> 2"
        ),
        0,
        "a copy is the same article, carried by a second outlet"
    );
}

#[test]
fn gdelt_exports_one_row_per_event_and_one_mention_per_report() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("wire.jsonl");
    let mut lines = corpus(4, "wire-", "Wire Service", "Talks in Lima");
    lines.push_str(&corpus(4, "paper-", "Daily Paper", "Ministers meet"));
    std::fs::write(&input, lines).unwrap();
    let db = dir.path().join("events.db");
    ingest(&input, &db);
    let export = |format: &str| {
        let out = dyad()
            .args(["export", "--format", format, "--db"])
            .arg(&db)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let json = rows(export("jsonl").as_bytes());
    let events = export("gdelt");
    let mentions = export("gdelt-mentions");
    let event_rows: Vec<Vec<&str>> = events.lines().map(|l| l.split('\t').collect()).collect();
    let mention_rows: Vec<Vec<&str>> = mentions.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(event_rows.len(), json.len());
    assert!(event_rows.iter().all(|r| r.len() == 61));
    assert!(mention_rows.iter().all(|r| r.len() == 16));
    assert_eq!(
        mention_rows.len() as i64,
        count(&db, "SELECT count(*) FROM events")
    );
    for (row, record) in event_rows.iter().zip(&json) {
        // SQLDATE is the event's resolved date; the counts are the merged event's.
        let date = record["event"]["date"]["value"].as_str().unwrap();
        assert_eq!(row[1], date.replace('-', ""));
        assert_eq!(row[31], record["num_mentions"].to_string());
        assert_eq!(row[32], record["num_sources"].to_string());
        assert_eq!(row[33], record["num_articles"].to_string());
        let told = mention_rows.iter().filter(|m| m[0] == row[0]).count();
        assert_eq!(told.to_string(), row[31], "one mention row per report");
    }
}
