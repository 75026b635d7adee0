//! arithmetic: stated numbers that do not add up — a growth rate against
//! the values for its two periods, or a total below one of its parts.

use std::collections::{BTreeMap, BTreeSet};

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
    let mut out = Vec::new();
    // The values of each holder and measure, indexed once: a long article
    // states many rates of its party's one measure, and each looks its
    // values up, never scans them all.
    let mut indexes: BTreeMap<String, ValueIndex> = BTreeMap::new();
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
        let index = indexes
            .entry(crate::link::holder_measure_key(g))
            .or_insert_with(|| ValueIndex::new(claims, &corpus.groups.siblings(gi)));
        let pair = match index.in_sentence(claims, g, period, base) {
            Some(found) => Some(found),
            None if g.sure.doubts() == 0 => index.in_one_article(period, base),
            None => None,
        };
        let Some((now, then)) = pair else {
            continue;
        };
        let (now, then) = (&claims[now], &claims[then]);
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

/// A period as a key: its start and end, whole seconds.
type PeriodKey = (i64, i64);

fn period_key(p: (f64, f64)) -> PeriodKey {
    (p.0 as i64, p.1 as i64)
}

/// The stated values of one holder and measure a rate can be checked
/// against: actual, bounded figures with a period.
struct ValueIndex {
    /// By (article, sentence start): the figures of each sentence.
    by_sentence: BTreeMap<(usize, usize), Vec<usize>>,
    /// By period, then article: the first figure read surely in every
    /// part that each article states for the period.
    sure_by_period: BTreeMap<PeriodKey, BTreeMap<usize, usize>>,
}

impl ValueIndex {
    fn new(claims: &[Claim], siblings: &[usize]) -> Self {
        let mut by_sentence: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
        let mut sure_by_period: BTreeMap<PeriodKey, BTreeMap<usize, usize>> = BTreeMap::new();
        let first = |a: usize, b: usize| {
            let place = |i: usize| (claims[i].evidence.doc, claims[i].evidence.start, i);
            if place(b) < place(a) {
                b
            } else {
                a
            }
        };
        for &i in siblings {
            let c = &claims[i];
            let Some(period) = c.period else {
                continue;
            };
            if c.kind != FrameKind::Measure
                || c.modality != Modality::Actual
                || !number(c).is_some_and(|(v, _)| v.is_bounded())
            {
                continue;
            }
            by_sentence
                .entry((c.evidence.doc, c.evidence.sentence_start))
                .or_default()
                .push(i);
            if c.sure.doubts() == 0 {
                sure_by_period
                    .entry(period_key(period))
                    .or_default()
                    .entry(c.evidence.doc)
                    .and_modify(|j| *j = first(*j, i))
                    .or_insert(i);
            }
        }
        ValueIndex {
            by_sentence,
            sure_by_period,
        }
    }

    /// The level and the figure it rose from in the rate's own sentence.
    /// The roles say which is which: "to 640 mln from 590 mln" is the
    /// level and the figure it rose from, not another level of the
    /// sentence's.
    fn in_sentence(
        &self,
        claims: &[Claim],
        rate: &Claim,
        period: (f64, f64),
        base: (f64, f64),
    ) -> Option<(usize, usize)> {
        let here = self
            .by_sentence
            .get(&(rate.evidence.doc, rate.evidence.sentence_start))?;
        let find = |p: (f64, f64), previous: bool| {
            here.iter()
                .copied()
                .filter(|&i| {
                    let c = &claims[i];
                    (c.role == Role::Previous) == previous
                        && c.period.map(period_key) == Some(period_key(p))
                })
                .min_by_key(|&i| (claims[i].evidence.start, i))
        };
        Some((find(period, false)?, find(base, true)?))
    }

    /// The first article (in corpus order) stating both periods' values,
    /// each read surely in every part.
    fn in_one_article(&self, period: (f64, f64), base: (f64, f64)) -> Option<(usize, usize)> {
        let now = self.sure_by_period.get(&period_key(period))?;
        let then = self.sure_by_period.get(&period_key(base))?;
        now.iter()
            .find_map(|(doc, &n)| then.get(doc).map(|&t| (n, t)))
    }
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
    // A currency word several countries share has no one rate to agree on.
    let shared: BTreeSet<&str> = corpus
        .rules
        .currency
        .iter()
        .filter(|c| c.shared)
        .map(|c| c.code.as_str())
        .collect();
    let mut by_pair: BTreeMap<(&str, &str), Vec<Conversion>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        let (Some((from, from_unit)), Some((to, to_unit))) = (&c.restates, number(c)) else {
            continue;
        };
        if from_unit.as_str() == to_unit
            || shared.contains(from_unit.as_str())
            || shared.contains(to_unit)
            || from.lo <= 0.0
            || !from.is_bounded()
            || !to.is_bounded()
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
    for list in by_pair.values_mut() {
        // By day, so the conversions of a time are one run of the list.
        list.sort_by_key(|&(i, _, day)| (day, i));
    }
    for list in by_pair.values() {
        for &(i, rate, day) in list {
            // An undated article has no time to compare with.
            let Some(day) = day else {
                continue;
            };
            // The other conversions of the time, and the rate most agree on.
            let lo =
                list.partition_point(|(_, _, d)| d.is_none_or(|d| d < day - params.within_days));
            let hi =
                list.partition_point(|(_, _, d)| d.is_none_or(|d| d <= day + params.within_days));
            let mut near: Vec<&(usize, Interval, Option<i64>)> = list[lo..hi]
                .iter()
                .filter(|(j, _, _)| *j != i && claims[*j].evidence.doc != claims[i].evidence.doc)
                .collect();
            // In claim order: the example shown is the first of the corpus.
            near.sort_by_key(|(j, _, _)| *j);
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
