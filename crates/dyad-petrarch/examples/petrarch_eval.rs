//! Scores the PETRARCH coder on a records file and lists the records it codes differently.
//!
//! `cargo run --release -p dyad-petrarch --example petrarch_eval -- RECORDS [DICT_DIR]`
#![allow(clippy::print_stdout)]

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let records = PathBuf::from(
        args.next()
            .ok_or("usage: petrarch_eval RECORDS [DICT_DIR]")?,
    );
    let dict = args.next().map(PathBuf::from);
    let scores = dyad_petrarch::eval::evaluate(&records, dict.as_deref(), None)?;
    let records = dyad_petrarch::records::read_records(&records)?;
    for (id, gold, pred) in &scores.differences {
        let text = records
            .iter()
            .find(|r| &r.id == id)
            .map(|r| r.text.as_str());
        println!(
            "DIFF {id} gold={gold:?} pred={pred:?}\n     {}",
            text.unwrap_or("")
        );
    }
    println!("{}", scores.to_table());
    Ok(())
}
