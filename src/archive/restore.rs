//! Checking drafts against the archive: the keys the drafts' claims are
//! looked up by, and the archived documents and claims that answer them,
//! restored into the drafts' outcome so the same rules run over drafts and
//! archive alike and every report cites archived evidence as it cites the
//! drafts'. A restored document is its stored source read again (no
//! analysis: its claims are the stored ones), and each stored claim's line,
//! column and quote are checked against it before it is used.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use super::rows::{claim_from_cells, conversion_pair, day_of, DocRow};
use super::{ArchiveError, Query, Store};
use crate::calendar::parse_iso_date;
use crate::document::{Analyzed, Sentence};
use crate::entities::DocEntities;
use crate::ingest::{self, Format, Published, PublishedFrom};
use crate::link::holder_measure_key;
use crate::pipeline::Outcome;
use crate::report::check_json::quote;
use crate::rules::{ArithmeticOn, CheckParams, RuleData};
use crate::segment;
use crate::source::LineIndex;

/// What to ask the archive for the drafts of an outcome: every holder and
/// measure their claims state, and, for each conversion, the same pair of
/// units in articles published within the conversion rule's window.
pub fn lookups(outcome: &Outcome, rules: &RuleData) -> Query {
    let window = rules
        .check
        .iter()
        .filter_map(|d| match &d.params {
            CheckParams::Arithmetic(p) if p.compare == ArithmeticOn::Conversion => {
                Some(p.within_days)
            }
            _ => None,
        })
        .max();
    let mut keys = BTreeSet::new();
    let mut conversions = BTreeSet::new();
    for c in &outcome.claims {
        let Some(a) = outcome.docs.get(c.evidence.doc).filter(|a| !a.archived) else {
            continue;
        };
        keys.insert(holder_measure_key(c));
        if let (Some(pair), Some(date), Some(w)) = (conversion_pair(c), a.published.date, window) {
            let day = day_of(date);
            conversions.insert((pair, day - w, day + w));
        }
    }
    Query {
        lookups: keys.into_iter().collect(),
        conversions: conversions.into_iter().collect(),
    }
}

/// The drafts' outcome with the archived documents and claims that share a
/// key with theirs appended (documents sorted by path and id). A stored copy
/// of a draft itself (same path and id) is left out: a draft is not checked
/// against its own earlier version.
pub fn against(
    mut outcome: Outcome,
    rules: &RuleData,
    store: &mut dyn Store,
) -> Result<Outcome, ArchiveError> {
    let query = lookups(&outcome, rules);
    if query.lookups.is_empty() && query.conversions.is_empty() {
        return Ok(outcome);
    }
    let fetched = store.fetch(&query)?;
    let drafts: BTreeSet<(String, String)> = outcome
        .docs
        .iter()
        .map(|a| (a.doc.path.clone(), a.doc.id.clone().unwrap_or_default()))
        .collect();
    let target = store.target().to_string();
    let mut restored: HashMap<(String, String, i64), Analyzed> = HashMap::new();
    for f in fetched {
        if drafts.contains(&(f.doc.path.clone(), f.doc.id.clone())) {
            continue;
        }
        let corrupt = |detail: String| ArchiveError::Corrupt {
            target: target.clone(),
            path: display(&f.doc),
            detail,
        };
        // Copies of one source (an agency story in several feeds) are read
        // once.
        let shape = (f.doc.hash.clone(), f.doc.format.clone(), f.doc.first_line);
        let a = match restored.get(&shape) {
            Some(a) => renamed(a, &f.doc).map_err(corrupt)?,
            None => {
                let a = restore(&f.doc).map_err(corrupt)?;
                restored.insert(shape, a.clone());
                a
            }
        };
        let index = outcome.docs.len();
        for cells in &f.claims {
            let stored = claim_from_cells(cells, index).map_err(corrupt)?;
            let e = &stored.claim.evidence;
            let in_text = e.start <= e.end
                && e.sentence_start <= e.start
                && e.end <= e.sentence_end
                && a.doc.text.get(e.sentence_start..e.sentence_end).is_some();
            if !in_text {
                return Err(corrupt(format!(
                    "evidence at bytes {}..{} is not in the text",
                    e.start, e.end
                )));
            }
            let place = a.doc.position(e.start);
            if place != (stored.line, stored.column) || quote(&a, e) != stored.quote {
                return Err(corrupt(format!(
                    "a claim stored at {}:{} is read at {}:{}",
                    stored.line, stored.column, place.0, place.1
                )));
            }
            outcome.claims.push(stored.claim);
        }
        outcome.docs.push(a);
    }
    Ok(outcome)
}

fn display(d: &DocRow) -> String {
    if d.id.is_empty() {
        d.path.clone()
    } else {
        format!("{}#{}", d.path, d.id)
    }
}

fn format_named(name: &str) -> Option<Format> {
    Some(match name {
        "text" => Format::Text,
        "markdown" => Format::Markdown,
        "html" => Format::Html,
        "jsonl" => Format::Jsonl,
        _ => return None,
    })
}

/// The name a format is stored under.
pub fn format_name(f: Format) -> &'static str {
    match f {
        Format::Text => "text",
        Format::Markdown => "markdown",
        Format::Html => "html",
        Format::Jsonl => "jsonl",
    }
}

/// A stored document read again from its source, as an archived document.
fn restore(row: &DocRow) -> Result<Analyzed, String> {
    let format =
        format_named(&row.format).ok_or_else(|| format!("format '{}' is unknown", row.format))?;
    let (mut docs, errors) = ingest::parse(&row.path, row.source.clone(), format);
    if let Some(e) = errors.first() {
        return Err(e.message.clone());
    }
    if docs.len() != 1 {
        return Err(format!(
            "its source holds {} documents, not one",
            docs.len()
        ));
    }
    let mut doc = docs.remove(0);
    let first = usize::try_from(row.first_line.max(1)).unwrap_or(1);
    doc.lines = Arc::new(LineIndex::starting_at(&doc.source, first));
    let published = published(row)?;
    let sentences = segment::segment(&doc.text)
        .sentences
        .into_iter()
        .map(|s| Sentence::unparsed(s.start, s.end, Vec::new(), s.start))
        .collect();
    let mut a = Analyzed {
        doc,
        published,
        sentences,
        entities: DocEntities::default(),
        archived: true,
        grammar: None,
    };
    a.doc.id = (!row.id.is_empty()).then(|| row.id.clone());
    Ok(a)
}

/// When a stored document was published, as stored.
fn published(row: &DocRow) -> Result<Published, String> {
    let from: PublishedFrom = row
        .published_from
        .parse()
        .map_err(|_| format!("publication source '{}' is unknown", row.published_from))?;
    Ok(Published {
        date: row.published.as_deref().and_then(parse_iso_date),
        from,
        estimate_year: row.published_estimate.and_then(|y| i32::try_from(y).ok()),
        dateline_end: None,
    })
}

/// A restored document under another document's path, id and date.
fn renamed(a: &Analyzed, row: &DocRow) -> Result<Analyzed, String> {
    let mut a = a.clone();
    a.doc.path = row.path.clone();
    a.doc.id = (!row.id.is_empty()).then(|| row.id.clone());
    a.published = published(row)?;
    Ok(a)
}
