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

/// mimalloc: the analysis makes many small short-lived allocations (token strings, feature
/// vectors), which it serves about a tenth faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = args::Cli::parse();
    init_tracing(args.verbose, args.quiet);
    match commands::run(args) {
        Ok(status) => status.into(),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("dyad: error: {}", error_line(&err));
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

/// The error and its causes on one line, `: `-separated. A cause whose text its parent's
/// message already ends with (an error that shows its source and also reports it as its
/// source) is written once.
fn error_line(err: &anyhow::Error) -> String {
    let mut line = String::new();
    let mut parent = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if !parent.is_empty() && parent.ends_with(&text) {
            parent = text;
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
        parent = text;
    }
    line
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::error_line;

    /// An error that shows its source in its message and also reports it as its source.
    #[derive(Debug)]
    struct ShowsItsSource {
        source: std::io::Error,
    }

    impl std::fmt::Display for ShowsItsSource {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "cannot read a.txt: {}", self.source)
        }
    }

    impl std::error::Error for ShowsItsSource {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.source)
        }
    }

    #[test]
    fn a_cause_the_message_already_shows_is_written_once() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        let err = anyhow::Error::new(ShowsItsSource { source: io }).context("cannot evaluate");
        assert_eq!(
            error_line(&err),
            "cannot evaluate: cannot read a.txt: no such file"
        );
    }

    #[test]
    fn causes_not_shown_by_their_parent_are_all_written() {
        let err = anyhow::anyhow!("disk full")
            .context("cannot write b.db")
            .context("cannot ingest");
        assert_eq!(
            error_line(&err),
            "cannot ingest: cannot write b.db: disk full"
        );
    }
}
