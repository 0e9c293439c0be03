//! Feature templates of the parser, after Zhang & Nivre (2011): words and tags of the stack
//! and buffer words, their heads and outermost children, valencies, distance and label sets.
use super::state::{State, NONE};
use crate::hash::{feat1, feat2, feat3, hash_str};
use crate::lexical::{cluster_prefix, Clusters};

/// Positions whose per-word features are cached: `s0`, `s1`, `b0`, `b1`, `b2`.
pub const ROLES: usize = 5;

/// Appends the features that depend only on the word in `role` (`None`: no word there).
/// These are the same whatever the rest of the state, so the parser caches their scores.
pub fn role_features(role: usize, tok: Option<&ParseToken>, out: &mut Vec<u64>) {
    let t = 1000 + 16 * role as u64;
    let Some(p) = tok else {
        out.push(feat1(t, ABSENT));
        return;
    };
    out.push(feat1(t + 1, p.word));
    out.push(feat1(t + 2, p.tag));
    out.push(feat1(t + 3, p.upos));
    out.push(feat2(t + 4, p.word, p.tag));
    if role <= 3 {
        out.push(feat1(t + 5, cluster_prefix(p.cluster, 6)));
        out.push(feat2(t + 6, cluster_prefix(p.cluster, 6), p.tag));
        out.push(feat1(t + 7, cluster_prefix(p.cluster, 40)));
    }
}

/// Hashed attributes of one input word.
#[derive(Debug, Clone, Copy)]
pub struct ParseToken {
    /// Lowercased form.
    pub word: u64,
    /// Penn tag.
    pub tag: u64,
    /// Universal tag.
    pub upos: u64,
    /// Brown cluster path (0 when unknown).
    pub cluster: u64,
    /// Verbs and punctuation marks up to and including this word (set by [`count_context`]).
    pub upto: [u32; 2],
}

/// Fills in [`ParseToken::upto`]: running counts of verbs and punctuation marks.
pub fn count_context(tokens: &mut [ParseToken]) {
    let (verb, punct) = (hash_str("VERB"), hash_str("PUNCT"));
    let mut upto = [0u32; 2];
    for t in tokens {
        upto[0] += u32::from(t.upos == verb);
        upto[1] += u32::from(t.upos == punct);
        t.upto = upto;
    }
}

/// Verbs and punctuation marks strictly between words `a < b` (each capped at 3).
#[inline]
fn between(tokens: &[ParseToken], a: u32, b: u32) -> [u64; 2] {
    if a == NONE || b == NONE || b <= a + 1 {
        return [0, 0];
    }
    match (tokens.get(a as usize), tokens.get(b as usize - 1)) {
        (Some(x), Some(y)) => [
            u64::from(y.upto[0].saturating_sub(x.upto[0]).min(3)),
            u64::from(y.upto[1].saturating_sub(x.upto[1]).min(3)),
        ],
        _ => [0, 0],
    }
}

const ABSENT: u64 = 0x4e4f_4e45_5f5f_5f5f;

impl ParseToken {
    /// Hashes a word and its tags, looking its cluster up in `clusters`.
    pub fn new(word: &str, upos: &str, xpos: &str, clusters: &Clusters) -> Self {
        ParseToken {
            word: crate::hash::hash_lower(word),
            tag: hash_str(xpos),
            upos: hash_str(upos),
            cluster: clusters.get(word),
            upto: [0, 0],
        }
    }
}

/// Word, tag and arc label of a position (absent positions get a fixed value).
#[derive(Clone, Copy)]
struct Pos {
    w: u64,
    t: u64,
    u: u64,
    l: u64,
}

#[inline]
fn pos(tokens: &[ParseToken], state: &State, i: u32) -> Pos {
    if i == NONE {
        return Pos {
            w: ABSENT,
            t: ABSENT,
            u: ABSENT,
            l: ABSENT,
        };
    }
    let tok = tokens[i as usize];
    let l = if state.heads[i as usize] == NONE {
        ABSENT
    } else {
        u64::from(state.labels[i as usize])
    };
    Pos {
        w: tok.word,
        t: tok.tag,
        u: tok.upos,
        l,
    }
}

#[inline]
fn get(v: u32, f: impl Fn(usize) -> u32) -> u32 {
    if v == NONE {
        NONE
    } else {
        f(v as usize)
    }
}

/// The word index in each role (`NONE` when there is none).
#[inline]
pub fn role_words(state: &State) -> [u32; ROLES] {
    [
        state.s0(),
        state.s1(),
        state.buffer(0),
        state.buffer(1),
        state.buffer(2),
    ]
}

/// Fills `out` with all the features of the transition classifier.
pub fn action_features(tokens: &[ParseToken], state: &State, out: &mut Vec<u64>) {
    out.clear();
    for (role, i) in role_words(state).into_iter().enumerate() {
        role_features(role, tokens.get(i as usize), out);
    }
    state_features(tokens, state, out);
}

/// Appends the features of the transition classifier that depend on more than one word.
pub fn state_features(tokens: &[ParseToken], state: &State, out: &mut Vec<u64>) {
    let s0i = state.s0();
    let b0i = state.buffer(0);
    let s0h_i = get(s0i, |i| state.heads[i]);
    let s0 = pos(tokens, state, s0i);
    let s1 = pos(tokens, state, state.s1());
    let b0 = pos(tokens, state, b0i);
    let b1 = pos(tokens, state, state.buffer(1));
    let b2 = pos(tokens, state, state.buffer(2));
    let s0h = pos(tokens, state, s0h_i);
    let s0h2 = pos(tokens, state, get(s0h_i, |i| state.heads[i]));
    let s0l = pos(tokens, state, get(s0i, |i| state.left[i][0]));
    let s0l2 = pos(tokens, state, get(s0i, |i| state.left[i][1]));
    let s0r = pos(tokens, state, get(s0i, |i| state.right[i][0]));
    let s0r2 = pos(tokens, state, get(s0i, |i| state.right[i][1]));
    let b0l = pos(tokens, state, get(b0i, |i| state.left[i][0]));
    let b0l2 = pos(tokens, state, get(b0i, |i| state.left[i][1]));
    let dist = if s0i == NONE || b0i == NONE {
        0
    } else {
        u64::from((b0i - s0i).min(6)) + 1
    };
    let (s0vl, s0vr, s0sl, s0sr) = if s0i == NONE {
        (ABSENT, ABSENT, ABSENT, ABSENT)
    } else {
        let v = state.valency[s0i as usize];
        let s = state.label_sets[s0i as usize];
        (u64::from(v[0]), u64::from(v[1]), s[0], s[1])
    };
    let (b0vl, b0sl) = if b0i == NONE {
        (ABSENT, ABSENT)
    } else {
        (
            u64::from(state.valency[b0i as usize][0]),
            state.label_sets[b0i as usize][0],
        )
    };
    let mut t = 0u64;
    let mut f1 = |a: u64| {
        t += 1;
        out.push(feat1(t, a));
    };
    for p in [s0h, s0l, s0r, b0l] {
        f1(p.w);
        f1(p.t);
        f1(p.l);
    }
    for p in [s0h2, s0l2, s0r2, b0l2] {
        f1(p.t);
        f1(p.l);
    }
    f1(s0.l);
    let mut t = 100u64;
    let mut f2 = |a: u64, b: u64| {
        t += 1;
        out.push(feat2(t, a, b));
    };
    // Pairs.
    f2(s0.w, b0.w);
    f2(s0.t, b0.t);
    f2(s0.w, b0.t);
    f2(s0.t, b0.w);
    f2(b0.t, b1.t);
    f2(s0.u, b0.u);
    f2(s1.t, s0.t);
    f2(s1.w, s0.w);
    f2(b0.w, b1.w);
    // Distance.
    f2(s0.w, dist);
    f2(s0.t, dist);
    f2(b0.w, dist);
    f2(b0.t, dist);
    // Valency and label sets.
    f2(s0.w, s0vr);
    f2(s0.t, s0vr);
    f2(s0.w, s0vl);
    f2(s0.t, s0vl);
    f2(b0.w, b0vl);
    f2(b0.t, b0vl);
    f2(s0.w, s0sr);
    f2(s0.t, s0sr);
    f2(s0.w, s0sl);
    f2(s0.t, s0sl);
    f2(b0.w, b0sl);
    f2(b0.t, b0sl);
    let mut t = 200u64;
    let mut f3 = |a: u64, b: u64, c: u64| {
        t += 1;
        out.push(feat3(t, a, b, c));
    };
    f3(s0.w, s0.t, b0.t);
    f3(s0.t, b0.w, b0.t);
    f3(s0.w, b0.w, b0.t);
    f3(s0.w, s0.t, b0.w);
    f3(s0.t, b0.t, dist);
    f3(s0.w, b0.w, dist);
    f3(b0.t, b1.t, b2.t);
    f3(s0.t, b0.t, b1.t);
    f3(s0h.t, s0.t, b0.t);
    f3(s0.t, s0l.t, b0.t);
    f3(s0.t, s0r.t, b0.t);
    f3(s0.t, b0.t, b0l.t);
    f3(s1.t, s0.t, b0.t);
    f3(s0.t, s0l.t, s0l2.t);
    f3(s0.t, s0r.t, s0r2.t);
    f3(s0.t, s0h.t, s0h2.t);
    f3(b0.t, b0l.t, b0l2.t);
    f3(s0.t, s0.l, b0.t);
    f3(s0.w, b0.t, b1.t);
    f3(s0.t, b0.w, b1.t);
    let c = |i: u32, bits: u32| {
        tokens
            .get(i as usize)
            .map_or(ABSENT, |t| cluster_prefix(t.cluster, bits))
    };
    let (s0c, b0c, b1c) = (c(s0i, 40), c(b0i, 40), c(state.buffer(1), 6));
    let (s0c6, b0c6) = (c(s0i, 6), c(b0i, 6));
    f3(s0c6, b0c6, 1);
    f3(s0c, b0.t, 2);
    f3(s0.t, b0c, 3);
    f3(s0c6, b0.t, b1c);
    f3(s0h.t, s0c6, b0c6);
    let s1i = state.s1();
    let depth = state.stack.len().min(4) as u64;
    let s1d = if s1i == NONE || s0i == NONE {
        0
    } else {
        u64::from((s0i - s1i).min(6)) + 1
    };
    f3(s1.t, b0.t, 4);
    f3(s1.w, b0.t, 5);
    f3(s1.t, s0.t, b0.w);
    f3(s0.u, b0.u, b1.u);
    f3(s1.u, s0.u, b0.u);
    f3(depth, b0.t, 6);
    f3(s1.t, s0.t, s1d);
    f3(b0.w, b1.t, 7);
    // Lexical and cluster combinations, which do not depend on the (predicted) tags.
    let [verbs, puncts] = between(tokens, s0i, b0i);
    let s1c6 = c(s1i, 6);
    let s0hc6 = c(s0h_i, 6);
    let (s0c12, b0c12) = (c(s0i, 12), c(b0i, 12));
    let mut t = 400u64;
    let mut f3 = |a: u64, b: u64, c: u64| {
        t += 1;
        out.push(feat3(t, a, b, c));
    };
    f3(feat2(0, s0.w, s0.t), b0.w, b0.t);
    f3(s0c12, b0c12, 0);
    f3(s0c6, b0.w, 0);
    f3(s0.w, b0c6, 0);
    f3(s1c6, s0c6, b0c6);
    f3(s0hc6, s0.w, b0c6);
    f3(s0h.w, b0.t, 0);
    f3(s0h.t, b0.w, 0);
    f3(s0.t, b0.t, verbs);
    f3(s0.t, b0.t, puncts);
    f3(feat2(0, s0.t, b0.t), verbs, puncts);
    f3(s0.w, b0.t, puncts);
    f3(s0.t, b0.w, verbs);
    f3(s0c6, b0c6, dist);
    f3(b0c6, b1c, c(state.buffer(2), 6));
    f3(s0r.w, b0.t, 0);
    f3(s0.t, s0r.t, b0.w);
    let near = Near {
        s0,
        s1,
        b0,
        b1,
        s0h2,
        s0l2,
        s0r2,
        b0l2,
    };
    extra_features(tokens, state, &near, out);
}

/// The positions [`state_features`] has already looked up that [`extra_features`] uses too.
#[derive(Clone, Copy)]
struct Near {
    s0: Pos,
    s1: Pos,
    b0: Pos,
    b1: Pos,
    s0h2: Pos,
    s0l2: Pos,
    s0r2: Pos,
    b0l2: Pos,
}

/// Third-order and edge features: the third stack word, the words around `s0` and `b0` in the
/// sentence (the word before `b0` ends `s0`'s subtree when it is not `s0`), the words of the
/// second-outermost children and of `s0`'s grandparent, `b0`'s right neighbour beyond `b2`.
fn extra_features(tokens: &[ParseToken], state: &State, near: &Near, out: &mut Vec<u64>) {
    let Near {
        s0,
        s1,
        b0,
        b1,
        s0h2,
        s0l2,
        s0r2,
        b0l2,
    } = *near;
    let s0i = state.s0();
    let b0i = state.buffer(0);
    let s2i = if state.stack.len() >= 3 {
        state.stack[state.stack.len() - 3]
    } else {
        NONE
    };
    let s2 = pos(tokens, state, s2i);
    let edge_i = if b0i == NONE || s0i == NONE || b0i == s0i + 1 {
        NONE
    } else {
        b0i - 1
    };
    let edge = pos(tokens, state, edge_i);
    let s0n_i = if s0i != NONE && s0i + 1 < b0i && s0i + 1 != edge_i {
        s0i + 1
    } else {
        NONE
    };
    let s0n = pos(tokens, state, s0n_i);
    let s0p = pos(
        tokens,
        state,
        get(s0i, |i| (i as u32).checked_sub(1).unwrap_or(NONE)),
    );
    let b3 = pos(tokens, state, state.buffer(3));
    let mut t = 500u64;
    let mut f3 = |a: u64, b: u64, c: u64| {
        t += 1;
        out.push(feat3(t, a, b, c));
    };
    f3(s2.t, s1.t, s0.t);
    f3(s2.t, s0.t, b0.t);
    f3(s0.t, edge.t, b0.t);
    f3(edge.w, b0.t, 0);
    f3(edge.t, b0.w, 0);
    f3(s0.t, s0n.t, b0.t);
    f3(s0p.t, s0.t, b0.t);
    f3(s0.t, b0.t, feat2(0, edge.t, b1.t));
    f3(s0h2.w, b0.t, 0);
    f3(s0l2.w, s0.t, 0);
    f3(s0r2.w, s0.t, 0);
    f3(b0l2.w, b0.t, 0);
    f3(b1.t, b3.t, b0.t);
}

/// Fills `out` with the features of the label classifier for the arc `head → dep`.
pub fn label_features(
    tokens: &[ParseToken],
    state: &State,
    head: u32,
    dep: u32,
    out: &mut Vec<u64>,
) {
    out.clear();
    let h = pos(tokens, state, head);
    let d = pos(tokens, state, dep);
    let dir = u64::from(dep > head);
    let dist = u64::from(head.abs_diff(dep).min(6));
    let hs = state.label_sets[head as usize];
    let ds = state.label_sets[dep as usize];
    let hh = pos(tokens, state, state.heads[head as usize]);
    let dl = pos(tokens, state, state.left[dep as usize][0]);
    let dr = pos(tokens, state, state.right[dep as usize][0]);
    let dn = pos(
        tokens,
        state,
        if dep + 1 < state.n { dep + 1 } else { NONE },
    );
    let dp = pos(tokens, state, dep.checked_sub(1).unwrap_or(NONE));
    let mut t = 300u64;
    let mut f2 = |a: u64, b: u64| {
        t += 1;
        out.push(feat2(t, dir, feat2(0, a, b)));
    };
    f2(0, 0);
    f2(h.w, 0);
    f2(h.t, 0);
    f2(d.w, 0);
    f2(d.t, 0);
    f2(h.t, d.t);
    f2(h.w, d.t);
    f2(h.t, d.w);
    f2(h.w, d.w);
    f2(h.u, d.u);
    f2(d.t, dist);
    f2(feat2(0, h.t, d.t), dist);
    f2(d.t, ds[0]);
    f2(d.t, ds[1]);
    f2(h.t, hs[0]);
    f2(h.t, hs[1]);
    f2(feat2(0, h.t, d.t), hs[0]);
    f2(h.t, hh.l);
    f2(d.t, dl.l);
    f2(d.t, dr.l);
    f2(d.w, dl.w);
    f2(feat2(0, h.t, d.t), dn.t);
    f2(feat2(0, h.t, d.t), dp.t);
    f2(d.w, dn.w);
    f2(h.w, dl.w);
    f2(h.u, hh.t);
    let c6 = |i: u32| {
        tokens
            .get(i as usize)
            .map_or(ABSENT, |t| cluster_prefix(t.cluster, 6))
    };
    f2(feat2(0, h.t, d.t), c6(dep));
    f2(c6(head), c6(dep));
    let hl = pos(tokens, state, state.left[head as usize][0]);
    let hn = pos(
        tokens,
        state,
        if head + 1 < state.n { head + 1 } else { NONE },
    );
    let hp = pos(tokens, state, head.checked_sub(1).unwrap_or(NONE));
    let [verbs, puncts] = between(tokens, head.min(dep), head.max(dep));
    f2(feat2(0, h.t, d.t), feat2(0, verbs, puncts));
    f2(d.t, dr.w);
    f2(feat2(0, d.t, dr.t), dr.l);
    f2(feat2(0, h.t, d.t), hl.l);
    f2(feat2(0, h.t, d.t), hn.t);
    f2(feat2(0, h.t, d.t), hp.t);
    f2(feat2(0, h.w, d.t), ds[0]);
    f2(feat2(0, d.w, h.t), hs[0]);
    f2(feat2(0, h.u, d.u), hh.u);
    f2(feat2(0, d.w, dl.w), h.t);
    f2(feat2(0, h.t, d.t), c6(head));
    f2(feat2(0, d.u, dist), ds[0]);
}
