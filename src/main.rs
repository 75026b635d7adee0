//! The binary: parse arguments, run, exit with the library's code.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = claimcheck::cli::Cli::parse();
    std::process::ExitCode::from(claimcheck::run(cli))
}
