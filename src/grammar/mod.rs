//! English part-of-speech tags, lemmas and labeled dependency trees, from
//! our own tagger and parser trained on UD English EWT: the structure the
//! claims stage reads (which noun a number measures, whose it is).
//!
//! ```no_run
//! use claimcheck::grammar::{Grammar, ValueSpan};
//! let g = Grammar::english().unwrap();
//! let text = "Revenue rose 12% to $1.13bn in 2024.";
//! let parse = g.parse_sentence(text, 0, text.len(), &[]);
//! for t in &parse.tokens {
//!     let _ = (t.form.as_str(), t.upos, t.head, t.deprel);
//! }
//! ```

pub mod conllu;
pub mod eval;
mod features;
pub mod lemma;
pub mod merge;
pub mod model;
pub mod parser;
pub mod perceptron;
mod rng;
pub mod tagger;
pub mod tokenize;
pub mod train;
pub mod valuespans;

use std::sync::LazyLock;

use crate::values::ValueKind;
use features::Lex;
use model::Model;
use parser::State;

pub use tokenize::{tokenize, ValueSpan};

/// What can go wrong reading treebanks or a model.
#[derive(Debug, thiserror::Error)]
pub enum GrammarError {
    #[error("CoNLL-U line {line}: {message}")]
    Conllu { line: usize, message: String },
    #[error("grammar model: {0}")]
    Model(String),
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// Sentences longer than this are parsed in consecutive windows of this
/// many words; each later window's root attaches to the first window's root
/// as `parataxis`.
pub const MAX_WINDOW: usize = 256;

/// A trained tagger, parser and lemmatizer.
pub struct Grammar {
    model: Model,
}

/// One analysed word.
#[derive(Debug, Clone, PartialEq)]
pub struct Token<'g> {
    /// Byte span in the text given (0..0 for words given without text).
    pub start: usize,
    pub end: usize,
    pub form: String,
    /// Set when the word is a value the recognizer found (one token).
    pub value: Option<ValueKind>,
    pub upos: &'g str,
    pub xpos: &'g str,
    pub lemma: String,
    /// Index of the head in `Parse::tokens`; None for the root.
    pub head: Option<usize>,
    /// UD relation with its subtype ("nmod:poss", "obl:tmod").
    pub deprel: &'g str,
}

/// A sentence's words and their dependency tree (one root).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parse<'g> {
    pub tokens: Vec<Token<'g>>,
}

impl Parse<'_> {
    /// The root's index; None only for an empty sentence.
    pub fn root(&self) -> Option<usize> {
        self.tokens.iter().position(|t| t.head.is_none())
    }

    /// Indices of the dependents of `i`, in order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.tokens
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.head == Some(i))
            .map(|(j, _)| j)
    }
}

/// A word given with its tokenization already decided.
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    pub form: &'a str,
    pub value: Option<ValueKind>,
}

/// Angle brackets, which agency copy puts around tickers and names, are
/// read as the parentheses the treebank has plenty of.
fn bracket(form: &str) -> &str {
    match form {
        "<" => "(",
        ">" => ")",
        _ => form,
    }
}

/// Reusable buffers: analysing a sentence allocates nothing once warm.
#[derive(Default)]
pub struct Workspace {
    lex: Vec<Lex>,
    pub tags: Vec<u16>,
    words: Vec<parser::Word>,
    state: State,
    feats: Vec<u64>,
    scores: Vec<i32>,
    /// Per word: head index, or u32::MAX for the root.
    pub heads: Vec<u32>,
    pub labels: Vec<u8>,
}

/// The placeholder a value token's features see instead of its digits.
pub fn placeholder(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Money => "<money>",
        ValueKind::Percent => "<percent>",
        ValueKind::PercentagePoints => "<percentage-points>",
        ValueKind::Multiplier => "<multiplier>",
        ValueKind::Quantity => "<quantity>",
        ValueKind::Count => "<count>",
        ValueKind::Rank => "<rank>",
        ValueKind::Time => "<time>",
    }
}

static EMBEDDED: &[u8] = include_bytes!("../../models/en.grammar");

static ENGLISH: LazyLock<Result<Grammar, String>> =
    LazyLock::new(|| Grammar::from_bytes(EMBEDDED).map_err(|e| e.to_string()));

impl Grammar {
    /// The English model built into the binary, loaded once.
    pub fn english() -> Result<&'static Grammar, GrammarError> {
        ENGLISH.as_ref().map_err(|e| GrammarError::Model(e.clone()))
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Grammar, GrammarError> {
        Ok(Grammar {
            model: Model::from_bytes(bytes)?,
        })
    }

    pub fn from_model(model: Model) -> Grammar {
        Grammar { model }
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Tokenizes `text[start..end]` (values stay one token each), then
    /// tags, lemmatizes and parses it.
    pub fn parse_sentence(
        &self,
        text: &str,
        start: usize,
        end: usize,
        values: &[ValueSpan],
    ) -> Parse<'_> {
        let toks = tokenize(text, start, end, values);
        let words: Vec<Word> = toks
            .iter()
            .map(|t| Word {
                form: &text[t.start..t.end],
                value: t.value,
            })
            .collect();
        // One workspace per thread: a sentence allocates nothing once warm.
        thread_local! {
            static WORKSPACE: std::cell::RefCell<Workspace> = std::cell::RefCell::new(Workspace::default());
        }
        let mut p = WORKSPACE.with(|ws| match ws.try_borrow_mut() {
            Ok(mut ws) => self.parse_words(&words, &mut ws),
            Err(_) => self.parse_words(&words, &mut Workspace::default()),
        });
        for (tok, t) in p.tokens.iter_mut().zip(&toks) {
            tok.start = t.start;
            tok.end = t.end;
        }
        p
    }

    /// Tags, lemmatizes and parses words already cut.
    pub fn parse_words(&self, words: &[Word], ws: &mut Workspace) -> Parse<'_> {
        self.analyze(words, ws);
        let tags = &self.model.tagger.tags;
        let labels = &self.model.parser.labels;
        let tokens = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let tag = ws.tags[i];
                Token {
                    start: 0,
                    end: 0,
                    form: w.form.to_string(),
                    value: w.value,
                    upos: tags.upos_of(tag),
                    xpos: tags.xpos_of(tag),
                    lemma: self.lemma(w, tag),
                    head: (ws.heads[i] != u32::MAX).then_some(ws.heads[i] as usize),
                    deprel: labels
                        .get(ws.labels[i] as usize)
                        .map_or("dep", String::as_str),
                }
            })
            .collect();
        Parse { tokens }
    }

    /// The lemma of a word with its joint tag.
    pub fn lemma(&self, w: &Word, tag: u16) -> String {
        // A value is its own lemma ("March", "$1.13bn", "last year").
        if w.value.is_some() {
            return w.form.to_string();
        }
        let tags = &self.model.tagger.tags;
        self.model
            .lemmatizer
            .lemma(w.form, tags.upos_id(tag), tags.upos_of(tag) == "PROPN")
    }

    /// Tags and parses into the workspace (`ws.tags`, `ws.heads`,
    /// `ws.labels`): the fast path, without strings.
    /// A sentence needs a finite verb: when the tagger left none, and a
    /// regular past form right after a noun was tagged a participle with
    /// no auxiliary before it ("Exports climbed from ..."), it is the
    /// past tense. The greedy tagger sees two words back, not the whole
    /// sentence; this is the one sentence-wide constraint it misses most.
    fn finite_verb(&self, words: &[Word], tags: &mut [u16]) {
        let set = &self.model.tagger.tags;
        let xpos = |t: u16| set.xpos_of(t);
        if words.len() < 3
            || tags
                .iter()
                .any(|&t| matches!(xpos(t), "VBD" | "VBZ" | "VBP" | "MD"))
        {
            return;
        }
        let Some(past) =
            (0..set.joint.len() as u16).find(|&t| set.upos_of(t) == "VERB" && xpos(t) == "VBD")
        else {
            return;
        };
        for i in 1..words.len() {
            if set.upos_of(tags[i]) == "AUX" {
                return;
            }
            let after_noun = matches!(set.upos_of(tags[i - 1]), "NOUN" | "PROPN" | "PRON");
            if xpos(tags[i]) == "VBN" && after_noun && words[i].form.ends_with("ed") {
                tags[i] = past;
                return;
            }
        }
    }

    /// "Kestrel-Harlow", "Brenmoor-Lind": two title-cased words joined by a
    /// hyphen are one name, each part a proper noun, whatever the part
    /// would be alone ("Consolidated" reads as a verb). Capitals throughout
    /// ("U.S.-JAPAN") are left to the tagger. The words after are tagged
    /// again.
    fn hyphenated_names(&self, words: &[Word], lex: &[Lex], tags: &mut Vec<u16>) {
        let set = &self.model.tagger.tags;
        let Some(proper) = set.get("PROPN", "NNP") else {
            return;
        };
        let title_cased = |w: &Word| {
            w.value.is_none()
                && w.form.starts_with(|c: char| c.is_uppercase())
                && w.form.chars().skip(1).any(char::is_lowercase)
                && w.form.chars().all(char::is_alphabetic)
        };
        let mut i = 0;
        while i + 2 < words.len() {
            if words[i + 1].form != "-" || !title_cased(&words[i]) || !title_cased(&words[i + 2]) {
                i += 1;
                continue;
            }
            // ("Israeli-Palestinian" talks: adjectives stay adjectives.)
            let adjectives = [i, i + 2].iter().any(|&k| set.upos_of(tags[k]) == "ADJ");
            for k in [i, i + 2] {
                if !adjectives && set.upos_of(tags[k]) != "PROPN" {
                    tags[k] = proper;
                    tags.truncate(k + 1);
                    self.model.tagger.tag_from(lex, tags);
                }
            }
            i += 2;
        }
    }

    /// Agency copy writes a company's ticker, or the name of one with no
    /// ticker, in angle brackets ("<Brenmoor Gold AS>", "<BGA>"): its
    /// capitalized words are a proper noun, whatever they would be
    /// elsewhere ("Gold", "AS"). The words after the brackets are tagged
    /// again.
    fn bracketed_names(&self, words: &[Word], lex: &[Lex], tags: &mut Vec<u16>) {
        const LINKS: &[&str] = &["&", "and", "of", "de", "du", "del", "der", "la", "-", "."];
        let set = &self.model.tagger.tags;
        let Some(proper) = set.get("PROPN", "NNP") else {
            return;
        };
        let mut i = 0;
        while i < words.len() {
            if words[i].form != "<" {
                i += 1;
                continue;
            }
            let close = (i + 1..words.len().min(i + 10)).find(|&j| words[j].form == ">");
            let Some(close) = close.filter(|&j| j > i + 1) else {
                i += 1;
                continue;
            };
            let inside = &words[i + 1..close];
            let capital = |w: &Word| w.form.starts_with(|c: char| c.is_uppercase());
            let a_name = inside.iter().all(|w| {
                w.value.is_none() && (capital(w) || LINKS.contains(&w.form.to_lowercase().as_str()))
            }) && capital(&inside[0]);
            if !a_name {
                i = close;
                continue;
            }
            let before = tags[i + 1..close].to_vec();
            for (k, w) in inside.iter().enumerate() {
                if capital(w) {
                    tags[i + 1 + k] = proper;
                }
            }
            if tags[i + 1..close] != before[..] {
                tags.truncate(close);
                self.model.tagger.tag_from(lex, tags);
            }
            i = close;
        }
    }

    /// A present verb in -s right before a finite verb, after a word that
    /// can start a noun phrase ("March exports were ...", "Gold reserves
    /// rose ..."), is a plural noun: English puts no finite verb straight
    /// after another. The greedy tagger commits to the first before it
    /// sees the second; the words after the corrected one are tagged again.
    fn no_verb_before_a_verb(&self, words: &[Word], lex: &[Lex], tags: &mut Vec<u16>) {
        let set = &self.model.tagger.tags;
        let xpos = |t: u16| set.xpos_of(t);
        let Some(plural) =
            (0..set.joint.len() as u16).find(|&t| set.upos_of(t) == "NOUN" && xpos(t) == "NNS")
        else {
            return;
        };
        let finite = |t: u16| matches!(xpos(t), "VBD" | "VBZ" | "VBP" | "MD");
        let mut i = 1;
        while i + 1 < words.len() {
            // "March exports totalled ...": a past form read as a
            // participle, where no other verb is finite, is the finite verb
            // (`finite_verb` makes it so once this one is a noun).
            let only_finite = || (0..tags.len()).all(|j| j == i || !finite(tags[j]));
            let next_finite = finite(tags[i + 1])
                || (xpos(tags[i + 1]) == "VBN"
                    && words[i + 1].form.ends_with("ed")
                    && only_finite());
            let opens_phrase = matches!(xpos(tags[i - 1]), "NNP" | "NN" | "JJ" | "DT" | "CD");
            if xpos(tags[i]) == "VBZ"
                && set.upos_of(tags[i]) == "VERB"
                && next_finite
                && opens_phrase
                && words[i].value.is_none()
                && words[i].form.ends_with('s')
            {
                tags[i] = plural;
                tags.truncate(i + 1);
                self.model.tagger.tag_from(lex, tags);
            }
            i += 1;
        }
    }

    pub fn analyze(&self, words: &[Word], ws: &mut Workspace) {
        ws.lex.clear();
        ws.lex.extend(
            words
                .iter()
                .map(|w| Lex::new(bracket(w.form), w.value.map(placeholder))),
        );
        let n = words.len();
        self.model.tagger.tag(&ws.lex, &mut ws.tags);
        self.bracketed_names(words, &ws.lex, &mut ws.tags);
        self.hyphenated_names(words, &ws.lex, &mut ws.tags);
        self.no_verb_before_a_verb(words, &ws.lex, &mut ws.tags);
        self.finite_verb(words, &mut ws.tags);
        ws.heads.clear();
        ws.heads.resize(n, u32::MAX);
        ws.labels.clear();
        ws.labels.resize(n, self.model.parser.root);
        let parser = &self.model.parser;
        let parataxis = parser
            .labels
            .iter()
            .position(|l| l == "parataxis")
            .unwrap_or(0) as u8;
        let dep = parser.labels.iter().position(|l| l == "dep").unwrap_or(0) as u8;
        let mut first_root: Option<u32> = None;
        let mut a = 0;
        while a < n {
            let b = (a + MAX_WINDOW).min(n);
            parser::words(&ws.lex[a..b], &ws.tags[a..b], &mut ws.words);
            parser.parse(&ws.words, &mut ws.state, &mut ws.feats, &mut ws.scores);
            let m = b - a;
            // The window's root: the word the parser attached to the root.
            let local_root = (0..m).find(|&k| ws.state.heads[k] as usize == m);
            let window_root = local_root.map(|k| (a + k) as u32);
            for k in 0..m {
                let h = ws.state.heads[k];
                let i = a + k;
                if h as usize == m || h == u16::MAX {
                    let is_root = local_root == Some(k);
                    match (first_root, is_root) {
                        (None, true) => {
                            ws.heads[i] = u32::MAX;
                            ws.labels[i] = parser.root;
                        }
                        (Some(r), true) => {
                            ws.heads[i] = r;
                            ws.labels[i] = parataxis;
                        }
                        (_, false) => {
                            // Left unattached (cannot happen in a complete
                            // parse): hang it on the root.
                            let r = first_root.or(window_root);
                            match r {
                                Some(r) if r as usize != i => {
                                    ws.heads[i] = r;
                                    ws.labels[i] = dep;
                                }
                                _ => {
                                    ws.heads[i] = u32::MAX;
                                    ws.labels[i] = parser.root;
                                }
                            }
                        }
                    }
                } else {
                    ws.heads[i] = (a + h as usize) as u32;
                    ws.labels[i] = ws.state.labels[k];
                }
            }
            if first_root.is_none() {
                first_root = window_root;
            }
            a = b;
        }
        self.reattach_value_ranges(words, ws);
    }

    /// News states a change as "rose 12% to $1.13bn" or "from $2.9bn to
    /// $3.2bn", which web text (the training data) hardly does: the parser
    /// hangs the second value on the first. A value marked by "to" or "from"
    /// whose head is another value moves to that value's head (`obl` of a
    /// verb or adjective, else `nmod`); a value left as a `compound` of the
    /// next value across that value's "to" moves there too (`obl:unmarked`).
    fn reattach_value_ranges(&self, words: &[Word], ws: &mut Workspace) {
        let labels = &self.model.parser.labels;
        let id = |name: &str| labels.iter().position(|l| l == name).map(|i| i as u8);
        let (Some(nmod), Some(obl), Some(case), Some(compound)) =
            (id("nmod"), id("obl"), id("case"), id("compound"))
        else {
            return;
        };
        let unmarked = id("obl:unmarked").unwrap_or(obl);
        let tags = &self.model.tagger.tags;
        let predicate = |i: usize| matches!(tags.upos_of(ws.tags[i]), "VERB" | "AUX" | "ADJ");
        let n = words.len();
        for i in 0..n {
            let h = ws.heads[i];
            if words[i].value.is_none() || h == u32::MAX || words[h as usize].value.is_none() {
                continue;
            }
            let h = h as usize;
            let g = ws.heads[h];
            if g == u32::MAX {
                continue;
            }
            let g = g as usize;
            let marker = |v: usize, between: (usize, usize)| {
                (between.0..between.1).any(|c| {
                    ws.heads[c] as usize == v
                        && ws.labels[c] == case
                        && matches!(words[c].form.to_lowercase().as_str(), "to" | "from")
                })
            };
            if ws.labels[i] == nmod && h < i && marker(i, (h + 1, i)) {
                ws.heads[i] = g as u32;
                ws.labels[i] = if predicate(g) { obl } else { nmod };
            } else if ws.labels[i] == compound && i < h && predicate(g) && marker(h, (i + 1, h)) {
                ws.heads[i] = g as u32;
                ws.labels[i] = unmarked;
            }
        }
    }
}
