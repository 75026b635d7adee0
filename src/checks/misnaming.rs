//! misnaming: a name close to the article's main subject (by spelling or a
//! listed confusable pair) in a role the article otherwise gives its main
//! subject — one side of "X–Y relations" — while real mentions stay silent.

use super::{finding, render, Cited, Corpus, Finding};
use crate::analyze::Analyzed;
use crate::entities::{fold, Mention};
use crate::rules::{CheckDef, EntityKind, RuleData};

pub fn run(def: &CheckDef, corpus: &Corpus<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (d, a) in corpus.docs.iter().enumerate() {
        let summary = a.entities.summary();
        let parties: Vec<_> = summary
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    EntityKind::Country | EntityKind::Organization | EntityKind::Company
                )
            })
            .collect();
        let Some(main) = parties.first() else {
            continue;
        };
        for (x, y, relation) in relation_compounds(a, corpus.rules) {
            if x.entity == main.name
                || y.entity == main.name
                || !confusable(corpus.rules, def, &x.entity, &main.name)
            {
                continue;
            }
            // The name must be rare where the main subject is common...
            let x_count = parties
                .iter()
                .find(|e| e.name == x.entity)
                .map_or(0, |e| e.mentions);
            if x_count * 2 > main.mentions {
                continue;
            }
            // ...and the article must otherwise pair its subject with Y.
            let Some(context) = sentence_pairing(a, &main.name, &y.entity) else {
                continue;
            };
            let Some(s) = a
                .sentences
                .iter()
                .find(|s| s.start <= x.start && x.end <= s.end)
            else {
                continue;
            };
            let message = render(
                &def.message,
                &[
                    ("written", x.text.clone()),
                    ("relation", format!("'{relation}'")),
                    ("expected", main.name.clone()),
                ],
            );
            let mut evidence = vec![Cited {
                doc: d,
                start: x.start,
                end: x.end,
                sentence_start: s.start,
                sentence_end: s.end,
                value: x.text.clone(),
            }];
            let (m_start, m_end, s_start, s_end) = context;
            if s_start != s.start {
                evidence.push(Cited {
                    doc: d,
                    start: m_start,
                    end: m_end,
                    sentence_start: s_start,
                    sentence_end: s_end,
                    value: text_of(a, m_start, m_end),
                });
            }
            out.push(finding(def, message, evidence));
        }
    }
    out
}

fn confusable(rules: &RuleData, def: &CheckDef, a: &str, b: &str) -> bool {
    let listed = rules
        .confusable
        .iter()
        .any(|c| c.names.iter().any(|n| n == a) && c.names.iter().any(|n| n == b));
    listed || strsim::jaro_winkler(&fold::key(a), &fold::key(b)) >= def.similarity
}

/// "X-Y relations", "X–Y ties": both mentions and the phrase as written.
fn relation_compounds<'a>(
    a: &'a Analyzed,
    rules: &RuleData,
) -> Vec<(&'a Mention, &'a Mention, String)> {
    let text = &a.doc.text;
    let ms = &a.entities.mentions;
    let mut out = Vec::new();
    for w in ms.windows(2) {
        let (first, second) = (&w[0], &w[1]);
        let between = &text[first.end..second.start];
        if first.entity == second.entity || !matches!(between, "-" | "–" | "—" | "/") {
            continue;
        }
        let after = text[second.end..].trim_start();
        let noun = after
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if !rules.relation_nouns.contains(&noun) {
            continue;
        }
        let phrase = format!("{}{}{} {}", first.text, between, second.text, noun);
        out.push((first, second, phrase.clone()));
        out.push((second, first, phrase));
    }
    out
}

/// A sentence naming both parties: the main party's span and the sentence's.
fn sentence_pairing(a: &Analyzed, main: &str, other: &str) -> Option<(usize, usize, usize, usize)> {
    a.sentences.iter().find_map(|s| {
        let names: Vec<&Mention> = a.entities.in_span(s.start, s.end).collect();
        let m = names.iter().find(|m| m.entity == main)?;
        names
            .iter()
            .any(|n| n.entity == other)
            .then_some((m.start, m.end, s.start, s.end))
    })
}

fn text_of(a: &Analyzed, start: usize, end: usize) -> String {
    a.doc.text[start..end].to_string()
}
