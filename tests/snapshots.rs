//! Snapshots of the reports on our own fixture articles, one per input
//! format for `claims` and one per domain for `check`. Snapshots live in
//! the top-level snapshots/ directory.

mod common;

macro_rules! snap {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!($name, $value);
        });
    };
}

#[test]
fn claims_markdown() {
    snap!(
        "claims_markdown",
        common::claims_text(&["tests/fixtures/port/harbour-weekly.md"])
    );
}

#[test]
fn claims_html() {
    snap!(
        "claims_html",
        common::claims_text(&["tests/fixtures/port/coast-gazette.html"])
    );
}

#[test]
fn claims_text_file() {
    snap!(
        "claims_text",
        common::claims_text(&["tests/fixtures/port/shipping-wire.txt"])
    );
}

#[test]
fn claims_jsonl() {
    snap!(
        "claims_jsonl",
        common::claims_text(&["tests/fixtures/company/wires.jsonl"])
    );
}

#[test]
fn check_port_human() {
    snap!(
        "check_port_human",
        common::check_human(&["tests/fixtures/port"])
    );
}

#[test]
fn check_port_json() {
    snap!(
        "check_port_json",
        common::check_json(&["tests/fixtures/port"])
    );
}

#[test]
fn check_company_human() {
    snap!(
        "check_company_human",
        common::check_human(&["tests/fixtures/company"])
    );
}

#[test]
fn check_company_json() {
    snap!(
        "check_company_json",
        common::check_json(&["tests/fixtures/company"])
    );
}

#[test]
fn check_budget_human() {
    snap!(
        "check_budget_human",
        common::check_human(&["tests/fixtures/budget"])
    );
}

#[test]
fn check_budget_json() {
    snap!(
        "check_budget_json",
        common::check_json(&["tests/fixtures/budget"])
    );
}
