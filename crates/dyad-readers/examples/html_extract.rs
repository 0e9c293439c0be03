//! Extract every page of a folder of web pages (`*.html`, `*.htm` or `*.html.gz`) and print
//! one JSON line per page, `{"id", "text", "title", "date"}`, the form
//! `../shared/tools/html_score.py` scores:
//!
//! ```text
//! cargo run --release -p dyad-readers --example html_extract -- \
//!     ../shared/data/html/scrapinghub/html > /tmp/pred.jsonl
//! python3 ../shared/tools/html_score.py ../shared/data/html/scrapinghub /tmp/pred.jsonl
//! ```
//!
//! Pages are decoded as the reader does (byte-order mark, `<meta charset>`, UTF-8).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{Read, Write};
use std::path::PathBuf;

use dyad_readers::{normalize_date, read_inputs, ReadEvent, ReadOptions};

fn main() -> std::io::Result<()> {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: html_extract FOLDER");
        std::process::exit(2);
    };
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    names.sort();
    let scratch = tempfile::tempdir()?;
    let mut stdout = std::io::stdout().lock();
    for path in names {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let Some(id) = name
            .strip_suffix(".html.gz")
            .or(name.strip_suffix(".html"))
            .or(name.strip_suffix(".htm"))
        else {
            continue;
        };
        let mut bytes = Vec::new();
        if name.ends_with(".gz") {
            flate2::read::GzDecoder::new(std::fs::File::open(&path)?).read_to_end(&mut bytes)?;
        } else {
            bytes = std::fs::read(&path)?;
        }
        let page = scratch.path().join(format!("{id}.html"));
        std::fs::write(&page, &bytes)?;
        let mut record = serde_json::json!({ "id": id, "text": "" });
        for event in read_inputs(std::slice::from_ref(&page), &ReadOptions::default()) {
            match event {
                ReadEvent::Article(doc) => {
                    record["text"] = doc.text.into();
                    record["title"] = doc.title.into();
                    record["date"] = doc.published.and_then(|d| normalize_date(&d)).into();
                }
                ReadEvent::Warning(d) | ReadEvent::Failure(d) => eprintln!("{id}: {}", d.message),
            }
        }
        writeln!(stdout, "{record}")?;
        std::fs::remove_file(&page)?;
    }
    Ok(())
}
