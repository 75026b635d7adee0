//! conflict: claims with the same key and period whose values cannot both
//! be true; or one event given dates that do not overlap.

use std::cmp::Ordering;

use super::{
    applies, both_sides, finding, period_text, render, subject_text, version_key, versions, Corpus,
    Finding,
};
use crate::claims::{Claim, ClaimValue};
use crate::entities::fold;
use crate::link::subject_key;
use crate::model::Modality;
use crate::rules::{CheckDef, ConflictOn, ConflictParams, FrameKind};

pub fn run(def: &CheckDef, params: &ConflictParams, corpus: &Corpus<'_>) -> Vec<Finding> {
    let claims = corpus.claims;
    let by_date = params.compare == ConflictOn::Date;
    let groups = if by_date {
        corpus.groups.groups.clone()
    } else {
        corpus.groups.without_label(claims)
    };
    let mut out = Vec::new();
    for ids in groups.values() {
        let ids: Vec<usize> = ids
            .iter()
            .copied()
            .filter(|&i| applies(def, &claims[i]) && claims[i].modality != Modality::Target)
            .collect();
        let versions = versions(&ids, claims);
        for (n, va) in versions.iter().enumerate() {
            for vb in &versions[n + 1..] {
                // The two sides in one order whatever documents came first:
                // the lower value (or earlier date, or label) first.
                let (va, vb) = if side_order(&claims[va[0]], &claims[vb[0]]).is_gt() {
                    (vb, va)
                } else {
                    (va, vb)
                };
                let (a, b) = (&claims[va[0]], &claims[vb[0]]);
                if a.modality != b.modality {
                    continue;
                }
                let message = if by_date {
                    date_conflict(def, a, b)
                } else {
                    value_conflict(def, params, a, b)
                };
                if let Some(message) = message {
                    // Each piece of evidence is labelled with what is in
                    // dispute: the date for events, the value otherwise.
                    let shown: fn(&Claim) -> String = if by_date {
                        period_text
                    } else {
                        |c| c.value_text.clone()
                    };
                    let cited = both_sides(claims, va, vb, shown);
                    let key = format!(
                        "{}|{}|{}",
                        subject_key(a, false),
                        version_key(a),
                        version_key(b)
                    );
                    out.push(
                        finding(def, message, cited)
                            .about(subject_text(a))
                            .keyed(key),
                    );
                }
            }
        }
    }
    out
}

/// The order of two versions in conflict: by value, then period.
fn side_order(a: &Claim, b: &Claim) -> Ordering {
    let value = match (&a.value, &b.value) {
        (ClaimValue::Number { interval: x, .. }, ClaimValue::Number { interval: y, .. })
        | (ClaimValue::Date { interval: x }, ClaimValue::Date { interval: y }) => {
            x.lo.total_cmp(&y.lo)
                .then(x.hi.total_cmp(&y.hi))
                .then(x.lo_open.cmp(&y.lo_open))
                .then(x.hi_open.cmp(&y.hi_open))
        }
        (ClaimValue::Label { text: x }, ClaimValue::Label { text: y }) => x.cmp(y),
        _ => Ordering::Equal,
    };
    let period = |c: &Claim| c.period.unwrap_or((f64::NAN, f64::NAN));
    value
        .then_with(|| period(a).0.total_cmp(&period(b).0))
        .then_with(|| period(a).1.total_cmp(&period(b).1))
        .then_with(|| version_key(a).cmp(&version_key(b)))
}

fn overlap(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

/// The message when two claims' values cannot both be true.
fn value_conflict(def: &CheckDef, params: &ConflictParams, a: &Claim, b: &Claim) -> Option<String> {
    let (pa, pb) = (a.period?, b.period?);
    match (&a.value, &b.value) {
        (ClaimValue::Number { interval: x, .. }, ClaimValue::Number { interval: y, .. }) => {
            // Flows are compared only for the very same period.
            if pa != pb
                || !x
                    .widened(params.tolerance)
                    .disjoint(&y.widened(params.tolerance))
            {
                return None;
            }
        }
        (ClaimValue::Label { text: x }, ClaimValue::Label { text: y }) => {
            if !overlap(pa, pb) || x == y {
                return None;
            }
            // Two spellings of one name are a variant, not two people.
            if a.kind == FrameKind::Office
                && strsim::jaro_winkler(&fold::key(x), &fold::key(y)) >= 0.8
            {
                return None;
            }
            if a.kind == FrameKind::Office && a.label != b.label {
                return None;
            }
        }
        _ => return None,
    }
    Some(render(
        &def.message,
        &[
            ("subject", subject_text(a)),
            (
                "predicate",
                a.label
                    .clone()
                    .filter(|_| a.kind == FrameKind::Office)
                    .unwrap_or_else(|| a.predicate.clone()),
            ),
            ("period", period_text(a)),
            ("a", value_with_period(a, pa != pb)),
            ("b", value_with_period(b, pa != pb)),
        ],
    ))
}

/// A value, with its own period when the two claims' periods differ.
fn value_with_period(c: &Claim, periods_differ: bool) -> String {
    if periods_differ {
        format!("{} ({})", c.value_text, period_text(c))
    } else {
        c.value_text.clone()
    }
}

/// The message when one event is given periods that do not overlap.
fn date_conflict(def: &CheckDef, a: &Claim, b: &Claim) -> Option<String> {
    let (pa, pb) = (a.period?, b.period?);
    if overlap(pa, pb) {
        return None;
    }
    Some(render(
        &def.message,
        &[
            ("subject", subject_text(a)),
            ("label", a.label.clone().unwrap_or_default()),
            ("predicate", a.predicate.clone()),
            ("a", period_text(a)),
            ("b", period_text(b)),
        ],
    ))
}
