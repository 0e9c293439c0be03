//! Bad inputs never abort a batch: each is reported, the rest is read.

mod common;

use std::io::Write;

use common::{read, split, write};
use dyad_readers::{read_inputs, ReadEvent, ReadOptions};

const GOOD: &str = "Officials met on Monday.\n\nThey agreed to meet again.\n";

#[test]
fn missing_file_fails_and_the_next_input_is_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", GOOD);
    let missing = dir.path().join("missing.txt");
    let out = read(&[missing.clone(), good]);
    assert_eq!(out.failures.len(), 1);
    assert_eq!(out.failures[0].path, missing.display().to_string());
    assert!(
        out.failures[0].message.contains("no such file"),
        "{}",
        out.failures[0]
    );
    assert_eq!(out.articles.len(), 1);
}

#[test]
fn directory_without_articles_fails() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.pdf", "%PDF-1.4");
    write(dir.path(), "sub/data.csv", "a,b\n");
    let out = read(&[dir.path().to_path_buf()]);
    assert!(out.articles.is_empty());
    assert_eq!(out.failures.len(), 1);
    let message = &out.failures[0].message;
    assert!(message.starts_with("no articles found in "), "{message}");
    assert!(message.contains(&dir.path().display().to_string()));
}

#[test]
fn directory_walk_is_recursive_sorted_and_skips_other_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", "Second article text.");
    write(dir.path(), "a/z.md", "First article text.");
    write(dir.path(), "c/image.png", [0x89u8, b'P', b'N', b'G', 0, 0]);
    write(
        dir.path(),
        "c/d.jsonl",
        "{\"text\": \"Third article text.\"}\n",
    );
    write(dir.path(), ".hidden/e.txt", "Hidden article text.");
    let out = read(&[dir.path().to_path_buf()]);
    assert!(out.failures.is_empty(), "{:?}", out.failures);
    let texts: Vec<&str> = out.articles.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "First article text.",
            "Second article text.",
            "Third article text."
        ]
    );
}

#[test]
fn binary_file_fails() {
    let dir = tempfile::tempdir().unwrap();
    let bin = write(
        dir.path(),
        "blob.txt",
        [0x7fu8, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0],
    );
    let controls: Vec<u8> = (0..4000u32)
        .map(|i| if i % 4 == 0 { 0x02 } else { b'x' })
        .collect();
    let noisy = write(dir.path(), "noisy.txt", controls);
    let good = write(dir.path(), "good.txt", GOOD);
    let out = read(&[bin, noisy, good]);
    assert_eq!(out.failures.len(), 2, "{:?}", out.failures);
    for failure in &out.failures {
        assert_eq!(failure.message, "binary file, not text");
    }
    assert_eq!(out.articles.len(), 1);
}

#[test]
fn binary_file_with_unknown_extension_named_explicitly_fails() {
    let dir = tempfile::tempdir().unwrap();
    let bin = write(
        dir.path(),
        "photo.jpg",
        [0xffu8, 0xd8, 0xff, 0xe0, 0, 0x10, b'J', b'F'],
    );
    let text = write(dir.path(), "notes.log", GOOD);
    let out = read(&[bin, text]);
    assert_eq!(out.failures.len(), 1);
    assert_eq!(out.failures[0].message, "binary file, not text");
    assert_eq!(
        out.articles.len(),
        1,
        "a text file with another extension is read as text"
    );
}

#[test]
fn invalid_utf8_warns_and_still_reads() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "Nicolás Maduro spoke on Monday; ".as_bytes().to_vec();
    bytes.extend_from_slice(b"a broken byte \xff here.");
    let path = write(dir.path(), "broken.txt", bytes);
    let out = read(std::slice::from_ref(&path));
    assert!(out.failures.is_empty());
    assert_eq!(out.warnings.len(), 1);
    let warning = out.warnings[0].to_string();
    assert!(
        warning.starts_with(&path.display().to_string()),
        "{warning}"
    );
    assert!(warning.contains("invalid UTF-8"), "{warning}");
    assert_eq!(out.articles.len(), 1);
    assert!(out.articles[0].text.contains("Nicolás Maduro"));
    assert!(out.articles[0].text.contains('\u{fffd}'));
}

#[test]
fn latin1_file_is_decoded_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "old.txt",
        b"The deal was worth \xa3600m to the firm.".as_slice(),
    );
    let out = read(&[path]);
    assert_eq!(out.warnings.len(), 1);
    assert_eq!(
        out.articles[0].text,
        "The deal was worth £600m to the firm."
    );
}

#[test]
fn empty_and_whitespace_only_articles_fail() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", "");
    let blank = write(dir.path(), "blank.txt", " \n\t\r\n  \n");
    let debris = write(
        dir.path(),
        "debris.html",
        "<html><body><nav>Home</nav><script>x()</script></body></html>",
    );
    let out = read(&[empty, blank, debris]);
    assert!(out.articles.is_empty());
    assert_eq!(out.failures.len(), 3);
    for failure in &out.failures {
        assert_eq!(failure.message, "empty article", "{failure}");
    }
}

#[test]
fn fifty_megabyte_single_line_file_is_too_large() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let mut file = std::fs::File::create(&path).unwrap();
    let chunk = vec![b'a'; 1024 * 1024];
    for _ in 0..50 {
        file.write_all(&chunk).unwrap();
    }
    drop(file);
    let good = write(dir.path(), "good.txt", GOOD);
    let out = read(&[path, good]);
    assert_eq!(out.failures.len(), 1);
    assert_eq!(out.failures[0].message, "too large: 50 MB > limit 10 MB");
    assert_eq!(out.articles.len(), 1);
}

#[test]
fn oversized_jsonl_line_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    let long = format!("{{\"text\": \"{}\"}}", "word ".repeat(400));
    let content = format!("{{\"text\": \"First.\"}}\n{long}\n{{\"text\": \"Third.\"}}\n");
    let path = write(dir.path(), "a.jsonl", content);
    let options = ReadOptions {
        max_article_bytes: 1000,
        ..Default::default()
    };
    let out = split(read_inputs(&[path], &options));
    assert_eq!(out.articles.len(), 2);
    assert_eq!(out.failures.len(), 1);
    assert_eq!(out.failures[0].line, Some(2));
    assert!(
        out.failures[0].message.starts_with("too large"),
        "{}",
        out.failures[0]
    );
}

#[test]
fn malformed_jsonl_lines_fail_with_their_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let content = concat!(
        "{\"id\": \"a\", \"text\": \"Alpha text.\"}\n",
        "{\"id\": \"b\", \"text\": \n",
        "\n",
        "{\"id\": \"c\", \"title\": \"No text here\"}\n",
        "[1, 2]\n",
        "{\"id\": \"d\", \"text\": 42}\n",
        "{\"id\": \"e\", \"text\": \"   \"}\n",
        "{\"id\": 7, \"text\": \"Seven text.\", \"date\": \"Dec 1, 2025\"}\n",
    );
    let path = write(dir.path(), "mixed.jsonl", content);
    let out = read(std::slice::from_ref(&path));
    let ids: Vec<&str> = out.articles.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "7"]);
    let lines: Vec<Option<usize>> = out.failures.iter().map(|f| f.line).collect();
    assert_eq!(lines, [Some(2), Some(4), Some(5), Some(6), Some(7)]);
    assert!(
        out.failures[0].message.starts_with("malformed JSON"),
        "{}",
        out.failures[0]
    );
    assert_eq!(out.failures[1].message, "missing `text` field");
    assert_eq!(out.failures[4].message, "empty article");
    assert_eq!(
        out.failures[1].to_string(),
        format!("{}:4: missing `text` field", path.display())
    );
    assert_eq!(out.articles[1].path, Some(format!("{}:8", path.display())));
    assert_eq!(out.articles[1].published.as_deref(), Some("2025-12-01"));
}

#[test]
fn unparseable_date_warns_and_uses_the_default_date() {
    let dir = tempfile::tempdir().unwrap();
    let content = "{\"text\": \"A.\", \"published\": \"sometime soon\"}\n{\"text\": \"B.\"}\n";
    let path = write(dir.path(), "d.jsonl", content);
    let options = ReadOptions {
        default_date: Some("2024-02-29".into()),
        ..Default::default()
    };
    let out = split(read_inputs(std::slice::from_ref(&path), &options));
    assert_eq!(out.warnings.len(), 1);
    assert_eq!(out.warnings[0].line, Some(1));
    assert!(out.warnings[0].message.contains("sometime soon"));
    let dates: Vec<Option<&str>> = out
        .articles
        .iter()
        .map(|d| d.published.as_deref())
        .collect();
    assert_eq!(dates, [Some("2024-02-29"), Some("2024-02-29")]);

    let out = read(&[path]);
    assert_eq!(out.articles[0].published, None);
}

#[test]
fn events_stream_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "Alpha text.");
    let b = dir.path().join("nope.txt");
    let c = write(dir.path(), "c.txt", "Gamma text.");
    let kinds: Vec<&str> = read_inputs(&[a, b, c], &ReadOptions::default())
        .map(|e| match e {
            ReadEvent::Article(_) => "article",
            ReadEvent::Warning(_) => "warning",
            ReadEvent::Failure(_) => "failure",
        })
        .collect();
    assert_eq!(kinds, ["article", "failure", "article"]);
}

#[test]
fn xml_that_is_no_feed_is_skipped_with_a_note_not_failed() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "sitemap.xml",
        "<?xml version=\"1.0\"?><urlset><url><loc>https://example.invalid/a</loc></url></urlset>",
    );
    write(dir.path(), "a.txt", GOOD);
    let out = read(&[dir.path().to_path_buf()]);
    assert!(out.failures.is_empty(), "{:?}", out.failures);
    assert_eq!(out.articles.len(), 1);
    assert!(
        out.warnings
            .iter()
            .any(|w| w.path.ends_with("sitemap.xml") && w.message.contains("not an RSS")),
        "{:?}",
        out.warnings
    );
}
