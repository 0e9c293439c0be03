//! `dyad extract`: what the readers keep of each input, as JSON lines.
#![allow(clippy::print_stderr)]

use std::io::{BufWriter, Write};

use anyhow::Result;
use dyad_readers::{detect_language, read_inputs, ReadEvent, ReadOptions};
use serde_json::json;

use super::{report, Status};
use crate::args::{ExtractArgs, ExtractFormat};

pub fn run(args: ExtractArgs) -> Result<Status> {
    let options = ReadOptions {
        max_article_bytes: args.max_article_mb.saturating_mul(1024 * 1024),
        skip_non_english: false,
        ..ReadOptions::default()
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failures = 0usize;
    for event in read_inputs(&args.paths, &options) {
        match event {
            ReadEvent::Article(doc) => match args.format {
                ExtractFormat::Jsonl => {
                    let record = json!({
                        "id": doc.id,
                        "path": doc.path,
                        "url": doc.url,
                        "title": doc.title,
                        "published": doc.published,
                        "outlet": doc.outlet,
                        "language": detect_language(&doc.text),
                        "text": doc.text,
                    });
                    serde_json::to_writer(&mut out, &record)?;
                    out.write_all(b"\n")?;
                }
            },
            ReadEvent::Warning(d) => report("warning", &d),
            ReadEvent::Failure(d) => {
                report("error", &d);
                failures += 1;
            }
        }
    }
    out.flush()?;
    Ok(if failures > 0 {
        Status::SomeFailed
    } else {
        Status::Success
    })
}
