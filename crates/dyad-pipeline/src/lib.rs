//! The dyad pipeline: the stages, in order, over one article.
//!
//! [`Pipeline::standard`] builds segmentation → time expressions → tagging and parsing →
//! named entities → quotes → event coding → tone and contexts → places (toponyms resolved,
//! events located); [`Pipeline::analyze`] runs them over a
//! [`Document`] and returns the finished [`Analysis`], the record of `CONTRACT.md`.
//!
//! ```
//! use dyad_pipeline::{Pipeline, PipelineOptions};
//! use dyad_types::Document;
//! let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
//! let analysis = pipeline.analyze(Document::from_text("Venezuela closed its airspace."));
//! assert_eq!(analysis.sentences.len(), 1);
//! ```
#![warn(missing_docs)]

pub mod ingest;
pub mod plover_eval;

use std::path::PathBuf;

use dyad_types::{Analysis, Document, Stage};
use serde::Serialize;

/// Errors building a pipeline.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The user's lexicon folder could not be loaded.
    #[error(transparent)]
    Coder(#[from] dyad_coder::Error),
    /// The tagger or parser model could not be loaded.
    #[error(transparent)]
    Syntax(#[from] dyad_syntax::Error),
    /// The named-entity model could not be loaded.
    #[error(transparent)]
    Ner(#[from] dyad_ner::Error),
}

/// Result with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// Settings of the standard pipeline.
#[derive(Debug, Clone, Default)]
pub struct PipelineOptions {
    /// A folder of user lexicon and dictionary files extending the embedded ones.
    pub lexicon_dir: Option<PathBuf>,
}

/// The stages and versions that produced a record, for reproducibility.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PipelineInfo {
    /// dyad's version.
    pub dyad: String,
    /// Each stage's name and version, in order.
    pub stages: Vec<String>,
}

/// An ordered list of stages.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    /// The standard pipeline.
    pub fn standard(options: &PipelineOptions) -> Result<Pipeline> {
        let coder = match &options.lexicon_dir {
            Some(dir) => dyad_coder::EventCoder::with_user_dir(dir)?,
            None => dyad_coder::EventCoder::new(),
        };
        let stages: Vec<Box<dyn Stage>> = vec![
            Box::new(dyad_segment::Segmenter::new()),
            Box::new(dyad_time::TimeStage::new()),
            Box::new(dyad_syntax::SyntaxStage::embedded()?),
            Box::new(dyad_ner::NerStage::embedded()?),
            Box::new(dyad_quotes::QuoteStage::new()),
            Box::new(coder),
            Box::new(dyad_tone::ToneStage::new()),
            Box::new(dyad_geo::GeoStage::embedded()),
        ];
        Ok(Pipeline { stages })
    }

    /// The standard pipeline without its last stage (places): what `dyad code` ran before
    /// events were located, for measuring what the geo stage costs.
    pub fn without_places(options: &PipelineOptions) -> Result<Pipeline> {
        let mut p = Pipeline::standard(options)?;
        p.stages.pop();
        Ok(p)
    }

    /// The stages place names need: segmentation, tagging and parsing, named entities
    /// (what `dyad geo` runs before [`dyad_geo::GeoStage::toponyms`]).
    pub fn places() -> Result<Pipeline> {
        let stages: Vec<Box<dyn Stage>> = vec![
            Box::new(dyad_segment::Segmenter::new()),
            Box::new(dyad_syntax::SyntaxStage::embedded()?),
            Box::new(dyad_ner::NerStage::embedded()?),
        ];
        Ok(Pipeline { stages })
    }

    /// A pipeline of the given stages.
    pub fn from_stages(stages: Vec<Box<dyn Stage>>) -> Pipeline {
        Pipeline { stages }
    }

    /// Runs every stage over `doc`.
    pub fn analyze(&self, doc: Document) -> Analysis {
        let mut analysis = Analysis::new(doc);
        for stage in &self.stages {
            stage.process(&mut analysis);
        }
        analysis
    }

    /// The stages and versions of this pipeline.
    pub fn info(&self) -> PipelineInfo {
        PipelineInfo {
            dyad: env!("CARGO_PKG_VERSION").to_string(),
            stages: self.stages.iter().map(|s| s.name().to_string()).collect(),
        }
    }
}

/// The JSON record of an analysis, as `dyad code --format json` prints it (one line per
/// article) and the Python package returns it: the analysis's fields (`doc`, `sentences`,
/// `entities`, `timexes`, `quotes`, `events`) and `pipeline`, the stages that produced it.
///
/// ```
/// use dyad_pipeline::{record, Pipeline, PipelineOptions};
/// use dyad_types::Document;
/// let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
/// let analysis = pipeline.analyze(Document::from_text("Venezuela closed its airspace."));
/// let record = record(&analysis, &pipeline.info()).unwrap();
/// assert_eq!(record["doc"]["text"], "Venezuela closed its airspace.");
/// assert_eq!(record["pipeline"]["stages"].as_array().unwrap().len(), 8);
/// ```
pub fn record(
    analysis: &Analysis,
    info: &PipelineInfo,
) -> std::result::Result<serde_json::Value, serde_json::Error> {
    let mut record = serde_json::to_value(analysis)?;
    record["pipeline"] = serde_json::to_value(info)?;
    Ok(record)
}
