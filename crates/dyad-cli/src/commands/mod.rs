//! One file per command; [`run`] dispatches.
#![allow(clippy::print_stderr)]

mod code;
mod eval;
mod export;
mod extract;
mod geo;
mod ingest;
mod publish;
mod query;
mod serve;
mod show;
mod status;
mod timex;
mod train;
mod trend;
mod worker;

use std::process::ExitCode;

use anyhow::{Context, Result};
use dyad_pipeline::{Pipeline, PipelineOptions};
use dyad_readers::{read_inputs, Diagnostic, ReadEvent, ReadOptions};
use dyad_types::Document;

use crate::args::{Cli, Command, InputArgs};

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything was analysed.
    Success,
    /// Some inputs failed; each was reported.
    SomeFailed,
    /// Interrupted by Ctrl-C after committing what was done.
    Interrupted,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        match status {
            Status::Success => ExitCode::SUCCESS,
            Status::SomeFailed => ExitCode::from(1),
            Status::Interrupted => ExitCode::from(130),
        }
    }
}

/// Runs the command.
pub fn run(cli: Cli) -> Result<Status> {
    match cli.command {
        Command::Code(args) => code::run(args),
        Command::Ingest(args) => ingest::run(args, cli.quiet),
        Command::Query(args) => query::run(args),
        Command::Export(args) => export::run(args),
        Command::Show(args) => show::run(args),
        Command::Trend(args) => trend::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Train(args) => train::run(args),
        Command::Timex(args) => timex::run(args),
        Command::Geo(args) => geo::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Publish(args) => publish::run(args, cli.quiet),
        Command::Worker(args) => worker::run(args, cli.quiet),
        Command::Status(args) => status::run(args),
    }
}

/// The standard pipeline with the user's lexicon folder, if any.
fn pipeline(input: &InputArgs) -> Result<Pipeline> {
    let options = PipelineOptions {
        lexicon_dir: input.lexicon.clone(),
    };
    Pipeline::standard(&options).context("cannot set up the analysis pipeline")
}

/// Articles from the inputs; warnings and failures are reported on stderr as they come and
/// counted in `failures`.
fn documents<'a>(
    input: &InputArgs,
    failures: &'a std::cell::Cell<usize>,
) -> impl Iterator<Item = Document> + 'a {
    let options = ReadOptions {
        default_date: input.date.clone(),
        max_article_bytes: input.max_article_mb.saturating_mul(1024 * 1024),
        ..ReadOptions::default()
    };
    read_inputs(&input.paths, &options).filter_map(move |event| match event {
        ReadEvent::Article(doc) => Some(doc),
        ReadEvent::Warning(d) => {
            report("warning", &d);
            None
        }
        ReadEvent::Failure(d) => {
            report("error", &d);
            failures.set(failures.get() + 1);
            None
        }
    })
}

fn report(level: &str, diagnostic: &Diagnostic) {
    eprintln!("dyad: {level}: {diagnostic}");
}
