//! Beam-search decoding of the arc-eager transitions. The perceptron is trained greedily
//! (dynamic oracle), so its action scores are turned into local log-probabilities — a softmax
//! over the valid actions at the parser's temperature — and the states with the highest sums
//! are kept. Transitions with one valid action cost nothing, so the stack pops a complete
//! state would still need (each forced) would not change its sum: complete states of
//! different lengths compare fairly. Labels are chosen greedily per arc.
use super::features::ParseToken;
use super::state::{State, ACTIONS};
use super::{Parser, Pending, ScoreCache};

/// A beam candidate: summed log-probability, index of the parent state, action class
/// (`ACTIONS.len()`: the parent is complete and carried over unchanged).
type Candidate = (f64, usize, usize);

/// The log-probabilities of the valid actions of `state` given their integer `scores`
/// (`NEG_INFINITY` for the others).
fn log_probabilities(state: &State, scores: &[i32; 4], temperature: f64) -> [f64; 4] {
    let valid = |a: usize| state.is_valid(ACTIONS[a]);
    let max = (0..ACTIONS.len())
        .filter(|&a| valid(a))
        .map(|a| scores[a])
        .max()
        .unwrap_or(0);
    let mut out = [f64::NEG_INFINITY; 4];
    let mut z = 0.0;
    for a in (0..ACTIONS.len()).filter(|&a| valid(a)) {
        out[a] = f64::from(scores[a] - max) / temperature;
        z += out[a].exp();
    }
    let log_z = z.ln();
    for v in &mut out {
        *v -= log_z;
    }
    out
}

/// Runs the transitions with a beam of `parser.beam` states until every state is complete
/// (complete states stay in the beam unchanged); returns the best complete state, the first
/// one ranked on ties. States more than `parser.prune` below the best one are dropped.
pub(crate) fn run(parser: &Parser, tokens: &[ParseToken]) -> State {
    let mut s = parser.scratch();
    let mut cache = ScoreCache::new(parser, tokens.len(), &mut s);
    let mut beam: Vec<Option<(State, f64)>> = vec![Some((State::new(tokens.len()), 0.0))];
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut uses: Vec<usize> = Vec::new();
    // States dropped from the beam, whose buffers are reused for copies.
    let mut spare: Vec<State> = Vec::new();
    let mut next = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    let mut label_features: Vec<Vec<u64>> = Vec::new();
    let mut labels: Vec<Option<u16>> = Vec::new();
    loop {
        // Every state's uncached features first, their rows fetched side by side.
        pending.resize_with(beam.len(), Pending::default);
        for (state, pending) in beam.iter().zip(&mut pending) {
            if let Some((state, _)) = state {
                if !state.is_terminal() && !state.stack.is_empty() {
                    parser.gather(tokens, state, &cache, pending);
                }
            }
        }
        candidates.clear();
        let mut done = true;
        for (p, (state, score)) in beam
            .iter()
            .enumerate()
            .filter_map(|(p, h)| Some((p, h.as_ref()?)))
        {
            if state.is_terminal() {
                candidates.push((*score, p, ACTIONS.len()));
                continue;
            }
            done = false;
            if state.stack.is_empty() {
                candidates.push((*score, p, super::Action::Shift as usize));
                continue;
            }
            let scores = parser.finish(tokens, state, &mut cache, &pending[p], &mut s.features);
            let logp = log_probabilities(state, &scores, parser.temperature);
            for (a, lp) in logp.iter().enumerate() {
                if state.is_valid(ACTIONS[a]) {
                    candidates.push((*score + lp, p, a));
                }
            }
        }
        if done {
            break;
        }
        candidates
            .sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        candidates.truncate(parser.beam);
        let floor = candidates.first().map_or(0.0, |c| c.0) - parser.prune;
        candidates.retain(|c| c.0 >= floor);
        // A parent's state is moved into its last kept successor and cloned for the others.
        uses.clear();
        uses.resize(beam.len(), 0);
        for c in &candidates {
            uses[c.1] += 1;
        }
        // The labels of the kept arcs, their rows fetched side by side.
        label_features.resize_with(candidates.len(), Vec::new);
        labels.clear();
        for (&(_, p, a), features) in candidates.iter().zip(&mut label_features) {
            let fixed = match (ACTIONS.get(a), &beam[p]) {
                (Some(&action), Some((state, _))) => {
                    parser.gather_label(tokens, state, action, features)
                }
                _ => Some(0),
            };
            labels.push(fixed);
        }
        for (label, features) in labels.iter_mut().zip(&label_features) {
            if label.is_none() {
                *label = Some(parser.gathered_label(features, &mut s.label_scores));
            }
        }
        next.clear();
        for (&(score, p, a), label) in candidates.iter().zip(&labels) {
            uses[p] -= 1;
            let parent = if uses[p] == 0 {
                beam[p].take().map(|h| h.0)
            } else {
                beam[p].as_ref().map(|h| {
                    let mut copy = spare.pop().unwrap_or_else(|| State::new(0));
                    copy.copy_from(&h.0);
                    copy
                })
            };
            let Some(mut state) = parent else { continue };
            if let Some(&action) = ACTIONS.get(a) {
                state.apply(action, label.unwrap_or(0));
            }
            next.push(Some((state, score)));
        }
        spare.extend(beam.drain(..).flatten().map(|h| h.0));
        std::mem::swap(&mut beam, &mut next);
    }
    beam.into_iter()
        .flatten()
        .reduce(|best, h| if h.1 > best.1 { h } else { best })
        .map_or_else(|| State::new(tokens.len()), |h| h.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::state::Action;

    #[test]
    fn log_probabilities_are_normalised_over_valid_actions() {
        let mut state = State::new(3);
        state.apply(Action::Shift, 0);
        // s0 = 0 has no head: Reduce is invalid.
        let lp = log_probabilities(&state, &[10, 500, 10, -80], 90.0);
        assert_eq!(lp[1], f64::NEG_INFINITY);
        let total: f64 = lp.iter().map(|v| v.exp()).sum();
        assert!((total - 1.0).abs() < 1e-9);
        assert!(lp[0] == lp[2] && lp[0] > lp[3]);
        // A lower temperature sharpens the distribution.
        let sharp = log_probabilities(&state, &[10, 500, 10, -80], 10.0);
        assert!(sharp[3] < lp[3]);
    }

    fn tokens(parser: &Parser, words: &[&str], tags: &[(&str, &str)]) -> Vec<ParseToken> {
        let mut tokens: Vec<ParseToken> = words
            .iter()
            .zip(tags)
            .map(|(w, (u, x))| ParseToken::new(w, u, x, &parser.clusters))
            .collect();
        crate::parser::features::count_context(&mut tokens);
        tokens
    }

    #[test]
    fn beam_completes_the_parse_and_width_one_is_greedy() {
        let parser = Parser::embedded().expect("committed parser model");
        let words = [
            "The", "minister", "said", "the", "talks", "had", "failed", ".",
        ];
        let tags = [
            ("DET", "DT"),
            ("NOUN", "NN"),
            ("VERB", "VBD"),
            ("DET", "DT"),
            ("NOUN", "NNS"),
            ("AUX", "VBD"),
            ("VERB", "VBN"),
            ("PUNCT", "."),
        ];
        let tokens = tokens(&parser, &words, &tags);
        let beam = parser
            .clone()
            .with_beam(4, 90.0, f64::INFINITY)
            .run(&tokens);
        assert!(beam.is_terminal());
        assert!(beam.steps <= 2 * words.len());
        assert_eq!(beam.heads[1], 2, "subject under the verb: {:?}", beam.heads);
        let greedy = parser.clone().with_beam(1, 90.0, 0.0).run(&tokens);
        let narrow = run(&parser.clone().with_beam(1, 90.0, 0.0), &tokens);
        assert_eq!(greedy.heads, narrow.heads);
        assert_eq!(greedy.labels, narrow.labels);
    }
}
