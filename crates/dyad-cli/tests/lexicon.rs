//! A user adds a verb pattern and an actor in data files and sees them used, without
//! recompiling (issue 5, acceptance 3).

use assert_cmd::Command;
use serde_json::Value;

fn events(args: &[&std::ffi::OsStr]) -> Vec<Value> {
    let output = Command::cargo_bin("dyad")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let record: Value = serde_json::from_slice(&output.stdout).unwrap();
    record["events"].as_array().unwrap().clone()
}

#[test]
fn user_lexicon_files_add_patterns_and_actors() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "The Casa Rosada snubbed Chile on Monday.\n").unwrap();
    let lexicon = dir.path().join("lexicon");
    std::fs::create_dir(&lexicon).unwrap();
    std::fs::write(lexicon.join("verbs.tsv"), "# mine\nsnub\tverb\t\t125\n").unwrap();
    std::fs::write(
        lexicon.join("metonyms.tsv"),
        "Casa Rosada\tARGGOV\tARG\tGOV\tCasa Rosada\n",
    )
    .unwrap();

    let base = [
        "code".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        article.as_os_str(),
    ];
    assert!(
        events(&base).iter().all(|e| e["cameo"] != "125"),
        "not coded without the user's files"
    );

    let mut with = base.to_vec();
    with.extend(["--lexicon".as_ref(), lexicon.as_os_str()]);
    let coded = events(&with);
    let snub = coded
        .iter()
        .find(|e| e["cameo"] == "125")
        .expect("the user's pattern is used");
    assert_eq!(snub["source"]["code"], "ARGGOV");
    assert_eq!(snub["target"]["code"], "CHL");
}

#[test]
fn a_broken_user_lexicon_is_reported_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("verbs.tsv"), "snub\tverb\t\t9999\n").unwrap();
    let out = Command::cargo_bin("dyad")
        .unwrap()
        .args(["code", "x.txt", "--lexicon"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("verbs.tsv:1") && stderr.contains("9999"),
        "{stderr}"
    );
}
