//! The streaming reader over files, directories and standard input.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use crate::article::Origin;
use crate::decode::looks_binary;
use crate::error::ReadError;
use crate::event::{Diagnostic, ReadEvent};
use crate::format::Format;
use crate::jsonl::JsonlSource;
use crate::options::ReadOptions;
use crate::single::{read_article_bytes, read_bounded};
use crate::walk::{DirWalk, WalkItem};
use crate::warc::WarcSource;

/// The name standard input goes by in paths and diagnostics.
pub const STDIN_NAME: &str = "<stdin>";

/// Bytes of a stream looked at to tell its format.
const SNIFF_LEN: usize = 8192;

/// Buffer size for JSONL streams.
const JSONL_BUFFER: usize = 64 * 1024;

/// Read articles from `paths`: files, directories (walked recursively in sorted order) and
/// `-` for standard input.
///
/// The result is a lazy iterator: files are opened one at a time as it is advanced, JSONL is
/// read line by line, and no input is held in memory beyond one article. Bad inputs become
/// [`ReadEvent::Failure`]s and the iteration goes on with the next input.
///
/// ```no_run
/// use dyad_readers::{read_inputs, ReadEvent, ReadOptions};
/// for event in read_inputs(&["articles/".into()], &ReadOptions::default()) {
///     match event {
///         ReadEvent::Article(doc) => println!("{}: {} bytes", doc.id, doc.text.len()),
///         ReadEvent::Warning(d) | ReadEvent::Failure(d) => eprintln!("{d}"),
///     }
/// }
/// ```
pub fn read_inputs(paths: &[PathBuf], options: &ReadOptions) -> Inputs {
    Inputs {
        options: options.clone(),
        pending: paths.iter().cloned().collect(),
        walk: None,
        jsonl: None,
        warc: None,
        ready: VecDeque::new(),
        stdin: None,
    }
}

/// The iterator [`read_inputs`] returns: [`ReadEvent`]s in input order.
pub struct Inputs {
    options: ReadOptions,
    pending: VecDeque<PathBuf>,
    walk: Option<DirWalk>,
    jsonl: Option<JsonlSource>,
    warc: Option<WarcSource>,
    ready: VecDeque<ReadEvent>,
    stdin: Option<Box<dyn Read + Send>>,
}

impl Inputs {
    /// Read `-` from `reader` instead of the process's standard input (for tests and for
    /// callers that already hold the stream).
    pub fn with_stdin(mut self, reader: impl Read + Send + 'static) -> Self {
        self.stdin = Some(Box::new(reader));
        self
    }

    /// Advance the current source (JSONL stream, directory walk, then the next path),
    /// queueing its events; `false` when every input is done.
    fn advance(&mut self) -> bool {
        let mut out = Vec::new();
        if let Some(source) = &mut self.jsonl {
            if !source.read_next(&self.options, &mut out) {
                self.jsonl = None;
            }
        } else if let Some(source) = &mut self.warc {
            if !source.read_next(&self.options, &mut out) {
                self.warc = None;
            }
        } else if let Some(walk) = &mut self.walk {
            match walk.next() {
                Some(WalkItem::File(path, format)) => self.read_file(&path, Some(format), &mut out),
                Some(WalkItem::Failure(path, error)) => out.push(failure(&path, error)),
                None => {
                    if walk.found == 0 {
                        let root = walk.root().to_path_buf();
                        out.push(failure(&root, ReadError::NoArticles(root.clone())));
                    }
                    self.walk = None;
                }
            }
        } else if let Some(path) = self.pending.pop_front() {
            self.open(path, &mut out);
        } else {
            return false;
        }
        self.ready.extend(out);
        true
    }

    /// Start reading a path named by the caller.
    fn open(&mut self, path: PathBuf, out: &mut Vec<ReadEvent>) {
        if path.as_os_str() == "-" {
            return self.read_stdin(out);
        }
        match std::fs::metadata(&path) {
            Err(error) => out.push(failure(&path, ReadError::from_io(error))),
            Ok(metadata) if metadata.is_dir() => match DirWalk::new(path.clone()) {
                Ok(walk) => self.walk = Some(walk),
                Err(error) => out.push(failure(&path, error)),
            },
            // Other extensions named explicitly: read as text (or HTML) if they are text.
            Ok(_) => self.read_file(&path, Format::from_path(&path), out),
        }
    }

    /// Read one file: whole for text, HTML and feeds (after a size check), streaming for
    /// JSONL and WARC; `.gz` files are decompressed as they are read.
    fn read_file(&mut self, path: &Path, format: Option<Format>, out: &mut Vec<ReadEvent>) {
        let name = path.display().to_string();
        let file = match File::open(path) {
            Ok(file) => file,
            Err(error) => return out.push(failure(path, ReadError::from_io(error))),
        };
        let gzip = Format::is_gzip(path);
        let reader: Box<dyn Read + Send> = if gzip {
            Box::new(GzipReader(flate2::read::MultiGzDecoder::new(file)))
        } else {
            Box::new(file)
        };
        if matches!(format, Some(Format::Jsonl) | Some(Format::Warc)) {
            let mut reader = BufReader::with_capacity(JSONL_BUFFER, reader);
            match reader.fill_buf() {
                Ok(head) if format == Some(Format::Jsonl) && looks_binary(head) => {
                    out.push(failure(path, ReadError::Binary))
                }
                Ok(_) if format == Some(Format::Jsonl) => {
                    self.jsonl = Some(JsonlSource::new(Box::new(reader), name))
                }
                Ok(_) => self.warc = Some(WarcSource::new(Box::new(reader), name)),
                Err(error) => out.push(failure(path, ReadError::from_io(error))),
            }
            return;
        }
        let limit = self.options.max_article_bytes as u64;
        if !gzip {
            match std::fs::metadata(path) {
                Ok(metadata) if metadata.len() > limit => {
                    return out.push(failure(
                        path,
                        ReadError::TooLarge {
                            size: metadata.len(),
                            limit,
                        },
                    ));
                }
                Ok(_) => {}
                Err(error) => return out.push(failure(path, ReadError::from_io(error))),
            }
        }
        let origin = Origin { name, line: None };
        match read_bounded(reader, self.options.max_article_bytes) {
            Ok(bytes) => read_article_bytes(&bytes, format, &origin, &self.options, out),
            Err(error) => out.push(failure(path, error)),
        }
    }

    /// Read standard input, its format told by its first bytes.
    fn read_stdin(&mut self, out: &mut Vec<ReadEvent>) {
        let mut stdin: Box<dyn Read + Send> = match self.stdin.take() {
            Some(reader) => reader,
            None => Box::new(io::stdin()),
        };
        let mut prefix = Vec::with_capacity(SNIFF_LEN);
        let sniffed = (&mut stdin).take(SNIFF_LEN as u64).read_to_end(&mut prefix);
        if let Err(error) = sniffed {
            return out.push(failure(Path::new(STDIN_NAME), ReadError::from_io(error)));
        }
        let stream = Cursor::new(prefix.clone()).chain(stdin);
        let name = STDIN_NAME.to_string();
        if looks_binary(&prefix) {
            return out.push(failure(Path::new(STDIN_NAME), ReadError::Binary));
        }
        match Format::sniff(&prefix) {
            Format::Jsonl => {
                let reader = BufReader::with_capacity(JSONL_BUFFER, stream);
                self.jsonl = Some(JsonlSource::new(Box::new(reader), name));
            }
            Format::Warc => {
                let reader = BufReader::with_capacity(JSONL_BUFFER, stream);
                self.warc = Some(WarcSource::new(Box::new(reader), name));
            }
            format => match read_bounded(stream, self.options.max_article_bytes) {
                Ok(bytes) => {
                    let origin = Origin { name, line: None };
                    read_article_bytes(&bytes, Some(format), &origin, &self.options, out);
                }
                Err(error) => out.push(failure(Path::new(STDIN_NAME), error)),
            },
        }
    }
}

impl Iterator for Inputs {
    type Item = ReadEvent;

    fn next(&mut self) -> Option<ReadEvent> {
        loop {
            if let Some(event) = self.ready.pop_front() {
                return Some(event);
            }
            if !self.advance() {
                return None;
            }
        }
    }
}

/// A gzip stream whose decoding errors say that the gzip data is corrupt.
struct GzipReader<R>(flate2::read::MultiGzDecoder<R>);

impl<R: Read> Read for GzipReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(|error| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("corrupt gzip data: {error}"),
            )
        })
    }
}

/// A failure about a whole input.
fn failure(path: &Path, error: ReadError) -> ReadEvent {
    ReadEvent::Failure(Diagnostic::new(
        path.display().to_string(),
        error.to_string(),
    ))
}
