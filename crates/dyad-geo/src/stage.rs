//! [`GeoStage`]: the pipeline stage that resolves place names and locates events.

use dyad_types::{Analysis, Stage};

use crate::eval::{GeoDoc, GeoToponym};
use crate::gazetteer::Gazetteer;
use crate::locate::event_place;
use crate::resolve::{location, resolve, Toponym};

/// Resolves the toponyms of an analysis and fills each event's `location`.
///
/// The embedded gazetteer is loaded on first use (once per process), so a run that codes no
/// event never pays for it.
pub struct GeoStage {
    _private: (),
}

impl GeoStage {
    /// A stage over the embedded gazetteer.
    pub fn embedded() -> GeoStage {
        GeoStage { _private: () }
    }

    /// The gazetteer this stage uses.
    pub fn gazetteer(&self) -> &'static Gazetteer {
        Gazetteer::embedded()
    }

    /// The toponyms of `analysis` (which must have tokens, parse and entities).
    pub fn toponyms(&self, analysis: &Analysis) -> Vec<Toponym> {
        resolve(self.gazetteer(), analysis)
    }

    /// The toponyms of `analysis` in the line format of `dyad geo --format jsonl`.
    pub fn geo_doc(&self, id: &str, analysis: &Analysis) -> GeoDoc {
        let toponyms = self
            .toponyms(analysis)
            .iter()
            .map(|t| {
                let l = location(self.gazetteer(), t);
                let country_code = t
                    .feature
                    .map(|i| self.gazetteer().feature(i).country.clone())
                    .filter(|c| !c.is_empty());
                GeoToponym {
                    start: t.start,
                    end: t.end,
                    text: t.text.clone(),
                    lat: l.lat,
                    lon: l.lon,
                    country_code,
                    geonameid: l.geonameid,
                }
            })
            .collect();
        GeoDoc {
            id: id.to_string(),
            toponyms,
        }
    }
}

impl Stage for GeoStage {
    fn name(&self) -> &str {
        "geo"
    }

    fn process(&self, analysis: &mut Analysis) {
        if analysis.events.is_empty() {
            return;
        }
        let toponyms = self.toponyms(analysis);
        let mut places = Vec::with_capacity(analysis.events.len());
        for event in &analysis.events {
            places.push(event_place(analysis, event, &toponyms));
        }
        for (event, place) in analysis.events.iter_mut().zip(places) {
            event.location = place.map(|(k, how)| {
                let mut l = location(self.gazetteer(), &toponyms[k]);
                if let Some(c) = l.confidence.as_mut() {
                    // A place attached to the clause, not the trigger, is a weaker reading.
                    *c = (*c * if how == 0 { 1.0 } else { 0.7 } * 1000.0).round() / 1000.0;
                }
                l
            });
        }
    }
}
