//! The part-of-speech tagger: a greedy left-to-right averaged perceptron
//! over one joint UPOS+XPOS label, with a tag dictionary that settles
//! frequent unambiguous words without scoring them.

use std::collections::HashMap;

use super::features::{key1, key2, key3, Lex};
use super::perceptron::{argmax, KeyMap, Trainer, Weights};
use super::rng::Rng;

/// The joint labels: UPOS and XPOS names, and each label's pair.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TagSet {
    pub upos: Vec<String>,
    pub xpos: Vec<String>,
    pub joint: Vec<(u8, u8)>,
}

impl TagSet {
    /// The joint id of (upos, xpos), added if new.
    pub fn intern(&mut self, upos: &str, xpos: &str) -> u16 {
        let u = index_of(&mut self.upos, upos);
        let x = index_of(&mut self.xpos, xpos);
        match self.joint.iter().position(|&p| p == (u, x)) {
            Some(i) => i as u16,
            None => {
                self.joint.push((u, x));
                (self.joint.len() - 1) as u16
            }
        }
    }

    pub fn get(&self, upos: &str, xpos: &str) -> Option<u16> {
        let u = self.upos.iter().position(|s| s == upos)? as u8;
        let x = self.xpos.iter().position(|s| s == xpos)? as u8;
        self.joint
            .iter()
            .position(|&p| p == (u, x))
            .map(|i| i as u16)
    }

    pub fn upos_of(&self, tag: u16) -> &str {
        self.joint
            .get(tag as usize)
            .and_then(|&(u, _)| self.upos.get(u as usize))
            .map_or("X", String::as_str)
    }

    pub fn xpos_of(&self, tag: u16) -> &str {
        self.joint
            .get(tag as usize)
            .and_then(|&(_, x)| self.xpos.get(x as usize))
            .map_or("_", String::as_str)
    }

    pub fn upos_id(&self, tag: u16) -> u8 {
        self.joint.get(tag as usize).map_or(0, |p| p.0)
    }
}

fn index_of(v: &mut Vec<String>, s: &str) -> u8 {
    match v.iter().position(|x| x == s) {
        Some(i) => i as u8,
        None => {
            v.push(s.to_string());
            (v.len() - 1) as u8
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    pub tags: TagSet,
    pub weights: Weights,
    /// Frequent words that always had one tag: (word hash, tag), sorted.
    pub fixed: Vec<(u64, u16)>,
    /// Each known word's most frequent tag: (word hash, tag), sorted.
    pub usual: Vec<(u64, u16)>,
    fixed_map: KeyMap<u16>,
    usual_map: KeyMap<u16>,
}

/// A sentence to learn from: its words and their gold joint tags.
pub struct TagExample {
    pub lex: Vec<Lex>,
    pub gold: Vec<u16>,
}

const NONE: u64 = 0x6e6f_6e65;
const START: u64 = 0x7374_6172;
const NTEMPLATES: usize = 30;

/// Hash of a tag for features; distinct from word hashes by construction.
#[inline]
fn tag_value(t: Option<u16>) -> u64 {
    t.map_or(START, |t| 0x7461_6700_0000 + u64::from(t))
}

impl Tagger {
    pub fn from_parts(
        tags: TagSet,
        weights: Weights,
        fixed: Vec<(u64, u16)>,
        usual: Vec<(u64, u16)>,
    ) -> Tagger {
        Tagger {
            fixed_map: fixed.iter().copied().collect(),
            usual_map: usual.iter().copied().collect(),
            tags,
            weights,
            fixed,
            usual,
        }
    }

    fn usual_tag(&self, lex: Option<&Lex>) -> u64 {
        match lex {
            None => NONE,
            Some(l) => self
                .usual_map
                .get(&l.lower)
                .map_or(NONE ^ 1, |&t| tag_value(Some(t))),
        }
    }

    fn features(
        &self,
        lex: &[Lex],
        i: usize,
        p1: Option<u16>,
        p2: Option<u16>,
        out: &mut Vec<u64>,
    ) {
        out.clear();
        let w = &lex[i];
        let at = |d: isize| -> Option<&Lex> {
            let j = i as isize + d;
            (j >= 0 && (j as usize) < lex.len()).then(|| &lex[j as usize])
        };
        let word = |d: isize| at(d).map_or(NONE, |l| l.lower);
        let (t1, t2) = (tag_value(p1), tag_value(if i >= 1 { p2 } else { None }));
        let first = u64::from(i == 0);
        out.extend_from_slice(&[
            key1(0, 0),
            key1(1, w.lower),
            key2(2, w.lower, w.flags & 3),
            key1(3, w.suffix1),
            key1(4, w.suffix2),
            key1(5, w.suffix3),
            key1(6, w.suffix4),
            key1(7, w.prefix1),
            key2(8, w.shape, first),
            key1(9, w.flags),
            key1(10, word(-1)),
            key1(11, word(-2)),
            key1(12, word(1)),
            key1(13, word(2)),
            key1(14, at(-1).map_or(NONE, |l| l.suffix3)),
            key1(15, at(1).map_or(NONE, |l| l.suffix3)),
            key1(16, at(1).map_or(NONE, |l| l.shape)),
            key1(17, t1),
            key2(18, t1, t2),
            key2(19, t1, w.lower),
            key2(20, word(-1), w.lower),
            key2(21, w.lower, word(1)),
            key1(22, self.usual_tag(at(1))),
            key1(23, self.usual_tag(at(2))),
            key2(24, self.usual_tag(Some(w)), t1),
            key2(25, t1, self.usual_tag(at(1))),
            key1(26, self.usual_tag(Some(w))),
            key2(27, t1, w.suffix3),
            key3(28, t1, t2, w.lower),
            key1(29, at(-1).map_or(NONE, |l| l.shape)),
        ]);
        debug_assert_eq!(out.len(), NTEMPLATES);
    }

    /// Joint tags of a sentence.
    pub fn tag(&self, lex: &[Lex], out: &mut Vec<u16>) {
        out.clear();
        self.tag_from(lex, out);
    }

    /// Tags the words after those `out` already holds, which stay as they
    /// are (a tag corrected by a constraint, and the tags after it read
    /// again).
    pub fn tag_from(&self, lex: &[Lex], out: &mut Vec<u16>) {
        let mut feats = Vec::with_capacity(NTEMPLATES);
        let mut scores = vec![0i32; self.weights.nclass];
        for i in out.len()..lex.len() {
            let p1 = i.checked_sub(1).map(|j| out[j]);
            let p2 = i.checked_sub(2).map(|j| out[j]);
            if let Some(&t) = self.fixed_map.get(&lex[i].lower) {
                out.push(t);
                continue;
            }
            self.features(lex, i, p1, p2, &mut feats);
            scores.iter_mut().for_each(|s| *s = 0);
            self.weights.add_scores(&feats, &mut scores);
            out.push(argmax(&scores, |_| true).unwrap_or(0) as u16);
        }
    }

    /// Trains on `data` for `iters` passes, shuffled with `seed`.
    pub fn train(
        tags: TagSet,
        data: &[&Vec<TagExample>],
        iters: usize,
        seed: u64,
        prune: (u32, i16),
    ) -> Tagger {
        let (fixed, usual) = dictionaries(data);
        let mut model = Tagger::from_parts(tags, Weights::build(0, &[]), fixed, usual);
        let mut t = Trainer::new(model.tags.joint.len());
        let mut rng = Rng::new(seed);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut feats = Vec::with_capacity(NTEMPLATES);
        let mut scores = vec![0i64; t.nclass()];
        let mut pred: Vec<u16> = Vec::new();
        for _ in 0..iters {
            rng.shuffle(&mut order);
            for &k in &order {
                if data[k].is_empty() {
                    continue;
                }
                let ex = rng.variant(data[k]);
                pred.clear();
                for i in 0..ex.lex.len() {
                    let p1 = i.checked_sub(1).map(|j| pred[j]);
                    let p2 = i.checked_sub(2).map(|j| pred[j]);
                    if let Some(&f) = model.fixed_map.get(&ex.lex[i].lower) {
                        pred.push(f);
                        continue;
                    }
                    model.features(&ex.lex, i, p1, p2, &mut feats);
                    t.scores(&feats, &mut scores);
                    let g = argmax(&scores, |_| true).unwrap_or(0);
                    t.update(&feats, ex.gold[i] as usize, g);
                    t.tick();
                    pred.push(g as u16);
                }
            }
        }
        model.weights = t.finish(prune.0, prune.1);
        model
    }
}

/// (word hash, tag) pairs, sorted.
type WordTags = Vec<(u64, u16)>;

/// Words seen at least 10 times with one tag 99% of the time are fixed;
/// every word seen twice or more has a usual tag.
fn dictionaries(data: &[&Vec<TagExample>]) -> (WordTags, WordTags) {
    let mut counts: HashMap<u64, HashMap<u16, u32>> = HashMap::new();
    for ex in data.iter().filter_map(|v| v.first()) {
        for (l, &g) in ex.lex.iter().zip(&ex.gold) {
            *counts.entry(l.lower).or_default().entry(g).or_default() += 1;
        }
    }
    let mut fixed = Vec::new();
    let mut usual = Vec::new();
    for (&w, m) in &counts {
        let total: u32 = m.values().sum();
        let mut v: Vec<(u16, u32)> = m.iter().map(|(&t, &n)| (t, n)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let (t, n) = v[0];
        if total >= 2 {
            usual.push((w, t));
        }
        if total >= 10 && f64::from(n) >= 0.99 * f64::from(total) {
            fixed.push((w, t));
        }
    }
    fixed.sort_unstable();
    usual.sort_unstable();
    (fixed, usual)
}
