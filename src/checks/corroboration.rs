//! corroboration: the same claim, with agreeing values, in two or more
//! documents.

use std::collections::BTreeMap;

use super::{applies, finding, period_text, predicate_text, render, subject_text, Corpus, Finding};
use crate::claims::ClaimValue;
use crate::link::subject_key;
use crate::model::Modality;
use crate::rules::{CheckDef, FrameKind};
use crate::values::Interval;

pub fn run(def: &CheckDef, corpus: &Corpus<'_>) -> Vec<Finding> {
    let claims = corpus.claims;
    let mut out = Vec::new();
    for ids in corpus.groups.groups.values() {
        // Same key and period, actual numbers: one cluster per period.
        let mut by_period: BTreeMap<(i64, i64), Vec<usize>> = BTreeMap::new();
        for &i in ids {
            let c = &claims[i];
            if !applies(def, c) || c.modality != Modality::Actual || c.kind == FrameKind::Office {
                continue;
            }
            if let (Some(p), ClaimValue::Number { .. }) = (c.period, &c.value) {
                by_period
                    .entry((p.0 as i64, p.1 as i64))
                    .or_default()
                    .push(i);
            }
        }
        for members in by_period.values() {
            let first = &claims[members[0]];
            let ClaimValue::Number { interval: x, .. } = &first.value else {
                continue;
            };
            let agreeing: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&i| matches!(&claims[i].value, ClaimValue::Number { interval: y, .. } if same_figure(x, y)))
                .collect();
            let mut docs: Vec<usize> = agreeing.iter().map(|&i| claims[i].evidence.doc).collect();
            docs.sort();
            docs.dedup();
            if docs.len() < 2 || agreeing.len() != members.len() {
                continue;
            }
            let message = render(
                &def.message,
                &[
                    ("subject", subject_text(first)),
                    ("predicate", predicate_text(first)),
                    ("period", period_text(first)),
                    ("a", first.value_text.clone()),
                    ("count", docs.len().to_string()),
                ],
            );
            let evidence = agreeing
                .iter()
                .map(|&i| claims[i].evidence.clone())
                .collect();
            let key = format!("{}|{:?}", subject_key(first, true), first.period);
            out.push(
                finding(def, message, evidence)
                    .about(subject_text(first))
                    .keyed(key),
            );
        }
    }
    out
}

/// Two figures that report the same number: both bounded, and one, as
/// written, rounds to the other. "More than 8 million" agrees with 8.4
/// million but does not confirm it.
fn same_figure(x: &Interval, y: &Interval) -> bool {
    match (x.midpoint(), y.midpoint()) {
        (Some(mx), Some(my)) => x.contains(my) || y.contains(mx),
        _ => false,
    }
}
