//! Tone in GDELT's AvgTone convention, from the VADER lexicon with rules of its kind.
//!
//! A word of the lexicon counts as one positive or one negative word, by the sign of its
//! mean valence. The words before it change that count within a sentence:
//!
//! - a negator ("not", "n't", "no", "never", "without"…) among the three words before it
//!   flips and damps it (× −0.74): "not good" counts as 0.74 of a negative word;
//! - an intensifier ("very", "extremely", "deeply"…) raises it by 0.3 and a dampener
//!   ("slightly", "somewhat", "barely"…) lowers it by 0.3, less with distance (× 0.95 two
//!   words back, × 0.9 three words back);
//! - after a "but", words weigh 1.5 and before it 0.5;
//! - a word in capitals in a sentence that is not all capitals weighs 1.3;
//! - each exclamation mark (at most 4) adds 10% to the sentence's sentiment words.
//!
//! AvgTone is then (positive − negative) weighted words per 100 words, from −100 to +100.
//! Negators and degree words are not sentiment words themselves, nor are proper nouns,
//! pronouns, determiners, prepositions, conjunctions and auxiliaries when the text is
//! tagged ("Hope" the name, "like" the preposition, "will" the auxiliary).

use std::sync::OnceLock;

use dyad_types::Tone;

use crate::hash::{lower, WordMap};
use crate::Error;

/// The embedded lexicon: word → mean valence, rebuilt by `scripts/build_tone_lexicon.py`.
const VALENCE_TSV: &str = include_str!("../data/valence.tsv");

/// How far back (in words) a negator or degree word reaches.
const WINDOW: usize = 3;
/// The factor of a negated word.
const NEGATION: f64 = -0.74;
/// What an intensifier adds to (a dampener takes from) a word's weight.
const DEGREE: f64 = 0.3;
/// The share of a degree word's effect at distance 1, 2 and 3.
const DISTANCE: [f64; WINDOW] = [1.0, 0.95, 0.9];
/// The weights before and after "but".
const BEFORE_BUT: f64 = 0.5;
const AFTER_BUT: f64 = 1.5;
/// The weight of a word in capitals among lower-case words.
const CAPITALS: f64 = 1.3;
/// What each exclamation mark adds to the sentence's weights, and how many count.
const EXCLAMATION: f64 = 0.1;
const MAX_EXCLAMATIONS: usize = 4;

const NEGATORS: &[&str] = &[
    "not", "n't", "no", "never", "none", "nobody", "nothing", "nowhere", "neither", "nor",
    "without", "cannot", "lack", "lacks", "lacked", "lacking", "dont", "didnt", "doesnt", "isnt",
    "wasnt", "werent", "arent", "cant", "couldnt", "wont", "wouldnt", "shouldnt", "hasnt",
    "havent", "hadnt", "neednt", "aint",
];

const INTENSIFIERS: &[&str] = &[
    "very",
    "extremely",
    "highly",
    "deeply",
    "greatly",
    "hugely",
    "really",
    "so",
    "most",
    "totally",
    "utterly",
    "completely",
    "absolutely",
    "particularly",
    "especially",
    "exceptionally",
    "incredibly",
    "remarkably",
    "severely",
    "strongly",
    "fiercely",
    "heavily",
    "bitterly",
    "sharply",
    "vastly",
    "enormously",
    "immensely",
    "truly",
    "thoroughly",
    "entirely",
    "fully",
    "extraordinarily",
    "tremendously",
    "intensely",
    "exceedingly",
    "seriously",
    "gravely",
    "profoundly",
];

const DAMPENERS: &[&str] = &[
    "slightly",
    "somewhat",
    "barely",
    "hardly",
    "scarcely",
    "marginally",
    "partly",
    "partially",
    "mildly",
    "relatively",
    "moderately",
    "less",
    "least",
    "fairly",
    "rather",
    "occasionally",
    "little",
];

/// One word of a sentence as the scorer reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Word<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Its lemma, empty if unknown.
    pub lemma: &'a str,
    /// Its universal part of speech, empty if untagged.
    pub upos: &'a str,
}

impl<'a> Word<'a> {
    /// An untagged word.
    pub fn plain(text: &'a str) -> Word<'a> {
        Word {
            text,
            ..Word::default()
        }
    }
}

/// Weighted sentiment words and words counted, summed over sentences.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Tally {
    /// Weighted positive words.
    pub positive: f64,
    /// Weighted negative words.
    pub negative: f64,
    /// Words (tokens with a letter or digit).
    pub words: usize,
}

impl Tally {
    /// Adds another tally.
    pub fn add(&mut self, other: Tally) {
        self.positive += other.positive;
        self.negative += other.negative;
        self.words += other.words;
    }

    /// The tone: shares per 100 words; all zero for no words.
    pub fn tone(&self) -> Tone {
        if self.words == 0 {
            return Tone::default();
        }
        let per_100 = |n: f64| round(n * 100.0 / self.words as f64);
        let positive = per_100(self.positive);
        let negative = per_100(self.negative);
        Tone {
            tone: round(positive - negative),
            positive,
            negative,
            polarity: round(positive + negative),
            words: self.words,
        }
    }
}

/// Rounds to 4 decimals, so records stay short and stable.
fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// What a word does to the sentiment words after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Plain,
    Negator,
    Intensifier,
    Dampener,
}

/// A word's valence (0 when unrated) and role: one lookup gives both.
#[derive(Debug, Clone, Copy)]
struct Entry {
    valence: f32,
    role: Role,
}

/// Word → mean valence (−4 to +4), and the rules that score sentences with it.
#[derive(Debug, Clone)]
pub struct ToneLexicon {
    words: WordMap<Entry>,
    rated: usize,
}

impl ToneLexicon {
    /// The embedded lexicon (VADER's word ratings), parsed once.
    pub fn embedded() -> &'static ToneLexicon {
        static LEXICON: OnceLock<ToneLexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            ToneLexicon::parse(VALENCE_TSV).expect("the embedded valence.tsv is well formed")
        })
    }

    /// Parses `word<TAB>valence` lines; `#` starts a comment line.
    pub fn parse(text: &str) -> Result<ToneLexicon, Error> {
        let mut words = WordMap::default();
        for (index, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let error = |message: String| Error::Lexicon {
                file: "valence.tsv".into(),
                line: index + 1,
                message,
            };
            let (word, value) = line
                .split_once('\t')
                .ok_or_else(|| error("expected `word<TAB>valence`".into()))?;
            let value: f32 = value
                .trim()
                .parse()
                .map_err(|_| error(format!("valence {value:?} is not a number")))?;
            if !(-4.0..=4.0).contains(&value) {
                return Err(error(format!("valence {value} is outside -4..4")));
            }
            words.insert(
                word.trim().to_lowercase(),
                Entry {
                    valence: value,
                    role: Role::Plain,
                },
            );
        }
        let rated = words.len();
        for (list, role) in [
            (NEGATORS, Role::Negator),
            (INTENSIFIERS, Role::Intensifier),
            (DAMPENERS, Role::Dampener),
        ] {
            for word in list {
                words
                    .entry((*word).to_string())
                    .or_insert(Entry { valence: 0.0, role })
                    .role = role;
            }
        }
        Ok(ToneLexicon { words, rated })
    }

    /// Rated words in the lexicon.
    pub fn len(&self) -> usize {
        self.rated
    }

    /// Whether the lexicon has no rated word.
    pub fn is_empty(&self) -> bool {
        self.rated == 0
    }

    /// The mean valence of a (lower-case) word, if rated.
    pub fn valence(&self, word: &str) -> Option<f32> {
        self.words
            .get(word)
            .map(|e| e.valence)
            .filter(|v| *v != 0.0)
    }

    /// The sentiment of one sentence.
    pub fn score_sentence(&self, words: &[Word<'_>]) -> Tally {
        let mut tally = Tally::default();
        // One lookup per word: its valence and role.
        let entries: Vec<Option<Entry>> = words
            .iter()
            .map(|w| self.words.get(lower(w.text).as_ref()).copied())
            .collect();
        let role = |i: usize| entries[i].map_or(Role::Plain, |e| e.role);
        let mut lettered = 0;
        let mut capitals = 0;
        let mut exclamations = 0;
        let mut but = None;
        // Indices of the word tokens, for looking back over words only.
        let mut word_indices = Vec::with_capacity(words.len());
        for (i, w) in words.iter().enumerate() {
            if w.text.chars().any(char::is_alphanumeric) {
                word_indices.push(i);
            }
            if w.text.chars().any(char::is_alphabetic) {
                lettered += 1;
                capitals += usize::from(is_capitals(w.text));
            }
            exclamations += w.text.matches('!').count();
            if but.is_none() && w.text.eq_ignore_ascii_case("but") {
                but = Some(i);
            }
        }
        tally.words = word_indices.len();
        // Capitals stand out only among lower-case words.
        let shouting = lettered > 0 && capitals == lettered;
        let emphasis = 1.0 + EXCLAMATION * exclamations.min(MAX_EXCLAMATIONS) as f64;
        for (rank, &i) in word_indices.iter().enumerate() {
            let Some(base) = self.sentiment(&words[i], entries[i]) else {
                continue;
            };
            let mut weight = f64::from(base.signum());
            let mut negated = false;
            for (distance, &j) in word_indices[rank.saturating_sub(WINDOW)..rank]
                .iter()
                .rev()
                .enumerate()
            {
                match role(j) {
                    Role::Negator => negated = true,
                    Role::Intensifier => weight += weight.signum() * DEGREE * DISTANCE[distance],
                    Role::Dampener => weight -= weight.signum() * DEGREE * DISTANCE[distance],
                    Role::Plain => {}
                }
            }
            if negated {
                weight *= NEGATION;
            }
            if !shouting && is_capitals(words[i].text) {
                weight *= CAPITALS;
            }
            match but {
                Some(b) if i < b => weight *= BEFORE_BUT,
                Some(b) if i > b => weight *= AFTER_BUT,
                _ => {}
            }
            weight *= emphasis;
            if weight > 0.0 {
                tally.positive += weight;
            } else {
                tally.negative -= weight;
            }
        }
        tally
    }

    /// The valence of a word that carries sentiment here, if it does.
    fn sentiment(&self, word: &Word<'_>, entry: Option<Entry>) -> Option<f32> {
        if neutral_pos(word.upos) || entry.is_some_and(|e| e.role != Role::Plain) {
            return None;
        }
        match entry {
            Some(e) if e.valence != 0.0 => Some(e.valence),
            _ if word.lemma.is_empty() => None,
            _ => self.valence(lower(word.lemma).as_ref()),
        }
    }
}

/// Parts of speech whose words carry no sentiment here, when the text is tagged.
fn neutral_pos(upos: &str) -> bool {
    matches!(
        upos,
        "PROPN"
            | "PRON"
            | "DET"
            | "ADP"
            | "CCONJ"
            | "SCONJ"
            | "AUX"
            | "PART"
            | "NUM"
            | "PUNCT"
            | "SYM"
    )
}

/// A word of two or more letters, all capitals.
fn is_capitals(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Word<'_>> {
        text.split_whitespace().map(Word::plain).collect()
    }

    fn tally(text: &str) -> Tally {
        ToneLexicon::embedded().score_sentence(&words(text))
    }

    #[test]
    fn the_embedded_lexicon_is_vaders_words() {
        let lexicon = ToneLexicon::embedded();
        assert!(lexicon.len() > 7000, "{}", lexicon.len());
        assert!(lexicon.valence("good").unwrap() > 0.0);
        assert!(lexicon.valence("killed").unwrap() < 0.0);
        assert_eq!(lexicon.valence("table"), None);
    }

    #[test]
    fn plain_words_count_one_each() {
        let t = tally("The good news came after a terrible week");
        assert_eq!(t.words, 8);
        assert!((t.positive - 1.0).abs() < 1e-9, "{t:?}");
        assert!((t.negative - 1.0).abs() < 1e-9, "{t:?}");
        assert_eq!(t.tone().tone, 0.0);
    }

    #[test]
    fn a_negator_within_three_words_flips_and_damps() {
        let plain = tally("The plan was good");
        let negated = tally("The plan was not good");
        let far = tally("Not the plan we have here is good");
        assert!(plain.positive > 0.0 && plain.negative == 0.0);
        assert!(negated.positive == 0.0 && (negated.negative - 0.74).abs() < 1e-9);
        // Four words back is out of reach.
        assert!(far.positive > 0.0 && far.negative == 0.0, "{far:?}");
        let contracted = ToneLexicon::embedded().score_sentence(&[
            Word::plain("It"),
            Word::plain("did"),
            Word::plain("n't"),
            Word::plain("help"),
        ]);
        assert!(contracted.negative > 0.0 && contracted.positive == 0.0);
    }

    #[test]
    fn intensifiers_raise_and_dampeners_lower() {
        let plain = tally("a good result").positive;
        let very = tally("a very good result").positive;
        let slightly = tally("a slightly good result").positive;
        assert!(
            very > plain && plain > slightly,
            "{very} {plain} {slightly}"
        );
        // Nearer intensifiers count more.
        assert!(tally("very good").positive > tally("very much good").positive);
        // An intensifier under negation: a strong denial.
        assert!(tally("not very good").negative > tally("not good").negative);
    }

    #[test]
    fn but_shifts_weight_to_what_follows() {
        let t = tally("The talks were good but the outcome was terrible");
        assert!((t.positive - 0.5).abs() < 1e-9, "{t:?}");
        assert!((t.negative - 1.5).abs() < 1e-9, "{t:?}");
        assert!(t.tone().tone < 0.0);
    }

    #[test]
    fn capitals_and_exclamations_add_emphasis() {
        assert!(tally("The result was GOOD").positive > tally("The result was good").positive);
        // A sentence all in capitals is not emphasis.
        assert_eq!(
            tally("THE RESULT WAS GOOD").positive,
            tally("the result was good").positive
        );
        assert!(tally("What a good result !!").positive > tally("What a good result").positive);
        assert_eq!(
            tally("good !!!!!!!").positive,
            tally("good !!!!").positive,
            "at most four marks count"
        );
    }

    #[test]
    fn tagged_function_words_and_names_carry_no_sentiment() {
        let lexicon = ToneLexicon::embedded();
        let tagged = [
            Word {
                text: "Hope",
                lemma: "Hope",
                upos: "PROPN",
            },
            Word {
                text: "looked",
                lemma: "look",
                upos: "VERB",
            },
            Word {
                text: "like",
                lemma: "like",
                upos: "ADP",
            },
            Word {
                text: "a",
                lemma: "a",
                upos: "DET",
            },
            Word {
                text: "winner",
                lemma: "winner",
                upos: "NOUN",
            },
        ];
        let t = lexicon.score_sentence(&tagged);
        assert!((t.positive - 1.0).abs() < 1e-9, "only `winner`: {t:?}");
        // Lemmas find inflections the lexicon lacks.
        let inflected = [Word {
            text: "horrifyingly",
            lemma: "horrify",
            upos: "ADV",
        }];
        if lexicon.valence("horrifyingly").is_none() && lexicon.valence("horrify").is_some() {
            assert!(lexicon.score_sentence(&inflected).negative > 0.0);
        }
    }

    #[test]
    fn tone_is_positive_minus_negative_per_100_words() {
        let t = Tally {
            positive: 3.0,
            negative: 5.0,
            words: 200,
        }
        .tone();
        assert_eq!(
            (t.positive, t.negative, t.tone, t.polarity),
            (1.5, 2.5, -1.0, 4.0)
        );
        assert_eq!(Tally::default().tone(), Tone::default());
    }

    #[test]
    fn malformed_lexicon_lines_are_reported_with_their_line() {
        let error = ToneLexicon::parse("# c\ngood\t1.9\nbad\tworse\n").unwrap_err();
        assert_eq!(
            error.to_string(),
            "valence.tsv, line 3: valence \"worse\" is not a number"
        );
        assert!(ToneLexicon::parse("odd\t9\n").is_err());
        assert!(ToneLexicon::parse("lonely\n").is_err());
    }
}
