//! anachronism: a forecast or plan for a period that ended before the
//! article was published ("In April 2025, X will visit", written in 2026).

use super::{finding, render, Corpus, Finding};
use crate::calendar::day_number;
use crate::ingest::PublishedFrom;
use crate::model::Modality;
use crate::rules::CheckDef;
use crate::values::{Anchoring, ValueKind};

pub fn run(def: &CheckDef, corpus: &Corpus<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (d, a) in corpus.docs.iter().enumerate() {
        // Only a stated publication date is firm enough to call copy stale.
        let Some(published) = a
            .published
            .date
            .filter(|_| a.published.from != PublishedFrom::None)
        else {
            continue;
        };
        let p = day_number(published);
        // Who the article is about, worked out only if something fires.
        let mut subject: Option<String> = None;
        for s in &a.sentences {
            for v in &s.values {
                let Some(t) = v.time else { continue };
                let (Some(i), true) = (v.interval, v.kind == ValueKind::Time) else {
                    continue;
                };
                if t.anchoring != Anchoring::Stated
                    || !matches!(v.modality, Modality::Forecast | Modality::Plan)
                    || i.hi >= p
                {
                    continue;
                }
                let cue = v.modality_cue.as_deref().unwrap_or_default();
                let message = render(
                    &def.message,
                    &[
                        ("text", v.text.clone()),
                        ("modality", v.modality.to_string()),
                        ("cue", cue.to_string()),
                        ("published", published.to_string()),
                    ],
                );
                let subject = subject.get_or_insert_with(|| {
                    a.entities
                        .main_parties()
                        .into_iter()
                        .next()
                        .unwrap_or_default()
                });
                out.push(
                    finding(def, message, vec![s.cite(d, v.start, v.end, &v.text)])
                        .about(subject.clone())
                        .keyed(format!("{}|{:?}|{}|{published}", v.text, v.interval, cue)),
                );
            }
        }
    }
    out
}
