//! Read-only summaries of a store for overviews such as the dashboard: the actor network,
//! the most frequent actors, the stored documents, and where events happened (the map).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// How finely actors are told apart in the network and the actor list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorLevel {
    /// By country (`USA`, `VEN`); an actor without a country by its CAMEO code, else its
    /// name.
    #[default]
    Country,
    /// By CAMEO actor code (`USAGOV`, `VENMIL`); an actor without a code by its country,
    /// else its name.
    Code,
}

/// One directed edge of the actor network: the events `source` did to `target`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetworkEdge {
    /// The source actor (a country, a code or a name, per [`ActorLevel`]).
    pub source: String,
    /// The target actor.
    pub target: String,
    /// Merged events (each event once, however many articles report it).
    pub events: u64,
    /// The mean Goldstein value of those events.
    pub goldstein_mean: f64,
    /// Events per quad class (1–4).
    pub quad_classes: [u64; 4],
    /// Events per mode name.
    pub by_mode: BTreeMap<String, u64>,
}

/// An actor and how many event reports name it, as source or target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorCount {
    /// The actor (a country or a CAMEO code).
    pub actor: String,
    /// Event reports naming it on either side.
    pub events: u64,
}

/// A stored document without its text and analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentSummary {
    /// Its id.
    pub id: String,
    /// The content hash of its text (the store's key).
    pub content_hash: String,
    /// Its title, if known.
    pub title: Option<String>,
    /// Its outlet, if known.
    pub outlet: Option<String>,
    /// Its publication date, if known.
    pub published: Option<String>,
    /// Its URL, if known.
    pub url: Option<String>,
    /// Event reports coded in it.
    pub events: u64,
    /// The length of its text in bytes.
    pub length: u64,
    /// The first 100 characters of its text (to show a document without a title).
    pub opening: String,
}

/// A page of [`DocumentSummary`]s and how many documents match in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentPage {
    /// Documents matching the filter, in all.
    pub total: u64,
    /// This page of them, most events first.
    pub documents: Vec<DocumentSummary>,
}

/// Where the events matching a query happened: per country and per place with
/// coordinates. Each merged event counts once (by its first matching report).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventMap {
    /// Merged events matching the query.
    pub events: u64,
    /// Of those, events whose location names a country.
    pub located: u64,
    /// Per country (of the event's location), busiest first.
    pub countries: Vec<CountryEvents>,
    /// Per place with coordinates (rounded to 0.01°), busiest first, at most the limit
    /// asked for.
    pub places: Vec<PlaceEvents>,
}

/// The events located in one country.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryEvents {
    /// ISO 3166-1 alpha-3 code of the location's country.
    pub country: String,
    /// Merged events located there.
    pub events: u64,
    /// Their mean Goldstein value.
    pub goldstein_mean: f64,
    /// Their mean sentence tone (GDELT's AvgTone convention), when recorded.
    pub tone_mean: Option<f64>,
    /// Events per quad class (1–4).
    pub quad_classes: [u64; 4],
}

/// The events at one place with coordinates.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceEvents {
    /// Latitude in degrees (rounded to 0.01°).
    pub lat: f64,
    /// Longitude in degrees (rounded to 0.01°).
    pub lon: f64,
    /// The place as written (the most frequent spelling).
    pub place: String,
    /// ISO 3166-1 alpha-3 code of its country, if known.
    pub country: Option<String>,
    /// Merged events located there.
    pub events: u64,
    /// Their mean Goldstein value.
    pub goldstein_mean: f64,
    /// The merged event to open for it: the most conflictual one there.
    pub example_event: String,
}
