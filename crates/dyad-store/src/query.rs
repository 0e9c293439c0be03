//! [`EventQuery`]: which events a [`Store::query`](crate::Store::query) returns.

use dyad_types::Mode;
use serde::{Deserialize, Serialize};

/// A filter over stored events. Every field narrows the result; the default matches
/// everything. Empty strings count as absent.
///
/// An *actor* filter (`actor`, `source`, `target`, each side of `dyad`) matches an actor
/// whose CAMEO code starts with it (`USA` matches `USA`, `USAGOV`, `USAMIL`), whose country
/// code equals it (`VEN`), or whose canonical name (the mention text when there is none)
/// equals it ignoring ASCII case (`maduro` matches a mention "Maduro" without a canonical
/// name, `nicolás maduro` matches "Nicolás Maduro").
///
/// ```
/// use dyad_store::EventQuery;
/// let query = EventQuery {
///     dyad: Some(("USA".into(), "VEN".into())),
///     date_from: Some("2025-11".into()),
///     limit: Some(20),
///     ..EventQuery::default()
/// };
/// assert!(query.source.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EventQuery {
    /// An actor on either side.
    pub actor: Option<String>,
    /// The source actor.
    pub source: Option<String>,
    /// The target actor.
    pub target: Option<String>,
    /// A pair of actors, one as source and the other as target, in either direction.
    pub dyad: Option<(String, String)>,
    /// A CAMEO event code prefix (`04` matches `04`, `040`, `0411`…).
    pub code: Option<String>,
    /// A CAMEO root code (`14`; a single digit is read as `0N`).
    pub root: Option<String>,
    /// A quad class, 1–4.
    pub quad_class: Option<u8>,
    /// A mode.
    pub mode: Option<Mode>,
    /// Any of these modes (empty: any mode). Narrows like every field: with `mode` too,
    /// an event must have that mode and be one of these.
    pub modes: Vec<Mode>,
    /// Earliest date: events whose date value sorts at or after it (`2025-11` keeps
    /// `2025-11-03` and `2025-12`). Undated events are left out when a date bound is given.
    pub date_from: Option<String>,
    /// Latest date, compared on the length of the bound (`2025-11` keeps `2025-11-30`).
    pub date_to: Option<String>,
    /// Words to find in the evidence sentence, all of them, case- and accent-insensitively.
    /// `"double quotes"` group a phrase; a trailing `*` makes a word a prefix (`attack*`).
    pub text: Option<String>,
    /// The document's outlet, ignoring ASCII case.
    pub outlet: Option<String>,
    /// One row per report instead of one per merged event: an event told by three
    /// articles is then returned three times, once with each article.
    pub mentions: bool,
    /// The order of the results.
    pub sort: Sort,
    /// At most this many events.
    pub limit: Option<usize>,
    /// Skip this many events first (for paging).
    pub offset: usize,
}

/// The order of query results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Oldest first (undated last), then document, then sentence.
    #[default]
    Date,
    /// Newest first (undated last).
    Recent,
    /// Most reported first (articles, then sources), then by date.
    Reports,
    /// Most conflictual first (lowest Goldstein value), then by date.
    Conflict,
}

impl EventQuery {
    /// A query matching every event.
    pub fn all() -> EventQuery {
        EventQuery::default()
    }
}

/// The value of an optional string filter, if it has one.
pub(crate) fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty())
}
