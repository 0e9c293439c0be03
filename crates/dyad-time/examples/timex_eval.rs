//! Evaluates the tagger on a folder of TimeML or MEANTIME files.
//!
//! `cargo run --release -p dyad-time --example timex_eval -- DIR [--write GOLD_OUT SYS_OUT] [--errors | --all]`
//!
//! `--errors` lists misses (MISS), spurious (SPUR) and differing (DIFF) timexes; `--all`
//! adds the matching ones (OK).
//!
//! With `--write`, the gold and system annotations are written as TimeML so that the
//! reference scorer (`te3_score.py GOLD_OUT SYS_OUT`) can check the figures.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::Write;
use std::path::PathBuf;

use dyad_time::eval::{read_gold_dir, system_timexes, TimexScores};
use dyad_time::{to_timeml, TimexTagger};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: timex_eval DIR [--write GOLD_OUT SYS_OUT] [--errors]");
        std::process::exit(2);
    };
    let write = args
        .iter()
        .position(|a| a == "--write")
        .map(|i| (PathBuf::from(&args[i + 1]), PathBuf::from(&args[i + 2])));
    let errors = args.iter().any(|a| a == "--errors" || a == "--all");
    let all = args.iter().any(|a| a == "--all");
    let tagger = TimexTagger::new();
    let docs = match read_gold_dir(std::path::Path::new(dir)) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let mut scores = TimexScores::default();
    for doc in &docs {
        let found = tagger.tag(&doc.text, doc.dct);
        let system = system_timexes(&doc.text, &found);
        scores.add(&doc.timexes, &system);
        if errors {
            let chars: Vec<char> = doc.text.chars().collect();
            let span = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
            for g in &doc.timexes {
                let hit = system.iter().find(|s| s.start < g.end && g.start < s.end);
                match hit {
                    None => println!(
                        "MISS\t{}\t{}\t{}\t{}",
                        doc.dct.map(|d| d.to_string()).unwrap_or_default(),
                        span(g.start, g.end),
                        g.kind,
                        g.value
                    ),
                    Some(s) if s.value != g.value || s.start != g.start || s.end != g.end => {
                        println!(
                            "DIFF\t{}\t{}\t{}\t{}\t|\t{}\t{}\t{}\t{}",
                            doc.dct.map(|d| d.to_string()).unwrap_or_default(),
                            span(g.start, g.end),
                            g.kind,
                            g.value,
                            span(s.start, s.end),
                            s.kind,
                            s.value,
                            span(g.start.saturating_sub(70), (g.end + 50).min(chars.len()))
                                .replace('\n', " ")
                        )
                    }
                    Some(s) if all => println!(
                        "OK\t{}\t{}\t{}\t{}\t|\t{}\t{}\t{}\t{}",
                        doc.dct.map(|d| d.to_string()).unwrap_or_default(),
                        span(g.start, g.end),
                        g.kind,
                        g.value,
                        span(s.start, s.end),
                        s.kind,
                        s.value,
                        span(g.start.saturating_sub(70), (g.end + 50).min(chars.len()))
                            .replace('\n', " ")
                    ),
                    _ => {}
                }
            }
            for s in &system {
                if !doc
                    .timexes
                    .iter()
                    .any(|g| s.start < g.end && g.start < s.end)
                {
                    let lo = s.start.saturating_sub(30);
                    let hi = (s.end + 30).min(chars.len());
                    println!(
                        "SPUR\t{}\t{}\t{}\t{}",
                        span(s.start, s.end),
                        s.kind,
                        s.value,
                        span(lo, hi).replace('\n', " ")
                    );
                }
            }
        }
        if let Some((gold_dir, sys_dir)) = &write {
            std::fs::create_dir_all(gold_dir).ok();
            std::fs::create_dir_all(sys_dir).ok();
            let (gold_tml, left_out) = doc.to_timeml();
            if left_out > 0 {
                eprintln!(
                    "{}: {left_out} crossing gold timex(es) not written",
                    doc.name
                );
            }
            std::fs::write(gold_dir.join(format!("{}.tml", doc.name)), gold_tml).ok();
            std::fs::write(
                sys_dir.join(format!("{}.tml", doc.name)),
                to_timeml(&doc.text, &found, doc.dct),
            )
            .ok();
        }
    }
    // a closed pipe (`| head`) is not an error
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", scores.to_table());
    let _ = writeln!(
        out,
        "{}",
        serde_json::to_string(&scores).unwrap_or_default()
    );
}
