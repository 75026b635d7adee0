//! Any bytes read as a .markdown file: decoding, the format's parser, positions,
//! publication date and suppressions must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimcheck::fuzzing::ingest(claimcheck::Format::Markdown, data);
});
