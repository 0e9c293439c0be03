//! Exporters of dyad events for other tools.
//!
//! [`gdelt::row`] turns one event into the 61 tab-separated columns of the GDELT 2.0 event
//! table, in GDELT's order, so GDELT tooling reads dyad's output unchanged. `SQLDATE` is the
//! event's resolved date (not the publication date); `DATEADDED` is when the article was
//! analysed.
//!
//! ```
//! use dyad_export::gdelt::{row, Provenance, COLUMNS};
//! let event = dyad_types::Event { cameo: "0251".into(), quad_class: 1, ..Default::default() };
//! let fields = row(&event, &Provenance::default());
//! assert_eq!(fields.len(), COLUMNS.len());
//! assert_eq!(fields[26], "0251"); // EventCode keeps its leading zero
//! ```
#![warn(missing_docs)]

pub mod gdelt;
