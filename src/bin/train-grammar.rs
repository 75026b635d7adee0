//! Trains the grammar model from a CoNLL-U treebank and writes
//! models/en.grammar; prints what it saw, how long it took, and the
//! accuracy on the dev file.

use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use claimcheck::grammar::eval::evaluate;
use claimcheck::grammar::merge::Sample;
use claimcheck::grammar::train::{train, variants, TrainConfig};
use claimcheck::grammar::valuespans::value_spans;
use claimcheck::grammar::{conllu, Grammar};
use claimcheck::RuleData;
use claimcheck::ValueReader;

#[derive(Parser)]
struct Args {
    /// Training treebank (CoNLL-U).
    train: String,
    /// Development treebank, scored after training.
    #[arg(long)]
    dev: Option<String>,
    #[arg(long, default_value = "models/en.grammar")]
    out: String,
    #[arg(long)]
    tagger_iters: Option<usize>,
    #[arg(long)]
    parser_iters: Option<usize>,
    /// Parser pruning: minimum updates of a kept feature.
    #[arg(long)]
    parser_min_updates: Option<u32>,
    /// Minimum quantized weight magnitude kept (both models).
    #[arg(long)]
    min_q: Option<i16>,
    /// The parser skips non-projective training sentences.
    #[arg(long)]
    skip_nonprojective: bool,
    /// Trains only on sentences as written (no value-merged variants).
    #[arg(long)]
    no_values: bool,
}

fn read(path: &str) -> Result<Vec<conllu::Sentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    conllu::read(&text).map_err(|e| format!("{path}: {e}"))
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-grammar: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Args) -> Result<(), String> {
    let start = Instant::now();
    let sents = read(&args.train)?;
    let rules = RuleData::load(&[]).map_err(|e| e.to_string())?;
    let reader = ValueReader::new(&rules);
    let values = |text: &str| {
        if args.no_values {
            Vec::new()
        } else {
            value_spans(&reader, text, 0, text.len())
        }
    };
    let (data, merge) = variants(&sents, &values);
    let mut cfg = TrainConfig {
        skip_nonprojective: args.skip_nonprojective,
        ..TrainConfig::default()
    };
    if let Some(n) = args.tagger_iters {
        cfg.tagger_iters = n;
    }
    if let Some(n) = args.parser_iters {
        cfg.parser_iters = n;
    }
    if let Some(n) = args.parser_min_updates {
        cfg.parser_prune.0 = n;
    }
    if let Some(q) = args.min_q {
        cfg.parser_prune.1 = q;
        cfg.tagger_prune.1 = q;
    }
    let (model, report) = train(&data, &cfg);
    let bytes = model.to_bytes().map_err(|e| e.to_string())?;
    std::fs::write(&args.out, &bytes).map_err(|e| format!("{}: {e}", args.out))?;
    println!(
        "trained on {} sentences ({} words); {} with merged values ({} spans merged, {} cut a word, {} not one subtree); {} non-projective ({})",
        report.sentences,
        report.words,
        report.merged_sentences,
        merge.merged,
        merge.cut,
        merge.not_subtree,
        report.nonprojective,
        if cfg.skip_nonprojective { "skipped" } else { "trained with minimum-cost moves" }
    );
    println!(
        "weights (features, dense rows, sparse entries, bytes): tagger {:?}, moves {:?}, labels {:?}; model file {} bytes; {:.1} s",
        report.tagger_weights,
        report.parser_weights,
        report.label_weights,
        bytes.len(),
        start.elapsed().as_secs_f64()
    );
    if let Some(dev) = &args.dev {
        let g = Grammar::from_model(model);
        let dev_sents = read(dev)?;
        let plain: Vec<Sample> = dev_sents.iter().map(Sample::plain).collect();
        let s = evaluate(&g, &plain);
        println!(
            "dev {}: UPOS {:.2} XPOS {:.2} UAS {:.2} LAS {:.2} lemma {:.2}",
            dev,
            s.upos_pct(),
            s.xpos_pct(),
            s.uas_pct(),
            s.las_pct(),
            s.lemma_pct()
        );
        let (dv, _) = variants(&dev_sents, &values);
        let merged: Vec<Sample> = dv
            .into_iter()
            .map(|v| v.merged.unwrap_or(v.plain))
            .collect();
        let s = evaluate(&g, &merged);
        println!(
            "dev {} (values merged): UPOS {:.2} XPOS {:.2} UAS {:.2} LAS {:.2} lemma {:.2}",
            dev,
            s.upos_pct(),
            s.xpos_pct(),
            s.uas_pct(),
            s.las_pct(),
            s.lemma_pct()
        );
    }
    Ok(())
}
