//! Places for dyad: a gazetteer built from GeoNames, toponym resolution, and event location.
//!
//! * [`Gazetteer`] (`data/gazetteer.tsv.gz`, built by `dyad train gazetteer` with
//!   [`builder::build`]): 252 countries at GeoNames' country points with ISO and FIPS codes,
//!   US states, continents and our own regions ("the Caribbean", "the Middle East"), and every
//!   GeoNames populated place of 500 people or more (other names for those of 15,000 or more).
//! * [`resolve()`]: the NER's GPE/LOC/FAC mentions and country demonyms, each resolved to a
//!   gazetteer entry by kind, population, the document's dominant countries and states and a
//!   qualifier after a comma ("Paris, Texas"); capitals and countries that act ("Caracas
//!   refused") are marked as metonyms.
//! * [`locate::event_place`]: the place the dependency parse attaches to an event, else to
//!   its clause, else none.
//! * [`GeoStage`] runs both in the pipeline and fills each event's `location`;
//!   [`eval`] scores toponyms against TR-News and LGL as `../shared/tools/geo_score.py` does.
//!
//! The data is GeoNames (geonames.org), licensed CC BY 4.0.
//!
//! ```
//! let gaz = dyad_geo::Gazetteer::embedded();
//! let caracas = gaz.lookup("Caracas");
//! assert!(!caracas.is_empty());
//! let c = gaz.country_by_iso3("VEN").unwrap();
//! assert_eq!(c.fips, "VE");
//! ```
#![warn(missing_docs)]

pub mod builder;
mod error;
pub mod eval;
mod gazetteer;
pub mod locate;
mod resolve;
mod stage;

pub use error::{Error, Result};
pub use gazetteer::{normalize, CountryInfo, Feature, Gazetteer, Kind};
pub use resolve::{country_location, feature_location, location, resolve, Toponym};
pub use stage::GeoStage;
