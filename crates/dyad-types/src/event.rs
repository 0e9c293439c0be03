use serde::{Deserialize, Serialize};

use crate::Actor;

/// The word or phrase that expresses an event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Trigger {
    /// Byte offset of the trigger.
    pub start: usize,
    /// Byte offset one past the trigger.
    pub end: usize,
    /// The trigger as written.
    pub text: String,
}

/// How precisely an event date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// A calendar day.
    #[default]
    Day,
    /// An ISO week.
    Week,
    /// A month.
    Month,
    /// A year.
    Year,
    /// A decade.
    Decade,
}

/// Where an event date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateBasis {
    /// A time expression governing the event.
    Timex,
    /// The document's publication date.
    Document,
    /// Nothing to date it by.
    #[default]
    Unknown,
}

/// The resolved date of an event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EventDate {
    /// TimeML value: `2025-11-27`, `2025-W48`, `2025-11`, `2020`…; `None` when unknown.
    pub value: Option<String>,
    /// Precision of `value`.
    pub precision: DatePrecision,
    /// Where the value came from.
    pub basis: DateBasis,
}

/// The epistemic status of an event in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// The text states it happened.
    #[default]
    Asserted,
    /// It happened according to a named or anonymous source.
    Reported,
    /// Attributed with doubt (alleged, claims, accused of).
    Alleged,
    /// Announced, planned, intended or predicted.
    Future,
    /// Conditional or counterfactual.
    Hypothetical,
    /// Did not happen, or denied.
    Negated,
}

impl Mode {
    /// All modes, in documentation order.
    pub const ALL: [Mode; 6] = [
        Mode::Asserted,
        Mode::Reported,
        Mode::Alleged,
        Mode::Future,
        Mode::Hypothetical,
        Mode::Negated,
    ];

    /// The lowercase name used in records and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Asserted => "asserted",
            Mode::Reported => "reported",
            Mode::Alleged => "alleged",
            Mode::Future => "future",
            Mode::Hypothetical => "hypothetical",
            Mode::Negated => "negated",
        }
    }

    /// Parses a lowercase mode name.
    pub fn parse(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.as_str() == name)
    }
}

/// The kind of source an attribution names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttributionKind {
    /// A named person.
    Person,
    /// An organisation other than a news outlet.
    Organization,
    /// A news outlet.
    Outlet,
    /// An unnamed source ("sources said", "according to reports").
    Anonymous,
    /// The document itself (no attribution in the text).
    #[default]
    Document,
}

/// One link in the chain of sources an event passed through, outermost first.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Attribution {
    /// The source as written.
    pub text: String,
    /// What kind of source it is.
    pub kind: AttributionKind,
    /// The source resolved to an actor, when possible.
    pub actor: Option<Actor>,
}

/// How precise a location is: the kind of place it was resolved to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GeoPrecision {
    /// A city, town or village.
    City,
    /// A first-order administrative division (a US state).
    Admin1,
    /// A second-order administrative division (a US county).
    Admin2,
    /// A country.
    Country,
    /// A region larger than or across countries ("the Caribbean", "the Middle East").
    Region,
}

impl GeoPrecision {
    /// The record name (`city`, `admin1`, `admin2`, `country`, `region`).
    pub fn as_str(self) -> &'static str {
        match self {
            GeoPrecision::City => "city",
            GeoPrecision::Admin1 => "admin1",
            GeoPrecision::Admin2 => "admin2",
            GeoPrecision::Country => "country",
            GeoPrecision::Region => "region",
        }
    }
}

/// Where an event happened. The fields after `lon` are absent from records written before
/// dyad resolved places, and absent when unknown (a place not in the gazetteer keeps its text).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Location {
    /// The place as written.
    pub text: String,
    /// ISO 3166-1 alpha-3 country code.
    pub country: Option<String>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
    /// What kind of place it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<GeoPrecision>,
    /// The place's name in the gazetteer, with its state and country ("Caracas, Venezuela").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// GeoNames id of the place (`https://www.geonames.org/<id>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonameid: Option<u64>,
    /// FIPS 10-4 country code (GDELT's country codes: `VE`, `US`, `UK`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fips: Option<String>,
    /// GDELT-style first-order division code: FIPS country + GeoNames admin1 (`VE25`, `USTX`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adm1: Option<String>,
    /// How sure the resolution is, 0–1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
}

/// The PLOVER event type and mode of an event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PloverCoding {
    /// PLOVER event type (`REQUEST`, `ASSAULT`…).
    pub event: String,
    /// PLOVER mode, when the crosswalk gives one.
    pub mode: Option<String>,
}

/// A coded event: who did what to whom, when, where, and according to whom.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Event {
    /// Identifier, stable across runs for the same text.
    pub id: String,
    /// Index into the record's sentences.
    pub sentence: usize,
    /// The words that express the event.
    pub trigger: Trigger,
    /// Who acts.
    pub source: Actor,
    /// Who is acted upon, if anyone.
    pub target: Option<Actor>,
    /// CAMEO event code (`"1041"`).
    pub cameo: String,
    /// CAMEO name of the code.
    pub cameo_name: String,
    /// Goldstein value of the code.
    pub goldstein: f64,
    /// Quad class 1–4.
    pub quad_class: u8,
    /// PLOVER coding, where the crosswalk maps the code.
    pub plover: Option<PloverCoding>,
    /// When it happened.
    pub date: EventDate,
    /// Whether the text asserts, reports, alleges, predicts, supposes or denies it.
    pub mode: Mode,
    /// The chain of sources, outermost first.
    pub attribution: Vec<Attribution>,
    /// Where it happened.
    pub location: Option<Location>,
    /// Confidence in the coding, 0–1.
    pub confidence: f64,
    /// PLOVER contexts (`military`, `election`, `human_rights`…): those of the event's
    /// sentence first, then the article's dominant ones. Empty when none is found.
    #[serde(default)]
    pub contexts: Vec<String>,
    /// Tone of the event's sentence in GDELT's AvgTone convention (positive minus negative
    /// words per 100 words, −100 to +100); `None` until the tone stage has run.
    #[serde(default)]
    pub tone: Option<f64>,
}
