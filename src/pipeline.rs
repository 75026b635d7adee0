//! The data flow of a run, in order: read the inputs into documents,
//! analyze each (publication date, sentences, values, entities), read its
//! claims, link the claims by subject, run the rules, and drop what the
//! articles' own comments silence. Everything the binary does goes through
//! `analyze` and `check`.

use std::collections::HashMap;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::checks::{self, Finding};
use crate::claims::{Claim, Extractor};
use crate::document::{Analyzed, DocumentReader};
use crate::error::InputError;
use crate::ingest::{self, Document};
use crate::link::ClaimGroups;
use crate::rules::RuleData;
use crate::suppress::Suppressions;

/// Everything compiled from the rules, built once per run.
pub struct Engine {
    pub rules: RuleData,
    reader: DocumentReader,
    extractor: Extractor,
}

impl Engine {
    pub fn new(rules: RuleData) -> Self {
        Engine {
            reader: DocumentReader::new(&rules),
            extractor: Extractor::new(&rules),
            rules,
        }
    }
}

/// What to read: paths as the user gave them (files, directories, `-` for
/// stdin) and publication dates set for some of them.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub paths: Vec<String>,
    pub published: HashMap<String, NaiveDate>,
}

impl Inputs {
    pub fn of(paths: &[&str]) -> Self {
        Inputs {
            paths: paths.iter().map(|p| p.to_string()).collect(),
            published: HashMap::new(),
        }
    }
}

/// Told how far a run has got, so a caller can show progress.
pub trait Progress: Sync {
    /// `total` documents are about to be analyzed.
    fn start(&self, _total: usize) {}
    /// One more document is done.
    fn advance(&self) {}
}

/// Progress nobody watches.
pub struct Quiet;

impl Progress for Quiet {}

/// The analyzed documents, their claims, and the inputs that could not be
/// read (each named; the others were still read).
pub struct Outcome {
    /// The inputs, in order; after them any documents restored from an
    /// archive (`Analyzed::archived`) for claims that share a key with an
    /// input's.
    pub docs: Vec<Analyzed>,
    /// Every claim, in document order; `evidence.doc` indexes `docs`.
    pub claims: Vec<Claim>,
    pub errors: Vec<InputError>,
}

/// The findings of a check, and how many the articles' comments silenced.
pub struct Checked {
    pub findings: Vec<Finding>,
    pub suppressed: usize,
}

/// Reads and analyzes the inputs, in parallel; documents keep the order of
/// the inputs.
pub fn analyze(engine: &Engine, inputs: &Inputs, progress: &dyn Progress) -> Outcome {
    let (read, errors) = read(inputs);
    let mut outcome = analyze_documents(engine, read, &inputs.published, progress);
    outcome.errors = errors;
    outcome
}

/// Reads the inputs into documents, not yet analyzed, in input order, and
/// names the inputs that could not be read.
pub fn read(inputs: &Inputs) -> (Vec<Document>, Vec<InputError>) {
    let (found, mut errors) = ingest::collect_inputs(&inputs.paths);
    let loaded: Vec<_> = found.par_iter().map(ingest::load).collect();
    let mut read = Vec::new();
    for (d, e) in loaded {
        read.extend(d);
        errors.extend(e);
    }
    (read, errors)
}

/// Analyzes documents already read, in parallel, keeping their order;
/// `published` sets the publication dates of some paths.
pub fn analyze_documents(
    engine: &Engine,
    read: Vec<Document>,
    published: &HashMap<String, NaiveDate>,
    progress: &dyn Progress,
) -> Outcome {
    progress.start(read.len());
    let analyzed: Vec<(Analyzed, Vec<Claim>)> = read
        .into_par_iter()
        .enumerate()
        .map(|(i, doc)| {
            let flag = published.get(&doc.path).copied();
            let a = engine.reader.read(doc, flag);
            let claims = engine.extractor.extract(i, &a);
            progress.advance();
            (a, claims)
        })
        .collect();
    let mut docs = Vec::with_capacity(analyzed.len());
    let mut claims = Vec::new();
    for (a, c) in analyzed {
        docs.push(a);
        claims.extend(c);
    }
    Outcome {
        docs,
        claims,
        errors: Vec::new(),
    }
}

/// Links the claims and runs every rule, honouring suppression comments.
/// With documents from an archive, only findings that cite an input count:
/// what the archive says among itself was there before the drafts.
pub fn check(engine: &Engine, outcome: &Outcome) -> Checked {
    let groups = ClaimGroups::build(&outcome.claims);
    let mut found = checks::run(&checks::Corpus {
        docs: &outcome.docs,
        claims: &outcome.claims,
        groups: &groups,
        rules: &engine.rules,
    });
    if outcome.docs.iter().any(|a| a.archived) {
        found.retain(|f| f.evidence.iter().any(|e| !outcome.docs[e.doc].archived));
    }
    let (findings, suppressed) = without_suppressed(&outcome.docs, found);
    Checked {
        findings,
        suppressed,
    }
}

/// Drops the findings an article's comments silence: any one piece of
/// evidence on a silenced line silences the finding.
fn without_suppressed(docs: &[Analyzed], findings: Vec<Finding>) -> (Vec<Finding>, usize) {
    let silenced: Vec<Suppressions> = docs.iter().map(|a| Suppressions::scan(&a.doc)).collect();
    let before = findings.len();
    let kept: Vec<Finding> = findings
        .into_iter()
        .filter(|f| {
            !f.evidence.iter().any(|e| {
                let line = docs[e.doc].doc.position(e.start).0;
                silenced[e.doc].covers(&f.rule, line)
            })
        })
        .collect();
    let suppressed = before - kept.len();
    (kept, suppressed)
}
