//! Command-line arguments as clap reads them ("low" settings); `settings`
//! turns them into the library's validated types before any work starts.

use std::collections::HashMap;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use claimcheck::model::Severity;
use claimcheck::{parse_iso_date, parse_size, Config, Inputs as Read};

#[derive(Debug, Parser)]
#[command(
    name = "claimcheck",
    version,
    about = "Reads news articles and reports where they contradict each other"
)]
pub struct Cli {
    /// Settings file; default: the nearest claimcheck.toml at or above the
    /// working directory.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<String>,
    /// Never draw a progress bar (it is drawn only on a terminal, and only
    /// for runs that take over a second).
    #[arg(long, global = true)]
    pub no_progress: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, clap::Args)]
pub struct Inputs {
    /// Files or directories to read (directories recursively, respecting
    /// .gitignore); `-` reads stdin.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Sets a document's publication date: PATH=YYYY-MM-DD. Repeatable.
    #[arg(long = "published", value_name = "PATH=DATE")]
    pub published: Vec<String>,
    /// Extra rule directories (TOML files) added to the built-in rules.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<String>,
    /// Refuses files larger than this (bytes, or 50MB, 2MiB ...)
    /// [default: the config's max-file-size, else 50MB].
    #[arg(long, value_name = "SIZE")]
    pub max_file_size: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Prints every document's publication date, entities, sentences and values.
    Claims {
        #[command(flatten)]
        inputs: Inputs,
        #[arg(long, value_enum, default_value_t = ClaimsFormat::Text)]
        format: ClaimsFormat,
    },
    /// Reports where the documents contradict each other.
    Check {
        #[command(flatten)]
        inputs: Inputs,
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Exit 1 when a finding at or above this severity is reported
        /// [default: the config's fail-on, else error].
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
        /// Keeps only findings with evidence on lines changed since this git
        /// revision (committed, staged or not).
        #[arg(long, value_name = "REV")]
        changed_since: Option<String>,
        /// Also checks against everything stored in this archive (a SQLite
        /// file, or a postgres:// URL).
        #[arg(long, value_name = "TARGET")]
        archive: Option<String>,
    },
    /// Stores articles and their claims in an archive, for `check --archive`.
    /// A file whose content is unchanged since it was indexed is skipped.
    Index {
        /// Files or directories to index; with --remove, paths as stored.
        #[arg(required = true)]
        paths: Vec<String>,
        /// The archive: a SQLite file (created if missing) or a
        /// postgres:// URL.
        #[arg(long, value_name = "TARGET", required = true)]
        archive: String,
        /// Removes the documents stored under these paths instead.
        #[arg(long)]
        remove: bool,
        /// Sets a document's publication date: PATH=YYYY-MM-DD. Repeatable.
        #[arg(long = "published", value_name = "PATH=DATE")]
        published: Vec<String>,
        /// Extra rule directories (TOML files) added to the built-in rules.
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<String>,
        /// Refuses files larger than this (bytes, or 50MB, 2MiB ...)
        /// [default: the config's max-file-size, else 50MB].
        #[arg(long, value_name = "SIZE")]
        max_file_size: Option<String>,
    },
    /// Tells what an archive holds.
    Archive {
        #[command(subcommand)]
        command: ArchiveCommand,
    },
    /// Compares two revisions of an article: claims changed, added and
    /// removed, and the findings the new revision introduces or resolves
    /// against the other documents given.
    Diff {
        old: String,
        new: String,
        /// Other documents to check both revisions against.
        #[arg(long, value_name = "PATH", num_args = 1..)]
        against: Vec<String>,
        /// Also checks both revisions against this archive.
        #[arg(long, value_name = "TARGET")]
        archive: Option<String>,
        #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
        format: DiffFormat,
        /// Sets a document's publication date: PATH=YYYY-MM-DD. Repeatable.
        #[arg(long = "published", value_name = "PATH=DATE")]
        published: Vec<String>,
        /// Extra rule directories (TOML files) added to the built-in rules.
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<String>,
        /// Refuses files larger than this (bytes, or 50MB, 2MiB ...).
        #[arg(long, value_name = "SIZE")]
        max_file_size: Option<String>,
    },
    /// Prints each sentence's tokens, tags, lemmas, heads and relations:
    /// what the claims are read from.
    Parse {
        #[command(flatten)]
        inputs: Inputs,
        #[arg(long, value_enum, default_value_t = ParseFormat::Conllu)]
        format: ParseFormat,
    },
    /// Lists the rules.
    Rules {
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<String>,
        /// Prints the full rule reference as Markdown (docs/rules.md).
        #[arg(long)]
        markdown: bool,
    },
    /// Prints one rule's documentation.
    Explain {
        rule: String,
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ArchiveCommand {
    /// Counts the documents, claims and keys stored, and the dates published.
    Stats {
        #[arg(long, value_name = "TARGET", required = true)]
        archive: String,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ClaimsFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// rustc-style diagnostics with the sentences quoted.
    Human,
    /// The JSON report of DESIGN.md.
    Json,
    /// One finding per line, as JSON.
    Jsonl,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the diff).
    Github,
    /// One self-contained HTML page.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParseFormat {
    /// CoNLL-U, the treebanks' format.
    Conllu,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    pub fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

impl Inputs {
    /// What the library is to read, with every `--published` flag checked
    /// and the size limit from the flag, else the config, else the default.
    pub fn settings(&self, config: &Config) -> Result<Read, String> {
        let max_file_size = match &self.max_file_size {
            Some(s) => parse_size(s).map_err(|e| format!("--max-file-size: {e}"))?,
            None => config
                .max_file_size
                .unwrap_or(Read::default().max_file_size),
        };
        Ok(Read {
            paths: self.paths.clone(),
            published: published_dates(&self.published)?,
            max_file_size,
        })
    }
}

/// `--published PATH=YYYY-MM-DD` flags as a map from path to date.
pub fn published_dates(flags: &[String]) -> Result<HashMap<String, NaiveDate>, String> {
    flags
        .iter()
        .map(|f| {
            let (path, date) = f
                .rsplit_once('=')
                .ok_or_else(|| format!("--published expects PATH=YYYY-MM-DD, got '{f}'"))?;
            let date = parse_iso_date(date)
                .ok_or_else(|| format!("--published: '{date}' is not a YYYY-MM-DD date"))?;
            Ok((path.to_string(), date))
        })
        .collect()
}
