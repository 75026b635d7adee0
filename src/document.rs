//! The per-document stages (publication date, sentences, values, entities)
//! and what they produce: an analyzed document, which every later stage
//! reads.

use std::sync::OnceLock;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::entities::{DocEntities, Gazetteer};
use crate::error::{InputWarning, Warning};
use crate::grammar::{Grammar, Parse, ValueSpan};
use crate::ingest::{self, Document, Published};
use crate::model::Evidence;
use crate::rules::RuleData;
use crate::segment;
use crate::values::{TimeContext, Value, ValueReader};

/// The recognizers compiled from the rules, built once per run.
pub struct DocumentReader {
    pub values: ValueReader,
    pub gazetteer: Gazetteer,
    /// None when the built-in model cannot be read: sentences then go
    /// unparsed and yield no claims from structure.
    grammar: Option<&'static Grammar>,
    /// Whether to parse every sentence as it is read. Otherwise a sentence
    /// is parsed when a reader of claims first asks for its tree: one
    /// with values, outside a headline and a results table, or one of the
    /// first few, which name the article's parties.
    pub parse_all: bool,
}

/// The first sentences of an article, parsed whether or not they state a
/// value: the article's party is named there.
pub const OPENING_SENTENCES: usize = 4;

impl DocumentReader {
    pub fn new(rules: &RuleData) -> Self {
        DocumentReader {
            values: ValueReader::new(rules),
            gazetteer: Gazetteer::new(rules),
            grammar: Grammar::english().ok(),
            parse_all: false,
        }
    }

    /// Dates, segments and reads one document; `flag` is a publication date
    /// given on the command line. Also says what in it was read past.
    pub fn read(&self, doc: Document, flag: Option<NaiveDate>) -> (Analyzed, Vec<InputWarning>) {
        let name = doc.display_name();
        let mut warnings: Vec<InputWarning> = doc
            .notes
            .iter()
            .map(|w| InputWarning::new(&name, w.clone()))
            .collect();
        warnings.extend(ingest::published::meta_warning(&doc).map(|w| InputWarning::new(&name, w)));
        let published = ingest::published::determine(&doc, flag);
        let ctx = TimeContext {
            published: published.date,
            estimate_year: published.estimate_year,
        };
        let segmented = segment::segment(&doc.text);
        if let Some(split) = segmented.split {
            let (line, column) = doc.position(split.first_start);
            warnings.push(
                InputWarning::new(
                    &name,
                    Warning::LongSentences {
                        count: split.count,
                        longest: split.longest,
                        bound: segment::MAX_SENTENCE,
                    },
                )
                .at(line, column),
            );
        }
        // Sentences are read independently, and names from the whole text:
        // a long article uses every core, not one.
        let (sentences, entities) = rayon::join(
            || {
                segmented
                    .sentences
                    .into_par_iter()
                    .map(|s| {
                        let mut values = self.values.read(&doc.text, s.start, s.end, &ctx);
                        // The dateline dates the article; it reports nothing.
                        if let Some(end) = published.dateline_end {
                            values.retain(|v| v.end > end);
                        }
                        let parse_from =
                            parse_start(&doc.text, s.start, s.end, published.dateline_end);
                        Sentence::unparsed(s.start, s.end, values, parse_from)
                    })
                    .collect()
            },
            || self.gazetteer.find(&doc.text),
        );
        let analyzed = Analyzed {
            doc,
            published,
            sentences,
            entities,
            archived: false,
            grammar: self.grammar.map(Parser),
        };
        if self.parse_all {
            analyzed.sentences.par_iter().for_each(|s| {
                analyzed.parse(s);
            });
        }
        (analyzed, warnings)
    }
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub values: Vec<Value>,
    /// Where its parse starts: after a dateline opening it.
    parse_from: usize,
    /// Tokens, tags, lemmas and the dependency tree, once asked for
    /// (`Analyzed::parse`); value spans are one token each.
    parse: OnceLock<Parse<'static>>,
}

/// The built-in grammar a document's sentences are parsed with, when
/// asked for.
#[derive(Clone, Copy)]
pub struct Parser(&'static Grammar);

impl std::fmt::Debug for Parser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Parser")
    }
}

/// Where a sentence's parse starts: after a dateline opening it ("RIGA,
/// April 14, 2025 -", "HARBORVIEW —"), which is no part of the sentence.
fn parse_start(text: &str, start: usize, end: usize, dateline_end: Option<usize>) -> usize {
    match dateline_end {
        Some(d) if start < d && d < end => {
            let rest = &text[d..end];
            d + (rest.len()
                - rest
                    .trim_start_matches([' ', '-', '–', '—', ':', ','])
                    .len())
        }
        _ => start + place_dateline(&text[start..end]),
    }
}

#[derive(Debug, Clone)]
pub struct Analyzed {
    pub doc: Document,
    pub published: Published,
    pub sentences: Vec<Sentence>,
    pub entities: DocEntities,
    /// Restored from an archive rather than read from an input: its claims
    /// come from the archive, its sentences are spans only (no values, no
    /// parse) and it has no entities, so rules that read whole documents
    /// (misnaming, name variants) pass it by.
    pub archived: bool,
    /// None for an archived document, or when the built-in model cannot
    /// be read: its sentences then have empty parses.
    pub grammar: Option<Parser>,
}

impl Sentence {
    /// A sentence whose parse, from byte `parse_from`, is yet to be made.
    pub fn unparsed(start: usize, end: usize, values: Vec<Value>, parse_from: usize) -> Self {
        Sentence {
            start,
            end,
            values,
            parse_from,
            parse: OnceLock::new(),
        }
    }

    /// Evidence at a span of this sentence of document `doc`.
    pub fn cite(&self, doc: usize, start: usize, end: usize, value: &str) -> Evidence {
        Evidence {
            doc,
            start,
            end,
            sentence_start: self.start,
            sentence_end: self.end,
            value: value.to_string(),
        }
    }
}

impl Analyzed {
    /// Lets go of every sentence's tree. Trees are needed to read claims,
    /// not to check them: a corpus keeps its text and values, and a tree
    /// asked for again is made again.
    pub fn forget_parses(&mut self) {
        for s in &mut self.sentences {
            s.parse.take();
        }
    }

    /// A sentence's parse, made the first time it is asked for (from any
    /// thread; once).
    pub fn parse<'a>(&'a self, s: &'a Sentence) -> &'a Parse<'static> {
        s.parse.get_or_init(|| match self.grammar {
            Some(Parser(g)) => {
                let spans: Vec<ValueSpan> = s
                    .values
                    .iter()
                    .map(|v| ValueSpan {
                        start: v.start,
                        end: v.end,
                        kind: v.kind,
                    })
                    .collect();
                g.parse_sentence(&self.doc.text, s.parse_from, s.end, &spans)
            }
            None => Parse::default(),
        })
    }

    pub fn sentence_text(&self, s: &Sentence) -> &str {
        &self.doc.text[s.start..s.end]
    }

    /// The sentence holding a span, found by binary search (sentences are
    /// in text order and do not overlap).
    pub fn sentence_at(&self, start: usize, end: usize) -> Option<&Sentence> {
        let k = self.sentences.partition_point(|s| s.end < end);
        self.sentences[k..]
            .iter()
            .take_while(|s| s.start <= start)
            .find(|s| s.start <= start && end <= s.end)
    }
}

/// The length of a dateline of capitals and a dash opening a sentence
/// ("HARBORVIEW — The council..."), 0 if none.
fn place_dateline(sentence: &str) -> usize {
    let place_len = sentence
        .find(|c: char| !(c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | ',')))
        .unwrap_or(0);
    let place = &sentence[..place_len];
    if place.trim().chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return 0;
    }
    let rest = &sentence[place_len..];
    let dash = rest.trim_start_matches(' ');
    // ("KESTREL-HARLOW SEES ...": a hyphen with a letter either side joins
    // a word, it opens no story.)
    let dash_len = dash.chars().next().map_or(0, char::len_utf8);
    let joins_a_word =
        dash.len() == rest.len() && dash[dash_len..].starts_with(|c: char| c.is_alphanumeric());
    match dash.chars().next() {
        Some('-' | '–' | '—') if !joins_a_word => {
            let after = dash[dash_len..].trim_start();
            sentence.len() - after.len()
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::place_dateline;

    #[test]
    fn a_place_and_a_dash_open_a_dateline() {
        assert_eq!(place_dateline("HARBORVIEW — The council met."), 15);
        assert_eq!(place_dateline("NEW YORK - Shares rose."), 11);
        assert_eq!(place_dateline("The council met — briefly."), 0);
        assert_eq!(place_dateline("US - China talks resumed."), 0);
        assert_eq!(place_dateline("ALDER-BRISK SEES GAINS"), 0);
    }
}
