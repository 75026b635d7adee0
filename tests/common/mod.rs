//! Helpers shared by the integration tests: run claimcheck in-process.

use claimcheck::analyze::Engine;
use claimcheck::cli::{CheckFormat, Inputs};
use claimcheck::report;
use claimcheck::rules::RuleData;

pub fn inputs(paths: &[&str]) -> Inputs {
    Inputs {
        paths: paths.iter().map(|p| p.to_string()).collect(),
        published: vec![],
        rules: vec![],
    }
}

/// `claimcheck check --format FORMAT PATHS` with the built-in rules.
#[allow(dead_code)]
pub fn check_as(paths: &[&str], format: CheckFormat) -> String {
    let engine = Engine::new(RuleData::load(&[]).unwrap());
    let outcome = claimcheck::check_inputs(&engine, &inputs(paths), false).unwrap();
    report::render_check(format, &outcome.report(&engine.rules))
}

#[allow(dead_code)]
pub fn check_json(paths: &[&str]) -> String {
    check_as(paths, CheckFormat::Json)
}

#[allow(dead_code)]
pub fn check_human(paths: &[&str]) -> String {
    check_as(paths, CheckFormat::Human)
}

#[allow(dead_code)]
pub fn claims_text(paths: &[&str]) -> String {
    let (docs, _) = claimcheck::load_corpus(&inputs(paths)).unwrap();
    claimcheck::report::claims::text(&docs)
}

/// Runs the built binary in `dir`, as a user would.
#[allow(dead_code)]
pub fn claimcheck(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("claimcheck runs")
}
