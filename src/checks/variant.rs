//! variant: one person, with the same title and surname, whose given name is
//! spelled two ways across documents.

use std::collections::BTreeMap;

use super::{finding, render, Corpus, Finding};
use crate::entities::fold;
use crate::model::Evidence;
use crate::rules::{CheckDef, SimilarityParams};

pub fn run(def: &CheckDef, params: &SimilarityParams, corpus: &Corpus<'_>) -> Vec<Finding> {
    // (title, surname) → first place each spelling appears.
    let mut seen: BTreeMap<(String, String), BTreeMap<String, Evidence>> = BTreeMap::new();
    for (d, a) in corpus.docs.iter().enumerate() {
        for p in a.entities.people.iter().filter(|p| p.name.contains(' ')) {
            let surname = fold::key(p.name.rsplit(' ').next().unwrap_or(""));
            let title = p.title.to_lowercase();
            let Some(s) = a.sentence_at(p.start, p.end) else {
                continue;
            };
            seen.entry((title, surname))
                .or_default()
                .entry(p.name.clone())
                .or_insert_with(|| s.cite(d, p.start, p.end, &p.name));
        }
    }
    let mut out = Vec::new();
    for ((title, _), spellings) in &seen {
        let names: Vec<(&String, &Evidence)> = spellings.iter().collect();
        for (n, (a, ea)) in names.iter().enumerate() {
            for (b, eb) in &names[n + 1..] {
                let similar =
                    strsim::jaro_winkler(&fold::key(a), &fold::key(b)) >= params.similarity;
                if fold::key(a) == fold::key(b) || !similar {
                    continue;
                }
                let message = render(
                    &def.message,
                    &[
                        ("title", capitalized(title)),
                        ("a", (*a).clone()),
                        ("b", (*b).clone()),
                    ],
                );
                let mut evidence = vec![(*ea).clone(), (*eb).clone()];
                evidence.sort_by_key(|e| (e.doc, e.start));
                let key = format!("{title}|{}|{}", fold::key(a), fold::key(b));
                out.push(
                    finding(def, message, evidence)
                        .about((*a).clone())
                        .keyed(key),
                );
            }
        }
    }
    out
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}
