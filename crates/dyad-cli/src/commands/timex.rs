//! `dyad timex`: the time expressions of articles, as a table or TimeML.
#![allow(clippy::print_stdout)]

use std::cell::Cell;

use anyhow::Result;
use dyad_time::{parse_dct, to_timeml, TimexTagger};

use super::{documents, Status};
use crate::args::{InputArgs, TimexArgs};

pub fn run(args: TimexArgs) -> Result<Status> {
    let tagger = TimexTagger::new();
    let input = InputArgs {
        paths: args.paths.clone(),
        date: None,
        lexicon: None,
        max_article_mb: 10,
    };
    let failures = Cell::new(0);
    for doc in documents(&input, &failures) {
        let dct = args
            .dct
            .as_deref()
            .or(doc.published.as_deref())
            .and_then(|d| parse_dct(d).ok());
        if dct.is_none() {
            eprintln_missing(&doc);
        }
        let timexes = tagger.tag(&doc.text, dct);
        if args.timeml {
            println!("{}", to_timeml(&doc.text, &timexes, dct));
            continue;
        }
        println!("== {}", doc.path.as_deref().unwrap_or(&doc.id));
        for t in &timexes {
            let kind = serde_json::to_value(t.kind)?;
            println!(
                "{:>6}-{:<6} {:<9} {:<16} {:<6} {}",
                t.start,
                t.end,
                kind.as_str().unwrap_or(""),
                t.value,
                t.modifier.as_deref().unwrap_or(""),
                t.text
            );
        }
    }
    Ok(if failures.get() > 0 {
        Status::SomeFailed
    } else {
        Status::Success
    })
}

#[allow(clippy::print_stderr)]
fn eprintln_missing(doc: &dyad_types::Document) {
    eprintln!(
        "dyad: warning: {}: no document date (use --dct YYYY-MM-DD); relative values stay relative",
        doc.path.as_deref().unwrap_or(&doc.id)
    );
}
