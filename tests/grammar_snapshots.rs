//! Snapshots of `claimcheck parse --format conllu` on sentences written for
//! these tests (never treebank text): values, conversions in parentheses,
//! "from X to Y", possessives, appositions, "the company". Each tree was
//! read by hand; a change of parse shows up here.

mod common;

use claimcheck::report;

macro_rules! snap {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!($name, $value);
        });
    };
}

/// A text read as a plain-text article, rendered by `render`.
fn rendered(text: &str, render: fn(&claimcheck::Outcome) -> String) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "claimcheck-parse-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("sentences.txt");
    std::fs::write(&path, text).unwrap();
    let engine = common::engine().parsing_everything();
    let outcome = claimcheck::analyze(
        &engine,
        &claimcheck::Inputs::of(&[path.to_str().unwrap()]),
        &claimcheck::Quiet,
    );
    assert!(outcome.errors.is_empty(), "{:?}", outcome.errors);
    let out = render(&outcome);
    let _ = std::fs::remove_dir_all(&dir);
    out
}

/// The CoNLL-U of a text, without the temporary file's name.
fn parse(text: &str) -> String {
    rendered(text, report::parse::conllu)
        .lines()
        .filter(|l| !l.starts_with("# newdoc"))
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}
#[test]
fn money_with_a_conversion() {
    snap!(
        "grammar_money_conversion",
        parse("Revenue rose 12% to $1.13bn (£600m) in 2024.\n")
    );
}

#[test]
fn from_x_to_y() {
    snap!(
        "grammar_from_to",
        parse("Net profit fell to 537m euros from 798m euros a year ago.\n\nExports climbed from $2.9bn to $3.2bn in the first seven months of 2025.\n")
    );
}

#[test]
fn possessives_and_of_phrases() {
    snap!(
        "grammar_possessives",
        parse("Kestrel Bay's port handled 7.1 million tonnes of cargo last year.\n\nThe company reported an operating profit of 45 mln dlrs for the quarter.\n")
    );
}

#[test]
fn appositions() {
    snap!(
        "grammar_appositions",
        parse("Maria Lindqvist, the company's chief executive, said sales doubled.\n\nHarborview Group, a shipping firm, reached a record 4,200 containers in March.\n")
    );
}

#[test]
fn json_names_the_value_kinds() {
    let out = rendered("Sales rose 5% to $20m.", report::parse::json);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let toks = v["documents"][0]["sentences"][0]["tokens"]
        .as_array()
        .unwrap();
    let kinds: Vec<&str> = toks.iter().filter_map(|t| t["value"].as_str()).collect();
    assert_eq!(kinds, ["percent", "money"]);
    // Exactly one root, and every head inside the sentence.
    let roots = toks.iter().filter(|t| t["head"] == 0).count();
    assert_eq!(roots, 1);
    assert!(toks
        .iter()
        .all(|t| t["head"].as_u64().unwrap() as usize <= toks.len()));
}

#[test]
fn odd_input_parses_without_panic() {
    let long = "word ".repeat(700);
    for text in [
        "",
        "   ",
        "!!!",
        "$",
        "((((",
        long.as_str(),
        "Ünïcödé… “quotes” — dash",
    ] {
        let out = rendered(text, report::parse::conllu);
        // One root per sentence.
        let roots = out
            .lines()
            .filter(|l| l.split('\t').nth(6) == Some("0"))
            .count();
        let sents = out.lines().filter(|l| l.starts_with("# text")).count();
        assert_eq!(roots, sents, "{text:?}");
    }
}
