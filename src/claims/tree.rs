//! A sentence's dependency tree as the claim reader walks it: children by
//! relation, the case word on a nominal, the verb a phrase hangs from, and
//! the text of a name.

use crate::grammar::{Parse, Token};
use crate::rules::language::english;

/// A parse with each token's children listed once.
pub struct Tree<'p> {
    pub parse: &'p Parse<'static>,
    children: Vec<Vec<usize>>,
}

impl<'p> Tree<'p> {
    pub fn new(parse: &'p Parse<'static>) -> Self {
        let mut children = vec![Vec::new(); parse.tokens.len()];
        for (i, t) in parse.tokens.iter().enumerate() {
            if let Some(h) = t.head {
                if h < children.len() && h != i {
                    children[h].push(i);
                }
            }
        }
        Tree { parse, children }
    }

    pub fn len(&self) -> usize {
        self.parse.tokens.len()
    }

    pub fn token(&self, i: usize) -> &Token<'static> {
        &self.parse.tokens[i]
    }

    pub fn head(&self, i: usize) -> Option<usize> {
        self.parse.tokens[i]
            .head
            .filter(|&h| h < self.len() && h != i)
    }

    /// The relation without its subtype ("nmod" for "nmod:poss").
    pub fn rel(&self, i: usize) -> &'static str {
        let r = self.parse.tokens[i].deprel;
        r.split(':').next().unwrap_or(r)
    }

    /// The full relation, subtype included.
    pub fn deprel(&self, i: usize) -> &'static str {
        self.parse.tokens[i].deprel
    }

    pub fn kids(&self, i: usize) -> &[usize] {
        &self.children[i]
    }

    /// The children of `i` whose relation (without subtype) is one of `rels`.
    pub fn kids_with<'a>(&'a self, i: usize, rels: &'a [&str]) -> impl Iterator<Item = usize> + 'a {
        self.children[i]
            .iter()
            .copied()
            .filter(move |&k| rels.contains(&self.rel(k)))
    }

    pub fn kid_with(&self, i: usize, rels: &[&str]) -> Option<usize> {
        self.kids_with(i, rels).next()
    }

    pub fn lemma(&self, i: usize) -> String {
        self.parse.tokens[i].lemma.to_lowercase()
    }

    pub fn upos(&self, i: usize) -> &'static str {
        self.parse.tokens[i].upos
    }

    pub fn is_value(&self, i: usize) -> bool {
        self.parse.tokens[i].value.is_some()
    }

    /// A count hyphened to the noun it counts ("10-year"), naming a kind.
    pub fn names_a_kind(&self, i: usize) -> bool {
        let t = self.token(i);
        t.value
            .is_some_and(|kind| crate::values::names_a_kind(kind, &t.form))
    }

    pub fn is_noun(&self, i: usize) -> bool {
        matches!(self.upos(i), "NOUN" | "PROPN") && !self.is_value(i)
    }

    pub fn is_verb(&self, i: usize) -> bool {
        matches!(self.upos(i), "VERB" | "AUX")
    }

    /// A proper noun, as the tagger says and its capital confirms; or an
    /// acronym the tagger took for a common noun ("the EC is"), past the
    /// sentence's first word (where a label in capitals stands: "NOTE:").
    pub fn is_name(&self, i: usize) -> bool {
        let form = &self.token(i).form;
        let proper =
            self.upos(i) == "PROPN" && form.chars().next().is_some_and(|c| !c.is_lowercase());
        let acronym = self.upos(i) == "NOUN"
            && i > 0
            && form.chars().count() >= 2
            && form.chars().all(|c| c.is_ascii_uppercase());
        (proper || acronym) && !self.is_value(i)
    }

    /// Whether the word is written with a capital first letter.
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.token(i)
            .form
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }

    /// Capitalized with lowercase after ("Foods"), not an acronym ("GDP").
    pub fn is_title_cased(&self, i: usize) -> bool {
        self.is_capitalized(i) && self.token(i).form.chars().any(char::is_lowercase)
    }

    pub fn is_pronoun(&self, i: usize) -> bool {
        self.upos(i) == "PRON"
    }

    /// The case word (or words: "compared with", "because of") on a
    /// nominal, lowercase.
    pub fn case(&self, i: usize) -> Option<String> {
        let words: Vec<String> = self
            .kids(i)
            .iter()
            .copied()
            .filter(|&k| matches!(self.rel(k), "case" | "mark") && k < i)
            .map(|k| self.lemma(k))
            .collect();
        (!words.is_empty()).then(|| words.join(" "))
    }

    /// Tree distance between two tokens (edges on the path), if connected.
    pub fn distance(&self, a: usize, b: usize) -> Option<usize> {
        let path = |mut n: usize| {
            let mut p = vec![n];
            for _ in 0..=self.len() {
                match self.head(n) {
                    Some(h) => {
                        p.push(h);
                        n = h;
                    }
                    None => break,
                }
            }
            p
        };
        let (pa, pb) = (path(a), path(b));
        pa.iter()
            .enumerate()
            .find_map(|(da, n)| pb.iter().position(|m| m == n).map(|db| da + db))
    }

    /// The tokens of a name: `i` with the compound and flat words that
    /// belong to it, as a contiguous run, or None if they are not one.
    pub fn name_span(&self, i: usize) -> (usize, usize) {
        // From a word inside a name, start at the name's head.
        // A capitalized common noun right after the name ends it, whatever
        // the tagger called it ("Dunmore Resources", "Harwick Foods").
        let ends_name =
            |i: usize, h: usize| h == i + 1 && self.upos(h) == "NOUN" && self.is_title_cased(h);
        let mut i = i;
        while let Some(h) = self.head(i) {
            if matches!(self.rel(i), "flat" | "compound")
                && self.is_name(i)
                && (self.is_name(h) || ends_name(i, h))
            {
                i = h;
            } else {
                break;
            }
        }
        let (mut lo, mut hi) = (i, i);
        // "Bank of Canada", "Port of Tallinn": an "of" name is part of it.
        for &k in self.kids(i) {
            if k == i + 2
                && self.rel(k) == "nmod"
                && self.is_name(k)
                && english().nouns.name_links.contains(&self.lemma(i + 1))
            {
                hi = self.name_span_simple(k).1;
            }
        }
        let mut stack = vec![i];
        // "Kestrel-Harlow": words written together with a hyphen are one.
        let glued = |x: usize, y: usize| self.token(x).end == self.token(y).start;
        let capital = |x: usize| {
            self.is_name(x)
                || self
                    .token(x)
                    .form
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        };
        while lo > 0 && glued(lo - 1, lo) && (self.token(lo - 1).form == "-" || capital(lo - 1)) {
            lo -= 1;
        }
        while hi + 1 < self.len()
            && glued(hi, hi + 1)
            && (self.token(hi + 1).form == "-" || capital(hi + 1))
        {
            hi += 1;
        }
        if self.token(lo).form == "-" {
            lo += 1;
        }
        if self.token(hi).form == "-" {
            hi = hi.saturating_sub(1).max(lo);
        }
        while let Some(n) = stack.pop() {
            for &k in self.kids(n) {
                // "Thai International": a capitalized modifier is part of
                // the name, whatever the tagger called it.
                let capital = self.is_capitalized(k);
                let part = (matches!(self.deprel(k), "flat" | "flat:name" | "compound")
                    && self.is_name(k))
                    || (matches!(self.rel(k), "amod" | "compound" | "flat")
                        && capital
                        && !self.is_value(k)
                        && k + 1 >= lo
                        && k < i);
                if part {
                    lo = lo.min(k);
                    hi = hi.max(k);
                    stack.push(k);
                }
            }
        }
        // "Kestrel Motor Credit Co", with the last two words parsed as a list
        // on the first: capitalized words right after the name that hang
        // from it are part of it.
        while hi + 1 < self.len()
            && (lo..=hi).contains(&self.head(hi + 1).unwrap_or(usize::MAX))
            && matches!(self.rel(hi + 1), "list" | "dep" | "flat" | "compound")
            && self.is_capitalized(hi + 1)
            && !self.is_value(hi + 1)
        {
            hi += 1;
        }
        // A name is written in one piece: a preposition or verb inside the
        // span is a misparse ("chose Arvo over Kestrel Motors Corp", with
        // "Arvo" a compound of "Corp"), and the name is the part around
        // its head.
        let breaks = |k: usize| {
            matches!(self.upos(k), "ADP" | "VERB" | "AUX" | "SCONJ")
                && !english().nouns.name_links.contains(&self.lemma(k))
        };
        if let Some(k) = (lo..i).rev().find(|&k| breaks(k)) {
            lo = k + 1;
        }
        if let Some(k) = (i + 1..=hi).find(|&k| breaks(k)) {
            hi = k - 1;
        }
        (lo, hi)
    }

    /// The compound and flat words under a name word, without "of" names.
    fn name_span_simple(&self, i: usize) -> (usize, usize) {
        let (mut lo, mut hi) = (i, i);
        for &k in self.kids(i) {
            if matches!(self.rel(k), "flat" | "compound") && self.is_name(k) {
                lo = lo.min(k);
                hi = hi.max(k);
            }
        }
        (lo, hi)
    }

    /// The byte span of tokens `lo..=hi`.
    pub fn bytes(&self, lo: usize, hi: usize) -> (usize, usize) {
        (self.token(lo).start, self.token(hi).end)
    }
}
