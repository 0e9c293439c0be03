//! JSONL inputs: one article object a line, read line by line in bounded memory.

use std::io::{self, BufRead};
use std::path::PathBuf;

use serde_json::{Map, Value};

use crate::article::{build_article, ArticleMeta, Origin};
use crate::decode::decode_utf8_or_legacy;
use crate::error::ReadError;
use crate::event::{Diagnostic, ReadEvent};
use crate::options::ReadOptions;

/// A JSONL stream being read.
pub(crate) struct JsonlSource {
    reader: Box<dyn BufRead + Send>,
    name: String,
    line: usize,
    articles: usize,
    buf: Vec<u8>,
}

/// One line read with a bound on its length.
enum Line {
    /// A whole line is in the buffer (without its newline).
    Complete,
    /// The line was longer than the bound; its `len` bytes were skipped.
    TooLong { len: u64 },
    /// End of input.
    End,
}

impl JsonlSource {
    pub fn new(reader: Box<dyn BufRead + Send>, name: String) -> Self {
        JsonlSource {
            reader,
            name,
            line: 0,
            articles: 0,
            buf: Vec::new(),
        }
    }

    /// Read lines until one yields events; `false` once the stream is exhausted.
    pub fn read_next(&mut self, options: &ReadOptions, out: &mut Vec<ReadEvent>) -> bool {
        loop {
            let before = out.len();
            let read =
                read_line_bounded(&mut self.reader, &mut self.buf, options.max_article_bytes);
            self.line += 1;
            match read {
                Ok(Line::End) => {
                    if self.articles == 0 {
                        let error = ReadError::NoArticles(PathBuf::from(&self.name));
                        out.push(ReadEvent::Failure(Diagnostic::new(
                            &self.name,
                            error.to_string(),
                        )));
                    }
                    return false;
                }
                Err(error) => {
                    let message = ReadError::Io(error).to_string();
                    out.push(ReadEvent::Failure(Diagnostic::at_line(
                        &self.name, self.line, message,
                    )));
                    return false;
                }
                Ok(Line::TooLong { len }) => {
                    self.articles += 1;
                    let error = ReadError::TooLarge {
                        size: len,
                        limit: options.max_article_bytes as u64,
                    };
                    out.push(ReadEvent::Failure(Diagnostic::at_line(
                        &self.name,
                        self.line,
                        error.to_string(),
                    )));
                }
                Ok(Line::Complete) => {
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    self.articles += 1;
                    let origin = Origin {
                        name: self.name.clone(),
                        line: Some(self.line),
                    };
                    read_object(&self.buf, &origin, options, out);
                }
            }
            if out.len() > before {
                return true;
            }
        }
    }
}

/// Read one line into `buf` (cleared first, newline and CR removed), skipping the rest of
/// a line longer than `max` bytes without keeping it in memory.
fn read_line_bounded(reader: &mut dyn BufRead, buf: &mut Vec<u8>, max: usize) -> io::Result<Line> {
    buf.clear();
    let mut len: u64 = 0;
    let mut too_long = false;
    let mut any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        any = true;
        let (chunk, found_newline) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..i], true),
            None => (available, false),
        };
        len += chunk.len() as u64;
        if !too_long && buf.len() + chunk.len() > max {
            too_long = true;
            buf.clear();
        }
        if !too_long {
            buf.extend_from_slice(chunk);
        }
        let used = chunk.len() + usize::from(found_newline);
        reader.consume(used);
        if found_newline {
            break;
        }
    }
    if !any {
        return Ok(Line::End);
    }
    if too_long {
        return Ok(Line::TooLong { len });
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Line::Complete)
}

/// Parse one JSONL line into an article (or a failure), with warnings.
fn read_object(bytes: &[u8], origin: &Origin, options: &ReadOptions, out: &mut Vec<ReadEvent>) {
    let decoded = decode_utf8_or_legacy(bytes);
    if let Some(warning) = decoded.warning {
        out.push(ReadEvent::Warning(origin.diagnostic(warning)));
    }
    let fail = |out: &mut Vec<ReadEvent>, error: ReadError| {
        out.push(ReadEvent::Failure(origin.diagnostic(error.to_string())));
    };
    let object = match serde_json::from_str::<Value>(&decoded.text) {
        Ok(Value::Object(object)) => object,
        Ok(_) => return fail(out, ReadError::NotAnObject),
        Err(error) => return fail(out, ReadError::Json(error)),
    };
    let text = match object.get("text") {
        Some(Value::String(text)) => text,
        None | Some(Value::Null) => return fail(out, ReadError::MissingText),
        Some(_) => {
            return fail(
                out,
                ReadError::FieldType {
                    field: "text",
                    expected: "a string",
                },
            )
        }
    };
    let mut field = |name: &'static str| string_field(&object, name, origin, out);
    let meta = ArticleMeta {
        id: field("id"),
        url: field("url"),
        title: field("title"),
        outlet: field("outlet"),
        published: field("published").or_else(|| field("date")),
    };
    build_article(text, meta, origin, options, out);
}

/// A string (or number) field; warns about and ignores other types.
fn string_field(
    object: &Map<String, Value>,
    name: &'static str,
    origin: &Origin,
    out: &mut Vec<ReadEvent>,
) -> Option<String> {
    match object.get(name)? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Null => None,
        _ => {
            let error = ReadError::FieldType {
                field: name,
                expected: "a string",
            };
            out.push(ReadEvent::Warning(
                origin.diagnostic(format!("{error}; ignored")),
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_lines() {
        let mut reader = io::BufReader::with_capacity(4, &b"short\r\nmuch too long line\nok"[..]);
        let mut buf = Vec::new();
        assert!(matches!(
            read_line_bounded(&mut reader, &mut buf, 8).unwrap(),
            Line::Complete
        ));
        assert_eq!(buf, b"short");
        assert!(matches!(
            read_line_bounded(&mut reader, &mut buf, 8).unwrap(),
            Line::TooLong { len: 18 }
        ));
        assert!(matches!(
            read_line_bounded(&mut reader, &mut buf, 8).unwrap(),
            Line::Complete
        ));
        assert_eq!(buf, b"ok");
        assert!(matches!(
            read_line_bounded(&mut reader, &mut buf, 8).unwrap(),
            Line::End
        ));
    }
}
