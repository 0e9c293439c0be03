//! Prints dyad's words, tags and dependencies for a text, and the PETRARCH mentions and
//! events coded from them, the text taken as one sentence as a PETRARCH record is:
//! `petrarch_debug DICT_DIR DATE TEXT` (DATE as YYYYMMDD).
#![allow(clippy::print_stdout)]

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, date, text] = &args[..] else {
        return Err("usage: petrarch_debug DICT_DIR DATE TEXT".into());
    };
    let dict = dyad_petrarch::Dictionaries::from_dir(&PathBuf::from(dir))?;
    let coder = dyad_petrarch::PetrarchCoder::new(dict);
    let parser = dyad_petrarch::eval::TextParser::embedded()?;
    let date = date.parse().ok();
    for words in parser.sentence(text) {
        for (i, w) in words.iter().enumerate() {
            println!(
                "{i:>3} {:<14} {:<10} {:<6} {:<5} {:?} {}",
                w.up, w.lemma, w.upos, w.xpos, w.head, w.deprel
            );
        }
        println!("{:?}", coder.mentions(&words, date));
        // NO_DYAD=1: a missing source or target is `---` (require_dyad false).
        let settings = dyad_petrarch::Settings {
            require_dyad: std::env::var_os("NO_DYAD").is_none(),
            // NEW_ACTOR=N: unknown actors of up to N words are kept.
            new_actor_length: std::env::var("NEW_ACTOR")
                .ok()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0),
            ..Default::default()
        };
        println!("{:?}", coder.code_words(&words, date, &settings));
    }
    Ok(())
}
