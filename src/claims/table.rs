//! Results tables as agency copy prints them under a company's headline:
//! "Shr 27 cts vs 34 cts", "Net 174,390 vs 222,720", section lines such as
//! "Nine mths". Each row is a measure with this period's figure and the
//! figure for the same period a year before; the period comes from the
//! headline ("3RD QTR JAN 31 NET") and the section lines, resolved against
//! the publication date.

use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};

use super::measure::Measures;
use super::period::Period;
use super::{Claim, ClaimValue, Role, Sureness};
use crate::calendar::{day_number, month_end, month_number};
use crate::document::Analyzed;
use crate::model::{Evidence, Modality};
use crate::rules::language::english;
use crate::rules::{FrameKind, RuleData, TableWords};
use crate::values::number::parse_amount;
use crate::values::{Interval, ValueKind};

/// The table reader, compiled once.
pub struct Tables {
    words: TableWords,
    /// Unit word → (code, value of one in that code).
    currency_of: HashMap<String, (String, f64)>,
}

/// A span of time a table's figures are for: its length in months and the
/// day it ends, and whether the text said that day.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Span {
    months: u32,
    end: NaiveDate,
    stated: bool,
}

impl Span {
    fn period(&self) -> Option<Period> {
        let start = self
            .end
            .checked_sub_months(Months::new(self.months))?
            .succ_opt()?;
        // Written as an editor would: "1986", "the 3 months to 1987-01-31".
        let text = if self.months == 12 && self.end.month() == 12 && self.end.day() == 31 {
            self.end.year().to_string()
        } else {
            format!("the {} months to {}", self.months, self.end)
        };
        Some(Period {
            start,
            end: self.end,
            text,
            stated: self.stated,
            value: None,
        })
    }
}

/// One figure of a row: its byte span in the text, its text and value.
struct Cell {
    start: usize,
    end: usize,
    text: String,
    interval: Interval,
    unit: String,
    /// Whether the cell writes its unit (else it took the row's or table's).
    stated: bool,
}

impl Tables {
    pub fn new(rules: &RuleData) -> Self {
        let mut currency_of = HashMap::new();
        for c in &rules.currency {
            for w in &c.words {
                currency_of.insert(w.to_lowercase(), (c.code.clone(), c.factor));
            }
        }
        Tables {
            words: rules.tables.clone(),
            currency_of,
        }
    }

    fn is(list: &[String], w: &str) -> bool {
        list.iter().any(|x| x.eq_ignore_ascii_case(w))
    }

    /// The claims of a document's results table, and the byte spans of
    /// its rows (whose words are no sentence to parse).
    pub fn read(
        &self,
        doc: usize,
        a: &Analyzed,
        measures: &Measures,
        holder: Option<&str>,
    ) -> (Vec<Claim>, Vec<(usize, usize)>) {
        let mut claims = Vec::new();
        let mut rows = Vec::new();
        let text = &a.doc.text;
        let Some((h0, h1)) = super::holder::headline_line(text) else {
            return (claims, rows);
        };
        // The table is the headline's company's.
        let holder = self
            .headline_name(&text[h0..h1])
            .or_else(|| holder.map(str::to_string));
        let (Some(published), Some(holder)) = (a.published.date, holder) else {
            return (claims, rows);
        };
        let holder = holder.as_str();
        let lines = line_spans(text).into_iter().filter(|&(l0, _)| l0 > h1);
        let Some(title_span) = self.span_of(&text[h0..h1], published, None) else {
            return (claims, rows);
        };
        let mut current = title_span;
        // Where the claims of the rows under the title begin and end: a
        // section line naming the title's own span later ("Year" under
        // "YEAR MAY 31 NET") says those rows were for another, unstated
        // span (the last quarter, as agency tables print it).
        let first = claims.len();
        let mut under_title: Option<usize> = None;
        // A table states its currency once ("Pre-tax profit 42.6 mln stg vs
        // 37.9 mln", then "Turnover 311.4 mln vs 288.2 mln"): the figures
        // after it with none are in it.
        let mut table_currency: Option<(String, f64)> = None;
        for (l0, l1) in lines {
            let line = &text[l0..l1];
            if let Some((label, a_cell, b_cell, prior)) =
                self.row(text, l0, l1, table_currency.as_ref())
            {
                rows.push((l0, l1));
                if let Some(code) = [&a_cell, &b_cell]
                    .iter()
                    .find(|c| c.stated && c.unit != "%")
                    .map(|c| c.unit.clone())
                {
                    table_currency = Some((code, 1.0));
                }
                let Some(p) = current.period() else {
                    continue;
                };
                // "18 cts vs 16 cts prior": the last payment, of no stated
                // period; otherwise the same period a year before.
                let before = if prior { None } else { p.year_before() };
                let measure = measures.canonical_of(&label);
                let per_share = Self::is(&self.words.per_share, &measure);
                let (role, predicate) = if per_share {
                    (Role::PerUnit, format!("{measure} per unit"))
                } else {
                    (Role::Level, measure.clone())
                };
                for (cell, role, period) in
                    [(a_cell, role, Some(p)), (b_cell, Role::Previous, before)]
                {
                    let Some(period) = period else { continue };
                    claims.push(Claim {
                        frame: if per_share { "per-unit" } else { "measure" }.to_string(),
                        kind: FrameKind::Measure,
                        predicate: predicate.clone(),
                        subject: vec![holder.to_string()],
                        label: None,
                        period: Some((day_number(period.start), day_number(period.end))),
                        period_text: Some(period.text.clone()),
                        base_period: None,
                        value_text: cell.text.clone(),
                        value: ClaimValue::Number {
                            interval: cell.interval,
                            unit: cell.unit.clone(),
                        },
                        value_kind: if cell.unit == "shares" {
                            ValueKind::Count
                        } else {
                            ValueKind::Money
                        },
                        modality: Modality::Actual,
                        evidence: Evidence {
                            doc,
                            start: cell.start,
                            end: cell.end,
                            sentence_start: l0,
                            sentence_end: l1,
                            value: cell.text.clone(),
                        },
                        holder: Some(holder.to_string()),
                        measure: label.clone(),
                        role,
                        sure: Sureness {
                            holder: true,
                            measure: true,
                            period: period.stated,
                        },
                        restates: None,
                        cue: None,
                        dated_outright: period.stated,
                        instant: false,
                        of_writing: false,
                        to_date: crate::claims::ToDate::No,
                    });
                }
            } else if let Some(s) = self.span_of(line, published, Some(current)) {
                // A section line: the rows below it are for its period.
                // ("YEAR - period ended October 31, 1986": dashes and
                // figures of its date are no words of a sentence.)
                let words = line
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphabetic))
                    .count();
                if words <= 6 {
                    if under_title.is_none() && current == title_span {
                        under_title = Some(claims.len());
                    }
                    if s == title_span && current == title_span {
                        let end = under_title.unwrap_or(claims.len());
                        for c in &mut claims[first..end] {
                            c.period = None;
                            c.period_text = None;
                            c.sure.period = false;
                            c.dated_outright = false;
                        }
                    }
                    current = s;
                }
            }
        }
        (claims, rows)
    }

    /// The span a headline or section line names ("4TH QTR", "Nine
    /// mths", "Year", "Qtr ended Jan 31"), ending at the date it writes, at
    /// `within`'s end, or at the latest such calendar period before
    /// publication.
    fn span_of(&self, line: &str, published: NaiveDate, within: Option<Span>) -> Option<Span> {
        let w = &self.words;
        let words: Vec<String> = line
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|x| !x.is_empty())
            .map(str::to_lowercase)
            .collect();
        let has = |list: &[String]| words.iter().any(|x| Self::is(list, x));
        let ordinal = words.iter().find_map(|x| {
            w.ordinals
                .iter()
                .find(|(o, _)| o.eq_ignore_ascii_case(x))
                .map(|(_, n)| *n as u32)
        });
        let count = words.iter().enumerate().find_map(|(i, x)| {
            let next = words.get(i + 1)?;
            if !Self::is(&w.months, next) {
                return None;
            }
            x.parse::<u32>()
                .ok()
                .or_else(|| english().word_value(x).map(|v| v as u32))
        });
        let months = if has(&w.quarter) {
            3
        } else if has(&w.half) {
            6
        } else if let Some(n) = count.filter(|n| (1..=12).contains(n)) {
            n
        } else if has(&w.year) {
            12
        } else {
            return None;
        };
        // "JAN 31": the day the period ends, the latest before publication.
        let stated_end = words.windows(2).find_map(|p| {
            let m = month_number(&p[0])?;
            let d: u32 = p[1].parse().ok()?;
            let this = NaiveDate::from_ymd_opt(published.year(), m, d)?;
            Some(if this < published {
                this
            } else {
                NaiveDate::from_ymd_opt(published.year() - 1, m, d)?
            })
        });
        if let Some(end) = stated_end {
            return Some(Span {
                months,
                end,
                stated: true,
            });
        }
        if let Some(parent) = within {
            return Some(Span { months, ..parent });
        }
        // A calendar quarter, half or year: the latest that ended before
        // publication ("4TH QTR" in February is last year's fourth quarter).
        let last_month = match (months, ordinal) {
            (3, Some(q)) if (1..=4).contains(&q) => 3 * q,
            (6, Some(h)) if (1..=2).contains(&h) => 6 * h,
            (12, _) => 12,
            _ => return None,
        };
        let mut year = published.year();
        let mut end = month_end(year, last_month)?;
        if end >= published {
            year -= 1;
            end = month_end(year, last_month)?;
        }
        Some(Span {
            months,
            end,
            stated: false,
        })
    }

    /// A row "Label A vs B [prior]": the label and its two figures.
    fn row(
        &self,
        text: &str,
        l0: usize,
        l1: usize,
        table_currency: Option<&(String, f64)>,
    ) -> Option<(String, Cell, Cell, bool)> {
        let line = &text[l0..l1];
        let toks: Vec<(usize, &str)> = line
            .split_whitespace()
            .map(|t| (t.as_ptr() as usize - line.as_ptr() as usize + l0, t))
            .collect();
        let sep = toks
            .iter()
            .position(|(_, t)| Self::is(&self.words.separators, t))?;
        let first_figure = toks[..sep]
            .iter()
            .position(|(_, t)| self.is_sign(t) || starts_number(t))?;
        // A label is a few words ("Avg shrs diluted"), never a clause.
        if first_figure == 0 || first_figure > 4 {
            return None;
        }
        let label_words: Vec<&str> = toks[..first_figure].iter().map(|(_, t)| *t).collect();
        if !label_words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
        }) {
            return None;
        }
        let label = label_words.join(" ").to_lowercase();
        let counts = label
            .split_whitespace()
            .any(|w| Self::is(&self.words.count_words, w));
        let left = &toks[first_figure..sep];
        let a = self.cell(text, left, counts, table_currency)?;
        let mut right = &toks[sep + 1..];
        let mut prior = false;
        while right
            .last()
            .is_some_and(|(_, t)| Self::is(&self.words.trailing, t))
        {
            right = &right[..right.len() - 1];
            prior = true;
        }
        // "42.6 mln stg vs 37.9 mln": a figure with no unit is in its
        // partner's currency, as a whole unit ("Shr 21 cts vs loss 1.47"
        // is a loss of 1.47 dlrs, as agency tables write it).
        let stated_unit = |c: &Cell| c.stated.then(|| (c.unit.clone(), 1.0));
        let b = self.cell(
            text,
            right,
            counts,
            stated_unit(&a).as_ref().or(table_currency),
        )?;
        let a = match stated_unit(&b) {
            Some(u) if !a.stated => self.cell(text, left, counts, Some(&u))?,
            _ => a,
        };
        Some((label, a, b, prior))
    }

    /// The company a results headline names: "<NORVIK VENTURES INC> 2ND
    /// QTR", "LINDQVIST CORP 2ND QTR DEC 31 LOSS", "KESTREL MEDIA INC
    /// <KSM> 1ST QTR NET": the words before the ticker or the period.
    fn headline_name(&self, title: &str) -> Option<String> {
        let t = title.trim();
        let raw: String = if let Some(inner) = t.strip_prefix('<') {
            inner.split('>').next()?.to_string()
        } else {
            let w = &self.words;
            t.split_whitespace()
                .take_while(|x| {
                    let lower = x.to_lowercase();
                    !x.starts_with(['<', '('])
                        && !x.starts_with(|c: char| c.is_ascii_digit())
                        && !w.ordinals.iter().any(|(o, _)| *o == lower)
                        && ![&w.quarter, &w.half, &w.year, &w.months]
                            .iter()
                            .any(|l| Self::is(l, &lower))
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        super::holder::recased_name(&raw)
    }

    fn is_sign(&self, w: &str) -> bool {
        self.words
            .signs
            .iter()
            .any(|(s, _)| s.eq_ignore_ascii_case(w))
    }

    /// A figure: an optional sign word, a number, and its scale and unit.
    /// A figure with no unit takes `inherited`, else the table's default.
    fn cell(
        &self,
        text: &str,
        toks: &[(usize, &str)],
        counts: bool,
        inherited: Option<&(String, f64)>,
    ) -> Option<Cell> {
        let mut toks = toks;
        let mut sign = 1.0;
        if let Some((_, w)) = toks.first() {
            if let Some((_, s)) = self
                .words
                .signs
                .iter()
                .find(|(s, _)| s.eq_ignore_ascii_case(w))
            {
                sign = *s;
                toks = &toks[1..];
            }
        }
        let (&(start, first), rest) = toks.split_first()?;
        if toks.len() > 4 {
            return None;
        }
        let mut end = start + first.len();
        let mut amount_text = first.to_string();
        let mut unit: Option<(String, f64)> = None;
        for &(at, w) in rest {
            let lower = w.to_lowercase();
            if english().scale_factor(&lower).is_some() && unit.is_none() {
                amount_text.push(' ');
                amount_text.push_str(&lower);
            } else if let Some(u) = self.currency_of.get(&lower) {
                unit = Some(u.clone());
            } else if english().ratios.percent.iter().any(|p| p == &lower) {
                unit = Some(("%".into(), 1.0));
            } else {
                return None;
            }
            end = at + w.len();
        }
        let amount = parse_amount(&amount_text)?;
        let stated = unit.is_some();
        let (code, factor) = match unit {
            Some(u) => u,
            None if counts => ("shares".into(), 1.0),
            None => inherited
                .cloned()
                .unwrap_or_else(|| (self.words.currency.clone(), 1.0)),
        };
        let x = Interval::shaped(amount.times(factor), None);
        let interval = if sign < 0.0 {
            Interval {
                lo: -x.hi,
                hi: -x.lo,
                lo_open: x.hi_open,
                hi_open: x.lo_open,
            }
        } else {
            x
        };
        Some(Cell {
            start,
            end,
            text: text[start..end].to_string(),
            interval,
            unit: code,
            stated,
        })
    }
}

/// Whether a word opens a number: digits, or a number word.
fn starts_number(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit()) || english().word_value(w).is_some()
}

/// The byte spans of the text's lines, without their line breaks.
fn line_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            out.push((start, i));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out.into_iter()
        .filter(|&(a, b)| !text[a..b].trim().is_empty())
        .collect()
}
