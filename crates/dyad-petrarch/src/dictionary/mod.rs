//! PETRARCH/TABARI dictionaries: verbs, actors, agents and discards.

pub mod actors;
pub mod agents;
pub mod discards;
pub mod text;
pub mod verbs;

use std::path::{Path, PathBuf};

pub use actors::{Actor, DatedCode, Restriction};
pub use agents::{Agent, AgentCode};
pub use discards::Discard;
pub use verbs::{Code, Elem, Pattern, Step, Verbs};

use crate::Error;

/// All the dictionaries a coder uses.
#[derive(Debug, Clone, Default)]
pub struct Dictionaries {
    /// Verbs, synsets and patterns.
    pub verbs: Verbs,
    /// Actors (from every actor file).
    pub actors: Vec<Actor>,
    /// Agents.
    pub agents: Vec<Agent>,
    /// Discard phrases.
    pub discards: Vec<Discard>,
    /// The files read, for reports.
    pub files: Vec<PathBuf>,
}

/// What a dictionary file holds, guessed from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `*verbs*`, or PETRARCH-2's `CAMEO*`.
    Verbs,
    /// `*actors*`.
    Actors,
    /// `*agents*`.
    Agents,
    /// `*discards*`.
    Discards,
}

/// The kind of a dictionary file from its name (`PETR.Validate.verbs.txt` and PETRARCH-2's
/// `CAMEO.2.0.txt` → verbs).
pub fn kind_of(path: &Path) -> Option<Kind> {
    let name = path.file_name()?.to_str()?.to_lowercase();
    if !name.ends_with(".txt") {
        return None;
    }
    // PETRARCH-2 names its verbs file after the codebook (`CAMEO.2.0.txt`).
    if name.contains("verbs") || name.starts_with("cameo") {
        Some(Kind::Verbs)
    } else if name.contains("actors") {
        Some(Kind::Actors)
    } else if name.contains("agents") {
        Some(Kind::Agents)
    } else if name.contains("discards") {
        Some(Kind::Discards)
    } else {
        None
    }
}

fn read(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|cause| Error::Io {
        path: path.to_path_buf(),
        cause,
    })?;
    // Some dictionaries are Latin-1: keep every byte as a character.
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
    })
}

impl Dictionaries {
    /// Loads the named files (each file's kind from its name; see [`kind_of`]).
    pub fn from_files(files: &[PathBuf]) -> Result<Self, Error> {
        let mut d = Dictionaries::default();
        for path in files {
            let Some(kind) = kind_of(path) else {
                return Err(Error::UnknownDictionary(path.clone()));
            };
            let text = read(path)?;
            match kind {
                Kind::Verbs => {
                    if !d.verbs.blocks.is_empty() {
                        return Err(Error::TwoVerbFiles(path.clone()));
                    }
                    d.verbs = verbs::parse_verbs(&text);
                }
                Kind::Actors => d.actors.extend(actors::parse_actors(&text)),
                Kind::Agents => d.agents.extend(agents::parse_agents(&text)),
                Kind::Discards => d.discards.extend(discards::parse_discards(&text)),
            }
            d.files.push(path.clone());
        }
        if d.verbs.blocks.is_empty() {
            return Err(Error::NoVerbs(
                files
                    .first()
                    .and_then(|p| p.parent())
                    .map(Path::to_path_buf)
                    .unwrap_or_default(),
            ));
        }
        Ok(d)
    }

    /// Loads every `*verbs*.txt`, `*actors*.txt`, `*agents*.txt` and `*discards*.txt` file
    /// directly inside `dir` (one verbs file).
    pub fn from_dir(dir: &Path) -> Result<Self, Error> {
        let entries = std::fs::read_dir(dir).map_err(|cause| Error::Io {
            path: dir.to_path_buf(),
            cause,
        })?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && kind_of(p).is_some())
            .collect();
        files.sort();
        if !files.iter().any(|p| kind_of(p) == Some(Kind::Verbs)) {
            return Err(Error::NoVerbs(dir.to_path_buf()));
        }
        Self::from_files(&files)
    }
}
