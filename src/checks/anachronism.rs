//! anachronism: a forecast or plan for a period that ended before the
//! article was published ("In April 2025, X will visit", written in 2026).
//! Only claims whose modality was read from a word that speaks of now
//! ("will", "expects", "plans") count: "had expected 1986 sales to rise" is
//! a report of an old forecast, not a stale one.

use std::collections::BTreeSet;

use super::{finding, render, Corpus, Finding};
use crate::calendar::day_number;
use crate::claims::Role;
use crate::ingest::PublishedFrom;
use crate::model::Modality;
use crate::rules::CheckDef;

/// The longest span read as the date of a foretold event: a month.
const MAX_EVENT_DAYS: f64 = 31.0;

pub fn run(def: &CheckDef, corpus: &Corpus<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen: BTreeSet<(usize, String)> = BTreeSet::new();
    // Who each article is about, worked out only if something fires.
    let mut subjects: Vec<Option<String>> = vec![None; corpus.docs.len()];
    for c in corpus.claims {
        let Some(a) = corpus.docs.get(c.evidence.doc) else {
            continue;
        };
        // Only a stated publication date is firm enough to call copy stale.
        let Some(published) = a
            .published
            .date
            .filter(|_| a.published.from != PublishedFrom::None)
        else {
            continue;
        };
        let (Some(cue), Some((start, end)), Some(text)) = (&c.cue, c.period, &c.period_text) else {
            continue;
        };
        // A bare year or quarter is most often the period of the figures
        // a plan speaks of ("expects to report higher 1986 profit"), not
        // the date of the event foretold: only a month or a day is read as
        // that date.
        if !c.dated_outright
            || end - start > MAX_EVENT_DAYS
            || c.role != Role::EventDate
            || !matches!(c.modality, Modality::Forecast | Modality::Plan)
            || end >= day_number(published)
            || !seen.insert((c.evidence.doc, text.clone()))
        {
            continue;
        }
        let message = render(
            &def.message,
            &[
                ("text", text.clone()),
                ("modality", c.modality.to_string()),
                ("cue", cue.clone()),
                ("published", published.to_string()),
            ],
        );
        let subject = subjects[c.evidence.doc]
            .get_or_insert_with(|| {
                a.entities
                    .main_parties()
                    .into_iter()
                    .next()
                    .unwrap_or_default()
            })
            .clone();
        let key = format!("{}|{:?}|{}|{published}", text, c.period, cue);
        out.push(
            finding(def, message, vec![c.evidence.clone()])
                .about(subject)
                .keyed(key),
        );
    }
    out
}
