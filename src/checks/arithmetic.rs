//! arithmetic: stated numbers that do not add up — a growth rate against
//! the values for its two periods, or a total below one of its parts.

use std::collections::HashMap;

use super::{
    applies, both_sides, finding, period_text, render, subject_text, version_key, versions, Corpus,
    Finding,
};
use crate::claims::{Claim, ClaimValue};
use crate::link::subject_key;
use crate::model::Modality;
use crate::rules::{ArithmeticOn, ArithmeticParams, CheckDef, FrameKind};
use crate::values::fmt_num;
use crate::values::Interval;

pub fn run(def: &CheckDef, params: &ArithmeticParams, corpus: &Corpus<'_>) -> Vec<Finding> {
    match params.compare {
        ArithmeticOn::Cumulative => cumulative(def, corpus),
        ArithmeticOn::Growth => growth(def, params, corpus),
    }
}

/// (predicate, subject, period in whole days).
type MeasureKey<'a> = (&'a str, &'a [String], (i64, i64));

/// The claims of one measure key a growth rate is checked against: the
/// first stated anywhere, and the first in each document.
struct Measures {
    first: usize,
    first_in_doc: HashMap<usize, usize>,
}

fn number(c: &Claim) -> Option<(&Interval, &str)> {
    match &c.value {
        ClaimValue::Number { interval, unit } => Some((interval, unit.as_str())),
        _ => None,
    }
}

/// Growth of X% for period P over base B, against the stated values of the
/// same measure and subject for P and B (in any document).
fn growth(def: &CheckDef, params: &ArithmeticParams, corpus: &Corpus<'_>) -> Vec<Finding> {
    let claims = corpus.claims;
    // Actual, bounded measures by (predicate, subject, period): built once,
    // so each growth rate looks its two values up instead of scanning.
    let key = |p: (f64, f64)| (p.0 as i64, p.1 as i64);
    let mut measures: HashMap<MeasureKey<'_>, Measures> = HashMap::new();
    let place = |i: usize| (claims[i].evidence.doc, claims[i].evidence.start);
    for (i, c) in claims.iter().enumerate() {
        let Some(p) = c.period else { continue };
        if c.kind == FrameKind::Measure
            && c.modality == Modality::Actual
            && number(c).is_some_and(|(v, _)| v.is_bounded())
        {
            let m = measures
                .entry((c.predicate.as_str(), c.subject.as_slice(), key(p)))
                .or_insert(Measures {
                    first: i,
                    first_in_doc: HashMap::new(),
                });
            if place(i) < place(m.first) {
                m.first = i;
            }
            let d = m.first_in_doc.entry(c.evidence.doc).or_insert(i);
            if place(i) < place(*d) {
                *d = i;
            }
        }
    }
    let mut out = Vec::new();
    for g in claims.iter().filter(|c| {
        c.kind == FrameKind::Growth && c.modality == Modality::Actual && applies(def, c)
    }) {
        let (Some(period), Some(base), Some((rate, "%"))) = (g.period, g.base_period, number(g))
        else {
            continue;
        };
        // Values stated with the rate come first, then other documents'.
        let find = |p: (f64, f64)| {
            let m = measures.get(&(g.predicate.as_str(), g.subject.as_slice(), key(p)))?;
            let i = m
                .first_in_doc
                .get(&g.evidence.doc)
                .copied()
                .unwrap_or(m.first);
            Some(&claims[i])
        };
        let (Some(now), Some(then)) = (find(period), find(base)) else {
            continue;
        };
        let (Some((x, ux)), Some((y, uy))) = (number(now), number(then)) else {
            continue;
        };
        if ux != uy || y.lo <= 0.0 {
            continue;
        }
        let computed = Interval::closed((x.lo / y.hi - 1.0) * 100.0, (x.hi / y.lo - 1.0) * 100.0);
        if !computed.disjoint(&rate.widened(params.tolerance)) {
            continue;
        }
        let mid = computed.midpoint().unwrap_or(computed.lo);
        let message = render(
            &def.message,
            &[
                ("subject", subject_text(g)),
                ("predicate", g.predicate.clone()),
                ("rate", g.value_text.clone()),
                ("period", period_text(g)),
                ("a", format!("{} ({})", now.value_text, period_text(now))),
                ("b", format!("{} ({})", then.value_text, period_text(then))),
                (
                    "computed",
                    format!("{}%", fmt_num((mid * 10.0).round() / 10.0)),
                ),
            ],
        );
        out.push(
            finding(
                def,
                message,
                vec![
                    g.evidence.clone(),
                    now.evidence.clone(),
                    then.evidence.clone(),
                ],
            )
            .about(subject_text(g))
            .keyed(format!(
                "{}|{}|{}|{}",
                subject_key(g, true),
                version_key(g),
                version_key(now),
                version_key(then)
            )),
        );
    }
    out
}

/// A figure for a longer period that starts with a shorter one must not be
/// smaller than the shorter one's.
fn cumulative(def: &CheckDef, corpus: &Corpus<'_>) -> Vec<Finding> {
    let claims = corpus.claims;
    let mut out = Vec::new();
    for ids in corpus.groups.groups.values() {
        let ids: Vec<usize> = ids
            .iter()
            .copied()
            .filter(|&i| {
                applies(def, &claims[i])
                    && claims[i].modality == Modality::Actual
                    && claims[i].kind == FrameKind::Measure
            })
            .collect();
        let versions = versions(&ids, claims);
        for vl in &versions {
            for vs in &versions {
                let (long, short) = (&claims[vl[0]], &claims[vs[0]]);
                let (Some(pl), Some(ps)) = (long.period, short.period) else {
                    continue;
                };
                let contains = pl.0 == ps.0 && pl.1 > ps.1;
                let (Some((x, _)), Some((y, _))) = (number(long), number(short)) else {
                    continue;
                };
                if !contains || !(x.hi < y.lo || (x.hi == y.lo && (x.hi_open || y.lo_open))) {
                    continue;
                }
                let message = render(
                    &def.message,
                    &[
                        ("subject", subject_text(long)),
                        ("predicate", long.predicate.clone()),
                        ("period", period_text(long)),
                        ("a", long.value_text.clone()),
                        ("b", format!("{}, {}", short.value_text, period_text(short))),
                    ],
                );
                let evidence = both_sides(claims, vl, vs, |c| c.value_text.clone());
                let key = format!(
                    "{}|{}|{}",
                    subject_key(long, true),
                    version_key(long),
                    version_key(short)
                );
                out.push(
                    finding(def, message, evidence)
                        .about(subject_text(long))
                        .keyed(key),
                );
            }
        }
    }
    out
}
