//! The per-document stages (publication date, sentences, values, entities)
//! and what they produce: an analyzed document, which every later stage
//! reads.

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::entities::{DocEntities, Gazetteer};
use crate::error::{InputWarning, Warning};
use crate::ingest::{self, Document, Published};
use crate::model::Evidence;
use crate::rules::RuleData;
use crate::segment;
use crate::values::{TimeContext, Value, ValueReader};

/// The recognizers compiled from the rules, built once per run.
pub struct DocumentReader {
    pub values: ValueReader,
    pub gazetteer: Gazetteer,
}

impl DocumentReader {
    pub fn new(rules: &RuleData) -> Self {
        DocumentReader {
            values: ValueReader::new(rules),
            gazetteer: Gazetteer::new(rules),
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
                        Sentence {
                            start: s.start,
                            end: s.end,
                            values,
                        }
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
        };
        (analyzed, warnings)
    }
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub values: Vec<Value>,
}

#[derive(Debug, Clone)]
pub struct Analyzed {
    pub doc: Document,
    pub published: Published,
    pub sentences: Vec<Sentence>,
    pub entities: DocEntities,
}

impl Sentence {
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
