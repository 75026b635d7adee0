//! Any text tokenized, tagged and parsed sentence by sentence: tokens in
//! order on character boundaries, values kept whole, one root, no cycle.
#![no_main]

use std::sync::LazyLock;

use claimcheck::{Engine, RuleData};
use libfuzzer_sys::fuzz_target;

static ENGINE: LazyLock<Engine> =
    LazyLock::new(|| Engine::new(RuleData::load(&[]).expect("built-in rules load")));

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        claimcheck::fuzzing::parse(&ENGINE, text);
    }
});
