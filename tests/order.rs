//! Reports do not depend on the order of the arguments (issue 12, item 3):
//! the files of a folder given sorted, reversed and shuffled give
//! byte-identical output in all six check formats, and any shuffle of the
//! inputs leaves the report as it was.

mod common;

use std::sync::LazyLock;

use proptest::prelude::*;

use claimcheck::report::{self, CheckReport};
use claimcheck::{analyze, check, Engine, Inputs, Quiet};

/// A check renderer, by its format's name.
type Renderer = (&'static str, fn(&CheckReport<'_>) -> String);
/// Each format's report of one run.
type Reports = Vec<(&'static str, String)>;

const FORMATS: [&str; 6] = ["human", "json", "jsonl", "sarif", "github", "html"];

/// The articles of a fixture folder, sorted.
fn articles(dir: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| !p.ends_with("expected.json"))
        .collect();
    files.sort();
    files
}

/// A Fisher–Yates shuffle driven by a fixed linear congruential sequence:
/// the same "random" order on every machine.
fn shuffled(items: &[String], mut seed: u64) -> Vec<String> {
    let mut out = items.to_vec();
    for i in (1..out.len()).rev() {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = (seed >> 33) as usize % (i + 1);
        out.swap(i, j);
    }
    out
}

/// Every check format of one run, rendered in-process with one engine.
fn all_formats(engine: &Engine, files: &[String]) -> Reports {
    let paths: Vec<&str> = files.iter().map(String::as_str).collect();
    let outcome = analyze(engine, &Inputs::of(&paths), &Quiet);
    let checked = check(engine, &outcome);
    let r = CheckReport {
        docs: &outcome.docs,
        findings: &checked.findings,
        errors: &outcome.errors,
        suppressed: checked.suppressed,
        rules: &engine.rules,
    };
    let renderers: [Renderer; 6] = [
        ("human", report::human::render_report),
        ("json", report::check_json::render),
        ("jsonl", report::jsonl::render),
        ("sarif", report::sarif::render),
        ("github", report::github::render),
        ("html", report::html::render),
    ];
    renderers.iter().map(|(name, f)| (*name, f(&r))).collect()
}

#[test]
fn three_argument_orders_give_byte_identical_reports_in_every_format() {
    let engine = common::engine();
    for dir in [
        "tests/fixtures/port",
        "tests/fixtures/budget",
        "tests/fixtures/company",
    ] {
        let sorted = articles(dir);
        let mut reversed = sorted.clone();
        reversed.reverse();
        let mixed = shuffled(&sorted, 12);
        assert_ne!(mixed, sorted, "the shuffle moves something");
        assert_ne!(mixed, reversed, "the shuffle is not the reversal");
        let orders = [&sorted, &reversed, &mixed];
        let reports: Vec<_> = orders.iter().map(|f| all_formats(&engine, f)).collect();
        assert_eq!(reports[0].len(), FORMATS.len());
        for (k, r) in reports.iter().enumerate().skip(1) {
            for ((format, a), (_, b)) in r.iter().zip(&reports[0]) {
                assert!(!b.is_empty(), "{dir} {format}");
                assert!(
                    a == b,
                    "{dir} --format {format}: order {k} differs:\n{a}\n---\n{b}"
                );
            }
        }
        // The binary prints those same bytes, whatever the order.
        let printed: Vec<(Option<i32>, Vec<u8>)> = orders
            .iter()
            .map(|files| {
                let mut args = vec!["check"];
                args.extend(files.iter().map(String::as_str));
                let out = common::claimcheck(std::path::Path::new("."), &args);
                (out.status.code(), out.stdout)
            })
            .collect();
        for p in &printed {
            assert_eq!(p, &(Some(1), reports[0][0].1.clone().into_bytes()), "{dir}");
        }
    }
}

/// The sorted port and budget articles, and their JSON and human reports.
static EXPECTED: LazyLock<(Vec<String>, Reports)> = LazyLock::new(|| {
    let mut files = articles("tests/fixtures/port");
    files.extend(articles("tests/fixtures/budget"));
    let reports = all_formats(&ENGINE, &files);
    (files, reports)
});

static ENGINE: LazyLock<Engine> = LazyLock::new(common::engine);

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any order of the inputs, with files named twice, gives the report
    /// the sorted inputs give.
    #[test]
    fn shuffling_inputs_never_changes_the_report(seed in any::<u64>(), twice in 0usize..3) {
        let (files, expected) = &*EXPECTED;
        let mut mixed = shuffled(files, seed);
        let repeated: Vec<String> = mixed.iter().take(twice).cloned().collect();
        mixed.extend(repeated);
        prop_assert_eq!(&all_formats(&ENGINE, &mixed), expected);
    }
}
