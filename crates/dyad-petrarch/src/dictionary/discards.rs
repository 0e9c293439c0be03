//! Discard dictionaries: phrases that make the coder skip a sentence (or, marked `+`, the
//! whole story).

use super::text::{strip_block_comments, strip_line_comment};

/// One discard phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Discard {
    /// Upper-case words of the phrase.
    pub words: Vec<String>,
    /// `+` in the file: the whole story is discarded, not only the sentence.
    pub story: bool,
}

/// Reads a discard dictionary.
pub fn parse_discards(text: &str) -> Vec<Discard> {
    let text = strip_block_comments(text);
    let mut out = Vec::new();
    for line in text.lines() {
        let line = strip_line_comment(line);
        if line.is_empty() {
            continue;
        }
        let (story, phrase) = match line.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let words: Vec<String> = phrase
            .split(|c: char| c == '_' || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .map(str::to_uppercase)
            .collect();
        if !words.is_empty() {
            out.push(Discard { words, story });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sentence_and_story_discards() {
        let d = parse_discards("# header\nMONTHS LATER\n+World Golf  # pas\n\n");
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].words, ["MONTHS", "LATER"]);
        assert!(!d[0].story);
        assert_eq!(d[1].words, ["WORLD", "GOLF"]);
        assert!(d[1].story);
    }
}
