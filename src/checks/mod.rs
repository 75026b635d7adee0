//! The rule engine: rule kinds are code (one file each), rule instances are
//! data (rules/checks/*.toml). Every finding carries its evidence.

mod anachronism;
mod arithmetic;
mod conflict;
mod corroboration;
mod misnaming;
mod variant;

use serde::Serialize;

use crate::analyze::{Analyzed, Sentence};
use crate::claims::{Claim, Evidence};
use crate::graph::ClaimGraph;
use crate::rules::{CheckDef, CheckKind, RuleData, Severity};

/// One piece of evidence: where, and the value as written there.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cited {
    pub doc: usize,
    pub start: usize,
    pub end: usize,
    pub sentence_start: usize,
    pub sentence_end: usize,
    pub value: String,
}

impl Cited {
    /// Evidence at a span of a sentence of document `doc`.
    pub fn at(doc: usize, sentence: &Sentence, start: usize, end: usize, value: &str) -> Self {
        Cited {
            doc,
            start,
            end,
            sentence_start: sentence.start,
            sentence_end: sentence.end,
            value: value.to_string(),
        }
    }

    pub fn from_claim(c: &Claim, value: &str) -> Self {
        let Evidence {
            doc,
            start,
            end,
            sentence_start,
            sentence_end,
        } = c.evidence;
        Cited {
            doc,
            start,
            end,
            sentence_start,
            sentence_end,
            value: value.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: String,
    pub kind: CheckKind,
    pub severity: Severity,
    /// Who or what the finding is about, for grouping ("Port of Tallinn").
    pub subject: String,
    pub message: String,
    pub evidence: Vec<Cited>,
}

impl Finding {
    pub fn about(mut self, subject: impl Into<String>) -> Self {
        self.subject = subject.into();
        self
    }
}

/// What every rule reads.
pub struct Corpus<'a> {
    pub docs: &'a [Analyzed],
    pub claims: &'a [Claim],
    pub graph: &'a ClaimGraph,
    pub rules: &'a RuleData,
}

/// Fills `{name}` placeholders of a rule's message.
pub fn render(template: &str, fields: &[(&str, String)]) -> String {
    let mut out = template.to_string();
    for (k, v) in fields {
        // Values can wrap across lines in the source; a message is one line.
        let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
        out = out.replace(&format!("{{{k}}}"), &v);
    }
    out
}

/// A finding; the first evidence is the primary one (what to fix).
pub fn finding(def: &CheckDef, message: String, mut evidence: Vec<Cited>) -> Finding {
    evidence.dedup_by_key(|e| (e.doc, e.start));
    Finding {
        rule: def.id.clone(),
        kind: def.kind,
        severity: def.severity,
        subject: String::new(),
        message,
        evidence,
    }
}

pub fn applies(def: &CheckDef, c: &Claim) -> bool {
    def.frames.is_empty() || def.frames.contains(&c.frame)
}

pub fn run(corpus: &Corpus<'_>) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    for def in &corpus.rules.check {
        out.extend(match def.kind {
            CheckKind::Conflict => conflict::run(def, corpus),
            CheckKind::Arithmetic => arithmetic::run(def, corpus),
            CheckKind::Misnaming => misnaming::run(def, corpus),
            CheckKind::Anachronism => anachronism::run(def, corpus),
            CheckKind::Variant => variant::run(def, corpus),
            CheckKind::Corroboration => corroboration::run(def, corpus),
        });
    }
    out.sort_by(|a, b| {
        let key = |f: &Finding| {
            f.evidence
                .first()
                .map(|e| (e.doc, e.start))
                .unwrap_or((usize::MAX, 0))
        };
        key(a)
            .cmp(&key(b))
            .then(a.rule.cmp(&b.rule))
            .then(a.message.cmp(&b.message))
    });
    out.dedup();
    out
}

/// Claims that say the same thing (same modality, period and value), as
/// one version each, in first-seen order, with one claim per document: a
/// conflict is reported once per pair of versions however many articles
/// repeat each side, so a corpus of copies costs a comparison per distinct
/// value, not per pair of claims.
pub fn versions(ids: &[usize], claims: &[Claim]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for &i in ids {
        let c = &claims[i];
        let same = |v: &Vec<usize>| {
            let r = &claims[v[0]];
            r.modality == c.modality && r.period == c.period && r.value == c.value
        };
        match out.iter_mut().find(|v| same(v)) {
            Some(v) => {
                if !v.iter().any(|&j| claims[j].evidence.doc == c.evidence.doc) {
                    v.push(i);
                }
            }
            None => out.push(vec![i]),
        }
    }
    out
}

/// Evidence for two versions in conflict: each side's first statement,
/// then every other document that repeats either side.
pub fn both_sides(
    claims: &[Claim],
    a: &[usize],
    b: &[usize],
    shown: fn(&Claim) -> String,
) -> Vec<Cited> {
    let cite = |i: usize| Cited::from_claim(&claims[i], &shown(&claims[i]));
    let mut out = vec![cite(a[0]), cite(b[0])];
    out.extend(a[1..].iter().chain(&b[1..]).map(|&i| cite(i)));
    out
}

/// A claim's period as people write it.
pub fn period_text(c: &Claim) -> String {
    c.period_text
        .clone()
        .unwrap_or_else(|| "an unstated period".into())
}

pub fn subject_text(c: &Claim) -> String {
    c.subject.join("–")
}
