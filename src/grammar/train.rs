//! Training: treebank sentences (plain and value-merged) → jackknifed tags
//! → tagger, parser and lemmatizer, deterministically for a given seed.

use rayon::prelude::*;

use super::conllu::Sentence;
use super::features::Lex;
use super::lemma::LemmaCounts;
use super::merge::{merged, MergeStats, Sample};
use super::model::Model;
use super::parser::{self, projective, ParseExample, Parser, ParserTraining};
use super::placeholder;
use super::tagger::{TagExample, TagSet, Tagger};
use super::ValueSpan;

/// Settings; the defaults are the ones the committed model was built with.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub tagger_iters: usize,
    pub parser_iters: usize,
    /// Folds for jackknifed tags (the parser learns from predicted tags).
    pub folds: usize,
    pub explore_after: usize,
    pub explore_p: f64,
    pub seed: u64,
    /// Sentences not projective: trained (the dynamic oracle's minimum
    /// cost moves) or skipped by the parser.
    pub skip_nonprojective: bool,
    /// (minimum updates, minimum quantized weight) for the tagger and parser.
    pub tagger_prune: (u32, i16),
    pub parser_prune: (u32, i16),
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            tagger_iters: 8,
            parser_iters: 15,
            folds: 5,
            explore_after: 1,
            explore_p: 0.9,
            seed: 20_250_901,
            skip_nonprojective: false,
            tagger_prune: (2, 8),
            parser_prune: (3, 8),
        }
    }
}

/// What training saw.
#[derive(Debug, Clone, Default)]
pub struct TrainReport {
    pub sentences: usize,
    pub words: usize,
    pub merged_sentences: usize,
    pub merge: MergeStats,
    pub nonprojective: usize,
    /// (features, dense rows, sparse entries, bytes in memory).
    pub tagger_weights: (usize, usize, usize, usize),
    pub parser_weights: (usize, usize, usize, usize),
    pub label_weights: (usize, usize, usize, usize),
}

/// A treebank sentence in its two guises: as written, and with values merged.
pub struct Variants {
    pub plain: Sample,
    pub merged: Option<Sample>,
}

/// Both variants of every sentence, values found by `values(text)`.
pub fn variants(
    sents: &[Sentence],
    values: &(dyn Fn(&str) -> Vec<ValueSpan> + Sync),
) -> (Vec<Variants>, MergeStats) {
    let found: Vec<(Variants, MergeStats)> = sents
        .par_iter()
        .map(|s| {
            let spans = s.text.as_deref().map(values).unwrap_or_default();
            let (m, st) = merged(s, &spans);
            (
                Variants {
                    plain: Sample::plain(s),
                    merged: m,
                },
                st,
            )
        })
        .collect();
    let mut total = MergeStats::default();
    let mut out = Vec::with_capacity(found.len());
    for (v, st) in found {
        total += st;
        out.push(v);
    }
    (out, total)
}

pub fn lexes(s: &Sample) -> Vec<Lex> {
    s.words
        .iter()
        .zip(&s.values)
        .map(|(w, v)| Lex::new(&w.form, v.map(placeholder)))
        .collect()
}

/// Trains every part of the model.
pub fn train(data: &[Variants], cfg: &TrainConfig) -> (Model, TrainReport) {
    let mut report = TrainReport {
        sentences: data.len(),
        words: data.iter().map(|v| v.plain.words.len()).sum(),
        merged_sentences: data.iter().filter(|v| v.merged.is_some()).count(),
        ..TrainReport::default()
    };
    let mut tags = TagSet::default();
    let mut labels: Vec<String> = Vec::new();
    let mut lemmas = LemmaCounts::default();
    for v in data {
        for w in &v.plain.words {
            tags.intern(&w.upos, &w.xpos);
            if !labels.contains(&w.deprel) {
                labels.push(w.deprel.clone());
            }
        }
    }
    labels.sort();
    for v in data {
        for w in &v.plain.words {
            let t = tags.get(&w.upos, &w.xpos).unwrap_or(0);
            lemmas.add(&w.form, tags.upos_id(t), &w.lemma);
        }
    }
    // Each sentence's variants as tagger examples: plain first.
    let examples: Vec<Vec<TagExample>> = data
        .iter()
        .map(|v| {
            std::iter::once(&v.plain)
                .chain(v.merged.as_ref())
                .map(|s| TagExample {
                    lex: lexes(s),
                    gold: s
                        .words
                        .iter()
                        .map(|w| tags.get(&w.upos, &w.xpos).unwrap_or(0))
                        .collect(),
                })
                .collect()
        })
        .collect();
    // Jackknifed tags: fold k is tagged by a tagger trained on the others.
    let folds = cfg.folds.max(2);
    let predicted: Vec<Vec<(usize, Vec<Vec<u16>>)>> = (0..folds)
        .into_par_iter()
        .map(|k| {
            let train_part: Vec<&Vec<TagExample>> = examples
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != k)
                .map(|(_, e)| e)
                .collect();
            let tagger = train_tagger(&tags, &train_part, cfg, cfg.seed ^ (k as u64 + 1));
            examples
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds == k)
                .map(|(i, e)| {
                    let tagged = e
                        .iter()
                        .map(|ex| {
                            let mut out = Vec::new();
                            tagger.tag(&ex.lex, &mut out);
                            out
                        })
                        .collect();
                    (i, tagged)
                })
                .collect()
        })
        .collect();
    let mut jack: Vec<Vec<Vec<u16>>> = vec![Vec::new(); data.len()];
    for fold in predicted {
        for (i, t) in fold {
            jack[i] = t;
        }
    }
    let all: Vec<&Vec<TagExample>> = examples.iter().collect();
    let tagger = train_tagger(&tags, &all, cfg, cfg.seed);
    report.tagger_weights = tagger.weights.describe();
    // Parser examples with the jackknifed tags.
    let label_id = |l: &str| labels.iter().position(|x| x == l).unwrap_or(0) as u8;
    let mut parse_data: Vec<Vec<ParseExample>> = Vec::new();
    for (i, v) in data.iter().enumerate() {
        let samples: Vec<&Sample> = std::iter::once(&v.plain).chain(v.merged.as_ref()).collect();
        let mut variants = Vec::new();
        for (j, s) in samples.iter().enumerate() {
            let n = s.words.len();
            let heads: Vec<u16> = s
                .words
                .iter()
                .map(|w| {
                    if w.head == 0 {
                        n as u16
                    } else {
                        (w.head - 1) as u16
                    }
                })
                .collect();
            if j == 0 && !projective(&heads) {
                report.nonprojective += 1;
            }
            if cfg.skip_nonprojective && !projective(&heads) {
                continue;
            }
            let mut words = Vec::new();
            parser::words(&examples[i][j].lex, &jack[i][j], &mut words);
            variants.push(ParseExample {
                words,
                heads,
                labels: s.words.iter().map(|w| label_id(&w.deprel)).collect(),
            });
        }
        if !variants.is_empty() && variants[0].heads.len() <= super::MAX_WINDOW {
            parse_data.push(variants);
        }
    }
    let parser = Parser::train(
        labels,
        &parse_data,
        &ParserTraining {
            iters: cfg.parser_iters,
            explore_after: cfg.explore_after,
            explore_p: cfg.explore_p,
            seed: cfg.seed,
            prune: cfg.parser_prune,
        },
    );
    report.parser_weights = parser.moves.describe();
    report.label_weights = parser.arcs.describe();
    (
        Model {
            tagger,
            parser,
            lemmatizer: lemmas.finish(),
        },
        report,
    )
}

/// Trains a tagger on one variant of each sentence per pass, drawn anew
/// each pass.
fn train_tagger(tags: &TagSet, data: &[&Vec<TagExample>], cfg: &TrainConfig, seed: u64) -> Tagger {
    Tagger::train(tags.clone(), data, cfg.tagger_iters, seed, cfg.tagger_prune)
}
