//! The lemmatiser, learned from a treebank: a lookup of `(form, XPOS) → lemma` for seen
//! words, and for unseen ones the most frequent suffix rewrite for the word's XPOS and its
//! longest known ending.
use std::collections::HashMap;

use crate::codec::{Reader, Writer};
use crate::conllu::TreebankSentence;
use crate::hash::{feat2, feat3, hash_str, U64Map};

const MAX_SUFFIX: usize = 6;

/// A suffix rewrite: optionally lowercase, strip `strip` characters, append `append`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Rule {
    lowercase: bool,
    strip: u32,
    append: String,
}

impl Rule {
    fn apply(&self, form: &str) -> String {
        let base = if self.lowercase {
            form.to_lowercase()
        } else {
            form.to_string()
        };
        let n = base.chars().count();
        let keep = n.saturating_sub(self.strip as usize);
        let mut out: String = base.chars().take(keep).collect();
        out.push_str(&self.append);
        if out.is_empty() {
            base
        } else {
            out
        }
    }

    /// The rule turning `base` into `lemma`.
    fn between(base: &str, lemma: &str, lowercase: bool) -> Rule {
        let common = base
            .chars()
            .zip(lemma.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let strip = (base.chars().count() - common) as u32;
        let append: String = lemma.chars().skip(common).collect();
        Rule {
            lowercase,
            strip,
            append,
        }
    }
}

/// Learned lemma lookup plus suffix rules.
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    lookup: U64Map<Box<str>>,
    rules: U64Map<Rule>,
}

fn lookup_key(xpos: &str, form: &str) -> u64 {
    feat2(900, hash_str(xpos), hash_str(form))
}

fn rule_key(xpos: &str, suffix_len: usize, lower_suffix: &str) -> u64 {
    feat3(
        901,
        hash_str(xpos),
        suffix_len as u64,
        hash_str(lower_suffix),
    )
}

/// The last `k` characters of `s`, if it has that many.
fn suffix(s: &str, k: usize) -> Option<&str> {
    if k == 0 {
        return Some("");
    }
    s.char_indices().rev().nth(k - 1).map(|(i, _)| &s[i..])
}

impl Lemmatizer {
    /// The lemma of `form` tagged `xpos`.
    pub fn lemma(&self, form: &str, xpos: &str) -> String {
        // A past form of a verb ending in "ee" takes only a "d" ("freed", "decreed"), whatever
        // a treebank's odd lemma says (EWT has "freed" → "fre"); a suffix rule learned from
        // "-ed" would leave "fre" too.
        if matches!(xpos, "VBD" | "VBN") && form.len() > 4 && form.ends_with("eed") {
            return form[..form.len() - 1].to_lowercase();
        }
        if let Some(l) = self.lookup.get(&lookup_key(xpos, form)) {
            return l.to_string();
        }
        let lower: std::borrow::Cow<'_, str> = if form
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            std::borrow::Cow::Borrowed(form)
        } else {
            std::borrow::Cow::Owned(form.to_lowercase())
        };
        if lower != form {
            if let Some(l) = self.lookup.get(&lookup_key(xpos, &lower)) {
                return l.to_string();
            }
        }
        // A past tense the treebank only had as a participle, or the reverse ("shot" VBD from
        // "shot" VBN): the other past form's lemma beats a suffix rule ("got" → "get" would
        // make it "shet").
        let sibling = match xpos {
            "VBD" => Some("VBN"),
            "VBN" => Some("VBD"),
            _ => None,
        };
        if let Some(other) = sibling {
            if let Some(l) = self.lookup.get(&lookup_key(other, &lower)) {
                return l.to_string();
            }
        }
        for k in (0..=MAX_SUFFIX.min(lower.chars().count().saturating_sub(1))).rev() {
            let Some(s) = suffix(&lower, k) else { continue };
            if let Some(rule) = self.rules.get(&rule_key(xpos, k, s)) {
                return rule.apply(form);
            }
        }
        form.to_string()
    }

    /// Learns the lookup and rules from treebank sentences.
    pub fn learn(sentences: &[TreebankSentence]) -> Self {
        let mut lookup_counts: HashMap<(String, String), HashMap<String, u32>> = HashMap::new();
        let mut rule_counts: HashMap<(String, usize, String), HashMap<Rule, u32>> = HashMap::new();
        for s in sentences {
            for ((form, xpos), lemma) in s.words.iter().zip(&s.xpos).zip(&s.lemmas) {
                if lemma == "_" {
                    continue;
                }
                *lookup_counts
                    .entry((xpos.clone(), form.clone()))
                    .or_default()
                    .entry(lemma.clone())
                    .or_default() += 1;
                let lower = form.to_lowercase();
                let keep = Rule::between(form, lemma, false);
                let low = Rule::between(&lower, lemma, true);
                let mut rules = vec![keep.clone()];
                if low.strip <= keep.strip && low != keep {
                    rules.push(low);
                }
                let n = lower.chars().count();
                for k in 0..=MAX_SUFFIX.min(n.saturating_sub(1)) {
                    let Some(suf) = suffix(&lower, k) else {
                        continue;
                    };
                    let entry = rule_counts
                        .entry((xpos.clone(), k, suf.to_string()))
                        .or_default();
                    for r in &rules {
                        // A rule may not strip more than the suffix it is keyed on.
                        if r.strip as usize <= k {
                            *entry.entry(r.clone()).or_default() += 1;
                        }
                    }
                }
            }
        }
        let best = |m: &HashMap<String, u32>| {
            let mut v: Vec<(&String, &u32)> = m.iter().collect();
            v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            v[0].0.clone()
        };
        let lookup = lookup_counts
            .iter()
            .map(|((xpos, form), m)| (lookup_key(xpos, form), best(m).into_boxed_str()))
            .collect();
        let mut rules = U64Map::default();
        for ((xpos, k, suf), m) in &rule_counts {
            let total: u32 = m.values().sum();
            if *k > 0 && total < 3 {
                continue;
            }
            let mut v: Vec<(&Rule, &u32)> = m.iter().collect();
            v.sort_by(|a, b| {
                b.1.cmp(a.1)
                    .then(b.0.lowercase.cmp(&a.0.lowercase))
                    .then(a.0.strip.cmp(&b.0.strip))
                    .then(a.0.append.cmp(&b.0.append))
            });
            if let Some((r, _)) = v.first() {
                rules.insert(rule_key(xpos, *k, suf), (*r).clone());
            }
        }
        Lemmatizer { lookup, rules }
    }

    /// Serialises the lemmatiser, sorted for reproducible files.
    pub fn write(&self, w: &mut Writer) {
        let mut lookup: Vec<(&u64, &Box<str>)> = self.lookup.iter().collect();
        lookup.sort_unstable_by_key(|p| *p.0);
        w.u64s(&lookup.iter().map(|p| *p.0).collect::<Vec<_>>());
        w.strs(&lookup.iter().map(|p| &**p.1).collect::<Vec<_>>());
        let mut rules: Vec<(&u64, &Rule)> = self.rules.iter().collect();
        rules.sort_unstable_by_key(|p| *p.0);
        w.u64s(&rules.iter().map(|p| *p.0).collect::<Vec<_>>());
        w.u32s(
            &rules
                .iter()
                .map(|p| p.1.strip | (u32::from(p.1.lowercase) << 31))
                .collect::<Vec<_>>(),
        );
        w.strs(
            &rules
                .iter()
                .map(|p| p.1.append.as_str())
                .collect::<Vec<_>>(),
        );
    }

    /// Reads a lemmatiser written by [`Lemmatizer::write`].
    pub fn read(r: &mut Reader<'_>) -> Result<Self, String> {
        let keys = r.u64s()?;
        let lemmas = r.strs()?;
        let rule_keys = r.u64s()?;
        let codes = r.u32s()?;
        let appends = r.strs()?;
        if keys.len() != lemmas.len()
            || rule_keys.len() != codes.len()
            || codes.len() != appends.len()
        {
            return Err("lemmatiser tables differ in length".into());
        }
        let lookup = keys
            .into_iter()
            .zip(lemmas)
            .map(|(k, l)| (k, l.into_boxed_str()))
            .collect();
        let rules = rule_keys
            .into_iter()
            .zip(codes.into_iter().zip(appends))
            .map(|(k, (c, append))| {
                (
                    k,
                    Rule {
                        lowercase: c >> 31 == 1,
                        strip: c & 0x7fff_ffff,
                        append,
                    },
                )
            })
            .collect();
        Ok(Lemmatizer { lookup, rules })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(words: &[(&str, &str, &str)]) -> TreebankSentence {
        TreebankSentence {
            words: words.iter().map(|w| w.0.to_string()).collect(),
            xpos: words.iter().map(|w| w.1.to_string()).collect(),
            lemmas: words.iter().map(|w| w.2.to_string()).collect(),
            ..TreebankSentence::default()
        }
    }

    #[test]
    fn learns_lookup_and_suffix_rules() {
        let s = sentence(&[
            ("dogs", "NNS", "dog"),
            ("cats", "NNS", "cat"),
            ("hats", "NNS", "hat"),
            ("bats", "NNS", "bat"),
            ("Rats", "NNS", "rat"),
            ("went", "VBD", "go"),
        ]);
        let l = Lemmatizer::learn(&[s]);
        assert_eq!(l.lemma("went", "VBD"), "go");
        assert_eq!(l.lemma("mats", "NNS"), "mat");
        assert_eq!(l.lemma("Gnats", "NNS"), "gnat");
        assert_eq!(l.lemma("unknown", "XX"), "unknown");
    }

    #[test]
    fn a_past_tense_seen_only_as_a_participle_keeps_the_participles_lemma() {
        let s = sentence(&[
            ("got", "VBD", "get"),
            ("got", "VBD", "get"),
            ("forgot", "VBD", "forget"),
            ("shot", "VBN", "shoot"),
        ]);
        let l = Lemmatizer::learn(&[s]);
        assert_eq!(l.lemma("shot", "VBD"), "shoot");
        assert_eq!(l.lemma("Shot", "VBD"), "shoot");
        assert_eq!(l.lemma("begot", "VBD"), "beget");
    }

    #[test]
    fn a_past_form_in_eed_loses_only_its_d() {
        // Even where the treebank lemmatised it wrongly.
        let s = sentence(&[
            ("wanted", "VBD", "want"),
            ("ended", "VBN", "end"),
            ("freed", "VBN", "fre"),
        ]);
        let l = Lemmatizer::learn(&[s]);
        assert_eq!(l.lemma("freed", "VBD"), "free");
        assert_eq!(l.lemma("freed", "VBN"), "free");
        assert_eq!(l.lemma("Decreed", "VBN"), "decree");
        assert_eq!(l.lemma("indeed", "RB"), "indeed");
    }
}
