//! Training the tagger and the parser from CoNLL-U treebanks.
mod parser;
mod tagger;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::conllu::{read_conllu, TreebankSentence};
use crate::error::{Error, Result};

pub use parser::{train_parser, train_parser_with, ParserConfig};
pub use tagger::{train_tagger, train_tagger_with, TaggerConfig};

/// What a training run produced.
#[derive(Debug, Clone, Serialize)]
pub struct TrainReport {
    /// The model file written.
    pub model: PathBuf,
    /// Its size in bytes.
    pub model_bytes: usize,
    /// The model version hash.
    pub model_hash: String,
    /// The training-data description stored in the model.
    pub description: String,
    /// Training sentences used.
    pub sentences: usize,
    /// Dev-set scores of the written model (name, fraction).
    pub dev_scores: Vec<(String, f64)>,
    /// Wall-clock seconds.
    pub seconds: f64,
}

/// Reads and concatenates treebanks.
fn read_all(paths: &[PathBuf]) -> Result<Vec<TreebankSentence>> {
    let mut out = Vec::new();
    for p in paths {
        out.extend(read_conllu(p)?);
    }
    if out.is_empty() {
        return Err(Error::NoData(format!("no sentences in {paths:?}")));
    }
    Ok(out)
}

/// The training files plus, with `with_dev`, the dev file beside each (`…-train.conllu` →
/// `…-dev.conllu`).
fn training_files(train: &[PathBuf], with_dev: bool) -> Result<Vec<PathBuf>> {
    let mut files = train.to_vec();
    if with_dev {
        for p in train {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            let dev = name
                .filter(|n| n.contains("-train."))
                .map(|n| p.with_file_name(n.replacen("-train.", "-dev.", 1)))
                .filter(|d| d.is_file())
                .ok_or_else(|| Error::NoData(format!("no dev file beside {}", p.display())))?;
            files.push(dev);
        }
    }
    Ok(files)
}

/// A description of the training files: names and content hashes.
fn describe(paths: &[PathBuf], extra: &str) -> Result<String> {
    let mut parts = Vec::new();
    for p in paths {
        let bytes = std::fs::read(p).map_err(|e| Error::io(p, e))?;
        let name = p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        parts.push(format!("{name} ({})", &blake3::hash(&bytes).to_hex()[..16]));
    }
    Ok(format!("trained on {}; {extra}", parts.join(", ")))
}

/// Writes a model file, creating its folder.
fn write_model(out: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    std::fs::write(out, bytes).map_err(|e| Error::io(out, e))
}
