//! The machine formats of `check`: SARIF read back into serde-sarif's types
//! (generated from the official schema) with GitHub code scanning's
//! required fields, JSON Lines, workflow commands, and suppressions.

mod common;

use claimcheck::report;
use serde_json::Value as Json;

macro_rules! snap {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!($name, $value);
        });
    };
}

const PORT: &str = "tests/fixtures/port";

#[test]
fn sarif_is_valid_sarif_2_1_0() {
    let text = common::check_as(&[PORT], report::sarif::render);
    let parsed: serde_sarif::sarif::Sarif =
        serde_json::from_str(&text).expect("reads as SARIF 2.1.0");
    // Nothing we wrote was dropped as unknown: the typed log writes back
    // the same document.
    let original: Json = serde_json::from_str(&text).unwrap();
    assert_eq!(serde_json::to_value(&parsed).unwrap(), original);
    assert_eq!(original["version"], "2.1.0");
    for r in original["runs"][0]["results"].as_array().unwrap() {
        let level: serde_sarif::sarif::ResultLevel =
            serde_json::from_value(r["level"].clone()).expect("a SARIF level");
        let _ = level;
    }
}

#[test]
fn sarif_has_what_github_code_scanning_requires() {
    let text = common::check_as(&[PORT], report::sarif::render);
    let log: Json = serde_json::from_str(&text).unwrap();
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "claimcheck");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for rule in rules {
        assert!(rule["id"].is_string());
        assert!(rule["shortDescription"]["text"].is_string());
        assert!(rule["help"]["text"]
            .as_str()
            .unwrap()
            .contains("Why it matters"));
        assert!(rule["defaultConfiguration"]["level"].is_string());
    }
    let results = run["results"].as_array().unwrap();
    let report: Json = serde_json::from_str(&common::check_json(&[PORT])).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(results.len(), findings.len());
    for (r, f) in results.iter().zip(findings) {
        assert_eq!(r["ruleId"], f["rule"]);
        assert_eq!(r["message"]["text"], f["message"]);
        let rule_index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[rule_index]["id"], r["ruleId"]);
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], f["evidence"][0]["path"]);
        assert_eq!(loc["region"]["startLine"], f["evidence"][0]["line"]);
        assert_eq!(loc["region"]["startColumn"], f["evidence"][0]["column"]);
        let related = r["relatedLocations"].as_array().map_or(0, Vec::len);
        assert_eq!(related + 1, f["evidence"].as_array().unwrap().len());
        let print = r["partialFingerprints"]["claimcheckFinding/v2"]
            .as_str()
            .unwrap();
        assert_eq!(print.len(), 16);
    }
    let levels: Vec<&str> = results
        .iter()
        .map(|r| r["level"].as_str().unwrap())
        .collect();
    assert!(levels.contains(&"error") && levels.contains(&"warning") && levels.contains(&"note"));
}

#[test]
fn sarif_fingerprints_survive_lines_moving() {
    let prints = |dir: &str| -> Vec<String> {
        let log: Json =
            serde_json::from_str(&common::check_as(&[dir], report::sarif::render)).unwrap();
        log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r["partialFingerprints"]["claimcheckFinding/v2"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    let dir = tempdir("fingerprints");
    let a = "Lindholm Airport handled 8.4 million passengers in 2024.\n";
    let b = "Lindholm Airport handled 7.9 million passengers in 2024.\n";
    std::fs::write(format!("{dir}/a.txt"), a).unwrap();
    std::fs::write(format!("{dir}/b.txt"), b).unwrap();
    let before = prints(&dir);
    assert_eq!(before.len(), 1);
    assert_eq!(before, prints(&dir), "same input, same prints");
    std::fs::write(
        format!("{dir}/a.txt"),
        format!("A new opening line.\n\n{a}"),
    )
    .unwrap();
    assert_eq!(before, prints(&dir), "lines moved, same prints");
    std::fs::write(
        format!("{dir}/b.txt"),
        "Lindholm Airport handled 7.5 million passengers in 2024.\n",
    )
    .unwrap();
    assert_ne!(before, prints(&dir), "another value, another finding");
}

fn tempdir(name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("claimcheck-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.to_string_lossy().into_owned()
}

#[test]
fn jsonl_is_one_finding_per_line() {
    let lines = common::check_as(&[PORT], report::jsonl::render);
    let report: Json = serde_json::from_str(&common::check_json(&[PORT])).unwrap();
    let parsed: Vec<Json> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(&parsed, report["findings"].as_array().unwrap());
}

#[test]
fn github_workflow_commands() {
    snap!(
        "check_budget_github",
        common::check_as(&["tests/fixtures/budget"], report::github::render)
    );
}

#[test]
fn suppression_comments_silence_findings_and_are_counted() {
    let human = common::check_as(&["tests/fixtures/suppressed"], report::human::render_report);
    snap!("check_suppressed_human", human);
    let report: Json =
        serde_json::from_str(&common::check_json(&["tests/fixtures/suppressed"])).unwrap();
    assert_eq!(report["summary"]["suppressed"], 2);
    assert_eq!(report["summary"]["error"], 1);
}
