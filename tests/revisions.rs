//! Revisions: `claimcheck diff` on two versions of a fixture article, and
//! `check --changed-since` in a git repository holding them, both run as
//! the binary a user runs.

mod common;

use common::claimcheck;

use std::path::Path;
use std::process::{Command, Output};

const V1: &str = "tests/fixtures/revisions/harbour-weekly-v1.md";
const V2: &str = "tests/fixtures/revisions/harbour-weekly-v2.md";
const AGAINST: [&str; 2] = [
    "tests/fixtures/port/coast-gazette.html",
    "tests/fixtures/port/shipping-wire.txt",
];

macro_rules! snap {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!($name, $value);
        });
    };
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn diff_reports_changed_claims_and_findings() {
    let mut args = vec!["diff", V1, V2, "--against"];
    args.extend(AGAINST);
    let out = claimcheck(Path::new("."), &args);
    assert_eq!(out.status.code(), Some(1), "a finding is introduced");
    snap!("diff_human", stdout(&out));
    args.extend(["--format", "json"]);
    let json: serde_json::Value =
        serde_json::from_slice(&claimcheck(Path::new("."), &args).stdout).unwrap();
    let kinds: Vec<&str> = json["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["changed"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["value", "value", "period"]);
    assert_eq!(json["added"][0]["value"], "410,000");
    assert_eq!(json["removed"][0]["predicate"], "number of terminals");
    assert_eq!(json["introduced"].as_array().unwrap().len(), 1);
    let resolved: Vec<&str> = json["resolved"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    // v2 fixes the 2024 cargo figure. (The terminal count it drops was
    // corroborated only while "now operates 23 terminals" took an earlier
    // sentence's year; a figure of the time of writing takes none.)
    assert_eq!(resolved, ["figure-conflict", "growth-arithmetic"]);
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.email=test@example.org", "-c", "user.name=test"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(status.status.success(), "git {args:?}: {status:?}");
}

#[test]
fn changed_since_keeps_findings_on_changed_lines() {
    let dir = std::env::temp_dir().join(format!("claimcheck-changed-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(V1, dir.join("harbour-weekly.md")).unwrap();
    for a in AGAINST {
        std::fs::copy(a, dir.join(Path::new(a).file_name().unwrap())).unwrap();
    }
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "first version"]);
    std::fs::copy(V2, dir.join("harbour-weekly.md")).unwrap();

    let files = [
        "harbour-weekly.md",
        "coast-gazette.html",
        "shipping-wire.txt",
    ];
    let mut all = vec!["check"];
    all.extend(files);
    let everything = stdout(&claimcheck(&dir, &all));
    let mut since = vec!["check", "--changed-since", "HEAD"];
    since.extend(files);
    let out = claimcheck(&dir, &since);
    let changed = stdout(&out);
    snap!("check_changed_since_human", changed.clone());
    // The gazette's own contradictions (2023 figures, the five-month total)
    // are on lines the revision did not touch.
    assert!(everything.contains("cumulative-below-part"));
    assert!(!changed.contains("cumulative-below-part"));
    assert!(changed.contains("harbour-weekly.md:7:"));

    let bad = claimcheck(
        &dir,
        &[
            "check",
            "--changed-since",
            "no-such-rev",
            "harbour-weekly.md",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&bad.stderr),
        "claimcheck: error: --changed-since: 'no-such-rev' is not a commit in the git repository of harbour-weekly.md\n"
    );
}
