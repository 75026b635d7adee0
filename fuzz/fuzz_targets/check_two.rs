//! Two documents checked against each other and every report rendered.
//! The first byte picks the two formats (two bits each); a NUL byte
//! separates the documents.
#![no_main]

use std::sync::LazyLock;

use claimcheck::{Engine, RuleData};
use libfuzzer_sys::fuzz_target;

static ENGINE: LazyLock<Engine> =
    LazyLock::new(|| Engine::new(RuleData::load(&[]).expect("built-in rules load")));

const EXTENSIONS: [&str; 4] = ["txt", "md", "html", "jsonl"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let cut = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
    let (a, b) = (&rest[..cut], rest.get(cut + 1..).unwrap_or(&[]));
    let na = format!("a.{}", EXTENSIONS[usize::from(pick & 3)]);
    let nb = format!("b.{}", EXTENSIONS[usize::from((pick >> 2) & 3)]);
    claimcheck::fuzzing::check_two(&ENGINE, (&na, a), (&nb, b));
});
