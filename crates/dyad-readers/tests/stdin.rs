//! `-` reads standard input, its format sniffed from its first bytes.

mod common;

use std::io::Cursor;
use std::path::PathBuf;

use common::split;
use dyad_readers::{read_inputs, ReadOptions, STDIN_NAME};

fn read_stdin(input: &'static str) -> common::Split {
    let options = ReadOptions {
        default_date: Some("2025-12-01".into()),
        ..Default::default()
    };
    split(read_inputs(&[PathBuf::from("-")], &options).with_stdin(Cursor::new(input)))
}

#[test]
fn jsonl_on_stdin() {
    let out = read_stdin("\n  {\"id\": \"x\", \"text\": \"One.\"}\n{bad\n{\"text\": \"Two.\"}\n");
    assert_eq!(out.articles.len(), 2);
    assert_eq!(out.articles[0].path.as_deref(), Some("<stdin>:2"));
    assert_eq!(out.failures.len(), 1);
    assert_eq!(
        out.failures[0].to_string(),
        format!(
            "{STDIN_NAME}:3: malformed JSON: {}",
            out.failures[0]
                .message
                .trim_start_matches("malformed JSON: ")
        )
    );
    assert_eq!(out.articles[1].published.as_deref(), Some("2025-12-01"));
}

#[test]
fn html_on_stdin() {
    let out = read_stdin("<!doctype html><html><head><title>Vote delayed</title></head><body><nav>Menu</nav><p>The vote was delayed.</p></body></html>");
    assert_eq!(out.articles.len(), 1);
    assert_eq!(out.articles[0].title.as_deref(), Some("Vote delayed"));
    assert_eq!(out.articles[0].text, "The vote was delayed.");
}

#[test]
fn text_on_stdin() {
    let out = read_stdin("Vote delayed\n\nThe vote was delayed.\nhttps://example.org/story\n");
    assert_eq!(out.articles.len(), 1);
    assert_eq!(out.articles[0].title.as_deref(), Some("Vote delayed"));
    assert_eq!(out.articles[0].text, "The vote was delayed.");
    assert_eq!(out.articles[0].path.as_deref(), Some(STDIN_NAME));
}

#[test]
fn empty_stdin_fails() {
    let out = read_stdin("   \n");
    assert!(out.articles.is_empty());
    assert_eq!(
        out.failures[0].to_string(),
        format!("{STDIN_NAME}: empty article")
    );
}
