//! The averaged perceptron (Collins 2002) over hashed features.
//!
//! Each feature is a `u64` hash; its top `bits` bits pick a row of `classes` weights in a
//! dense table. Training keeps `f32` weights plus the running sums needed for averaging
//! (Daumé's trick: `avg = w - u / c`); the finished model stores the averaged weights
//! quantised to `i16` with one scale factor, so scoring is integer adds over contiguous rows.
use crate::codec::{Reader, Writer};

/// A trained, averaged and quantised weight table.
#[derive(Debug, Clone)]
pub struct Weights {
    bits: u32,
    classes: usize,
    scale: f32,
    data: Vec<i16>,
}

impl Weights {
    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    #[inline]
    fn row(&self, feature: u64) -> usize {
        (feature >> (64 - self.bits)) as usize * self.classes
    }

    /// Adds the weights of `features` into `scores` (length = classes).
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [i32]) {
        scores.fill(0);
        let n = self.classes;
        for &f in features {
            let r = self.row(f);
            let row = &self.data[r..r + n];
            for (s, w) in scores.iter_mut().zip(row) {
                *s += i32::from(*w);
            }
        }
    }

    /// Serialises the table.
    pub fn write(&self, w: &mut Writer) {
        w.u32(self.bits);
        w.u64(self.classes as u64);
        w.f32(self.scale);
        w.i16s(&self.data);
    }

    /// Reads a table written by [`Weights::write`].
    pub fn read(r: &mut Reader<'_>) -> Result<Self, String> {
        let bits = r.u32()?;
        let classes = r.u64()? as usize;
        let scale = r.f32()?;
        let data = r.i16s()?;
        if !(8..=28).contains(&bits) || classes == 0 || data.len() != (classes << bits) {
            return Err(format!(
                "weight table of {} entries does not match 2^{bits} x {classes}",
                data.len()
            ));
        }
        Ok(Weights {
            bits,
            classes,
            scale,
            data,
        })
    }

    /// Size of the table in bytes.
    pub fn size_bytes(&self) -> usize {
        self.data.len() * 2
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
        let avg: Vec<f32> = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| (f64::from(*w) - u / self.c) as f32)
            .collect();
        let max = avg.iter().fold(0f32, |m, v| m.max(v.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let data = avg
            .iter()
            .map(|v| (v / scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect();
        Weights {
            bits: self.bits,
            classes: self.classes,
            scale,
            data,
        }
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
