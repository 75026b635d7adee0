//! arithmetic: stated numbers that do not add up — a growth rate against
//! the values for its two periods, or a total below one of its parts.

use std::collections::BTreeMap;

use chrono::Datelike;

use super::{
    applies, both_sides, finding, period_text, predicate_text, render, subject_text, version_key,
    versions, Corpus, Finding,
};
use crate::claims::{Claim, ClaimValue, Role};
use crate::link::subject_key;
use crate::model::{Modality, Severity};
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
/// same measure and subject for P and B: those of its sentence, or two one
/// article states when every part of all three was read surely.
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
        // A rate of nothing named has no values of its own to check against.
        if g.measure.is_empty() {
            continue;
        }
        // The values of the rate's measure and holder, walked from the
        // claim graph: those of the rate's own sentence ("rose 5 pct to 3
        // mln from 2.9 mln"); else, when the rate and both values were
        // read surely in every part, the two values one article states.
        // Values read less surely, or spread over articles, are too often
        // of another part or base (the parent company, another unit).
        let siblings = corpus.groups.siblings(gi);
        let find = |p: (f64, f64), place: &dyn Fn(&Claim) -> bool| {
            siblings
                .iter()
                .map(|&i| &claims[i])
                .filter(|c| {
                    c.kind == FrameKind::Measure
                        && place(c)
                        && c.modality == Modality::Actual
                        && c.period.map(key) == Some(key(p))
                        && number(c).is_some_and(|(v, _)| v.is_bounded())
                })
                .min_by_key(|c| (c.evidence.doc, c.evidence.start))
        };
        let same_sentence = |c: &Claim| {
            c.evidence.doc == g.evidence.doc
                && c.evidence.sentence_start == g.evidence.sentence_start
        };
        // In one sentence the roles say which is which: "to 538.9 mln
        // from 472.3 mln" is the level and the figure it rose from, not
        // another level of the sentence's.
        let level_here = |c: &Claim| same_sentence(c) && c.role != Role::Previous;
        let previous_here = |c: &Claim| same_sentence(c) && c.role == Role::Previous;
        let pair = match (find(period, &level_here), find(base, &previous_here)) {
            (Some(now), Some(then)) => Some((now, then)),
            _ if g.sure.doubts() == 0 => {
                let sure = |c: &Claim| c.sure.doubts() == 0;
                // The first article (in corpus order) that states both.
                let mut docs: Vec<usize> =
                    siblings.iter().map(|&i| claims[i].evidence.doc).collect();
                docs.sort_unstable();
                docs.dedup();
                docs.into_iter().find_map(|d| {
                    let in_doc = |c: &Claim| sure(c) && c.evidence.doc == d;
                    Some((find(period, &in_doc)?, find(base, &in_doc)?))
                })
            }
            _ => None,
        };
        let Some((now, then)) = pair else {
            continue;
        };
        let (Some((x, ux)), Some((y, uy))) = (number(now), number(then)) else {
            continue;
        };
        // A percentage's change in percent may be in points or in
        // percent: no arithmetic can tell which the text meant.
        if ux != uy || ux == "%" || y.lo <= 0.0 {
            continue;
        }
        let computed = Interval::closed((x.lo / y.hi - 1.0) * 100.0, (x.hi / y.lo - 1.0) * 100.0);
        let widened = rate.widened(params.tolerance);
        if !computed.disjoint(&widened) {
            continue;
        }
        // "fell by almost four pct ... to 562 mln from 583 mln": the right
        // size with the other sign is a direction the reading missed, not
        // a sum that does not add up.
        let flipped = Interval::closed(-computed.hi, -computed.lo);
        if !flipped.disjoint(&widened) {
            continue;
        }
        let mid = computed.midpoint().unwrap_or(computed.lo);
        let message = render(
            &def.message,
            &[
                ("subject", subject_text(g)),
                ("predicate", predicate_text(g)),
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
                    // Only the holder may be inferred: the article's own
                    // party, checked against itself (below).
                    && c.sure.measure
                    && c.sure.period
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
                // A holder inferred from the article ("the company said")
                // is compared only within that article, and never surely.
                let inferred = !(long.sure.holder && short.sure.holder);
                if inferred && long.evidence.doc != short.evidence.doc {
                    continue;
                }
                let message = render(
                    &def.message,
                    &[
                        ("subject", subject_text(long)),
                        ("predicate", predicate_text(long)),
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
                let mut f = finding(def, message, evidence)
                    .about(subject_text(long))
                    .keyed(key);
                if inferred {
                    f.severity = f.severity.min(Severity::Warning);
                }
                out.push(f);
            }
        }
    }
    out
}

/// One conversion a claim states: (claim, rate interval, publication day),
/// grouped by (from unit, to unit).
type Conversion = (usize, Interval, Option<i64>);

/// "$500m (£350m)" beside "$500m (£266m)": a conversion whose rate is far
/// from the rate the corpus's other conversions of the same currencies
/// agree on, in articles of about the same time.
fn conversions(def: &CheckDef, params: &ArithmeticParams, corpus: &Corpus<'_>) -> Vec<Finding> {
    let claims = corpus.claims;
    let mut by_pair: BTreeMap<(&str, &str), Vec<Conversion>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        let (Some((from, from_unit)), Some((to, to_unit))) = (&c.restates, number(c)) else {
            continue;
        };
        if from_unit.as_str() == to_unit || from.lo <= 0.0 || !from.is_bounded() || !to.is_bounded()
        {
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
                || !rate
                    .widened(params.tolerance)
                    .disjoint(&Interval::closed(median, median))
            {
                continue;
            }
            let c = &claims[i];
            let Some((_, from_unit)) = &c.restates else {
                continue;
            };
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
