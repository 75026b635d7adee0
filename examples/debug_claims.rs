//! Prints every claim read from the given paths, as Rust's Debug shows
//! them: a development aid for working on claim frames.

#![allow(clippy::print_stdout)]

use claimcheck::{analyze, Engine, Inputs, Quiet, RuleData};

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let inputs = Inputs {
        paths,
        ..Inputs::default()
    };
    let engine = Engine::new(RuleData::load(&[]).expect("built-in rules load"));
    let outcome = analyze(&engine, &inputs, &Quiet);
    for c in &outcome.claims {
        println!("{c:?}");
    }
}
