//! The averaged perceptron (Collins 2002) over hashed features.
//!
//! Each feature is a `u64` hash; its top `bits` bits pick a row of `classes` weights in a
//! dense table. Training keeps `f32` weights plus the running sums needed for averaging
//! (Daumé's trick: `avg = w - u / c`); the finished model stores the averaged weights
//! quantised to `i8` with one scale factor, so scoring is integer adds over contiguous rows
//! (one cache line per feature for up to 64 classes).
use crate::codec::{Reader, Writer};

/// A trained, averaged and quantised weight table.
///
/// In memory each row is padded to a power-of-two stride and the table starts on a cache-line
/// boundary, so a row of up to 64 classes is one cache line; files store unpadded rows.
#[derive(Debug)]
pub struct Weights {
    bits: u32,
    classes: usize,
    stride: usize,
    /// Index of row 0 in `data` (the first cache-line-aligned element).
    base: usize,
    scale: f32,
    data: Vec<i8>,
}

/// A zeroed buffer of `len` weights with room to start on a cache line; returns it and the
/// index of its first aligned element.
fn aligned(len: usize) -> (Vec<i8>, usize) {
    let data = vec![0i8; len + LINE];
    let misalign = data.as_ptr() as usize % LINE;
    (data, (LINE - misalign) % LINE)
}

impl Clone for Weights {
    /// Copies the table into a fresh, again cache-line-aligned, allocation.
    fn clone(&self) -> Self {
        let len = self.stride << self.bits;
        let (mut data, base) = aligned(len);
        data[base..base + len].copy_from_slice(&self.data[self.base..self.base + len]);
        Weights {
            data,
            base,
            ..*self
        }
    }
}

/// The largest quantised weight.
const MAX_WEIGHT: i8 = 127;

/// Weights per cache line.
const LINE: usize = 64;

/// Features summed in `i16` before spilling into `i32` (`256 * 127` fits in an `i16`).
const CHUNK: usize = 256;

impl Weights {
    /// A table from unpadded rows.
    fn from_rows(bits: u32, classes: usize, scale: f32, rows: &[i8]) -> Self {
        let stride = classes.next_power_of_two();
        let (mut data, base) = aligned(stride << bits);
        for (r, row) in rows.chunks_exact(classes).enumerate() {
            let at = base + r * stride;
            data[at..at + classes].copy_from_slice(row);
        }
        Weights {
            bits,
            classes,
            stride,
            base,
            scale,
            data,
        }
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    #[inline]
    fn row(&self, feature: u64) -> usize {
        self.base + (feature >> (64 - self.bits)) as usize * self.stride
    }

    /// Asks for every row of `features` without waiting for any: the processor fetches them
    /// side by side, so summing them later mostly hits the cache. Random rows of these
    /// tables are cache misses; one at a time each costs a full memory latency.
    #[inline]
    pub fn prefetch(&self, features: &[u64]) {
        for &f in features {
            let r = self.row(f);
            let mut k = 0;
            while k < self.stride {
                dyad_types::prefetch(&self.data[r + k]);
                k += LINE;
            }
        }
    }

    /// [`Weights::sum`] compiled for AVX2 where the processor has it: widening 32 weights
    /// at a time instead of 8 makes summing a row two to four times cheaper, and these sums
    /// are a tenth of the whole analysis.
    #[inline(always)]
    fn sums<const N: usize>(&self, features: &[u64]) -> [i16; N] {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: `sum_avx2` only needs AVX2, which the processor was just found to have.
            #[allow(unsafe_code)]
            return unsafe { self.sum_avx2::<N>(features) };
        }
        self.sum::<N>(features)
    }

    /// [`Weights::sum`] with AVX2 enabled (it is inlined here and vectorised for it).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn sum_avx2<const N: usize>(&self, features: &[u64]) -> [i16; N] {
        self.sum::<N>(features)
    }

    /// The `i16` sums of the rows of at most [`CHUNK`] `features` (`N` = stride).
    #[inline(always)]
    fn sum<const N: usize>(&self, features: &[u64]) -> [i16; N] {
        let mut acc = [0i16; N];
        for &f in features {
            let r = self.row(f);
            if let Ok(row) = <&[i8; N]>::try_from(&self.data[r..r + N]) {
                for (a, w) in acc.iter_mut().zip(row) {
                    *a = a.wrapping_add(i16::from(*w));
                }
            }
        }
        acc
    }

    /// Adds the weights of `features` into `acc` (at most `classes` long).
    #[inline]
    pub fn add(&self, features: &[u64], acc: &mut [i32]) {
        self.prefetch(features);
        self.add_prefetched(features, acc);
    }

    /// [`Weights::add`] for `features` already [prefetched](Weights::prefetch).
    #[inline]
    pub fn add_prefetched(&self, features: &[u64], acc: &mut [i32]) {
        let n = acc.len().min(self.classes);
        for chunk in features.chunks(CHUNK) {
            let mut put = |sums: &[i16]| {
                for (a, s) in acc[..n].iter_mut().zip(sums) {
                    *a += i32::from(*s);
                }
            };
            match self.stride {
                4 => put(&self.sums::<4>(chunk)),
                8 => put(&self.sums::<8>(chunk)),
                16 => put(&self.sums::<16>(chunk)),
                32 => put(&self.sums::<32>(chunk)),
                64 => put(&self.sums::<64>(chunk)),
                _ => {
                    for &f in chunk {
                        let r = self.row(f);
                        for (a, w) in acc[..n].iter_mut().zip(&self.data[r..r + n]) {
                            *a += i32::from(*w);
                        }
                    }
                }
            }
        }
    }

    /// The scores of the classes given `features` (`scores` has one slot per class).
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [i32]) {
        scores.fill(0);
        self.add(features, scores);
    }

    /// [`Weights::score`] for `features` already [prefetched](Weights::prefetch).
    #[inline]
    pub fn score_prefetched(&self, features: &[u64], scores: &mut [i32]) {
        scores.fill(0);
        self.add_prefetched(features, scores);
    }

    /// Serialises the table.
    pub fn write(&self, w: &mut Writer) {
        w.u32(self.bits);
        w.u64(self.classes as u64);
        w.f32(self.scale);
        let mut rows = Vec::with_capacity(self.classes << self.bits);
        for r in 0..1usize << self.bits {
            let at = self.base + r * self.stride;
            rows.extend_from_slice(&self.data[at..at + self.classes]);
        }
        w.i8s(&rows);
    }

    /// Reads a table written by [`Weights::write`].
    pub fn read(r: &mut Reader<'_>) -> Result<Self, String> {
        let bits = r.u32()?;
        let classes = r.u64()? as usize;
        let scale = r.f32()?;
        let data = r.i8s()?;
        if !(8..=28).contains(&bits) || classes == 0 || data.len() != (classes << bits) {
            return Err(format!(
                "weight table of {} entries does not match 2^{bits} x {classes}",
                data.len()
            ));
        }
        if data.contains(&i8::MIN) {
            return Err(format!(
                "weights beyond the quantisation limit {MAX_WEIGHT}"
            ));
        }
        Ok(Weights::from_rows(bits, classes, scale, &data))
    }

    /// The mean of tables of one shape (`None` when the shapes differ or there are none),
    /// requantised: parameter mixing of models trained on differently shuffled data.
    pub fn mean(tables: &[&Weights]) -> Option<Weights> {
        let first = tables.first()?;
        if tables
            .iter()
            .any(|t| t.bits != first.bits || t.classes != first.classes)
        {
            return None;
        }
        let rows = 1usize << first.bits;
        let mut sum = vec![0f32; rows * first.classes];
        for t in tables {
            for r in 0..rows {
                let at = t.base + r * t.stride;
                let out = &mut sum[r * first.classes..(r + 1) * first.classes];
                for (o, w) in out.iter_mut().zip(&t.data[at..at + first.classes]) {
                    *o += f32::from(*w) * t.scale;
                }
            }
        }
        let max = sum.iter().fold(0f32, |m, v| m.max(v.abs()));
        let scale = if max > 0.0 {
            max / f32::from(MAX_WEIGHT)
        } else {
            1.0
        };
        let limit = f32::from(MAX_WEIGHT);
        let data: Vec<i8> = sum
            .iter()
            .map(|v| (v / scale).round().clamp(-limit, limit) as i8)
            .collect();
        Some(Weights::from_rows(first.bits, first.classes, scale, &data))
    }

    /// Size of the table in bytes (as stored).
    pub fn size_bytes(&self) -> usize {
        self.classes << self.bits
    }
}

/// A perceptron being trained.
#[derive(Debug)]
pub struct Trainer {
    bits: u32,
    classes: usize,
    w: Vec<f32>,
    u: Vec<f64>,
    c: f64,
}

impl Trainer {
    /// A zeroed table of `2^bits` rows of `classes` weights.
    pub fn new(bits: u32, classes: usize) -> Self {
        let n = classes << bits;
        Trainer {
            bits,
            classes,
            w: vec![0.0; n],
            u: vec![0.0; n],
            c: 1.0,
        }
    }

    #[inline]
    fn row(&self, feature: u64) -> usize {
        (feature >> (64 - self.bits)) as usize * self.classes
    }

    /// The current (not averaged) scores of `features`.
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.fill(0.0);
        let n = self.classes;
        for &f in features {
            let r = self.row(f);
            for (s, w) in scores.iter_mut().zip(&self.w[r..r + n]) {
                *s += *w;
            }
        }
    }

    /// Moves weight from class `guess` to class `truth` for every feature.
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for &f in features {
            let r = self.row(f);
            self.w[r + truth] += 1.0;
            self.u[r + truth] += self.c;
            self.w[r + guess] -= 1.0;
            self.u[r + guess] -= self.c;
        }
    }

    /// Marks the end of one training instance (for averaging).
    pub fn tick(&mut self) {
        self.c += 1.0;
    }

    /// The averaged weights, quantised.
    pub fn finish(&self) -> Weights {
        self.finish_clipped(1.0)
    }

    /// The averaged weights, quantised so that the `quantile` (in `(0, 1]`) of the non-zero
    /// absolute weights is the largest step: the rare larger weights are clipped to it, which
    /// keeps the resolution of the many small weights that one scale set by the largest
    /// outlier would round to zero.
    pub fn finish_clipped(&self, quantile: f64) -> Weights {
        let avg: Vec<f32> = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| (f64::from(*w) - u / self.c) as f32)
            .collect();
        let mut mags: Vec<f32> = avg.iter().map(|v| v.abs()).filter(|v| *v > 0.0).collect();
        let max = if mags.is_empty() {
            0.0
        } else {
            let k = ((mags.len() - 1) as f64 * quantile.clamp(0.0, 1.0)).round() as usize;
            let (_, v, _) = mags.select_nth_unstable_by(k, f32::total_cmp);
            *v
        };
        let scale = if max > 0.0 {
            max / f32::from(MAX_WEIGHT)
        } else {
            1.0
        };
        let limit = f32::from(MAX_WEIGHT);
        let data: Vec<i8> = avg
            .iter()
            .map(|v| (v / scale).round().clamp(-limit, limit) as i8)
            .collect();
        Weights::from_rows(self.bits, self.classes, scale, &data)
    }
}

/// The index of the highest score among the allowed classes (ties: lowest index).
#[inline]
pub fn argmax<T: PartialOrd + Copy>(
    scores: &[T],
    allowed: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, s) in scores.iter().enumerate() {
        let better = match best {
            None => true,
            Some(b) => *s > scores[b],
        };
        if allowed(i) && better {
            best = Some(i);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever instructions sum them (AVX2 where the processor has it), the scores are the
    /// exact sums of the features' rows, over more features than one `i16` chunk holds.
    #[test]
    fn scores_are_the_exact_sums_of_the_rows() {
        for classes in [3usize, 40] {
            let bits = 10;
            let rows: Vec<i8> = (0..classes << bits)
                .map(|i| ((i * 7919 + 13) % 255) as i8)
                .map(|w| w.max(-MAX_WEIGHT))
                .collect();
            let table = Weights::from_rows(bits, classes, 1.0, &rows);
            let features: Vec<u64> = (0..600u64)
                .map(|f| f.wrapping_mul(0x9e37_79b9_7f4a_7c15))
                .collect();
            let mut expected = vec![0i32; classes];
            for &f in &features {
                let r = (f >> (64 - bits)) as usize * classes;
                for (e, w) in expected.iter_mut().zip(&rows[r..r + classes]) {
                    *e += i32::from(*w);
                }
            }
            let mut scores = vec![0i32; classes];
            table.score(&features, &mut scores);
            assert_eq!(scores, expected, "{classes} classes");
        }
    }

    #[test]
    fn learns_a_separable_problem() {
        let mut t = Trainer::new(8, 2);
        let data = [
            (vec![1u64 << 60, 7 << 56], 0usize),
            (vec![2u64 << 60, 7 << 56], 1),
        ];
        for _ in 0..5 {
            for (f, y) in &data {
                let mut s = [0.0; 2];
                t.score(f, &mut s);
                let g = argmax(&s, |_| true).unwrap();
                t.update(f, *y, g);
                t.tick();
            }
        }
        let w = t.finish();
        for (f, y) in &data {
            let mut s = [0; 2];
            w.score(f, &mut s);
            assert_eq!(argmax(&s, |_| true), Some(*y));
        }
    }
}
