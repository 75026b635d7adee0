//! `claimcheck index`: reads articles, skips those whose content hash the
//! archive already has, analyzes the rest and stores each with its claims,
//! replacing its earlier version in the same transaction.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use super::restore::format_name;
use super::rows::{claim_cells, day_of, DocRow};
use super::{ArchiveError, Entry, Put, Store};
use crate::document::Analyzed;
use crate::error::{InputError, InputWarning};
use crate::ingest::{Document, Format};
use crate::pipeline::{analyze_documents, read, Engine, Inputs, Outcome, Progress};

/// What an index run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexReport {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    /// Claims written for the documents added or replaced.
    pub claims: usize,
    /// Inputs that could not be read (the others were still indexed).
    pub errors: Vec<InputError>,
    /// What was read past in the inputs (each named).
    pub warnings: Vec<InputWarning>,
}

/// Documents stored per transaction: each document is replaced whole,
/// and a batch amortizes the commit.
const BATCH: usize = 256;

/// The part of its file a document is stored with, and the line it starts
/// on: a JSONL row's own line, or the whole file.
fn own_source(doc: &Document) -> (String, usize) {
    if doc.format != Format::Jsonl {
        return (doc.source.to_string(), 1);
    }
    let at = doc.map.to_source(0);
    let line = doc.lines.line_col(&doc.source, at).0;
    (doc.lines.line_text(&doc.source, line).to_string(), line)
}

/// The content hash: the format, the publication date set on the command
/// line (it changes what the claims mean) and the document's source.
fn content_hash(doc: &Document, source: &str, flag: Option<NaiveDate>) -> String {
    let mut h = Sha256::new();
    h.update(format_name(doc.format));
    h.update([0]);
    h.update(flag.map(|d| d.to_string()).unwrap_or_default());
    h.update([0]);
    h.update(source);
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Indexes the inputs into the archive.
pub fn index(
    engine: &Engine,
    inputs: &Inputs,
    store: &mut dyn Store,
    progress: &dyn Progress,
) -> Result<IndexReport, ArchiveError> {
    let (docs, errors, warnings) = read(inputs);
    let mut report = IndexReport {
        errors,
        warnings,
        ..IndexReport::default()
    };
    let mut todo = Vec::new();
    let mut stored: HashMap<String, BTreeMap<String, String>> = HashMap::new();
    for doc in docs {
        let (source, _) = own_source(&doc);
        let hash = content_hash(&doc, &source, inputs.published.get(&doc.path).copied());
        let id = doc.id.clone().unwrap_or_default();
        if !stored.contains_key(&doc.path) {
            stored.insert(doc.path.clone(), store.hashes(&doc.path)?);
        }
        if stored[&doc.path].get(&id) == Some(&hash) {
            report.unchanged += 1;
            continue;
        }
        todo.push(doc);
    }
    let mut outcome = analyze_documents(engine, todo, &inputs.published, progress);
    // A document the analysis could not read is named, and not stored.
    report.errors.append(&mut outcome.errors);
    report.warnings.append(&mut outcome.warnings);
    let entries = entries_of(&outcome, &inputs.published);
    for batch in entries.chunks(BATCH) {
        for (put, e) in store.put(batch)?.into_iter().zip(batch) {
            match put {
                Put::Added => report.added += 1,
                Put::Replaced => report.replaced += 1,
                Put::Unchanged => report.unchanged += 1,
            }
            if put != Put::Unchanged {
                report.claims += e.claims.len();
            }
        }
    }
    Ok(report)
}

/// The archive entries of analyzed documents, each with its claims.
fn entries(outcome: &Outcome, shapes: Vec<(String, usize, String)>) -> Vec<Entry> {
    let mut claims: Vec<Vec<usize>> = vec![Vec::new(); outcome.docs.len()];
    for (i, c) in outcome.claims.iter().enumerate() {
        claims[c.evidence.doc].push(i);
    }
    outcome
        .docs
        .iter()
        .zip(shapes)
        .zip(claims)
        .map(|((a, (source, first_line, hash)), ids)| Entry {
            doc: doc_row(a, source, first_line, hash, ids.len()),
            claims: ids
                .iter()
                .enumerate()
                .map(|(seq, &i)| claim_cells(seq, &outcome.claims[i], a))
                .collect(),
        })
        .collect()
}

/// The entries `index` would store for an outcome's documents: for
/// building an archive through the library (a benchmark replicates them
/// under new paths).
pub fn entries_of(outcome: &Outcome, published: &HashMap<String, NaiveDate>) -> Vec<Entry> {
    let shapes = outcome
        .docs
        .iter()
        .map(|a| {
            let (source, first_line) = own_source(&a.doc);
            let hash = content_hash(&a.doc, &source, published.get(&a.doc.path).copied());
            (source, first_line, hash)
        })
        .collect();
    entries(outcome, shapes)
}

fn doc_row(a: &Analyzed, source: String, first_line: usize, hash: String, claims: usize) -> DocRow {
    let from: &'static str = a.published.from.into();
    DocRow {
        path: a.doc.path.clone(),
        id: a.doc.id.clone().unwrap_or_default(),
        hash,
        format: format_name(a.doc.format).to_string(),
        first_line: first_line as i64,
        title: a.doc.title.clone(),
        published: a.published.date.map(|d| d.to_string()),
        published_from: from.to_string(),
        published_estimate: a.published.estimate_year.map(i64::from),
        published_day: a.published.date.map(day_of),
        claim_count: claims as i64,
        source,
    }
}
