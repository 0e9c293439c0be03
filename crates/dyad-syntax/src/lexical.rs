//! Per-word hashed attributes shared by the tagger's feature templates, and the Brown
//! clusters embedded in the tagger model.
use std::io::Read;
use std::path::Path;

use crate::codec::{Reader, Writer};
use crate::error::{Error, Result};
use crate::hash::{hash_bytes, hash_lower, hash_str, U64Map};

/// Hash standing for "before the sentence start".
pub const START: u64 = 0x5354_4152_545f_5f5f;
/// Hash standing for "after the sentence end".
pub const END: u64 = 0x454e_445f_5f5f_5f5f;

/// Hashed attributes of one word.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordAttrs {
    /// The form as written.
    pub word: u64,
    /// The lowercased form.
    pub lower: u64,
    /// Lowercased prefixes of 1 to 4 characters.
    pub prefix: [u64; 4],
    /// Lowercased suffixes of 1 to 4 characters.
    pub suffix: [u64; 4],
    /// The word shape (`Xxxx`, `dd`…, runs capped at 4).
    pub shape: u64,
    /// Orthographic flags (initial capital, all capitals, digit, hyphen, punctuation only).
    pub flags: u64,
    /// The Brown cluster bit path (0 when unknown).
    pub cluster: u64,
    /// The set of Penn tags the word had in training (0 when rare or unseen).
    pub ambiguity: u64,
    /// The same for the lowercased form (all its spellings together).
    pub lower_ambiguity: u64,
}

/// Marks keys of lowercased forms in an ambiguity map.
pub const LOWER_KEY: u64 = 0x6c6f_7765_725f_6b65;

impl WordAttrs {
    /// Fills the ambiguity classes from `map` (keys: form hashes, and lowercased-form hashes
    /// xor [`LOWER_KEY`]).
    pub fn with_ambiguity(mut self, map: &U64Map<u64>) -> Self {
        self.ambiguity = map.get(&self.word).copied().unwrap_or(0);
        self.lower_ambiguity = map.get(&(self.lower ^ LOWER_KEY)).copied().unwrap_or(0);
        self
    }
}

impl WordAttrs {
    /// Computes the attributes of `word`.
    pub fn new(word: &str, clusters: &Clusters) -> Self {
        let (lower, prefix, suffix) = affixes_fast(word).unwrap_or_else(|| affixes_slow(word));
        let chars = word.chars();
        let mut shape = [0u8; 24];
        let mut len = 0;
        let mut run = 0;
        let mut last = 0u8;
        let (mut upper, mut lowers, mut digit, mut hyphen, mut alnum) = (0, 0, false, false, false);
        let mut first_upper = None;
        for c in chars {
            first_upper.get_or_insert(c.is_uppercase());
            let s = if c.is_uppercase() {
                upper += 1;
                b'X'
            } else if c.is_lowercase() {
                lowers += 1;
                b'x'
            } else if c.is_ascii_digit() {
                digit = true;
                b'd'
            } else if c == '-' {
                hyphen = true;
                b'-'
            } else if c.is_alphanumeric() {
                b'a'
            } else {
                b'.'
            };
            alnum |= c.is_alphanumeric();
            run = if s == last { run + 1 } else { 1 };
            last = s;
            if run <= 4 && len < shape.len() {
                shape[len] = s;
                len += 1;
            }
        }
        let first_upper = first_upper.unwrap_or(false);
        let flags = u64::from(first_upper)
            | u64::from(upper > 0 && lowers == 0) << 1
            | u64::from(digit) << 2
            | u64::from(hyphen) << 3
            | u64::from(!alnum) << 4;
        WordAttrs {
            word: hash_str(word),
            lower,
            prefix,
            suffix,
            shape: hash_bytes(&shape[..len]),
            flags,
            cluster: clusters.get(word),
            ambiguity: 0,
            lower_ambiguity: 0,
        }
    }
}

/// Hashes of the lowercased word and of its lowercased prefixes and suffixes of 1 to 4
/// characters (the whole word's hash, marked, where it is shorter).
type Affixes = (u64, [u64; 4], [u64; 4]);

fn pad_affixes(lower: u64, n: usize, prefix: &mut [u64; 4], suffix: &mut [u64; 4]) {
    for k in n + 1..=4 {
        prefix[k - 1] = lower ^ 0xff;
        suffix[k - 1] = lower ^ 0xff00;
    }
}

/// [`Affixes`] computed from one lowercased copy in a stack buffer; `None` for long words.
fn affixes_fast(word: &str) -> Option<Affixes> {
    if word.len() > 64 {
        return None;
    }
    let mut low = [0u8; 128];
    // Where each character's lowercase starts in `low`, then the end.
    let mut starts = [0u8; 66];
    let (mut len, mut n) = (0usize, 0usize);
    for c in word.chars() {
        starts[n] = len as u8;
        n += 1;
        for l in c.to_lowercase() {
            let mut tmp = [0u8; 4];
            let enc = l.encode_utf8(&mut tmp).as_bytes();
            low.get_mut(len..len + enc.len())?.copy_from_slice(enc);
            len += enc.len();
        }
    }
    starts[n] = len as u8;
    let lower = hash_bytes(&low[..len]);
    let (mut prefix, mut suffix) = ([0u64; 4], [0u64; 4]);
    for k in 1..=n.min(4) {
        prefix[k - 1] = hash_bytes(&low[..usize::from(starts[k])]) ^ (k as u64);
        suffix[k - 1] = hash_bytes(&low[usize::from(starts[n - k])..len]) ^ ((k as u64) << 8);
    }
    pad_affixes(lower, n, &mut prefix, &mut suffix);
    Some((lower, prefix, suffix))
}

/// [`Affixes`] of any word, lowercasing each affix separately.
fn affixes_slow(word: &str) -> Affixes {
    let lower = hash_lower(word);
    let (mut prefix, mut suffix) = ([0u64; 4], [0u64; 4]);
    let chars: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
    let n = chars.len();
    for k in 1..=n.min(4) {
        let end = if k == n { word.len() } else { chars[k] };
        prefix[k - 1] = hash_lower(&word[..end]) ^ (k as u64);
        suffix[k - 1] = hash_lower(&word[chars[n - k]..]) ^ ((k as u64) << 8);
    }
    pad_affixes(lower, n, &mut prefix, &mut suffix);
    (lower, prefix, suffix)
}

/// Brown clusters: word hash → bit path (as spaCy stores them: the path's first bit is the
/// lowest bit), pruned to the words a model needs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Clusters {
    map: U64Map<u32>,
}

impl Clusters {
    /// The cluster of `word` (exact form first, then lowercased), 0 when unknown.
    pub fn get(&self, word: &str) -> u64 {
        if self.map.is_empty() {
            return 0;
        }
        let found = self
            .map
            .get(&hash_str(word))
            .or_else(|| self.map.get(&hash_lower(word)));
        found.map_or(0, |c| u64::from(*c) + 1)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Loads the gzipped JSON map word → cluster (listed most frequent word first), keeping
    /// the `top` first words and the words `keep` accepts.
    pub fn load_json_gz(path: &Path, top: usize, keep: impl Fn(&str) -> bool) -> Result<Self> {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let mut text = String::new();
        flate2::read::GzDecoder::new(file)
            .read_to_string(&mut text)
            .map_err(|e| Error::io(path, e))?;
        let raw: OrderedMap = serde_json::from_str(&text).map_err(|e| Error::Lexicon {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
        let map = raw
            .0
            .into_iter()
            .enumerate()
            .filter(|(rank, (w, c))| *c != 0 && (*rank < top || keep(w)))
            .map(|(_, (w, c))| (hash_str(&w), c))
            .collect();
        Ok(Clusters { map })
    }

    /// Serialises the clusters, sorted for reproducible files.
    pub fn write(&self, w: &mut Writer) {
        let mut pairs: Vec<(u64, u32)> = self.map.iter().map(|(k, v)| (*k, *v)).collect();
        pairs.sort_unstable();
        w.u64s(&pairs.iter().map(|p| p.0).collect::<Vec<_>>());
        w.u32s(&pairs.iter().map(|p| p.1).collect::<Vec<_>>());
    }

    /// Reads clusters written by [`Clusters::write`].
    pub fn read(r: &mut Reader<'_>) -> std::result::Result<Self, String> {
        let keys = r.u64s()?;
        let values = r.u32s()?;
        if keys.len() != values.len() {
            return Err("cluster keys and values differ in number".into());
        }
        Ok(Clusters {
            map: keys.into_iter().zip(values).collect(),
        })
    }
}

/// The first `bits` bits of a cluster path (plus a length marker so prefixes of different
/// lengths never collide).
#[inline]
pub fn cluster_prefix(cluster: u64, bits: u32) -> u64 {
    if cluster == 0 {
        return 0;
    }
    let c = cluster - 1;
    (c & ((1u64 << bits) - 1)) | (u64::from(bits) << 40)
}

/// A JSON object read as a list of entries in file order.
struct OrderedMap(Vec<(String, u32)>);

impl<'de> serde::Deserialize<'de> for OrderedMap {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = OrderedMap;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map from words to cluster numbers")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<OrderedMap, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, u32>()? {
                    out.push((k, v));
                }
                Ok(OrderedMap(out))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_affixes_match_slow_ones() {
        for w in [
            "",
            "a",
            "Ab",
            "Hello",
            "ÉCOLE",
            "İstanbul",
            "MiXeD-Case123",
            "日本語です",
        ] {
            assert_eq!(affixes_fast(w), Some(affixes_slow(w)), "{w}");
        }
        let long = "X".repeat(100);
        assert_eq!(affixes_fast(&long), None);
    }
}
