//! The model file: tagger, parser and lemmatizer in one little-endian
//! binary layout, zstd-compressed (zstd decodes the hash tables, which
//! barely compress, several times faster than deflate); written by
//! training, read at start.

use super::lemma::{Lemmatizer, Rule};
use super::parser::Parser;
use super::perceptron::Weights;
use super::tagger::{TagSet, Tagger};
use super::GrammarError;

const MAGIC: &[u8; 8] = b"CCGRAM02";
/// No model decompresses to more than this.
const MAX_RAW: usize = 1 << 30;

/// Everything a model file holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub tagger: Tagger,
    pub parser: Parser,
    pub lemmatizer: Lemmatizer,
}

struct Out(Vec<u8>);

impl Out {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn strs(&mut self, v: &[String]) {
        self.u32(v.len() as u32);
        v.iter().for_each(|s| self.str(s));
    }
    fn weights(&mut self, w: &Weights) {
        self.u32(w.nclass as u32);
        self.u64(w.slots.len() as u64);
        w.slots.iter().for_each(|&s| self.u64(s));
        self.u64(w.sparse.len() as u64);
        w.sparse.iter().for_each(|&r| self.u32(r));
        self.u64(w.dense.len() as u64);
        w.dense
            .iter()
            .for_each(|&r| self.0.extend_from_slice(&r.to_le_bytes()));
        self.u64(w.filter.len() as u64);
        w.filter.iter().for_each(|&f| self.u64(f));
    }
    fn pairs16(&mut self, v: &[(u64, u16)]) {
        self.u64(v.len() as u64);
        for &(k, t) in v {
            self.u64(k);
            self.u32(u32::from(t));
        }
    }
    fn pairs32(&mut self, v: &[(u64, u32)]) {
        self.u64(v.len() as u64);
        for &(k, t) in v {
            self.u64(k);
            self.u32(t);
        }
    }
}

struct In<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> In<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], GrammarError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.b.len());
        match end {
            Some(e) => {
                let s = &self.b[self.at..e];
                self.at = e;
                Ok(s)
            }
            None => Err(GrammarError::Model("model file is truncated".into())),
        }
    }
    fn u8(&mut self) -> Result<u8, GrammarError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, GrammarError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn u64(&mut self) -> Result<u64, GrammarError> {
        let s = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(s);
        Ok(u64::from_le_bytes(a))
    }
    fn len(&mut self, each: usize) -> Result<usize, GrammarError> {
        let n = self.u64()? as usize;
        if n.saturating_mul(each) > self.b.len() - self.at {
            return Err(GrammarError::Model("model file is truncated".into()));
        }
        Ok(n)
    }
    fn str(&mut self) -> Result<String, GrammarError> {
        let n = self.u32()? as usize;
        let s = self.take(n)?;
        String::from_utf8(s.to_vec()).map_err(|_| GrammarError::Model("bad string".into()))
    }
    fn strs(&mut self) -> Result<Vec<String>, GrammarError> {
        let n = self.u32()? as usize;
        (0..n).map(|_| self.str()).collect()
    }
    fn weights(&mut self) -> Result<Weights, GrammarError> {
        let nclass = self.u32()? as usize;
        let n = self.len(8)?;
        if !n.is_power_of_two() {
            return Err(GrammarError::Model("bad table size".into()));
        }
        let slots: Vec<u64> = self
            .take(n * 8)?
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
            .collect();
        let m = self.len(4)?;
        let sparse: Vec<u32> = self
            .take(m * 4)?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let d = self.len(2)?;
        let dense: Vec<i16> = self
            .take(d * 2)?
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        let nf = self.len(8)?;
        let filter: Vec<u64> = self
            .take(nf * 8)?
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
            .collect();
        let w = Weights {
            nclass,
            mask: n - 1,
            slots,
            sparse,
            dense,
            filter,
        };
        if !w.valid() {
            return Err(GrammarError::Model("bad weight row".into()));
        }
        Ok(w)
    }
    fn pairs16(&mut self) -> Result<Vec<(u64, u16)>, GrammarError> {
        let n = self.len(12)?;
        (0..n)
            .map(|_| Ok((self.u64()?, self.u32()? as u16)))
            .collect()
    }
    fn pairs32(&mut self) -> Result<Vec<(u64, u32)>, GrammarError> {
        let n = self.len(12)?;
        (0..n).map(|_| Ok((self.u64()?, self.u32()?))).collect()
    }
}

impl Model {
    /// The compressed file's bytes.
    pub fn to_bytes(&self) -> Result<Vec<u8>, GrammarError> {
        let mut o = Out(Vec::new());
        let tags = &self.tagger.tags;
        o.strs(&tags.upos);
        o.strs(&tags.xpos);
        o.u32(tags.joint.len() as u32);
        for &(u, x) in &tags.joint {
            o.u8(u);
            o.u8(x);
        }
        o.weights(&self.tagger.weights);
        o.pairs16(&self.tagger.fixed);
        o.pairs16(&self.tagger.usual);
        o.strs(&self.parser.labels);
        o.u8(self.parser.root);
        o.weights(&self.parser.moves);
        o.weights(&self.parser.arcs);
        let lem = &self.lemmatizer;
        o.u32(lem.rules.len() as u32);
        for r in &lem.rules {
            o.u8(u8::from(r.lower));
            o.u8(r.strip);
            o.str(&r.append);
        }
        o.pairs32(&lem.exact);
        o.pairs32(&lem.suffix);
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&(o.0.len() as u64).to_le_bytes());
        let packed = zstd::bulk::compress(&o.0, 19)
            .map_err(|e| GrammarError::Model(format!("cannot compress: {e}")))?;
        out.extend_from_slice(&packed);
        Ok(out)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, GrammarError> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(GrammarError::Model(
                "not a grammar model (run train-grammar to build models/en.grammar)".into(),
            ));
        }
        let body = &bytes[MAGIC.len()..];
        if body.len() < 8 {
            return Err(GrammarError::Model("model file is truncated".into()));
        }
        let mut len = [0u8; 8];
        len.copy_from_slice(&body[..8]);
        let len = u64::from_le_bytes(len) as usize;
        if len > MAX_RAW {
            return Err(GrammarError::Model("model file is too large".into()));
        }
        let raw = zstd::bulk::decompress(&body[8..], len)
            .map_err(|e| GrammarError::Model(format!("cannot decompress: {e}")))?;
        let mut i = In { b: &raw, at: 0 };
        let upos = i.strs()?;
        let xpos = i.strs()?;
        let nj = i.u32()? as usize;
        let mut joint = Vec::with_capacity(nj.min(1 << 16));
        for _ in 0..nj {
            joint.push((i.u8()?, i.u8()?));
        }
        let tw = i.weights()?;
        let fixed = i.pairs16()?;
        let usual = i.pairs16()?;
        let labels = i.strs()?;
        let root = i.u8()?;
        let moves = i.weights()?;
        let arcs = i.weights()?;
        let nr = i.u32()? as usize;
        let mut rules = Vec::with_capacity(nr.min(1 << 20));
        for _ in 0..nr {
            let lower = i.u8()? != 0;
            let strip = i.u8()?;
            let append = i.str()?;
            rules.push(Rule {
                lower,
                strip,
                append,
            });
        }
        let exact = i.pairs32()?;
        let suffix = i.pairs32()?;
        if tw.nclass != joint.len()
            || moves.nclass != 3
            || arcs.nclass != labels.len()
            || labels.len() > 255
            || root as usize >= labels.len()
        {
            return Err(GrammarError::Model("inconsistent class counts".into()));
        }
        let tags = TagSet { upos, xpos, joint };
        Ok(Model {
            tagger: Tagger::from_parts(tags, tw, fixed, usual),
            parser: Parser {
                labels,
                root,
                moves,
                arcs,
            },
            lemmatizer: Lemmatizer::from_parts(rules, exact, suffix),
        })
    }
}
