//! arithmetic: stated numbers that do not add up — a growth rate against
//! the values for its two periods, or a total below one of its parts.

use std::collections::BTreeMap;

use chrono::Datelike;

use super::{
    applies, both_sides, finding, period_text, render, subject_text, versions, Corpus, Finding,
};
use crate::claims::{Claim, ClaimValue};
use crate::model::Modality;
use crate::rules::{ArithmeticOn, ArithmeticParams, CheckDef, FrameKind};
use crate::values::fmt_num;
use crate::values::Interval;

pub fn run(def: &CheckDef, params: &ArithmeticParams, corpus: &Corpus<'_>) -> Vec<Finding> {
    match params.compare {
        ArithmeticOn::Cumulative => cumulative(def, params, corpus),
        ArithmeticOn::Growth => growth(def, params, corpus),
        ArithmeticOn::Conversion => conversions(def, params, corpus),
    }
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
    let key = |p: (f64, f64)| (p.0 as i64, p.1 as i64);
    let mut out = Vec::new();
    for (gi, g) in claims.iter().enumerate().filter(|(_, c)| {
        c.kind == FrameKind::Growth && c.modality == Modality::Actual && applies(def, c)
    }) {
        let (Some(period), Some(base), Some((rate, "%"))) = (g.period, g.base_period, number(g))
        else {
            continue;
        };
        // The values of the rate's measure and holder, walked from the
        // claim graph; those stated with the rate first, then others'.
        let siblings = corpus.groups.siblings(gi);
        let find = |p: (f64, f64)| {
            siblings
                .iter()
                .map(|&i| &claims[i])
                .filter(|c| {
                    c.kind == FrameKind::Measure
                        && c.modality == Modality::Actual
                        && c.period.map(key) == Some(key(p))
                        && number(c).is_some_and(|(v, _)| v.is_bounded())
                })
                .min_by_key(|c| {
                    (
                        c.evidence.doc != g.evidence.doc,
                        c.evidence.doc,
                        c.evidence.start,
                    )
                })
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
            .about(subject_text(g)),
        );
    }
    out
}

/// A figure for a longer period that starts with a shorter one must not be
/// smaller than the shorter one's.
fn cumulative(def: &CheckDef, params: &ArithmeticParams, corpus: &Corpus<'_>) -> Vec<Finding> {
    let claims = corpus.claims;
    let additive = |c: &Claim| {
        c.predicate
            .split_whitespace()
            .any(|w| params.additive.iter().any(|a| a == w))
    };
    let mut out = Vec::new();
    for ids in corpus.groups.groups.values() {
        let ids: Vec<usize> = ids
            .iter()
            .copied()
            .filter(|&i| {
                let c = &claims[i];
                applies(def, c)
                    && c.modality == Modality::Actual
                    && c.kind == FrameKind::Measure
                    && c.sure.doubts() == 0
                    && additive(c)
                    && number(c).is_some_and(|(x, _)| x.lo >= 0.0)
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
                out.push(finding(def, message, evidence).about(subject_text(long)));
            }
        }
    }
    out
}

/// "$500m (£350m)" beside "$500m (£266m)": a conversion whose rate is far
/// from the rate the corpus's other conversions of the same currencies
/// agree on, in articles of about the same time.
fn conversions(def: &CheckDef, params: &ArithmeticParams, corpus: &Corpus<'_>) -> Vec<Finding> {
    let claims = corpus.claims;
    // (from unit, to unit) → (claim, rate interval, publication day).
    let mut by_pair: BTreeMap<(&str, &str), Vec<(usize, Interval, Option<i64>)>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        let (Some((from, from_unit)), Some((to, to_unit))) = (&c.restates, number(c)) else {
            continue;
        };
        if from_unit.as_str() == to_unit || from.lo <= 0.0 || !from.is_bounded() || !to.is_bounded() {
            continue;
        }
        let rate = Interval::closed(to.lo / from.hi, to.hi / from.lo);
        let day = corpus
            .docs
            .get(c.evidence.doc)
            .and_then(|a| a.published.date)
            .map(|d| i64::from(d.num_days_from_ce()));
        by_pair
            .entry((from_unit.as_str(), to_unit))
            .or_default()
            .push((i, rate, day));
    }
    let mut out = Vec::new();
    for list in by_pair.values() {
        for &(i, rate, day) in list {
            // The other conversions of the time, and the rate most agree on.
            let near: Vec<&(usize, Interval, Option<i64>)> = list
                .iter()
                .filter(|(j, _, d)| {
                    *j != i
                        && claims[*j].evidence.doc != claims[i].evidence.doc
                        && match (day, d) {
                            (Some(a), Some(b)) => (a - b).abs() <= params.within_days,
                            _ => false,
                        }
                })
                .collect();
            let mut mids: Vec<f64> = near.iter().filter_map(|(_, r, _)| r.midpoint()).collect();
            mids.sort_by(f64::total_cmp);
            let Some(&median) = mids.get(mids.len() / 2) else {
                continue;
            };
            let agreeing: Vec<&&(usize, Interval, Option<i64>)> = near
                .iter()
                .filter(|(_, r, _)| r.widened(0.05).contains(median))
                .collect();
            if agreeing.len() < params.min_agreeing
                || !rate.widened(params.tolerance).disjoint(&Interval::closed(median, median))
            {
                continue;
            }
            let c = &claims[i];
            let Some((_, from_unit)) = &c.restates else { continue };
            let to_unit = number(c).map_or("", |(_, u)| u);
            let message = render(
                &def.message,
                &[
                    ("value", c.value_text.clone()),
                    ("rate", fmt_rate(rate.midpoint().unwrap_or(rate.lo))),
                    ("reference", fmt_rate(median)),
                    ("from", from_unit.clone()),
                    ("to", to_unit.to_string()),
                    ("count", agreeing.len().to_string()),
                ],
            );
            let example = agreeing[0].0;
            out.push(
                finding(
                    def,
                    message,
                    vec![c.evidence.clone(), claims[example].evidence.clone()],
                )
                .about(subject_text(c)),
            );
        }
    }
    out
}

/// A rate to three significant figures.
fn fmt_rate(x: f64) -> String {
    let digits = if x == 0.0 {
        2
    } else {
        (2 - x.abs().log10().floor() as i32).max(0) as usize
    };
    format!("{x:.digits$}")
}
