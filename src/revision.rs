//! What a revision of an article changed: its claims (a value, a period, a
//! subject changed; claims added or removed) and the findings against the
//! other documents it introduces or resolves. A pure comparison of two
//! checked outcomes; `report::diff` renders it. A fact-checker reviewing a
//! correction reads this first.

use serde::Serialize;

use crate::checks::Finding;
use crate::claims::{Claim, ClaimValue};
use crate::document::Analyzed;
use crate::error::InputError;
use crate::model::{Evidence, Severity};
use crate::pipeline::Outcome;
use crate::rules::FrameKind;

/// A claim as the diff shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimView {
    pub predicate: String,
    pub subject: String,
    pub label: Option<String>,
    pub period: Option<String>,
    pub value: String,
    pub path: String,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClaimChange {
    /// "value", "period" or "subject".
    pub changed: &'static str,
    pub old: ClaimView,
    pub new: ClaimView,
}

/// A finding as the diff shows it, with its places resolved.
#[derive(Debug, Clone, Serialize)]
pub struct FindingView {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub evidence: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct RevisionDiff {
    pub old: String,
    pub new: String,
    pub changed: Vec<ClaimChange>,
    pub added: Vec<ClaimView>,
    pub removed: Vec<ClaimView>,
    pub introduced: Vec<FindingView>,
    pub resolved: Vec<FindingView>,
    /// Shown on stderr, and in the JSON rendering after the rest.
    #[serde(skip)]
    pub errors: Vec<InputError>,
}

/// One side of a comparison: a revision's path, and the outcome and
/// findings of checking it with the other documents.
pub struct Side<'a> {
    pub path: &'a str,
    pub outcome: &'a Outcome,
    pub findings: &'a [Finding],
}

impl Side<'_> {
    fn claims(&self) -> Vec<&Claim> {
        let docs = &self.outcome.docs;
        self.outcome
            .claims
            .iter()
            .filter(|c| docs[c.evidence.doc].doc.path == self.path)
            .collect()
    }
}

/// Compares the old revision's side with the new one's.
pub fn compare(old: &Side<'_>, new: &Side<'_>) -> RevisionDiff {
    let mut errors: Vec<InputError> = old
        .outcome
        .errors
        .iter()
        .chain(&new.outcome.errors)
        .cloned()
        .collect();
    errors.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    errors.dedup();
    let (old_docs, new_docs) = (&old.outcome.docs, &new.outcome.docs);
    let (changed, added, removed) =
        compare_claims(old_docs, &old.claims(), new_docs, &new.claims());
    let old_findings = revision_findings(old);
    let new_findings = revision_findings(new);
    let introduced = new_findings
        .iter()
        .filter(|(k, _)| !old_findings.iter().any(|(o, _)| o == k))
        .map(|(_, v)| v.clone())
        .collect();
    let resolved = old_findings
        .iter()
        .filter(|(k, _)| !new_findings.iter().any(|(n, _)| n == k))
        .map(|(_, v)| v.clone())
        .collect();
    RevisionDiff {
        old: old.path.to_string(),
        new: new.path.to_string(),
        changed,
        added,
        removed,
        introduced,
        resolved,
        errors,
    }
}

fn view(docs: &[Analyzed], c: &Claim) -> ClaimView {
    let doc = &docs[c.evidence.doc].doc;
    let (line, column) = doc.position(c.evidence.start);
    let predicate = if c.kind == FrameKind::Growth {
        format!("growth of {}", c.predicate)
    } else {
        crate::checks::predicate_text(c)
    };
    ClaimView {
        predicate,
        subject: c.subject.join("–"),
        label: c.label.clone(),
        period: c.period_text.clone(),
        value: c
            .value_text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        path: doc.display_name(),
        line,
        column,
    }
}

/// For events the label is the value (a partnership's level); for numbers
/// it is part of what is measured (the counted noun).
fn label_key(c: &Claim) -> Option<&str> {
    match c.value {
        ClaimValue::Label { .. } => None,
        _ => c.label.as_deref(),
    }
}

type Compared = (Vec<ClaimChange>, Vec<ClaimView>, Vec<ClaimView>);

/// Pairs old and new claims: identical ones drop out, then claims that
/// differ in value only, in period only, in subject only; the rest were
/// added or removed.
fn compare_claims(
    old_docs: &[Analyzed],
    old: &[&Claim],
    new_docs: &[Analyzed],
    new: &[&Claim],
) -> Compared {
    let mut old_left: Vec<Option<&Claim>> = old.iter().copied().map(Some).collect();
    let mut new_left: Vec<Option<&Claim>> = new.iter().copied().map(Some).collect();
    let what = |c: &Claim| (c.predicate.clone(), unit(c), label_key(c).map(String::from));
    type Same = fn(&Claim, &Claim) -> bool;
    let passes: [(Option<&'static str>, Same); 4] = [
        (None, |a, b| {
            a.subject == b.subject && a.period == b.period && a.value == b.value
        }),
        (Some("value"), |a, b| {
            a.subject == b.subject && a.period == b.period
        }),
        (Some("period"), |a, b| {
            a.subject == b.subject && a.value == b.value
        }),
        (Some("subject"), |a, b| {
            a.period == b.period && a.value == b.value
        }),
    ];
    let mut changed = Vec::new();
    for (kind, same) in passes {
        for n in new_left.iter_mut() {
            let Some(nc) = *n else { continue };
            let found = old_left
                .iter_mut()
                .find(|o| o.is_some_and(|oc| what(oc) == what(nc) && same(oc, nc)));
            if let Some(o) = found {
                if let (Some(kind), Some(oc)) = (kind, *o) {
                    changed.push(ClaimChange {
                        changed: kind,
                        old: view(old_docs, oc),
                        new: view(new_docs, nc),
                    });
                }
                *o = None;
                *n = None;
            }
        }
    }
    let added = new_left
        .iter()
        .flatten()
        .map(|c| view(new_docs, c))
        .collect();
    let removed = old_left
        .iter()
        .flatten()
        .map(|c| view(old_docs, c))
        .collect();
    (changed, added, removed)
}

fn unit(c: &Claim) -> String {
    match &c.value {
        ClaimValue::Number { unit, .. } => unit.clone(),
        _ => String::new(),
    }
}

/// The findings with evidence in the revision, each with a key that is the
/// same in both runs: rule, message and the places in the other documents.
fn revision_findings(side: &Side<'_>) -> Vec<(String, FindingView)> {
    let (docs, path) = (side.outcome.docs.as_slice(), side.path);
    side.findings
        .iter()
        .filter(|f| f.evidence.iter().any(|e| docs[e.doc].doc.path == path))
        .map(|f| (finding_key(docs, f, path), finding_view(docs, f)))
        .collect()
}

fn finding_key(docs: &[Analyzed], f: &Finding, path: &str) -> String {
    let elsewhere: Vec<String> = f
        .evidence
        .iter()
        .filter(|e| docs[e.doc].doc.path != path)
        .map(|e| at(docs, e))
        .collect();
    format!("{}|{}|{}", f.rule, f.message, elsewhere.join(","))
}

fn finding_view(docs: &[Analyzed], f: &Finding) -> FindingView {
    FindingView {
        rule: f.rule.clone(),
        severity: f.severity,
        message: f.message.clone(),
        evidence: f.evidence.iter().map(|e| at(docs, e)).collect(),
    }
}

/// "path:line:column" of a piece of evidence.
fn at(docs: &[Analyzed], e: &Evidence) -> String {
    let doc = &docs[e.doc].doc;
    let (line, column) = doc.position(e.start);
    format!("{}:{}:{}", doc.path, line, column)
}
