//! Helpers shared by the integration tests: run claimcheck in-process.

use claimcheck::report::{self, CheckReport};
use claimcheck::{analyze, check, Engine, Inputs, Outcome, Quiet, RuleData};

/// The built-in rules, compiled.
pub fn engine() -> Engine {
    Engine::new(RuleData::load(&[]).unwrap())
}

/// The documents and claims of `paths`, read with the built-in rules.
#[allow(dead_code)]
pub fn analyzed(paths: &[&str]) -> (Engine, Outcome) {
    let engine = engine();
    let outcome = analyze(&engine, &Inputs::of(paths), &Quiet);
    (engine, outcome)
}

/// `claimcheck check PATHS` rendered by one of the report renderers.
#[allow(dead_code)]
pub fn check_as(paths: &[&str], render: fn(&CheckReport<'_>) -> String) -> String {
    let (engine, outcome) = analyzed(paths);
    let checked = check(&engine, &outcome);
    render(&CheckReport {
        docs: &outcome.docs,
        findings: &checked.findings,
        errors: &outcome.errors,
        suppressed: checked.suppressed,
        rules: &engine.rules,
    })
}

#[allow(dead_code)]
pub fn check_json(paths: &[&str]) -> String {
    check_as(paths, report::check_json::render)
}

#[allow(dead_code)]
pub fn check_human(paths: &[&str]) -> String {
    check_as(paths, report::human::render_report)
}

#[allow(dead_code)]
pub fn claims_text(paths: &[&str]) -> String {
    let (_, outcome) = analyzed(paths);
    report::claims::text(&outcome)
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
