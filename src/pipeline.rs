//! The data flow of a run, in order: read the inputs into documents,
//! analyze each (publication date, sentences, values, entities), read its
//! claims, link the claims by subject, run the rules, and drop what the
//! articles' own comments silence. Everything the binary does goes through
//! `analyze` and `check`.

use std::collections::HashMap;
use std::panic::{self, AssertUnwindSafe};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::checks::{self, Finding};
use crate::claims::{Claim, Extractor};
use crate::document::{Analyzed, DocumentReader};
use crate::error::{InputError, InputWarning, Warning};
use crate::ingest::{self, Document};
use crate::link::ClaimGroups;
use crate::paths;
use crate::rules::RuleData;
use crate::suppress::Suppressions;

/// Everything compiled from the rules, built once per run.
pub struct Engine {
    pub rules: RuleData,
    pub(crate) reader: DocumentReader,
    pub(crate) extractor: Extractor,
}

impl Engine {
    pub fn new(rules: RuleData) -> Self {
        Engine {
            reader: DocumentReader::new(&rules),
            extractor: Extractor::new(&rules),
            rules,
        }
    }

    /// An engine that parses every sentence (for `claimcheck parse`),
    /// not only those claims are read from.
    pub fn parsing_everything(mut self) -> Self {
        self.reader.parse_all = true;
        self
    }
}

/// What to read: paths as the user gave them (files, directories, `-` for
/// stdin), publication dates set for some of them, and the largest file
/// that is read.
#[derive(Debug, Clone)]
pub struct Inputs {
    pub paths: Vec<String>,
    /// Keyed by path as given; `./a.md` and `a.md` are one path.
    pub published: HashMap<String, NaiveDate>,
    /// Files over this many bytes are refused, not read.
    pub max_file_size: u64,
}

impl Default for Inputs {
    fn default() -> Self {
        Inputs {
            paths: Vec::new(),
            published: HashMap::new(),
            max_file_size: ingest::DEFAULT_MAX_FILE_SIZE,
        }
    }
}

impl Inputs {
    pub fn of(paths: &[&str]) -> Self {
        Inputs {
            paths: paths.iter().map(|p| p.to_string()).collect(),
            ..Inputs::default()
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

/// The analyzed documents, their claims, the inputs that could not be
/// read (each named; the others were still read) and what was read past.
pub struct Outcome {
    /// The inputs, sorted by path whatever the order of the inputs; after
    /// them any documents restored from an archive (`Analyzed::archived`)
    /// for claims that share a key with an input's.
    pub docs: Vec<Analyzed>,
    /// Every claim, in document order; `evidence.doc` indexes `docs`.
    pub claims: Vec<Claim>,
    pub errors: Vec<InputError>,
    pub warnings: Vec<InputWarning>,
}

/// The findings of a check, how many the articles' comments silenced, and
/// what in those comments could not be understood.
pub struct Checked {
    pub findings: Vec<Finding>,
    pub suppressed: usize,
    pub warnings: Vec<InputWarning>,
}

/// Reads and analyzes the inputs, in parallel; documents are in path
/// order. A document that trips a bug in the analysis is an error naming
/// it, and the others are still analyzed.
pub fn analyze(engine: &Engine, inputs: &Inputs, progress: &dyn Progress) -> Outcome {
    let (read, mut errors, mut warnings) = read(inputs);
    let mut outcome = analyze_documents(engine, read, &inputs.published, progress);
    errors.append(&mut outcome.errors);
    warnings.append(&mut outcome.warnings);
    sort_errors(&mut errors);
    sort_warnings(&mut warnings);
    outcome.errors = errors;
    outcome.warnings = warnings;
    outcome
}

/// Reads the inputs into documents, not yet analyzed, in path order, and
/// names the inputs that could not be read and what was read past.
pub fn read(inputs: &Inputs) -> (Vec<Document>, Vec<InputError>, Vec<InputWarning>) {
    let collected = ingest::collect_inputs(&inputs.paths);
    let (mut errors, mut warnings) = (collected.errors, collected.warnings);
    let limit = inputs.max_file_size;
    let loaded: Vec<_> = collected
        .inputs
        .par_iter()
        .map(|i| ingest::load(i, limit))
        .collect();
    let mut read = Vec::new();
    for l in loaded {
        read.extend(l.docs);
        errors.extend(l.errors);
        warnings.extend(l.warnings);
    }
    // A date for a file that was not read is a mistake the user should hear
    // of: it would otherwise change nothing, silently.
    let mut unmatched: Vec<&String> = inputs
        .published
        .keys()
        .filter(|p| {
            let p = paths::normalize(p);
            !read.iter().any(|d| paths::normalize(&d.path) == p)
        })
        .collect();
    unmatched.sort();
    for p in unmatched {
        errors.push(InputError::new(
            p.as_str(),
            "--published names a file that is not among the documents read; its date is not used",
        ));
    }
    (read, errors, warnings)
}

/// Analyzes documents already read, in parallel, keeping their order;
/// `published` sets the publication dates of some paths. A document that
/// trips a bug in the analysis is an error naming it, and the others are
/// still analyzed.
pub fn analyze_documents(
    engine: &Engine,
    read: Vec<Document>,
    published: &HashMap<String, NaiveDate>,
    progress: &dyn Progress,
) -> Outcome {
    let published: HashMap<String, NaiveDate> = published
        .iter()
        .map(|(p, d)| (paths::normalize(p), *d))
        .collect();
    progress.start(read.len());
    let analyzed: Vec<Result<Read, InputError>> = read
        .into_par_iter()
        .map(|doc| {
            let name = doc.display_name();
            let flag = published.get(&paths::normalize(&doc.path)).copied();
            let run = panic::catch_unwind(AssertUnwindSafe(|| {
                let (mut a, w) = engine.reader.read(doc, flag);
                let claims = engine.extractor.extract(0, &a);
                a.forget_parses();
                (a, claims, w)
            }));
            progress.advance();
            run.map_err(|p| {
                let why = p
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                InputError::new(
                    name,
                    format!("internal error, please report it with this file ({why}); not checked"),
                )
            })
        })
        .collect();
    let mut docs = Vec::with_capacity(analyzed.len());
    let mut claims = Vec::new();
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    for result in analyzed {
        match result {
            Ok((a, mut c, w)) => {
                for claim in &mut c {
                    claim.evidence.doc = docs.len();
                }
                docs.push(a);
                claims.extend(c);
                warnings.extend(w);
            }
            Err(e) => errors.push(e),
        }
    }
    sort_errors(&mut errors);
    sort_warnings(&mut warnings);
    Outcome {
        docs,
        claims,
        errors,
        warnings,
    }
}

fn sort_errors(errors: &mut [InputError]) {
    errors.sort_by(|a, b| {
        (paths::normalize(&a.path), a.line, a.column, &a.message).cmp(&(
            paths::normalize(&b.path),
            b.line,
            b.column,
            &b.message,
        ))
    });
}

/// One document read: its analysis, claims and warnings.
type Read = (Analyzed, Vec<Claim>, Vec<InputWarning>);

fn sort_warnings(warnings: &mut [InputWarning]) {
    warnings.sort_by_cached_key(|w| {
        (
            paths::normalize(&w.path),
            w.line,
            w.column,
            w.warning.to_string(),
        )
    });
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
    let silenced: Vec<Suppressions> = outcome
        .docs
        .iter()
        .map(|a| Suppressions::scan(&a.doc))
        .collect();
    let mut warnings = Vec::new();
    for (a, s) in outcome.docs.iter().zip(&silenced) {
        // What an archived document's comments say was heard when it was
        // indexed.
        if a.archived {
            continue;
        }
        for (rule, line, column) in s.named() {
            if !engine.rules.knows(rule) {
                warnings.push(
                    InputWarning::new(
                        a.doc.display_name(),
                        Warning::UnknownRule {
                            rule: rule.to_string(),
                        },
                    )
                    .at(line, column),
                );
            }
        }
    }
    sort_warnings(&mut warnings);
    if outcome.docs.iter().any(|a| a.archived) {
        found.retain(|f| f.evidence.iter().any(|e| !outcome.docs[e.doc].archived));
    }
    let (findings, suppressed) = without_suppressed(&outcome.docs, &silenced, found);
    Checked {
        findings,
        suppressed,
        warnings,
    }
}

/// Drops the findings an article's comments silence: any one piece of
/// evidence on a silenced line silences the finding.
fn without_suppressed(
    docs: &[Analyzed],
    silenced: &[Suppressions],
    findings: Vec<Finding>,
) -> (Vec<Finding>, usize) {
    let before = findings.len();
    let kept: Vec<Finding> = findings
        .into_iter()
        .filter(|f| {
            !f.evidence.iter().any(|e| {
                let doc = &docs[e.doc].doc;
                let line = doc.lines.line_of(doc.map.to_source(e.start));
                silenced[e.doc].covers(&f.rule, line)
            })
        })
        .collect();
    let suppressed = before - kept.len();
    (kept, suppressed)
}
