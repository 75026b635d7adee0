//! claimcheck reads news articles and reports where they contradict each
//! other. This library does all of the reading and checking and returns
//! values and typed errors; it never prints, reads no arguments and no
//! environment. The binary (`src/main.rs`, `src/app/`) owns the command
//! line, the terminal, git and the exit codes.
//!
//! The data flow, one module per stage:
//! ingest → segment → values → entities → document → claims → link →
//! checks → (suppress) → report; `pipeline` runs it, `revision` compares
//! two runs; `archive` stores documents and claims for later checks.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod archive;
mod calendar;
mod checks;
mod claims;
mod config;
mod document;
mod entities;
mod error;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub mod grammar;
mod ingest;
mod link;
pub mod model;
mod paths;
mod pipeline;
pub mod report;
mod revision;
mod rules;
mod segment;
mod source;
mod spans;
mod suppress;
mod values;

pub use calendar::parse_iso_date;
pub use checks::Finding;
pub use claims::Claim;
pub use config::{parse_size, Config};
pub use document::{Analyzed, Sentence};
pub use error::{InputError, InputWarning, SetupError, Warning};
pub use ingest::{Document, Format, PublishedFrom};
pub use pipeline::{
    analyze, analyze_documents, check, read, Checked, Engine, Inputs, Outcome, Progress, Quiet,
};
pub use revision::{compare, RevisionDiff, Side};
pub use rules::{CheckDef, CheckDocs, RuleData};
pub use values::{ValueKind, ValueReader};
