//! The binary: parse the arguments, run, exit with the outcome's code.

mod app;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = app::cli::Cli::parse();
    std::process::ExitCode::from(app::run(cli))
}
