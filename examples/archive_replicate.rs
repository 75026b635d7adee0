//! Grows an archive for the benchmark (scripts/bench-archive.sh): reads a
//! corpus once through the library and stores its documents and claims
//! again under new paths, `copies` times, as if that many feeds had carried
//! the same stories.
//!
//!     cargo run --release --example archive_replicate -- CORPUS TARGET COPIES

use std::collections::HashMap;

use claimcheck::archive::{self, Mode};
use claimcheck::{analyze, Engine, Inputs, Quiet, RuleData};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [corpus, target, copies] = args.as_slice() else {
        return Err("usage: archive_replicate CORPUS TARGET COPIES".into());
    };
    let copies: usize = copies.parse()?;
    let engine = Engine::new(RuleData::load(&[])?);
    let outcome = analyze(&engine, &Inputs::of(&[corpus.as_str()]), &Quiet);
    let entries = archive::entries_of(&outcome, &HashMap::new());
    let name = std::path::Path::new(corpus)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut store = archive::open(target, Mode::Write)?;
    let mut claims = 0;
    for copy in 1..=copies {
        let path = format!("replica-{copy:03}/{name}");
        for batch in entries.chunks(1000) {
            let renamed: Vec<archive::Entry> = batch
                .iter()
                .map(|e| {
                    let mut e = e.clone();
                    e.doc.path = path.clone();
                    e
                })
                .collect();
            store.put(&renamed)?;
            claims += renamed.iter().map(|e| e.claims.len()).sum::<usize>();
        }
        eprintln!(
            "{}: copy {copy} of {copies} stored ({claims} claims)",
            store.target()
        );
    }
    Ok(())
}
