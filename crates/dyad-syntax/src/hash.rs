//! Allocation-free hashing of strings and feature templates into `u64`s.

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
const MUL: u64 = 0x9e37_79b9_7f4a_7c15;

/// Hashes bytes (FxHash-style word loop, then a final mix).
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = SEED;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(MUL);
    }
    let mut tail = 0u64;
    for (i, b) in chunks.remainder().iter().enumerate() {
        tail |= u64::from(*b) << (8 * i);
    }
    h = (h.rotate_left(5) ^ tail ^ (bytes.len() as u64)).wrapping_mul(MUL);
    finish(h)
}

/// Hashes a string.
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// Final avalanche so that the high bits depend on every input bit.
#[inline]
pub fn finish(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x
}

/// Folds one more value into a running feature hash (a multiply per value; the row index
/// is taken from the top bits, which depend on every bit below them).
#[inline]
fn step(h: u64, v: u64) -> u64 {
    (h ^ v).wrapping_mul(MUL)
}

/// Ends a feature hash: one xor-shift and multiply so that the top bits also depend on the
/// top bits of the last value.
#[inline]
fn end(h: u64) -> u64 {
    (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9)
}

#[inline]
fn start(template: u64) -> u64 {
    template.wrapping_mul(0x1000_0000_01b3) ^ SEED
}

/// A feature hash from a template id and one value.
#[inline]
pub fn feat1(template: u64, a: u64) -> u64 {
    end(step(start(template), a))
}

/// A feature hash from a template id and two values.
#[inline]
pub fn feat2(template: u64, a: u64, b: u64) -> u64 {
    end(step(step(start(template), a), b))
}

/// A feature hash from a template id and three values.
#[inline]
pub fn feat3(template: u64, a: u64, b: u64, c: u64) -> u64 {
    end(step(step(step(start(template), a), b), c))
}

/// The hash of `s` lowercased, without allocating.
pub fn hash_lower(s: &str) -> u64 {
    if !s.chars().any(char::is_uppercase) {
        return hash_str(s);
    }
    let mut buf = [0u8; 64];
    let mut len = 0;
    let mut long = Vec::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let mut tmp = [0u8; 4];
        let enc = c.encode_utf8(&mut tmp).as_bytes();
        if long.is_empty() && len + enc.len() <= buf.len() {
            buf[len..len + enc.len()].copy_from_slice(enc);
            len += enc.len();
        } else {
            if long.is_empty() {
                long.extend_from_slice(&buf[..len]);
            }
            long.extend_from_slice(enc);
        }
    }
    if long.is_empty() {
        hash_bytes(&buf[..len])
    } else {
        hash_bytes(&long)
    }
}

/// A hasher for keys that are already well-mixed `u64` hashes: passes them through.
#[derive(Debug, Default, Clone, Copy)]
pub struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(MUL);
        }
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// A map keyed by `u64` hashes.
pub type U64Map<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<PassThrough>>;

/// A small deterministic random generator (xorshift64*), for reproducible training.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(finish(seed ^ SEED) | 1)
    }

    /// The next pseudo-random `u64`.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A float in `[0, 1)`.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Shuffles a slice in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_hash_matches_hash_of_lowercase() {
        for w in ["Hello", "ÉCOLE", "abc", "MiXeD-Case123", &"X".repeat(100)] {
            assert_eq!(hash_lower(w), hash_str(&w.to_lowercase()), "{w}");
        }
    }

    #[test]
    fn different_strings_differ() {
        assert_ne!(hash_str("a"), hash_str("b"));
        assert_ne!(hash_str(""), hash_str("\0"));
    }
}
