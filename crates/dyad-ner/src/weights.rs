//! Weight tables: the growing one used in training and the compact quantised one in models.

use std::collections::HashMap;

use crate::codec::{Reader, Truncated, Writer};
use crate::hash::FxBuild;
use crate::labels::NUM_LABELS;

/// Anything that adds a feature's weights to per-label scores.
pub trait Scorer {
    /// Adds the weights of `feature` to `scores`.
    fn add(&self, feature: u64, scores: &mut [f32; NUM_LABELS]);

    /// Asks for the memory that [`Scorer::add`] of `feature` will read, without waiting for
    /// it, so that the lookups of many features overlap. Changes nothing.
    #[inline]
    fn prefetch(&self, _feature: u64) {}

    /// The scores of all labels given `features`.
    #[inline]
    fn score(&self, features: &[u64]) -> [f32; NUM_LABELS] {
        let mut scores = [0f32; NUM_LABELS];
        for &f in features {
            self.add(f, &mut scores);
        }
        scores
    }
}

/// Averaged-perceptron weights: one row of label weights per feature seen in an update.
#[derive(Default)]
pub struct TrainWeights {
    index: HashMap<u64, u32, FxBuild>,
    weights: Vec<f32>,
    /// Sum of `step * delta`, for averaging (Daumé's trick).
    stamped: Vec<f64>,
    /// Number of examples seen so far (plus one).
    pub step: u64,
}

impl TrainWeights {
    /// Empty weights.
    pub fn new() -> Self {
        TrainWeights {
            step: 1,
            ..TrainWeights::default()
        }
    }

    /// Adds `delta` to the weight of (`feature`, `label`).
    pub fn update(&mut self, feature: u64, label: usize, delta: f32) {
        let next = self.index.len() as u32;
        let row = *self.index.entry(feature).or_insert(next) as usize;
        if row * NUM_LABELS == self.weights.len() {
            self.weights.extend([0.0; NUM_LABELS]);
            self.stamped.extend([0.0; NUM_LABELS]);
        }
        self.weights[row * NUM_LABELS + label] += delta;
        self.stamped[row * NUM_LABELS + label] += self.step as f64 * f64::from(delta);
    }

    /// The averaged weights, as a map from feature to row (rows all zero are dropped).
    pub fn averaged(&self) -> HashMap<u64, [f32; NUM_LABELS], FxBuild> {
        let c = self.step as f64;
        let mut out = HashMap::with_capacity_and_hasher(self.index.len(), FxBuild::default());
        for (&feature, &row) in &self.index {
            let base = row as usize * NUM_LABELS;
            let mut avg = [0f32; NUM_LABELS];
            for (l, a) in avg.iter_mut().enumerate() {
                let w = f64::from(self.weights[base + l]);
                *a = (w - self.stamped[base + l] / c) as f32;
            }
            if avg.iter().any(|&a| a.abs() > 1e-6) {
                out.insert(feature, avg);
            }
        }
        out
    }

    /// Number of feature rows.
    pub fn len(&self) -> usize {
        self.index.len()
    }
}

impl Scorer for TrainWeights {
    #[inline]
    fn add(&self, feature: u64, scores: &mut [f32; NUM_LABELS]) {
        if let Some(&row) = self.index.get(&feature) {
            let base = row as usize * NUM_LABELS;
            for (s, w) in scores
                .iter_mut()
                .zip(&self.weights[base..base + NUM_LABELS])
            {
                *s += w;
            }
        }
    }
}

impl Scorer for HashMap<u64, [f32; NUM_LABELS], FxBuild> {
    #[inline]
    fn add(&self, feature: u64, scores: &mut [f32; NUM_LABELS]) {
        if let Some(row) = self.get(&feature) {
            for (s, w) in scores.iter_mut().zip(row) {
                *s += w;
            }
        }
    }
}

/// The compact model table: open addressing on 32-bit fingerprints, 16-bit weights.
pub struct WeightTable {
    mask: usize,
    keys: Vec<u32>,
    rows: Vec<i16>,
    scale: f32,
}

#[inline]
fn fingerprint(feature: u64) -> u32 {
    ((feature >> 32) as u32).max(1)
}

impl WeightTable {
    /// Quantises averaged weights, keeping at most `max_rows` rows: those whose largest
    /// weight is largest.
    pub fn from_averaged(avg: &HashMap<u64, [f32; NUM_LABELS], FxBuild>, max_rows: usize) -> Self {
        let size = |row: &[f32; NUM_LABELS]| row.iter().fold(0f32, |m, w| m.max(w.abs()));
        let mut kept: Vec<(u64, [f32; NUM_LABELS])> =
            avg.iter().map(|(f, row)| (*f, *row)).collect();
        kept.sort_unstable_by(|a, b| size(&b.1).total_cmp(&size(&a.1)).then(a.0.cmp(&b.0)));
        kept.truncate(max_rows);
        kept.sort_unstable_by_key(|(f, _)| *f);
        let max = kept
            .iter()
            .flat_map(|(_, r)| r.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / f32::from(i16::MAX)
        } else {
            1.0
        };
        let mut capacity = 1024;
        while capacity * 7 < kept.len() * 10 {
            capacity *= 2;
        }
        let mask = capacity - 1;
        let mut keys = vec![0u32; capacity];
        let mut rows = vec![0i16; capacity * NUM_LABELS];
        for (feature, row) in kept {
            let fp = fingerprint(feature);
            let mut slot = feature as usize & mask;
            while keys[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            keys[slot] = fp;
            for (q, w) in rows[slot * NUM_LABELS..(slot + 1) * NUM_LABELS]
                .iter_mut()
                .zip(row)
            {
                *q = (w / scale).round() as i16;
            }
        }
        WeightTable {
            mask,
            keys,
            rows,
            scale,
        }
    }

    /// Number of slots and of used slots.
    pub fn occupancy(&self) -> (usize, usize) {
        (
            self.keys.len(),
            self.keys.iter().filter(|&&k| k != 0).count(),
        )
    }

    /// Serialises the table.
    pub fn write(&self, w: &mut Writer) {
        w.f32(self.scale);
        w.u64(self.keys.len() as u64);
        for &k in &self.keys {
            w.u32(k);
        }
        for &q in &self.rows {
            w.raw(&q.to_le_bytes());
        }
    }

    /// Reads a table written by [`WeightTable::write`].
    pub fn read(r: &mut Reader) -> Result<Self, Truncated> {
        let scale = r.f32()?;
        let n = r.count(4 + 2 * NUM_LABELS)?;
        if !n.is_power_of_two() {
            return Err(Truncated);
        }
        let keys = r
            .take(n * 4)?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]));
        let keys: Vec<u32> = keys.collect();
        let rows = r.take(n * NUM_LABELS * 2)?;
        let rows: Vec<i16> = rows
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        if !keys.contains(&0) || !scale.is_finite() {
            return Err(Truncated);
        }
        Ok(WeightTable {
            mask: n - 1,
            keys,
            rows,
            scale,
        })
    }
}

impl Scorer for WeightTable {
    /// The key of the feature's home slot and the row there: where the probe of
    /// [`Scorer::add`] starts, and (at this table's load factor) mostly ends. A row of
    /// `i16`s starts on an even byte, so its first and last weights lie on every cache line
    /// it spans (at most two).
    #[inline]
    fn prefetch(&self, feature: u64) {
        let slot = feature as usize & self.mask;
        dyad_types::prefetch(&self.keys[slot]);
        let row = &self.rows[slot * NUM_LABELS..(slot + 1) * NUM_LABELS];
        dyad_types::prefetch(&row[0]);
        dyad_types::prefetch(&row[NUM_LABELS - 1]);
    }

    /// Sums the quantised rows exactly in integers and scales once.
    #[inline]
    fn score(&self, features: &[u64]) -> [f32; NUM_LABELS] {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: `sums_avx2` only needs AVX2, which the processor was just found to have.
            #[allow(unsafe_code)]
            let sums = unsafe { self.sums_avx2(features) };
            return sums.map(|s| s as f32 * self.scale);
        }
        self.sums(features).map(|s| s as f32 * self.scale)
    }

    #[inline]
    fn add(&self, feature: u64, scores: &mut [f32; NUM_LABELS]) {
        if let Some(row) = self.row(feature) {
            for (s, &q) in scores.iter_mut().zip(row) {
                *s += f32::from(q) * self.scale;
            }
        }
    }
}

impl WeightTable {
    /// The integer sums of the rows of `features`.
    #[inline(always)]
    fn sums(&self, features: &[u64]) -> [i32; NUM_LABELS] {
        let mut sums = [0i32; NUM_LABELS];
        for &f in features {
            if let Some(row) = self.row(f) {
                for (s, &q) in sums.iter_mut().zip(row) {
                    *s += i32::from(q);
                }
            }
        }
        sums
    }

    /// [`WeightTable::sums`] compiled for AVX2 (widening eight weights at a time, not four).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn sums_avx2(&self, features: &[u64]) -> [i32; NUM_LABELS] {
        self.sums(features)
    }

    /// The quantised row of `feature`, if the table has one.
    #[inline(always)]
    fn row(&self, feature: u64) -> Option<&[i16]> {
        let fp = fingerprint(feature);
        let mut slot = feature as usize & self.mask;
        loop {
            let key = self.keys[slot];
            if key == fp {
                return Some(&self.rows[slot * NUM_LABELS..(slot + 1) * NUM_LABELS]);
            }
            if key == 0 {
                return None;
            }
            slot = (slot + 1) & self.mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_scores_its_rows_summed_and_skips_unknown_features() {
        let mut avg: HashMap<u64, [f32; NUM_LABELS], FxBuild> = HashMap::default();
        for f in 1..200u64 {
            let mut row = [0f32; NUM_LABELS];
            for (l, w) in row.iter_mut().enumerate() {
                *w = ((f * 31 + l as u64 * 17) % 23) as f32 - 11.0;
            }
            avg.insert(f.wrapping_mul(0x9e37_79b9_7f4a_7c15), row);
        }
        let table = WeightTable::from_averaged(&avg, usize::MAX);
        let known: Vec<u64> = (1..200u64)
            .step_by(7)
            .map(|f| f.wrapping_mul(0x9e37_79b9_7f4a_7c15))
            .collect();
        let mut features = known.clone();
        features.push(0xdead_beef_dead_beef);
        let scores = table.score(&features);
        let mut expected = [0f32; NUM_LABELS];
        for f in &known {
            for (e, w) in expected.iter_mut().zip(&avg[f]) {
                *e += w;
            }
        }
        let mut added = [0f32; NUM_LABELS];
        for &f in &features {
            table.add(f, &mut added);
        }
        for l in 0..NUM_LABELS {
            assert!(
                (scores[l] - expected[l]).abs() < 1e-3,
                "label {l}: {} vs {}",
                scores[l],
                expected[l]
            );
            assert!(
                (scores[l] - added[l]).abs() < 1e-3,
                "label {l}: {} vs {}",
                scores[l],
                added[l]
            );
        }
        assert!(
            expected.iter().any(|&e| e.abs() > 1.0),
            "the rows sum to something"
        );
    }
}
