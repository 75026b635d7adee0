//! Scores the embedded grammar model (or one given with --model) on a
//! CoNLL-U file with gold tokenization: UPOS, XPOS, UAS, LAS (words whose
//! gold UPOS is PUNCT excluded), lemma accuracy and sentences per second;
//! optionally with values merged, and the tokenizer against `# text`.

use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use claimcheck::grammar::eval::{evaluate, tokenizer_scores, Scores};
use claimcheck::grammar::merge::Sample;
use claimcheck::grammar::train::variants;
use claimcheck::grammar::valuespans::value_spans;
use claimcheck::grammar::{conllu, Grammar};
use claimcheck::RuleData;
use claimcheck::ValueReader;

#[derive(Parser)]
struct Args {
    files: Vec<String>,
    /// A model file instead of the embedded one.
    #[arg(long)]
    model: Option<String>,
    /// Also score with the value recognizer's spans merged into one token.
    #[arg(long)]
    merged_values: bool,
    /// Also score the tokenizer against the `# text` lines.
    #[arg(long)]
    tokenizer: bool,
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eval-grammar: {e}");
            ExitCode::from(2)
        }
    }
}

fn line(name: &str, s: &Scores, secs: f64) {
    println!(
        "{name}: {} sentences, {} words: UPOS {:.2}  XPOS {:.2}  UAS {:.2}  LAS {:.2}  lemma {:.2}  ({:.0} sentences/s)",
        s.sentences,
        s.words,
        s.upos_pct(),
        s.xpos_pct(),
        s.uas_pct(),
        s.las_pct(),
        s.lemma_pct(),
        s.sentences as f64 / secs.max(1e-9)
    );
}

fn run(args: Args) -> Result<(), String> {
    let t0 = Instant::now();
    let owned;
    let g: &Grammar = match &args.model {
        Some(p) => {
            let b = std::fs::read(p).map_err(|e| format!("{p}: {e}"))?;
            owned = Grammar::from_bytes(&b).map_err(|e| e.to_string())?;
            &owned
        }
        None => Grammar::english().map_err(|e| e.to_string())?,
    };
    println!(
        "model loaded in {:.1} ms",
        t0.elapsed().as_secs_f64() * 1000.0
    );
    let reader = ValueReader::new(&RuleData::load(&[]).map_err(|e| e.to_string())?);
    for f in &args.files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{f}: {e}"))?;
        let sents = conllu::read(&text).map_err(|e| format!("{f}: {e}"))?;
        let plain: Vec<Sample> = sents.iter().map(Sample::plain).collect();
        let t = Instant::now();
        let s = evaluate(g, &plain);
        line(f, &s, t.elapsed().as_secs_f64());
        if args.merged_values {
            let values = |t: &str| value_spans(&reader, t, 0, t.len());
            let (v, m) = variants(&sents, &values);
            let merged: Vec<Sample> = v.into_iter().map(|v| v.merged.unwrap_or(v.plain)).collect();
            let t = Instant::now();
            let s = evaluate(g, &merged);
            line(
                &format!("{f} (values merged: {} spans)", m.merged),
                &s,
                t.elapsed().as_secs_f64(),
            );
        }
        if args.tokenizer {
            let t = tokenizer_scores(&sents);
            println!(
                "{f} tokenizer: P {:.2} R {:.2} F1 {:.2} ({} sentences, {} unaligned)",
                t.precision(),
                t.recall(),
                t.f1(),
                t.sentences,
                t.unaligned
            );
        }
    }
    Ok(())
}
