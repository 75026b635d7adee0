//! Finds who a claim is about: entities in the sentence, collective phrases
//! ("the two sides", "the company") resolved to the parties the article is
//! about, and the pair most recently discussed.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::{Analyzed, Sentence};
use crate::entities::Mention;
use crate::model::EntityKind;
use crate::rules::{RuleData, SubjectShape};

/// "the SCO summit", "an OECD (OECD) meeting": an organization as a venue.
static VENUE: LazyLock<Regex> = LazyLock::new(|| {
    let nouns = crate::rules::language::alternation(
        crate::rules::language::english()
            .nouns
            .venue_nouns
            .iter()
            .map(String::as_str),
    );
    Regex::new(&format!(r"^\s*(?:\([^)]{{1,12}}\))?\)?\s*(?:{nouns})\b")).unwrap()
});

pub struct SubjectResolver {
    collective: Vec<String>,
}

/// Two or more capitalized words in a row: a name, known or not.
static NAME_RUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\p{Lu}[\p{L}'’&.-]+(?:[ \t]+\p{Lu}[\p{L}'’&.-]+)+").unwrap());

/// Whether the sentence, before byte `at`, names something the gazetteer
/// does not know ("Revenue at Marstein Seafood rose"): the claim is about
/// that, not about the article's main party.
fn unknown_name_before(a: &Analyzed, s: &Sentence, at: usize) -> bool {
    let text = a.sentence_text(s);
    let at = at.min(text.len());
    // The opening word is capitalized whatever it is.
    let skip = text.find(char::is_whitespace).unwrap_or(text.len()).min(at);
    NAME_RUN.find_iter(&text[skip..at]).any(|m| {
        let (start, end) = (s.start + skip + m.start(), s.start + skip + m.end());
        let known = a.entities.in_span(start, end).next().is_some()
            || a.entities
                .people
                .iter()
                .any(|p| p.start < end && start < p.end);
        !known
    })
}

/// What the reader knows at a sentence: the document's main parties and the
/// last pair of parties the text named together.
pub struct Context {
    main: Vec<String>,
    last_pair: Option<Vec<String>>,
}

impl Context {
    /// Remembers a pair a claim was resolved to, for "the two sides" later.
    pub fn note_pair(&mut self, pair: &[String]) {
        if pair.len() == 2 {
            self.last_pair = Some(pair.to_vec());
        }
    }

    pub fn leave(&mut self, s: &Sentence, a: &Analyzed) {
        let parties = parties_in(a, s.start, s.end);
        if parties.len() >= 2 {
            let mut pair: Vec<String> = parties[..2].iter().map(|(n, _)| n.clone()).collect();
            pair.sort();
            self.last_pair = Some(pair);
        }
    }
}

fn is_party(m: &Mention, text: &str) -> bool {
    matches!(
        m.kind,
        EntityKind::Country | EntityKind::Organization | EntityKind::Company
    ) && !m.locative
        && !(m.kind == EntityKind::Organization && VENUE.is_match(&text[m.end..]))
}

/// Distinct parties mentioned in a span, in order, with a first position.
fn parties_in(a: &Analyzed, start: usize, end: usize) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for m in a
        .entities
        .in_span(start, end)
        .filter(|m| is_party(m, &a.doc.text))
    {
        if !out.iter().any(|(n, _)| *n == m.entity) {
            out.push((m.entity.clone(), m.start));
        }
    }
    out
}

/// The party nearest to a byte offset among all its mentions in a span.
fn nearest(a: &Analyzed, start: usize, end: usize, at: usize, except: &str) -> Option<String> {
    a.entities
        .in_span(start, end)
        .filter(|m| is_party(m, &a.doc.text) && m.entity != except)
        .min_by_key(|m| {
            if m.end <= at {
                at - m.end
            } else {
                m.start - at
            }
        })
        .map(|m| m.entity.clone())
}

impl SubjectResolver {
    pub fn new(rules: &RuleData) -> Self {
        SubjectResolver {
            collective: rules
                .collective_references
                .iter()
                .map(|c| c.to_lowercase())
                .collect(),
        }
    }

    pub fn start(&self, a: &Analyzed) -> Context {
        Context {
            main: a.entities.main_parties(),
            last_pair: None,
        }
    }

    /// The subject of a claim whose cue or value is at byte `at` of the
    /// sentence; None when nobody can be named with confidence.
    pub fn resolve(
        &self,
        shape: SubjectShape,
        a: &Analyzed,
        s: &Sentence,
        at: usize,
        ctx: &Context,
    ) -> Option<Vec<String>> {
        let text = a.sentence_text(s).to_lowercase();
        let parties: Vec<String> = parties_in(a, s.start, s.end)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        let main = ctx.main.first();
        match shape {
            SubjectShape::Named => Some(Vec::new()),
            SubjectShape::Pair => {
                let collective = self.collective.iter().any(|c| text.contains(c.as_str()));
                let mut pair: Vec<String> = match parties.len() {
                    0 if collective => ctx
                        .last_pair
                        .clone()
                        .or_else(|| ctx.main.get(..2).map(<[String]>::to_vec))?,
                    0 => return None,
                    // One side named: the other is the article's own subject,
                    // else the side last paired with it.
                    1 => {
                        let other = main.filter(|m| **m != parties[0]).cloned().or_else(|| {
                            ctx.last_pair
                                .as_ref()
                                .and_then(|p| p.iter().find(|x| **x != parties[0]).cloned())
                                .filter(|_| collective)
                        })?;
                        vec![parties[0].clone(), other]
                    }
                    // Several: the article's subject and the party nearest the cue.
                    _ => match main.filter(|m| parties.contains(m)) {
                        Some(m) => vec![m.clone(), nearest(a, s.start, s.end, s.start + at, m)?],
                        None => parties[..2].to_vec(),
                    },
                };
                pair.sort();
                pair.dedup();
                (pair.len() == 2).then_some(pair)
            }
            SubjectShape::Single => {
                let before: Vec<&Mention> = a
                    .entities
                    .in_span(s.start, s.start + at)
                    .filter(|m| is_party(m, &a.doc.text))
                    .collect();
                if let [.., x, y] = before.as_slice() {
                    // "Latvia-Sweden freight links carried...": the pair.
                    let between = &a.doc.text[x.end..y.start.max(x.end)];
                    if matches!(between, "-" | "–" | "—" | "/") && x.entity != y.entity {
                        let mut pair = vec![x.entity.clone(), y.entity.clone()];
                        pair.sort();
                        return Some(pair);
                    }
                }
                if let Some(m) = before.last() {
                    return Some(vec![m.entity.clone()]);
                }
                if unknown_name_before(a, s, at) {
                    return None;
                }
                ctx.main.first().map(|m| vec![m.clone()])
            }
        }
    }
}
