//! claimcheck reads news articles and reports where they contradict each
//! other. The library does the work and returns errors; `main.rs` only maps
//! the outcome to an exit code.

pub mod analyze;
pub mod calendar;
pub mod changed;
pub mod checks;
pub mod claims;
pub mod cli;
pub mod config;
pub mod entities;
pub mod error;
pub mod graph;
pub mod ingest;
pub mod progress;
pub mod report;
pub mod revision;
pub mod rules;
pub mod segment;
pub mod source;
pub mod suppress;
pub mod values;

use std::collections::HashMap;
use std::io::Write;

use chrono::NaiveDate;
use rayon::prelude::*;

use analyze::{Analyzed, Engine};
use checks::Finding;
use cli::{ClaimsFormat, Cli, Command, DiffFormat, Inputs};
use config::Config;
use error::{InputError, SetupError};
use progress::Progress;
use report::{kind_name, severity_name, CheckReport};
use rules::{RuleData, Severity};
use suppress::Suppressions;

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

/// The project's config and the rules it selects, with `--rules` added.
pub fn setup(
    config_flag: Option<&str>,
    extra_rules: &[String],
) -> Result<(Config, RuleData), SetupError> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let config = Config::find(config_flag, &cwd)?;
    let dirs: Vec<String> = config.rules.iter().chain(extra_rules).cloned().collect();
    let mut rules = RuleData::load(&dirs)?;
    config.apply(&mut rules)?;
    Ok((config, rules))
}

fn execute(cli: Cli) -> Result<u8, SetupError> {
    let config_flag = cli.config.as_deref();
    match cli.command {
        Command::Claims { inputs, format } => {
            let (_, rules) = setup(config_flag, &inputs.rules)?;
            let engine = Engine::new(rules);
            let (docs, errors) = analyze_inputs(&engine, &inputs, !cli.no_progress)?;
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
            changed_since,
        } => {
            let (config, rules) = setup(config_flag, &inputs.rules)?;
            let engine = Engine::new(rules);
            let mut outcome = check_inputs(&engine, &inputs, !cli.no_progress)?;
            if let Some(rev) = &changed_since {
                let changed = changed::ChangedLines::since(rev, &outcome.docs)?;
                outcome
                    .findings
                    .retain(|f| changed.touches(&outcome.docs, f));
            }
            let report = outcome.report(&engine.rules);
            emit(&report::render_check(format, &report));
            let threshold = fail_threshold(fail_on, &config);
            let failing = outcome.findings.iter().any(|f| f.severity >= threshold);
            let code = if failing { EXIT_FINDINGS } else { EXIT_OK };
            Ok(report_errors(&outcome.errors).unwrap_or(code))
        }
        Command::Diff {
            old,
            new,
            against,
            format,
            published,
            rules,
        } => {
            let (config, rules) = setup(config_flag, &rules)?;
            let engine = Engine::new(rules);
            let d = revision::diff(&engine, &old, &new, &against, &published)?;
            emit(&match format {
                DiffFormat::Human => d.human(),
                DiffFormat::Json => d.json(),
            });
            let threshold = fail_threshold(None, &config);
            let failing = d.introduced.iter().any(|f| f.severity >= threshold);
            let code = if failing { EXIT_FINDINGS } else { EXIT_OK };
            Ok(report_errors(&d.errors).unwrap_or(code))
        }
        Command::Rules { rules, markdown } => {
            let (_, data) = setup(config_flag, &rules)?;
            if markdown {
                emit(&report::rules_doc::markdown(&data));
                return Ok(EXIT_OK);
            }
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
            let (_, data) = setup(config_flag, &rules)?;
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

/// `--fail-on` if given, else the config's, else error.
fn fail_threshold(flag: Option<cli::FailOn>, config: &Config) -> Severity {
    flag.map(cli::FailOn::severity)
        .or(config.fail_on)
        .unwrap_or(Severity::Error)
}

/// What a check run produced, before it is rendered.
pub struct Outcome {
    pub docs: Vec<Analyzed>,
    pub findings: Vec<Finding>,
    /// Findings silenced by comments in the articles.
    pub suppressed: usize,
    pub errors: Vec<InputError>,
}

impl Outcome {
    pub fn report<'a>(&'a self, rules: &'a RuleData) -> CheckReport<'a> {
        CheckReport {
            docs: &self.docs,
            findings: &self.findings,
            errors: &self.errors,
            suppressed: self.suppressed,
            rules,
        }
    }
}

/// Reads, analyzes and checks the inputs, honouring suppression comments.
pub fn check_inputs(
    engine: &Engine,
    inputs: &Inputs,
    progress: bool,
) -> Result<Outcome, SetupError> {
    let (docs, errors) = analyze_inputs(engine, inputs, progress)?;
    let found = check(&docs, &engine.rules);
    let (findings, suppressed) = without_suppressed(&docs, found);
    Ok(Outcome {
        docs,
        findings,
        suppressed,
        errors,
    })
}

/// Drops the findings an article's comments silence: any one piece of
/// evidence on a silenced line silences the finding.
pub fn without_suppressed(docs: &[Analyzed], findings: Vec<Finding>) -> (Vec<Finding>, usize) {
    let silenced: Vec<Suppressions> = docs.iter().map(|a| Suppressions::scan(&a.doc)).collect();
    let before = findings.len();
    let kept: Vec<Finding> = findings
        .into_iter()
        .filter(|f| {
            !f.evidence.iter().any(|e| {
                let line = docs[e.doc].doc.position(e.start).0;
                silenced[e.doc].covers(&f.rule, line)
            })
        })
        .collect();
    let suppressed = before - kept.len();
    (kept, suppressed)
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

/// Loads the built-in rules and documents and analyzes them.
pub fn load_corpus(inputs: &Inputs) -> Result<(Vec<Analyzed>, Vec<InputError>), SetupError> {
    let engine = Engine::new(RuleData::load(&inputs.rules)?);
    analyze_inputs(&engine, inputs, false)
}

/// Reads and analyzes the inputs with rules already compiled.
pub fn analyze_inputs(
    engine: &Engine,
    inputs: &Inputs,
    progress: bool,
) -> Result<(Vec<Analyzed>, Vec<InputError>), SetupError> {
    let overrides = parse_overrides(&inputs.published)?;
    let (found, mut errors) = ingest::collect_inputs(&inputs.paths);
    let loaded: Vec<_> = found.par_iter().map(ingest::load).collect();
    let mut docs = Vec::new();
    for (d, e) in loaded {
        docs.extend(d);
        errors.extend(e);
    }
    let bar = Progress::new(docs.len() as u64, progress);
    let analyzed = engine.analyze(docs, &overrides, &bar);
    bar.finish();
    Ok((analyzed, errors))
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
