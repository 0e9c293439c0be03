//! FNV-1a, a fast hash for the short word keys of the lexicons (no attacker chooses them
//! in a way that matters here: a slow lookup would only slow one article).

use std::hash::{BuildHasherDefault, Hasher};

/// The FNV-1a hasher (64 bits).
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A `HashMap` keyed by words, hashed with FNV-1a.
pub(crate) type WordMap<V> = std::collections::HashMap<String, V, BuildHasherDefault<Fnv>>;

/// Lower case (typographic apostrophes as `'`), borrowed when already so.
pub(crate) fn lower(text: &str) -> std::borrow::Cow<'_, str> {
    if text
        .chars()
        .any(|c| c.is_uppercase() || c == '\u{2019}' || c == '\u{2018}')
    {
        std::borrow::Cow::Owned(text.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}
