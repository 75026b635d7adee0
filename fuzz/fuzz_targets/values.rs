//! Any text read for values (money, percentages, quantities, counts,
//! ranks, times) sentence by sentence: spans inside their sentence, in
//! order, their text what they cover.
#![no_main]

use std::sync::LazyLock;

use claimcheck::{Engine, RuleData};
use libfuzzer_sys::fuzz_target;

static ENGINE: LazyLock<Engine> =
    LazyLock::new(|| Engine::new(RuleData::load(&[]).expect("built-in rules load")));

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        claimcheck::fuzzing::values(&ENGINE, text);
    }
});
