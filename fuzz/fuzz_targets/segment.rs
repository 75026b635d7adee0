//! Any text split into sentences: spans inside the text, on character
//! boundaries, in order, within the bound.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        claimcheck::fuzzing::segment(text);
    }
});
