//! A cache hint for the model crates, whose weight tables are read at random.

/// Asks the processor to bring the cache line holding `at` into its caches, without waiting
/// for it and without changing anything: the loads of many table rows then overlap instead
/// of each paying a full memory latency in turn. A no-op where the target has no such hint.
#[inline(always)]
pub fn prefetch<T>(at: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: `_mm_prefetch` neither reads nor writes memory as far as the program can
    // observe (it cannot fault) and `at` is a valid reference; it is `unsafe` only because
    // it is a `target_feature(sse)` intrinsic, and SSE is part of every x86_64 target.
    #[allow(unsafe_code)]
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(std::ptr::from_ref(at).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = at;
}

#[cfg(test)]
mod tests {
    #[test]
    fn prefetching_leaves_the_value_unchanged() {
        let table = [7u8; 256];
        for row in table.chunks(64) {
            super::prefetch(&row[0]);
        }
        assert!(table.iter().all(|&v| v == 7));
    }
}
