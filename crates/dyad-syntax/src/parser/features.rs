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
        Self::with_cluster(word, upos, xpos, clusters.get(word))
    }

    /// Hashes a word and its tags, given its cluster path.
    pub fn with_cluster(word: &str, upos: &str, xpos: &str, cluster: u64) -> Self {
        ParseToken {
            word: crate::hash::hash_lower(word),
            tag: hash_str(xpos),
            upos: hash_str(upos),
            cluster,
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

/// The values of a position no word fills.
const ABSENT_POS: Pos = Pos {
    w: ABSENT,
    t: ABSENT,
    u: ABSENT,
    l: ABSENT,
};

/// Word, tag, universal tag and, once attached, arc label of word `i`.
#[inline]
fn pos(tokens: &[ParseToken], state: &State, i: u32) -> Pos {
    let l = match state.heads.get(i as usize) {
        Some(&head) if head != NONE => u64::from(state.labels[i as usize]),
        _ => ABSENT,
    };
    Pos {
        l,
        ..word(tokens, i)
    }
}

/// The word before word `i` (`NONE` for the first word or none).
#[inline]
fn previous(i: u32) -> u32 {
    if i == NONE {
        NONE
    } else {
        i.checked_sub(1).unwrap_or(NONE)
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
    pair_features(tokens, state.s0(), state.buffer(0), out);
    state_features(tokens, state, out);
}

/// Word, tag and universal tag of word `i` (absent values for `NONE` or past the end).
#[inline]
fn word(tokens: &[ParseToken], i: u32) -> Pos {
    match tokens.get(i as usize) {
        Some(tok) if i != NONE => Pos {
            w: tok.word,
            t: tok.tag,
            u: tok.upos,
            l: ABSENT,
        },
        _ => ABSENT_POS,
    }
}

/// The cluster prefix of `bits` bits of word `i` (absent for `NONE`).
#[inline]
fn cluster(tokens: &[ParseToken], i: u32, bits: u32) -> u64 {
    tokens
        .get(i as usize)
        .map_or(ABSENT, |t| cluster_prefix(t.cluster, bits))
}

/// The word before `b0` when it is neither `s0` nor `b0` (the right edge of `s0`'s subtree).
#[inline]
fn edge_word(s0i: u32, b0i: u32) -> u32 {
    if b0i == NONE || s0i == NONE || b0i == s0i + 1 {
        NONE
    } else {
        b0i - 1
    }
}

/// The distance from `a` to `b` capped at 6, plus one (0 when either is absent).
#[inline]
fn distance(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        0
    } else {
        u64::from((b - a).min(6)) + 1
    }
}

/// Appends the features of the transition classifier that depend only on the words `s0i`
/// and `b0i` (and the sentence around them), not on the arcs built so far: the same for
/// every state with that stack top and first buffer word, so the parser caches their scores.
pub fn pair_features(tokens: &[ParseToken], s0i: u32, b0i: u32, out: &mut Vec<u64>) {
    let s0 = word(tokens, s0i);
    let b0 = word(tokens, b0i);
    let b1 = word(tokens, b0i.saturating_add(1));
    let b2 = word(tokens, b0i.saturating_add(2));
    let b3 = word(tokens, b0i.saturating_add(3));
    let dist = distance(s0i, b0i);
    let mut f2 = |t: u64, a: u64, b: u64| out.push(feat2(t, a, b));
    f2(101, s0.w, b0.w);
    f2(102, s0.t, b0.t);
    f2(103, s0.w, b0.t);
    f2(104, s0.t, b0.w);
    f2(105, b0.t, b1.t);
    f2(106, s0.u, b0.u);
    f2(109, b0.w, b1.w);
    f2(110, s0.w, dist);
    f2(111, s0.t, dist);
    f2(112, b0.w, dist);
    f2(113, b0.t, dist);
    let c = |i: u32, bits: u32| cluster(tokens, i, bits);
    let (s0c, b0c, b1c) = (c(s0i, 40), c(b0i, 40), c(b0i.saturating_add(1), 6));
    let (s0c6, b0c6) = (c(s0i, 6), c(b0i, 6));
    let [verbs, puncts] = between(tokens, s0i, b0i);
    let edge_i = edge_word(s0i, b0i);
    let edge = word(tokens, edge_i);
    let s0n_i = if s0i != NONE && s0i + 1 < b0i && s0i + 1 != edge_i {
        s0i + 1
    } else {
        NONE
    };
    let s0n = word(tokens, s0n_i);
    let s0p = word(tokens, previous(s0i));
    let mut f3 = |t: u64, a: u64, b: u64, c: u64| out.push(feat3(t, a, b, c));
    f3(201, s0.w, s0.t, b0.t);
    f3(202, s0.t, b0.w, b0.t);
    f3(203, s0.w, b0.w, b0.t);
    f3(204, s0.w, s0.t, b0.w);
    f3(205, s0.t, b0.t, dist);
    f3(206, s0.w, b0.w, dist);
    f3(207, b0.t, b1.t, b2.t);
    f3(208, s0.t, b0.t, b1.t);
    f3(219, s0.w, b0.t, b1.t);
    f3(220, s0.t, b0.w, b1.t);
    f3(221, s0c6, b0c6, 1);
    f3(222, s0c, b0.t, 2);
    f3(223, s0.t, b0c, 3);
    f3(224, s0c6, b0.t, b1c);
    f3(229, s0.u, b0.u, b1.u);
    f3(233, b0.w, b1.t, 7);
    // Lexical and cluster combinations, which do not depend on the (predicted) tags.
    f3(401, feat2(0, s0.w, s0.t), b0.w, b0.t);
    f3(402, c(s0i, 12), c(b0i, 12), 0);
    f3(403, s0c6, b0.w, 0);
    f3(404, s0.w, b0c6, 0);
    f3(409, s0.t, b0.t, verbs);
    f3(410, s0.t, b0.t, puncts);
    f3(411, feat2(0, s0.t, b0.t), verbs, puncts);
    f3(412, s0.w, b0.t, puncts);
    f3(413, s0.t, b0.w, verbs);
    f3(414, s0c6, b0c6, dist);
    f3(415, b0c6, b1c, c(b0i.saturating_add(2), 6));
    // Edge features: the words around `s0` and `b0` in the sentence.
    f3(503, s0.t, edge.t, b0.t);
    f3(504, edge.w, b0.t, 0);
    f3(505, edge.t, b0.w, 0);
    f3(506, s0.t, s0n.t, b0.t);
    f3(507, s0p.t, s0.t, b0.t);
    f3(508, s0.t, b0.t, feat2(0, edge.t, b1.t));
    f3(513, b1.t, b3.t, b0.t);
}

/// Appends the features of the transition classifier that depend on the arcs built so far
/// or on the stack below its top (after Zhang & Nivre 2011): heads, outermost children,
/// valencies, label sets, the second and third stack words.
pub fn state_features(tokens: &[ParseToken], state: &State, out: &mut Vec<u64>) {
    let s0i = state.s0();
    let b0i = state.buffer(0);
    let s0h_i = get(s0i, |i| state.heads[i]);
    let s0 = pos(tokens, state, s0i);
    let s1 = pos(tokens, state, state.s1());
    let b0 = pos(tokens, state, b0i);
    let s0h = pos(tokens, state, s0h_i);
    let s0h2 = pos(tokens, state, get(s0h_i, |i| state.heads[i]));
    let s0l = pos(tokens, state, get(s0i, |i| state.left[i][0]));
    let s0l2 = pos(tokens, state, get(s0i, |i| state.left[i][1]));
    let s0r = pos(tokens, state, get(s0i, |i| state.right[i][0]));
    let s0r2 = pos(tokens, state, get(s0i, |i| state.right[i][1]));
    let b0l = pos(tokens, state, get(b0i, |i| state.left[i][0]));
    let b0l2 = pos(tokens, state, get(b0i, |i| state.left[i][1]));
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
    let mut f2 = |t: u64, a: u64, b: u64| out.push(feat2(t, a, b));
    f2(107, s1.t, s0.t);
    f2(108, s1.w, s0.w);
    // Valency and label sets.
    f2(114, s0.w, s0vr);
    f2(115, s0.t, s0vr);
    f2(116, s0.w, s0vl);
    f2(117, s0.t, s0vl);
    f2(118, b0.w, b0vl);
    f2(119, b0.t, b0vl);
    f2(120, s0.w, s0sr);
    f2(121, s0.t, s0sr);
    f2(122, s0.w, s0sl);
    f2(123, s0.t, s0sl);
    f2(124, b0.w, b0sl);
    f2(125, b0.t, b0sl);
    let c6 = |i: u32| cluster(tokens, i, 6);
    let (s0c6, b0c6) = (c6(s0i), c6(b0i));
    let s1i = state.s1();
    let depth = state.stack.len().min(4) as u64;
    let mut f3 = |t: u64, a: u64, b: u64, c: u64| out.push(feat3(t, a, b, c));
    f3(209, s0h.t, s0.t, b0.t);
    f3(210, s0.t, s0l.t, b0.t);
    f3(211, s0.t, s0r.t, b0.t);
    f3(212, s0.t, b0.t, b0l.t);
    f3(213, s1.t, s0.t, b0.t);
    f3(214, s0.t, s0l.t, s0l2.t);
    f3(215, s0.t, s0r.t, s0r2.t);
    f3(216, s0.t, s0h.t, s0h2.t);
    f3(217, b0.t, b0l.t, b0l2.t);
    f3(218, s0.t, s0.l, b0.t);
    f3(225, s0h.t, s0c6, b0c6);
    f3(226, s1.t, b0.t, 4);
    f3(227, s1.w, b0.t, 5);
    f3(228, s1.t, s0.t, b0.w);
    f3(230, s1.u, s0.u, b0.u);
    f3(231, depth, b0.t, 6);
    f3(232, s1.t, s0.t, distance(s1i, s0i));
    f3(405, c6(s1i), s0c6, b0c6);
    f3(406, c6(s0h_i), s0.w, b0c6);
    f3(407, s0h.w, b0.t, 0);
    f3(408, s0h.t, b0.w, 0);
    f3(416, s0r.w, b0.t, 0);
    f3(417, s0.t, s0r.t, b0.w);
    // Third-order features: the third stack word, the words of the second-outermost
    // children and of `s0`'s grandparent.
    let s2i = if state.stack.len() >= 3 {
        state.stack[state.stack.len() - 3]
    } else {
        NONE
    };
    let s2 = pos(tokens, state, s2i);
    f3(501, s2.t, s1.t, s0.t);
    f3(502, s2.t, s0.t, b0.t);
    f3(509, s0h2.w, b0.t, 0);
    f3(510, s0l2.w, s0.t, 0);
    f3(511, s0r2.w, s0.t, 0);
    f3(512, b0l2.w, b0.t, 0);
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
    let dp = pos(tokens, state, previous(dep));
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
    let c6 = |i: u32| cluster(tokens, i, 6);
    f2(feat2(0, h.t, d.t), c6(dep));
    f2(c6(head), c6(dep));
    let hl = pos(tokens, state, state.left[head as usize][0]);
    let hn = pos(
        tokens,
        state,
        if head + 1 < state.n { head + 1 } else { NONE },
    );
    let hp = pos(tokens, state, previous(head));
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
