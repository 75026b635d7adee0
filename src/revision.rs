//! `claimcheck diff OLD NEW`: what a revision of an article changed in its
//! claims (a value, a period, a subject), which claims it added or removed,
//! and which findings against the other documents it introduces or
//! resolves. A fact-checker reviewing a correction reads this first.

use serde::Serialize;
use serde_json::json;

use crate::analyze::{Analyzed, Engine};
use crate::checks::Finding;
use crate::claims::{Claim, ClaimValue, Extractor};
use crate::cli::Inputs;
use crate::error::{InputError, SetupError};
use crate::report::{counted, place, severity_name};
use crate::rules::{FrameKind, Severity};

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
    #[serde(skip)]
    pub errors: Vec<InputError>,
}

/// Checks OLD and NEW, each with the `against` documents, and compares.
pub fn diff(
    engine: &Engine,
    old: &str,
    new: &str,
    against: &[String],
    published: &[String],
) -> Result<RevisionDiff, SetupError> {
    let (old_docs, mut errors) = analyze(engine, old, against, published)?;
    let (new_docs, new_errors) = analyze(engine, new, against, published)?;
    errors.extend(new_errors);
    errors.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    errors.dedup();
    for (path, docs) in [(old, &old_docs), (new, &new_docs)] {
        if !docs.iter().any(|a| a.doc.path == path) && errors.is_empty() {
            return Err(SetupError::Usage(format!("{path}: no article read")));
        }
    }
    let extractor = Extractor::new(&engine.rules);
    let old_claims = revision_claims(&extractor, &old_docs, old);
    let new_claims = revision_claims(&extractor, &new_docs, new);
    let (changed, added, removed) = compare_claims(&old_docs, &old_claims, &new_docs, &new_claims);

    let old_findings = revision_findings(engine, &old_docs, old);
    let new_findings = revision_findings(engine, &new_docs, new);
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
    Ok(RevisionDiff {
        old: old.to_string(),
        new: new.to_string(),
        changed,
        added,
        removed,
        introduced,
        resolved,
        errors,
    })
}

/// One revision with the other documents, read as `check` reads them (a
/// revision inside a folder `against` names is read once).
fn analyze(
    engine: &Engine,
    revision: &str,
    against: &[String],
    published: &[String],
) -> Result<(Vec<Analyzed>, Vec<InputError>), SetupError> {
    let inputs = Inputs {
        paths: std::iter::once(revision.to_string())
            .chain(against.iter().cloned())
            .collect(),
        published: published.to_vec(),
        rules: Vec::new(),
    };
    crate::analyze_inputs(engine, &inputs, false)
}

fn revision_claims(extractor: &Extractor, docs: &[Analyzed], path: &str) -> Vec<Claim> {
    docs.iter()
        .enumerate()
        .filter(|(_, a)| a.doc.path == path)
        .flat_map(|(i, a)| extractor.extract(i, a))
        .collect()
}

fn view(docs: &[Analyzed], c: &Claim) -> ClaimView {
    let doc = &docs[c.evidence.doc].doc;
    let (line, column) = doc.position(c.evidence.start);
    let predicate = if c.kind == FrameKind::Growth {
        format!("growth of {}", c.predicate)
    } else {
        c.predicate.clone()
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
    old: &[Claim],
    new_docs: &[Analyzed],
    new: &[Claim],
) -> Compared {
    let mut old_left: Vec<Option<&Claim>> = old.iter().map(Some).collect();
    let mut new_left: Vec<Option<&Claim>> = new.iter().map(Some).collect();
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
fn revision_findings(engine: &Engine, docs: &[Analyzed], path: &str) -> Vec<(String, FindingView)> {
    let found = crate::check(docs, &engine.rules);
    let (found, _) = crate::without_suppressed(docs, found);
    found
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
        .map(|e| {
            let p = place(docs, e);
            format!("{}:{}:{}", p.path, p.line, p.column)
        })
        .collect();
    format!("{}|{}|{}", f.rule, f.message, elsewhere.join(","))
}

fn finding_view(docs: &[Analyzed], f: &Finding) -> FindingView {
    FindingView {
        rule: f.rule.clone(),
        severity: f.severity,
        message: f.message.clone(),
        evidence: f
            .evidence
            .iter()
            .map(|e| {
                let p = place(docs, e);
                format!("{}:{}:{}", p.path, p.line, p.column)
            })
            .collect(),
    }
}

impl RevisionDiff {
    pub fn human(&self) -> String {
        let mut out = format!("claimcheck diff {} → {}\n", self.old, self.new);
        let claim = |c: &ClaimView| {
            format!(
                "{}, {}{}: {}",
                c.subject,
                c.predicate,
                c.period
                    .as_ref()
                    .map(|p| format!(" ({p})"))
                    .unwrap_or_default(),
                c.value
            )
        };
        let section = |out: &mut String, title: &str, lines: Vec<String>| {
            if !lines.is_empty() {
                out.push_str(&format!("\n{title}:\n"));
                for l in lines {
                    out.push_str(&format!("  {l}\n"));
                }
            }
        };
        section(
            &mut out,
            "claims changed",
            self.changed
                .iter()
                .map(|c| {
                    let (from, to) = match c.changed {
                        "period" => (c.old.period.clone(), c.new.period.clone()),
                        "subject" => (Some(c.old.subject.clone()), Some(c.new.subject.clone())),
                        _ => (Some(c.old.value.clone()), Some(c.new.value.clone())),
                    };
                    format!(
                        "{:<8}{}:{}:{}  {}  [{} → {}]",
                        c.changed,
                        c.new.path,
                        c.new.line,
                        c.new.column,
                        claim(&c.new),
                        from.unwrap_or_else(|| "none".into()),
                        to.unwrap_or_else(|| "none".into())
                    )
                })
                .collect(),
        );
        section(
            &mut out,
            "claims added",
            self.added
                .iter()
                .map(|c| format!("+ {}:{}:{}  {}", c.path, c.line, c.column, claim(c)))
                .collect(),
        );
        section(
            &mut out,
            "claims removed",
            self.removed
                .iter()
                .map(|c| format!("- {}:{}:{}  {}", c.path, c.line, c.column, claim(c)))
                .collect(),
        );
        let finding = |f: &FindingView| {
            format!(
                "{}: [{}] {}\n      at {}",
                severity_name(f.severity),
                f.rule,
                f.message,
                f.evidence.join(", ")
            )
        };
        section(
            &mut out,
            "findings introduced",
            self.introduced.iter().map(finding).collect(),
        );
        section(
            &mut out,
            "findings resolved",
            self.resolved.iter().map(finding).collect(),
        );
        out.push_str(&format!(
            "\n{} changed, {} added, {} removed; {} introduced, {} resolved\n",
            counted(self.changed.len(), "claim", "claims"),
            self.added.len(),
            self.removed.len(),
            counted(self.introduced.len(), "finding", "findings"),
            self.resolved.len()
        ));
        out
    }

    pub fn json(&self) -> String {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        v["errors"] = json!(self.errors);
        serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
    }
}
