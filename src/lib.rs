//! claimcheck reads news articles and reports where they contradict each
//! other. The library does the work and returns errors; `main.rs` only maps
//! the outcome to an exit code.

pub mod analyze;
pub mod calendar;
pub mod checks;
pub mod claims;
pub mod cli;
pub mod entities;
pub mod error;
pub mod graph;
pub mod ingest;
pub mod report;
pub mod rules;
pub mod segment;
pub mod source;
pub mod values;

use std::collections::HashMap;
use std::io::Write;

use chrono::NaiveDate;
use rayon::prelude::*;

use analyze::{Analyzed, Engine};
use cli::{CheckFormat, ClaimsFormat, Cli, Command, FailOn, Inputs};
use error::{InputError, SetupError};
use rules::{RuleData, Severity};

/// Exit codes: nothing to report, findings at or above `--fail-on`, and
/// usage or input errors.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// Reads, analyzes and reports; returns the exit code. Errors about single
/// inputs are printed and the remaining inputs still checked.
pub fn run(cli: Cli) -> u8 {
    match execute(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("claimcheck: error: {e}");
            EXIT_ERROR
        }
    }
}

fn execute(cli: Cli) -> Result<u8, SetupError> {
    match cli.command {
        Command::Claims { inputs, format } => {
            let (docs, errors) = load_corpus(&inputs)?;
            let out = match format {
                ClaimsFormat::Json => report::claims::json(&docs, &errors),
                ClaimsFormat::Text => report::claims::text(&docs),
            };
            emit(&out);
            Ok(report_errors(&errors).unwrap_or(EXIT_OK))
        }
        Command::Check {
            inputs,
            format,
            fail_on,
        } => {
            let engine = Engine::new(RuleData::load(&inputs.rules)?);
            let (docs, errors) = analyze_inputs(&engine, &inputs)?;
            let findings = check(&docs, &engine.rules);
            let out = match format {
                CheckFormat::Json => report::check_json::render(&docs, &findings, &errors),
                CheckFormat::Human => report::human::render(&docs, &findings),
            };
            emit(&out);
            let threshold = match fail_on {
                FailOn::Error => Severity::Error,
                FailOn::Warning => Severity::Warning,
                FailOn::Info => Severity::Info,
            };
            let failing = findings.iter().any(|f| f.severity >= threshold);
            Ok(report_errors(&errors).unwrap_or(if failing { EXIT_FINDINGS } else { EXIT_OK }))
        }
        Command::Rules { rules } => {
            let data = RuleData::load(&rules)?;
            let out: String = data
                .check
                .iter()
                .map(|c| {
                    format!(
                        "{:<28} {:<14} {:<8} {}\n",
                        c.id,
                        kind_name(c.kind),
                        severity_name(c.severity),
                        c.docs.finds
                    )
                })
                .collect();
            emit(&out);
            Ok(EXIT_OK)
        }
        Command::Explain { rule, rules } => {
            let data = RuleData::load(&rules)?;
            let c = data.check.iter().find(|c| c.id == rule).ok_or_else(|| {
                SetupError::Usage(format!(
                    "no rule named '{rule}'; `claimcheck rules` lists them"
                ))
            })?;
            emit(&format!(
                "{} ({}, {})\n\nWhat it finds: {}\nWhy it matters: {}\nExample: {}\n",
                c.id,
                kind_name(c.kind),
                severity_name(c.severity),
                c.docs.finds,
                c.docs.why,
                c.docs.example
            ));
            Ok(EXIT_OK)
        }
    }
}

/// Extracts claims, links them and runs every rule.
pub fn check(docs: &[Analyzed], rules: &RuleData) -> Vec<checks::Finding> {
    let extractor = claims::Extractor::new(rules);
    let claims: Vec<claims::Claim> = docs
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, a)| extractor.extract(i, a))
        .collect();
    let graph = graph::ClaimGraph::build(docs.len(), &claims);
    checks::run(&checks::Corpus {
        docs,
        claims: &claims,
        graph: &graph,
        rules,
    })
}

fn kind_name(k: rules::CheckKind) -> String {
    format!("{k:?}").to_lowercase()
}

fn severity_name(s: Severity) -> String {
    format!("{s:?}").to_lowercase()
}

/// Loads rules and documents and analyzes them.
pub fn load_corpus(inputs: &Inputs) -> Result<(Vec<Analyzed>, Vec<InputError>), SetupError> {
    let engine = Engine::new(RuleData::load(&inputs.rules)?);
    analyze_inputs(&engine, inputs)
}

/// Reads and analyzes the inputs with rules already compiled.
pub fn analyze_inputs(
    engine: &Engine,
    inputs: &Inputs,
) -> Result<(Vec<Analyzed>, Vec<InputError>), SetupError> {
    let overrides = parse_overrides(&inputs.published)?;
    let (found, mut errors) = ingest::collect_inputs(&inputs.paths);
    let loaded: Vec<_> = found.par_iter().map(ingest::load).collect();
    let mut docs = Vec::new();
    for (d, e) in loaded {
        docs.extend(d);
        errors.extend(e);
    }
    Ok((engine.analyze(docs, &overrides), errors))
}

fn parse_overrides(flags: &[String]) -> Result<HashMap<String, NaiveDate>, SetupError> {
    flags
        .iter()
        .map(|f| {
            let (path, date) = f.rsplit_once('=').ok_or_else(|| {
                SetupError::Usage(format!("--published expects PATH=YYYY-MM-DD, got '{f}'"))
            })?;
            let date = calendar::parse_iso_date(date).ok_or_else(|| {
                SetupError::Usage(format!("--published: '{date}' is not a YYYY-MM-DD date"))
            })?;
            Ok((path.to_string(), date))
        })
        .collect()
}

/// Prints input errors to stderr; Some(exit code) when there were any.
fn report_errors(errors: &[InputError]) -> Option<u8> {
    for e in errors {
        eprintln!("claimcheck: error: {e}");
    }
    (!errors.is_empty()).then_some(EXIT_ERROR)
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn emit(s: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes()).and_then(|_| out.flush());
}
