//! `dyad code`: analyse articles and print their records.

use std::cell::Cell;
use std::io::Write;

use anyhow::Result;

use super::{documents, pipeline, Status};
use crate::args::CodeArgs;
use crate::output::RecordWriter;

pub fn run(args: CodeArgs) -> Result<Status> {
    let pipeline = pipeline(&args.input)?;
    let failures = Cell::new(0);
    let stdout = std::io::stdout();
    let mut writer = RecordWriter::new(stdout.lock(), args.format, pipeline.info());
    for doc in documents(&args.input, &failures) {
        let analysis = pipeline.analyze(doc);
        writer.write(&analysis)?;
    }
    writer.finish()?.flush()?;
    Ok(if failures.get() > 0 {
        Status::SomeFailed
    } else {
        Status::Success
    })
}
