//! `dyad`: turn news articles into auditable political event data.
//!
//! Exit status: 0 when every input was analysed, 1 when some inputs failed (each reported on
//! stderr with its path and line), 2 for usage errors.
#![allow(clippy::print_stderr)]

mod args;
mod commands;
mod output;
mod progress;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = args::Cli::parse();
    init_tracing(args.verbose, args.quiet);
    match commands::run(args) {
        Ok(status) => status.into(),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("dyad: error: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn init_tracing(verbose: u8, quiet: bool) {
    let level = match (quiet, verbose) {
        (true, _) => "error",
        (false, 0) => "warn",
        (false, 1) => "info",
        (false, _) => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("DYAD_LOG")
        // html5ever logs parse oddities of real pages ("foster parenting not implemented")
        // as warnings; they are not the user's concern.
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(format!("{level},html5ever=error")));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
