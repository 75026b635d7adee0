//! Dates, months, years, ranges, open bounds and relative times, resolved
//! against the publication date (or left unanchored when there is none).

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::{Captures, Regex, RegexSet};
use serde::Serialize;

use super::{tail_chars, Interval, Value, ValueKind};
use crate::calendar::{
    self, day_number, month_end, month_number, month_pattern, month_span, year_span, ymd,
};
use crate::model::Modality;
use crate::rules::language::{self, alternation, english};
use crate::spans::SpanSet;

/// What relative times are resolved against.
#[derive(Debug, Clone, Copy, Default)]
pub struct TimeContext {
    pub published: Option<NaiveDate>,
    pub estimate_year: Option<i32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Anchoring {
    /// The text states the date outright.
    Stated,
    /// Resolved against the stated publication date.
    Relative,
    /// Resolved against an estimated publication year.
    Inferred,
    /// Relative, with nothing to resolve it against.
    Unanchored,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    Month,
    Quarter,
    Year,
    Span,
}

/// The period a time expression names, before any open bound.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TimeInfo {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub granularity: Granularity,
    pub anchoring: Anchoring,
}

impl TimeInfo {
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((self.start?, self.end?))
    }
}

#[derive(Clone, Copy)]
struct Found {
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    granularity: Granularity,
    anchoring: Anchoring,
}

type Handler = fn(&Captures<'_>, &TimeContext) -> Option<Found>;

pub struct TimeReader {
    patterns: Vec<(Regex, Handler)>,
    /// All the patterns at once: one pass says which can match at all,
    /// so a sentence is scanned again only by those.
    any: RegexSet,
    bound: Regex,
}

const YEAR: &str = r"(?:19|20)\d{2}";
/// Characters before a time that its bound can take up ("no later than
/// the end of").
const BOUND_WINDOW: usize = 64;
const DAY: &str = r"\d{1,2}(?:st|nd|rd|th)?";

impl TimeReader {
    pub fn new() -> Self {
        let m = month_pattern();
        let lang = english();
        let n = &lang.numbers;
        let list = |l: &[String]| alternation(l.iter().map(String::as_str));
        // "the first two months": a number word from two to twelve, or digits.
        let small_number = format!(
            r"\d{{1,2}}|{}",
            alternation(
                n.units
                    .iter()
                    .chain(&n.teens)
                    .filter(|(_, v)| (2.0..=12.0).contains(v))
                    .map(|(w, _)| w.as_str())
            )
        );
        let ordinals = |k: usize| alternation(n.ordinals.iter().take(k).map(String::as_str));
        let (halves, quarters) = (ordinals(2), ordinals(4));
        let before_bare_month = list(&lang.dates.before_bare_month);
        // "early", "mid", "late": a third of the month.
        let thirds = alternation(language::words(&lang.dates.month_thirds));
        let d_ = &lang.dates;
        let (quarter_words, month_words, week_words, year_words, span_end) = (
            list(&d_.quarter_words),
            list(&d_.month_words),
            list(&d_.week_words),
            list(&d_.year_words),
            list(&d_.span_end_words),
        );
        // "the second fiscal quarter": the word of a fiscal calendar may
        // stand inside a quarter's phrase.
        let fiscal = format!(r"(?:(?:{})\s+)?", list(&d_.fiscal_words));
        let relative = alternation(language::words(&lang.dates.relative));
        let trailing = list(&lang.dates.trailing);
        let rel_year = format!(r"(?P<rel>{relative})\s+year");
        // "last year", "the current qtr": one unit ("the coming months"
        // is no one month).
        let one_unit = alternation(
            d_.year_words
                .iter()
                .chain(&d_.month_words)
                .chain(&d_.quarter_words)
                .filter(|w| !w.ends_with('s'))
                .map(String::as_str),
        );
        let relative_days = alternation(language::words(&d_.relative_days));
        let weekdays = list(&d_.weekdays);
        // Each phrase's words escaped, any run of spaces between them.
        let this_year = d_
            .this_year
            .iter()
            .map(|p| {
                p.split_whitespace()
                    .map(regex::escape)
                    .collect::<Vec<_>>()
                    .join(r"\s+")
            })
            .collect::<Vec<_>>()
            .join("|");
        let period_end = list(&d_.period_end_words);
        let specs: Vec<(String, Handler)> = vec![
            (
                format!(
                    r"(?i:\b(?:the\s+)?(?:{period_end})(?:\s+of\s+|-))(?P<m>{m})(?:,?\s+(?P<y>{YEAR}))?\b"
                ),
                month_end_day,
            ),
            (
                format!(r"(?i:\b(?:the\s+)?(?:{period_end})(?:\s+of\s+|-))(?P<y>{YEAR})\b"),
                year_end_day,
            ),
            (
                format!(r"(?i:\b(?:the\s+)?(?:{period_end})\s+of\s+{rel_year})\b"),
                year_end_day,
            ),
            (
                format!(
                    r"(?i:\b(?:the\s+)?(?:(?:first|last)\s+)?(?P<n>{small_number}|a)\s+(?P<u>{month_words}|{week_words}|{year_words})\s+(?:{span_end})\s+)(?P<m>{m})\s+(?P<d>{DAY})\b(?:,?\s+(?P<y>{YEAR})\b)?"
                ),
                span_ended,
            ),
            (
                format!(
                    r"(?i:\b(?:the\s+)?(?P<u>{quarter_words}|{week_words}|{year_words})\s+(?:{span_end})\s+)(?P<m>{m})\s+(?P<d>{DAY})\b(?:,?\s+(?P<y>{YEAR})\b)?"
                ),
                span_ended,
            ),
            (
                format!(r"\b(?P<y>{YEAR})-(?P<m>\d{{2}})-(?P<d>\d{{2}})\b"),
                iso,
            ),
            // "between May 4 and June 12", "between April 9, 2021 and April
            // 2, 2024": one span (without "between", "on May 1 and June 2"
            // is two days).
            (
                format!(
                    r"(?i:\bbetween)\s+(?P<m1>{m})\s+(?P<d1>{DAY})(?:,?\s+(?P<y1>{YEAR}))?\s+and\s+(?P<m2>{m})\s+(?P<d2>{DAY})\b(?:,?\s+(?P<y>{YEAR})\b)?"
                ),
                cross_month_days,
            ),
            (
                format!(
                    r"\b(?P<m1>{m})\s+(?P<d1>{DAY})\s*(?:to|-|–|—|through)\s*(?P<m2>{m})\s+(?P<d2>{DAY})\b(?:,?\s+(?P<y>{YEAR})\b)?"
                ),
                cross_month_days,
            ),
            (
                format!(
                    r"\b(?P<m>{m})\s+(?P<d1>{DAY})\s*(?:to|-|–|—|and|through)\s*(?P<d2>{DAY})\b(?:,?\s+(?P<y>{YEAR})\b)?"
                ),
                day_range,
            ),
            (
                format!(
                    r"\b(?P<d1>\d{{1,2}})\s*(?:to|-|–|—)\s*(?P<d2>\d{{1,2}})\s+(?P<m>{m})(?:,?\s+(?P<y>{YEAR}))?\b"
                ),
                day_range,
            ),
            (
                format!(
                    r"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{m})(?:,?\s+(?P<y>{YEAR}))?\b"
                ),
                day,
            ),
            (
                format!(
                    r"\b(?P<m>{m})\s+(?P<d>{DAY})\b(?:,?\s+(?P<y>{YEAR})\b|\s+of\s+{rel_year}\b)?"
                ),
                day,
            ),
            // "1986 nine mths", "nine mths 1986": how results notes name
            // the months of a year so far.
            (
                format!(r"(?i:\b(?P<y>{YEAR})\s+(?P<n>{small_number})\s+(?:{month_words})\b)"),
                first_months,
            ),
            (
                format!(r"(?i:\b(?P<n>{small_number})\s+(?:{month_words})\s+(?P<y>{YEAR})\b)"),
                first_months,
            ),
            (
                format!(
                    r"(?i:\b(?:the\s+)?first\s+(?P<n>{small_number})\s+months\s+of\s+)(?:(?P<y>{YEAR})\b|(?i:{rel_year}|(?P<the>the\s+year))\b)"
                ),
                first_months,
            ),
            (
                format!(
                    r"(?i:\b(?:the\s+)?(?P<h>{halves})\s+half\s+of\s+)(?:(?P<y>{YEAR})\b|(?i:{rel_year})\b)"
                ),
                half,
            ),
            (
                format!(
                    r"\b(?:Q(?P<q>[1-4])|(?i:(?:the\s+)?(?P<qw>{quarters})\s+{fiscal}(?:{quarter_words})))(?:\s+of)?\s+(?:(?P<y>{YEAR})\b|(?i:{rel_year})\b)"
                ),
                quarter,
            ),
            (format!(r"\bH(?P<hn>[12])\s+(?P<y>{YEAR})\b"), half),
            (
                format!(
                    r"(?i:\b(?:the\s+)?(?:(?P<qw>{quarters})|(?P<qd>[1-4])(?:st|nd|rd|th))[\s-]+{fiscal}(?:{quarter_words})\b)"
                ),
                quarter_latest,
            ),
            (
                format!(
                    r"\b(?P<m1>{m})\s*(?:to|-|–|—|through|and|/)\s*(?P<m2>{m})\b(?:,?\s+(?:of\s+)?(?P<y>{YEAR})\b|\s+of\s+{rel_year}\b)?"
                ),
                month_range,
            ),
            (
                format!(r"\b(?P<m>{m}),?\s+(?:of\s+)?(?P<y>{YEAR})\b"),
                month,
            ),
            (format!(r"\b(?P<m>{m})\s+of\s+{rel_year}\b"), month),
            (
                format!(
                    r"\b(?P<y1>{YEAR})\s*(?:–|-|—|to|/|and|through)\s*(?P<y2>{YEAR}|\d{{2}})\b"
                ),
                year_range,
            ),
            (format!(r"\b(?P<y>{YEAR})\b"), year),
            (
                format!(
                    r"(?i)\b(?:(?P<w>{relative}|{trailing})\s+(?P<u>{one_unit})|(?P<e>{this_year}))\b"
                ),
                relative_unit,
            ),
            (format!(r"(?i)\b(?P<d>{relative_days})\b"), relative_day),
            (format!(r"\b(?:on\s+)?(?P<wd>{weekdays})\b"), weekday),
            (
                format!(
                    r"(?i:\b(?:(?P<part>{thirds})(?:\s+|-)|(?:{before_bare_month})\s+))(?P<m>{m})\b"
                ),
                bare_month,
            ),
        ];
        let any = RegexSet::new(specs.iter().map(|(p, _)| p.as_str())).unwrap();
        let patterns = specs
            .into_iter()
            .map(|(p, h)| (Regex::new(&p).unwrap(), h))
            .collect();
        let d = &lang.dates;
        let bounds = alternation(
            [
                &d.bounds_after,
                &d.bounds_until,
                &d.bound_before,
                &d.bound_after,
            ]
            .into_iter()
            .flatten()
            .map(String::as_str),
        );
        let bound = Regex::new(&format!(
            r"(?i)\b({bounds})\s+(?:the\s+(?:end|start|beginning)\s+of\s+)?$"
        ))
        .unwrap();
        TimeReader {
            patterns,
            any,
            bound,
        }
    }

    pub fn read(&self, sentence: &str, base: usize, ctx: &TimeContext) -> Vec<Value> {
        let mut spans: Vec<(usize, usize, Found)> = Vec::new();
        // One pass over the sentence says which patterns can match at all.
        let candidates = self.any.matches(sentence);
        // The spans earlier (more specific) patterns took.
        let mut matched = SpanSet::new();
        for (k, (re, handler)) in self.patterns.iter().enumerate() {
            if !candidates.matched(k) {
                continue;
            }
            for c in re.captures_iter(sentence) {
                let m = c.get(0).unwrap();
                let (mut s, e) = (m.start(), m.end());
                if matched.overlaps(s, e) || !plausible(sentence, s, e) {
                    continue;
                }
                if let Some(found) = handler(&c, ctx) {
                    // A leading preposition belongs to the phrase, not the value;
                    // left outside, it reads as an open bound ("by April").
                    if let Some((first, _)) = m.as_str().split_once(' ') {
                        let first = first.to_ascii_lowercase();
                        if english().dates.leading_prepositions.contains(&first) {
                            s += first.len() + 1;
                        }
                    }
                    spans.push((s, e, found));
                    matched.insert(s, e);
                }
            }
        }
        spans.sort_by_key(|(s, e, _)| (*s, *e));
        let spans = narrowed_by_possessive(sentence, spans);
        spans
            .into_iter()
            .map(|(s, e, f)| self.to_value(sentence, base, s, e, f))
            .collect()
    }

    fn to_value(&self, sentence: &str, base: usize, s: usize, e: usize, f: Found) -> Value {
        // The bound is the words just before the time ("until the end
        // of"): searched from a little before it, with the text before
        // that still seen by `\b`, so a late time in a long sentence
        // costs no more than an early one.
        let before = &sentence[..s];
        let trimmed = before.trim_end();
        let from = trimmed.len() - tail_chars(trimmed, BOUND_WINDOW).len();
        let bound = self
            .bound
            .captures_at(before, from)
            .map(|c| c[1].to_lowercase())
            // "from April 22 to 24" is a range, not an open start.
            .filter(|b| !(b == "from" && f.granularity == Granularity::Span));
        let interval = match (f.start, f.end) {
            (Some(a), Some(b)) => {
                let (lo, hi) = (day_number(a), day_number(b));
                let inf = f64::INFINITY;
                let d = &english().dates;
                let is = |list: &[String]| bound.as_ref().is_some_and(|b| list.contains(b));
                Some(if is(&d.bounds_after) {
                    Interval {
                        lo,
                        hi: inf,
                        lo_open: false,
                        hi_open: true,
                    }
                } else if is(&d.bounds_until) {
                    Interval {
                        lo: -inf,
                        hi,
                        lo_open: true,
                        hi_open: false,
                    }
                } else if is(&d.bound_before) {
                    Interval {
                        lo: -inf,
                        hi: lo,
                        lo_open: true,
                        hi_open: true,
                    }
                } else if is(&d.bound_after) {
                    Interval {
                        lo: hi,
                        hi: inf,
                        lo_open: true,
                        hi_open: true,
                    }
                } else {
                    Interval::closed(lo, hi)
                })
            }
            _ => None,
        };
        Value {
            kind: ValueKind::Time,
            start: base + s,
            end: base + e,
            text: sentence[s..e].to_string(),
            interval,
            unit: Some("day".into()),
            noun: None,
            qualifier: bound,
            modality: Modality::Actual,
            modality_cue: None,
            time: Some(TimeInfo {
                start: f.start,
                end: f.end,
                granularity: f.granularity,
                anchoring: f.anchoring,
            }),
        }
    }
}

/// A bare year glued to money, a percentage or other digits, or followed
/// by a time zone, is no year.
fn plausible(sentence: &str, s: usize, e: usize) -> bool {
    let before = sentence[..s].chars().last();
    let after: String = sentence[e..].chars().take(2).collect();
    if before.is_some_and(|c| c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '.' | ',')) {
        return false;
    }
    // "base 2010", "2015=100": an index's base.
    let word_before = sentence[..s]
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    if english().dates.index_base.contains(&word_before)
        || sentence[e..].trim_start().starts_with('=')
    {
        return false;
    }
    // "at 1930 GMT": a clock time.
    let next_word = sentence[e..].split_whitespace().next().unwrap_or("");
    let next_word = next_word.trim_end_matches(|c: char| !c.is_alphanumeric());
    if !next_word.is_empty() && english().dates.clock_zones.iter().any(|z| z == next_word) {
        return false;
    }
    let mut a = after.chars();
    match (a.next(), a.next()) {
        (Some('%'), _) => false,
        (Some(',' | '.'), Some(d)) if d.is_ascii_digit() => false,
        (Some(c), _) if c.is_ascii_digit() => false,
        _ => true,
    }
}

fn stated(start: NaiveDate, end: NaiveDate, granularity: Granularity) -> Option<Found> {
    Some(Found {
        start: Some(start),
        end: Some(end),
        granularity,
        anchoring: Anchoring::Stated,
    })
}

/// The year a relative expression is taken in, and how sure that is.
fn context_year(ctx: &TimeContext) -> Option<(i32, Anchoring)> {
    match (ctx.published, ctx.estimate_year) {
        (Some(d), _) => Some((d.year(), Anchoring::Relative)),
        (None, Some(y)) => Some((y, Anchoring::Inferred)),
        _ => None,
    }
}

fn unanchored(granularity: Granularity) -> Option<Found> {
    Some(Found {
        start: None,
        end: None,
        granularity,
        anchoring: Anchoring::Unanchored,
    })
}

fn year_of(c: &Captures<'_>, ctx: &TimeContext) -> Option<(i32, Anchoring)> {
    if let Some(y) = c.name("y") {
        return Some((y.as_str().parse().ok()?, Anchoring::Stated));
    }
    let (y, a) = context_year(ctx)?;
    let shift = c.name("rel").map_or(0, |r| relative_shift(r.as_str()));
    Some((y + shift, a))
}

/// Units back (-1) or ahead (1) a relative word places a time.
fn relative_shift(word: &str) -> i32 {
    english()
        .dates
        .relative
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word.trim()))
        .map_or(0, |(_, n)| *n as i32)
}

fn num(c: &Captures<'_>, name: &str) -> Option<u32> {
    c.name(name)?
        .as_str()
        .trim_end_matches(char::is_alphabetic)
        .parse()
        .ok()
}

fn resolved(
    start: NaiveDate,
    end: NaiveDate,
    granularity: Granularity,
    anchoring: Anchoring,
) -> Option<Found> {
    Some(Found {
        start: Some(start),
        end: Some(end),
        granularity,
        anchoring,
    })
}

fn iso(c: &Captures<'_>, _: &TimeContext) -> Option<Found> {
    let d = ymd(
        c["y"].parse().ok()?,
        c["m"].parse().ok()?,
        c["d"].parse().ok()?,
    )?;
    stated(d, d, Granularity::Day)
}

fn day(c: &Captures<'_>, ctx: &TimeContext) -> Option<Found> {
    let m = month_number(&c["m"])?;
    let d = num(c, "d")?;
    match year_of(c, ctx) {
        Some((y, a)) => {
            let date = ymd(y, m, d)?;
            resolved(date, date, Granularity::Day, a)
        }
        None => unanchored(Granularity::Day),
    }
}

fn day_range(c: &Captures<'_>, ctx: &TimeContext) -> Option<Found> {
    let m = month_number(&c["m"])?;
    let (d1, d2) = (num(c, "d1")?, num(c, "d2")?);
    if d2 < d1 {
        return None;
    }
    match year_of(c, ctx) {
        Some((y, a)) => resolved(ymd(y, m, d1)?, ymd(y, m, d2)?, Granularity::Span, a),
        None => unanchored(Granularity::Span),
    }
}

fn cross_month_days(c: &Captures<'_>, ctx: &TimeContext) -> Option<Found> {
    let (m1, m2) = (month_number(&c["m1"])?, month_number(&c["m2"])?);
    // A span written with only its first year ("between Dec 18, 2024 and
    // Feb 20") ends in that year, or the next when its last month comes
    // earlier; otherwise the last day's year decides and the first is read
    // back from it.
    let wraps = i32::from(m2 < m1);
    let first_year: Option<i32> = c.name("y1").and_then(|y1| y1.as_str().parse().ok());
    let years = match (first_year, c.name("y")) {
        (Some(y1), None) => Some((y1 + wraps, Anchoring::Stated)),
        _ => year_of(c, ctx),
    };
    match years {
        Some((y, a)) => {
            let y1 = first_year.unwrap_or(y - wraps);
            resolved(
                ymd(y1, m1, num(c, "d1")?)?,
                ymd(y, m2, num(c, "d2")?)?,
                Granularity::Span,
                a,
            )
        }
        None => unanchored(Granularity::Span),
    }
}

fn month(c: &Captures<'_>, ctx: &TimeContext) -> Option<Found> {
    let m = month_number(&c["m"])?;
    match year_of(c, ctx) {
        Some((y, a)) => {
            let (s, e) = month_span(y, m)?;
            resolved(s, e, Granularity::Month, a)
        }
        None => unanchored(Granularity::Month),
    }
}

fn month_range(c: &Captures<'_>, ctx: &TimeContext) -> Option<Found> {
    let (m1, m2) = (month_number(&c["m1"])?, month_number(&c["m2"])?);
    if m2 <= m1 {
        return None;
    }
    match year_of(c, ctx) {
        Some((y, a)) => resolved(ymd(y, m1, 1)?, month_end(y, m2)?, Granularity::Span, a),
        None => unanchored(Granularity::Span),
    }
}

fn first_months(c: &Captures<'_>, ctx: &TimeContext) -> Option<Found> {
    let raw = &c["n"];
    let n: u32 = match english().word_value(raw) {
        Some(v) => v as u32,
        None => raw.parse().ok()?,
    };
    if !(1..=12).contains(&n) {
        return None;
    }
    match year_of(c, ctx) {
        Some((y, a)) => resolved(ymd(y, 1, 1)?, month_end(y, n)?, Granularity::Span, a),
        None => unanchored(Granularity::Span),
    }
}

/// "the nine months ended Sept 30", "the week ended March 4", "the
/// quarter to December 31": a span counted back from the day it ends (the
/// latest such day up to publication when no year is written).
fn span_ended(c: &Captures<'_>, ctx: &TimeContext) -> Option<Found> {
    let m = month_number(&c["m"])?;
    let d = num(c, "d")?;
    let (end, anchoring) = match c.name("y") {
        Some(y) => (ymd(y.as_str().parse().ok()?, m, d)?, Anchoring::Stated),
        None => {
            let (y, a) = context_year(ctx)?;
            let this = ymd(y, m, d)?;
            // "the three months ending June 30" may be under way: the nearest
            // such day to publication; "ended" is past.
            let ending = c[0].to_ascii_lowercase().contains("ending");
            match ctx.published {
                Some(p) if ending => {
                    let nearest = [y - 1, y, y + 1]
                        .into_iter()
                        .filter_map(|y| ymd(y, m, d))
                        .min_by_key(|e| (*e - p).num_days().abs())?;
                    (nearest, a)
                }
                Some(p) if this > p => (ymd(y - 1, m, d)?, a),
                _ => (this, a),
            }
        }
    };
    let unit = c["u"].to_ascii_lowercase();
    let dates = &english().dates;
    let n: u32 = match c.name("n").map(|n| n.as_str()) {
        None => 1,
        Some(n) => english()
            .word_value(n)
            .map(|v| v as u32)
            .or_else(|| n.parse().ok())?,
    };
    let start = if dates.week_words.contains(&unit) {
        end - Duration::days(7 * i64::from(n)) + Duration::days(1)
    } else {
        let months = if dates.quarter_words.contains(&unit) {
            3
        } else if dates.year_words.contains(&unit) {
            12 * n
        } else {
            n
        };
        // A span ending on a month's last day starts on a month's first
        // ("the three months ending June 30" are April to June, not from
        // March 31).
        let last_of_month = end.succ_opt().is_some_and(|n| n.day() == 1);
        if last_of_month {
            ymd(end.year(), end.month(), 1)?.checked_sub_months(chrono::Months::new(months - 1))?
        } else {
            end.checked_sub_months(chrono::Months::new(months))?
                .succ_opt()?
        }
    };
    resolved(start, end, Granularity::Span, anchoring)
}

/// "the fourth quarter", "1st qtr" with no year: the latest such calendar
/// quarter that has begun by publication.
fn quarter_latest(c: &Captures<'_>, ctx: &TimeContext) -> Option<Found> {
    let q: u32 = match (c.name("qd"), c.name("qw")) {
        (Some(d), _) => d.as_str().parse().ok()?,
        (_, Some(w)) => english().ordinal(w.as_str())?,
        _ => return None,
    };
    if !(1..=4).contains(&q) {
        return None;
    }
    let Some(p) = ctx.published else {
        return unanchored(Granularity::Quarter);
    };
    let mut y = p.year();
    if ymd(y, 3 * q - 2, 1)? > p {
        y -= 1;
    }
    resolved(
        ymd(y, 3 * q - 2, 1)?,
        month_end(y, 3 * q)?,
        Granularity::Quarter,
        Anchoring::Relative,
    )
}

fn half(c: &Captures<'_>, ctx: &TimeContext) -> Option<Found> {
    let second = c
        .name("h")
        .is_some_and(|h| english().ordinal(h.as_str()) == Some(2))
        || c.name("hn").is_some_and(|h| h.as_str() == "2");
    let (m1, m2) = if second { (7, 12) } else { (1, 6) };
    match year_of(c, ctx) {
        Some((y, a)) => resolved(ymd(y, m1, 1)?, month_end(y, m2)?, Granularity::Span, a),
        None => unanchored(Granularity::Span),
    }
}

fn quarter(c: &Captures<'_>, ctx: &TimeContext) -> Option<Found> {
    let q: u32 = match c.name("q") {
        Some(q) => q.as_str().parse().ok()?,
        None => english().ordinal(&c["qw"])?,
    };
    match year_of(c, ctx) {
        Some((y, a)) => resolved(
            ymd(y, 3 * q - 2, 1)?,
            month_end(y, 3 * q)?,
            Granularity::Quarter,
            a,
        ),
        None => unanchored(Granularity::Quarter),
    }
}

fn year_range(c: &Captures<'_>, _: &TimeContext) -> Option<Found> {
    let y1: i32 = c["y1"].parse().ok()?;
    let raw2 = &c["y2"];
    let y2: i32 = if raw2.len() == 2 {
        y1 / 100 * 100 + raw2.parse::<i32>().ok()?
    } else {
        raw2.parse().ok()?
    };
    if y2 <= y1 || y2 - y1 > 50 {
        return None;
    }
    stated(ymd(y1, 1, 1)?, ymd(y2, 12, 31)?, Granularity::Span)
}

fn year(c: &Captures<'_>, _: &TimeContext) -> Option<Found> {
    let (s, e) = year_span(c["y"].parse().ok()?)?;
    stated(s, e, Granularity::Year)
}

fn relative_unit(c: &Captures<'_>, ctx: &TimeContext) -> Option<Found> {
    if c.name("e").is_some() {
        let (y, a) = context_year(ctx)?;
        let (s, e) = year_span(y)?;
        return resolved(s, e, Granularity::Year, a);
    }
    let w = c["w"].to_ascii_lowercase();
    let unit = c["u"].to_ascii_lowercase();
    if english().dates.trailing.contains(&w) {
        return past(&unit, ctx);
    }
    let shift = relative_shift(&w);
    match unit_kind(&unit) {
        Granularity::Year => match context_year(ctx) {
            Some((y, a)) => {
                let (s, e) = year_span(y + shift)?;
                resolved(s, e, Granularity::Year, a)
            }
            None => unanchored(Granularity::Year),
        },
        Granularity::Month => match ctx.published {
            Some(p) => {
                let months = p.year() * 12 + p.month0() as i32 + shift;
                let (s, e) = month_span(months.div_euclid(12), months.rem_euclid(12) as u32 + 1)?;
                resolved(s, e, Granularity::Month, Anchoring::Relative)
            }
            None => unanchored(Granularity::Month),
        },
        _ => match ctx.published {
            Some(p) => {
                let quarters = p.year() * 4 + p.month0() as i32 / 3 + shift;
                let (y, q) = (quarters.div_euclid(4), quarters.rem_euclid(4) as u32 + 1);
                resolved(
                    ymd(y, 3 * q - 2, 1)?,
                    month_end(y, 3 * q)?,
                    Granularity::Quarter,
                    Anchoring::Relative,
                )
            }
            None => unanchored(Granularity::Quarter),
        },
    }
}

/// Whether a unit word ("year", "mths", "qtr") counts years, months or
/// quarters, by the language file's lists.
fn unit_kind(unit: &str) -> Granularity {
    let d = &english().dates;
    let has = |l: &[String]| l.iter().any(|w| w.eq_ignore_ascii_case(unit));
    if has(&d.year_words) {
        Granularity::Year
    } else if has(&d.month_words) {
        Granularity::Month
    } else {
        Granularity::Quarter
    }
}

/// "the past year": the twelve months up to publication.
fn past(unit: &str, ctx: &TimeContext) -> Option<Found> {
    let Some(p) = ctx.published else {
        return unanchored(Granularity::Span);
    };
    let days = match unit_kind(unit) {
        Granularity::Year => 365,
        Granularity::Quarter => 91,
        _ => 30,
    };
    resolved(
        p - Duration::days(days),
        p,
        Granularity::Span,
        Anchoring::Relative,
    )
}

fn relative_day(c: &Captures<'_>, ctx: &TimeContext) -> Option<Found> {
    let Some(p) = ctx.published else {
        return unanchored(Granularity::Day);
    };
    let shift = english()
        .dates
        .relative_days
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(&c["d"]))
        .map_or(0, |(_, n)| *n as i64);
    let d = p + Duration::days(shift);
    resolved(d, d, Granularity::Day, Anchoring::Relative)
}

/// "on Wednesday": the latest such day on or before publication.
fn weekday(c: &Captures<'_>, ctx: &TimeContext) -> Option<Found> {
    let Some(p) = ctx.published else {
        return unanchored(Granularity::Day);
    };
    let n = english()
        .dates
        .weekdays
        .iter()
        .position(|w| w.eq_ignore_ascii_case(&c["wd"]))?;
    let target = Weekday::try_from(u8::try_from(n).ok()?).ok()?;
    let back = (7 + p.weekday().num_days_from_monday() - target.num_days_from_monday()) % 7;
    let d = p - Duration::days(i64::from(back));
    resolved(d, d, Granularity::Day, Anchoring::Relative)
}

/// "in August" without a year: the latest August up to publication, as
/// news reports what has happened.
fn bare_month(c: &Captures<'_>, ctx: &TimeContext) -> Option<Found> {
    let m = month_number(&c["m"])?;
    let Some((y, a)) = latest_year_of_month(m, ctx) else {
        return unanchored(Granularity::Month);
    };
    let (s, e) = month_span(y, m)?;
    // "late March": the month's last third, days 21 to its end.
    let third = c.name("part").and_then(|p| {
        english()
            .dates
            .month_thirds
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(p.as_str()))
            .map(|(_, n)| *n as u32)
    });
    if let Some(k @ 1..=3) = third {
        let first = s.with_day(1 + 10 * (k - 1))?;
        let last = if k == 3 { e } else { s.with_day(10 * k)? };
        return resolved(first, last, Granularity::Span, a);
    }
    resolved(s, e, Granularity::Month, a)
}

/// "the end of March", "end-June 2024": the month's last day. With no
/// year, the last such month up to publication (as a bare month is).
fn month_end_day(c: &Captures<'_>, ctx: &TimeContext) -> Option<Found> {
    let m = month_number(&c["m"])?;
    let (y, a) = match c.name("y") {
        Some(y) => (y.as_str().parse().ok()?, Anchoring::Stated),
        None => match latest_year_of_month(m, ctx) {
            Some(ya) => ya,
            None => return unanchored(Granularity::Day),
        },
    };
    let last = month_end(y, m)?;
    resolved(last, last, Granularity::Day, a)
}

/// The year of the latest month `m` up to publication: this year's, or
/// last year's when `m` is still ahead.
fn latest_year_of_month(m: u32, ctx: &TimeContext) -> Option<(i32, Anchoring)> {
    let (y, a) = context_year(ctx)?;
    Some((
        ctx.published
            .map_or(y, |p| calendar::latest_year_of_month(m, p)),
        a,
    ))
}

/// "the end of 2024", "end-2024", "the end of last year": December 31.
fn year_end_day(c: &Captures<'_>, ctx: &TimeContext) -> Option<Found> {
    let Some((y, a)) = year_of(c, ctx) else {
        return unanchored(Granularity::Day);
    };
    let last = ymd(y, 12, 31)?;
    resolved(last, last, Granularity::Day, a)
}

/// "last year's second quarter", "1986's fourth quarter": a time whose
/// possessive is a narrower time is that narrower time, one value over
/// both (not a year and, beside it, a quarter of it). A quarter or month
/// whose year the text left out ("second quarter", resolved against the
/// publication) is moved into the possessor's year.
fn narrowed_by_possessive(
    sentence: &str,
    spans: Vec<(usize, usize, Found)>,
) -> Vec<(usize, usize, Found)> {
    let mut out: Vec<(usize, usize, Found)> = Vec::with_capacity(spans.len());
    for (s, e, f) in spans {
        let merged = out.last().and_then(|(ps, pe, pf)| {
            let between = &sentence[*pe..s];
            let possessive = ["'s", "’s"].iter().any(|m| {
                between
                    .strip_prefix(m)
                    .is_some_and(|rest| !rest.is_empty() && rest.trim().is_empty())
            });
            if !possessive {
                return None;
            }
            let (a0, a1, b0, b1) = (pf.start?, pf.end?, f.start?, f.end?);
            let inside =
                |b0: NaiveDate, b1: NaiveDate| a0 <= b0 && b1 <= a1 && (a0, a1) != (b0, b1);
            if inside(b0, b1) {
                return Some((*ps, f));
            }
            let yearless = f.anchoring != Anchoring::Stated
                && matches!(f.granularity, Granularity::Quarter | Granularity::Month);
            let shift = a0.year() - b0.year();
            let moved = (
                b0.with_year(b0.year() + shift)?,
                b1.with_year(b1.year() + shift)?,
            );
            (yearless && inside(moved.0, moved.1)).then_some({
                (
                    *ps,
                    Found {
                        start: Some(moved.0),
                        end: Some(moved.1),
                        anchoring: pf.anchoring,
                        ..f
                    },
                )
            })
        });
        match merged {
            Some((start, found)) => {
                out.pop();
                out.push((start, e, found));
            }
            None => out.push((s, e, f)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(
        text: &str,
        published: Option<NaiveDate>,
    ) -> Vec<(String, Option<NaiveDate>, Option<NaiveDate>, Anchoring)> {
        let ctx = TimeContext {
            published,
            estimate_year: None,
        };
        TimeReader::new()
            .read(text, 0, &ctx)
            .into_iter()
            .map(|v| {
                let t = v.time.unwrap();
                (v.text, t.start, t.end, t.anchoring)
            })
            .collect()
    }

    #[test]
    fn weekday_resolves_to_the_latest_before_publication() {
        // 2025-06-20 is a Friday.
        let r = read("The board met on Wednesday.", ymd(2025, 6, 20));
        assert_eq!(r[0].0, "Wednesday");
        assert_eq!(r[0].1, ymd(2025, 6, 18));
    }

    #[test]
    fn unanchored_without_a_date() {
        let r = read("Sales rose last year.", None);
        assert_eq!(r[0].3, Anchoring::Unanchored);
        assert_eq!(r[0].1, None);
    }
}
