//! `dyad eval petrarch` on an invented records file and dictionaries: the table, the JSON
//! keys of CONTRACT.md, the predictions file petrarch_score.py reads, and clear errors.

use assert_cmd::Command;
use serde_json::Value;

const RECORDS: &str = r#"<Sentences>
<Sentence date="20100101" id="T-1" category="DEMO">
<EventCoding sourcecode="VAL" targetcode="KES" eventcode="064"></EventCoding>
<Text>Valdoria mended ties with Kestria on Monday.</Text>
</Sentence>
<Sentence date="20100101" id="T-2" category="DEMO">
<EventCoding noevents="True"></EventCoding>
<Text>The weather was fine on Monday.</Text>
</Sentence>
<Sentence date="20100101" id="T-3" category="PATTERN">
<EventCoding sourcecode="KES" targetcode="VAL" eventcode="111"></EventCoding>
<Text>Kestria mended ties with Valdoria on Monday.</Text>
</Sentence>
</Sentences>
"#;

#[test]
fn scores_writes_predictions_and_prints_json_last() {
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join("records.xml");
    std::fs::write(&records, RECORDS).unwrap();
    let dicts = dir.path().join("dictionaries");
    std::fs::create_dir(&dicts).unwrap();
    std::fs::write(dicts.join("my.verbs.txt"), "--- MEND [064] ---\nMEND\n").unwrap();
    std::fs::write(
        dicts.join("my.actors.txt"),
        "VALDORIA [VAL]\nKESTRIA [KES]\n",
    )
    .unwrap();
    let predictions = dir.path().join("pred.jsonl");
    let output = Command::cargo_bin("dyad")
        .unwrap()
        .args(["eval".as_ref(), "petrarch".as_ref(), records.as_os_str()])
        .args([
            "--predictions".as_ref(),
            predictions.as_os_str(),
            "--json".as_ref(),
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("PATTERN"), "per-category table:\n{stdout}");
    let json: Value = serde_json::from_str(stdout.lines().last().unwrap()).unwrap();
    // T-1 right, T-2 right (nothing coded), T-3 coded with the wrong code: TP 1, FP 1, FN 1.
    assert_eq!(json["records"], 3);
    assert_eq!(json["precision"], 0.5);
    assert_eq!(json["recall"], 0.5);
    assert_eq!(json["f1"], 0.5);
    assert_eq!(json["noevents_correct"], 1);
    let lines: Vec<Value> = std::fs::read_to_string(&predictions)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "T-1");
    assert_eq!(lines[0]["events"][0]["source"], "VAL");
    assert_eq!(lines[0]["events"][0]["code"], "064");
}

#[test]
fn missing_dictionaries_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join("records.xml");
    std::fs::write(&records, RECORDS).unwrap();
    let output = Command::cargo_bin("dyad")
        .unwrap()
        .args(["eval".as_ref(), "petrarch".as_ref(), records.as_os_str()])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--dictionaries DIR"), "{stderr}");
}
