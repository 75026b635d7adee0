//! The modality of the clause holding a value: what happened (actual), what
//! is expected (forecast), aimed at (target) or scheduled (plan).

use std::collections::HashMap;

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
        self.clauses(sentence).cue_at(at)
    }

    /// A sentence's clause breaks, found once, for reading the modality of
    /// many values of it: each clause is searched for cues once.
    pub fn clauses<'r, 's>(&'r self, sentence: &'s str) -> Clauses<'r, 's> {
        Clauses {
            reader: self,
            sentence,
            breaks: self
                .clause_break
                .find_iter(sentence)
                .map(|m| (m.start(), m.end()))
                .collect(),
            read: HashMap::new(),
        }
    }
}

/// The clauses of one sentence and the cues found in them so far.
pub struct Clauses<'r, 's> {
    reader: &'r ModalityReader,
    sentence: &'s str,
    /// Clause breaks in text order, never overlapping.
    breaks: Vec<(usize, usize)>,
    read: HashMap<(usize, usize), Option<(Modality, &'s str)>>,
}

impl<'s> Clauses<'_, 's> {
    /// The clause around byte `at` runs from the last break ending at or
    /// before it to the first break starting at or after it (a break
    /// around `at` itself bounds nothing); its first cue, by rank, sets
    /// the modality.
    pub fn cue_at(&mut self, at: usize) -> Option<(Modality, &'s str)> {
        let before = self.breaks.partition_point(|&(_, e)| e <= at);
        let start = before.checked_sub(1).map_or(0, |k| self.breaks[k].0);
        let after = self.breaks.partition_point(|&(s, _)| s < at);
        let end = self
            .breaks
            .get(after)
            .map_or(self.sentence.len(), |&(s, _)| s);
        let (reader, sentence) = (self.reader, self.sentence);
        *self.read.entry((start, end)).or_insert_with(|| {
            let clause = &sentence[start..end];
            reader
                .cues
                .iter()
                .find_map(|(m, re)| re.find(clause).map(|c| (*m, c.as_str().trim())))
        })
    }
}
