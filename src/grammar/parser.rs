//! The dependency parser: the arc-hybrid transition system (root at the end
//! of the buffer), a greedy averaged-perceptron classifier over labeled
//! moves with Zhang & Nivre style feature templates, and the dynamic oracle
//! (Goldberg & Nivre 2013) it is trained with, exploring its own mistakes.

use super::features::{key1, key2, key3, Lex, FLAG_VALUE};
use super::perceptron::{argmax, Trainer, Weights};
use super::rng::Rng;

const NO: u16 = u16::MAX;

/// Parser moves: 0 shift, 1 + l left-arc with label l, 1 + L + l right-arc.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Shift,
    /// s0 becomes a dependent of b0 and leaves the stack.
    Left(u8),
    /// s0 becomes a dependent of s1 and leaves the stack.
    Right(u8),
}

/// A configuration: the stack, the buffer front, and the arcs so far with
/// what features read about each word's children. Word n is the root.
#[derive(Debug, Clone, Default)]
pub struct State {
    pub n: usize,
    pub stack: Vec<u16>,
    pub b: usize,
    pub heads: Vec<u16>,
    pub labels: Vec<u8>,
    lc1: Vec<u16>,
    lc2: Vec<u16>,
    rc1: Vec<u16>,
    rc2: Vec<u16>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
}

impl State {
    /// Resets for a sentence of n words, reusing the allocations.
    pub fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.b = 0;
        for v in [
            &mut self.heads,
            &mut self.lc1,
            &mut self.lc2,
            &mut self.rc1,
            &mut self.rc2,
        ] {
            v.clear();
            v.resize(n + 1, NO);
        }
        for v in [&mut self.nl, &mut self.nr, &mut self.labels] {
            v.clear();
            v.resize(n + 1, 0);
        }
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(n + 1, 0);
        }
    }

    pub fn done(&self) -> bool {
        self.b >= self.n && self.stack.is_empty()
    }

    fn s(&self, i: usize) -> u16 {
        let k = self.stack.len();
        if i < k {
            self.stack[k - 1 - i]
        } else {
            NO
        }
    }

    fn buf(&self, i: usize) -> u16 {
        let j = self.b + i;
        if j <= self.n {
            j as u16
        } else {
            NO
        }
    }

    pub fn legal(&self, m: Move, root: u8) -> bool {
        match m {
            Move::Shift => self.b < self.n,
            Move::Left(l) => {
                !self.stack.is_empty()
                    && if self.b < self.n {
                        l != root
                    } else {
                        self.stack.len() == 1 && l == root
                    }
            }
            Move::Right(l) => self.stack.len() >= 2 && l != root,
        }
    }

    fn attach(&mut self, head: u16, dep: u16, label: u8) {
        let (h, d) = (head as usize, dep as usize);
        self.heads[d] = head;
        self.labels[d] = label;
        let bit = 1u64 << (label & 63);
        if d < h {
            self.lc2[h] = self.lc1[h];
            self.lc1[h] = dep;
            self.nl[h] = self.nl[h].saturating_add(1);
            self.lset[h] |= bit;
        } else {
            self.rc2[h] = self.rc1[h];
            self.rc1[h] = dep;
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rset[h] |= bit;
        }
    }

    /// Applies a move (which must be legal).
    pub fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.stack.push(self.b as u16);
                self.b += 1;
            }
            Move::Left(l) => {
                if let Some(s0) = self.stack.pop() {
                    self.attach(self.b as u16, s0, l);
                }
            }
            Move::Right(l) => {
                if let Some(s0) = self.stack.pop() {
                    let s1 = self.s(0);
                    self.attach(s1, s0, l);
                }
            }
        }
    }
}

/// Gold arcs of a sentence: 0-based heads (n for the root) and label ids.
pub struct Gold<'a> {
    pub heads: &'a [u16],
    pub labels: &'a [u8],
}

/// The dynamic oracle's cost of a move: how many gold arcs it makes
/// unreachable (exact for projective trees), plus one for a wrong label
/// on a gold arc.
pub fn cost(st: &State, m: Move, g: &Gold) -> u32 {
    let n = st.n as u16;
    let in_buffer = |k: u16| (k as usize) >= st.b && k < n;
    let s0 = st.s(0);
    match m {
        Move::Shift => {
            let b0 = st.b as u16;
            let hb = g.heads[b0 as usize];
            let mut c = st
                .stack
                .iter()
                .filter(|&&k| g.heads[k as usize] == b0)
                .count() as u32;
            if st.stack.iter().any(|&k| k == hb && k != s0) {
                c += 1;
            }
            if hb == n && !st.stack.is_empty() {
                c += 1;
            }
            c
        }
        Move::Left(l) => {
            if s0 == NO {
                return 0;
            }
            let h = g.heads[s0 as usize];
            let b0 = st.b as u16;
            let mut c = children_in_buffer(st, s0, g);
            if b0 == n {
                return c + u32::from(h != n) + u32::from(h == n && l != g.labels[s0 as usize]);
            }
            if h == st.s(1) || (in_buffer(h) && h != b0) || (h == n && st.stack.len() == 1) {
                c += 1;
            }
            if h == b0 && l != g.labels[s0 as usize] {
                c += 1;
            }
            c
        }
        Move::Right(l) => {
            if s0 == NO {
                return 0;
            }
            let h = g.heads[s0 as usize];
            let mut c = children_in_buffer(st, s0, g);
            if in_buffer(h) {
                c += 1;
            }
            if h == st.s(1) && l != g.labels[s0 as usize] {
                c += 1;
            }
            c
        }
    }
}

fn children_in_buffer(st: &State, s0: u16, g: &Gold) -> u32 {
    g.heads[st.b.min(st.n)..st.n]
        .iter()
        .filter(|&&h| h == s0)
        .count() as u32
}

/// The static oracle: attach s0 when its gold head is next to it and all
/// its gold dependents are attached, else shift.
pub fn static_oracle(st: &State, g: &Gold, root: u8) -> Move {
    let s0 = st.s(0);
    if s0 != NO {
        let d = s0 as usize;
        let pending = (0..st.n).any(|k| g.heads[k] == s0 && st.heads[k] == NO);
        if !pending {
            let h = g.heads[d];
            let b0 = st.buf(0);
            if h == b0 && st.legal(Move::Left(g.labels[d]), root) {
                return Move::Left(g.labels[d]);
            }
            if h == st.s(1) && st.legal(Move::Right(g.labels[d]), root) {
                return Move::Right(g.labels[d]);
            }
        }
    }
    if st.legal(Move::Shift, root) {
        return Move::Shift;
    }
    // Nothing gold is possible: any legal move.
    if st.stack.len() >= 2 {
        Move::Right(if root == 0 { 1 } else { 0 })
    } else {
        Move::Left(root)
    }
}

/// True when no two arcs of the tree cross.
pub fn projective(heads: &[u16]) -> bool {
    let n = heads.len();
    for (d, &h) in heads.iter().enumerate() {
        let (a, b) = if (h as usize) < d {
            (h as usize, d)
        } else {
            (d, (h as usize).min(n))
        };
        if heads[a + 1..b.min(n)]
            .iter()
            .any(|&hk| (hk as usize) < a || (hk as usize) > b)
        {
            return false;
        }
    }
    true
}

/// Label names and the two classifiers: one picks the move (shift, left
/// arc, right arc) from all the templates, the other the new arc's
/// relation from templates over its head and dependent.
#[derive(Debug, Clone, PartialEq)]
pub struct Parser {
    pub labels: Vec<String>,
    pub root: u8,
    /// Three classes: shift, left arc, right arc.
    pub moves: Weights,
    /// One class per relation.
    pub arcs: Weights,
}

const SHIFT: usize = 0;
const LEFT: usize = 1;
const RIGHT: usize = 2;

/// The feature keys of an arc about to be made: head h, dependent d.
pub fn label_features(st: &State, ws: &[Word], h: u16, d: u16, out: &mut Vec<u64>) {
    out.clear();
    let w = |i: u16| if i == NO { NONE_W } else { ws[i as usize].w };
    let p = |i: u16| if i == NO { NONE_P } else { ws[i as usize].p };
    let lab = |i: u16| {
        if i == NO {
            NONE_L
        } else {
            u64::from(st.labels[i as usize])
        }
    };
    let get = |v: &Vec<u16>, i: u16| if i == NO { NO } else { v[i as usize] };
    let near = |i: u16, delta: i32| {
        let j = i32::from(i) + delta;
        if i == NO || j < 0 || j as usize > st.n {
            NO
        } else {
            j as u16
        }
    };
    let dir = u64::from(d > h);
    let (hw, hp, dw, dp) = (w(h), p(h), w(d), p(d));
    let dl1 = get(&st.lc1, d);
    let dl2 = get(&st.lc2, d);
    let dr1 = get(&st.rc1, d);
    let hl1 = get(&st.lc1, h);
    let hr1 = get(&st.rc1, h);
    let dist = dist_bucket(d.min(h), d.max(h));
    let set = |v: &Vec<u64>, i: u16| if i == NO { 0 } else { v[i as usize] };
    let cnt = |i: u16| {
        if i == NO {
            0
        } else {
            u64::from(st.nl[i as usize].min(3)) * 4 + u64::from(st.nr[i as usize].min(3))
        }
    };
    out.extend_from_slice(&[
        key1(200, dir),
        key2(201, dir, hw),
        key2(202, dir, hp),
        key2(203, dir, dw),
        key2(204, dir, dp),
        key3(205, dir, hp, dp),
        key3(206, dir, hw, dp),
        key3(207, dir, hp, dw),
        key3(208, dir, hw, dw),
        key3(209, dir, key2(0, hp, dp), dist),
        key3(210, dir, w(dl1), dp),
        key3(211, dir, w(dl1), hp),
        key3(212, dir, key2(0, p(dl1), dp), hp),
        key3(213, dir, lab(dl1), dp),
        key3(214, dir, key2(0, p(dr1), lab(dr1)), dp),
        key3(215, dir, set(&st.lset, d), dp),
        key3(216, dir, set(&st.rset, d), dp),
        key3(217, dir, set(&st.lset, h), hp),
        key3(218, dir, set(&st.rset, h), hp),
        key3(219, dir, dp, p(near(d, -1))),
        key3(220, dir, dp, p(near(d, 1))),
        key3(221, dir, hp, p(near(h, -1))),
        key3(222, dir, hp, p(near(h, 1))),
        key3(223, dir, w(dl2), dp),
        key3(224, dir, hw, w(dl1)),
        key3(225, dir, cnt(d), dp),
        key3(226, dir, key2(0, hp, dp), lab(hr1)),
        key3(227, dir, key2(0, hp, dp), lab(hl1)),
        key3(228, dir, key2(0, dw, hp), w(dl1)),
        key3(229, dir, key2(0, dp, hp), w(near(d, 1))),
    ]);
}

/// What the parser reads per word: its lexical attributes and its tag.
#[derive(Clone, Copy)]
pub struct Word {
    pub w: u64,
    pub p: u64,
}

const NONE_W: u64 = 0x4e4f_4e45_5f57;
const NONE_P: u64 = 0x4e4f_4e45_5f50;
const ROOT_W: u64 = 0x524f_4f54_5f57;
const ROOT_P: u64 = 0x524f_4f54_5f50;
const NONE_L: u64 = 0x4e4f_4e45_5f4c;

pub fn words(lex: &[Lex], tags: &[u16], out: &mut Vec<Word>) {
    out.clear();
    // A value placeholder is its own tag: the parser reads "<money>" the
    // same whatever the tagger made of it.
    out.extend(lex.iter().zip(tags).map(|(l, &t)| Word {
        w: l.lower,
        p: if l.flags & FLAG_VALUE != 0 {
            l.lower ^ 0x7661_6c75_6500
        } else {
            0x7000_0000 + u64::from(t)
        },
    }));
    out.push(Word {
        w: ROOT_W,
        p: ROOT_P,
    });
}

fn dist_bucket(a: u16, b: u16) -> u64 {
    if a == NO || b == NO {
        return 99;
    }
    let d = (i32::from(b) - i32::from(a)).unsigned_abs();
    match d {
        0..=4 => u64::from(d),
        5..=7 => 5,
        8..=12 => 6,
        _ => 7,
    }
}

/// The feature keys of a configuration.
pub fn features(st: &State, ws: &[Word], out: &mut Vec<u64>) {
    out.clear();
    let w = |i: u16| if i == NO { NONE_W } else { ws[i as usize].w };
    let p = |i: u16| if i == NO { NONE_P } else { ws[i as usize].p };
    let lab = |i: u16| {
        if i == NO {
            NONE_L
        } else {
            u64::from(st.labels[i as usize])
        }
    };
    let get = |v: &Vec<u16>, i: u16| if i == NO { NO } else { v[i as usize] };
    let count = |v: &Vec<u8>, i: u16| if i == NO { 0 } else { u64::from(v[i as usize]) };
    let set = |v: &Vec<u64>, i: u16| if i == NO { 0 } else { v[i as usize] };
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.buf(0), st.buf(1), st.buf(2));
    let (s0w, s0p, s1w, s1p, b0w, b0p, b1w, b1p) =
        (w(s0), p(s0), w(s1), p(s1), w(b0), p(b0), w(b1), p(b1));
    let s0l1 = get(&st.lc1, s0);
    let s0l2 = get(&st.lc2, s0);
    let s0r1 = get(&st.rc1, s0);
    let s0r2 = get(&st.rc2, s0);
    let s1l1 = get(&st.lc1, s1);
    let s1r1 = get(&st.rc1, s1);
    let s1r2 = get(&st.rc2, s1);
    let b0l1 = get(&st.lc1, b0);
    let b0l2 = get(&st.lc2, b0);
    let d0 = dist_bucket(s0, b0);
    let d1 = dist_bucket(s1, s0);
    out.extend_from_slice(&[
        key1(0, 0),
        // Single words.
        key1(1, s0w),
        key1(2, s0p),
        key1(4, s1w),
        key1(5, s1p),
        key1(7, b0w),
        key1(8, b0p),
        key1(10, b1w),
        key1(11, b1p),
        key1(14, p(b2)),
        key1(15, p(s2)),
        // Pairs.
        key3(20, s0w, s0p, b0p),
        key3(21, s0p, b0w, b0p),
        key2(23, s0p, b0p),
        key2(24, b0p, b1p),
        key2(27, s1p, s0p),
        key2(31, s1p, b0p),
        // Triples of tags.
        key3(32, b0p, b1p, p(b2)),
        key3(33, s0p, b0p, b1p),
        key3(34, s1p, s0p, b0p),
        key3(35, p(s2), s1p, s0p),
        key3(36, s0p, p(s0l1), b0p),
        key3(37, s0p, p(s0r1), b0p),
        key3(38, s0p, b0p, p(b0l1)),
        key3(39, s1p, p(s1r1), s0p),
        key3(40, s1p, p(s1l1), s0p),
        key3(41, s1p, s0p, p(s0l1)),
        key3(42, s1p, s0p, p(s0r1)),
        // Distance.
        key2(44, s0p, d0),
        key2(46, b0p, d0),
        key3(47, s0p, b0p, d0),
        key3(48, s1p, s0p, d1),
        // Valency.
        key2(52, s0p, count(&st.nl, s0)),
        key2(54, s0p, count(&st.nr, s0)),
        key2(56, b0p, count(&st.nl, b0)),
        key2(57, s1p, count(&st.nr, s1)),
        // Children.
        key1(59, w(s0l1)),
        key1(60, p(s0l1)),
        key1(61, lab(s0l1)),
        key1(63, p(s0r1)),
        key1(64, lab(s0r1)),
        key1(65, w(b0l1)),
        key1(66, p(b0l1)),
        key1(67, lab(b0l1)),
        key1(69, p(s1r1)),
        key1(70, lab(s1r1)),
        key2(71, p(s0l2), lab(s0l2)),
        key2(72, p(s0r2), lab(s0r2)),
        key2(73, p(b0l2), lab(b0l2)),
        key3(74, s0p, lab(s0l1), lab(s0l2)),
        key3(75, s0p, lab(s0r1), lab(s0r2)),
        key3(76, b0p, lab(b0l1), lab(b0l2)),
        key3(77, s1p, lab(s1r1), lab(s1r2)),
        // Label sets.
        key2(79, s0p, set(&st.lset, s0)),
        key2(81, s0p, set(&st.rset, s0)),
        key2(83, b0p, set(&st.lset, b0)),
        key2(84, s1p, set(&st.rset, s1)),
        // Words with the other side's child.
        // Where a prepositional phrase attaches: the candidates' words with
        // the preposition (b0's first child) and its object's tag.
        key3(88, s1w, w(b0l1), b0p),
        key3(89, s0w, w(b0l1), b0p),
        key3(90, key2(0, s0p, s1p), w(b0l1), b0p),
        key2(91, s1p, w(b0l1)),
        key2(92, s0p, w(b0l1)),
    ]);
}

impl Parser {
    /// The best-scoring legal move.
    fn best_move(st: &State, scores: &[i32]) -> Option<usize> {
        let legal = Parser::legal_moves(st);
        argmax(&scores[..3], |c| legal[c])
    }

    fn legal_moves(st: &State) -> [bool; 3] {
        [
            st.b < st.n,
            !st.stack.is_empty() && (st.b < st.n || st.stack.len() == 1),
            st.stack.len() >= 2,
        ]
    }

    /// The move when it is the only legal one (an empty stack shifts; at the
    /// end of the buffer a lone word goes to the root): nothing to score.
    fn forced(st: &State) -> Option<usize> {
        let legal = Parser::legal_moves(st);
        match legal {
            [true, false, false] => Some(SHIFT),
            [false, true, false] => Some(LEFT),
            [false, false, true] => Some(RIGHT),
            _ => None,
        }
    }

    /// The head and dependent a move would join, and whether its label is
    /// fixed (the root's).
    fn arc_of(st: &State, m: usize) -> (u16, u16, bool) {
        let s0 = st.s(0);
        if m == LEFT {
            (st.b as u16, s0, st.b >= st.n)
        } else {
            (st.s(1), s0, false)
        }
    }

    /// The best relation other than root for an arc.
    fn best_label(&self, scores: &[i32]) -> u8 {
        let root = self.root as usize;
        argmax(&scores[..self.labels.len()], |l| l != root).unwrap_or(0) as u8
    }

    fn to_move(m: usize, label: u8) -> Move {
        match m {
            SHIFT => Move::Shift,
            LEFT => Move::Left(label),
            RIGHT => Move::Right(label),
            _ => Move::Shift,
        }
    }

    /// Parses one sentence; `st` holds the result (heads, labels).
    pub fn parse(&self, ws: &[Word], st: &mut State, feats: &mut Vec<u64>, scores: &mut Vec<i32>) {
        let n = ws.len().saturating_sub(1);
        st.reset(n);
        scores.resize(self.labels.len().max(3), 0);
        while !st.done() {
            let m = match Parser::forced(st) {
                Some(m) => m,
                None => {
                    features(st, ws, feats);
                    scores[..3].iter_mut().for_each(|s| *s = 0);
                    self.moves.add_scores(feats, &mut scores[..3]);
                    match Parser::best_move(st, scores) {
                        Some(m) => m,
                        None => break,
                    }
                }
            };
            let mut label = self.root;
            if m != SHIFT {
                let (h, d, fixed) = Parser::arc_of(st, m);
                if !fixed {
                    label_features(st, ws, h, d, feats);
                    scores.iter_mut().for_each(|s| *s = 0);
                    self.arcs.add_scores(feats, scores);
                    label = self.best_label(scores);
                }
            }
            st.apply(Parser::to_move(m, label));
        }
    }
}

/// A sentence to learn from: its words (tags as the tagger predicted them,
/// jackknifed) and its gold tree.
pub struct ParseExample {
    pub words: Vec<Word>,
    pub heads: Vec<u16>,
    pub labels: Vec<u8>,
}

/// Training settings.
pub struct ParserTraining {
    pub iters: usize,
    /// Epochs trained on the oracle's own moves before exploring.
    pub explore_after: usize,
    /// Probability of following the model's (possibly wrong) move.
    pub explore_p: f64,
    pub seed: u64,
    /// Features updated fewer times are dropped; so are weights whose
    /// quantized magnitude is below the second number.
    pub prune: (u32, i16),
}

impl Parser {
    pub fn train(labels: Vec<String>, data: &[Vec<ParseExample>], cfg: &ParserTraining) -> Parser {
        let root = labels.iter().position(|l| l == "root").unwrap_or(0) as u8;
        let nl = labels.len();
        let mut model = Parser {
            labels,
            root,
            moves: Weights::build(3, &[]),
            arcs: Weights::build(nl, &[]),
        };
        let mut tm = Trainer::new(3);
        let mut tl = Trainer::new(nl);
        let mut rng = Rng::new(cfg.seed);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut st = State::default();
        let mut feats = Vec::new();
        let mut lfeats = Vec::new();
        let mut scores = vec![0i64; 3];
        let mut lscores = vec![0i64; nl];
        for epoch in 0..cfg.iters {
            rng.shuffle(&mut order);
            for &k in &order {
                if data[k].is_empty() {
                    continue;
                }
                let ex = rng.variant(&data[k]);
                let g = Gold {
                    heads: &ex.heads,
                    labels: &ex.labels,
                };
                st.reset(ex.heads.len());
                while !st.done() {
                    // A forced move is neither scored nor learned from.
                    let follow = match Parser::forced(&st) {
                        Some(m) => m,
                        None => {
                            features(&st, &ex.words, &mut feats);
                            tm.scores(&feats, &mut scores);
                            // Unlabeled costs: each arc with its gold label.
                            let s0 = st.s(0);
                            let gl = if s0 == NO { 0 } else { g.labels[s0 as usize] };
                            let costs = [
                                st.legal(Move::Shift, root)
                                    .then(|| cost(&st, Move::Shift, &g)),
                                (!st.stack.is_empty() && (st.b < st.n || st.stack.len() == 1))
                                    .then(|| cost(&st, Move::Left(gl), &g)),
                                (st.stack.len() >= 2).then(|| cost(&st, Move::Right(gl), &g)),
                            ];
                            let min = costs.iter().flatten().copied().min().unwrap_or(0);
                            let guess = argmax(&scores, |c| costs[c].is_some()).unwrap_or(0);
                            let best_ok = argmax(&scores, |c| costs[c] == Some(min)).unwrap_or(0);
                            let right = costs[guess] == Some(min);
                            if !right {
                                tm.update(&feats, best_ok, guess);
                            }
                            tm.tick();
                            // Right moves are followed; a wrong one too, once
                            // exploring, with probability explore_p.
                            if right || (epoch >= cfg.explore_after && rng.unit() < cfg.explore_p) {
                                guess
                            } else {
                                best_ok
                            }
                        }
                    };
                    let mut label = root;
                    if follow != SHIFT {
                        let (h, d, fixed) = Parser::arc_of(&st, follow);
                        if !fixed {
                            label_features(&st, &ex.words, h, d, &mut lfeats);
                            tl.scores(&lfeats, &mut lscores);
                            let lg = argmax(&lscores, |l| l != root as usize).unwrap_or(0);
                            label = lg as u8;
                            // Labels are learned on gold arcs, and a gold arc
                            // keeps its gold label.
                            if g.heads[d as usize] == h {
                                let gold = g.labels[d as usize];
                                tl.update(&lfeats, gold as usize, lg);
                                tl.tick();
                                label = gold;
                            }
                        }
                    }
                    st.apply(Parser::to_move(follow, label));
                }
            }
        }
        model.moves = tm.finish(cfg.prune.0, cfg.prune.1);
        model.arcs = tl.finish(cfg.prune.0, cfg.prune.1);
        model
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "the big dog barked loudly": 0 det→2, 1 amod→2, 2 nsubj→3, 3 root, 4 advmod→3.
    fn sample() -> (Vec<u16>, Vec<u8>) {
        (vec![2, 2, 3, 5, 3], vec![1, 2, 3, 0, 4])
    }

    fn run_static(heads: &[u16], labels: &[u8]) -> State {
        let g = Gold { heads, labels };
        let mut st = State::default();
        st.reset(heads.len());
        let mut steps = 0;
        while !st.done() && steps < 4 * heads.len() + 4 {
            let m = static_oracle(&st, &g, 0);
            assert!(st.legal(m, 0), "static oracle chose an illegal move");
            assert_eq!(cost(&st, m, &g), 0, "a gold move has cost 0");
            st.apply(m);
            steps += 1;
        }
        st
    }

    #[test]
    fn static_oracle_reproduces_projective_trees() {
        let trees: Vec<(Vec<u16>, Vec<u8>)> = vec![
            sample(),
            (vec![1], vec![0]),
            (vec![1, 3, 3, 6, 3, 3], vec![1, 2, 3, 0, 4, 5]),
            // Right-branching chain and a root in the middle.
            (vec![7, 0, 1, 2, 3, 4, 5], vec![0, 1, 1, 1, 1, 1, 1]),
            (vec![2, 2, 7, 2, 5, 3, 2], vec![1, 1, 0, 2, 3, 4, 5]),
        ];
        for (h, l) in trees {
            let st = run_static(&h, &l);
            assert!(st.done());
            assert_eq!(&st.heads[..h.len()], &h[..]);
            assert_eq!(&st.labels[..h.len()], &l[..]);
        }
    }

    #[test]
    fn dynamic_oracle_costs() {
        let (h, l) = sample();
        let g = Gold {
            heads: &h,
            labels: &l,
        };
        let mut st = State::default();
        st.reset(5);
        st.apply(Move::Shift);
        // the ← big? big is not the head of "the": attaching costs one arc.
        assert_eq!(cost(&st, Move::Left(1), &g), 1);
        assert_eq!(cost(&st, Move::Shift, &g), 0);
        st.apply(Move::Shift);
        // Now s0=big, s1=the; b0=dog. Left-arc with the right label is free,
        // with a wrong label costs one.
        assert_eq!(cost(&st, Move::Left(2), &g), 0);
        assert_eq!(cost(&st, Move::Left(3), &g), 1);
        // Right-arc makes "big" a child of "the": loses big→dog.
        assert_eq!(cost(&st, Move::Right(2), &g), 1);
        // Shifting "dog" loses both its dependents on the stack.
        assert_eq!(cost(&st, Move::Shift, &g), 2);
    }

    #[test]
    fn legality_keeps_one_root() {
        let mut st = State::default();
        st.reset(2);
        st.apply(Move::Shift);
        st.apply(Move::Shift);
        assert!(!st.legal(Move::Shift, 0));
        assert!(!st.legal(Move::Left(0), 0));
        assert!(st.legal(Move::Right(1), 0));
        st.apply(Move::Right(1));
        assert!(st.legal(Move::Left(0), 0));
        assert!(!st.legal(Move::Left(1), 0));
        st.apply(Move::Left(0));
        assert!(st.done());
        assert_eq!(&st.heads[..2], &[2, 0]);
    }

    #[test]
    fn projectivity() {
        assert!(projective(&[2, 2, 3, 5, 3]));
        // 0→2 and 1→3 cross.
        assert!(!projective(&[2, 3, 4, 4]));
    }
}
