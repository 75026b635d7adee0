//! Turns values into claims: who (subject), what (predicate), when (period),
//! how much or which (value), with the modality and the evidence, using the
//! frames in rules/claims.

mod subject;

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::document::{Analyzed, Sentence};
use crate::entities::Person;
use crate::model::{EntityKind, Evidence, Modality};
use crate::rules::{FrameDef, FrameKind, RuleData, SubjectShape};
use crate::values::{Interval, ModalityReader, Value, ValueKind};
use subject::SubjectResolver;

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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub frame: String,
    pub kind: FrameKind,
    pub predicate: String,
    /// Canonical entity names; sorted for symmetric relations.
    pub subject: Vec<String>,
    /// The event's label, the office's title, or the counted noun.
    pub label: Option<String>,
    /// Day-number span the claim is about; None when the text states none.
    pub period: Option<(f64, f64)>,
    pub period_text: Option<String>,
    /// For growth: the period compared against, where stated.
    pub base_period: Option<(f64, f64)>,
    pub value: ClaimValue,
    /// The value as written.
    pub value_text: String,
    pub modality: Modality,
    pub evidence: Evidence,
}

struct Frame {
    def: FrameDef,
    cues: Option<Regex>,
    labels: Option<Regex>,
    exclude: Option<Regex>,
}

fn phrase_regex(phrases: &[String], patterns: &[String]) -> Option<Regex> {
    if phrases.is_empty() && patterns.is_empty() {
        return None;
    }
    let mut sorted = phrases.to_vec();
    sorted.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let mut alts: Vec<String> = sorted
        .iter()
        .map(|p| format!(r"(?i:\b{}\b)", regex::escape(p)))
        .collect();
    alts.extend(patterns.iter().cloned());
    Regex::new(&alts.join("|")).ok()
}

/// "… X of [about] " at the end of the text before a value.
static HEAD_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<head>[a-z][a-z-]*)\s+of\s+(?:(?:about|some|around|nearly|almost|roughly|over|under|more than|less than|up to|an estimated|approximately|just over|just under)\s+)?(?:US|U\.S\.|CA|AU|NZ|HK)?$").unwrap()
});

/// Characters before a value that "X of [about]" can take up.
const HEAD_WINDOW: usize = 96;

/// The words between a value and the time its phrase is for.
static PERIOD_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^,;.()]{0,40}\b(?:for|in|during|over)\s+(?:the\s+)?(?:(?:fiscal|financial|calendar)\s+(?:year\s+)?|year\s+)?$").unwrap()
});

/// One sentence being read: which document, the sentence and its text,
/// and what the reader knows so far.
#[derive(Clone, Copy)]
struct Reading<'a> {
    doc: usize,
    a: &'a Analyzed,
    s: &'a Sentence,
    text: &'a str,
    ctx: &'a subject::Context,
    /// Per frame, its cues in the sentence: found once per sentence, not
    /// once per value.
    cues: &'a [FrameCues],
}

/// A frame's cue matches in one sentence: all of them, and those not
/// inside an excluded phrase.
#[derive(Default)]
struct FrameCues {
    all: Vec<(usize, usize)>,
    kept: Vec<(usize, usize)>,
}

impl Frame {
    fn cues_in(&self, text: &str) -> FrameCues {
        let Some(cues) = &self.cues else {
            return FrameCues::default();
        };
        let excluded: Vec<(usize, usize)> = self
            .exclude
            .iter()
            .flat_map(|x| x.find_iter(text).map(|m| (m.start(), m.end())))
            .collect();
        let all: Vec<(usize, usize)> = cues.find_iter(text).map(|m| (m.start(), m.end())).collect();
        let kept = all
            .iter()
            .copied()
            .filter(|&(s, e)| !excluded.iter().any(|&(a, b)| s < b && a < e))
            .collect();
        FrameCues { all, kept }
    }
}

/// Claim frames compiled once from the rules.
pub struct Extractor {
    frames: Vec<Frame>,
    subjects: SubjectResolver,
    modality: ModalityReader,
    determiners: Vec<String>,
    neutral_heads: Vec<String>,
}

impl Extractor {
    pub fn new(rules: &RuleData) -> Self {
        let frames = rules
            .frame
            .iter()
            .map(|def| Frame {
                cues: phrase_regex(&def.cues, &[]),
                labels: phrase_regex(&def.labels, &def.label_patterns),
                exclude: phrase_regex(&def.exclude, &[]),
                def: def.clone(),
            })
            .collect();
        Extractor {
            frames,
            subjects: SubjectResolver::new(rules),
            modality: ModalityReader::new(rules),
            determiners: rules.determiners.clone(),
            neutral_heads: rules
                .neutral_heads
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
        }
    }

    /// Every claim of one document.
    pub fn extract(&self, doc_index: usize, a: &Analyzed) -> Vec<Claim> {
        let mut claims = Vec::new();
        let mut context = self.subjects.start(a);
        for s in &a.sentences {
            let text = a.sentence_text(s);
            let cues: Vec<FrameCues> = if s.values.is_empty() {
                Vec::new()
            } else {
                self.frames.iter().map(|f| f.cues_in(text)).collect()
            };
            let reading = Reading {
                doc: doc_index,
                a,
                s,
                text,
                ctx: &context,
                cues: &cues,
            };
            let first_of_sentence = claims.len();
            let mut used = vec![false; s.values.len()];
            for (vi, v) in s.values.iter().enumerate() {
                if let Some(c) = self.measure_claim(&reading, v) {
                    used[vi] = true;
                    claims.push(c);
                }
            }
            for (vi, v) in s.values.iter().enumerate() {
                if used[vi] {
                    continue;
                }
                if let Some(c) = self.generic_claim(&reading, v) {
                    claims.push(c);
                }
            }
            let events = self.event_claims(&reading);
            // Only this sentence's claims can be from this sentence.
            if let Some(c) = events
                .iter()
                .chain(claims[first_of_sentence..].iter().rev())
                .find(|c| c.evidence.sentence_start == s.start && c.subject.len() == 2)
            {
                context.note_pair(&c.subject.clone());
            } else {
                context.leave(s, a);
            }
            claims.extend(events);
        }
        claims.extend(self.office_claims(doc_index, a));
        claims
    }

    /// Money, quantities and growth rates next to a frame's cue word.
    fn measure_claim(&self, r: &Reading<'_>, v: &Value) -> Option<Claim> {
        let Reading {
            doc,
            a,
            s,
            text,
            ctx,
            cues,
        } = *r;
        let at = v.start - s.start;
        let mut best: Option<(usize, usize)> = None;
        for (fi, f) in self.frames.iter().enumerate() {
            if !matches!(f.def.kind, FrameKind::Measure | FrameKind::Growth)
                || !f.def.values.iter().any(|k| k == v.kind.as_str())
                || f.cues.is_none()
            {
                continue;
            }
            for &(m_start, m_end) in &cues[fi].kept {
                let dist = if m_end <= at {
                    at - m_end
                } else {
                    m_start.saturating_sub(v.end - s.start)
                };
                if dist <= 90 && best.is_none_or(|(d, _)| dist < d) {
                    best = Some((dist, fi));
                }
            }
        }
        let (_, fi) = best?;
        let frame = &self.frames[fi];
        if let Some(head_end) = self.bound_head(text, at) {
            // "a dividend of €0.45": the value is the dividend's, and a
            // frame whose cue is not that word does not get it.
            if !cues[fi].all.iter().any(|&(_, e)| e == head_end) {
                return None;
            }
        }
        let subject = self.subjects.resolve(frame.def.subject, a, s, at, ctx)?;
        let (period, period_text, base) =
            period_of(text, s, v, frame.def.kind == FrameKind::Growth);
        let interval = v.interval?;
        let unit = v.unit.clone().unwrap_or_default();
        Some(Claim {
            frame: frame.def.id.clone(),
            kind: frame.def.kind,
            predicate: frame.def.predicate.clone(),
            subject,
            label: None,
            period,
            period_text,
            base_period: base,
            value: ClaimValue::Number { interval, unit },
            value_text: v.text.clone(),
            modality: v.modality,
            evidence: s.cite(doc, v.start, v.end, &v.text),
        })
    }

    /// Entity + number + noun: counts and leftover quantities.
    fn generic_claim(&self, r: &Reading<'_>, v: &Value) -> Option<Claim> {
        let Reading {
            doc,
            a,
            s,
            text,
            ctx,
            ..
        } = *r;
        let frame = self
            .frames
            .iter()
            .find(|f| f.def.kind == FrameKind::Generic)?;
        if !frame.def.values.iter().any(|k| k == v.kind.as_str()) {
            return None;
        }
        let at = v.start - s.start;
        // "with 41 countries", "in 12 cities": the object of a preposition
        // is not what the subject has.
        let prev = text[..at]
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_lowercase();
        let prev = if matches!(
            prev.as_str(),
            "than" | "over" | "about" | "around" | "nearly" | "almost" | "some"
        ) {
            text[..at]
                .split_whitespace()
                .rev()
                .nth(1)
                .unwrap_or("")
                .to_lowercase()
        } else {
            prev
        };
        if matches!(
            prev.as_str(),
            "with"
                | "in"
                | "from"
                | "to"
                | "across"
                | "among"
                | "of"
                | "for"
                | "by"
                | "at"
                | "between"
        ) {
            return None;
        }
        // "23 terminals" counts terminals; "4.2 million MWh of power" measures
        // power in Wh. Either way the noun and unit make the key.
        let (noun, predicate) = match v.kind {
            ValueKind::Count => {
                let noun = v.noun.clone()?;
                let predicate = format!("number of {}", crate::values::plural(&noun));
                (noun, predicate)
            }
            _ => {
                let (unit, noun) = (v.unit.clone()?, v.noun.clone()?);
                (format!("{unit} of {noun}"), format!("{noun} ({unit})"))
            }
        };
        let subject = self.subjects.resolve(SubjectShape::Single, a, s, at, ctx)?;
        let (period, period_text, _) = period_of(text, s, v, false);
        Some(Claim {
            frame: frame.def.id.clone(),
            kind: FrameKind::Generic,
            predicate,
            subject,
            label: Some(noun.clone()),
            period,
            period_text,
            base_period: None,
            value: ClaimValue::Number {
                interval: v.interval?,
                unit: noun,
            },
            value_text: v.text.clone(),
            modality: v.modality,
            evidence: s.cite(doc, v.start, v.end, &v.text),
        })
    }

    /// Dated events with a label: partnerships, agreements, memberships.
    fn event_claims(&self, r: &Reading<'_>) -> Vec<Claim> {
        let Reading {
            doc,
            a,
            s,
            text,
            ctx,
            ..
        } = *r;
        let mut out = Vec::new();
        for f in self
            .frames
            .iter()
            .filter(|f| f.def.kind == FrameKind::Event)
        {
            let Some(cues) = &f.cues else {
                continue;
            };
            if !cues.is_match(text) || f.exclude.as_ref().is_some_and(|x| x.is_match(text)) {
                continue;
            }
            // Several labels: the last is what the relationship became.
            let found = f.labels.as_ref().and_then(|l| l.find_iter(text).last());
            // Where the label is written, and the label: the text there,
            // or the frame's default when only the cue is ("joined NATO").
            let (label_start, label_end, label_str) = match (found, &f.def.default_label) {
                (Some(m), _) => {
                    let (start, end) = if f.def.subject == SubjectShape::Named {
                        self.without_determiner(text, m.start(), m.end())
                    } else {
                        (m.start(), m.end())
                    };
                    (start, end, &text[start..end])
                }
                (None, Some(default)) => {
                    let (start, end) = cues
                        .find(text)
                        .map(|c| (c.start(), c.end()))
                        .unwrap_or_default();
                    (start, end, default.as_str())
                }
                (None, None) => continue,
            };
            let times: Vec<&Value> = s
                .values
                .iter()
                .filter(|v| v.kind == ValueKind::Time && v.time.is_some_and(|t| t.span().is_some()))
                .collect();
            let time = if f.def.subject == SubjectShape::Named {
                let cue = cues
                    .find_iter(text)
                    .min_by_key(|c| c.start().abs_diff(label_start));
                // "signed the Treaty in 2019": the time follows the name.
                cue.and_then(|c| {
                    let after = if c.start() < label_start {
                        c.end().max(label_end)
                    } else {
                        c.end()
                    };
                    time_of_cue(&times, s.start, after, label_start)
                })
            } else {
                times
                    .iter()
                    .copied()
                    .min_by_key(|v| v.start.abs_diff(s.start + label_start))
            };
            let Some(time) = time else {
                continue;
            };
            let Some((start, end)) = time.time.and_then(|t| t.span()) else {
                continue;
            };
            let subject_at = label_start;
            let Some(mut subject) = self.subjects.resolve(f.def.subject, a, s, subject_at, ctx)
            else {
                continue;
            };
            let mut label_text = label_str.to_lowercase();
            if f.def.subject == SubjectShape::Named {
                // A proper name keeps its capitals and is the key by itself.
                label_text = label_str.to_string();
                subject = vec![label_text.clone()];
            }
            if f.def.of_organization {
                // A membership's organization is the entity after the cue.
                let Some(org) = a
                    .entities
                    .in_span(s.start + label_start, s.end)
                    .find(|m| m.kind == EntityKind::Organization)
                else {
                    continue;
                };
                label_text = format!("{label_text} of {}", org.entity);
                subject.retain(|x| *x != org.entity);
                if subject.is_empty() {
                    continue;
                }
            }
            let dn = |d| crate::calendar::day_number(d);
            let modality = self.modality.modality_at(text, label_start);
            out.push(Claim {
                frame: f.def.id.clone(),
                kind: FrameKind::Event,
                predicate: f.def.predicate.clone(),
                subject,
                label: Some(label_text.clone()),
                period: Some((dn(start), dn(end))),
                period_text: Some(time.text.clone()),
                base_period: None,
                value: ClaimValue::Label { text: label_text },
                value_text: text[label_start..label_end].to_string(),
                modality,
                evidence: s.cite(
                    doc,
                    s.start + label_start,
                    s.start + label_end,
                    &text[label_start..label_end],
                ),
            });
        }
        out
    }

    /// Where the noun X of "X of VALUE" ends, when the value at byte `at`
    /// is written that way and X is not a neutral head ("a total of").
    fn bound_head(&self, text: &str, at: usize) -> Option<usize> {
        // "X of [about] " ends just before the value: searched from a
        // little before it (the text before still seen by `\b`), so a
        // value late in a long sentence costs no more than an early one.
        let before = &text[..at];
        let from = before.len() - crate::values::tail_chars(before, HEAD_WINDOW).len();
        let c = HEAD_OF.captures_at(before, from)?;
        let head = c.name("head")?;
        let word = head.as_str().to_lowercase();
        (!self.neutral_heads.contains(&word)).then_some(head.end())
    }

    /// The span of a proper name without an opening "The" or "Under".
    fn without_determiner(&self, text: &str, start: usize, end: usize) -> (usize, usize) {
        let name = &text[start..end];
        let Some((first, rest)) = name.split_once(char::is_whitespace) else {
            return (start, end);
        };
        if self.determiners.iter().any(|d| d == first) && !rest.trim().is_empty() {
            (end - rest.trim_start().len(), end)
        } else {
            (start, end)
        }
    }

    /// People named with a title of a named country or organization.
    fn office_claims(&self, doc: usize, a: &Analyzed) -> Vec<Claim> {
        let Some(frame) = self.frames.iter().find(|f| f.def.kind == FrameKind::Office) else {
            return Vec::new();
        };
        let Some(published) = a.published.date else {
            return Vec::new();
        };
        let p = crate::calendar::day_number(published);
        a.entities
            .people
            .iter()
            .filter(|person| person.affiliation.is_some() && person.name.contains(' '))
            .filter_map(|person: &Person| {
                let s = a.sentence_at(person.start, person.end)?;
                Some(Claim {
                    frame: frame.def.id.clone(),
                    kind: FrameKind::Office,
                    predicate: frame.def.predicate.clone(),
                    subject: vec![person.affiliation.clone()?],
                    label: Some(person.title.to_lowercase()),
                    period: Some((p, p)),
                    period_text: Some(published.to_string()),
                    base_period: None,
                    value: ClaimValue::Label {
                        text: person.name.clone(),
                    },
                    value_text: person.name.clone(),
                    modality: Modality::Actual,
                    evidence: s.cite(doc, person.start, person.end, &person.name),
                })
            })
            .collect()
    }
}

/// The date of a named agreement's event: the time written just after its
/// cue, or after the name the cue governs ("entered into force in 2018"), else one written before the name
/// ("In 2019 the Treaty was signed"). A time elsewhere in the sentence
/// belongs to another event ("came into force in 2018, two years after it
/// was signed").
fn time_of_cue<'v>(
    times: &[&'v Value],
    sentence_start: usize,
    after: usize,
    label_start: usize,
) -> Option<&'v Value> {
    const NEAR: usize = 30;
    let cue_end = sentence_start + after;
    times
        .iter()
        .find(|v| v.start >= cue_end && v.start - cue_end <= NEAR)
        .or_else(|| {
            times
                .iter()
                .rev()
                .find(|v| v.end <= sentence_start + label_start)
        })
        .copied()
}

/// The same span of days one year earlier.
fn year_before(period: (f64, f64)) -> Option<(f64, f64)> {
    use crate::calendar::{day_number, from_day_number};
    use chrono::Datelike;
    let shift = |n: f64| {
        let d = from_day_number(n)?;
        // 29 February has no twin a year earlier; the 28th stands in.
        let earlier = d
            .with_year(d.year() - 1)
            .or_else(|| d.pred_opt()?.with_year(d.year() - 1))?;
        Some(day_number(earlier))
    };
    Some((shift(period.0)?, shift(period.1)?))
}

/// The period a value is about: the nearest bounded, anchored time in the
/// sentence. For growth, another time in the sentence is the base period.
#[allow(clippy::type_complexity)]
fn period_of(
    text: &str,
    s: &Sentence,
    v: &Value,
    growth: bool,
) -> (Option<(f64, f64)>, Option<String>, Option<(f64, f64)>) {
    let mut times: Vec<(&Value, (f64, f64))> = s
        .values
        .iter()
        .filter(|t| t.kind == ValueKind::Time)
        .filter_map(|t| {
            let i = t.interval?;
            (i.is_bounded() && !i.lo_open && !i.hi_open).then_some((t, (i.lo, i.hi)))
        })
        .collect();
    // A time in another clause ("..., while in July it handled ...") is
    // further away than any in the value's own clause.
    times.sort_by_key(|(t, _)| {
        let (a, b) = if t.end <= v.start {
            (t.end, v.start)
        } else {
            (v.end, t.start.max(v.end))
        };
        let between = &text[a - s.start..b - s.start];
        let other_clause = [", while", ", and", ";", ", but", ", which", ", whereas"]
            .iter()
            .any(|c| between.contains(c));
        // "$2.2 billion budget for fiscal 2025": a time the value's own
        // phrase introduces beats a nearer one ("on Tuesday approved").
        let introduced = t.start >= v.end && PERIOD_AFTER.is_match(between);
        (other_clause, !introduced, b - a, t.start)
    });
    let Some(&(t, period)) = times.first() else {
        return (None, None, None);
    };
    // Growth with no base written ("rose 15% in 2024") is year on year, as
    // news reports it unless they say otherwise.
    let base = if growth {
        times
            .iter()
            .skip(1)
            .map(|(_, p)| *p)
            .find(|p| p.1 < period.0)
            .or_else(|| year_before(period))
    } else {
        None
    };
    (Some(period), Some(t.text.clone()), base)
}
