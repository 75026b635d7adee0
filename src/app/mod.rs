//! Everything of the binary that is not argument parsing: finding the
//! config, running a command, writing to stdout and stderr, and the exit
//! code. The library below it never prints.

mod changed;
pub mod cli;
mod commands;
mod progress;

use std::fmt;
use std::io::Write;

use claimcheck::archive::ArchiveError;
use claimcheck::report::terminal::escape;
use claimcheck::{Config, InputError, InputWarning, RuleData, SetupError};

/// Exit codes: nothing to report, findings at or above `--fail-on`, and
/// usage or input errors.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// Why a command could not run at all.
pub enum Failure {
    /// The rules or the config are broken.
    Setup(SetupError),
    /// The command line asks for something impossible.
    Usage(String),
    /// The archive cannot be opened, read or written.
    Archive(ArchiveError),
}

impl From<ArchiveError> for Failure {
    fn from(e: ArchiveError) -> Self {
        Failure::Archive(e)
    }
}

impl From<SetupError> for Failure {
    fn from(e: SetupError) -> Self {
        Failure::Setup(e)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Setup(e) => write!(f, "{e}"),
            Failure::Usage(m) => write!(f, "{m}"),
            Failure::Archive(e) => write!(f, "{e}"),
        }
    }
}

/// Runs the command; returns the exit code. Errors about single inputs are
/// printed and the remaining inputs still checked.
pub fn run(cli: cli::Cli) -> u8 {
    match commands::execute(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("claimcheck: error: {}", escape(&e.to_string()));
            EXIT_ERROR
        }
    }
}

/// The project's config and the rules it selects, with `--rules` added.
fn setup(config_flag: Option<&str>, extra_rules: &[String]) -> Result<(Config, RuleData), Failure> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let config = Config::find(config_flag, &cwd)?;
    let dirs: Vec<String> = config.rules.iter().chain(extra_rules).cloned().collect();
    let mut rules = RuleData::load(&dirs)?;
    config.apply(&mut rules)?;
    Ok((config, rules))
}

/// Prints input errors to stderr; Some(exit code) when there were any.
/// Paths and ids are the user's and the articles': escaped, never raw.
fn report_errors(errors: &[InputError]) -> Option<u8> {
    for e in errors {
        eprintln!("claimcheck: error: {}", escape(&e.to_string()));
    }
    (!errors.is_empty()).then_some(EXIT_ERROR)
}

/// Prints what was read past or not read to stderr; the exit code stays.
fn report_warnings(warnings: &[InputWarning]) {
    for w in warnings {
        eprintln!("claimcheck: warning: {}", escape(&w.to_string()));
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn emit(s: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes()).and_then(|_| out.flush());
}
