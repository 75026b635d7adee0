//! The embedded grammar model against the floors of issue 9, on EWT test
//! and PUD with gold tokenization, and the tokenizer on their `# text`
//! lines. Skips (saying so) without ../shared/treebanks, except under CI.

use std::path::Path;

use claimcheck::grammar::conllu;
use claimcheck::grammar::eval::{evaluate, tokenizer_scores, Scores};
use claimcheck::grammar::merge::Sample;
use claimcheck::grammar::Grammar;

const DIR: &str = "../shared/treebanks";

fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "1" || v == "true")
}

fn load(name: &str) -> Option<Vec<conllu::Sentence>> {
    let path = Path::new(DIR).join(name);
    if !path.exists() {
        assert!(!under_ci(), "{} is missing under CI", path.display());
        println!("skipped: {} not found", path.display());
        return None;
    }
    let text = std::fs::read_to_string(&path).unwrap();
    Some(conllu::read(&text).unwrap())
}

fn score(sents: &[conllu::Sentence]) -> Scores {
    let g = Grammar::english().expect("the embedded model loads");
    let plain: Vec<Sample> = sents.iter().map(Sample::plain).collect();
    evaluate(g, &plain)
}

#[test]
fn ewt_test_meets_the_floors() {
    let Some(sents) = load("en_ewt-ud-test.conllu") else {
        return;
    };
    let s = score(&sents);
    println!(
        "EWT test: UPOS {:.2} XPOS {:.2} UAS {:.2} LAS {:.2} lemma {:.2}",
        s.upos_pct(),
        s.xpos_pct(),
        s.uas_pct(),
        s.las_pct(),
        s.lemma_pct()
    );
    assert_eq!(s.sentences, 2077);
    assert!(s.upos_pct() >= 94.5, "UPOS {:.2} < 94.5", s.upos_pct());
    assert!(s.uas_pct() >= 84.0, "UAS {:.2} < 84", s.uas_pct());
    assert!(s.las_pct() >= 80.0, "LAS {:.2} < 80", s.las_pct());
    let t = tokenizer_scores(&sents);
    assert!(t.f1() >= 97.5, "tokenizer F1 {:.2} < 97.5", t.f1());
}

#[test]
fn pud_meets_the_floor() {
    let Some(sents) = load("en_pud-ud-test.conllu") else {
        return;
    };
    let s = score(&sents);
    println!(
        "PUD: UPOS {:.2} XPOS {:.2} UAS {:.2} LAS {:.2} lemma {:.2}",
        s.upos_pct(),
        s.xpos_pct(),
        s.uas_pct(),
        s.las_pct(),
        s.lemma_pct()
    );
    assert_eq!(s.sentences, 1000);
    assert!(s.uas_pct() >= 82.0, "UAS {:.2} < 82", s.uas_pct());
    let t = tokenizer_scores(&sents);
    assert!(t.f1() >= 99.0, "tokenizer F1 {:.2} < 99", t.f1());
}
