//! conflict: claims with the same key and period whose values cannot both
//! be true; or one event given dates that do not overlap.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use super::{
    applies, both_sides, finding, period_text, predicate_text, render, subject_text, version_key,
    versions, Corpus, Finding,
};
use crate::claims::{Claim, ClaimValue, Role};
use crate::entities::fold;
use crate::link::subject_key;
use crate::model::{Modality, Severity};
use crate::rules::{CheckDef, ConflictOn, ConflictParams, FrameKind};
use crate::values::Interval;
use rayon::prelude::*;

pub fn run(def: &CheckDef, params: &ConflictParams, corpus: &Corpus<'_>) -> Vec<Finding> {
    let by_date = params.compare == ConflictOn::Date;
    let groups = if by_date {
        &corpus.groups.groups
    } else {
        &corpus.groups.unlabelled
    };
    // Groups are independent: checked in parallel, their findings
    // gathered in key order.
    let found: Vec<Vec<Finding>> = groups
        .par_iter()
        .map(|(_, ids)| group_conflicts(def, params, corpus, ids, by_date))
        .collect();
    found.into_iter().flatten().collect()
}

/// The conflicts among the claims of one key.
fn group_conflicts(
    def: &CheckDef,
    params: &ConflictParams,
    corpus: &Corpus<'_>,
    ids: &[usize],
    by_date: bool,
) -> Vec<Finding> {
    let claims = corpus.claims;
    let mut out = Vec::new();
    let ids: Vec<usize> = ids
        .iter()
        .copied()
        .filter(|&i| applies(def, &claims[i]))
        .collect();
    let versions = versions(&ids, claims);
    for (n, m) in candidate_pairs(corpus, &versions, by_date) {
        let (va, vb) = (&versions[n], &versions[m]);
        // The two sides in one order whatever documents came first:
        // a draft's side before the archive's (the editor's figure
        // leads), else the lower value (or earlier date, or label).
        let drafted = |v: &[usize]| {
            v.iter()
                .any(|&i| !corpus.docs[claims[i].evidence.doc].archived)
        };
        let order = drafted(vb)
            .cmp(&drafted(va))
            .then_with(|| side_order(&claims[va[0]], &claims[vb[0]]));
        let (va, vb) = if order.is_gt() { (vb, va) } else { (va, vb) };
        let (a, b) = (&claims[va[0]], &claims[vb[0]]);
        if a.modality != b.modality || one_statement(va, vb, claims) {
            continue;
        }
        let restated = restated(corpus, va, vb);
        if !(restated || specified(a) && specified(b)) {
            continue;
        }
        let found = if by_date {
            date_conflict(def, a, b).map(|m| (m, def.severity))
        } else {
            value_conflict(def, params, corpus, va, vb, restated)
        };
        if let Some((message, severity)) = found {
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
            let mut f = finding(def, message, cited)
                .about(subject_text(a))
                .keyed(key);
            f.severity = severity;
            out.push(f);
        }
    }
    out
}

/// Whether a claim's holder and measure were both read.
fn specified(c: &Claim) -> bool {
    !c.subject.is_empty() && !c.predicate.is_empty()
}

/// The pairs of versions (n < m, in order) that may conflict, found by
/// what both sides must share rather than by trying every pair: one key
/// can hold thousands of versions (a long table, a long list of figures).
/// Both sides share a modality; figures compared by value share a period
/// (flows are compared only for the very same period); and a key with no
/// holder or no measure conflicts only where one sentence was written
/// twice with another figure, so its sides share the rest of a sentence.
fn candidate_pairs(
    corpus: &Corpus<'_>,
    versions: &[Vec<usize>],
    by_date: bool,
) -> BTreeSet<(usize, usize)> {
    let claims = corpus.claims;
    let Some(first) = versions.first().map(|v| &claims[v[0]]) else {
        return BTreeSet::new();
    };
    // Every claim of a group has the group's holder and measure.
    let group_specified = specified(first);
    let mut buckets: BTreeMap<(Modality, String), BTreeSet<usize>> = BTreeMap::new();
    for (n, v) in versions.iter().enumerate() {
        let c = &claims[v[0]];
        if !group_specified {
            for &i in v {
                if let Some(rest) = rest_of_sentence(corpus, &claims[i]) {
                    buckets.entry((c.modality, rest)).or_default().insert(n);
                }
            }
            continue;
        }
        let place = match &c.value {
            _ if by_date => String::new(),
            ClaimValue::Number { .. } => format!("{:?}", c.period),
            // Names are compared over overlapping periods; they are few.
            ClaimValue::Label { .. } => "label".to_string(),
            ClaimValue::Date { .. } => continue,
        };
        buckets.entry((c.modality, place)).or_default().insert(n);
    }
    let mut pairs = BTreeSet::new();
    for members in buckets.values() {
        let members: Vec<usize> = members.iter().copied().collect();
        for (k, &n) in members.iter().enumerate() {
            pairs.extend(members[k + 1..].iter().map(|&m| (n, m)));
        }
    }
    pairs
}

/// Which line of its measure a measure's words name (`lines` of
/// rules/claims/measures.toml), as (measure, line): the whole phrase, else
/// its last word ("quarterly sales").
fn line_of(rules: &crate::rules::RuleData, measure: &str) -> Option<(usize, usize)> {
    let phrase = measure
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let last = phrase.rsplit(' ').next().unwrap_or("");
    let find = |words: &str| {
        rules.measure.iter().enumerate().find_map(|(m, def)| {
            def.lines
                .iter()
                .position(|l| l.iter().any(|f| f.eq_ignore_ascii_case(words)))
                .map(|l| (m, l))
        })
    };
    find(&phrase).or_else(|| find(last))
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

/// Two versions stated together in one sentence are roles of one
/// statement ("fell to 537m from 798m"), wherever else they are repeated:
/// arithmetic checks them, not this rule.
fn one_statement(va: &[usize], vb: &[usize], claims: &[Claim]) -> bool {
    let place = |i: usize| (claims[i].evidence.doc, claims[i].evidence.sentence_start);
    va.iter().any(|&x| vb.iter().any(|&y| place(x) == place(y)))
}

/// Whether two versions are one sentence written twice with another figure
/// (a revision, a correction, a copy): then the figures conflict whatever
/// the reader could tell of their holder, measure or period.
fn restated(corpus: &Corpus<'_>, va: &[usize], vb: &[usize]) -> bool {
    let claims = corpus.claims;
    let masked = |i: usize| rest_of_sentence(corpus, &claims[i]);
    va.iter().any(|&x| {
        vb.iter().any(|&y| {
            let (dx, dy) = (claims[x].evidence.doc, claims[y].evidence.doc);
            dx != dy
                && masked(x).is_some_and(|m| masked(y).as_ref() == Some(&m))
                && same_story(corpus, dx, dy)
        })
    })
}

/// A claim's sentence without its figure, on one line: what a sentence
/// written twice with another figure keeps.
fn rest_of_sentence(corpus: &Corpus<'_>, c: &Claim) -> Option<String> {
    let e = &c.evidence;
    let text = &corpus.docs.get(e.doc)?.doc.text;
    let before = text.get(e.sentence_start..e.start)?;
    let after = text.get(e.end..e.sentence_end)?;
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(format!("{}\u{0}{}", one_line(before), one_line(after)))
}

/// Whether two articles are versions of one story: published the same
/// day, under the same headline, with most of their other sentences the
/// same. A daily report's template sentence with the next figure is not.
fn same_story(corpus: &Corpus<'_>, x: usize, y: usize) -> bool {
    let (Some(a), Some(b)) = (corpus.docs.get(x), corpus.docs.get(y)) else {
        return false;
    };
    if a.published.date.is_none() || a.published.date != b.published.date {
        return false;
    }
    let texts = |d: &crate::document::Analyzed| -> Vec<String> {
        d.sentences
            .iter()
            .map(|s| {
                d.sentence_text(s)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    };
    let (ta, tb) = (texts(a), texts(b));
    if ta.first() != tb.first() {
        return false;
    }
    let shared = ta.iter().filter(|s| tb.contains(s)).count();
    // The headline and the sentence at issue aside, most others agree.
    let others = ta.len().min(tb.len()).saturating_sub(2);
    others == 0 || shared.saturating_sub(1) * 2 >= others
}

/// Whether a claim's sentence holds one of the phrases, as whole words.
fn sentence_has(corpus: &Corpus<'_>, c: &Claim, phrases: &[String]) -> bool {
    let e = &c.evidence;
    let Some(text) = corpus
        .docs
        .get(e.doc)
        .and_then(|d| d.doc.text.get(e.sentence_start..e.sentence_end))
    else {
        return false;
    };
    let words: String = text
        .chars()
        .map(|ch| {
            if ch.is_alphanumeric() || ch == '-' {
                ch.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    let words = format!(
        " {} ",
        words.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    phrases
        .iter()
        .any(|p| words.contains(&format!(" {} ", p.to_lowercase())))
}

/// How many parts of the surest claim of a version were inferred.
fn doubts(version: &[usize], claims: &[Claim]) -> usize {
    version
        .iter()
        .map(|&i| claims[i].sure.doubts())
        .min()
        .unwrap_or(usize::MAX)
}

/// Days apart the two versions' articles were published, if both dates
/// are known.
fn days_apart(corpus: &Corpus<'_>, a: &Claim, b: &Claim) -> Option<i64> {
    let date = |c: &Claim| corpus.docs.get(c.evidence.doc)?.published.date;
    Some((date(a)? - date(b)?).num_days().abs())
}

/// Articles published this close together speak of the same news when
/// they give a figure without a period: the same day.
const NEWS_CYCLE_DAYS: i64 = 0;

/// Forecasts, targets and plans stated this far apart are two outlooks,
/// the later revising the earlier: a week.
const OUTLOOK_DAYS: i64 = 7;

fn overlap(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

/// The message and severity when two versions' values cannot both be
/// true. An error needs both read surely with a stated period; a doubt on
/// one side, or no period but the same news cycle, makes it info.
fn value_conflict(
    def: &CheckDef,
    params: &ConflictParams,
    corpus: &Corpus<'_>,
    va: &[usize],
    vb: &[usize],
    restated: bool,
) -> Option<(String, Severity)> {
    let claims = corpus.claims;
    let (a, b) = (&claims[va[0]], &claims[vb[0]]);
    // What is measured must be read on both sides, from a noun of the
    // text: two figures whose measure was guessed are two unknowns. And
    // between two articles the holder must be named on both sides: the
    // party each article is taken to be about differs too often from the
    // figure's own.
    let some = |v: &[usize], part: fn(&Claim) -> bool| v.iter().any(|&i| part(&claims[i]));
    // A running total, or a figure that says it revises another, is no
    // contradiction of the other tally.
    let markers = &corpus.rules.markers;
    let said_of =
        |v: &[usize], words: &[String]| v.iter().any(|&i| sentence_has(corpus, &claims[i], words));
    if said_of(va, &markers.running)
        || said_of(vb, &markers.running)
        || said_of(va, &markers.revised)
        || said_of(vb, &markers.revised)
    {
        return None;
    }
    // "In real terms, exports rose 1.4 pct" against "a nominal fall": two
    // bases, two measures.
    let basis = |v: &[usize]| markers.bases.iter().position(|b| said_of(v, b));
    if basis(va) != basis(vb) {
        return None;
    }
    // A forecast, target or plan is of its day: the same figure forecast a
    // month later is revised, not contradicted ("vs 22.9 mln tonnes last
    // month").
    if a.modality != Modality::Actual && days_apart(corpus, a, b).is_some_and(|d| d > OUTLOOK_DAYS)
    {
        return None;
    }
    // "Sales" in one story and "revenues" in another: one key, two lines.
    let line = |c: &Claim| line_of(corpus.rules, &c.measure);
    let same_line = va.iter().any(|&x| {
        vb.iter()
            .any(|&y| match (line(&claims[x]), line(&claims[y])) {
                (Some(p), Some(q)) => p == q,
                _ => true,
            })
    });
    if !same_line {
        return None;
    }
    if !restated {
        if !some(va, |c| c.sure.measure) || !some(vb, |c| c.sure.measure) {
            return None;
        }
        let one_document = va
            .iter()
            .chain(vb)
            .all(|&i| claims[i].evidence.doc == a.evidence.doc);
        if !one_document && (!some(va, |c| c.sure.holder) || !some(vb, |c| c.sure.holder)) {
            return None;
        }
    }
    let mut doubt = if restated {
        0
    } else {
        doubts(va, claims) + doubts(vb, claims)
    };
    let (pa, pb) = match (a.period, b.period) {
        (Some(pa), Some(pb)) => (pa, pb),
        (None, None) if restated => ((0.0, 0.0), (0.0, 0.0)),
        (None, None) => {
            // No period on either side: only levels read surely in two
            // articles of one day's news (within one article, two
            // unperioded figures of one measure are most often for two
            // periods it did not name; prices and rates move by the hour).
            let level = |c: &Claim| c.role == Role::Level && c.sure.holder && c.sure.measure;
            if a.evidence.doc == b.evidence.doc
                || days_apart(corpus, a, b)? > NEWS_CYCLE_DAYS
                || !level(a)
                || !level(b)
            {
                return None;
            }
            doubt = 1;
            ((0.0, 0.0), (0.0, 0.0))
        }
        _ => return None,
    };
    // One part inferred (the holder taken from the article, a period from
    // an earlier sentence): worth a look, not a warning. On real news such
    // pairs were almost never contradictions (docs/precision-sample.md).
    let severity = match doubt {
        0 => def.severity,
        1 => def.severity.min(Severity::Info),
        _ => return None,
    };
    match (&a.value, &b.value) {
        (ClaimValue::Number { interval: x, .. }, ClaimValue::Number { interval: y, .. }) => {
            // Flows are compared only for the very same period.
            let (x, y) = (cut_short(x, y), cut_short(y, x));
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
            // "Mr Nakasone" is "Yasuhiro Nakasone": the same surname.
            let surname = |n: &str| n.split_whitespace().last().map(fold::key);
            if a.kind == FrameKind::Office
                && (strsim::jaro_winkler(&fold::key(x), &fold::key(y)) >= 0.8
                    || surname(x) == surname(y))
            {
                return None;
            }
            if a.kind == FrameKind::Office && a.label != b.label {
                return None;
            }
        }
        _ => return None,
    }
    let message = render(
        &def.message,
        &[
            ("subject", subject_text(a)),
            (
                "predicate",
                a.label
                    .clone()
                    .filter(|_| a.kind == FrameKind::Office)
                    .unwrap_or_else(|| predicate_text(a)),
            ),
            ("period", period_text(a)),
            ("a", value_with_period(a, pa != pb)),
            ("b", value_with_period(b, pa != pb)),
        ],
    );
    Some((message, severity))
}

/// A figure written more coarsely than the other may be that one cut
/// short rather than rounded ("169 billion" for 169.8 billion): its end
/// away from zero reaches one more half unit out. Otherwise as it is.
fn cut_short(coarse: &Interval, fine: &Interval) -> Interval {
    let width = |i: &Interval| i.hi - i.lo;
    let rounded = |i: &Interval| i.is_bounded() && !i.lo_open && width(i) > 0.0;
    if !rounded(coarse) || !rounded(fine) || width(coarse) < 2.0 * width(fine) {
        return *coarse;
    }
    // Only a figure of two significant digits or more: "300 mln" is a
    // round number, no 385 mln cut short.
    let digits = coarse.midpoint().unwrap_or(0.0).abs() / width(coarse);
    if digits < 10.0 - 1e-9 {
        return *coarse;
    }
    let half = width(coarse) / 2.0;
    let mut out = *coarse;
    if coarse.lo >= 0.0 {
        out.hi += half;
    } else {
        out.lo -= half;
    }
    out
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
            ("predicate", predicate_text(a)),
            ("a", period_text(a)),
            ("b", period_text(b)),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sales_and_revenues_are_two_lines_of_one_measure() {
        let rules = crate::rules::RuleData::load(&[]).unwrap();
        let line = |m: &str| line_of(&rules, m);
        assert!(line("Sales").is_some() && line("Revs").is_some());
        assert_ne!(line("Sales"), line("Revs"));
        assert_eq!(line("quarterly sales"), line("Net sales"));
        assert_eq!(line("revenues"), line("Revs"));
        // Words no line names are compared as their measure's key says.
        assert_eq!(line("turnover"), None);
        assert_eq!(line("net profit"), None);
    }

    /// A long list of one key's figures: the pairs tried are those that
    /// could conflict, not every pair of versions.
    #[test]
    fn only_pairs_that_could_conflict_are_tried() {
        let rules = crate::rules::RuleData::load(&[]).unwrap();
        let reader = crate::document::DocumentReader::new(&rules);
        let text: String = (0..300)
            .map(|k| format!("Line {k} said {k} tonnes.\n"))
            .collect();
        let doc = crate::ingest::parse("a.txt", text, crate::ingest::Format::Text)
            .0
            .remove(0);
        let docs = vec![reader.read(doc, None).0];
        let at = |k: usize, period: f64, holder: &str| {
            let mut c = crate::claims::test_claim(holder, "sales", k as f64);
            let s = &docs[0].sentences[k];
            c.evidence.sentence_start = s.start;
            c.evidence.sentence_end = s.end;
            c.evidence.start = s.start + 5;
            c.evidence.end = s.start + 6;
            c.period = Some((period, period));
            c.subject.retain(|h| !h.is_empty());
            c
        };
        let pairs = |claims: Vec<Claim>| {
            let groups = crate::link::ClaimGroups::build(&claims);
            let corpus = Corpus {
                docs: &docs,
                claims: &claims,
                groups: &groups,
                rules: &rules,
            };
            let ids: Vec<usize> = (0..claims.len()).collect();
            let v = versions(&ids, &claims);
            (v.len(), candidate_pairs(&corpus, &v, false).len())
        };
        // 300 figures of 300 days: no two share a period.
        assert_eq!(
            pairs((0..300).map(|k| at(k, k as f64, "Acme")).collect()),
            (300, 0)
        );
        // Of 3 days, 100 each: the pairs within each day.
        assert_eq!(
            pairs((0..300).map(|k| at(k, (k % 3) as f64, "Acme")).collect()),
            (300, 3 * 100 * 99 / 2)
        );
        // No holder: only a sentence written twice could conflict.
        assert_eq!(pairs((0..300).map(|k| at(k, 1.0, "")).collect()), (300, 0));
    }

    #[test]
    fn a_coarser_figure_may_be_the_finer_cut_short() {
        // "169 billion" against 169.8 billion: 169.8 cut short is 169.
        let coarse = Interval::shaped(crate::values::number::parse_amount("169").unwrap(), None);
        let fine = Interval::shaped(crate::values::number::parse_amount("169.8").unwrap(), None);
        assert!(coarse.disjoint(&fine));
        assert!(!cut_short(&coarse, &fine).disjoint(&fine));
        assert_eq!(cut_short(&coarse, &fine).hi, 170.0);
        // The finer one is left as it is, and so is a figure of the same
        // precision: 168 is neither 169.8 rounded nor cut short.
        assert_eq!(cut_short(&fine, &coarse), fine);
        let other = Interval::shaped(crate::values::number::parse_amount("168").unwrap(), None);
        assert!(cut_short(&other, &fine).disjoint(&fine));
        // A round figure is not a precise one cut short.
        let round = Interval::shaped(crate::values::number::parse_amount("300").unwrap(), None);
        let precise = Interval::shaped(crate::values::number::parse_amount("385").unwrap(), None);
        assert!(cut_short(&round, &precise).disjoint(&precise));
    }
}
