//! Fast, deterministic hashing for feature keys and lexicon lookups.
//!
//! Feature strings are never built: each token's parts (word, lowercase form, shape,
//! affixes…) are hashed once, and features combine those hashes with a template id.

use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// An FxHash-style hasher: fast and identical across runs and platforms.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    state: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.state = (self.state.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(buf));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u64(&mut self, value: u64) {
        self.add(value);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.state
    }
}

/// A `HashMap` builder using [`FxHasher`] (deterministic iteration for a given insert order).
pub type FxBuild = BuildHasherDefault<FxHasher>;

/// A final avalanche so that the low bits of a hash are well mixed (MurmurHash3 fmix64).
#[inline]
pub fn finalize(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// The hash of a string (stable across runs).
#[inline]
pub fn hash_str(text: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(text.as_bytes());
    hasher.add(text.len() as u64);
    finalize(hasher.finish())
}

/// Combines a template id with one part hash into a feature key.
#[inline]
pub fn mix1(template: u64, a: u64) -> u64 {
    let mut hasher = FxHasher {
        state: template.wrapping_mul(SEED),
    };
    hasher.add(a);
    finalize(hasher.state)
}

/// Combines a template id with two part hashes into a feature key.
#[inline]
pub fn mix2(template: u64, a: u64, b: u64) -> u64 {
    let mut hasher = FxHasher {
        state: template.wrapping_mul(SEED),
    };
    hasher.add(a);
    hasher.add(b);
    finalize(hasher.state)
}

/// Combines a template id with three part hashes into a feature key.
#[inline]
pub fn mix3(template: u64, a: u64, b: u64, c: u64) -> u64 {
    let mut hasher = FxHasher {
        state: template.wrapping_mul(SEED),
    };
    hasher.add(a);
    hasher.add(b);
    hasher.add(c);
    finalize(hasher.state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_distinct() {
        assert_eq!(hash_str("Venezuela"), hash_str("Venezuela"));
        assert_ne!(hash_str("Venezuela"), hash_str("venezuela"));
        assert_ne!(hash_str("ab"), hash_str("ab\0"));
        assert_ne!(mix1(1, 7), mix1(2, 7));
        assert_ne!(mix2(1, 7, 8), mix2(1, 8, 7));
    }
}
