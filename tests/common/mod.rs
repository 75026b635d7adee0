//! Helpers shared by the integration tests: run claimcheck in-process.

use claimcheck::cli::Inputs;

pub fn inputs(paths: &[&str]) -> Inputs {
    Inputs {
        paths: paths.iter().map(|p| p.to_string()).collect(),
        published: vec![],
        rules: vec![],
    }
}

#[allow(dead_code)]
pub fn check_json(paths: &[&str]) -> String {
    let (docs, errors) = claimcheck::load_corpus(&inputs(paths)).unwrap();
    let rules = claimcheck::rules::RuleData::load(&[]).unwrap();
    let findings = claimcheck::check(&docs, &rules);
    claimcheck::report::check_json::render(&docs, &findings, &errors)
}

#[allow(dead_code)]
pub fn check_human(paths: &[&str]) -> String {
    let (docs, _) = claimcheck::load_corpus(&inputs(paths)).unwrap();
    let rules = claimcheck::rules::RuleData::load(&[]).unwrap();
    let findings = claimcheck::check(&docs, &rules);
    claimcheck::report::human::render(&docs, &findings)
}

#[allow(dead_code)]
pub fn claims_text(paths: &[&str]) -> String {
    let (docs, _) = claimcheck::load_corpus(&inputs(paths)).unwrap();
    claimcheck::report::claims::text(&docs)
}
