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
}

impl WordAttrs {
    /// Computes the attributes of `word`.
    pub fn new(word: &str, clusters: &Clusters) -> Self {
        let lower = hash_lower(word);
        let mut prefix = [0u64; 4];
        let mut suffix = [0u64; 4];
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        let n = chars.len();
        for k in 1..=4 {
            if k <= n {
                let end = if k == n { word.len() } else { chars[k].0 };
                prefix[k - 1] = hash_lower(&word[..end]) ^ (k as u64);
                suffix[k - 1] = hash_lower(&word[chars[n - k].0..]) ^ ((k as u64) << 8);
            } else {
                prefix[k - 1] = lower ^ 0xff;
                suffix[k - 1] = lower ^ 0xff00;
            }
        }
        let mut shape = [0u8; 24];
        let mut len = 0;
        let mut run = 0;
        let mut last = 0u8;
        let (mut upper, mut lowers, mut digit, mut hyphen, mut alnum) = (0, 0, false, false, false);
        for (_, c) in &chars {
            let s = if c.is_uppercase() {
                upper += 1;
                b'X'
            } else if c.is_lowercase() {
                lowers += 1;
                b'x'
            } else if c.is_ascii_digit() {
                digit = true;
                b'd'
            } else if *c == '-' {
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
        let first_upper = chars.first().is_some_and(|(_, c)| c.is_uppercase());
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
        }
    }
}

/// Brown clusters: word hash → bit path (as spaCy stores them: the path's first bit is the
/// lowest bit), pruned to the words a model needs.
#[derive(Debug, Clone, Default)]
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
