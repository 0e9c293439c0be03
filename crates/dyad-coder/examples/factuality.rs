//! UDS factuality scores of the parse-based modes:
//! `cargo run --release -p dyad-coder --example factuality -- ../shared/data/attribution`.
#![allow(clippy::print_stdout)]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: factuality DIR")?;
    let syntax = dyad_syntax::SyntaxStage::embedded()?;
    let scores = dyad_coder::factuality::evaluate_dir(dir.as_ref(), &syntax)?;
    println!("{}", scores.to_table());
    Ok(())
}
