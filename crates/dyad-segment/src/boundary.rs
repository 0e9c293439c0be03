//! The sentence-boundary model: an averaged perceptron that decides, at each space between
//! two tokens, whether a new sentence starts. Features are hashed into a fixed table; the
//! weights ship as a sparse data file (`data/boundary_model.tsv`).

use dyad_types::Span;

use crate::case_profile::{CaseProfile, Profile};
use crate::error::{Error, Result};
use crate::word_classes::{cluster_prefix, WordClasses};

/// log2 of the weight table size.
pub const BITS: u32 = 21;
const SIZE: usize = 1 << BITS;
/// Number of features extracted at each candidate boundary.
pub(crate) const FEATURES: usize = 60;
/// Number of those features a model without word profiles uses (the first ones).
const BASE_FEATURES: usize = 54;

/// What the model needs to know about one token, computed once per token.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokenView {
    /// Hash of the lowercased form.
    lower: u64,
    /// Hash of the exact form.
    exact: u64,
    /// Hash of the word shape (or of the form, for punctuation).
    shape: u64,
    /// +1 for an opening bracket, -1 for a closing one.
    bracket: i8,
    /// 1 for a straight double quote, 2 for an opening curly one, 3 for a closing one.
    quote: u8,
    /// Whether the token is sentence-final punctuation (`.`, `?`, `!`, `...`).
    terminal: bool,
    /// Casing class of the lowercase word (see [`WordClasses`]).
    casing: u8,
    /// Whether the token starts with a lowercase letter.
    lowercase: bool,
    /// Brown cluster path, 0 when unknown.
    cluster: u32,
    /// Whether the token looks like part of a message header or list line: a date with
    /// slashes, a clock time, `AM`/`PM`, or an address with `@`.
    header: bool,
    /// How the word behaves around sentence boundaries (see [`CaseProfile`]).
    profile: Profile,
    /// Whether the token starts with an uppercase letter.
    capitalised: bool,
    /// Whether the token starts with a letter or digit.
    word: bool,
}

const EDGE: TokenView = TokenView {
    lower: 0x5eed,
    exact: 0x5eed,
    shape: 0x5eed,
    bracket: 0,
    quote: 0,
    terminal: false,
    casing: 9,
    lowercase: false,
    cluster: 1,
    header: false,
    profile: Profile {
        mid: 0,
        initial: 0,
        last: 0,
    },
    capitalised: false,
    word: false,
};

impl TokenView {
    /// Whether the token looks like (part of) a name: capitalised and a word that is mostly
    /// written capitalised (casing class 5 and up) or unknown, `I` aside.
    pub(crate) fn name_like(&self) -> bool {
        self.capitalised && (self.casing == 0 || self.casing >= 5) && self.exact != I_HASH
    }

    /// Whether the token is a word or number (starts with a letter or digit), not punctuation.
    pub(crate) fn is_word(&self) -> bool {
        self.word
    }

    /// Whether the token is a double quotation mark (straight or closing curly) that may close
    /// a quotation.
    pub(crate) fn may_close_quote(&self) -> bool {
        matches!(self.quote, 1 | 3)
    }

    /// Whether the token is a double quotation mark (straight or opening curly) that may open
    /// a quotation.
    pub(crate) fn may_open_quote(&self) -> bool {
        matches!(self.quote, 1 | 2)
    }

    /// The view of `token` (a non-empty, non-whitespace slice of text).
    pub(crate) fn new(token: &str, classes: &WordClasses, profiles: &CaseProfile) -> TokenView {
        let bytes = token.as_bytes();
        let mut lower = FNV_OFFSET;
        let mut exact = FNV_OFFSET;
        for &b in bytes {
            lower = (lower ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
            exact = (exact ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
        let (bracket, quote) = match token {
            "(" | "[" | "{" => (1, 0),
            ")" | "]" | "}" => (-1, 0),
            "\"" => (0, 1),
            "“" => (0, 2),
            "”" => (0, 3),
            _ => (0, 0),
        };
        let class = classes.get(token);
        TokenView {
            lower,
            exact,
            shape: shape(token, exact),
            bracket,
            quote,
            terminal: bytes.iter().all(|&b| matches!(b, b'.' | b'?' | b'!')) || token == "…",
            casing: class.casing,
            lowercase: token.starts_with(char::is_lowercase),
            cluster: class.cluster,
            header: header_like(token),
            profile: profiles.get(token),
            capitalised: token.starts_with(char::is_uppercase),
            word: token.starts_with(char::is_alphanumeric),
        }
    }
}

/// Whether `token` is a date with slashes (`03/15/2001`), a clock time (`04:17`), `AM`/`PM`
/// or contains `@`: the material of e-mail headers and schedule lines.
fn header_like(token: &str) -> bool {
    let bytes = token.as_bytes();
    let digit_first = bytes.first().is_some_and(u8::is_ascii_digit);
    (digit_first && bytes.iter().any(|&b| b == b'/' || b == b':'))
        || matches!(token, "AM" | "PM" | "am" | "pm" | "a.m." | "p.m.")
        || bytes.contains(&b'@')
}

/// Whether a token is a separator line: four or more of the same dash, underscore,
/// equals sign, asterisk, tilde, hash or plus (`------`, `=====`); not dots, which run
/// into ellipses inside sentences.
fn rule_line(bytes: &[u8]) -> bool {
    bytes.len() >= 4
        && matches!(bytes[0], b'-' | b'_' | b'=' | b'*' | b'~' | b'#' | b'+')
        && bytes.iter().all(|&b| b == bytes[0])
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a hash of `I`.
const I_HASH: u64 = (FNV_OFFSET ^ b'I' as u64).wrapping_mul(FNV_PRIME);
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// Word shape: capitalised, all caps, lowercase, digits, abbreviation-like, other script;
/// punctuation and symbols stand for themselves, except separator lines, which share one
/// shape.
fn shape(token: &str, exact: u64) -> u64 {
    let bytes = token.as_bytes();
    let first = token.chars().next().unwrap_or(' ');
    let wordy = first.is_alphanumeric();
    let link = bytes.len() > 4
        && (bytes.contains(&b'@') || token.contains("://") || token.starts_with("www."));
    let class: u64 = if link {
        6
    } else if first.is_ascii_digit() {
        1
    } else if first.is_uppercase() {
        if bytes.len() > 1 && !token.chars().any(char::is_lowercase) {
            2
        } else {
            3
        }
    } else if first.is_lowercase() {
        4
    } else if wordy {
        5
    } else if rule_line(bytes) {
        // One shape whatever the character and length, so that the model learns from
        // every separator line what it learns from one.
        return 7 | 1 << 5;
    } else {
        return exact;
    };
    let dotted = bytes.len() > 1 && bytes[bytes.len() - 1] == b'.';
    let long = bytes.len() > 3;
    class | u64::from(dotted) << 4 | u64::from(long) << 5
}

/// Running state since the last sentence start.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Context {
    tokens: usize,
    brackets: i32,
    quotes: u8,
    /// Lowercase hash of the sentence's first token.
    first: u64,
    /// Whether a word starting in lowercase has been seen.
    lowercase: bool,
}

impl Context {
    /// Takes the token before the candidate boundary into account.
    pub(crate) fn observe(&mut self, view: &TokenView) {
        if self.tokens == 0 {
            self.first = view.lower;
        }
        self.lowercase |= view.lowercase;
        self.tokens += 1;
        self.brackets += i32::from(view.bracket);
        match view.quote {
            1 => self.quotes ^= 1,
            2 => self.quotes = 1,
            3 => self.quotes = 0,
            _ => {}
        }
    }

    /// A new sentence starts.
    pub(crate) fn reset(&mut self) {
        *self = Context::default();
    }

    fn bucket(&self) -> u64 {
        let distance = match self.tokens {
            0..=4 => self.tokens as u64,
            5..=7 => 5,
            8..=12 => 6,
            13..=20 => 7,
            21..=40 => 8,
            _ => 9,
        };
        let nesting = u64::from(self.brackets > 0) | u64::from(self.quotes) << 1;
        distance | nesting << 8
    }
}

#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let h = (a ^ b.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^ (h >> 31)
}

/// Tokens to the next sentence-final punctuation (from each token on, counting it) and
/// since the last one (before each token), capped.
pub(crate) fn punctuation_distances(views: &[TokenView]) -> Vec<(u8, u8)> {
    let mut distances = vec![(0u8, 0u8); views.len()];
    let mut since = 50u8;
    for (k, view) in views.iter().enumerate() {
        distances[k].1 = since;
        since = if view.terminal {
            0
        } else {
            since.saturating_add(1).min(50)
        };
    }
    let mut until = 50u8;
    for (k, view) in views.iter().enumerate().rev() {
        until = if view.terminal {
            0
        } else {
            until.saturating_add(1).min(50)
        };
        distances[k].0 = until;
    }
    distances
}

/// How well punctuated the whole document is: tokens per sentence-final punctuation mark,
/// bucketed (edited prose scores about 20; e-mails, lists and notes more). Lets the model
/// trust punctuation-free boundaries only in documents that need them.
pub(crate) fn document_bucket(views: &[TokenView]) -> u64 {
    let terminals = views.iter().filter(|v| v.terminal).count();
    if views.len() < 40 {
        return 0;
    }
    match views.len() / (terminals + 1) {
        0..=11 => 1,
        12..=15 => 2,
        16..=20 => 3,
        21..=26 => 4,
        27..=35 => 5,
        _ => 6,
    }
}

fn distance_bucket(n: u8) -> u64 {
    match n {
        0..=3 => u64::from(n),
        4..=6 => 4,
        7..=10 => 5,
        11..=20 => 6,
        21..=49 => 7,
        _ => 8,
    }
}

/// The feature indices for a boundary before token `i` (`i >= 1`); `distances` comes from
/// [`punctuation_distances`].
pub(crate) fn features(
    views: &[TokenView],
    distances: &[(u8, u8)],
    document: u64,
    i: usize,
    context: &Context,
) -> [u32; FEATURES] {
    let d = document;
    let l = &views[i - 1];
    let r = &views[i];
    let ll = if i >= 2 { &views[i - 2] } else { &EDGE };
    let rr = views.get(i + 1).unwrap_or(&EDGE);
    let c = context.bucket();
    let ahead = distance_bucket(distances[i].0);
    let behind = distance_bucket(distances[i].1);
    let (rc, lc) = (u64::from(r.casing), u64::from(l.casing));
    let (r4, r6, r10) = (
        cluster_prefix(r.cluster, 4),
        cluster_prefix(r.cluster, 6),
        cluster_prefix(r.cluster, 10),
    );
    let (l4, l6, l10) = (
        cluster_prefix(l.cluster, 4),
        cluster_prefix(l.cluster, 6),
        cluster_prefix(l.cluster, 10),
    );
    let rr4 = cluster_prefix(rr.cluster, 4);
    let rrr = views.get(i + 2).unwrap_or(&EDGE);
    // How far ahead (within five tokens) a header-like token comes, 7 when none.
    let header_ahead = views[i..views.len().min(i + 5)]
        .iter()
        .position(|v| v.header)
        .map_or(7, |k| k as u64);
    let ll6 = cluster_prefix(ll.cluster, 6);
    // The next word's profile counts only when it is capitalised here.
    let r_mid = u64::from(r.profile.mid) | u64::from(r.capitalised) << 4;
    let r_initial = u64::from(r.profile.initial) | u64::from(r.capitalised) << 4;
    let l_last = u64::from(l.profile.last);
    let raw: [u64; FEATURES] = [
        1,
        mix(2, l.lower),
        mix(3, r.exact),
        mix(4, ll.lower),
        mix(5, rr.lower),
        mix(6, l.shape),
        mix(7, r.shape),
        mix(mix(8, l.shape), r.shape),
        mix(mix(9, l.lower), r.shape),
        mix(mix(10, l.shape), r.exact),
        mix(mix(11, l.lower), r.lower),
        mix(mix(mix(12, ll.lower), l.lower), r.shape),
        mix(mix(13, c), l.shape),
        mix(mix(mix(mix(14, ll.shape), l.shape), r.shape), rr.shape),
        mix(mix(mix(15, l.shape), r.shape), rr.shape),
        mix(mix(mix(16, ll.shape), l.shape), r.shape),
        mix(mix(mix(17, c), l.shape), r.shape),
        mix(mix(18, r.lower), rr.shape),
        mix(19, r.lower),
        mix(mix(20, l.exact), r.shape),
        mix(mix(mix(21, c >> 8), l.shape), r.shape),
        mix(mix(22, ll.lower), l.lower),
        mix(mix(23, r.lower), rr.lower),
        mix(mix(mix(24, l.shape), r.exact), rr.shape),
        mix(mix(mix(25, ll.lower), l.shape), r.lower),
        mix(mix(26, c), r.shape),
        mix(mix(27, rc), l.shape),
        mix(mix(mix(28, rc), r.shape), l.shape),
        mix(mix(mix(29, lc), l.shape), r.shape),
        mix(30, r6),
        mix(mix(31, l6), r6),
        mix(mix(32, l.shape), r10),
        mix(mix(33, l10), r.shape),
        mix(34, u64::from(r.cluster)),
        mix(35, u64::from(l.cluster)),
        mix(mix(mix(36, ahead), r.shape), l.shape),
        mix(mix(mix(37, behind), l.shape), r.shape),
        mix(mix(mix(38, ahead), behind), c & 0xff),
        mix(mix(mix(39, rc), rr.shape), r.shape),
        mix(mix(mix(40, c), rc), l.shape),
        mix(mix(mix(41, r4), rr4), l.shape),
        mix(mix(mix(42, ll6), l6), rc),
        mix(mix(mix(43, l4), r4), c >> 8),
        mix(mix(44, context.first), l.shape),
        mix(mix(mix(45, context.first), c & 0xff), r.shape),
        mix(
            mix(
                mix(mix(46, u64::from(context.lowercase)), c & 0xff),
                l.shape,
            ),
            r.shape,
        ),
        mix(mix(47, context.first), l.lower),
        mix(mix(mix(48, d), l.shape), r.shape),
        mix(mix(mix(49, d), rc), l.shape),
        mix(mix(mix(50, d), c & 0xff), l.shape),
        mix(mix(mix(51, d), ahead), behind),
        mix(mix(mix(mix(52, l.shape), r.shape), rr.shape), rrr.shape),
        mix(mix(mix(53, header_ahead), r.shape), l.shape),
        mix(mix(mix(54, header_ahead), d), u64::from(l.header)),
        mix(mix(mix(55, r_mid), r_initial), l.shape),
        mix(mix(56, r_mid), l.shape),
        mix(mix(mix(57, r_initial), l.shape), r.shape),
        mix(mix(mix(58, r_mid), r_initial), c & 0xff),
        mix(mix(mix(59, l_last), r_initial), r.shape),
        mix(mix(mix(mix(60, l_last), r_mid), d), u64::from(l.terminal)),
    ];
    raw.map(|h| (mix(h, 0x2545_f491_4f6c_dd1d) >> (64 - BITS)) as u32)
}

/// Averaged-perceptron weights for boundary decisions.
#[derive(Debug, Clone)]
pub struct BoundaryModel {
    weights: Vec<f32>,
    threshold: f32,
    /// Whether the word-profile features ([`CaseProfile`]) are used.
    profiled: bool,
}

impl Default for BoundaryModel {
    fn default() -> Self {
        BoundaryModel {
            weights: vec![0.0; SIZE],
            threshold: 0.0,
            profiled: false,
        }
    }
}

impl BoundaryModel {
    /// Score of a boundary: positive means a new sentence.
    #[inline]
    pub(crate) fn score(&self, features: &[u32; FEATURES]) -> f32 {
        features[..self.feature_count()]
            .iter()
            .map(|&f| self.weights[f as usize])
            .sum::<f32>()
            - self.threshold
    }

    /// Whether the model uses the word-profile features (a `profile<TAB>1` line in its file).
    pub fn uses_profiles(&self) -> bool {
        self.profiled
    }

    fn feature_count(&self) -> usize {
        if self.profiled {
            FEATURES
        } else {
            BASE_FEATURES
        }
    }

    /// Decision threshold (default 0).
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// Sets the decision threshold: higher splits less.
    pub fn set_threshold(&mut self, threshold: f32) {
        self.threshold = threshold;
    }

    /// Parses the sparse weight file: a `threshold<TAB>value` line, a `profile<TAB>1` line
    /// when the word-profile features are used, then `index<TAB>weight` lines; `#` starts a
    /// comment line.
    pub fn parse(data: &str) -> Result<BoundaryModel> {
        let mut model = BoundaryModel::default();
        for (index, line) in data.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: &str| Error::Data {
                name: "boundary_model.tsv",
                line: index + 1,
                message: message.to_string(),
            };
            let (key, value) = line.split_once('\t').ok_or_else(|| bad("missing tab"))?;
            let value: f32 = value.trim().parse().map_err(|_| bad("bad weight"))?;
            if key == "threshold" {
                model.threshold = value;
                continue;
            }
            if key == "profile" {
                model.profiled = value != 0.0;
                continue;
            }
            let slot: usize = key.parse().map_err(|_| bad("bad index"))?;
            *model
                .weights
                .get_mut(slot)
                .ok_or_else(|| bad("index out of range"))? = value;
        }
        Ok(model)
    }

    /// The sparse weight file (weights whose magnitude is below `min_weight` are dropped).
    pub fn to_data(&self, min_weight: f32) -> String {
        let mut data = format!(
            "# dyad-segment sentence-boundary perceptron, {BITS}-bit hashed features\n\
             threshold\t{}\n",
            self.threshold
        );
        if self.profiled {
            data.push_str("profile\t1\n");
        }
        for (slot, &w) in self.weights.iter().enumerate() {
            if w.abs() >= min_weight && w != 0.0 {
                data.push_str(&format!("{slot}\t{}\n", (w * 1000.0).round() / 1000.0));
            }
        }
        data
    }

    /// The mean of several models' weights (e.g. perceptrons trained on different data
    /// orders), with the default threshold; `None` for no models.
    pub fn average(models: &[BoundaryModel]) -> Option<BoundaryModel> {
        let first = models.first()?;
        let mut weights = first.weights.clone();
        for model in &models[1..] {
            for (w, &v) in weights.iter_mut().zip(&model.weights) {
                *w += v;
            }
        }
        let n = models.len() as f32;
        weights.iter_mut().for_each(|w| *w /= n);
        Some(BoundaryModel {
            weights,
            threshold: 0.0,
            profiled: first.profiled,
        })
    }

    /// Number of non-zero weights.
    pub fn non_zero(&self) -> usize {
        self.weights.iter().filter(|w| **w != 0.0).count()
    }
}

/// One training document: its text, its tokens and the byte offsets where gold sentences
/// start.
#[derive(Debug, Clone)]
pub struct TrainingDocument {
    /// The text.
    pub text: String,
    /// Tokens as the tokeniser gives them.
    pub tokens: Vec<Span>,
    /// Sorted gold sentence starts.
    pub sentence_starts: Vec<usize>,
}

/// Trains an averaged perceptron on space-separated token pairs of `documents`.
pub fn train(documents: &[TrainingDocument], epochs: usize, seed: u64) -> BoundaryModel {
    train_with_margin(documents, epochs, seed, 0.0)
}

/// Like [`train`], but also updates on right decisions whose score is within `margin` of
/// the wrong side (a larger margin generalises better on unseen document types).
pub fn train_with_margin(
    documents: &[TrainingDocument],
    epochs: usize,
    seed: u64,
    margin: f32,
) -> BoundaryModel {
    train_with_profile(documents, epochs, seed, margin, None)
}

/// Like [`train_with_margin`]; with `Some` word profile table, the model also uses the
/// word-profile features.
pub fn train_with_profile(
    documents: &[TrainingDocument],
    epochs: usize,
    seed: u64,
    margin: f32,
    profiles: Option<&CaseProfile>,
) -> BoundaryModel {
    let count = if profiles.is_some() {
        FEATURES
    } else {
        BASE_FEATURES
    };
    let profiles = profiles.unwrap_or_else(|| CaseProfile::empty());
    let mut weights = vec![0f32; SIZE];
    let mut totals = vec![0f64; SIZE];
    let mut stamps = vec![0u64; SIZE];
    let mut time = 0u64;
    let mut order: Vec<usize> = (0..documents.len()).collect();
    let mut rng = seed | 1;
    let prepared: Vec<Prepared> = documents.iter().map(|doc| prepare(doc, profiles)).collect();
    for _ in 0..epochs {
        for k in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(k, (rng % (k as u64 + 1)) as usize);
        }
        for &d in &order {
            let doc = &documents[d];
            let (views, distances, document, starts) = &prepared[d];
            let mut context = Context::default();
            for i in 1..views.len() {
                context.observe(&views[i - 1]);
                let gap = &doc.text[doc.tokens[i - 1].end..doc.tokens[i].start];
                if gap.is_empty() {
                    continue;
                }
                time += 1;
                let f = features(views, distances, *document, i, &context);
                let score: f32 = f[..count].iter().map(|&x| weights[x as usize]).sum();
                let gold = starts[i];
                let delta = if gold { 1.0 } else { -1.0 };
                if delta * score <= margin {
                    for &x in &f[..count] {
                        let x = x as usize;
                        totals[x] += (time - stamps[x]) as f64 * f64::from(weights[x]);
                        stamps[x] = time;
                        weights[x] += delta;
                    }
                }
                if gold {
                    context.reset();
                }
            }
        }
    }
    let averaged = weights
        .iter()
        .zip(&totals)
        .zip(&stamps)
        .map(|((&w, &t), &s)| ((t + (time - s) as f64 * f64::from(w)) / time.max(1) as f64) as f32)
        .collect();
    BoundaryModel {
        weights: averaged,
        threshold: 0.0,
        profiled: count == FEATURES,
    }
}

type Prepared = (Vec<TokenView>, Vec<(u8, u8)>, u64, Vec<bool>);

fn prepare(doc: &TrainingDocument, profiles: &CaseProfile) -> Prepared {
    let classes = WordClasses::builtin();
    let views: Vec<TokenView> = doc
        .tokens
        .iter()
        .map(|t| TokenView::new(&doc.text[t.start..t.end], classes, profiles))
        .collect();
    let distances = punctuation_distances(&views);
    let starts = doc
        .tokens
        .iter()
        .map(|t| doc.sentence_starts.binary_search(&t.start).is_ok());
    let document = document_bucket(&views);
    (views, distances, document, starts.collect())
}
