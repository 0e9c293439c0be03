//! The dependency parser: greedy arc-eager transitions chosen by an averaged perceptron, and
//! arc labels by a second perceptron.
pub(crate) mod features;
pub(crate) mod oracle;
pub(crate) mod state;

use std::path::Path;

use crate::codec::{self, ModelInfo, ModelKind, Reader, Writer};
use crate::error::Result;
use crate::lexical::Clusters;
use crate::perceptron::{argmax, Weights};
use features::{label_features, role_features, role_words, state_features, ParseToken, ROLES};
use state::{State, ACTIONS, NONE};

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
                labels,
                actions,
                label_model,
                clusters,
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

    /// The model's version hash and training description.
    pub fn info(&self) -> &ModelInfo {
        &self.info
    }

    /// Size in bytes of the weight tables.
    pub fn weights_size(&self) -> usize {
        self.actions.size_bytes() + self.label_model.size_bytes()
    }

    pub(crate) fn scratch(&self) -> Scratch {
        Scratch {
            features: Vec::with_capacity(128),
            action_scores: vec![0; ACTIONS.len()],
            label_scores: vec![0; self.labels.len()],
        }
    }

    pub(crate) fn root_class(&self) -> u16 {
        self.labels
            .iter()
            .position(|l| l == ROOT_LABEL)
            .unwrap_or(0) as u16
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
        if let Some((class, upos)) = self.punct {
            if tokens.get(dep as usize).is_some_and(|t| t.upos == upos) {
                return class;
            }
        }
        label_features(tokens, state, head, dep, &mut s.features);
        self.label_model.score(&s.features, &mut s.label_scores);
        let root = self.root_class() as usize;
        argmax(&s.label_scores, |c| c != root).unwrap_or(0) as u16
    }

    /// Runs the transition system to the end; returns the final state.
    ///
    /// The scores of the per-word features of each role ([`role_features`]) are computed once
    /// per word and role and cached; transitions with one valid action are not scored.
    pub(crate) fn run(&self, tokens: &[ParseToken]) -> State {
        let mut state = State::new(tokens.len());
        let mut s = self.scratch();
        let n = ACTIONS.len();
        let mut absent = [[0i32; 4]; ROLES];
        for (role, a) in absent.iter_mut().enumerate() {
            role_features(role, None, &mut s.features);
            self.actions.add(&s.features, a);
            s.features.clear();
        }
        let mut cache = vec![[0i32; 4]; tokens.len() * ROLES];
        let mut cached = vec![false; tokens.len() * ROLES];
        while !state.is_terminal() {
            let action = if state.stack.is_empty() {
                state::Action::Shift
            } else {
                s.features.clear();
                state_features(tokens, &state, &mut s.features);
                let mut acc = [0i32; 4];
                self.actions.add(&s.features, &mut acc);
                for (role, i) in role_words(&state).into_iter().enumerate() {
                    let part = if i == NONE {
                        &absent[role]
                    } else {
                        let k = i as usize * ROLES + role;
                        if !cached[k] {
                            s.features.clear();
                            role_features(role, tokens.get(i as usize), &mut s.features);
                            self.actions.add(&s.features, &mut cache[k]);
                            cached[k] = true;
                        }
                        &cache[k]
                    };
                    for (a, p) in acc.iter_mut().zip(part) {
                        *a += *p;
                    }
                }
                s.action_scores[..n].copy_from_slice(&acc[..n]);
                let best = argmax(&s.action_scores, |a| state.is_valid(ACTIONS[a])).unwrap_or(0);
                ACTIONS[best]
            };
            let label = match action {
                state::Action::Left => {
                    self.predict_label(tokens, &state, state.b, state.s0(), &mut s)
                }
                state::Action::Right => {
                    self.predict_label(tokens, &state, state.s0(), state.b, &mut s)
                }
                _ => 0,
            };
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
        let mut tokens: Vec<ParseToken> = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let u = upos.get(i).map_or("", AsRef::as_ref);
                let x = xpos.get(i).map_or("", AsRef::as_ref);
                ParseToken::new(w, u, x, &self.clusters)
            })
            .collect();
        features::count_context(&mut tokens);
        let state = self.parse_tokens(&tokens);
        let root = self.root_class();
        state
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
            .collect()
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
