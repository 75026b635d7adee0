//! Command-line arguments; parsing only, no work.

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "claimcheck",
    version,
    about = "Reads news articles and reports where they contradict each other"
)]
pub struct Cli {
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
        /// Exit 1 when a finding at or above this severity is reported.
        #[arg(long, value_enum, default_value_t = FailOn::Error)]
        fail_on: FailOn,
    },
    /// Lists the rules.
    Rules {
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<String>,
    },
    /// Prints one rule's documentation.
    Explain {
        rule: String,
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<String>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ClaimsFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}
