//! UDS factuality scores of the parse-based modes, and the disagreements of one split:
//! `cargo run --release -p dyad-coder --example factuality -- ../shared/data/attribution [dev]`.
#![allow(clippy::print_stdout)]
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: factuality DIR [SPLIT]")?;
    let syntax = dyad_syntax::SyntaxStage::embedded()?;
    let scores = dyad_coder::factuality::evaluate_dir(dir.as_ref(), &syntax)?;
    println!("{}", scores.to_table());
    let Some(split) = std::env::args().nth(2) else {
        return Ok(());
    };
    let folder = Path::new(&dir).join("uds_ih2_factuality");
    let judgements = dyad_coder::factuality::judge_split(
        &folder.join(format!("ewt_r1.2_{split}.conllu")),
        &folder.join(format!("factuality_normalized_{split}.json")),
        &syntax,
    )?;
    for j in judgements {
        if dyad_coder::factuality::happened(j.mode) != j.happened {
            let marked: Vec<String> = j
                .words
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    if i == j.predicate {
                        format!("[[{w}]]")
                    } else {
                        w.clone()
                    }
                })
                .collect();
            println!(
                "{}\tgold={}\t{}",
                j.mode.as_str(),
                j.happened,
                marked.join(" ")
            );
        }
    }
    Ok(())
}
