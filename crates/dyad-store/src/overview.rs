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

/// One merged event's first matching report as the backends read it for an [`EventMap`]:
/// its report number, merged event id, Goldstein value, quad class, sentence tone and
/// location (country, coordinates, the place as written).
pub(crate) struct LocatedReport {
    pub(crate) seq: i64,
    pub(crate) merged: String,
    pub(crate) goldstein: f64,
    pub(crate) quad_class: i64,
    pub(crate) tone: Option<f64>,
    pub(crate) country: Option<String>,
    pub(crate) lat: Option<f64>,
    pub(crate) lon: Option<f64>,
    pub(crate) place: Option<String>,
}

/// The events of one country while they are gathered.
#[derive(Default)]
struct CountryTally {
    events: u64,
    goldstein_sum: f64,
    tone_sum: f64,
    tones: u64,
    quad_classes: [u64; 4],
}

/// The events at one place of the map while they are gathered.
#[derive(Default)]
struct PlaceTally {
    events: u64,
    goldstein_sum: f64,
    country: Option<String>,
    names: BTreeMap<String, u64>,
    /// The most conflictual event: (Goldstein value, report, merged event id).
    example: Option<(f64, i64, String)>,
}

/// The [`EventMap`] of these reports (one per merged event): per country, and per place
/// with coordinates rounded to 0.01°, at most `places` places, the busiest first. Both
/// backends build their maps here, so they agree.
pub(crate) fn event_map(
    reports: impl IntoIterator<Item = LocatedReport>,
    places: usize,
) -> EventMap {
    let mut events = 0;
    let mut located = 0;
    let mut by_country: BTreeMap<String, CountryTally> = BTreeMap::new();
    let mut by_place: BTreeMap<(i64, i64), PlaceTally> = BTreeMap::new();
    for report in reports {
        events += 1;
        let country = report.country.filter(|c| !c.is_empty());
        if let Some(country) = &country {
            located += 1;
            let tally = by_country.entry(country.clone()).or_default();
            tally.events += 1;
            tally.goldstein_sum += report.goldstein;
            if let Some(tone) = report.tone.filter(|t| t.is_finite()) {
                tally.tone_sum += tone;
                tally.tones += 1;
            }
            if let Some(slot) = usize::try_from(report.quad_class - 1)
                .ok()
                .and_then(|i| tally.quad_classes.get_mut(i))
            {
                *slot += 1;
            }
        }
        let (Some(lat), Some(lon)) = (report.lat, report.lon) else {
            continue;
        };
        if !lat.is_finite() || !lon.is_finite() {
            continue;
        }
        let key = ((lat * 100.0).round() as i64, (lon * 100.0).round() as i64);
        let place = by_place.entry(key).or_default();
        place.events += 1;
        place.goldstein_sum += report.goldstein;
        if place.country.is_none() {
            place.country = country;
        }
        *place
            .names
            .entry(report.place.unwrap_or_default())
            .or_default() += 1;
        let better = match &place.example {
            None => true,
            Some((g, s, _)) => (report.goldstein, report.seq) < (*g, *s),
        };
        if better {
            place.example = Some((report.goldstein, report.seq, report.merged));
        }
    }
    let mut countries: Vec<CountryEvents> = by_country
        .into_iter()
        .map(|(country, t)| CountryEvents {
            country,
            events: t.events,
            goldstein_mean: t.goldstein_sum / t.events as f64,
            tone_mean: (t.tones > 0).then(|| t.tone_sum / t.tones as f64),
            quad_classes: t.quad_classes,
        })
        .collect();
    countries.sort_by(|a, b| {
        b.events
            .cmp(&a.events)
            .then_with(|| a.country.cmp(&b.country))
    });
    let mut found: Vec<PlaceEvents> = by_place
        .into_iter()
        .map(|((lat, lon), place)| PlaceEvents {
            lat: lat as f64 / 100.0,
            lon: lon as f64 / 100.0,
            // The most frequent spelling (the first in order among equals).
            place: place
                .names
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(name, _)| name.clone())
                .unwrap_or_default(),
            country: place.country,
            events: place.events,
            goldstein_mean: place.goldstein_sum / place.events as f64,
            example_event: place.example.map(|(_, _, id)| id).unwrap_or_default(),
        })
        .collect();
    found.sort_by(|a, b| {
        b.events
            .cmp(&a.events)
            .then_with(|| a.lat.total_cmp(&b.lat))
            .then_with(|| a.lon.total_cmp(&b.lon))
    });
    found.truncate(places);
    EventMap {
        events,
        located,
        countries,
        places: found,
    }
}
