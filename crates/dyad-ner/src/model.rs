//! The model file: a versioned, checksummed binary container.
//!
//! Layout (little-endian): magic `DYADNER\0`, format version (u32), a JSON header
//! ([`ModelInfo`]) as a length-prefixed blob, the lexicon (clusters, gazetteers), the weight
//! table, in version 3 the second stage's weight table ([`crate::second`]), and last the
//! 32-byte BLAKE3 hash of everything before it (truncation or damage is detected).

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::codec::{Reader, Writer};
use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use crate::weights::WeightTable;

/// The first bytes of every model file.
pub const MAGIC: &[u8; 8] = b"DYADNER\0";
/// The format version of a one-stage model.
pub const VERSION: u32 = 2;
/// The format version of a two-stage model (a second weight table after the first).
pub const VERSION_TWO_STAGES: u32 = 3;

/// What a model file says about itself.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ModelInfo {
    /// Format version.
    pub version: u32,
    /// The training data, one description per file.
    pub training_data: Vec<String>,
    /// The development file used to pick the number of epochs.
    pub dev_data: String,
    /// Epochs trained.
    pub epochs: usize,
    /// Entity F1 on the development file (CoNLL classes).
    pub dev_f1: f64,
    /// Number of weight rows kept.
    pub features: usize,
    /// Brown-clustered words and gazetteer entries embedded.
    pub lexicon_sizes: (usize, usize),
    /// Whether the model uses the features of runs of capitalised words (absent = no).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub capitalised_runs: bool,
}

/// A parsed model: header, lexicon, weights, and the hash of the file.
pub struct Model {
    /// The header.
    pub info: ModelInfo,
    /// Clusters and gazetteers.
    pub lexicon: Lexicon,
    /// The weights.
    pub weights: WeightTable,
    /// The second stage's weights, if the model has two stages.
    pub second: Option<WeightTable>,
    /// First 16 hex digits of the file's BLAKE3 hash.
    pub hash: String,
}

impl Model {
    /// Serialises the model to bytes.
    pub fn to_bytes(
        info: &ModelInfo,
        lexicon: &Lexicon,
        weights: &WeightTable,
        second: Option<&WeightTable>,
    ) -> Vec<u8> {
        let mut w = Writer::default();
        w.raw(MAGIC);
        w.u32(if second.is_some() {
            VERSION_TWO_STAGES
        } else {
            VERSION
        });
        let header = serde_json::to_vec(info).unwrap_or_default();
        w.blob(&header);
        lexicon.write(&mut w);
        weights.write(&mut w);
        if let Some(second) = second {
            second.write(&mut w);
        }
        let hash = blake3::hash(&w.bytes);
        w.raw(hash.as_bytes());
        w.bytes
    }

    /// Writes the model to `path`.
    pub fn save(
        path: &Path,
        info: &ModelInfo,
        lexicon: &Lexicon,
        weights: &WeightTable,
        second: Option<&WeightTable>,
    ) -> Result<()> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        std::fs::write(path, Model::to_bytes(info, lexicon, weights, second))
            .map_err(|e| Error::io(path, e))
    }

    /// Reads a model file.
    pub fn load(path: &Path) -> Result<Model> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::MissingModel {
                    path: path.to_path_buf(),
                })
            }
            Err(e) => return Err(Error::io(path, e)),
        };
        Model::from_bytes(&bytes, path)
    }

    /// Parses model bytes; `origin` names them in errors.
    pub fn from_bytes(bytes: &[u8], origin: &Path) -> Result<Model> {
        let bad = |reason: String| Error::BadModel {
            path: origin.to_path_buf(),
            reason,
        };
        if bytes.len() < MAGIC.len() + 4 || &bytes[..MAGIC.len()] != MAGIC {
            return Err(bad("not a dyad NER model file".into()));
        }
        let mut r = Reader::new(&bytes[MAGIC.len()..]);
        let version = r.u32().map_err(|_| bad("truncated".into()))?;
        if version != VERSION && version != VERSION_TWO_STAGES {
            return Err(bad(format!(
                "format version {version}, this build reads versions {VERSION} and {VERSION_TWO_STAGES}"
            )));
        }
        if bytes.len() < MAGIC.len() + 4 + 32 {
            return Err(bad("truncated".into()));
        }
        let (body, stored) = bytes.split_at(bytes.len() - 32);
        let hash = blake3::hash(body);
        if hash.as_bytes() != stored {
            return Err(bad("truncated or damaged: checksum mismatch".into()));
        }
        let mut r = Reader::new(&body[MAGIC.len() + 4..]);
        let truncated = |_| bad("truncated or damaged: contents inconsistent".into());
        let header = r.blob().map_err(truncated)?;
        let info: ModelInfo =
            serde_json::from_slice(header).map_err(|e| bad(format!("unreadable header: {e}")))?;
        let mut lexicon = Lexicon::read(&mut r).map_err(truncated)?;
        lexicon.capitalised_runs = info.capitalised_runs;
        let weights = WeightTable::read(&mut r).map_err(truncated)?;
        let second = if version == VERSION_TWO_STAGES {
            Some(WeightTable::read(&mut r).map_err(truncated)?)
        } else {
            None
        };
        Ok(Model {
            info,
            lexicon,
            weights,
            second,
            hash: hash.to_hex()[..16].to_string(),
        })
    }
}
