//! Turns analyzed sentences into claims: for every figure, what it
//! measures, whose it is, its role, its period and its modality, read from
//! the sentence's dependency tree (`figures`, `holder`, `measure`,
//! `period`); dated events with a date; labelled events and offices from
//! the frames in rules/claims (`events`).

mod events;
mod figures;
mod holder;
mod measure;
mod period;
mod subject;
mod table;
mod tree;

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;

use crate::calendar::{day_number, from_day_number};
use crate::document::{Analyzed, Sentence};
use crate::model::{Evidence, Modality};
use crate::rules::{FrameKind, RuleData};
use crate::values::{Interval, Value, ValueKind};
use figures::{Lexicon, Reading};
use holder::Holder;
use measure::Measures;
use period::Period;
use tree::Tree;

/// The part a figure plays in its statement.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    strum::Display,
    strum::EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Role {
    /// The measure's value.
    Level,
    /// By how much it grew or fell.
    Change,
    /// Its value for an earlier period ("from $639m", "a year earlier").
    Previous,
    /// The same amount in another currency or unit ("(£600m)").
    Conversion,
    /// A price or rate per unit ("a share", "per barrel").
    PerUnit,
    /// A share of something ("40 pct of its sales", "a 30 pct stake").
    Share,
    Rank,
    /// The date an event happened or will happen.
    EventDate,
    RangeLow,
    RangeHigh,
    Other,
}

/// What a claim asserts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum ClaimValue {
    /// A number in a unit ("USD", "t", "%", "x", a counted noun).
    Number { interval: Interval, unit: String },
    /// A date span (day numbers) an event took place in.
    Date { interval: Interval },
    /// A name: a partnership level, an office holder.
    Label { text: String },
}

/// How surely each part of a claim was read: an error needs every part
/// read from the text, not inferred.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sureness {
    pub holder: bool,
    pub measure: bool,
    pub period: bool,
}

impl Sureness {
    pub const ALL: Sureness = Sureness {
        holder: true,
        measure: true,
        period: true,
    };

    /// How many parts were inferred rather than read.
    pub fn doubts(&self) -> usize {
        usize::from(!self.holder) + usize::from(!self.measure) + usize::from(!self.period)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// Which reader made the claim: "measure", "growth", "share",
    /// "per-unit", "event", or a labelled frame's id.
    pub frame: String,
    pub kind: FrameKind,
    /// The canonical measure, with the role class where it is not a
    /// level: part of the claim's key.
    pub predicate: String,
    /// Canonical holder names; sorted for relations between two parties.
    pub subject: Vec<String>,
    /// The event's label, the office's title.
    pub label: Option<String>,
    /// Day-number span the claim is about; None when the text states none.
    pub period: Option<(f64, f64)>,
    pub period_text: Option<String>,
    /// For growth: the period compared against.
    pub base_period: Option<(f64, f64)>,
    pub value: ClaimValue,
    /// The value as written.
    pub value_text: String,
    pub value_kind: ValueKind,
    pub modality: Modality,
    pub evidence: Evidence,
    /// Who the figure belongs to, as shown ("India–Soviet Union").
    pub holder: Option<String>,
    /// What is measured, as the text says it ("net profit").
    pub measure: String,
    pub role: Role,
    pub sure: Sureness,
    /// For a conversion: the amount it restates, and that amount's unit.
    pub restates: Option<(Interval, String)>,
    /// The words that make it a forecast or plan, when they speak of now
    /// ("will", "expects"): a claim an article can make stale.
    pub cue: Option<String>,
    /// Whether its period is a date the text writes out ("April 2025"),
    /// not one resolved from "last year".
    pub dated_outright: bool,
    /// Whether it is a stock's level ("total assets"), held at an
    /// instant: stated for a month or a year, it is the level at its end.
    pub instant: bool,
    /// Whether the text puts it at the time of writing ("now operates 23
    /// terminals"): no earlier sentence's period is its.
    pub of_writing: bool,
    /// Whether it is a total from the start of the year to the day its
    /// period ends ("year-to-date sales"): the span is widened once that
    /// day is known, stated or carried from an earlier sentence.
    #[serde(skip)]
    pub to_date: ToDate,
}

/// Whether a figure is a total from the start of a year to a day.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum ToDate {
    #[default]
    No,
    /// "year-to-date sales", "calendar year-to-date sales": from 1 January.
    Year { calendar: bool },
    /// "fiscal year-to-date sales": from a day the text does not give.
    FiscalYear,
}

/// The cue of a reading's modality, when it speaks of now: an auxiliary
/// with the verb it helps ("will open"), so the reader sees what was
/// foretold, or the cue word alone ("expects").
fn cue_of(tree: &Tree<'_>, r: &Reading) -> Option<String> {
    let said = r.said?;
    if !said.now {
        return None;
    }
    let cue = &tree.token(said.cue).form;
    let helped = (tree.rel(said.cue) == "aux")
        .then(|| tree.head(said.cue))
        .flatten()
        .filter(|&v| v > said.cue && tree.upos(v) == "VERB");
    Some(match helped {
        Some(v) => format!("{cue} {}", tree.token(v).form),
        None => cue.clone(),
    })
}

/// Whether the time value behind a period is written out in full.
fn outright(values: &[Value], p: Option<&Period>) -> bool {
    p.and_then(|p| p.value)
        .and_then(|i| values.get(i)?.time)
        .is_some_and(|t| t.anchoring == crate::values::Anchoring::Stated)
}

/// Whether a time names a month or a year ("June 1986", "mid-May",
/// "1987"), not only a day or span counted from the writing ("today",
/// "Wednesday", "last year", "the second quarter"). An event dated by
/// the writing's own day is told in passing: wire copy is dated a day
/// either side of its news, and such a date is no fact another article
/// could state differently.
fn names_the_calendar(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| {
        crate::calendar::month_number(w).is_some()
            || (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// The claim readers, compiled once from the rules.
pub struct Extractor {
    lexicon: Lexicon,
    measures: Measures,
    events: events::Events,
    tables: table::Tables,
    events_once: Vec<crate::rules::EventClass>,
    /// Where a country's fiscal year starts, by canonical name.
    fiscal_starts: HashMap<String, (u32, u32)>,
}

impl Extractor {
    pub fn new(rules: &RuleData) -> Self {
        let fiscal_starts = rules
            .entity
            .iter()
            .filter_map(|e| {
                let (m, d) = e.fiscal_year_start.as_deref()?.split_once('-')?;
                Some((e.name.clone(), (m.parse().ok()?, d.parse().ok()?)))
            })
            .collect();
        Extractor {
            lexicon: Lexicon::new(rules),
            measures: Measures::new(rules),
            events: events::Events::new(rules),
            tables: table::Tables::new(rules),
            events_once: rules.event.clone(),
            fiscal_starts,
        }
    }

    /// Every claim of one document.
    pub fn extract(&self, doc_index: usize, a: &Analyzed) -> Vec<Claim> {
        let salient = holder::salient(&self.lexicon, a);
        let (mut claims, rows) = self
            .tables
            .read(doc_index, a, &self.measures, salient.as_deref());
        let mut context = self.events.subjects.start(a);
        // The article's country, when its party is one: whose ministry or
        // statistics office "the Finance Ministry" is.
        let country = salient.clone().filter(|n| {
            a.entities
                .mentions
                .iter()
                .any(|m| m.entity == *n && m.kind == crate::model::EntityKind::Country)
        });
        // The period the headline names ("4TH QTR NET", "FEBRUARY SALES
        // RISE"), and the last one a figure stated: what a figure with no
        // time of its own is read as being for.
        let mut headline_period: Option<(f64, f64, String)> = None;
        let mut last_period: Option<(usize, (f64, f64), String)> = None;
        // The sentences whose figures are read from their trees: those
        // with values, outside the headline and the table. They are
        // parsed here, in parallel, and only they (and the opening ones
        // `salient` read).
        let headlines: Vec<bool> = a
            .sentences
            .iter()
            .map(|s| holder::is_headline(a.sentence_text(s)))
            .collect();
        // The table's rows as one span set: whether a sentence overlaps a
        // row is a lookup, not a scan of the rows.
        let mut table = crate::spans::SpanSet::new();
        for &(r0, r1) in &rows {
            table.insert(r0, r1);
        }
        let read_figures: Vec<bool> = a
            .sentences
            .iter()
            .zip(&headlines)
            .map(|(s, &headline)| !headline && !table.overlaps(s.start, s.end))
            .collect();
        a.sentences
            .par_iter()
            .zip(&read_figures)
            .filter(|(s, &read)| read && !s.values.is_empty())
            .for_each(|(s, _)| {
                a.parse(s);
            });
        for (si, s) in a.sentences.iter().enumerate() {
            let text = a.sentence_text(s);
            if headlines[si] && headline_period.is_none() {
                headline_period = s.values.iter().find_map(|v| {
                    let i = v.interval.filter(|i| i.is_bounded())?;
                    (v.kind == ValueKind::Time && v.time?.span().is_some())
                        .then(|| (i.lo, i.hi, v.text.clone()))
                });
            }
            let reading = events::Reading {
                doc: doc_index,
                a,
                s,
                text,
                ctx: &context,
            };
            let labelled = self.events.event_claims(&reading);
            if read_figures[si] {
                let mut found =
                    self.figure_claims(doc_index, a, s, salient.as_deref(), country.as_deref());
                // A date a labelled frame already read ("signed the X
                // Agreement in 2021") is that frame's, not a second event.
                found.retain(|c| {
                    c.role != Role::EventDate
                        || !labelled.iter().any(|l| {
                            l.kind == FrameKind::Event
                                && l.period == c.period
                                && l.evidence.sentence_start == c.evidence.sentence_start
                        })
                });
                let mut carried = vec![false; found.len()];
                for (c, carried) in found.iter_mut().zip(&mut carried) {
                    // (A figure naming a kind, "a 10-year lease", is of
                    // no period.)
                    let carries = matches!(
                        c.role,
                        Role::Level | Role::Change | Role::Share | Role::PerUnit
                    ) && !crate::values::names_a_kind(c.value_kind, &c.value_text);
                    if c.period.is_none() && carries && c.kind != FrameKind::Event && !c.of_writing
                    {
                        *carried = true;
                        let earlier = last_period
                            .as_ref()
                            .filter(|(at, _, _)| si - at <= 2)
                            .map(|(_, p, t)| (p.0, p.1, t.clone()));
                        // A plan or target is for what is to come: a period
                        // over before the article was written ("will raise
                        // 10 mln dlrs" after "yesterday") is not its. (A
                        // forecast may be of a figure not yet out: "had
                        // expected a 650 mln dlr rise" in March.)
                        let over = |hi: f64| {
                            matches!(c.modality, Modality::Plan | Modality::Target)
                                && a.published.date.is_some_and(|p| hi < day_number(p))
                        };
                        let carried_period = earlier
                            .or_else(|| headline_period.clone())
                            .filter(|(_, hi, _)| !over(*hi));
                        if let Some((lo, hi, t)) = carried_period {
                            c.period = Some((lo, hi));
                            c.period_text = Some(t);
                            c.sure.period = false;
                        }
                    }
                }
                // The last period the sentence stated itself, surely or as
                // a fiscal year whose calendar is guessed ("in 1987-88"),
                // is what the next sentences' figures are for.
                // (A previous figure's time is the comparison's, not what
                // the story goes on about.)
                if let Some((c, _)) = found.iter().zip(&carried).rev().find(|(c, &carried)| {
                    !carried
                        && c.period.is_some()
                        && !matches!(c.role, Role::EventDate | Role::Previous)
                        && (c.sure.period
                            || matches!(c.role, Role::Level | Role::Change | Role::Share))
                }) {
                    if let (Some(p), Some(t)) = (c.period, &c.period_text) {
                        last_period = Some((si, p, t.clone()));
                    }
                }
                // "year-to-date sales" dated the last day of May: from 1 January.
                // A fiscal year's first day the text does not give.
                for c in found.iter_mut() {
                    let Some((_, end)) = c.period else { continue };
                    match c.to_date {
                        ToDate::No => continue,
                        ToDate::FiscalYear => {
                            c.period = None;
                            c.period_text = None;
                        }
                        ToDate::Year { calendar } => {
                            let Some(first) = from_day_number(end)
                                .and_then(|d| NaiveDate::from_ymd_opt(d.year(), 1, 1))
                            else {
                                continue;
                            };
                            c.period = Some((day_number(first), end));
                            c.period_text =
                                c.period_text.take().map(|t| format!("the year to {t}"));
                            // (Many companies count their year from
                            // another month; only "calendar" says which.)
                            c.sure.period &= calendar;
                        }
                    }
                }
                // A stock stated for a month or longer is its level at the
                // span's end (after the span itself was carried on to what
                // follows); a week's figure is most often the week's average.
                for c in found.iter_mut().filter(|c| c.instant) {
                    if let Some((_, end)) = c.period.filter(|(start, end)| end - start >= 27.0) {
                        c.period = Some((end, end));
                    }
                }
                claims.extend(found);
            }
            if let Some(c) = labelled.iter().find(|c| c.subject.len() == 2) {
                context.note_pair(&c.subject.clone());
            } else {
                context.leave(s, a);
            }
            claims.extend(labelled);
        }
        claims.extend(self.events.office_claims(doc_index, a));
        claims
    }

    /// The claims of a sentence's figures.
    fn figure_claims(
        &self,
        doc: usize,
        a: &Analyzed,
        s: &Sentence,
        salient: Option<&str>,
        country: Option<&str>,
    ) -> Vec<Claim> {
        if s.values.is_empty() {
            return Vec::new();
        }
        let parse = a.parse(s);
        if parse.tokens.is_empty() {
            return Vec::new();
        }
        let tree = Tree::new(parse);
        let text = &a.doc.text;
        let readings = figures::read(&self.lexicon, &tree, &s.values, text);
        let tokens = figures::value_tokens(&tree, &s.values);
        let times = period::times(&s.values, &tokens);
        let holders: Vec<Option<Holder>> = readings
            .iter()
            .map(|r| {
                holder::holder(&self.lexicon, a, s, &tree, r, salient)
                    .map(|h| holder::of_the_country(&self.lexicon, h, country))
            })
            .collect();
        let previous_tokens: Vec<usize> = readings
            .iter()
            .filter(|r| r.role == Role::Previous)
            .map(|r| r.token)
            .collect();
        let mut periods: Vec<Option<Period>> = readings
            .iter()
            .zip(&holders)
            .map(|(r, h)| {
                let fiscal = h
                    .as_ref()
                    .and_then(|h| h.parts.first())
                    .and_then(|n| self.fiscal_starts.get(n).copied());
                period::period_of(
                    &self.lexicon,
                    &tree,
                    r,
                    &s.values,
                    &times,
                    text,
                    fiscal,
                    &previous_tokens,
                )
            })
            .collect();
        // A figure without a time of its own takes its partner's: the level
        // a previous figure is compared with, the amount a conversion
        // restates, the other end of a range.
        for i in 0..readings.len() {
            if periods[i].is_some() {
                continue;
            }
            let partner = match readings[i].role {
                Role::Previous => level_before(&readings, i),
                _ => readings[i].partner,
            };
            let inherited = partner.and_then(|p| {
                if readings[i].role == Role::Previous
                    && !previous_is_a_year_before(&self.lexicon, &tree, s, &readings[i], text)
                {
                    return None;
                }
                period::inherited(&readings[i], periods[p].as_ref())
            });
            periods[i] = inherited;
        }
        // One time in the sentence and figures the tree gave none: the
        // time is theirs ("In 2023 the port handled 8.0 million tonnes"),
        // as a reader takes it.
        // (A time on a verb dates that verb's event instead.)
        if let [(t, only)] = times.as_slice() {
            // Only a time the parser left without a place (the root, or
            // hung on a figure); a time on a verb or noun dates its event.
            let on_verb = tree.head(*t).is_some_and(|h| !tree.is_value(h));
            // "up 4.1 pct from 7.25 mln last year": the time a previous
            // figure took is the earlier period, not the sentence's.
            let previous_took = readings.iter().zip(&periods).any(|(r, p)| {
                r.role == Role::Previous && p.as_ref().is_some_and(|p| p.value == Some(*only))
            });
            let unclaimed = !on_verb
                && !previous_took
                && periods.iter().flatten().all(|p| p.value == Some(*only));
            let v = &s.values[*only];
            if let (true, Some((start, end)), true) = (
                unclaimed,
                v.time.and_then(|t| t.span()),
                v.interval.is_some_and(|i| i.is_bounded()),
            ) {
                for (i, r) in readings.iter().enumerate() {
                    if periods[i].is_none()
                        && matches!(
                            r.role,
                            Role::Level | Role::Change | Role::Share | Role::PerUnit
                        )
                    {
                        periods[i] = Some(Period {
                            start,
                            end,
                            text: v.text.clone(),
                            stated: true,
                            value: Some(*only),
                        });
                    }
                }
            }
        }
        // "7.55 mln, up from 7.25 mln last year": a previous figure dated
        // by a relative year compares with the level's own span a year
        // before, which is all of last year only when the level is this
        // year's. A level of a shorter or unstated span makes it that span
        // a year back, or unknown.
        // (The time stays the previous figure's: it dates no event.)
        let mut compared_times: Vec<usize> = Vec::new();
        for i in 0..readings.len() {
            if readings[i].role != Role::Previous {
                continue;
            }
            let year_value = periods[i]
                .as_ref()
                .and_then(|p| p.value)
                .and_then(|vi| Some((s.values.get(vi)?, s.values.get(vi)?.time?)))
                .filter(|(_, t)| t.granularity == crate::values::Granularity::Year);
            // "from 98,412 in the same 2023 period": the level's span in
            // that year, as a relative year is.
            let relative_year = year_value.is_some_and(|(v, t)| {
                t.anchoring != crate::values::Anchoring::Stated
                    || self.lexicon.same_span(text, v.start, v.end)
            });
            if !relative_year {
                continue;
            }
            let Some(j) = level_before(&readings, i) else {
                continue;
            };
            let whole_year = |p: &Period| (p.end - p.start).num_days() >= 364;
            compared_times.extend(periods[i].as_ref().and_then(|p| p.value));
            periods[i] = match &periods[j] {
                Some(level) if whole_year(level) => continue,
                Some(level) => level.year_before(),
                None => None,
            };
        }
        let mut measures: Vec<measure::Measure> = readings
            .iter()
            .map(|r| self.measures.of(&tree, r, &s.values[r.value]))
            .collect();
        let mut holders = holders;
        // What one figure of a statement leaves unsaid, another says: the
        // figures of one verb, a previous level and the level it is
        // compared with, a conversion or range end and its partner.
        let clause_verbs: Vec<Option<usize>> =
            readings.iter().map(|r| r.clause_verb(&tree)).collect();
        for i in 0..readings.len() {
            let r = &readings[i];
            let related = |j: usize| {
                j != i
                    && (r.partner == Some(j)
                        || (matches!(r.role, Role::Previous | Role::Change)
                            && level_before(&readings, i) == Some(j))
                        || (clause_verbs[i].is_some() && clause_verbs[j] == clause_verbs[i]))
            };
            if !measures[i].explicit {
                if let Some(j) = (0..readings.len()).find(|&j| related(j) && measures[j].explicit) {
                    measures[i] = measures[j].clone();
                } else if let Some(j) = level_before(&readings, i)
                    .filter(|_| r.role == Role::Previous && measures[i].text.is_empty())
                    .filter(|&j| !measures[j].text.is_empty())
                {
                    // "at 431.6 mln compared to 399.3 mln": what the level
                    // measures, guessed from word order, the previous
                    // figure measures too (as unsure as it).
                    measures[i] = measures[j].clone();
                }
            }
            // ("The division had a turnover of 3 bln, 42 pct of the
            // group's": the part's figure borrows no one's name.)
            let part = holder::of_a_part(&self.lexicon, &tree, r);
            // A party of a pair the related figure names ("trade with the
            // Soviet Union is estimated at X, against Y") is that pair.
            let narrower = |h: &Holder, wide: &Holder| {
                (wide.named || !h.named)
                    && wide.parts.len() > h.parts.len()
                    && h.parts.iter().all(|p| wide.parts.contains(p))
            };
            if !part && !holders[i].as_ref().is_some_and(|h| h.named) {
                if let Some(j) = (0..readings.len())
                    .find(|&j| related(j) && holders[j].as_ref().is_some_and(|h| h.named))
                {
                    holders[i] = holders[j].clone();
                }
            }
            if let Some(h) = holders[i].clone().filter(|_| !part) {
                if let Some(j) = (0..readings.len())
                    .find(|&j| related(j) && holders[j].as_ref().is_some_and(|w| narrower(&h, w)))
                {
                    holders[i] = holders[j].clone();
                }
            }
            let same_time = |role: Role| {
                matches!(
                    role,
                    Role::Level | Role::Change | Role::Share | Role::PerUnit
                )
            };
            if periods[i].is_none() && same_time(r.role) {
                if let Some(j) = (0..readings.len())
                    .find(|&j| related(j) && same_time(readings[j].role) && periods[j].is_some())
                {
                    periods[i] = periods[j].clone();
                }
            }
            if periods[i].is_none() && same_time(r.role) {
                periods[i] = r
                    .measure
                    .and_then(|m| month_on_noun(&tree, m, a.published.date));
            }
        }
        // "a 35-hour week in 1984": a figure naming a kind holds for no
        // period; the time is the clause's, the other figures' and events'.
        for (i, r) in readings.iter().enumerate() {
            if s.values[r.value].names_a_kind() {
                periods[i] = None;
            }
        }
        let used: Vec<usize> = periods
            .iter()
            .flatten()
            .filter_map(|p| p.value)
            .chain(compared_times)
            .collect();
        let mut out = self.event_dates(doc, a, s, &tree, &times, &used, salient);
        for (i, r) in readings.iter().enumerate() {
            let stock = matches!(r.role, Role::Level | Role::Previous)
                && matches!(r.modality, None | Some(Modality::Actual))
                && self.is_stock(&tree, r, &measures[i]);
            let v = &s.values[r.value];
            if let Some(mut c) = self.figure_claim(
                doc,
                s,
                r,
                v,
                holders[i].as_ref(),
                &measures[i],
                periods[i].as_ref(),
            ) {
                c.cue = cue_of(&tree, r);
                c.dated_outright = outright(&s.values, periods[i].as_ref());
                c.instant = stock;
                c.to_date = r
                    .measure
                    .map_or(ToDate::No, |m| to_date(&self.lexicon, &tree, m, text));
                // "now operates 23 terminals".
                c.of_writing = periods[i].is_none()
                    && r.clause_verb(&tree).is_some_and(|v| {
                        tree.kids_with(v, &["advmod"])
                            .any(|k| self.lexicon.markers.present.contains(&tree.lemma(k)))
                    });
                if r.role == Role::Conversion {
                    let host = r.partner.map(|p| &s.values[readings[p].value]);
                    c.restates = host.and_then(|h| Some((h.interval?, h.unit.clone()?)));
                }
                out.push(c);
            }
        }
        out
    }

    /// Whether a figure measures a stock, a level held at an instant
    /// ("total assets", "gold and currency reserves"): its measure's noun,
    /// or the last word of the measure it borrowed.
    fn is_stock(&self, tree: &Tree<'_>, r: &Reading, measure: &measure::Measure) -> bool {
        let head = match r.measure {
            Some(m) => tree.lemma(m),
            None => measure
                .canonical
                .split_whitespace()
                .last()
                .unwrap_or("")
                .to_string(),
        };
        self.lexicon.nouns.stocks.contains(&head)
    }

    #[allow(clippy::too_many_arguments)]
    fn figure_claim(
        &self,
        doc: usize,
        s: &Sentence,
        r: &Reading,
        v: &Value,
        holder: Option<&Holder>,
        measure: &measure::Measure,
        period: Option<&Period>,
    ) -> Option<Claim> {
        let interval = v.interval?;
        let unit = v
            .unit
            .clone()
            .or_else(|| v.noun.clone())
            .unwrap_or_default();
        let (frame, kind) = match r.role {
            Role::Change if matches!(v.kind, ValueKind::Percent | ValueKind::Multiplier) => {
                ("growth", FrameKind::Growth)
            }
            Role::Change => ("change", FrameKind::Measure),
            Role::Level | Role::Previous => ("measure", FrameKind::Measure),
            Role::Share => ("share", FrameKind::Measure),
            Role::PerUnit => ("per-unit", FrameKind::Measure),
            Role::Conversion => ("conversion", FrameKind::Measure),
            Role::RangeLow | Role::RangeHigh => ("range", FrameKind::Measure),
            Role::Rank => ("rank", FrameKind::Measure),
            Role::EventDate | Role::Other => ("other", FrameKind::Measure),
        };
        let period_days = period.map(|p| (day_number(p.start), day_number(p.end)));
        let base_period = match (kind, period) {
            (FrameKind::Growth, Some(p)) => p
                .year_before()
                .map(|b| (day_number(b.start), day_number(b.end))),
            _ => None,
        };
        // A previous figure is what was; a plan or forecast is about what
        // comes after it.
        let modality = if r.role == Role::Previous {
            Modality::Actual
        } else {
            r.modality.unwrap_or(Modality::Actual)
        };
        let predicate = match r.role {
            Role::PerUnit => format!("{} per unit", measure.canonical),
            Role::Share => format!("{} (share)", measure.canonical),
            Role::Change if kind == FrameKind::Measure => format!("{} (change)", measure.canonical),
            _ => measure.canonical.clone(),
        };
        // "a 10-year grace period", "the 11-member board": the figure names
        // what kind of thing the noun is, and two articles naming two kinds
        // ("2-year notes", "10-year notes") do not disagree. Its key is its
        // kind's own.
        let predicate = if v.names_a_kind() {
            format!("{predicate} ({})", v.text.to_lowercase())
        } else {
            predicate
        };
        Some(Claim {
            frame: frame.to_string(),
            kind,
            predicate,
            subject: holder.map(|h| h.parts.clone()).unwrap_or_default(),
            label: None,
            period: period_days,
            period_text: period.map(|p| p.text.clone()),
            base_period,
            value: ClaimValue::Number { interval, unit },
            value_text: v.text.clone(),
            value_kind: v.kind,
            modality,
            evidence: s.cite(doc, v.start, v.end, &v.text),
            holder: holder.map(Holder::display),
            measure: measure.text.clone(),
            role: r.role,
            sure: Sureness {
                holder: holder.is_some_and(|h| h.named),
                measure: measure.explicit && !r.part,
                period: period.is_some_and(|p| p.stated),
            },
            restates: None,
            cue: None,
            dated_outright: false,
            instant: false,
            of_writing: false,
            to_date: ToDate::No,
        })
    }
}

impl Extractor {
    /// Dates of events: a time in the sentence that is no figure's period
    /// and hangs from a verb or noun other than a saying verb ("the notes
    /// will mature on June 1, 2031", "the company's November 1986
    /// acquisition").
    #[allow(clippy::too_many_arguments)]
    fn event_dates(
        &self,
        doc: usize,
        a: &Analyzed,
        s: &Sentence,
        tree: &Tree<'_>,
        times: &[(usize, usize)],
        used: &[usize],
        salient: Option<&str>,
    ) -> Vec<Claim> {
        let mut out = Vec::new();
        for &(t, vi) in times {
            if used.contains(&vi) {
                continue;
            }
            let v = &s.values[vi];
            let (Some(interval), Some(info)) = (v.interval, v.time) else {
                continue;
            };
            if info.span().is_none() || !names_the_calendar(&v.text) {
                continue;
            }
            let Some(reading) = figures::event_reading(&self.lexicon, tree, t, vi) else {
                continue;
            };
            let mut measure = self.measures.of(tree, &reading, v);
            if measure.canonical.is_empty() {
                continue;
            }
            // An event's verb is shown as written ("signed"), as a noun
            // measure is, and keyed by its lemma.
            if let (None, Some(verb)) = (reading.measure, reading.verb) {
                measure.text = tree.token(verb).form.to_lowercase();
            }
            // An event that happens once: the passive verb's subject is
            // what was founded, opened, born.
            let once = reading.verb.and_then(|v| {
                let lemma = tree.lemma(v);
                let subject = tree
                    .kids(v)
                    .iter()
                    .copied()
                    .find(|&k| tree.deprel(k) == "nsubj:pass")?;
                let class = self
                    .events_once
                    .iter()
                    .find(|e| e.lemmas.contains(&lemma))?;
                Some((class, subject))
            });
            let holder = match once {
                // What was founded is the subject itself: a name, or a
                // reference to the article's party ("the company"); "its
                // Swedish branch" is something else, not the party.
                Some((_, subject)) => holder::party(&self.lexicon, a, s, tree, subject, salient),
                None => holder::holder(&self.lexicon, a, s, tree, &reading, salient),
            };
            let once = once.map(|(class, _)| class);
            // An event dated after the article was published has not
            // happened: it is planned, whatever tense states it ("the
            // notes mature on ...", "production through mid-1990").
            let future = a
                .published
                .date
                .filter(|_| a.published.from != crate::ingest::PublishedFrom::None)
                .is_some_and(|p| interval.lo > crate::calendar::day_number(p));
            let (frame, predicate, label) = match once {
                Some(e) => (e.class.clone(), e.class.clone(), Some(e.label.clone())),
                None => ("event".to_string(), measure.canonical.clone(), None),
            };
            out.push(Claim {
                frame,
                kind: FrameKind::Event,
                predicate,
                subject: holder.as_ref().map(|h| h.parts.clone()).unwrap_or_default(),
                label,
                period: Some((interval.lo, interval.hi)),
                period_text: Some(v.text.clone()),
                base_period: None,
                value: ClaimValue::Date { interval },
                value_text: v.text.clone(),
                value_kind: ValueKind::Time,
                modality: reading.modality.unwrap_or(if future {
                    Modality::Plan
                } else {
                    Modality::Actual
                }),
                evidence: s.cite(doc, v.start, v.end, &v.text),
                holder: holder.as_ref().map(Holder::display),
                measure: measure.text,
                role: reading.role,
                sure: Sureness {
                    holder: holder.is_some_and(|h| h.named),
                    measure: measure.explicit,
                    period: true,
                },
                restates: None,
                cue: cue_of(tree, &reading),
                dated_outright: v
                    .time
                    .is_some_and(|t| t.anchoring == crate::values::Anchoring::Stated),
                instant: false,
                of_writing: false,
                to_date: ToDate::No,
            });
        }
        out
    }
}

/// "March exports totalled ...": a month compounded with the measure's
/// noun (no time value: the month opens the sentence, where it could be a
/// verb), the latest such month up to publication.
fn month_on_noun(tree: &Tree<'_>, m: usize, published: Option<NaiveDate>) -> Option<Period> {
    let published = published?;
    // Through the compound nouns before it ("October car sales").
    let mut stack = vec![m];
    let mut month_word = None;
    while let Some(n) = stack.pop() {
        for k in tree.kids_with(n, &["compound"]).filter(|&k| k < n) {
            let month = (tree.is_capitalized(k) && tree.token(k).value.is_none())
                .then(|| crate::calendar::month_number(&tree.token(k).form))
                .flatten();
            match month {
                Some(month) => month_word = Some((k, month)),
                None => stack.push(k),
            }
        }
    }
    let (k, month) = month_word?;
    let year = crate::calendar::latest_year_of_month(month, published);
    let (start, end) = crate::calendar::month_span(year, month)?;
    Some(Period {
        start,
        end,
        text: tree.token(k).form.clone(),
        stated: true,
        value: None,
    })
}

/// The nearest level figure before a previous one, in the same sentence.
fn level_before(readings: &[Reading], i: usize) -> Option<usize> {
    let before = |roles: &[Role]| (0..i).rev().find(|&j| roles.contains(&readings[j].role));
    before(&[Role::Level]).or_else(|| before(&[Role::Change]))
}

/// Whether the sentence says the previous figure is for a year before:
/// "a year earlier", "a year ago".
fn previous_is_a_year_before(
    lex: &Lexicon,
    tree: &Tree<'_>,
    s: &Sentence,
    r: &Reading,
    text: &str,
) -> bool {
    if figures::marker_before(lex, tree, r.token)
        .is_some_and(|m| lex.markers.year_ago_cases.contains(&m))
    {
        return true;
    }
    let sentence = text.get(s.start..s.end).unwrap_or("").to_lowercase();
    lex.markers
        .year_before
        .iter()
        .any(|p| sentence.contains(p.as_str()))
}

/// A money claim for tests of the stages after extraction.
#[cfg(test)]
pub fn test_claim(holder: &str, measure: &str, value: f64) -> Claim {
    Claim {
        frame: "measure".into(),
        kind: FrameKind::Measure,
        predicate: measure.into(),
        subject: vec![holder.into()],
        label: None,
        period: None,
        period_text: None,
        base_period: None,
        value: ClaimValue::Number {
            interval: Interval::closed(value, value),
            unit: "USD".into(),
        },
        value_text: value.to_string(),
        value_kind: ValueKind::Money,
        modality: Modality::Actual,
        evidence: Evidence {
            doc: 0,
            start: 0,
            end: 0,
            sentence_start: 0,
            sentence_end: 0,
            value: value.to_string(),
        },
        holder: Some(holder.into()),
        measure: measure.into(),
        role: Role::Level,
        sure: Sureness::ALL,
        restates: None,
        cue: None,
        dated_outright: false,
        instant: false,
        of_writing: false,
        to_date: ToDate::No,
    }
}

/// Whether a measure is a total since the start of the year: a marker
/// before it (one word to a reader, "year - to - date" to the tokenizer,
/// hence matched on the text) or after it.
fn to_date(lex: &Lexicon, tree: &Tree<'_>, m: usize, text: &str) -> ToDate {
    let markers = &lex.markers;
    let words = |a: usize, b: usize| text.get(tree.token(a).start..tree.token(b).end);
    let is_marker = |w: &str| {
        markers
            .to_date_before
            .iter()
            .any(|k| k.eq_ignore_ascii_case(w))
    };
    // (Only a token that ends a marker, "date" of "year-to-date", is
    // looked back from: every figure's measure comes through here.)
    let ends_a_marker = |last: usize| {
        let form = &tree.token(last).form;
        markers.to_date_before.iter().any(|k| {
            k.rsplit(|c: char| c == '-' || c.is_whitespace())
                .next()
                .is_some_and(|tail| tail.eq_ignore_ascii_case(form))
        })
    };
    let before = (m.saturating_sub(6)..m)
        .filter(|&last| ends_a_marker(last))
        .find_map(|last| {
            (last.saturating_sub(4)..=last).find(|&first| words(first, last).is_some_and(is_marker))
        });
    let after = || {
        let rest = text.get(tree.token(m).end..).unwrap_or("").trim_start();
        markers.to_date_after.iter().any(|p| {
            rest.get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p))
        })
    };
    let first = match before {
        Some(first) => first,
        None if after() => m,
        None => return ToDate::No,
    };
    let whose = first
        .checked_sub(1)
        .map(|k| tree.token(k).form.to_lowercase());
    match whose {
        Some(w) if markers.fiscal_year.contains(&w) => ToDate::FiscalYear,
        Some(w) if markers.calendar_year.contains(&w) => ToDate::Year { calendar: true },
        _ => ToDate::Year { calendar: false },
    }
}
