use serde::{Deserialize, Serialize};

/// A participant in an event (source or target) or a speaker, resolved as far as the
/// dictionaries and the document allow. Unknown actors keep their text with `code: None`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Actor {
    /// Byte offset of the mention.
    pub start: usize,
    /// Byte offset one past the mention.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// Canonical name when known ("Nicolás Maduro" for "Maduro" or "he").
    pub name: Option<String>,
    /// CAMEO actor code (`USAGOV`, `VENGOV`, `VENCRM`…), `None` when unresolved.
    pub code: Option<String>,
    /// ISO 3166-1 alpha-3 country code.
    pub country: Option<String>,
    /// CAMEO sector codes (`GOV`, `MIL`, `LEG`, `CRM`…), or a religion code for the
    /// followers of a faith (see [`RELIGIONS`]).
    pub roles: Vec<String>,
    /// For someone the text calls former ("former minister Clare Short"): the code and
    /// roles of the office they left, which is what they held when they resigned it. Not
    /// part of the record.
    #[serde(skip)]
    pub office_left: Option<(String, Vec<String>)>,
}

/// CAMEO's role code of a country's elites: former officials, among others.
pub const ELITES: &str = "ELI";

impl Actor {
    /// Whether the actor is coded as one of the elites (a former office holder) and nothing
    /// else.
    pub fn is_elite(&self) -> bool {
        self.roles == [ELITES]
    }

    /// Codes the actor as holder of the office the text says they left, if it says so: who
    /// resigned ("Former minister Clare Short, who resigned from the government") did so
    /// from that office, not as one of the elites they became. Only while the actor is
    /// still coded as one of the elites: a code resolved since (a dated office, another
    /// mention) stands.
    pub fn return_to_office_left(&mut self) {
        if !self.is_elite() {
            return;
        }
        if let Some((code, roles)) = self.office_left.take() {
            self.code = Some(code);
            self.roles = roles;
        }
    }
}

/// CAMEO's religion codes that may stand among an actor's roles: the followers of a faith
/// ("Muslims" → `MOS`, "British Sikhs" → `GBRSIK`). Catholic and Protestant are
/// denominations of `CHR`.
pub const RELIGIONS: &[&str] = &["MOS", "CHR", "CTH", "PRO", "JEW", "HIN", "SIK", "BUD"];
