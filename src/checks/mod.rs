//! The rule engine: rule kinds are code (one file each), rule instances are
//! data (rules/checks/*.toml). Every finding carries its evidence.

mod anachronism;
mod arithmetic;
mod conflict;
mod corroboration;
mod misnaming;
mod variant;

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use serde::Serialize;

use crate::claims::{Claim, ClaimValue};
use crate::document::Analyzed;
use crate::link::ClaimGroups;
use crate::model::{CheckKind, Evidence, Modality, Severity};
use crate::rules::{CheckDef, CheckParams, RuleData};
use crate::values::{Interval, ValueKind};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: String,
    pub kind: CheckKind,
    pub severity: Severity,
    /// Who or what the finding is about, for grouping ("Port of Tallinn").
    pub subject: String,
    pub message: String,
    pub evidence: Vec<Evidence>,
    /// What the finding is about wherever it is written: the claim key and
    /// the disputed values in canonical form, independent of paths,
    /// positions and the order the documents came in. SARIF fingerprints
    /// hash it.
    pub key: String,
}

impl Finding {
    pub fn about(mut self, subject: impl Into<String>) -> Self {
        self.subject = subject.into();
        self
    }

    pub fn keyed(mut self, key: impl Into<String>) -> Self {
        self.key = key.into();
        self
    }
}

/// A claim's version in canonical form (what `versions` compares): the
/// same text for every document that says the same thing.
pub fn version_key(c: &Claim) -> String {
    format!("{:?}|{:?}|{:?}", c.modality, c.period, c.value)
}

/// What every rule reads.
pub struct Corpus<'a> {
    pub docs: &'a [Analyzed],
    pub claims: &'a [Claim],
    pub groups: &'a ClaimGroups,
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
pub fn finding(def: &CheckDef, message: String, mut evidence: Vec<Evidence>) -> Finding {
    evidence.dedup_by_key(|e| (e.doc, e.start));
    Finding {
        rule: def.id.clone(),
        kind: def.kind(),
        severity: def.severity,
        subject: String::new(),
        message,
        evidence,
        key: String::new(),
    }
}

pub fn applies(def: &CheckDef, c: &Claim) -> bool {
    def.frames().is_empty() || def.frames().contains(&c.frame)
}

pub fn run(corpus: &Corpus<'_>) -> Vec<Finding> {
    // The rules read the corpus and nothing else: they run side by side,
    // and their findings are joined in rule order.
    let mut out: Vec<Finding> = corpus
        .rules
        .check
        .par_iter()
        .map(|def| match &def.params {
            CheckParams::Conflict(p) => conflict::run(def, p, corpus),
            CheckParams::Arithmetic(p) => arithmetic::run(def, p, corpus),
            CheckParams::Misnaming(p) => misnaming::run(def, p, corpus),
            CheckParams::Anachronism(_) => anachronism::run(def, corpus),
            CheckParams::Variant(p) => variant::run(def, p, corpus),
            CheckParams::Corroboration(_) => corroboration::run(def, corpus),
        })
        .flatten_iter()
        .collect();
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
    // The documents each version already cites.
    let mut docs: Vec<BTreeSet<usize>> = Vec::new();
    // Versions by a key equal claims share, so each claim is compared with
    // the few versions of its key, not with every version so far.
    let mut by_key: BTreeMap<VersionKey, Vec<usize>> = BTreeMap::new();
    for &i in ids {
        let c = &claims[i];
        let same = |v: &Vec<usize>| {
            let r = &claims[v[0]];
            r.modality == c.modality && r.period == c.period && r.value == c.value
        };
        let bucket = by_key.entry(version_bucket(c)).or_default();
        match bucket.iter().copied().find(|&v| same(&out[v])) {
            Some(v) => {
                if docs[v].insert(c.evidence.doc) {
                    out[v].push(i);
                }
            }
            None => {
                bucket.push(out.len());
                out.push(vec![i]);
                docs.push(BTreeSet::from([c.evidence.doc]));
            }
        }
    }
    out
}

/// What claims saying the same thing share, exactly: modality, period and
/// value, floats by their bits (with -0 as 0, since -0 == 0).
type VersionKey = (
    Modality,
    Option<(u64, u64)>,
    u8,
    u64,
    u64,
    bool,
    bool,
    String,
);

fn version_bucket(c: &Claim) -> VersionKey {
    let bits = |x: f64| (x + 0.0).to_bits();
    let period = c.period.map(|(a, b)| (bits(a), bits(b)));
    let interval = |kind: u8, i: &Interval, text: &str| {
        (
            c.modality,
            period,
            kind,
            bits(i.lo),
            bits(i.hi),
            i.lo_open,
            i.hi_open,
            text.to_string(),
        )
    };
    match &c.value {
        ClaimValue::Number { interval: i, unit } => interval(0, i, unit),
        ClaimValue::Date { interval: i } => interval(1, i, ""),
        ClaimValue::Label { text } => (c.modality, period, 2, 0, 0, false, false, text.clone()),
    }
}

/// Evidence for two versions in conflict: each side's first statement,
/// then every other document that repeats either side.
pub fn both_sides(
    claims: &[Claim],
    a: &[usize],
    b: &[usize],
    shown: fn(&Claim) -> String,
) -> Vec<Evidence> {
    let cite = |i: usize| claims[i].evidence.showing(shown(&claims[i]));
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

/// What a claim measures, as a message names it: a count of what it
/// counts reads "number of passengers", not "passenger".
pub fn predicate_text(c: &Claim) -> String {
    let counts_itself = matches!(&c.value, ClaimValue::Number { unit, .. } if *unit == c.predicate);
    if c.value_kind == ValueKind::Count && counts_itself && !c.measure.is_empty() {
        format!("number of {}", c.measure)
    } else {
        c.predicate.clone()
    }
}

pub fn subject_text(c: &Claim) -> String {
    c.subject.join("–")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::test_claim;

    #[test]
    fn versions_are_one_per_value_with_one_claim_per_document() {
        let at = |value: f64, doc: usize| {
            let mut c = test_claim("Acme", "sales", value);
            c.evidence.doc = doc;
            c
        };
        let mut later = at(5.0, 1);
        later.period = Some((10.0, 20.0));
        let claims = vec![
            at(5.0, 0),
            at(7.0, 0),
            at(5.0, 0),
            at(5.0, 1),
            at(-0.0, 2),
            at(0.0, 3),
            later,
            at(7.0, 2),
        ];
        let ids: Vec<usize> = (0..claims.len()).collect();
        // 5 twice in document 0 is one statement; 0 and -0 are one value;
        // another period is another version.
        assert_eq!(
            versions(&ids, &claims),
            vec![vec![0, 3], vec![1, 7], vec![4, 5], vec![6]]
        );
    }
}
