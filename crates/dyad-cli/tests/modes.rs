//! Attribution and modes (issue 6) end to end: on the seed article, who each claim is
//! attributed to and whether threats, conditionals and contested claims stay out of the
//! deeds; and `dyad query --mode` returning exactly the events of each mode.
mod common;

use common::{dyad, ingest, json_lines};
use serde_json::Value;

fn seed_record() -> Option<Value> {
    let seed = dyad_testkit::shared_file("seed/article.txt")?;
    let output = dyad()
        .args(["code", "--date", "2025-12-03", "--format", "json"])
        .arg(seed)
        .output()
        .unwrap();
    assert!(output.status.success());
    json_lines(&output.stdout).into_iter().next()
}

/// The text of the sentence an event (or anything with a `sentence` index) sits in.
fn sentence_of<'a>(record: &'a Value, event: &Value) -> &'a str {
    let s = &record["sentences"][event["sentence"].as_u64().unwrap() as usize];
    let text = record["doc"]["text"].as_str().unwrap();
    &text[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize]
}

/// Events whose sentence contains `needle`.
fn events_in<'a>(record: &'a Value, needle: &str) -> Vec<&'a Value> {
    record["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| sentence_of(record, e).contains(needle))
        .collect()
}

fn mode(e: &Value) -> &str {
    e["mode"].as_str().unwrap()
}

fn attribution(e: &Value) -> Vec<(&str, &str)> {
    e["attribution"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["text"].as_str().unwrap(), a["kind"].as_str().unwrap()))
        .collect()
}

#[test]
fn the_demand_to_leave_is_the_heralds_sources_claim() {
    let Some(record) = seed_record() else { return };
    let demands: Vec<&Value> = events_in(&record, "Miami Herald reported")
        .into_iter()
        .filter(|e| e["cameo"].as_str().unwrap().starts_with("104"))
        .collect();
    assert_eq!(demands.len(), 1, "one demand in the Herald's sentence");
    let demand = demands[0];
    assert_eq!(mode(demand), "reported");
    assert_eq!(
        attribution(demand),
        vec![("Miami Herald", "outlet"), ("sources", "anonymous")]
    );
    assert_eq!(demand["target"]["code"], "VENGOV");
}

#[test]
fn the_land_operations_threat_is_no_land_attack() {
    let Some(record) = seed_record() else { return };
    let threat_sentence = "will soon expand from blowing up speedboats to land";
    let threats: Vec<&Value> = events_in(&record, threat_sentence)
        .into_iter()
        .filter(|e| e["cameo"].as_str().unwrap().starts_with("13"))
        .collect();
    assert!(!threats.is_empty(), "the announcement is coded as a threat");
    for t in &threats {
        assert!(matches!(mode(t), "asserted" | "reported"), "{t}");
    }
    // No attack, assault or fight on land is coded as having happened anywhere.
    for e in record["events"].as_array().unwrap() {
        let root = &e["cameo"].as_str().unwrap()[..2];
        let sentence = sentence_of(&record, e);
        if matches!(root, "18" | "19" | "20") && sentence.contains("land") {
            assert!(!matches!(mode(e), "asserted" | "reported"), "{e}");
        }
    }
}

#[test]
fn a_conditional_toppling_asserts_nothing() {
    let Some(record) = seed_record() else { return };
    for e in events_in(&record, "if the administration follows through") {
        assert!(!matches!(mode(e), "asserted" | "reported"), "{e}");
    }
}

#[test]
fn the_election_rigging_claims_stay_alleged_and_attributed() {
    let Some(record) = seed_record() else { return };
    let claims = events_in(&record, "rigging elections");
    assert!(!claims.is_empty(), "the claimed rigging is coded");
    for e in claims {
        assert_eq!(mode(e), "alleged", "{e}");
        assert!(!attribution(e).is_empty(), "{e}");
        assert_eq!(e["source"]["country"], "VEN");
    }
}

#[test]
fn query_mode_returns_exactly_the_events_of_that_mode() {
    let Some(seed) = dyad_testkit::shared_file("seed/article.txt") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    std::fs::copy(&seed, articles.join("seed.txt")).unwrap();
    std::fs::write(
        articles.join("denial.txt"),
        "Venezuela denies closing airspace\n\n\
         Venezuela did not close its airspace to commercial flights on Monday, officials said.\n\n\
         Colombia will close its border with Venezuela next week, the ministry announced.\n",
    )
    .unwrap();
    let db = dir.path().join("store.db");
    ingest(&articles, &db);
    let query = |extra: &[&str]| -> Vec<Value> {
        let out = dyad()
            .args(["query", "--format", "jsonl", "--limit", "1000", "--db"])
            .arg(&db)
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success());
        json_lines(&out.stdout)
    };
    let all = query(&[]);
    let mut total = 0;
    for m in dyad_types::Mode::ALL.map(dyad_types::Mode::as_str) {
        let rows = query(&["--mode", m]);
        for r in &rows {
            assert_eq!(r["event"]["mode"], m, "{r}");
        }
        let expected = all.iter().filter(|r| r["event"]["mode"] == m).count();
        assert_eq!(rows.len(), expected, "mode {m}");
        total += rows.len();
    }
    assert_eq!(total, all.len(), "every event has one of the six modes");
    for m in ["asserted", "reported", "negated", "future"] {
        assert!(
            all.iter().any(|r| r["event"]["mode"] == m),
            "the store holds some {m} event"
        );
    }
    // A bad mode is a usage error naming the choices.
    dyad()
        .args(["query", "--mode", "rumoured", "--db"])
        .arg(&db)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("asserted, reported"));
}
