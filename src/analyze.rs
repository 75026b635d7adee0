//! Runs the per-document stages (publication date, sentences, values,
//! entities) over a corpus, in parallel, with rules compiled once.

use std::collections::HashMap;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::entities::{DocEntities, Gazetteer};
use crate::ingest::{self, Document, Published};
use crate::progress::Progress;
use crate::rules::RuleData;
use crate::segment;
use crate::values::{TimeContext, Value, ValueReader};

/// Everything compiled from the rules, built once per run.
pub struct Engine {
    pub rules: RuleData,
    pub values: ValueReader,
    pub gazetteer: Gazetteer,
}

impl Engine {
    pub fn new(rules: RuleData) -> Self {
        Engine {
            values: ValueReader::new(&rules),
            gazetteer: Gazetteer::new(&rules),
            rules,
        }
    }

    /// Analyzes documents in parallel; the output keeps the input order.
    pub fn analyze(
        &self,
        docs: Vec<Document>,
        overrides: &HashMap<String, NaiveDate>,
        progress: &Progress,
    ) -> Vec<Analyzed> {
        docs.into_par_iter()
            .map(|doc| {
                let flag = overrides.get(&doc.path).copied();
                let a = self.analyze_one(doc, flag);
                progress.inc();
                a
            })
            .collect()
    }

    pub fn analyze_one(&self, doc: Document, flag: Option<NaiveDate>) -> Analyzed {
        let published = ingest::published::determine(&doc, flag);
        let ctx = TimeContext {
            published: published.date,
            estimate_year: published.estimate_year,
        };
        let sentences = segment::sentences(&doc.text)
            .into_iter()
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
            .collect();
        let entities = self.gazetteer.find(&doc.text);
        Analyzed {
            doc,
            published,
            sentences,
            entities,
        }
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

impl Analyzed {
    pub fn sentence_text(&self, s: &Sentence) -> &str {
        &self.doc.text[s.start..s.end]
    }
}
