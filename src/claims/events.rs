//! Labelled events and offices read with the frames in rules/claims: a
//! partnership and its level, a named treaty signed or in force, a
//! membership, a first visit, a founding, and who holds an office. Their
//! subjects are resolved by `subject`.

use regex::Regex;

use super::subject::{self, SubjectResolver};
use super::{Claim, ClaimValue, Role};
use crate::document::{Analyzed, Sentence};
use crate::entities::Person;
use crate::model::{EntityKind, Modality};
use crate::rules::{FrameDef, FrameKind, RuleData, SubjectShape};
use crate::values::{ModalityReader, Value, ValueKind};

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

/// One sentence being read: which document, the sentence and its text,
/// and what the reader knows so far.
#[derive(Clone, Copy)]
pub struct Reading<'a> {
    pub doc: usize,
    pub a: &'a Analyzed,
    pub s: &'a Sentence,
    pub text: &'a str,
    pub ctx: &'a subject::Context,
}

/// The event and office frames, compiled once.
pub struct Events {
    frames: Vec<Frame>,
    pub subjects: SubjectResolver,
    modality: ModalityReader,
    determiners: Vec<String>,
    shared_titles: Vec<String>,
    past_title_words: Vec<String>,
}

impl Events {
    pub fn new(rules: &RuleData) -> Self {
        let frames = rules
            .frame
            .iter()
            .filter(|def| matches!(def.kind, FrameKind::Event | FrameKind::Office))
            .map(|def| Frame {
                cues: phrase_regex(&def.cues, &[]),
                labels: phrase_regex(&def.labels, &def.label_patterns),
                exclude: phrase_regex(&def.exclude, &[]),
                def: def.clone(),
            })
            .collect();
        let lower = |v: &[String]| v.iter().map(|w| w.to_lowercase()).collect::<Vec<_>>();
        Events {
            shared_titles: lower(&rules.shared_titles),
            past_title_words: lower(&rules.past_title_words),
            frames,
            subjects: SubjectResolver::new(rules),
            modality: ModalityReader::new(rules),
            determiners: rules.determiners.clone(),
        }
    }

    /// Dated events with a label: partnerships, agreements, memberships.
    pub fn event_claims(&self, r: &Reading<'_>) -> Vec<Claim> {
        let Reading {
            doc,
            a,
            s,
            text,
            ctx,
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
            let subject_shown = subject.join("–");
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
                value_kind: ValueKind::Time,
                holder: (!subject_shown.is_empty()).then_some(subject_shown),
                measure: f.def.predicate.clone(),
                role: Role::EventDate,
                sure: super::Sureness::ALL,
                restates: None,
                cue: time
                    .modality_cue
                    .clone()
                    .filter(|_| modality != Modality::Actual),
                dated_outright: time
                    .time
                    .is_some_and(|t| t.anchoring == crate::values::Anchoring::Stated),
                instant: false,
                of_writing: false,
                to_date: crate::claims::ToDate::No,
            });
        }
        out
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

    /// Whether the words before a person's title say the title is past
    /// ("former President Ferdinand Marcos").
    fn held_once(&self, text: &str, person: &Person) -> bool {
        // The title stands just before the name: a bounded tail, not the
        // whole document before it.
        let head = text.get(..person.start).unwrap_or("");
        let head = crate::values::tail_chars(head, person.title.chars().count() + 120);
        let lower = head.to_lowercase();
        let title = person.title.to_lowercase();
        let Some(at) = lower.trim_end().rfind(&title) else {
            return false;
        };
        let before: Vec<&str> = lower[..at]
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        // The word right before the title, or the one before a
        // possessive's owner ("the country's former president").
        before
            .iter()
            .rev()
            .take(2)
            .any(|w| self.past_title_words.iter().any(|p| p == w))
    }

    /// People named with a title of a named country or organization.
    pub fn office_claims(&self, doc: usize, a: &Analyzed) -> Vec<Claim> {
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
            // A name in capitals is a headline's words ("OPEC PRESIDENT
            // SAYS OUTPUT WELL"), where a name cannot be told from a verb.
            .filter(|person| {
                person.affiliation.is_some()
                    && person.name.contains(' ')
                    && person.name.chars().any(char::is_lowercase)
                    && !self.shared_titles.contains(&person.title.to_lowercase())
                    && !self.held_once(&a.doc.text, person)
            })
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
                    value_kind: ValueKind::Time,
                    holder: person.affiliation.clone(),
                    measure: person.title.to_lowercase(),
                    role: Role::Other,
                    sure: super::Sureness::ALL,
                    restates: None,
                    cue: None,
                    dated_outright: false,
                    instant: false,
                    of_writing: false,
                    to_date: crate::claims::ToDate::No,
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
