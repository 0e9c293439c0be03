//! The CAMEO event codebook as data.
//!
//! [`Codebook`] holds every CAMEO event code (the 20 roots and their 3- and 4-digit codes)
//! with its name, Goldstein value, quad class and PLOVER event type, mode and context. The
//! table is the project's own data file `data/cameo_codes.tsv`, rebuilt from the shared CAMEO
//! table by `python3 scripts/build_codebook.py` (sources credited in `NOTICE`).
//!
//! ```
//! let codebook = dyad_codebook::Codebook::embedded();
//! let code = codebook.get("191").unwrap();
//! assert_eq!(code.quad_class, 4);
//! assert_eq!(code.plover_event.as_deref(), Some("COERCE"));
//! ```
#![warn(missing_docs)]

mod codebook;
mod error;

pub use codebook::{CameoCode, Codebook, QuadClass};
pub use error::{Error, Result};
