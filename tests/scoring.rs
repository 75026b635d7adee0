//! The fixture corpora scored the way the reference corpus is: each domain's
//! JSON report goes through ../shared/tools/score.py against the domain's
//! expected.json, and must keep recall and precision at 1.00.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

const SCORER: &str = "../shared/tools/score.py";

fn score(domain: &str) {
    if !Path::new(SCORER).exists() {
        eprintln!("{SCORER} is not beside this checkout; scoring of {domain} skipped");
        return;
    }
    let report = common::check_json(&[&format!("tests/fixtures/{domain}")]);
    let mut child = Command::new("python3")
        .args([
            SCORER,
            "--expected",
            &format!("tests/fixtures/{domain}/expected.json"),
            "--findings",
            "-",
            "--min-recall",
            "1.0",
            "--min-precision",
            "1.0",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(report.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{domain}: {printed}");
    assert!(printed.contains("recall 1.00"), "{domain}: {printed}");
}

#[test]
fn port_corpus_scores_full_marks() {
    score("port");
}

#[test]
fn company_corpus_scores_full_marks() {
    score("company");
}

#[test]
fn budget_corpus_scores_full_marks() {
    score("budget");
}
