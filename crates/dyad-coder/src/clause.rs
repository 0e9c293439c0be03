//! Light clause analysis over a sentence's words, used where no parse is available: clause
//! boundaries, complementisers after reporting verbs, prepositions before a mention.

use crate::lemma;

/// Lemmas of verbs that introduce reported speech or thought.
pub const REPORTING_VERBS: &[&str] = &[
    "say", "report", "tell", "announce", "claim", "insist", "believe", "predict", "point", "add",
    "note", "warn", "know", "think", "argue", "show", "suggest", "confirm", "deny", "state",
    "write", "allege", "declare", "reveal", "consider",
];

/// Prepositions that make a following noun phrase an oblique rather than a subject or object.
pub const PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "of",
    "at",
    "from",
    "with",
    "above",
    "surrounding",
    "for",
    "into",
    "toward",
    "towards",
    "about",
    "over",
    "under",
    "between",
    "among",
    "across",
    "through",
    "during",
    "after",
    "before",
    "since",
    "like",
    "near",
    "around",
    "within",
    "without",
    "via",
    "per",
];

/// One sentence's words, lowercased, with their candidate lemmas.
pub struct SentenceWords {
    /// Lowercased words (curly apostrophes made straight).
    pub lower: Vec<String>,
    /// Candidate lemmas of each word, most likely first.
    pub lemmas: Vec<Vec<String>>,
}

impl SentenceWords {
    /// Words of `texts`; `tagged_lemmas[i]`, when non-empty, is the tagger's lemma.
    pub fn new(texts: &[&str], tagged_lemmas: &[&str]) -> Self {
        let lower: Vec<String> = texts
            .iter()
            .map(|w| w.to_lowercase().replace('\u{2019}', "'"))
            .collect();
        let lemmas = texts
            .iter()
            .zip(tagged_lemmas)
            .map(|(w, l)| {
                let mut c = lemma::candidates(w);
                if !l.is_empty() {
                    let l = l.to_lowercase();
                    c.retain(|x| *x != l);
                    c.insert(0, l);
                }
                c
            })
            .collect();
        SentenceWords { lower, lemmas }
    }

    /// Number of words.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.lower.len()
    }

    /// Whether word `i` may have lemma `lemma`.
    pub fn has_lemma(&self, i: usize, lemma: &str) -> bool {
        self.lemmas
            .get(i)
            .is_some_and(|c| c.iter().any(|l| l == lemma))
    }

    /// Whether `phrase` (lemmas) starts at word `i`.
    pub fn phrase_at(&self, i: usize, phrase: &[String]) -> bool {
        phrase
            .iter()
            .enumerate()
            .all(|(k, p)| self.has_lemma(i + k, p))
    }

    /// Whether word `i` is a reporting verb.
    pub fn is_reporting_verb(&self, i: usize) -> bool {
        REPORTING_VERBS.iter().any(|v| self.has_lemma(i, v))
    }

    /// Index of the word after the last complementiser ("said that", "reported Sunday that",
    /// a colon) before `i`, or 0.
    pub fn clause_start(&self, i: usize) -> usize {
        let mut start = 0;
        for j in 0..i {
            let w = self.lower[j].as_str();
            let boundary = matches!(w, ";" | ":")
                || (w == "that" && (j.saturating_sub(3)..j).any(|k| self.is_reporting_verb(k)));
            if boundary {
                start = j + 1;
            }
        }
        start
    }

    /// Index one past the clause containing `i`: the next `;`, or the end.
    pub fn clause_end(&self, i: usize) -> usize {
        (i..self.len())
            .find(|&j| self.lower[j] == ";")
            .unwrap_or(self.len())
    }

    /// Where the participants of the clause containing `i` end: at [`clause_end`], or
    /// before a contrast after a comma or dash ("… agreed to key changes - but Labour's
    /// majority was reduced": Labour is no party to the agreeing).
    ///
    /// [`clause_end`]: SentenceWords::clause_end
    pub fn participants_end(&self, i: usize) -> usize {
        let end = self.clause_end(i);
        (i + 1..end)
            .find(|&j| {
                matches!(self.lower[j].as_str(), "but" | "while" | "whereas" | "yet")
                    && matches!(
                        self.lower[j - 1].as_str(),
                        "," | "-" | "\u{2013}" | "\u{2014}"
                    )
            })
            .unwrap_or(end)
    }

    /// The words before word `i`, nearest first, articles skipped ("in the Czech Republic":
    /// "in").
    pub fn before_articles(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        (0..i)
            .rev()
            .filter(|&j| !matches!(self.lower[j].as_str(), "the" | "a" | "an"))
    }

    /// Whether the word before `i` is a preposition.
    pub fn after_preposition(&self, i: usize) -> bool {
        i > 0 && PREPOSITIONS.contains(&self.lower[i - 1].as_str())
    }

    /// Whether word `i` lies inside quotation marks.
    pub fn inside_quote(&self, i: usize) -> bool {
        let mut open = false;
        for w in &self.lower[..i] {
            match w.as_str() {
                "\u{201c}" => open = true,
                "\u{201d}" => open = false,
                "\"" => open = !open,
                _ => {}
            }
        }
        open
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn participants_end_at_a_semicolon_or_a_contrast_after_a_comma_or_dash() {
        let words = |text: &str| {
            let forms: Vec<&str> = text.split(' ').collect();
            let lemmas = vec![""; forms.len()];
            SentenceWords::new(&forms, &lemmas)
        };
        let w = words("Clarke agreed to changes - but Labour 's majority fell");
        assert_eq!(w.participants_end(1), 5);
        let w = words("Clarke agreed to changes , while Labour fell");
        assert_eq!(w.participants_end(1), 5);
        let w = words("Clarke agreed ; Labour fell");
        assert_eq!(w.participants_end(1), 2);
        // A "but" that opens no clause after a comma or dash does not end it.
        let w = words("Clarke agreed but not to everything");
        assert_eq!(w.participants_end(1), 6);
    }
}
