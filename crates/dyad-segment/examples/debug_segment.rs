//! Prints the sentences and tokens of the text given as argument (for debugging).
#![allow(clippy::print_stdout)]
fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let (sentences, tokens) = dyad_segment::Segmenter::new().segment(&text);
    for s in &sentences {
        let words: Vec<&str> = tokens[s.first_token..s.last_token]
            .iter()
            .map(|t| t.text(&text))
            .collect();
        println!("{}", words.join(" | "));
    }
}
