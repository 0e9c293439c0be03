//! Feature extraction (Ratinov & Roth 2009 style), as 64-bit hashed keys.
//!
//! Each token's parts are hashed once per sentence ([`Sentence::new`]); features combine
//! these hashes with a template id, so that no string is built per feature.

use crate::hash::{hash_str, mix1, mix2, mix3};
use crate::labels::NUM_LABELS;
use crate::lexicon::{lists, phrase_extend, phrase_start, Lexicon, MAX_PHRASE};

// Template ids. Changing any of them changes the model format: bump `model::VERSION`.
const T_BIAS: u64 = 1;
const T_WORD: u64 = 2;
const T_LOWER: u64 = 3;
const T_LOWER_AT: u64 = 4;
const T_BIGRAM_LEFT: u64 = 5;
const T_BIGRAM_RIGHT: u64 = 6;
const T_PREFIX: u64 = 7;
const T_SUFFIX: u64 = 8;
const T_SHAPE: u64 = 9;
const T_SHORT_SHAPE_AT: u64 = 10;
const T_SHAPE_TRIGRAM: u64 = 11;
const T_FLAG: u64 = 12;
const T_CLUSTER_AT: u64 = 13;
const T_GAZ_AT: u64 = 14;
const T_STYLE_SHAPE: u64 = 15;
const T_STYLE_FIRST: u64 = 16;
const T_PREV: u64 = 17;
const T_PREV2: u64 = 18;
const T_PREV_WORD: u64 = 19;
const T_PREV_SHAPE: u64 = 20;
const T_DOC: u64 = 21;
const T_UNKNOWN_CLUSTER: u64 = 22;
const T_WORD_AT: u64 = 23;
const T_PREV_CLUSTER: u64 = 24;
const T_CASE_AT: u64 = 25;
const T_CASE_STYLE: u64 = 26;
const T_STAGE_ONE: u64 = 27;
const T_RUN_LAST: u64 = 28;
const T_RUN_FIRST: u64 = 29;
const T_RUN_SIZE: u64 = 30;

const FLAG_INIT_CAP: u32 = 1;
const FLAG_ALL_CAPS: u32 = 1 << 1;
const FLAG_HAS_DIGIT: u32 = 1 << 2;
const FLAG_ALL_DIGIT: u32 = 1 << 3;
const FLAG_HYPHEN: u32 = 1 << 4;
const FLAG_PERIOD: u32 = 1 << 5;
const FLAG_NO_ALPHA: u32 = 1 << 6;
const FLAG_MIXED_CAPS: u32 = 1 << 7;
const FLAG_COUNT: u32 = 8;

/// The hashed parts of one token.
#[derive(Debug, Clone, Default)]
pub struct TokenInfo {
    word: u64,
    /// Hash of the lowercase form.
    pub lower: u64,
    shape: u64,
    short_shape: u64,
    prefixes: [u64; 4],
    suffixes: [u64; 4],
    cluster: Option<u32>,
    /// How the word is usually written ([`crate::lexicon::case_profile`]).
    case: u8,
    flags: u32,
    /// Gazetteer matches: bit `list * 4 + part` (part 0 B, 1 I, 2 L, 3 U).
    gaz: u64,
}

impl TokenInfo {
    /// Whether the token starts with an uppercase letter.
    pub fn is_capitalised(&self) -> bool {
        self.flags & FLAG_INIT_CAP != 0
    }
}

const PAD: u64 = 0xdead_beef;

/// A sentence prepared for tagging.
#[derive(Clone)]
pub struct Sentence {
    /// The tokens' hashed parts.
    pub tokens: Vec<TokenInfo>,
    style: u64,
    /// The run of capitalised words each token is in ([`runs`]); empty when the model
    /// does without them.
    runs: Vec<Option<Run>>,
}

/// A run of two or more capitalised words (`Greater New Orleans Fair Housing Action
/// Center`, `School of Industrial and Systems Engineering`), seen from one of its tokens.
#[derive(Clone, Copy, Debug)]
struct Run {
    first: u64,
    last: u64,
    len: usize,
    pos: usize,
}

impl Sentence {
    /// Hashes the parts of every word and matches the gazetteers.
    pub fn new(words: &[&str], lexicon: &Lexicon) -> Sentence {
        Sentence::with_lists(words, lexicon, &|_| 0)
    }

    /// Like [`Sentence::new`], with more list flags for a phrase hash from `extra` (in
    /// training: the lists learnt from the other training documents).
    pub fn with_lists(words: &[&str], lexicon: &Lexicon, extra: &dyn Fn(u64) -> u16) -> Sentence {
        let mut tokens: Vec<TokenInfo> = words.iter().map(|w| token_info(w, lexicon)).collect();
        match_gazetteers(&mut tokens, lexicon, extra);
        let alpha = tokens
            .iter()
            .filter(|t| t.flags & FLAG_NO_ALPHA == 0)
            .count();
        let caps = tokens
            .iter()
            .filter(|t| t.flags & FLAG_ALL_CAPS != 0)
            .count();
        let inits = tokens
            .iter()
            .filter(|t| t.flags & FLAG_INIT_CAP != 0)
            .count();
        let style = if alpha >= 3 && caps * 10 >= alpha * 8 {
            1
        } else if inits == 0 {
            2
        } else if alpha >= 4 && inits * 10 >= alpha * 7 {
            3
        } else {
            0
        };
        truecase(&mut tokens, words, lexicon);
        // In headlines (capitals, or most words capitalised) runs say nothing.
        let runs = if !lexicon.capitalised_runs || matches!(style, 1 | 3) {
            Vec::new()
        } else {
            runs(&tokens, words)
        };
        Sentence {
            tokens,
            style,
            runs,
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    fn lower_at(&self, i: isize) -> u64 {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.tokens.get(i))
            .map_or(PAD, |t| t.lower)
    }

    fn short_shape_at(&self, i: isize) -> u64 {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.tokens.get(i))
            .map_or(PAD, |t| t.short_shape)
    }

    /// The label-independent features of token `i`, appended to `out`.
    pub fn static_features(&self, i: usize, out: &mut Vec<u64>) {
        let t = &self.tokens[i];
        let ii = i as isize;
        out.push(mix1(T_BIAS, 0));
        out.push(mix1(T_WORD, t.word));
        out.push(mix1(T_LOWER, t.lower));
        for offset in [-2isize, -1, 1, 2] {
            out.push(mix2(T_LOWER_AT, offset as u64, self.lower_at(ii + offset)));
        }
        for offset in [-1isize, 1] {
            let word = usize::try_from(ii + offset)
                .ok()
                .and_then(|j| self.tokens.get(j))
                .map_or(PAD, |t| t.word);
            out.push(mix2(T_WORD_AT, offset as u64, word));
        }
        out.push(mix2(T_BIGRAM_LEFT, self.lower_at(ii - 1), t.lower));
        out.push(mix2(T_BIGRAM_RIGHT, t.lower, self.lower_at(ii + 1)));
        for (k, &h) in t.prefixes.iter().enumerate() {
            if h != 0 {
                out.push(mix2(T_PREFIX, k as u64, h));
            }
        }
        for (k, &h) in t.suffixes.iter().enumerate() {
            if h != 0 {
                out.push(mix2(T_SUFFIX, k as u64, h));
            }
        }
        out.push(mix1(T_SHAPE, t.shape));
        for offset in [-2isize, -1, 0, 1, 2] {
            out.push(mix2(
                T_SHORT_SHAPE_AT,
                offset as u64,
                self.short_shape_at(ii + offset),
            ));
        }
        out.push(mix3(
            T_SHAPE_TRIGRAM,
            self.short_shape_at(ii - 1),
            t.short_shape,
            self.short_shape_at(ii + 1),
        ));
        for bit in 0..FLAG_COUNT {
            if t.flags & (1 << bit) != 0 {
                out.push(mix2(T_FLAG, u64::from(bit), u64::from(i == 0)));
            }
        }
        for offset in [-2isize, -1, 0, 1, 2] {
            let Some(tok) = usize::try_from(ii + offset)
                .ok()
                .and_then(|j| self.tokens.get(j))
            else {
                continue;
            };
            match tok.cluster {
                Some(c) => {
                    let lengths: &[u32] = if offset.abs() == 2 {
                        &[4, 10]
                    } else {
                        &[4, 6, 10, 20]
                    };
                    for &bits in lengths {
                        let prefix = c & ((1u32 << bits) - 1);
                        out.push(mix3(
                            T_CLUSTER_AT,
                            offset as u64,
                            u64::from(bits),
                            prefix.into(),
                        ));
                    }
                }
                None if offset == 0 => out.push(mix1(T_UNKNOWN_CLUSTER, 0)),
                None => {}
            }
            let cap = u64::from(tok.flags & FLAG_INIT_CAP != 0);
            let mut gaz = tok.gaz;
            while gaz != 0 {
                let bit = gaz.trailing_zeros();
                gaz &= gaz - 1;
                out.push(mix3(T_GAZ_AT, offset as u64, u64::from(bit), cap));
            }
        }
        for offset in [-1isize, 0, 1] {
            if let Some(tok) = usize::try_from(ii + offset)
                .ok()
                .and_then(|j| self.tokens.get(j))
            {
                out.push(mix3(
                    T_CASE_AT,
                    offset as u64,
                    u64::from(tok.case),
                    u64::from(tok.flags & (FLAG_INIT_CAP | FLAG_ALL_CAPS)),
                ));
            }
        }
        out.push(mix3(
            T_CASE_STYLE,
            self.style,
            u64::from(t.case),
            u64::from(t.flags & (FLAG_INIT_CAP | FLAG_ALL_CAPS)),
        ));
        if let Some(run) = self.runs.get(i).copied().flatten() {
            let at_end = u64::from(run.pos + 1 == run.len);
            let at_start = u64::from(run.pos == 0);
            out.push(mix2(T_RUN_LAST, run.last, at_end));
            out.push(mix2(T_RUN_FIRST, run.first, at_start));
            out.push(mix2(
                T_RUN_SIZE,
                run.len.min(6) as u64,
                (run.pos.min(3) * 2) as u64 + at_end,
            ));
        }
        out.push(mix2(T_STYLE_SHAPE, self.style, t.short_shape));
        out.push(mix2(
            T_STYLE_FIRST,
            self.style,
            u64::from(i == 0) * 2 + u64::from(t.flags & 1),
        ));
    }

    /// Features of token `i` that depend on the labels already given to tokens before it.
    pub fn label_features(&self, i: usize, prev: usize, prev2: usize, out: &mut Vec<u64>) {
        let t = &self.tokens[i];
        out.push(mix1(T_PREV, prev as u64));
        out.push(mix2(T_PREV2, prev2 as u64, prev as u64));
        out.push(mix2(T_PREV_WORD, prev as u64, t.lower));
        out.push(mix2(T_PREV_SHAPE, prev as u64, t.short_shape));
        if let Some(c) = t.cluster {
            out.push(mix2(T_PREV_CLUSTER, prev as u64, u64::from(c & 0x3ff)));
        }
    }
}

/// A document-level feature: the label this token's word got elsewhere in the document.
pub fn document_feature(kind: u64, value: u64) -> u64 {
    mix2(T_DOC, kind, value)
}

/// A second-stage feature ([`crate::second`]): one of the first stage's labels.
pub fn stage_one_feature(kind: u64, a: u64, b: u64) -> u64 {
    mix3(T_STAGE_ONE, kind, a, b)
}

/// The label used before the sentence start.
pub const START_LABEL: usize = NUM_LABELS;

fn token_info(word: &str, lexicon: &Lexicon) -> TokenInfo {
    let lower = word.to_lowercase();
    let word_hash = hash_str(word);
    let lower_hash = hash_str(&lower);
    let mut shape = String::with_capacity(16);
    let mut short = String::with_capacity(8);
    let (mut upper, mut lowers, mut digits, mut alpha) = (0, 0, 0, 0);
    let mut n = 0;
    for ch in word.chars() {
        n += 1;
        let class = if ch.is_uppercase() {
            upper += 1;
            alpha += 1;
            'X'
        } else if ch.is_alphabetic() {
            lowers += 1;
            alpha += 1;
            'x'
        } else if ch.is_ascii_digit() {
            digits += 1;
            'd'
        } else {
            ch
        };
        if shape.len() < 12 {
            shape.push(class);
        }
        if !short.ends_with(class) {
            short.push(class);
        }
    }
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    let mut flags = 0;
    if first_upper {
        flags |= FLAG_INIT_CAP;
    }
    if upper > 0 && lowers == 0 {
        flags |= FLAG_ALL_CAPS;
    }
    if digits > 0 {
        flags |= FLAG_HAS_DIGIT;
        if digits == n {
            flags |= FLAG_ALL_DIGIT;
        }
    }
    if word.contains('-') {
        flags |= FLAG_HYPHEN;
    }
    if word.contains('.') {
        flags |= FLAG_PERIOD;
    }
    if alpha == 0 {
        flags |= FLAG_NO_ALPHA;
    }
    if upper > 0 && lowers > 0 && !(first_upper && upper == 1) {
        flags |= FLAG_MIXED_CAPS;
    }
    let mut prefixes = [0u64; 4];
    let mut suffixes = [0u64; 4];
    let char_count = lower.chars().count();
    for k in 1..=4usize {
        if char_count > k {
            let end = lower.char_indices().nth(k).map_or(lower.len(), |(b, _)| b);
            prefixes[k - 1] = hash_str(&lower[..end]);
            let start = lower
                .char_indices()
                .nth(char_count - k)
                .map_or(0, |(b, _)| b);
            suffixes[k - 1] = hash_str(&lower[start..]);
        }
    }
    TokenInfo {
        word: word_hash,
        lower: lower_hash,
        shape: hash_str(&shape),
        short_shape: hash_str(&short),
        prefixes,
        suffixes,
        cluster: lexicon.cluster(word_hash, lower_hash),
        case: lexicon.case(lower_hash),
        flags,
        gaz: 0,
    }
}

fn match_gazetteers(tokens: &mut [TokenInfo], lexicon: &Lexicon, extra: &dyn Fn(u64) -> u16) {
    for i in 0..tokens.len() {
        let mut h = phrase_start();
        for j in i..tokens.len().min(i + MAX_PHRASE) {
            h = phrase_extend(h, tokens[j].lower);
            let found = lexicon.phrase(h) | extra(h);
            let names = u64::from(found & ((1 << lists::COUNT) - 1));
            let mut bits = names;
            while bits != 0 {
                let list = bits.trailing_zeros();
                bits &= bits - 1;
                if i == j {
                    tokens[i].gaz |= 1 << (list * 4 + 3);
                } else {
                    tokens[i].gaz |= 1 << (list * 4);
                    for t in &mut tokens[i + 1..j] {
                        t.gaz |= 1 << (list * 4 + 1);
                    }
                    tokens[j].gaz |= 1 << (list * 4 + 2);
                }
            }
            if found & lists::PREFIX == 0 {
                break;
            }
        }
    }
}

/// Words that may join capitalised words inside one name.
const RUN_JOINERS: &[&str] = &["of", "and", "&", "for", "de", "'s", "-"];

/// The runs of two or more capitalised words of a sentence (joined by `of`, `and`, `&`…
/// between capitalised words), for each token the run it is in.
fn runs(tokens: &[TokenInfo], words: &[&str]) -> Vec<Option<Run>> {
    let capitalised = |i: usize| tokens[i].flags & FLAG_INIT_CAP != 0;
    let mut out = vec![None; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        if !capitalised(i) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        loop {
            if end < tokens.len() && capitalised(end) {
                end += 1;
            } else if end + 1 < tokens.len()
                && RUN_JOINERS.contains(&words[end])
                && capitalised(end + 1)
            {
                end += 2;
            } else {
                break;
            }
        }
        if end - i >= 2 {
            for (pos, slot) in out[i..end].iter_mut().enumerate() {
                *slot = Some(Run {
                    first: tokens[i].lower,
                    last: tokens[end - 1].lower,
                    len: end - i,
                    pos,
                });
            }
        }
        i = end;
    }
    out
}

/// Gives a lowercase word the features of its capitalised form where a large corpus writes
/// it mostly capitalised ([`crate::lexicon::case_profile`] 2, 6 or 7: `florida`,
/// `trivandrum`, `google` in uncapitalised web text), so that the tagger reads it as it
/// reads names in edited text; its gazetteer matches stay as they are.
fn truecase(tokens: &mut [TokenInfo], words: &[&str], lexicon: &Lexicon) {
    for (t, w) in tokens.iter_mut().zip(words) {
        let usually_capitalised = matches!(t.case, 2 | 6 | 7);
        if !usually_capitalised || t.flags & (FLAG_INIT_CAP | FLAG_NO_ALPHA) != 0 {
            continue;
        }
        let mut chars = w.chars();
        let capitalised: String = chars
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .chain(chars)
            .collect();
        let gaz = t.gaz;
        *t = token_info(&capitalised, lexicon);
        t.gaz = gaz;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_features(words: &[&str], i: usize, runs: bool) -> Vec<u64> {
        let mut lexicon = Lexicon::default();
        lexicon.capitalised_runs = runs;
        let mut out = Vec::new();
        Sentence::new(words, &lexicon).static_features(i, &mut out);
        out
    }

    #[test]
    fn a_token_inside_a_run_of_capitalised_words_sees_its_last_word() {
        let words = [
            "she",
            "studied",
            "at",
            "the",
            "School",
            "of",
            "Industrial",
            "and",
            "Systems",
            "Engineering",
            "in",
            "2001",
        ];
        let last = mix2(T_RUN_LAST, hash_str("engineering"), 0);
        assert!(run_features(&words, 4, true).contains(&last));
        assert!(run_features(&words, 8, true).contains(&last));
        // Off unless the model asks for it; never for a word outside the run.
        assert!(!run_features(&words, 4, false).contains(&last));
        assert!(!run_features(&words, 10, true).contains(&last));
    }
}
