//! `claimcheck index`, `check --archive`, `diff --archive` and `archive
//! stats` as a user runs them: the reports (snapshots of the human and
//! JSON formats; archived evidence placed in every other format), and the
//! exit code and message for an archive that cannot be used.

mod common;

use std::path::{Path, PathBuf};

macro_rules! snap {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!($name, $value);
        });
    };
}

const DRAFT: &str = "tests/fixtures/archive/drafts/larkspur-profile.md";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A new archive file path in a folder of its own.
fn archive_path(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimcheck-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("claims.db")
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = common::claimcheck(root(), args);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// An archive of the published fixtures.
fn published(name: &str) -> String {
    let db = archive_path(name).display().to_string();
    let (code, out, err) = run(&[
        "index",
        "tests/fixtures/archive/published",
        "--archive",
        &db,
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        format!("{db}: 4 documents added, 0 replaced, 0 unchanged; 13 claims written\n")
    );
    db
}

#[test]
fn check_archive_human() {
    let db = published("human");
    let (code, out, err) = run(&["check", DRAFT, "--archive", &db]);
    assert_eq!((code, err.as_str()), (1, ""));
    snap!("check_archive_human", out);
}

#[test]
fn check_archive_json() {
    let db = published("json");
    let (code, out, _) = run(&["check", "--format", "json", DRAFT, "--archive", &db]);
    assert_eq!(code, 1);
    snap!("check_archive_json", out);
}

/// The JSONL wire's second row, line 2 of its file, is cited where it was.
#[test]
fn archived_evidence_is_placed_in_every_format() {
    let db = published("formats");
    let wire = "tests/fixtures/archive/published/wire.jsonl";
    let formats: [(&str, String); 3] = [
        ("github", format!("see {wire}:2:98 (41.2 million)")),
        ("html", format!("<span class=\"where\">{wire}:2:98</span>")),
        (
            "jsonl",
            format!("{{\"column\":98,\"line\":2,\"path\":\"{wire}\",\"quote\":\"Larkspur Rail carried 41.2 million passengers in 2024, its chief executive told reporters on Friday.\",\"value\":\"41.2 million\"}}"),
        ),
    ];
    for (format, expected) in formats {
        let (code, out, _) = run(&["check", "--format", format, DRAFT, "--archive", &db]);
        assert_eq!(code, 1, "{format}");
        assert!(out.contains(&expected), "{format}:\n{out}");
    }
    let (_, out, _) = run(&["check", "--format", "sarif", DRAFT, "--archive", &db]);
    let sarif: serde_json::Value = serde_json::from_str(&out).unwrap();
    let conflict = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "figure-conflict")
        .expect("the figure conflict is reported");
    let related = conflict["relatedLocations"].as_array().unwrap();
    let last = &related[related.len() - 1]["physicalLocation"];
    assert_eq!(last["artifactLocation"]["uri"], wire);
    assert_eq!(
        last["region"],
        serde_json::json!({"startLine": 2, "startColumn": 98, "endLine": 2, "endColumn": 110,
                           "snippet": {"text": "41.2 million"}})
    );
}

#[test]
fn stats_and_removal() {
    let db = published("stats");
    let (code, out, _) = run(&["archive", "stats", "--archive", &db]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        format!(
            "archive: {db}\nbackend: sqlite\nschema version: 2\ndocuments: 4\nsources: 4\nclaims: 13\nmeasure-holder keys: 6\npublished: 2025-03-10 to 2025-03-14\n"
        )
    );
    let wire = "tests/fixtures/archive/published/wire.jsonl";
    let (code, out, _) = run(&["index", "--remove", wire, "--archive", &db]);
    assert_eq!((code, out), (0, format!("{wire}: 2 documents removed\n")));
    let (code, out, err) = run(&["index", "--remove", wire, "--archive", &db]);
    assert_eq!((code, out), (2, format!("{wire}: 0 documents removed\n")));
    assert_eq!(
        err,
        format!("claimcheck: error: {db}: nothing stored under {wire}\n")
    );
}

#[test]
fn diff_against_the_archive() {
    let db = published("diff");
    let dir = archive_path("diff-revisions");
    let dir = dir.parent().unwrap();
    let old = dir.join("v1.md");
    let new = dir.join("v2.md");
    let draft = std::fs::read_to_string(root().join(DRAFT)).unwrap();
    std::fs::write(&old, &draft).unwrap();
    std::fs::write(&new, draft.replace("44.0 million", "41.2 million")).unwrap();
    let (old, new) = (old.display().to_string(), new.display().to_string());
    let (code, out, err) = run(&["diff", &old, &new, "--archive", &db, "--format", "json"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let d: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rules = |side: &str| -> Vec<String> {
        d[side]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(rules("resolved"), ["figure-conflict"]);
    assert_eq!(rules("introduced"), ["corroborated"]);
}

#[test]
fn an_archive_that_cannot_be_used_is_named_with_exit_code_2() {
    let dir = archive_path("bad");
    let dir = dir.parent().unwrap();
    let notes = dir.join("notes.db");
    std::fs::write(&notes, "these are notes, not a database\n".repeat(200)).unwrap();
    let notes = notes.display().to_string();
    let (code, out, err) = run(&["check", DRAFT, "--archive", &notes]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        format!("claimcheck: error: {notes}: not a claimcheck archive (not an SQLite database)\n")
    );
    let missing = dir.join("none.db").display().to_string();
    let (code, _, err) = run(&["check", DRAFT, "--archive", &missing]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!("claimcheck: error: {missing}: no archive there (`claimcheck index PATH --archive {missing}` creates one)\n")
    );
    assert!(!Path::new(&missing).exists());
}

#[cfg(not(feature = "postgres"))]
#[test]
fn a_postgres_url_needs_the_feature() {
    let (code, _, err) = run(&[
        "check",
        DRAFT,
        "--archive",
        "postgres://ed:pw@127.0.0.1/news",
    ]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "claimcheck: error: postgres://ed:***@127.0.0.1/news: this claimcheck was built without PostgreSQL support (cargo build --features postgres)\n"
    );
}
