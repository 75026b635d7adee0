//! The averaged perceptron both the tagger and the parser learn with:
//! sparse integer weights while training, then one compact table of
//! quantized rows (an open-addressing map from feature key to a contiguous
//! row of (class, i16 weight) pairs) for inference.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Keys are already well-mixed 64-bit hashes: the map hashes them with one
/// multiply, and its order never depends on a random seed.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    w: i32,
    /// Sum of w over the steps before `ts`.
    total: i64,
    ts: u64,
}

/// Weights while training: sparse per feature, with the running totals
/// that averaging needs (updated lazily, per entry, at its last change).
pub struct Trainer {
    nclass: usize,
    index: KeyMap<u32>,
    rows: Vec<Vec<Entry>>,
    /// How many updates touched each feature.
    counts: Vec<u32>,
    step: u64,
}

impl Trainer {
    pub fn new(nclass: usize) -> Trainer {
        Trainer {
            nclass,
            index: KeyMap::default(),
            rows: Vec::new(),
            counts: Vec::new(),
            step: 0,
        }
    }

    pub fn nclass(&self) -> usize {
        self.nclass
    }

    /// Current (not averaged) scores of every class.
    pub fn scores(&self, feats: &[u64], out: &mut [i64]) {
        out.iter_mut().for_each(|s| *s = 0);
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for e in &self.rows[r as usize] {
                    out[e.class as usize] += i64::from(e.w);
                }
            }
        }
    }

    /// One training example seen (whether or not it was right).
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Moves weight from the guessed class to the true one.
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for &f in feats {
            let next = self.rows.len() as u32;
            let r = *self.index.entry(f).or_insert(next);
            if r == next {
                self.rows.push(Vec::new());
                self.counts.push(0);
            }
            self.counts[r as usize] += 1;
            let row = &mut self.rows[r as usize];
            for (class, delta) in [(truth, 1), (guess, -1)] {
                let step = self.step;
                match row.iter_mut().find(|e| e.class as usize == class) {
                    Some(e) => {
                        e.total += i64::from(e.w) * (step - e.ts) as i64;
                        e.ts = step;
                        e.w += delta;
                    }
                    None => row.push(Entry {
                        class: class as u16,
                        w: delta,
                        total: 0,
                        ts: step,
                    }),
                }
            }
        }
    }

    /// Averages; drops features updated fewer than `min_updates` times and
    /// weights whose quantized value is below `min_q`; quantizes to i16 with
    /// one scale for the whole table.
    pub fn finish(&self, min_updates: u32, min_q: i16) -> Weights {
        let step = self.step.max(1) as f64;
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable();
        let avg = |e: &Entry| {
            let total = e.total + i64::from(e.w) * (self.step - e.ts) as i64;
            total as f64 / step
        };
        let max = self
            .rows
            .iter()
            .flat_map(|r| r.iter().map(|e| avg(e).abs()))
            .fold(0.0f64, f64::max)
            .max(1e-9);
        let scale = 32_000.0 / max;
        let mut rows: Vec<(u64, Vec<u32>)> = Vec::new();
        for (k, r) in keys {
            if self.counts[r as usize] < min_updates {
                continue;
            }
            let mut row: Vec<u32> = self.rows[r as usize]
                .iter()
                .filter_map(|e| {
                    let q = (avg(e) * scale).round() as i32;
                    (q.abs() >= i32::from(min_q.max(1)))
                        .then(|| pack(e.class, q.clamp(-32_767, 32_767) as i16))
                })
                .collect();
            if row.is_empty() {
                continue;
            }
            row.sort_unstable();
            rows.push((k, row));
        }
        Weights::build(self.nclass, &rows)
    }
}

#[inline]
fn pack(class: u16, w: i16) -> u32 {
    (u32::from(class) << 16) | u32::from(w as u16)
}

/// Inference weights: `slots[i]` holds a key's 24-bit fingerprint (bits
/// 40..64, never 0), a sparse row's length (bits 32..40), a dense flag (bit
/// 31) and an offset (bits 0..31), so one probe finds the whole row. A dense
/// row is `nclass` i16 weights in `dense`; a sparse row in `sparse` is
/// packed (class << 16 | i16 weight) entries.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    pub nclass: usize,
    pub mask: usize,
    pub slots: Vec<u64>,
    pub sparse: Vec<u32>,
    pub dense: Vec<i16>,
    /// One bit per hash of a present key (8 to 16 bits per feature),
    /// checked before a table with rows: a fifth of the tagger's and the
    /// labeller's keys are absent (over the Reuters corpus), and the filter
    /// stays in cache where the table does not. Tables with weights in the
    /// slots keep one but do not ask it (`add_inline`).
    pub filter: Vec<u64>,
}

#[inline]
fn filter_bit(key: u64, words: usize) -> (usize, u64) {
    let b = ((key >> 20) as usize) & (words * 64 - 1);
    (b / 64, 1u64 << (b % 64))
}

#[inline]
fn fingerprint(key: u64) -> u64 {
    ((key >> 40) | 1) << 40
}

const FP: u64 = !((1u64 << 40) - 1);

const DENSE: u64 = 1 << 31;
const OFFSET: u64 = DENSE - 1;

/// Features looked up at once (their slots are prefetched together).
const BATCH: usize = 64;

#[inline(always)]
fn prefetch<T>(p: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        // SAFETY: a prefetch is a hint; it never faults, whatever the address,
        // and SSE is part of every x86_64 target.
        unsafe { _mm_prefetch::<_MM_HINT_T0>((p as *const T).cast::<i8>()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// `out[i] += row[i]`, with AVX2 where the processor has it.
#[inline]
fn add_dense(out: &mut [i32], row: &[i16]) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor was just found to support AVX2.
        unsafe { add_dense_avx2(out, row) };
        return;
    }
    add_dense_plain(out, row);
}

#[inline(always)]
fn add_dense_plain(out: &mut [i32], row: &[i16]) {
    for (s, &w) in out.iter_mut().zip(row) {
        *s += i32::from(w);
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn add_dense_avx2(out: &mut [i32], row: &[i16]) {
    add_dense_plain(out, row);
}

/// Tables of at most this many classes keep their weights in the slot.
pub const INLINE: usize = 3;

#[inline]
fn inline_fp(key: u64) -> u64 {
    (key >> 48) | 1
}

enum Row<'a> {
    None,
    Inline(u64),
    Dense(&'a [i16]),
    Sparse(&'a [u32]),
}

impl Weights {
    /// Builds the table from rows of packed sparse entries, in the given
    /// order (so the layout depends only on the rows).
    pub fn build(nclass: usize, rows: &[(u64, Vec<u32>)]) -> Weights {
        // Load factor between 0.4 and 0.8: probes stay within a cache line or
        // two, and most absent keys never reach the table (the filter).
        let cap = (rows.len() + rows.len() / 4).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = vec![0u64; cap];
        let mut sparse = Vec::new();
        let mut dense = Vec::new();
        let mut filter = vec![0u64; (rows.len() * 8 / 64).next_power_of_two().max(1)];
        for (k, row) in rows {
            let (w, bit) = filter_bit(*k, filter.len());
            filter[w] |= bit;
            let mut i = (*k as usize) & mask;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            if nclass <= INLINE {
                // Fingerprint in bits 0..16, class c's weight in bits 16(c+1)...
                let mut slot = inline_fp(*k);
                for &e in row {
                    let c = u64::from(e >> 16);
                    slot |= u64::from(e as u16) << (16 * (c + 1));
                }
                slots[i] = slot;
                continue;
            }
            let fp = fingerprint(*k);
            if (row.len() * 3 >= nclass || row.len() > 255) && nclass > 0 {
                slots[i] = fp | DENSE | (dense.len() / nclass) as u64;
                let at = dense.len();
                dense.resize(at + nclass, 0i16);
                for &e in row {
                    dense[at + (e >> 16) as usize] = e as u16 as i16;
                }
            } else {
                slots[i] = fp | ((row.len() as u64) << 32) | sparse.len() as u64;
                sparse.extend_from_slice(row);
            }
        }
        Weights {
            nclass,
            mask,
            slots,
            sparse,
            dense,
            filter,
        }
    }

    pub fn features(&self) -> usize {
        self.slots.iter().filter(|&&s| s != 0).count()
    }

    /// (features, dense rows, sparse entries, bytes in memory).
    pub fn describe(&self) -> (usize, usize, usize, usize) {
        (
            self.features(),
            self.dense.len() / self.nclass.max(1),
            self.sparse.len(),
            self.slots.len() * 8
                + self.sparse.len() * 4
                + self.dense.len() * 2
                + self.filter.len() * 8,
        )
    }

    /// Checks that every slot's row lies inside the tables.
    pub fn valid(&self) -> bool {
        self.filter.len().is_power_of_two()
            && self.slots.iter().all(|&s| {
                if s == 0 || self.nclass <= INLINE {
                    return true;
                }
                let at = (s & OFFSET) as usize;
                if s & DENSE != 0 {
                    (at + 1) * self.nclass <= self.dense.len()
                } else {
                    let len = ((s >> 32) & 0xff) as usize;
                    at + len <= self.sparse.len()
                }
            })
    }

    #[inline]
    fn row(&self, key: u64) -> Row<'_> {
        let mut i = (key as usize) & self.mask;
        if self.nclass <= INLINE {
            let fp = inline_fp(key);
            loop {
                let s = self.slots[i];
                if s == 0 {
                    return Row::None;
                }
                if s & 0xffff == fp {
                    return Row::Inline(s);
                }
                i = (i + 1) & self.mask;
            }
        }
        let fp = fingerprint(key);
        loop {
            let s = self.slots[i];
            if s == 0 {
                return Row::None;
            }
            if s & FP == fp {
                let at = (s & OFFSET) as usize;
                if s & DENSE != 0 {
                    let a = at * self.nclass;
                    return Row::Dense(&self.dense[a..a + self.nclass]);
                }
                let len = ((s >> 32) & 0xff) as usize;
                return Row::Sparse(&self.sparse[at..at + len]);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// `add_scores` for a table whose weights sit in the slots: each slot
    /// prefetched a stage ahead; no rows to fetch. The filter is not asked:
    /// nine in ten of the move table's keys are present (over the Reuters
    /// corpus), so it turns few away and costs one more fetch for each.
    #[inline]
    fn add_inline(&self, feats: &[u64], out: &mut [i32]) {
        for batch in feats.chunks(BATCH) {
            for &f in batch {
                prefetch(&self.slots[(f as usize) & self.mask]);
            }
            for &f in batch {
                if let Row::Inline(s) = self.row(f) {
                    for (c, o) in out.iter_mut().enumerate() {
                        *o += i32::from((s >> (16 * (c + 1))) as u16 as i16);
                    }
                }
            }
        }
    }

    /// Adds every feature's row into `out` (which the caller zeroes and
    /// sizes to `nclass`).
    #[inline]
    pub fn add_scores(&self, feats: &[u64], out: &mut [i32]) {
        if out.len() < self.nclass || self.slots.is_empty() {
            return;
        }
        let out = &mut out[..self.nclass];
        if self.nclass <= INLINE {
            self.add_inline(feats, out);
            return;
        }
        let mut rows: [Row<'_>; BATCH] = [const { Row::None }; BATCH];
        let mut present = [0u64; BATCH];
        for batch in feats.chunks(BATCH) {
            // Three stages, each prefetching what the next one reads, so the
            // cache misses of a batch overlap: filter words, slots, rows.
            for &f in batch {
                prefetch(&self.filter[filter_bit(f, self.filter.len()).0]);
            }
            // Branch-free: whether a key passes the filter is a coin toss
            // the branch predictor would lose.
            let mut m = 0;
            for &f in batch {
                let (w, bit) = filter_bit(f, self.filter.len());
                present[m] = f;
                m += usize::from(self.filter[w] & bit != 0);
            }
            let batch = &present[..m];
            for &f in batch {
                prefetch(&self.slots[(f as usize) & self.mask]);
            }
            for (r, &f) in rows.iter_mut().zip(batch) {
                *r = self.row(f);
                match r {
                    Row::None | Row::Inline(_) => {}
                    Row::Dense(d) => {
                        for line in d.chunks(32) {
                            prefetch(&line[0]);
                        }
                    }
                    Row::Sparse(e) => {
                        if let Some(first) = e.first() {
                            prefetch(first);
                        }
                    }
                }
            }
            for r in &rows[..batch.len()] {
                match r {
                    Row::None => {}
                    Row::Inline(s) => {
                        for (c, o) in out.iter_mut().enumerate() {
                            *o += i32::from((s >> (16 * (c + 1))) as u16 as i16);
                        }
                    }
                    Row::Dense(d) => add_dense(out, d),
                    Row::Sparse(e) => {
                        for &e in e.iter() {
                            if let Some(s) = out.get_mut((e >> 16) as usize) {
                                *s += i32::from(e as u16 as i16);
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The best class among those `allowed` says yes to; ties go to the lower
/// class, so results never depend on anything but the scores.
pub fn argmax<T: PartialOrd + Copy>(
    scores: &[T],
    allowed: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, &s) in scores.iter().enumerate() {
        if allowed(i) && best.is_none_or(|b| s > scores[b]) {
            best = Some(i);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_quantizes() {
        let mut t = Trainer::new(3);
        let data: Vec<(Vec<u64>, usize)> = vec![
            (vec![1, 10], 0),
            (vec![2, 10], 1),
            (vec![3, 10], 2),
            (vec![1, 11], 0),
        ];
        let mut s = vec![0i64; 3];
        for _ in 0..5 {
            for (f, y) in &data {
                t.scores(f, &mut s);
                let g = argmax(&s, |_| true).unwrap();
                t.update(f, *y, g);
                t.tick();
            }
        }
        let w = t.finish(1, 1);
        for (f, y) in &data {
            let mut out = vec![0i32; 3];
            w.add_scores(f, &mut out);
            assert_eq!(argmax(&out, |_| true), Some(*y));
        }
        let mut none = vec![0i32; 3];
        w.add_scores(&[999], &mut none);
        assert_eq!(none, vec![0, 0, 0]);
    }
}
