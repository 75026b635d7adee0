//! The time a figure is for: the time phrase attached to the figure, to
//! the noun it measures or to its verb (never to a saying verb, whose time
//! is when it was said); a split year ("1985/86") read as a fiscal year;
//! and the year before for a figure stated "a year earlier".

use chrono::{Datelike, NaiveDate};

use super::figures::{Lexicon, Reading};
use super::tree::Tree;
use super::Role;
use crate::values::{Anchoring, Granularity, Value, ValueKind};

/// A resolved period, inclusive, with the words that state it.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub text: String,
    /// False when shifted or assumed rather than stated.
    pub stated: bool,
    /// The sentence's time value that states it, if any.
    pub value: Option<usize>,
}

impl Period {
    /// The same span a year earlier (29 February becomes the 28th).
    pub fn year_before(&self) -> Option<Period> {
        let back = |d: NaiveDate| {
            d.with_year(d.year() - 1)
                .or_else(|| d.pred_opt().and_then(|p| p.with_year(d.year() - 1)))
        };
        Some(Period {
            start: back(self.start)?,
            end: back(self.end)?,
            text: format!("the year before {}", self.text),
            stated: false,
            value: None,
        })
    }
}

/// The time tokens of a sentence: (token, value index).
pub fn times(values: &[Value], tokens: &[Option<usize>]) -> Vec<(usize, usize)> {
    values
        .iter()
        .enumerate()
        .filter(|(_, v)| v.kind == ValueKind::Time)
        .filter_map(|(i, _)| tokens[i].map(|t| (t, i)))
        .collect()
}

/// The period of a figure, from the times attached to it, its measure or
/// its verb. `fiscal_start` is (month, day) where the holder's fiscal year
/// starts, when known.
#[allow(clippy::too_many_arguments)]
pub fn period_of(
    lex: &Lexicon,
    tree: &Tree<'_>,
    r: &Reading,
    values: &[Value],
    times: &[(usize, usize)],
    text: &str,
    fiscal_start: Option<(u32, u32)>,
    previous_tokens: &[usize],
) -> Option<Period> {
    // The figure, its measure, its verb, and the verb's subject and object
    // ("Net for 1985 includes a loss of ...").
    let verb_args = r
        .verb
        .map(|v| {
            tree.kids_with(v, &["nsubj", "obj"])
                .filter(|&k| !tree.is_value(k))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    // "bought shares between May 4 and June 12 at prices ranging from X to
    // Y": a participle describing a noun has no time of its own; the noun's
    // verb dates it.
    let described = r
        .verb
        .filter(|&v| tree.deprel(v) == "acl" && tree.upos(v) == "VERB")
        .and_then(|v| tree.head(v))
        .filter(|&n| tree.is_noun(n) && matches!(tree.rel(n), "obj" | "obl" | "nsubj"))
        .and_then(|n| tree.head(n))
        .filter(|&v| tree.is_verb(v));
    // A previous figure's time is only the one on the figure itself.
    let anchors: Vec<usize> = if r.role == Role::Previous {
        // "from the $2.2 billion budget for fiscal 2025": the figure's own
        // noun too.
        let own = r.measure.filter(|&m| tree.head(r.token) == Some(m));
        [Some(r.token), own].into_iter().flatten().collect()
    } else {
        [Some(r.token), r.measure, r.verb, described]
            .into_iter()
            .flatten()
            .chain(verb_args)
            .collect()
    };
    let mut best: Option<(usize, usize)> = None;
    for &(t, vi) in times {
        let Some(h) = tree.head(t) else { continue };
        // "48.3 pct vs 45.9 pct last year": a time after a previous figure
        // is that figure's.
        if r.role != Role::Previous && previous_tokens.iter().any(|&p| r.token < p && p < t) {
            continue;
        }
        // A time on a saying verb dates the saying; one on "due" dates
        // when something falls due.
        if (tree.is_verb(h) && lex.verbs.report.contains(&tree.lemma(h)))
            || lex.markers.due.contains(&tree.lemma(h))
        {
            continue;
        }
        // "from 6.5 million tonnes in 2023": a time right after a previous
        // figure is its own, however the parser attached it.
        let adjacent = if r.role == Role::Previous {
            t > r.token
                && t <= r.token + 4
                && (r.token + 1..t).all(|k| !tree.is_verb(k) && !tree.is_value(k))
        } else {
            // "€1.3 billion for 2026": a time phrase right after the figure.
            t > r.token
                && t <= r.token + 3
                && (r.token + 1..t).all(|k| matches!(tree.upos(k), "ADP" | "DET"))
        };
        let attached = adjacent
            || anchors.contains(&h)
            || anchors.contains(&t)
            || anchors.iter().any(|&a| {
                tree.head(h) == Some(a) && matches!(tree.rel(h), "nmod" | "compound" | "amod")
            });
        if !attached {
            continue;
        }
        // A previous figure's own time is the one on it; a level's is not.
        let d = tree.distance(t, r.token).unwrap_or(usize::MAX);
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, vi));
        }
    }
    let (_, vi) = best?;
    let v = &values[vi];
    let info = v.time?;
    let (start, end) = info.span()?;
    // An open bound ("since 2020", "by 2030") is no period of a flow.
    if v.interval.is_some_and(|i| !i.is_bounded()) {
        return None;
    }
    // "today", "tomorrow", "on Wednesday": a day counted from a dateline
    // whose time zone the text does not give is no sure day (a story filed
    // from a zone ahead of the dateline's says "tomorrow" of the dateline's
    // day after next).
    let from_dateline =
        info.granularity == Granularity::Day && info.anchoring == Anchoring::Relative;
    let mut p = Period {
        start,
        end,
        text: v.text.clone(),
        stated: !from_dateline,
        value: Some(vi),
    };
    // "at the start of last month": the month's first day.
    if opens(text.get(..v.start).unwrap_or("")) {
        p.end = p.start;
    }
    if let Some(f) = fiscal(&v.text, text.get(v.end..).unwrap_or(""), fiscal_start) {
        p.start = f.0;
        p.end = f.1;
        if fiscal_start.is_none() {
            p.stated = false;
        }
    }
    Some(p)
}

/// A split year ("1985/86", "fiscal 1986/87") as the fiscal year it names:
/// from `fiscal_start` in the first year to the day before it in the next,
/// or ending in the month written after it ("ended March"); April to March
/// when nothing says otherwise.
fn fiscal(
    written: &str,
    after: &str,
    fiscal_start: Option<(u32, u32)>,
) -> Option<(NaiveDate, NaiveDate)> {
    // "1987-88" is written as often as "1987/88"; "1987-1988" may be two
    // whole years, so a dash takes two digits after it only.
    let dashed = !written.contains('/');
    let digits: String = written
        .chars()
        .map(|c| if matches!(c, '-' | '–') { '/' } else { c })
        .filter(|c| c.is_ascii_digit() || *c == '/')
        .collect();
    let (a, b) = digits.rsplit_once('/')?;
    let y1: i32 = a.get(a.len().checked_sub(4)?..)?.parse().ok()?;
    let y2: i32 = match b.len() {
        2 => (y1 / 100) * 100 + b.parse::<i32>().ok()?,
        4 if !dashed => b.parse().ok()?,
        _ => return None,
    };
    let y2 = if y2 < y1 { y2 + 100 } else { y2 };
    if y2 != y1 + 1 {
        return None;
    }
    let ended = after
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .windows(2)
        .find_map(|w| {
            let verb = w[0].to_lowercase();
            (verb.starts_with("end")).then(|| {
                crate::calendar::month_number(w[1].trim_matches(|c: char| !c.is_alphabetic()))
            })?
        });
    let (m, d) = match (ended, fiscal_start) {
        (Some(end_month), _) => (end_month % 12 + 1, 1),
        (None, Some(s)) => s,
        (None, None) => (4, 1),
    };
    let start = NaiveDate::from_ymd_opt(y1, m, d)?;
    let end = NaiveDate::from_ymd_opt(y2, m, d)?.pred_opt()?;
    Some((start, end))
}

/// The period of a figure that has none of its own: a previous level "a
/// year earlier" is for the year before its partner's period.
pub fn inherited(r: &Reading, partner: Option<&Period>) -> Option<Period> {
    match r.role {
        Role::Previous => partner.and_then(Period::year_before),
        Role::Conversion | Role::RangeLow | Role::RangeHigh => partner.cloned(),
        _ => None,
    }
}

/// Whether the words before a time say its first day ("the start of",
/// "the beginning of the").
fn opens(before: &str) -> bool {
    let words: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(3)
        .map(str::to_lowercase)
        .collect();
    let of_at = match words.first().map(String::as_str) {
        Some("of") => 1,
        Some("the") if words.get(1).is_some_and(|w| w == "of") => 2,
        _ => return false,
    };
    words.get(of_at).is_some_and(|w| {
        crate::rules::language::english()
            .dates
            .period_start_words
            .contains(w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_split_year_is_a_fiscal_year() {
        assert_eq!(
            fiscal("1985/86", "", None),
            Some((ymd(1985, 4, 1), ymd(1986, 3, 31)))
        );
        assert_eq!(
            fiscal("1985/86", "", Some((7, 1))),
            Some((ymd(1985, 7, 1), ymd(1986, 6, 30)))
        );
        assert_eq!(
            fiscal("fiscal 1999/2000", " ended June,", None),
            Some((ymd(1999, 7, 1), ymd(2000, 6, 30)))
        );
        assert_eq!(fiscal("1985/87", "", None), None);
        assert_eq!(
            fiscal("1987-88", "", None),
            Some((ymd(1987, 4, 1), ymd(1988, 3, 31)))
        );
        assert_eq!(fiscal("1987-1988", "", None), None);
        assert_eq!(fiscal("2024", "", None), None);
    }

    #[test]
    fn the_year_before_keeps_the_span() {
        let p = Period {
            start: ymd(2024, 1, 1),
            end: ymd(2024, 3, 31),
            text: "the first quarter".into(),
            stated: true,
            value: None,
        };
        let b = p.year_before().unwrap();
        assert_eq!(
            (b.start, b.end, b.stated),
            (ymd(2023, 1, 1), ymd(2023, 3, 31), false)
        );
    }
}
