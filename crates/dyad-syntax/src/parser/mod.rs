//! The dependency parser: arc-eager transitions chosen by an averaged perceptron (greedily
//! or with a small beam), and arc labels by a second perceptron.
pub(crate) mod beam;
pub(crate) mod features;
pub(crate) mod oracle;
pub(crate) mod repair;
pub(crate) mod state;

use std::path::Path;

use crate::codec::{self, ModelInfo, ModelKind, Reader, Writer};
use crate::error::Result;
use crate::lexical::Clusters;
use crate::perceptron::{argmax, Weights};
use features::{
    label_features, pair_features, role_features, role_words, state_features, ParseToken, ROLES,
};
use state::{Action, State, ACTIONS, NONE};

/// The relation of punctuation.
const PUNCT_LABEL: &str = "punct";

/// The label given to sentence roots.
pub const ROOT_LABEL: &str = "root";

/// A trained parser.
#[derive(Debug, Clone)]
pub struct Parser {
    pub(crate) info: ModelInfo,
    pub(crate) labels: Vec<String>,
    pub(crate) actions: Weights,
    pub(crate) label_model: Weights,
    /// Brown clusters of the words (feature values).
    pub(crate) clusters: Clusters,
    /// The class of the `punct` relation, which punctuation always takes when it is not the
    /// root, and the hash of the UPOS tag `PUNCT`.
    pub(crate) punct: Option<(u16, u64)>,
    /// The class of the root label ([`root_class`]), which no arc takes.
    pub(crate) root: u16,
    /// Number of states kept by the beam search (1: greedy decoding).
    pub(crate) beam: usize,
    /// Beam states are ranked by the sum of their actions' log-probabilities: a softmax of
    /// the valid actions' integer scores divided by this temperature.
    pub(crate) temperature: f64,
    /// Beam states whose log-probability is this far below the best one's are dropped.
    pub(crate) prune: f64,
}

/// The beam width parsers decode with. On EWT / GUM dev (train-only models, 2026-12; greedy
/// 86.49 / 86.10 UAS) 2 states gave 86.95 / 86.50 and 4 states (pruning 1.5) 86.86 / 86.75, but
/// 4 states made tokenise + tag + parse + NER about 1.5 times slower against 1.15 for 2.
pub const BEAM_WIDTH: usize = 2;

/// Sentences longer than this are parsed greedily: the beam copies states of the sentence's
/// length, which would make parsing quadratic on a very long unpunctuated text.
pub const BEAM_MAX_WORDS: usize = 256;

/// The softmax temperature of the beam's action log-probabilities, in the weight tables'
/// integer units (the largest weight is 127). With 4 states, dev UAS is flat from 70 to 110 and falls
/// steeply above 130 (longer transition sequences are then penalised too much); towards 0
/// the ranking becomes the sum of score margins, which always keeps the greedy parse.
pub const BEAM_TEMPERATURE: f64 = 90.0;

/// Beam states less probable than the best one by this log-probability are dropped. At 2
/// states, 1 and 1.5 gave the same dev scores within 0.03; with 4 states no pruning and 2 (a
/// factor of 7.4) gave the same parses, 1.5 cost 0.02 UAS on EWT dev and 1 cost 0.07.
pub const BEAM_PRUNE: f64 = 1.0;

/// The class of the root label among `labels` (0 where there is none).
pub(crate) fn root_class(labels: &[String]) -> u16 {
    labels.iter().position(|l| l == ROOT_LABEL).unwrap_or(0) as u16
}

/// The class of the `punct` relation among `labels` and the hash of the tag `PUNCT`.
pub(crate) fn punct_class(labels: &[String]) -> Option<(u16, u64)> {
    let class = labels.iter().position(|l| l == PUNCT_LABEL)?;
    Some((class as u16, crate::hash::hash_str("PUNCT")))
}

static EMBEDDED: &[u8] = include_bytes!(env!("DYAD_SYNTAX_PARSER_MODEL"));

/// Scratch buffers reused across transitions.
pub(crate) struct Scratch {
    pub features: Vec<u64>,
    pub action_scores: Vec<i32>,
    pub label_scores: Vec<i32>,
    pub pending: Pending,
}

/// Cached action scores of the per-word features of each role ([`role_features`]) and of
/// the features of the latest (`s0`, `b0`) pairs ([`pair_features`]), shared by every state
/// of a sentence: the states of a beam often have the same stack top and buffer front.
pub(crate) struct ScoreCache {
    /// Scores of each role when no word fills it.
    absent: [[i32; 4]; ROLES],
    /// Scores of word `i` in role `r` at `i * ROLES + r`…
    scores: Vec<[i32; 4]>,
    /// …once computed.
    cached: Vec<bool>,
    /// Pair scores, direct-mapped by the pair: the pair's key ([`pair_key`]; 0: empty) and
    /// the scores of its features.
    pairs: Vec<(u64, [i32; 4])>,
}

/// The features of one state's action scores that were not cached, gathered by
/// [`Parser::gather`] with their weight rows prefetched, to be summed by [`Parser::finish`].
#[derive(Default)]
pub(crate) struct Pending {
    features: Vec<u64>,
    /// The pair's cache key and slot, and the end of its features in `features` (0: its
    /// scores were cached).
    pair: (u64, usize, usize),
    /// The end of the state features.
    state_end: usize,
    /// Each role's index in the role cache ([`NO_WORD`]: no word fills it) and the end of its
    /// features (the previous end: its scores were cached).
    roles: [(usize, usize); ROLES],
}

/// The head and dependent of the arc `action` makes in `state`, if it makes one.
fn arc(state: &State, action: Action) -> Option<(u32, u32)> {
    match action {
        Action::Left => Some((state.b, state.s0())),
        Action::Right => Some((state.s0(), state.b)),
        Action::Shift | Action::Reduce => None,
    }
}

/// The role-cache index of a role no word fills.
const NO_WORD: usize = usize::MAX;

/// Slots of the pair cache (a power of two).
const PAIR_SLOTS: usize = 64;

/// The cache key of the pair (`s0`, `b0`), never 0.
#[inline]
fn pair_key(s0: u32, b0: u32) -> u64 {
    (u64::from(s0) << 32 | u64::from(b0)).wrapping_add(1).max(1)
}

impl ScoreCache {
    pub(crate) fn new(parser: &Parser, n: usize, s: &mut Scratch) -> Self {
        let mut absent = [[0i32; 4]; ROLES];
        for (role, a) in absent.iter_mut().enumerate() {
            s.features.clear();
            role_features(role, None, &mut s.features);
            parser.actions.add(&s.features, a);
        }
        s.features.clear();
        ScoreCache {
            absent,
            scores: vec![[0i32; 4]; n * ROLES],
            cached: vec![false; n * ROLES],
            pairs: vec![(0, [0; 4]); PAIR_SLOTS],
        }
    }
}

impl Parser {
    /// Loads a parser model file.
    pub fn load(path: &Path) -> Result<Self> {
        let bytes = codec::read_file(ModelKind::Parser, path)?;
        Self::from_bytes(&bytes, path)
    }

    /// The model committed in `models/parser.bin`, compiled into the binary.
    pub fn embedded() -> Result<Self> {
        Self::from_bytes(
            EMBEDDED,
            Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/models/parser.bin")),
        )
    }

    /// Decodes a model; `path` names it in errors.
    pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Self> {
        let (info, payload) = codec::decode(ModelKind::Parser, path, bytes)?;
        let mut r = Reader::new(payload);
        let read = |r: &mut Reader<'_>| -> std::result::Result<Self, String> {
            let labels = r.strs()?;
            let actions = Weights::read(r)?;
            let label_model = Weights::read(r)?;
            let clusters = Clusters::read(r)?;
            if actions.classes() != ACTIONS.len() || label_model.classes() != labels.len() {
                return Err("class counts do not match the weight tables".into());
            }
            if !labels.iter().any(|l| l == ROOT_LABEL) {
                return Err("no root label".into());
            }
            Ok(Parser {
                info: info.clone(),
                punct: punct_class(&labels),
                root: root_class(&labels),
                labels,
                actions,
                label_model,
                clusters,
                beam: BEAM_WIDTH,
                temperature: BEAM_TEMPERATURE,
                prune: BEAM_PRUNE,
            })
        };
        read(&mut r).map_err(codec::corrupt(ModelKind::Parser, path))
    }

    /// Encodes the model file, with `description` of the training data.
    pub fn to_bytes(&self, description: &str) -> Vec<u8> {
        let mut w = Writer::new();
        w.strs(&self.labels);
        self.actions.write(&mut w);
        self.label_model.write(&mut w);
        self.clusters.write(&mut w);
        codec::encode(ModelKind::Parser, description, &w.into_bytes())
    }

    /// The same parser decoding with a beam of `width` states (1: greedy) ranked by action
    /// log-probabilities at `temperature` (as [`BEAM_WIDTH`] and [`BEAM_TEMPERATURE`]).
    #[must_use]
    pub fn with_beam(mut self, width: usize, temperature: f64, prune: f64) -> Self {
        self.beam = width.max(1);
        self.prune = prune;
        self.temperature = temperature.max(f64::MIN_POSITIVE);
        self
    }

    /// The model's version hash and training description.
    pub fn info(&self) -> &ModelInfo {
        &self.info
    }

    /// Size in bytes of the weight tables.
    pub fn weights_size(&self) -> usize {
        self.actions.size_bytes() + self.label_model.size_bytes()
    }

    /// The Brown clusters of the words, feature values of the parser.
    pub fn clusters(&self) -> &Clusters {
        &self.clusters
    }

    pub(crate) fn scratch(&self) -> Scratch {
        Scratch {
            features: Vec::with_capacity(128),
            action_scores: vec![0; ACTIONS.len()],
            label_scores: vec![0; self.labels.len()],
            pending: Pending::default(),
        }
    }

    /// The best label class for `head → dep` (never the root label); `punct` for
    /// punctuation without scoring.
    pub(crate) fn predict_label(
        &self,
        tokens: &[ParseToken],
        state: &State,
        head: u32,
        dep: u32,
        s: &mut Scratch,
    ) -> u16 {
        match self.gather_arc(tokens, state, head, dep, &mut s.features) {
            Some(class) => class,
            None => self.gathered_label(&s.features, &mut s.label_scores),
        }
    }

    /// The label of `head → dep` when it needs no scoring (`punct` for punctuation), or else
    /// `None`, the label features in `features` and their rows prefetched.
    fn gather_arc(
        &self,
        tokens: &[ParseToken],
        state: &State,
        head: u32,
        dep: u32,
        features: &mut Vec<u64>,
    ) -> Option<u16> {
        if let Some((class, upos)) = self.punct {
            if tokens.get(dep as usize).is_some_and(|t| t.upos == upos) {
                return Some(class);
            }
        }
        label_features(tokens, state, head, dep, features);
        self.label_model.prefetch(features);
        None
    }

    /// The scores of the four actions in `state` (which has a stack).
    pub(crate) fn action_scores(
        &self,
        tokens: &[ParseToken],
        state: &State,
        s: &mut Scratch,
        cache: &mut ScoreCache,
    ) -> [i32; 4] {
        self.gather(tokens, state, cache, &mut s.pending);
        self.finish(tokens, state, cache, &s.pending, &mut s.features)
    }

    /// Collects the features of `state`'s action scores that `cache` does not hold yet into
    /// `pending`, and prefetches their weight rows: the first half of [`Parser::action_scores`].
    /// The beam gathers all its states before finishing any, so that their rows are fetched
    /// side by side.
    pub(crate) fn gather(
        &self,
        tokens: &[ParseToken],
        state: &State,
        cache: &ScoreCache,
        pending: &mut Pending,
    ) {
        let (s0, b0) = (state.s0(), state.buffer(0));
        let key = pair_key(s0, b0);
        let slot = (s0 as usize).wrapping_mul(31).wrapping_add(b0 as usize) % PAIR_SLOTS;
        let features = &mut pending.features;
        features.clear();
        if cache.pairs[slot].0 != key {
            pair_features(tokens, s0, b0, features);
        }
        pending.pair = (key, slot, features.len());
        state_features(tokens, state, features);
        pending.state_end = features.len();
        for (role, i) in role_words(state).into_iter().enumerate() {
            let k = if i == NONE {
                NO_WORD
            } else {
                i as usize * ROLES + role
            };
            if k != NO_WORD && !cache.cached[k] {
                role_features(role, tokens.get(i as usize), features);
            }
            pending.roles[role] = (k, features.len());
        }
        self.actions.prefetch(features);
    }

    /// Sums the scores of `state`'s actions from the features [gathered](Parser::gather) in
    /// `pending` and the cached scores, caching the new pair and role scores. A pair whose
    /// scores were cached when gathered but have been evicted since is scored again with
    /// `features` as scratch.
    pub(crate) fn finish(
        &self,
        tokens: &[ParseToken],
        state: &State,
        cache: &mut ScoreCache,
        pending: &Pending,
        features: &mut Vec<u64>,
    ) -> [i32; 4] {
        let (key, slot, pair_end) = pending.pair;
        let gathered = &pending.features;
        if cache.pairs[slot].0 != key {
            let mut pair = [0i32; 4];
            if pair_end > 0 {
                self.actions
                    .add_prefetched(&gathered[..pair_end], &mut pair);
            } else {
                features.clear();
                pair_features(tokens, state.s0(), state.buffer(0), features);
                self.actions.add(features, &mut pair);
            }
            cache.pairs[slot] = (key, pair);
        }
        let mut acc = cache.pairs[slot].1;
        self.actions
            .add_prefetched(&gathered[pair_end..pending.state_end], &mut acc);
        let mut start = pending.state_end;
        for (role, &(k, end)) in pending.roles.iter().enumerate() {
            let part = if k == NO_WORD {
                &cache.absent[role]
            } else {
                // Role scores, once cached, stay: uncached now means gathered.
                if !cache.cached[k] {
                    self.actions
                        .add_prefetched(&gathered[start..end], &mut cache.scores[k]);
                    cache.cached[k] = true;
                }
                &cache.scores[k]
            };
            start = end;
            for (a, p) in acc.iter_mut().zip(part) {
                *a += *p;
            }
        }
        acc
    }

    /// The label of the arc that `action` makes in `state` (0 for the other actions).
    pub(crate) fn arc_label(
        &self,
        tokens: &[ParseToken],
        state: &State,
        action: Action,
        s: &mut Scratch,
    ) -> u16 {
        match arc(state, action) {
            Some((head, dep)) => self.predict_label(tokens, state, head, dep, s),
            None => 0,
        }
    }

    /// The first half of [`Parser::arc_label`]: the label when it needs no scoring (0 for an
    /// action that makes no arc, `punct` for punctuation), or else `None`, the label
    /// features in `features` and their rows prefetched, for [`Parser::gathered_label`].
    pub(crate) fn gather_label(
        &self,
        tokens: &[ParseToken],
        state: &State,
        action: Action,
        features: &mut Vec<u64>,
    ) -> Option<u16> {
        match arc(state, action) {
            Some((head, dep)) => self.gather_arc(tokens, state, head, dep, features),
            None => Some(0),
        }
    }

    /// The best label (never the root label) given label features gathered by
    /// [`Parser::gather_label`], with `scores` (one per label) as scratch.
    pub(crate) fn gathered_label(&self, features: &[u64], scores: &mut [i32]) -> u16 {
        scores.fill(0);
        self.label_model.add_prefetched(features, scores);
        let root = self.root as usize;
        argmax(scores, |c| c != root).unwrap_or(0) as u16
    }

    /// Runs the transition system to the end; returns the final state: greedily, or with a
    /// beam search ([`beam::run`]) when the beam width is above 1 and the sentence has at most
    /// [`BEAM_MAX_WORDS`] words.
    ///
    /// The scores of the per-word features of each role ([`role_features`]) are computed once
    /// per word and role and cached; transitions with one valid action are not scored.
    pub(crate) fn run(&self, tokens: &[ParseToken]) -> State {
        if self.beam > 1 && tokens.len() <= BEAM_MAX_WORDS {
            return beam::run(self, tokens);
        }
        let mut state = State::new(tokens.len());
        let mut s = self.scratch();
        let mut cache = ScoreCache::new(self, tokens.len(), &mut s);
        while !state.is_terminal() {
            let action = if state.stack.is_empty() {
                Action::Shift
            } else {
                let acc = self.action_scores(tokens, &state, &mut s, &mut cache);
                s.action_scores.copy_from_slice(&acc);
                let best = argmax(&s.action_scores, |a| state.is_valid(ACTIONS[a])).unwrap_or(0);
                ACTIONS[best]
            };
            let label = self.arc_label(tokens, &state, action, &mut s);
            state.apply(action, label);
        }
        state
    }

    /// Parses a tagged sentence: for each word its head (index in the sentence, `None` for the
    /// root) and relation. Exactly one word is the root.
    pub fn parse<U: AsRef<str>, X: AsRef<str>>(
        &self,
        words: &[&str],
        upos: &[U],
        xpos: &[X],
    ) -> Vec<(Option<usize>, String)> {
        self.parse_with_clusters(words, upos, xpos, None)
    }

    /// [`Parser::parse`], given each word's Brown cluster path when the caller has looked it
    /// up already in clusters equal to the parser's ([`Parser::clusters`]), as the tagger has.
    pub fn parse_with_clusters<U: AsRef<str>, X: AsRef<str>>(
        &self,
        words: &[&str],
        upos: &[U],
        xpos: &[X],
        clusters: Option<&[u64]>,
    ) -> Vec<(Option<usize>, String)> {
        let mut tokens: Vec<ParseToken> = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let u = upos.get(i).map_or("", AsRef::as_ref);
                let x = xpos.get(i).map_or("", AsRef::as_ref);
                match clusters.and_then(|c| c.get(i)) {
                    Some(&cluster) => ParseToken::with_cluster(w, u, x, cluster),
                    None => ParseToken::new(w, u, x, &self.clusters),
                }
            })
            .collect();
        features::count_context(&mut tokens);
        let state = self.parse_tokens(&tokens);
        let root = self.root;
        let mut tree: Vec<(Option<usize>, String)> = state
            .heads
            .iter()
            .zip(&state.labels)
            .map(|(&h, &l)| {
                if h == NONE {
                    (None, self.labels[root as usize].clone())
                } else {
                    (Some(h as usize), self.labels[l as usize].clone())
                }
            })
            .collect();
        repair::subject_taken_for_apposition(&mut tree, upos, xpos);
        repair::subject_taken_for_conjunct(&mut tree, xpos);
        repair::infinitive_taken_for_modifiers(&mut tree, words, xpos);
        repair::perfect_taken_for_main_verb(&mut tree, words, xpos);
        repair::contrast_taken_for_reported_conjunct(&mut tree, words, xpos);
        repair::subject_taken_for_for_phrase(&mut tree, words, xpos);
        repair::second_subject_taken_for_own(&mut tree);
        repair::passive_taken_for_active(&mut tree, words, upos, xpos);
        tree
    }

    /// Parses and then leaves exactly one root: the headless word with most dependents; the
    /// other headless words attach to it with their best non-root label.
    pub(crate) fn parse_tokens(&self, tokens: &[ParseToken]) -> State {
        let mut state = self.run(tokens);
        let roots: Vec<u32> = (0..state.n)
            .filter(|&i| state.heads[i as usize] == NONE)
            .collect();
        if roots.len() > 1 {
            let main = *roots
                .iter()
                .max_by_key(|&&r| {
                    let v = state.valency[r as usize];
                    (v[0] + v[1], std::cmp::Reverse(r))
                })
                .unwrap_or(&roots[0]);
            let mut s = self.scratch();
            for &r in &roots {
                if r != main {
                    let label = self.predict_label(tokens, &state, main, r, &mut s);
                    state.heads[r as usize] = main;
                    state.labels[r as usize] = label;
                }
            }
        }
        state
    }
}

#[cfg(test)]
mod tests {
    use super::features::{action_features, count_context};
    use super::*;

    /// The scores of every feature of `state`, summed without caches or prefetching.
    fn plain_scores(parser: &Parser, tokens: &[ParseToken], state: &State) -> [i32; 4] {
        let mut features = Vec::new();
        action_features(tokens, state, &mut features);
        let mut scores = [0i32; 4];
        parser.actions.score(&features, &mut scores);
        scores
    }

    #[test]
    fn gathered_and_cached_scores_equal_the_plain_sum_of_all_features() {
        let parser = Parser::embedded().expect("committed parser model");
        let words = [
            "Officials",
            "said",
            "the",
            "army",
            "had",
            "shelled",
            "the",
            "town",
            ".",
        ];
        let tags = [
            ("NOUN", "NNS"),
            ("VERB", "VBD"),
            ("DET", "DT"),
            ("NOUN", "NN"),
            ("AUX", "VBD"),
            ("VERB", "VBN"),
            ("DET", "DT"),
            ("NOUN", "NN"),
            ("PUNCT", "."),
        ];
        let mut tokens: Vec<ParseToken> = words
            .iter()
            .zip(tags)
            .map(|(w, (u, x))| ParseToken::new(w, u, x, &parser.clusters))
            .collect();
        count_context(&mut tokens);
        let mut s = parser.scratch();
        let mut cache = ScoreCache::new(&parser, tokens.len(), &mut s);
        // Two states that share words, gathered together and finished in turn as the beam
        // does, along a parse that shifts, attaches and reduces.
        let mut a = State::new(tokens.len());
        let script = [
            Action::Shift,
            Action::Left,
            Action::Shift,
            Action::Shift,
            Action::Left,
        ];
        let (mut pa, mut pb) = (Pending::default(), Pending::default());
        let mut checked = 0;
        for action in script {
            let mut b = State::new(0);
            b.copy_from(&a);
            if b.is_valid(Action::Shift) {
                b.apply(Action::Shift, 0);
            }
            for state in [&a, &b] {
                if state.stack.is_empty() || state.is_terminal() {
                    continue;
                }
                let plain = plain_scores(&parser, &tokens, state);
                parser.gather(&tokens, state, &cache, &mut pa);
                parser.gather(&tokens, state, &cache, &mut pb);
                let first = parser.finish(&tokens, state, &mut cache, &pa, &mut s.features);
                let again = parser.finish(&tokens, state, &mut cache, &pb, &mut s.features);
                assert_eq!(first, plain, "scores of {:?}", state.stack);
                assert_eq!(again, plain, "cached scores of {:?}", state.stack);
                assert_eq!(
                    parser.action_scores(&tokens, state, &mut s, &mut cache),
                    plain
                );
                checked += 1;
            }
            assert!(a.is_valid(action));
            a.apply(action, 0);
        }
        assert!(checked >= 6, "{checked} states checked");
    }
}
