//! Accuracy of a grammar against gold trees, with gold tokenization:
//! UPOS, XPOS, lemma (all words), UAS and LAS (words whose gold UPOS is not
//! PUNCT; LAS compares the full relation, subtype included).

use super::merge::Sample;
use super::{Grammar, Word, Workspace};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    pub sentences: usize,
    pub words: usize,
    pub upos: usize,
    pub xpos: usize,
    pub lemma: usize,
    /// Words scored for attachment (gold UPOS not PUNCT).
    pub scored: usize,
    pub uas: usize,
    pub las: usize,
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

impl Scores {
    pub fn upos_pct(&self) -> f64 {
        pct(self.upos, self.words)
    }
    pub fn xpos_pct(&self) -> f64 {
        pct(self.xpos, self.words)
    }
    pub fn lemma_pct(&self) -> f64 {
        pct(self.lemma, self.words)
    }
    pub fn uas_pct(&self) -> f64 {
        pct(self.uas, self.scored)
    }
    pub fn las_pct(&self) -> f64 {
        pct(self.las, self.scored)
    }
}

/// Analyses every sample with its gold words and counts agreements.
pub fn evaluate(g: &Grammar, samples: &[Sample]) -> Scores {
    let mut sc = Scores::default();
    let mut ws = Workspace::default();
    let tags = &g.model().tagger.tags;
    let labels = &g.model().parser.labels;
    for s in samples {
        let words: Vec<Word> = s
            .words
            .iter()
            .zip(&s.values)
            .map(|(w, &value)| Word {
                form: &w.form,
                value,
            })
            .collect();
        g.analyze(&words, &mut ws);
        sc.sentences += 1;
        for (i, gold) in s.words.iter().enumerate() {
            let t = ws.tags[i];
            sc.words += 1;
            sc.upos += usize::from(tags.upos_of(t) == gold.upos);
            sc.xpos += usize::from(tags.xpos_of(t) == gold.xpos);
            sc.lemma += usize::from(g.lemma(&words[i], t) == gold.lemma);
            if gold.upos == "PUNCT" {
                continue;
            }
            sc.scored += 1;
            let head = if ws.heads[i] == u32::MAX {
                0
            } else {
                ws.heads[i] as usize + 1
            };
            if head == gold.head {
                sc.uas += 1;
                if labels
                    .get(ws.labels[i] as usize)
                    .is_some_and(|l| *l == gold.deprel)
                {
                    sc.las += 1;
                }
            }
        }
    }
    sc
}

/// Token agreement of the tokenizer with the treebank's words on the
/// `# text` lines: a word counts when both start and end bytes agree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TokenScores {
    pub sentences: usize,
    /// Sentences whose words could not be found in their text (skipped).
    pub unaligned: usize,
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
}

impl TokenScores {
    pub fn precision(&self) -> f64 {
        pct(self.matched, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        pct(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

pub fn tokenizer_scores(sents: &[super::conllu::Sentence]) -> TokenScores {
    let mut sc = TokenScores::default();
    for s in sents {
        sc.sentences += 1;
        let (Some(text), Some(spans)) = (s.text.as_deref(), super::conllu::word_spans(s)) else {
            sc.unaligned += 1;
            continue;
        };
        let mut gold: Vec<(usize, usize)> = spans;
        gold.dedup();
        let pred: Vec<(usize, usize)> = super::tokenize(text, 0, text.len(), &[])
            .iter()
            .map(|t| (t.start, t.end))
            .collect();
        sc.gold += gold.len();
        sc.predicted += pred.len();
        let (mut i, mut j) = (0, 0);
        while i < gold.len() && j < pred.len() {
            match gold[i].cmp(&pred[j]) {
                std::cmp::Ordering::Equal => {
                    sc.matched += 1;
                    i += 1;
                    j += 1;
                }
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
            }
        }
    }
    sc
}
