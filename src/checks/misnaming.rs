//! misnaming: a name close to the article's main subject (by spelling or a
//! listed confusable pair) in a role the article otherwise gives its main
//! subject — one side of "X–Y relations" — while real mentions stay silent.

use super::{finding, render, Corpus, Finding};
use crate::document::{Analyzed, Sentence};
use crate::entities::{fold, Mention};
use crate::model::EntityKind;
use crate::rules::{CheckDef, RuleData, SimilarityParams};

pub fn run(def: &CheckDef, params: &SimilarityParams, corpus: &Corpus<'_>) -> Vec<Finding> {
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
                || !confusable(corpus.rules, params, &x.entity, &main.name)
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
            let Some(s) = a.sentence_at(x.start, x.end) else {
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
            let mut evidence = vec![s.cite(d, x.start, x.end, &x.text)];
            let (m_start, m_end, pairing) = context;
            if pairing.start != s.start {
                evidence.push(pairing.cite(d, m_start, m_end, &a.doc.text[m_start..m_end]));
            }
            let key = format!("{}|{}|{}|{}", x.entity, x.text, relation, main.name);
            out.push(
                finding(def, message, evidence)
                    .about(main.name.clone())
                    .keyed(key),
            );
        }
    }
    out
}

fn confusable(rules: &RuleData, params: &SimilarityParams, a: &str, b: &str) -> bool {
    let listed = rules
        .confusable
        .iter()
        .any(|c| c.names.iter().any(|n| n == a) && c.names.iter().any(|n| n == b));
    listed || strsim::jaro_winkler(&fold::key(a), &fold::key(b)) >= params.similarity
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

/// A sentence naming both parties: the main party's span and the sentence.
fn sentence_pairing<'a>(
    a: &'a Analyzed,
    main: &str,
    other: &str,
) -> Option<(usize, usize, &'a Sentence)> {
    a.sentences.iter().find_map(|s| {
        let names: Vec<&Mention> = a.entities.in_span(s.start, s.end).collect();
        let others: Vec<&&Mention> = names.iter().filter(|n| n.entity == other).collect();
        // The mention of the main party that goes with the other one, not
        // a dateline's "RIGA," at the head of the sentence.
        let m = names
            .iter()
            .filter(|m| m.entity == main)
            .min_by_key(|m| others.iter().map(|o| o.start.abs_diff(m.start)).min())?;
        (!others.is_empty()).then_some((m.start, m.end, s))
    })
}
