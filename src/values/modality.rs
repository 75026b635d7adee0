//! The modality of the clause holding a value: what happened (actual), what
//! is expected (forecast), aimed at (target) or scheduled (plan).

use regex::Regex;

use crate::model::Modality;
use crate::rules::language::{alternation, english};
use crate::rules::RuleData;

pub struct ModalityReader {
    cues: Vec<(Modality, Regex)>,
    clause_break: Regex,
}

impl ModalityReader {
    pub fn new(rules: &RuleData) -> Self {
        let mut by_modality: Vec<(Modality, Vec<String>)> = Vec::new();
        for def in &rules.modality {
            match by_modality.iter_mut().find(|(m, _)| *m == def.modality) {
                Some((_, cues)) => cues.extend(def.cues.iter().cloned()),
                None => by_modality.push((def.modality, def.cues.clone())),
            }
        }
        // Plan outranks target, which outranks forecast ("will open" is a plan).
        by_modality.sort_by_key(|(m, _)| match m {
            Modality::Plan => 0,
            Modality::Target => 1,
            Modality::Forecast => 2,
            Modality::Actual => 3,
        });
        let cues = by_modality
            .into_iter()
            .map(|(m, cues)| {
                let alt = cues
                    .iter()
                    .map(|c| regex::escape(c))
                    .collect::<Vec<_>>()
                    .join("|");
                (m, Regex::new(&format!(r"(?i)(?:\b|^)(?:{alt})\b")).unwrap())
            })
            .collect();
        let openers = alternation(
            english()
                .sentences
                .clause_openers
                .iter()
                .map(String::as_str),
        );
        let clause_break = Regex::new(&format!(
            r"(?i);|\s[—–]\s|:\s*[\x22“]|\s[\x22“]|,\s+(?:{openers})\b|\s\((?:{openers})\b"
        ))
        .unwrap();
        ModalityReader { cues, clause_break }
    }

    /// The modality of the clause around byte `at` of the sentence.
    pub fn modality_at(&self, sentence: &str, at: usize) -> Modality {
        self.cue_at(sentence, at)
            .map_or(Modality::Actual, |(m, _)| m)
    }

    /// The modality of the clause around byte `at` and the cue that set it,
    /// so a finding can quote the words that made it a forecast.
    pub fn cue_at<'s>(&self, sentence: &'s str, at: usize) -> Option<(Modality, &'s str)> {
        let mut start = 0;
        let mut end = sentence.len();
        for m in self.clause_break.find_iter(sentence) {
            if m.end() <= at {
                start = m.start();
            } else if m.start() >= at {
                end = m.start();
                break;
            }
        }
        let clause = &sentence[start..end];
        self.cues
            .iter()
            .find_map(|(m, re)| re.find(clause).map(|c| (*m, c.as_str().trim())))
    }
}
