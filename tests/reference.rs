//! The reference corpus in ../shared: publication dates and the findings a
//! careful editor expects. Skipped, with the reason printed, where ../shared
//! is absent; CI has it.

mod common;

use std::path::Path;

const ARTICLES: &str = "../shared/reference/articles";

fn available() -> bool {
    let ok = Path::new(ARTICLES).is_dir();
    if !ok {
        eprintln!("skipped: {ARTICLES} not found (CI provides ../shared)");
    }
    ok
}

#[test]
fn publication_dates() {
    if !available() {
        return;
    }
    let (_, outcome) = common::analyzed(&[ARTICLES]);
    assert!(outcome.errors.is_empty(), "{:?}", outcome.errors);
    let docs = outcome.docs;
    let got: Vec<(String, Option<String>, Option<i32>)> = docs
        .iter()
        .map(|a| {
            (
                a.doc.path.rsplit('/').next().unwrap()[..3].to_string(),
                a.published.date.map(|d| d.to_string()),
                a.published.estimate_year,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("000".into(), None, Some(2025)),
            ("001".into(), Some("2025-05-16".into()), None),
            ("002".into(), Some("2026-01-06".into()), None),
            ("003".into(), None, Some(2025)),
            ("004".into(), Some("2025-12-30".into()), None),
        ]
    );
}

#[test]
fn expected_findings_and_nothing_serious_besides() {
    if !available() {
        return;
    }
    let report: serde_json::Value = serde_json::from_str(&common::check_json(&[ARTICLES])).unwrap();
    let mut got: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let places: Vec<String> = f["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    format!(
                        "{}:{}",
                        &e["path"].as_str().unwrap().rsplit('/').next().unwrap()[..3],
                        e["line"]
                    )
                })
                .collect();
            format!(
                "{} {} {}",
                f["severity"].as_str().unwrap(),
                f["rule"].as_str().unwrap(),
                places.join(",")
            )
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        vec![
            "error confusable-name 002:11,002:6",
            "error confusable-name 002:14,002:6",
            "error event-date-conflict 001:9,002:15",
            "error partnership-level-conflict 003:13,002:6",
            "error partnership-level-conflict 003:13,004:21",
            "info corroborated 002:21,004:33",
            "info name-variant 003:11,004:7",
            "warning future-tense-for-past 002:15",
        ]
    );
}
