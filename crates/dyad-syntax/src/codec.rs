//! The versioned binary container of the model files and a little-endian codec for their
//! contents.
//!
//! Layout: 8 magic bytes, format version (`u32`), payload hash (BLAKE3, 16 hex digits),
//! training-data description, payload length (`u64`), payload.
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Appends little-endian values to a buffer.
#[derive(Debug, Default)]
pub struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    /// An empty writer.
    pub fn new() -> Self {
        Writer::default()
    }

    /// The bytes written.
    pub fn into_bytes(self) -> Vec<u8> {
        self.buf
    }

    /// Writes a `u32`.
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// Writes a `u64`.
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// Writes an `f32`.
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// Writes a length-prefixed string.
    pub fn str(&mut self, s: &str) {
        self.u64(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// Writes a length-prefixed list of strings.
    pub fn strs<S: AsRef<str>>(&mut self, items: &[S]) {
        self.u64(items.len() as u64);
        for s in items {
            self.str(s.as_ref());
        }
    }

    /// Writes a length-prefixed list of `i8`.
    pub fn i8s(&mut self, items: &[i8]) {
        self.u64(items.len() as u64);
        self.buf.extend(items.iter().map(|v| v.to_le_bytes()[0]));
    }

    /// Writes a length-prefixed list of `u64`.
    pub fn u64s(&mut self, items: &[u64]) {
        self.u64(items.len() as u64);
        for v in items {
            self.u64(*v);
        }
    }

    /// Writes a length-prefixed list of `u32`.
    pub fn u32s(&mut self, items: &[u32]) {
        self.u64(items.len() as u64);
        for v in items {
            self.u32(*v);
        }
    }
}

/// Reads little-endian values; every read checks the remaining length.
#[derive(Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A reader over `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    fn take(&mut self, n: usize) -> std::result::Result<&'a [u8], String> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        match end {
            Some(end) => {
                let s = &self.bytes[self.pos..end];
                self.pos = end;
                Ok(s)
            }
            None => Err(format!(
                "needed {n} bytes at offset {}, file has {}",
                self.pos,
                self.bytes.len()
            )),
        }
    }

    /// Whether every byte has been read.
    pub fn is_at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    /// Reads a `u32`.
    pub fn u32(&mut self) -> std::result::Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// Reads a `u64`.
    pub fn u64(&mut self) -> std::result::Result<u64, String> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }

    /// Reads an `f32`.
    pub fn f32(&mut self) -> std::result::Result<f32, String> {
        Ok(f32::from_bits(self.u32()?))
    }

    fn len(&mut self, elem: usize) -> std::result::Result<usize, String> {
        let n = self.u64()?;
        let left = (self.bytes.len() - self.pos) as u64;
        if n.saturating_mul(elem as u64) > left {
            return Err(format!(
                "list of {n} items does not fit in the {left} bytes left"
            ));
        }
        Ok(n as usize)
    }

    /// Reads a length-prefixed string.
    pub fn str(&mut self) -> std::result::Result<String, String> {
        let n = self.len(1)?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| "string is not UTF-8".to_string())
    }

    /// Reads a length-prefixed list of strings.
    pub fn strs(&mut self) -> std::result::Result<Vec<String>, String> {
        let n = self.len(8)?;
        (0..n).map(|_| self.str()).collect()
    }

    /// Reads a length-prefixed list of `i8`.
    pub fn i8s(&mut self) -> std::result::Result<Vec<i8>, String> {
        let n = self.len(1)?;
        let b = self.take(n)?;
        Ok(b.iter().map(|v| i8::from_le_bytes([*v])).collect())
    }

    /// Reads a length-prefixed list of `u64`.
    pub fn u64s(&mut self) -> std::result::Result<Vec<u64>, String> {
        let n = self.len(8)?;
        (0..n).map(|_| self.u64()).collect()
    }

    /// Reads a length-prefixed list of `u32`.
    pub fn u32s(&mut self) -> std::result::Result<Vec<u32>, String> {
        let n = self.len(4)?;
        (0..n).map(|_| self.u32()).collect()
    }
}

/// What kind of model a file holds; fixes its magic bytes and rebuild command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelKind {
    /// The part-of-speech tagger and lemmatiser.
    Tagger,
    /// The dependency parser.
    Parser,
}

impl ModelKind {
    fn magic(self) -> &'static [u8; 8] {
        match self {
            ModelKind::Tagger => b"DYADTAG\x01",
            ModelKind::Parser => b"DYADPAR\x01",
        }
    }

    /// `tagger` or `parser`.
    pub fn name(self) -> &'static str {
        match self {
            ModelKind::Tagger => "tagger",
            ModelKind::Parser => "parser",
        }
    }

    /// The command that rebuilds this model.
    pub fn rebuild(self) -> &'static str {
        match self {
            ModelKind::Tagger => "dyad train tagger",
            ModelKind::Parser => "dyad train parser",
        }
    }
}

/// The format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 2;

/// The header information of a model file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelInfo {
    /// Hash of the payload (16 hex digits): the model version.
    pub hash: String,
    /// What the model was trained on.
    pub description: String,
}

/// Wraps a payload into a model file.
pub fn encode(kind: ModelKind, description: &str, payload: &[u8]) -> Vec<u8> {
    let mut w = Writer::new();
    w.buf.extend_from_slice(kind.magic());
    w.u32(FORMAT_VERSION);
    w.str(&blake3::hash(payload).to_hex()[..16]);
    w.str(description);
    w.u64(payload.len() as u64);
    let mut bytes = w.into_bytes();
    bytes.extend_from_slice(payload);
    bytes
}

/// Checks the header of a model file and returns its info and payload.
pub fn decode<'a>(kind: ModelKind, path: &Path, bytes: &'a [u8]) -> Result<(ModelInfo, &'a [u8])> {
    let path_buf = || PathBuf::from(path);
    if bytes.is_empty() {
        return Err(Error::MissingModel {
            path: path_buf(),
            rebuild: kind.rebuild(),
        });
    }
    if bytes.len() < 8 || &bytes[..8] != kind.magic() {
        return Err(Error::BadMagic {
            path: path_buf(),
            kind: kind.name(),
            rebuild: kind.rebuild(),
        });
    }
    let corrupt = |detail: String| Error::Corrupt {
        path: path_buf(),
        detail,
        rebuild: kind.rebuild(),
    };
    let mut r = Reader::new(&bytes[8..]);
    let version = r.u32().map_err(corrupt)?;
    if version != FORMAT_VERSION {
        return Err(Error::WrongVersion {
            path: path_buf(),
            found: version,
            expected: FORMAT_VERSION,
            rebuild: kind.rebuild(),
        });
    }
    let hash = r.str().map_err(corrupt)?;
    let description = r.str().map_err(corrupt)?;
    let len = r.u64().map_err(corrupt)?;
    let start = 8 + r.pos;
    let payload = &bytes[start..];
    if payload.len() as u64 != len {
        return Err(corrupt(format!(
            "payload has {} bytes, header says {len}",
            payload.len()
        )));
    }
    if blake3::hash(payload).to_hex()[..16] != hash {
        return Err(corrupt("payload hash does not match the header".into()));
    }
    Ok((ModelInfo { hash, description }, payload))
}

/// Reads a model file from disk, mapping a missing file to [`Error::MissingModel`].
pub fn read_file(kind: ModelKind, path: &Path) -> Result<Vec<u8>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Error::MissingModel {
            path: path.to_path_buf(),
            rebuild: kind.rebuild(),
        }),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Maps a payload decoding failure to [`Error::Corrupt`].
pub fn corrupt(kind: ModelKind, path: &Path) -> impl Fn(String) -> Error + '_ {
    move |detail| Error::Corrupt {
        path: path.to_path_buf(),
        detail,
        rebuild: kind.rebuild(),
    }
}
