//! Feature templates of the tagger: the XPOS model (words, affixes, shape, clusters in a ±2
//! window and the two previous tags), the optional second XPOS pass (the same plus the first
//! pass's tags of the word and the two after it) and the UPOS model (the XPOS tags around a
//! word plus its form).
use crate::hash::{feat1, feat2, feat3};
use crate::lexical::{cluster_prefix, WordAttrs, END, START};

/// The attributes at `i`, or sentence-boundary padding.
#[inline]
fn at(words: &[WordAttrs], i: isize) -> WordAttrs {
    if i < 0 {
        pad(START)
    } else if i as usize >= words.len() {
        pad(END)
    } else {
        words[i as usize]
    }
}

fn pad(h: u64) -> WordAttrs {
    WordAttrs {
        word: h,
        lower: h,
        prefix: [h; 4],
        suffix: [h; 4],
        shape: h,
        flags: h,
        cluster: h,
        ambiguity: h,
        lower_ambiguity: h,
    }
}

/// Fills `out` with the XPOS features of word `i`; `prev1`, `prev2` are the previous tags
/// (class index + 1; 0 at the sentence start).
pub fn xpos_features(words: &[WordAttrs], i: usize, prev1: u64, prev2: u64, out: &mut Vec<u64>) {
    out.clear();
    let i = i as isize;
    let w = at(words, i);
    let p1 = at(words, i - 1);
    let p2 = at(words, i - 2);
    let n1 = at(words, i + 1);
    let n2 = at(words, i + 2);
    out.push(feat1(0, 0));
    out.push(feat1(1, w.word));
    out.push(feat1(2, w.lower));
    for k in 0..4 {
        out.push(feat1(3 + k as u64, w.suffix[k]));
        out.push(feat1(7 + k as u64, w.prefix[k]));
    }
    out.push(feat1(11, w.shape));
    out.push(feat1(12, w.flags));
    for (t, bits) in [(13, 4), (14, 6), (15, 10), (16, 40)] {
        out.push(feat1(t, cluster_prefix(w.cluster, bits)));
    }
    out.push(feat1(17, p1.lower));
    out.push(feat1(18, p2.lower));
    out.push(feat1(19, n1.lower));
    out.push(feat1(20, n2.lower));
    out.push(feat1(21, prev1));
    out.push(feat2(22, prev1, prev2));
    out.push(feat2(23, prev1, w.lower));
    out.push(feat1(24, p1.suffix[2]));
    out.push(feat1(25, n1.suffix[2]));
    out.push(feat1(26, cluster_prefix(p1.cluster, 6)));
    out.push(feat1(27, cluster_prefix(n1.cluster, 6)));
    out.push(feat1(28, cluster_prefix(n1.cluster, 40)));
    out.push(feat1(29, n1.shape));
    out.push(feat1(30, p1.shape));
    out.push(feat2(31, prev1, n1.lower));
    out.push(feat2(32, w.lower, n1.lower));
    out.push(feat2(33, p1.lower, w.lower));
    out.push(feat1(34, cluster_prefix(n2.cluster, 6)));
    out.push(feat2(35, prev1, w.suffix[2]));
    out.push(feat1(36, n1.suffix[0]));
    out.push(feat1(37, n1.flags));
    out.push(feat1(38, w.ambiguity));
    out.push(feat2(39, w.ambiguity, n1.ambiguity));
    out.push(feat2(40, prev1, w.ambiguity));
    out.push(feat1(41, n1.ambiguity));
    out.push(feat1(42, n2.ambiguity));
    out.push(feat2(43, w.ambiguity, w.suffix[2]));
    let first = u64::from(i == 0);
    out.push(feat3(44, w.lower_ambiguity, w.flags, first));
    out.push(feat2(45, w.shape, first));
    out.push(feat3(46, w.lower_ambiguity, prev1, n1.flags));
    out.push(feat2(47, w.ambiguity, p1.ambiguity));
}

/// Fills `out` with the features of the second XPOS pass: those of [`xpos_features`] plus
/// the first pass's tags (class index + 1; 0 past the end) of words `i`, `i + 1`, `i + 2`.
pub fn xpos2_features(
    words: &[WordAttrs],
    i: usize,
    prev: (u64, u64),
    first: &[u64],
    out: &mut Vec<u64>,
) {
    xpos_features(words, i, prev.0, prev.1, out);
    let w = at(words, i as isize);
    let f = |j: usize| first.get(j).copied().unwrap_or(0);
    let (t, n1, n2) = (f(i), f(i + 1), f(i + 2));
    out.push(feat1(48, t));
    out.push(feat2(49, t, w.ambiguity));
    out.push(feat1(50, n1));
    out.push(feat2(51, n1, n2));
    out.push(feat2(52, prev.0, n1));
    out.push(feat2(53, n1, w.lower));
    out.push(feat2(54, n1, w.suffix[2]));
    out.push(feat2(55, n1, w.ambiguity));
    out.push(feat3(56, prev.0, t, n1));
}

/// Fills `out` with the UPOS features of word `i` given the XPOS classes (index + 1).
pub fn upos_features(words: &[WordAttrs], xpos: &[u64], i: usize, out: &mut Vec<u64>) {
    out.clear();
    let x = |j: isize| -> u64 {
        if j < 0 {
            START
        } else {
            xpos.get(j as usize).copied().unwrap_or(END)
        }
    };
    let ii = i as isize;
    let w = at(words, ii);
    let p1 = at(words, ii - 1);
    let n1 = at(words, ii + 1);
    let (t, tp, tn) = (x(ii), x(ii - 1), x(ii + 1));
    out.push(feat1(100, t));
    out.push(feat2(101, t, w.lower));
    out.push(feat2(102, t, tp));
    out.push(feat2(103, t, tn));
    out.push(feat3(104, t, tp, tn));
    out.push(feat2(105, t, n1.lower));
    out.push(feat2(106, t, p1.lower));
    out.push(feat2(107, t, w.suffix[2]));
    out.push(feat2(108, t, w.flags));
    out.push(feat3(109, t, tn, x(ii + 2)));
    out.push(feat2(110, t, cluster_prefix(w.cluster, 10)));
    out.push(feat1(111, w.lower));
    out.push(feat2(112, t, w.ambiguity));
    out.push(feat2(113, t, n1.ambiguity));
    out.push(feat2(114, t, w.word));
    out.push(feat3(115, t, w.lower, tn));
    out.push(feat3(116, t, w.lower_ambiguity, u64::from(i == 0)));
    out.push(feat1(117, w.suffix[0]));
    out.push(feat1(118, w.suffix[2]));
    out.push(feat1(119, w.suffix[3]));
    out.push(feat1(120, w.prefix[0]));
    out.push(feat1(121, w.shape));
    out.push(feat1(122, cluster_prefix(w.cluster, 6)));
    out.push(feat1(123, cluster_prefix(w.cluster, 40)));
    out.push(feat1(124, w.lower_ambiguity));
    out.push(feat1(125, w.ambiguity));
    out.push(feat2(126, w.flags, u64::from(i == 0)));
    out.push(feat1(127, p1.lower));
    out.push(feat1(128, n1.lower));
    out.push(feat2(129, tp, w.lower));
    out.push(feat2(130, w.lower, tn));
    out.push(feat1(131, n1.shape));
    out.push(feat1(132, cluster_prefix(n1.cluster, 6)));
}
