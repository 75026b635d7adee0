//! One fixture per rule, as ruff has: `tests/fixtures/rules/<id>/fires/`
//! must raise the rule and `tests/fixtures/rules/<id>/silent/` (near-misses:
//! another year, other parties, a target, a rounded figure) must not. The
//! rendered diagnostics of each rule are snapshotted in snapshots/.

mod common;

use std::path::Path;

use claimcheck::model::Severity;
use claimcheck::report::human;
use claimcheck::{Analyzed, Finding, RuleData};

fn findings(dir: &str) -> (Vec<Analyzed>, Vec<Finding>) {
    let (engine, outcome) = common::analyzed(&[dir]);
    assert!(outcome.errors.is_empty(), "{dir}: {:?}", outcome.errors);
    let checked = claimcheck::check(&engine, &outcome);
    (outcome.docs, checked.findings)
}

fn rule_ids() -> Vec<String> {
    let rules = RuleData::load(&[]).unwrap();
    rules.check.iter().map(|c| c.id.clone()).collect()
}

#[test]
fn every_rule_has_a_firing_and_a_silent_fixture() {
    for id in rule_ids() {
        for side in ["fires", "silent"] {
            let dir = format!("tests/fixtures/rules/{id}/{side}");
            assert!(Path::new(&dir).is_dir(), "missing fixture {dir}");
        }
    }
}

#[test]
fn each_rule_fires_on_its_fixture() {
    for id in rule_ids() {
        let (docs, found) = findings(&format!("tests/fixtures/rules/{id}/fires"));
        let own: Vec<Finding> = found.into_iter().filter(|f| f.rule == id).collect();
        assert!(!own.is_empty(), "{id} did not fire on its fixture");
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("rule_{id}"), human::render(&docs, &own));
        });
    }
}

#[test]
fn each_rule_stays_silent_on_its_near_misses() {
    for id in rule_ids() {
        let (_, found) = findings(&format!("tests/fixtures/rules/{id}/silent"));
        let serious: Vec<String> = found
            .iter()
            .filter(|f| f.rule == id || f.severity != Severity::Info)
            .map(|f| format!("{} {}", f.rule, f.message))
            .collect();
        assert_eq!(serious, Vec::<String>::new(), "near-misses of {id}");
    }
}

#[test]
fn docs_rules_md_is_generated_from_the_rule_files() {
    let rules = RuleData::load(&[]).unwrap();
    let generated = claimcheck::report::rules_doc::markdown(&rules);
    let committed = std::fs::read_to_string("docs/rules.md").unwrap();
    assert!(
        committed == generated,
        "docs/rules.md is stale: run `cargo run -- rules --markdown > docs/rules.md`"
    );
}
