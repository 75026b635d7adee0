//! The binary: parse the arguments, run, exit with the outcome's code.

mod app;

use clap::Parser;

/// mimalloc: reading a corpus allocates many small strings and vectors
/// on every thread, where it is markedly faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let cli = app::cli::Cli::parse();
    std::process::ExitCode::from(app::run(cli))
}
